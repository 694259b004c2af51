from django.core.management.base import BaseCommand, CommandError

from demo.scale import AlreadyGenerated, scale_data_generate


class Command(BaseCommand):
    help = (
        "Write a large generated directory for benchmarks (demo/scale.py): every row is marked "
        "as generated; the same --seed gives the same rows."
    )

    def add_arguments(self, parser):
        parser.add_argument("--municipalities", type=int, default=200)
        parser.add_argument("--services", type=int, default=20_000)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--replace", action="store_true", help="Delete earlier generated rows first."
        )

    def handle(self, *args, municipalities, services, seed, replace, **options):
        if municipalities < 1 or services < 0:
            raise CommandError("--municipalities must be at least 1 and --services not negative.")
        try:
            counts = scale_data_generate(
                municipalities=municipalities, services=services, seed=seed, replace=replace
            )
        except AlreadyGenerated:
            raise CommandError(
                "Generated rows exist already; add --replace to write them anew."
            ) from None
        summary = ", ".join(f"{count} {name}" for name, count in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Generated (marked as such): {summary}."))

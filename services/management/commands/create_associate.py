from django.core.management.base import CommandError

from services.actions import associate_save
from services.management.staff import StaffMemberCommand
from services.models import Municipality


class Command(StaffMemberCommand):
    help = (
        "Create or update a local associate who keeps the given municipalities' entries; "
        "re-running sets exactly the municipalities given."
    )
    role = "local associate"

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--municipality",
            action="append",
            required=True,
            metavar="SLUG",
            help="A municipality's slug; repeat for several.",
        )

    def staff_member_save(self, options, *, password):
        slugs = set(options["municipality"])
        municipalities = list(Municipality.objects.filter(slug__in=slugs))
        unknown = slugs - {municipality.slug for municipality in municipalities}
        if unknown:
            valid = ", ".join(Municipality.objects.values_list("slug", flat=True))
            raise CommandError(
                f"Unknown municipality: {', '.join(sorted(unknown))}. Valid slugs: {valid}"
            )
        return associate_save(
            username=options["username"],
            email=options["email"],
            municipalities=municipalities,
            password=password,
        )

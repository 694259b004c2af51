from django.core.management.base import BaseCommand

from demo.loader import demo_load


class Command(BaseCommand):
    help = (
        "Load the demo directory and guide (demo/data/) from the public source documents. "
        "Safe to run again: rows are updated in place, never duplicated."
    )

    def handle(self, *args, **options):
        summary = ", ".join(f"{count} {name}" for name, count in demo_load().items())
        self.stdout.write(self.style.SUCCESS(f"Demo content loaded: {summary}."))

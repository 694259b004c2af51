from django.core.management.base import BaseCommand

from guides.demo_content import demo_load as guide_demo_load
from returnee_portal.demo import latin_names_load
from services.demo_content import demo_load as directory_demo_load


class Command(BaseCommand):
    help = (
        "Load the demo directory and guide from the public source documents. "
        "Safe to run again: rows are updated in place, never duplicated."
    )

    def handle(self, *args, **options):
        counts = directory_demo_load()
        counts["GuideChapter"] = guide_demo_load()
        counts["LatinName"] = latin_names_load()
        summary = ", ".join(f"{count} {name}" for name, count in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Demo content loaded: {summary}."))

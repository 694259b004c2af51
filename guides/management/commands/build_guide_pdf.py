"""The guide's PDF for the network's print runs, the same file the site serves."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from guides.pdf import guide_pdf_build
from services.models import Municipality


class Command(BaseCommand):
    help = "Write the Guide for Integration of Returnees as a PDF, optionally with a municipality."

    def add_arguments(self, parser):
        parser.add_argument(
            "--language", required=True, choices=[code for code, _name in settings.LANGUAGES]
        )
        parser.add_argument("--municipality", metavar="SLUG", help="Add its services as an annex.")
        parser.add_argument("--output", required=True, metavar="FILE")

    def handle(self, *args, **options):
        municipality = None
        if options["municipality"]:
            municipality = Municipality.objects.filter(slug=options["municipality"]).first()
            if municipality is None:
                valid = ", ".join(Municipality.objects.values_list("slug", flat=True))
                raise CommandError(
                    f"Unknown municipality: {options['municipality']}. Valid: {valid}"
                )
        pdf = guide_pdf_build(language=options["language"], municipality=municipality)
        with open(options["output"], "wb") as file:
            file.write(pdf.content)
        self.stdout.write(f"Wrote {options['output']}: {pdf.pages} pages, {pdf.size // 1024} KB.")

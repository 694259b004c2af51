from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from reports.catalogue import REPORTS
from services.models import Category, Municipality


class Command(BaseCommand):
    help = (
        "Write one report (as in the admin's reports area) to a CSV or XLSX file, for scheduled "
        "jobs. Reports: " + ", ".join(REPORTS) + "."
    )

    def add_arguments(self, parser):
        parser.add_argument("name", help="The report: " + ", ".join(REPORTS))
        parser.add_argument("--format", choices=["csv", "xlsx"], default="csv")
        parser.add_argument(
            "--language",
            default=settings.MODELTRANSLATION_DEFAULT_LANGUAGE,
            help="Content language: " + ", ".join(settings.MODELTRANSLATION_LANGUAGES),
        )
        parser.add_argument("--output", required=True, help="The file to write.")
        parser.add_argument(
            "--municipality",
            action="append",
            default=[],
            metavar="SLUG",
            help="Only this municipality; repeat for several. Default: all.",
        )
        parser.add_argument("--category", metavar="SLUG", help="Only this category.")

    def handle(self, *args, name, format, language, output, municipality, category, **options):
        report_class = REPORTS.get(name)
        if report_class is None:
            raise CommandError(f"Unknown report {name!r}. Choose one of: {', '.join(REPORTS)}.")
        languages = settings.MODELTRANSLATION_LANGUAGES
        if language not in languages:
            raise CommandError(
                f"Unknown language {language!r}. Choose one of: {', '.join(languages)}."
            )
        municipalities = None
        if municipality:
            municipalities = Municipality.objects.filter(slug__in=municipality)
            unknown = sorted(set(municipality) - set(municipalities.values_list("slug", flat=True)))
            if unknown:
                raise CommandError(f"Unknown municipality: {', '.join(unknown)}.")
        chosen_category = None
        if category:
            chosen_category = Category.objects.filter(slug=category).first()
            if chosen_category is None:
                raise CommandError(f"Unknown category {category!r}.")
        report = report_class(
            language=language,
            municipalities=municipalities,
            category=chosen_category,
            today=timezone.localdate(),
        )
        path = Path(output)
        write = report.write_csv if format == "csv" else report.write_xlsx
        try:
            with path.open("wb") as file:
                rows = write(file)
        except OSError as error:
            raise CommandError(f"Cannot write {path}: {error}") from error
        self.stdout.write(self.style.SUCCESS(f"Wrote {report.slug} ({rows} rows) to {path}."))

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from services.hsds import JSON_FILE, hsds_languages, hsds_package_write


class Command(BaseCommand):
    help = (
        "Export the published services as an Open Referral HSDS 3.0 tabular data package "
        "(one CSV per table and datapackage.json) in one content language."
    )

    def add_arguments(self, parser):
        parser.add_argument("outdir", type=Path, help="Folder to write into (created if missing).")
        parser.add_argument(
            "--language",
            default=settings.MODELTRANSLATION_DEFAULT_LANGUAGE,
            help=f"Content language: {', '.join(hsds_languages())} (default: %(default)s).",
        )
        parser.add_argument(
            "--json",
            action="store_true",
            help=f"Also write {JSON_FILE}: the services as HSDS JSON objects.",
        )

    def handle(self, *args, outdir, language, json, **options):
        if language not in hsds_languages():
            raise CommandError(
                f"Unknown language {language!r}; choose one of: {', '.join(hsds_languages())}."
            )
        written = hsds_package_write(outdir=outdir, language=language, with_json=json)
        self.stdout.write(
            self.style.SUCCESS(f"HSDS export ({language}): {len(written)} files in {outdir}.")
        )

"""`manage.py backup FILE`: the whole site in one checked file (returnee_portal.backup)."""

from django.core.management.base import BaseCommand

from returnee_portal.backup import backup_write


class Command(BaseCommand):
    help = "Write a backup of the whole site (a gzip file) that `manage.py restore` reads back."

    def add_arguments(self, parser):
        parser.add_argument("file", help="where to write the backup, e.g. portal-2026-12-03.gz")

    def handle(self, *args, file, **options):
        header = backup_write(path=file)
        rows = sum(header["counts"].values())
        self.stdout.write(f"Wrote {file}: {rows} rows of {len(header['counts'])} models.")

"""`manage.py restore FILE [--replace]`: the site as a backup holds it (returnee_portal.backup)."""

from django.core.management.base import BaseCommand, CommandError

from returnee_portal.backup import BackupError, backup_restore


class Command(BaseCommand):
    help = (
        "Restore a backup written by `manage.py backup`: checked first, loaded in one "
        "transaction. Refuses a database that holds content unless --replace is given."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="a backup written by `manage.py backup`")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="delete the content this database holds and replace it with the backup's",
        )

    def handle(self, *args, file, replace, **options):
        try:
            header = backup_restore(path=file, replace=replace)
        except BackupError as error:
            raise CommandError(str(error)) from None
        rows = sum(header["counts"].values())
        self.stdout.write(f"Restored {rows} rows from {file}, written {header['written']}.")

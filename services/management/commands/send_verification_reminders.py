"""Weekly (cron) reminders to local associates: the services to check and the visitors'
update suggestions waiting in their municipalities. See README, Operations."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from services.actions import verification_reminders_send


class Command(BaseCommand):
    help = (
        "E-mail each local associate the services of their municipalities not verified for 6 "
        "months and the open update suggestions; nothing when there is nothing to say, never "
        "twice in one week."
    )

    def handle(self, *args, **options):
        counts = verification_reminders_send(today=timezone.localdate())
        self.stdout.write(
            f"Reminders sent: {counts['sent']}. Nothing to check: {counts['nothing']}. "
            f"Already reminded this week: {counts['this_week']}. "
            f"No e-mail address: {counts['no_address']}."
        )

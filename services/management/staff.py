"""What create_associate and create_coordinator share: arguments, password, the link."""

import sys

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from returnee_portal.links import absolute_url
from returnee_portal.models import staff_language_set


def password_set_url(*, user) -> str:
    """A link that lets `user` choose a password once (Django's password reset confirmation)."""
    path = reverse(
        "password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    return absolute_url(path)


class StaffMemberCommand(BaseCommand):
    role = ""

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--email", default="")
        parser.add_argument(
            "--language",
            choices=[code for code, _name in settings.LANGUAGES],
            help="The language to write to them in (reminders); later, the one they log in with.",
        )
        parser.add_argument(
            "--password-stdin",
            action="store_true",
            help="Read the password from the first line of standard input.",
        )

    def handle(self, *args, **options):
        password = sys.stdin.readline().rstrip("\r\n") if options["password_stdin"] else None
        try:
            user, created = self.staff_member_save(options, password=password)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        if options["language"]:
            staff_language_set(user=user, language=options["language"])
        self.stdout.write(f"{'Created' if created else 'Updated'} {self.role} {user.username}.")
        if not user.has_usable_password():
            days = settings.PASSWORD_RESET_TIMEOUT // (60 * 60 * 24)
            url = password_set_url(user=user)
            self.stdout.write(
                f"Send them this link to choose a password (works once, for {days} days):\n{url}"
            )

    def staff_member_save(self, options, *, password):
        raise NotImplementedError

"""Writes with side effects: update suggestions, verification, the staff accounts, the
associates' reminders."""

import datetime
import ipaddress

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, User
from django.contrib.auth.password_validation import validate_password
from django.core.cache import cache
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.crypto import salted_hmac

from returnee_portal.links import absolute_url
from returnee_portal.locking import content_update_all
from returnee_portal.models import staff_language
from returnee_portal.roles import ASSOCIATES_GROUP, COORDINATORS_GROUP

from .models import Municipality, Service, UpdateSuggestion, VerificationReminder
from .selectors import verification_digest

SUGGESTIONS_PER_ADDRESS = 5
SUGGESTION_WINDOW_SECONDS = 60 * 60


def update_suggestion_file(*, service: Service, message: str, contact: str) -> UpdateSuggestion:
    return UpdateSuggestion.objects.create(service=service, message=message, contact=contact)


def update_suggestion_close(*, suggestion: UpdateSuggestion, user) -> UpdateSuggestion:
    suggestion.status = UpdateSuggestion.Status.CLOSED
    suggestion.closed_at = timezone.now()
    suggestion.closed_by = user
    suggestion.save(update_fields=["status", "closed_at", "closed_by"])
    return suggestion


def update_suggestion_quota_take(*, client_address: str) -> bool:
    """Count one suggestion from `client_address`; False once the hour's are used up.

    The cache key is a keyed hash of the address, so the address itself is never stored. An
    IPv6 client is counted per /64 network, the block one household or phone usually gets.
    """
    try:
        address = ipaddress.ip_address(client_address)
    except ValueError:
        network = client_address
    else:
        prefix = 64 if address.version == 6 else 32
        network = str(ipaddress.ip_network(f"{address}/{prefix}", strict=False))
    key = "update-report-quota:" + salted_hmac("update-report-quota", network).hexdigest()
    cache.add(key, 0, timeout=SUGGESTION_WINDOW_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.set(key, 1, timeout=SUGGESTION_WINDOW_SECONDS)
        count = 1
    return count <= SUGGESTIONS_PER_ADDRESS


def service_mark_verified(*, service: Service, user) -> Service:
    """Record that `user` checked the service today.

    Written as a new version of the locked row: it cannot overwrite a concurrent edit of the
    texts, and a form opened before the verification is refused afterwards (no lost update).
    """
    content_update_all(
        queryset=Service.objects.filter(pk=service.pk),
        values={"last_verified": timezone.localdate(), "verified_by": user},
    )
    service.refresh_from_db()
    return service


def associate_save(
    *, username: str, email: str, municipalities: list[Municipality], password: str | None
) -> tuple[User, bool]:
    """Make `username` the local associate of exactly `municipalities`; True if created."""
    with transaction.atomic():
        user, created = _staff_member_save(
            username=username, email=email, group_name=ASSOCIATES_GROUP, password=password
        )
        user.served_municipalities.set(municipalities)
    return user, created


def coordinator_save(*, username: str, email: str, password: str | None) -> tuple[User, bool]:
    """Make `username` a coordinator; True if the account was created."""
    with transaction.atomic():
        return _staff_member_save(
            username=username, email=email, group_name=COORDINATORS_GROUP, password=password
        )


def _staff_member_save(
    *, username: str, email: str, group_name: str, password: str | None
) -> tuple[User, bool]:
    # A new account without a password gets an unusable one, set later through a link; an
    # existing account keeps its password, so re-running only updates the role.
    user_model = get_user_model()
    user = user_model.objects.filter(username=username).first()
    created = user is None
    if created:
        user_model._meta.get_field("username").run_validators(username)
        user = user_model(username=username)
        user.set_unusable_password()
    user.is_staff = True
    user.is_active = True
    if email:
        user.email = email
    if password is not None:
        validate_password(password, user)
        user.set_password(password)
    user.save()
    user.groups.add(Group.objects.get(name=group_name))
    return user, created


def verification_reminders_send(*, today: datetime.date) -> dict[str, int]:
    """E-mail each local associate the digest of what waits for them (`verification_digest`),
    in their language, with links to the admin on SITE_URL.

    Nothing is sent to an associate with nothing to check, without an e-mail address, or who
    was already reminded this week (Monday to Sunday). Returns how many associates were in
    each case: {"sent", "nothing", "this_week", "no_address"}.
    """
    counts = dict.fromkeys(("sent", "nothing", "this_week", "no_address"), 0)
    monday = today - datetime.timedelta(days=today.weekday())
    week_start = timezone.make_aware(datetime.datetime.combine(monday, datetime.time.min))
    associates = User.objects.filter(
        is_active=True, groups__name=ASSOCIATES_GROUP, served_municipalities__isnull=False
    ).distinct()
    reminded = set(
        VerificationReminder.objects.filter(sent_at__gte=week_start).values_list(
            "associate", flat=True
        )
    )
    services_url = absolute_url(reverse("admin:services_service_changelist"))
    links = {
        "stale_url": f"{services_url}?is_published__exact=1&verification=stale",
        "never_url": f"{services_url}?is_published__exact=1&verification=never",
        "suggestions_url": absolute_url(reverse("admin:services_updatesuggestion_changelist"))
        + "?status__exact=open",
        "site_url": settings.SITE_URL,
    }
    for associate in associates.order_by("pk"):
        if associate.pk in reminded:
            counts["this_week"] += 1
            continue
        digest = verification_digest(user=associate, today=today)
        if not digest:
            counts["nothing"] += 1
            continue
        if not associate.email:
            counts["no_address"] += 1
            continue
        with translation.override(staff_language(associate)):
            context = {"associate": associate, "digest": digest, **links}
            subject = " ".join(
                render_to_string("services/email/reminder_subject.txt", context).split()
            )
            body = render_to_string("services/email/reminder.txt", context)
        # Recorded with the sending: if the mail server refuses the message, nothing is
        # recorded and the next run tries again.
        with transaction.atomic():
            VerificationReminder.objects.create(
                associate=associate,
                stale_count=len(digest.stale),
                suggestion_count=len(digest.suggestions),
            )
            send_mail(subject, body, None, [associate.email])
        counts["sent"] += 1
    return counts

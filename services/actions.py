"""Writes with side effects: filing and closing update reports, marking services verified."""

import ipaddress

from django.core.cache import cache
from django.utils import timezone
from django.utils.crypto import salted_hmac

from returnee_portal.locking import content_update_all

from .models import Service, UpdateReport

REPORTS_PER_ADDRESS = 5
REPORT_WINDOW_SECONDS = 60 * 60


def update_report_file(*, service: Service, message: str, contact: str) -> UpdateReport:
    return UpdateReport.objects.create(service=service, message=message, contact=contact)


def update_report_close(*, report: UpdateReport, user) -> UpdateReport:
    report.status = UpdateReport.Status.CLOSED
    report.closed_at = timezone.now()
    report.closed_by = user
    report.save(update_fields=["status", "closed_at", "closed_by"])
    return report


def update_report_quota_take(*, client_address: str) -> bool:
    """Count one report from `client_address`; False once its reports for the hour are used up.

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
    cache.add(key, 0, timeout=REPORT_WINDOW_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.set(key, 1, timeout=REPORT_WINDOW_SECONDS)
        count = 1
    return count <= REPORTS_PER_ADDRESS


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

"""Reads for the public pages: each returns what a page needs in a constant number of queries."""

import calendar
import datetime

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from .filters import ServiceFilter
from .models import (
    Category,
    District,
    Municipality,
    OpenCall,
    Project,
    Service,
)


def districts_with_municipalities() -> QuerySet[District]:
    return (
        District.objects.prefetch_related(
            Prefetch(
                "municipalities",
                queryset=Municipality.objects.annotate(
                    service_count=Count("services", filter=Q(services__is_published=True))
                ),
            )
        )
        .filter(municipalities__isnull=False)
        .distinct()
    )


def services_for_municipality(*, municipality: Municipality, filters) -> ServiceFilter:
    """The municipality's published services, narrowed by the visitor's filters."""
    queryset = (
        Service.objects.published()
        .filter(municipality=municipality)
        .select_related("organization")
        .prefetch_related("categories", "staff_languages")
    )
    return ServiceFilter(filters, queryset=queryset, municipality=municipality)


def services_grouped_by_category(services) -> list[tuple[Category | None, list[Service]]]:
    """Group services under each of their categories, in category order.

    A service in two categories is listed under both, because a family looks for it under
    either; a service without a category is grouped last under None.
    """
    groups: dict[Category | None, list[Service]] = {}
    for service in services:
        for category in service.categories.all() or [None]:
            groups.setdefault(category, []).append(service)
    return sorted(
        groups.items(),
        key=lambda item: (item[0] is None, item[0].order if item[0] else 0, str(item[0])),
    )


def service_detail(*, slug: str) -> QuerySet[Service]:
    return (
        Service.objects.published()
        .filter(slug=slug)
        .select_related("organization", "municipality__district")
        .prefetch_related("categories", "staff_languages")
    )


def open_calls_current() -> QuerySet[OpenCall]:
    return (
        OpenCall.objects.open_on(timezone.localdate())
        .select_related("project")
        .prefetch_related("municipalities")
    )


def projects_with_details() -> QuerySet[Project]:
    return Project.objects.prefetch_related("municipalities", "indicators", "open_calls")


STALE_AFTER_MONTHS = 6


def verification_cutoff(*, today: datetime.date) -> datetime.date:
    """The last day a verification may date from and still count as stale: six months ago."""
    month_index = today.year * 12 + today.month - 1 - STALE_AFTER_MONTHS
    year, month = divmod(month_index, 12)
    month += 1
    return today.replace(
        year=year, month=month, day=min(today.day, calendar.monthrange(year, month)[1])
    )


def stale_services_per_municipality(
    *, municipalities: QuerySet[Municipality], today: datetime.date
) -> QuerySet[Municipality]:
    """Municipalities with published services not verified for six months or more, or never.

    Each has `outdated_count` (last verified six or more months ago) and `never_count`.
    """
    published = Q(services__is_published=True)
    cutoff = verification_cutoff(today=today)
    return (
        municipalities.annotate(
            outdated_count=Count(
                "services", filter=published & Q(services__last_verified__lte=cutoff)
            ),
            never_count=Count(
                "services", filter=published & Q(services__last_verified__isnull=True)
            ),
        )
        .filter(Q(outdated_count__gt=0) | Q(never_count__gt=0))
        .order_by("name")
    )

"""Reads for the coordinator reports: each a constant number of queries, whatever the size."""

import datetime

from django.db.models import Case, Count, IntegerField, Max, Min, Q, QuerySet, Value, When

from returnee_portal.languages import localized_fields
from services.models import Category, Municipality, Project, Service
from services.selectors import verification_cutoff


def services_for_report(
    *, municipalities: QuerySet[Municipality], category: Category | None, order: list[int]
) -> QuerySet[Service]:
    """Every service (published or not) of `municipalities`, optionally of one category, with
    who verified it; the services of one municipality come together, municipalities in the
    order of their ids in `order`.

    Organizations, municipalities, categories and languages are not joined: a report reads
    those small tables once (`names_by_id`) and the links per batch
    (services.selectors.service_links), ten times faster at 20,000 services than building
    them per row.
    """
    queryset = Service.objects.filter(municipality__in=municipalities)
    if category is not None:
        queryset = queryset.filter(categories=category)
    rank = Case(
        *(When(municipality_id=pk, then=Value(n)) for n, pk in enumerate(order)),
        default=Value(len(order)),
        output_field=IntegerField(),
    )
    return (
        queryset.select_related("verified_by")
        # Only the columns the report writes: a service has some forty more (every language
        # of its long texts), which made reading it three times slower.
        .only(
            "municipality_id",
            "organization_id",
            "verified_by",
            "is_published",
            "last_verified",
            "address",
            "phone",
            "email",
            "website",
            *localized_fields("name", "opening_hours", "cost"),
        )
        .alias(municipality_rank=rank)
        .order_by("municipality_rank", "pk")
    )


def names_by_id(queryset: QuerySet) -> dict[int, str]:
    """{id: name in the active language} of a small table's rows, in the queryset's order."""
    return {row.pk: row.name for row in queryset.only("pk", *localized_fields("name"))}


def service_counts_per_municipality_and_category(
    *, municipalities: QuerySet[Municipality]
) -> dict[tuple[int, int], int]:
    """{(municipality id, category id): number of published services}; absent means none."""
    counts = (
        Service.objects.published()
        .filter(municipality__in=municipalities, categories__isnull=False)
        .values_list("municipality_id", "categories")
        .annotate(count=Count("pk", distinct=True))
        .order_by()
    )
    return {(municipality_id, category_id): count for municipality_id, category_id, count in counts}


def service_verifications_per_person(
    *, municipalities: QuerySet[Municipality], category: Category | None, today: datetime.date
) -> QuerySet:
    """Per person who verified published services: how many, how many are now outdated, the
    oldest and newest verification dates. Rows are dicts; services nobody verified are left out.
    """
    queryset = Service.objects.published().filter(
        municipality__in=municipalities, verified_by__isnull=False
    )
    if category is not None:
        queryset = queryset.filter(categories=category)
    cutoff = verification_cutoff(today=today)
    return (
        queryset.values(
            "verified_by",
            "verified_by__username",
            "verified_by__first_name",
            "verified_by__last_name",
        )
        .annotate(
            verified_count=Count("pk", distinct=True),
            outdated_count=Count("pk", filter=Q(last_verified__lte=cutoff), distinct=True),
            oldest=Min("last_verified"),
            newest=Max("last_verified"),
        )
        .order_by("verified_by__username")
    )


def projects_for_report(*, municipalities: QuerySet[Municipality] | None) -> QuerySet[Project]:
    """Projects with their indicators and municipalities; with `municipalities`, only the
    projects working in at least one of them (national projects without any are left out)."""
    queryset = Project.objects.all()
    if municipalities is not None:
        queryset = queryset.filter(
            pk__in=Project.objects.filter(municipalities__in=municipalities).values("pk")
        )
    # The model's order: newest first, a project without a start date last (on every database).
    return queryset.prefetch_related("municipalities", "indicators")

"""Reads for the public pages (each returns what a page needs in a constant number of
queries), the admin and the reminders."""

import calendar
import datetime
from collections import defaultdict
from dataclasses import dataclass
from types import SimpleNamespace

from django.conf import settings
from django.db.models import Count, F, Prefetch, Q, QuerySet
from django.utils import timezone
from modeltranslation.utils import build_localized_fieldname

from returnee_portal.feeds import with_history_dates
from returnee_portal.languages import localized_columns, localized_fields
from returnee_portal.pagecache import list_tag, page_depends_on, row_tag
from returnee_portal.roles import user_is_coordinator

from .filters import ServiceFilter
from .models import (
    Category,
    District,
    Municipality,
    OpenCall,
    Organization,
    Project,
    Service,
    SpokenLanguage,
    UpdateSuggestion,
)


def municipalities_for_user(user) -> QuerySet[Municipality]:
    """The municipalities whose entries `user` may see and edit in the admin."""
    if user_is_coordinator(user):
        return Municipality.objects.all()
    if not user.is_active:
        return Municipality.objects.none()
    return Municipality.objects.filter(associates=user)


def _names_only() -> list[str]:
    """The columns a list of names reads: loading 200 whole municipalities (every text in five
    languages, decoded JSON) would cost more than the rest of the page."""
    names = [
        build_localized_fieldname("name", code) for code in settings.MODELTRANSLATION_LANGUAGES
    ]
    return ["id", "slug", "cyrillic", *names]


def _names_shown() -> list[str]:
    """The columns of a row of names (not a model instance, which may be read in other ways)
    shown in the page's language: what `localized_text` reads."""
    return ["id", "slug", *localized_columns("name")]


def districts_with_municipalities(*, category: Category | None = None) -> list[SimpleNamespace]:
    """Districts with their municipalities, each with `service_count`: its published services,
    or only those of `category`."""
    page_depends_on(list_tag(District), list_tag(Municipality), list_tag(Service))
    services = Service.objects.filter(is_published=True)
    if category is not None:
        services = services.filter(categories=category)
    # Counted apart, over the services' (municipality, is_published) index alone: grouping the
    # municipalities' rows, names and all, by municipality costs four times as much.
    counts = dict(
        services.order_by()
        .values("municipality_id")
        .annotate(count=Count("pk", distinct=True))
        .values_list("municipality_id", "count")
    )
    districts = _district_rows(Municipality.objects.all())
    for district in districts:
        for municipality in district.municipalities:
            municipality.service_count = counts.get(municipality.id, 0)
    return districts


def districts_for_picker() -> list[SimpleNamespace]:
    """Districts and their municipalities, for the "your municipality" picker."""
    page_depends_on(list_tag(District), list_tag(Municipality))
    return _district_rows(Municipality.objects.all())


def _district_rows(municipalities: QuerySet[Municipality]) -> list[SimpleNamespace]:
    """The districts that have municipalities, each with its `municipalities`, as plain rows of
    their slugs and names (what `localized_text` reads), in two queries.

    Rows, not model instances: building 200 municipalities through modeltranslation costs
    more than the rest of the page. The page depends on both lists (the callers say so), so
    the rows need no tags of their own.
    """
    by_district: dict[int, list[SimpleNamespace]] = defaultdict(list)
    for row in municipalities.values("district_id", *_names_shown()):
        by_district[row.pop("district_id")].append(SimpleNamespace(**row))
    districts = District.objects.filter(pk__in=list(by_district)).values(*_names_shown())
    return [SimpleNamespace(**row, municipalities=by_district[row["id"]]) for row in districts]


def services_for_municipality(*, municipality: Municipality, filters) -> ServiceFilter:
    """The municipality's published services, narrowed by the visitor's filters (a page of
    them is shown as `service_rows`)."""
    page_depends_on(list_tag(Service, municipality=municipality.pk))
    queryset = Service.objects.published().filter(municipality=municipality)
    return ServiceFilter(filters, queryset=queryset)


def categories_in_municipality(*, municipality: Municipality) -> QuerySet[Category]:
    """The categories with published services in `municipality`, each with `service_count`."""
    page_depends_on(list_tag(Category), list_tag(Service, municipality=municipality.pk))
    # Filtered before counting: the join reads only this municipality's services (through the
    # municipality index), not every service of every category.
    return Category.objects.filter(
        services__municipality=municipality, services__is_published=True
    ).annotate(service_count=Count("services", distinct=True))


def languages_in_municipality(*, municipality: Municipality) -> QuerySet[SpokenLanguage]:
    """The languages staff of the municipality's published services speak."""
    page_depends_on(list_tag(SpokenLanguage), list_tag(Service, municipality=municipality.pk))
    return SpokenLanguage.objects.filter(
        services__municipality=municipality, services__is_published=True
    ).distinct()


def municipalities_nearby_with(
    *, municipality: Municipality, category: Category
) -> QuerySet[Municipality]:
    """Other municipalities of the same district with published services of `category`."""
    page_depends_on(list_tag(Municipality), list_tag(Service))
    return (
        Municipality.objects.filter(district_id=municipality.district_id)
        .exclude(pk=municipality.pk)
        .annotate(
            service_count=Count(
                "services",
                filter=Q(services__categories=category, services__is_published=True),
                distinct=True,
            )
        )
        .filter(service_count__gt=0)
    )


def chapters_about(*, category: Category) -> QuerySet:
    """The published guide chapters on `category`'s topic (the guide links its chapters to
    categories; read through that link, so this app needs nothing of the guide's code)."""
    page_depends_on(list_tag(category.guide_chapters.model))
    return category.guide_chapters.filter(is_published=True)


def service_detail(*, slug: str) -> QuerySet[Service]:
    return (
        Service.objects.published()
        .filter(slug=slug)
        .select_related("organization", "municipality__district")
        .prefetch_related("categories", "staff_languages")
    )


def service_rows(services: QuerySet[Service]) -> list[SimpleNamespace]:
    """A page of a list of services as plain rows, in three queries: each service's slug and
    name, its `organization` and `municipality` (their names) and `listed_categories`, in the
    page's language (what `localized_text` reads).

    Rows, not model instances: 50 services with their organizations and 150 categories built
    through modeltranslation cost more than the rest of a municipality's page. The page
    depends on each organization, municipality and category it names (rows tag nothing).
    """
    names = localized_columns("name")
    related = ("organization", "municipality")
    rows = list(
        services.prefetch_related(None).values(
            "id", "slug", *names, *(f"{r}_id" for r in related),
            *(f"{r}__{name}" for r in related for name in names),
        )
    )  # fmt: skip
    links = defaultdict(list)
    for service_id, category_id in Service.categories.through.objects.filter(
        service_id__in=[row["id"] for row in rows]
    ).values_list("service_id", "category_id"):
        links[service_id].append(category_id)
    # In the categories' own order (as everywhere on the site).
    categories = {
        row["id"]: SimpleNamespace(**row)
        for row in Category.objects.filter(
            pk__in={pk for pks in links.values() for pk in pks}
        ).values("id", *names)
    }
    position = {pk: n for n, pk in enumerate(categories)}
    page_depends_on(
        *(row_tag(Category, pk) for pk in categories),
        *(row_tag(Organization, row["organization_id"]) for row in rows),
        *(row_tag(Municipality, row["municipality_id"]) for row in rows if row["municipality_id"]),
    )
    return [
        SimpleNamespace(
            slug=row["slug"],
            **{name: row[name] for name in names},
            **{
                r: SimpleNamespace(**{name: row[f"{r}__{name}"] for name in names}) for r in related
            },
            listed_categories=[categories[pk] for pk in sorted(links[row["id"]], key=position.get)],
        )
        for row in rows
    ]


def services_of_organization(*, organization: Organization) -> QuerySet[Service]:
    page_depends_on(list_tag(Service, organization=organization.pk))
    return (
        Service.objects.published()
        .filter(organization=organization)
        .order_by("municipality__name", "name", "pk")
    )


def open_calls_current() -> QuerySet[OpenCall]:
    page_depends_on(list_tag(OpenCall))
    return _calls_shown(OpenCall.objects.open_on(timezone.localdate()))


def open_calls_closing_first(*, count: int) -> QuerySet[OpenCall]:
    """The first `count` calls open today, the soonest to close first (titles and deadlines)."""
    page_depends_on(list_tag(OpenCall))
    return OpenCall.objects.open_on(timezone.localdate())[:count]


def open_call_detail(*, slug: str) -> QuerySet[OpenCall]:
    """The call, once it has opened (a call announced ahead is not shown before its day)."""
    page_depends_on(list_tag(OpenCall))  # the day it opens, or if it is created after a 404
    return _calls_shown(OpenCall.objects.opened_by(timezone.localdate()).filter(slug=slug))


def _calls_shown(calls: QuerySet[OpenCall]) -> QuerySet[OpenCall]:
    """What a call's card shows besides the call: its project and its municipalities' names."""
    return calls.select_related("project").prefetch_related(
        Prefetch("municipalities", queryset=Municipality.objects.only(*_names_only()))
    )


def services_changed(*, municipality: Municipality) -> QuerySet[Service]:
    """The municipality's published services, the most recently changed first (its feed)."""
    page_depends_on(list_tag(Service, municipality=municipality.pk))
    services = Service.objects.published().filter(municipality=municipality)
    return with_history_dates(services).prefetch_related("categories").order_by("-updated_at", "pk")


def open_calls_changed() -> QuerySet[OpenCall]:
    """The calls open today with their publication dates (the open calls' feed)."""
    return with_history_dates(open_calls_current())


def projects_listed() -> QuerySet[Project]:
    """The projects page's list: titles, periods and summaries (their municipalities,
    indicators and calls are on each project's own page)."""
    page_depends_on(list_tag(Project))
    return Project.objects.all()


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
    return service_freshness_per_municipality(
        municipalities=municipalities, category=None, today=today
    ).filter(Q(outdated_count__gt=0) | Q(never_count__gt=0))


def service_freshness_per_municipality(
    *, municipalities: QuerySet[Municipality], category: Category | None, today: datetime.date
) -> QuerySet[Municipality]:
    """Every municipality with `total_count`, `outdated_count` and `never_count` of its
    published services (outdated: last verified six or more months ago, as on the admin index).
    """
    published = Q(services__is_published=True)
    if category is not None:
        published &= Q(services__categories=category)
    cutoff = verification_cutoff(today=today)
    return municipalities.annotate(
        total_count=Count("services", filter=published, distinct=True),
        outdated_count=Count(
            "services", filter=published & Q(services__last_verified__lte=cutoff), distinct=True
        ),
        never_count=Count(
            "services", filter=published & Q(services__last_verified__isnull=True), distinct=True
        ),
    ).order_by("name")


# --- Open Referral HSDS export (see hsds.py): published services only, in a stable order ---


def services_for_hsds() -> QuerySet:
    """Published services, ordered by slug, as plain rows ({column: value}, every language's
    column of the translated texts): at 20,000 services, building model instances took a
    third of the export. Their organizations, municipalities, categories and languages are
    read once (the selectors below) and their links per batch (`service_links`)."""
    return (
        Service.objects.published()
        .order_by("slug")
        .values(
            "id",
            "slug",
            "municipality_id",
            "organization_id",
            "website",
            "email",
            "phone",
            "address",
            "latitude",
            "longitude",
            "last_verified",
            "updated_at",
            *localized_fields("name", "description", "how_to_apply", "cost", "eligibility"),
        )
    )


def municipalities_for_hsds() -> QuerySet[Municipality]:
    return Municipality.objects.select_related("district")


def service_links(*, service_ids: list[int]) -> tuple[dict, dict]:
    """({service id: [category ids]}, {service id: [spoken language ids]}) of these services,
    for exports that read services in batches without building related objects per row."""
    links = ({}, {})
    fields = (Service.categories.field, Service.staff_languages.field)
    for mapping, field in zip(links, fields, strict=True):
        pairs = field.remote_field.through.objects.filter(service_id__in=service_ids)
        for service_id, other_id in pairs.values_list("service_id", field.m2m_reverse_name()):
            mapping.setdefault(service_id, []).append(other_id)
    return links


def organizations_for_hsds() -> QuerySet[Organization]:
    """Organizations with at least one published service, ordered by slug."""
    return Organization.objects.filter(
        pk__in=Service.objects.published().values("organization_id")
    ).order_by("slug")


def categories_for_hsds() -> QuerySet[Category]:
    return Category.objects.order_by("order", "slug")


@dataclass(frozen=True)
class VerificationDigest:
    """What a local associate is reminded of: their municipalities' published services not
    verified for six months (or never), and the open update suggestions about their services."""

    municipalities: list[Municipality]
    stale: list[Service]
    suggestions: list[UpdateSuggestion]

    def __bool__(self):
        return bool(self.stale or self.suggestions)


def verification_digest(*, user, today: datetime.date) -> VerificationDigest:
    municipalities = Municipality.objects.filter(associates=user)
    cutoff = verification_cutoff(today=today)
    stale = (
        Service.objects.published()
        .filter(municipality__in=municipalities)
        .filter(Q(last_verified__isnull=True) | Q(last_verified__lte=cutoff))
        .select_related("municipality")
        .order_by(F("last_verified").asc(nulls_first=True), "name")
    )
    suggestions = (
        UpdateSuggestion.objects.filter(
            status=UpdateSuggestion.Status.OPEN, service__municipality__in=municipalities
        )
        .select_related("service")
        .order_by("created_at")
    )
    return VerificationDigest(list(municipalities), list(stale), list(suggestions))

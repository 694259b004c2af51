"""What the API's lists hold: published services (and their places and organizations) matching
the HSDS filters, ordered by slug, as primary keys to page through."""

from django.core.cache import cache
from django.db.models import Q, QuerySet
from modeltranslation.utils import build_localized_fieldname

from returnee_portal.pagecache import content_fingerprint, list_tag, page_depends_on
from services.hsds import FALLBACK_LANGUAGE, hsds_identifiers, hsds_taxonomy_id
from services.models import Category, Organization, Service

# Every list of the API shows these; any save of one changes its pages (pagecache.py).
_KINDS = {
    "service": Service,
    "service_at_location": Service,
    "organization": Organization,
    "taxonomy_term": Category,
}


def pk_of(kind: str, hsds_id: str) -> int | None:
    """The primary key behind an HSDS id; the id → key table is built once per change."""
    model = _KINDS[kind]
    page_depends_on(list_tag(model))
    key = f"hsds-ids:{kind}:{content_fingerprint(list_tag(model))}"
    identifiers = cache.get(key)
    if identifiers is None:
        identifiers = hsds_identifiers(kind)
        cache.set(key, identifiers, timeout=60 * 60 * 24)
    return identifiers.get(hsds_id)


def services_matching(
    *,
    language: str,
    search: str = "",
    taxonomy_term_id: str | None = None,
    taxonomy_id: str | None = None,
    organization_id: str | None = None,
    modified_after=None,
    with_location: bool = False,
) -> QuerySet[Service]:
    """Published services matching every filter given, by slug; an unknown id matches none."""
    page_depends_on(list_tag(Service), list_tag(Category), list_tag(Organization))
    services = Service.objects.published().order_by("slug")
    if search:
        services = services.filter(_text_matches(search, language))
    if taxonomy_term_id is not None:
        services = _linked(services, "categories", pk_of("taxonomy_term", taxonomy_term_id))
    if taxonomy_id is not None:  # there is one taxonomy: the categories
        if taxonomy_id != hsds_taxonomy_id():
            return services.none()
        services = services.filter(categories__isnull=False)
    if organization_id is not None:
        services = _linked(services, "organization", pk_of("organization", organization_id))
    if modified_after is not None:
        services = services.filter(updated_at__gte=modified_after)
    if with_location:
        services = services.filter(
            ~Q(address="") | Q(latitude__isnull=False, longitude__isnull=False)
        )
    return services.distinct()


def _linked(services, field, pk):
    return services.none() if pk is None else services.filter(**{field: pk})


def organizations_matching(*, language: str, search: str = "") -> QuerySet[Organization]:
    """Organizations with a published service, by slug."""
    page_depends_on(list_tag(Organization), list_tag(Service))
    organizations = Organization.objects.filter(
        pk__in=Service.objects.published().values("organization_id")
    ).order_by("slug")
    if search:
        organizations = organizations.filter(_text_matches(search, language, fields=("name",)))
    return organizations


def _text_matches(search: str, language: str, *, fields=("name", "description")) -> Q:
    """Any of `fields` contains `search`, in `language` or in Serbian."""
    condition = Q()
    for field in fields:
        for code in {language, FALLBACK_LANGUAGE}:
            condition |= Q(**{f"{build_localized_fieldname(field, code)}__icontains": search})
    return condition

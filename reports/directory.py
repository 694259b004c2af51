"""Reports on the directory: services, coverage, freshness (HTML, CSV, XLSX).

Each report reads through reports/selectors.py in a constant number of queries.
`municipalities` is None for "all of them" (a coordinator without a filter) or the queryset
to limit to.
"""

import itertools

from django.utils.translation import gettext_lazy as _

from services.models import Category, Municipality, Organization, SpokenLanguage
from services.selectors import service_freshness_per_municipality, service_links

from .base import (
    DATE,
    INTEGER,
    ROWS_CHUNK,
    YES_NO,
    Column,
    Report,
    text_sort_key,
)
from .selectors import (
    names_by_id,
    service_counts_per_municipality_and_category,
    service_verifications_per_person,
    services_for_report,
)


class ServiceReport(Report):
    """A report on services, narrowed by municipality and by category."""

    filters_by_category = True

    def municipality_queryset(self):
        return Municipality.objects.all() if self.municipalities is None else self.municipalities


class DirectoryReport(ServiceReport):
    """Every service with its contact details, published or not."""

    slug = "services"
    title = _("Services directory")
    description = _("Every service with its contact details, published or not.")

    def columns(self):
        return [
            Column("name", _("Service")),
            Column("organization", _("Organization")),
            Column("municipality", _("Municipality")),
            Column("categories", _("Categories")),
            Column("address", _("Address")),
            Column("phone", _("Phone")),
            Column("email", _("E-mail")),
            Column("website", _("Website")),
            Column("opening_hours", _("Opening hours")),
            Column("cost", _("Cost")),
            Column("staff_languages", _("Languages spoken by staff")),
            Column("last_verified", _("Last verified"), DATE),
            Column("verified_by", _("Verified by")),
            Column("is_published", _("Published")),
        ]

    def rows(self):
        """Municipalities in order, each one's services sorted by name here (the database
        cannot sort Čačak with C), read and completed in batches of about ROWS_CHUNK."""
        municipalities = names_by_id(self.municipality_queryset().order_by())
        order = sorted(municipalities, key=lambda pk: text_sort_key(municipalities[pk]))
        if not order:
            return
        names = {
            "municipality": municipalities,
            "organization": names_by_id(Organization.objects.all()),
            "category": names_by_id(Category.objects.all()),
            "language": names_by_id(SpokenLanguage.objects.all()),
        }
        services = services_for_report(
            municipalities=self.municipality_queryset(), category=self.category, order=order
        ).iterator(chunk_size=ROWS_CHUNK)
        batch = []
        for _municipality, group in itertools.groupby(services, key=lambda s: s.municipality_id):
            batch.extend(sorted(group, key=lambda s: text_sort_key(s.name)))
            if len(batch) >= ROWS_CHUNK:
                yield from self._rows(batch, names)
                batch = []
        yield from self._rows(batch, names)

    def _rows(self, services, names):
        """The rows of a batch of services; `names`: {kind: {id: name}} of what they refer to."""
        categories, languages = service_links(service_ids=[service.pk for service in services])
        for service in services:
            yield [
                service.name,
                names["organization"][service.organization_id],
                names["municipality"][service.municipality_id],
                _names_in_order(names["category"], categories.get(service.pk, ())),
                service.address,
                service.phone,
                service.email,
                service.website,
                service.opening_hours,
                service.cost,
                _names_in_order(names["language"], languages.get(service.pk, ())),
                service.last_verified,
                _person_name(service.verified_by) if service.verified_by else "",
                str(YES_NO[service.is_published]),
            ]


def _names_in_order(names: dict[int, str], ids) -> str:
    """The names of `ids`, comma-separated, in the order of `names` (the table's ordering)."""
    chosen = set(ids)
    return ", ".join(name for pk, name in names.items() if pk in chosen)


class CoverageReport(ServiceReport):
    """Municipality x category: how many published services; an empty cell is a gap."""

    slug = "coverage"
    title = _("Coverage matrix")
    description = _(
        "Published services per municipality and category. An empty cell (0) is a gap: "
        "families there have nowhere listed to go for that need."
    )

    def _categories(self):
        if not hasattr(self, "_category_list"):
            queryset = Category.objects.order_by("order", "pk")
            if self.category is not None:
                queryset = queryset.filter(pk=self.category.pk)
            self._category_list = list(queryset)
        return self._category_list

    def columns(self):
        return [
            Column("municipality", _("Municipality")),
            *(Column(f"category-{c.pk}", c.name, INTEGER) for c in self._categories()),
            Column("total", _("Published services"), INTEGER),
        ]

    def rows(self):
        municipalities = sorted(self.municipality_queryset(), key=lambda m: text_sort_key(m.name))
        counts = service_counts_per_municipality_and_category(
            municipalities=self.municipality_queryset()
        )
        totals = {
            municipality.pk: municipality.total_count
            for municipality in service_freshness_per_municipality(
                municipalities=self.municipality_queryset(),
                category=self.category,
                today=self.today,
            )
        }
        return [
            [
                municipality.name,
                *(counts.get((municipality.pk, c.pk), 0) for c in self._categories()),
                totals.get(municipality.pk, 0),
            ]
            for municipality in municipalities
        ]

    def is_gap(self, *, column, value):
        return column.key.startswith("category-") and value == 0


class FreshnessReport(ServiceReport):
    """Per municipality: published services verified six or more months ago, or never."""

    slug = "freshness"
    title = _("Freshness per municipality")
    description = _(
        "Published services per municipality: last verified 6 or more months ago, never "
        "verified, and in all."
    )

    def columns(self):
        return [
            Column("municipality", _("Municipality")),
            Column("outdated", _("verified 6 or more months ago"), INTEGER),
            Column("never", _("never verified"), INTEGER),
            Column("total", _("Published services"), INTEGER),
        ]

    def rows(self):
        municipalities = service_freshness_per_municipality(
            municipalities=self.municipality_queryset(), category=self.category, today=self.today
        )
        return [
            [m.name, m.outdated_count, m.never_count, m.total_count]
            for m in sorted(municipalities, key=lambda m: text_sort_key(m.name))
        ]


class FreshnessPeopleReport(ServiceReport):
    """Per person: how many published services they verified, and the oldest of those checks."""

    slug = "freshness-people"
    title = _("Freshness per person")
    description = _(
        "Who verified the published services: how many, how many of those checks are now 6 "
        "or more months old, the oldest and the most recent check."
    )

    def columns(self):
        return [
            Column("person", _("Verified by")),
            Column("verified", _("Services verified"), INTEGER),
            Column("outdated", _("verified 6 or more months ago"), INTEGER),
            Column("oldest", _("Oldest check"), DATE),
            Column("newest", _("Most recent check"), DATE),
        ]

    def rows(self):
        return [
            [
                _person_name_from_values(row),
                row["verified_count"],
                row["outdated_count"],
                row["oldest"],
                row["newest"],
            ]
            for row in service_verifications_per_person(
                municipalities=self.municipality_queryset(),
                category=self.category,
                today=self.today,
            )
        ]


def _person_name(user) -> str:
    return user.get_full_name() or user.get_username()


def _person_name_from_values(row) -> str:
    full_name = f"{row['verified_by__first_name']} {row['verified_by__last_name']}".strip()
    return full_name or row["verified_by__username"]

"""What families find in the directory by searching (registered with the search app).

A service is found by its texts, its organization, its municipality, its categories and the
languages its staff speak, in the page's language and in Serbian; see search/registry.py.
"""

from django.utils.translation import gettext_lazy as _

from returnee_portal.languages import localized_text, page_text
from search.registry import (
    Dependency,
    SearchDocument,
    SearchHit,
    SearchKind,
    document_texts,
    register,
    register_places,
)

from .models import (
    Category,
    District,
    Municipality,
    OpenCall,
    Organization,
    Project,
    Service,
    SpokenLanguage,
)


def _all_of_serbia() -> str:
    return str(_("All of Serbia"))


def _name(obj) -> str:
    """A name as the page shows it (in Cyrillic on Cyrillic pages)."""
    return page_text(localized_text(obj=obj, field="name"))


def _names(objects) -> str:
    return ", ".join(_name(obj) for obj in objects)


class MunicipalitySearch(SearchKind):
    key = "municipality"
    label = _("Municipalities")
    model = Municipality
    order = 0
    dependencies = (Dependency(District, lambda district: district.municipalities.all()),)

    def indexed(self):
        return Municipality.objects.select_related("district")

    def document(self, obj, *, language):
        return SearchDocument(
            titles=document_texts(obj, ["name"], language),
            texts=[
                *document_texts(obj, ["intro"], language),
                *document_texts(obj.district, ["name"], language),
            ],
            places=[obj.slug],
        )

    def hits(self, pks):
        return {
            m.pk: SearchHit(
                url=m.get_absolute_url(),
                title=localized_text(obj=m, field="name"),
                text=localized_text(obj=m, field="intro"),
                place=_name(m.district),
            )
            for m in Municipality.objects.filter(pk__in=pks).select_related("district")
        }


class ServiceSearch(SearchKind):
    key = "service"
    label = _("Services")
    model = Service
    order = 1
    m2m_fields = ("categories", "staff_languages")
    dependencies = (
        Dependency(Organization, lambda organization: organization.services.all()),
        Dependency(Municipality, lambda municipality: municipality.services.all()),
        Dependency(Category, lambda category: category.services.all()),
        Dependency(SpokenLanguage, lambda spoken: spoken.services.all()),
    )
    fields = ("description", "eligibility", "documents", "how_to_apply", "cost", "opening_hours")

    def indexed(self):
        return (
            Service.objects.published()
            .select_related("organization", "municipality")
            .prefetch_related("categories", "staff_languages")
        )

    def document(self, obj, *, language):
        texts = [
            *document_texts(obj, self.fields, language),
            obj.address,
            *document_texts(obj.organization, ["name"], language),
            *document_texts(obj.municipality, ["name"], language),
        ]
        for related in (*obj.categories.all(), *obj.staff_languages.all()):
            texts += document_texts(related, ["name"], language)
        return SearchDocument(
            titles=document_texts(obj, ["name"], language),
            texts=texts,
            places=[obj.municipality.slug],
        )

    def hits(self, pks):
        services = Service.objects.filter(pk__in=pks).select_related("organization", "municipality")
        return {
            s.pk: SearchHit(
                url=s.get_absolute_url(),
                title=localized_text(obj=s, field="name"),
                text=localized_text(obj=s, field="description"),
                place=f"{_name(s.organization)} · {_name(s.municipality)}",
            )
            for s in services
        }


class OrganizationSearch(SearchKind):
    key = "organization"
    label = _("Organizations")
    model = Organization
    order = 2
    dependencies = (Dependency(Municipality, lambda m: m.organizations.all()),)

    def indexed(self):
        return Organization.objects.select_related("municipality")

    def document(self, obj, *, language):
        place = obj.municipality
        return SearchDocument(
            titles=document_texts(obj, ["name"], language),
            texts=[
                *document_texts(obj, ["description"], language),
                *(document_texts(place, ["name"], language) if place else []),
            ],
            places=[place.slug] if place else [],
        )

    def hits(self, pks):
        organizations = Organization.objects.filter(pk__in=pks).select_related("municipality")
        return {
            o.pk: SearchHit(
                url=o.get_absolute_url(),
                title=localized_text(obj=o, field="name"),
                text=localized_text(obj=o, field="description"),
                place=_name(o.municipality) if o.municipality else _all_of_serbia(),
            )
            for o in organizations
        }


class ProjectSearch(SearchKind):
    key = "project"
    label = _("Projects")
    model = Project
    order = 5
    m2m_fields = ("municipalities",)
    dependencies = (Dependency(Municipality, lambda m: m.projects.all()),)
    fields = ("summary", "description", "implementers", "funders")

    def indexed(self):
        return Project.objects.prefetch_related("municipalities")

    def document(self, obj, *, language):
        municipalities = list(obj.municipalities.all())
        texts = document_texts(obj, self.fields, language)
        for municipality in municipalities:
            texts += document_texts(municipality, ["name"], language)
        return SearchDocument(
            titles=document_texts(obj, ["title"], language),
            texts=texts,
            places=[m.slug for m in municipalities],
        )

    def hits(self, pks):
        projects = Project.objects.filter(pk__in=pks).prefetch_related("municipalities")
        return {
            p.pk: SearchHit(
                url=p.get_absolute_url(),
                title=localized_text(obj=p, field="title"),
                text=localized_text(obj=p, field="summary"),
                place=_names(p.municipalities.all()) or _all_of_serbia(),
            )
            for p in projects
        }


class OpenCallSearch(SearchKind):
    key = "call"
    label = _("Open calls")
    model = OpenCall
    order = 4
    m2m_fields = ("municipalities",)
    dependencies = (
        Dependency(Municipality, lambda m: m.open_calls.all()),
        Dependency(Project, lambda project: project.open_calls.all()),
    )

    def indexed(self):
        return OpenCall.objects.select_related("project").prefetch_related("municipalities")

    def document(self, obj, *, language):
        municipalities = list(obj.municipalities.all())
        texts = document_texts(obj, ["description", "eligibility"], language)
        if obj.project:
            texts += document_texts(obj.project, ["title"], language)
        for municipality in municipalities:
            texts += document_texts(municipality, ["name"], language)
        return SearchDocument(
            titles=document_texts(obj, ["title"], language),
            texts=texts,
            places=[m.slug for m in municipalities],
            # Found while a family can apply, as on the list of open calls.
            visible_from=obj.opens_on,
            visible_until=obj.closes_on,
        )

    def hits(self, pks):
        calls = OpenCall.objects.filter(pk__in=pks).prefetch_related("municipalities")
        return {
            c.pk: SearchHit(
                url=c.get_absolute_url(),
                title=localized_text(obj=c, field="title"),
                text=localized_text(obj=c, field="description"),
                place=_names(c.municipalities.all()) or _all_of_serbia(),
            )
            for c in calls
        }


register(MunicipalitySearch())
register(ServiceSearch())
register(OrganizationSearch())
register(ProjectSearch())
register(OpenCallSearch())
register_places(lambda slug: Municipality.objects.filter(slug=slug).first())

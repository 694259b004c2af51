"""Loading the demo content from the data files in demo/data/ (`manage.py load_demo`).

The facts are those of the public source documents (the network's project page of the
Ecumenical Humanitarian Organization, ASB's RE!NTEGRATE page, the Reintegration II seminar
report in Pirot): places, offices every municipality has by law, programmes with their
published budgets and results. No phone number, address, opening hours or person is invented;
those fields stay empty and every service is "not yet checked" until an associate checks it.

Serbian and English texts are the sources, checked by the team ("reviewed"); German, Romani
and Albanian were written by non-native speakers and stay "needs review" until a native
speaker approves them. Loading is idempotent: every row is found by its slug and saved only
where the data differs, so a second load writes nothing (no history, no new versions).
"""

from decimal import Decimal
from pathlib import Path

import yaml
from django.conf import settings
from django.db import models, transaction
from django.utils.text import slugify
from modeltranslation.utils import build_localized_fieldname

from guides.models import GuideChapter
from returnee_portal.models import LatinName
from returnee_portal.translation_review import NEEDS_REVIEW, REVIEWED
from services.models import (
    Category,
    District,
    Municipality,
    OpenCall,
    Organization,
    Project,
    ProjectIndicator,
    Service,
    SpokenLanguage,
)

DATA = Path(__file__).resolve().parent / "data"
# The team writes the Serbian source and the English text and checks them itself.
TEAM_WRITTEN_LANGUAGES = ("en",)


def _data(name: str) -> dict:
    return yaml.safe_load((DATA / name).read_text(encoding="utf-8"))


def _t(field: str, texts: dict[str, str]) -> dict[str, str]:
    """Keyword arguments for a translated field: {"name_sr_latn": ..., "name_en": ...}."""
    return {build_localized_fieldname(field, code): text for code, text in texts.items()}


def _same(text: str) -> dict[str, str]:
    """A proper name written the same in every language."""
    return dict.fromkeys(settings.MODELTRANSLATION_LANGUAGES, text)


def _texts(value) -> dict[str, str]:
    """A text of the data files: {language: text}, or one name for every language."""
    return _same(value) if isinstance(value, str) else value


def demo_review_state(*translated: dict[str, str]) -> dict[str, str]:
    """The `translation_review` value for demo texts written in the languages of `translated`."""
    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    written = sorted({code for texts in translated for code in texts})
    return {
        code: REVIEWED if code in TEAM_WRITTEN_LANGUAGES else NEEDS_REVIEW
        for code in written
        if code != default and code in settings.MODELTRANSLATION_LANGUAGES
    }


def upsert_changed(model: type[models.Model], lookup: dict, values: dict) -> models.Model:
    """Create the row found by `lookup`, or save it only if one of `values` differs."""
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        return model.objects.create(**lookup, **values)
    changed = False
    for field, value in values.items():
        if getattr(obj, field) != value:
            setattr(obj, field, value)
            changed = True
    if changed:
        obj.save()
    return obj


def _translated(field: str, texts: dict[str, str]) -> dict:
    return {**_t(field, texts), "translation_review": demo_review_state(texts)}


@transaction.atomic
def demo_load() -> dict[str, int]:
    """Create or update the whole demo. Returns how many rows each model has."""
    directory = _data("directory.yaml")
    municipalities = _places_load(directory)
    categories = _categories_load(directory)
    _services_load(directory, municipalities, categories)
    _programmes_load(_data("programmes.yaml"), municipalities)
    _guide_load(_data("guide.yaml"), categories)
    for name in _data("latin_names.yaml")["latin_names"]:
        LatinName.objects.get_or_create(name=name)
    counted = (District, Municipality, Category, Organization, Service, Project,
               ProjectIndicator, OpenCall, GuideChapter, LatinName)  # fmt: skip
    return {model.__name__: model.objects.count() for model in counted}


def _places_load(directory) -> dict[str, Municipality]:
    districts = {
        slug: upsert_changed(District, {"slug": slug}, _translated("name", names))
        for slug, names in directory["districts"].items()
    }
    return {
        slug: upsert_changed(
            Municipality,
            {"slug": slug},
            {**_t("name", _same(place["name"])), "district": districts[place["district"]]},
        )
        for slug, place in directory["municipalities"].items()
    }


def _categories_load(directory) -> dict[str, Category]:
    categories = {}
    for order, category in enumerate(directory["categories"], start=1):
        categories[category["slug"]] = upsert_changed(
            Category,
            {"slug": category["slug"]},
            {**_translated("name", category["name"]), "icon": category["icon"], "order": order},
        )
    for code, names in directory["spoken_languages"].items():
        upsert_changed(SpokenLanguage, {"code": code}, _translated("name", names))
    return categories


def _services_load(directory, municipalities, categories) -> None:
    national = {
        slug: upsert_changed(
            Organization,
            {"slug": slug},
            {
                **_translated("name", _texts(organization["name"])),
                "kind": organization["kind"],
                "website": organization["website"],
                "municipality": None,
            },
        )
        for slug, organization in directory["national_organizations"].items()
    }
    for m_slug, municipality in municipalities.items():
        is_city = directory["municipalities"][m_slug]["city"]
        administration = directory["administration_names"]["city" if is_city else "municipality"]
        for kind_slug, kind in directory["local_services"].items():
            organization = kind["organization"]
            if "national" in organization:
                provider = national[organization["national"]]
            else:
                provider = _local_organization(organization["local"], municipality, administration)
            _service_load(f"{kind_slug}-{m_slug}", kind, provider, municipality, categories)
    centre = directory["community_centre"]
    for m_slug in centre["municipalities"]:
        _service_load(
            f"drustveni-centar-{m_slug}",
            centre,
            national[centre["organization"]],
            municipalities[m_slug],
            categories,
        )


def _local_organization(organization, municipality, administration) -> Organization:
    names = {
        code: text.format(
            m=municipality.name_sr_latn,
            administration=administration[0],
            administration_en=administration[1],
        )
        for code, text in organization["name"].items()
    }
    # slugify() drops "đ", which has no ASCII decomposition.
    slug = slugify(names["sr-latn"].replace("đ", "dj").replace("Đ", "Dj"))
    return upsert_changed(
        Organization,
        {"slug": slug},
        {**_translated("name", names), "kind": organization["kind"], "municipality": municipality},
    )


def _service_load(slug, texts, organization, municipality, categories) -> None:
    translated = {f: texts[f] for f in ("name", "description", "documents") if f in texts}
    values = {
        "organization": organization,
        "municipality": municipality,
        "translation_review": demo_review_state(*translated.values()),
    }
    for field, field_texts in translated.items():
        values.update(_t(field, field_texts))
    service = upsert_changed(Service, {"slug": slug}, values)
    service.categories.set([categories[c] for c in texts["categories"]])


def _programmes_load(programmes, municipalities) -> None:
    for data in programmes["projects"]:
        project = upsert_changed(
            Project,
            {"slug": data["slug"]},
            {
                **_t("title", data["title"]),
                **_t("summary", data["summary"]),
                **_t("description", data.get("description", {})),
                **_t("implementers", _texts(data["implementers"])),
                **_t("funders", data["funders"]),
                "starts_on": data["starts_on"],
                "ends_on": data["ends_on"],
                "period_precision": data["period_precision"],
                "budget": Decimal(data["budget"]) if data["budget"] else None,
                "currency": "EUR",
                "website": data.get("website", ""),
                "contact": data["contact"],
                "source": data["source"],
                "translation_review": demo_review_state(data["title"]),
            },
        )
        project.municipalities.set([municipalities[slug] for slug in data["municipalities"]])
        # An indicator is known by its project and position, so a second load updates it.
        for order, indicator in enumerate(data["indicators"], start=1):
            upsert_changed(
                ProjectIndicator,
                {"project": project, "order": order},
                {"value": Decimal(indicator["value"]), **_translated("label", indicator["label"])},
            )
        project.indicators.filter(order__gt=len(data["indicators"])).delete()
    calls = programmes["calls"]
    project = Project.objects.get(slug=calls["project"])
    for theme in calls["themes"]:
        call = upsert_changed(
            OpenCall,
            {"slug": theme["slug"]},
            {
                **_translated("title", theme["title"]),
                **_t("description", calls["description"]),
                **_t("eligibility", calls["eligibility"]),
                "project": project,
                "opens_on": None,
                # No dates were published: a call cannot outlast its project.
                "closes_on": project.ends_on,
                "url": calls["url"],
            },
        )
        call.municipalities.set([municipalities[slug] for slug in calls["municipalities"]])


def chapter_file_parse(text: str) -> dict[str, str]:
    """Split a chapter file into its title, summary and Markdown body."""
    header, separator, body = text.partition("\n---\n")
    if not separator:
        raise ValueError("A chapter file needs a '---' line between its header and its body.")
    fields = {}
    for line in header.splitlines():
        key, _colon, value = line.partition(":")
        fields[key.strip()] = value.strip()
    return {"title": fields["title"], "summary": fields.get("summary", ""), "body": body.strip()}


def _guide_load(guide, categories) -> None:
    """Each chapter is a folder `NN-slug` in data/chapters with a file per language."""
    folders = sorted(path for path in (DATA / "chapters").iterdir() if path.is_dir())
    for order, folder in enumerate(folders, start=1):
        slug = folder.name.split("-", 1)[1]
        values = {"order": order, "is_published": True}
        written = {}
        for code in settings.MODELTRANSLATION_LANGUAGES:
            path = folder / f"{code}.md"
            if path.exists():
                written[code] = True
                for field, value in chapter_file_parse(path.read_text(encoding="utf-8")).items():
                    values[build_localized_fieldname(field, code)] = value
        values["translation_review"] = demo_review_state(written)
        chapter = upsert_changed(GuideChapter, {"slug": slug}, values)
        chapter.categories.set(categories[c] for c in guide["chapter_categories"].get(slug, []))

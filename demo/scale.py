"""A large, repeatable directory for benchmarks (`manage.py generate_scale_data`).

It has the shapes of real data - districts of municipalities, organizations per municipality
and national ones, services in several categories with staff languages and every text in
every language, guide chapters linked to categories, projects and their calls - but none of
its content is real, and every row says so: slugs begin with "gen-" and every name reads
"Generated ..." (in each language). The texts are words of the demo guide, drawn with a
seeded random generator, so the same seed gives the same rows on every run and machine.

Rows are written with bulk_create (no history, no signals), then the search index is rebuilt
and every stored page forgotten.
"""

import datetime
import random
import re
from decimal import Decimal

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone
from modeltranslation.utils import build_localized_fieldname

from guides.models import GuideChapter
from returnee_portal.pagecache import pages_forget_all
from search.index import search_index_rebuild
from services.models import (
    Category,
    District,
    Municipality,
    OpenCall,
    Organization,
    Project,
    Service,
    SpokenLanguage,
)

from .loader import DATA

PREFIX = "gen-"
LANGUAGES = settings.MODELTRANSLATION_LANGUAGES
# "Generated" in each content language, so that no page can pass one for a real office.
GENERATED = {
    "sr-latn": "Generisano",
    "rom": "Generišime",
    "sq": "E gjeneruar",
    "de": "Generiert",
    "en": "Generated",
}
KINDS = {
    District: {"sr-latn": "okrug", "rom": "okrugo", "sq": "qark", "de": "Bezirk", "en": "district"},
    Municipality: {
        "sr-latn": "opština",
        "rom": "opština",
        "sq": "komunë",
        "de": "Gemeinde",
        "en": "municipality",
    },
    Category: {
        "sr-latn": "kategorija",
        "rom": "kategorija",
        "sq": "kategori",
        "de": "Kategorie",
        "en": "category",
    },
    Organization: {
        "sr-latn": "organizacija",
        "rom": "organizacija",
        "sq": "organizatë",
        "de": "Organisation",
        "en": "organization",
    },
    Service: {
        "sr-latn": "usluga",
        "rom": "usluga",
        "sq": "shërbim",
        "de": "Angebot",
        "en": "service",
    },
    GuideChapter: {
        "sr-latn": "poglavlje",
        "rom": "kotor",
        "sq": "kapitull",
        "de": "Kapitel",
        "en": "chapter",
    },
    Project: {
        "sr-latn": "projekat",
        "rom": "projekto",
        "sq": "projekt",
        "de": "Projekt",
        "en": "project",
    },
    OpenCall: {
        "sr-latn": "konkurs",
        "rom": "konkurso",
        "sq": "thirrje",
        "de": "Aufruf",
        "en": "call",
    },
}
BATCH = 2000


class AlreadyGenerated(Exception):
    """Generated rows exist already: pass replace=True to write them anew."""


def _words() -> dict[str, list[str]]:
    """The words of the demo guide, per language, in a stable order."""
    words = {}
    for code in LANGUAGES:
        text = " ".join(
            path.read_text(encoding="utf-8") for path in sorted(DATA.glob(f"chapters/*/{code}.md"))
        )
        words[code] = sorted(set(re.findall(r"[^\W\d_]{3,}", text.lower())))
    return words


def _name(model, number: int, language: str) -> str:
    return f"{GENERATED[language]} {KINDS[model][language]} {number:05d}"


def _verified(rng) -> datetime.date | None:
    """Most services checked at some point in the last year or so, some never."""
    if rng.random() < 0.4:
        return None
    return datetime.date(2026, 1, 1) - datetime.timedelta(days=rng.randrange(400))


def scale_data_delete() -> None:
    """Remove every generated row (and what hangs on them)."""
    for model in (OpenCall, Project, GuideChapter, Service, Organization, Municipality):
        model.objects.filter(slug__startswith=PREFIX).delete()
    for model in (Category, District):
        model.objects.filter(slug__startswith=PREFIX).delete()
    SpokenLanguage.objects.filter(code__startswith=PREFIX).delete()


@transaction.atomic
def scale_data_generate(
    *, municipalities: int, services: int, seed: int = 1, replace: bool = False
) -> dict[str, int]:
    """Write the generated directory; returns how many rows of each kind were written."""
    if Service.objects.filter(slug__startswith=PREFIX).exists():
        if not replace:
            raise AlreadyGenerated
        scale_data_delete()
    rng = random.Random(seed)
    words = _words()

    def text(language, low, high):
        count = rng.randint(low, high)
        return " ".join(rng.choice(words[language]) for _ in range(count)).capitalize() + "."

    def translated(field, model, number, *, low=0, high=0):
        """Every language of `field`: the generated name, or words (low-high of them)."""
        return {
            build_localized_fieldname(field, code): (
                _name(model, number, code) if not high else text(code, low, high)
            )
            for code in LANGUAGES
        }

    districts = District.objects.bulk_create(
        District(slug=f"{PREFIX}okrug-{n:03d}", **translated("name", District, n))
        for n in range(max(1, municipalities // 8))
    )
    places = Municipality.objects.bulk_create(
        Municipality(
            slug=f"{PREFIX}opstina-{n:04d}",
            district=districts[n % len(districts)],
            **translated("name", Municipality, n),
            **translated("intro", Municipality, n, low=8, high=25),
        )
        for n in range(municipalities)
    )
    categories = Category.objects.bulk_create(
        Category(
            slug=f"{PREFIX}kategorija-{n:02d}", order=100 + n, **translated("name", Category, n)
        )
        for n in range(10)
    )
    spoken = SpokenLanguage.objects.bulk_create(
        SpokenLanguage(
            code=f"{PREFIX}{code}",
            **{
                build_localized_fieldname("name", language): f"{GENERATED[language]} {code}"
                for language in LANGUAGES
            },
        )  # fmt: skip
        for code in ("sr", "rom", "sq", "de")
    )
    national = Organization.objects.bulk_create(
        Organization(
            slug=f"{PREFIX}organizacija-{n:05d}",
            kind=Organization.Kind.PUBLIC_INSTITUTION,
            **translated("name", Organization, n),
        )
        for n in range(10)
    )
    local = Organization.objects.bulk_create(
        Organization(
            slug=f"{PREFIX}organizacija-{10 + n:05d}",
            kind=rng.choice(list(Organization.Kind)),
            municipality=places[n // 3],
            **translated("name", Organization, 10 + n),
            **translated("description", Organization, 10 + n, low=5, high=20),
        )
        for n in range(municipalities * 3)
    )
    written = 0
    for start in range(0, services, BATCH):
        batch = []
        for n in range(start, min(services, start + BATCH)):
            index = n % len(places)
            place = places[index]
            if rng.random() < 0.3:
                organization = rng.choice(national)
            else:
                organization = local[index * 3 + rng.randrange(3)]
            batch.append(
                Service(
                    slug=f"{PREFIX}usluga-{n:06d}",
                    organization=organization,
                    municipality=place,
                    last_verified=_verified(rng),
                    **translated("name", Service, n),
                    **translated("description", Service, n, low=20, high=80),
                    **translated("eligibility", Service, n, low=5, high=20),
                    **translated("documents", Service, n, low=5, high=15),
                    **translated("how_to_apply", Service, n, low=5, high=25),
                )
            )
        created = Service.objects.bulk_create(batch)
        links = Service.categories.through
        links.objects.bulk_create(
            links(service_id=service.pk, category_id=category.pk)
            for service in created
            for category in rng.sample(categories, rng.randint(1, 3))
        )
        staff = Service.staff_languages.through
        staff.objects.bulk_create(
            staff(service_id=service.pk, spokenlanguage_id=language.pk)
            for service in created
            for language in rng.sample(spoken, rng.randint(0, 2))
        )
        written += len(created)
    chapters = GuideChapter.objects.bulk_create(
        GuideChapter(
            slug=f"{PREFIX}poglavlje-{n:02d}",
            order=100 + n,
            **translated("title", GuideChapter, n),
            **translated("summary", GuideChapter, n, low=8, high=15),
            **{
                build_localized_fieldname("body", code): "\n\n".join(
                    f"## {text(code, 2, 5)}\n\n{text(code, 40, 120)}" for _ in range(4)
                )
                for code in LANGUAGES
            },
        )
        for n in range(12)
    )
    for chapter in chapters:
        chapter.categories.set(rng.sample(categories, 2))
    today = timezone.localdate()
    projects = Project.objects.bulk_create(
        Project(
            slug=f"{PREFIX}projekat-{n:02d}",
            starts_on=datetime.date(2020 + n % 6, 1, 1),
            ends_on=datetime.date(2027 + n % 3, 12, 31),
            budget=Decimal(100_000 * (n + 1)),
            **translated("title", Project, n),
            **translated("summary", Project, n, low=10, high=30),
        )
        for n in range(20)
    )
    calls = OpenCall.objects.bulk_create(
        OpenCall(
            slug=f"{PREFIX}konkurs-{n:02d}",
            project=projects[n % len(projects)],
            opens_on=today - datetime.timedelta(days=30),
            closes_on=today + datetime.timedelta(days=(n - 10) * 10),  # some closed
            **translated("title", OpenCall, n),
            **translated("description", OpenCall, n, low=10, high=30),
        )
        for n in range(40)
    )
    for item in (*projects, *calls):
        item.municipalities.set(rng.sample(places, min(len(places), rng.randint(1, 8))))
    search_index_rebuild()
    pages_forget_all()  # bulk_create sent no signals
    # Fresh statistics for the query planner: PostgreSQL's, before autovacuum comes round
    # (and within a test's transaction, where it never does), picked nested loops over
    # 2,000 services that took seconds per page.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return {
        "districts": len(districts),
        "municipalities": len(places),
        "organizations": len(national) + len(local),
        "services": written,
        "chapters": len(chapters),
        "projects": len(projects),
        "calls": len(calls),
    }

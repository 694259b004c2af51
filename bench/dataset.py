"""The benchmarks' dataset: the demo content plus generated services, the same on every run.

Generated rows are marked as such (slug "bench-…", name "Usluga za benchmark …"): they can
never pass for real offices. Texts are drawn, seeded, from the words of the demo content, so
search meets words of real length and variety.
"""

import os
import random
import re
import sys
import tempfile
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent


def django_setup(*, services: int) -> None:
    """Configure Django for a benchmark: the production settings (DEBUG off, so templates are
    cached as in production) on loopback, with DATABASE_URL or a fresh SQLite file per size."""
    database = Path(tempfile.gettempdir()) / f"returnee-portal-bench-{services}.sqlite3"
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{database}")
    os.environ.setdefault("DEBUG", "0")
    os.environ.setdefault("SECRET_KEY", "benchmark-only-not-secret")
    os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1")
    os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "returnee_portal.settings")
    sys.path.insert(0, str(PROJECT))

    import django
    from django.core.management import call_command

    django.setup()
    call_command("collectstatic", interactive=False, verbosity=0)  # the production storage


def dataset_build(*, services: int) -> None:
    """Migrate, load the demo, and add generated services until there are `services` in all."""
    from django.core.management import call_command
    from django.db import transaction

    from search.index import search_index_rebuild
    from services.models import Category, Municipality, Organization, Service

    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0)
    missing = services - Service.objects.count()
    if missing <= 0:
        return
    rng = random.Random(20_000)
    words = _demo_words()
    municipalities = list(Municipality.objects.order_by("slug"))
    categories = list(Category.objects.order_by("slug"))
    organizations = list(Organization.objects.order_by("slug"))
    start = Service.objects.filter(slug__startswith="bench-").count()

    def text(low, high):
        return " ".join(rng.choice(words) for _ in range(rng.randint(low, high))).capitalize()

    with transaction.atomic():
        created = Service.objects.bulk_create(
            Service(
                slug=f"bench-{number:06d}",
                name_sr_latn=f"Usluga za benchmark {number}: {text(2, 5)}",
                name_en=f"Benchmark service {number}",
                description_sr_latn=text(15, 80) + ".",
                how_to_apply_sr_latn=text(5, 25) + ".",
                organization=rng.choice(organizations),
                municipality=rng.choice(municipalities),
            )
            for number in range(start, start + missing)
        )
        links = Service.categories.through
        links.objects.bulk_create(
            links(service_id=service.pk, category_id=category.pk)
            for service in created
            for category in rng.sample(categories, rng.randint(1, 3))
        )
    search_index_rebuild()  # bulk_create sends no signals


def _demo_words() -> list[str]:
    """The Serbian words of the demo guide, in a stable order."""
    chapters = PROJECT / "demo" / "data" / "chapters"
    text = " ".join(
        path.read_text(encoding="utf-8") for path in sorted(chapters.glob("*/sr-latn.md"))
    )
    return sorted(set(re.findall(r"[^\W\d_]{3,}", text.lower())))

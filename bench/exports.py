"""Benchmark: how long the coordinator exports take on a large directory.

Builds a repeatable dataset (the demo content plus N generated services, seeded, so every run
has the same rows) in a fresh SQLite database under the system temp folder, unless
DATABASE_URL points elsewhere, then times every report as CSV and XLSX and the HSDS package.

    .venv/bin/python bench/exports.py            # 20,000 services
    .venv/bin/python bench/exports.py --services 2000 --repeat 3

Prints one line per export: the best wall-clock time of --repeat runs, in seconds.
"""

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--services", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--language", default="en")
    args = parser.parse_args()

    database = Path(tempfile.gettempdir()) / f"returnee-portal-bench-{args.services}.sqlite3"
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{database}")
    os.environ.setdefault("DEBUG", "1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "returnee_portal.settings")
    sys.path.insert(0, str(PROJECT))

    import django

    django.setup()
    from django.core.management import call_command

    from returnee_portal.exports import REPORTS
    from services.hsds import hsds_package_files
    from services.models import Service

    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0)
    dataset_build(services=args.services)
    print(f"dataset: {Service.objects.count()} services ({os.environ['DATABASE_URL']})")

    for slug, report_class in REPORTS.items():
        for fmt in ("csv", "xlsx"):
            seconds = best_of(
                args.repeat,
                lambda rc=report_class, f=fmt: getattr(rc(language=args.language), f"as_{f}")(),
            )
            print(f"report {slug:<18} {fmt:<5} {seconds:7.2f} s")
    seconds = best_of(
        args.repeat, lambda: hsds_package_files(language=args.language, with_json=True)
    )
    print(f"hsds package + json        {seconds:7.2f} s")


def dataset_build(*, services: int) -> None:
    """Add generated services until there are `services` in all; same rows on every run."""
    from django.db import transaction

    from services.models import Category, Municipality, Organization, Service

    missing = services - Service.objects.count()
    if missing <= 0:
        return
    rng = random.Random(20_000)
    municipalities = list(Municipality.objects.order_by("slug"))
    categories = list(Category.objects.order_by("slug"))
    organizations = list(Organization.objects.order_by("slug"))
    start = Service.objects.filter(slug__startswith="bench-").count()
    with transaction.atomic():
        created = Service.objects.bulk_create(
            Service(
                slug=f"bench-{number:06d}",
                name_sr_latn=f"Usluga za benchmark {number}",
                name_en=f"Benchmark service {number}",
                description_sr_latn="Opis usluge. " * rng.randint(2, 20),
                organization=rng.choice(organizations),
                municipality=rng.choice(municipalities),
            )
            for number in range(start, start + missing)
        )
        links = Service.categories.through
        links.objects.bulk_create(
            links(service_id=service.pk, category_id=rng.choice(categories).pk)
            for service in created
        )


def best_of(repeat, run) -> float:
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        timings.append(time.perf_counter() - started)
    return min(timings)


if __name__ == "__main__":
    main()

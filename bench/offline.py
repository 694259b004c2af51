"""Benchmark: how much "keep for offline" downloads, per municipality and language.

Builds the repeatable dataset of bench/dataset.py (the demo plus 200 generated municipalities
and N generated services, seed 1), then, for every demo municipality and the generated one
with the most services, in every interface language, fetches the package's list of pages
(offline/packages.py) and every page in it, gzipped as a phone receives them, in-process
(Django's test client: no network, so the figures are sizes, not times).

    .venv/bin/python bench/offline.py                  # 20,000 services
    .venv/bin/python bench/offline.py --services 2000

Prints one row per municipality: pages, then per language the bytes downloaded and, in
brackets, the size the "keep for offline" button said before. The stylesheet and the script
(once per phone, whatever is kept) are printed apart.
"""

import argparse
import gzip
import json

from dataset import dataset_build, django_setup


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--services", type=int, default=20_000)
    args = parser.parse_args()

    django_setup(services=args.services)
    from django.conf import settings
    from django.contrib.staticfiles import finders
    from django.db.models import Count, Q
    from django.test import Client
    from django.urls import reverse
    from django.utils import translation

    from demo.scale import PREFIX
    from services.models import Municipality

    dataset_build(services=args.services)
    languages = [code for code, _name in settings.LANGUAGES]
    counted = Municipality.objects.annotate(
        published=Count("services", filter=Q(services__is_published=True))
    )
    municipalities = [
        *counted.exclude(slug__startswith=PREFIX).order_by("slug"),
        counted.filter(slug__startswith=PREFIX).order_by("-published").first(),
    ]
    client = Client(HTTP_HOST="127.0.0.1", HTTP_ACCEPT_ENCODING="gzip")
    for name in ("css/portal.css", "js/offline.js"):
        body = open(finders.find(name), "rb").read()  # noqa: SIM115 - read whole
        print(f"{name}: {len(gzip.compress(body, 9)) / 1024:.1f} KB gzipped, once per phone")
    print("municipality (services): pages, then per language KB downloaded (KB said before)")
    for municipality in filter(None, municipalities):
        cells, count = [], 0
        for code in languages:
            with translation.override(code):
                address = reverse(
                    "offline:municipality_package", kwargs={"slug": municipality.slug}
                )
            package = json.loads(gzip.decompress(client.get(address).content))
            downloaded = sum(len(client.get(page).content) for page in package["pages"])
            count = len(package["pages"])
            cells.append(f"{code} {downloaded / 1024:.0f} ({package['size'] / 1024:.0f})")
        print(f"{municipality.slug} ({municipality.published}): {count} pages; " + ", ".join(cells))


if __name__ == "__main__":
    main()

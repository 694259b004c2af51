"""Benchmark: the search page on a large directory, against a static file in the same run.

Builds the repeatable dataset of bench/dataset.py (demo + N generated services; SQLite in the
system temp folder unless DATABASE_URL points at PostgreSQL), then requests the search page
for a fixed set of queries through Django's test client, in process, and the stylesheet the
same way (WhiteNoise) as the yardstick: these 2-core machines are noisy, the ratio less so.

    .venv/bin/python bench/search.py                  # 20,000 services
    .venv/bin/python bench/search.py --services 2000 --repeat 20

Prints, per query, the median and 95th percentile in milliseconds and the results found, then
the same over all queries and the static file's median.
"""

import argparse
import statistics
import time

from dataset import dataset_build, django_setup

QUERIES = [
    ("licna karta", ""),  # diacritics left out
    ("лична карта", ""),  # Cyrillic
    ("socijalna pomoc", ""),
    ("socijlna", ""),  # a typo
    ("centar za socijalni rad novi pazar", ""),  # many words
    ("zdravstvena", "tutin"),  # within a municipality
    ("dokumenta", ""),  # a common word: thousands of results
    ("xyzzy", ""),  # nothing
    ("ruckkehrer", ""),
    ("karta " * 40, ""),  # long
]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--services", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    django_setup(services=args.services)
    from django.db import connection
    from django.test import Client

    from services.models import Service

    dataset_build(services=args.services)
    print(f"dataset: {Service.objects.count()} services ({connection.vendor})")
    client = Client(HTTP_HOST="127.0.0.1")
    static = _timings(client, "/static/css/portal.css", {}, args.repeat)
    every = []
    for text, place in QUERIES:
        params = {"q": text, **({"municipality": place} if place else {})}
        response = client.get("/sr-latn/pretraga/", params)
        assert response.status_code == 200
        lists = response.content.decode().split('<ul class="results">')[1:]
        found = sum(results.split("</ul>")[0].count("<li>") for results in lists)
        timings = _timings(client, "/sr-latn/pretraga/", params, args.repeat)
        every += timings
        label = (text[:30] + "…" if len(text) > 30 else text) + (f" [{place}]" if place else "")
        p50, p95 = _p(timings, 50), _p(timings, 95)
        print(f"{label:<36} p50 {p50:6.1f} ms  p95 {p95:6.1f} ms  {found:>3} shown")
    print(f"{'all queries':<36} p50 {_p(every, 50):6.1f} ms  p95 {_p(every, 95):6.1f} ms")
    print(f"{'static file (same client)':<36} p50 {_p(static, 50):6.2f} ms")


def _timings(client, path, params, repeat) -> list[float]:
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        client.get(path, params)
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def _p(values, percentile) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[percentile - 1]


if __name__ == "__main__":
    main()

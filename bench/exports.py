"""Benchmark: how long the coordinator exports take on a large directory.

Builds a repeatable dataset (bench/dataset.py: the demo content plus N generated services,
seeded, so every run has the same rows) in a fresh SQLite database under the system temp
folder, unless DATABASE_URL points elsewhere, then times every report as CSV and XLSX and the
HSDS package.

    .venv/bin/python bench/exports.py            # 20,000 services
    .venv/bin/python bench/exports.py --services 2000 --repeat 3

Prints one line per export: the best wall-clock time of --repeat runs, in seconds.
"""

import argparse
import os
import time

from dataset import dataset_build, django_setup


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--services", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--language", default="en")
    args = parser.parse_args()

    django_setup(services=args.services)
    from reports.catalogue import REPORTS
    from services.hsds import hsds_package_files
    from services.models import Service

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


def best_of(repeat, run) -> float:
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        timings.append(time.perf_counter() - started)
    return min(timings)


if __name__ == "__main__":
    main()

"""Benchmark: how long the coordinator exports take on a large directory, and how much memory.

Builds the repeatable dataset of bench/dataset.py (the demo plus 200 generated municipalities
and N generated services, seed 1) in a SQLite file under the system temp folder, unless
DATABASE_URL points elsewhere, then writes every report as CSV and XLSX and the HSDS package
(ZIP) into a temporary file, as the download views do.

    .venv/bin/python bench/exports.py                    # 20,000 services
    .venv/bin/python bench/exports.py --services 2000 --repeat 3

Prints one line per export: the best wall-clock time of --repeat runs, the file size, and how
much the process grew while writing it (peak resident memory after minus before; each run is
a forked child, so one export's memory does not hide the next one's). Run it at two sizes:
an export that streams grows about as much at 20,000 services as at 2,000.
"""

import argparse
import os
import resource
import tempfile
import time

from dataset import dataset_build, django_setup


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--services", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--language", default="en")
    args = parser.parse_args()

    django_setup(services=args.services, static=False)
    from django.db import connections

    from reports.catalogue import REPORTS
    from services.hsds import hsds_package_zip_write
    from services.models import Service

    dataset_build(services=args.services)
    print(f"dataset: {Service.objects.count()} services ({connections['default'].vendor})")
    print(f"{'export':<30} {'seconds':>8} {'size':>9} {'memory':>9}")
    exports = [
        (
            f"report {slug} {extension}",
            lambda file, cls=report_class, ext=extension: getattr(
                cls(language=args.language), f"write_{ext}"
            )(file),
        )
        for slug, report_class in REPORTS.items()
        for extension in ("csv", "xlsx")
    ]
    exports.append(
        (
            "hsds package zip",
            lambda file: hsds_package_zip_write(file=file, language=args.language),
        )
    )
    for name, write in exports:
        runs = [measured(write, connections) for _ in range(args.repeat)]
        seconds = min(run[0] for run in runs)
        size, grown = runs[0][1], max(run[2] for run in runs)
        print(f"{name:<30} {seconds:8.2f} {size / 1e6:7.1f}MB {grown / 1024:7.1f}MB")


def measured(write, connections) -> tuple[float, int, int]:
    """(seconds, bytes written, peak memory growth in KiB) of `write(file)` in a forked child."""
    connections.close_all()  # the child opens its own connection
    read, written = os.pipe()
    child = os.fork()
    if child == 0:
        os.close(read)
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        with tempfile.TemporaryFile() as file:
            started = time.perf_counter()
            write(file)
            seconds = time.perf_counter() - started
            size = file.tell()
        grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
        os.write(written, f"{seconds} {size} {grown}".encode())
        os._exit(0)
    os.close(written)
    with os.fdopen(read) as pipe:
        answer = pipe.read()
    _pid, status = os.waitpid(child, 0)
    if status != 0 or not answer:
        raise SystemExit(f"The export failed in the child process (status {status}).")
    seconds, size, grown = answer.split()
    return float(seconds), int(size), int(grown)


if __name__ == "__main__":
    main()

"""Benchmark: the public pages served as in production, against a static file in the same run.

Builds the generated dataset (`manage.py generate_scale_data`: the demo plus 200 generated
municipalities and 20,000 services, seeded) on SQLite, and on PostgreSQL too when
DATABASE_URL points at one (in a database of its own, DATABASE_URL's name + "_bench"), serves
it with gunicorn and the production settings on loopback, and drives every page with Debian's
`wrk` (16 connections, gzip accepted as phones do). wrk runs on CPU 0 and gunicorn on the
others when the machine has more than one.

Each page is measured cold (the page cache off: every request renders) and warm (the page
cache on and filled), with requests/s, p50/p95/p99 latency, and the ratio to the static
stylesheet served by the same server in the same run (these 2-core machines are noisy; the
ratio less so). Ends with the memory of each worker.

    .venv/bin/python bench/pages.py                          # SQLite (+ PostgreSQL)
    .venv/bin/python bench/pages.py --duration 5 --services 2000
    .venv/bin/python bench/pages.py --project ../old-checkout --label before

The table is printed and written to --output (default bench/results/pages.md, appended).
--project serves another checkout of the portal (e.g. an older commit, to compare) with this
one's virtualenv; it must have `generate_scale_data`.
"""

import argparse
import contextlib
import datetime
import json
import os
import platform
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote, urlsplit, urlunsplit

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parent
PYTHON = Path(sys.executable)
STATIC = "/static/css/portal.css"

# wrk prints one JSON line when done (latencies in microseconds).
WRK_REPORT = """
done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format(
    '{"requests": %d, "rps": %.1f, "p50": %.1f, "p95": %.1f, "p99": %.1f, "errors": %d}\\n',
    summary.requests, summary.requests / seconds, latency:percentile(50),
    latency:percentile(95), latency:percentile(99),
    summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.status + summary.errors.timeout))
end
"""

# Which page to take for each row (found in the dataset: the largest generated municipality).
PAGES_SCRIPT = """
import json
from django.db.models import Count
from guides.models import GuideChapter
from services.models import Municipality, Service
place = (Municipality.objects.filter(slug__startswith="gen-")
         .annotate(n=Count("services")).order_by("-n", "slug").first())
category = place.services.filter(is_published=True).values_list("categories__slug", flat=True)[0]
service = place.services.filter(is_published=True).order_by("slug").first()
chapter = (GuideChapter.objects.filter(is_published=True, categories__slug=category)
           .order_by("order").first())
from services.hsds import SERVICE_LABEL, hsds_id
term = hsds_id("services.category", category)
print(json.dumps({"municipality": place.slug, "category": category, "service": service.slug,
                  "chapter": chapter.slug, "services": Service.objects.count(),
                  "service_id": hsds_id(SERVICE_LABEL, service.slug), "term_id": term}))
"""


def pages(found: dict) -> list[tuple[str, str]]:
    m, c = found["municipality"], found["category"]
    return [
        ("home", "/sr-latn/"),
        ("municipality list", "/sr-latn/opstine/"),
        ("municipality page", f"/sr-latn/opstine/{m}/"),
        ("municipality, filtered", f"/sr-latn/opstine/{m}/?category={c}"),
        ("service", f"/sr-latn/usluge/{found['service']}/"),
        ("guide contents", "/sr-latn/vodic/"),
        ("chapter", f"/sr-latn/vodic/{found['chapter']}/"),
        ("chapter + municipality", f"/sr-latn/vodic/{found['chapter']}/?municipality={m}"),
        ("projects", "/sr-latn/projekti/"),
        ("open calls", "/sr-latn/konkursi/"),
        ("search", "/sr-latn/pretraga/?q=socijalna+pomoc"),
        ("search, Cyrillic, typo", "/sr/pretraga/?q=" + quote("социјлна")),
        ("API: services, Romani", "/api/hsds/services?lang=rom"),
        ("API: services of a term", f"/api/hsds/services?taxonomy_term_id={found['term_id']}"),
        ("API: services, search", "/api/hsds/services?search=socijalna"),
        ("API: one service", f"/api/hsds/services/{found['service_id']}?lang=de"),
        ("API: organizations", "/api/hsds/organizations"),
    ]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--services", type=int, default=20_000)
    parser.add_argument("--municipalities", type=int, default=200)
    parser.add_argument("--duration", type=int, default=10, help="seconds per page")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--project", type=Path, default=PROJECT)
    parser.add_argument("--label", default="")
    parser.add_argument("--databases", default="", help="sqlite,postgresql (default: all)")
    parser.add_argument("--build-only", action="store_true", help="only build the datasets")
    parser.add_argument(
        "--cache-url", default="", help="CACHE_URL of the servers (default: the database table)"
    )
    parser.add_argument("--output", type=Path, default=HERE / "results" / "pages.md")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: apt-get install wrk")

    databases = _databases(args)
    lines = [_heading(args)]
    for vendor, url in databases:
        env = _environment(url)
        if args.cache_url:
            env["CACHE_URL"] = args.cache_url
        found = _dataset(args, env)
        if args.build_only:
            continue
        lines.append(f"\n{vendor}, {found['services']} services\n")
        lines.append(
            "| page | cold req/s | ratio | p50 ms | p95 ms | p99 ms "
            "| warm req/s | ratio | p50 ms | p95 ms | p99 ms |"
        )
        lines.append("|" + "---|" * 11)
        results, statics, memory = {}, {}, {}
        for mode in ("cold", "warm"):
            env["PAGECACHE"] = "1" if mode == "warm" else "0"
            with _server(args, env) as (base, master):
                results[mode], statics[mode] = _measure(args, base, pages(found), mode=mode)
                memory[mode] = _worker_memory(master)
        for (name, path), cold, warm in zip(
            pages(found), results["cold"], results["warm"], strict=True
        ):
            lines.append(f"| {name} `{path}` | {_cells(cold)} | {_cells(warm)} |")
        lines.append(
            f"| static `{STATIC}` | {_cells(statics['cold'])} | {_cells(statics['warm'])} |"
        )
        lines.append(
            f"\nMemory per worker (RSS, MB, after the run): cold {memory['cold']}, "
            f"warm {memory['warm']}"
        )
        print("\n".join(lines[-len(pages(found)) - 6 :]), flush=True)
    if args.build_only:
        return
    args.output.parent.mkdir(parents=True, exist_ok=True)
    with args.output.open("a", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n\n")
    print(f"\nwritten to {args.output}")


def _heading(args) -> str:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    return (
        f"## {args.label or args.project.name} - {datetime.datetime.now():%Y-%m-%d %H:%M}\n\n"
        f"Machine: {os.cpu_count()} CPUs ({cpu}), Python {platform.python_version()}; gunicorn "
        f"{args.workers} sync workers{_pinning()[1]}; wrk -t1 -c{args.connections} "
        f"-d{args.duration}s, Accept-Encoding: gzip. Cache: {args.cache_url or 'database table'}. "
        "Ratio = page req/s / static req/s."
    )


def _pinning() -> tuple[tuple[list[str], list[str]], str]:
    """(wrk's prefix, gunicorn's prefix), and how it reads in the heading."""
    cpus = sorted(os.sched_getaffinity(0))
    if len(cpus) < 2 or not shutil.which("taskset"):
        return ([], []), ""
    others = ",".join(str(cpu) for cpu in cpus[1:])
    return (
        (["taskset", "-c", str(cpus[0])], ["taskset", "-c", others]),
        f" on CPU {others}, wrk on CPU {cpus[0]}",
    )


def _databases(args) -> list[tuple[str, str]]:
    wanted = set(filter(None, args.databases.split(","))) or {"sqlite", "postgresql"}
    found = []
    if "sqlite" in wanted:
        name = f"returnee-portal-pages-{args.project.name}-{args.services}.sqlite3"
        found.append(("SQLite", f"sqlite:///{Path(tempfile.gettempdir()) / name}"))
    url = os.environ.get("DATABASE_URL", "")
    if "postgresql" in wanted and url.startswith(("postgres://", "postgresql://")):
        parts = urlsplit(url)
        bench = f"{parts.path.strip('/')}_bench_{args.project.name}_{args.services}"
        bench = bench.replace("-", "_").lower()
        _postgresql_create(url, bench)
        found.append(("PostgreSQL", urlunsplit(parts._replace(path="/" + bench))))
    return found


def _postgresql_create(url: str, name: str) -> None:
    import psycopg2

    connection = psycopg2.connect(url)
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if not cursor.fetchone():
            cursor.execute(f'CREATE DATABASE "{name}"')
    connection.close()


def _environment(database_url: str) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("DEBUG", "CACHE_URL", "DATABASE_URL")}
    env.update(
        DATABASE_URL=database_url,
        DEBUG="0",
        SECRET_KEY="benchmark-only-not-secret",
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="0",
        PYTHONDONTWRITEBYTECODE="1",
        # The API's throughput is measured, not its throttle (api/views.py, ClientThrottle).
        API_RATE="100000000/minute",
    )
    return env


def _manage(args, env, *command, capture=False) -> str:
    result = subprocess.run(
        [str(PYTHON), "manage.py", *command, *(["--no-imports"] if command[0] == "shell" else [])],
        cwd=args.project,
        env=env,
        check=True,
        text=True,
        stdout=subprocess.PIPE if capture else None,
    )
    return result.stdout or ""


def _dataset(args, env) -> dict:
    """Migrate, load the demo, generate the scale data (unless it is there already)."""
    _manage(args, env, "migrate", "--no-input", "-v0")
    _manage(args, env, "collectstatic", "--no-input", "-v0")  # the production storage
    if _generated(args, env) != args.services:
        _manage(args, env, "load_demo")
        _manage(
            args,
            env,
            "generate_scale_data",
            "--replace",
            f"--municipalities={args.municipalities}",
            f"--services={args.services}",
        )
    return json.loads(_manage(args, env, "shell", "-c", PAGES_SCRIPT, capture=True))


def _generated(args, env) -> int:
    script = (
        "from services.models import Service\n"
        "print(Service.objects.filter(slug__startswith='gen-').count())"
    )
    return int(_manage(args, env, "shell", "-c", script, capture=True).strip() or 0)


@contextlib.contextmanager
def _server(args, env):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    _, prefix = _pinning()[0]
    command = [
        *prefix,
        str(PYTHON.parent / "gunicorn"),
        "returnee_portal.wsgi",
        f"--workers={args.workers}",
        f"--bind=127.0.0.1:{port}",
        "--log-level=warning",
    ]
    server = subprocess.Popen(command, cwd=args.project, env=env, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            with contextlib.suppress(OSError):
                urllib.request.urlopen(base + "/healthz", timeout=2)
                break
            time.sleep(0.2)
        else:
            raise SystemExit("gunicorn did not answer")
        yield base, server.pid
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def _get(url: str) -> None:
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request, timeout=60) as response:
        response.read()
        if response.status != 200:
            raise SystemExit(f"{url}: {response.status}")


def _wrk(args, url: str) -> dict:
    prefix, _ = _pinning()[0]
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(WRK_REPORT)
    try:
        output = subprocess.run(
            [
                *prefix,
                "wrk",
                "-t1",
                f"-c{args.connections}",
                f"-d{args.duration}s",
                "--timeout",
                "10s",
                "-H",
                "Accept-Encoding: gzip",
                "-s",
                script.name,
                url,
            ],
            check=True,
            text=True,
            capture_output=True,
        ).stdout
    finally:
        os.unlink(script.name)
    return json.loads(output.strip().splitlines()[-1])


def _measure(args, base: str, rows, *, mode: str) -> tuple[list[dict], dict]:
    """Each page, then the static file again at the start, middle and end (its median)."""
    statics, results = [], []
    for number, (name, path) in enumerate(rows):
        if number in (0, len(rows) // 2):
            statics.append(_wrk(args, base + STATIC))
        _get(base + path)  # renders it once (and, warm, stores it)
        _get(base + path)
        results.append(_wrk(args, base + path))
        print(f"  {mode} {name}: {results[-1]}", flush=True)
    statics.append(_wrk(args, base + STATIC))
    static = sorted(statics, key=lambda r: r["rps"])[len(statics) // 2]
    for result in results:
        result["ratio"] = result["rps"] / static["rps"]
    static["ratio"] = 1.0
    return results, static


def _cells(result: dict) -> str:
    errors = f" ({result['errors']} errors)" if result["errors"] else ""
    return (
        f"{result['rps']:.0f}{errors} | {result['ratio']:.3f} | {result['p50'] / 1000:.1f} "
        f"| {result['p95'] / 1000:.1f} | {result['p99'] / 1000:.1f}"
    )


def _worker_memory(master: int) -> str:
    """The resident memory of gunicorn's workers (children of the master), in MB."""
    children = Path(f"/proc/{master}/task/{master}/children")
    pids = children.read_text().split() if children.exists() else []
    sizes = []
    for pid in pids:
        status = Path(f"/proc/{pid}/status")
        for line in status.read_text().splitlines() if status.exists() else ():
            if line.startswith("VmRSS:"):
                sizes.append(int(line.split()[1]) / 1024)
    return ", ".join(f"{size:.0f}" for size in sizes) or "unknown"


if __name__ == "__main__":
    main()

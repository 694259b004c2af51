"""Load test: 200 clients at once for 60 s on the public pages, at the default settings.

Serves the generated dataset of bench/pages.py (built the same way, on SQLite, and on
PostgreSQL too when DATABASE_URL points at one) with gunicorn and the production settings
as README § Production runs it (2 sync workers here, the page cache on, the database-table
cache) and drives a round-robin of every public page of bench/pages.py with `wrk -c200`.
Prints requests/s, p50/p95/p99 and every error by kind (connect, read, write, timeout,
status >= 400): the goal is none at all.

    .venv/bin/python bench/load.py                       # 200 clients, 60 s
    .venv/bin/python bench/load.py --connections 400 --duration 30
"""

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pages

HERE = Path(__file__).resolve().parent

# Every public page in turn; one JSON line at the end (latencies in microseconds).
WRK_SCRIPT = """
local paths = {%(paths)s}
local next_path = 0
request = function()
  next_path = next_path %% #paths + 1
  return wrk.format("GET", paths[next_path], {["Accept-Encoding"] = "gzip"})
end
done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    '{"requests": %%d, "rps": %%.1f, "p50": %%.1f, "p95": %%.1f, "p99": %%.1f, ' ..
    '"max": %%.1f, "connect": %%d, "read": %%d, "write": %%d, "timeout": %%d, "status": %%d}\\n',
    summary.requests, summary.requests / seconds, latency:percentile(50),
    latency:percentile(95), latency:percentile(99), latency.max,
    e.connect, e.read, e.write, e.timeout, e.status))
end
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--services", type=int, default=20_000)
    parser.add_argument("--municipalities", type=int, default=200)
    parser.add_argument("--connections", type=int, default=200)
    parser.add_argument("--duration", type=int, default=60, help="seconds")
    parser.add_argument("--timeout", type=int, default=10, help="seconds before wrk gives up")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--databases", default="", help="sqlite,postgresql (default: all)")
    parser.add_argument("--output", type=Path, default=HERE / "results" / "load.md")
    args = parser.parse_args()
    args.project, args.label, args.cache_url = pages.PROJECT, "load", ""
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: apt-get install wrk")

    lines = [
        f"## load - {args.connections} clients, {args.duration} s, {args.workers} workers"
        f"{pages._pinning()[1]}, wrk --timeout {args.timeout}s\n",
        "| database | requests | req/s | p50 ms | p95 ms | p99 ms | max ms | errors |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for vendor, url in pages._databases(args):
        env = pages._environment(url)
        found = pages._dataset(args, env)
        paths = [path for _name, path in pages.pages(found)] + [pages.STATIC]
        with pages._server(args, env) as (base, _master):
            for path in paths:  # every page rendered (and stored) once before the clock runs
                pages._get(base + path)
            result = _wrk(args, base, paths)
        errors = {kind: result[kind] for kind in ("connect", "read", "write", "timeout", "status")}
        lines.append(
            f"| {vendor}, {found['services']} services | {result['requests']} "
            f"| {result['rps']:.0f} | {result['p50'] / 1000:.1f} | {result['p95'] / 1000:.1f} "
            f"| {result['p99'] / 1000:.1f} | {result['max'] / 1000:.1f} "
            f"| {sum(errors.values())} {json.dumps(errors)} |"
        )
        print(lines[-1], flush=True)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    with args.output.open("a", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n\n")
    print("\n".join(lines))


def _wrk(args, base: str, paths: list[str]) -> dict:
    prefix, _ = pages._pinning()[0]
    quoted = ", ".join(json.dumps(path) for path in paths)
    with tempfile.NamedTemporaryFile("w", suffix=".lua") as script:
        script.write(WRK_SCRIPT % {"paths": quoted})
        script.flush()
        output = subprocess.run(
            [*prefix, "wrk", "-t2", f"-c{args.connections}", f"-d{args.duration}s"]
            + [f"--timeout={args.timeout}s", "-s", script.name, base],
            check=True,
            text=True,
            capture_output=True,
        ).stdout
    return json.loads(output.strip().splitlines()[-1])


if __name__ == "__main__":
    main()

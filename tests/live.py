"""Live app servers for tests: gunicorn with the production settings on loopback, against
the test database (PostgreSQL), and HTTP without a browser to talk to them."""

import contextlib
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

from django.conf import settings
from django.db import connection

ROOT = Path(__file__).resolve().parents[1]
STARTUP_SECONDS = 30


def database_url(*, port=None) -> str:
    """The test database as a URL, optionally through another port (a proxy)."""
    database = connection.settings_dict
    return (
        f"postgres://{database['USER']}:{database['PASSWORD']}@{database['HOST']}:"
        f"{port or database['PORT']}/{database['NAME']}"
    )


def production_environment(*, static_root, **overrides) -> dict:
    """DEBUG off, the test database, collectstatic run into `static_root`."""
    environment = {
        **{name: value for name, value in os.environ.items() if name != "CACHE_URL"},
        "DEBUG": "0",
        "SECRET_KEY": settings.SECRET_KEY,  # the test process's sessions are valid there
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",  # plain HTTP on loopback; the proxy would do TLS
        # The test's requests come from loopback, as from the load balancer.
        "TRUSTED_PROXIES": "127.0.0.1",
        "DATABASE_URL": database_url(),
        "STATIC_ROOT": str(static_root),
        **overrides,
    }
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
        cwd=ROOT,
        env=environment,
        check=True,
    )
    return environment


@contextlib.contextmanager
def gunicorn_servers(*, environment, count):
    """`count` servers of one worker each; yields their base URLs and then the servers'
    output (stderr, where the logs go) as it is written, through `.log()`."""
    processes, bases = [], []
    with tempfile.TemporaryFile() as output:
        try:
            for _ in range(count):
                port = free_port()
                command = [sys.executable, "-m", "gunicorn", "returnee_portal.wsgi:application"]
                command += ["--bind", f"127.0.0.1:{port}", "--workers", "1"]
                processes.append(
                    subprocess.Popen(
                        command, cwd=ROOT, env=environment, stdout=output, stderr=output
                    )
                )
                bases.append(f"http://127.0.0.1:{port}")
            for base in bases:
                wait(lambda b=base: urllib.request.urlopen(b + "/healthz", timeout=2).close())
            yield Servers(bases, output)
        finally:
            for process in processes:
                process.terminate()
            for process in processes:
                process.wait(timeout=10)
            output.seek(0)
            sys.stderr.write(output.read().decode(errors="replace")[-4000:])  # shown on failure


class Servers(list):
    """The base URLs, and what the servers have written so far."""

    def __init__(self, bases, output):
        super().__init__(bases)
        self._output = output

    def log(self) -> str:
        # pread: the servers write through the same file offset, which must not move.
        descriptor = self._output.fileno()
        return os.pread(descriptor, os.fstat(descriptor).st_size, 0).decode(errors="replace")


class Answer:
    def __init__(self, status, headers, body):
        self.status, self.headers, self.text = status, headers, body.decode()


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


opener = urllib.request.build_opener(NoRedirects)


def request(url, *, data=None, cookies=None, headers=None) -> Answer:
    request = urllib.request.Request(url, data=data, headers=headers or {})
    if cookies:
        request.add_header("Cookie", "; ".join(f"{k}={v}" for k, v in cookies.items()))
    try:
        with opener.open(request, timeout=30) as response:
            return Answer(response.status, response.headers, response.read())
    except urllib.error.HTTPError as error:
        return Answer(error.code, error.headers, error.read())


def get(url, *, cookies=None, headers=None) -> Answer:
    return request(url, cookies=cookies, headers=headers)


def post(url, data, *, cookies=None, headers=None, before_sending=None) -> Answer:
    """Post `data` as the form at `url` would: with its CSRF cookie and token.
    `before_sending` runs between loading the form and sending it."""
    form = get(url, cookies=cookies, headers=headers)
    assert form.status == 200, form.text
    jar = SimpleCookie()
    for header in form.headers.get_all("Set-Cookie") or []:
        jar.load(header)
    cookies = {**(cookies or {}), "csrftoken": jar["csrftoken"].value}
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text).group(1)
    body = urlencode({**data, "csrfmiddlewaretoken": token}, doseq=True).encode()
    if before_sending:
        before_sending()
    return request(url, data=body, cookies=cookies, headers=headers)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait(ready) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while True:
        try:
            ready()
            return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)

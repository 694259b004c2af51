"""Two app servers behind one load balancer: one PostgreSQL, one Redis, nothing on local disk.

Two gunicorn servers with the production settings run on loopback against the test database
and a private redis-server. An edit saved through one server is on the next anonymous page
from the other (whose page cache had that page), and the suggestion rate limit counts the
requests of both. PostgreSQL only (SQLite is one file on one machine); CI runs it, with
REQUIRE_SCALE_OUT=1 so that a missing redis-server fails instead of skipping.
"""

import os
import re
import shutil
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

import pytest
from django.conf import settings
from django.db import connection
from django.test import override_settings
from django.urls import reverse
from django.utils import translation

from services.actions import SUGGESTIONS_PER_ADDRESS
from tests.admin_pages import admin_url, form_data
from tests.factories import CategoryFactory, CoordinatorFactory, ServiceFactory

pytestmark = pytest.mark.django_db(transaction=True)

ROOT = Path(__file__).resolve().parents[2]
REDIS_SERVER = shutil.which("redis-server")
STARTUP_SECONDS = 30


@pytest.fixture
def redis_url():
    if connection.vendor != "postgresql":
        pytest.skip("two app servers need PostgreSQL (CI runs this on PostgreSQL)")
    if REDIS_SERVER is None:
        reason = "redis-server not found: sudo apt-get install redis-server"
        if os.environ.get("REQUIRE_SCALE_OUT") == "1":
            pytest.fail(f"REQUIRE_SCALE_OUT=1: {reason}", pytrace=False)
        pytest.skip(reason)
    port = _free_port()
    process = subprocess.Popen(
        [REDIS_SERVER, "--bind", "127.0.0.1", "--port", str(port), "--save", ""],
        stdout=subprocess.DEVNULL,
    )
    url = f"redis://127.0.0.1:{port}/0"
    try:
        _wait(lambda: socket.create_connection(("127.0.0.1", port), timeout=1).close())
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(autouse=True)
def _roles(transactional_db):
    """The groups the data migration made, which an earlier test's flush may have removed."""
    from django.apps import apps

    from returnee_portal.roles import roles_sync

    roles_sync(apps)


@pytest.fixture
def shared_cache(redis_url):
    """The test process writes into the servers' cache too (its saves move page tags); the
    database cache is back before redis-server stops."""
    backend = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": redis_url}
    with override_settings(CACHES={"default": backend}):
        yield redis_url


@pytest.fixture
def servers(shared_cache, tmp_path_factory):
    """Two gunicorn servers (one worker each), production settings, the test database."""
    static = tmp_path_factory.mktemp("static")
    database = connection.settings_dict
    environment = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": settings.SECRET_KEY,  # the test process's sessions are valid there
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",  # plain HTTP on loopback; the proxy would do TLS
        "BEHIND_PROXY": "0",
        "DATABASE_URL": (
            f"postgres://{database['USER']}:{database['PASSWORD']}@{database['HOST']}:"
            f"{database['PORT']}/{database['NAME']}"
        ),
        "CONN_MAX_AGE": "0",  # the test database is dropped at the end
        "CACHE_URL": shared_cache,
        "STATIC_ROOT": str(static),
    }
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
        cwd=ROOT,
        env=environment,
        check=True,
    )
    processes, bases = [], []
    with tempfile.TemporaryFile() as log:
        try:
            for _ in range(2):
                port = _free_port()
                command = [sys.executable, "-m", "gunicorn", "returnee_portal.wsgi:application"]
                command += ["--bind", f"127.0.0.1:{port}", "--workers", "1"]
                processes.append(
                    subprocess.Popen(command, cwd=ROOT, env=environment, stdout=log, stderr=log)
                )
                bases.append(f"http://127.0.0.1:{port}")
            for base in bases:
                _wait(lambda b=base: urllib.request.urlopen(b + "/health/", timeout=2).close())
            yield bases
        finally:
            for process in processes:
                process.terminate()
            for process in processes:
                process.wait(timeout=10)
            log.seek(0)
            sys.stderr.write(log.read().decode(errors="replace")[-4000:])  # shown on failure


def test_an_edit_through_one_server_is_at_once_on_the_other(servers, client):
    first, second = servers
    service = ServiceFactory(name_sr_latn="Dom zdravlja Tutin", categories=[CategoryFactory()])
    with translation.override("sr-latn"):
        page = service.get_absolute_url()
    assert "Dom zdravlja Tutin" in _get(second + page).text
    assert _get(second + page).headers["X-Page-Cache"] == "hit"  # the other server keeps it

    coordinator = CoordinatorFactory(username="koordinator")
    client.force_login(coordinator)
    with translation.override("sr-latn"):
        url = admin_url(service, "change")
    data = form_data(client, url)
    data["name_sr_latn"] = "Dom zdravlja Tutin – nova adresa"
    session = {"sessionid": client.cookies["sessionid"].value}
    saved = _post(first + url, data, cookies=session)
    assert saved.status == 302, saved.text

    after = _get(second + page)
    assert "Dom zdravlja Tutin – nova adresa" in after.text
    assert after.headers["X-Page-Cache"] == "miss"


def test_the_suggestion_limit_counts_across_both_servers(servers):
    service = ServiceFactory(name_sr_latn="Centar za socijalni rad")
    with translation.override("en"):
        url = reverse("services:service_suggestion", args=[service.slug])
    answers = [
        _post(servers[number % 2] + url, {"message": f"Novi broj telefona {number}"}).status
        for number in range(SUGGESTIONS_PER_ADDRESS + 1)
    ]
    assert answers == [302] * SUGGESTIONS_PER_ADDRESS + [429]
    assert service.update_suggestions.count() == SUGGESTIONS_PER_ADDRESS


# --- HTTP without a browser -----------------------------------------------------------------


class _Answer:
    def __init__(self, status, headers, body):
        self.status, self.headers, self.text = status, headers, body.decode()


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


_opener = urllib.request.build_opener(_NoRedirects)


def _request(url, *, data=None, cookies=None) -> _Answer:
    request = urllib.request.Request(url, data=data)
    if cookies:
        request.add_header("Cookie", "; ".join(f"{k}={v}" for k, v in cookies.items()))
    try:
        with _opener.open(request, timeout=30) as response:
            return _Answer(response.status, response.headers, response.read())
    except urllib.error.HTTPError as error:
        return _Answer(error.code, error.headers, error.read())


def _get(url, *, cookies=None) -> _Answer:
    return _request(url, cookies=cookies)


def _post(url, data, *, cookies=None) -> _Answer:
    """Post `data` as the form at `url` would: with its CSRF cookie and token."""
    form = _get(url, cookies=cookies)
    assert form.status == 200, form.text
    jar = SimpleCookie()
    for header in form.headers.get_all("Set-Cookie") or []:
        jar.load(header)
    cookies = {**(cookies or {}), "csrftoken": jar["csrftoken"].value}
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text).group(1)
    body = urlencode({**data, "csrfmiddlewaretoken": token}, doseq=True).encode()
    return _request(url, data=body, cookies=cookies)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait(ready) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while True:
        try:
            ready()
            return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)

"""Two app servers behind one load balancer: one PostgreSQL, one shared cache, nothing on
local disk.

Two gunicorn servers with the production settings run on loopback against the test database,
sharing first the embedded default cache (the table in the database) and then a private
redis-server. An edit saved through one server is on the next anonymous page from the other
(whose page cache had that page), and the suggestion rate limit and the login lockout count
the requests of both. PostgreSQL only (the test database of SQLite lives in the test process's
memory); CI runs it, with REQUIRE_SCALE_OUT=1 so that a missing redis-server fails instead of
skipping.
"""

import os
import shutil
import socket
import subprocess

import pytest
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.core.cache import cache
from django.db import connection
from django.test import override_settings
from django.urls import reverse
from django.utils import translation

from services.actions import SUGGESTIONS_PER_ADDRESS
from tests.admin_pages import admin_url, form_data
from tests.factories import PASSWORD, CategoryFactory, CoordinatorFactory, ServiceFactory
from tests.live import free_port, get, gunicorn_servers, post, production_environment, wait

pytestmark = pytest.mark.django_db(transaction=True)

REDIS_SERVER = shutil.which("redis-server")


def _require_postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("two app servers need PostgreSQL (CI runs this on PostgreSQL)")


@pytest.fixture
def redis_url():
    _require_postgresql()
    if REDIS_SERVER is None:
        reason = "redis-server not found: sudo apt-get install redis-server"
        if os.environ.get("REQUIRE_SCALE_OUT") == "1":
            pytest.fail(f"REQUIRE_SCALE_OUT=1: {reason}", pytrace=False)
        pytest.skip(reason)
    port = free_port()
    process = subprocess.Popen(
        [REDIS_SERVER, "--bind", "127.0.0.1", "--port", str(port), "--save", ""],
        stdout=subprocess.DEVNULL,
    )
    url = f"redis://127.0.0.1:{port}/0"
    try:
        wait(lambda: socket.create_connection(("127.0.0.1", port), timeout=1).close())
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


@pytest.fixture(params=["database", "redis"])
def shared_cache(request):
    """The servers' cache: the embedded default, then Redis. The test process writes into it
    too (its saves move page tags); the database cache is back before redis-server stops."""
    if request.param == "database":
        _require_postgresql()
        cache.clear()  # a table outside the models: a flush between tests leaves it
        yield None
        return
    redis_url = request.getfixturevalue("redis_url")
    backend = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": redis_url}
    with override_settings(CACHES={"default": backend}):
        yield redis_url


@pytest.fixture
def servers(shared_cache, tmp_path_factory):
    """Two gunicorn servers (one worker each), production settings, the test database."""
    environment = production_environment(
        static_root=tmp_path_factory.mktemp("static"),
        # The test database is dropped at the end: no connection may outlive a request.
        CONN_MAX_AGE="0",
        **({"CACHE_URL": shared_cache} if shared_cache else {}),
    )
    with gunicorn_servers(environment=environment, count=2) as bases:
        yield bases


def test_an_edit_through_one_server_is_at_once_on_the_other(servers, client):
    first, second = servers
    service = ServiceFactory(name_sr_latn="Dom zdravlja Tutin", categories=[CategoryFactory()])
    with translation.override("sr-latn"):
        page = service.get_absolute_url()
    assert "Dom zdravlja Tutin" in get(second + page).text
    assert get(second + page).headers["X-Page-Cache"] == "hit"  # the other server keeps it

    coordinator = CoordinatorFactory(username="koordinator")
    client.force_login(coordinator)
    with translation.override("sr-latn"):
        url = admin_url(service, "change")
    data = form_data(client, url)
    data["name_sr_latn"] = "Dom zdravlja Tutin – nova adresa"
    session = {"sessionid": client.cookies["sessionid"].value}
    saved = post(first + url, data, cookies=session)
    assert saved.status == 302, saved.text

    after = get(second + page)
    assert "Dom zdravlja Tutin – nova adresa" in after.text
    assert after.headers["X-Page-Cache"] == "miss"


def test_the_suggestion_limit_counts_across_both_servers(servers):
    service = ServiceFactory(name_sr_latn="Centar za socijalni rad")
    with translation.override("en"):
        url = reverse("services:service_suggestion", args=[service.slug])
    answers = [
        post(servers[number % 2] + url, {"message": f"Novi broj telefona {number}"}).status
        for number in range(SUGGESTIONS_PER_ADDRESS + 1)
    ]
    assert answers == [302] * SUGGESTIONS_PER_ADDRESS + [429]
    assert service.update_suggestions.count() == SUGGESTIONS_PER_ADDRESS


def test_a_login_lockout_holds_on_both_servers(servers):
    coordinator = CoordinatorFactory(username="koordinator")
    # The servers know the production hasher only (the tests' fast one is not configured).
    coordinator.password = PBKDF2PasswordHasher().encode(PASSWORD, "scaleoutsalt")
    coordinator.save()
    login = reverse("admin:login")

    def log_in(server, password, address):
        data = {"username": "koordinator", "password": password, "next": "/admin/"}
        return post(server + login, data, headers={"X-Forwarded-For": address}).status

    failures = [log_in(servers[n % 2], "pogrešna", "203.0.113.9") for n in range(5)]
    assert failures == [200, 200, 200, 200, 429]
    assert [log_in(server, PASSWORD, "203.0.113.9") for server in servers] == [429, 429]
    assert log_in(servers[1], PASSWORD, "198.51.100.7") == 302  # a colleague elsewhere

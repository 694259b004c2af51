"""Admin login: throttled per username and address (django-axes); staff sessions expire."""

import pytest
from django.conf import settings
from django.test import override_settings
from django.urls import reverse

from tests.factories import PASSWORD, AssociateFactory

pytestmark = pytest.mark.django_db


def log_in(client, password, ip="10.0.0.1"):
    return client.post(
        reverse("admin:login"),
        {"username": "marija", "password": password, "next": reverse("admin:index")},
        REMOTE_ADDR=ip,
    )


@pytest.fixture
def marija(own_municipality):
    return AssociateFactory(username="marija", municipalities=[own_municipality])


def test_five_failures_lock_out_the_username_from_that_address_only(client, marija):
    for _ in range(4):
        assert log_in(client, "pogrešna").status_code == 200  # the form again, with an error
    assert log_in(client, "pogrešna").status_code == 429  # the fifth failure locks

    locked = log_in(client, PASSWORD)
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session

    other_address = log_in(client, PASSWORD, ip="10.0.0.2")
    assert other_address.status_code == 302
    assert other_address.url == reverse("admin:index")


def test_the_lockout_page_is_in_the_visitors_language_and_says_how_long(client, marija):
    for _ in range(5):
        log_in(client, "pogrešna")
    locked = client.post(
        reverse("admin:login"),
        {"username": "marija", "password": PASSWORD},
        REMOTE_ADDR="10.0.0.1",
        HTTP_ACCEPT_LANGUAGE="de",
    )
    assert locked.status_code == 429
    assert locked["Retry-After"] == "3600"
    assert '<html lang="de"' in locked.text
    assert "60 Minuten" in locked.text
    english = client.post(
        reverse("admin:login"),
        {"username": "marija", "password": PASSWORD},
        REMOTE_ADDR="10.0.0.1",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert "You can try again in 60 minutes." in english.text


def test_a_successful_login_resets_the_failure_count(client, marija):
    for _ in range(4):
        log_in(client, "pogrešna")
    assert log_in(client, PASSWORD).status_code == 302
    client.logout()
    for _ in range(4):
        log_in(client, "pogrešna")
    assert log_in(client, PASSWORD).status_code == 302


def test_staff_session_ends_after_two_idle_hours_and_public_pages_set_no_cookie(client, marija):
    assert client.get("/").cookies.get(settings.SESSION_COOKIE_NAME) is None
    log_in(client, PASSWORD)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 200
    # Renewed on every request, so it is idle time that counts.
    assert response.cookies[settings.SESSION_COOKIE_NAME]["max-age"] == 2 * 60 * 60


@override_settings(TRUSTED_PROXIES=["127.0.0.0/8"])
def test_behind_the_proxy_the_lockout_follows_the_forwarded_address(client, marija):
    """Everyone reaches the site through one proxy: only the attacker's address is locked."""

    def through_proxy(password, forwarded_for):
        return client.post(
            reverse("admin:login"),
            {"username": "marija", "password": password, "next": reverse("admin:index")},
            REMOTE_ADDR="127.0.0.1",
            HTTP_X_FORWARDED_FOR=forwarded_for,
        )

    for _ in range(5):
        through_proxy("pogrešna", "203.0.113.9")
    assert through_proxy(PASSWORD, "203.0.113.9").status_code == 429
    # A forged first entry does not help the attacker: the proxy's own entry counts.
    assert through_proxy(PASSWORD, "198.51.100.7, 203.0.113.9").status_code == 429
    colleague = through_proxy(PASSWORD, "198.51.100.7")
    assert colleague.status_code == 302

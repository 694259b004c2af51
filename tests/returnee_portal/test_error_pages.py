"""What a visitor sees when something is wrong: a page in their language that says what to do
(400 bad request, 403 refused or an expired form, 503 database unreachable, 500), and the
health probes an operator's load balancer asks."""

import pytest
from django.conf import settings
from django.test import Client, override_settings
from django.utils import translation

from tests.factories import ServiceFactory

pytestmark = pytest.mark.django_db

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def in_language(language, text) -> str:
    with translation.override(language):
        return translation.gettext(text)


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_a_body_in_another_charset_is_a_translated_400(client, language):
    service = ServiceFactory(slug="licna-karta")
    response = client.generic(
        "POST",
        f"/{language}/usluge/{service.slug}/predlog/",
        "message=Adresa".encode("latin-1"),
        content_type="application/x-www-form-urlencoded; charset=latin-1",
    )
    assert response.status_code == 400
    assert f'<html lang="{language}"' in response.text
    assert in_language(language, "This request could not be read") in response.text


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_a_form_sent_without_its_token_is_a_translated_403_that_says_how_to_resend(language):
    service = ServiceFactory(slug="licna-karta")
    client = Client(enforce_csrf_checks=True)
    response = client.post(f"/{language}/usluge/{service.slug}/predlog/", {"message": "x"})
    assert response.status_code == 403
    assert f'<html lang="{language}"' in response.text
    assert in_language(language, "The form could not be sent") in response.text


def test_a_refused_admin_page_is_a_translated_403(client, associate):
    client.force_login(associate)
    response = client.get("/admin/auth/user/", HTTP_ACCEPT_LANGUAGE="sq")
    assert response.status_code == 403
    assert in_language("sq", "You may not open this page") in response.text


@override_settings(ROOT_URLCONF="tests.returnee_portal.failing_urls")
def test_an_unreachable_database_is_a_translated_503_with_retry_after():
    response = Client(raise_request_exception=False).get("/de/kaputt/datenbank/")
    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    assert '<html lang="de">' in response.text
    assert "Das Portal ist kurz nicht erreichbar" in response.text


@override_settings(ROOT_URLCONF="tests.returnee_portal.failing_urls")
def test_a_bug_is_a_translated_500():
    response = Client(raise_request_exception=False).post("/sq/kaputt/fehler/")
    assert response.status_code == 500
    assert '<html lang="sq">' in response.text
    assert in_language("sq", "Something went wrong") in response.text


def test_healthz_needs_nothing_and_readyz_checks_database_and_cache(client):
    assert client.get("/healthz").content == b"ok"
    ready = client.get("/readyz")
    assert ready.status_code == 200
    assert ready.text == "database: ok\ncache: ok"

"""The "Is something wrong here?" form for visitors and the queue of suggestions in the admin."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import translation

from services.models import UpdateSuggestion
from tests.factories import MunicipalityFactory, ServiceFactory

pytestmark = pytest.mark.django_db

FORM_URL = "/en/usluge/dom-zdravlja/predlog/"
THANKS_URL = "/en/usluge/dom-zdravlja/predlog/hvala/"


@pytest.fixture(autouse=True)
def _fresh_rate_limit():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def service():
    return ServiceFactory(slug="dom-zdravlja", name_sr_latn="Dom zdravlja", phone="020 123")


def test_service_page_links_to_the_form_sets_no_cookie_and_is_cacheable(client, service):
    response = client.get("/en/usluge/dom-zdravlja/")
    assert f'href="{FORM_URL}"' in response.text
    assert "Is something wrong here?" in response.text
    assert "csrfmiddlewaretoken" not in response.text
    assert not response.cookies
    assert "public" in response["Cache-Control"]
    assert "s-maxage=60" in response["Cache-Control"]  # shared caches; browsers revalidate
    assert "max-age=0" in response["Cache-Control"]
    assert "must-revalidate" in response["Cache-Control"]
    assert "cookie" not in response.get("Vary", "").lower()


def test_form_asks_what_is_wrong_and_an_optional_contact(client, service):
    html = client.get(FORM_URL).text
    assert '<label for="id_message">' in html
    assert '<label for="id_contact">' in html
    assert "Optional" in html and "only so that we can ask you back" in html
    assert 'maxlength="2000"' in html
    # The honeypot: off-screen, out of the tab order, hidden from screen readers.
    assert '<div class="hp" aria-hidden="true">' in html
    assert 'tabindex="-1"' in html and 'autocomplete="off"' in html


def test_a_report_is_filed_and_the_visitor_thanked_in_their_language(client, service):
    response = client.post(FORM_URL, {"message": "The phone number changed.", "contact": ""})
    assert response.status_code == 302
    assert response["Location"] == THANKS_URL
    assert "Thank you" in client.get(THANKS_URL).text
    suggestion = UpdateSuggestion.objects.get()
    assert (suggestion.service, suggestion.message, suggestion.contact) == (
        service,
        "The phone number changed.",
        "",
    )
    assert suggestion.status == UpdateSuggestion.Status.OPEN

    german = client.post("/de/usluge/dom-zdravlja/predlog/", {"message": "Neue Nummer"})
    assert german["Location"] == "/de/usluge/dom-zdravlja/predlog/hvala/"


def test_a_bot_filling_the_honeypot_is_thanked_but_nothing_is_stored(client, service):
    response = client.post(
        FORM_URL, {"message": "Cheap pills", "contact": "", "website": "http://spam.example"}
    )
    assert response["Location"] == THANKS_URL
    assert not UpdateSuggestion.objects.exists()


def test_too_many_suggestions_from_one_address_are_refused_and_the_text_kept(client, service):
    for n in range(5):
        response = client.post(FORM_URL, {"message": f"Note {n}"}, REMOTE_ADDR="203.0.113.7")
        assert response.status_code == 302
    response = client.post(FORM_URL, {"message": "Sixth note"}, REMOTE_ADDR="203.0.113.7")
    assert response.status_code == 429
    assert 'role="alert">You have sent several suggestions in a short time.' in response.text
    assert response["Retry-After"] == "3600"
    assert "Sixth note</textarea>" in response.text
    assert UpdateSuggestion.objects.count() == 5
    # Another family is not affected, and the address itself is not kept.
    other = client.post(FORM_URL, {"message": "Other"}, REMOTE_ADDR="198.51.100.1")
    assert other.status_code == 302
    with connection.cursor() as cursor:  # the cache is a table in the database (settings)
        cursor.execute("SELECT cache_key FROM portal_cache")
        keys = [key for (key,) in cursor.fetchall()]
    assert any("update-report-quota" in key for key in keys)
    assert not any("203.0.113.7" in key for key in keys)


@override_settings(TRUSTED_PROXIES=["127.0.0.1"])
def test_behind_the_proxy_the_address_it_appended_counts(client, service):
    for n in range(5):
        client.post(FORM_URL, {"message": f"Note {n}"}, HTTP_X_FORWARDED_FOR=f"10.0.0.{n}, 1.2.3.4")
    response = client.post(FORM_URL, {"message": "x"}, HTTP_X_FORWARDED_FOR="10.9.9.9, 1.2.3.4")
    assert response.status_code == 429
    other = client.post(FORM_URL, {"message": "x"}, HTTP_X_FORWARDED_FOR="1.2.3.5")
    assert other.status_code == 302


def test_without_a_trusted_proxy_a_forged_forwarded_address_does_not_reset_the_limit(
    client, service
):
    for n in range(5):
        client.post(FORM_URL, {"message": f"Note {n}"}, HTTP_X_FORWARDED_FOR=f"10.0.0.{n}")
    response = client.post(FORM_URL, {"message": "x"}, HTTP_X_FORWARDED_FOR="10.9.9.9")
    assert response.status_code == 429


def test_an_oversized_message_is_refused_with_the_text_kept(client, service):
    text = "The office moved. " + "x" * 2000
    response = client.post(FORM_URL, {"message": text, "contact": "a@example.org"})
    assert response.status_code == 400
    assert 'role="alert" id="id_message_error">Ensure this value has at most 2000' in response.text
    assert f"{text}</textarea>" in response.text
    assert 'value="a@example.org"' in response.text
    assert not UpdateSuggestion.objects.exists()


@pytest.mark.parametrize("message", ["", "   ", "null\x00byte"])
def test_an_empty_or_malformed_message_is_refused(client, service, message):
    response = client.post(FORM_URL, {"message": message, "contact": "x" * 201})
    assert response.status_code == 400
    assert response.text.count('class="error" role="alert" id="id_') == 2
    assert not UpdateSuggestion.objects.exists()


TOO_LONG = (
    "Ensure this value has at most %(limit_value)d character (it has %(show_value)d).",
    "Ensure this value has at most %(limit_value)d characters (it has %(show_value)d).",
)


@pytest.mark.parametrize(
    ("message", "django_message"),
    [("", "This field is required."), ("null\x00byte", "Null characters are not allowed.")],
)
def test_form_errors_on_romani_pages_are_in_romani(client, service, message, django_message):
    """Django has no Romani catalogue: without ours its messages would be Serbian here."""
    response = client.post(FORM_URL.replace("/en/", "/rom/"), {"message": message})
    assert response.status_code == 400
    for language, present in (("rom", True), ("sr-latn", False)):
        with translation.override(language):
            assert (translation.gettext(django_message) in response.text) == present


def test_a_too_long_message_is_refused_in_romani_on_romani_pages(client, service):
    response = client.post(FORM_URL.replace("/en/", "/rom/"), {"message": "x" * 2001})
    for language, present in (("rom", True), ("sr-latn", False)):
        with translation.override(language):
            text = translation.ngettext(*TOO_LONG, 2000) % {"limit_value": 2000, "show_value": 2001}
            assert (text in response.text) == present


def test_the_form_is_protected_against_cross_site_posts(service):
    client = Client(enforce_csrf_checks=True)
    assert client.post(FORM_URL, {"message": "Forged"}).status_code == 403
    client.get(FORM_URL)
    token = client.cookies["csrftoken"].value
    response = client.post(FORM_URL, {"message": "Real", "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert UpdateSuggestion.objects.get().message == "Real"


def test_an_unpublished_service_takes_no_reports(client):
    ServiceFactory(slug="skrivena", is_published=False)
    assert client.get("/en/usluge/skrivena/predlog/").status_code == 404
    assert client.post("/en/usluge/skrivena/predlog/", {"message": "x"}).status_code == 404


# --- The queue in the admin -------------------------------------------------------------------


@pytest.fixture
def suggestions(associate):
    tutin = MunicipalityFactory(name_sr_latn="Tutin")
    tutin.associates.add(associate)
    nis = MunicipalityFactory(name_sr_latn="Niš")
    own = UpdateSuggestion.objects.create(
        service=ServiceFactory(municipality=tutin, name_sr_latn="Dom zdravlja Tutin"),
        message="New opening hours in Tutin",
    )
    other = UpdateSuggestion.objects.create(
        service=ServiceFactory(municipality=nis, name_sr_latn="Matična služba Niš"),
        message="Wrong phone in Niš",
    )
    return own, other


def test_associates_see_only_their_municipalities_suggestions(associate_client, suggestions):
    own, other = suggestions
    client = associate_client
    html = client.get(reverse("admin:services_updatesuggestion_changelist")).text
    assert "New opening hours in Tutin" in html
    assert "Dom zdravlja Tutin" in html
    assert "Wrong phone in Niš" not in html
    assert "Niš" not in html  # not even as a filter choice
    other_url = reverse("admin:services_updatesuggestion_change", args=[other.pk])
    response = client.get(other_url)
    assert response.status_code in (302, 403, 404)
    assert "Wrong phone in Niš" not in client.get(other_url, follow=True).text


def test_coordinators_see_every_report(admin_client, suggestions):
    html = admin_client.get(
        reverse("admin:services_updatesuggestion_changelist"), HTTP_ACCEPT_LANGUAGE="en"
    ).text
    assert "New opening hours in Tutin" in html
    assert "Wrong phone in Niš" in html


def test_reports_cannot_be_added_and_their_message_not_changed(associate_client, suggestions):
    own, _ = suggestions
    client = associate_client
    assert client.get(reverse("admin:services_updatesuggestion_add")).status_code == 403
    url = reverse("admin:services_updatesuggestion_change", args=[own.pk])
    assert 'name="message"' not in client.get(url).text
    client.post(url, {"message": "Rewritten"})
    own.refresh_from_db()
    assert own.message == "New opening hours in Tutin"


def test_closing_a_report_from_its_page(associate_client, associate, suggestions):
    own, _ = suggestions
    client = associate_client
    url = reverse("admin:services_updatesuggestion_change", args=[own.pk])
    assert 'name="_close"' in client.get(url).text
    response = client.post(url, {"_close": "1"}, follow=True)
    assert "The suggestion is closed." in response.text
    own.refresh_from_db()
    assert own.status == UpdateSuggestion.Status.CLOSED
    assert own.closed_by == associate
    assert own.closed_at is not None
    assert 'name="_close"' not in client.get(url).text


def test_closing_reports_from_the_list(associate_client, associate, suggestions):
    own, other = suggestions
    client = associate_client
    response = client.post(
        reverse("admin:services_updatesuggestion_changelist"),
        {"action": "suggestions_close", "_selected_action": [own.pk, other.pk]},
        follow=True,
    )
    assert "1 suggestion closed." in response.text
    own.refresh_from_db()
    other.refresh_from_db()
    assert (own.status, own.closed_by) == (UpdateSuggestion.Status.CLOSED, associate)
    assert other.status == UpdateSuggestion.Status.OPEN


def test_the_form_s_old_address_leads_to_it(client, service):
    response = client.get("/rom/usluge/dom-zdravlja/prijava/")
    assert response.status_code == 301
    assert response["Location"] == "/rom/usluge/dom-zdravlja/predlog/"

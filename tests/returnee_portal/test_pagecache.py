"""The cache of anonymous public pages: served again until what they show changes, never stale."""

import re
import time
from datetime import date

import pytest
from django.test import Client
from django.utils.http import parse_http_date

from returnee_portal.models import LatinName
from returnee_portal.pagecache import pages_forget_all
from services.models import Service
from tests.admin_pages import admin_url, form_data
from tests.factories import (
    CategoryFactory,
    MunicipalityFactory,
    OrganizationFactory,
    ServiceFactory,
)
from tests.services.test_admin_import import confirm, export_rows, spreadsheet, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def tutin():
    return MunicipalityFactory(name_sr_latn="Tutin", slug="tutin")


@pytest.fixture
def health():
    return CategoryFactory(name_sr_latn="Zdravlje", slug="zdravlje")


@pytest.fixture
def doctor(tutin, health):
    return ServiceFactory(
        slug="dom-zdravlja",
        name_sr_latn="Dom zdravlja Tutin",
        municipality=tutin,
        organization=OrganizationFactory(name_sr_latn="Dom zdravlja", municipality=tutin),
        categories=[health],
        last_verified=date(2026, 1, 5),
    )


@pytest.fixture
def visitor():
    """An anonymous visitor (no session cookie), whose pages may come from the cache."""
    return Client()


def fetch(client, path, **headers):
    response = client.get(path, headers=headers)
    assert response.status_code in (200, 304), (path, response.status_code)
    return response


PAGES = [
    "/sr-latn/",
    "/en/opstine/",
    "/en/opstine/tutin/",
    "/en/opstine/tutin/?category=zdravlje",
    "/en/usluge/dom-zdravlja/",
    "/en/pretraga/?q=zdravlja",
]


@pytest.mark.parametrize("path", PAGES)
def test_a_public_page_is_served_again_from_the_cache(visitor, doctor, path):
    first = fetch(visitor, path)
    again = fetch(visitor, path)
    assert first["X-Page-Cache"] == "miss"
    assert again["X-Page-Cache"] == "hit"
    assert again.content == first.content
    cache_control = again["Cache-Control"]
    # Shared caches may keep it a minute; browsers must ask again each time.
    assert "public" in cache_control and "s-maxage=60" in cache_control
    assert "max-age=0" in cache_control and "must-revalidate" in cache_control


@pytest.mark.parametrize(
    "path", ["/en/opstine/tutin/", "/en/usluge/dom-zdravlja/", "/en/pretraga/?q=tutin"]
)
def test_an_edit_is_shown_by_the_next_anonymous_request(visitor, doctor, path):
    assert "Dom zdravlja Tutin" in words(fetch(visitor, path))
    assert fetch(visitor, path)["X-Page-Cache"] == "hit"
    doctor.name_en = "Tutin health centre"
    doctor.save()
    after = fetch(visitor, path)
    assert after["X-Page-Cache"] == "miss"
    assert "Tutin health centre" in words(after)


def words(response) -> str:
    """The page's text without markup (search marks the words it found)."""
    return re.sub(r"<[^>]+>", "", response.text)


def test_a_new_service_appears_on_its_municipality_page_and_in_the_counts(visitor, doctor, tutin):
    fetch(visitor, "/en/opstine/tutin/")
    fetch(visitor, "/en/opstine/")
    ServiceFactory(municipality=tutin, name_sr_latn="Centar za socijalni rad Tutin")
    assert "Centar za socijalni rad Tutin" in fetch(visitor, "/en/opstine/tutin/").text
    assert "2 services" in fetch(visitor, "/en/opstine/").text


def test_a_deleted_service_disappears_everywhere(visitor, doctor):
    fetch(visitor, "/en/opstine/tutin/")
    fetch(visitor, "/en/usluge/dom-zdravlja/")
    doctor.delete()
    assert "Dom zdravlja Tutin" not in fetch(visitor, "/en/opstine/tutin/").text
    assert visitor.get("/en/usluge/dom-zdravlja/").status_code == 404


def test_a_changed_category_link_changes_the_filtered_page(visitor, doctor, tutin):
    school = CategoryFactory(name_sr_latn="Obrazovanje", slug="obrazovanje")
    other = ServiceFactory(municipality=tutin, name_sr_latn="Upis u školu", categories=[])
    assert "Upis u školu" not in fetch(visitor, "/en/opstine/tutin/?category=obrazovanje").text
    other.categories.add(school)
    assert "Upis u školu" in fetch(visitor, "/en/opstine/tutin/?category=obrazovanje").text
    school.services.remove(other)  # from the other side of the link
    assert "Upis u školu" not in fetch(visitor, "/en/opstine/tutin/?category=obrazovanje").text


def test_an_organization_renamed_shows_on_its_services_pages(visitor, doctor):
    fetch(visitor, "/en/usluge/dom-zdravlja/")
    doctor.organization.name_en = "Health centre of Tutin"
    doctor.organization.save()
    assert "Health centre of Tutin" in fetch(visitor, "/en/usluge/dom-zdravlja/").text


def test_lists_show_a_renamed_organization_or_category_at_once(visitor, doctor, health):
    """The lists of services read names as rows, not objects: they still depend on them."""
    listing = "/en/opstine/tutin/"
    assert "Dom zdravlja" in fetch(visitor, listing).text
    assert fetch(visitor, listing)["X-Page-Cache"] == "hit"
    doctor.organization.name_en = "Health centre of Tutin"
    doctor.organization.save()
    assert "Health centre of Tutin" in fetch(visitor, listing).text
    health.name_en = "Health care"
    health.save()
    assert '<span class="label">Health care</span>' in fetch(visitor, listing).text
    organization_page = f"/en/organizacije/{doctor.organization.slug}/"
    assert "Dom zdravlja Tutin" in fetch(visitor, organization_page).text
    doctor.name_en = "Health centre, family doctors"
    doctor.save()
    assert "Health centre, family doctors" in fetch(visitor, organization_page).text


def test_an_admin_save_shows_at_once(visitor, associate_client, own_municipality, health):
    service = ServiceFactory(
        municipality=own_municipality,
        categories=[health],
        organization=OrganizationFactory(municipality=own_municipality),
        name_sr_latn="Stari naziv",
    )
    path = f"/sr-latn/usluge/{service.slug}/"
    assert "Stari naziv" in fetch(visitor, path).text
    url = admin_url(service, "change")
    data = form_data(associate_client, url)
    data["name_sr_latn"] = "Novi naziv"
    response = associate_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert "Novi naziv" in fetch(visitor, path).text


def test_a_verification_shows_its_date_at_once(visitor, associate_client, own_municipality):
    service = ServiceFactory(municipality=own_municipality, last_verified=date(2025, 1, 2))
    path = f"/en/usluge/{service.slug}/"
    before = fetch(visitor, path).text
    response = associate_client.post(
        admin_url(service, "changelist"),
        {"action": "mark_verified_today", "_selected_action": [service.pk]},
    )
    assert response.status_code == 302
    service.refresh_from_db()
    assert service.last_verified != date(2025, 1, 2)
    after = fetch(visitor, path)
    assert after["X-Page-Cache"] == "miss" and after.text != before


def test_a_revert_from_history_shows_at_once(visitor, associate_client, own_municipality):
    service = ServiceFactory(municipality=own_municipality, name_sr_latn="Prvi naziv")
    service.name_sr_latn = "Drugi naziv"
    service.save()
    path = f"/sr-latn/usluge/{service.slug}/"
    assert "Drugi naziv" in fetch(visitor, path).text
    service.history.earliest().instance.save()  # what the admin's revert does
    assert "Prvi naziv" in fetch(visitor, path).text


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_an_import_shows_at_once(visitor, associate_client, own_municipality, file_format):
    service = ServiceFactory(
        municipality=own_municipality, slug="uvezena", name_sr_latn="Pre uvoza"
    )
    assert "Pre uvoza" in fetch(visitor, "/sr-latn/usluge/uvezena/").text
    rows = export_rows(associate_client, file_format)
    next(row for row in rows if row["slug"] == service.slug)["name_sr_latn"] = "Posle uvoza"
    preview = upload(associate_client, spreadsheet(rows, file_format), file_format)
    # The preview writes nothing: the page is unchanged.
    assert "Pre uvoza" in fetch(visitor, "/sr-latn/usluge/uvezena/").text
    confirm(associate_client, preview)
    assert "Posle uvoza" in fetch(visitor, "/sr-latn/usluge/uvezena/").text


def test_a_new_latin_name_changes_the_cyrillic_pages(visitor, doctor):
    assert "Дом здравља Тутин" in fetch(visitor, "/sr/usluge/dom-zdravlja/").text
    LatinName.objects.create(name="Tutin")
    assert 'Дом здравља <span class="latn">Tutin</span>' in (
        fetch(visitor, "/sr/usluge/dom-zdravlja/").text
    )


def test_writes_without_signals_are_covered_by_forgetting_all_pages(visitor, doctor):
    fetch(visitor, "/en/usluge/dom-zdravlja/")
    Service.objects.filter(pk=doctor.pk).update(name_en="Bulk renamed")
    assert "Bulk renamed" not in fetch(visitor, "/en/usluge/dom-zdravlja/").text
    pages_forget_all()
    assert "Bulk renamed" in fetch(visitor, "/en/usluge/dom-zdravlja/").text


def test_each_language_and_encoding_is_its_own_page(visitor, doctor):
    english = fetch(visitor, "/en/usluge/dom-zdravlja/")
    german = fetch(visitor, "/de/usluge/dom-zdravlja/")
    assert english.content != german.content
    gzipped = fetch(visitor, "/en/usluge/dom-zdravlja/", accept_encoding="gzip")
    assert gzipped["Content-Encoding"] == "gzip"
    assert "Content-Encoding" not in fetch(visitor, "/en/usluge/dom-zdravlja/")
    assert "Accept-Encoding" in gzipped["Vary"]


def test_a_conditional_request_is_answered_304_until_the_page_changes(visitor, doctor):
    page = fetch(visitor, "/en/usluge/dom-zdravlja/")
    etag, modified = page["ETag"], page["Last-Modified"]
    assert visitor.get("/en/usluge/dom-zdravlja/", headers={"if-none-match": etag}).status_code == (
        304
    )
    since = visitor.get("/en/usluge/dom-zdravlja/", headers={"if-modified-since": modified})
    assert since.status_code == 304 and not since.content
    doctor.name_en = "Renamed"
    doctor.save()
    fresh = visitor.get("/en/usluge/dom-zdravlja/", headers={"if-none-match": etag})
    assert fresh.status_code == 200 and "Renamed" in fresh.text
    assert fresh["ETag"] != etag


def test_logged_in_staff_always_get_a_fresh_page(associate_client, doctor):
    first = associate_client.get("/en/usluge/dom-zdravlja/")
    assert "X-Page-Cache" not in first
    Service.objects.filter(pk=doctor.pk).update(name_en="Changed quietly")
    assert "Changed quietly" in associate_client.get("/en/usluge/dom-zdravlja/").text


@pytest.mark.parametrize(
    "path",
    [
        "/en/usluge/dom-zdravlja/?utm_source=x",  # a parameter no page reads
        "/en/usluge/dom-zdravlja/predlog/",  # a form with a CSRF token
        "/en/usluge/nema/",  # not found
    ],
)
def test_what_is_not_a_plain_public_page_is_never_stored(visitor, doctor, path):
    visitor.get(path)
    assert "X-Page-Cache" not in visitor.get(path)


def test_a_hit_costs_one_read_of_the_cache_and_no_other_query(
    visitor, doctor, django_assert_num_queries
):
    fetch(visitor, "/en/opstine/tutin/")
    with django_assert_num_queries(1):  # the clock (the page is in this process)
        assert fetch(visitor, "/en/opstine/tutin/")["X-Page-Cache"] == "hit"
    other_server = Client()  # its own middleware: nothing of this process's pages
    with django_assert_num_queries(3):  # the clock, the page, its tags' versions
        assert fetch(other_server, "/en/opstine/tutin/")["X-Page-Cache"] == "hit"


def test_the_validators_are_http_dates_and_strong_etags(visitor, doctor):
    page = fetch(visitor, "/en/usluge/dom-zdravlja/")
    assert page["ETag"].startswith('"') and not page["ETag"].startswith("W/")
    modified = parse_http_date(page["Last-Modified"])
    assert time.time() - 60 < modified <= time.time()

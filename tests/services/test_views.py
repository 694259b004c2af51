"""The directory's public pages: municipality, filters, service detail, projects, open calls."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from returnee_portal.models import LatinName
from services.models import Service
from tests.factories import (
    CategoryFactory,
    DistrictFactory,
    GuideChapterFactory,
    MunicipalityFactory,
    OpenCallFactory,
    ProjectFactory,
    ProjectIndicatorFactory,
    ServiceFactory,
    SpokenLanguageFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def tutin():
    municipality = MunicipalityFactory(name_sr_latn="Tutin", slug="tutin")
    health = CategoryFactory(name_sr_latn="Zdravstvena zaštita", slug="zdravlje")
    documents = CategoryFactory(name_sr_latn="Lična dokumenta", slug="dokumenta")
    romani = SpokenLanguageFactory(code="rom", name_sr_latn="romski")
    ServiceFactory(
        municipality=municipality,
        name_sr_latn="Dom zdravlja Tutin",
        categories=[health],
        staff_languages=[romani],
    )
    ServiceFactory(municipality=municipality, name_sr_latn="Matična služba", categories=[documents])
    ServiceFactory(name_sr_latn="Usluga u drugoj opštini", categories=[health])
    ServiceFactory(municipality=municipality, name_sr_latn="Skrivena usluga", is_published=False)
    return municipality


def test_municipality_page_lists_each_service_once_with_its_categories(client, tutin):
    children = CategoryFactory(name_sr_latn="Deca i porodica", slug="deca")
    Service.objects.get(name_sr_latn="Dom zdravlja Tutin").categories.add(children)
    html = client.get("/sr-latn/opstine/tutin/").text
    assert "<h1>Tutin</h1>" in html
    assert html.count(">Dom zdravlja Tutin</a>") == 1
    item = html.split(">Dom zdravlja Tutin</a>")[1].split("</li>")[0]
    assert '<span class="label">Zdravstvena zaštita</span>' in item
    assert '<span class="label">Deca i porodica</span>' in item
    assert "Matična služba" in html
    assert "Usluga u drugoj opštini" not in html
    assert "Skrivena usluga" not in html
    # Each category present is one tap away, with its count here.
    assert 'href="?category=zdravlje"' in html and "(1)" in html


def test_filter_by_category(client, tutin):
    html = client.get("/sr-latn/opstine/tutin/?category=dokumenta").text
    assert "Matična služba" in html
    assert "Dom zdravlja Tutin" not in html


def test_filter_by_category_lists_a_service_once_under_that_category(client, tutin):
    children = CategoryFactory(name_sr_latn="Deca i porodica", slug="deca")
    Service.objects.get(name_sr_latn="Dom zdravlja Tutin").categories.add(children)
    html = client.get("/sr-latn/opstine/tutin/?category=zdravlje").text
    assert html.count("Dom zdravlja Tutin") == 1
    assert "Deca i porodica" not in html.split("<h2", 1)[1]


def test_filter_by_staff_language(client, tutin):
    html = client.get("/sr-latn/opstine/tutin/?language=rom").text
    assert "Dom zdravlja Tutin" in html
    assert "Matična služba" not in html


@pytest.mark.parametrize(
    "query",
    [
        "category=no-such-category",
        "language=%27%3B%20DROP%20TABLE",
        "category=" + "x" * 5000,
        "page=abc",
        "page=99999",
        "page=-1",
        "category=zdravlje&category[]=1&language=",
    ],
)
def test_bad_filter_values_never_give_a_server_error(client, tutin, query):
    response = client.get(f"/en/opstine/tutin/?{query}")
    assert response.status_code == 200


def test_unknown_filter_value_is_explained(client, tutin):
    response = client.get("/en/opstine/tutin/?category=no-such-category")
    assert 'class="error" role="alert"' in response.text
    # The unknown filter is ignored rather than hiding every service.
    assert "Dom zdravlja Tutin" in response.text


def test_filter_offers_only_categories_present_in_the_municipality(client, tutin):
    CategoryFactory(name_sr_latn="Stanovanje", slug="stanovanje")
    html = client.get("/sr-latn/opstine/tutin/").text
    assert 'href="?category=zdravlje"' in html
    assert 'href="?category=stanovanje"' not in html


def test_a_category_with_no_service_here_says_so_in_romani_and_points_on(client, tutin):
    school = CategoryFactory(name_sr_latn="Obrazovanje", name_rom="Sikljovipe", slug="obrazovanje")
    chapter = GuideChapterFactory(title_sr_latn="Obrazovanje i škola", title_rom="Sikljovipe")
    chapter.categories.set([school])
    nearby = MunicipalityFactory(name_sr_latn="Sjenica", district=tutin.district)
    ServiceFactory(municipality=nearby, categories=[school], name_sr_latn="Osnovna škola")
    far = MunicipalityFactory(name_sr_latn="Pirot")
    ServiceFactory(municipality=far, categories=[school], name_sr_latn="Škola u Pirotu")
    html = client.get("/rom/opstine/tutin/?category=obrazovanje").text
    with translation.override("rom"):
        nothing = translation.gettext("Nothing of this kind in %(name)s yet.") % {"name": "Tutin"}
    assert nothing in html
    assert 'class="error"' not in html  # a real category: no error, in any language
    assert "Dom zdravlja Tutin" not in html  # not every service instead
    assert f'href="/rom/vodic/{chapter.slug}/?municipality=tutin"' in html
    assert f'href="/rom/opstine/{nearby.slug}/?category=obrazovanje"' in html
    assert far.slug not in html  # another district


@pytest.mark.parametrize("language", ["sr-latn", "sr", "rom", "sq", "de", "en"])
def test_filter_errors_are_in_the_page_language(client, tutin, language):
    html = client.get(f"/{language}/opstine/tutin/?category=nema&language=xx").text
    with translation.override(language):
        category = translation.gettext("We do not know this category. All services are shown.")
        spoken = translation.gettext("We do not know this language. All services are shown.")
    assert category in html and spoken in html


def test_the_staff_language_filter_is_offered_only_with_languages_to_choose(client, tutin):
    assert 'name="language"' in client.get("/en/opstine/tutin/").text
    other = MunicipalityFactory(slug="bez-jezika")
    ServiceFactory(municipality=other)
    assert 'name="language"' not in client.get("/en/opstine/bez-jezika/").text


def test_municipality_list_for_a_category_counts_that_category(client, tutin):
    ServiceFactory(municipality=tutin, name_sr_latn="Drugi dom zdravlja", categories=[])
    html = client.get("/sr-latn/opstine/?category=zdravlje").text
    assert (
        '<a href="/sr-latn/opstine/tutin/?category=zdravlje">Tutin</a> <span class="count">1 usl'
        in html
    )
    everything = client.get("/sr-latn/opstine/").text
    assert '<a href="/sr-latn/opstine/tutin/">Tutin</a> <span class="count">3 usl' in everything


def test_municipality_page_queries_do_not_grow_with_services(
    client, settings, django_assert_max_num_queries
):
    settings.PAGECACHE_ENABLED = False  # each request renders (the cache: test_pagecache.py)
    small = MunicipalityFactory(slug="mala")
    large = MunicipalityFactory(slug="velika")
    category = CategoryFactory()
    language = SpokenLanguageFactory()
    # More than a page (50) in the large one: the rest of the list is never read.
    for municipality, count in ((small, 5), (large, 60)):
        for _ in range(count):
            ServiceFactory(
                municipality=municipality, categories=[category], staff_languages=[language]
            )
    # The "keep for offline" box's size is measured once per change of the municipality's
    # services (offline/packages.py), by the first request.
    for path in ("/sr-latn/opstine/mala/", "/sr-latn/opstine/velika/"):
        assert client.get(path).status_code == 200
    # 9, and 2 for the box's size kept in the cache (the tags' versions, the size).
    with django_assert_max_num_queries(11) as small_queries:
        assert client.get("/sr-latn/opstine/mala/").status_code == 200
    with django_assert_max_num_queries(11) as large_queries:
        response = client.get("/sr-latn/opstine/velika/")
    assert response.status_code == 200
    assert len(small_queries.captured_queries) == len(large_queries.captured_queries)
    assert response.text.count('href="/sr-latn/usluge/') == 50  # first page


def test_service_page_has_working_contact_links(client):
    service = ServiceFactory(
        phone="020 / 811-123",
        email="info@example.org",
        address="Glavna 1",
        latitude="42.990000",
        longitude="20.336000",
    )
    html = client.get(f"/en/usluge/{service.slug}/").text
    assert '<a href="tel:020811123">020 / 811-123</a>' in html
    assert '<a href="mailto:info@example.org">info@example.org</a>' in html
    assert "https://www.openstreetmap.org/?mlat=42.990000&amp;mlon=20.336000" in html


def test_service_page_without_contacts_says_so_and_has_no_map(client):
    service = ServiceFactory()
    html = client.get(f"/en/usluge/{service.slug}/").text
    assert "openstreetmap" not in html
    assert "tel:" not in html
    assert "We have no checked contact details" in html
    assert "Not yet checked by a local associate." in html
    # Nobody to name, so nobody to send the reader to; no phone, so no "call before you go".
    assert "associate for (re)integration can tell you" not in html
    assert "call before" not in html.lower()


def test_the_associates_contact_is_on_the_municipality_and_service_pages(client):
    municipality = MunicipalityFactory(
        associate_name_sr_latn="Kancelarija za povratnike",
        associate_phone="020 811 111",  # a test number
        associate_email="povratnici@example.org",
    )
    service = ServiceFactory(municipality=municipality)
    for url in (municipality.get_absolute_url(), service.get_absolute_url()):
        html = client.get(url.replace("/sr-latn/", "/en/")).text
        assert "Kancelarija za povratnike" in html
        assert '<a href="tel:020811111">020 811 111</a>' in html
        assert '<a href="mailto:povratnici@example.org">povratnici@example.org</a>' in html
    html = client.get(service.get_absolute_url().replace("/sr-latn/", "/en/")).text
    assert "associate for (re)integration can tell you how to reach it" in html


def test_call_before_you_go_only_where_there_is_a_number_to_call(client):
    service = ServiceFactory(phone="020 811 111")
    assert "call before you go" in client.get(f"/en/usluge/{service.slug}/").text
    assert "call before you go" not in client.get("/en/").text


def test_service_page_shows_when_it_was_checked(client):
    service = ServiceFactory(last_verified=datetime.date(2026, 3, 14))
    html = client.get(f"/en/usluge/{service.slug}/").text
    assert "Checked on March 14, 2026." in html


def test_unpublished_service_is_not_found(client):
    service = ServiceFactory(is_published=False)
    assert client.get(f"/en/usluge/{service.slug}/").status_code == 404


def test_municipality_picker_goes_to_the_municipality(client, tutin):
    response = client.get(reverse("services:municipality_list"), {"municipality": "tutin"})
    assert response.status_code == 302
    assert response["Location"] == "/sr-latn/opstine/tutin/"
    unknown = client.get("/en/opstine/", {"municipality": "atlantis"})
    assert unknown.status_code == 200
    assert "We do not know that municipality yet" in unknown.text


def test_the_picker_offers_every_municipality_by_district_in_the_pages_script(client, tutin):
    raski = DistrictFactory(name_sr_latn="Raški okrug", slug="raski")
    novi_pazar = MunicipalityFactory(name_sr_latn="Novi Pazar", slug="novi-pazar", district=raski)
    MunicipalityFactory(name_sr_latn="Raška", slug="raska", district=raski)
    home = client.get("/sr-latn/").text
    group = home.split('<optgroup label="Raški okrug">')[1].split("</optgroup>")[0]
    assert '<option value="novi-pazar">Novi Pazar</option>' in group
    assert '<option value="raska">Raška</option>' in group
    assert '<option value="tutin">Tutin</option>' in home
    assert '<optgroup label="Рашки округ">' in client.get("/sr/").text
    # A chapter read for one municipality keeps it chosen in its picker.
    chapter = GuideChapterFactory(slug="zdravlje-vodic")
    chapter.categories.add(tutin.services.first().categories.first())
    page = client.get(f"/sr-latn/vodic/{chapter.slug}/?municipality=tutin").text
    assert '<option value="tutin" selected>Tutin</option>' in page
    # A renamed municipality is offered by its new name on the next visit (the page cache).
    novi_pazar.name_sr_latn = "Novi Pazar (grad)"
    novi_pazar.save()
    assert '<option value="novi-pazar">Novi Pazar (grad)</option>' in client.get("/sr-latn/").text


def test_municipality_list_groups_by_district_and_counts_services(client, tutin):
    html = client.get("/en/opstine/").text
    assert str(tutin.district.name) in html
    assert "2 services" in html


def test_the_picker_is_built_again_when_what_it_lists_changes(client, settings, tutin):
    """Its options are kept between pages (not built for each): never past a change."""
    settings.PAGECACHE_ENABLED = False
    assert '<option value="tutin">Tutin</option>' in client.get("/sr-latn/").text
    MunicipalityFactory(name_sr_latn="Sjenica", slug="sjenica", district=tutin.district)
    assert '<option value="sjenica">Sjenica</option>' in client.get("/sr-latn/").text
    tutin.district.name_sr_latn = "Raški upravni okrug"
    tutin.district.save()
    assert '<optgroup label="Raški upravni okrug">' in client.get("/sr-latn/").text
    assert '<option value="sjenica">Сјеница</option>' in client.get("/sr/").text
    LatinName.objects.create(name="Sjenica")
    assert '<option value="sjenica">Sjenica</option>' in client.get("/sr/").text


def test_closed_calls_drop_off_the_public_lists(client):
    today = timezone.localdate()
    OpenCallFactory(title_en="Grant still open", closes_on=today)
    OpenCallFactory(title_en="Grant closed yesterday", closes_on=today - datetime.timedelta(1))
    OpenCallFactory(title_en="Grant opening later", opens_on=today + datetime.timedelta(3))
    for url in ("/en/konkursi/", "/en/"):
        html = client.get(url).text
        assert "Grant still open" in html
        assert "Grant closed yesterday" not in html
        assert "Grant opening later" not in html


def test_no_open_calls_is_said_plainly(client):
    assert "There are no open calls at the moment." in client.get("/en/konkursi/").text


def test_open_calls_come_ten_to_a_page_each_linking_to_its_own_page(client):
    today = timezone.localdate()
    for day in range(12):  # the list is by closing date: call 0 closes first
        OpenCallFactory(
            slug=f"poziv-{day:02}",
            title_en=f"Call {day:02}",
            closes_on=today + datetime.timedelta(days=day),
        )
    first = client.get("/en/konkursi/").text
    assert "Call 00" in first and "Call 09" in first and "Call 10" not in first
    assert "Page 1 of 2" in first
    assert '<a href="/en/konkursi/poziv-03/">Call 03</a>' in first
    second = client.get("/en/konkursi/?page=2").text
    assert "Call 10" in second and "Call 11" in second and "Call 09" not in second
    page = client.get("/en/konkursi/poziv-11/")
    assert page.status_code == 200
    assert "<h1>Call 11</h1>" in page.text
    assert "Apply by" in page.text


def test_home_names_the_five_calls_closing_first_with_their_deadlines(client):
    today = timezone.localdate()
    for day in range(6):
        OpenCallFactory(
            slug=f"poziv-{day}", title_en=f"Call {day}", closes_on=today + datetime.timedelta(day)
        )
    html = client.get("/en/").text
    assert '<a href="/en/konkursi/poziv-0/">Call 0</a> <small>Apply by ' in html
    assert "Call 4" in html and "Call 5" not in html
    assert "Send this on" not in html  # on each call's own page


def test_a_closed_call_keeps_its_page_saying_it_closed(client):
    today = timezone.localdate()
    OpenCallFactory(slug="zatvoren", title_en="Old grant", closes_on=today - datetime.timedelta(1))
    html = client.get("/en/konkursi/zatvoren/").text
    assert "This call has closed: applications are no longer taken." in html
    assert "Closed on" in html and "Apply by" not in html
    assert 'href="/en/konkursi/">See the calls open now</a>' in html


def test_a_call_is_not_shown_before_it_opens(client):
    today = timezone.localdate()
    OpenCallFactory(slug="uskoro", opens_on=today + datetime.timedelta(3))
    assert client.get("/en/konkursi/uskoro/").status_code == 404
    assert client.get("/en/konkursi/nepostojeci/").status_code == 404


def test_project_page_shows_funders_period_budget_and_indicators(client):
    project = ProjectFactory(
        title_en="RE!NTEGRATE",
        funders_en="BMZ",
        starts_on=datetime.date(2019, 1, 1),
        ends_on=datetime.date(2025, 12, 31),
        period_precision="year",
        budget="3448487.01",
        currency="EUR",
    )
    ProjectIndicatorFactory(project=project, label_en="Workshops", value=915)
    call = OpenCallFactory(project=project, closes_on=datetime.date(2025, 4, 30))
    html = client.get(f"/en/projekti/{project.slug}/").text
    assert "2019 – 2025" in html
    assert "3,448,487.01\u00a0EUR" in html
    assert "BMZ" in html
    assert '<th scope="row">Workshops</th><td>915' in html
    assert call.title_sr_latn in html and "closed" in html


def test_project_period_is_no_more_precise_than_the_source(client):
    project = ProjectFactory(ends_on=datetime.date(2025, 4, 30), period_precision="month")
    html = client.get(f"/en/projekti/{project.slug}/").text
    assert "until April 2025" in html
    assert "April 30" not in html

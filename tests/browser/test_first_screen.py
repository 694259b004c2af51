"""The first screen on a 360 x 640 phone: "what do you need?" and "where do you live?" without
scrolling, in every language; and search as a family uses it, with and without JavaScript."""

import pytest
from django.conf import settings
from django.utils.translation import get_language_info
from playwright.sync_api import expect

from tests.browser.pages import UI_LANGUAGES, offsite

pytestmark = pytest.mark.django_db(transaction=True)

SCREEN_HEIGHT = 640


@pytest.mark.parametrize("language", UI_LANGUAGES)
def test_search_and_municipality_picker_are_on_the_first_screen(new_context, portal, language):
    page = new_context(device="phone").new_page()
    page.goto(f"/{language}/")
    header = page.locator("header.site-header").bounding_box()
    assert header["height"] <= SCREEN_HEIGHT / 4, header
    for field in ("#q", "#municipality", "form.search button", "form.picker button"):
        box = page.locator(f"main {field}").bounding_box()
        assert header["height"] <= box["y"] and box["y"] + box["height"] <= SCREEN_HEIGHT, field
    # The languages once, each by its own name.
    links = page.locator("a[hreflang], nav.languages a[aria-current]")
    expect(links).to_have_count(len(settings.LANGUAGES))
    for code, _name in settings.LANGUAGES:
        name = get_language_info(code)["name_local"]
        expect(page.locator(f"nav.languages a[lang='{code}']")).to_have_text(
            name[:1].upper() + name[1:]
        )
    expect(page.locator("main a[lang]")).to_have_count(0)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_a_family_searches_without_diacritics_and_finds_the_service(
    new_context, portal, origin, javascript
):
    context = new_context(device="phone", javascript=javascript)
    page = context.new_page()
    page.goto("/sr-latn/")
    page.locator("main #q").fill("zdravstvena knjizica")
    page.locator("main form.search button").click()
    expect(page).to_have_url(f"{origin}/sr-latn/pretraga/?q=zdravstvena+knjizica")
    result = page.locator("ul.results a").first
    expect(result.locator("mark")).to_have_text(["zdravstvena", "knjižica"])
    result.click()
    expect(page).to_have_url(f"{origin}/sr-latn/usluge/{portal.service.slug}/")
    assert offsite(context.requests, origin) == []
    assert context.cookies() == []


def test_a_search_from_a_municipality_stays_there_and_can_widen(new_context, portal, origin):
    page = new_context(device="phone").new_page()
    page.goto(f"/en/opstine/{portal.own_municipality.slug}/")
    page.locator("main #q").fill("zdravstvena")
    page.locator("main form.search button").click()
    tutin_service = page.locator(f"ul.results a[href='/en/usluge/{portal.service.slug}/']")
    expect(tutin_service).to_have_count(0)  # Tutin's, not Novi Pazar's
    page.get_by_role("link", name="Search everywhere").click()
    expect(page).to_have_url(f"{origin}/en/pretraga/?q=zdravstvena")
    expect(tutin_service).to_have_count(1)


def test_the_chosen_municipality_comes_back_on_the_home_page_without_a_cookie(
    new_context, portal, origin
):
    context = new_context(device="phone")
    page = context.new_page()
    page.goto("/rom/opstine/tutin/")
    page.locator("header .brand a").click()
    expect(page).to_have_url(f"{origin}/rom/?municipality=tutin")
    expect(page.locator("main p.your-place a")).to_have_attribute("href", "/rom/opstine/tutin/")
    expect(page.locator("main #municipality")).to_have_value("tutin")
    # Switching language keeps it too: it is in the URL.
    page.locator("nav.languages a[lang=sq]").click()
    expect(page).to_have_url(f"{origin}/sq/?municipality=tutin")
    expect(page.locator("main #municipality")).to_have_value("tutin")
    assert context.cookies() == []

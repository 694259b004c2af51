"""Keyboard only: every journey with Tab and Enter (and typing into fields), a skip link, and a
visible focus indicator on every element the keyboard stops at (tests.browser.pages.tab_to)."""

import re

import pytest
from playwright.sync_api import expect

from services.models import Service
from tests.browser.pages import PASSWORD, focused, tab_to
from tests.dataset import TEST_TEL

pytestmark = pytest.mark.django_db(transaction=True)


def enter(page):
    with page.expect_navigation():
        page.keyboard.press("Enter")


@pytest.mark.parametrize("path", ["/sr-latn/", "/rom/opstine/tutin/", "/de/vodic/prvi-koraci/"])
def test_first_tab_reaches_the_skip_link_which_moves_focus_to_the_content(
    new_context, portal, path
):
    page = new_context(device="phone").new_page()
    page.goto(path)
    page.keyboard.press("Tab")
    skip = focused(page)
    assert skip["href"] == "#main" and skip["visible"], skip
    box = page.locator("a.skip").bounding_box()
    assert box["x"] >= 0 and box["y"] >= 0 and box["width"] >= 24 and box["height"] >= 24

    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    # The next Tab goes into the content, past the header's links.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('main') !== null")


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_family_journey_with_the_keyboard_alone(new_context, portal, origin, javascript):
    page = new_context(device="desktop", javascript=javascript).new_page()
    page.goto("/sr-latn/")

    tab_to(page, "nav.languages a[lang=rom]")
    enter(page)
    expect(page).to_have_url(f"{origin}/rom/")
    # A <select> needs arrow keys; with Tab and Enter alone the category links lead the way.
    tab_to(page, "ul.categories a[href$='?category=zdravstvena-zastita']")
    enter(page)
    expect(page).to_have_url(f"{origin}/rom/opstine/?category=zdravstvena-zastita")
    tab_to(page, "ul.municipalities a[href='/rom/opstine/tutin/?category=zdravstvena-zastita']")
    enter(page)
    expect(page).to_have_url(f"{origin}/rom/opstine/tutin/?category=zdravstvena-zastita")
    tab_to(page, f"ul.services a[href='/rom/usluge/{portal.service.slug}/']")
    enter(page)
    expect(page).to_have_url(f"{origin}/rom/usluge/{portal.service.slug}/")
    assert tab_to(page, "main a[href^='tel:']")["href"] == TEST_TEL
    # On to the end of the page, and round again to the language switcher at the top.
    tab_to(page, "nav.languages a[lang=sq]")
    enter(page)
    expect(page).to_have_url(f"{origin}/sq/usluge/{portal.service.slug}/")


def test_guide_journey_with_the_keyboard_alone(new_context, portal, origin):
    page = new_context(device="phone", locale="de-DE").new_page()
    page.goto("/de/")
    tab_to(page, "details.menu > summary")
    page.keyboard.press("Enter")  # opens the folded menu
    tab_to(page, "header nav a[href='/de/vodic/']")
    enter(page)
    tab_to(page, "ol.contents a[href='/de/vodic/prvi-koraci/']")
    enter(page)
    expect(page).to_have_url(f"{origin}/de/vodic/prvi-koraci/")
    tab_to(page, "nav.chapter-nav a[href='/de/vodic/']")
    enter(page)
    expect(page).to_have_url(f"{origin}/de/vodic/")


def test_associate_journey_with_the_keyboard_alone(new_context, portal, associate, origin):
    page = new_context(device="desktop").new_page()
    page.goto("/admin/")
    tab_to(page, "#id_username")
    page.keyboard.type("associate")
    tab_to(page, "#id_password")
    page.keyboard.type(PASSWORD)
    enter(page)
    expect(page).to_have_url(f"{origin}/admin/")

    tab_to(page, "#content a[href='/admin/services/service/']", limit=120)
    enter(page)
    tab_to(page, f"#result_list a[href$='/service/{portal.own_service.pk}/change/']", limit=120)
    enter(page)
    tab_to(page, "#id_name_sr_latn", limit=120)
    page.keyboard.press("ControlOrMeta+A")
    page.keyboard.type("Novčana socijalna pomoć (jednokratna)")
    enter(page)  # Enter in a text field submits with the form's first button: Save
    expect(page.locator(".messagelist .success")).to_be_visible()
    service = Service.objects.get(pk=portal.own_service.pk)
    assert service.name_sr_latn == "Novčana socijalna pomoć (jednokratna)"
    assert re.search(r"/admin/services/service/$", page.url)

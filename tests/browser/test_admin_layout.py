"""The admin as associates use it, on a phone (360 px) and a laptop (1280 px): no page that
scrolls sideways, a dashboard panel that reads, the service form in the order a person fills
it, and the associate's journey from the list to a readable history, axe clean."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import DEVICES
from tests.browser.pages import admin_login, axe_violations


def sideways(page) -> int:
    """How many CSS pixels the page is wider than the screen (0: no sideways scrolling)."""
    return page.evaluate(
        "document.scrollingElement.scrollWidth - document.documentElement.clientWidth"
    )


@pytest.mark.parametrize("device", DEVICES)
def test_admin_pages_fit_the_screen(new_context, portal, associate, device):
    page = new_context(device=device).new_page()
    admin_login(page)
    service = portal.own_service
    pages = {
        "index": "/admin/",
        "service list": "/admin/services/service/",
        "service form": f"/admin/services/service/{service.pk}/change/",
        "service history": f"/admin/services/service/{service.pk}/history/",
        "import": "/admin/services/service/import/",
        "export": "/admin/services/service/export/",
        "update suggestions": "/admin/services/updatesuggestion/",
        "translations report": "/admin/reports/translations/?language=rom",
    }
    assert fitting(page, pages) == {}


@pytest.mark.parametrize("device", DEVICES)
def test_coordinators_pages_fit_the_screen(new_context, portal, coordinator, device):
    page = new_context(device=device).new_page()
    admin_login(page, username="coordinator")
    pages = {
        "translations": "/admin/translations/",
        "translations report": "/admin/reports/translations/?language=de",
        "guide chapters": "/admin/guides/guidechapter/",
        "municipalities": "/admin/services/municipality/",
    }
    assert fitting(page, pages) == {}


def fitting(page, pages) -> dict[str, int]:
    """{page: how many pixels too wide} for the pages wider than the screen."""
    wider = {}
    for name, path in pages.items():
        assert page.goto(path).ok, name
        if overflow := sideways(page):
            wider[name] = overflow
    return wider


@pytest.mark.parametrize("device", DEVICES)
def test_the_dashboard_panel_headers_read_as_words(new_context, portal, associate, device):
    page = new_context(device=device).new_page()
    admin_login(page)
    headers = page.locator("#stale-services thead th")
    expect(headers.first).to_be_visible()
    line = page.evaluate(
        "parseFloat(getComputedStyle(document.querySelector('#stale-services th')).lineHeight)"
        " || 20"
    )
    for index in range(headers.count()):
        box = headers.nth(index).bounding_box()
        # At most three lines of text, and wider than a few letters.
        assert box["height"] <= 3.5 * line and box["width"] >= 60, headers.nth(index).inner_text()


def test_the_service_form_starts_with_the_name(new_context, portal, associate):
    page = new_context(device="desktop").new_page()
    admin_login(page)
    page.goto(f"/admin/services/service/{portal.own_service.pk}/change/")
    first = page.locator("fieldset.module").first.locator("input, textarea, select").first
    expect(first).to_have_attribute("name", "name_sr_latn")


def test_associate_changes_the_hours_on_a_phone_and_reads_the_history(
    new_context, portal, associate, axe_source
):
    page = new_context(device="phone").new_page()
    admin_login(page)
    page.goto("/admin/services/service/")
    page.locator("#result_list").get_by_role("link", name=portal.own_service.name).click()
    page.locator("#id_opening_hours_sr_latn").fill("radnim danima 7-15")
    page.locator("input[name=_save]").first.click()
    expect(page.locator(".messagelist .success")).to_be_visible()

    page.goto(f"/admin/services/service/{portal.own_service.pk}/history/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Istorija")
    changes = page.locator(".history-changes").first
    expect(changes).to_contain_text("Radno vreme (srpski (latinica))")
    expect(changes).to_contain_text("radnim danima 7-15")
    # Each field once, no bookkeeping, nothing in English or as raw data.
    assert changes.locator("dt").all_inner_texts().count("Radno vreme (srpski (latinica))") == 1
    body = page.locator("#content").inner_text()
    for english in ("Object", "Changed by", "Change reason", "None", "pk=None", "{'"):
        assert english not in body
    assert sideways(page) == 0
    assert axe_violations(page, axe_source) == []
    assert re.search(r"\d", page.locator("#change-history time").first.inner_text())


def test_the_translators_pages_have_no_serious_axe_violation(
    new_context, portal, coordinator, axe_source
):
    page = new_context(device="phone").new_page()
    admin_login(page, username="coordinator")
    page.goto("/admin/translations/")
    assert axe_violations(page, axe_source) == []
    # The round trip as a coordinator sees it: download, then upload the file unchanged.
    with page.expect_download() as download:
        page.get_by_role("button", name="Preuzmite").click()
    path = download.value.path()
    page.locator("input[type=file]").set_input_files(path)
    page.get_by_role("button", name="Proverite datoteku").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Prevodi")
    expect(page.locator("#content-main")).to_contain_text("Neizmenjeno: 0.")
    assert sideways(page) == 0
    assert axe_violations(page, axe_source) == []

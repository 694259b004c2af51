"""Under the strict Content-Security-Policy (no inline script or style, only our own files)
the public pages and the admin an associate uses still work, and the browser reports no
violation: every script the admin needs is a file it allows."""

import re

import pytest
from playwright.sync_api import expect

from services.models import Service
from tests.browser.pages import admin_login

VIOLATIONS = """() => {
  window.cspViolations = [];
  document.addEventListener("securitypolicyviolation", (event) => {
    window.cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
  });
}"""


def violations(page) -> list[str]:
    return page.evaluate("window.cspViolations")


@pytest.fixture
def page(new_context):
    context = new_context(device="desktop")
    context.add_init_script(f"({VIOLATIONS})()")
    return context.new_page()


def test_public_pages_carry_the_policy_and_break_none_of_it(page, portal):
    for url in ["/sr-latn/", portal.own_municipality.get_absolute_url(), "/de/vodic/"]:
        response = page.goto(url)
        policy = response.headers["content-security-policy"]
        assert "script-src 'self'" in policy and "unsafe-inline" not in policy
        assert "object-src 'none'" in policy and "frame-ancestors 'none'" in policy
        assert response.headers["permissions-policy"].startswith("geolocation=(self)")
        assert response.headers["cross-origin-resource-policy"] == "same-origin"
        assert violations(page) == [], url


def test_an_associate_edits_a_service_with_the_admins_scripts_under_the_policy(
    page, portal, associate
):
    admin_login(page)
    page.goto("/admin/services/service/")
    # The changelist's scripts: the action bar's "select all" and the filter sidebar.
    page.locator("#action-toggle").check()
    expect(page.locator(".action-counter")).to_contain_text("1")
    page.locator("#result_list").get_by_role("link", name="Novčana socijalna pomoć").click()
    expect(page).to_have_url(re.compile(r"/change/$"))

    # SelectFilter2 (the two-box category picker) is built by script: it exists only if
    # the admin's files ran.
    chosen = page.locator("#id_categories_to")
    expect(chosen).to_be_visible()
    page.locator("#id_categories_from option").first.dblclick()
    picked = chosen.locator("option").count()
    assert picked == portal.own_service.categories.count() + 1
    page.locator("#id_name_sr_latn").fill("Novčana socijalna pomoć (pod CSP)")
    page.locator("input[name=_save]").first.click()
    expect(page.locator(".messagelist .success")).to_be_visible()

    saved = Service.objects.get(pk=portal.own_service.pk)
    assert saved.name_sr_latn == "Novčana socijalna pomoć (pod CSP)"
    assert saved.categories.count() == picked
    assert violations(page) == []

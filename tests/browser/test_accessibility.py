"""Accessibility in Chromium: axe-core on every public page type in every interface language
and on the admin pages associates use; WCAG 2.2 minimum target size on the public pages."""

import pytest

from services.actions import update_suggestion_file
from tests.browser.pages import UI_LANGUAGES, admin_login, axe_violations, small_targets

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("language", UI_LANGUAGES)
def test_public_pages_have_no_serious_axe_violation(new_context, portal, axe_source, language):
    page = new_context(device="phone").new_page()
    found = {}
    for name, path in portal.public_paths.items():
        page.goto(f"/{language}/{path}")
        if violations := axe_violations(page, axe_source):
            found[name] = violations
    assert found == {}, "\n".join(
        f"{name} (/{language}/{portal.public_paths[name]}):\n  " + "\n  ".join(violations)
        for name, violations in found.items()
    )


# Associates use the admin in Serbian, on a laptop and sometimes on a phone.
@pytest.mark.parametrize(("language", "device"), [("sr-Latn-RS", "phone"), ("en-GB", "desktop")])
def test_admin_pages_associates_use_have_no_serious_axe_violation(
    new_context, portal, associate, axe_source, language, device
):
    update_suggestion_file(
        service=portal.own_service, message="Promenjen je broj telefona.", contact=""
    )
    page = new_context(device=device, locale=language).new_page()
    found = {}
    page.goto("/admin/login/?next=/admin/")
    if violations := axe_violations(page, axe_source):
        found["login"] = violations
    admin_login(page)
    pages = {
        "index (with the services to check)": "/admin/",
        "service list": "/admin/services/service/",
        "service form": f"/admin/services/service/{portal.own_service.pk}/change/",
        "service history": f"/admin/services/service/{portal.own_service.pk}/history/",
        "services export": "/admin/services/service/export/",
        "translations report": "/admin/reports/translations/?language=rom",
        "update suggestions": "/admin/services/updatesuggestion/",
        "reports": "/admin/reports/",
        "coverage report": "/admin/reports/coverage/?language=sr-latn",
        "services import": "/admin/services/service/import/",
    }
    for name, path in pages.items():
        assert page.goto(path).ok, name  # axe on an error page would prove nothing
        if violations := axe_violations(page, axe_source):
            found[name] = violations
    assert found == {}, "\n".join(
        f"{name}:\n  " + "\n  ".join(violations) for name, violations in found.items()
    )


@pytest.mark.parametrize("device", ["phone", "desktop"])
def test_public_targets_are_at_least_24_css_pixels(new_context, portal, device):
    """WCAG 2.2 SC 2.5.8; see tests.browser.pages.SMALL_TARGETS for the rule applied."""
    page = new_context(device=device).new_page()
    found = {}
    for language in UI_LANGUAGES:
        for name, path in portal.public_paths.items():
            page.goto(f"/{language}/{path}")
            if small := small_targets(page):
                found[f"/{language}/{path} ({name})"] = small
    assert found == {}, "\n".join(f"{url}: {', '.join(s)}" for url, s in found.items())

"""Page weight and privacy, from the browser's own network log.

- A public page's HTML + CSS + script (the offline copy's), gzipped, is under 30 KB (design.md,
  section 7). The document is measured as Chromium received it (GZipMiddleware compresses
  it). The stylesheet and script come from the test server's static handler, which does not
  compress, so their gzipped size is computed as WhiteNoise's precompressed copies (gzip
  level 9) that production serves.
- No request leaves the site: no CDN, font, tracker or map tile.
- Reading sets no cookie, switching languages included; only the "Is something wrong here?"
  form may set the CSRF cookie.
"""

import pytest

from tests.browser.pages import (
    PAGE_WEIGHT_BUDGET,
    UI_LANGUAGES,
    admin_login,
    gzipped_size,
    offsite,
    transferred_size,
)
from tests.dataset import large_municipality_create

pytestmark = pytest.mark.django_db(transaction=True)

FORM_PAGES = {"suggestion form"}


ASSETS = """() => [
    ...[...document.querySelectorAll("link[rel=stylesheet]")].map((link) => link.href),
    ...[...document.querySelectorAll("script[src]")].map((script) => script.src),
]"""


def assets_size(page) -> int:
    """The gzipped size of the page's stylesheets and scripts, fetched afresh (the context
    caches them)."""
    return sum(gzipped_size(page.request.get(url).body()) for url in page.evaluate(ASSETS))


@pytest.mark.parametrize("language", UI_LANGUAGES)
def test_pages_are_light_stay_on_the_site_and_set_no_cookie(new_context, portal, origin, language):
    large_municipality_create(services=60)
    paths = {**portal.public_paths, "municipality with 60 services": "opstine/leskovac/"}
    # The form pages last: the cookie they may set would stay for the pages after them.
    paths = dict(sorted(paths.items(), key=lambda item: item[0] in FORM_PAGES))
    context = new_context(device="phone")
    page = context.new_page()
    weights, cookies = {}, {}
    for name, path in paths.items():
        response = page.goto(f"/{language}/{path}")
        assert response.status == (404 if name == "404" else 200), name
        assert response.header_value("content-encoding") == "gzip", name
        weights[name] = transferred_size(response) + assets_size(page)
        if name not in FORM_PAGES and (response.header_value("set-cookie") or context.cookies()):
            cookies[name] = context.cookies()
        elif name in FORM_PAGES:
            # A form page may set the CSRF cookie, and nothing else.
            assert {cookie["name"] for cookie in context.cookies()} <= {"csrftoken"}
    assert cookies == {}, cookies
    requests = context.requests

    # Switching languages from a page is a plain link: still no cookie.
    context = new_context(device="phone")
    page = context.new_page()
    page.goto(f"/{language}/usluge/{portal.service.slug}/")
    for code in UI_LANGUAGES:
        if code != language:
            page.locator(f"nav.languages a[lang={code}]").click()
            assert page.url == f"{origin}/{code}/usluge/{portal.service.slug}/"
    assert context.cookies() == []

    assert offsite([*requests, *context.requests], origin) == []
    # Shown with `pytest -s`, and with a failure.
    print(f"\n{language}: " + ", ".join(f"{n} {w / 1024:.1f} KB" for n, w in weights.items()))
    heavy = {name: weight for name, weight in weights.items() if weight >= PAGE_WEIGHT_BUDGET}
    assert heavy == {}, f"over {PAGE_WEIGHT_BUDGET} bytes gzipped (HTML + CSS + JS): {heavy}"


def test_the_admin_too_makes_no_request_elsewhere(new_context, portal, associate, origin):

    context = new_context(device="desktop")
    page = context.new_page()
    admin_login(page)
    for path in (
        "/admin/services/service/",
        f"/admin/services/service/{portal.own_service.pk}/change/",
        "/admin/services/updatesuggestion/",
    ):
        page.goto(path)
    assert offsite(context.requests, origin) == []

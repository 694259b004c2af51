"""The offline copy in Chromium with the network switched off (Playwright's offline mode):
pages opened once open again without a connection and say when they were saved; "keep for
offline" keeps a municipality's whole directory; switching language works for what was kept;
nothing of the admin or of a form is kept; saved pages refresh when the connection returns;
a release replaces the service worker and its files."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from offline import views as offline_views
from tests.browser.pages import admin_login, axe_violations

pytestmark = pytest.mark.django_db(transaction=True)

SAVED = """async () => {
    const cache = await caches.open("portal-pages");
    return (await cache.keys()).map((request) => {
        const url = new URL(request.url);
        return url.pathname + url.search;
    });
}"""
SAVED_BODY = """async (path) => {
    const response = await caches.match(path, {cacheName: "portal-pages"});
    return response ? await response.text() : null;
}"""
VERSION = """() => new Promise((resolve) => {
    navigator.serviceWorker.ready.then((registration) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = (event) => resolve(event.data.version);
        registration.active.postMessage({type: "version"}, [channel.port2]);
    });
})"""
# The yellow of .saved-copy in static/css/portal.css: the stylesheet applies offline too.
SAVED_COPY_BACKGROUND = "rgb(255, 244, 206)"


def first_visit(new_context, path):
    """A phone's first visit to `path`: the service worker installs and controls the page."""
    context = new_context(service_workers="allow")
    page = context.new_page()
    page.goto(path)
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.wait_for_function("navigator.serviceWorker.controller !== null")
    return context, page


def eventually(page, check, *, timeout=30_000):
    """Poll `check()` until it is true (letting the browser work in between)."""
    waited = 0
    while not (result := check()):
        if waited >= timeout:
            return result
        page.wait_for_timeout(100)
        waited += 100
    return result


def saved_pages(page) -> set[str]:
    return set(page.evaluate(SAVED))


def wait_saved(page, paths):
    assert eventually(page, lambda: set(paths) <= saved_pages(page)), set(paths) - saved_pages(page)


def assert_saved_copy(page, *, heading=None):
    notice = page.locator(".saved-copy")
    expect(notice).to_be_visible()
    expect(notice.locator("time")).to_have_text(re.compile(str(datetime.date.today().year)))
    assert notice.evaluate("n => getComputedStyle(n).backgroundColor") == SAVED_COPY_BACKGROUND
    expect(page.locator(".unsaved")).to_be_hidden()
    if heading:
        expect(page.locator("h1")).to_have_text(heading)


def test_pages_opened_once_open_without_a_connection_and_say_when_they_were_saved(
    new_context, portal
):
    chapter = portal.chapters[0]
    visits = {
        "/sr-latn/": None,
        "/sr-latn/opstine/tutin/": "Tutin",
        f"/sr-latn/usluge/{portal.service.slug}/": portal.service.name_sr_latn,
        f"/sr-latn/vodic/{chapter.slug}/": chapter.title_sr_latn,
    }
    context, page = first_visit(new_context, "/sr-latn/")
    for path in visits:
        page.goto(path)
        expect(page.locator(".saved-copy")).to_be_hidden()  # online: the page itself
    wait_saved(page, [*visits, "/sr-latn/van-mreze/"])

    context.set_offline(True)
    for path, heading in visits.items():
        response = page.goto(path)
        assert response.ok and response.from_service_worker, path
        assert_saved_copy(page, heading=heading)

    # A page never opened: the "without a connection" page says it was not kept.
    page.goto(f"/sr-latn/usluge/{portal.foreign_service.slug}/")
    expect(page.locator(".unsaved")).to_be_visible()
    expect(page.locator("h1")).to_have_text("Čitanje bez internet veze")
    # It lists what this phone keeps, each page by its title.
    kept = page.locator("[data-saved-list] li a")
    expect(kept).to_have_count(len(visits) + 1)  # and the "without a connection" page
    assert any(chapter.title_sr_latn in title for title in kept.all_inner_texts())


def test_keep_for_offline_keeps_the_whole_directory_of_tutin(new_context, portal, origin):
    context, page = first_visit(new_context, "/sr-latn/opstine/tutin/")
    box = page.locator("section.keep")
    button = box.get_by_role("button")
    expect(button).to_have_text(
        re.compile(r"^Sačuvaj za čitanje bez interneta \(oko \d+ kilobajta\)$")
    )
    button.click()
    status = box.locator(".keep-status")
    done = re.compile(r"^Sačuvano na ovom telefonu: \d+ stranica\.")
    expect(status).to_have_text(done, timeout=30_000)
    pages = page.request.get(f"{origin}/sr-latn/opstine/tutin/van-mreze/").json()["pages"]
    assert f"Sačuvano na ovom telefonu: {len(pages)} stranica." in status.inner_text()
    assert {"/sr-latn/opstine/tutin/", f"/sr-latn/usluge/{portal.service.slug}/"} <= set(pages)

    context.set_offline(True)
    for path in pages:
        response = page.goto(path)
        assert response is not None, path
        assert response.ok and response.from_service_worker, path
        assert_saved_copy(page)
    # The way back from a chapter to the municipality (?municipality=) finds the kept copy.
    page.goto(f"/sr-latn/vodic/{portal.chapters[0].slug}/?municipality=tutin")
    assert_saved_copy(page, heading=portal.chapters[0].title_sr_latn)
    # The municipality's page says since when it is kept.
    page.goto("/sr-latn/opstine/tutin/")
    expect(box.locator(".keep-status")).to_have_text(re.compile(r"^Sačuvano na ovom telefonu od "))
    # Another municipality was not kept.
    page.goto(f"/sr-latn/opstine/{portal.foreign.slug}/")
    expect(page.locator(".unsaved")).to_be_visible()


def test_switching_language_offline_opens_what_was_kept_in_that_language(
    new_context, portal, origin
):
    context, page = first_visit(new_context, "/sr-latn/opstine/tutin/")
    page.goto("/de/opstine/tutin/")
    page.goto("/sr/opstine/tutin/")
    wait_saved(page, ["/sr-latn/opstine/tutin/", "/de/opstine/tutin/", "/sr/opstine/tutin/"])

    context.set_offline(True)
    page.goto("/sr-latn/opstine/tutin/")
    page.locator("nav.languages a[lang=de]").click()
    expect(page).to_have_url(f"{origin}/de/opstine/tutin/")
    expect(page.locator("html")).to_have_attribute("lang", "de")
    assert_saved_copy(page, heading="Tutin")
    page.locator("nav.languages a[lang=sr]").click()
    assert_saved_copy(page, heading="Тутин")
    expect(page.locator(".saved-copy")).to_contain_text("Нема интернет везе")
    # Albanian was never opened: the page says so, in a language this phone has read.
    page.locator("nav.languages a[lang=sq]").click()
    expect(page.locator(".unsaved")).to_be_visible()


def test_nothing_of_the_admin_and_no_form_is_ever_kept(new_context, portal, associate, origin):
    context, page = first_visit(new_context, "/sr-latn/")
    admin_login(page)
    page.goto("/admin/services/service/")
    page.goto(f"/sr-latn/usluge/{portal.service.slug}/predlog/")
    page.locator("#id_message").fill("Radno vreme se promenilo.")
    page.locator("form.suggestion [type=submit]").click()
    expect(page).to_have_url(re.compile(r"/predlog/hvala/$"))
    page.goto("/sr-latn/opstine/tutin/")
    wait_saved(page, ["/sr-latn/opstine/tutin/"])

    saved = saved_pages(page)
    assert not {path for path in saved if path.startswith(("/admin", "/api"))}, saved
    assert not {path for path in saved if "/predlog/" in path}, saved
    context.set_offline(True)
    with pytest.raises(Exception, match="ERR_INTERNET_DISCONNECTED"):
        page.goto("/admin/services/service/")


def test_saved_pages_refresh_themselves_when_the_connection_returns(new_context, portal):
    service_page = f"/sr-latn/usluge/{portal.service.slug}/"
    context, page = first_visit(new_context, "/sr-latn/opstine/tutin/")
    page.goto(service_page)
    wait_saved(page, ["/sr-latn/opstine/tutin/", service_page])

    context.set_offline(True)
    page.goto(service_page)
    assert_saved_copy(page, heading=portal.service.name_sr_latn)
    portal.service.name_sr_latn = "Izabrani lekar (novo radno vreme)"
    portal.service.save()

    context.set_offline(False)
    # The page on the screen comes again from the network, and so does every saved page.
    expect(page.locator("h1")).to_have_text("Izabrani lekar (novo radno vreme)", timeout=20_000)
    expect(page.locator(".saved-copy")).to_be_hidden()
    assert eventually(
        page,
        lambda: "novo radno vreme" in (page.evaluate(SAVED_BODY, "/sr-latn/opstine/tutin/") or ""),
    )


def test_a_release_replaces_the_worker_drops_its_files_and_refreshes_saved_pages(
    new_context, portal, monkeypatch
):
    context, page = first_visit(new_context, "/sr-latn/opstine/tutin/")
    old = page.evaluate(VERSION)
    assert f"portal-static-{old}" in page.evaluate("caches.keys()")
    wait_saved(page, ["/sr-latn/opstine/tutin/"])
    portal.service.name_sr_latn = "Izabrani lekar (posle izdanja)"
    portal.service.save()

    monkeypatch.setattr(offline_views, "release_fingerprint", lambda: "next-release")
    page.evaluate("navigator.serviceWorker.getRegistration().then((r) => r.update())")
    assert eventually(page, lambda: page.evaluate(VERSION) == "next-release")
    assert eventually(page, lambda: "portal-static-next-release" in page.evaluate("caches.keys()"))
    assert eventually(page, lambda: f"portal-static-{old}" not in page.evaluate("caches.keys()"))
    # The new worker fetched the saved pages again: offline, they show the new release's data.
    assert eventually(
        page,
        lambda: "posle izdanja" in (page.evaluate(SAVED_BODY, "/sr-latn/opstine/tutin/") or ""),
    )
    context.set_offline(True)
    page.goto("/sr-latn/opstine/tutin/")
    assert_saved_copy(page, heading="Tutin")
    expect(page.locator("main")).to_contain_text("Izabrani lekar (posle izdanja)")


def test_only_the_newest_opened_pages_are_kept_beyond_the_limit(new_context, portal, settings):
    settings.OFFLINE_VISITED_PAGES = 2
    context, page = first_visit(new_context, "/sr-latn/konkursi/")
    opened = ["/sr-latn/projekti/", "/sr-latn/opstine/", "/sr-latn/opstine/tutin/"]
    for path in opened:
        page.goto(path)
    wait_saved(page, opened[-2:])
    assert eventually(page, lambda: "/sr-latn/konkursi/" not in saved_pages(page))
    assert saved_pages(page) == {*opened[-2:], "/sr-latn/van-mreze/"}


def test_without_javascript_there_is_no_keep_button_and_the_page_works(new_context, portal):
    page = new_context(javascript=False).new_page()
    page.goto("/sr-latn/opstine/tutin/")
    expect(page.locator("section.keep")).to_be_hidden()
    expect(page.locator(".saved-copy")).to_be_hidden()
    expect(page.locator("h1")).to_have_text("Tutin")


def test_the_keep_box_and_pages_shown_offline_have_no_serious_axe_violation(
    new_context, portal, axe_source
):
    context, page = first_visit(new_context, "/sr-latn/opstine/tutin/")
    page.goto("/sr-latn/opstine/tutin/")
    expect(page.locator("section.keep")).to_be_visible()
    assert axe_violations(page, axe_source) == []
    wait_saved(page, ["/sr-latn/opstine/tutin/", "/sr-latn/van-mreze/"])
    context.set_offline(True)
    page.goto("/sr-latn/opstine/tutin/")
    assert_saved_copy(page)
    assert axe_violations(page, axe_source) == []
    page.goto(f"/sr-latn/usluge/{portal.foreign_service.slug}/")
    expect(page.locator(".unsaved")).to_be_visible()
    assert axe_violations(page, axe_source) == []

"""The portal's people, in a real browser: families on a phone and on a desktop, with and
without JavaScript, and local associates in the admin."""

import re

import pytest
from django.utils import translation
from playwright.sync_api import expect

from returnee_portal.locking import STALE_MESSAGE
from services.models import Service
from tests.browser.pages import admin_login, menu_open, offsite
from tests.dataset import TEST_PHONE, TEST_TEL

pytestmark = pytest.mark.django_db(transaction=True)

DEVICES = ["phone", "desktop"]
JAVASCRIPT = [pytest.param(True, id="js"), pytest.param(False, id="no-js")]


def assert_private(context, origin):
    assert offsite(context.requests, origin) == []
    assert context.cookies() == []


@pytest.mark.parametrize("javascript", JAVASCRIPT)
@pytest.mark.parametrize("device", DEVICES)
def test_family_finds_a_service_in_romani_and_reads_it_in_albanian(
    new_context, portal, origin, device, javascript
):
    context = new_context(device=device, javascript=javascript)
    page = context.new_page()
    page.goto("/")
    expect(page).to_have_url(f"{origin}/sr-latn/")

    page.locator("nav.languages").get_by_role("link", name="Romanes").click()
    expect(page).to_have_url(f"{origin}/rom/")
    expect(page.locator("html")).to_have_attribute("lang", "rom")

    page.locator("form.picker select").select_option("tutin")
    page.locator("form.picker button[type=submit]").click()
    expect(page).to_have_url(f"{origin}/rom/opstine/tutin/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Tutin")

    page.locator("ul.chips a[href='?category=zdravstvena-zastita']").click()
    expect(page).to_have_url(re.compile(r"/rom/opstine/tutin/\?category=zdravstvena-zastita"))
    services = page.locator("main ul.services a")
    expect(services).to_have_text(["Khuvipe ko doktori thaj sastipasko lil"])

    services.first.click()
    expect(page).to_have_url(f"{origin}/rom/usluge/{portal.service.slug}/")
    phone = page.locator("main section.contact a[href^='tel:']")
    expect(phone).to_have_text(TEST_PHONE)
    expect(phone).to_have_attribute("href", TEST_TEL)
    assert re.fullmatch(r"tel:\+?[0-9]+", phone.get_attribute("href"))

    page.locator("nav.languages").get_by_role("link", name="Shqip").click()
    expect(page).to_have_url(f"{origin}/sq/usluge/{portal.service.slug}/")
    expect(page.locator("html")).to_have_attribute("lang", "sq")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Zgjedhja e mjekut dhe libreza shëndetësore"
    )
    expect(page.locator("main section.contact a[href^='tel:']")).to_have_attribute("href", TEST_TEL)
    assert_private(context, origin)


@pytest.mark.parametrize("javascript", JAVASCRIPT)
@pytest.mark.parametrize("device", DEVICES)
def test_family_reads_the_guide_from_the_contents_to_a_chapter_and_back(
    new_context, portal, origin, device, javascript
):
    context = new_context(device=device, javascript=javascript, locale="de-DE")
    page = context.new_page()
    page.goto("/")
    expect(page).to_have_url(f"{origin}/de/")

    menu_open(page)
    page.locator("header nav").get_by_role("link", name="Leitfaden").click()
    expect(page).to_have_url(f"{origin}/de/vodic/")
    contents = page.locator("main ol.contents > li > a")
    expect(contents).to_have_count(3)

    page.get_by_role("link", name="Die ersten Schritte nach der Rückkehr").click()
    expect(page).to_have_url(f"{origin}/de/vodic/prvi-koraci/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Die ersten Schritte nach der Rückkehr"
    )
    # No German body yet: the Serbian text, marked as Serbian.
    expect(page.locator("article.chapter [lang=sr-Latn] h2").first).to_have_text("Šta da ponesete")

    # Where to go in their municipality, for what the chapter explains.
    page.locator("section.card form.picker select").select_option("tutin")
    page.locator("section.card form.picker button[type=submit]").click()
    expect(page).to_have_url(f"{origin}/de/vodic/prvi-koraci/?municipality=tutin#where")
    # The answer is on screen, not below the chapter the reader has already read.
    expect(page.locator("section.card ul.services a").first).to_be_in_viewport()

    page.locator("nav.chapter-nav a[rel=next]").click()
    # The municipality, chosen once, travels on with the reader.
    expect(page).to_have_url(f"{origin}/de/vodic/zdravstvena-zastita/?municipality=tutin")
    page.locator("nav.chapter-nav").get_by_role("link", name="Inhalt").click()
    expect(page).to_have_url(f"{origin}/de/vodic/")
    expect(contents).to_have_count(3)
    assert_private(context, origin)


@pytest.mark.parametrize("device", DEVICES)
def test_associate_edits_a_service_and_sees_it_on_the_public_page(
    new_context, portal, associate, origin, device
):
    context = new_context(device=device)
    page = context.new_page()
    # The associate looks at the public page first, as they would before correcting it.
    public = context.new_page()
    public.goto(portal.own_service.get_absolute_url())
    expect(public.get_by_role("heading", level=1)).to_have_text("Novčana socijalna pomoć")

    admin_login(page)
    page.locator("#content a[href$='/admin/services/service/']").first.click()
    expect(page).to_have_url(re.compile(r"/admin/services/service/$"))
    page.locator("#result_list").get_by_role("link", name="Novčana socijalna pomoć").click()
    page.locator("#id_name_sr_latn").fill("Novčana socijalna pomoć i jednokratna pomoć")
    page.locator("input[name=_save]").first.click()
    expect(page.locator(".messagelist .success")).to_be_visible()

    # Back on the public side, following a link to the entry (not reloading it), as they
    # would: the browser must not show its copy from before the correction.
    public.goto(portal.own_municipality.get_absolute_url())
    public.get_by_role("link", name="Novčana socijalna pomoć i jednokratna pomoć").click()
    expect(public.get_by_role("heading", level=1)).to_have_text(
        "Novčana socijalna pomoć i jednokratna pomoć"
    )


@pytest.mark.parametrize("device", DEVICES)
def test_associate_does_not_see_another_municipalitys_services(
    new_context, portal, associate, origin, device
):
    context = new_context(device=device)
    page = context.new_page()
    admin_login(page)
    expect(page.locator("#stale-services")).to_contain_text("Novi Pazar")
    expect(page.locator("#stale-services")).not_to_contain_text("Pirot")

    page.goto("/admin/services/service/")
    rows = page.locator("#result_list tbody tr")
    expect(rows).to_have_count(1)
    expect(rows).to_contain_text("Novčana socijalna pomoć")
    expect(page.locator("#result_list")).not_to_contain_text("Prijava na evidenciju")

    response = page.goto(f"/admin/services/service/{portal.foreign_service.pk}/change/")
    # Django's admin answers an object outside the associate's scope as a missing one: back to
    # the index with a warning, never the form.
    assert response.status in (403, 404) or page.url == f"{origin}/admin/"
    expect(page.locator("#service_form")).to_have_count(0)
    expect(page.locator("body")).not_to_contain_text("Prijava na evidenciju")


@pytest.mark.parametrize("device", DEVICES)
def test_two_people_saving_one_service_end_in_one_clear_conflict_message(
    new_context, portal, associate, coordinator, origin, device
):
    mine, theirs = (new_context(device=device).new_page() for _ in range(2))
    admin_login(mine)
    admin_login(theirs, username="coordinator")
    url = f"/admin/services/service/{portal.own_service.pk}/change/"
    mine.goto(url)
    theirs.goto(url)
    mine.locator("#id_name_sr_latn").fill("Novčana socijalna pomoć (jednokratna)")
    theirs.locator("#id_name_sr_latn").fill("Novčana pomoć za porodice")

    theirs.locator("input[name=_save]").first.click()
    expect(theirs.locator(".messagelist .success")).to_be_visible()
    mine.locator("input[name=_save]").first.click()

    with translation.override("sr-latn"):
        stale = str(STALE_MESSAGE)
    expect(mine.get_by_text(stale)).to_have_count(1)
    expect(mine.locator("#id_name_sr_latn")).to_have_value("Novčana socijalna pomoć (jednokratna)")
    expect(mine.locator(".messagelist .success")).to_have_count(0)
    service = Service.objects.get(pk=portal.own_service.pk)
    assert service.name_sr_latn == "Novčana pomoć za porodice"

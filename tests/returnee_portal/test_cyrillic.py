"""Serbian Cyrillic pages: every Serbian text in Cyrillic, names kept in Latin marked, and a
coordinator's correction winning over the automatic transliteration while it is current."""

from html.parser import HTMLParser

import pytest
from django.urls import reverse

from returnee_portal.models import LatinName, latin_names_pattern
from returnee_portal.transliteration import latin_to_cyrillic
from services.models import Service
from tests.admin_pages import admin_url, form_data
from tests.dataset import portal_create
from tests.factories import CategoryFactory, ServiceFactory

pytestmark = pytest.mark.django_db

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


class SerbianText(HTMLParser):
    """The text of a page that is in the page's own language (no other `lang`), outside the
    spans marked as left in Latin (`class="latn"`), scripts and styles."""

    def __init__(self):
        super().__init__()
        self.stack: list[tuple[str, bool, str]] = []
        self.texts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        attrs = dict(attrs)
        lang, latin = self.stack[-1][:2] if self.stack else (attrs.get("lang"), False)
        latin = latin or "latn" in (attrs.get("class") or "").split() or tag in ("script", "style")
        self.stack.append((attrs.get("lang", lang), latin, tag))

    def handle_endtag(self, tag):
        while self.stack and self.stack.pop()[2] != tag:
            pass

    def handle_data(self, data):
        if self.stack and self.stack[-1][0] == "sr" and not self.stack[-1][1] and data.strip():
            self.texts.append(data.strip())


def untransliterated(html: str, *, allowed: str = "") -> list[str]:
    """Serbian texts of the page that still hold Latin words Cyrillic pages should not show."""
    parser = SerbianText()
    parser.feed(html)
    keep = latin_names_pattern()
    return [
        text
        for text in parser.texts
        if latin_to_cyrillic(text.replace(allowed, "") if allowed else text, keep=keep)
        != (text.replace(allowed, "") if allowed else text)
    ]


@pytest.fixture
def portal(own_municipality, foreign_municipality):
    return portal_create(own_municipality=own_municipality, foreign=foreign_municipality)


def test_no_page_shows_serbian_in_latin_on_the_cyrillic_site(client, portal):
    checked = 0
    for page, path in portal.public_paths.items():
        response = client.get(f"/sr/{path}")
        assert response.status_code in (200, 404), page
        # The visitor's own words are shown as typed.
        query = path.split("?q=")[1].split("&")[0] if "?q=" in path else ""
        assert untransliterated(response.text, allowed=query) == [], page
        checked += 1
    assert checked == len(portal.public_paths)


def test_names_titles_and_breadcrumbs_are_cyrillic(client, portal):
    html = client.get(f"/sr/usluge/{portal.service.slug}/").text
    assert "<title>Избор лекара и здравствена књижица – Тутин · " in html
    assert "<h1>Избор лекара и здравствена књижица</h1>" in html
    assert '<a href="/sr/opstine/tutin/">Тутин</a>' in html  # breadcrumbs
    assert "Дом здравља Тутин" in html


def test_foreign_names_and_addresses_stay_latin_in_a_marked_span(client, portal):
    html = client.get(f"/sr/usluge/{portal.service.slug}/").text
    assert 'немачки извод (<span class="latn">Geburtsurkunde</span>)' in html
    assert "Геburtsurkunde" not in html and "Гебуртсуркунде" not in html
    LatinName.objects.filter(name="Geburtsurkunde").delete()
    html = client.get(f"/sr/usluge/{portal.service.slug}/").text
    assert "Гебуртсуркунде" in html  # no longer on the list: transliterated like any word


def test_the_latin_site_is_unchanged(client, portal):
    html = client.get(f"/sr-latn/usluge/{portal.service.slug}/").text
    assert "<h1>Izbor lekara i zdravstvena knjižica</h1>" in html
    assert "nemački izvod (Geburtsurkunde)" in html


def test_a_coordinators_cyrillic_correction_wins_while_the_serbian_text_is_the_same(
    client, coordinator
):
    service = ServiceFactory(name_sr_latn="Caritas Srbije", categories=[CategoryFactory()])
    client.force_login(coordinator)
    url = admin_url(service, "change")
    data = form_data(client, url)
    assert latin_to_cyrillic("Caritas Srbije") == "Царитас Србије"  # as written, letter by letter
    data["cyrillic__name"] = "Каритас Србије"  # as Serbian Cyrillic writes the name
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    service.refresh_from_db()
    assert service.cyrillic == {"name": {"text": "Каритас Србије", "source": "Caritas Srbije"}}
    public = client.get(f"/sr/usluge/{service.slug}/").text
    assert "<h1>Каритас Србије</h1>" in public
    # The Serbian text changes: the correction no longer fits it, the automatic one is shown.
    service.name_sr_latn = "Caritas Srbije, Beograd"
    service.save()
    public = client.get(f"/sr/usluge/{service.slug}/").text
    assert "<h1>Царитас Србије, Београд</h1>" in public


def test_a_correction_equal_to_the_automatic_one_is_not_stored(client, coordinator):
    service = ServiceFactory(name_sr_latn="Dom zdravlja", categories=[CategoryFactory()])
    client.force_login(coordinator)
    url = admin_url(service, "change")
    data = form_data(client, url)
    data["cyrillic__name"] = "Дом здравља"
    assert client.post(url, data).status_code == 302
    service.refresh_from_db()
    assert service.cyrillic == {}


def test_only_coordinators_correct_the_cyrillic(associate_client, own_municipality):
    service = ServiceFactory(municipality=own_municipality, name_sr_latn="Matična služba")
    url = admin_url(service, "change")
    assert "cyrillic__name" not in associate_client.get(url).text
    data = form_data(associate_client, url)
    data["cyrillic__name"] = "Подметнуто"
    associate_client.post(url, data)
    assert Service.objects.get(pk=service.pk).cyrillic == {}


def test_coordinators_keep_the_list_of_names_kept_in_latin(client, coordinator):
    client.force_login(coordinator)
    response = client.post(reverse("admin:returnee_portal_latinname_add"), {"name": "Caritas"})
    assert response.status_code == 302
    assert latin_names_pattern().fullmatch("Caritas")

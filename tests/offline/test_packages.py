"""What "keep for offline" keeps of a municipality and of the guide, and the size it says
before: every page a family can reach from the municipality's page, within a fifth of what
the phone then downloads."""

import re

import pytest
from django.conf import settings
from django.utils import translation

from offline.templatetags.offline import size_text
from tests.dataset import large_municipality_create
from tests.factories import GuideChapterFactory, ServiceFactory

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]
LINK = re.compile(r'href="(/[^"#]*)')


def package(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return response.json()


def without_place(address: str) -> str:
    """The page a link leads to offline: ?municipality= alone finds the copy kept without it."""
    return re.sub(r"\?municipality=[\w-]+$", "", address)


def test_a_municipality_keeps_its_services_its_categories_and_the_whole_guide(client, portal):
    hidden = ServiceFactory(municipality=portal.tutin, slug="neobjavljeno", is_published=False)
    pages = package(client, "/de/opstine/tutin/van-mreze/")["pages"]

    assert all(page.startswith("/de/") for page in pages)
    assert {"/de/", "/de/opstine/", "/de/opstine/tutin/", "/de/konkursi/"} <= set(pages)
    assert "/de/opstine/tutin/?category=zdravstvena-zastita" in pages
    assert f"/de/usluge/{portal.service.slug}/" in pages
    assert f"/de/usluge/{hidden.slug}/" not in pages
    assert f"/de/usluge/{portal.foreign_service.slug}/" not in pages
    assert {f"/de/vodic/{chapter.slug}/" for chapter in portal.chapters} <= set(pages)
    assert {"/de/vodic/", "/de/vodic/ceo/", "/de/van-mreze/"} <= set(pages)
    assert len(pages) == len(set(pages))


def test_the_guide_keeps_its_contents_every_published_chapter_and_the_whole_guide(client, portal):
    draft = GuideChapterFactory(slug="nacrt", is_published=False)
    pages = package(client, "/rom/vodic/van-mreze/")["pages"]
    chapters = [f"/rom/vodic/{chapter.slug}/" for chapter in portal.chapters]
    assert pages == ["/rom/vodic/", *chapters, "/rom/vodic/ceo/"]
    assert f"/rom/vodic/{draft.slug}/" not in pages


def test_every_page_kept_opens_and_what_it_links_of_the_municipality_is_kept_too(client, portal):
    pages = package(client, "/sr-latn/opstine/tutin/van-mreze/")["pages"]
    kept = {without_place(page) for page in pages}
    ours = re.compile(r"^/sr-latn/(usluge/[\w-]+/$|opstine/tutin/|vodic/)")
    for page in pages:
        response = client.get(page)
        assert response.status_code == 200, page
        links = {without_place(link.replace("&amp;", "&")) for link in LINK.findall(response.text)}
        reachable = {link for link in links if ours.match(link) and "van-mreze" not in link}
        reachable -= {link for link in reachable if link.endswith(("/pdf/", "/atom/"))}
        assert reachable <= kept, (page, reachable - kept)


def test_a_long_list_of_services_is_kept_page_by_page(client, portal):
    large_municipality_create(services=60)
    pages = package(client, "/en/opstine/leskovac/van-mreze/")["pages"]
    assert {"/en/opstine/leskovac/", "/en/opstine/leskovac/?page=2"} <= set(pages)
    assert sum(page.startswith("/en/usluge/usluga-leskovac-") for page in pages) == 60
    assert client.get("/en/opstine/leskovac/?page=2").status_code == 200


def test_a_new_service_joins_the_package_at_once(client, portal):
    before = package(client, "/sr-latn/opstine/tutin/van-mreze/")
    ServiceFactory(municipality=portal.tutin, slug="nova-usluga-tutin")
    after = package(client, "/sr-latn/opstine/tutin/van-mreze/")
    assert "/sr-latn/usluge/nova-usluga-tutin/" in after["pages"]
    assert after["size"] > before["size"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_size_said_before_is_within_a_fifth_of_the_download(client, portal, language):
    large_municipality_create(services=60)
    for slug in ("tutin", "leskovac"):
        said = package(client, f"/{language}/opstine/{slug}/van-mreze/")
        downloaded = sum(
            len(client.get(page, HTTP_ACCEPT_ENCODING="gzip").content) for page in said["pages"]
        )
        assert 0.8 * downloaded <= said["size"] <= 1.2 * downloaded, (slug, said, downloaded)
        with translation.override(language):
            expected = size_text(said["size"])
        assert expected in client.get(f"/{language}/opstine/{slug}/").text


def test_the_size_on_the_button_follows_every_change_of_the_municipality_at_once(client, portal):
    """The size is measured once and kept (offline/packages.py) until what it counts changes."""
    button = re.compile(r"Keep for offline use \(about (\d+) KB\)")

    def said() -> int:
        return int(button.search(client.get("/en/opstine/tutin/").text)[1])

    before = said()
    large = large_municipality_create(services=60)
    assert said() == before  # another municipality's services are not counted
    for service in large.services.all():
        service.municipality = portal.tutin  # as an editor moves them, one save each
        service.save()
    assert said() > before


def test_the_button_says_the_size_in_the_pages_language_and_script(client, portal):
    english = client.get("/en/opstine/tutin/").text
    assert re.search(r"Keep for offline use \(about \d+ KB\)", english)
    cyrillic = client.get("/sr/opstine/tutin/").text
    assert re.search(r"\(око \d+ килобајта\)", cyrillic)
    assert re.search(r"\(about \d+ KB\)", client.get("/en/vodic/").text)


def test_sizes_are_rounded_as_people_say_them():
    with translation.override("en"):
        assert size_text(297 * 1024) == "about 300 KB"
        assert size_text(int(45.4 * 1024)) == "about 45 KB"
        assert size_text(300) == "about 1 KB"
        assert size_text(int(1.46 * 1024 * 1024)) == "about 1.5 MB"
    with translation.override("de"):
        assert size_text(int(1.46 * 1024 * 1024)) == "etwa 1,5 MB"


def test_an_unknown_municipality_has_no_package(client, portal):
    response = client.get("/sr-latn/opstine/nepostojeca/van-mreze/")
    assert response.status_code == 404

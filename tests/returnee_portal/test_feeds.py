"""What changed, as Atom feeds: a municipality's new and updated services, open calls (again
when they close soon) and the guide's chapters, in the page's language and script, linked from
the pages they belong to, with addresses on SITE_URL."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from tests.factories import (
    GuideChapterFactory,
    MunicipalityFactory,
    OpenCallFactory,
    ServiceFactory,
)

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def feed(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    return ET.fromstring(response.content)


def entries(root):
    return [
        {
            "title": entry.findtext(f"{ATOM}title"),
            "link": entry.find(f"{ATOM}link").get("href"),
            "published": entry.findtext(f"{ATOM}published"),
            "updated": entry.findtext(f"{ATOM}updated"),
            "summary": entry.findtext(f"{ATOM}summary") or "",
        }
        for entry in root.iter(f"{ATOM}entry")
    ]


@pytest.fixture
def tutin():
    return MunicipalityFactory(slug="tutin", name_sr_latn="Tutin")


def test_a_municipalitys_feed_has_its_published_services_latest_change_first(
    client, tutin, settings
):
    settings.SITE_URL = "https://povratnici.example.org"
    older = ServiceFactory(
        municipality=tutin,
        slug="dom-zdravlja",
        name_sr_latn="Dom zdravlja",
        name_en="Health centre",
        description_en="Choose a family doctor.",
    )
    ServiceFactory(municipality=tutin, slug="skriveno", is_published=False)
    ServiceFactory(slug="pirot", name_sr_latn="Usluga u Pirotu")  # another municipality
    newer = ServiceFactory(municipality=tutin, slug="maticna-sluzba", name_sr_latn="Matična služba")
    older.phone = "020 811 111"
    older.save()  # changed last: first in the feed
    root = feed(client, "/en/opstine/tutin/atom/")
    assert root.get(LANG) == "en"
    assert root.findtext(f"{ATOM}title") == "New and updated services in Tutin"
    found = entries(root)
    assert [e["title"] for e in found] == ["Health centre", "Matična služba"]
    assert found[0]["link"] == "https://povratnici.example.org/en/usluge/dom-zdravlja/"
    assert found[0]["summary"] == "Choose a family doctor."
    assert found[0]["updated"] > found[0]["published"]  # new, then updated
    assert found[1]["published"] <= found[1]["updated"]
    assert root.find(f"{ATOM}link[@rel='self']").get("href") == (
        "https://povratnici.example.org/en/opstine/tutin/atom/"
    )
    assert newer.pk  # listed above, in Serbian for want of an English name
    cyrillic = entries(feed(client, "/sr/opstine/tutin/atom/"))
    assert [e["title"] for e in cyrillic] == ["Дом здравља", "Матична служба"]
    assert client.get("/en/opstine/nema/atom/").status_code == 404


def test_open_calls_feed_says_the_deadline_and_announces_a_call_again_before_it_closes(client):
    today = timezone.localdate()
    OpenCallFactory(
        slug="grant",
        title_sr_latn="Grant za samozapošljavanje",
        title_en="Self-employment grant",
        closes_on=today + datetime.timedelta(days=3),
    )
    OpenCallFactory(
        slug="obuka", title_en="Training", closes_on=today + datetime.timedelta(days=30)
    )
    OpenCallFactory(
        slug="zatvoren", title_en="Closed", closes_on=today - datetime.timedelta(days=1)
    )
    found = {e["title"]: e for e in entries(feed(client, "/en/konkursi/atom/"))}
    assert set(found) == {"Closing soon: Self-employment grant", "Training"}
    soon = found["Closing soon: Self-employment grant"]
    assert soon["summary"].startswith("Apply by ")
    assert soon["link"].endswith("/en/konkursi/grant/")
    window = (today - datetime.timedelta(days=4)).isoformat()  # closes in 3 days, 7 before
    assert soon["updated"] >= window
    assert found["Training"]["updated"] == found["Training"]["published"]  # not closing soon


def test_the_guides_feed_lists_published_chapters_in_the_readers_language(client):
    GuideChapterFactory(
        slug="prvi-koraci",
        title_sr_latn="Prvi koraci",
        title_rom="Angluno drom",
        summary_sr_latn="Šta prvo",
    )
    GuideChapterFactory(slug="skriveno", title_sr_latn="Skriveno", is_published=False)
    root = feed(client, "/rom/vodic/atom/")
    assert root.get(LANG) == "rom"
    assert [e["title"] for e in entries(root)] == ["Angluno drom"]
    assert entries(feed(client, "/sr/vodic/atom/"))[0]["summary"] == "Шта прво"


def test_pages_link_their_feeds(client, tutin):
    OpenCallFactory(slug="grant")
    GuideChapterFactory(slug="prvi-koraci")
    pages = {
        "/de/opstine/tutin/": "/de/opstine/tutin/atom/",
        "/de/konkursi/": "/de/konkursi/atom/",
        "/de/vodic/": "/de/vodic/atom/",
        "/de/vodic/prvi-koraci/": "/de/vodic/atom/",
        "/de/vodic/ceo/": "/de/vodic/atom/",
    }
    for page, feed_url in pages.items():
        html = client.get(page).text
        assert f'<link rel="alternate" type="application/atom+xml" href="{feed_url}"' in html, page
        assert client.get(feed_url).status_code == 200

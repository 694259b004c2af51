"""Sending a page on: WhatsApp, Viber, SMS and e-mail links with the message filled in, in the
page's language, percent-encoded, and the address to copy; no request to another site."""

import datetime
import html
import re
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext

from tests.factories import CategoryFactory, GuideChapterFactory, OpenCallFactory, ServiceFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("_site")]

SITE = "https://povratnici.example.org"


@pytest.fixture
def _site(settings):
    settings.SITE_URL = SITE


def shared(page_html: str, anchor: str = "") -> dict[str, str]:
    block = re.search(
        rf'<div class="share" role="group" aria-labelledby="share{re.escape(anchor)}">(.*?)</div>',
        page_html,
        re.S,
    ).group(1)
    links = {
        name: html.unescape(href)
        for href, name in re.findall(
            r'<li><a href="([^"]+)" rel="nofollow noopener">(?:<span class="latn">)?([^<]+)', block
        )
    }
    links["copy"] = html.unescape(re.search(r'type="url" value="([^"]+)"', block).group(1))
    return links


def message_of(link: str) -> str:
    parts = urlsplit(link)
    query = parse_qs(parts.query.lstrip("&"))
    return (query.get("text") or query.get("body"))[0]


@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES])
def test_a_service_page_can_be_sent_on_in_its_language(client, language):
    service = ServiceFactory(
        name_sr_latn="Matična služba & izvodi", name_rom="Matično biro",
        address="Gazi Ahmetova 2, Tutin", slug="maticna-sluzba", categories=[CategoryFactory()],
    )  # fmt: skip
    page = client.get(f"/{language}/usluge/{service.slug}/").text
    links = shared(page)
    url = f"{SITE}/{language}/usluge/maticna-sluzba/"
    assert links["copy"] == url
    for name in ("WhatsApp", "Viber"):
        assert " " not in links[name] and "\n" not in links[name]  # encoded
    assert links["WhatsApp"].startswith("https://wa.me/?text=")
    assert links["Viber"].startswith("viber://forward?text=")
    with translation.override(language):
        sms, email = gettext("SMS"), gettext("E-mail")
    assert links[sms].startswith("sms:?&body=")
    assert links[email].startswith("mailto:?subject=")
    message = message_of(links["WhatsApp"])
    title = message.split("\n")[0]
    assert message == f"{title}\nGazi Ahmetova 2, Tutin\n{url}"
    assert title == {"rom": "Matično biro", "sr": "Матична служба & изводи"}.get(
        language, "Matična služba & izvodi"
    )
    # "&" inside the text is encoded, so it cannot end the parameter; so are the line breaks.
    assert ("%26" in links["WhatsApp"]) == (language != "rom")
    assert "%0A" in links["WhatsApp"]
    for name in ("Viber", sms, email):
        assert message_of(links[name]) == message
    assert unquote(parse_qs(urlsplit(links[email]).query)["subject"][0]) == title


def test_a_chapter_and_an_open_call_can_be_sent_on(client):
    chapter = GuideChapterFactory(
        title_sr_latn="Prvi koraci", slug="prvi-koraci", is_published=True
    )
    closes = datetime.date.today() + datetime.timedelta(days=30)
    call = OpenCallFactory(
        title_sr_latn="Podrška samozapošljavanju", slug="samozaposljavanje", closes_on=closes
    )
    links = shared(client.get(f"/en/vodic/{chapter.slug}/").text)
    assert message_of(links["WhatsApp"]) == f"Prvi koraci\n{SITE}/en/vodic/prvi-koraci/"
    links = shared(client.get(f"/en/konkursi/{call.slug}/").text)
    lines = message_of(links["WhatsApp"]).split("\n")
    assert lines[0] == "Podrška samozapošljavanju"
    assert lines[1].startswith("Apply by ")
    assert lines[2] == f"{SITE}/en/konkursi/samozaposljavanje/"

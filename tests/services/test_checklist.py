"""What to bring: a service's page as a checklist to take to the office, one box per document
in the reader's language, where and when to go, and the way back to the page."""

import re

import pytest

from tests.factories import MunicipalityFactory, ServiceFactory

pytestmark = pytest.mark.django_db

DOCUMENTS = (
    "- Izvod iz matične knjige rođenih\n2. Uverenje o državljanstvu\n\n• Lična karta roditelja"
)


@pytest.fixture
def service():
    tutin = MunicipalityFactory(slug="tutin", name_sr_latn="Tutin", associate_phone="020 000 000")
    return ServiceFactory(
        municipality=tutin,
        slug="licna-karta-tutin",
        name_sr_latn="Lična karta",
        name_en="ID card",
        documents_sr_latn=DOCUMENTS,
        documents_en="Birth certificate\nCitizenship certificate",
        address="Glavna 1",
        opening_hours_sr_latn="Radnim danima 7-15",
        phone="020 111 222",
        cost_sr_latn="Taksa za ličnu kartu",
    )


def boxes(html: str) -> list[str]:
    checklist = re.search(r'<section aria-labelledby="bring">.*?</section>', html, re.S).group(0)
    return re.findall(r"<li>(.*?)</li>", checklist)


def test_each_document_gets_its_own_box_and_typed_bullets_are_dropped(client, service):
    html = client.get("/sr-latn/usluge/licna-karta-tutin/spisak/").text
    assert boxes(html) == [
        "Izvod iz matične knjige rođenih",
        "Uverenje o državljanstvu",
        "Lična karta roditelja",
    ]
    assert "Glavna 1" in html and "Radnim danima 7-15" in html
    assert '<a href="tel:020111222">020 111 222</a>' in html
    assert "Taksa za ličnu kartu" in html
    assert "020 000 000" in html  # the local associate's, for help
    assert "<svg" in html  # the QR code back to the page
    assert "http://testserver" not in html
    assert "/sr-latn/usluge/licna-karta-tutin/spisak/" in html


def test_the_checklist_in_the_readers_language_and_script(client, service):
    english = client.get("/en/usluge/licna-karta-tutin/spisak/").text
    assert "What to bring" in english and "ID card" in english
    assert boxes(english) == ["Birth certificate", "Citizenship certificate"]
    cyrillic = client.get("/sr/usluge/licna-karta-tutin/spisak/").text
    assert boxes(cyrillic)[0] == "Извод из матичне књиге рођених"
    german = client.get("/de/usluge/licna-karta-tutin/spisak/").text
    assert boxes(german)[0] == "Izvod iz matične knjige rođenih"  # in Serbian, said so
    assert "Noch nicht in der gewählten Sprache (Deutsch) verfügbar" in german


def test_without_documents_the_checklist_says_to_call_and_the_service_page_links_it(client):
    service = ServiceFactory(slug="bez-papira", name_sr_latn="Savetovanje")
    html = client.get("/en/usluge/bez-papira/spisak/").text
    assert "No list of documents yet: call before you go" in html
    page = client.get(service.get_absolute_url().replace("/sr-latn/", "/en/")).text
    assert '<a href="/en/usluge/bez-papira/spisak/">What to bring: a checklist to print</a>' in page


def test_an_unpublished_or_unknown_service_has_no_checklist(client, service):
    service.is_published = False
    service.save()
    assert client.get("/en/usluge/licna-karta-tutin/spisak/").status_code == 404
    assert client.get("/en/usluge/nema/spisak/").status_code == 404

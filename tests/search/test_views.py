"""The search page as a family sees it: grouped, marked, paginated, never a dead end."""

import pytest
from django.utils import translation

from tests.factories import MunicipalityFactory, ServiceFactory

pytestmark = pytest.mark.django_db


def test_results_are_grouped_by_kind_with_the_match_marked(client, directory):
    html = client.get("/sr-latn/pretraga/", {"q": "licna karta"}).text
    assert html.index('id="results-service"') < html.index('id="results-chapter"')
    assert (
        '<a href="/sr-latn/usluge/licna-karta-tutin/"><mark>Lična</mark> <mark>karta</mark></a>'
        in html
    )
    # The snippet marks the inflected forms it found too.
    assert "<mark>ličnu</mark> <mark>kartu</mark>" in html
    assert "Ministarstvo unutrašnjih poslova · Tutin" in html  # where it is
    assert "nacrt" not in html.lower().split("<main", 1)[1]


def test_each_result_says_its_municipality_or_that_it_serves_everywhere(client, directory):
    html = client.get("/en/pretraga/", {"q": "medjunarodna"}).text
    assert "All of Serbia" in html


def test_cyrillic_page_shows_results_in_cyrillic_with_the_match_marked(client, directory):
    html = client.get("/sr/pretraga/", {"q": "licna karta"}).text
    assert "<mark>Лична</mark> <mark>карта</mark>" in html
    assert "Министарство унутрашњих послова · Тутин" in html


def test_a_search_from_a_municipality_stays_there_with_a_way_out(client, directory):
    html = client.get("/en/pretraga/", {"q": "lična karta", "municipality": "cacak"}).text
    assert "licna-karta-tutin" not in html
    assert "/en/vodic/licna-dokumenta/" in html
    assert "Only results for Čačak and for all of Serbia." in html
    assert 'href="?q=li%C4%8Dna+karta">Search everywhere</a>' in html
    municipality_page = client.get("/en/opstine/cacak/").text
    assert '<input type="hidden" name="municipality" value="cacak">' in municipality_page


def test_an_unknown_municipality_searches_everywhere_and_says_so(client, directory):
    html = client.get("/en/pretraga/", {"q": "lična karta", "municipality": "atlantis"}).text
    assert "We do not know that municipality." in html
    assert "licna-karta-tutin" in html


@pytest.mark.parametrize("language", ["sr-latn", "sr", "rom", "sq", "de", "en"])
def test_no_result_says_so_in_the_page_language_and_offers_a_way_on(client, directory, language):
    html = client.get(f"/{language}/pretraga/", {"q": "xyzzy"}).text
    with translation.override(language):
        nothing = translation.gettext("Nothing found for “%(text)s”.") % {"text": "xyzzy"}
    assert nothing in html
    assert f'href="/{language}/opstine/"' in html.split("<main", 1)[1]
    assert f'href="/{language}/vodic/"' in html.split("<main", 1)[1]


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "!!!",
        "\x00",
        "a\x00b",
        "x" * 5000,
        "<script>alert(1)</script>",
        "'; DROP TABLE x;--",
    ],
)
def test_any_query_gives_a_helpful_page(client, directory, query):
    response = client.get("/en/pretraga/", {"q": query, "page": "x", "kind": "<b>"})
    assert response.status_code == 200
    assert "<script>alert" not in response.text
    assert 'role="search"' in response.text


def test_an_empty_query_explains_how_to_search(client, directory):
    html = client.get("/en/pretraga/").text
    assert "Type what you need" in html
    assert "Please type at least one word" not in html
    punctuation = client.get("/en/pretraga/", {"q": "!!!"}).text
    assert "Please type at least one word" in punctuation


def test_a_very_long_query_is_cut_and_says_so(client, directory):
    html = client.get("/en/pretraga/", {"q": "karta " * 1000}).text
    assert "only its first 200 characters were used" in html
    assert "licna-karta-tutin" in html


def test_every_result_of_one_kind_is_paginated(client, directory):
    tutin = directory["tutin"]
    for number in range(45):
        ServiceFactory(municipality=tutin, name_sr_latn=f"Savetovanje broj {number}")
    first = client.get("/en/pretraga/", {"q": "savetovanje"}).text
    assert first.count('href="/en/usluge/') == 5
    assert "All 45: Services" in first
    page = client.get("/en/pretraga/", {"q": "savetovanje", "kind": "service"}).text
    assert page.count('href="/en/usluge/') == 20
    assert "Page 1 of 3" in page
    last = client.get("/en/pretraga/", {"q": "savetovanje", "kind": "service", "page": "3"}).text
    assert last.count('href="/en/usluge/') == 5


def test_query_count_does_not_grow_with_the_data(
    client, settings, directory, django_assert_max_num_queries
):
    settings.PAGECACHE_ENABLED = False  # each request renders (the cache: test_pagecache.py)

    def queries(path):
        with django_assert_max_num_queries(20) as captured:
            assert client.get(path, {"q": "savetovanje tutin"}).status_code == 200
        return len(captured.captured_queries)

    tutin = directory["tutin"]
    ServiceFactory(municipality=tutin, name_sr_latn="Savetovanje za mlade")
    MunicipalityFactory(name_sr_latn="Savetovanje")
    small = queries("/en/pretraga/")
    small_kind = queries("/en/pretraga/?kind=service")
    for number in range(150):
        ServiceFactory(municipality=tutin, name_sr_latn=f"Savetovanje broj {number}")
    for number in range(20):
        MunicipalityFactory(name_sr_latn=f"Savetovanje {number}")
    assert queries("/en/pretraga/") == small
    assert queries("/en/pretraga/?kind=service") == small_kind


def test_the_header_and_the_home_page_lead_to_search(client, directory):
    home = client.get("/en/").text
    assert '<form method="get" action="/en/pretraga/" class="search" role="search">' in home
    assert 'href="/en/pretraga/">Search</a>' in client.get("/en/vodic/").text

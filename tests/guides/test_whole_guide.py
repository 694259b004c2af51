"""The whole guide on one page, with its contents, and a long chapter's own contents: every
link of a contents leads to a place on the page, and no two places share an id."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import resolve

from tests.factories import GuideChapterFactory

pytestmark = pytest.mark.django_db

FIRST_STEPS = """## Prvih dana

Nađite mesto za spavanje (vidite poglavlje 2).

## Prvih nedelja

Prijavite prebivalište.

### Lična karta

Za svaku odraslu osobu.

## Ako nešto ne ide

Pozovite lokalnog saradnika.
"""
HEALTH = """## Zdravstveno osiguranje

Prijavite se u RFZO.

## Ako nešto ne ide

Pitajte u domu zdravlja.
"""


@pytest.fixture
def chapters():
    return [
        GuideChapterFactory(order=1, slug="prvi-koraci", title_sr_latn="Prvi koraci",
                            body_sr_latn=FIRST_STEPS),
        GuideChapterFactory(order=2, slug="zdravlje", title_sr_latn="Zdravstvena zaštita",
                            body_sr_latn=HEALTH),
        GuideChapterFactory(order=3, slug="skriveno", title_sr_latn="Skriveno",
                            is_published=False),
    ]  # fmt: skip


def ids_of(html: str) -> list[str]:
    return re.findall(r'\sid="([^"]+)"', html)


def contents_links(html: str, nav_class: str) -> list[str]:
    nav = re.search(rf'<nav class="{nav_class}".*?</nav>', html, re.S).group(0)
    return re.findall(r'href="#([^"]+)"', nav)


def test_the_whole_guide_holds_every_published_chapter_with_contents_to_each_section(
    client, chapters
):
    html = client.get("/sr-latn/vodic/ceo/").text
    assert html.index("Prvi koraci</h2>") < html.index("Zdravstvena zaštita</h2>")
    assert "Skriveno" not in html
    assert "Za svaku odraslu osobu." in html and "Pitajte u domu zdravlja." in html
    ids = ids_of(html)
    assert len(ids) == len(set(ids)), "an id used twice"  # both chapters have "Ako nešto ne ide"
    links = contents_links(html, "contents-tree")
    assert links == [
        "chapter-prvi-koraci",
        "chapter-prvi-koraci-prvih-dana",
        "chapter-prvi-koraci-prvih-nedelja",
        "chapter-prvi-koraci-ako-nesto-ne-ide",
        "chapter-zdravlje",
        "chapter-zdravlje-zdravstveno-osiguranje",
        "chapter-zdravlje-ako-nesto-ne-ide",
    ]
    assert set(links) <= set(ids)
    # Chapter titles are the page's <h2>, their sections <h3>, sub-sections <h4>.
    assert '<h3 id="chapter-prvi-koraci-prvih-nedelja">Prvih nedelja</h3>' in html
    assert '<h4 id="chapter-prvi-koraci-licna-karta">Lična karta</h4>' in html
    # "See chapter 2" stays on the page: it is meant to be read without a connection.
    assert '<a href="#chapter-zdravlje" rel="noopener noreferrer">poglavlje 2</a>' in html


def test_the_whole_guide_in_cyrillic_and_from_the_contents(client, chapters):
    html = client.get("/sr/vodic/ceo/").text
    assert "Први кораци</h2>" in html and "Првих недеља</a>" in html
    contents = client.get("/sr-latn/vodic/").text
    assert '<a href="/sr-latn/vodic/ceo/">Ceo vodič na jednoj stranici</a>' in contents


def test_a_long_chapter_has_its_own_contents_and_a_short_one_none(client, chapters):
    long_page = client.get("/en/vodic/prvi-koraci/").text
    assert "In this chapter" in long_page
    links = contents_links(long_page, "on-this-page")
    assert links == ["prvih-dana", "prvih-nedelja", "ako-nesto-ne-ide"]  # no sub-sections
    assert set(links) <= set(ids_of(long_page))
    assert "In this chapter" not in client.get("/en/vodic/zdravlje/").text  # two sections


def test_no_chapter_can_take_the_address_of_another_page_of_the_guide():
    # The whole guide, the PDF, the feed, the offline package: pages that are not chapters.
    for slug in ("ceo", "pdf", "atom", "van-mreze"):
        assert resolve(f"/sr-latn/vodic/{slug}/").url_name != "chapter_detail"
        chapter = GuideChapterFactory.build(slug=slug, title_sr_latn="Poglavlje")
        with pytest.raises(ValidationError) as refused:
            chapter.full_clean()
        assert "slug" in refused.value.message_dict

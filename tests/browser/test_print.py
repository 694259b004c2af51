"""Printing from the browser, in Chromium's print emulation: a service page, a municipality's
directory, a chapter and the whole guide print without navigation or forms, with every link's
address written out and tables whole; a service's checklist prints on one A4 page."""

import io
import unicodedata

import pypdf
import pytest

pytestmark = pytest.mark.django_db(transaction=True)

# What a printed page must not show: it cannot be clicked or typed into on paper.
SCREEN_ONLY = [
    ".site-header .menu", ".languages", ".skip", "main form", ".breadcrumbs", ".chapter-nav",
    ".pagination", ".share", ".guide-pdf", ".suggestion-link", ".checklist-link", ".chips",
    ".on-this-page",
]  # fmt: skip

SHOWN = """(selectors) => selectors.flatMap((selector) =>
    [...document.querySelectorAll(selector)]
        .filter((el) => getComputedStyle(el).display !== "none")
        .map(() => selector))"""

# Each link in the content with an address on paper: its ::after says where it leads.
LINKS_WITHOUT_ADDRESS = """() => [...document.querySelectorAll(
        "main a[href^='/'], main a[href^='http']")]
    .filter((a) => a.offsetParent !== null
        && !a.closest(".tags, .provider, .contents-tree, dd"))
    .filter((a) => !getComputedStyle(a, "::after").content.includes(a.getAttribute("href")))
    .map((a) => a.getAttribute("href"))"""


def printed(page):
    page.emulate_media(media="print")
    return page


def pdf_of(page) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(page.pdf(format="A4")))


@pytest.mark.parametrize(
    "name", ["service", "municipality", "guide chapter", "whole guide", "project"]
)
def test_printed_pages_show_content_and_link_addresses_not_navigation(new_context, portal, name):
    page = new_context(device="desktop").new_page()
    page.goto(f"/sr-latn/{portal.public_paths[name]}")
    screen_shown = page.evaluate(SHOWN, SCREEN_ONLY)
    printed(page)
    assert page.evaluate(SHOWN, SCREEN_ONLY) == []
    assert page.evaluate(LINKS_WITHOUT_ADDRESS) == []
    footer = page.locator(".site-footer .print-only")
    assert footer.is_visible()
    assert f"/sr-latn/{portal.public_paths[name]}" in footer.inner_text()
    assert screen_shown, "nothing to hide: the page is not the one meant"


def test_a_printed_table_is_not_cut_off(new_context, portal):
    page = printed(new_context(device="phone").new_page())
    page.goto(f"/en/{portal.public_paths['project']}")
    cells = page.locator("table td")
    assert cells.count() > 0
    styles = page.evaluate(
        """() => {
            const all = (selector, property) => [...document.querySelectorAll(selector)]
                .map((el) => getComputedStyle(el)[property]);
            return {
                wrap: all("table td", "whiteSpace"),
                head: all("table thead", "display"),
                rows: all("table tr", "breakInside"),
                wide: document.documentElement.scrollWidth > document.documentElement.clientWidth,
            };
        }"""
    )
    assert set(styles["wrap"]) == {"normal"}
    assert set(styles["head"]) <= {"table-header-group"}
    assert set(styles["rows"]) == {"avoid"}
    assert not styles["wide"]


# Not /sr/: Chromium draws the Serbian Cyrillic б with a private-use glyph the PDF's text
# layer cannot map back, so reading the words back would fail for a reason no reader sees.
@pytest.mark.parametrize("language", ["sr-latn", "de", "en"])
def test_the_checklist_prints_on_one_page_with_every_document(new_context, portal, language):
    page = new_context(device="desktop").new_page()
    page.goto(f"/{language}/{portal.public_paths['service checklist']}")
    boxes = page.locator(".checklist [aria-labelledby=bring] li").all_inner_texts()
    assert len(boxes) >= 2
    reader = pdf_of(page)
    assert len(reader.pages) == 1
    text = " ".join(unicodedata.normalize("NFKC", reader.pages[0].extract_text()).split())
    for document in boxes:
        assert " ".join(document.split()) in text
    assert page.locator("h1").inner_text().split("\n")[-1] in text


def test_the_whole_guide_prints_each_chapter_from_a_new_page(new_context, portal):
    page = new_context(device="desktop").new_page()
    page.goto(f"/en/{portal.public_paths['whole guide']}")
    titles = page.locator("article.in-guide h2").all_inner_texts()
    assert len(titles) == len(portal.chapters)
    printed(page)
    breaks = page.evaluate(
        "() => [...document.querySelectorAll('article.in-guide')]"
        ".map((a) => getComputedStyle(a).breakBefore)"
    )
    assert breaks == ["page"] * len(titles)
    reader = pdf_of(page)
    starts = [" ".join((p.extract_text() or "").split())[:300] for p in reader.pages]
    for title in titles:
        assert any(title in start for start in starts[1:]), f"{title} begins no page"

import pytest
from django.urls import reverse

from guides.models import GuideChapter
from returnee_portal.rendering import markdown_render
from tests.factories import CategoryFactory, GuideChapterFactory, ServiceFactory

pytestmark = pytest.mark.django_db


def test_markdown_is_rendered():
    html = markdown_render("## Documents\n\nBring your **passport**.\n\n- one\n- two")
    assert '<h2 id="documents">Documents</h2>' in html
    assert "<strong>passport</strong>" in html
    assert "<li>one</li>" in html


@pytest.mark.parametrize(
    "evil",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        "[click](javascript:alert(1))",
        '<a href="#" onclick="alert(1)">x</a>',
        "<iframe src='https://example.org'></iframe>",
        "<style>body{display:none}</style>",
    ],
)
def test_markdown_sanitiser_removes_scripts_and_handlers(evil):
    html = markdown_render(f"Text\n\n{evil}")
    for forbidden in ("<script", "onerror", "javascript:", "onclick", "<iframe", "<style"):
        assert forbidden not in html.lower()


def test_chapter_page_shows_sanitised_body(client):
    chapter = GuideChapterFactory(body_sr_latn="Zdravo<script>alert('x')</script>")
    response = client.get(chapter.get_absolute_url())
    assert response.status_code == 200
    assert "<script>alert" not in response.text
    assert "Zdravo" in response.text


def test_contents_list_chapters_in_order_and_hide_unpublished(client):
    GuideChapterFactory(title_en="Second", order=2)
    GuideChapterFactory(title_en="First", order=1)
    GuideChapterFactory(title_en="Draft", order=3, is_published=False)
    html = client.get("/en/vodic/").text
    assert html.index("First") < html.index("Second")
    assert "Draft" not in html
    draft = GuideChapter.objects.get(title_en="Draft")
    assert client.get(f"/en/vodic/{draft.slug}/").status_code == 404


def test_chapter_links_to_previous_next_and_contents(client):
    first = GuideChapterFactory(title_en="First", order=1)
    second = GuideChapterFactory(title_en="Second", order=2)
    html = client.get(f"/en/vodic/{second.slug}/").text
    assert f'rel="prev" href="/en/vodic/{first.slug}/"' in html
    assert 'href="/en/vodic/">Contents</a>' in html
    assert 'rel="next"' not in html


def test_chapter_lists_matching_services_of_the_chosen_municipality(client):
    health = CategoryFactory()
    chapter = GuideChapterFactory()
    chapter.categories.set([health])
    here = ServiceFactory(name_sr_latn="Dom zdravlja Tutin", categories=[health])
    ServiceFactory(name_sr_latn="Dom zdravlja Pirot", categories=[health])
    ServiceFactory(municipality=here.municipality, name_sr_latn="Matična služba")
    url = reverse("guides:chapter_detail", kwargs={"slug": chapter.slug})
    html = client.get(url, {"municipality": here.municipality.slug}).text
    assert "Dom zdravlja Tutin" in html
    assert "Dom zdravlja Pirot" not in html
    assert "Matična služba" not in html
    assert client.get(url, {"municipality": "nowhere"}).status_code == 200


def test_where_to_go_box_chooses_nothing_for_the_reader_and_answers_first(client):
    health = CategoryFactory()
    chapter = GuideChapterFactory(body_sr_latn="Tekst. " * 400)
    chapter.categories.set([health])
    service = ServiceFactory(name_sr_latn="Dom zdravlja Tutin", categories=[health])
    html = client.get(f"/en/vodic/{chapter.slug}/").text
    assert " selected" not in html.split('id="where"')[1]
    assert f'action="/en/vodic/{chapter.slug}/#where"' in html
    answer = client.get(
        f"/en/vodic/{chapter.slug}/", {"municipality": service.municipality.slug}
    ).text
    box = answer.split('id="where"')[1]
    # The answer opens the box the form jumps to, before the form to choose again.
    assert box.index("Dom zdravlja Tutin") < box.index("<form")
    assert f'<option value="{service.municipality.slug}" selected>' in box


def test_chapter_services_are_paginated_and_keep_the_municipality(client):
    health = CategoryFactory()
    chapter = GuideChapterFactory()
    chapter.categories.set([health])
    first = ServiceFactory(categories=[health])
    for _ in range(24):
        ServiceFactory(municipality=first.municipality, categories=[health])
    url = f"/en/vodic/{chapter.slug}/"
    html = client.get(url, {"municipality": first.municipality.slug}).text
    assert html.count('href="/en/usluge/') == 20
    assert f'href="?municipality={first.municipality.slug}&amp;page=2#where"' in html


def test_addresses_and_chapter_references_in_guide_text_are_links(client):
    GuideChapterFactory(order=8, slug="pravna-pomoc", title_en="Legal aid")
    chapter = GuideChapterFactory(
        order=1,
        body_sr_latn="Sajt: https://kirs.gov.rs. Pišite na info@example.org (vidite poglavlje 8).",
        body_en="Website: https://kirs.gov.rs. Write to info@example.org (see chapter 8).",
        body_de="Webseite: www.mup.gov.rs (siehe Kapitel 8, nicht Kapitel 9).",
    )
    serbian = client.get(f"/sr-latn/vodic/{chapter.slug}/").text
    assert (
        '<a href="https://kirs.gov.rs" rel="noopener noreferrer">https://kirs.gov.rs</a>.'
        in serbian
    )
    assert (
        '<a href="mailto:info@example.org" rel="noopener noreferrer">info@example.org</a>'
        in serbian
    )
    assert (
        '<a href="/sr-latn/vodic/pravna-pomoc/" rel="noopener noreferrer">poglavlje 8</a>'
        in serbian
    )
    english = client.get(f"/en/vodic/{chapter.slug}/").text
    assert '<a href="/en/vodic/pravna-pomoc/" rel="noopener noreferrer">chapter 8</a>' in english
    german = client.get(f"/de/vodic/{chapter.slug}/").text
    assert '<a href="https://www.mup.gov.rs" rel="noopener noreferrer">www.mup.gov.rs</a>' in german
    assert '<a href="/de/vodic/pravna-pomoc/" rel="noopener noreferrer">Kapitel 8</a>' in german
    assert "nicht Kapitel 9)" in german  # no chapter 9: left as text

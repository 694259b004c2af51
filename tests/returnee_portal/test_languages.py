"""Every public page in every interface language, the switcher, and the Serbian fallback."""

import re

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language_info

from tests.factories import (
    GuideChapterFactory,
    OpenCallFactory,
    ProjectFactory,
    ServiceFactory,
)

pytestmark = pytest.mark.django_db

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


@pytest.fixture
def one_of_each():
    service = ServiceFactory(name_en="Social assistance", name_rom="Socijalno ažutipe")
    chapter = GuideChapterFactory()
    project = ProjectFactory()
    OpenCallFactory(project=project)
    return {
        "home": reverse("home"),
        "about": reverse("about"),
        "municipalities": reverse("services:municipality_list"),
        "municipality": service.municipality.get_absolute_url(),
        "service": service.get_absolute_url(),
        "guide": reverse("guides:chapter_list"),
        "chapter": chapter.get_absolute_url(),
        "projects": reverse("services:project_list"),
        "project": project.get_absolute_url(),
        "open calls": reverse("services:opencall_list"),
    }


def url_in(language, url):
    """The same page under another language prefix."""
    return re.sub(r"^/[^/]+/", f"/{language}/", url)


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_every_page_type_answers_in_every_language(client, one_of_each, language):
    for page, url in one_of_each.items():
        response = client.get(url_in(language, url))
        assert response.status_code == 200, page
        assert f'<html lang="{language}"' in response.text, page


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_unknown_page_is_a_translated_404(client, language):
    response = client.get(f"/{language}/opstine/no-such-place/")
    assert response.status_code == 404
    assert f'<html lang="{language}"' in response.text
    with translation.override(language):
        assert translation.gettext("Page not found") in response.text


def test_romani_is_a_known_language_with_its_own_name():
    info = get_language_info("rom")
    assert info["name_local"] == "Romanes"


def test_interface_is_translated(client):
    romani = client.get("/rom/").text
    german = client.get("/de/").text
    source = "What do you need help with?"
    assert source not in german
    with translation.override("de"):
        assert translation.gettext(source) in german
    with translation.override("rom"):
        assert translation.gettext(source) in romani
    assert source not in romani


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_languages_appear_once_each_named_in_itself(client, language):
    html = client.get(f"/{language}/").text
    for code, _name in settings.LANGUAGES:
        name = get_language_info(code)["name_local"]
        # One link per language (and the page's own <html lang>).
        assert html.count(f' lang="{code}"') == 1 + (code == language), code
        assert f">{name[:1].upper()}{name[1:]}</a>" in html


def test_root_redirects_to_a_language(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/sr-latn/"


def test_switcher_names_each_language_in_itself_and_keeps_the_page(client):
    service = ServiceFactory()
    response = client.get(url_in("en", service.get_absolute_url()) + "?x=1")
    html = response.text
    for code, name in [("rom", "Romanes"), ("sq", "Shqip"), ("de", "Deutsch"), ("sr", "Српски")]:
        link = f'href="/{code}/usluge/{service.slug}/?x=1" lang="{code}" hreflang="{code}"'
        assert link in html
        assert f"{link}>{name}" in html
    assert 'aria-current="true">English</a>' in html


def test_missing_translation_falls_back_to_serbian_with_lang_and_notice(client):
    service = ServiceFactory(
        name_sr_latn="Centar za socijalni rad",
        name_en="Centre for Social Work",
        description_sr_latn="Novčana socijalna pomoć.",
    )
    response = client.get(f"/rom/usluge/{service.slug}/")
    html = response.text
    assert '<div lang="sr-Latn"><p>Novčana socijalna pomoć.</p></div>' in html
    with translation.override("rom"):
        notice = translation.gettext("Not yet available in %(language)s; shown in Serbian.") % {
            "language": translation.gettext("Romani")
        }
    assert notice in html
    english = client.get(f"/en/usluge/{service.slug}/").text
    assert "Centre for Social Work" in english
    assert '<span lang="sr-Latn">Centar za socijalni rad</span>' not in english


def test_no_fallback_notice_when_the_translation_exists(client):
    service = ServiceFactory(
        name_sr_latn="Dom zdravlja",
        name_de="Gesundheitszentrum",
        organization__name_de="Gesundheitszentrum Tutin",
    )
    html = client.get(f"/de/usluge/{service.slug}/").text
    assert "<h1>Gesundheitszentrum</h1>" in html
    assert "fallback-note" not in html


def test_one_notice_per_block_of_fallback_text_and_none_inside_links(client):
    service = ServiceFactory(
        name_sr_latn="Centar za socijalni rad",
        description_sr_latn="Novčana socijalna pomoć.",
        eligibility_sr_latn="Porodice bez prihoda.",
        organization__name_sr_latn="Gradska uprava",
    )
    html = client.get(f"/rom/usluge/{service.slug}/").text
    # The title, the description and the eligibility are blocks in Serbian: three notices.
    assert html.count('class="fallback-note"') == 3
    for link in re.findall(r"<a [^>]*>.*?</a>", html, re.DOTALL):
        assert "fallback-note" not in link
    # Names inside links and lists say their language, without a notice.
    assert '<span lang="sr-Latn">Gradska uprava</span>' in html
    listing = client.get(f"/rom/opstine/{service.municipality.slug}/").text
    assert listing.count('class="fallback-note"') == 1  # the municipality's own name


def test_a_call_of_a_project_reads_as_one_line(client):
    project = ProjectFactory()
    OpenCallFactory(project=project, title_sr_latn="Grant za obuke", closes_on="2020-01-01")
    html = client.get(f"/rom/projekti/{project.slug}/").text
    assert re.search(r'<li><span lang="sr-Latn">Grant za obuke</span> \([^()<]+\)</li>', html)


@pytest.mark.parametrize(
    ("language", "budget"),
    [
        ("sr-latn", "400.000\u00a0EUR"),
        ("sr", "400.000\u00a0EUR"),
        ("rom", "400.000\u00a0EUR"),
        ("sq", "400\u00a0000\u00a0EUR"),
        ("de", "400.000\u00a0EUR"),
        ("en", "400,000\u00a0EUR"),
    ],
)
def test_amounts_are_grouped_as_each_language_writes_them(client, language, budget):
    project = ProjectFactory(budget="400000.00", currency="EUR")
    html = client.get(f"/{language}/projekti/{project.slug}/").text
    assert budget in html
    assert "400000" not in html

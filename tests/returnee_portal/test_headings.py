"""Headings outline every public page: one <h1>, and no level skipped on the way down."""

from html.parser import HTMLParser

import pytest
from django.conf import settings

from tests.dataset import portal_create

pytestmark = pytest.mark.django_db


class Headings(HTMLParser):
    def __init__(self):
        super().__init__()
        self.levels: list[int] = []

    def handle_starttag(self, tag, attrs):
        if len(tag) == 2 and tag[0] == "h" and tag[1] in "123456":
            self.levels.append(int(tag[1]))


def skipped_levels(html: str) -> list[str]:
    parser = Headings()
    parser.feed(html)
    problems = [] if parser.levels.count(1) == 1 else [f"{parser.levels.count(1)} <h1>"]
    for before, after in zip(parser.levels, parser.levels[1:], strict=False):
        if after > before + 1:
            problems.append(f"h{before} then h{after}")
    return problems


def test_the_check_finds_a_skipped_level():
    assert skipped_levels("<h1>a</h1><h3>b</h3>") == ["h1 then h3"]
    assert skipped_levels("<h1>a</h1><h2>b</h2><h3>c</h3><h2>d</h2>") == []


def test_no_public_page_skips_a_heading_level(client, own_municipality, foreign_municipality):
    portal = portal_create(own_municipality=own_municipality, foreign=foreign_municipality)
    found = {}
    for language, _name in settings.LANGUAGES:
        for page, path in portal.public_paths.items():
            if problems := skipped_levels(client.get(f"/{language}/{path}").text):
                found[f"/{language}/{path} ({page})"] = problems
    assert found == {}

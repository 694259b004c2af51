"""Every public page type in every language is valid HTML, checked by the W3C Nu HTML checker.

The checker is npm's `vnu-jar` (package-lock.json; `make test` installs it), run with Java.
Without them the test is skipped with a line saying how to get them; with REQUIRE_BROWSER=1
(CI) that fails instead.
"""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings

from tests.dataset import portal_create

VNU = (
    Path(__file__).resolve().parents[2] / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
)
MISSING = (
    "the Nu HTML checker needs Java and node_modules/vnu-jar: `sudo apt-get install "
    "default-jre-headless nodejs npm`, then `npm ci`"
)


@pytest.fixture
def vnu():
    java = shutil.which("java")
    if java and VNU.is_file():
        return [java, "-jar", str(VNU)]
    if os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail(f"REQUIRE_BROWSER=1: {MISSING}", pytrace=False)
    pytest.skip(MISSING)


@pytest.mark.django_db
def test_every_public_page_type_validates_in_every_language(
    client, vnu, tmp_path, own_municipality, foreign_municipality
):
    portal = portal_create(own_municipality=own_municipality, foreign=foreign_municipality)
    pages = {}
    for language, _name in settings.LANGUAGES:
        for page, path in portal.public_paths.items():
            response = client.get(f"/{language}/{path}")
            assert response.status_code in (200, 404), (language, page)
            name = f"{language}-{page.replace(' ', '-')}.html"
            (tmp_path / name).write_bytes(response.content)
            pages[name] = f"/{language}/{path}"
    result = subprocess.run(
        [*vnu, "--errors-only", "--format", "json", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    errors = [
        f"{pages[Path(m['url']).name]}: {m['message']} ({m.get('extract', '').strip()})"
        for m in messages
    ]
    assert len(pages) == len(settings.LANGUAGES) * len(portal.public_paths)
    assert errors == []

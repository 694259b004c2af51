"""The service worker's script: at the site's root, never kept by a cache, one per release,
and, with the script that registers it and the manifest, light."""

import gzip
import json
import re

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders

from returnee_portal.pagecache import release_fingerprint

pytestmark = pytest.mark.django_db

# What a phone downloads for the offline copy besides the pages: the service worker, the
# script every page loads, and the manifest, gzipped; the icons (fetched once, if the portal is
# added to the home screen) apart.
OFFLINE_SCRIPTS_BUDGET = 8 * 1024
ICONS_BUDGET = 10 * 1024


def worker_config(response) -> dict:
    return json.loads(re.search(r"^const CONFIG = (.*);$", response.text, re.M).group(1))


def test_the_worker_is_at_the_root_and_no_cache_keeps_it(client):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert response["Cache-Control"] == "no-cache"
    config = worker_config(response)
    assert config["version"] == release_fingerprint()
    for asset in config["assets"]:
        assert finders.find(asset.removeprefix(settings.STATIC_URL)), asset
    assert set(config["offlinePages"]) == {code for code, _name in settings.LANGUAGES}
    assert config["offlinePages"]["rom"] == "/rom/van-mreze/"


def test_a_new_release_is_a_new_worker(client, monkeypatch):
    before = client.get("/sw.js").content
    monkeypatch.setattr("offline.views.release_fingerprint", lambda: "0123456789abcdef")
    after = client.get("/sw.js")
    assert after.content != before  # what makes a browser install the new worker
    assert worker_config(after)["version"] == "0123456789abcdef"


def test_the_offline_scripts_and_icons_stay_within_their_budget(client):
    script = client.get("/sw.js").content
    manifest = client.get("/sr-latn/manifest.webmanifest").content
    with open(finders.find("js/offline.js"), "rb") as file:
        loader = file.read()
    scripts = sum(len(gzip.compress(body, 9)) for body in (script, manifest, loader))
    assert scripts <= OFFLINE_SCRIPTS_BUDGET, scripts
    icons = [icon["src"] for icon in json.loads(manifest)["icons"]]
    sizes = 0
    for icon in icons:
        with open(finders.find(icon.removeprefix(settings.STATIC_URL)), "rb") as file:
            sizes += len(file.read())
    assert sizes <= ICONS_BUDGET, sizes


def test_every_public_page_loads_the_script_and_names_its_manifest(client):
    html = client.get("/sq/o-portalu/").text
    assert '<script src="/static/js/offline.js" defer></script>' in html
    assert '<link rel="manifest" href="/sq/manifest.webmanifest">' in html

"""The web app manifest: the portal's name on a phone's home screen, in each language, with
icons of its own."""

import re

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from PIL import Image

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def manifest_of(client, page):
    html = client.get(page).text
    address = re.search(r'<link rel="manifest" href="([^"]+)"', html).group(1)
    response = client.get(address)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/manifest+json"
    return response.json()


def test_every_language_names_the_portal_in_that_language(client):
    manifests = {code: manifest_of(client, f"/{code}/") for code in LANGUAGES}
    assert manifests["de"]["name"] == "Rückkehrportal"
    assert manifests["sr"]["name"] == "Портал за повратнике"
    assert manifests["rom"]["short_name"] != manifests["en"]["short_name"]
    assert len({manifest["name"] for manifest in manifests.values()}) == len(LANGUAGES)
    for code, manifest in manifests.items():
        assert manifest["lang"] == code
        assert manifest["start_url"] == f"/{code}/"  # the portal opens in the language chosen
        assert manifest["scope"] == "/"
        assert manifest["display"] == "standalone"
        assert len(manifest["short_name"]) <= 12, manifest["short_name"]  # fits under an icon


def test_the_icons_are_the_portals_own_pngs_of_the_sizes_said(client):
    icons = manifest_of(client, "/sr-latn/")["icons"]
    assert {icon["purpose"] for icon in icons} == {"any", "maskable"}
    assert {"192x192", "512x512"} <= {icon["sizes"] for icon in icons}
    for icon in icons:
        assert icon["src"].startswith(settings.STATIC_URL)  # shipped here, not fetched elsewhere
        path = finders.find(icon["src"].removeprefix(settings.STATIC_URL))
        with Image.open(path) as image:
            assert image.format == "PNG"
            assert "x".join(map(str, image.size)) == icon["sizes"]
            if icon["purpose"] == "maskable":
                # A maskable icon fills its square: a phone may cut it to any shape.
                assert image.convert("RGBA").getpixel((0, 0))[3] == 255

"""Screenshots for a reviewer: the main pages on a 360 x 640 phone, full length, in Serbian
(Latin and Cyrillic) and Romani, and the home page's first screen. Written to $SCREENSHOT_DIR
(default: returnee-portal-screenshots in the system's temporary folder) as
<language>-<page>.png; look at them after a change to the templates."""

import os
import tempfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.django_db(transaction=True)

SCREENSHOT_DIR = Path(
    os.environ.get("SCREENSHOT_DIR") or Path(tempfile.gettempdir()) / "returnee-portal-screenshots"
)


@pytest.mark.parametrize("language", ["sr-latn", "sr", "rom"])
def test_screenshots_of_the_main_pages_on_a_phone(new_context, portal, language):
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    page = new_context(device="phone").new_page()
    pages = {
        "home": "",
        "municipality": f"opstine/{portal.tutin.slug}/",
        "service": f"usluge/{portal.service.slug}/",
        "guide-chapter": portal.public_paths["guide chapter"],
    }
    for name, path in pages.items():
        page.goto(f"/{language}/{path}")
        # The page fits the phone's width: nothing to scroll sideways.
        assert page.evaluate("document.documentElement.scrollWidth") <= 360, name
        target = SCREENSHOT_DIR / f"{language}-{name}.png"
        page.screenshot(path=target, full_page=True)
        assert target.stat().st_size > 0
        if name == "home":  # what a family sees before scrolling
            page.screenshot(path=SCREENSHOT_DIR / f"{language}-first-screen.png")

import segno
from django.conf import settings
from django.urls import reverse


def absolute_url(path: str) -> str:
    """`path` on the site's public address (SITE_URL), for links sent away from the site."""
    return settings.SITE_URL + path


def qr_code(path: str) -> segno.QRCode:
    """A QR code of `path` on SITE_URL, for paper that leads back to the page (the guide's PDF,
    the printed checklist)."""
    return segno.make(absolute_url(path), error="m")


def slug_addresses(name: str, slugs) -> list[str]:
    """The addresses of URL pattern `name` (whose one argument is `slug`) for each of `slugs`,
    with one reverse() for them all: a reverse() per row costs more than the row."""
    placeholder = "__slug__"
    address = reverse(name, kwargs={"slug": placeholder})
    return [address.replace(placeholder, slug) for slug in slugs]

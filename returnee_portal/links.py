import segno
from django.conf import settings


def absolute_url(path: str) -> str:
    """`path` on the site's public address (SITE_URL), for links sent away from the site."""
    return settings.SITE_URL + path


def qr_code(path: str) -> segno.QRCode:
    """A QR code of `path` on SITE_URL, for paper that leads back to the page (the guide's PDF,
    the printed checklist)."""
    return segno.make(absolute_url(path), error="m")

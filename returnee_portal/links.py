from django.conf import settings


def absolute_url(path: str) -> str:
    """`path` on the site's public address (SITE_URL), for links sent away from the site."""
    return settings.SITE_URL + path

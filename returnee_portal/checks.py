import ipaddress
from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Error, register
from django.core.exceptions import ImproperlyConfigured


@register()
def secret_key_is_set(app_configs, **kwargs):
    """Stop `check`, `migrate` and `runserver` early, with a hint, when production has no
    SECRET_KEY (Django itself only fails at the key's first use)."""
    try:
        if settings.SECRET_KEY:
            return []
    except ImproperlyConfigured:  # reading an empty SECRET_KEY raises
        pass
    return [
        Error(
            "SECRET_KEY is not set.",
            hint="Set SECRET_KEY in the environment, or DEBUG=1 for development.",
            id="returnee_portal.E001",
        )
    ]


@register()
def trusted_proxies_are_addresses(app_configs, **kwargs):
    """A mistyped proxy would silently make every visitor one address; refuse it."""
    errors = []
    for entry in settings.TRUSTED_PROXIES:
        try:
            ipaddress.ip_network(entry, strict=False)
        except ValueError:
            errors.append(
                Error(
                    f"TRUSTED_PROXIES has {entry!r}, which is no IP address or network.",
                    hint="Comma-separated addresses or networks, e.g. 127.0.0.1,10.0.0.0/8.",
                    id="returnee_portal.E002",
                )
            )
    return errors


@register()
def site_url_is_an_address(app_configs, **kwargs):
    """Every link the portal sends starts with SITE_URL: a typo would break all of them."""
    parts = urlsplit(settings.SITE_URL)
    if parts.scheme in ("http", "https") and parts.netloc and not parts.query:
        return []
    return [
        Error(
            f"SITE_URL is {settings.SITE_URL!r}, which is no http(s) address.",
            hint="The site's public address, e.g. https://povratnici.example.org",
            id="returnee_portal.E003",
        )
    ]

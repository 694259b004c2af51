import pytest


def pytest_configure():
    from django.conf import settings

    # Production settings (DEBUG off) with what tests need: a key, no HTTPS redirect, and
    # static files served from the source folders (no collectstatic).
    settings.SECRET_KEY = "tests-only-not-secret"
    settings.SECURE_SSL_REDIRECT = False
    settings.STATIC_ROOT = None
    settings.WHITENOISE_USE_FINDERS = True
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _english_is_not_sticky():
    """Each test starts in the default language, whatever the previous one activated."""
    from django.utils import translation

    yield
    translation.activate("sr-latn")

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


@pytest.fixture(autouse=True)
def _no_pages_from_an_earlier_test(request):
    """A test that commits (live server, transactional) leaves the cache table behind when the
    database is flushed (no signals): its stored pages must not be served to the next test."""
    if not {"live_server", "transactional_db"} & set(request.fixturenames):
        yield
        return
    from django.core.cache import cache

    request.getfixturevalue("transactional_db")  # so this clears before the flush
    yield
    cache.clear()


@pytest.fixture
def own_municipality(db):
    from tests.factories import MunicipalityFactory

    return MunicipalityFactory(name_sr_latn="Novi Pazar", slug="novi-pazar")


@pytest.fixture
def foreign_municipality(db):
    from tests.factories import MunicipalityFactory

    return MunicipalityFactory(name_sr_latn="Pirot", slug="pirot")


@pytest.fixture
def associate(own_municipality):
    """A local associate of `own_municipality` (and not of `foreign_municipality`)."""
    from tests.factories import AssociateFactory

    return AssociateFactory(username="associate", municipalities=[own_municipality])


@pytest.fixture
def associate_client(client, associate):
    """The associate, logged into the admin, reading it in English."""
    client.force_login(associate)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


@pytest.fixture
def coordinator(db):
    from tests.factories import CoordinatorFactory

    return CoordinatorFactory(username="coordinator")


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # The production hasher is slow by design; tests create many users.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

"""Settings come from the environment: checked in a fresh interpreter each time."""

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import override_settings

PROJECT = Path(__file__).resolve().parents[2]

PRINT_SETTINGS = (
    "import django, json; django.setup(); from django.conf import settings as s; "
    "print(json.dumps({'debug': s.DEBUG, 'engine': s.DATABASES['default']['ENGINE'], "
    "'name': str(s.DATABASES['default']['NAME']), 'hosts': s.ALLOWED_HOSTS, "
    "'ssl': getattr(s, 'SECURE_SSL_REDIRECT', False)}))"
)


def settings_with(env):
    result = subprocess.run(
        [sys.executable, "-c", PRINT_SETTINGS],
        cwd=PROJECT,
        env={"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "returnee_portal.settings", **env},
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


def test_default_is_sqlite_in_the_project_folder_and_debug_off():
    settings = settings_with({"SECRET_KEY": "x"})
    assert settings["engine"] == "django.db.backends.sqlite3"
    assert settings["name"] == str(PROJECT / "db.sqlite3")
    assert settings["debug"] is False
    assert settings["hosts"] == []
    assert settings["ssl"] is True


@pytest.mark.skipif(
    importlib.util.find_spec("psycopg2") is None,
    reason="needs psycopg2 (installed with libpq-dev present; CI runs it on PostgreSQL)",
)
def test_database_url_selects_postgresql():
    settings = settings_with(
        {"SECRET_KEY": "x", "DATABASE_URL": "postgres://u:p@127.0.0.1:5432/portal"}
    )
    assert settings["engine"] == "django.db.backends.postgresql"
    assert settings["name"] == "portal"


def test_debug_gives_development_defaults():
    settings = settings_with({"DEBUG": "1", "ALLOWED_HOSTS": "portal.example.org"})
    assert settings["debug"] is True
    assert settings["hosts"] == ["portal.example.org"]


def test_production_refuses_to_run_without_a_secret_key():
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=PROJECT,
        env={"PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_the_system_check_names_a_missing_secret_key(monkeypatch):
    from django.core.exceptions import ImproperlyConfigured

    from returnee_portal import checks

    class Unset:
        @property
        def SECRET_KEY(self):  # noqa: N802 - as Django's settings read an empty key
            raise ImproperlyConfigured("The SECRET_KEY setting must not be empty.")

    monkeypatch.setattr(checks, "settings", Unset())
    (error,) = checks.secret_key_is_set(app_configs=None)
    assert error.id == "returnee_portal.E001"
    monkeypatch.setattr(checks, "settings", type("Set", (), {"SECRET_KEY": "set"})())
    assert checks.secret_key_is_set(app_configs=None) == []


@pytest.mark.parametrize(
    ("site_url", "refused"),
    [
        ("https://povratnici.example.org", False),
        ("http://127.0.0.1:8000", False),
        ("povratnici.example.org", True),
        ("ftp://povratnici.example.org", True),
        ("https://", True),
    ],
)
def test_a_site_url_that_is_no_address_stops_the_checks(site_url, refused):
    with override_settings(SITE_URL=site_url):
        if refused:
            with pytest.raises(SystemCheckError, match="SITE_URL"):
                call_command("check")
        else:
            call_command("check")


def test_site_url_comes_from_the_environment_without_a_trailing_slash():
    result = subprocess.run(
        [sys.executable, "-c", "from django.conf import settings; print(settings.SITE_URL)"],
        cwd=PROJECT,
        env={
            "PATH": "/usr/bin:/bin",
            "DJANGO_SETTINGS_MODULE": "returnee_portal.settings",
            "DEBUG": "1",
            "SITE_URL": "https://povratnici.example.org/",
        },
        capture_output=True,
        text=True,
    )
    assert result.stdout.strip() == "https://povratnici.example.org"

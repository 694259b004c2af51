"""create_associate and create_coordinator: accounts for the people who keep the directory."""

import io
import re

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.utils import translation

from returnee_portal.roles import ASSOCIATES_GROUP, COORDINATORS_GROUP
from tests.factories import MunicipalityFactory

pytestmark = pytest.mark.django_db


def run(*args, stdin=None, monkeypatch=None):
    if stdin is not None:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def link_path(output):
    return re.search(r"http://testserver(/admin/password-reset/\S+)", output).group(1)


@override_settings(SITE_URL="http://testserver")
def test_create_associate_prints_a_link_that_sets_the_password_once(
    client, own_municipality, foreign_municipality
):
    output = run(
        "create_associate", "marija", "--municipality", "novi-pazar", "--municipality", "pirot",
        "--email", "marija@example.org",
    )  # fmt: skip
    user = User.objects.get(username="marija")
    assert user.is_staff and not user.is_superuser
    assert not user.has_usable_password()
    assert user.email == "marija@example.org"
    assert [group.name for group in user.groups.all()] == [ASSOCIATES_GROUP]
    assert set(user.served_municipalities.all()) == {own_municipality, foreign_municipality}

    form_page = client.get(link_path(output), follow=True)
    assert form_page.status_code == 200
    assert form_page.context["validlink"]
    response = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "Jutro-u-Pazaru-7", "new_password2": "Jutro-u-Pazaru-7"},
        follow=True,
    )
    assert response.status_code == 200
    assert response.request["PATH_INFO"] == "/admin/password-reset/done/"
    user.refresh_from_db()
    assert user.check_password("Jutro-u-Pazaru-7")
    assert client.get(link_path(output), follow=True).context["validlink"] is False


def test_rerunning_create_associate_sets_exactly_the_given_municipalities(
    own_municipality, foreign_municipality
):
    run("create_associate", "marija", "--municipality", "novi-pazar")
    user = User.objects.get(username="marija")
    user.set_password("Jutro-u-Pazaru-7")
    user.save()

    output = run("create_associate", "marija", "--municipality", "pirot")

    assert "Updated local associate marija." in output
    assert "password-reset" not in output  # an account with a password keeps it
    user.refresh_from_db()
    assert list(user.served_municipalities.all()) == [foreign_municipality]
    assert user.check_password("Jutro-u-Pazaru-7")


def test_unknown_municipality_changes_nothing_and_lists_the_valid_slugs(own_municipality):
    run("create_associate", "marija", "--municipality", "novi-pazar")
    with pytest.raises(CommandError) as error:
        run("create_associate", "marija", "--municipality", "novi-pazar", "--municipality", "nis")
    assert str(error.value) == "Unknown municipality: nis. Valid slugs: novi-pazar"
    with pytest.raises(CommandError):
        run("create_associate", "jovan", "--municipality", "nis")
    assert not User.objects.filter(username="jovan").exists()
    marija = User.objects.get(username="marija")
    assert list(marija.served_municipalities.all()) == [own_municipality]


def test_password_from_stdin_lets_the_associate_log_in(client, monkeypatch):
    MunicipalityFactory(slug="pirot")
    output = run(
        "create_associate", "marija", "--municipality", "pirot", "--password-stdin",
        stdin="Jutro-u-Pirotu-7\n", monkeypatch=monkeypatch,
    )  # fmt: skip
    assert "password-reset" not in output
    response = client.post(
        "/admin/login/?next=/admin/", {"username": "marija", "password": "Jutro-u-Pirotu-7"}
    )
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_a_weak_password_is_refused_and_nothing_is_created(monkeypatch):
    MunicipalityFactory(slug="pirot")
    with translation.override("en"), pytest.raises(CommandError, match="too short"):
        run(
            "create_associate", "marija", "--municipality", "pirot", "--password-stdin",
            stdin="123\n", monkeypatch=monkeypatch,
        )  # fmt: skip
    assert not User.objects.filter(username="marija").exists()


@override_settings(SITE_URL="https://povratnici.example.org")
def test_the_link_is_on_the_site_address():
    MunicipalityFactory(slug="tutin")
    output = run("create_associate", "emina", "--municipality", "tutin")
    assert "\nhttps://povratnici.example.org/admin/password-reset/" in output
    assert "127.0.0.1" not in output


def test_create_coordinator_creates_then_updates(client):
    output = run("create_coordinator", "ana", "--email", "ana@example.org")
    assert "Created coordinator ana." in output
    assert "http://127.0.0.1:8000/admin/password-reset/" in output  # SITE_URL's default
    user = User.objects.get(username="ana")
    assert user.is_staff and not user.is_superuser
    assert [group.name for group in user.groups.all()] == [COORDINATORS_GROUP]

    output = run("create_coordinator", "ana", "--email", "ana@example.net")
    assert "Updated coordinator ana." in output
    user.refresh_from_db()
    assert user.email == "ana@example.net"
    assert user.groups.count() == 1

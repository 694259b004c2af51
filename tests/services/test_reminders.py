"""send_verification_reminders: a weekly digest for each local associate, in their language,
with links to the admin on SITE_URL; nothing when there is nothing to say, never twice a week."""

import datetime
import io

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from returnee_portal.models import staff_language_set
from services.actions import update_suggestion_file, verification_reminders_send
from services.models import VerificationReminder
from tests.factories import AssociateFactory, MunicipalityFactory, ServiceFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("_locmem_mail"),
]

TODAY = datetime.date(2026, 12, 3)  # a Thursday


@pytest.fixture
def _locmem_mail(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.SITE_URL = "https://povratnici.example.org"


@pytest.fixture
def tutin():
    return MunicipalityFactory(name_sr_latn="Tutin", slug="tutin")


@pytest.fixture
def emina(tutin):
    return AssociateFactory(username="emina", email="emina@example.org", municipalities=[tutin])


def send(today=TODAY):
    return verification_reminders_send(today=today)


def test_the_digest_lists_stale_services_and_open_suggestions_with_links(tutin, emina):
    old = ServiceFactory(
        municipality=tutin, name_sr_latn="Matična služba", last_verified=datetime.date(2026, 5, 1)
    )
    never = ServiceFactory(municipality=tutin, name_sr_latn="Dom zdravlja")
    ServiceFactory(municipality=tutin, name_sr_latn="Sveže", last_verified=TODAY)
    ServiceFactory(municipality=tutin, name_sr_latn="Skriveno", is_published=False)
    ServiceFactory(name_sr_latn="Druga opština")  # another municipality's
    update_suggestion_file(service=never, message="Promenjen je broj telefona.", contact="")

    assert send() == {"sent": 1, "nothing": 0, "this_week": 0, "no_address": 0}

    [message] = mail.outbox
    assert message.to == ["emina@example.org"]
    assert message.subject == "Portal za povratnike: 2 usluge za proveru"
    body = message.body
    assert "Dom zdravlja (Tutin), nikad provereno" in body
    assert "Matična služba (Tutin), poslednja provera 1. maj 2026." in body
    assert "Sveže" not in body and "Skriveno" not in body and "Druga opština" not in body
    assert "Promenjen je broj telefona." in body
    assert f"https://povratnici.example.org/admin/services/service/{old.pk}/change/" in body
    assert "https://povratnici.example.org/admin/services/updatesuggestion/" in body
    assert "127.0.0.1" not in body
    assert VerificationReminder.objects.get().stale_count == 2


def test_nothing_is_sent_when_there_is_nothing_to_say(tutin, emina):
    ServiceFactory(municipality=tutin, last_verified=TODAY)
    assert send()["nothing"] == 1
    assert mail.outbox == []
    assert not VerificationReminder.objects.exists()


def test_never_twice_in_the_same_week(tutin, emina):
    ServiceFactory(municipality=tutin)
    send()
    assert send(TODAY + datetime.timedelta(days=3))["this_week"] == 1  # Sunday
    assert len(mail.outbox) == 1
    assert send(TODAY + datetime.timedelta(days=4))["sent"] == 1  # Monday: a new week
    assert len(mail.outbox) == 2


def test_each_associate_reads_it_in_their_language(tutin, emina):
    ServiceFactory(municipality=tutin, name_sr_latn="Matična služba")
    besa = AssociateFactory(username="besa", email="besa@example.org", municipalities=[tutin])
    staff_language_set(user=besa, language="en")
    send()
    subjects = {message.to[0]: message.subject for message in mail.outbox}
    assert subjects == {
        "emina@example.org": "Portal za povratnike: 1 usluga za proveru",
        "besa@example.org": "Returnee Portal: 1 service to check",
    }


def test_the_language_is_the_one_the_associate_logs_in_with(client, emina):
    client.post(
        "/admin/login/",
        {"username": "emina", "password": "Tačna-lozinka-42"},
        HTTP_ACCEPT_LANGUAGE="de",
    )
    assert emina.staff_language.language == "de"


def test_associates_without_an_address_are_counted_not_mailed(tutin):
    AssociateFactory(username="nadira", email="", municipalities=[tutin])
    ServiceFactory(municipality=tutin)
    assert send()["no_address"] == 1
    assert mail.outbox == []


def test_a_failing_mail_server_records_nothing(tutin, emina, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_PORT = 1  # nothing listens there
    ServiceFactory(municipality=tutin)
    with pytest.raises(OSError):
        send()
    assert not VerificationReminder.objects.exists()


def test_the_command_says_what_it_did(tutin, emina):
    ServiceFactory(municipality=tutin)
    out = io.StringIO()
    call_command("send_verification_reminders", stdout=out)
    assert out.getvalue().startswith("Reminders sent: 1.")
    sent_at = VerificationReminder.objects.get().sent_at
    assert timezone.localdate(sent_at) == timezone.localdate()  # the day in Serbia, not UTC


@override_settings(SITE_URL="https://povratnici.example.org")
def test_create_associate_sets_the_language(tutin):
    call_command("create_associate", "ana", "--municipality", "tutin", "--language", "sq",
                 stdout=io.StringIO())  # fmt: skip
    assert User.objects.get(username="ana").staff_language.language == "sq"


def test_coordinators_see_who_was_reminded_and_associates_do_not(client, coordinator, tutin, emina):
    ServiceFactory(municipality=tutin)
    send()
    client.force_login(coordinator)
    url = "/admin/services/verificationreminder/"
    response = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200 and "emina" in response.text
    reminder = VerificationReminder.objects.get()
    assert client.post(f"{url}{reminder.pk}/change/", {"stale_count": 0}).status_code == 403
    client.force_login(emina)
    assert client.get(url).status_code == 403

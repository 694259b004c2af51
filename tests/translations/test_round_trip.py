"""The translator's round trip: download a language's texts as PO, translate them with a
translation tool (polib stands in for it: the file is written by the library, not by us), upload,
check the preview, confirm."""

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from returnee_portal.translation_review import (
    NEEDS_REVIEW,
    OUTDATED,
    REVIEWED,
    field_states,
)
from services.models import Service
from tests.factories import (
    AssociateFactory,
    CategoryFactory,
    GuideChapterFactory,
    MunicipalityFactory,
    ReviewerFactory,
    ServiceFactory,
)

pytestmark = pytest.mark.django_db

HOME = reverse("translations:home")


@pytest.fixture(autouse=True)
def _admin_in_english(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


@pytest.fixture
def tutin():
    return MunicipalityFactory(name_sr_latn="Tutin", slug="tutin")


@pytest.fixture
def office(tutin):
    """Romani: the name needs review, the hours are outdated, the documents are missing."""
    service = ServiceFactory(
        municipality=tutin,
        name_sr_latn="Matična služba Tutin",
        name_rom="Matično biro Tutin",
        opening_hours_sr_latn="7-15",
        opening_hours_rom="7-14",
        documents_sr_latn="Lična karta",
        description_sr_latn="Izvodi iz matičnih knjiga.",
        description_rom="Izvodi andar o matično lila.",
        translation_review={
            "rom": {"name": NEEDS_REVIEW, "opening_hours": OUTDATED, "description": REVIEWED}
        },
        categories=[CategoryFactory(name_sr_latn="Dokumenta", name_rom="Lila")],
    )
    return service


def download(client, headers=None, **params):
    response = client.get(HOME, {"language": "rom", **params}, headers=headers)
    assert response.status_code == 200, response.content[:500]
    return response, polib.pofile(response.content.decode())


def by_text(po):
    return {
        (entry.msgctxt.split(":")[0], entry.msgctxt.split(":")[2], entry.msgid): entry
        for entry in po
    }


def upload(client, po, name="rom.po"):
    """The file as the tool saves it (polib's own writer)."""
    content = str(po).encode()
    return client.post(reverse("translations:upload"), {"file": SimpleUploadedFile(name, content)})


def confirm(client, preview):
    return client.post(
        reverse("translations:confirm"), {"token": preview.context["token"]}, follow=True
    )


@override_settings(SITE_URL="https://povratnici.example.org")
def test_the_download_holds_every_text_to_translate_with_its_source(client, coordinator, office):
    client.force_login(coordinator)
    response, po = download(client, municipality="tutin", headers={"accept-language": "sr-latn"})
    assert response["Content-Disposition"] == (
        f'attachment; filename="prevodi-rom-tutin-{_today()}.po"'
    )
    assert po.metadata["Language"] == "rom"
    entries = by_text(po)
    name = entries["services.service", "name", "Matična služba Tutin"]
    assert name.msgstr == "Matično biro Tutin" and "fuzzy" in name.flags
    hours = entries["services.service", "opening_hours", "7-15"]
    assert hours.msgstr == "7-14" and "fuzzy" in hours.flags
    documents = entries["services.service", "documents", "Lična karta"]
    assert documents.msgstr == "" and "fuzzy" not in documents.flags
    # Context for the translator: what the text belongs to, its state, its page.
    assert "opening hours" in hours.comment or "radno vreme" in hours.comment
    assert f"https://povratnici.example.org/sr-latn/usluge/{office.slug}/" in hours.comment
    # The reviewed description is not handed out; the Tutin file has no guide chapter.
    assert ("services.service", "description", "Izvodi iz matičnih knjiga.") not in entries
    assert "services.municipality" in {key[0] for key in entries}
    assert "guides.guidechapter" not in {key[0] for key in entries}


def test_the_download_can_be_one_kind_of_content(client, coordinator, office):
    GuideChapterFactory(title_sr_latn="Prvi koraci")
    client.force_login(coordinator)
    _response, po = download(client, content="guides.guidechapter")
    assert {entry.msgctxt.split(":")[0] for entry in po} == {"guides.guidechapter"}
    assert "Prvi koraci" in {entry.msgid for entry in po}


def test_a_translated_file_comes_back_after_a_preview(client, coordinator, office):
    client.force_login(coordinator)
    _response, po = download(client)
    entries = by_text(po)
    documents = entries["services.service", "documents", "Lična karta"]
    documents.msgstr = "Lični kartica"
    hours = entries["services.service", "opening_hours", "7-15"]
    hours.msgstr = "7-15"
    hours.flags.remove("fuzzy")  # the translator checked it
    # Left fuzzy: not taken.
    entries["services.service", "name", "Matična služba Tutin"].msgstr = "Nevo anav"

    preview = upload(client, po)
    assert preview.status_code == 200
    changes = {(change.field, change.new_text) for change in preview.context["plan"].changes}
    assert changes == {("documents", "Lični kartica"), ("opening_hours", "7-15")}
    office.refresh_from_db()
    assert not office.documents_rom  # nothing saved before the confirm

    done = confirm(client, preview)
    assert done.redirect_chain[-1][0] == HOME
    office.refresh_from_db()
    assert office.documents_rom == "Lični kartica"
    assert office.opening_hours_rom == "7-15"
    assert office.name_rom == "Matično biro Tutin"
    # A coordinator's upload waits for a reviewer.
    assert field_states(obj=office, language="rom") == {
        "name": NEEDS_REVIEW,
        "description": REVIEWED,
        "documents": NEEDS_REVIEW,
        "opening_hours": NEEDS_REVIEW,
    }
    record = office.history.first()
    assert record.history_user == coordinator
    assert "rom.po" in record.history_change_reason
    assert office.version == 2
    assert "2 Romani translations saved." in done.text
    assert "Lični kartica" in client.get(f"/rom/usluge/{office.slug}/").text


def test_a_reviewers_upload_counts_as_reviewed(client, office):
    reviewer = ReviewerFactory()
    client.force_login(reviewer)
    assert client.get(reverse("admin:index")).status_code == 200
    _response, po = download(client)
    name = by_text(po)["services.service", "name", "Matična služba Tutin"]
    name.flags.remove("fuzzy")  # approved as it is
    confirm(client, upload(client, po))
    office.refresh_from_db()
    assert field_states(obj=office, language="rom")["name"] == REVIEWED
    assert office.history.first().history_user == reviewer


def test_a_changed_serbian_source_refuses_the_whole_file(client, coordinator, office):
    client.force_login(coordinator)
    _response, po = download(client)
    entries = by_text(po)
    entries["services.service", "documents", "Lična karta"].msgstr = "Lični kartica"
    entries["services.service", "opening_hours", "7-15"].msgstr = "7-16"
    entries["services.service", "opening_hours", "7-15"].flags.remove("fuzzy")
    Service.objects.filter(pk=office.pk).update(opening_hours_sr_latn="7-16")

    preview = upload(client, po)
    assert preview.status_code == 409
    assert preview.context["token"] == ""
    assert any("Serbian text has changed" in error for error in preview.context["plan"].errors)
    office.refresh_from_db()
    assert not office.documents_rom and office.opening_hours_rom == "7-14"


def test_a_translation_edited_in_the_admin_meanwhile_is_not_overwritten(
    client, coordinator, office
):
    client.force_login(coordinator)
    _response, po = download(client)
    entry = by_text(po)["services.service", "name", "Matična služba Tutin"]
    entry.msgstr = "Biro Tutin"
    entry.flags.remove("fuzzy")
    office.name_rom = "Matično biro ando Tutin"
    office.save()
    preview = upload(client, po)
    assert preview.status_code == 409
    office.refresh_from_db()
    assert office.name_rom == "Matično biro ando Tutin"


def test_a_change_between_preview_and_confirm_saves_nothing(client, coordinator, office):
    client.force_login(coordinator)
    _response, po = download(client)
    entries = by_text(po)
    entries["services.service", "documents", "Lična karta"].msgstr = "Lični kartica"
    preview = upload(client, po)
    assert preview.status_code == 200
    office.documents_sr_latn = "Lična karta ili pasoš"
    office.save()
    response = client.post(reverse("translations:confirm"), {"token": preview.context["token"]})
    assert response.status_code == 409
    office.refresh_from_db()
    assert not office.documents_rom


@pytest.mark.parametrize(
    "content",
    [b"/etc/passwd", b"\xff\xfe not text", b'msgid "unterminated\n', b"<xml/>"],
    ids=["a-path", "not-utf8", "broken-po", "not-po"],
)
def test_a_file_that_is_no_translation_file_is_refused(client, coordinator, content):
    client.force_login(coordinator)
    response = client.post(
        reverse("translations:upload"),
        {"file": SimpleUploadedFile("rom.po", content)},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 400
    assert "This is not a translation file" in response.text or "Language line" in response.text
    assert "root:" not in response.text


def test_entries_not_from_this_portal_are_refused(client, coordinator, office):
    client.force_login(coordinator)
    po = polib.POFile()
    po.metadata = {"Language": "rom", "Content-Type": "text/plain; charset=UTF-8"}
    po.append(polib.POEntry(msgctxt="auth.user:1:password:x", msgid="x", msgstr="y"))
    po.append(
        polib.POEntry(msgctxt=f"services.service:{office.pk + 99}:name:x", msgid="a", msgstr="b")
    )
    preview = upload(client, po)
    assert preview.status_code == 409
    assert len(preview.context["plan"].errors) == 2


def test_a_forged_or_expired_confirm_saves_nothing(client, coordinator, office):
    client.force_login(coordinator)
    versions = office.history.count()
    response = client.post(
        reverse("translations:confirm"), {"token": "forged"}, follow=True, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.redirect_chain[-1][0] == HOME
    assert "This upload has expired" in response.text
    assert office.history.count() == versions


def test_only_coordinators_and_reviewers_hand_out_translations(client, office, own_municipality):
    client.force_login(AssociateFactory(municipalities=[own_municipality]))
    assert client.get(HOME).status_code == 403
    assert client.get(HOME, {"language": "rom"}).status_code == 403
    assert client.post(reverse("translations:upload")).status_code == 403


def test_a_bad_choice_is_a_form_error(client, coordinator):
    client.force_login(coordinator)
    response = client.get(HOME, {"language": "xx", "content": "auth.user"})
    assert response.status_code == 400
    assert response.context["download"].errors.keys() == {"language", "content"}


def test_the_admin_home_links_the_translations_for_those_who_may(client, coordinator, associate):
    client.force_login(coordinator)
    assert HOME in client.get(reverse("admin:index")).text
    client.force_login(associate)
    assert HOME not in client.get(reverse("admin:index")).text


def _today():
    return timezone.localdate().isoformat()


def test_the_download_takes_as_many_queries_for_many_entries_as_for_few(client, coordinator, tutin):
    client.force_login(coordinator)

    def queries():
        with CaptureQueriesContext(connection) as context:
            download(client)
        return len(context)

    ServiceFactory.create_batch(3, municipality=tutin)
    few = queries()
    ServiceFactory.create_batch(40, municipality=tutin)
    assert queries() == few


def test_a_translation_too_long_for_its_field_refuses_the_file(client, coordinator, office):
    client.force_login(coordinator)
    _response, po = download(client)
    entries = by_text(po)
    entries["services.service", "documents", "Lična karta"].msgstr = "Lični kartica"
    hours = entries["services.service", "opening_hours", "7-15"]
    hours.msgstr = "7" * 201  # opening hours hold 200 characters
    hours.flags.remove("fuzzy")
    preview = upload(client, po)
    assert preview.status_code == 409
    [error] = preview.context["plan"].errors
    assert "longer than 200 characters" in error
    office.refresh_from_db()
    assert not office.documents_rom


def test_a_file_taken_back_as_it_was_changes_nothing(client, coordinator, office):
    client.force_login(coordinator)
    _response, po = download(client)
    name = by_text(po)["services.service", "name", "Matična služba Tutin"]
    name.flags.remove("fuzzy")  # still "needs review" when a coordinator uploads it
    preview = upload(client, po)
    plan = preview.context["plan"]
    assert (plan.changes, plan.unchanged, preview.context["token"]) == ([], 1, "")

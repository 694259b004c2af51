"""Translation review states: derived, kept in step with edits, approved in the admin, shown."""

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from returnee_portal.translation_review import (
    MISSING,
    NEEDS_REVIEW,
    OUTDATED,
    PARTIAL,
    REVIEWED,
    field_states,
    translation_mark_reviewed,
    translation_state,
    translation_states,
)
from services.models import Service
from tests.admin_pages import admin_url, form_data
from tests.factories import CategoryFactory, GuideChapterFactory, ProjectFactory, ServiceFactory

pytestmark = pytest.mark.django_db

UNCHECKED = "Translation not yet checked by a native speaker."
CHANGED = "Changed in Serbian since this translation was made: %(fields)s."


@pytest.fixture
def service():
    return ServiceFactory(
        name_sr_latn="Centar za socijalni rad",
        name_rom="Socijalno centro",
        name_sq="Qendra për punë sociale",
        name_de="Zentrum für Sozialarbeit",
        translation_review={"rom": NEEDS_REVIEW, "sq": REVIEWED, "de": REVIEWED},
        categories=[CategoryFactory()],
    )


def test_states_are_derived_per_language(service):
    assert translation_states(obj=service) == {
        "rom": NEEDS_REVIEW,
        "sq": REVIEWED,
        "de": REVIEWED,
        "en": MISSING,
    }
    # Text without a stored state has not been approved by anybody.
    service.translation_review = {"en": REVIEWED}
    service.name_en = ""
    assert translation_state(obj=service, language="rom") == NEEDS_REVIEW
    # A stored state does not make an empty translation exist.
    assert translation_state(obj=service, language="en") == MISSING


def test_editing_serbian_marks_the_translations_outdated(service):
    service.name_sr_latn = "Centar za socijalni rad Tutin"
    service.save()
    service.refresh_from_db()
    assert translation_states(obj=service) == {
        "rom": OUTDATED,
        "sq": OUTDATED,
        "de": OUTDATED,
        "en": MISSING,
    }


def test_a_translation_edited_with_the_source_needs_review(service):
    service.name_sr_latn = "Centar za socijalni rad Tutin"
    service.name_sq = "Qendra për punë sociale Tutin"
    service.save()
    assert service.translation_review == {
        "rom": {"name": OUTDATED},
        "sq": {"name": NEEDS_REVIEW},
        "de": {"name": OUTDATED},
    }


def test_a_save_without_text_changes_keeps_the_states(service):
    service.is_published = not service.is_published
    service.save()
    service.refresh_from_db()
    assert translation_states(obj=service) == {
        "rom": NEEDS_REVIEW,
        "sq": REVIEWED,
        "de": REVIEWED,
        "en": MISSING,
    }


def test_editing_serbian_in_the_admin_marks_reviewed_translations_outdated(
    client, coordinator, service
):
    client.force_login(coordinator)
    url = admin_url(service, "change")
    data = form_data(client, url)
    data["name_sr_latn"] = "Centar za socijalni rad Novi Pazar"
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    service.refresh_from_db()
    assert translation_state(obj=service, language="sq") == OUTDATED
    assert translation_state(obj=service, language="de") == OUTDATED


def test_editing_a_translation_in_the_admin_marks_it_for_review(client, coordinator, service):
    client.force_login(coordinator)
    url = admin_url(service, "change")
    data = form_data(client, url)
    data["name_de"] = "Zentrum für soziale Arbeit"
    data["name_en"] = "Centre for social work"
    data["translation_review"] = '{"de": "reviewed"}'  # no longer an editable field: ignored
    assert client.post(url, data).status_code == 302
    service.refresh_from_db()
    assert translation_states(obj=service) == {
        "rom": NEEDS_REVIEW,
        "sq": REVIEWED,
        "de": NEEDS_REVIEW,
        "en": NEEDS_REVIEW,
    }


def test_the_change_form_shows_the_states_read_only(client, coordinator, service):
    client.force_login(coordinator)
    response = client.get(admin_url(service, "change"), HTTP_ACCEPT_LANGUAGE="en")
    assert "translation_review" not in response.context["adminform"].form.fields
    assert "needs review: rom" in response.text
    assert "missing: en" in response.text


def test_mark_reviewed_action_bumps_the_version_and_records_history(client, coordinator, service):
    untranslated = ServiceFactory(categories=[CategoryFactory()])
    client.force_login(coordinator)
    version = service.version
    response = client.post(
        reverse("admin:services_service_changelist"),
        {"action": "mark_reviewed_rom", "_selected_action": [service.pk, untranslated.pk]},
    )
    assert response.status_code == 302
    service.refresh_from_db()
    untranslated.refresh_from_db()
    assert translation_state(obj=service, language="rom") == REVIEWED
    assert service.version == version + 1
    assert service.history.first().translation_review["rom"] == {"name": REVIEWED}
    assert service.history.first().history_user == coordinator
    # Nothing to review: left alone, no new version.
    assert untranslated.version == 1
    assert "rom" not in untranslated.translation_review


def test_mark_reviewed_leaves_a_missing_translation_missing(service):
    assert translation_mark_reviewed(obj=service, language="en") is False
    assert "en" not in service.translation_review


def test_mark_reviewed_then_serbian_edit_makes_it_outdated(client, coordinator, service):
    client.force_login(coordinator)
    client.post(
        reverse("admin:services_service_changelist"),
        {"action": "mark_reviewed_rom", "_selected_action": [service.pk]},
    )
    service.refresh_from_db()
    service.name_sr_latn = "Centar za socijalni rad Sjenica"
    service.save()
    assert translation_state(obj=service, language="rom") == OUTDATED


def test_list_filter_returns_the_entries_in_that_state(client, coordinator, service):
    other = ServiceFactory(
        name_rom="Sastipasko kher",
        translation_review={"rom": OUTDATED},
        categories=[CategoryFactory()],
    )
    untranslated = ServiceFactory(categories=[CategoryFactory()])
    client.force_login(coordinator)
    url = reverse("admin:services_service_changelist")

    def listed(value):
        response = client.get(url, {"translation_state": value})
        assert response.status_code == 200
        return {obj.pk for obj in response.context["cl"].result_list}

    assert listed("rom:needs_review") == {service.pk}
    assert listed("rom:outdated") == {other.pk}
    assert listed("rom:missing") == {untranslated.pk}
    assert listed("sq:reviewed") == {service.pk}
    assert listed("de:outdated") == set()


def test_changelist_shows_the_state_column_and_filter(client, coordinator, service):
    client.force_login(coordinator)
    response = client.get(reverse("admin:services_service_changelist"), HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert "Translation state" in response.text
    assert "Romani: outdated" in response.text
    assert "Mark Romani translation as reviewed" in response.text


@pytest.mark.parametrize(
    ("state", "notice"), [(NEEDS_REVIEW, UNCHECKED), (OUTDATED, CHANGED), (REVIEWED, None)]
)
def test_public_service_page_notice_in_romani(client, service, state, notice):
    Service.objects.filter(pk=service.pk).update(translation_review={"rom": state})
    html = client.get(f"/rom/usluge/{service.slug}/").text
    assert "Socijalno centro" in html
    if notice is None:
        assert "review-note" not in html
    else:
        assert html.count('class="review-note"') == 1
        with translation.override("rom"):
            assert gettext(notice) % {"fields": gettext("name")} in html


def test_no_notice_in_serbian_or_for_a_missing_translation(client, service):
    assert "review-note" not in client.get(f"/sr-latn/usluge/{service.slug}/").text
    assert "review-note" not in client.get(f"/en/usluge/{service.slug}/").text


def test_notice_on_guide_chapter_and_project_pages(client):
    chapter = GuideChapterFactory(
        title_rom="Angluno", is_published=True, translation_review={"rom": OUTDATED}
    )
    project = ProjectFactory(title_rom="Projekto")
    assert "review-note" in client.get(f"/rom/vodic/{chapter.slug}/").text
    assert "review-note" in client.get(f"/rom/projekti/{project.slug}/").text


@pytest.fixture
def described():
    """A service with a reviewed English and an unchecked Romani name and description."""
    return ServiceFactory(
        name_sr_latn="Dom zdravlja",
        name_en="Health centre",
        name_rom="Sastipasko kher",
        description_sr_latn="Lekari opšte prakse.",
        description_en="General practitioners.",
        description_rom="Doktora.",
        translation_review={"en": REVIEWED, "rom": NEEDS_REVIEW},
        categories=[CategoryFactory()],
    )


def test_a_new_serbian_field_outdates_no_translation(described):
    described.opening_hours_sr_latn = "7-20"
    described.save()
    described.refresh_from_db()
    assert field_states(obj=described, language="en") == {
        "name": REVIEWED,
        "description": REVIEWED,
        "opening_hours": MISSING,
    }
    assert field_states(obj=described, language="rom") == {
        "name": NEEDS_REVIEW,
        "description": NEEDS_REVIEW,
        "opening_hours": MISSING,
    }
    assert translation_states(obj=described)["en"] == PARTIAL


def test_a_changed_serbian_field_outdates_only_its_translations(client, described):
    described.description_sr_latn = "Lekari opšte prakse i pedijatri."
    described.save()
    described.refresh_from_db()
    assert field_states(obj=described, language="en") == {
        "name": REVIEWED,
        "description": OUTDATED,
    }
    assert translation_states(obj=described)["rom"] == OUTDATED
    html = client.get(f"/en/usluge/{described.slug}/").text
    assert "Changed in Serbian since this translation was made: description." in html
    with translation.override("rom"):
        notice = gettext(CHANGED) % {"fields": gettext("description")}
    assert notice in client.get(f"/rom/usluge/{described.slug}/").text


def test_the_admin_column_and_form_name_the_fields_behind(client, coordinator, described):
    described.opening_hours_sr_latn = "7-20"
    described.description_sr_latn = "Lekari opšte prakse i pedijatri."
    described.save()
    client.force_login(coordinator)
    response = client.get(reverse("admin:services_service_changelist"), HTTP_ACCEPT_LANGUAGE="en")
    assert (
        'title="rom: description; en: description">outdated: rom (1), en (1)</span>'
        in response.text
    )
    response = client.get(admin_url(described, "change"), HTTP_ACCEPT_LANGUAGE="en")
    assert "Missing: opening hours. Outdated: description. Reviewed: name." in response.text
    assert "Missing: opening hours. Outdated: description. Needs review: name." in response.text


def test_the_list_filter_finds_partly_translated_entries(client, coordinator, described):
    described.opening_hours_sr_latn = "7-20"
    described.save()
    client.force_login(coordinator)
    response = client.get(
        reverse("admin:services_service_changelist"), {"translation_state": "en:partial"}
    )
    assert [obj.pk for obj in response.context["cl"].result_list] == [described.pk]


def test_a_stored_plain_state_holds_for_every_field(described):
    described.translation_review = {"en": OUTDATED}
    assert field_states(obj=described, language="en") == {
        "name": OUTDATED,
        "description": OUTDATED,
    }

"""Translation review states: derived, kept in step with edits, approved in the admin, shown."""

import pytest
from django.urls import reverse

from returnee_portal.translation_review import (
    MISSING,
    NEEDS_REVIEW,
    OUTDATED,
    REVIEWED,
    translation_mark_reviewed,
    translation_state,
    translation_states,
)
from services.models import Service
from tests.admin_pages import admin_url, form_data
from tests.factories import CategoryFactory, GuideChapterFactory, ProjectFactory, ServiceFactory

pytestmark = pytest.mark.django_db

UNCHECKED = "Translation not yet checked by a native speaker."
CHANGED = "The Serbian text has changed since this translation was made."


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
    assert service.translation_review == {"rom": OUTDATED, "sq": NEEDS_REVIEW, "de": OUTDATED}


def test_a_save_without_text_changes_keeps_the_states(service):
    service.is_published = not service.is_published
    service.save()
    service.refresh_from_db()
    assert service.translation_review == {"rom": NEEDS_REVIEW, "sq": REVIEWED, "de": REVIEWED}


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
    assert "rom: needs review" in response.text
    assert "en: missing" in response.text


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
    assert service.history.first().translation_review["rom"] == REVIEWED
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

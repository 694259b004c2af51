"""History: every save records who changed what; coordinators revert, associates only look."""

import pytest
from django.utils.html import strip_tags

from tests.admin_pages import admin_url, form_data
from tests.factories import CategoryFactory, OrganizationFactory, ServiceFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def service(own_municipality):
    return ServiceFactory(
        name_sr_latn="Matična služba",
        municipality=own_municipality,
        organization=OrganizationFactory(municipality=own_municipality),
        categories=[CategoryFactory()],
    )


def rename_in_admin(client, service, name):
    url = admin_url(service, "change")
    data = form_data(client, url)
    data["name_sr_latn"] = name
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors


def test_a_save_shows_in_the_history_with_who_and_what_changed(client, coordinator, service):
    client.force_login(coordinator)
    rename_in_admin(client, service, "Matična služba Novi Pazar")

    record = service.history.latest()
    assert record.history_user == coordinator
    assert "name_sr_latn" in record.diff_against(record.prev_record).changed_fields
    response = client.get(admin_url(service, "history"), HTTP_ACCEPT_LANGUAGE="en")
    assert "coordinator" in response.text
    latest = response.context["page_obj"][0]
    # Each field once, as the form names it; untouched fields, the version and the time of
    # the save are not listed.
    assert latest.history_delta_changes == [
        {
            "field": "Name (Serbian (Latin))",
            "old": "Matična služba",
            "new": "Matična služba Novi Pazar",
        }
    ]


def test_history_keeps_every_language_column(service):
    columns = {field.name for field in service.history.model._meta.fields}
    assert {f"name_{code}" for code in ("sr_latn", "rom", "sq", "de", "en")} <= columns


def test_coordinator_reverts_a_service_to_its_earlier_name(client, coordinator, service):
    client.force_login(coordinator)
    rename_in_admin(client, service, "Pogrešan naziv")
    original = service.history.earliest()
    revert_url = admin_url(service, "simple_history", original.history_id)
    history = client.get(admin_url(service, "history"), HTTP_ACCEPT_LANGUAGE="en").text
    assert revert_url in history

    page = client.get(revert_url, HTTP_ACCEPT_LANGUAGE="en").text
    assert 'value="Revert"' in page
    response = client.post(revert_url, form_data(client, revert_url))

    assert response.status_code == 302
    public = client.get(f"/sr-latn/usluge/{service.slug}/").text
    assert "Matična služba" in public
    assert "Pogrešan naziv" not in public
    assert service.history.latest().history_user == coordinator


def test_associate_sees_their_services_history_but_cannot_revert(
    client, coordinator, associate, service
):
    client.force_login(coordinator)
    rename_in_admin(client, service, "Novi naziv")
    client.force_login(associate)
    revert_url = admin_url(service, "simple_history", service.history.earliest().history_id)

    assert "Novi naziv" in client.get(admin_url(service, "history")).text
    assert 'value="Revert"' not in client.get(revert_url, HTTP_ACCEPT_LANGUAGE="en").text
    response = client.post(revert_url, form_data(client, revert_url))

    assert response.status_code == 403
    service.refresh_from_db()
    assert service.name_sr_latn == "Novi naziv"


def test_associate_cannot_see_another_municipalitys_history(
    client, associate, foreign_municipality
):
    foreign = ServiceFactory(municipality=foreign_municipality, name_sr_latn="Tajna usluga")
    client.force_login(associate)
    response = client.get(admin_url(foreign, "history"))
    assert response.status_code in (403, 404)
    version = admin_url(foreign, "simple_history", foreign.history.earliest().history_id)
    assert "Tajna usluga" not in client.get(version).content.decode()


def test_a_change_of_categories_is_recorded_too(client, coordinator, service):
    health = CategoryFactory(name_sr_latn="Zdravstvena zaštita")
    old = list(service.categories.all())
    client.force_login(coordinator)
    url = admin_url(service, "change")
    data = form_data(client, url)
    data["categories"] = [health.pk, *(category.pk for category in old)]
    assert client.post(url, data).status_code == 302

    record = service.history.latest()
    assert health in [link.category for link in record.categories.all()]
    assert "categories" in record.diff_against(record.prev_record).changed_fields
    response = client.get(admin_url(service, "history"), HTTP_ACCEPT_LANGUAGE="en")
    [change] = response.context["page_obj"][0].history_delta_changes
    assert change["field"] == "Categories"
    assert change["new"] == ", ".join(sorted([str(health), *map(str, old)]))


def test_the_history_reads_in_serbian_with_states_as_words_and_empty_as_empty(
    client, coordinator, service
):
    """The page associates read: nothing in English, no raw data, each field once."""
    service.name_rom = "Matično biro"
    service.translation_review = {"rom": {"name": "reviewed"}}
    service.save()
    client.force_login(coordinator)
    url = admin_url(service, "change")
    data = form_data(client, url)
    data["opening_hours_sr_latn"] = "radnim danima 7-15"
    data["last_verified"] = "14.03.2026."
    assert client.post(url, data).status_code == 302
    rename_in_admin(client, service, "Matična služba Novi Pazar")

    response = client.get(admin_url(service, "history"), HTTP_ACCEPT_LANGUAGE="sr-latn")
    text = " ".join(strip_tags(response.text).split())
    for english in ("Object", "Changed by", "Change reason", "Created", "None", "pk=None", "{'"):
        assert english not in text
    assert "Istorija: Matična služba Novi Pazar" in text
    rename, hours, review, *_older = response.context["page_obj"]
    assert {change["field"] for change in hours.history_delta_changes} == {
        "Radno vreme (srpski (latinica))",
        "Poslednja provera",
    }
    verified = next(c for c in hours.history_delta_changes if c["field"] == "Poslednja provera")
    assert (verified["old"], verified["new"]) == ("-", "14. mart 2026.")
    # The review states as words; renaming outdated only the Romani name.
    [state] = [c for c in rename.history_delta_changes if c["field"] == "Provera prevoda"]
    assert state["old"] == "romski: proveren"
    assert state["new"] == "romski: zastareo"


def test_the_history_writes_links_switches_and_choices_as_words(client, coordinator, service):
    """ "Verified by" empty as "-" (not "Deleted user (pk=None)"), then a person since deleted;
    published as yes/no; an organization's kind as its name; mixed review states per field;
    Cyrillic corrections by the field they correct."""
    checker = UserFactory(username="jelena")
    service.verified_by = checker
    service.is_published = False
    service.name_rom = "Matično biro"
    service.opening_hours_sr_latn = "7-15"
    service.opening_hours_rom = "7-15"
    service.translation_review = {"rom": {"name": "reviewed", "opening_hours": "outdated"}}
    service.cyrillic = {"name": {"text": "Матична служба", "source": "Matična služba"}}
    service.save()
    checker_pk = checker.pk
    checker.delete()
    organization = service.organization
    organization.kind = "ngo"
    organization.save()
    client.force_login(coordinator)

    response = client.get(admin_url(service, "history"), HTTP_ACCEPT_LANGUAGE="en")
    changes = {
        c["field"]: (c["old"], c["new"])
        for c in response.context["page_obj"][0].history_delta_changes
    }
    # The person who verified was deleted since: the version still says who it was not.
    assert changes["Verified by"] == ("-", f"deleted (id {checker_pk})")
    assert changes["Published"] == ("yes", "no")
    # The new Romani hours need review whatever was stored with them: a text edit does that.
    assert changes["Translation review"][1] == "Romani: name reviewed, opening hours needs review"
    assert changes["Cyrillic corrections"] == ("-", "Name")
    response = client.get(admin_url(organization, "history"), HTTP_ACCEPT_LANGUAGE="en")
    kinds = [
        c for c in response.context["page_obj"][0].history_delta_changes if c["field"] == "Kind"
    ]
    assert kinds == [
        {"field": "Kind", "old": kinds[0]["old"], "new": "non-governmental organisation"}
    ]

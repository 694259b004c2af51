"""History: every save records who changed what; coordinators revert, associates only look."""

import pytest
from django.utils.html import strip_tags

from tests.admin_pages import admin_url, form_data
from tests.factories import CategoryFactory, OrganizationFactory, ServiceFactory

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
    html = client.get(admin_url(service, "history"), HTTP_ACCEPT_LANGUAGE="en").text
    assert "coordinator" in html
    text = " ".join(strip_tags(html).replace("&nbsp;", " ").replace("&rarr;", "→").split())
    assert "Name [sr-latn]: Matična služba → Matična služba Novi Pazar" in text
    assert "Description [de]" not in text  # untouched fields are not listed


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
    client.force_login(coordinator)
    url = admin_url(service, "change")
    data = form_data(client, url)
    data["categories"] = [health.pk]
    assert client.post(url, data).status_code == 302

    record = service.history.latest()
    assert [link.category for link in record.categories.all()] == [health]
    assert "categories" in record.diff_against(record.prev_record).changed_fields
    html = client.get(admin_url(service, "history"), HTTP_ACCEPT_LANGUAGE="en").text
    assert "Zdravstvena zaštita" in strip_tags(html)

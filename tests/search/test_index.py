"""The index follows the content: every save, delete, import and revert is findable at once."""

import pytest
import tablib
from django.core.management import call_command

from search.index import search_index_fill_if_empty
from search.models import SearchEntry
from search.selectors import search_query
from services.resources import ServiceResource
from tests.admin_pages import admin_url, form_data
from tests.factories import CategoryFactory, OrganizationFactory, ServiceFactory

pytestmark = pytest.mark.django_db


def finds(client, text, language="en"):
    return client.get(f"/{language}/pretraga/", {"q": text}).text.split("<main", 1)[1]


@pytest.fixture
def service(own_municipality):
    return ServiceFactory(
        slug="maticna-sluzba",
        municipality=own_municipality,
        organization=OrganizationFactory(
            municipality=own_municipality, name_sr_latn="Gradska uprava"
        ),
        name_sr_latn="Matična služba",
        categories=[CategoryFactory(name_sr_latn="Dokumenta")],
    )


def test_a_saved_change_is_found_and_the_old_text_no_longer(client, service):
    service.name_sr_latn = "Knjige rođenih"
    service.save()
    assert "maticna-sluzba" in finds(client, "knjige rodjenih")
    assert "maticna-sluzba" not in finds(client, "maticna")


def test_unpublished_and_deleted_entries_leave_the_index(client, service):
    service.is_published = False
    service.save()
    assert "maticna-sluzba" not in finds(client, "maticna")
    service.is_published = True
    service.save()
    assert "maticna-sluzba" in finds(client, "maticna")
    service.delete()
    assert not SearchEntry.objects.filter(kind="service").exists()


def test_what_a_service_is_found_by_changes_with_its_links(client, service):
    health = CategoryFactory(name_sr_latn="Zdravstvena zaštita")
    service.categories.add(health)
    assert "maticna-sluzba" in finds(client, "zdravstvena")
    health.name_sr_latn = "Zdravlje"
    health.save()
    assert "maticna-sluzba" in finds(client, "zdravlje")
    assert "maticna-sluzba" not in finds(client, "zdravstvena")
    service.categories.remove(health)
    assert "maticna-sluzba" not in finds(client, "zdravlje")
    service.organization.name_sr_latn = "Opštinska uprava"
    service.organization.save()
    assert "maticna-sluzba" in finds(client, "opstinska")
    health.services.add(service)  # from the other side of the link
    assert "maticna-sluzba" in finds(client, "zdravlje")
    health.delete()
    assert "maticna-sluzba" not in finds(client, "zdravlje")


def test_an_import_is_found_and_a_rolled_back_preview_is_not(client, coordinator, service):
    resource = ServiceResource()
    dataset = tablib.Dataset()
    dataset.dict = resource.export(queryset=type(service).objects.all()).dict
    row = dataset.dict[0]
    row["name_sr_latn"] = "Izvodi iz knjiga"
    dataset.dict = [row]
    preview = resource.import_data(dataset, dry_run=True, user=coordinator)
    assert not preview.has_errors()
    assert "maticna-sluzba" not in finds(client, "izvodi")
    ServiceResource().import_data(dataset, dry_run=False, user=coordinator)
    assert "maticna-sluzba" in finds(client, "izvodi")


def test_a_revert_is_found(client, coordinator, service):
    client.force_login(coordinator)
    url = admin_url(service, "change")
    data = form_data(client, url)
    data["name_sr_latn"] = "Pogrešan naziv"
    assert client.post(url, data).status_code == 302
    assert "maticna-sluzba" in finds(client, "pogresan")
    revert_url = admin_url(service, "simple_history", service.history.earliest().history_id)
    assert client.post(revert_url, form_data(client, revert_url)).status_code == 302
    assert "maticna-sluzba" in finds(client, "maticna")
    assert "maticna-sluzba" not in finds(client, "pogresan")


def test_rebuilding_gives_the_same_index(service):
    before = set(SearchEntry.objects.values_list("kind", "object_id", "language", "text"))
    SearchEntry.objects.all().delete()
    assert search_query(raw="maticna")  # nothing to find now
    call_command("search_reindex", stdout=open("/dev/null", "w"))  # noqa: SIM115
    after = set(SearchEntry.objects.values_list("kind", "object_id", "language", "text"))
    assert after == before
    SearchEntry.objects.all().delete()
    search_index_fill_if_empty()  # what `migrate` does after an upgrade
    assert set(SearchEntry.objects.values_list("kind", "object_id", "language", "text")) == before

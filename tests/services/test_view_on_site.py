"""The admin's "View on site" (/admin/r/<content type>/<id>/) leads only to entries the user
may view in the admin: an associate gets the same 404 for another municipality's entry as
for one that does not exist."""

import pytest
from django.contrib.contenttypes.models import ContentType

from services.models import Service
from tests.factories import ServiceFactory

pytestmark = pytest.mark.django_db


def view_on_site(client, obj_or_pk, model=Service):
    content_type = ContentType.objects.get_for_model(model).pk
    pk = getattr(obj_or_pk, "pk", obj_or_pk)
    return client.get(f"/admin/r/{content_type}/{pk}/")


def test_an_associate_is_sent_to_the_page_of_their_own_entry(associate_client, own_municipality):
    own = ServiceFactory(municipality=own_municipality, slug="maticna-sluzba")
    response = view_on_site(associate_client, own)
    assert response.status_code == 302
    assert response.url.endswith("/usluge/maticna-sluzba/")


def test_another_municipalitys_unpublished_entry_is_indistinguishable_from_none(
    associate_client, foreign_municipality
):
    hidden = ServiceFactory(
        municipality=foreign_municipality, slug="tajna-usluga", is_published=False
    )
    missing = view_on_site(associate_client, hidden.pk + 1000)
    foreign = view_on_site(associate_client, hidden)
    assert foreign.status_code == missing.status_code == 404
    assert "tajna-usluga" not in foreign.text
    assert foreign.text.replace(f"/{hidden.pk}/", "/ID/") == missing.text.replace(
        f"/{hidden.pk + 1000}/", "/ID/"
    )


def test_a_coordinator_is_sent_to_any_entry(client, coordinator, foreign_municipality):
    client.force_login(coordinator)
    entry = ServiceFactory(municipality=foreign_municipality, slug="pirot-usluga")
    assert view_on_site(client, entry).url.endswith("/usluge/pirot-usluga/")


def test_odd_ids_and_content_types_are_404(associate_client):
    assert associate_client.get("/admin/r/999999/1/").status_code == 404
    assert view_on_site(associate_client, "abc").status_code == 404
    assert view_on_site(associate_client, "1", model=ContentType).status_code == 404


def test_without_a_login_it_asks_for_one(client, own_municipality):
    entry = ServiceFactory(municipality=own_municipality)
    response = view_on_site(client, entry)
    assert response.status_code == 302
    assert response.url.startswith("/admin/login/")

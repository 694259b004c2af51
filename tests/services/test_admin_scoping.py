"""Who may do what in the admin: associates their municipalities' entries, coordinators all.

The matrix runs every role x model x action through the admin as a browser would, including
forged requests for objects the admin never offered, and checks the database afterwards.
"""

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.urls import reverse

from services.models import Service
from tests.admin_pages import admin_url, form_data
from tests.factories import (
    CategoryFactory,
    GuideChapterFactory,
    MunicipalityFactory,
    OpenCallFactory,
    OrganizationFactory,
    ProjectFactory,
    ServiceFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

EDIT = "edit"  # listed, opened, added, changed, deleted
READ = "read"  # listed and opened read-only; every write answered 403
HIDDEN = "hidden"  # the model is theirs, this object is not: as if it did not exist
NONE = "none"  # the whole model answers 403

MATRIX = [
    ("associate", "services.organization", "own", EDIT),
    ("associate", "services.organization", "foreign", HIDDEN),
    ("associate", "services.organization", "national", HIDDEN),
    ("associate", "services.service", "own", EDIT),
    ("associate", "services.service", "foreign", HIDDEN),
    ("associate", "guides.guidechapter", "-", NONE),
    ("associate", "services.project", "-", NONE),
    ("associate", "services.opencall", "-", NONE),
    ("associate", "services.category", "-", READ),
    ("associate", "services.municipality", "-", READ),
    ("associate", "auth.user", "-", NONE),
    ("associate", "auth.group", "-", NONE),
    ("coordinator", "services.organization", "own", EDIT),
    ("coordinator", "services.organization", "foreign", EDIT),
    ("coordinator", "services.organization", "national", EDIT),
    ("coordinator", "services.service", "foreign", EDIT),
    ("coordinator", "guides.guidechapter", "-", EDIT),
    ("coordinator", "services.project", "-", EDIT),
    ("coordinator", "services.opencall", "-", EDIT),
    ("coordinator", "services.category", "-", EDIT),
    ("coordinator", "services.municipality", "-", EDIT),
    ("coordinator", "auth.user", "-", NONE),
    ("coordinator", "auth.group", "-", NONE),
]

NAME_FIELDS = {
    "guides.guidechapter": "title_sr_latn",
    "services.project": "title_sr_latn",
    "services.opencall": "title_sr_latn",
    "auth.user": "username",
    "auth.group": "name",
}


def object_create(model, where, *, own, foreign):
    """An object of `model` in the associate's municipality, another one, or none (national)."""
    municipality = {"own": own, "foreign": foreign, "national": None}.get(where)
    makers = {
        "services.organization": lambda: OrganizationFactory(municipality=municipality),
        "services.service": lambda: ServiceFactory(
            municipality=municipality,
            organization=OrganizationFactory(municipality=municipality),
            categories=[CategoryFactory()],
        ),
        "guides.guidechapter": GuideChapterFactory,
        "services.project": ProjectFactory,
        "services.opencall": OpenCallFactory,
        "services.category": CategoryFactory,
        "services.municipality": MunicipalityFactory,
        "auth.user": UserFactory,
        "auth.group": lambda: Group.objects.create(name="Volonteri"),
    }
    return makers[model]()


def name_of(obj):
    return getattr(obj, NAME_FIELDS.get(obj._meta.label_lower, "name_sr_latn"))


def still_there(obj):
    return type(obj).objects.filter(pk=obj.pk).exists()


def check_list(client, admin_client, obj, access):
    response = client.get(admin_url(obj, "changelist"))
    if access == NONE:
        assert response.status_code == 403
        return
    assert response.status_code == 200
    assert (admin_url(obj, "change") in response.text) == (access in (EDIT, READ))


def check_view(client, admin_client, obj, access):
    response = client.get(admin_url(obj, "change"))
    expected = {EDIT: 200, READ: 200, HIDDEN: 302, NONE: 403}[access]
    assert response.status_code == expected
    if access == HIDDEN:
        assert response.url == reverse("admin:index")  # "... doesn't exist. Perhaps deleted?"
    if expected == 200:
        assert ('name="_save"' in response.text) == (access == EDIT)


def check_add(client, admin_client, obj, access):
    model = type(obj)
    data = form_data(admin_client, admin_url(obj, "change"))
    data[NAME_FIELDS.get(model._meta.label_lower, "name_sr_latn")] = "Dodato"
    if "slug" in data:
        data["slug"] = "dodato"
    count = model.objects.count()
    response = client.post(admin_url(obj, "add"), data)
    # HIDDEN: the new object would be in another (or no) municipality - the form refuses it.
    expected = {EDIT: 302, READ: 403, HIDDEN: 200, NONE: 403}[access]
    assert response.status_code == expected
    assert model.objects.count() == count + (access == EDIT)
    if access == HIDDEN:
        assert response.context["adminform"].form.errors["municipality"]


def check_change(client, admin_client, obj, access):
    before = name_of(obj)
    data = form_data(admin_client, admin_url(obj, "change"))
    data[NAME_FIELDS.get(obj._meta.label_lower, "name_sr_latn")] = "Promenjeno"
    response = client.post(admin_url(obj, "change"), data)
    expected = {EDIT: 302, READ: 403, HIDDEN: 302, NONE: 403}[access]
    assert response.status_code == expected
    if access == HIDDEN:
        assert response.url == reverse("admin:index")
    obj.refresh_from_db()
    assert name_of(obj) == ("Promenjeno" if access == EDIT else before)


def check_delete(client, admin_client, obj, access):
    response = client.post(admin_url(obj, "delete"), {"post": "yes"})
    expected = {EDIT: 302, READ: 403, HIDDEN: 302, NONE: 403}[access]
    assert response.status_code == expected
    assert still_there(obj) == (access != EDIT)


def check_bulk_delete(client, admin_client, obj, access):
    data = {"action": "delete_selected", "_selected_action": [obj.pk], "post": "yes"}
    response = client.post(admin_url(obj, "changelist"), data)
    # READ: no delete action is offered, the list is shown again.
    expected = {EDIT: 302, READ: 200, HIDDEN: 302, NONE: 403}[access]
    assert response.status_code == expected
    assert still_there(obj) == (access != EDIT)


CHECKS = {
    "list": check_list,
    "view": check_view,
    "add": check_add,
    "change": check_change,
    "delete": check_delete,
    "bulk delete": check_bulk_delete,
}


@pytest.mark.parametrize("action", CHECKS)
@pytest.mark.parametrize(
    ("role", "model", "where", "access"),
    MATRIX,
    ids=[f"{role}-{model}-{where}" for role, model, where, _ in MATRIX],
)
def test_permission_matrix(
    request, client, admin_client, own_municipality, foreign_municipality, role, model, where,
    access, action,
):  # fmt: skip
    assert apps.get_model(model)  # a typo in MATRIX fails here, not as a false pass
    obj = object_create(model, where, own=own_municipality, foreign=foreign_municipality)
    client.force_login(request.getfixturevalue(role))
    CHECKS[action](client, admin_client, obj, access)


@pytest.fixture
def own_service(own_municipality):
    return ServiceFactory(
        name_sr_latn="Matična služba Novi Pazar",
        municipality=own_municipality,
        organization=OrganizationFactory(
            name_sr_latn="Gradska uprava Novi Pazar", municipality=own_municipality
        ),
        categories=[CategoryFactory()],
    )


def test_associate_cannot_move_a_service_to_another_municipality(
    client, admin_client, associate, own_service, own_municipality, foreign_municipality
):
    data = form_data(admin_client, admin_url(own_service, "change"))
    data["municipality"] = foreign_municipality.pk
    client.force_login(associate)
    response = client.post(admin_url(own_service, "change"), data, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert "Choose one of the municipalities you look after." in response.text
    own_service.refresh_from_db()
    assert own_service.municipality == own_municipality


def test_associate_cannot_give_a_service_another_municipalitys_organization(
    client, admin_client, associate, own_service, foreign_municipality
):
    foreign_organization = OrganizationFactory(municipality=foreign_municipality)
    data = form_data(admin_client, admin_url(own_service, "change"))
    data["organization"] = foreign_organization.pk
    client.force_login(associate)
    response = client.post(admin_url(own_service, "change"), data, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert "Choose an organization of your municipalities or a national one." in response.text
    assert Service.objects.get(pk=own_service.pk).organization != foreign_organization


def test_associate_service_form_offers_only_their_places_and_organizations(
    client, associate, coordinator, own_service, foreign_municipality
):
    OrganizationFactory(name_sr_latn="Nacionalna služba za zapošljavanje", municipality=None)
    OrganizationFactory(name_sr_latn="Crveni krst Pirot", municipality=foreign_municipality)
    client.force_login(associate)
    html = client.get(reverse("admin:services_service_add")).text
    assert ">Novi Pazar</option>" in html
    assert ">Gradska uprava Novi Pazar</option>" in html
    assert ">Nacionalna služba za zapošljavanje</option>" in html
    assert ">Pirot</option>" not in html
    assert "Crveni krst Pirot" not in html
    assert ">associate</option>" in html  # "verified by" offers only themselves
    assert ">coordinator</option>" not in html


def test_associate_changelist_lists_only_their_entries(
    client, associate, own_service, foreign_municipality
):
    ServiceFactory(name_sr_latn="Dom zdravlja Pirot", municipality=foreign_municipality)
    client.force_login(associate)
    html = client.get(reverse("admin:services_service_changelist")).text
    assert "Matična služba Novi Pazar" in html
    assert "Dom zdravlja Pirot" not in html


def test_bulk_delete_with_a_forged_foreign_id_deletes_only_their_own(
    client, associate, own_service, foreign_municipality
):
    foreign = ServiceFactory(municipality=foreign_municipality)
    client.force_login(associate)
    response = client.post(
        reverse("admin:services_service_changelist"),
        {"action": "delete_selected", "_selected_action": [own_service.pk, foreign.pk], "post": 1},
    )
    assert response.status_code == 302
    assert list(Service.objects.all()) == [foreign]


def test_associate_without_municipalities_sees_no_entries(client, own_service):
    from tests.factories import AssociateFactory

    client.force_login(AssociateFactory(municipalities=[]))
    html = client.get(reverse("admin:services_service_changelist")).text
    assert own_service.name_sr_latn not in html


def test_associate_keeps_only_the_public_contact_of_their_own_municipality(
    client, admin_client, associate, own_municipality, foreign_municipality
):
    data = form_data(admin_client, admin_url(own_municipality, "change"))
    data.update(
        name_sr_latn="Preimenovano",
        associate_name_sr_latn="Kancelarija za povratnike",
        associate_phone="020 811 111",
        associate_email="povratnici@example.org",
    )
    client.force_login(associate)
    form = client.get(admin_url(own_municipality, "change")).text
    assert 'name="associate_phone"' in form
    assert 'name="name_sr_latn"' not in form  # shown, not editable
    response = client.post(admin_url(own_municipality, "change"), data)
    assert response.status_code == 302
    own_municipality.refresh_from_db()
    assert own_municipality.name_sr_latn == "Novi Pazar"
    assert own_municipality.associate_phone == "020 811 111"
    assert own_municipality.associate_name_sr_latn == "Kancelarija za povratnike"
    assert own_municipality.history.latest().history_user == associate

    foreign = form_data(admin_client, admin_url(foreign_municipality, "change"))
    foreign["associate_phone"] = "020 999 999"
    assert 'name="_save"' not in client.get(admin_url(foreign_municipality, "change")).text
    assert client.post(admin_url(foreign_municipality, "change"), foreign).status_code == 403
    foreign_municipality.refresh_from_db()
    assert foreign_municipality.associate_phone == ""
    assert client.post(admin_url(own_municipality, "delete"), {"post": "yes"}).status_code == 403
    assert client.get(admin_url(own_municipality, "add")).status_code == 403
    # The list offers no action an associate could run on other municipalities.
    assert 'name="action"' not in client.get(admin_url(own_municipality, "changelist")).text

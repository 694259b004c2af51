"""The admin: every model editable, language fields grouped per language, search works."""

import pytest
from django.apps import apps
from django.contrib import admin
from django.urls import reverse

from tests.factories import CategoryFactory, ServiceFactory

pytestmark = pytest.mark.django_db

MODELS = [
    "services.district",
    "services.municipality",
    "services.category",
    "services.spokenlanguage",
    "services.organization",
    "services.service",
    "services.project",
    "services.opencall",
    "guides.guidechapter",
]


@pytest.mark.parametrize("model", MODELS)
def test_every_content_model_has_list_and_add_pages(admin_client, model):
    app_label, model_name = model.split(".")
    assert admin.site.is_registered(apps.get_model(model))
    for view in ("changelist", "add"):
        url = reverse(f"admin:{app_label}_{model_name}_{view}")
        assert admin_client.get(url).status_code == 200, view


def test_service_form_groups_fields_per_language(admin_client):
    service = ServiceFactory()
    url = reverse("admin:services_service_change", args=[service.pk])
    html = admin_client.get(url, HTTP_ACCEPT_LANGUAGE="en").text
    for heading in ("Serbian (Latin) (srpski (latinica))", "Romani (Romanes)", "German (Deutsch)"):
        assert heading in html
    romani = html.index("Romani (Romanes)")
    german = html.index("German (Deutsch)")
    assert romani < html.index('name="description_rom"') < german


def test_admin_search_finds_a_service_by_its_name_in_any_language(admin_client):
    ServiceFactory(name_sr_latn="Dom zdravlja", name_de="Gesundheitszentrum")
    ServiceFactory(name_sr_latn="Matična služba")
    html = admin_client.get(reverse("admin:services_service_changelist"), {"q": "Gesundheit"}).text
    assert "Dom zdravlja" in html
    assert "Matična služba" not in html


def test_admin_saves_translations(admin_client):
    category = CategoryFactory()
    service = ServiceFactory(categories=[category])
    url = reverse("admin:services_service_change", args=[service.pk])
    form = admin_client.get(url).context["adminform"].form
    data = {
        name: value
        for name, value in form.initial.items()
        if value is not None and not isinstance(value, list)
    }
    data.update(
        {
            "name_sr_latn": service.name_sr_latn,
            "name_rom": "Socijalno ažutipe",
            "categories": [category.pk],
            "staff_languages": [],
            "translation_review": "{}",
            "organization": service.organization_id,
            "municipality": service.municipality_id,
        }
    )
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    service.refresh_from_db()
    assert service.name_rom == "Socijalno ažutipe"

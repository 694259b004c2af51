"""Migrations that rename or move data keep every row."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE_RENAME = [("services", "0006_cyrillic_associate_contact")]


def test_update_reports_become_update_suggestions_and_keep_their_rows_and_permissions():
    executor = MigrationExecutor(connection)
    latest = executor.loader.graph.leaf_nodes()
    executor.migrate(BEFORE_RENAME)
    old = executor.loader.project_state(BEFORE_RENAME).apps
    district = old.get_model("services", "District").objects.create(name="Raški okrug", slug="r")
    municipality = old.get_model("services", "Municipality").objects.create(
        name="Tutin", slug="tutin", district=district
    )
    organization = old.get_model("services", "Organization").objects.create(
        name="Dom zdravlja", slug="dz", kind="public", municipality=municipality
    )
    service = old.get_model("services", "Service").objects.create(
        name="Izabrani lekar", slug="lekar", organization=organization, municipality=municipality
    )
    old.get_model("services", "UpdateReport").objects.create(
        service=service, message="Novi broj telefona."
    )

    executor = MigrationExecutor(connection)
    executor.migrate(latest)

    from django.contrib.auth.models import Group

    from services.models import UpdateSuggestion

    assert UpdateSuggestion.objects.get().message == "Novi broj telefona."
    associates = Group.objects.get(name="Local associates")
    codenames = set(associates.permissions.values_list("codename", flat=True))
    assert {"view_updatesuggestion", "change_updatesuggestion"} <= codenames
    assert not any("updatereport" in codename for codename in codenames)

"""An upgrade keeps the index: what was indexed before the SQLite index changed is found after."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from tests.factories import OrganizationFactory, ServiceFactory
from tests.search.test_index import finds

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE_LANGUAGE_INDEX = [("search", "0003_sqlite_fts")]


def test_entries_indexed_before_the_language_was_in_the_index_are_found_after(
    client, own_municipality
):
    executor = MigrationExecutor(connection)
    latest = executor.loader.graph.leaf_nodes()
    executor.migrate(BEFORE_LANGUAGE_INDEX)  # back: the index without the language
    ServiceFactory(
        slug="maticna-sluzba",
        municipality=own_municipality,
        organization=OrganizationFactory(municipality=own_municipality),
        name_sr_latn="Matična služba",
        name_de="Standesamt",
    )

    MigrationExecutor(connection).migrate(latest)

    assert "maticna-sluzba" in finds(client, "standesamt", "de")
    assert "maticna-sluzba" in finds(client, "maticna", "sr-latn")
    assert "maticna-sluzba" not in finds(client, "standesamt", "sr-latn")

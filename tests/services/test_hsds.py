"""The Open Referral HSDS 3.0 export, checked against the reference schema in vendor/hsds/."""

import csv
import io
import json
import uuid
import zipfile
from datetime import date
from decimal import Decimal
from pathlib import Path

import frictionless
import jsonschema
import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from services.hsds import (
    HSDS_RESOURCES,
    hsds_datapackage_descriptor,
    hsds_id,
    hsds_package_write,
    hsds_package_zip_write,
    hsds_services_json,
    hsds_tables,
)
from services.models import Category, District, Municipality, Organization, Service, SpokenLanguage
from tests.factories import (
    CategoryFactory,
    DistrictFactory,
    MunicipalityFactory,
    OrganizationFactory,
    ServiceFactory,
    SpokenLanguageFactory,
)

# Open Referral's HSDS 3.0 schema, vendored with its licence (vendor/hsds/README.md).
HSDS_SCHEMA = Path(__file__).resolve().parents[2] / "vendor" / "hsds"
CSV_FILES = {resource.path for resource in HSDS_RESOURCES}


def _reference(relative: str) -> dict:
    path = HSDS_SCHEMA / relative
    assert path.exists(), f"The HSDS reference schema is missing: {path}"
    return json.loads(path.read_text(encoding="utf-8"))


def _directory_create() -> dict:
    """A small known directory: the same slugs every time it is created."""
    district = DistrictFactory(slug="raski-okrug", name_sr_latn="Raški okrug", name_en="Raška")
    novi_pazar = MunicipalityFactory(
        slug="novi-pazar", name_sr_latn="Novi Pazar", name_en="Novi Pazar", district=district
    )
    documents = CategoryFactory(
        slug="licna-dokumenta", name_sr_latn="Lična dokumenta", name_en="Personal documents"
    )
    health = CategoryFactory(slug="zdravlje", name_sr_latn="Zdravstvena zaštita")
    romani = SpokenLanguageFactory(code="rom", name_sr_latn="romski", name_en="Romani")
    social_work = OrganizationFactory(
        slug="csr-novi-pazar",
        name_sr_latn="Centar za socijalni rad Novi Pazar",
        name_en="Centre for Social Work Novi Pazar",
        phone="020 311 111",
        website="https://csrnovipazar.example.org",
    )
    health_centre = OrganizationFactory(slug="dom-zdravlja-novi-pazar", name_sr_latn="Dom zdravlja")
    hidden_organization = OrganizationFactory(slug="skrivena-organizacija")
    assistance = ServiceFactory(
        slug="novcana-pomoc-novi-pazar",
        organization=social_work,
        municipality=novi_pazar,
        name_sr_latn="Novčana socijalna pomoć",
        name_en="Financial social assistance",
        eligibility_sr_latn="Porodice bez dovoljno prihoda.",
        how_to_apply_sr_latn="Zahtev u centru.",
        cost_sr_latn="Besplatno.",
        address="Ulica 1. maja 5",
        latitude=Decimal("43.136700"),
        longitude=Decimal("20.512200"),
        phone="020 311 112",
        email="pomoc@csrnovipazar.example.org",
        last_verified=date(2025, 3, 14),
        categories=[documents],
        staff_languages=[romani],
    )
    check_up = ServiceFactory(
        slug="pregled-novi-pazar",
        organization=health_centre,
        municipality=novi_pazar,
        name_sr_latn="Sistematski pregled",
        categories=[health],
    )
    map_only = ServiceFactory(
        slug="savetovaliste-novi-pazar",
        organization=social_work,
        municipality=novi_pazar,
        name_sr_latn="Savetovalište",
        latitude=Decimal("43.140000"),
        longitude=Decimal("20.510000"),
    )
    hidden = ServiceFactory(
        slug="skrivena-usluga",
        organization=hidden_organization,
        municipality=novi_pazar,
        is_published=False,
    )
    return {
        "assistance": assistance,
        "check_up": check_up,
        "map_only": map_only,
        "hidden": hidden,
        "social_work": social_work,
        "hidden_organization": hidden_organization,
        "documents": documents,
        "health": health,
    }


@pytest.fixture
def directory(db):
    return _directory_create()


def _ids(tables) -> dict[str, list[str]]:
    return {name: [row["id"] for row in rows] for name, rows in tables.items()}


def _rows(tables, resource, **match) -> list[dict]:
    return [
        row
        for row in tables[resource]
        if all(row.get(field) == value for field, value in match.items())
    ]


def _service_id(tables, name) -> str:
    (row,) = _rows(tables, "service", name=name)
    return row["id"]


def _read_csv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


# --- Validation against the reference schema --------------------------------------------------


def test_csv_package_passes_frictionless_validation(directory, tmp_path):
    hsds_package_write(outdir=tmp_path, language="en")

    report = frictionless.validate(tmp_path / "datapackage.json")

    errors = report.flatten(["taskNumber", "rowNumber", "fieldName", "type", "note"])
    assert report.valid, "\n".join(map(str, errors))
    assert {task.name for task in report.tasks} == {r.name for r in HSDS_RESOURCES}


def test_package_columns_are_the_reference_schema_columns():
    reference = {r["name"]: r for r in _reference("datapackage.json")["resources"]}

    for resource in hsds_datapackage_descriptor(language="en")["resources"]:
        expected = reference[resource["name"]]
        assert resource["path"] == expected["path"]
        ours = resource["schema"]["fields"]
        theirs = expected["schema"]["fields"]
        assert [f["name"] for f in ours] == [f["name"] for f in theirs], resource["name"]
        for mine, hsds in zip(ours, theirs, strict=True):
            where = f"{resource['name']}.{mine['name']}"
            assert mine["type"] == hsds["type"], where
            assert mine.get("format") == hsds.get("format"), where
            assert mine["constraints"].get("enum") == hsds["constraints"].get("enum"), where
            assert mine["constraints"]["unique"] == hsds["constraints"]["unique"], where
            if where == "address.postal_code":
                # We know no postal codes: declared optional, with a note, instead of invented.
                assert hsds["constraints"]["required"] and not mine["constraints"]["required"]
                assert mine["description"]
            else:
                assert mine["constraints"]["required"] == hsds["constraints"]["required"], where


def test_services_json_validates_against_the_compiled_service_schema(directory):
    schema = _reference("schema/compiled/service_with_definitions.json")
    validator_class = jsonschema.validators.validator_for(schema, jsonschema.Draft202012Validator)
    validator = validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)

    services = hsds_services_json(language="en")

    assert len(services) == 3
    for service in services:
        errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(service)]
        assert not errors, "\n".join(errors)
    (assistance,) = [s for s in services if s["name"] == "Financial social assistance"]
    assert assistance["organization"]["name"] == "Centre for Social Work Novi Pazar"
    assert [p["number"] for p in assistance["organization"]["phones"]] == ["020 311 111"]
    assert [p["number"] for p in assistance["phones"]] == ["020 311 112"]
    (place,) = assistance["service_at_locations"]
    assert place["location"]["latitude"] == pytest.approx(43.1367)
    (address,) = place["location"]["addresses"]
    assert address["address_1"] == "Ulica 1. maja 5"
    assert [(lang["code"], lang["name"]) for lang in assistance["languages"]] == [("rom", "Romani")]
    (attribute,) = assistance["attributes"]
    assert attribute["taxonomy_term"]["name"] == "Personal documents"
    assert attribute["taxonomy_term"]["taxonomy_detail"]["name"] == "Returnee Portal categories"
    assert assistance["assured_date"] == "2025-03-14"


# --- Identifiers ------------------------------------------------------------------------------


def test_ids_are_uuids_and_the_same_on_every_export_and_in_every_language(directory):
    first = _ids(hsds_tables(language="en"))

    assert first == _ids(hsds_tables(language="en"))
    assert first == _ids(hsds_tables(language="de"))
    all_ids = [row_id for ids in first.values() for row_id in ids]
    assert len(all_ids) == len(set(all_ids))
    for row_id in all_ids:
        assert uuid.UUID(row_id).version == 5
    # A service's id is derived from its model and slug, as every other object's.
    assert hsds_id("services.service", directory["assistance"].slug) in first["service"]


def test_ids_survive_deleting_and_recreating_the_same_slugs(directory):
    before = _ids(hsds_tables(language="en"))
    old_pk = directory["assistance"].pk
    Service.objects.all().delete()
    for model in (Organization, Category, SpokenLanguage, Municipality, District):
        model.objects.all().delete()

    recreated = _directory_create()

    assert recreated["assistance"].pk != old_pk
    assert _ids(hsds_tables(language="en")) == before


# --- Mapping ----------------------------------------------------------------------------------


def test_assured_date_is_the_last_verification(directory, tmp_path):
    hsds_package_write(outdir=tmp_path, language="sr-latn")

    dates = {row["name"]: row["assured_date"] for row in _read_csv(tmp_path / "services.csv")}

    assert dates["Novčana socijalna pomoć"] == "2025-03-14"
    assert dates["Sistematski pregled"] == ""


def test_categories_are_a_taxonomy_linked_to_services_by_attributes(directory):
    tables = hsds_tables(language="en")

    (taxonomy,) = tables["taxonomy"]
    assert taxonomy["name"] == "Returnee Portal categories"
    terms = {row["code"]: row for row in tables["taxonomy_term"]}
    assert set(terms) == {"licna-dokumenta", "zdravlje"}
    assert {row["taxonomy_id"] for row in terms.values()} == {taxonomy["id"]}
    links = {(row["link_id"], row["taxonomy_term_id"]) for row in tables["attribute"]}
    assert links == {
        (_service_id(tables, "Financial social assistance"), terms["licna-dokumenta"]["id"]),
        (_service_id(tables, "Sistematski pregled"), terms["zdravlje"]["id"]),
    }
    assert {row["link_entity"] for row in tables["attribute"]} == {"service"}


def test_the_language_chooses_the_texts_with_serbian_fallback(directory):
    english = hsds_tables(language="en")
    serbian = hsds_tables(language="sr-latn")

    assert {row["name"] for row in english["service"]} == {
        "Financial social assistance",
        "Sistematski pregled",  # not translated: Serbian
        "Savetovalište",
    }
    assert "Novčana socijalna pomoć" in {row["name"] for row in serbian["service"]}
    terms = {row["code"]: (row["name"], row["language"]) for row in english["taxonomy_term"]}
    assert terms == {
        "licna-dokumenta": ("Personal documents", "en"),
        "zdravlje": ("Zdravstvena zaštita", "sr"),
    }
    assert [row["name"] for row in english["language"]] == ["Romani"]
    assert [row["name"] for row in serbian["language"]] == ["romski"]
    assert [row["state_province"] for row in english["address"]] == ["Raška"]


def test_unpublished_services_and_their_only_organization_are_left_out(directory):
    tables = hsds_tables(language="en")

    assert "skrivena-usluga" not in str(tables)
    organizations = {row["name"] for row in tables["organization"]}
    assert directory["hidden_organization"].name_sr_latn not in organizations
    assert len(organizations) == 2


def test_nothing_is_invented(directory):
    tables = hsds_tables(language="en")
    assistance = _service_id(tables, "Financial social assistance")
    check_up = _service_id(tables, "Sistematski pregled")
    map_only = _service_id(tables, "Savetovalište")

    # A service with neither address nor coordinates has no place at all.
    assert {row["service_id"] for row in tables["service_at_location"]} == {assistance, map_only}
    # Coordinates alone make a location, but no address row.
    (address,) = tables["address"]
    (location,) = _rows(tables, "location", id=address["location_id"])
    assert location["latitude"] == Decimal("43.136700")
    assert address == {
        "id": address["id"],
        "location_id": location["id"],
        "address_1": "Ulica 1. maja 5",
        "city": "Novi Pazar",
        "state_province": "Raška",
        "country": "RS",
        "address_type": "physical",
    }
    assert tables["contact"] == []
    assert {row["number"] for row in tables["phone"]} == {"020 311 111", "020 311 112"}
    assert _rows(tables, "phone", service_id=check_up) == []
    # The organization without a description is described by its kind, a known fact.
    descriptions = {row["name"]: row["description"] for row in tables["organization"]}
    assert descriptions["Dom zdravlja"] == "public institution"


# --- Command and admin download ---------------------------------------------------------------


def test_command_writes_the_package_and_json_into_a_new_folder(directory, tmp_path):
    outdir = tmp_path / "new" / "hsds"

    call_command("export_hsds", str(outdir), "--language", "de", "--json", stdout=io.StringIO())

    assert {path.name for path in outdir.iterdir()} == CSV_FILES | {
        "datapackage.json",
        "services.json",
    }
    services = json.loads((outdir / "services.json").read_text(encoding="utf-8"))
    assert len(services) == 3


def test_command_without_json_writes_only_the_package(directory, tmp_path):
    call_command("export_hsds", str(tmp_path), stdout=io.StringIO())

    assert {path.name for path in tmp_path.iterdir()} == CSV_FILES | {"datapackage.json"}
    names = {row["name"] for row in _read_csv(tmp_path / "services.csv")}
    assert "Novčana socijalna pomoć" in names  # Serbian (Latin) by default


def test_command_refuses_an_unknown_language_and_lists_the_valid_ones(db, tmp_path):
    with pytest.raises(CommandError, match="sr-latn, rom, sq, de, en"):
        call_command("export_hsds", str(tmp_path / "out"), "--language", "fr")

    assert not (tmp_path / "out").exists()


def test_admin_download_is_a_zip_of_the_package(directory, client, coordinator):
    client.force_login(coordinator)

    page = client.get(reverse("reports:hsds"), HTTP_ACCEPT_LANGUAGE="en")
    response = client.get(reverse("reports:hsds"), {"language": "en"})

    assert page.status_code == 200
    assert b'name="language"' in page.content
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert "returnee-portal-hsds-en.zip" in response["Content-Disposition"]
    with zipfile.ZipFile(io.BytesIO(response.getvalue())) as archive:
        assert set(archive.namelist()) == CSV_FILES | {"datapackage.json", "services.json"}
        services = json.loads(archive.read("services.json"))
    assert "Financial social assistance" in {service["name"] for service in services}


def test_admin_download_rejects_an_unknown_language(directory, client, coordinator):
    client.force_login(coordinator)

    response = client.get(reverse("reports:hsds"), {"language": "fr"})

    assert response.status_code == 400


def test_admin_download_is_for_coordinators_only(associate_client, client):
    assert associate_client.get(reverse("reports:hsds"), {"language": "en"}).status_code == 403
    client.logout()
    anonymous = client.get(reverse("reports:hsds"), {"language": "en"})
    assert anonymous.status_code == 302
    assert reverse("admin:login") in anonymous["Location"]


def test_package_written_in_batches_is_the_same_package(directory, monkeypatch):
    def package():
        file = io.BytesIO()
        hsds_package_zip_write(file=file, language="en")
        with zipfile.ZipFile(file) as archive:
            return {name: archive.read(name) for name in archive.namelist()}

    whole = package()
    monkeypatch.setattr("services.hsds.BATCH", 1)
    assert package() == whole
    services = json.loads(whole["services.json"])
    assert len(services) > 1  # more than one batch of one
    assert services == hsds_services_json(language="en")
    lines = whole["services.json"].decode().splitlines()
    assert len(lines) == len(services) + 2  # "[", one service per line, "]"

"""Spreadsheet import of services in the admin: upload, preview, confirm; all or nothing."""

import csv
import io
import json
from datetime import date
from decimal import Decimal

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.forms.models import model_to_dict
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import strip_tags

from returnee_portal.locking import content_save_with_version
from returnee_portal.translation_review import NEEDS_REVIEW, REVIEWED
from services.models import Service
from tests.factories import (
    AssociateFactory,
    CategoryFactory,
    OrganizationFactory,
    ServiceFactory,
)

pytestmark = pytest.mark.django_db

EXPORT_URL = reverse("admin:services_service_export")
IMPORT_URL = reverse("admin:services_service_import")
CONFIRM_URL = reverse("admin:services_service_process_import")
FORMATS = {"csv": "0", "xlsx": "1"}  # their places in the admin's format lists


@pytest.fixture
def directory(own_municipality, foreign_municipality):
    health = CategoryFactory(name_sr_latn="Zdravstvena zaštita", slug="zdravlje", order=1)
    school = CategoryFactory(name_sr_latn="Obrazovanje", slug="obrazovanje", order=2)
    local = OrganizationFactory(
        name_sr_latn="Dom zdravlja Novi Pazar", municipality=own_municipality
    )
    national = OrganizationFactory(name_sr_latn="Nacionalna služba za zapošljavanje")
    doctor = ServiceFactory(
        slug="izabrani-lekar",
        municipality=own_municipality,
        organization=local,
        categories=[health],
        name_sr_latn="Izabrani lekar",
        name_rom="Alome doktori",
        name_de="Hausarzt",
        name_en="Family doctor",
        description_sr_latn="Pregledi i uputnice.",
        description_de="Untersuchungen und Überweisungen.",
        phone="+381 20 123 456",
        latitude=Decimal("43.136667"),
        longitude=Decimal("20.512222"),
        last_verified=date(2026, 3, 14),
        translation_review={"rom": NEEDS_REVIEW, "de": REVIEWED, "en": REVIEWED},
    )
    training = ServiceFactory(
        slug="obuke",
        municipality=own_municipality,
        organization=national,
        categories=[health, school],
        name_sr_latn="Obuke za posao",
        is_published=False,
        longitude=Decimal("-0.127758"),  # a minus sign that is a number, not a formula
    )
    ServiceFactory(slug="pirot-usluga", municipality=foreign_municipality, name_sr_latn="Pirot")
    return {"doctor": doctor, "training": training}


@pytest.fixture
def coordinator_client(client, coordinator):
    client.force_login(coordinator)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def snapshot():
    """Everything an import could change, and the length of every service's history."""
    with translation.override("sr-latn"):  # for the untranslated `name` etc.
        return _snapshot()


def _snapshot():
    return {
        service.slug: {
            **model_to_dict(service),
            "categories": sorted(c.pk for c in service.categories.all()),
            "history": service.history.count(),
        }
        for service in Service.objects.all()
    }


def export_rows(client, file_format) -> list[dict]:
    response = client.post(EXPORT_URL, {"format": FORMATS[file_format], "resource": "0"})
    assert response.status_code == 200
    if file_format == "csv":
        return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    header, *rows = sheet.iter_rows(values_only=True)
    return [dict(zip(header, row, strict=True)) for row in rows]


def spreadsheet(rows: list[dict], file_format) -> bytes:
    header = list(rows[0])
    if file_format == "csv":
        out = io.StringIO()
        writer = csv.DictWriter(out, header)
        writer.writeheader()
        writer.writerows(rows)
        return out.getvalue().encode("utf-8-sig")
    book = openpyxl.Workbook()
    book.active.append(header)
    for row in rows:
        book.active.append([row[column] for column in header])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def upload(client, content: bytes, file_format, name=None):
    name = name or f"services.{file_format}"
    return client.post(
        IMPORT_URL,
        {
            "import_file": SimpleUploadedFile(name, content),
            "format": FORMATS[file_format],
            "resource": "0",
        },
    )


def confirm(client, preview):
    form = preview.context["confirm_form"]
    data = {name: form.initial.get(name, "") for name in form.fields}
    data["loaded_versions"] = json.dumps(form.initial["loaded_versions"])
    return client.post(CONFIRM_URL, data, follow=True)


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


def row_of(rows, slug) -> dict:
    return next(row for row in rows if row["slug"] == slug)


@pytest.mark.parametrize("file_format", ["xlsx", "csv"])
def test_exporting_and_importing_the_same_file_changes_nothing(
    coordinator_client, directory, file_format
):
    before = snapshot()
    rows = export_rows(coordinator_client, file_format)

    preview = upload(coordinator_client, spreadsheet(rows, file_format), file_format)

    assert preview.context["confirm_form"] is not None
    assert "New: 0. Changed: 0. Unchanged: 3." in preview.text
    assert preview.context["preview_rows"] == []  # nothing to list
    done = confirm(coordinator_client, preview)
    assert "Import finished: 0 new, 0 changed, 3 unchanged." in messages_of(done)
    assert snapshot() == before


@pytest.mark.parametrize("file_format", ["xlsx", "csv"])
def test_editing_one_german_cell_changes_exactly_that_field(
    associate_client, associate, directory, file_format
):
    doctor = directory["doctor"]
    before = snapshot()
    rows = export_rows(associate_client, file_format)
    row_of(rows, "izabrani-lekar")["name_de"] = "Hausärztin oder Hausarzt"

    preview = upload(associate_client, spreadsheet(rows, file_format), file_format)
    # Only the row that changes, with only the column that changes.
    [row] = preview.context["preview_rows"]
    assert (row.import_type, [column for column, _html in row.changes]) == ("update", ["name_de"])
    assert row.changes[0][1] == "<ins>Hausärztin oder </ins><span>Hausarzt</span>"
    done = confirm(associate_client, preview)

    assert "Import finished: 0 new, 1 changed, 1 unchanged." in messages_of(done)
    after = snapshot()
    changed = {
        key
        for key in after["izabrani-lekar"]
        if after["izabrani-lekar"][key] != before["izabrani-lekar"][key]
    }
    assert changed == {"name_de", "history", "translation_review"}
    assert after["izabrani-lekar"]["name_de"] == "Hausärztin oder Hausarzt"
    assert {slug: after[slug] for slug in after if slug != "izabrani-lekar"} == {
        slug: before[slug] for slug in before if slug != "izabrani-lekar"
    }
    doctor.refresh_from_db()
    assert doctor.version == 2
    # The German name was reviewed; the new one waits for a reviewer again, and only it.
    assert doctor.translation_review == {
        "rom": {"name": NEEDS_REVIEW},
        "de": {"name": NEEDS_REVIEW, "description": REVIEWED},
        "en": {"name": REVIEWED},
    }
    record = doctor.history.first()
    assert record.history_user == associate
    assert record.name_de == "Hausärztin oder Hausarzt"


def test_a_new_row_adds_a_service_recorded_as_the_importers(
    coordinator_client, coordinator, directory
):
    rows = export_rows(coordinator_client, "xlsx")
    new = {**row_of(rows, "obuke"), "slug": "nova-usluga", "name_sr_latn": "Nova usluga"}

    preview = upload(coordinator_client, spreadsheet([*rows, new], "xlsx"), "xlsx")
    [row] = preview.context["preview_rows"]
    assert row.import_type == "new" and row.number == len(rows) + 2
    assert ("name_sr_latn", "<ins") in [(column, html[:4]) for column, html in row.changes]
    done = confirm(coordinator_client, preview)

    assert "Import finished: 1 new, 0 changed, 3 unchanged." in messages_of(done)
    service = Service.objects.get(slug="nova-usluga")
    assert service.name_sr_latn == "Nova usluga"
    assert sorted(c.slug for c in service.categories.all()) == ["obrazovanje", "zdravlje"]
    assert {record.history_user for record in service.history.all()} == {coordinator}


def test_a_save_between_preview_and_confirm_is_not_overwritten(associate_client, directory):
    doctor = directory["doctor"]
    rows = export_rows(associate_client, "xlsx")
    row_of(rows, "izabrani-lekar")["name_de"] = "Hausarzt (neu)"
    row_of(rows, "obuke")["name_en"] = "Job training"
    preview = upload(associate_client, spreadsheet(rows, "xlsx"), "xlsx")

    doctor.phone = "020 999 999"  # a colleague saves the entry meanwhile
    content_save_with_version(obj=doctor, expected_version=doctor.version)
    before = snapshot()
    done = confirm(associate_client, preview)

    assert "Nothing was imported." in messages_of(done)
    row = rows.index(row_of(rows, "izabrani-lekar")) + 2
    assert (
        f"Row {row}: someone saved the service “izabrani-lekar” after your preview; upload the "
        "file again to see what changed" in messages_of(done)
    )
    assert snapshot() == before


# --- Bad files: each says what is wrong, in words, and writes nothing -----------------------


def _set(slug, column, value):
    def edit(rows):
        row_of(rows, slug)[column] = value
        return rows

    return edit


BAD_ROWS = {
    "unknown municipality": (
        _set("obuke", "municipality", "Nis"),
        "Row {row}: municipality “Nis” is not in the directory. Known municipalities: Novi Pazar, "
        "Pirot",
    ),
    "unknown category": (
        _set("obuke", "categories", "Obrazovanje; Stanovanje"),
        "Row {row}: category “Stanovanje” is not in the directory. Known categories: "
        "Zdravstvena zaštita, Obrazovanje",
    ),
    "wrong date": (
        _set("izabrani-lekar", "last_verified", "14.3.2026"),
        "Row {row}: “last verified” must be a date like 2026-03-14",
    ),
    "too long text": (
        _set("obuke", "name_sr_latn", "x" * 240),
        "Row {row}: the name in Serbian (Latin) is 240 characters long; at most 200 are allowed",
    ),
    "formula": (
        _set("obuke", "phone", '=HYPERLINK("http://example.com")'),
        "Row {row}: cell “phone” starts with “=”: formulas are not accepted; type the value itself",
    ),
    "formula with a minus": (
        _set("obuke", "cost_de", "-2+3"),
        "Row {row}: cell “cost_de” starts with “-”: formulas are not accepted; type the value "
        "itself",
    ),
    "organization of another municipality": (
        _set("izabrani-lekar", "municipality", "Pirot"),
        "Row {row}: organization “Dom zdravlja Novi Pazar” works in Novi Pazar, not in Pirot; "
        "choose an organization of Pirot or a national one",
    ),
    "another municipality's row": (
        _set("obuke", "municipality", "Pirot"),
        "Row {row}: Pirot is not one of your municipalities (you can import rows for Novi Pazar)",
    ),
    "another municipality's service": (
        lambda rows: [*rows, {**row_of(rows, "obuke"), "slug": "pirot-usluga"}],
        "Row {row}: the slug “pirot-usluga” is already used by an entry you cannot edit; "
        "choose another slug for a new service",
    ),
    "not a number": (
        _set("izabrani-lekar", "latitude", "sever"),
        "Row {row}: “latitude” must be a number like 43.1367",
    ),
    "neither yes nor no": (
        _set("obuke", "is_published", "možda"),
        "Row {row}: “published” must be yes or no",
    ),
    "no municipality": (_set("obuke", "municipality", ""), "Row {row}: “municipality” is empty"),
    "no organization": (_set("obuke", "organization", ""), "Row {row}: “organization” is empty"),
    "unknown organization": (
        _set("obuke", "organization", "Ministarstvo za sve"),
        "Row {row}: organization “Ministarstvo za sve” is not in the directory; add it in the "
        "admin first, or write the name exactly as it is there",
    ),
    "no category": (
        _set("obuke", "categories", ""),
        "Row {row}: “categories” is empty; name at least one of: Zdravstvena zaštita, Obrazovanje",
    ),
    "no slug column": (
        lambda rows: [{k: v for k, v in row.items() if k != "slug"} for row in rows],
        "The file has no column “slug”. The first row must hold the column names, as in a "
        "file exported from this list.",
    ),
    "unknown column": (
        lambda rows: [{**row, "name [de]": "Hausarzt"} for row in rows],
        "The file has columns this directory does not know: “name [de]”. Use the column names "
        "of a file exported from this list.",
    ),
}


@pytest.mark.parametrize("file_format", ["xlsx", "csv"])
@pytest.mark.parametrize("problem", BAD_ROWS)
def test_a_bad_row_is_named_and_nothing_is_written(
    associate_client, directory, problem, file_format
):
    edit, message = BAD_ROWS[problem]
    rows = export_rows(associate_client, file_format)
    edited = edit([dict(row) for row in rows])
    # The spreadsheet row of the bad service (row 1 holds the column names).
    bad = next(i for i, row in enumerate(edited, 2) if i - 2 >= len(rows) or row != rows[i - 2])
    message = message.format(row=bad)
    # A good change in the same file is not written either: all or nothing.
    good = next((row for row in edited if row in rows), None)
    if good is not None:
        good["name_en"] = "Changed, but not written"
    before = snapshot()

    preview = upload(associate_client, spreadsheet(edited, file_format), file_format)

    assert preview.status_code == 200
    assert "confirm_form" not in preview.context
    assert message in preview.context["import_errors"]
    assert message in preview.text
    assert snapshot() == before


def test_associates_export_only_their_municipalities(associate_client, directory):
    rows = export_rows(associate_client, "xlsx")

    assert sorted(row["slug"] for row in rows) == ["izabrani-lekar", "obuke"]
    doctor = row_of(rows, "izabrani-lekar")
    assert doctor["municipality"] == "Novi Pazar"
    assert doctor["organization"] == "Dom zdravlja Novi Pazar"
    assert doctor["categories"] == "Zdravstvena zaštita"
    assert row_of(rows, "obuke")["categories"] == "Zdravstvena zaštita; Obrazovanje"
    assert doctor["last_verified"].date() == date(2026, 3, 14)  # a real date cell
    assert doctor["is_published"] == "yes"


def test_the_export_file_is_named_by_what_it_holds(associate_client, coordinator, directory):
    today = timezone.localdate().isoformat()
    response = associate_client.post(
        EXPORT_URL, {"format": FORMATS["xlsx"], "resource": "0"}, HTTP_ACCEPT_LANGUAGE="sr-latn"
    )
    assert response["Content-Disposition"] == (
        f'attachment; filename="usluge-novi-pazar-{today}.xlsx"'
    )
    # The coordinator's export holds two municipalities: named by neither.
    associate_client.force_login(coordinator)
    response = associate_client.post(EXPORT_URL, {"format": FORMATS["csv"], "resource": "0"})
    assert response["Content-Disposition"] == f'attachment; filename="services-{today}.csv"'


HEADER_ONLY = b"slug,municipality,name_sr_latn\r\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(40)


@pytest.mark.parametrize(
    ("content", "name", "file_format", "message"),
    [
        (b"", "services.xlsx", "xlsx", "The submitted file is empty."),
        (HEADER_ONLY, "services.csv", "csv", "This file has no services in it."),
        (PNG, "photo.xlsx", "xlsx", "This file could not be read as XLSX."),
        (b"Just some notes.\n", "notes.xlsx", "xlsx", "This file could not be read as XLSX."),
        (PNG, "photo.csv", "csv", "This file could not be read as CSV."),
    ],
)
def test_an_empty_or_unreadable_file_is_refused_on_the_form(
    associate_client, directory, content, name, file_format, message
):
    before = snapshot()

    response = upload(associate_client, content, file_format, name=name)

    assert response.status_code == 200
    assert any(message in error for error in response.context["form"].errors["import_file"])
    assert snapshot() == before


def test_an_empty_sheet_is_refused(associate_client, directory):
    out = io.BytesIO()
    openpyxl.Workbook().save(out)

    response = upload(associate_client, out.getvalue(), "xlsx")

    assert "This file has no services in it." in response.context["form"].errors["import_file"][0]


def test_the_list_offers_import_and_export_and_the_form_keeps_its_history(
    associate_client, directory
):
    html = associate_client.get(reverse("admin:services_service_changelist")).text
    assert f"href='{IMPORT_URL}'" in html
    assert f'href="{EXPORT_URL}' in html
    change = reverse("admin:services_service_change", args=[directory["doctor"].pk])
    assert reverse("admin:services_service_history", args=[directory["doctor"].pk]) in (
        associate_client.get(change).text
    )


def test_the_confirm_takes_only_the_file_stored_for_this_users_preview(
    associate_client, directory, associate
):
    """A name sent back by the browser is never a path or another user's upload."""
    before = snapshot()
    rows = export_rows(associate_client, "csv")
    row_of(rows, "obuke")["name_sr_latn"] = "Obuke za posao i prekvalifikacija"
    preview = upload(associate_client, spreadsheet(rows, "csv"), "csv")
    form = preview.context["confirm_form"]
    token = form.initial["import_file_name"]
    assert "/" not in token and not token.startswith("tmp")

    for forged in ["../../tmp/x", "x", token[:-3] + "abc", token + "x", ""]:
        data = {**{name: form.initial.get(name, "") for name in form.fields}}
        data["import_file_name"] = forged
        data["loaded_versions"] = json.dumps(form.initial["loaded_versions"])
        refused = associate_client.post(CONFIRM_URL, data, follow=True)
        assert refused.status_code == 200
        assert "This import was not prepared for you or has expired." in " ".join(
            messages_of(refused)
        )
    assert snapshot() == before

    other = AssociateFactory(municipalities=[directory["doctor"].municipality])
    associate_client.force_login(other)
    assert confirm(associate_client, preview).redirect_chain[-1][0] == IMPORT_URL
    assert snapshot() == before

    associate_client.force_login(associate)
    confirmed = confirm(associate_client, preview)
    assert "Import finished: 0 new, 1 changed" in " ".join(messages_of(confirmed))
    replayed = confirm(associate_client, preview)  # the stored file is gone after use
    assert "has expired" in " ".join(messages_of(replayed))


@pytest.mark.parametrize("file_format", ["", "x", "-1", "99", "1e3", "\x00", "0; DROP"])
def test_a_bad_format_value_is_a_form_error(associate_client, directory, file_format):
    rows = export_rows(associate_client, "csv")
    uploaded = associate_client.post(
        IMPORT_URL,
        {
            "import_file": SimpleUploadedFile("services.csv", spreadsheet(rows, "csv")),
            "format": file_format,
            "resource": "0",
        },
    )
    assert uploaded.status_code == 200
    assert uploaded.context["form"].errors["format"]
    preview = upload(associate_client, spreadsheet(rows, "csv"), "csv")
    form = preview.context["confirm_form"]
    data = {name: form.initial.get(name, "") for name in form.fields}
    data["format"] = file_format
    refused = associate_client.post(CONFIRM_URL, data, follow=True)
    assert refused.status_code == 200
    assert "has expired" in " ".join(messages_of(refused))
    exported = associate_client.post(EXPORT_URL, {"format": file_format, "resource": "0"})
    assert exported.status_code == 200
    assert exported.context["form"].errors["format"]


# django-import-export's own words on its pages, which it has no Serbian catalogue for ("Format"
# is the same word in Serbian).
LIBRARY_ENGLISH = [
    "This importer will import",
    "This exporter will export",
    "File to import",
    "Resource",
    "Submit",
    "Select all",
    "Confirm import",
    "Below is a preview",
    "Import",
    "Export",
]


def page_text(response) -> str:
    return " ".join(strip_tags(response.content.decode()).split())


def test_the_import_and_export_pages_are_all_serbian(associate_client, directory):
    associate_client.defaults["HTTP_ACCEPT_LANGUAGE"] = "sr-latn"
    rows = export_rows(associate_client, "xlsx")
    row_of(rows, "izabrani-lekar")["name_de"] = "Hausärztin oder Hausarzt"
    pages = {
        "import": associate_client.get(IMPORT_URL),
        "export": associate_client.get(EXPORT_URL),
        "preview": upload(associate_client, spreadsheet(rows, "xlsx"), "xlsx"),
        "list": associate_client.get(reverse("admin:services_service_changelist")),
    }
    english = {
        name: [words for words in LIBRARY_ENGLISH if words in page_text(response)]
        for name, response in pages.items()
    }
    assert english == dict.fromkeys(pages, [])
    assert "Potvrdite uvoz" in page_text(pages["preview"])
    assert "`" not in page_text(pages["import"])

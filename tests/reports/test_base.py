"""The report base class: CSV that Excel reads, XLSX with typed cells, headers per language."""

import csv
import datetime
import io
from decimal import Decimal

from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from openpyxl import load_workbook

from reports.base import DATE, DECIMAL, INTEGER, Column, Report, text_sort_key


class PlacesReport(Report):
    slug = "places"
    title = _("Municipality")

    def columns(self):
        return [
            Column("name", _("Municipality")),
            Column("count", _("Published services"), INTEGER),
            Column("budget", _("Budget"), DECIMAL),
            Column("day", _("Last verified"), DATE),
        ]

    def rows(self):
        return [
            ['Čačak, Ćuprija; Đakovica "Šid" Žabalj', 0, Decimal("915.00"), None],
            ["Gjakovë / Ëmbël", 12, Decimal("2.50"), datetime.date(2024, 3, 1)],
        ]

    def is_gap(self, *, column, value):
        return column.key == "count" and value == 0


def report(language="en"):
    return PlacesReport(language=language, today=datetime.date(2025, 6, 15))


def test_csv_starts_with_the_bom_and_round_trips_serbian_and_albanian_letters():
    content = report().as_csv()
    assert content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    assert rows == [
        ["Municipality", "Published services", "Budget", "Last verified"],
        ['Čačak, Ćuprija; Đakovica "Šid" Žabalj', "0", "915", ""],
        ["Gjakovë / Ëmbël", "12", "2.5", "2024-03-01"],
    ]


def test_headers_follow_the_chosen_language():
    with translation.override("de"):
        german = gettext("Municipality")
    assert german != "Municipality"
    assert report("de").headers[0] == german
    assert report("de").localized_title == german
    assert report("en").headers[0] == "Municipality"


def test_xlsx_has_a_frozen_bold_header_widths_and_typed_cells():
    sheet = load_workbook(io.BytesIO(report().as_xlsx())).active
    assert sheet.freeze_panes == "A2"
    assert [cell.value for cell in sheet[1]] == [
        "Municipality",
        "Published services",
        "Budget",
        "Last verified",
    ]
    assert all(cell.font.bold for cell in sheet[1])
    assert sheet["A2"].value == 'Čačak, Ćuprija; Đakovica "Šid" Žabalj'
    assert sheet["B2"].value == 0 and sheet["B3"].value == 12
    assert sheet["C2"].value == 915 and sheet["C3"].value == 2.5
    assert sheet["D2"].value is None
    assert sheet["D3"].is_date
    assert sheet["D3"].value.date() == datetime.date(2024, 3, 1)
    # Wide enough for the longest text, no wider than the cap.
    assert sheet.column_dimensions["A"].width >= len('Čačak, Ćuprija; Đakovica "Šid" Žabalj')
    assert sheet.column_dimensions["D"].width >= len("Last verified")
    # The gap is filled, the other count is not.
    assert sheet["B2"].fill.fgColor.rgb.endswith("FFC7CE")
    assert sheet["B3"].fill.fill_type is None


def test_cells_know_their_gaps_for_the_html_table():
    rows = report().table_rows
    assert [cell.is_gap for cell in rows[0]] == [False, True, False, False]
    assert not any(cell.is_gap for cell in rows[1])


def test_sort_key_puts_letters_with_diacritics_beside_their_base_letter():
    names = ["Zaječar", "Čačak", "Đakovica", "Cer", "Dimitrovgrad"]
    assert sorted(names, key=text_sort_key) == [
        "Čačak",
        "Cer",
        "Đakovica",
        "Dimitrovgrad",
        "Zaječar",
    ]


class TextsReport(PlacesReport):
    def rows(self):
        return [['=HYPERLINK("http://evil.example/","Klikni")', 1, None, None]]


def test_xlsx_writes_text_that_looks_like_a_formula_as_text():
    sheet = load_workbook(
        io.BytesIO(TextsReport(language="en", today=datetime.date(2025, 6, 15)).as_xlsx())
    ).active
    assert sheet["A2"].data_type == "s"  # a string cell, never evaluated
    assert sheet["A2"].value == '=HYPERLINK("http://evil.example/","Klikni")'

"""The report base class: one table, shown as HTML and downloaded as CSV or XLSX.

A report names its columns (with a type, so dates stay dates and numbers stay numbers in a
spreadsheet) and yields its rows; everything else - headers in the chosen language, the CSV
encoding Excel needs, the XLSX layout - is done here once, after django-oscar's report classes.
"""

import csv
import datetime
import decimal
import io
import unicodedata
from dataclasses import dataclass

from django.utils import translation
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

TEXT = "text"
INTEGER = "integer"
DECIMAL = "decimal"
DATE = "date"

# Excel reads a CSV file as the system's code page unless it starts with a byte-order mark.
CSV_ENCODING = "utf-8-sig"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
XLSX_DATE_FORMAT = "yyyy-mm-dd"
# Light red, the usual "something is missing here" fill.
XLSX_GAP_FILL = "FFC7CE"
XLSX_MAX_WIDTH = 60


@dataclass(frozen=True)
class Column:
    key: str
    label: str  # usually lazy: rendered in the report's language
    type: str = TEXT

    @property
    def is_number(self) -> bool:
        return self.type in (INTEGER, DECIMAL)


@dataclass(frozen=True)
class Cell:
    value: object
    column: Column
    is_gap: bool = False


class Report:
    """Subclasses set `slug`, `title`, `description` and implement `columns()` and `rows()`.

    `rows()` returns lists of plain values (str, int, Decimal, date or None) in column order.
    Both are called inside `translation.override(language)`, so translated model fields (via
    modeltranslation and its Serbian fallback) and column labels come out in that language.
    """

    slug = ""
    title = ""
    description = ""
    # Whether the category filter narrows this report (the municipality filter always does).
    filters_by_category = False
    # Templates list report classes; without this they would try to instantiate them.
    do_not_call_in_templates = True

    def __init__(self, *, language, municipalities=None, category=None, today=None):
        """`municipalities`: a queryset to limit the report to, or None for all of them."""
        self.language = language
        self.municipalities = municipalities
        self.category = category
        self.today = today or datetime.date.today()

    def columns(self) -> list[Column]:
        raise NotImplementedError

    def rows(self) -> list[list]:
        raise NotImplementedError

    def is_gap(self, *, column: Column, value) -> bool:
        """Whether a cell shows a gap worth highlighting (e.g. no service at all)."""
        return False

    @cached_property
    def _table(self) -> tuple[list[Column], list[str], list[list], str]:
        with translation.override(self.language):
            columns = self.columns()
            # Labels shared with other pages may be lower-case ("needs review").
            headers = [capfirst(str(column.label)) for column in columns]
            rows = [list(row) for row in self.rows()]
            title = str(self.title)
        return columns, headers, rows, title

    @property
    def headers(self) -> list[str]:
        return self._table[1]

    @property
    def data(self) -> list[list]:
        """The rows, as plain values."""
        return self._table[2]

    @property
    def table_rows(self) -> list[list[Cell]]:
        """The rows as cells that know their column and whether they are a gap (for HTML)."""
        columns = self._table[0]
        return [
            [
                Cell(value=value, column=column, is_gap=self.is_gap(column=column, value=value))
                for column, value in zip(columns, row, strict=True)
            ]
            for row in self.data
        ]

    @property
    def localized_title(self) -> str:
        return self._table[3]

    def filename(self, extension: str) -> str:
        return f"{self.slug}-{self.language}-{self.today.isoformat()}.{extension}"

    def as_csv(self) -> bytes:
        """UTF-8 with a byte-order mark, comma-separated, quoted where needed; ISO dates."""
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(self.headers)
        for row in self.data:
            writer.writerow([_csv_value(value) for value in row])
        return buffer.getvalue().encode(CSV_ENCODING)

    def as_xlsx(self) -> bytes:
        """One sheet: bold frozen header, widths from the content, dates and numbers typed."""
        from openpyxl import Workbook
        from openpyxl.styles import Font, PatternFill
        from openpyxl.utils import get_column_letter

        columns, headers, rows, _title = self._table
        workbook = Workbook()
        sheet = workbook.active
        # Sheet titles are limited to 31 characters and may not contain []:*?/\.
        sheet.title = "".join(ch for ch in self.localized_title if ch not in "[]:*?/\\")[:31]
        sheet.append(headers)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        gap_fill = PatternFill(
            fill_type="solid", start_color=XLSX_GAP_FILL, end_color=XLSX_GAP_FILL
        )
        # Rows by number: `sheet.max_row` scans every cell, which made large sheets quadratic.
        for row_number, row in enumerate(rows, start=2):
            sheet.append([_xlsx_value(value) for value in row])
            for column_number, (column, value) in enumerate(zip(columns, row, strict=True), 1):
                is_date, is_gap = column.type == DATE, self.is_gap(column=column, value=value)
                if is_date or is_gap:
                    cell = sheet.cell(row=row_number, column=column_number)
                    if is_date:
                        cell.number_format = XLSX_DATE_FORMAT
                    if is_gap:
                        cell.fill = gap_fill
        sheet.freeze_panes = "A2"
        for index, (column, header) in enumerate(zip(columns, headers, strict=True), start=1):
            lengths = [len(header)] + [_display_length(row[index - 1], column) for row in rows]
            width = min(max(lengths) + 2, XLSX_MAX_WIDTH)
            sheet.column_dimensions[get_column_letter(index)].width = width
        output = io.BytesIO()
        workbook.save(output)
        return output.getvalue()


def _csv_value(value):
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return _plain_decimal(value)
    return value


def _plain_decimal(value: decimal.Decimal):
    """915.00 -> 915, 2.50 -> 2.5: no trailing zeros, never an exponent."""
    if value == value.to_integral_value():
        return int(value)
    return format(value.normalize(), "f")


def _xlsx_value(value):
    # openpyxl writes numbers as numbers and None as an empty cell.
    if isinstance(value, decimal.Decimal):
        return _plain_decimal(value) if value == value.to_integral_value() else float(value)
    return value


def _display_length(value, column: Column) -> int:
    if value is None:
        return 0
    if column.type == DATE:
        return len(XLSX_DATE_FORMAT)
    return max((len(line) for line in str(value).splitlines()), default=0)


YES_NO = {True: _("yes"), False: _("no")}


def text_sort_key(text: str) -> tuple[str, str]:
    """Sort Čačak with C and Đakovica with D, not after Z (the database sorts by code point,
    and by the active language's column, which may be empty and fall back to Serbian)."""
    folded = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in folded if not unicodedata.combining(ch)).casefold(), text

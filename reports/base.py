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
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.utils import translation
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from returnee_portal.spreadsheet import neutralised

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
# Streamed CSV is sent in pieces of about this many characters.
CSV_CHUNK = 64 * 1024
# Rows read from the database at a time (and completed per batch) by large reports.
ROWS_CHUNK = 1000


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

    `rows()` returns, or yields, lists of plain values (str, int, Decimal, date or None) in
    column order. Both run inside `translation.override(language)` (a generator's every step
    does), so translated model fields (via modeltranslation and its Serbian fallback) and
    column labels come out in that language. A report that may be large yields its rows as it
    reads them (`.iterator(chunk_size=ROWS_CHUNK)`), so that the CSV and XLSX files are written
    without holding them all (`iter_csv`, `write_xlsx`).
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

    def rows(self) -> Iterable[list]:
        raise NotImplementedError

    def is_gap(self, *, column: Column, value) -> bool:
        """Whether a cell shows a gap worth highlighting (e.g. no service at all)."""
        return False

    @cached_property
    def _header(self) -> tuple[list[Column], list[str], str]:
        with translation.override(self.language):
            columns = self.columns()
            # Labels shared with other pages may be lower-case ("needs review").
            headers = [capfirst(str(column.label)) for column in columns]
            title = str(self.title)
        return columns, headers, title

    @property
    def headers(self) -> list[str]:
        return self._header[1]

    def iter_data(self) -> Iterator[list]:
        """The rows one at a time, for files of any size: each is made in the report's
        language, which is active only while it is made (the caller may be a response being
        sent, after the view has returned)."""
        rows = None
        try:
            while True:
                with translation.override(self.language):
                    if rows is None:
                        rows = iter(self.rows())
                    row = next(rows, _END)
                if row is _END:
                    return
                yield list(row)
        finally:
            close = getattr(rows, "close", None)
            if close is not None:
                close()

    @cached_property
    def data(self) -> list[list]:
        """The rows, as plain values (all of them in memory: for the HTML table)."""
        return list(self.iter_data())

    @property
    def table_rows(self) -> list[list[Cell]]:
        """The rows as cells that know their column and whether they are a gap (for HTML)."""
        columns = self._header[0]
        return [
            [
                Cell(value=value, column=column, is_gap=self.is_gap(column=column, value=value))
                for column, value in zip(columns, row, strict=True)
            ]
            for row in self.data
        ]

    @property
    def localized_title(self) -> str:
        return self._header[2]

    def filename(self, extension: str) -> str:
        return f"{self.slug}-{self.language}-{self.today.isoformat()}.{extension}"

    def iter_csv(self) -> Iterator[bytes]:
        """The CSV file in pieces, row by row from the database (see `as_csv`)."""
        return (piece for piece, _rows in self._csv_pieces())

    def _csv_pieces(self) -> Iterator[tuple[bytes, int]]:
        """(piece of the CSV file, rows in it so far)."""
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow([neutralised(header) for header in self.headers])
        first, count = True, 0
        for count, row in enumerate(self.iter_data(), start=1):
            writer.writerow([_csv_value(value) for value in row])
            if buffer.tell() >= CSV_CHUNK:
                yield _csv_piece(buffer, first=first), count
                first = False
        yield _csv_piece(buffer, first=first), count

    def as_csv(self) -> bytes:
        """UTF-8 with a byte-order mark, comma-separated, quoted where needed; ISO dates."""
        return b"".join(self.iter_csv())

    def write_csv(self, file) -> int:
        """Write the CSV file into the binary `file`; returns the number of rows."""
        rows = 0
        for piece, written in self._csv_pieces():
            file.write(piece)
            rows = written
        return rows

    def write_xlsx(self, file) -> int:
        """Write the XLSX file into the binary `file`; returns the number of rows.

        One sheet: bold frozen header, widths from the content, dates and numbers typed,
        gaps filled. XlsxWriter's constant-memory mode writes each row out as it comes, so a
        sheet of any size is never held in memory (openpyxl took twice as long). Text is
        always written as text, and text a spreadsheet would run (returnee_portal.spreadsheet)
        gets Excel's quote prefix, so it stays text even when someone edits the cell.
        """
        import xlsxwriter

        columns, headers, title = self._header
        workbook = xlsxwriter.Workbook(
            file,
            {
                "constant_memory": True,
                "strings_to_formulas": False,
                "strings_to_urls": False,
                "strings_to_numbers": False,
            },
        )
        # Sheet titles are limited to 31 characters and may not contain []:*?/\.
        sheet = workbook.add_worksheet(
            "".join(c for c in title if c not in "[]:*?/\\")[:31] or None
        )
        bold = workbook.add_format({"bold": True, "quote_prefix": True})  # headers are text
        gap = {"bg_color": f"#{XLSX_GAP_FILL}", "pattern": 1}
        formats = {
            (False, False): None,
            (True, False): workbook.add_format({"num_format": XLSX_DATE_FORMAT}),
            (False, True): workbook.add_format(gap),
            (True, True): workbook.add_format({**gap, "num_format": XLSX_DATE_FORMAT}),
        }
        quoted = {
            False: workbook.add_format({"quote_prefix": True}),
            True: workbook.add_format({**gap, "quote_prefix": True}),
        }
        sheet.freeze_panes(1, 0)
        lengths = [len(header) for header in headers]
        sheet.write_row(0, 0, headers, bold)
        count = 0
        for count, row in enumerate(self.iter_data(), start=1):
            for index, (column, value) in enumerate(zip(columns, row, strict=True)):
                lengths[index] = max(lengths[index], _display_length(value, column))
                is_gap = self.is_gap(column=column, value=value)
                if neutralised(value) is not value:
                    sheet.write_string(count, index, value, quoted[is_gap])
                    continue
                _xlsx_write(sheet, count, index, value, formats[column.type == DATE, is_gap])
        for index, length in enumerate(lengths):
            sheet.set_column(index, index, min(length + 2, XLSX_MAX_WIDTH))
        workbook.close()
        return count

    def as_xlsx(self) -> bytes:
        """The XLSX file (see `write_xlsx`) as bytes."""
        output = io.BytesIO()
        self.write_xlsx(output)
        return output.getvalue()


def _csv_piece(buffer: io.StringIO, *, first: bool) -> bytes:
    """What `buffer` holds, encoded (with the byte-order mark if `first`), and empty it."""
    piece = buffer.getvalue().encode(CSV_ENCODING if first else "utf-8")
    buffer.seek(0)
    buffer.truncate()
    return piece


def _csv_value(value):
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return _plain_decimal(value)
    return neutralised(value)


def _plain_decimal(value: decimal.Decimal):
    """915.00 -> 915, 2.50 -> 2.5: no trailing zeros, never an exponent."""
    if value == value.to_integral_value():
        return int(value)
    return format(value.normalize(), "f")


def _xlsx_write(sheet, row: int, column: int, value, cell_format) -> None:
    """One cell, typed: numbers as numbers, dates as dates, everything else as text."""
    if value is None or value == "":
        if cell_format is not None:
            sheet.write_blank(row, column, None, cell_format)
    elif isinstance(value, decimal.Decimal):
        exact = value == value.to_integral_value()
        sheet.write_number(
            row, column, _plain_decimal(value) if exact else float(value), cell_format
        )
    elif isinstance(value, int | float) and not isinstance(value, bool):
        sheet.write_number(row, column, value, cell_format)
    elif isinstance(value, datetime.date):
        sheet.write_datetime(row, column, value, cell_format)
    else:
        sheet.write_string(row, column, str(value), cell_format)


def _display_length(value, column: Column) -> int:
    if value is None:
        return 0
    if column.type == DATE:
        return len(XLSX_DATE_FORMAT)
    return max((len(line) for line in str(value).splitlines()), default=0)


_END = object()

YES_NO = {True: _("yes"), False: _("no")}


def text_sort_key(text: str) -> tuple[str, str]:
    """Sort Čačak with C and Đakovica with D, not after Z (the database sorts by code point,
    and by the active language's column, which may be empty and fall back to Serbian)."""
    folded = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in folded if not unicodedata.combining(ch)).casefold(), text

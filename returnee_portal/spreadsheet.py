"""Cells a spreadsheet program would run: one rule for the import, the forms and every export.

A spreadsheet evaluates a cell that starts with =, +, - or @, and OWASP's rule for CSV
injection adds a tab or a carriage return at the start; such a cell can fetch a web address
with the sheet's contents or start a program when a coordinator opens an export. So the
import and the service form refuse such text (`formula_sign`), and every export writes a
stored one with a leading apostrophe (`neutralised`), which spreadsheets show as text.

A number is not a formula: digits with spaces and ( ) / . , + - only ("+381 20 123 456",
"-0.5") cannot call a function or read a cell, so it is left as it is.
"""

import re

FORMULA_SIGNS = ("=", "+", "-", "@", "\t", "\r")
NUMBER = re.compile(r"[\d\s()/.,+-]*\d[\d\s()/.,+-]*")
TEXT_MARK = "'"


def formula_sign(text: str) -> str | None:
    """The sign that makes a spreadsheet run `text` as a formula, or None if it would not
    (plain text; numbers are the caller's allowance, see `is_number`)."""
    start = text.lstrip(" ")
    if start.startswith(FORMULA_SIGNS):
        return start[0]
    return None


def is_number(text: str) -> bool:
    return NUMBER.fullmatch(text.strip()) is not None


def neutralised(value):
    """`value` as an export writes it: text a spreadsheet would run gets a leading apostrophe."""
    if isinstance(value, str) and formula_sign(value) is not None and not is_number(value):
        return TEXT_MARK + value
    return value

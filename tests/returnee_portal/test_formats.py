"""Romani dates and numbers follow Serbian conventions (Django ships no Romani formats)."""

import datetime

from django.utils import formats, translation


def test_romani_dates_are_numeric_not_english():
    with translation.override("rom"):
        assert formats.date_format(datetime.date(2026, 11, 5)) == "5. 11. 2026"
        assert formats.date_format(datetime.date(2026, 11, 5), "YEAR_MONTH_FORMAT") == "11. 2026"


def test_romani_numbers_group_thousands_as_in_serbian():
    with translation.override("rom"):
        assert formats.number_format(1500000, decimal_pos=2, force_grouping=True) == (
            "1.500.000,00"
        )

"""Names of downloaded files, made of what they hold: "usluge-tutin-2026-12-02.xlsx"."""

import datetime

from django.utils import translation
from django.utils.text import slugify

from .languages import CYRILLIC


def download_filename(*words, day: datetime.date, extension: str) -> str:
    """`words` (lazy translations or names) in the user's language, as ASCII slugs, then `day`.

    Cyrillic pages name files in Serbian Latin letters: some programs and mail systems still
    mangle non-ASCII file names.
    """
    language = translation.get_language()
    with translation.override("sr-latn" if language == CYRILLIC else language):
        parts = [slugify(str(word).replace("đ", "dj").replace("Đ", "Dj")) for word in words]
    return "-".join([*(part for part in parts if part), day.isoformat()]) + f".{extension}"

"""The interface catalogues: complete in every language, compiled, and honest about review."""

from pathlib import Path

import polib
import pytest

LOCALE = Path(__file__).resolve().parents[2] / "locale"
TRANSLATED = ["sr_Latn", "sr", "rom", "sq", "de"]
NON_NATIVE = ["rom", "sq", "de"]
REVIEW_MARKER = "needs-review: written by a non-native speaker"
# Django's own messages our pages show (returnee_portal/library_messages.py) carry Django's
# translation, where Django has one.
DJANGO_MARKER = "from Django's own catalogue"


def catalogue(language):
    return polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_interface_string_is_translated(language):
    po = catalogue(language)
    assert len(po) > 100
    assert po.untranslated_entries() == []
    assert po.fuzzy_entries() == []
    for entry in po:
        for text in [entry.msgstr, *entry.msgstr_plural.values()]:
            for placeholder in ("%(language)s", "%(date)s", "{{ counter }}"):
                if placeholder in entry.msgid:
                    assert placeholder in text or not text, entry.msgid


@pytest.mark.parametrize("language", NON_NATIVE)
def test_translations_by_non_native_speakers_are_marked_for_review(language):
    unmarked = [
        e.msgid
        for e in catalogue(language)
        if REVIEW_MARKER not in (e.tcomment or "") and DJANGO_MARKER not in (e.tcomment or "")
    ]
    assert unmarked == []


def test_romani_catalogue_has_a_real_plural_header():
    metadata = catalogue("rom").metadata
    assert metadata["Language"] == "rom"
    assert metadata["Plural-Forms"] == "nplurals=2; plural=(n != 1);"


@pytest.mark.parametrize("language", TRANSLATED)
def test_compiled_catalogue_matches_its_source(language):
    """The .mo files are committed (a machine without gettext still runs the site)."""
    po = catalogue(language)
    mo = polib.mofile(str(LOCALE / language / "LC_MESSAGES" / "django.mo"))
    compiled = {(e.msgctxt, e.msgid): (e.msgstr, e.msgstr_plural) for e in mo if e.msgid}
    source = {
        (e.msgctxt, e.msgid): (e.msgstr, {int(k): v for k, v in e.msgstr_plural.items()})
        for e in po.translated_entries()
    }
    assert {k: (s, {int(i): t for i, t in p.items()}) for k, (s, p) in compiled.items()} == source

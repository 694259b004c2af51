"""Make the Serbian Cyrillic catalogue (`sr`) from the Serbian Latin one (`sr_Latn`).

Every msgstr, plural forms included, is transliterated with `latin_to_cyrillic`; msgids,
comments, flags and the header are kept, with `Language: sr`. Run it after editing
locale/sr_Latn/LC_MESSAGES/django.po, then `compilemessages`.
"""

import copy
from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from returnee_portal.transliteration import latin_to_cyrillic

GENERATED_NOTE = (
    "Generated from sr_Latn/LC_MESSAGES/django.po by `manage.py make_cyrillic_catalogue`:\n"
    "edit the Serbian Latin catalogue, not this file."
)


def cyrillic_catalogue(source: polib.POFile) -> polib.POFile:
    """A copy of the Serbian Latin catalogue `source` with every translation in Cyrillic."""
    target = polib.POFile(wrapwidth=source.wrapwidth, encoding="utf-8")
    header = source.header.replace("Serbian (Latin)", "Serbian (Cyrillic)").rstrip()
    target.header = f"{header}\n\n{GENERATED_NOTE}" if header else GENERATED_NOTE
    target.metadata = {
        key: value.replace("Serbian (Latin)", "Serbian (Cyrillic)")
        for key, value in source.metadata.items()
    }
    target.metadata["Language"] = "sr"
    target.metadata_is_fuzzy = source.metadata_is_fuzzy
    for entry in source:  # obsolete entries included
        target.append(_cyrillic_entry(entry))
    return target


def _cyrillic_entry(entry: polib.POEntry) -> polib.POEntry:
    cyrillic = copy.deepcopy(entry)
    cyrillic.msgstr = latin_to_cyrillic(entry.msgstr)
    cyrillic.msgstr_plural = {
        index: latin_to_cyrillic(text) for index, text in entry.msgstr_plural.items()
    }
    return cyrillic


class Command(BaseCommand):
    help = (
        "Write locale/sr/LC_MESSAGES/django.po (Serbian Cyrillic) from "
        "locale/sr_Latn/LC_MESSAGES/django.po by transliterating every translation."
    )

    def add_arguments(self, parser):
        locale_dir = Path(settings.LOCALE_PATHS[0])
        parser.add_argument(
            "--source",
            type=Path,
            default=locale_dir / "sr_Latn" / "LC_MESSAGES" / "django.po",
            help="Serbian Latin catalogue to read (default: %(default)s).",
        )
        parser.add_argument(
            "--target",
            type=Path,
            default=locale_dir / "sr" / "LC_MESSAGES" / "django.po",
            help="Serbian Cyrillic catalogue to write (default: %(default)s).",
        )
        parser.add_argument(
            "--check",
            action="store_true",
            help="Write nothing; exit with status 1 if the target is not up to date.",
        )

    def handle(self, *args, source, target, check, **options):
        if not source.is_file():
            raise CommandError(f"No Serbian Latin catalogue at {source}.")
        catalogue = cyrillic_catalogue(polib.pofile(str(source)))
        text = str(catalogue)
        if check:
            current = target.read_text(encoding="utf-8") if target.is_file() else ""
            if current != text:
                raise CommandError(f"{target} is out of date: run make_cyrillic_catalogue.")
            self.stdout.write(f"{target} is up to date.")
            return
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        entries = len([entry for entry in catalogue if not entry.obsolete])
        self.stdout.write(self.style.SUCCESS(f"Wrote {entries} entries to {target}."))

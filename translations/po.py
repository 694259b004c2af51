"""The translator's file: gettext PO, written and read with polib.

PO files open in every translation tool (Poedit, Lokalize, Weblate, OmegaT, Virtaal) and in a
plain text editor. One entry per text:
- `msgctxt`: which text it is, and a fingerprint of the translation it was handed out with
  (`selectors.Text.key`), so an upload can tell what changed meanwhile;
- `msgid`: the Serbian (Latin) source as it was at the download;
- `msgstr`: the translation - empty when missing, the current one otherwise;
- the "fuzzy" flag on a translation that is outdated or waits for review: the translator
  clears it (Poedit: "Needs work") when the text is right;
- an extracted comment with what the text belongs to, its state and its page.
"""

import os
import tempfile

import polib
from django.utils import timezone

from returnee_portal.translation_review import STATE_LABELS

FUZZY = "fuzzy"


def po_write(*, texts, language: str, context) -> bytes:
    """The PO file of `texts` for `language`; `context(text)` is each entry's comment."""
    po = polib.POFile(wrapwidth=0)
    po.metadata = {
        "Project-Id-Version": "Returnee Portal",
        "POT-Creation-Date": timezone.now().strftime("%Y-%m-%d %H:%M%z"),
        "Language": language,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Generator": "Returnee Portal",
    }
    for text in texts:
        po.append(
            polib.POEntry(
                msgctxt=text.key,
                msgid=text.source,
                msgstr=text.translation,
                flags=[FUZZY] if text.translation else [],
                comment=f"{context(text)}\n{STATE_LABELS[text.state]}",
            )
        )
    return str(po).encode()


class UnreadableFile(ValueError):
    pass


def po_read(content: bytes) -> polib.POFile:
    """The PO file in `content`; UnreadableFile if it is not one.

    Read from a file of its own: given a string, polib takes one that names an existing file
    for its path, which would let an upload read a file of the server.
    """
    try:
        content.decode("utf-8")
    except UnicodeDecodeError:
        raise UnreadableFile from None
    with tempfile.NamedTemporaryFile(suffix=".po", delete=False) as file:
        file.write(content)
    try:
        return polib.pofile(file.name, encoding="utf-8", wrapwidth=0)
    except (OSError, ValueError, UnicodeError, LookupError):
        raise UnreadableFile from None
    finally:
        os.unlink(file.name)

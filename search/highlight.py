"""The matched words of a result, marked with <mark>, and the snippet around the first one."""

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .folding import fold_words

_WORD = re.compile(r"\w+")
SNIPPET_LENGTH = 200
SNIPPET_LEAD = 60  # characters shown before the first match


def _is_marked(word: str, marks: frozenset[str]) -> bool:
    return any(part.startswith(mark) for part in fold_words(word) for mark in marks)


def highlight(text: str, marks: frozenset[str]) -> SafeString:
    """`text`, escaped, with each word that a search word starts marked."""
    out, position = [], 0
    for match in _WORD.finditer(text):
        if _is_marked(match.group(0), marks):
            out.append(escape(text[position : match.start()]))
            out.append(f"<mark>{escape(match.group(0))}</mark>")
            position = match.end()
    out.append(escape(text[position:]))
    return mark_safe("".join(out))  # noqa: S308 - every piece escaped above


def snippet(text: str, marks: frozenset[str]) -> SafeString:
    """About SNIPPET_LENGTH characters of `text` around its first matched word, highlighted."""
    text = " ".join(text.split())
    first = next((m.start() for m in _WORD.finditer(text) if _is_marked(m.group(0), marks)), 0)
    start = max(0, first - SNIPPET_LEAD)
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < first else start
    end = start + SNIPPET_LENGTH
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > first else end
    piece = text[start:end]
    return mark_safe(  # noqa: S308 - highlight() escapes
        ("… " if start else "") + highlight(piece, marks) + (" …" if end < len(text) else "")
    )

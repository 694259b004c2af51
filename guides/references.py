"""Links from guide text to other chapters: "see chapter 8" becomes a link to chapter 8.

The chapters refer to each other by number, in every language ("vidite poglavlje 8",
"see chapter 8", "siehe Kapitel 8", "shihni kapitullin 8", "dikhen o kotor 8"); the number
is the chapter's `order`. A number no published chapter has stays plain text.
"""

import re
from collections.abc import Callable, Iterable

from .models import GuideChapter

_CHAPTER_REFERENCE = re.compile(
    r"(?<![\[\w])(?:poglavlj\w*|chapters?|kapitel\w*|kapitull\w*|kotor\w*|поглавл\w*)\s+(\d{1,3})\b"
    r"(?!\]|\()",
    re.IGNORECASE,
)


def chapter_references(
    chapters: Iterable[GuideChapter], *, in_page: bool = False
) -> Callable[[str], str]:
    """A Markdown rewriter linking each reference to a chapter of `chapters` to its page, or
    with `in_page` to its place in a document that holds every chapter (chapter_anchor)."""
    urls = {
        chapter.order: f"#{chapter_anchor(chapter)}" if in_page else chapter.get_absolute_url()
        for chapter in chapters
    }

    def link(match: re.Match) -> str:
        url = urls.get(int(match.group(1)))
        return f"[{match.group(0)}]({url})" if url else match.group(0)

    return lambda source: _CHAPTER_REFERENCE.sub(link, source)


def chapter_anchor(chapter: GuideChapter) -> str:
    """The id of `chapter` where the whole guide is one document (its page, the PDF)."""
    return f"chapter-{chapter.slug}"

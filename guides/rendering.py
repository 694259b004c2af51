"""A chapter's text as a page shows it: its sections, for in-page contents, and its headings'
level and ids, which differ when the whole guide is one document (guides/references.py)."""

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.safestring import SafeString

from returnee_portal.rendering import html_sections
from returnee_portal.templatetags.portal import translated_html

from .models import GuideChapter
from .references import chapter_anchor, chapter_references

# A chapter with this many sections or more gets its own contents at the top of its page.
LONG_CHAPTER_SECTIONS = 3


@dataclass(frozen=True)
class ChapterText:
    chapter: GuideChapter
    anchor: str
    body: SafeString
    sections: list[tuple[str, SafeString]]

    @property
    def is_long(self) -> bool:
        return len(self.sections) >= LONG_CHAPTER_SECTIONS


def chapter_text(
    chapter: GuideChapter,
    chapters: Sequence[GuideChapter],
    *,
    title_level: int = 1,
    in_document: bool = False,
) -> ChapterText:
    """`chapter`'s text in the page's language, "see chapter N" linked to chapter N of
    `chapters`, its sections one level below its title's `<h{title_level}>`.

    `in_document`: the text is one of every chapter's in one document (the whole guide's page,
    the PDF), so its ids carry the chapter's anchor and its references point within the document.
    """
    anchor = chapter_anchor(chapter)
    body = translated_html(
        chapter,
        "body",
        format="markdown",
        references=chapter_references(chapters, in_page=in_document),
        heading_level=title_level,
        id_prefix=f"{anchor}-" if in_document else "",
    )
    return ChapterText(
        chapter=chapter,
        anchor=anchor,
        body=body,
        sections=html_sections(body, level=title_level + 1),
    )

"""Markdown to safe HTML for texts written in the admin (guide chapters)."""

import re
from collections.abc import Callable

import markdown
import nh3
from django.utils.safestring import SafeString, mark_safe
from markdown.extensions.toc import TocExtension, slugify

# What a guide chapter may contain after rendering; everything else (script, style, iframes,
# event handlers, javascript: links) is removed by nh3.
ALLOWED_TAGS = {
    "a", "abbr", "blockquote", "br", "code", "em", "h2", "h3", "h4", "h5", "hr", "li", "ol", "p",
    "pre", "strong", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    **{heading: {"id"} for heading in ("h2", "h3", "h4", "h5")},
}
_LINK_TAG = re.compile(r"</?a\b[^>]*>")
_SECTION = re.compile(r'<h(?P<level>[2-5]) id="(?P<id>[^"]+)">(?P<title>.*?)</h(?P=level)>', re.S)

# Web and e-mail addresses written out in the text, not already inside a Markdown link
# (`[text](url)`, `<url>`); a full stop or comma after an address ends the sentence.
_BARE_ADDRESS = re.compile(
    r"(?<![(<\[/@\w.+-])"
    r"(?P<url>(?:https?://|www\.)[^\s<>()\[\]]*[^\s<>()\[\].,;:!?'\"»”“])"
    r"|(?<![<\[\w.+-])(?P<email>[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-zA-Z]{2,})(?![\w@])"
)


def _address_link(match: re.Match) -> str:
    if match.group("email"):
        return f"[{match.group('email')}](mailto:{match.group('email')})"
    url = match.group("url")
    return f"[{url}](https://{url})" if url.startswith("www.") else f"<{url}>"


def markdown_render(
    text: str,
    *,
    references: Callable[[str], str] | None = None,
    heading_level: int = 1,
    id_prefix: str = "",
) -> SafeString:
    """Sanitised HTML of the Markdown `text`, with written-out addresses made links.

    `references`, if given, rewrites the Markdown first (the guide links "see chapter 8").
    Headings get ids (for in-page contents); `# ` becomes `<h{heading_level}>`, so a text shown
    under a page's `<h2>` can start one level lower, and `id_prefix` keeps the ids of several
    texts on one page (the whole guide, the PDF) apart.
    """
    source = _BARE_ADDRESS.sub(_address_link, text or "")
    if references is not None:
        source = references(source)
    contents = TocExtension(
        baselevel=heading_level,
        slugify=lambda value, separator: id_prefix + slugify(value, separator),
    )
    html = markdown.markdown(source, extensions=["sane_lists", contents], output_format="html")
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto", "tel"},
        link_rel="noopener noreferrer",
    )
    return mark_safe(cleaned)  # noqa: S308 - sanitised by nh3 just above


def html_sections(html: str, *, level: int) -> list[tuple[str, SafeString]]:
    """[(id, title HTML)] of the `<h{level}>` headings of HTML made by markdown_render, for
    in-page contents: a title's links are dropped (no link inside the contents' link), its
    other markup (a Latin name's `lang` on a Cyrillic page) kept."""
    return [
        (match["id"], mark_safe(_LINK_TAG.sub("", match["title"])))  # noqa: S308 - sanitised
        for match in _SECTION.finditer(html)
        if int(match["level"]) == level
    ]


_MARKDOWN_SYNTAX = [
    (re.compile(r"!?\[([^\]]*)\]\([^)]*\)"), r"\1"),  # links and images: their text
    (re.compile(r"<((?:https?://|mailto:)[^<>\s]+)>"), r"\1"),  # autolinks
    (re.compile(r"<[^>]*>"), ""),  # HTML, removed when the page is shown anyway
    (re.compile(r"^\s{0,3}(?:#{1,6}\s+|[-*+]\s+|\d+[.)]\s+|>\s?)", re.MULTILINE), ""),
    (re.compile(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # emphasis, code
]


def markdown_plain(text: str) -> str:
    """The words of a Markdown text without its markup: cheap, for search and snippets."""
    for pattern, replacement in _MARKDOWN_SYNTAX:
        text = pattern.sub(replacement, text or "")
    return text

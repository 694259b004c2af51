"""Which language a text is shown in, and what to do when its translation is missing."""

import functools
import re
from dataclasses import dataclass
from urllib.parse import unquote

from django.conf import settings
from django.urls import NoReverseMatch, Resolver404, resolve, reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, get_language_info, override
from modeltranslation.utils import build_localized_fieldname
from modeltranslation.utils import get_language as content_language

from .transliteration import latin_to_cyrillic


def localized_fields(*fields: str) -> list[str]:
    """Every content language's column for each of `fields`: name_sr_latn, name_rom, ..."""
    return [
        build_localized_fieldname(field, code)
        for field in fields
        for code in settings.MODELTRANSLATION_LANGUAGES
    ]


# The fallback language as an HTML `lang` value (BCP 47 casing).
FALLBACK_HTML_LANG = "sr-Latn"
# The interface language that shows the Serbian (Latin) content in Cyrillic.
CYRILLIC = "sr"


def language_name(code: str) -> str:
    """The language's name in the active interface language, e.g. "Romani" or "romski"."""
    return str(dict(settings.LANGUAGES)[code])


@dataclass(frozen=True)
class LocalizedText:
    text: str
    html_lang: str | None  # set when the text is not in the page's language
    is_fallback: bool  # the reader's language has no translation; this is Serbian
    cyrillic: bool = False  # Serbian on a Cyrillic page: shown transliterated (page_text)


def localized_text(*, obj, field: str) -> LocalizedText:
    """The text of `obj.field` for the active language, falling back to Serbian (Latin).

    On Cyrillic pages it is the Serbian text, or the coordinator's Cyrillic correction of it
    (`ContentModel.cyrillic`), still to be transliterated by `page_text` or `page_html`.
    """
    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    page_language = get_language()
    if page_language == CYRILLIC:
        latin = getattr(obj, build_localized_fieldname(field, default)) or ""
        correction = (getattr(obj, "cyrillic", None) or {}).get(field) or {}
        text = correction.get("text") if correction.get("source") == latin else None
        return LocalizedText(text=text or latin, html_lang=None, is_fallback=False, cyrillic=True)
    value = getattr(obj, build_localized_fieldname(field, _content_language(page_language))) or ""
    if value:
        return LocalizedText(text=value, html_lang=None, is_fallback=False)
    value = getattr(obj, build_localized_fieldname(field, default)) or ""
    return LocalizedText(
        text=value,
        html_lang=FALLBACK_HTML_LANG if value else None,
        is_fallback=bool(value),
    )


def localized_columns(field: str) -> list[str]:
    """The columns `localized_text` reads of `field` in the active language."""
    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    page_language = get_language()
    if page_language == CYRILLIC:
        return [build_localized_fieldname(field, default), "cyrillic"]
    codes = dict.fromkeys((_content_language(page_language), default))
    return [build_localized_fieldname(field, code) for code in codes]


@functools.cache
def _content_language(page_language: str | None) -> str:
    """The content language modeltranslation reads on a page in `page_language` (once per
    language, not once per text: a list page reads hundreds)."""
    with override(page_language):
        return content_language()


def _latin_span(text: str) -> str:
    return f'<span class="latn">{text}</span>'


# Names and titles recur on every page (a picker shows 200 municipalities): their Cyrillic is
# kept per process, keyed by the text and the names kept in Latin. Longer texts (a service's
# description) are transliterated each time rather than held in memory.
CYRILLIC_KEPT_CHARACTERS = 200


@functools.lru_cache(maxsize=8192)
def _cyrillic_kept(text: str, keep: re.Pattern | None, html: bool) -> str:
    return latin_to_cyrillic(text, keep=keep, mark=_latin_span if html else None)


def _cyrillic(text: str, *, html: bool) -> str:
    from .models import latin_names_pattern  # the names coordinators keep in Latin

    keep = latin_names_pattern()
    if len(text) <= CYRILLIC_KEPT_CHARACTERS:
        return _cyrillic_kept(str(text), keep, html)
    return latin_to_cyrillic(text, keep=keep, mark=_latin_span if html else None)


def page_text(text: LocalizedText) -> str:
    """The text as the page shows it, as plain text (a `<title>`, an attribute, a message)."""
    if not text.cyrillic:
        return text.text
    return _cyrillic(text.text, html=False)


def page_html(text: LocalizedText, html: SafeString) -> SafeString:
    """`html`, the escaped or rendered `text`, as the page shows it.

    On Cyrillic pages it is transliterated, and every piece left in Latin (addresses, names
    coordinators listed, acronyms) is marked `<span class="latn">`.
    """
    if not text.cyrillic:
        return html
    # Transliteration keeps markup and escaping as they are.
    return mark_safe(_cyrillic(html, html=True))  # noqa: S308


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name_local: str
    url: str
    is_current: bool


def language_links(*, path: str, query_string: str) -> list[LanguageLink]:
    """Plain links to the same page in every interface language (no form, no cookie)."""
    current = get_language()
    links = []
    translate = _translator(path)
    for code, _name in settings.LANGUAGES:
        url = translate(code)
        if query_string:
            url = f"{url}?{query_string}"
        name_local = get_language_info(code)["name_local"]
        links.append(
            LanguageLink(
                code=code,
                name_local=name_local[:1].upper() + name_local[1:],
                url=url,
                is_current=code == current,
            )
        )
    return links


def _translator(path: str):
    """`path` in another language, as Django's translate_url gives it, with the path resolved
    once for every language rather than once per language."""
    try:
        match = resolve(unquote(path))
    except Resolver404:
        return lambda code: path
    name = f"{match.namespace}:{match.url_name}" if match.namespace else match.url_name

    def translate(code: str) -> str:
        with override(code):
            try:
                return reverse(name, args=match.args, kwargs=match.kwargs)
            except NoReverseMatch:
                return path

    return translate

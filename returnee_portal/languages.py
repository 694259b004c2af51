"""Which language a text is shown in, and what to do when its translation is missing."""

from dataclasses import dataclass

from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info
from modeltranslation.utils import build_localized_fieldname
from modeltranslation.utils import get_language as content_language


def localized_fields(*fields: str) -> list[str]:
    """Every content language's column for each of `fields`: name_sr_latn, name_rom, ..."""
    return [
        build_localized_fieldname(field, code)
        for field in fields
        for code in settings.MODELTRANSLATION_LANGUAGES
    ]


# The fallback language as an HTML `lang` value (BCP 47 casing).
FALLBACK_HTML_LANG = "sr-Latn"


def language_name(code: str) -> str:
    """The language's name in the active interface language, e.g. "Romani" or "romski"."""
    return str(dict(settings.LANGUAGES)[code])


@dataclass(frozen=True)
class LocalizedText:
    text: str
    html_lang: str | None  # set when the text is not in the page's language
    is_fallback: bool  # the reader's language has no translation; this is Serbian


def localized_text(*, obj, field: str) -> LocalizedText:
    """The text of `obj.field` for the active language, falling back to Serbian (Latin)."""
    language = content_language()
    value = getattr(obj, build_localized_fieldname(field, language)) or ""
    page_language = get_language()
    if value:
        # Cyrillic pages show the Serbian Latin content until it is transliterated.
        html_lang = FALLBACK_HTML_LANG if page_language != language else None
        return LocalizedText(text=value, html_lang=html_lang, is_fallback=False)
    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    value = getattr(obj, build_localized_fieldname(field, default)) or ""
    return LocalizedText(
        text=value,
        html_lang=FALLBACK_HTML_LANG if value else None,
        is_fallback=bool(value),
    )


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
    for code, _name in settings.LANGUAGES:
        url = translate_url(path, code)
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

from django import template
from django.conf import settings
from django.template.defaultfilters import linebreaks_filter
from django.utils.html import format_html
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from modeltranslation.utils import get_language as content_language

from returnee_portal.languages import language_name, localized_text
from returnee_portal.rendering import markdown_render
from returnee_portal.translation_review import NEEDS_REVIEW, OUTDATED, translation_state

register = template.Library()


@register.simple_tag
def tr(obj, field, format="inline", notice=True):
    """Show a translated field; a Serbian fallback gets its own `lang` and a short notice.

    format: "inline" (a span), "paragraphs" (line breaks kept) or "markdown" (sanitised HTML).
    """
    text = localized_text(obj=obj, field=field)
    if format == "markdown":
        content = markdown_render(text.text)
    elif format == "paragraphs":
        content = linebreaks_filter(text.text)
    else:
        content = text.text
    block = format != "inline"
    if not text.html_lang:
        return format_html("<div>{}</div>", content) if block else format_html("{}", content)
    note = _fallback_note(tag="p" if block else "small") if text.is_fallback and notice else ""
    tag = "div" if block else "span"
    return format_html('<{tag} lang="{}">{}</{tag}>{}', text.html_lang, content, note, tag=tag)


def _fallback_note(*, tag):
    language = language_name(get_language())
    return format_html(
        '<{tag} class="fallback-note">{}</{tag}>',
        _("Not yet available in %(language)s; shown in Serbian.") % {"language": language},
        tag=tag,
    )


@register.simple_tag
def translation_notice(obj, title_field):
    """The note under a page's title about the language the object is shown in.

    Placed after the `<h1>` (not inside it, so it is not read as part of the heading): the
    title shown in Serbian for want of a translation, or a translation nobody has checked yet.
    Nothing in Serbian (the source; the Cyrillic pages show it transliterated) or for a
    reviewed translation.
    """
    if localized_text(obj=obj, field=title_field).is_fallback:
        return _fallback_note(tag="p")
    language = content_language()
    if language == settings.MODELTRANSLATION_DEFAULT_LANGUAGE:
        return ""
    state = translation_state(obj=obj, language=language)
    if state == OUTDATED:
        text = _("The Serbian text has changed since this translation was made.")
    elif state == NEEDS_REVIEW:
        text = _("Translation not yet checked by a native speaker.")
    else:
        return ""
    return format_html('<small class="review-note">{}</small>', text)

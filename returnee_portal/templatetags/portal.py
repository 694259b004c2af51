from django import template
from django.template.defaultfilters import linebreaks_filter
from django.utils.html import format_html
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from returnee_portal.languages import language_name, localized_text
from returnee_portal.rendering import markdown_render

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
    note = ""
    if text.is_fallback and notice:
        language = language_name(get_language())
        note = format_html(
            '<{tag} class="fallback-note">{}</{tag}>',
            _("Not yet available in %(language)s; shown in Serbian.") % {"language": language},
            tag="p" if block else "small",
        )
    tag = "div" if block else "span"
    return format_html('<{tag} lang="{}">{}</{tag}>{}', text.html_lang, content, note, tag=tag)

import re
from urllib.parse import quote

from django import template
from django.conf import settings
from django.template.defaultfilters import linebreaks_filter
from django.utils import formats
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from modeltranslation.utils import get_language as content_language

from returnee_portal.languages import (
    CYRILLIC,
    LocalizedText,
    language_name,
    localized_text,
    page_html,
    page_text,
)
from returnee_portal.links import absolute_url
from returnee_portal.rendering import markdown_render
from returnee_portal.roles import user_can_translate
from returnee_portal.translation_review import NEEDS_REVIEW, OUTDATED, field_labels_by_state

register = template.Library()


# "- ", "* ", "• " or "1. " at a line's start: written as a list already.
_BULLET = re.compile(r"^\s*(?:[-*•]|\d{1,2}[.)])\s+")


def translated_html(obj, field, *, format="inline", **markdown_options):
    """A translated field as the page's language has it (see `tr`); `markdown_options` go to
    rendering.markdown_render (references to rewrite, the headings' level and ids)."""
    text = localized_text(obj=obj, field=field)
    if format == "markdown":
        content = markdown_render(text.text, **markdown_options)
    elif format == "paragraphs":
        content = linebreaks_filter(text.text)
    elif format == "lines":
        lines = (_BULLET.sub("", line).strip() for line in text.text.splitlines())
        content = format_html(
            "<ul>{}</ul>", format_html_join("", "<li>{}</li>", ((line,) for line in lines if line))
        )
    else:
        content = conditional_escape(text.text)
    content = page_html(text, content)
    block = format != "inline"
    if not text.html_lang:
        return format_html("<div>{}</div>", content) if block else content
    if not block:
        return format_html('<span lang="{}">{}</span>', text.html_lang, content)
    return format_html('<div lang="{}">{}</div>{}', text.html_lang, content, fallback_note(tag="p"))


@register.simple_tag
def tr(obj, field, format="inline"):
    """Show a translated field as the page's language has it.

    A Serbian fallback gets its own `lang`; a block of it (any format but "inline") also gets a
    short notice after it, never inside a link. On Cyrillic pages the Serbian text is shown in
    Cyrillic.
    format: "inline" (a span), "paragraphs" (line breaks kept), "lines" (a list, one item per
    line, bullets the writer typed dropped) or "markdown" (sanitised HTML).
    """
    return translated_html(obj, field, format=format)


@register.filter(is_safe=True)
def transliterated(html):
    """Safe HTML of a Serbian text that has no translations (a project's contact), in
    Cyrillic on Cyrillic pages: `{{ project.contact|urlize|transliterated }}`."""
    text = LocalizedText(
        text="", html_lang=None, is_fallback=False, cyrillic=get_language() == CYRILLIC
    )
    return page_html(text, conditional_escape(html))


@register.filter
def tr_text(obj, field):
    """A translated field as plain text, for `<title>`, attributes and interface sentences."""
    return page_text(localized_text(obj=obj, field=field))


def fallback_note(*, tag):
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
    title shown in Serbian for want of a translation; the parts whose Serbian text changed after
    they were translated, by name ("opening hours"); or a translation nobody has checked yet.
    Nothing in Serbian (the source; the Cyrillic pages show it transliterated) or for a
    reviewed translation.
    """
    if localized_text(obj=obj, field=title_field).is_fallback:
        return fallback_note(tag="p")
    language = content_language()
    if language == settings.MODELTRANSLATION_DEFAULT_LANGUAGE:
        return ""
    labels = field_labels_by_state(obj=obj, language=language)
    if OUTDATED in labels:
        text = _("Changed in Serbian since this translation was made: %(fields)s.") % {
            "fields": ", ".join(labels[OUTDATED])
        }
    elif NEEDS_REVIEW in labels:
        text = _("Translation not yet checked by a native speaker.")
    else:
        return ""
    return format_html('<small class="review-note">{}</small>', text)


@register.inclusion_tag("includes/breadcrumbs.html")
def breadcrumbs(*links):
    """The trail above a page's title: `{% breadcrumbs url label url label %}` (url may be "")."""
    return {"crumbs": list(zip(links[::2], links[1::2], strict=True))}


@register.simple_tag(takes_context=True)
def page_address(context):
    """This page's full address on SITE_URL, for paper: printed pages say where they came from."""
    request = context.get("request")  # none on the server error page
    return absolute_url(request.get_full_path()) if request else ""


@register.simple_tag
def page_language_name():
    """The page's language by its name in that language's interface, e.g. "romski" on /sr-latn/."""
    return language_name(get_language())


@register.filter
def money(amount, currency=""):
    """An amount as the page's language writes it, e.g. "400.000 EUR"; cents only if any."""
    if amount is None:
        return ""
    decimals = 0 if amount == amount.to_integral_value() else 2
    number = formats.number_format(amount, decimal_pos=decimals, force_grouping=True)
    return f"{number}\u00a0{currency}" if currency else number


@register.filter
def can_translate(user) -> bool:
    """Whether `user` may hand out and take back translation files (the admin's home links)."""
    return user_can_translate(user)


@register.inclusion_tag("includes/share.html")
def share_links(path, title, detail="", anchor=""):
    """Ways to send a page on: WhatsApp, Viber, SMS, e-mail and its address to copy.

    Plain links with the message filled in (the title, an address or a deadline, the page's
    address on SITE_URL, in the page's language), percent-encoded: nothing is asked of another
    site until the reader taps one.
    """
    url = absolute_url(path)
    message = "\n".join(part for part in (str(title), str(detail), url) if part)
    text = quote(message, safe="")
    return {
        "url": url,
        "anchor": anchor,
        # (name, link, whether the name is a brand, kept in Latin on Cyrillic pages)
        "links": [
            ("WhatsApp", f"https://wa.me/?text={text}", True),
            ("Viber", f"viber://forward?text={text}", True),
            (_("SMS"), f"sms:?&body={text}", False),
            (_("E-mail"), f"mailto:?subject={quote(str(title), safe='')}&body={text}", False),
        ],
    }

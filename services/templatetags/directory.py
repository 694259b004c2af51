from django import template
from django.utils.html import format_html_join
from django.utils.translation import ngettext

from returnee_portal.languages import localized_text, page_text
from returnee_portal.links import slug_addresses

register = template.Library()


@register.filter
def services_count(count: int) -> str:
    """ "1 service", "5 services" in the page's language: a filter, because a
    `{% blocktranslate count %}` in a loop of 200 municipalities costs more than the page."""
    return ngettext("%(counter)s service", "%(counter)s services", count) % {"counter": count}


@register.simple_tag
def municipality_options(districts, selected=None):
    """`districts`: services.selectors.districts_for_picker(); `selected`: a Municipality.

    The picker's `<optgroup>`s of municipalities by district: built here, not in a template
    loop, because 200 options through the template engine cost more than the rest of the page."""

    def name(obj) -> str:
        return page_text(localized_text(obj=obj, field="name"))

    def options(district):
        return format_html_join(
            "\n",
            '<option value="{}"{}>{}</option>',
            (
                (m.slug, " selected" if selected and m.slug == selected.slug else "", name(m))
                for m in district.municipalities
            ),
        )

    return format_html_join(
        "\n",
        '<optgroup label="{}">\n{}\n</optgroup>',
        ((name(district), options(district)) for district in districts),
    )


@register.simple_tag
def municipality_links(municipalities):
    """Links to the municipalities' pages, comma-separated (an open call's or a project's
    "where"): with one `reverse()` for all of them, not one per municipality."""
    addresses = slug_addresses("services:municipality_detail", (m.slug for m in municipalities))
    return format_html_join(
        ", ",
        '<a href="{}">{}</a>',
        (
            (address, page_text(localized_text(obj=m, field="name")))
            for address, m in zip(addresses, municipalities, strict=True)
        ),
    )

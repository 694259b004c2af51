from html import escape

from django import template
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import ngettext

from returnee_portal.languages import localized_text, page_text
from returnee_portal.links import slug_addresses
from returnee_portal.templatetags.portal import translated_html

register = template.Library()


@register.filter
def services_count(count: int) -> str:
    """ "1 service", "5 services" in the page's language: a filter, because a
    `{% blocktranslate count %}` in a loop of 200 municipalities costs more than the page."""
    return ngettext("%(counter)s service", "%(counter)s services", count) % {"counter": count}


@register.simple_tag
def municipality_options(districts, selected=None):
    """`districts`: services.selectors.districts_for_picker(); `selected`: a Municipality.

    The picker's `<optgroup>`s of municipalities by district: written here with plain string
    formatting, not a template loop or format_html() per option, because 200 options that
    way cost more than the rest of the page. Every name is escaped.
    """
    chosen = selected.slug if selected else None
    lines = []
    for district in districts:
        lines.append(f'<optgroup label="{escape(_name(district))}">')
        lines += [
            f'<option value="{escape(m.slug)}"{" selected" if m.slug == chosen else ""}>'
            f"{escape(_name(m))}</option>"
            for m in district.municipalities
        ]
        lines.append("</optgroup>")
    return mark_safe("\n".join(lines))  # noqa: S308 - every value above is escaped


@register.simple_tag(takes_context=True)
def municipality_items(context, municipalities, category=None):
    """The municipality list's lines for one district: each municipality's link (keeping
    `category`) and its count of services. Written here for the reason the picker's options
    are: 200 rows through the template engine cost more than the rest of the page."""
    base = escape(context["request"].path)
    query = f"?category={escape(category.slug)}" if category else ""
    return mark_safe(  # noqa: S308 - the path, slugs and count are escaped, the name is HTML
        "\n".join(
            f'<li><a href="{base}{escape(m.slug)}/{query}">{translated_html(m, "name")}</a> '
            f'<span class="count">{escape(services_count(m.service_count))}</span></li>'
            for m in municipalities
        )
    )


@register.simple_tag
def service_items(services, with_place=False, with_categories=False):
    """A list's lines of services (a page of a municipality's, an organization's or a
    chapter's): each service's link, its organization (and municipality, `with_place`) and
    its categories' labels (`with_categories`, from `listed_categories`). Written here for the
    reason the picker's options are: 50 rows of includes cost more than the rest of the page.
    """
    services = list(services)
    addresses = slug_addresses("services:service_detail", [s.slug for s in services])
    lines = []
    for service, address in zip(services, addresses, strict=True):
        place = f" · {translated_html(service.municipality, 'name')}" if with_place else ""
        categories = service.listed_categories if with_categories else []
        labels = "".join(
            f'<span class="label">{translated_html(c, "name")}</span>' for c in categories
        )
        lines.append(
            f'<li><a href="{escape(address)}">{translated_html(service, "name")}</a>\n'
            f"<small>{translated_html(service.organization, 'name')}{place}</small>"
            + (f'\n<span class="labels">{labels}</span>' if labels else "")
            + "</li>"
        )
    return mark_safe("\n".join(lines))  # noqa: S308 - the addresses are escaped, the names HTML


def _name(obj) -> str:
    return page_text(localized_text(obj=obj, field="name"))


@register.simple_tag
def municipality_links(municipalities):
    """Links to the municipalities' pages, comma-separated (an open call's or a project's
    "where"): with one `reverse()` for all of them, not one per municipality."""
    addresses = slug_addresses("services:municipality_detail", (m.slug for m in municipalities))
    return format_html_join(
        ", ",
        '<a href="{}">{}</a>',
        ((address, _name(m)) for address, m in zip(addresses, municipalities, strict=True)),
    )

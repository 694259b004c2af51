from html import escape

from django import template
from django.utils.formats import date_format
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext, ngettext

from returnee_portal.languages import localized_text, page_text
from returnee_portal.links import slug_addresses
from returnee_portal.models import LatinName
from returnee_portal.pagecache import content_fingerprint, list_tag, page_depends_on
from returnee_portal.templatetags.portal import translated_html

from ..models import District, Municipality
from ..selectors import districts_for_picker

register = template.Library()


@register.filter
def services_count(count: int) -> str:
    """ "1 service", "5 services" in the page's language: a filter, because a
    `{% blocktranslate count %}` in a loop of 200 municipalities costs more than the page."""
    return ngettext("%(counter)s service", "%(counter)s services", count) % {"counter": count}


# The picker's options in each language, with the fingerprint of what they were built from:
# built again when a district, a municipality or a name kept in Latin changes, not for every
# page that offers the picker (home, and every chapter that lists services).
_options_kept: dict[str, tuple[str, str]] = {}


@register.simple_tag
def municipality_options(selected=None):
    """The picker's `<optgroup>`s of municipalities by district; `selected`: a Municipality."""
    tags = (list_tag(District), list_tag(Municipality), list_tag(LatinName))
    page_depends_on(*tags)
    fingerprint = content_fingerprint(*tags)
    language = get_language()
    kept = _options_kept.get(language)
    if kept is None or kept[0] != fingerprint:
        kept = _options_kept[language] = (fingerprint, _options(districts_for_picker()))
    options = kept[1]
    if selected:
        option = f'<option value="{escape(selected.slug)}">'
        options = options.replace(option, option[:-1] + " selected>", 1)
    return mark_safe(options)  # noqa: S308 - built by _options, which escapes every value


def _options(districts) -> str:
    """Written with plain string formatting, not a template loop or format_html() per
    option: 200 options that way cost more than the rest of the page."""
    lines = []
    for district in districts:
        lines.append(f'<optgroup label="{escape(_name(district))}">')
        lines += [
            f'<option value="{escape(m.slug)}">{escape(_name(m))}</option>'
            for m in district.municipalities
        ]
        lines.append("</optgroup>")
    return "\n".join(lines)


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


@register.simple_tag
def call_deadline(call) -> str:
    """What is said of a call's deadline, on its card and in short lists."""
    if call.closes_on is None:
        return gettext("No closing date published")
    date = {"date": date_format(call.closes_on, "DATE_FORMAT")}
    if call.is_closed:
        return gettext("Closed on %(date)s") % date
    return gettext("Apply by %(date)s") % date


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

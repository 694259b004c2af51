from django import template
from django.utils.translation import ngettext

register = template.Library()


@register.filter
def services_count(count: int) -> str:
    """ "1 service", "5 services" in the page's language: a filter, because a
    `{% blocktranslate count %}` in a loop of 200 municipalities costs more than the page."""
    return ngettext("%(counter)s service", "%(counter)s services", count) % {"counter": count}

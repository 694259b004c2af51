from django import template
from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext

from offline import packages

register = template.Library()


def size_text(size: int) -> str:
    """About how much, rounded as people say it: "about 290 KB", "about 1,2 MB"."""
    kilobytes = size / 1024
    if kilobytes < 1000:
        digits = len(str(int(kilobytes))) - 2
        rounded = max(1, round(kilobytes, -digits if digits > 0 else 0))
        return gettext("about %(size)s KB") % {"size": int(rounded)}
    megabytes = formats.number_format(round(kilobytes / 1024, 1), decimal_pos=1)
    return gettext("about %(size)s MB") % {"size": megabytes}


@register.inclusion_tag("offline/keep.html")
def keep_offline(municipality=None):
    """The "keep for offline" box: a municipality's services and the guide, or the guide."""
    if municipality is None:
        size, address = packages.guide_package_size(), reverse("offline:guide_package")
    else:
        size = packages.municipality_package_size(municipality=municipality)
        address = reverse("offline:municipality_package", kwargs={"slug": municipality.slug})
    return {"municipality": municipality, "address": address, "size": size_text(size)}

"""What changed in the directory, as Atom feeds: a municipality's new and updated services,
and the open calls (new, and again when they are about to close)."""

import datetime

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from returnee_portal.feeds import FEED_ENTRIES, ContentFeed, feed_text
from returnee_portal.links import absolute_url

from . import selectors
from .models import Municipality

# An open call is announced again this many days before it closes.
CLOSING_SOON_DAYS = 7


class MunicipalityServicesFeed(ContentFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Municipality, slug=slug)

    def title(self, municipality):
        return _("New and updated services in %(name)s") % {"name": feed_text(municipality, "name")}

    def subtitle(self, municipality):
        return _("Returnee Portal: services checked by the local associates for (re)integration.")

    def link(self, municipality):
        return absolute_url(municipality.get_absolute_url())

    def items(self, municipality):
        return selectors.services_changed(municipality=municipality)[:FEED_ENTRIES]

    def item_title(self, service):
        return feed_text(service, "name")

    def item_categories(self, service):
        return [feed_text(category, "name") for category in service.categories.all()]


class OpenCallsFeed(ContentFeed):
    """Calls open today; one closing within CLOSING_SOON_DAYS says so in its title and counts
    as updated on the day that began, so readers see it again."""

    def title(self):
        return _("Open calls: new, and closing soon")

    def subtitle(self):
        return _("Returnee Portal: grants, training and jobs for returnee families.")

    def link(self):
        return absolute_url(reverse("services:opencall_list"))

    def items(self):
        return selectors.open_calls_changed()[:FEED_ENTRIES]

    def item_title(self, call):
        title = feed_text(call, "title")
        if _closing_soon_since(call) is not None:
            return _("Closing soon: %(title)s") % {"title": title}
        return title

    def item_description(self, call):
        text = super().item_description(call)
        if call.closes_on is None:
            return text
        deadline = _("Apply by %(date)s.") % {"date": date_format(call.closes_on, "DATE_FORMAT")}
        return f"{deadline} {text}".strip()

    def item_updateddate(self, call):
        changed = super().item_updateddate(call)
        soon = _closing_soon_since(call)
        return max(filter(None, [changed, soon]), default=None)


def _closing_soon_since(call) -> datetime.datetime | None:
    """The start of the day `call` began to close soon, if that day has come."""
    if call.closes_on is None:
        return None
    start = call.closes_on - datetime.timedelta(days=CLOSING_SOON_DAYS)
    if timezone.localdate() < start:
        return None
    return timezone.make_aware(datetime.datetime.combine(start, datetime.time.min))

"""Atom feeds of what changed, in the page's language and script (Django's syndication).

Each content feed lists its entries with the date they were first published and last changed,
read from their edit history (django-simple-history: every form, import and revert is recorded
there), so a feed needs no columns of its own. Feeds are public pages: cached, and invalidated
as the pages they belong to (returnee_portal/pagecache.py).
"""

from datetime import datetime

from django.contrib.syndication.views import Feed
from django.db.models import OuterRef, QuerySet, Subquery
from django.utils.feedgenerator import Atom1Feed
from django.utils.text import Truncator

from .languages import localized_text, page_text
from .links import absolute_url

# Entries a feed carries: the most recently changed.
FEED_ENTRIES = 50
SUMMARY_WORDS = 40


def with_history_dates(queryset: QuerySet) -> QuerySet:
    """`queryset` with `first_published` and `last_changed`, from its entries' edit history."""
    records = queryset.model.history.model.objects.filter(id=OuterRef("pk"))
    return queryset.annotate(
        first_published=Subquery(records.order_by("history_date").values("history_date")[:1]),
        last_changed=Subquery(records.order_by("-history_date").values("history_date")[:1]),
    )


def feed_text(obj, field: str) -> str:
    """`obj.field` as the page shows it: translated, or in Serbian, in the page's script."""
    return page_text(localized_text(obj=obj, field=field))


class ContentFeed(Feed):
    """An Atom feed of content entries; subclasses say which (items) and how they read.

    Every address in it is on SITE_URL, never the request's Host (links sent away from the
    site: returnee_portal/links.py).
    """

    feed_type = Atom1Feed

    def get_feed(self, obj, request):
        feed = super().get_feed(obj, request)
        feed.feed["feed_url"] = absolute_url(request.path)
        return feed

    def item_link(self, item) -> str:
        return absolute_url(item.get_absolute_url())

    def item_description(self, item) -> str:
        return Truncator(feed_text(item, "description")).words(SUMMARY_WORDS)

    def item_pubdate(self, item) -> datetime | None:
        return item.first_published

    def item_updateddate(self, item) -> datetime | None:
        """The latest of its history's dates and its own `updated_at` (which a save sets a
        moment before the history records it)."""
        dates = [item.first_published, item.last_changed, getattr(item, "updated_at", None)]
        return max(filter(None, dates), default=None)

"""Changes to the guide, as an Atom feed: its chapters, the most recently changed first."""

from django.urls import reverse
from django.utils.translation import gettext as _

from returnee_portal.feeds import FEED_ENTRIES, ContentFeed, feed_text, with_history_dates
from returnee_portal.links import absolute_url

from . import selectors


class GuideChangesFeed(ContentFeed):
    def title(self):
        return _("Guide for integration of returnees: changes")

    def subtitle(self):
        return _("Chapters of the guide, the most recently changed first.")

    def link(self):
        return absolute_url(reverse("guides:chapter_list"))

    def items(self):
        chapters = with_history_dates(selectors.chapters_published())
        return chapters.order_by("-updated_at", "pk")[:FEED_ENTRIES]

    def item_title(self, chapter):
        return feed_text(chapter, "title")

    def item_description(self, chapter):
        return feed_text(chapter, "summary")

"""The guide's chapters.

Edit history is registered in translation.py (after modeltranslation's language columns);
review states and versions come with ContentModel; search.py declares what search finds.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from returnee_portal.models import ContentModel
from services.models import Category

# Paths under /vodic/ that are not chapters (guides/urls.py).
RESERVED_SLUGS = {"pdf", "ceo", "atom", "van-mreze"}


def slug_not_reserved(value):
    if value in RESERVED_SLUGS:
        raise ValidationError(
            _("“%(slug)s” is the address of another page of the guide: choose another slug."),
            params={"slug": value},
        )


class GuideChapterQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)


class GuideChapter(ContentModel):
    """A chapter of the Guide for Integration of Returnees, written in Markdown."""

    order = models.PositiveSmallIntegerField(_("order"), default=0)
    slug = models.SlugField(_("slug"), max_length=200, unique=True, validators=[slug_not_reserved])
    title = models.CharField(_("title"), max_length=200)
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    body = models.TextField(
        _("body"), blank=True, help_text=_("Markdown. HTML is removed when the page is shown.")
    )
    categories = models.ManyToManyField(
        Category,
        blank=True,
        related_name="guide_chapters",
        verbose_name=_("categories"),
        help_text=_("Services in these categories are suggested beside the chapter."),
    )
    is_published = models.BooleanField(_("published"), default=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = GuideChapterQuerySet.as_manager()

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("guide chapter")
        verbose_name_plural = _("guide chapters")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("guides:chapter_detail", kwargs={"slug": self.slug})

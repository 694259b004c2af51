from django.db import models
from django.utils.translation import gettext_lazy as _

from .translation_review import NEEDS_REVIEW


class ContentModel(models.Model):
    """Base of every model edited in the admin by associates and coordinators."""

    # Optimistic locking: a save must name the version it was edited from (see the admin).
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    translation_review = models.JSONField(
        _("translation review"),
        default=dict,
        blank=True,
        help_text=_('Review state per language code, e.g. {"rom": "needs_review"}.'),
    )

    class Meta:
        abstract = True

    def translation_needs_review(self, language_code):
        return self.translation_review.get(language_code) == NEEDS_REVIEW

"""Review state of translated content, per language.

Translations written by machines or non-native speakers are published (a family is better
served by an imperfect Romani text than by none) but stay marked "needs review" until a native
speaker approves them in the admin.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

NEEDS_REVIEW = "needs_review"
REVIEWED = "reviewed"


class ReviewedTranslations(models.Model):
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


def review_state_for_languages(*, languages, state=NEEDS_REVIEW):
    """A `translation_review` value marking every language in `languages` with `state`."""
    return {code: state for code in languages if code in settings.MODELTRANSLATION_LANGUAGES}

"""Review state of translated content, per language.

Translations written by machines or non-native speakers are published (a family is better
served by an imperfect Romani text than by none) but stay marked "needs review" until a native
speaker approves them in the admin.
"""

from django.conf import settings

NEEDS_REVIEW = "needs_review"
REVIEWED = "reviewed"


def review_state_for_languages(*, languages, state=NEEDS_REVIEW):
    """A `translation_review` value marking every language in `languages` with `state`."""
    return {code: state for code in languages if code in settings.MODELTRANSLATION_LANGUAGES}

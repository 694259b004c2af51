"""Translated fields (django-modeltranslation): one column per content language."""

import simple_history
from modeltranslation.translator import TranslationOptions, register

from .models import GuideChapter


@register(GuideChapter)
class GuideChapterTranslation(TranslationOptions):
    fields = ("title", "summary", "body")
    required_languages = {"sr-latn": ("title",)}


# After the modeltranslation registration, so the history table has every language's column.
simple_history.register(GuideChapter, m2m_fields=["categories"])

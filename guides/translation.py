"""Translated fields (django-modeltranslation): one column per content language."""

from modeltranslation.translator import TranslationOptions, register

from .models import GuideChapter


@register(GuideChapter)
class GuideChapterTranslation(TranslationOptions):
    fields = ("title", "summary", "body")
    required_languages = {"sr-latn": ("title",)}

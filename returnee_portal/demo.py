"""Loading demo content idempotently, shared by the apps' demo_content modules."""

from django.conf import settings
from django.db import models

from .models import LatinName
from .translation_review import NEEDS_REVIEW, REVIEWED

# The team writes the Serbian source and the English text and checks them itself; the other
# languages were written by non-native speakers and wait for a native speaker's review.
TEAM_WRITTEN_LANGUAGES = ("en",)


def upsert_changed(model: type[models.Model], lookup: dict, values: dict) -> models.Model:
    """Create the row found by `lookup`, or save it only if one of `values` differs."""
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        return model.objects.create(**lookup, **values)
    changed = False
    for field, value in values.items():
        if getattr(obj, field) != value:
            setattr(obj, field, value)
            changed = True
    if changed:
        obj.save()
    return obj


def demo_review_state(*, languages) -> dict[str, str]:
    """The `translation_review` value for demo texts written in `languages`."""
    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    return {
        code: REVIEWED if code in TEAM_WRITTEN_LANGUAGES else NEEDS_REVIEW
        for code in languages
        if code != default and code in settings.MODELTRANSLATION_LANGUAGES
    }


# German words the Serbian demo texts quote, e.g. "izvod o rođenju (Geburtsurkunde)": Cyrillic
# pages keep them in Latin letters. (Words with ä, ö, ü or ß stay Latin by themselves.)
LATIN_NAMES = [
    "Arbeiter-Samariter-Bund",
    "Arbeitszeugnis",
    "Arztbrief",
    "Geburtsurkunde",
    "Impfpass",
    "Kinderuntersuchungsheft",
    "Standesamt",
    "Zeugnisse",
]


def latin_names_load() -> int:
    for name in LATIN_NAMES:
        LatinName.objects.get_or_create(name=name)
    return len(LATIN_NAMES)

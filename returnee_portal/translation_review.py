"""Review state of translated content, per language.

Translations written by machines or non-native speakers are published (a family is better
served by an imperfect Romani text than by none) but stay marked "needs review" until a native
speaker approves them in the admin.
"""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname

from .languages import localized_fields
from .locking import content_update_all

NEEDS_REVIEW = "needs_review"
REVIEWED = "reviewed"
OUTDATED = "outdated"
# Derived, never stored: every translated field of the language is empty.
MISSING = "missing"

STATE_LABELS = {
    MISSING: _("missing"),
    NEEDS_REVIEW: _("needs review"),
    REVIEWED: _("reviewed"),
    OUTDATED: _("outdated"),
}


def translated_field_names(*, model) -> list[str]:
    """The base names of `model`'s translated fields (empty if it is not registered)."""
    try:
        return list(translator.get_options_for_model(model).get_field_names())
    except NotRegistered:
        return []


def translation_languages() -> list[str]:
    """The content languages that are translations of the Serbian (Latin) source."""
    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    return [code for code in settings.MODELTRANSLATION_LANGUAGES if code != default]


def _texts(*, obj, language: str) -> dict[str, str]:
    return {
        field: getattr(obj, build_localized_fieldname(field, language)) or ""
        for field in translated_field_names(model=type(obj))
    }


def translation_state(*, obj, language: str) -> str:
    """The review state of `obj`'s translation into `language`.

    "missing" when all its translated fields are empty, whatever is stored; otherwise the
    stored state. A translation with text but no stored state (written before review states
    were kept, or by the demo loader for its source languages) counts as "needs_review": only
    a reviewer's explicit approval makes a translation "reviewed".
    """
    if not any(_texts(obj=obj, language=language).values()):
        return MISSING
    stored = (obj.translation_review or {}).get(language)
    return stored if stored in (NEEDS_REVIEW, REVIEWED, OUTDATED) else NEEDS_REVIEW


def translation_states(*, obj) -> dict[str, str]:
    """{language: state} for every translation language of `obj` (Serbian excluded)."""
    return {code: translation_state(obj=obj, language=code) for code in translation_languages()}


def translation_mark_reviewed(*, obj, language: str) -> bool:
    """Mark `obj`'s translation into `language` reviewed, in memory; the caller saves.

    Save through `locking.content_update_all` or `content_save_with_version`, so the version
    bumps and history records who approved it. A missing translation cannot be reviewed:
    returns False and changes nothing.
    """
    if translation_state(obj=obj, language=language) == MISSING:
        return False
    obj.translation_review = {**(obj.translation_review or {}), language: REVIEWED}
    return True


def translations_mark_reviewed(*, queryset, language: str) -> int:
    """Mark `language` reviewed on every entry of `queryset` that has that translation.

    Entries without the translation, or already reviewed, are left alone (no new version).
    Returns how many entries were marked.
    """
    pks = [
        obj.pk
        for obj in queryset.model._base_manager.filter(pk__in=queryset.values("pk"))
        if translation_state(obj=obj, language=language) not in (MISSING, REVIEWED)
    ]
    return content_update_all(
        queryset=queryset.model._base_manager.filter(pk__in=pks),
        values={},
        apply=lambda obj: translation_mark_reviewed(obj=obj, language=language),
    )


def translation_review_update(*, obj) -> None:
    """Before `obj` is saved: keep its review states in step with the edit (the ONE place).

    Compares the stored texts with the ones about to be saved, per language:
    - a language whose text changed becomes "needs_review", unless this same save marks it
      "reviewed" (its stored state was not "reviewed" and the new one is);
    - if the Serbian source changed, every other language that still has a translation and
      was not edited in this save becomes "outdated" (a reviewed translation no longer matches
      its source; an unreviewed one is now also behind it);
    - a language whose text was emptied loses its stored state ("missing" is derived).
    New entries keep the state they were created with (absent means "needs review").
    Called by `ContentModel.save()`; a save with `update_fields` that leaves out
    `translation_review` does not store the change.
    """
    fields = translated_field_names(model=type(obj))
    if obj.pk is None or not fields:
        return
    names = localized_fields(*fields)
    stored = type(obj)._base_manager.filter(pk=obj.pk).values("translation_review", *names).first()
    if stored is None:
        return

    def changed(code):
        return any(
            (stored[build_localized_fieldname(field, code)] or "")
            != (getattr(obj, build_localized_fieldname(field, code)) or "")
            for field in fields
        )

    old_review = stored["translation_review"] or {}
    review = dict(obj.translation_review or {})
    source_changed = changed(settings.MODELTRANSLATION_DEFAULT_LANGUAGE)
    for code in translation_languages():
        if not any(_texts(obj=obj, language=code).values()):
            review.pop(code, None)
            continue
        marked_reviewed = review.get(code) == REVIEWED and old_review.get(code) != REVIEWED
        if marked_reviewed:
            continue
        if changed(code):
            review[code] = NEEDS_REVIEW
        elif source_changed:
            review[code] = OUTDATED
    obj.translation_review = review

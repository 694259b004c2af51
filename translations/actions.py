"""Taking a translator's file back: what it would change (the preview), then all of it or
nothing (the commit)."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from modeltranslation.utils import build_localized_fieldname

from returnee_portal.locking import content_save_with_version
from returnee_portal.translation_review import (
    NEEDS_REVIEW,
    REVIEWED,
    STATE_LABELS,
    field_state,
    translation_field_set,
    translation_languages,
)

from .po import FUZZY
from .selectors import text_digest, text_key_parse


@dataclass(frozen=True)
class Change:
    obj: object
    field: str
    old_text: str
    new_text: str
    old_state: str
    new_state: str

    @property
    def label(self) -> str:
        return str(self.obj._meta.get_field(self.field).verbose_name)

    @property
    def old_state_label(self) -> str:
        return str(STATE_LABELS[self.old_state])

    @property
    def new_state_label(self) -> str:
        return str(STATE_LABELS[self.new_state])


@dataclass
class UploadPlan:
    language: str
    changes: list[Change] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    # Entries the translator left empty or still marked fuzzy: not taken.
    untouched: int = 0
    unchanged: int = 0


def file_language(po) -> str | None:
    """The translation language a PO file's header names ("sq_AL" is "sq"), or None."""
    value = (po.metadata.get("Language") or "").strip().lower().replace("_", "-")
    languages = translation_languages()
    if value in languages:
        return value
    prefix = value.partition("-")[0]
    return prefix if prefix in languages else None


def translation_upload_plan(*, po, language: str, reviewed: bool) -> UploadPlan:
    """What taking `po` back would change, and every reason to refuse it.

    An entry is taken when it has a translation and is not marked fuzzy. It is refused when its
    text no longer exists, or when its Serbian source or its translation changed since the
    download (someone's newer work would be lost): download a new file. Taken texts become
    "reviewed" when `reviewed` (a reviewer's upload), otherwise "needs review".
    """
    plan = UploadPlan(language=language)
    target = REVIEWED if reviewed else NEEDS_REVIEW
    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    entries = [(entry, text_key_parse(entry.msgctxt)) for entry in po if not entry.obsolete]
    objects = _objects(key for _entry, key in entries)
    for entry, key in entries:
        if key is None:
            plan.errors.append(
                _("%(text)s: this entry does not come from this portal's download.")
                % {"text": _quoted(entry.msgid)}
            )
            continue
        model, pk, name, digest = key
        obj = objects.get((model, pk))
        if obj is None:
            plan.errors.append(
                _("%(text)s: this entry has been deleted since the download.")
                % {"text": _quoted(entry.msgid)}
            )
            continue
        where = _("%(entry)s, %(field)s") % {
            "entry": obj,
            "field": obj._meta.get_field(name).verbose_name,
        }
        source = getattr(obj, build_localized_fieldname(name, default)) or ""
        current = getattr(obj, build_localized_fieldname(name, language)) or ""
        if source != entry.msgid:
            plan.errors.append(
                _("%(where)s: the Serbian text has changed since the download.") % {"where": where}
            )
            continue
        if text_digest(current) != digest:
            plan.errors.append(
                _("%(where)s: the translation was changed in the admin since the download.")
                % {"where": where}
            )
            continue
        text = entry.msgstr.strip()
        if not text or FUZZY in entry.flags:
            plan.untouched += 1
            continue
        limit = obj._meta.get_field(name).max_length
        if limit and len(text) > limit:
            plan.errors.append(
                _("%(where)s: the translation is longer than %(limit)d characters.")
                % {"where": where, "limit": limit}
            )
            continue
        state = field_state(obj=obj, language=language, field=name)
        if text == current and state == target:
            plan.unchanged += 1
            continue
        plan.changes.append(Change(obj, name, current, text, state, target))
    return plan


def translation_upload_commit(*, plan: UploadPlan, user, file_name: str) -> None:
    """Save every change of `plan`, in one transaction, under `user`.

    The entries are locked and read again first: if a Serbian source or a translation changed
    after the preview, nothing is saved (ValueError; a new plan names the reasons).
    """
    by_entry = defaultdict(list)
    for change in plan.changes:
        by_entry[type(change.obj), change.obj.pk].append(change)
    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    with transaction.atomic():
        for (model, pk), changes in by_entry.items():
            obj = model._base_manager.select_for_update().filter(pk=pk).first()
            for change in changes:
                source = build_localized_fieldname(change.field, default)
                translation = build_localized_fieldname(change.field, plan.language)
                if (
                    obj is None
                    or getattr(obj, source) != getattr(change.obj, source)
                    or (getattr(obj, translation) or "") != change.old_text
                ):
                    raise ValueError(change)
                translation_field_set(
                    obj=obj,
                    language=plan.language,
                    field=change.field,
                    text=change.new_text,
                    state=change.new_state,
                )
            obj._history_user = user
            obj._change_reason = _("Translations taken from %(file)s") % {"file": file_name}
            content_save_with_version(obj=obj, expected_version=obj.version)


def _objects(keys) -> dict:
    """{(model, pk): entry} for every key, one query per kind of content."""
    pks = defaultdict(set)
    for key in keys:
        if key is not None:
            pks[key[0]].add(key[1])
    return {
        (model, obj.pk): obj
        for model, wanted in pks.items()
        for obj in model._base_manager.filter(pk__in=wanted)
    }


def _quoted(text: str) -> str:
    return f"«{Truncator(text).chars(60)}»"

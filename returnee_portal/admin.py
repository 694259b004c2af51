"""Shared admin pieces: translated fields grouped by language, history, no lost updates."""

import dataclasses

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.options import IS_POPUP_VAR
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import models, router, transaction
from django.forms.models import BaseModelFormSet
from django.utils.functional import cached_property
from django.utils.html import format_html_join
from django.utils.text import Truncator
from django.utils.translation import get_language_info, ngettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin
from modeltranslation.utils import build_localized_fieldname
from simple_history.admin import SimpleHistoryAdmin
from simple_history.template_utils import HistoricalRecordContextHelper

from services.permissions import user_is_coordinator

from .languages import language_name
from .locking import (
    STALE_MESSAGE,
    VersionConflict,
    content_current_version,
    content_save_with_version,
)
from .models import LatinName
from .translation_review import (
    MISSING,
    NEEDS_REVIEW,
    OUTDATED,
    REVIEWED,
    STATE_LABELS,
    translated_field_names,
    translation_languages,
    translation_state,
    translation_states,
    translations_mark_reviewed,
)
from .transliteration import latin_to_cyrillic

LOADED_VERSION = "loaded_version"


class VersionedModelForm(forms.ModelForm):
    """Carries the version the user loaded, and refuses the save if it is no longer current.

    The check here lets the admin show the refusal on the form with the user's input;
    `content_save_with_version` repeats it atomically when writing.
    """

    loaded_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.fields[LOADED_VERSION].required = True
            if not self.is_bound:
                self.initial[LOADED_VERSION] = self.loaded_version_initial()

    def loaded_version_initial(self) -> int | None:
        # Read from the table, not the instance: the revert form's instance is a historical
        # copy that carries its old version.
        return content_current_version(obj=self.instance)

    def version_is_checked(self) -> bool:
        return self.instance.pk is not None

    @cached_property
    def changed_data(self):
        # The hidden version is bookkeeping, not a change by the user (nor in the change log).
        return [name for name in super().changed_data if name != LOADED_VERSION]

    def clean(self):
        cleaned_data = super().clean()
        loaded = cleaned_data.get(LOADED_VERSION)
        if not self.version_is_checked() or loaded is None:
            return cleaned_data
        current = content_current_version(obj=self.instance)
        if loaded != current:
            # The form comes back with the user's input and the current version: saving it
            # again, after the warning, is their decision to replace the other person's save.
            self.data = self.data.copy()
            self.data[self.add_prefix(LOADED_VERSION)] = current
            raise ValidationError(STALE_MESSAGE, code="stale_version")
        return cleaned_data


class VersionedChangelistForm(VersionedModelForm):
    def loaded_version_initial(self) -> int | None:
        return self.instance.version  # just loaded by the changelist; saves a query per row

    def version_is_checked(self) -> bool:
        # A row left as it was is not saved, so it cannot overwrite anybody's work.
        return super().version_is_checked() and self.has_changed()


class VersionedChangelistFormSet(BaseModelFormSet):
    def clean(self):
        super().clean()
        stale = [
            str(form.instance)
            for form in self.forms
            if form.has_error(NON_FIELD_ERRORS, "stale_version")
        ]
        if stale:
            raise ValidationError(
                _(
                    "Someone else saved %(entries)s while you were editing. Nothing was saved. "
                    "The list below still holds your changes: save again to replace theirs."
                ),
                code="stale_version",
                params={"entries": ", ".join(stale)},
            )


class ContentHistoryContextHelper(HistoricalRecordContextHelper):
    def context_for_delta_changes(self, delta):
        # Noise that would hide the real changes: the version (bumped by every save) and empty
        # translations turning from NULL into "" when first saved through the admin.
        changes = [
            change
            for change in delta.changes
            if change.field != "version"
            and not (change.old in (None, "") and change.new in (None, ""))
        ]
        return super().context_for_delta_changes(dataclasses.replace(delta, changes=changes))


class VersionedAdminMixin:
    """No lost updates in the admin (optimistic locking on `ContentModel.version`).

    - Change form (and simple-history's revert form): the loaded version travels in a hidden
      field; a save from an older version is refused on the form, which keeps the user's
      input, and the first save stands.
    - Changelist with `list_editable`: each row carries its version; if any edited row is
      stale, the whole submit is refused (nothing saved, the input kept, the stale entries
      named), as Django does for any invalid row.
    - Actions that write use `locking.content_update_all`, which bumps each version, so a
      form opened before the action is refused after it.
    - Inlines (e.g. project indicators) are guarded by their parent's version: the parent is
      saved, and so bumped, with every submit of its change form.

    A save that loses the race between the form check and the write raises VersionConflict,
    which rolls the request back; the view then runs once more, and the form check now sees
    the winner's version and refuses with the form and its input.
    """

    form = VersionedModelForm

    def get_fieldsets(self, request, obj=None):
        fieldsets = list(super().get_fieldsets(request, obj))
        if obj is None or not self.has_change_permission(request, obj):
            return fieldsets
        # The hidden field goes with the common fields: a fieldset of its own would show as an
        # empty box.
        for index, (name, options) in enumerate(fieldsets):
            if name is None:
                fields = (*options["fields"], LOADED_VERSION)
                fieldsets[index] = (name, {**options, "fields": fields})
                return fieldsets
        return [*fieldsets, (None, {"fields": (LOADED_VERSION,)})]

    def get_changelist_form(self, request, **kwargs):
        return super().get_changelist_form(request, form=VersionedChangelistForm, **kwargs)

    def get_changelist_formset(self, request, **kwargs):
        return super().get_changelist_formset(request, formset=VersionedChangelistFormSet, **kwargs)

    def save_model(self, request, obj, form, change):
        if not change:
            super().save_model(request, obj, form, change)
            return
        obj._history_user = request.user
        content_save_with_version(obj=obj, expected_version=form.cleaned_data[LOADED_VERSION])

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        return self._run_once_more_on_conflict(
            super().changeform_view, request, object_id, form_url, extra_context
        )

    def changelist_view(self, request, extra_context=None):
        return self._run_once_more_on_conflict(super().changelist_view, request, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        return self._run_once_more_on_conflict(
            super().history_form_view, request, object_id, version_id, extra_context
        )

    def _run_once_more_on_conflict(self, view, *args):
        try:
            with transaction.atomic(using=router.db_for_write(self.model)):
                return view(*args)
        except VersionConflict:
            return view(*args)


CYRILLIC_PREFIX = "cyrillic__"


class CyrillicCorrectionsForm(forms.ModelForm):
    """Coordinators' corrections of the automatic Cyrillic, one optional field per text.

    A correction is stored with the Serbian (Latin) text it was made from, so it stops
    counting when that text changes (see languages.localized_text); one equal to the automatic
    transliteration, or left empty, is not stored.
    """

    translated_fields: tuple[str, ...] = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
        stored = self.instance.cyrillic or {}
        for field in self.translated_fields:
            latin = getattr(self.instance, build_localized_fieldname(field, default)) or ""
            correction = stored.get(field) or {}
            if not self.is_bound and correction.get("source") == latin:
                self.initial[CYRILLIC_PREFIX + field] = correction.get("text", "")
            if latin:
                self.fields[CYRILLIC_PREFIX + field].help_text = _("Automatic: %(text)s") % {
                    "text": Truncator(latin_to_cyrillic(latin)).chars(160)
                }

    def clean(self):
        cleaned_data = super().clean()
        default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
        corrections = dict(self.instance.cyrillic or {})
        for field in self.translated_fields:
            name = CYRILLIC_PREFIX + field
            latin = cleaned_data.get(build_localized_fieldname(field, default)) or ""
            text = (cleaned_data.get(name) or "").strip()
            if not text or not latin or text == latin_to_cyrillic(latin):
                corrections.pop(field, None)
            elif name in self.changed_data:
                corrections[field] = {"text": text, "source": latin}
            elif (corrections.get(field) or {}).get("source") != latin:
                corrections.pop(field, None)  # made for a Serbian text that has changed
        self.instance.cyrillic = corrections
        return cleaned_data


def cyrillic_corrections_form(model, form):
    """`form` with a correction field for each translated field of `model`."""
    declared = {}
    for field in translated_field_names(model=model):
        model_field = model._meta.get_field(field)
        declared[CYRILLIC_PREFIX + field] = forms.CharField(
            label=model_field.verbose_name,
            required=False,
            widget=forms.Textarea(attrs={"rows": 3})
            if isinstance(model_field, models.TextField)
            else forms.TextInput(attrs={"class": "vTextField"}),
        )
    return type(
        f"Cyrillic{form.__name__}",
        (CyrillicCorrectionsForm, form),
        {**declared, "translated_fields": tuple(translated_field_names(model=model))},
    )


class LanguageFieldsetsAdmin(TranslationAdmin):
    """One fieldset per content language, Serbian first and open, the others folded.

    Subclasses name their language-independent fields in `common_fields`. Coordinators also
    get a folded fieldset of Cyrillic corrections after the Serbian one.
    """

    common_fields: tuple = ()

    def get_fieldsets(self, request, obj=None):
        translated = translated_field_names(model=self.model)
        default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
        fieldsets = []
        for code in settings.MODELTRANSLATION_LANGUAGES:
            fields = [build_localized_fieldname(field, code) for field in translated]
            title = f"{language_name(code)} ({get_language_info(code)['name_local']})"
            classes = () if code == default else ("collapse",)
            fieldsets.append((title, {"fields": fields, "classes": classes}))
            if code == default:
                if user_is_coordinator(request.user):
                    fieldsets.append(self._cyrillic_fieldset(translated))
                fieldsets.append((None, {"fields": self.common_fields}))
        return fieldsets

    def _cyrillic_fieldset(self, translated):
        return (
            _("Serbian (Cyrillic): corrections"),
            {
                "fields": [CYRILLIC_PREFIX + field for field in translated],
                "classes": ("collapse",),
                "description": _(
                    "Cyrillic pages show the Serbian text transliterated. Only where the "
                    "automatic Cyrillic is wrong, write the right one here; leave the rest "
                    "empty. A correction stops counting when the Serbian text changes."
                ),
            },
        )

    def get_form(self, request, obj=None, **kwargs):
        if user_is_coordinator(request.user):
            kwargs["form"] = cyrillic_corrections_form(self.model, kwargs.get("form", self.form))
        return super().get_form(request, obj, **kwargs)


class TranslationStateFilter(admin.SimpleListFilter):
    """Entries by the review state of one translation, e.g. "Romani: outdated".

    Filtered in Python over primary keys: "missing" depends on several text columns and an
    absent key means "needs review", which JSON lookups express differently on SQLite and
    PostgreSQL. The directory is small enough for that.
    """

    title = _("Translation state")
    parameter_name = "translation_state"

    def lookups(self, request, model_admin):
        return [
            (f"{code}:{state}", f"{language_name(code)}: {STATE_LABELS[state]}")
            for code in translation_languages()
            for state in (MISSING, NEEDS_REVIEW, OUTDATED, REVIEWED)
        ]

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        code, _colon, state = self.value().partition(":")
        if code not in translation_languages() or state not in STATE_LABELS:
            return queryset
        model = queryset.model
        columns = [
            build_localized_fieldname(field, code) for field in translated_field_names(model=model)
        ]
        entries = model._base_manager.filter(pk__in=queryset.values("pk")).only(
            "pk", "translation_review", *columns
        )
        pks = [obj.pk for obj in entries if translation_state(obj=obj, language=code) == state]
        return queryset.filter(pk__in=pks)


def mark_reviewed_action(code: str):
    """An admin action marking the `code` translation of the selected entries reviewed."""

    def action(modeladmin, request, queryset):
        count = translations_mark_reviewed(queryset=queryset, language=code)
        message = ngettext(
            "%(count)d %(language)s translation marked as reviewed.",
            "%(count)d %(language)s translations marked as reviewed.",
            count,
        )
        modeladmin.message_user(
            request, message % {"count": count, "language": language_name(code)}, messages.SUCCESS
        )

    action.__name__ = f"mark_reviewed_{code.replace('-', '_')}"
    description = _("Mark %(language)s translation as reviewed")
    return admin.action(permissions=["change"])(action), description


class TranslationReviewAdminMixin:
    """Review states in the admin: a read-only field and column, a list filter and actions.

    The states live in `translation_review` (see returnee_portal.translation_review), which is
    no longer edited by hand: a text edit updates it on save, a reviewer approves with the
    "Mark ... as reviewed" actions (each approval a new version, recorded in history).
    """

    def get_readonly_fields(self, request, obj=None):
        return (*super().get_readonly_fields(request, obj), "translation_states_display")

    def get_list_display(self, request):
        return (*super().get_list_display(request), "translation_states_display")

    def get_list_filter(self, request):
        return (*super().get_list_filter(request), TranslationStateFilter)

    def get_actions(self, request):
        actions = super().get_actions(request)
        if self.actions is None or IS_POPUP_VAR in request.GET:
            return actions
        if not self.has_change_permission(request):
            return actions
        for code in translation_languages():
            func, description = mark_reviewed_action(code)
            description = description % {"language": language_name(code)}
            actions[func.__name__] = (func, func.__name__, description)
        return actions

    @admin.display(description=_("Translation state"))
    def translation_states_display(self, obj):
        if obj is None or obj.pk is None:
            return "-"
        return format_html_join(
            " · ",
            '<span class="translation-state translation-state-{}">{}: {}</span>',
            (
                (state, code, STATE_LABELS[state])
                for code, state in translation_states(obj=obj).items()
            ),
        )


class TranslatedModelAdmin(
    TranslationReviewAdminMixin, VersionedAdminMixin, SimpleHistoryAdmin, LanguageFieldsetsAdmin
):
    """The base of every content admin: language fieldsets, history and no lost updates.

    History (django-simple-history) lists who changed what and when. Anyone who may view an
    entry may view its history (the scoping hooks `has_view_permission` etc. decide); only
    coordinators may revert to an earlier version.
    """

    def revert_disabled(self, request, obj=None):
        return not user_is_coordinator(request.user)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        # simple-history only hides the Revert button; the POST must be refused as well.
        if request.method == "POST" and self.revert_disabled(request):
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)

    def get_historical_record_context_helper(self, request, historical_record):
        return ContentHistoryContextHelper(self.model, historical_record)


admin.site.site_header = _("Returnee Portal administration")
admin.site.site_title = _("Returnee Portal")
admin.site.index_title = _("Directory, guide and programmes")


@admin.register(LatinName)
class LatinNameAdmin(admin.ModelAdmin):
    """Foreign names that Cyrillic pages leave in Latin letters (coordinators keep the list)."""

    list_display = ("name",)
    search_fields = ("name",)

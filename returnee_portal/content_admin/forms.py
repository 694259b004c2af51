"""The content admin's forms: no lost updates, and coordinators' Cyrillic corrections."""

from django import forms
from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from django.forms.models import BaseModelFormSet
from django.utils.functional import cached_property
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from ..locking import STALE_MESSAGE, content_current_version
from ..translation_review import translated_field_names
from ..transliteration import latin_to_cyrillic

LOADED_VERSION = "loaded_version"
CYRILLIC_PREFIX = "cyrillic__"


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

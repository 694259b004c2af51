"""The content form's layout: one fieldset per content language, Serbian first and open, the
others folded; coordinators' Cyrillic corrections after the Serbian one; then the fields that
have no language (`common_fields`), with the hidden version the form was loaded at."""

from django.conf import settings
from django.utils.text import capfirst
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from ..languages import language_name
from ..translation_review import (
    FIELD_STATES,
    STATE_LABELS,
    field_labels_by_state,
    translated_field_names,
)
from .forms import CYRILLIC_PREFIX, LOADED_VERSION


def content_fieldsets(*, model, obj, common_fields, cyrillic: bool, versioned: bool) -> list:
    """`cyrillic`: with the corrections fieldset; `versioned`: with the loaded version (a form
    that may save an existing entry). A translation's fieldset says which of `obj`'s fields
    are in which state."""
    translated = translated_field_names(model=model)
    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    # The hidden field goes with the common fields: a fieldset of its own would show as an
    # empty box.
    common = (*common_fields, LOADED_VERSION) if versioned else tuple(common_fields)
    fieldsets = []
    for code in settings.MODELTRANSLATION_LANGUAGES:
        fields = [build_localized_fieldname(field, code) for field in translated]
        title = f"{language_name(code)} ({get_language_info(code)['name_local']})"
        options = {"fields": fields, "classes": () if code == default else ("collapse",)}
        if code != default and obj is not None and obj.pk is not None:
            options["description"] = _field_states_description(obj, code)
        fieldsets.append((title, options))
        if code == default:
            if cyrillic:
                fieldsets.append(_cyrillic_fieldset(translated))
            fieldsets.append((None, {"fields": common}))
    return fieldsets


def _field_states_description(obj, code) -> str:
    """E.g. "Outdated: opening hours. Needs review: name, description." """
    labels = field_labels_by_state(obj=obj, language=code)
    return " ".join(
        f"{capfirst(STATE_LABELS[state])}: {', '.join(labels[state])}."
        for state in FIELD_STATES
        if state in labels
    )


def _cyrillic_fieldset(translated):
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

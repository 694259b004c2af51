"""Shared admin pieces: translated fields grouped by language."""

from django.conf import settings
from django.contrib import admin
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname

from .languages import language_name


def localized_fields(*fields: str) -> list[str]:
    """Every language's column for each of `fields`, e.g. for `search_fields`."""
    return [
        build_localized_fieldname(field, code)
        for field in fields
        for code in settings.MODELTRANSLATION_LANGUAGES
    ]


class TranslatedModelAdmin(TranslationAdmin):
    """One fieldset per content language, Serbian first and open, the others folded.

    Subclasses name their language-independent fields in `common_fields`.
    """

    common_fields: tuple = ()

    def get_fieldsets(self, request, obj=None):
        translated = translator.get_options_for_model(self.model).get_field_names()
        default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
        fieldsets = []
        for code in settings.MODELTRANSLATION_LANGUAGES:
            fields = [build_localized_fieldname(field, code) for field in translated]
            title = f"{language_name(code)} ({get_language_info(code)['name_local']})"
            classes = () if code == default else ("collapse",)
            fieldsets.append((title, {"fields": fields, "classes": classes}))
            if code == default:
                fieldsets.append((None, {"fields": self.common_fields}))
        return fieldsets


admin.site.site_header = _("Returnee Portal administration")
admin.site.site_title = _("Returnee Portal")
admin.site.index_title = _("Directory, guide and programmes")

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from returnee_portal.languages import language_name
from services.hsds import hsds_languages
from services.models import Category, Municipality
from services.selectors import municipalities_for_user


class ReportFilterForm(forms.Form):
    municipality = forms.ModelMultipleChoiceField(
        label=_("Municipalities"),
        queryset=Municipality.objects.none(),
        to_field_name="slug",
        required=False,
        help_text=_("None chosen: all the municipalities you may see."),
    )
    category = forms.ModelChoiceField(
        label=_("Category"),
        queryset=Category.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("All categories"),
    )
    language = forms.ChoiceField(label=_("Language of the report"))

    def __init__(self, *args, user, with_category=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = municipalities_for_user(user)
        self.fields["language"].choices = [
            (code, language_name(code)) for code in settings.MODELTRANSLATION_LANGUAGES
        ]
        if not with_category:
            del self.fields["category"]


class HsdsExportForm(forms.Form):
    language = forms.ChoiceField(
        label=_("Language of the export"),
        help_text=_("Texts not yet translated into this language are exported in Serbian."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [(code, language_name(code)) for code in hsds_languages()]

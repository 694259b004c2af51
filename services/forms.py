from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from returnee_portal.content_admin.forms import VersionedModelForm

from .models import UpdateSuggestion
from .resources import PLAIN_TEXT_COLUMNS, formula_sign, translated_columns

FORMULA_MESSAGE = _(
    "This text starts with “%(sign)s”, which spreadsheet programs run as a formula when the "
    "directory is exported. Begin it with a letter or a digit."
)


class ServiceAdminForm(VersionedModelForm):
    """The admin's service form refuses what the spreadsheet import refuses: text that a
    spreadsheet program would run as a formula when the directory is exported."""

    def clean(self):
        cleaned_data = super().clean()
        for name in [*translated_columns(), *PLAIN_TEXT_COLUMNS]:
            sign = formula_sign(column=name, value=cleaned_data.get(name))
            if sign is not None and name in self.fields:
                message = _(
                    "This text starts with “%(sign)s”, which spreadsheet programs run as a "
                    "formula when the directory is exported. Begin it with a letter or a digit."
                )
                self.add_error(
                    name, ValidationError(message, code="formula", params={"sign": sign})
                )
        return cleaned_data


class UpdateSuggestionForm(forms.ModelForm):
    # A honeypot: hidden from people (CSS, no tab stop, hidden from screen readers); a bot
    # that fills every field fills this one too.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    class Meta:
        model = UpdateSuggestion
        fields = ["message", "contact"]
        labels = {"message": _("What is wrong or out of date?")}
        help_texts = {
            "message": _("For example a new phone number, other opening hours or a closed office."),
            "contact": _(
                "Optional. A phone number or e-mail address, only so that we can ask you back."
            ),
        }
        widgets = {"message": forms.Textarea(attrs={"rows": 6})}

    @property
    def is_from_bot(self) -> bool:
        return bool(self.cleaned_data.get("website"))

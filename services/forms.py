from django import forms
from django.utils.translation import gettext_lazy as _

from .models import UpdateSuggestion


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

from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from returnee_portal.languages import language_name
from returnee_portal.translation_review import translation_languages
from services.models import Municipality

from .actions import file_language
from .po import UnreadableFile, po_read
from .selectors import CONTENT, content_label, content_model

# Larger than the whole demo directory and guide in one language, many times over.
MAX_FILE_SIZE = 10 * 1024 * 1024


def _language_choices():
    return [(code, language_name(code)) for code in translation_languages()]


class DownloadForm(forms.Form):
    language = forms.ChoiceField(label=_("Language"), choices=_language_choices)
    municipality = forms.ModelChoiceField(
        label=_("Municipality"),
        queryset=Municipality.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("All municipalities and the guide"),
        help_text=_("Chosen: only the services, organizations and calls of that municipality."),
    )
    content = forms.ChoiceField(label=_("Content"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["content"].choices = [
            ("", _("All content")),
            *(
                (content_label(model), capfirst(model._meta.verbose_name_plural))
                for model in CONTENT
            ),
        ]

    def clean_content(self):
        return content_model(self.cleaned_data["content"]) if self.cleaned_data["content"] else None


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("Translated file (.po)"),
        help_text=_("The file downloaded here, translated in Poedit or another translation tool."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_FILE_SIZE:
            raise forms.ValidationError(
                _("This file is larger than %(size)d MB.") % {"size": MAX_FILE_SIZE // 2**20}
            )
        content = b"".join(upload.chunks())
        try:
            self.po = po_read(content)
        except UnreadableFile:
            raise forms.ValidationError(
                _(
                    "This is not a translation file (gettext PO in UTF-8). Upload the .po "
                    "file downloaded here, saved by your translation tool."
                )
            ) from None
        self.language = file_language(self.po)
        if self.language is None:
            raise forms.ValidationError(
                _(
                    "The file does not say which language it is in (the Language line of its "
                    "header)."
                )
            )
        self.content = content
        return upload

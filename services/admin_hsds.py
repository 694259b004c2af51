"""The Open Referral HSDS download in the admin (`admin/reports/hsds/`): coordinators only.

The package is the whole directory's data exchange format (for the ministry, donors and other
directories); a per-municipality subset would be a different dataset under the same name, so
local associates get 403 here rather than a partial package.
"""

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from returnee_portal.languages import language_name

from .hsds import hsds_languages, hsds_package_zip
from .permissions import user_is_coordinator


class HsdsExportForm(forms.Form):
    language = forms.ChoiceField(
        label=_("Language of the export"),
        help_text=_("Texts not yet translated into this language are exported in Serbian."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [(code, language_name(code)) for code in hsds_languages()]


def hsds_export(request):
    """The language chooser; with `?language=`, the ZIP of the HSDS package in that language."""
    if not user_is_coordinator(request.user):
        raise PermissionDenied
    form = HsdsExportForm(request.GET or None)
    if form.is_valid():
        language = form.cleaned_data["language"]
        response = HttpResponse(hsds_package_zip(language=language), content_type="application/zip")
        filename = f"returnee-portal-hsds-{language}.zip"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response
    if not form.is_bound:
        current = get_language()
        form.initial["language"] = current if current in hsds_languages() else hsds_languages()[0]
    context = {
        **admin.site.each_context(request),
        "title": _("Open Referral HSDS export"),
        "form": form,
    }
    return render(
        request, "admin/services/hsds_export.html", context, status=400 if form.is_bound else 200
    )

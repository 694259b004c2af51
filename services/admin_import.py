"""Spreadsheet import and export in the service admin (django-import-export).

Wired into ServiceAdmin (services/admin.py) as its first base. Upload, preview (new, changed,
unchanged rows and every row's errors), then confirm; the confirm runs the whole file again
in one transaction and writes nothing if any row fails (see services/resources.py).
"""

from django import forms
from django.contrib import messages
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from import_export.admin import ImportExportMixin
from import_export.forms import ConfirmImportForm, ExportForm, ImportForm
from import_export.results import RowResult

from .resources import EXPORT_FORMATS, IMPORT_FORMATS, ServiceResource, import_error_lines


class ServiceImportForm(ImportForm):
    """The upload; a file that is no spreadsheet, or has no rows, is refused here."""

    def __init__(self, formats, resources, **kwargs):
        super().__init__(formats, resources, **kwargs)
        self.formats = formats

    def clean(self):
        cleaned_data = super().clean()
        upload, chosen = cleaned_data.get("import_file"), cleaned_data.get("format")
        if upload is None or chosen in (None, ""):
            return cleaned_data
        file_format = self.formats[int(chosen)](encoding=ServiceImportExportMixin.from_encoding)
        try:
            dataset = file_format.create_dataset(b"".join(upload.chunks()))
        except Exception:  # whatever the reader trips over, the answer is the same
            self.add_error(
                "import_file",
                _(
                    "This file could not be read as %(format)s. Save it from your spreadsheet "
                    "program as .xlsx, or as .csv (UTF-8), choose that format and try again."
                )
                % {"format": file_format.get_title().upper()},
            )
            return cleaned_data
        if not any(any(value not in (None, "") for value in row) for row in dataset):
            self.add_error(
                "import_file",
                _(
                    "This file has no services in it. The first row holds the column names, "
                    "one service on each row below it (export the list to see the layout)."
                ),
            )
        return cleaned_data


class ServiceConfirmImportForm(ConfirmImportForm):
    # {pk: version} of the entries as the preview read them: the confirm refuses a row that
    # someone has saved since.
    loaded_versions = forms.JSONField(widget=forms.HiddenInput, required=False)


class ServiceImportExportMixin(ImportExportMixin):
    resource_classes = [ServiceResource]
    import_formats = IMPORT_FORMATS
    export_formats = EXPORT_FORMATS
    import_form_class = ServiceImportForm
    confirm_form_class = ServiceConfirmImportForm
    # Every column, always: the export is the template for the import.
    export_form_class = ExportForm
    import_template_name = "admin/services/service/import.html"
    from_encoding = "utf-8-sig"
    to_encoding = "utf-8-sig"  # with a BOM, so that spreadsheet programs read UTF-8

    def has_import_permission(self, request):
        return self.has_add_permission(request) and self.has_change_permission(request)

    def has_export_permission(self, request):
        return self.has_view_permission(request)

    def get_import_data_kwargs(self, **kwargs):
        form = kwargs.get("form")
        data_kwargs = super().get_import_data_kwargs(**kwargs)
        if isinstance(form, ServiceConfirmImportForm):
            data_kwargs["expected_versions"] = form.cleaned_data.get("loaded_versions") or {}
            data_kwargs["rollback_on_validation_errors"] = True
        elif form is not None:
            form.versions_seen = data_kwargs["versions_seen"] = {}
        return data_kwargs

    def get_confirm_form_initial(self, request, import_form):
        initial = super().get_confirm_form_initial(request, import_form)
        if import_form is not None:
            initial["loaded_versions"] = getattr(import_form, "versions_seen", {})
        return initial

    def import_action(self, request, **kwargs):
        response = super().import_action(request, **kwargs)
        if isinstance(response, TemplateResponse) and response.context_data.get("result"):
            response.context_data["import_errors"] = import_error_lines(
                response.context_data["result"]
            )
        return response

    def process_result(self, result, request):
        if result.has_errors() or result.has_validation_errors():
            # Rolled back: the whole file or nothing.
            messages.error(request, _("Nothing was imported."))
            for line in import_error_lines(result):
                messages.error(request, line)
            opts = self.model._meta
            return HttpResponseRedirect(reverse(f"admin:{opts.app_label}_{opts.model_name}_import"))
        return super().process_result(result, request)

    def add_success_message(self, result, request):
        messages.success(
            request,
            _("Import finished: %(new)d new, %(changed)d changed, %(unchanged)d unchanged.")
            % {
                "new": result.totals[RowResult.IMPORT_TYPE_NEW],
                "changed": result.totals[RowResult.IMPORT_TYPE_UPDATE],
                "unchanged": result.totals[RowResult.IMPORT_TYPE_SKIP],
            },
        )

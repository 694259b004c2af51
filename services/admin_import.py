"""Spreadsheet import and export in the service admin (django-import-export).

Wired into ServiceAdmin (services/admin.py) as its first base. Upload, preview (new, changed,
unchanged rows and every row's errors), then confirm; the confirm runs the whole file again
in one transaction and writes nothing if any row fails (see services/resources.py).
"""

import re
from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views.main import ERROR_FLAG
from django.core import signing
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from import_export.admin import ImportExportMixin
from import_export.forms import ConfirmImportForm, ExportForm, ImportForm
from import_export.results import RowResult

from returnee_portal.filenames import download_filename

from .resources import EXPORT_FORMATS, IMPORT_FORMATS, ServiceResource, import_error_lines

INLINE_STYLE = re.compile(r' style="[^"<>]*"')


@dataclass(frozen=True)
class PreviewRow:
    number: int  # the spreadsheet's row (row 1 holds the column names)
    import_type: str
    name: str
    # (column, the change as import-export's diff HTML) for the columns that change
    changes: list[tuple[str, str]]


def preview_rows(result) -> list[PreviewRow]:
    """The new and changed rows of an import's preview, each with only its changing columns
    (an unchanged row is only counted: the preview of a whole directory stays short)."""
    rows = []
    for index, row in enumerate(result.rows, start=2):
        if row.import_type not in (RowResult.IMPORT_TYPE_NEW, RowResult.IMPORT_TYPE_UPDATE):
            continue
        changes = [
            # Without the diff's inline colours, which the Content-Security-Policy refuses
            # (admin.css colours <ins> and <del>).
            (header, mark_safe(INLINE_STYLE.sub("", html)))
            for header, html in zip(result.diff_headers, row.diff or (), strict=False)
            if "<ins" in html or "<del" in html
        ]
        rows.append(PreviewRow(index, row.import_type, row.object_repr or "", changes))
    return rows


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


IMPORT_SALT = "services.import-file"
IMPORT_EXPIRED = _(
    "This import was not prepared for you or has expired. Nothing was imported: upload the "
    "file again."
)


def import_token(*, file_name, file_format, user) -> str:
    """What the confirm form carries instead of the stored file's name: signed, for this user
    and this format only, so a browser cannot name another file or another user's upload."""
    return signing.dumps([file_name, str(file_format), user.pk], salt=IMPORT_SALT, compress=True)


class ServiceConfirmImportForm(ConfirmImportForm):
    # {pk: version} of the entries as the preview read them: the confirm refuses a row that
    # someone has saved since.
    loaded_versions = forms.JSONField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean(self):
        cleaned_data = super().clean()
        try:
            file_name, file_format, user_pk = signing.loads(
                self.data.get("import_file_name", ""),
                salt=IMPORT_SALT,
                max_age=settings.SESSION_COOKIE_AGE,
            )
        except (signing.BadSignature, ValueError, TypeError):
            raise forms.ValidationError(IMPORT_EXPIRED) from None
        if user_pk != self.user.pk or cleaned_data.get("format") != file_format:
            raise forms.ValidationError(IMPORT_EXPIRED)
        cleaned_data["import_file_name"] = file_name
        return cleaned_data


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

    def get_export_filename(self, request, queryset, file_format):
        """Named by what it holds: "usluge-tutin-2026-12-02.xlsx" (the municipality when every
        exported service is in one)."""
        places = list(
            queryset.order_by().values_list("municipality__slug", flat=True).distinct()[:2]
        )
        return download_filename(
            self.model._meta.verbose_name_plural,
            places[0] if len(places) == 1 else "",
            day=timezone.localdate(),
            extension=file_format.get_extension(),
        )

    def export_action(self, request):
        try:
            return super().export_action(request)
        except IncorrectLookupParameters:
            # A filter that cannot apply (a hand-made URL): what the changelist does.
            return HttpResponseRedirect(f"{request.path}?{ERROR_FLAG}=1")

    def get_import_data_kwargs(self, **kwargs):
        form = kwargs.get("form")
        data_kwargs = super().get_import_data_kwargs(**kwargs)
        if isinstance(form, ServiceConfirmImportForm):
            data_kwargs["expected_versions"] = form.cleaned_data.get("loaded_versions") or {}
            data_kwargs["rollback_on_validation_errors"] = True
        elif form is not None:
            form.versions_seen = data_kwargs["versions_seen"] = {}
        return data_kwargs

    def get_confirm_form_kwargs(self, request, import_form=None):
        return {**super().get_confirm_form_kwargs(request, import_form), "user": request.user}

    def get_confirm_form_initial(self, request, import_form):
        initial = super().get_confirm_form_initial(request, import_form)
        if import_form is not None:
            initial["loaded_versions"] = getattr(import_form, "versions_seen", {})
            initial["import_file_name"] = import_token(
                file_name=initial["import_file_name"],
                file_format=initial["format"],
                user=request.user,
            )
        return initial

    def process_import(self, request, **kwargs):
        """The confirm: only a file this server stored for this user's preview, still kept."""
        if request.method == "POST" and self.has_import_permission(request):
            form = self.create_confirm_form(request)
            if not form.is_valid() or not self._import_file_kept(form):
                messages.error(request, IMPORT_EXPIRED)
                return HttpResponseRedirect(self._import_url())
        return super().process_import(request, **kwargs)

    def _import_file_kept(self, form) -> bool:
        storage = self.get_tmp_storage_class()(
            name=form.cleaned_data["import_file_name"], **self.get_tmp_storage_class_kwargs()
        )
        return storage.read() is not None

    def import_action(self, request, **kwargs):
        response = super().import_action(request, **kwargs)
        if isinstance(response, TemplateResponse) and response.context_data.get("result"):
            result = response.context_data["result"]
            response.context_data["import_errors"] = import_error_lines(result)
            response.context_data["preview_rows"] = preview_rows(result)
        return response

    def process_result(self, result, request):
        if result.has_errors() or result.has_validation_errors():
            # Rolled back: the whole file or nothing.
            messages.error(request, _("Nothing was imported."))
            for line in import_error_lines(result):
                messages.error(request, line)
            return HttpResponseRedirect(self._import_url())
        return super().process_result(result, request)

    def _import_url(self) -> str:
        opts = self.model._meta
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_import")

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

"""The reports area of the admin (admin/reports/, see urls.py): a list of reports, each report
as a filtered table with CSV and XLSX downloads, and the Open Referral HSDS download.

Coordinators see everything; associates see the reports limited to their municipalities. The
HSDS package is the whole directory's data exchange format (for the ministry, donors and
other directories); a per-municipality subset would be a different dataset under the same
name, so associates get 403 there rather than a partial package.
"""

import tempfile

from django.conf import settings
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from returnee_portal.params import query_nul_free
from returnee_portal.roles import user_can_see_reports, user_is_coordinator
from services.hsds import hsds_languages, hsds_package_zip_write
from services.models import Municipality
from services.selectors import municipalities_for_user

from .base import CSV_CONTENT_TYPE, XLSX_CONTENT_TYPE
from .catalogue import REPORTS
from .forms import HsdsExportForm, ReportFilterForm

DOWNLOADS = {"csv": CSV_CONTENT_TYPE, "xlsx": XLSX_CONTENT_TYPE}
# Files up to this size are written in memory, larger ones to a temporary file on disk.
SPOOL_IN_MEMORY = 1024 * 1024


def report_filter_data(*, query, user) -> dict:
    """The request's filters with the default language filled in; 403 for a municipality
    that exists but is not the user's (a forged link), rather than quietly ignoring it."""
    data = query_nul_free(query)
    if not data.get("language"):
        current = get_language()
        languages = settings.MODELTRANSLATION_LANGUAGES
        data["language"] = current if current in languages else languages[0]
    requested = data.getlist("municipality")
    if (
        requested
        and Municipality.objects.filter(slug__in=requested)
        .exclude(pk__in=municipalities_for_user(user))
        .exists()
    ):
        raise PermissionDenied
    return data


def _check_access(request):
    if not user_can_see_reports(request.user):
        raise PermissionDenied


def report_list(request):
    _check_access(request)
    context = {
        **admin.site.each_context(request),
        "title": _("Reports"),
        "reports": list(REPORTS.values()),
        "can_export_hsds": user_is_coordinator(request.user),
    }
    return render(request, "reports/report_list.html", context)


def report_detail(request, slug):
    _check_access(request)
    report_class = REPORTS.get(slug)
    if report_class is None:
        raise Http404
    user = request.user
    form = ReportFilterForm(
        report_filter_data(query=request.GET, user=user),
        user=user,
        with_category=report_class.filters_by_category,
    )
    report = None
    if form.is_valid():
        chosen = form.cleaned_data["municipality"]
        if chosen:
            municipalities = Municipality.objects.filter(pk__in=chosen)
        else:
            municipalities = None if user_is_coordinator(user) else municipalities_for_user(user)
        report = report_class(
            language=form.cleaned_data["language"],
            municipalities=municipalities,
            category=form.cleaned_data.get("category"),
            today=timezone.localdate(),
        )
        download = request.GET.get("format")
        if download in DOWNLOADS:
            return _download(report, download)
    query = request.GET.copy()
    query.pop("format", None)
    context = {
        **admin.site.each_context(request),
        "title": report_class.title,
        "report_class": report_class,
        "report": report,
        "form": form,
        "csv_query": _with_format(query, "csv"),
        "xlsx_query": _with_format(query, "xlsx"),
    }
    return render(request, "reports/report_detail.html", context, status=200 if report else 400)


def _download(report, extension):
    """The report as a file of any size: CSV streamed as its rows are read; XLSX (a ZIP
    archive, complete only at its end) written row by row into a temporary file, then sent."""
    filename = report.filename(extension)
    if extension == "csv":
        response = StreamingHttpResponse(report.iter_csv(), content_type=DOWNLOADS[extension])
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response
    return _file_response(report.write_xlsx, content_type=DOWNLOADS[extension], filename=filename)


def _file_response(write, *, content_type, filename):
    """Call `write(file)` with a temporary file, then send that file (closed once sent)."""
    # Not a `with` block: FileResponse closes the file once it has been sent.
    file = tempfile.SpooledTemporaryFile(max_size=SPOOL_IN_MEMORY)  # noqa: SIM115
    try:
        write(file)
        file.seek(0)
    except BaseException:
        file.close()
        raise
    return FileResponse(file, as_attachment=True, filename=filename, content_type=content_type)


def _with_format(query, extension):
    query = query.copy()
    query["format"] = extension
    return query.urlencode()


def hsds_export(request):
    """The language chooser; with `?language=`, the ZIP of the HSDS package in that language."""
    if not user_is_coordinator(request.user):
        raise PermissionDenied
    form = HsdsExportForm(request.GET or None)
    if form.is_valid():
        language = form.cleaned_data["language"]
        return _file_response(
            lambda file: hsds_package_zip_write(file=file, language=language),
            content_type="application/zip",
            filename=f"returnee-portal-hsds-{language}.zip",
        )
    if not form.is_bound:
        current = get_language()
        form.initial["language"] = current if current in hsds_languages() else hsds_languages()[0]
    context = {
        **admin.site.each_context(request),
        "title": _("Open Referral HSDS export"),
        "form": form,
    }
    return render(
        request, "reports/hsds_export.html", context, status=400 if form.is_bound else 200
    )

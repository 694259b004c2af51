"""The reports area of the admin: a list of reports, and each report as a filtered table with
CSV and XLSX downloads. Coordinators see everything; associates their municipalities only.
"""

from django import forms
from django.conf import settings
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from services.models import Category, Municipality
from services.permissions import municipalities_for_user, user_can_see_reports, user_is_coordinator

from .exports import REPORTS
from .languages import language_name
from .reports import CSV_CONTENT_TYPE, XLSX_CONTENT_TYPE

DOWNLOADS = {"csv": CSV_CONTENT_TYPE, "xlsx": XLSX_CONTENT_TYPE}


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


def report_filter_data(*, query, user) -> dict:
    """The request's filters with the default language filled in; 403 for a municipality
    that exists but is not the user's (a forged link), rather than quietly ignoring it."""
    data = query.copy()
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
    return render(request, "admin/reports/report_list.html", context)


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
            content = report.as_csv() if download == "csv" else report.as_xlsx()
            response = HttpResponse(content, content_type=DOWNLOADS[download])
            filename = report.filename(download)
            response["Content-Disposition"] = f'attachment; filename="{filename}"'
            return response
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
    return render(
        request, "admin/reports/report_detail.html", context, status=200 if report else 400
    )


def _with_format(query, extension):
    query = query.copy()
    query["format"] = extension
    return query.urlencode()

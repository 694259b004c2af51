from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render

from . import selectors
from .models import Municipality, Project

SERVICES_PER_PAGE = 50


def municipality_list(request):
    """Municipalities by district; also where the home page's municipality picker lands."""
    chosen = request.GET.get("municipality")
    if chosen and (municipality := Municipality.objects.filter(slug=chosen).first()):
        return redirect(municipality)
    return render(
        request,
        "services/municipality_list.html",
        {
            "districts": selectors.districts_with_municipalities(),
            "unknown_municipality": bool(chosen),
            "category": request.GET.get("category", ""),
        },
    )


def municipality_detail(request, slug):
    municipality = get_object_or_404(Municipality.objects.select_related("district"), slug=slug)
    filterset = selectors.services_for_municipality(municipality=municipality, filters=request.GET)
    page = Paginator(filterset.qs, SERVICES_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "services/municipality_detail.html",
        {
            "municipality": municipality,
            "filterset": filterset,
            "page_obj": page,
            "groups": selectors.services_grouped_by_category(page.object_list),
        },
    )


def service_detail(request, slug):
    service = get_object_or_404(selectors.service_detail(slug=slug))
    return render(request, "services/service_detail.html", {"service": service})


def project_list(request):
    return render(
        request, "services/project_list.html", {"projects": selectors.projects_with_details()}
    )


def project_detail(request, slug):
    project = get_object_or_404(Project.objects.prefetch_related("municipalities"), slug=slug)
    return render(
        request,
        "services/project_detail.html",
        {
            "project": project,
            "indicators": project.indicators.all(),
            "open_calls": project.open_calls.prefetch_related("municipalities"),
        },
    )


def open_call_list(request):
    return render(
        request, "services/opencall_list.html", {"open_calls": selectors.open_calls_current()}
    )

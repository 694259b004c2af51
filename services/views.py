from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache

from returnee_portal.client import client_address
from returnee_portal.links import qr_code
from returnee_portal.outage import OUTAGE_ERRORS, unavailable
from returnee_portal.pagecache import list_tag, page_depends_on, public_page
from returnee_portal.params import query_slug

from . import actions, selectors
from .forms import UpdateSuggestionForm
from .models import (
    Category,
    Municipality,
    OpenCall,
    Organization,
    Project,
    ProjectIndicator,
    Service,
)

SERVICES_PER_PAGE = 50
CALLS_PER_PAGE = 10  # a call is a card with its description: ten fill a phone screen many times


@public_page
def municipality_list(request):
    """Municipalities by district; also where the home page's municipality picker lands.

    With `?category=`, each municipality's count is of that category's services, and its link
    keeps the category.
    """
    chosen = query_slug(request, "municipality")
    if chosen and (municipality := Municipality.objects.filter(slug=chosen).first()):
        return redirect(municipality)
    category_slug = query_slug(request, "category")
    category = Category.objects.filter(slug=category_slug).first() if category_slug else None
    return render(
        request,
        "services/municipality_list.html",
        {
            "districts": selectors.districts_with_municipalities(category=category),
            "unknown_municipality": bool(request.GET.get("municipality")),
            "unknown_category": bool(request.GET.get("category")) and category is None,
            "category": category,
        },
    )


@public_page
def municipality_detail(request, slug):
    municipality = get_object_or_404(Municipality.objects.select_related("district"), slug=slug)
    filterset = selectors.services_for_municipality(municipality=municipality, filters=request.GET)
    filterset.is_valid()  # an unknown value is reported on the page and ignored
    category = filterset.form.cleaned_data.get("category")
    page = Paginator(filterset.qs, SERVICES_PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "municipality": municipality,
        "place": municipality,
        "filterset": filterset,
        "category": category,
        "categories": selectors.categories_in_municipality(municipality=municipality),
        "languages": selectors.languages_in_municipality(municipality=municipality),
        "page_obj": page,
        "services": selectors.service_rows(page.object_list),
    }
    if category is not None and not page.paginator.count:
        # Nothing of this kind here yet: where the guide explains it, and where nearby has it.
        context["chapters"] = selectors.chapters_about(category=category)
        context["nearby"] = selectors.municipalities_nearby_with(
            municipality=municipality, category=category
        )
    return render(request, "services/municipality_detail.html", context)


@public_page
def service_detail(request, slug):
    service = get_object_or_404(selectors.service_detail(slug=slug))
    return render(
        request,
        "services/service_detail.html",
        {"service": service, "place": service.municipality},
    )


@public_page
def service_checklist(request, slug):
    """What to bring to the office, on one printed page: the documents as boxes to tick, where
    and when to go, and a QR code back to the service's page."""
    service = get_object_or_404(selectors.service_detail(slug=slug))
    svg = qr_code(service.get_absolute_url()).svg_inline(scale=2, border=0, svgclass="qr")
    qr = mark_safe(svg)  # noqa: S308 - drawn by segno from the page's own address only
    return render(
        request,
        "services/service_checklist.html",
        {"service": service, "place": service.municipality, "qr": qr},
    )


@public_page
def organization_detail(request, slug):
    organization = get_object_or_404(Organization.objects.select_related("municipality"), slug=slug)
    services = selectors.services_of_organization(organization=organization)
    page = Paginator(services, SERVICES_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "services/organization_detail.html",
        {
            "organization": organization,
            "place": organization.municipality,
            "page_obj": page,
            "services": selectors.service_rows(page.object_list),
        },
    )


# The page carries a per-visitor CSRF token: no cache may keep it.
SUGGESTION_TEMPLATE = "services/updatesuggestion_form.html"


@never_cache
def service_suggestion(request, slug):
    """The "Is something wrong here?" form: a visitor sends an update suggestion, no account.

    If the database is down when it is sent, the form comes back with the visitor's text
    and says to send it again (503): never a false success, never the text lost.
    """
    try:
        return _service_suggestion(request, slug)
    except OUTAGE_ERRORS:
        if request.method != "POST":
            raise  # the 503 page (returnee_portal.views.server_error)
    form = UpdateSuggestionForm(request.POST)
    form.full_clean()
    form.add_error(
        None,
        gettext(
            "Your suggestion could not be saved just now: the portal cannot reach its "
            "database. Your text is still here; please send it again in a few minutes."
        ),
    )
    return unavailable(
        render_to_string(SUGGESTION_TEMPLATE, {"service": None, "form": form}, request=request)
    )


def _service_suggestion(request, slug):
    service = get_object_or_404(Service.objects.published(), slug=slug)
    form = UpdateSuggestionForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if not form.is_valid():
            status = 400
        elif form.is_from_bot:
            return redirect("services:service_suggestion_done", slug=slug)
        elif not actions.update_suggestion_quota_take(client_address=client_address(request)):
            form.add_error(
                None,
                gettext(
                    "You have sent several suggestions in a short time. "
                    "Please try again in an hour."
                ),
            )
            status = 429
        else:
            actions.update_suggestion_file(
                service=service,
                message=form.cleaned_data["message"],
                contact=form.cleaned_data["contact"],
            )
            return redirect("services:service_suggestion_done", slug=slug)
    context = {"service": service, "form": form}
    response = render(request, SUGGESTION_TEMPLATE, context, status=status)
    if status == 429:
        response["Retry-After"] = str(actions.SUGGESTION_WINDOW_SECONDS)
    return response


def service_suggestion_done(request, slug):
    service = get_object_or_404(Service.objects.published(), slug=slug)
    return render(request, "services/updatesuggestion_done.html", {"service": service})


@public_page
def project_list(request):
    return render(request, "services/project_list.html", {"projects": selectors.projects_listed()})


@public_page
def project_detail(request, slug):
    project = get_object_or_404(Project.objects.prefetch_related("municipalities"), slug=slug)
    page_depends_on(
        list_tag(ProjectIndicator, project=project.pk), list_tag(OpenCall, project=project.pk)
    )
    return render(
        request,
        "services/project_detail.html",
        {
            "project": project,
            "indicators": project.indicators.all(),
            "open_calls": project.open_calls.prefetch_related("municipalities"),
        },
    )


@public_page
def open_call_list(request):
    calls = selectors.open_calls_current()
    page = Paginator(calls, CALLS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "services/opencall_list.html", {"page_obj": page})


@public_page
def open_call_detail(request, slug):
    """One call, to link to and share; a closed call's page stays, saying that it closed."""
    call = get_object_or_404(selectors.open_call_detail(slug=slug))
    return render(request, "services/opencall_detail.html", {"call": call})

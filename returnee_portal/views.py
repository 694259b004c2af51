import sys

from axes.helpers import get_cool_off
from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.contrib.contenttypes import views as contenttype_views
from django.contrib.contenttypes.models import ContentType
from django.http import Http404, HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.utils import translation

from returnee_portal import outage
from returnee_portal.pagecache import list_tag, page_depends_on, public_page
from returnee_portal.params import query_slug
from services.models import Category, Municipality
from services.selectors import open_calls_closing_first

HOME_CALLS = 5  # the open calls the home page names (all of them: the list of open calls)


@public_page
def home(request):
    """The first screen: search, "where do you live?", then what people look for.

    `?municipality=` (which every page of a municipality puts in its link home) offers that
    municipality again: the family's choice travels in the URL, not in a cookie.
    """
    place_slug = query_slug(request, "municipality")
    page_depends_on(list_tag(Category))
    return render(
        request,
        "home.html",
        {
            "place": Municipality.objects.filter(slug=place_slug).first() if place_slug else None,
            "categories": Category.objects.all(),
            "open_calls": open_calls_closing_first(count=HOME_CALLS),
        },
    )


@public_page
def about(request):
    return render(request, "about.html")


def bad_request(request, exception):
    return render(request, "400.html", status=400)


def permission_denied(request, exception):
    return render(request, "403.html", status=403)


def csrf_failure(request, reason=""):
    """A form sent from a page that is too old (or without cookies): say how to send it again."""
    return render(request, "403_csrf.html", status=403)


def page_not_found(request, exception):
    return render(request, "404.html", status=404)


def server_error(request):
    """500, or 503 when the error is that the database or the cache cannot be reached.

    Django calls this while handling the exception, so `sys.exc_info()` names it. Rendered
    without a request context (a context processor or the database may be what failed), in
    the language of the address: the page cache, which may be what failed, runs before
    LocaleMiddleware has chosen it.
    """
    language = translation.get_language_from_request(request, check_path=True)
    with translation.override(language):
        if outage.is_outage(sys.exc_info()[1]):
            return outage.unavailable(loader.get_template("503.html").render())
        return HttpResponseServerError(loader.get_template("500.html").render())


def healthz(request):
    """Liveness: the process answers (no database, no cache), so a restart is not the cure."""
    return HttpResponse("ok", content_type="text/plain")


def readyz(request):
    """Readiness: the database and the cache answer; 503 naming the one that does not."""
    checks = outage.dependency_checks()
    ready = all(checks.values())
    body = "\n".join(f"{name}: {'ok' if up else 'unavailable'}" for name, up in checks.items())
    if ready:
        return HttpResponse(body, content_type="text/plain")
    return outage.unavailable(body, content_type="text/plain")


def login_lockout(request, original_response=None, credentials=None):
    """django-axes' answer to too many failed logins: in the visitor's language, how long."""
    minutes = max(1, round(get_cool_off(request).total_seconds() / 60))
    context = {**admin.site.each_context(request), "minutes": minutes}
    response = render(request, "admin/lockout.html", context, status=429)
    response["Retry-After"] = str(minutes * 60)
    return response


def view_on_site(request, content_type_id, object_id):
    """The admin's "View on site" (/admin/r/...), for entries the user may view in the admin
    only: any other id gives the same 404 as a missing one, so an associate learns nothing
    of other municipalities' (unpublished) entries."""
    try:
        model = ContentType.objects.get_for_id(content_type_id).model_class()
    except ContentType.DoesNotExist:
        raise Http404 from None
    if model is None or not admin.site.is_registered(model):
        raise Http404
    model_admin = admin.site.get_model_admin(model)
    entry = model_admin.get_object(request, unquote(object_id))
    if entry is None or not model_admin.has_view_permission(request, entry):
        raise Http404
    return contenttype_views.shortcut(request, content_type_id, object_id)

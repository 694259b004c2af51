from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader

from returnee_portal.pagecache import list_tag, page_depends_on, public_page
from returnee_portal.params import query_slug
from services.models import Category, Municipality
from services.selectors import districts_for_picker, open_calls_current


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
            "districts": districts_for_picker(),
            "categories": Category.objects.all(),
            "open_calls": open_calls_current()[:5],
        },
    )


@public_page
def about(request):
    return render(request, "about.html")


def page_not_found(request, exception):
    return render(request, "404.html", status=404)


def server_error(request):
    # No request context: the error may come from a context processor or the database.
    return HttpResponseServerError(loader.get_template("500.html").render())

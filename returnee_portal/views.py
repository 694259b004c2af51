from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader

from services.models import Category, Municipality
from services.selectors import open_calls_current


def home(request):
    return render(
        request,
        "home.html",
        {
            "municipalities": Municipality.objects.all(),
            "categories": Category.objects.all(),
            "open_calls": open_calls_current()[:5],
        },
    )


def about(request):
    return render(request, "about.html")


def page_not_found(request, exception):
    return render(request, "404.html", status=404)


def server_error(request):
    # No request context: the error may come from a context processor or the database.
    return HttpResponseServerError(loader.get_template("500.html").render())

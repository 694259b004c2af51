"""The site's URLs plus two that fail as the database or a bug would (error page tests)."""

from django.db import OperationalError
from django.urls import path

from returnee_portal.urls import handler400, handler403, handler404, handler500, urlpatterns


def database_gone(request):
    raise OperationalError("connection to server at 127.0.0.1 failed: Connection refused")


def broken(request):
    raise ZeroDivisionError(f"form said {request.POST.get('message')}")


urlpatterns = [
    path("de/kaputt/datenbank/", database_gone),
    path("sq/kaputt/fehler/", broken),
    *urlpatterns,
]
__all__ = ["handler400", "handler403", "handler404", "handler500", "urlpatterns"]

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.http import HttpResponse
from django.urls import include, path

from . import views


def health(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [
    path("admin/", admin.site.urls),
    path("health/", health, name="health"),
]

urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("o-portalu/", views.about, name="about"),
    path("", include("services.urls")),
    path("", include("guides.urls")),
)

handler404 = views.page_not_found
handler500 = views.server_error

from django.urls import path

from . import views

app_name = "services"

# Path words are Serbian and the same in every language, so a link can be shared across
# languages by changing only the prefix (/rom/opstine/tutin/ and /de/opstine/tutin/).
urlpatterns = [
    path("opstine/", views.municipality_list, name="municipality_list"),
    path("opstine/<slug:slug>/", views.municipality_detail, name="municipality_detail"),
    path("usluge/<slug:slug>/", views.service_detail, name="service_detail"),
    path("usluge/<slug:slug>/prijava/", views.service_report, name="service_report"),
    path(
        "usluge/<slug:slug>/prijava/hvala/",
        views.service_report_done,
        name="service_report_done",
    ),
    path("organizacije/<slug:slug>/", views.organization_detail, name="organization_detail"),
    path("projekti/", views.project_list, name="project_list"),
    path("projekti/<slug:slug>/", views.project_detail, name="project_detail"),
    path("konkursi/", views.open_call_list, name="opencall_list"),
]

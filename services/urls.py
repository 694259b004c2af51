from django.urls import path
from django.views.generic import RedirectView

from returnee_portal.pagecache import public_page

from . import views
from .feeds import MunicipalityServicesFeed, OpenCallsFeed

app_name = "services"

# Path words are Serbian and the same in every language, so a link can be shared across
# languages by changing only the prefix (/rom/opstine/tutin/ and /de/opstine/tutin/).
urlpatterns = [
    path("opstine/", views.municipality_list, name="municipality_list"),
    path("opstine/<slug:slug>/", views.municipality_detail, name="municipality_detail"),
    path(
        "opstine/<slug:slug>/atom/",
        public_page(MunicipalityServicesFeed()),
        name="municipality_feed",
    ),
    path("usluge/<slug:slug>/", views.service_detail, name="service_detail"),
    path("usluge/<slug:slug>/spisak/", views.service_checklist, name="service_checklist"),
    path("usluge/<slug:slug>/predlog/", views.service_suggestion, name="service_suggestion"),
    path(
        "usluge/<slug:slug>/predlog/hvala/",
        views.service_suggestion_done,
        name="service_suggestion_done",
    ),
    # Where the form was before it was called a suggestion ("prijava"): links stay good.
    path(
        "usluge/<slug:slug>/prijava/",
        RedirectView.as_view(pattern_name="services:service_suggestion", permanent=True),
    ),
    path("organizacije/<slug:slug>/", views.organization_detail, name="organization_detail"),
    path("projekti/", views.project_list, name="project_list"),
    path("projekti/<slug:slug>/", views.project_detail, name="project_detail"),
    path("konkursi/", views.open_call_list, name="opencall_list"),
    path("konkursi/atom/", public_page(OpenCallsFeed()), name="opencall_feed"),
    path("konkursi/<slug:slug>/", views.open_call_detail, name="opencall_detail"),
]

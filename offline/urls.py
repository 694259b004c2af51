from django.urls import path

from . import views

app_name = "offline"

# Under the language prefix. `vodic/van-mreze/` comes before the guide's chapters (the slug is
# reserved: guides.models.RESERVED_SLUGS).
urlpatterns = [
    path("van-mreze/", views.offline_page, name="offline_page"),
    path("manifest.webmanifest", views.manifest, name="manifest"),
    path("opstine/<slug:slug>/van-mreze/", views.municipality_package, name="municipality_package"),
    path("vodic/van-mreze/", views.guide_package, name="guide_package"),
]

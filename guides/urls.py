from django.urls import path

from . import views

app_name = "guides"

urlpatterns = [
    path("vodic/", views.chapter_list, name="chapter_list"),
    # Before the chapters' <slug:slug>/: no chapter can be called so (models.RESERVED_SLUGS).
    path("vodic/pdf/", views.guide_download, name="guide_download"),
    path("vodic/ceo/", views.whole_guide, name="whole_guide"),
    path("vodic/<slug:slug>/", views.chapter_detail, name="chapter_detail"),
]

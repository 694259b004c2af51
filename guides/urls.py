from django.urls import path

from returnee_portal.pagecache import public_page

from . import views
from .feeds import GuideChangesFeed

app_name = "guides"

urlpatterns = [
    path("vodic/", views.chapter_list, name="chapter_list"),
    # Before the chapters' <slug:slug>/: no chapter can be called so (models.RESERVED_SLUGS).
    path("vodic/pdf/", views.guide_download, name="guide_download"),
    path("vodic/ceo/", views.whole_guide, name="whole_guide"),
    path("vodic/atom/", public_page(GuideChangesFeed()), name="guide_feed"),
    path("vodic/<slug:slug>/", views.chapter_detail, name="chapter_detail"),
]

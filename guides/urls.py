from django.urls import path

from . import views

app_name = "guides"

urlpatterns = [
    path("vodic/", views.chapter_list, name="chapter_list"),
    path("vodic/<slug:slug>/", views.chapter_detail, name="chapter_detail"),
]

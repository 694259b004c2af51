from django.urls import path

from . import views

# A service worker may serve only the pages under its own address: this one is at the root.
urlpatterns = [path("sw.js", views.service_worker, name="service_worker")]

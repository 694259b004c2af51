import json

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext, pgettext

from returnee_portal.pagecache import public_page, release_fingerprint
from services.models import Municipality

from . import packages

# The colours of static/css/portal.css: the links' blue, the page's white.
THEME_COLOUR = "#0b4f9c"
BACKGROUND_COLOUR = "#ffffff"
ICONS = [
    {"src": "icons/portal-192.png", "sizes": "192x192", "type": "image/png", "purpose": "any"},
    {"src": "icons/portal-512.png", "sizes": "512x512", "type": "image/png", "purpose": "any"},
    {
        "src": "icons/portal-maskable-512.png",
        "sizes": "512x512",
        "type": "image/png",
        "purpose": "maskable",
    },
]


@public_page
def offline_page(request):
    """How the portal works without a connection, and what this phone has kept (by script).

    The service worker also shows it for a page that was not saved, saying so.
    """
    return render(request, "offline/offline.html")


@public_page
def manifest(request):
    """The web app manifest, in the page's language: the name a phone shows for the portal."""
    data = {
        "id": "/",
        "name": gettext("Returnee Portal"),
        "short_name": pgettext("app name on a phone's home screen", "Returnees"),
        "description": gettext(
            "Where returnee families in Serbia find help: services by municipality, the "
            "integration guide and open calls."
        ),
        "lang": translation.get_language(),
        "dir": "rtl" if translation.get_language_bidi() else "ltr",
        "start_url": reverse("home"),
        "scope": "/",
        "display": "standalone",
        "theme_color": THEME_COLOUR,
        "background_color": BACKGROUND_COLOUR,
        "icons": [{**icon, "src": static(icon["src"])} for icon in ICONS],
    }
    return JsonResponse(
        data, content_type="application/manifest+json", json_dumps_params={"ensure_ascii": False}
    )


@public_page
def municipality_package(request, slug):
    municipality = get_object_or_404(Municipality, slug=slug)
    return _package_response(packages.municipality_package(municipality=municipality))


@public_page
def guide_package(request):
    return _package_response(packages.guide_package())


def _package_response(package: packages.Package) -> JsonResponse:
    return JsonResponse({"pages": package.pages, "size": package.size})


def service_worker(request):
    """The service worker (templates/offline/sw.js) with what it must know of this release.

    Served from the site's root, so that it may serve every page; never from a cache, so that
    a phone learns of a new release at its next visit. Its version is the release's
    fingerprint: a release, whatever it changes, installs a new worker, which drops the old
    release's files and fetches the saved pages again.
    """
    languages = [code for code, _name in settings.LANGUAGES]
    offline_pages = {}
    for code in languages:
        with translation.override(code):
            offline_pages[code] = reverse("offline:offline_page")
    config = {
        "version": release_fingerprint(),
        "assets": [static("css/portal.css"), static("js/offline.js")],
        "stylesheet": static("css/portal.css"),
        "staticUrl": settings.STATIC_URL,
        "languages": languages,
        "offlinePages": offline_pages,
        "visitedPages": settings.OFFLINE_VISITED_PAGES,
    }
    script = render_to_string("offline/sw.js", {"config": json.dumps(config)})
    response = HttpResponse(script, content_type="text/javascript; charset=utf-8")
    response["Cache-Control"] = "no-cache"
    return response

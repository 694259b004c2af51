from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control

from returnee_portal.filenames import download_filename
from returnee_portal.pagecache import public_page
from returnee_portal.params import query_slug
from services.models import Municipality
from services.selectors import service_rows

from . import selectors
from .pdf import guide_pdf
from .rendering import chapter_text

SERVICES_PER_PAGE = 20


@public_page
def chapter_list(request):
    return render(
        request, "guides/guidechapter_list.html", {"chapters": selectors.chapters_published()}
    )


@public_page
def chapter_detail(request, slug):
    chapters = list(selectors.chapters_published())
    chapter = next((c for c in chapters if c.slug == slug), None)
    if chapter is None:
        chapter = get_object_or_404(selectors.chapters_published(), slug=slug)  # 404
    previous, following = selectors.chapter_neighbours(chapter=chapter, chapters=chapters)
    place_slug = query_slug(request, "municipality")
    municipality = Municipality.objects.filter(slug=place_slug).first() if place_slug else None
    has_services_box = chapter.categories.exists()
    page, services = None, []
    if municipality and has_services_box:
        found = selectors.services_for_chapter(chapter=chapter, municipality=municipality)
        page = Paginator(found, SERVICES_PER_PAGE).get_page(request.GET.get("page"))
        services = service_rows(page.object_list)
    return render(
        request,
        "guides/guidechapter_detail.html",
        {
            "chapter": chapter,
            "text": chapter_text(chapter, chapters),
            "previous": previous,
            "following": following,
            "has_services_box": has_services_box,
            "municipality": municipality,
            "place": municipality,
            "page_obj": page,
            "services": services,
        },
    )


@public_page
def whole_guide(request):
    """Every chapter on one page: read offline after one load, or printed from the browser."""
    chapters = list(selectors.chapters_published())
    texts = [chapter_text(c, chapters, title_level=2, in_document=True) for c in chapters]
    return render(request, "guides/whole_guide.html", {"texts": texts})


@cache_control(public=True, max_age=300)
def guide_download(request):
    """The guide as a PDF in the page's language; with ?municipality=SLUG its annex of that
    municipality's services (guides/pdf.py builds it once per change and keeps it)."""
    place_slug = query_slug(request, "municipality")
    municipality = get_object_or_404(Municipality, slug=place_slug) if place_slug else None
    language = get_language()
    pdf = guide_pdf(language=language, municipality=municipality)
    name = download_filename(
        _("guide"),
        municipality.slug if municipality else "",
        language,
        day=timezone.localdate(),
        extension="pdf",
    )
    response = HttpResponse(pdf.content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{name}"'
    return response

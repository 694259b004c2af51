from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render

from returnee_portal.pagecache import public_page
from returnee_portal.params import query_slug
from services.models import Municipality
from services.selectors import districts_for_picker

from . import selectors

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
    page = None
    if municipality and has_services_box:
        services = selectors.services_for_chapter(chapter=chapter, municipality=municipality)
        page = Paginator(services, SERVICES_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "guides/guidechapter_detail.html",
        {
            "chapter": chapter,
            "chapters": chapters,
            "previous": previous,
            "following": following,
            "has_services_box": has_services_box,
            "districts": districts_for_picker() if has_services_box else (),
            "municipality": municipality,
            "place": municipality,
            "page_obj": page,
        },
    )

from django.shortcuts import get_object_or_404, render

from services.models import Municipality

from . import selectors


def chapter_list(request):
    return render(
        request, "guides/guidechapter_list.html", {"chapters": selectors.chapters_published()}
    )


def chapter_detail(request, slug):
    chapter = get_object_or_404(selectors.chapters_published(), slug=slug)
    previous, following = selectors.chapter_neighbours(chapter=chapter)
    municipality = Municipality.objects.filter(slug=request.GET.get("municipality") or "").first()
    services = (
        selectors.services_for_chapter(chapter=chapter, municipality=municipality)
        if municipality
        else None
    )
    return render(
        request,
        "guides/guidechapter_detail.html",
        {
            "chapter": chapter,
            "previous": previous,
            "following": following,
            "municipalities": Municipality.objects.all(),
            "municipality": municipality,
            "services": services,
        },
    )

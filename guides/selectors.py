from django.db.models import QuerySet

from returnee_portal.pagecache import list_tag, page_depends_on
from services.models import Municipality, Service

from .models import GuideChapter


def chapters_published() -> QuerySet[GuideChapter]:
    page_depends_on(list_tag(GuideChapter))
    return GuideChapter.objects.published()


def chapter_neighbours(
    *, chapter: GuideChapter, chapters: list[GuideChapter]
) -> tuple[GuideChapter | None, GuideChapter | None]:
    """The chapters before and after `chapter` in `chapters`, for reading the guide in order."""
    index = next(i for i, c in enumerate(chapters) if c.pk == chapter.pk)
    previous = chapters[index - 1] if index > 0 else None
    following = chapters[index + 1] if index + 1 < len(chapters) else None
    return previous, following


def services_for_chapter(*, chapter: GuideChapter, municipality: Municipality) -> QuerySet[Service]:
    """The municipality's services in the chapter's categories: where to go for what it explains."""
    page_depends_on(list_tag(Service, municipality=municipality.pk))
    return (
        Service.objects.published()
        .filter(municipality=municipality, categories__guide_chapters=chapter)
        .distinct()
        .order_by("name", "pk")
    )

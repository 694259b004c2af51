from dataclasses import dataclass

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import timezone
from django.utils.safestring import SafeString
from modeltranslation.utils import get_language as content_language

from returnee_portal.languages import page_html
from returnee_portal.pagecache import public_page
from returnee_portal.params import query_slug

from . import registry, selectors
from .folding import QUERY_MAX_CHARACTERS
from .highlight import highlight, snippet

GROUP_SIZE = 5  # results per kind on the first page; "show all" pages through the rest
RESULTS_PER_PAGE = 20


@dataclass(frozen=True)
class Result:
    url: str
    title: SafeString
    title_lang: str | None
    snippet: SafeString
    snippet_lang: str | None
    place: str


def _results(kind: registry.SearchKind, pks: list[int], marks: frozenset[str]) -> list[Result]:
    hits = kind.hits(pks)
    return [
        Result(
            url=hit.url,
            title=page_html(hit.title, highlight(hit.title.text, marks)),
            title_lang=hit.title.html_lang,
            snippet=page_html(hit.text, snippet(hit.text.text, marks)) if hit.text.text else "",
            snippet_lang=hit.text.html_lang,
            place=hit.place,
        )
        for pk in pks
        if (hit := hits.get(pk))
    ]


@public_page
def search(request):
    """Search everything a family may look for, in the page's language and in Serbian.

    `?municipality=` keeps the search within one municipality (and what serves everywhere);
    `?kind=` pages through one kind of result.
    """
    query = selectors.search_query(raw=request.GET.get("q", ""))
    place = registry.place_for(query_slug(request, "municipality"))
    kind = registry.kind_for(request.GET.get("kind", ""))
    scope = {
        "query": query,
        "language": content_language(),
        "place": place.slug if place else "",
        "today": timezone.localdate(),
    }
    context = {
        "query": query,
        "query_text": query.text,
        "query_max": QUERY_MAX_CHARACTERS,
        "typed_something": bool(request.GET.get("q", "").strip()),
        "place": place,
        "unknown_place": bool(request.GET.get("municipality")) and place is None,
    }
    if query.is_empty:
        pass
    elif kind is not None:
        entries = selectors.search_kind_entries(**scope, kind=kind.key)
        page = Paginator(entries, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
        context.update(kind=kind, page_obj=page, results=_results(kind, list(page), query.marks))
    else:
        groups = selectors.search_groups(**scope, size=GROUP_SIZE)
        context["groups"] = [
            (group, _results(group.kind, group.pks, query.marks)) for group in groups
        ]
    return render(request, "search/search.html", context)

"""What "keep for offline" stores, and about how much that is to download.

A package is the pages, in the current language, that a family needs without a connection:
for a municipality, its page (every page of the list, and each category's), each of its
services, the home page, the open calls and the whole guide; for the guide, its contents, every
chapter and the guide on one page. Links to a page of the package with `?municipality=` find
the package's copy offline (templates/offline/sw.js), so the chapters are kept once.

The size is said before anything is downloaded, so it is estimated without rendering the
pages: each page is the frame every page shares (header, menus, footer: base.html rendered
empty, gzipped, which carries the language's script) and what the page
itself shows - a service's or chapter's own text as it compresses, and for lists so many
gzipped bytes a line. The constants were measured on the demo directory and the test data
(gzipped sizes, in bytes); tests/offline/test_packages.py checks the estimate against the
pages as the server sends them.
"""

import gzip
import zlib
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import Count
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from guides.models import GuideChapter
from guides.selectors import chapters_published
from returnee_portal.languages import language_links, localized_text, page_text
from returnee_portal.links import slug_addresses
from returnee_portal.pagecache import content_fingerprint, list_tag, page_depends_on
from returnee_portal.views import HOME_CALLS
from services.models import Category, Municipality, OpenCall, Service
from services.selectors import categories_in_municipality, open_calls_current
from services.views import CALLS_PER_PAGE, SERVICES_PER_PAGE

HOME_BYTES = 900  # search, categories, guide link
# A municipality in a picker (home, and each chapter that lists services) or in the list.
PICKER_BYTES = 8
MUNICIPALITY_LIST_BYTES = 150
LISTING_BYTES = 1250  # a municipality's page: search, categories, contact, guide link
LISTING_ITEM_BYTES = 30
HOME_CALL_BYTES = 40  # a call's line on the home page: title and deadline
CALL_BYTES = 150  # a call's card on the list of open calls
CALL_PAGE_BYTES = 290  # a call's own page inside the frame: its card, the ways to send it on
CALLS_BYTES = 250
SERVICE_BYTES = 650  # a service's page around its texts: contacts, checklist, share, feedback
CHAPTER_BYTES = 450
CONTENTS_BYTES = 100
CONTENTS_ITEM_BYTES = 150
OFFLINE_PAGE_BYTES = 420

SERVICE_FIELDS = ("name", "description", "eligibility", "documents", "how_to_apply", "cost")
CHAPTER_FIELDS = ("title", "summary", "body")


@dataclass(frozen=True)
class Package:
    pages: list[str]
    size: int  # bytes to download, gzipped, estimated


def frame_size() -> int:
    """What the frame of every page (base.html, empty, as on the home page) gzips to, in the
    current language."""
    context = {
        "LANGUAGE_CODE": translation.get_language(),
        "LANGUAGE_BIDI": translation.get_language_bidi(),
        "language_links": language_links(path=reverse("home"), query_string=""),
    }
    return len(gzip.compress(render_to_string("base.html", context).encode()))


def _text_size(obj, fields: Iterable[str]) -> int:
    """What the object's texts in the page's language (Cyrillic where it is) gzip to."""
    text = "\n".join(page_text(localized_text(obj=obj, field=field)) for field in fields)
    return len(zlib.compress(text.encode(), 9)) if text else 0


def guide_package() -> Package:
    return _guide(frame=frame_size(), municipalities=Municipality.objects.count())


def _guide(*, frame: int, municipalities: int) -> Package:
    page_depends_on(list_tag(Municipality))  # in the chapters' pickers
    chapters = list(chapters_published().annotate(categories_count=Count("categories")))
    with_picker = sum(1 for chapter in chapters if chapter.categories_count)
    pages = [
        reverse("guides:chapter_list"),
        *(chapter.get_absolute_url() for chapter in chapters),
        reverse("guides:whole_guide"),
    ]
    texts = [_text_size(chapter, CHAPTER_FIELDS) for chapter in chapters]
    size = (
        len(pages) * frame
        + CONTENTS_BYTES
        + len(chapters) * CONTENTS_ITEM_BYTES
        + len(chapters) * CHAPTER_BYTES
        + with_picker * municipalities * PICKER_BYTES
        + 2 * sum(texts)
    )
    return Package(pages=pages, size=size)


def municipality_package(*, municipality: Municipality) -> Package:
    frame = frame_size()
    page_depends_on(list_tag(Service, municipality=municipality.pk), list_tag(OpenCall))
    services = list(
        Service.objects.published().filter(municipality=municipality).order_by("name", "pk")
    )
    categories = list(categories_in_municipality(municipality=municipality))
    calls = list(open_calls_current().values_list("slug", flat=True))
    municipalities = Municipality.objects.count()
    address = municipality.get_absolute_url()
    lists = _list_pages(address, len(services), SERVICES_PER_PAGE)
    for category in categories:
        lists += _list_pages(
            f"{address}?category={category.slug}", category.service_count, SERVICES_PER_PAGE
        )
    pages = [
        reverse("home"),
        reverse("services:municipality_list"),
        *lists,
        *(service.get_absolute_url() for service in services),
        *_list_pages(reverse("services:opencall_list"), len(calls), CALLS_PER_PAGE),
        *slug_addresses("services:opencall_detail", calls),
        reverse("offline:offline_page"),
    ]
    listed = len(services) + sum(category.service_count for category in categories)
    size = (
        len(pages) * frame
        + HOME_BYTES
        + min(len(calls), HOME_CALLS) * HOME_CALL_BYTES
        + MUNICIPALITY_LIST_BYTES
        + 2 * municipalities * PICKER_BYTES  # the home page's picker, the municipality list
        + len(lists) * (LISTING_BYTES + len(categories) * PICKER_BYTES)
        + listed * LISTING_ITEM_BYTES
        + len(services) * SERVICE_BYTES
        + sum(_text_size(service, SERVICE_FIELDS) for service in services)
        + CALLS_BYTES
        + len(calls) * (CALL_BYTES + CALL_PAGE_BYTES)
        + OFFLINE_PAGE_BYTES
    )
    guide = _guide(frame=frame, municipalities=municipalities)
    return Package(pages=pages + guide.pages, size=size + guide.size)


# What a package's size is computed from: when none of it changes, neither does the size.
SIZE_TIMEOUT = 60 * 60 * 24


def guide_package_size() -> int:
    """guide_package().size, computed once per change of the guide (or the municipalities,
    in its pickers), language and day, not on every page that offers to keep the guide."""
    tags = (list_tag(GuideChapter), list_tag(Municipality))
    page_depends_on(*tags)
    return _size_kept(tags, lambda: guide_package().size)


def municipality_package_size(*, municipality: Municipality) -> int:
    """municipality_package().size, computed once per change of what it counts: measuring
    every service's texts costs more than the rest of the municipality's page."""
    tags = (
        list_tag(Service, municipality=municipality.pk),
        list_tag(Category),
        list_tag(OpenCall),
        list_tag(Municipality),
        list_tag(GuideChapter),
    )
    page_depends_on(*tags)
    return _size_kept(tags, lambda: municipality_package(municipality=municipality).size)


def _size_kept(tags: tuple[str, ...], size) -> int:
    # The fingerprint changes with every change of the tags, the site and the release; the
    # language and the day (open calls close at midnight) are in the key too.
    key = ":".join(
        [
            "offline:size",
            content_fingerprint(*tags),
            translation.get_language(),
            str(timezone.localdate()),
        ]
    )
    kept = cache.get(key)
    if kept is None:
        kept = size()
        cache.set(key, kept, timeout=SIZE_TIMEOUT)
    return kept


def _list_pages(address: str, count: int, per_page: int) -> list[str]:
    """The pages of a list of `count` entries at `address`, as the list's view paginates it."""
    sep = "&" if "?" in address else "?"
    return [
        address + (f"{sep}page={page}" if page > 1 else "")
        for page in Paginator(range(count), per_page).page_range
    ]

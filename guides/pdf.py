"""The Guide for Integration of Returnees as a PDF brochure, built from the live content with
WeasyPrint: a cover, contents with page numbers, every published chapter and, for a chosen
municipality, an annex with its services (each with a QR code back to its page) and its
associates' contact.

Built on demand and kept in the cache under a fingerprint of what it shows (the page cache's
tags of the chapters, the municipality, its services and the categories, which every save
bumps: returnee_portal/pagecache.py), so a change of any of them gives a new PDF;
concurrent requests for one PDF wait for a single build. Fonts (DejaVu Sans, which covers
Serbian Latin and Cyrillic, Albanian and Romani letters) ship in guides/fonts/ and are embedded;
the build fetches nothing from the network.
"""

import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import timezone, translation

from returnee_portal.links import absolute_url, qr_code
from returnee_portal.pagecache import content_fingerprint, list_tag, object_tag, tags_bump
from services.models import Category, Municipality, Service

from .models import GuideChapter
from .rendering import chapter_text

FONTS = Path(__file__).resolve().parent / "fonts"
# A build that takes longer than this is given up by those waiting for it (they build it).
BUILD_WAIT_SECONDS = 60
KEPT_SECONDS = 60 * 60 * 24 * 7


@dataclass(frozen=True)
class GuidePdf:
    content: bytes
    pages: int

    @property
    def size(self) -> int:
        return len(self.content)


def _key(*, language, municipality) -> str:
    """Changes with any chapter, and with the municipality, its services or the categories."""
    tags = [list_tag(GuideChapter)]
    if municipality is not None:
        tags += [
            object_tag(municipality),
            list_tag(Service, municipality=municipality.pk),
            list_tag(Category),
        ]
    place = municipality.pk if municipality is not None else ""
    return f"guide-pdf:{language}:{place}:{content_fingerprint(*tags)}"


def guide_pdf_tag(*, language: str, municipality: Municipality | None = None) -> str:
    """The page cache's tag of the pages that link the PDF and say its size: bumped when it is
    built, so they say it from then on."""
    place = municipality.pk if municipality is not None else ""
    return f"guide-pdf@{language}:{place}"


def guide_pdf_built(*, language: str, municipality: Municipality | None = None) -> GuidePdf | None:
    """The current PDF if it is built already (for its size beside a link), else None."""
    return cache.get(_key(language=language, municipality=municipality))


def guide_pdf(*, language: str, municipality: Municipality | None = None) -> GuidePdf:
    """The guide in `language` (with `municipality`'s annex), from the cache or built once."""
    key = _key(language=language, municipality=municipality)
    found = cache.get(key)
    if found is not None:
        return found
    lock = f"{key}:building"
    building = cache.add(lock, 1, timeout=BUILD_WAIT_SECONDS)
    if not building:  # another request builds it: wait for its result
        deadline = time.monotonic() + BUILD_WAIT_SECONDS
        while time.monotonic() < deadline:
            time.sleep(0.1)
            found = cache.get(key)
            if found is not None:
                return found
    try:
        pdf = guide_pdf_build(language=language, municipality=municipality)
        cache.set(key, pdf, timeout=KEPT_SECONDS)
        tags_bump([guide_pdf_tag(language=language, municipality=municipality)])
    finally:
        if building:  # only the lock this request took
            cache.delete(lock)
    return pdf


def _annex(municipality):
    """[(category, [services])]: each service once, under its first category (None last)."""
    services = (
        Service.objects.published()
        .filter(municipality=municipality)
        .prefetch_related("categories")
        .order_by("name", "pk")
    )
    groups = defaultdict(list)
    for service in services:
        first = min(service.categories.all(), key=lambda c: (c.order, c.pk), default=None)
        service.qr = qr_code(service.get_absolute_url()).svg_data_uri(scale=3, border=0)
        groups[first].append(service)
    return sorted(groups.items(), key=lambda group: _category_order(group[0]))


def _category_order(category):
    return (1, 0, 0) if category is None else (0, category.order, category.pk)


def guide_pdf_build(*, language: str, municipality: Municipality | None = None) -> GuidePdf:
    from weasyprint import HTML  # pango is needed only here
    from weasyprint.urls import URLFetcher

    class LocalFetcher(URLFetcher):
        """Only the shipped fonts and data: URLs (the QR codes); never the network."""

        def fetch(self, url, headers=None):
            local = url.startswith("file://") and Path(url[7:]).resolve().parent == FONTS
            if url.startswith("data:") or local:
                return super().fetch(url, headers)
            raise ValueError(f"not fetched: {url}")

    with translation.override(language):
        chapters = list(GuideChapter.objects.published())
        html = render_to_string(
            "guides/guide_pdf.html",
            {
                "texts": [chapter_text(c, chapters, in_document=True) for c in chapters],
                "municipality": municipality,
                "annex": _annex(municipality) if municipality else [],
                "edition": timezone.localdate(),
                "fonts": FONTS.as_uri(),
                "site_url": settings.SITE_URL,
                "LANGUAGE_CODE": language,
            },
        )
        document = HTML(
            string=html, base_url=absolute_url("/"), url_fetcher=LocalFetcher()
        ).render()
        content = document.write_pdf(pdf_variant="pdf/ua-1")
    return GuidePdf(content=content, pages=len(document.pages))

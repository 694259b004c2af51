"""A cache of anonymous public pages that is never stale.

A page is stored with the *tags* of what it shows, each at its version when the page was
rendered; it is served again only while every tag still has that version. What a page shows
is found out as it renders:

- every content object it loads (a ContentModel instance, through `post_init`) tags it with
  `object_tag(obj)`, e.g. "services.service:42";
- a view tags it with the lists it enumerates, whose members may come and go:
  `page_depends_on(list_tag(Service, municipality=3))`, "services.service@municipality=3".

Every save, delete and change of links of a content object - from a form, an import, a revert,
an action - bumps the object's tag and the tags of the lists it is in, before and after the
change (one per foreign key, and the model's "@all"). So an edit invalidates exactly the pages
that show the object or a list it is in, on every server sharing the cache, at once.

Writes that send no signals (bulk_create, QuerySet.update, raw SQL) must call
`pages_forget_all()`. A new release (any change to code, templates, catalogues or static
files) starts with no stored pages: the release's fingerprint is part of every key.

Only responses a view marks `public_page` are stored, only for visitors without a session
(staff always get fresh pages), and only for the query parameters public pages take. Stored
pages carry an ETag and Last-Modified and answer conditional requests with 304.
"""

import contextvars
import functools
import hashlib
import os
import pathlib
import secrets
import time
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import wraps

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models import ForeignKey, Model
from django.db.models.signals import m2m_changed, post_delete, post_init, post_save
from django.http import HttpResponse
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date

CLOCK = "pagecache:clock"
TAG_PREFIX = "pagecache:tag:"
PAGE_PREFIX = "pagecache:page:"
# The query parameters of public pages; a request with any other is not cached (so that
# made-up parameters cannot fill the cache).
QUERY_PARAMETERS = {"municipality", "category", "language", "page", "q", "kind"}
MAX_QUERY_LENGTH = 300
# Every page shows "the site" (bumped by pages_forget_all()).
SITE_TAG = "@site"
# How long a shared cache or CDN may keep a public page (browsers revalidate each time).
SHARED_MAX_AGE = 60


def _cache():
    return caches[getattr(settings, "PAGECACHE_ALIAS", "default")]


def object_tag(obj: Model) -> str:
    return row_tag(type(obj), obj.pk)


def row_tag(model: type[Model], pk) -> str:
    """The tag of one object read as a row (`values()`), which no signal tags by itself."""
    return f"{model._meta.label_lower}:{pk}"


def list_tag(model: type[Model], **filters) -> str:
    """The tag of a list of `model`'s objects: all of them, or those with one field's value."""
    ((name, value),) = filters.items() if filters else (("", "all"),)
    return f"{model._meta.label_lower}@{name}={value}" if name else f"{model._meta.label_lower}@all"


# --- What the page being rendered shows ------------------------------------------------------


@dataclass
class _Render:
    tags: set[str] = field(default_factory=set)


_rendering: contextvars.ContextVar[_Render | None] = contextvars.ContextVar(
    "pagecache_rendering", default=None
)


def page_depends_on(*tags: str) -> None:
    """Tag the page being rendered (no-op outside a cacheable request)."""
    if (render := _rendering.get()) is not None:
        render.tags.update(tags)


def _loaded(sender, instance, **kwargs):
    if (render := _rendering.get()) is not None:
        render.tags.add(object_tag(instance))
    # The lists it is in now, to invalidate them too if a save moves it to other lists.
    instance._pagecache_lists = _lists_of(instance)


def public_page(view):
    """Mark a view's responses as public pages: cacheable here and, briefly, by shared caches."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        patch_cache_control(
            response, public=True, max_age=0, must_revalidate=True, s_maxage=SHARED_MAX_AGE
        )
        response._pagecache_public = True
        return response

    return wrapped


@functools.cache
def release_fingerprint() -> str:
    """A digest of what pages are rendered from: code, templates, catalogues, static files.

    From the files' contents, so that app servers of one release agree on it.
    """
    digest = hashlib.sha1(usedforsecurity=False)
    root = settings.BASE_DIR
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = sorted(
            name for name in subfolders if name not in RELEASE_SKIP and not name.startswith(".")
        )
        for name in sorted(files):
            path = pathlib.Path(folder, name)
            if path.suffix in RELEASE_SUFFIXES:
                digest.update(str(path.relative_to(root)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


RELEASE_SUFFIXES = {".py", ".html", ".txt", ".mo", ".css", ".js", ".svg", ".png", ".yaml", ".md"}
RELEASE_SKIP = {"tests", "bench", "node_modules", "docs", "staticfiles", "media"}


# --- Invalidation -----------------------------------------------------------------------------


_FOREIGN_KEYS: dict[type[Model], list[tuple[str, str]]] = {}


def _lists_of(instance) -> set[str]:
    """The lists `instance` is in: all of its model's, and one per foreign key's value."""
    model = type(instance)
    if model not in _FOREIGN_KEYS:
        _FOREIGN_KEYS[model] = [
            (f.name, f.attname) for f in model._meta.concrete_fields if isinstance(f, ForeignKey)
        ]
    label = model._meta.label_lower
    lists = {f"{label}@all"}
    for name, attname in _FOREIGN_KEYS[model]:
        value = instance.__dict__.get(attname)  # a deferred field is not read (no query)
        if value is not None:
            lists.add(f"{label}@{name}={value}")
    return lists


def tags_bump(tags: Iterable[str]) -> None:
    """Give `tags` new versions: every page that showed one of them is rendered anew.

    Outside a transaction, at once. Inside one, at once and again when it commits (a page
    rendered in between, from the data before the commit, cannot be kept under the new
    versions); the bumps at commit are gathered into one per transaction, so a load or
    import that saves many rows writes the cache once at its end, not twice per row.
    """
    tags = set(tags)
    if not tags:
        return
    _bump(tags)
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        return
    for _savepoints, callback, _robust in reversed(connection.run_on_commit):
        if isinstance(callback, _BumpAtCommit):
            callback.tags |= tags
            return
    transaction.on_commit(_BumpAtCommit(tags))


class _BumpAtCommit:
    """The tags a transaction changed, bumped once when it commits."""

    def __init__(self, tags: set[str]):
        self.tags = set(tags)

    def __call__(self):
        _bump(self.tags)


def _bump(tags: set[str]) -> None:
    cache = _cache()
    # The clock moves before and after: a page rendered, or found current, while the tags
    # change sees the clock move and is not kept (see PageCacheMiddleware).
    cache.set(CLOCK, _version(), timeout=None)
    cache.set_many({TAG_PREFIX + tag: _version() for tag in tags}, timeout=None)
    cache.set(CLOCK, _version(), timeout=None)


def _version() -> int:
    """A new version of a tag or of the clock: random, so that servers need not agree on a
    counter (a repeat is as likely as guessing 62 random bits)."""
    return secrets.randbits(62)


def content_fingerprint(*tags: str) -> str:
    """A digest that changes whenever any of `tags` (or the site, or the release) changes: for
    other things built from content and kept until it changes (the guide's PDF)."""
    versions = tag_versions(_cache(), {SITE_TAG, *tags})
    parts = [release_fingerprint(), *(f"{tag}={versions[tag]}" for tag in sorted(versions))]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:24]


def tag_versions(cache, tags: Iterable[str]) -> dict[str, int]:
    """The current version of each tag; a tag never bumped (or evicted) is given one first, so
    that the next bump changes it."""
    keys = [TAG_PREFIX + tag for tag in tags]
    versions = cache.get_many(keys)
    missing = [key for key in keys if key not in versions]
    for missing_key in missing:
        cache.add(missing_key, _version(), timeout=None)
    if missing:
        versions.update(cache.get_many(missing))
    for key in keys:
        versions.setdefault(key, -1)  # evicted again at once: never current
    return {key[len(TAG_PREFIX) :]: version for key, version in versions.items()}


def pages_forget_all() -> None:
    """Invalidate every stored page (after writes that send no signals)."""
    tags_bump([SITE_TAG])


def _changed(sender, instance, **kwargs):
    if kwargs.get("raw"):
        return
    tags = {object_tag(instance), *_lists_of(instance), *getattr(instance, "_pagecache_lists", ())}
    instance._pagecache_lists = _lists_of(instance)
    tags_bump(tags)


def _links_changed(sender, instance, action, reverse, model, pk_set, **kwargs):
    if not action.startswith("post_"):
        return
    tags = {object_tag(instance), *_lists_of(instance)}
    # The objects on the other side show the link too.
    if pk_set:
        tags.update(f"{model._meta.label_lower}:{pk}" for pk in pk_set)
        if reverse:  # e.g. category.services.add(): the services' lists change
            for obj in model._base_manager.filter(pk__in=pk_set):
                tags.update(_lists_of(obj))
    tags_bump(tags)


def pagecache_connect(models: Iterable[type[Model]]) -> None:
    """Follow the loading and every change of `models` (all content models)."""
    for model in models:
        uid = f"pagecache-{model._meta.label_lower}"
        post_init.connect(_loaded, sender=model, dispatch_uid=f"{uid}-init")
        post_save.connect(_changed, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"{uid}-delete")
        for m2m in model._meta.many_to_many:
            m2m_changed.connect(
                _links_changed, sender=m2m.remote_field.through, dispatch_uid=f"{uid}-{m2m.name}"
            )


# --- The middleware ---------------------------------------------------------------------------


# The open data API (api/): not under a language prefix, it takes its language from `lang` or
# the Accept-Language header, which is part of its keys; and the HSDS parameters.
DATA_PREFIX = "/api/hsds/"
DATA_PARAMETERS = {
    "lang", "search", "page", "per_page", "format", "taxonomy_term_id", "taxonomy_id",
    "organization_id", "modified_after", "minimal", "full", "full_service", "top_only",
    "parent_id", "postcode", "proximity",
}  # fmt: skip


def _is_data(request) -> bool:
    return request.path_info.startswith(DATA_PREFIX)


def _cacheable(request) -> bool:
    if request.method not in ("GET", "HEAD") or settings.SESSION_COOKIE_NAME in request.COOKIES:
        return False
    query = request.META.get("QUERY_STRING", "")
    if len(query) > MAX_QUERY_LENGTH:
        return False
    if _is_data(request):
        return set(request.GET) <= DATA_PARAMETERS
    # Public pages live under a language prefix; the admin and the health probes (which must
    # answer without the cache) do not.
    if translation.get_language_from_path(request.path_info) is None:
        return False
    return set(request.GET) <= QUERY_PARAMETERS


def _key(request, gzipped: bool) -> str:
    # Today's date is part of the key: open calls close at midnight.
    material = "|".join(
        [
            release_fingerprint(),
            request.path,
            request.META.get("QUERY_STRING", ""),
            request.META.get("HTTP_ACCEPT_LANGUAGE", "")[:200] if _is_data(request) else "",
            str(gzipped),
            str(timezone.localdate()),
        ]
    )
    return PAGE_PREFIX + hashlib.sha1(material.encode(), usedforsecurity=False).hexdigest()


def _accepts_gzip(request) -> bool:
    return "gzip" in request.META.get("HTTP_ACCEPT_ENCODING", "")


class PageCacheMiddleware:
    """Serve and store public pages; placed above GZipMiddleware, so the stored page is the
    compressed one (and the uncompressed one for the rare client that takes no gzip).

    Pages are kept in the shared cache, and the most recent ones also in this process
    (`_recent`). A stored page is current while every one of its tags has the version the page
    was rendered with. The clock, which every change of tags moves, saves checking them again:
    a page found current at one clock value stays current until the clock moves. So a page
    served from this process costs one read of the shared cache, the clock.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self._recent: OrderedDict[str, dict] = OrderedDict()

    def __call__(self, request):
        if not getattr(settings, "PAGECACHE_ENABLED", True) or not _cacheable(request):
            return self.get_response(request)
        cache = _cache()
        key = _key(request, _accepts_gzip(request))
        clock = cache.get(CLOCK)
        if clock is None:  # never set, or evicted
            cache.add(CLOCK, _version(), timeout=None)
            clock = cache.get(CLOCK)
        entry = self._recent.get(key)
        if entry is not None and entry["clock"] == clock:
            self._recent.move_to_end(key)
            return self._answer(request, entry, hit=True)
        entry = entry or cache.get(key)
        if entry is not None and self._current(cache, entry["tags"]):
            self._remember(key, {**entry, "clock": clock})
            return self._answer(request, entry, hit=True)
        render = _Render(tags={SITE_TAG})
        token = _rendering.set(render)
        try:
            response = self.get_response(request)
        finally:
            _rendering.reset(token)
        if not getattr(response, "_pagecache_public", False) or response.status_code != 200:
            return response
        if response.streaming or response.has_header("Set-Cookie"):
            return response
        entry = self._entry(response, render.tags, cache)
        # Kept only if nothing changed while the page was rendered and its tags were read.
        if cache.get(CLOCK) != clock:
            return self._answer(request, entry, hit=False)
        cache.set(key, entry, timeout=getattr(settings, "PAGECACHE_TIMEOUT", 60 * 60 * 24))
        self._remember(key, {**entry, "clock": clock})
        return self._answer(request, entry, hit=False)

    def _remember(self, key: str, entry: dict) -> None:
        self._recent[key] = entry
        self._recent.move_to_end(key)
        while len(self._recent) > getattr(settings, "PAGECACHE_RECENT_PAGES", 500):
            self._recent.popitem(last=False)

    @staticmethod
    def _current(cache, tags: dict[str, int]) -> bool:
        """Every tag at the version the page was rendered with (a tag that is gone, too)."""
        versions = cache.get_many([TAG_PREFIX + tag for tag in tags])
        return all(versions.get(TAG_PREFIX + tag) == version for tag, version in tags.items())

    @staticmethod
    def _entry(response, tags: set[str], cache) -> dict:
        body = response.content
        return {
            "tags": tag_versions(cache, tags),
            "body": body,
            "headers": [
                (name, value)
                for name, value in response.items()
                if name.lower() not in ("content-length", "etag", "last-modified")
            ],
            "etag": '"' + hashlib.md5(body, usedforsecurity=False).hexdigest() + '"',
            "modified": time.time(),
        }

    @staticmethod
    def _answer(request, entry, *, hit: bool):
        response = HttpResponse(entry["body"])
        for name, value in entry["headers"]:
            response[name] = value
        response["ETag"] = entry["etag"]
        response["Last-Modified"] = http_date(entry["modified"])
        response["X-Page-Cache"] = "hit" if hit else "miss"
        patch_vary_headers(response, ["Accept-Encoding"])
        conditional = get_conditional_response(
            request, etag=entry["etag"], last_modified=int(entry["modified"]), response=response
        )
        return conditional

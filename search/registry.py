"""What can be searched: each app registers its kinds of result in its own `search.py`.

Like the admin, the search app knows no other app: `services/search.py` and `guides/search.py`
subclass `SearchKind` and call `register()`, and `SearchConfig.ready()` imports them
(`autodiscover`). The index (search.index) keeps one entry per object and content language,
updated whenever a registered model, or a model its documents read, is saved or deleted.
"""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Model, QuerySet
from django.utils.module_loading import autodiscover_modules
from modeltranslation.utils import build_localized_fieldname

from returnee_portal.languages import LocalizedText


@dataclass(frozen=True)
class SearchDocument:
    """What the index stores of one object in one content language."""

    titles: list[str]  # the title in this language, then in Serbian
    texts: list[str]  # everything else a family might search for
    places: list[str] = field(default_factory=list)  # municipality slugs; none: everywhere
    visible_from: datetime.date | None = None  # e.g. an open call's dates
    visible_until: datetime.date | None = None


@dataclass(frozen=True)
class SearchHit:
    """A result as the results page shows it, in the active language."""

    url: str
    title: LocalizedText
    text: LocalizedText  # where the snippet is cut from
    place: str  # the municipality (or "all of Serbia") the result belongs to


@dataclass(frozen=True)
class Dependency:
    """Documents of a kind read `model` too: when one changes, reindex `affected(instance)`."""

    model: type[Model]
    affected: Callable[[Model], QuerySet]


class SearchKind:
    """One kind of result (services, guide chapters, ...). Subclasses set the attributes."""

    key: str  # in URLs (?kind=service) and in the index
    label: str  # plural, e.g. "Services"
    model: type[Model]
    order: int = 0  # position of its group on the results page
    # Links whose change changes the documents (categories, municipalities ...).
    m2m_fields: tuple[str, ...] = ()
    dependencies: tuple[Dependency, ...] = ()

    def indexed(self) -> QuerySet:
        """Every object that may be found (published, say), ready for `document()`."""
        raise NotImplementedError

    def document(self, obj, *, language: str) -> SearchDocument:
        raise NotImplementedError

    def hits(self, pks: Iterable[int]) -> dict[int, SearchHit]:
        """The hits for the objects `pks`, in the active language, in a constant number of
        queries."""
        raise NotImplementedError


def document_texts(obj, fields: Iterable[str], language: str) -> list[str]:
    """Each translated field of `obj` in `language` (Serbian where it has none), then in
    Serbian: a family finds an entry by its Serbian words on every page too."""
    serbian = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    texts = []
    for name in fields:
        value = getattr(obj, build_localized_fieldname(name, language)) or ""
        source = getattr(obj, build_localized_fieldname(name, serbian)) or ""
        texts += [value or source, source]
    return texts


_kinds: dict[str, SearchKind] = {}
_place_lookup: Callable[[str], Model | None] | None = None


def register(kind: SearchKind) -> SearchKind:
    _kinds[kind.key] = kind
    return kind


def register_places(lookup: Callable[[str], Model | None]) -> None:
    """How a municipality slug in `?municipality=` becomes the municipality to search in."""
    global _place_lookup
    _place_lookup = lookup


def kinds() -> list[SearchKind]:
    return sorted(_kinds.values(), key=lambda kind: kind.order)


def kind_for(key: str) -> SearchKind | None:
    return _kinds.get(key)


def place_for(slug: str) -> Model | None:
    return _place_lookup(slug) if _place_lookup and slug else None


def autodiscover() -> None:
    autodiscover_modules("search")

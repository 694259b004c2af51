"""Reads of the search index: the same results on SQLite and on PostgreSQL.

A query is a list of folded words; every word must match (AND). A word matches a document
word that starts with its stem (`pomoc` finds `pomoći`, `karta` finds `karte`; see
folding.word_starts), or with one of its alternatives: the German spelling without the umlaut
`e` (`rueckkehr` finds `Rückkehr`) and, when no indexed word starts with the word as typed,
the indexed words one typing mistake away (`socijlna` finds `socijalna`). Results whose
title matches come first, then by title.

PostgreSQL answers with its own machinery: the word starts are a full-text prefix query
(`to_tsquery('simple', 'word:*')`) over `portal_search_fold(text)`, which folds with
`unaccent`, and the typo candidates come from a `pg_trgm` index of the vocabulary. SQLite
asks its FTS5 index of the text that search.index folded in Python (`word*` prefix queries).
Both run the same table of cases in the tests.
"""

import datetime
from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.db import connections, router
from django.db.models import BooleanField, Case, Count, F, Q, QuerySet, Value, When, Window
from django.db.models.expressions import RawSQL
from django.db.models.functions import Collate, RowNumber

from returnee_portal.pagecache import list_tag, page_depends_on

from . import registry
from .folding import (
    TYPO_MIN_LENGTH,
    query_clean,
    query_words,
    within_one_edit,
    word_starts,
    word_stem,
)
from .models import SearchEntry, SearchTerm

# pg_trgm's similarity below which no word one typing mistake away from a word of
# TYPO_MIN_LENGTH letters can fall (a swap of two letters in five: 2 of 10 trigrams shared).
TRIGRAM_THRESHOLD = 0.15


@dataclass(frozen=True)
class SearchQuery:
    text: str  # what was searched for, cleaned
    truncated: bool  # the typed query was longer than what is searched
    words: tuple[str, ...]  # folded
    alternatives: tuple[frozenset[str], ...]  # per word: the word starts that match it

    @property
    def is_empty(self) -> bool:
        return not self.words

    @property
    def marks(self) -> frozenset[str]:
        """Every word start a result may be highlighted for."""
        return frozenset().union(*self.alternatives)


@dataclass(frozen=True)
class SearchGroup:
    kind: registry.SearchKind
    count: int
    pks: list[int]  # the first of the group, best first


def _vendor() -> str:
    return connections[router.db_for_read(SearchEntry)].vendor


def search_query(*, raw: str) -> SearchQuery:
    """Parse what the visitor typed; one query for the typo corrections of long words."""
    text, truncated = query_clean(raw)
    words = query_words(text)
    corrections = _typo_corrections(words)
    alternatives = tuple(
        frozenset(word_starts(word) | {word_stem(c) for c in corrections.get(word, ())})
        for word in words
    )
    return SearchQuery(
        text=text, truncated=truncated, words=tuple(words), alternatives=alternatives
    )


def _typo_corrections(words: list[str]) -> dict[str, set[str]]:
    """{word: indexed words one mistake away} for long words that no indexed word starts with."""
    long_words = [word for word in words if len(word) >= TYPO_MIN_LENGTH and not word.isdigit()]
    if not long_words:
        return {}
    starts = reduce(or_, (Q(word__startswith=word_stem(word)) for word in long_words))
    known = list(SearchTerm.objects.filter(starts).values_list("word", flat=True))
    # Found as typed: no guessing, and no second query for most searches.
    mistyped = [
        word for word in long_words if not any(k.startswith(word_stem(word)) for k in known)
    ]
    if not mistyped:
        return {}
    candidates = list(
        SearchTerm.objects.filter(reduce(or_, map(_near, mistyped))).values_list("word", flat=True)
    )
    return {word: {c for c in candidates if within_one_edit(word, c)} for word in mistyped}


def _near(word: str) -> Q:
    """Indexed words that may be one mistake away from `word`: a superset, narrowed in Python.

    PostgreSQL: pg_trgm's similarity, from its index. SQLite: the words a letter longer or
    shorter or as long that begin with the first half of `word` or end with what follows its
    middle letter - one mistake leaves one of the two untouched (a swap of two letters spans
    at most the middle one), so no candidate is lost and a few dozen words, not every word
    of that length, come back to Python.
    """
    if _vendor() == "postgresql":
        with connections[router.db_for_read(SearchTerm)].cursor() as cursor:
            cursor.execute("SET pg_trgm.similarity_threshold = %s", [TRIGRAM_THRESHOLD])
        return Q(RawSQL('"search_searchterm"."word" %% %s', [word], output_field=BooleanField()))
    middle = len(word) // 2
    return Q(length__in=(len(word) - 1, len(word), len(word) + 1)) & (
        Q(word__startswith=word[:middle]) | Q(word__endswith=word[middle + 1 :])
    )


def _match(column: str, alternatives, language: str) -> Q:
    """Every word of the query matches a word start in `column` (title or text)."""
    if _vendor() == "postgresql":
        tsquery = " & ".join(
            "(" + " | ".join(f"{start}:*" for start in sorted(starts)) + ")"
            for starts in alternatives
        )
        return Q(
            RawSQL(
                f'to_tsvector(\'simple\', portal_search_fold("search_searchentry"."{column}"))'
                " @@ to_tsquery('simple', %s)",
                [tsquery],
                output_field=BooleanField(),
            )
        )
    # FTS5 (migrations/0003_sqlite_fts.py, 0004); the folded words are [a-z0-9]+ and the
    # language's words ("sr-latn": "sr", "latn") [a-z]+, never operators. The language in the
    # match spares FTS5 the entries of the other languages (0004 says how much).
    fts_query = " AND ".join(
        [f"language : ({' AND '.join(language.split('-'))})"]
        + [
            f"{column}_folded : (" + " OR ".join(f"{start}*" for start in sorted(starts)) + ")"
            for starts in alternatives
        ]
    )
    return Q(pk__in=RawSQL("SELECT rowid FROM search_fts WHERE search_fts MATCH %s", [fts_query]))


def _entries(*, query: SearchQuery, language: str, place: str, today: datetime.date) -> QuerySet:
    page_depends_on(list_tag(SearchEntry))
    queryset = SearchEntry.objects.filter(
        _match("text", query.alternatives, language), language=language
    )
    if place:
        queryset = queryset.filter(Q(places="") | Q(places__contains=f" {place} "))
    return queryset.filter(
        Q(visible_from__isnull=True) | Q(visible_from__lte=today),
        Q(visible_until__isnull=True) | Q(visible_until__gte=today),
    ).annotate(
        title_match=Case(
            When(_match("title", query.alternatives, language), then=Value(True)),
            default=Value(False),
            output_field=BooleanField(),
        )
    )


def _best_first() -> list:
    sort_key = Collate(F("sort_key"), "C") if _vendor() == "postgresql" else F("sort_key")
    return [F("title_match").desc(), sort_key.asc(), F("object_id").asc()]


def search_groups(
    *, query: SearchQuery, language: str, place: str, today: datetime.date, size: int
) -> list[SearchGroup]:
    """Per kind with results: how many, and the first `size` of them. One query."""
    if query.is_empty:
        return []
    rows = (
        _entries(query=query, language=language, place=place, today=today)
        .annotate(
            position=Window(RowNumber(), partition_by=[F("kind")], order_by=_best_first()),
            total=Window(Count("pk"), partition_by=[F("kind")]),
        )
        .filter(position__lte=size)
        .order_by("kind", "position")
        .values_list("kind", "object_id", "total")
    )
    found: dict[str, SearchGroup] = {}
    for key, object_id, total in rows:
        kind = registry.kind_for(key)
        if kind is None:
            continue  # an entry of a kind no longer registered
        group = found.setdefault(key, SearchGroup(kind=kind, count=total, pks=[]))
        group.pks.append(object_id)
    return sorted(found.values(), key=lambda group: group.kind.order)


def search_kind_entries(
    *, query: SearchQuery, language: str, place: str, today: datetime.date, kind: str
) -> QuerySet:
    """Every result of one kind, best first: object ids to paginate."""
    return (
        _entries(query=query, language=language, place=place, today=today)
        .filter(kind=kind)
        .order_by(*_best_first())
        .values_list("object_id", flat=True)
    )

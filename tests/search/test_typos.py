"""A one-letter typo in a word of five letters or more still finds it, on every database.

Both databases narrow the candidates before Python measures them (PostgreSQL with its
pg_trgm index, SQLite to the words that keep the first half or the rest after the middle
letter): this checks that the narrowing never loses a word one typing mistake away.
"""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from search.folding import TYPO_MIN_LENGTH
from search.models import SearchTerm
from search.selectors import search_query

pytestmark = pytest.mark.django_db

word = st.text(alphabet="abcdefghijklmnoprstuvz", min_size=TYPO_MIN_LENGTH + 1, max_size=12)


@st.composite
def typo(draw):
    """A word and the same word with one letter added, dropped, replaced or two swapped."""
    original = draw(word)
    position = draw(st.integers(min_value=1, max_value=len(original) - 2))
    letter = draw(st.sampled_from("abcdefghijklmnoprstuvz"))
    kind = draw(st.sampled_from(["add", "drop", "replace", "swap"]))
    if kind == "add":
        mistyped = original[:position] + letter + original[position:]
    elif kind == "drop":
        mistyped = original[:position] + original[position + 1 :]
    elif kind == "replace":
        mistyped = original[:position] + letter + original[position + 1 :]
    else:
        mistyped = (
            original[:position]
            + original[position + 1]
            + original[position]
            + original[position + 2 :]
        )
    return original, mistyped


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(typo())
def test_a_mistyped_word_still_finds_the_word(db, words):
    original, mistyped = words
    SearchTerm.objects.all().delete()
    SearchTerm.objects.create(word=original, length=len(original))
    if len(mistyped) < TYPO_MIN_LENGTH:
        return
    (starts,) = search_query(raw=mistyped).alternatives
    assert any(original.startswith(start) for start in starts), (original, mistyped, starts)

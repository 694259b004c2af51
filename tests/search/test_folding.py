"""Folding and typo tolerance as properties: what holds for every text, not a few examples."""

from hypothesis import given
from hypothesis import strategies as st

from returnee_portal.transliteration import latin_to_cyrillic
from search.folding import (
    QUERY_MAX_CHARACTERS,
    fold,
    query_clean,
    query_words,
    within_one_edit,
    word_starts,
)

SERBIAN_LATIN = "abcčćdđefghijklmnoprsštuvzžABCČĆDĐEFGHIJKLMNOPRSŠTUVZŽ"
serbian_text = st.text(alphabet=SERBIAN_LATIN + " .,;-–()0123456789", max_size=80)


@given(serbian_text)
def test_cyrillic_and_latin_fold_to_the_same_words(text):
    assert fold(latin_to_cyrillic(text)) == fold(text)


@given(st.text(max_size=200))
def test_folding_gives_lowercase_ascii_words_and_is_stable(text):
    folded = fold(text)
    assert folded == fold(folded)
    assert all(
        word.isascii() and word.isalnum() and word == word.lower() for word in folded.split()
    )


@given(serbian_text)
def test_case_and_diacritics_do_not_matter(text):
    # Typed without diacritics: č and ć as c, š as s, ž as z, đ as dj.
    plain = text.translate(str.maketrans({"č": "c", "ć": "c", "š": "s", "ž": "z", "đ": "dj"}))
    plain = plain.translate(str.maketrans({"Č": "C", "Ć": "C", "Š": "S", "Ž": "Z", "Đ": "DJ"}))
    assert fold(text) == fold(plain.lower()) == fold(plain.upper())


def _distance(a: str, b: str) -> int:
    """Optimal string alignment distance: Levenshtein plus swaps of neighbours."""
    d = [[i + j if i * j == 0 else 0 for j in range(len(b) + 1)] for i in range(len(a) + 1)]
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[len(a)][len(b)]


@given(st.text(alphabet="abcde", max_size=7), st.text(alphabet="abcde", max_size=7))
def test_one_edit_means_one_typing_mistake(a, b):
    assert within_one_edit(a, b) == (_distance(a, b) <= 1)
    assert within_one_edit(a, b) == within_one_edit(b, a)


@given(st.text(max_size=6000))
def test_any_query_is_cleaned_to_a_bounded_list_of_words(raw):
    text, truncated = query_clean(raw)
    assert len(text) <= QUERY_MAX_CHARACTERS
    if len(raw) <= QUERY_MAX_CHARACTERS:
        assert not truncated
    assert not any(ord(char) < 32 for char in text)
    words = query_words(text)
    assert len(words) <= 8
    assert all(word == fold(word) and len(word) <= 50 for word in words)


def test_german_umlauts_may_be_spelled_out():
    assert "muller" in word_starts("mueller")
    assert "schon" in word_starts("schoen")
    assert "ruckkehrer" in word_starts("rueckkehrer")


def test_one_letter_words_are_dropped_when_there_are_others():
    assert query_words("lična karta i pasoš") == ["licna", "karta", "pasos"]
    assert query_words("a") == ["a"]

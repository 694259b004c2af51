"""PostgreSQL folds and finds typo candidates itself; it must agree with the Python side.

Skipped on SQLite (which uses the Python fold directly); CI runs these on PostgreSQL.
"""

import pytest
from django.db import connection
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from search.folding import fold

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="PostgreSQL's portal_search_fold and pg_trgm (CI runs this on PostgreSQL)",
    ),
]

# Every letter of the portal's languages in both cases, Serbian Cyrillic, digits, and the
# punctuation texts are written with.
LETTERS = "abcčćdđefghijklmnopqrsštuvwxyzžäöüßëçǯабвгдђежзијклљмнњопрстћуфхцчџш"
ALPHABET = LETTERS + LETTERS.upper() + "0123456789 .,;:!?-–()/„“”'\"\n\t"
not_function_scoped = settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@not_function_scoped
@given(st.lists(st.text(alphabet=ALPHABET, max_size=40), min_size=1, max_size=20))
def test_the_sql_fold_is_the_python_fold(db, texts):
    with connection.cursor() as cursor:
        cursor.execute("SELECT portal_search_fold(t) FROM unnest(%s::text[]) AS t", [texts])
        folded = [row[0] for row in cursor.fetchall()]
    assert folded == [fold(text) for text in texts]


def test_decomposed_diacritics_fold_like_composed_ones(db):
    with connection.cursor() as cursor:
        cursor.execute("SELECT portal_search_fold(%s)", ["c\u030citati z\u030civot"])
        assert cursor.fetchone()[0] == fold("c\u030citati z\u030civot") == "citati zivot"

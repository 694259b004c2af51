"""PostgreSQL only: search with the database's own machinery (see search/selectors.py).

- `unaccent` and `pg_trgm` (trusted extensions: the database owner may create them);
- `portal_search_fold(text)`: the SQL twin of search.folding.fold() - NFC, Serbian Cyrillic
  and the letters unaccent reads otherwise (đ, ǯ) first, then unaccent, lowercase, and
  anything but letters and digits as one space (tests compare it with fold());
- a GIN full-text index of the folded entry texts, and a trigram index of the vocabulary.
On SQLite these steps do nothing: search.index stores the folded texts instead.
"""

from django.db import migrations

# Letters folded before unaccent, as search.folding does: Serbian Cyrillic (its digraph
# letters and ђ, ћ, џ need replace(); the rest map one to one) and the Latin đ and ǯ.
REPLACEMENTS = [
    ("Љ", "lj"), ("љ", "lj"), ("Њ", "nj"), ("њ", "nj"), ("Џ", "dz"), ("џ", "dz"),
    ("Ђ", "dj"), ("ђ", "dj"), ("Đ", "dj"), ("đ", "dj"), ("Ǯ", "dz"), ("ǯ", "dz"),
    ("ʒ", "z"), ("Ʒ", "z"),
]  # fmt: skip
CYRILLIC = "абвгдежзијклмнопрстћуфхцчшАБВГДЕЖЗИЈКЛМНОПРСТЋУФХЦЧШ"
LATIN = "abvgdezzijklmnoprstcufhccsabvgdezzijklmnoprstcufhccs"

FOLD = "normalize($1, NFC)"
for source, target in REPLACEMENTS:
    FOLD = f"replace({FOLD}, '{source}', '{target}')"
FOLD = f"translate({FOLD}, '{CYRILLIC}', '{LATIN}')"
FOLD = f"public.unaccent('public.unaccent'::regdictionary, {FOLD})"
FOLD = f"btrim(regexp_replace(lower({FOLD}), '[^a-z0-9]+', ' ', 'g'))"

CREATE = [
    # Not django.contrib.postgres's CreateExtension: importing it needs psycopg, which a
    # machine that runs on SQLite may not have.
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    f"""CREATE FUNCTION portal_search_fold(text) RETURNS text
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
        RETURN {FOLD}""",
    """CREATE INDEX search_entry_text_fts ON search_searchentry
        USING gin (to_tsvector('simple'::regconfig, portal_search_fold(text)))""",
    """CREATE INDEX search_term_word_trgm ON search_searchterm
        USING gin (word gin_trgm_ops)""",
]
DROP = [
    "DROP INDEX IF EXISTS search_term_word_trgm",
    "DROP INDEX IF EXISTS search_entry_text_fts",
    "DROP FUNCTION IF EXISTS portal_search_fold(text)",
]


def _on_postgresql(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [
        migrations.RunPython(_on_postgresql(CREATE), _on_postgresql(DROP)),
    ]

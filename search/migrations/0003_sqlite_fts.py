"""SQLite only: an FTS5 index of the folded texts (see search/selectors.py).

An external-content FTS5 table over search_searchentry's `title_folded` and `text_folded`,
kept in step by triggers; word starts are prefix queries (`kart*`), answered from its term
index instead of scanning every text. No extra prefix indexes: measured on 100,000 entries
they made queries no faster and the index five times slower to write. On PostgreSQL this does nothing (0002 indexes there).
"""

from django.db import migrations

CREATE = [
    """CREATE VIRTUAL TABLE search_fts USING fts5(
        title_folded, text_folded, content='search_searchentry', content_rowid='id',
        tokenize='ascii', detail='column')""",
    """CREATE TRIGGER search_fts_insert AFTER INSERT ON search_searchentry BEGIN
        INSERT INTO search_fts(rowid, title_folded, text_folded)
        VALUES (new.id, new.title_folded, new.text_folded);
    END""",
    """CREATE TRIGGER search_fts_delete AFTER DELETE ON search_searchentry BEGIN
        INSERT INTO search_fts(search_fts, rowid, title_folded, text_folded)
        VALUES ('delete', old.id, old.title_folded, old.text_folded);
    END""",
    """CREATE TRIGGER search_fts_update AFTER UPDATE ON search_searchentry BEGIN
        INSERT INTO search_fts(search_fts, rowid, title_folded, text_folded)
        VALUES ('delete', old.id, old.title_folded, old.text_folded);
        INSERT INTO search_fts(rowid, title_folded, text_folded)
        VALUES (new.id, new.title_folded, new.text_folded);
    END""",
    "INSERT INTO search_fts(search_fts) VALUES ('rebuild')",
]
DROP = [
    "DROP TRIGGER IF EXISTS search_fts_update",
    "DROP TRIGGER IF EXISTS search_fts_delete",
    "DROP TRIGGER IF EXISTS search_fts_insert",
    "DROP TABLE IF EXISTS search_fts",
]


def _on_sqlite(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "sqlite":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0002_postgresql")]

    operations = [migrations.RunPython(_on_sqlite(CREATE), _on_sqlite(DROP))]

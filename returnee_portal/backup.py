"""Backups that restore: every row of the site in one checked file, and back again.

A backup is a gzip file of two parts: one header line of JSON (format name and version, when it
was written, the migrations applied, the row count per model, the SHA-256 and size of the body),
then the body, Django's JSON serialization of every row (`loaddata` reads it back). Primary keys
are kept, so URLs and the IDs in the HSDS export stay the same; content types, permissions and
users are referred to by natural key.

Left out, on purpose: content types and permissions (`migrate` writes them), sessions and the
login-lockout records (everyone signs in again after a restore), the cache, and what an app
derives from the content and rebuilds when `restored` is sent (`derived`: the search index).

A restore checks the whole file (checksum, format, version, migrations) before it touches the
database, refuses a database that already holds content unless told to replace it, and loads in
one transaction: a restore that fails changes nothing.
"""

import datetime
import gzip
import hashlib
import json
import os
import tempfile
import zlib
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.apps import apps
from django.core import serializers
from django.core.management import call_command
from django.core.management.color import no_style
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.db.models import Model
from django.db.models.signals import m2m_changed
from django.dispatch import Signal
from django.utils import timezone

from .pagecache import pages_forget_all

FORMAT = "returnee-portal-backup"
VERSION = 1

restored = Signal()
"""Sent once a restore has loaded every row, inside its transaction (rebuild `derived` data)."""

# Written by `migrate`, identical wherever the migrations are: kept, never backed up.
_KEPT = {"contenttypes.contenttype", "auth.permission"}
# Visitors' and sign-in state: not backed up, emptied by a restore.
_TRANSIENT_APPS = {"sessions", "axes"}
# What a database fresh from `migrate` already holds (the roles, returnee_portal/roles.py):
# replaced by the backup's copy without counting as content.
_MIGRATION_ROWS = {"auth.group"}
_derived: set[str] = set()
_HEADER_LIMIT = 1 << 20


class BackupError(Exception):
    """The file is not a backup this installation can restore, or the database is not empty."""


def derived(*models: type[Model]) -> None:
    """Leave `models` out of backups: their app rebuilds them when `restored` is sent."""
    _derived.update(model._meta.label_lower for model in models)


def _models_saved() -> list[type[Model]]:
    """The models a backup holds, each after those it refers to by natural key (users
    before the admin log), as `dumpdata` orders them."""
    saved = [
        (config, [model for model in config.get_models() if _is_saved(model)])
        for config in apps.get_app_configs()
    ]
    return serializers.sort_dependencies(saved, allow_cycles=True)


def _has_table(model: type[Model]) -> bool:
    return model._meta.managed and not model._meta.proxy


def _is_saved(model: type[Model]) -> bool:
    return (
        _has_table(model)
        and model._meta.label_lower not in _KEPT | _derived
        and model._meta.app_label not in _TRANSIENT_APPS
    )


def _migrations() -> list[list[str]]:
    return sorted([app, name] for app, name in MigrationRecorder(connection).applied_migrations())


def _rows(models: list[type[Model]], counts: Counter) -> Iterator[Model]:
    for model in models:
        for row in model._base_manager.order_by("pk").iterator(chunk_size=2000):
            counts[model._meta.label_lower] += 1
            yield row


class _Exact(DjangoJSONEncoder):
    """Times to the microsecond (Django's encoder cuts them to milliseconds)."""

    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time):
            return o.isoformat()
        return super().default(o)


class _Hashing:
    """A binary file that also counts and hashes what is written to it."""

    def __init__(self, raw):
        self.raw, self.sha256, self.size = raw, hashlib.sha256(), 0

    def write(self, text: str) -> None:
        data = text.encode()
        self.raw.write(data)
        self.sha256.update(data)
        self.size += len(data)


def backup_write(*, path: Path) -> dict:
    """Write a backup of the whole site to `path` (replaced only once the backup is complete);
    returns its header. All tables are read in one transaction, so the copy is consistent."""
    path = Path(path)
    counts: Counter = Counter()
    outermost = not connection.in_atomic_block
    with tempfile.TemporaryFile() as body, transaction.atomic():
        if outermost and connection.vendor == "postgresql":  # a snapshot of every table
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        models = _models_saved()
        hashing = _Hashing(body)
        serializers.serialize(
            "json", _rows(models, counts), stream=hashing, use_natural_foreign_keys=True, cls=_Exact
        )
        header = {
            "format": FORMAT,
            "version": VERSION,
            "written": timezone.now().isoformat(),
            "database": connection.vendor,
            "migrations": _migrations(),
            "counts": {
                model._meta.label_lower: counts[model._meta.label_lower] for model in models
            },
            "sha256": hashing.sha256.hexdigest(),
            "size": hashing.size,
        }
        body.seek(0)
        partial = path.with_name(f".{path.name}.partial")
        try:
            with gzip.open(partial, "wb") as out:
                out.write(json.dumps(header).encode() + b"\n")
                while chunk := body.read(1 << 20):
                    out.write(chunk)
            os.replace(partial, path)
        finally:
            partial.unlink(missing_ok=True)
    return header


def _header_read(source) -> dict:
    line = source.readline(_HEADER_LIMIT)
    try:
        header = json.loads(line)
    except ValueError:
        header = None
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise BackupError("This file is not a Returnee Portal backup.")
    if header.get("version") != VERSION:
        raise BackupError(
            f"This backup is in format version {header.get('version')}; this release reads "
            f"version {VERSION}. Restore it with the release that wrote it."
        )
    shape = {"migrations": list, "counts": dict, "sha256": str, "size": int}
    if any(not isinstance(header.get(key), kind) for key, kind in shape.items()):
        raise BackupError("This backup's header is incomplete: it cannot be restored.")
    return header


def _body_copy(source, header: dict, target) -> None:
    """Copy the body to `target`, refusing a file that is cut short or altered."""
    sha256, size = hashlib.sha256(), 0
    while chunk := source.read(1 << 20):
        sha256.update(chunk)
        size += len(chunk)
        target.write(chunk)
    if size != header["size"] or sha256.hexdigest() != header["sha256"]:
        raise BackupError("This backup is damaged: its contents do not match its checksum.")


def _migrations_check(header: dict) -> None:
    ours = {tuple(pair) for pair in _migrations()}
    theirs = {tuple(pair) for pair in header["migrations"] if isinstance(pair, list)}
    if ours == theirs:
        return
    missing = ", ".join(f"{app}.{name}" for app, name in sorted(theirs - ours)) or "none"
    extra = ", ".join(f"{app}.{name}" for app, name in sorted(ours - theirs)) or "none"
    raise BackupError(
        "This backup was written with other migrations than this database has "
        f"(only in the backup: {missing}; only in this database: {extra}). Restore it into a "
        "database migrated to the backup's state (manage.py migrate APP MIGRATION), then "
        "migrate forward."
    )


def _content_tables() -> list[str]:
    """Tables a restore empties: everything but content types and permissions."""
    return [
        model._meta.db_table
        for model in apps.get_models(include_auto_created=True)
        if _has_table(model) and model._meta.label_lower not in _KEPT
    ]


def _content_present(models: list[type[Model]]) -> list[str]:
    return [
        model._meta.label_lower
        for model in models
        if model._meta.label_lower not in _MIGRATION_ROWS and model._base_manager.exists()
    ]


def _tables_empty() -> None:
    """Empty every table a restore writes (TRUNCATE on PostgreSQL, inside the transaction)."""
    postgresql = connection.vendor == "postgresql"
    with connection.cursor() as cursor:
        if postgresql:  # TRUNCATE refuses tables with foreign-key checks still pending
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        connection.ops.execute_sql_flush(connection.ops.sql_flush(no_style(), _content_tables()))
        if postgresql:  # rows may then refer to rows further on in the backup
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")


@contextmanager
def _links_unheard():
    """`loaddata` saves rows raw (receivers can tell and skip) but sets many-to-many links
    through the normal API: heard, they would add history rows and index entries on top of
    those the backup holds."""
    receivers = m2m_changed.receivers
    m2m_changed.receivers = []
    m2m_changed.sender_receivers_cache.clear()
    try:
        yield
    finally:
        m2m_changed.receivers = receivers
        m2m_changed.sender_receivers_cache.clear()


def backup_restore(*, path: Path, replace: bool = False) -> dict:
    """Replace every row of the site with the backup at `path`; returns its header.

    Refuses (BackupError, nothing changed) a file that is not a complete backup of this
    format version and migration state, and a database holding content unless `replace`."""
    with tempfile.NamedTemporaryFile(suffix=".json") as body:
        try:
            with gzip.open(path, "rb") as source:
                header = _header_read(source)
                _body_copy(source, header, body)
        except FileNotFoundError:
            raise BackupError(f"There is no file {path}.") from None
        except (OSError, EOFError, zlib.error):
            raise BackupError("This backup is damaged or cut short: it cannot be read.") from None
        body.flush()
        _migrations_check(header)
        models = _models_saved()
        with transaction.atomic():
            present = _content_present(models)
            if present and not replace:
                raise BackupError(
                    f"This database already holds content ({len(present)} tables, e.g. "
                    f"{', '.join(present[:3])}). Restore into an empty database, or pass "
                    "--replace to delete its content first."
                )
            _tables_empty()
            with _links_unheard():
                call_command("loaddata", body.name, verbosity=0)
            for model in models:
                label = model._meta.label_lower
                if model._base_manager.count() != header["counts"].get(label, 0):
                    raise BackupError(f"The restored {label} rows do not match the backup's count.")
            restored.send(sender=None)
            pages_forget_all()
    return header

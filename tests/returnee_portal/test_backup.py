"""Backups that restore: every row comes back, and a bad file or a full database changes nothing."""

import gzip
import json
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder

from services.actions import update_suggestion_close, update_suggestion_file
from services.models import Municipality, Service, UpdateSuggestion
from tests.factories import AssociateFactory, CoordinatorFactory, ServiceFactory

pytestmark = pytest.mark.django_db

# Not in a backup: written by migrate, visitors' state, or rebuilt from the content.
_NOT_SAVED = {"contenttypes", "sessions", "axes", "search"}


def snapshot() -> dict[str, list]:
    """Every row of every table a backup holds, many-to-many links included (without the
    links' own ids), content types and permissions by name (their ids are the database's)."""
    tables = {}
    for model in apps.get_models(include_auto_created=True):
        label = model._meta.label_lower
        if model._meta.app_label in _NOT_SAVED or label == "auth.permission":
            continue
        columns = []
        for field in model._meta.concrete_fields:
            if model._meta.auto_created and field.primary_key:
                continue
            if field.related_model is ContentType:
                columns.append(f"{field.name}__model")
            elif field.related_model is not None and field.related_model._meta.label_lower == (
                "auth.permission"
            ):
                columns.append(f"{field.name}__codename")
            else:
                columns.append(field.attname)
        tables[label] = sorted(map(repr, model._base_manager.values_list(*columns)))
    return tables


@pytest.fixture
def site():
    """The demo, with what a running site adds: an associate and a coordinator with their
    municipalities, an edit in the history and the admin log, open and closed reports."""
    call_command("load_demo", verbosity=0)
    tutin = Municipality.objects.get(slug="tutin")
    associate = AssociateFactory(municipalities=[tutin])
    coordinator = CoordinatorFactory()
    service = Service.objects.filter(municipality=tutin).first()
    service.name_sr_latn += " (izmenjeno)"
    service._change_reason = "Nova adresa"
    service.save()
    LogEntry.objects.log_actions(
        user_id=associate.pk, queryset=[service], action_flag=CHANGE, change_message="Naziv"
    )
    update_suggestion_file(service=service, message="Radno vreme je drugo.", contact="")
    closed = update_suggestion_file(service=service, message="Telefon ne radi.", contact="")
    update_suggestion_close(suggestion=closed, user=coordinator)
    return service


@pytest.fixture
def small_site():
    """A service and its edit, enough for the refusals (which must change nothing)."""
    service = ServiceFactory(name_sr_latn="Matična služba")
    service.name_sr_latn += " (izmenjeno)"
    service.save()
    return service


@pytest.fixture
def content_types_forgotten():
    """`flush` gives content types new ids; forget the cached ones after the test too."""
    yield
    ContentType.objects.clear_cache()


def backup(tmp_path) -> Path:
    path = tmp_path / "portal.gz"
    call_command("backup", str(path), verbosity=0)
    return path


def parts(path) -> tuple[dict, bytes]:
    with gzip.open(path) as source:
        header, body = source.read().split(b"\n", 1)
    return json.loads(header), body


def rewrite(path, header: dict, body: bytes) -> None:
    with gzip.open(path, "wb") as out:
        out.write(json.dumps(header).encode() + b"\n" + body)


def test_an_empty_database_gets_back_every_row(site, tmp_path, content_types_forgotten, client):
    before = snapshot()
    path = backup(tmp_path)
    header, _body = parts(path)
    assert header["counts"]["services.service"] == Service.objects.count() > 60
    assert header["counts"]["auth.user"] == 2

    if connection.vendor == "postgresql":  # the fixture's rows: checked, so TRUNCATE may run
        connection.cursor().execute("SET CONSTRAINTS ALL IMMEDIATE")
    call_command("flush", interactive=False, verbosity=0)
    ContentType.objects.clear_cache()
    assert Service.objects.count() == 0
    call_command("restore", str(path), verbosity=0)

    assert snapshot() == before
    assert site.history.first().history_change_reason == "Nova adresa"
    assert LogEntry.objects.get().get_edited_object() == site
    assert UpdateSuggestion.objects.filter(closed_by__isnull=False).count() == 1
    # The search index, left out of the backup, is rebuilt: the edited name is found.
    found = client.get("/sr-latn/pretraga/", {"q": "izmenjeno"})
    assert site.get_absolute_url() in found.content.decode()
    # New rows get new ids (the sequences follow the restored rows on PostgreSQL).
    assert ServiceFactory().pk > site.pk


def test_replace_brings_back_the_backed_up_state(site, tmp_path, client):
    path = backup(tmp_path)
    before = snapshot()
    page = site.get_absolute_url()
    assert "(izmenjeno)" in client.get(page).content.decode()

    site.name_sr_latn = "Ime posle rezervne kopije"
    site.save()
    later = ServiceFactory(name_sr_latn="Usluga posle rezervne kopije")
    assert "Ime posle rezervne kopije" in client.get(page).content.decode()
    search = {"q": "Usluga posle rezervne kopije"}
    assert later.get_absolute_url() in client.get("/sr-latn/pretraga/", search).content.decode()

    call_command("restore", str(path), "--replace", verbosity=0)

    assert snapshot() == before
    # The stored copy of the page is forgotten: the next visitor sees the restored name.
    shown = client.get(page).content.decode()
    assert "(izmenjeno)" in shown and "posle rezervne" not in shown
    assert later.get_absolute_url() not in client.get("/sr-latn/pretraga/", search).content.decode()


def test_a_database_with_content_is_refused_without_replace(site, tmp_path):
    path = backup(tmp_path)
    site.name_sr_latn = "Posle rezervne kopije"
    site.save()
    before = snapshot()
    with pytest.raises(CommandError, match="already holds content.*--replace"):
        call_command("restore", str(path), verbosity=0)
    assert snapshot() == before


def _cut_short(path):
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _body_altered(path):
    header, body = parts(path)
    rewrite(path, header, body.replace(b"(izmenjeno)", b"(IZMENJENO)", 1))


def _other_version(path):
    header, body = parts(path)
    rewrite(path, {**header, "version": 2}, body)


def _other_migrations(path):
    header, body = parts(path)
    rewrite(path, {**header, "migrations": header["migrations"][:-1]}, body)


def _not_a_backup(path):
    rewrite(path, {"tables": []}, b"[]")


def _not_gzip(path):
    path.write_text("SELECT 1;\n")


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (_cut_short, "damaged or cut short"),
        (_body_altered, "do not match its checksum"),
        (_other_version, "format version 2"),
        (_other_migrations, "other migrations than this database"),
        (_not_a_backup, "not a Returnee Portal backup"),
        (_not_gzip, "damaged or cut short"),
    ],
    ids=lambda value: getattr(value, "__name__", "")[1:],
)
def test_a_bad_file_is_refused_before_anything_changes(small_site, tmp_path, damage, message):
    path = backup(tmp_path)
    damage(path)
    small_site.name_sr_latn = "Posle rezervne kopije"
    small_site.save()
    before = snapshot()
    with pytest.raises(CommandError, match=message):
        call_command("restore", str(path), "--replace", verbosity=0)
    assert snapshot() == before


def test_a_backup_of_another_migration_state_names_the_difference(small_site, tmp_path):
    path = backup(tmp_path)
    header, body = parts(path)
    last = MigrationRecorder.Migration.objects.order_by("-id").first()
    rewrite(
        path, {**header, "migrations": [*header["migrations"], [last.app, "9999_future"]]}, body
    )
    with pytest.raises(CommandError, match=f"only in the backup: {last.app}.9999_future"):
        call_command("restore", str(path), "--replace", verbosity=0)


def test_a_missing_file_is_named(db, tmp_path):
    with pytest.raises(CommandError, match="There is no file .*nowhere.gz"):
        call_command("restore", str(tmp_path / "nowhere.gz"), verbosity=0)

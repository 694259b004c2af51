"""No lost updates: of two saves from the same loaded version, the second is refused."""

import threading

import pytest
from django.urls import reverse

from returnee_portal import content_admin
from returnee_portal.content_admin import forms as content_admin_forms
from returnee_portal.locking import VersionConflict, content_save_with_version
from services.models import Category, Service
from tests.admin_pages import admin_url, form_data
from tests.factories import CategoryFactory, GuideChapterFactory, ServiceFactory

pytestmark = pytest.mark.django_db

REFUSED = "Someone else saved this entry while you were editing it."


@pytest.fixture
def service():
    return ServiceFactory(name_sr_latn="Dom zdravlja", categories=[CategoryFactory()])


def test_second_save_from_the_same_version_is_refused_and_keeps_its_input(
    client, coordinator, service
):
    client.force_login(coordinator)
    url = admin_url(service, "change")
    first, second = form_data(client, url), form_data(client, url)
    first["name_sr_latn"] = "Dom zdravlja Tutin"
    second["name_sr_latn"] = "Dom zdravlja Novi Pazar"

    assert client.post(url, first).status_code == 302
    response = client.post(url, second, HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 200
    assert REFUSED in response.text
    assert 'value="Dom zdravlja Novi Pazar"' in response.text
    service.refresh_from_db()
    assert service.name_sr_latn == "Dom zdravlja Tutin"


def test_saving_again_after_the_warning_replaces_the_other_save(client, coordinator, service):
    client.force_login(coordinator)
    url = admin_url(service, "change")
    first, second = form_data(client, url), form_data(client, url)
    first["name_sr_latn"] = "Dom zdravlja Tutin"
    second["name_sr_latn"] = "Dom zdravlja Novi Pazar"
    client.post(url, first)
    refused = client.post(url, second)

    again = {
        field.html_name: field.value()
        for field in refused.context["adminform"].form
        if field.value() not in (None, False)
    }
    assert client.post(url, again).status_code == 302
    service.refresh_from_db()
    assert service.name_sr_latn == "Dom zdravlja Novi Pazar"


def test_each_save_counts_up_the_version(client, coordinator, service):
    client.force_login(coordinator)
    url = admin_url(service, "change")
    client.post(url, form_data(client, url))
    client.post(url, form_data(client, url))
    service.refresh_from_db()
    assert service.version == 3


def test_two_saves_from_the_same_version_never_both_succeed(service):
    # Both editors read version 1 before either writes: the check is made at write time.
    mine, theirs = Service.objects.get(pk=service.pk), Service.objects.get(pk=service.pk)
    mine.name_sr_latn, theirs.name_sr_latn = "Moja izmena", "Njihova izmena"
    records_before = service.history.count()

    content_save_with_version(obj=mine, expected_version=1)
    with pytest.raises(VersionConflict):
        content_save_with_version(obj=theirs, expected_version=1)

    service.refresh_from_db()
    assert (service.name_sr_latn, service.version) == ("Moja izmena", 2)
    assert service.history.count() == records_before + 1  # only the save that succeeded


def test_a_save_racing_past_the_form_check_is_still_refused_on_the_form(
    client, coordinator, service, monkeypatch
):
    """Another save commits after this request's form check and before its write."""
    client.force_login(coordinator)
    url = admin_url(service, "change")
    data = form_data(client, url)
    data["name_sr_latn"] = "Moja izmena"
    theirs = Service.objects.get(pk=service.pk)
    theirs.name_sr_latn = "Njihova izmena"
    content_save_with_version(obj=theirs, expected_version=1)
    real_check = content_admin_forms.content_current_version

    def check_before_their_save(*, obj):
        monkeypatch.setattr(content_admin_forms, "content_current_version", real_check)
        return 1

    monkeypatch.setattr(content_admin_forms, "content_current_version", check_before_their_save)
    conflicts = []

    def save_spy(**kwargs):
        try:
            content_save_with_version(**kwargs)
        except VersionConflict:
            conflicts.append(kwargs["obj"])
            raise

    monkeypatch.setattr(content_admin, "content_save_with_version", save_spy)
    response = client.post(url, data, HTTP_ACCEPT_LANGUAGE="en")

    assert len(conflicts) == 1  # the write refused it, then the form check did

    assert response.status_code == 200
    assert REFUSED in response.text
    assert 'value="Moja izmena"' in response.text
    service.refresh_from_db()
    assert service.name_sr_latn == "Njihova izmena"


def changelist_data(client, url):
    formset = client.get(url).context["cl"].formset
    data = {field.html_name: field.value() for field in formset.management_form}
    for form in formset:
        data.update({field.html_name: field.value() for field in form})
    return {**data, "_save": "Save"}


def order_field(data, category):
    return next(
        name.replace("-id", "-order")
        for name, value in data.items()
        if name.endswith("-id") and str(value) == str(category.pk)
    )


def test_changelist_edit_of_an_entry_saved_meanwhile_refuses_the_whole_submit(client, coordinator):
    documents, health = CategoryFactory(order=1), CategoryFactory(order=2)
    client.force_login(coordinator)
    url = reverse("admin:services_category_changelist")
    data = changelist_data(client, url)
    someone_else = Category.objects.get(pk=documents.pk)
    someone_else.name_sr_latn = "Lična dokumenta"
    content_save_with_version(obj=someone_else, expected_version=1)

    data[order_field(data, documents)] = 10
    data[order_field(data, health)] = 20
    response = client.post(url, data, HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 200
    assert "Someone else saved Lična dokumenta while you were editing." in response.text
    documents.refresh_from_db()
    health.refresh_from_db()
    assert (documents.order, health.order) == (1, 2)
    assert documents.name_sr_latn == "Lična dokumenta"


def test_changelist_rows_left_alone_do_not_block_the_others(client, coordinator):
    documents, health = CategoryFactory(order=1), CategoryFactory(order=2)
    client.force_login(coordinator)
    url = reverse("admin:services_category_changelist")
    data = changelist_data(client, url)
    someone_else = Category.objects.get(pk=documents.pk)
    content_save_with_version(obj=someone_else, expected_version=1)

    data[order_field(data, health)] = 20
    assert client.post(url, data).status_code == 302

    health.refresh_from_db()
    assert (health.order, health.version) == (20, 2)


def test_an_action_counts_up_the_version_so_an_older_form_is_refused(client, coordinator):
    chapter = GuideChapterFactory(is_published=False)
    client.force_login(coordinator)
    url = admin_url(chapter, "change")
    data = form_data(client, url)
    data["title_sr_latn"] = "Novi naslov"

    client.post(
        reverse("admin:guides_guidechapter_changelist"),
        {"action": "chapters_publish", "_selected_action": [chapter.pk]},
    )
    response = client.post(url, data, HTTP_ACCEPT_LANGUAGE="en")

    assert REFUSED in response.text
    chapter.refresh_from_db()
    assert chapter.is_published
    assert chapter.version == 2
    assert chapter.title_sr_latn != "Novi naslov"


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_saves_in_separate_connections_never_both_succeed(service):
    """Two threads, each with its own database connection, save from the same version at once.

    Runs where the database serves concurrent connections (PostgreSQL, as in CI); SQLite's test
    database is one in-memory connection, where the interleaved test above covers the logic.
    """
    from django.db import connection, connections

    if connection.vendor != "postgresql":
        pytest.skip("needs a database with concurrent connections (CI runs it on PostgreSQL)")
    barrier = threading.Barrier(2)
    outcomes = []

    def save(name):
        try:
            mine = Service.objects.get(pk=service.pk)
            mine.name_sr_latn = name
            barrier.wait(timeout=10)
            content_save_with_version(obj=mine, expected_version=1)
            outcomes.append(name)
        except VersionConflict:
            outcomes.append("refused")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=save, args=(n,)) for n in ("Prva", "Druga")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    service.refresh_from_db()
    assert sorted(outcomes) == sorted([service.name_sr_latn, "refused"])
    assert service.version == 2

"""Every public page and every admin list asks the database as often with 2,000 services as
with 10: nothing is read once per row.

Measured on the generated dataset (demo/scale.py), with the page cache off, so that each
request renders; the cache's own reads are counted in test_pagecache.py.
"""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from demo.scale import scale_data_generate
from guides.models import GuideChapter
from services.models import Municipality, OpenCall

pytestmark = pytest.mark.django_db

PUBLIC = [
    "/sr-latn/",
    "/sr/",
    "/sr-latn/opstine/",
    "/sr-latn/opstine/{municipality}/",
    "/sr-latn/opstine/{municipality}/?category={category}",
    "/rom/opstine/{municipality}/?page=2",
    "/sr-latn/usluge/{service}/",
    "/sr-latn/organizacije/{organization}/",
    "/sr-latn/vodic/",
    "/sr-latn/vodic/{chapter}/",
    "/sr-latn/vodic/{chapter}/?municipality={municipality}",
    "/sr-latn/projekti/",
    "/sr-latn/projekti/{project}/",
    "/sr-latn/konkursi/",
    "/sr-latn/konkursi/?page=2",
    "/sr-latn/konkursi/{call}/",
    "/sr-latn/pretraga/?q=generisano",
    "/sr/pretraga/?q=генерисано&kind=service",
]
ADMIN = [
    "admin:index",
    "admin:services_service_changelist",
    "admin:services_municipality_changelist",
    "admin:services_organization_changelist",
    "admin:services_opencall_changelist",
    "admin:services_updatesuggestion_changelist",
    "admin:guides_guidechapter_changelist",
]


def _slugs() -> dict[str, str]:
    """The pages of the largest generated municipality (the same one at every size)."""
    place = Municipality.objects.get(slug="gen-opstina-0000")
    service = place.services.order_by("slug").first()
    chapter = GuideChapter.objects.filter(slug__startswith="gen-").order_by("slug").first()
    return {
        "municipality": place.slug,
        "category": service.categories.first().slug,
        "service": service.slug,
        "organization": service.organization.slug,
        "chapter": chapter.slug,
        "project": "gen-projekat-00",
        "call": OpenCall.objects.order_by("slug").first().slug,
    }


def _counts(client: Client, paths: list[str]) -> list[int]:
    counts = []
    for path in paths:
        client.get(path)  # what the first request of a process fills (e.g. the Latin names)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        assert response.status_code == 200, path
        counts.append(len(queries))
    return counts


def test_no_page_reads_once_per_row(settings, coordinator):
    settings.PAGECACHE_ENABLED = False
    visitor, staff = Client(), Client()
    staff.force_login(coordinator)
    admin = [reverse(name) for name in ADMIN]

    scale_data_generate(municipalities=4, services=10, seed=3)
    small = _counts(visitor, [path.format(**_slugs()) for path in PUBLIC]), _counts(staff, admin)
    scale_data_generate(municipalities=4, services=2_000, seed=3, replace=True)
    large = _counts(visitor, [path.format(**_slugs()) for path in PUBLIC]), _counts(staff, admin)

    assert dict(zip(PUBLIC, large[0], strict=True)) == dict(zip(PUBLIC, small[0], strict=True))
    assert dict(zip(ADMIN, large[1], strict=True)) == dict(zip(ADMIN, small[1], strict=True))

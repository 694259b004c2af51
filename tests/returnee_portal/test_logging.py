"""Errors leave a record an operator can follow: one JSON line on stderr per warning or error,
with the request id the response also carries, and no personal data."""

import io
import json
import logging

import pytest
from django.test import Client, override_settings

pytestmark = pytest.mark.django_db


@pytest.fixture
def stderr_lines():
    """What the configured stderr handler (settings.LOGGING) writes, as parsed lines."""
    (handler,) = [h for h in logging.getLogger().handlers if h.get_name() == "stderr"]
    written = io.StringIO()
    previous = handler.setStream(written)
    yield lambda: [json.loads(line) for line in written.getvalue().splitlines()]
    handler.setStream(previous)


@override_settings(ROOT_URLCONF="tests.returnee_portal.failing_urls")
def test_a_server_error_is_logged_with_the_request_id_and_no_personal_data(stderr_lines):
    client = Client(raise_request_exception=False)
    response = client.post(
        "/sq/kaputt/fehler/?email=familija@example.org",
        {"message": "Moj broj je 064"},
        REMOTE_ADDR="203.0.113.9",
        HTTP_X_FORWARDED_FOR="198.51.100.7",
    )
    assert response.status_code == 500
    (line,) = [line for line in stderr_lines() if line["level"] == "ERROR"]
    assert line["request_id"] == response["X-Request-ID"]
    assert len(line["request_id"]) == 32
    assert line["status"] == 500
    assert line["logger"] == "django.request"
    assert line["message"] == "Internal Server Error: /sq/kaputt/fehler/"
    assert "ZeroDivisionError" in line["exception"]
    written = json.dumps(stderr_lines())
    for personal in ["203.0.113.9", "198.51.100.7", "familija@example.org"]:
        assert personal not in written


def test_every_response_names_its_request_and_each_differs(client):
    first, second = client.get("/sr-latn/"), client.get("/sr-latn/")
    assert first["X-Request-ID"] != second["X-Request-ID"]
    assert client.get("/sr-latn/opstine/nema/")["X-Request-ID"]


def test_a_not_found_page_is_a_warning_with_its_request_id(client, stderr_lines):
    response = client.get("/de/opstine/nema-je/")
    assert response.status_code == 404
    (line,) = stderr_lines()
    assert line["level"] == "WARNING"
    assert line["request_id"] == response["X-Request-ID"]

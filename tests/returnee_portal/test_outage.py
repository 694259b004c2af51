"""The database goes away and comes back: pages answer 503 with Retry-After in the visitor's
language, the suggestion form keeps the text, /healthz stays up while /readyz says what is
missing, errors are logged with the request id, and the site recovers by itself.

A gunicorn server with the production settings (persistent connections, the embedded cache
in the database) reaches PostgreSQL through a TCP relay that the test cuts: established
connections are dropped and new ones refused, which is what the app sees when PostgreSQL
stops. Stopping the real server would take down the other test workers' database too.
PostgreSQL only; CI runs it.
"""

import contextlib
import json
import socket
import threading

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import translation

from services.models import UpdateSuggestion
from tests.factories import ServiceFactory
from tests.live import database_url, get, gunicorn_servers, post, production_environment

pytestmark = pytest.mark.django_db(transaction=True)


class Relay:
    """Forwards a loopback port to PostgreSQL until cut; restored on the same port."""

    def __init__(self, target):
        self.target = target
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.connections = []
        self._serve()

    def _serve(self):
        threading.Thread(target=self._accept, args=(self.listener,), daemon=True).start()

    def _accept(self, listener):
        while True:
            try:
                client, _address = listener.accept()
            except OSError:
                return  # cut
            upstream = socket.create_connection(self.target)
            self.connections += [client, upstream]
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(source, sink), daemon=True).start()

    @staticmethod
    def _pump(source, sink):
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        for end in (source, sink):
            end.close()

    def cut(self):
        # shutdown, not only close: close does not wake the thread blocked in accept().
        for end in [self.listener, *self.connections]:
            with contextlib.suppress(OSError):
                end.shutdown(socket.SHUT_RDWR)
            end.close()
        self.connections = []

    def restore(self):
        self.listener = socket.create_server(("127.0.0.1", self.port))
        self._serve()


@pytest.fixture
def relay():
    if connection.vendor != "postgresql":
        pytest.skip("the outage test stops PostgreSQL (CI runs it on PostgreSQL)")
    settings = connection.settings_dict
    relay = Relay((settings["HOST"] or "127.0.0.1", int(settings["PORT"] or 5432)))
    yield relay
    relay.cut()


@pytest.fixture
def server(relay, tmp_path):
    environment = production_environment(
        static_root=tmp_path / "static", DATABASE_URL=database_url(port=relay.port)
    )
    with gunicorn_servers(environment=environment, count=1) as servers:
        yield servers


def test_with_the_database_down_pages_answer_503_the_form_keeps_the_text_and_it_recovers(
    relay, server
):
    (base,) = server
    service = ServiceFactory(name_sr_latn="Matična služba Tutin", name_de="Standesamt Tutin")
    with translation.override("de"):
        page = service.get_absolute_url()
        form = reverse("services:service_suggestion", args=[service.slug])
    assert get(base + page).status == 200
    assert get(base + "/readyz").status == 200

    relay.cut()
    down = get(base + page)
    assert down.status == 503
    assert down.headers["Retry-After"] == "60"
    assert '<html lang="de">' in down.text
    assert "Das Portal ist kurz nicht erreichbar" in down.text
    assert get(base + "/healthz").status == 200
    ready = get(base + "/readyz")
    assert ready.status == 503
    assert "database: unavailable" in ready.text

    relay.restore()
    text = "Das Amt ist umgezogen, neue Adresse im Rathaus."
    sent_into_outage = post(base + form, {"message": text}, before_sending=relay.cut)
    assert sent_into_outage.status == 503
    assert f"{text}</textarea>" in sent_into_outage.text
    assert "konnte gerade nicht gespeichert werden" in sent_into_outage.text

    logged = [json.loads(line) for line in server.log().splitlines() if line.startswith("{")]
    # Every 503 is logged: the page's with the database error that caused it.
    answered_503 = {line["request_id"]: line for line in logged if line.get("status") == 503}
    assert all(
        answer.headers["X-Request-ID"] in answered_503 for answer in (down, ready, sent_into_outage)
    )
    assert "OperationalError" in answered_503[down.headers["X-Request-ID"]]["exception"]
    assert text not in server.log()
    assert "127.0.0.1" not in "".join(line["message"] for line in logged)

    relay.restore()
    assert get(base + page).status == 200  # by itself: no restart
    assert get(base + "/readyz").status == 200
    assert post(base + form, {"message": text}).status == 302
    assert UpdateSuggestion.objects.get().message == text

"""No input gets a 5xx: random and hostile values (NUL bytes, bad UTF-8, markup, huge numbers,
paths, odd charsets) thrown at every public URL, query parameter and form, in every language,
and at the admin pages associates use. Nothing in the database changes except what the update
form is for (suggestions) and what logging in records (sessions, login attempts).

Runs on SQLite and, in CI, on PostgreSQL, where a NUL byte in a query is an error."""

import os
from urllib.parse import quote_from_bytes

import pytest
from django.apps import apps
from django.conf import settings
from django.utils import translation
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from tests.factories import (
    AssociateFactory,
    CategoryFactory,
    CoordinatorFactory,
    GuideChapterFactory,
    OpenCallFactory,
    OrganizationFactory,
    ProjectFactory,
    ServiceFactory,
)

pytestmark = pytest.mark.django_db

HOSTILE = [
    "\x00",
    "a\x00b",
    "tutin\x00",
    "../../../../etc/passwd",
    "..%2f..%2fetc%2fpasswd",
    "<script>alert(1)</script>",
    '"><svg onload=alert(1)>',
    "' OR '1'='1",
    "1; DROP TABLE services_service;--",
    "-1",
    "0",
    "99999999999999999999999999",
    "1e309",
    "NaN",
    "last",
    "%",
    "\\",
    "ž" * 3000,
    "x" * 20000,
    "\u202e\u0000\ufeff",
    '=HYPERLINK("http://evil.example/")',
]
# Raw bytes, percent-encoded as sent: NUL, invalid UTF-8, overlong encodings, CR LF.
HOSTILE_BYTES = [b"\x00", b"\xff\xfe", b"\xc0\xaf", b"\xed\xa0\x80", b"\r\nSet-Cookie: x=1", b"%"]
PARAMETERS = [
    "municipality",
    "category",
    "district",
    "page",
    "q",
    "language",
    "lang",
    "format",
    "next",
    "o",
    "p",
    "e",
    "all",
    "_changelist_filters",
    "municipality__id__exact",
    "categories__id__exact",
    "is_published__exact",
    "verification",
    "last_verified__year",
    "resource",
]
CHARSETS = ["utf-8", "latin-1", "utf-16", "utf-32", "cp1250", "nonsense", "", "utf-8; x=y"]

value_bytes = st.one_of(
    st.sampled_from(HOSTILE).map(lambda text: text.encode("utf-8", "surrogatepass")),
    st.sampled_from(HOSTILE_BYTES),
    st.binary(max_size=40),
    st.text(max_size=40).map(str.encode),
)
query = st.lists(
    st.tuples(st.sampled_from(PARAMETERS) | st.text(max_size=10).map(str), value_bytes),
    max_size=4,
).map(
    lambda pairs: "&".join(
        f"{quote_from_bytes(name.encode())}={quote_from_bytes(value)}" for name, value in pairs
    )
)
segment = st.one_of(
    st.sampled_from(["tutin", "matična-služba", "dokumenta", "gen-1", "1"]),
    value_bytes.map(quote_from_bytes),
)


@pytest.fixture
def directory(own_municipality):
    category = CategoryFactory(slug="dokumenta")
    organization = OrganizationFactory(slug="centar", municipality=own_municipality)
    service = ServiceFactory(
        slug="licna-karta",
        municipality=own_municipality,
        organization=organization,
        categories=[category],
    )
    chapter = GuideChapterFactory(slug="dokumenta")
    chapter.categories.add(category)
    ProjectFactory(slug="reintegrate")
    OpenCallFactory(slug="konkurs")
    return {
        "municipality": own_municipality.slug,
        "service": service.slug,
        "organization": organization.slug,
        "chapter": chapter.slug,
        "project": "reintegrate",
    }


def public_paths(found: dict) -> list[str]:
    pages = [
        "",
        "o-portalu/",
        "opstine/",
        "opstine/{municipality}/",
        "usluge/{service}/",
        "usluge/{service}/predlog/",
        "usluge/{service}/predlog/poslato/",
        "organizacije/{organization}/",
        "projekti/",
        "projekti/{project}/",
        "konkursi/",
        "vodic/",
        "vodic/{chapter}/",
        "pretraga/",
    ]
    return [
        f"/{code}/{page.format(**found)}" for code, _name in settings.LANGUAGES for page in pages
    ]


ADMIN_PATHS = [
    "/admin/",
    "/admin/services/service/",
    "/admin/services/service/add/",
    "/admin/services/service/{pk}/change/",
    "/admin/services/service/{pk}/history/",
    "/admin/services/service/import/",
    "/admin/services/service/export/",
    "/admin/services/organization/",
    "/admin/services/organization/add/",
    "/admin/services/organization/{organization}/change/",
    "/admin/services/organization/{organization}/history/",
    "/admin/password_change/",
    "/admin/services/updatesuggestion/",
    "/admin/reports/",
    "/admin/reports/services/",
    "/admin/reports/translations/",
    "/admin/r/{content_type}/{pk}/",
]

# What requests may write: suggestions (the update form), sessions and login attempts.
WRITTEN_BY_REQUESTS = {
    "services.updatesuggestion",
    "services.historicalupdatesuggestion",
    "sessions.session",
    "axes.accessattempt",
    "axes.accessfailurelog",
    "axes.accesslog",
    "admin.logentry",
    "auth.user",  # last_login
}


def database_rows() -> dict:
    return {
        model._meta.label_lower: sorted(model.objects.values_list(), key=repr)
        for model in apps.get_models()
        if model._meta.label_lower not in WRITTEN_BY_REQUESTS and model._meta.managed
    }


def assert_no_server_error(response):
    assert response.status_code < 500, (response.status_code, response.request)


def run_without_rows_changed(test) -> None:
    before = database_rows()
    test()
    translation.activate(settings.LANGUAGE_CODE)
    assert database_rows() == before


# FUZZ_EXAMPLES=5000 for a longer hunt; the suite's 150 per test keep it under a minute.
FUZZ = hypothesis_settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "150")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    database=None,  # the same examples on every run and machine
    derandomize=True,
)


def test_public_pages_answer_any_query_without_a_server_error(client, directory):
    paths = public_paths(directory)

    @FUZZ
    @given(path=st.sampled_from(paths), query=query)
    def hit(path, query):
        assert_no_server_error(client.get(path, QUERY_STRING=query))

    run_without_rows_changed(hit)


def test_any_path_segment_is_a_404_never_a_server_error(client, directory):
    @FUZZ
    @given(
        code=st.sampled_from([code for code, _name in settings.LANGUAGES] + ["xx", ""]),
        page=st.sampled_from(["opstine", "usluge", "organizacije", "projekti", "vodic", "x"]),
        slug=segment,
        tail=st.sampled_from(["", "predlog/", "predlog/poslato/", "x/"]),
    )
    def hit(code, page, slug, tail):
        path = "/".join(part for part in ("", code, page, slug) if part) + "/" + tail
        response = client.get(path)
        assert_no_server_error(response)

    run_without_rows_changed(hit)


def test_forms_take_any_body_and_charset_without_a_server_error(client, directory):
    suggestion = f"/sr-latn/usluge/{directory['service']}/predlog/"

    @FUZZ
    @given(
        path=st.sampled_from([suggestion, "/admin/login/", "/sr-latn/pretraga/"]),
        charset=st.sampled_from(CHARSETS),
        body=st.one_of(
            query,
            st.binary(max_size=200).map(quote_from_bytes),
            st.sampled_from(
                [
                    "message=Nova+adresa&contact=",
                    "message=%FF%FE%00&contact=%00",
                    "username=%00&password=%00",
                    "message=" + "x" * 20000,
                ]
            ),
        ),
        kind=st.sampled_from(["urlencoded", "multipart", "json", "raw"]),
    )
    def post(path, charset, body, kind):
        content_type = {
            "urlencoded": "application/x-www-form-urlencoded",
            "multipart": "multipart/form-data; boundary=xyz",
            "json": "application/json",
            "raw": "text/plain",
        }[kind]
        if charset:
            content_type += f"; charset={charset}"
        response = client.generic("POST", path, body.encode(), content_type=content_type)
        assert_no_server_error(response)

    run_without_rows_changed(post)


def test_admin_pages_of_associates_answer_any_query_without_a_server_error(
    client, directory, own_municipality
):
    from django.contrib.contenttypes.models import ContentType

    from services.models import Organization, Service

    associate = AssociateFactory(municipalities=[own_municipality])
    client.force_login(associate)
    service = Service.objects.get(slug=directory["service"])
    content_type = ContentType.objects.get_for_model(Service).pk
    organization = Organization.objects.get(slug=directory["organization"]).pk
    paths = [
        path.format(pk=service.pk, content_type=content_type, organization=organization)
        for path in ADMIN_PATHS
    ]

    @FUZZ
    @given(path=st.sampled_from(paths), query=query, pk=segment)
    def hit(path, query, pk):
        assert_no_server_error(client.get(path, QUERY_STRING=query))
        fuzzed = path.replace(f"/{service.pk}/", f"/{pk}/").replace(f"/{organization}/", f"/{pk}/")
        assert_no_server_error(client.get(fuzzed))

    run_without_rows_changed(hit)


def test_translators_pages_take_any_input_without_a_server_error(client, directory):
    """The coordinator's translation round trip: any download query, any uploaded file (random
    bytes or a PO file with hostile entries), any confirm token; nothing is saved."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(CoordinatorFactory())
    text = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=40))
    po_entry = st.tuples(segment, text, text).map(
        lambda parts: (
            'msgid ""\nmsgstr "Language: rom\\nContent-Type: text/plain; charset=UTF-8\\n"\n\n'
            f'msgctxt "services.service:{parts[0]}:name:x"\n'
            f'msgid "{parts[1]}"\nmsgstr "{parts[2]}"\n'
        ).encode("utf-8", "surrogatepass")
    )

    @FUZZ
    @given(
        query=query,
        content=st.one_of(st.binary(max_size=300), po_entry),
        token=st.one_of(segment, text),
    )
    def hit(query, content, token):
        assert_no_server_error(client.get("/admin/translations/", QUERY_STRING=query))
        upload = SimpleUploadedFile("rom.po", content)
        assert_no_server_error(client.post("/admin/translations/upload/", {"file": upload}))
        assert_no_server_error(client.post("/admin/translations/confirm/", {"token": token}))

    run_without_rows_changed(hit)

"""The open HSDS API: every path of the HSDS 3.0 API specification answers, and every answer
validates against the vendored specification itself (vendor/hsds/schema/openapi.json, its
schemas resolved to the vendored copies); languages, filters, ids and what never appears."""

import datetime

import jsonschema
import pytest
from django.core.cache import cache
from django.utils import timezone
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from api.spec import vendored_schema, vendored_specification
from returnee_portal.pagecache import pages_forget_all
from services.hsds import hsds_services_json
from services.models import Service

pytestmark = pytest.mark.django_db

SPECIFICATION = vendored_specification()


def _published(uri: str) -> Resource:
    return DRAFT202012.create_resource(vendored_schema(uri))


REGISTRY = Registry(retrieve=_published).with_resource(
    "urn:hsds-openapi", DRAFT202012.create_resource(SPECIFICATION)
)


def answer_schema(path: str) -> dict:
    """The 200 answer's schema of `path`, by reference into the specification (so that its own
    references, "#/components/...", resolve there)."""
    escaped = path.replace("~", "~0").replace("/", "~1")
    answer = "responses/200/content/application~1json/schema"
    return {"$ref": f"urn:hsds-openapi#/paths/{escaped}/get/{answer}"}


def get_valid(client, url: str, path: str, **headers) -> dict:
    response = client.get(url, **headers)
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"] == "application/json"
    data = response.json()
    jsonschema.Draft202012Validator(answer_schema(path), registry=REGISTRY).validate(data)
    return data


def test_every_path_of_the_specification_answers_as_it_specifies(client, directory):
    lists = {
        "/services": "/api/hsds/services",
        "/organizations": "/api/hsds/organizations?full_service=true",
        "/taxonomies": "/api/hsds/taxonomies",
        "/taxonomy_terms": "/api/hsds/taxonomy_terms",
        "/service_at_locations": "/api/hsds/service_at_locations",
    }
    found = {path: get_valid(client, url, path) for path, url in lists.items()}
    assert get_valid(client, "/api/hsds/", "/")["version"] == "3.0.0"
    for path, page in found.items():
        assert page["contents"], path
        one = page["contents"][0]["id"]
        get_valid(client, f"/api/hsds{path}/{one}", f"{path}/{{id}}")
    assert found["/services"]["total_items"] == 3  # published only
    assert found["/service_at_locations"]["total_items"] == 1  # only one has a place
    assert {path for path in SPECIFICATION["paths"]} == set(lists) | {
        f"{path}/{{id}}" for path in lists
    } | {"/"}


def test_ids_are_the_exports_and_unpublished_entries_never_appear(client, directory):
    exported = {
        service["name"]: service["id"] for service in hsds_services_json(language="sr-latn")
    }
    page = client.get("/api/hsds/services?per_page=200").json()
    assert {s["name"]: s["id"] for s in page["contents"]} == exported
    assert "Skrivena usluga" not in str(page)
    hidden = [s for s in hsds_services_json(language="sr-latn") if s["name"] == "Skrivena usluga"]
    assert hidden == []
    for path in ("services", "organizations", "taxonomy_terms", "service_at_locations"):
        response = client.get(f"/api/hsds/{path}/00000000-0000-0000-0000-000000000000?lang=en")
        assert response.status_code == 404
        assert response.json() == {"detail": "There is no published record with this id."}
    german = client.get("/api/hsds/services/x", HTTP_ACCEPT_LANGUAGE="de")
    assert german.json() == {
        "detail": "Es gibt keinen veröffentlichten Eintrag mit dieser Kennung."
    }


def test_the_language_comes_from_lang_or_accept_language_and_serbian_is_marked(client, directory):
    birth = exported_id("Izvod iz matične knjige rođenih")
    german = client.get(f"/api/hsds/services/{birth}", HTTP_ACCEPT_LANGUAGE="de-AT,de;q=0.9")
    assert german["Content-Language"] == "de"
    assert german.json()["name"] == "Geburtsurkunde"
    assert german.json()["translation"]["serbian_fields"] == []
    romani = client.get(f"/api/hsds/services/{birth}?lang=rom")
    assert romani["Content-Language"] == "rom"
    record = romani.json()
    assert record["name"] == "Izvodi andar o matično lil"
    assert record["description"] == "Izvod se izdaje na šalteru."  # not yet in Romani
    assert record["translation"]["language"] == "rom"
    assert record["translation"]["serbian_fields"] == ["description"]
    others = record["translation"]["other_languages"]
    assert set(others) == {"sr", "sq", "de", "en"}
    assert others["de"] == f"http://127.0.0.1:8000/api/hsds/services/{birth}?lang=de"
    term = record["attributes"][0]["taxonomy_term"]
    assert term["name"] == "Personalne dokumentura" and term["language"] == "rom"
    serbian = client.get(f"/api/hsds/services/{birth}", HTTP_ACCEPT_LANGUAGE="fr, *")
    assert serbian["Content-Language"] == "sr-Latn"
    assert serbian.json()["name"] == "Izvod iz matične knjige rođenih"
    wrong = client.get("/api/hsds/services?lang=xx", HTTP_ACCEPT_LANGUAGE="en")
    assert wrong.status_code == 400
    assert wrong.json() == {
        "detail": "lang: unknown language xx; known: de, en, rom, sq, sr.",
        "parameter": "lang",
    }
    assert client.get("/api/hsds/services?lang=de", HTTP_ACCEPT_LANGUAGE="sr").status_code == 200


def exported_id(name: str) -> str:
    return next(s["id"] for s in hsds_services_json(language="sr-latn") if s["name"] == name)


def test_filters_search_and_pages(client, directory):
    def names(query):
        page = get_valid(client, f"/api/hsds/services?{query}", "/services")
        return [service["name"] for service in page["contents"]]

    terms = client.get("/api/hsds/taxonomy_terms").json()["contents"]
    documents = next(term["id"] for term in terms if term["code"] == "licna-dokumenta")
    assert names(f"taxonomy_term_id={documents}") == [
        "Izvod iz matične knjige rođenih",
        "Lična karta",
    ]
    organization = client.get("/api/hsds/organizations?search=Tutin").json()["contents"][0]
    assert organization["name"] == "Opštinska uprava Tutin"
    assert len(names(f"organization_id={organization['id']}")) == 2
    assert names("search=pirot") == ["Dom zdravlja Pirot"]
    assert names("search=Urkunde&lang=de") == ["Geburtsurkunde"]
    assert names("taxonomy_term_id=unknown") == []
    taxonomy = client.get("/api/hsds/taxonomies").json()["contents"][0]["id"]
    assert len(names(f"taxonomy_id={taxonomy}")) == 3
    later = timezone.now() + datetime.timedelta(minutes=1)
    assert names(f"modified_after={later.isoformat().replace('+', '%2B')}") == []
    Service.objects.update(updated_at=timezone.now() - datetime.timedelta(days=2))
    pages_forget_all()  # an update() sends no signals
    directory["card"].save()  # changed now: the API's modified_after, as the feeds
    since = (timezone.now() - datetime.timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert names(f"modified_after={since}") == ["Lična karta"]
    page = client.get("/api/hsds/services?per_page=2&page=2").json()
    assert {k: page[k] for k in ("total_items", "total_pages", "page_number", "size")} == {
        "total_items": 3, "total_pages": 2, "page_number": 2, "size": 1,
    }  # fmt: skip
    assert page["last_page"] and not page["first_page"] and not page["empty"]
    minimal = client.get("/api/hsds/services?minimal=true").json()["contents"][0]
    assert set(minimal) == {"id", "name", "status", "last_modified", "translation"}
    assert client.get("/api/hsds/service_at_locations?postcode=36320").json()["contents"] == []
    for bad in ("page=0", "per_page=1000", "page=x", "modified_after=yesterday", "format=csv",
                "minimal=maybe"):  # fmt: skip
        response = client.get(f"/api/hsds/services?{bad}")
        assert response.status_code == 400, bad
        assert response["Content-Type"] == "application/json"


def test_answers_are_cached_until_a_service_changes(client, directory):
    url = "/api/hsds/services?lang=de"
    assert client.get(url)["X-Page-Cache"] == "miss"
    again = client.get(url)
    assert again["X-Page-Cache"] == "hit" and again["Content-Language"] == "de"
    assert client.get(url, HTTP_ACCEPT_LANGUAGE="en")["X-Page-Cache"] == "miss"  # its own key
    directory["card"].name_de = "Personalausweis"
    directory["card"].save()
    fresh = client.get(url)
    assert fresh["X-Page-Cache"] == "miss"
    assert "Personalausweis" in fresh.content.decode()
    assert fresh["Access-Control-Allow-Origin"] == "*"


def test_anonymous_clients_are_throttled(client, directory, settings):
    settings.API_RATE = "3/minute"
    settings.PAGECACHE_ENABLED = False  # every request reaches the API
    cache.clear()
    codes = [client.get("/api/hsds/taxonomies").status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    refused = client.get("/api/hsds/taxonomies")
    assert refused["Retry-After"]
    assert refused.json()["detail"].startswith("Request was throttled.")
    other = client.get("/api/hsds/taxonomies", REMOTE_ADDR="192.0.2.9")
    assert other.status_code == 200  # counted per client

"""The API's OpenAPI document: the HSDS 3.0 API specification (vendor/hsds/schema/openapi.json,
unchanged there) as this portal implements it - its profile.

What the profile adds, and why (README, "Open data API"):
- `info` and `servers` filled in (the specification leaves placeholders);
- the schemas it refers to by their published URLs, embedded under `components/schemas`, so
  the document stands alone and nothing is fetched to read it;
- a `lang` parameter on every operation, and `Content-Language` on every answer: HSDS has no
  way to carry languages;
- the limits the specification leaves open, as the portal applies them: `page` from 1 to
  MAX_PAGE,
  `per_page` from 1 to MAX_PER_PAGE, `modified_after` a date-time (RFC 3339; the specification
  writes the unknown format "datetime"), `format` only `json`;
- the answers besides 200 the portal gives: 400 for a parameter it cannot use, 404 for an
  unknown id, 429 when a client asks too often.
"""

import copy
import functools
import json
from pathlib import Path
from urllib.parse import urljoin

from django.conf import settings

SCHEMA_DIR = Path(settings.BASE_DIR) / "vendor" / "hsds" / "schema"
PUBLISHED = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/"
MAX_PER_PAGE = 200
MAX_PAGE = 1_000_000
PAGE_PARAMETERS = {
    "page": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE},
    "per_page": {"type": "integer", "minimum": 1, "maximum": MAX_PER_PAGE},
    "modified_after": {"type": "string", "format": "date-time"},
    "format": {"type": "string", "enum": ["json"]},
}
LANG_PARAMETER = {
    "name": "lang",
    "in": "query",
    "required": False,
    "description": (
        "The language of the texts: sr (Serbian, Latin script), rom, sq, de or en. Without it, "
        "the Accept-Language header decides; Serbian when neither names one of these. A text "
        "not yet translated is given in Serbian, and the record's `translation.serbian_fields` "
        "names it."
    ),
    "schema": {"type": "string", "enum": ["sr", "rom", "sq", "de", "en"]},
}
ERROR = {
    "type": "object",
    "required": ["detail"],
    "properties": {
        "detail": {"type": "string", "description": "What went wrong, in words."},
        "parameter": {"type": "string", "description": "The parameter that cannot be used."},
    },
}


def vendored_specification() -> dict:
    return json.loads((SCHEMA_DIR / "openapi.json").read_text(encoding="utf-8"))


def vendored_schema(url: str) -> dict:
    """The vendored copy of the schema published at `url`."""
    return json.loads((SCHEMA_DIR / url.removeprefix(PUBLISHED)).read_text(encoding="utf-8"))


@functools.cache
def openapi_profile() -> dict:
    spec = vendored_specification()
    spec["info"] = {
        "title": "Returnee Portal: Open Referral HSDS API",
        "version": "1.0.0",
        "summary": "Services for returnee families in Serbia, in Serbian, Romani, Albanian, "
        "German and English.",
        "description": "Read-only. HSDS 3.0 with one addition: every record says its language "
        "and the texts shown in Serbian for want of a translation (`translation`), and links "
        "itself in the other languages.",
        "license": {"name": "CC BY-SA 4.0", "identifier": "CC-BY-SA-4.0"},
    }
    spec["servers"] = [{"url": "/api/hsds"}]
    schemas = spec["components"].setdefault("schemas", {})
    schemas["Error"] = ERROR
    spec["paths"] = _localised(spec["paths"], base=PUBLISHED, schemas=schemas)
    for parameter in spec["components"]["parameters"].values():
        if parameter["name"] in PAGE_PARAMETERS:
            parameter["schema"] = PAGE_PARAMETERS[parameter["name"]]
    for item in spec["paths"].values():
        for operation in (item[method] for method in ("get",) if method in item):
            operation.setdefault("parameters", []).append(LANG_PARAMETER)
            _answers(operation, with_id="parameters" in item)
    return spec


def _answers(operation, *, with_id):
    error = {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
    ok = operation["responses"]["200"]
    ok["headers"] = {
        "Content-Language": {
            "description": "The language of the record's texts (BCP 47).",
            "schema": {"type": "string"},
        }
    }
    operation["responses"]["400"] = {"description": "A parameter that cannot be used.", **error}
    operation["responses"]["429"] = {"description": "Too many requests; try later.", **error}
    if with_id:
        operation["responses"]["404"] = {"description": "No such record.", **error}


def _localised(node, *, base, schemas):
    """`node` with every `$ref` to a published schema pointing into `schemas` instead, where the
    vendored schema (its own references likewise) is embedded under a name of its path."""
    if isinstance(node, list):
        return [_localised(item, base=base, schemas=schemas) for item in node]
    if not isinstance(node, dict):
        return node
    result = {}
    for key, value in node.items():
        if key == "$ref" and not value.startswith("#"):
            url = urljoin(base, value)
            name = url.removeprefix(PUBLISHED).removesuffix(".json").replace("/", "_")
            if name not in schemas:
                schemas[name] = {}  # taken before it is filled: schemas may refer to each other
                schema = copy.deepcopy(vendored_schema(url))
                schemas[name] = _localised(schema, base=url, schemas=schemas)
            result[key] = f"#/components/schemas/{name}"
        else:
            result[key] = _localised(value, base=base, schemas=schemas)
    return result

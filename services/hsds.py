"""Open Referral HSDS 3.0 export: a tabular data package (CSV) and services as HSDS JSON.

HSDS has no multilingual text, so every export is in one content language (missing
translations fall back to Serbian, as on the public pages). Identifiers are UUIDv5 of the
object's model and slug, so they are the same on every export, in every language and after the
demo is loaded into a fresh database. Only published services are exported, with the
organizations that provide them; nothing is filled in that the directory does not know (a
service without an address has no address row; no postal codes, no invented contacts).

The column definitions below follow the HSDS 3.0 `datapackage.json`; tests compare them with the
reference schema vendored in `vendor/hsds/` and validate the written package against them.
"""

import contextlib
import csv
import itertools
import json
import shutil
import tempfile
import uuid
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace
from typing import IO

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext
from modeltranslation.utils import build_localized_fieldname

from returnee_portal.languages import localized_text
from returnee_portal.spreadsheet import neutralised

from .models import SpokenLanguage
from .selectors import (
    categories_for_hsds,
    municipalities_for_hsds,
    organizations_for_hsds,
    service_links,
    services_for_hsds,
)

HSDS_VERSION = "3.0.0"
# Never change this: every exported identifier is derived from it.
HSDS_NAMESPACE = uuid.UUID("85564d44-1e34-4b80-a9d5-5fda27b1471f")
TAXONOMY_KEY = "returnee-portal-categories"
COUNTRY = "RS"
JSON_FILE = "services.json"
DESCRIPTOR_FILE = "datapackage.json"
# Services are read, turned into rows and written out this many at a time.
BATCH = 1000
# Characters copied at a time from a temporary file into the ZIP archive.
COPY_CHUNK = 64 * 1024

SERVICE_LABEL = "services.service"
FALLBACK_LANGUAGE = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
# HSDS asks for ISO 639 codes, not BCP 47 tags: our Serbian (Latin) content is "sr".
ISO_639 = {"sr-latn": "sr", "rom": "rom", "sq": "sq", "de": "de", "en": "en"}


# --- Column definitions (HSDS 3.0 tabular data package) ---------------------------------------


def _field(name, type_="string", *, format=None, required=False, unique=False, enum=None):
    definition = {"name": name, "type": type_}
    if format:
        definition["format"] = format
    definition["constraints"] = {"required": required, "unique": unique}
    if enum:
        definition["constraints"]["enum"] = enum
    return definition


def _id():
    return _field("id", format="uuid", required=True, unique=True)


def _uuid(name, *, required=False):
    return _field(name, format="uuid", required=required)


def _texts(*names):
    return [_field(name) for name in names]


_PLACE_TYPES = ["physical", "postal", "virtual"]
_SERVICE_STATUSES = ["active", "inactive", "defunct", "temporarily closed"]


@dataclass(frozen=True)
class HsdsResource:
    name: str
    path: str
    fields: list[dict]
    references: dict[str, str] = field(default_factory=dict)  # column -> resource

    @property
    def field_names(self) -> list[str]:
        return [definition["name"] for definition in self.fields]


HSDS_RESOURCES = [
    HsdsResource(
        "organization",
        "organizations.csv",
        [
            _id(),
            _field("name", required=True),
            _field("alternate_name"),
            _field("description", required=True),
            _field("email", format="email"),
            _field("website", format="uri"),
            *_texts("tax_status", "tax_id"),
            _field("year_incorporated", "number"),
            *_texts("legal_status", "logo"),
            _field("uri", format="uri"),
            _uuid("parent_organization_id"),
        ],
    ),
    HsdsResource(
        "service",
        "services.csv",
        [
            _id(),
            _uuid("organization_id", required=True),
            _uuid("program_id"),
            _field("name", required=True),
            *_texts("alternate_name", "description"),
            _field("url", format="uri"),
            _field("email", format="email"),
            _field("status", required=True, enum=_SERVICE_STATUSES),
            *_texts(
                "interpretation_services",
                "application_process",
                "fees_description",
                "wait_time",
                "fees",
                "accreditations",
                "eligibility_description",
            ),
            _field("minimum_age", "number"),
            _field("maximum_age", "number"),
            _field("assured_date", "date"),
            _field("assurer_email", format="email"),
            *_texts("licenses", "alert"),
            _field("last_modified", "datetime"),
        ],
        # No program resource is written (we have no programmes), so no program_id reference.
        {"organization_id": "organization"},
    ),
    HsdsResource(
        "location",
        "locations.csv",
        [
            _id(),
            _field("location_type", required=True, enum=_PLACE_TYPES),
            _field("url", format="uri"),
            _uuid("organization_id"),
            *_texts("name", "alternate_name", "description", "transportation"),
            _field("latitude", "number"),
            _field("longitude", "number"),
            *_texts("external_identifier", "external_identifier_type"),
        ],
        {"organization_id": "organization"},
    ),
    HsdsResource(
        "service_at_location",
        "service_at_location.csv",
        [
            _id(),
            _uuid("service_id", required=True),
            _uuid("location_id", required=True),
            _field("description"),
        ],
        {"service_id": "service", "location_id": "location"},
    ),
    HsdsResource(
        "address",
        "addresses.csv",
        [
            _id(),
            _uuid("location_id"),
            _field("attention"),
            _field("address_1", required=True),
            _field("address_2"),
            _field("city", required=True),
            _field("region"),
            _field("state_province", required=True),
            _field("postal_code", required=True),  # see UNKNOWN_REQUIRED
            _field("country", required=True),
            _field("address_type", required=True, enum=_PLACE_TYPES),
        ],
        {"location_id": "location"},
    ),
    HsdsResource(
        "contact",
        "contacts.csv",
        [
            _id(),
            _uuid("organization_id"),
            _uuid("service_id"),
            _uuid("service_at_location_id"),
            _uuid("location_id"),
            *_texts("name", "title", "department"),
            _field("email", format="email"),
        ],
        {
            "location_id": "location",
            "organization_id": "organization",
            "service_id": "service",
            "service_at_location_id": "service_at_location",
        },
    ),
    HsdsResource(
        "phone",
        "phones.csv",
        [
            _id(),
            _uuid("location_id"),
            _uuid("service_id"),
            _uuid("organization_id"),
            _uuid("contact_id"),
            _uuid("service_at_location_id"),
            _field("number", required=True),
            _field("extension", "number"),
            *_texts("type", "description"),
        ],
        {
            "contact_id": "contact",
            "location_id": "location",
            "organization_id": "organization",
            "service_id": "service",
            "service_at_location_id": "service_at_location",
        },
    ),
    HsdsResource(
        "language",
        "languages.csv",
        [
            _id(),
            _uuid("service_id"),
            _uuid("location_id"),
            _uuid("phone_id"),
            *_texts("name", "code", "note"),
        ],
        {"location_id": "location", "phone_id": "phone", "service_id": "service"},
    ),
    HsdsResource(
        "taxonomy",
        "taxonomies.csv",
        [
            _id(),
            _field("name", required=True),
            _field("description", required=True),
            _field("uri", format="uri"),
            _field("version"),
        ],
    ),
    HsdsResource(
        "taxonomy_term",
        "taxonomy_terms.csv",
        [
            _id(),
            _field("code", unique=True),
            _field("name", required=True),
            _field("description", required=True),
            _uuid("parent_id"),
            *_texts("taxonomy", "language"),
            _uuid("taxonomy_id"),
            _field("term_uri", format="uri"),
        ],
        {"taxonomy_id": "taxonomy"},
    ),
    HsdsResource(
        "attribute",
        "attributes.csv",
        [
            _id(),
            _uuid("link_id", required=True),
            _uuid("taxonomy_term_id", required=True),
            _field("link_type"),
            _field("link_entity", required=True),
            _field("value"),
        ],
        {"taxonomy_term_id": "taxonomy_term"},
    ),
]
RESOURCES_BY_NAME = {resource.name: resource for resource in HSDS_RESOURCES}

# Columns HSDS requires that the directory does not know and will not invent: the package
# descriptor declares them optional (with a note), and the JSON gives them as "".
UNKNOWN_REQUIRED = {"address": {"postal_code"}}
UNKNOWN_NOTE = "Not recorded by the Returnee Portal; left empty rather than guessed."


# --- Identifiers and languages ----------------------------------------------------------------


def hsds_id(*parts: str) -> str:
    """A UUIDv5 of the parts, e.g. hsds_id("services.service", "cso-tutin", "location")."""
    return str(uuid.uuid5(HSDS_NAMESPACE, ":".join(parts)))


def _service_id(service, *roles: str) -> str:
    """The id of a service read as a row (services_for_hsds), as `_object_id` gives it."""
    return hsds_id(SERVICE_LABEL, service.slug, *roles)


def _object_id(obj, *roles: str) -> str:
    # Slugs (codes for spoken languages) are stable across databases; primary keys are not.
    natural_key = getattr(obj, "slug", None) or obj.code
    return hsds_id(obj._meta.label_lower, natural_key, *roles)


def hsds_languages() -> tuple[str, ...]:
    """The content languages an export can be written in."""
    return tuple(settings.MODELTRANSLATION_LANGUAGES)


# --- Tables -----------------------------------------------------------------------------------


def hsds_batches(*, language: str) -> Iterator[dict[str, list[dict]]]:
    """The export's tables in `language`, piece by piece, so that an export of any size is
    written without holding it: first the taxonomy, its terms and the organizations, then the
    services, BATCH at a time, each piece with its services' locations, addresses, phones,
    languages and attributes. A piece is {resource name: rows}.

    Values are Python values (str, Decimal, date, datetime or None); columns a row leaves out
    are empty. The language is active only while a piece is made, not between pieces.
    """
    if language not in hsds_languages():
        raise ValueError(f"Unknown content language {language!r}.")
    with translation.override(language):
        head, known = _head_tables(language=language)
    yield head
    services = services_for_hsds().iterator(chunk_size=BATCH)
    while True:
        with translation.override(language):
            batch = [SimpleNamespace(**row) for row in itertools.islice(services, BATCH)]
            if not batch:
                return
            piece = _services_tables(batch, known)
        yield piece


def _services_tables(services: list, known: "_Known") -> dict[str, list[dict]]:
    """The tables of these services (rows of services_for_hsds), with their links."""
    tables = _empty_tables()
    categories, languages = service_links(service_ids=[service.id for service in services])
    for service in services:
        _service_rows(
            tables,
            service,
            known,
            categories=categories.get(service.id, ()),
            languages=languages.get(service.id, ()),
        )
    return tables


def hsds_tables(*, language: str) -> dict[str, list[dict]]:
    """Every HSDS table of the export in `language`, whole: {resource name: rows}."""
    tables = _empty_tables()
    for piece in hsds_batches(language=language):
        for name, rows in piece.items():
            tables[name].extend(rows)
    return tables


def _empty_tables() -> dict[str, list[dict]]:
    return {resource.name: [] for resource in HSDS_RESOURCES}


@dataclass(frozen=True)
class _Known:
    """What every service's rows refer to, read once: {primary key: object}, and the HSDS
    ids of the categories' taxonomy terms and of the organizations."""

    organizations: dict
    municipalities: dict
    categories: dict
    languages: dict
    term_ids: dict
    organization_ids: dict
    language: str

    def text(self, obj, field: str) -> str:
        """`obj.field` in the export's language, else in Serbian: what modeltranslation's
        descriptor gives, read from the columns (the descriptor's language lookup on every
        read took a third of the export)."""
        value = getattr(obj, build_localized_fieldname(field, self.language))
        return value or getattr(obj, build_localized_fieldname(field, FALLBACK_LANGUAGE))


def _head_tables(*, language: str, organizations=None) -> tuple[dict[str, list[dict]], _Known]:
    """The taxonomy, its terms and `organizations` (default: every one with a published
    service), with what the services' rows refer to."""
    tables = _empty_tables()
    taxonomy_id = hsds_id("taxonomy", TAXONOMY_KEY)
    tables["taxonomy"].append(
        {
            "id": taxonomy_id,
            "name": gettext("Returnee Portal categories"),
            "description": gettext(
                "The needs returnee families look for help with, as the Returnee Portal "
                "groups its services."
            ),
        }
    )
    categories = {category.pk: category for category in categories_for_hsds()}
    term_ids = {}
    for category in categories.values():
        name = localized_text(obj=category, field="name")
        term_ids[category.pk] = _object_id(category)
        tables["taxonomy_term"].append(
            {
                "id": term_ids[category.pk],
                "code": category.slug,
                "name": name.text,
                # Categories have no description of their own; the name is what we know.
                "description": name.text,
                "language": ISO_639["sr-latn" if name.is_fallback else language],
                "taxonomy_id": taxonomy_id,
            }
        )
    if organizations is None:
        organizations = organizations_for_hsds()
    organizations = {organization.pk: organization for organization in organizations}
    for organization in organizations.values():
        _organization_rows(tables, organization)
    known = _Known(
        organizations=organizations,
        municipalities={m.pk: m for m in municipalities_for_hsds()},
        categories=categories,
        languages={spoken.pk: spoken for spoken in SpokenLanguage.objects.all()},
        term_ids=term_ids,
        organization_ids={pk: _object_id(o) for pk, o in organizations.items()},
        language=language,
    )
    return tables, known


def _organization_rows(tables, organization) -> None:
    organization_id = _object_id(organization)
    tables["organization"].append(
        {
            "id": organization_id,
            "name": organization.name,
            # HSDS requires a description; the organisation's kind is a true one.
            "description": organization.description or str(organization.get_kind_display()),
            "email": organization.email,
            "website": organization.website,
        }
    )
    if organization.phone:
        tables["phone"].append(
            {
                "id": _object_id(organization, "phone"),
                "organization_id": organization_id,
                "number": organization.phone,
            }
        )


def _service_rows(tables, service, known: _Known, *, categories, languages) -> None:
    """The rows of one service (a row of services_for_hsds); `categories` and `languages`:
    the ids of its links."""
    service_id = _service_id(service)
    organization = known.organizations[service.organization_id]
    municipality = known.municipalities[service.municipality_id]
    organization_id = known.organization_ids[service.organization_id]
    tables["service"].append(
        {
            "id": service_id,
            "organization_id": organization_id,
            "name": known.text(service, "name"),
            "description": known.text(service, "description"),
            "url": service.website,
            "email": service.email,
            "status": "active",
            "application_process": known.text(service, "how_to_apply"),
            "fees_description": known.text(service, "cost"),
            "eligibility_description": known.text(service, "eligibility"),
            "assured_date": service.last_verified,
            "last_modified": service.updated_at,
        }
    )
    has_coordinates = service.latitude is not None and service.longitude is not None
    if service.address or has_coordinates:
        location_id = _service_id(service, "location")
        tables["location"].append(
            {
                "id": location_id,
                "location_type": "physical",
                "organization_id": organization_id,
                "name": organization.name,
                "latitude": service.latitude if has_coordinates else None,
                "longitude": service.longitude if has_coordinates else None,
            }
        )
        tables["service_at_location"].append(
            {
                "id": _service_id(service, "service_at_location"),
                "service_id": service_id,
                "location_id": location_id,
            }
        )
        if service.address:
            tables["address"].append(
                {
                    "id": _service_id(service, "address"),
                    "location_id": location_id,
                    "address_1": service.address,
                    "city": municipality.name,
                    "state_province": municipality.district.name,
                    "country": COUNTRY,
                    "address_type": "physical",
                }
            )
    if service.phone:
        tables["phone"].append(
            {"id": _service_id(service, "phone"), "service_id": service_id, "number": service.phone}
        )
    chosen = set(languages)
    for spoken in (spoken for pk, spoken in known.languages.items() if pk in chosen):
        tables["language"].append(
            {
                "id": _service_id(service, "language", spoken.code),
                "service_id": service_id,
                "name": spoken.name,
                "code": spoken.code,
            }
        )
    chosen = set(categories)
    for category in (category for pk, category in known.categories.items() if pk in chosen):
        tables["attribute"].append(
            {
                "id": _service_id(service, "attribute", category.slug),
                "link_id": service_id,
                "taxonomy_term_id": known.term_ids[category.pk],
                "link_entity": "service",
            }
        )


# --- JSON -------------------------------------------------------------------------------------


def hsds_services_json(*, language: str) -> list[dict]:
    """The published services as HSDS JSON service objects, with their organization,
    locations, phones, languages and categories (as attributes with taxonomy terms) nested."""
    pieces = hsds_batches(language=language)
    context = _json_context(next(pieces))
    return [service for piece in pieces for service in _services_nested(piece, context)]


def _json_value(value):
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, date | datetime):
        return value.isoformat()
    return value


def _json_object(resource_name: str, row: dict) -> dict:
    """The row without its empty optional values (HSDS JSON has no nulls)."""
    resource = RESOURCES_BY_NAME[resource_name]
    obj = {}
    for definition in resource.fields:
        name = definition["name"]
        value = row.get(name)
        if value is None or value == "":
            if not definition["constraints"]["required"]:
                continue
            value = ""
        obj[name] = _json_value(value)
    return obj


def _grouped(rows: list[dict], key: str) -> dict[str, list[dict]]:
    groups: dict[str, list[dict]] = {}
    for row in rows:
        if row.get(key):
            groups.setdefault(row[key], []).append(row)
    return groups


def _json_context(head: dict[str, list[dict]]) -> tuple[dict, dict]:
    """(taxonomy terms, organizations) as JSON objects, from the first piece of the export."""
    phones_of_organization = _grouped(head["phone"], "organization_id")
    taxonomy = {row["id"]: _json_object("taxonomy", row) for row in head["taxonomy"]}
    terms = {}
    for row in head["taxonomy_term"]:
        terms[row["id"]] = _json_object("taxonomy_term", row)
        terms[row["id"]]["taxonomy_detail"] = taxonomy[row["taxonomy_id"]]
    organizations = {}
    for row in head["organization"]:
        organizations[row["id"]] = _json_object("organization", row)
        organizations[row["id"]]["phones"] = [
            _json_object("phone", phone) for phone in phones_of_organization.get(row["id"], [])
        ]
    return terms, organizations


def _services_nested(tables: dict[str, list[dict]], context: tuple[dict, dict]) -> list[dict]:
    """The services of one piece of the export as nested JSON objects."""
    terms, organizations = context
    phones_of_service = _grouped(tables["phone"], "service_id")
    languages_of_service = _grouped(tables["language"], "service_id")
    attributes_of_service = _grouped(tables["attribute"], "link_id")
    places_of_service = _grouped(tables["service_at_location"], "service_id")
    addresses_of_location = _grouped(tables["address"], "location_id")
    locations = {row["id"]: row for row in tables["location"]}
    services = []
    for row in tables["service"]:
        service = _json_object("service", row)
        service["organization"] = organizations[row["organization_id"]]
        service["service_at_locations"] = []
        for place in places_of_service.get(row["id"], []):
            location = _json_object("location", locations[place["location_id"]])
            location["addresses"] = [
                _json_object("address", address)
                for address in addresses_of_location.get(place["location_id"], [])
            ]
            service["service_at_locations"].append(
                {**_json_object("service_at_location", place), "location": location}
            )
        service["phones"] = [
            _json_object("phone", phone) for phone in phones_of_service.get(row["id"], [])
        ]
        service["languages"] = [
            _json_object("language", spoken) for spoken in languages_of_service.get(row["id"], [])
        ]
        service["attributes"] = [
            {
                **_json_object("attribute", attribute),
                "taxonomy_term": terms[attribute["taxonomy_term_id"]],
            }
            for attribute in attributes_of_service.get(row["id"], [])
        ]
        service["contacts"] = []
        services.append(service)
    return services


# --- Records for the API (api/) -------------------------------------------------------------

# HSDS has no way to say which language a text is in; each record the API gives carries this
# object: {"language": ISO 639 code, "serbian_fields": [fields shown in Serbian for want of a
# translation]} (the API adds links to the record in the other languages).
TRANSLATION_KEY = "translation"
# HSDS field: the model's translated field it is read from.
SERVICE_TEXTS = {
    "name": "name",
    "description": "description",
    "application_process": "how_to_apply",
    "fees_description": "cost",
    "eligibility_description": "eligibility",
}
ORGANIZATION_TEXTS = {"name": "name", "description": "description"}
TERM_TEXTS = {"name": "name", "description": "name"}


def _translation(obj, texts: dict[str, str], language: str) -> dict:
    """Which of `obj`'s texts fall back to Serbian in `language` (obj: a model or a row)."""
    serbian = []
    if language != FALLBACK_LANGUAGE:
        for hsds_field, field in texts.items():
            own = getattr(obj, build_localized_fieldname(field, language))
            if not own and getattr(obj, build_localized_fieldname(field, FALLBACK_LANGUAGE)):
                serbian.append(hsds_field)
    return {"language": ISO_639[language], "serbian_fields": serbian}


def hsds_service_records(*, service_pks: list[int], language: str) -> list[dict]:
    """The published services of `service_pks` as full HSDS service objects (as in the JSON
    export), ordered by slug, each with its TRANSLATION_KEY object."""
    rows = [SimpleNamespace(**row) for row in services_for_hsds().filter(pk__in=service_pks)]
    with translation.override(language):
        organizations = organizations_for_hsds().filter(
            pk__in={row.organization_id for row in rows}
        )
        head, known = _head_tables(language=language, organizations=organizations)
        records = _services_nested(_services_tables(rows, known), _json_context(head))
    for record, row in zip(records, rows, strict=True):
        record[TRANSLATION_KEY] = _translation(row, SERVICE_TEXTS, language)
    return records


def hsds_organization_records(*, organization_pks: list[int], language: str) -> list[dict]:
    """These organizations (of published services) as HSDS organization objects, by slug."""
    with translation.override(language):
        organizations = list(organizations_for_hsds().filter(pk__in=organization_pks))
        head, _known = _head_tables(language=language, organizations=organizations)
        _terms, records = _json_context(head)
    result = list(records.values())
    for record, organization in zip(result, organizations, strict=True):
        record[TRANSLATION_KEY] = _translation(organization, ORGANIZATION_TEXTS, language)
    return result


def hsds_taxonomy_records(*, language: str) -> tuple[dict, list[dict]]:
    """(the taxonomy, its terms in category order) as HSDS objects in `language`."""
    with translation.override(language):
        head, known = _head_tables(language=language, organizations=[])
        terms, _organizations = _json_context(head)
    taxonomy = _json_object("taxonomy", head["taxonomy"][0])
    result = list(terms.values())
    for term, category in zip(result, known.categories.values(), strict=True):
        term[TRANSLATION_KEY] = _translation(category, TERM_TEXTS, language)
    return taxonomy, result


def hsds_taxonomy_id() -> str:
    return hsds_id("taxonomy", TAXONOMY_KEY)


def hsds_identifiers(kind: str) -> dict[str, int]:
    """{HSDS id: primary key} of the published services ("service"), their places
    ("service_at_location"), their organizations ("organization") or the categories
    ("taxonomy_term"): the same ids as the export's, which are not stored but derived."""
    if kind in ("service", "service_at_location"):
        roles = () if kind == "service" else ("service_at_location",)
        rows = services_for_hsds().values_list("pk", "slug")
        return {hsds_id(SERVICE_LABEL, slug, *roles): pk for pk, slug in rows}
    objects = organizations_for_hsds() if kind == "organization" else categories_for_hsds()
    return {_object_id(obj): obj.pk for obj in objects}


# --- Files ------------------------------------------------------------------------------------


def hsds_datapackage_descriptor(*, language: str) -> dict:
    """The `datapackage.json` describing exactly the CSV files an export writes."""
    return {
        "profile": "tabular-data-package",
        "name": f"returnee-portal-hsds-{language}",
        "title": f"Returnee Portal: services in Open Referral HSDS {HSDS_VERSION} ({language})",
        "description": (
            "Published services of the Returnee Portal directory in the Open Referral Human "
            f"Services Data Specification {HSDS_VERSION}. HSDS has no multilingual text: this "
            f"package is in one language ({language}); untranslated texts are in Serbian."
        ),
        "language": ISO_639[language],
        "resources": [
            {
                "name": resource.name,
                "path": resource.path,
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": {
                    "fields": _package_fields(resource),
                    "primaryKey": "id",
                    "foreignKeys": [
                        {"fields": column, "reference": {"resource": target, "fields": "id"}}
                        for column, target in resource.references.items()
                    ],
                },
            }
            for resource in HSDS_RESOURCES
        ],
    }


def _package_fields(resource: HsdsResource) -> list[dict]:
    unknown = UNKNOWN_REQUIRED.get(resource.name, set())
    return [
        {
            **definition,
            "description": UNKNOWN_NOTE,
            "constraints": {**definition["constraints"], "required": False},
        }
        if definition["name"] in unknown
        else definition
        for definition in resource.fields
    ]


def _csv_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, date | datetime):
        return value.isoformat()
    return neutralised(str(value))


@contextlib.contextmanager
def _package_files(*, language: str, with_json: bool) -> Iterator[dict[str, IO[str]]]:
    """The export's files, written piece by piece into temporary files on disk (never held
    in memory): yields {file name: text file at its start}; the files go when it ends."""
    with contextlib.ExitStack() as stack:

        def temporary():
            return stack.enter_context(tempfile.TemporaryFile("w+", encoding="utf-8", newline=""))

        files = {resource.path: temporary() for resource in HSDS_RESOURCES}
        writers = {}
        for resource in HSDS_RESOURCES:
            writers[resource.name] = csv.writer(files[resource.path], lineterminator="\n")
            writers[resource.name].writerow(resource.field_names)
        services = temporary() if with_json else None
        context = None
        written = 0
        for piece in hsds_batches(language=language):
            for resource in HSDS_RESOURCES:
                writers[resource.name].writerows(
                    [_csv_cell(row.get(name)) for name in resource.field_names]
                    for row in piece[resource.name]
                )
            if services is None:
                continue
            if context is None:
                context = _json_context(piece)
                continue
            for service in _services_nested(piece, context):
                # One service per line: Python's fast JSON encoder cannot indent (indenting
                # tripled the time of the whole export).
                services.write("[\n" if written == 0 else ",\n")
                services.write(json.dumps(service, ensure_ascii=False))
                written += 1
        if services is not None:
            services.write("[]\n" if written == 0 else "\n]\n")
            files[JSON_FILE] = services
        files[DESCRIPTOR_FILE] = temporary()
        files[DESCRIPTOR_FILE].write(_json_text(hsds_datapackage_descriptor(language=language)))
        files[DESCRIPTOR_FILE].write("\n")
        for file in files.values():
            file.seek(0)
        yield files


def _json_text(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)


def hsds_package_write(*, outdir: Path, language: str, with_json: bool = False) -> list[Path]:
    """Write the export into `outdir` (created if missing); returns the files written."""
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    written = []
    with _package_files(language=language, with_json=with_json) as files:
        for name, file in files.items():
            path = outdir / name
            with path.open("w", encoding="utf-8", newline="") as output:
                shutil.copyfileobj(file, output)
            written.append(path)
    return written


def hsds_package_zip_write(*, file: IO[bytes], language: str) -> None:
    """Write the export in `language` (CSV package and services.json) as a ZIP archive into
    the binary `file` (for a download, a temporary file)."""
    with (
        _package_files(language=language, with_json=True) as files,
        # Level 1: a third of the time of the default level, for a file about 15% larger.
        zipfile.ZipFile(file, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as archive,
    ):
        for name, text in files.items():
            with archive.open(name, "w") as member:
                for chunk in iter(lambda text=text: text.read(COPY_CHUNK), ""):
                    member.write(chunk.encode("utf-8"))

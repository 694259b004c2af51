"""The Open Referral HSDS 3.0 API, read-only (api/spec.py: what this profile of it adds).

Thin views: the records are made by services/hsds.py (the same as the HSDS export's, with the
same ids), the lists by api/selectors.py. Every answer is in one content language
(api/language.py) and says so (Content-Language); each record links itself in the others.
"""

import math

from django.conf import settings
from django.http import JsonResponse
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle
from rest_framework.views import APIView

from returnee_portal.client import client_address
from returnee_portal.links import absolute_url
from services.hsds import (
    HSDS_VERSION,
    ISO_639,
    TRANSLATION_KEY,
    hsds_organization_records,
    hsds_service_records,
    hsds_taxonomy_records,
)

from . import params, selectors
from .language import CONTENT_LANGUAGE, requested_language
from .spec import MAX_PAGE, MAX_PER_PAGE, openapi_profile

PER_PAGE = 50
# What `minimal=true` keeps of a service: enough to tell what changed.
MINIMAL_FIELDS = ("id", "name", "status", "last_modified", TRANSLATION_KEY)


class ClientThrottle(AnonRateThrottle):
    """settings.API_RATE requests per client address, as the rest of the site counts them."""

    def get_rate(self):
        return settings.API_RATE

    def get_ident(self, request):
        return client_address(request)


class HsdsView(APIView):
    authentication_classes = []  # anonymous, read-only: no session, no CSRF
    throttle_classes = [ClientThrottle]
    path = ""  # this kind of record's path under /api/hsds/ (api/urls.py), for its links

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        self.language = requested_language(request)
        translation.activate(self.language)  # its errors too are in the answer's language

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if language := getattr(self, "language", None):
            response["Content-Language"] = CONTENT_LANGUAGE[language]
        patch_vary_headers(response, ["Accept-Language"])
        response["Access-Control-Allow-Origin"] = "*"  # open data, for other sites' pages too
        return response

    def linked(self, record: dict) -> dict:
        """`record` with links to itself in the other languages (its `translation`)."""
        url = absolute_url(reverse(f"api:{self.path}_one", kwargs={"hsds_id": record["id"]}))
        record[TRANSLATION_KEY]["other_languages"] = {
            iso: f"{url}?lang={iso}" for code, iso in ISO_639.items() if code != self.language
        }
        return record

    def page(self, request, queryset, records):
        """The HSDS page of `queryset` asked for, its records made by `records(pks)`."""
        number, size = _asked_page(request)
        total = queryset.count()
        start = (number - 1) * size
        pks = list(queryset.values_list("pk", flat=True)[start : start + size])
        contents = [self.linked(record) for record in records(pks)] if pks else []
        return _page(contents, total=total, number=number, size=size)

    def one(self, kind: str, hsds_id: str) -> int:
        pk = selectors.pk_of(kind, hsds_id)
        if pk is None:
            raise _unknown()
        return pk

    def services_asked(self, request, *, with_location: bool = False):
        """The published services the request's HSDS filters ask for."""
        return selectors.services_matching(
            language=self.language,
            search=params.text(request, "search"),
            taxonomy_term_id=request.query_params.get("taxonomy_term_id"),
            taxonomy_id=request.query_params.get("taxonomy_id"),
            organization_id=request.query_params.get("organization_id"),
            modified_after=params.moment(request, "modified_after"),
            with_location=with_location,
        )


def _unknown() -> NotFound:
    return NotFound(_("There is no published record with this id."))


def _listed(request, records: list[dict]) -> dict:
    """The HSDS page asked for of a short list held whole (the taxonomy, its terms), after
    `search` in the records' names."""
    search = params.text(request, "search").casefold()
    found = [record for record in records if search in record["name"].casefold()]
    number, size = _asked_page(request)
    shown = found[(number - 1) * size : number * size]
    return _page(shown, total=len(found), number=number, size=size)


def _asked_page(request) -> tuple[int, int]:
    """(page number, records per page) the request asks for."""
    number = params.integer(request, "page", default=1, maximum=MAX_PAGE)
    return number, params.integer(request, "per_page", default=PER_PAGE, maximum=MAX_PER_PAGE)


def _page(contents, *, total, number, size):
    pages = math.ceil(total / size)
    return {
        "total_items": total,
        "total_pages": pages,
        "page_number": number,
        "size": len(contents),
        "first_page": number == 1,
        "last_page": number >= pages,
        "empty": not contents,
        "contents": contents,
    }


class Root(HsdsView):
    def get(self, request):
        openapi = absolute_url(reverse("api:openapi"))
        return Response({"version": HSDS_VERSION, "profile": openapi, "openapi_url": openapi})


def openapi_document(request):
    response = JsonResponse(openapi_profile(), json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"
    return response


class Services(HsdsView):
    path = "services"

    def get(self, request):
        params.only_json(request)
        services = self.services_asked(request)
        minimal = params.boolean(request, "minimal")
        params.boolean(request, "full")  # records are always whole

        def records(pks):
            found = hsds_service_records(service_pks=pks, language=self.language)
            if minimal:
                return [
                    {key: record[key] for key in MINIMAL_FIELDS if key in record}
                    for record in found
                ]
            return found

        return Response(self.page(request, services, records))


class Service(HsdsView):
    path = "services"

    def get(self, request, hsds_id):
        pk = self.one("service", hsds_id)
        (record,) = hsds_service_records(service_pks=[pk], language=self.language)
        return Response(self.linked(record))


class Organizations(HsdsView):
    path = "organizations"

    def get(self, request):
        params.only_json(request)
        params.boolean(request, "full")
        with_services = params.boolean(request, "full_service")
        organizations = selectors.organizations_matching(
            language=self.language, search=params.text(request, "search")
        )
        return Response(
            self.page(request, organizations, lambda pks: self.records(pks, with_services))
        )

    def records(self, pks, with_services):
        records = hsds_organization_records(organization_pks=pks, language=self.language)
        if with_services:
            for record in records:
                record["services"] = self.services_of(record["id"])
        return records

    def services_of(self, organization_id):
        services = selectors.services_matching(
            language=self.language, organization_id=organization_id
        )
        pks = list(services.values_list("pk", flat=True))
        return hsds_service_records(service_pks=pks, language=self.language)


class Organization(Organizations):
    def get(self, request, hsds_id):
        pk = self.one("organization", hsds_id)
        (record,) = self.records([pk], params.boolean(request, "full_service"))
        return Response(self.linked(record))


class Taxonomies(HsdsView):
    path = "taxonomies"

    def taxonomy(self):
        taxonomy, _terms = hsds_taxonomy_records(language=self.language)
        taxonomy[TRANSLATION_KEY] = {"language": ISO_639[self.language], "serbian_fields": []}
        return self.linked(taxonomy)

    def get(self, request):
        params.only_json(request)
        return Response(_listed(request, [self.taxonomy()]))


class Taxonomy(Taxonomies):
    def get(self, request, hsds_id):
        taxonomy = self.taxonomy()
        if taxonomy["id"] != hsds_id:
            raise _unknown()
        return Response(taxonomy)


class TaxonomyTerms(HsdsView):
    path = "taxonomy_terms"

    def terms(self):
        _taxonomy, terms = hsds_taxonomy_records(language=self.language)
        return [self.linked(term) for term in terms]

    def get(self, request):
        params.only_json(request)
        terms = self.terms()
        if (taxonomy_id := request.query_params.get("taxonomy_id")) is not None:
            terms = [term for term in terms if term["taxonomy_id"] == taxonomy_id]
        if request.query_params.get("parent_id") is not None:
            terms = []  # the categories are one level: no term has a parent
        params.boolean(request, "top_only")  # every term is a top one without children
        return Response(_listed(request, terms))


class TaxonomyTerm(TaxonomyTerms):
    def get(self, request, hsds_id):
        term = next((term for term in self.terms() if term["id"] == hsds_id), None)
        if term is None:
            raise _unknown()
        return Response(term)


class ServiceAtLocations(HsdsView):
    """A service's place (its address or coordinates); a service has one at most."""

    path = "service_at_locations"

    def get(self, request):
        params.only_json(request)
        params.boolean(request, "full")
        services = self.services_asked(request, with_location=True)
        if request.query_params.get("postcode") is not None:
            services = services.none()  # no place in the directory has a postcode
        return Response(self.page(request, services, self.records))

    def records(self, pks):
        found = []
        for service in hsds_service_records(service_pks=pks, language=self.language):
            places = service.pop("service_at_locations")
            found += [
                {**place, "service": service, TRANSLATION_KEY: dict(service[TRANSLATION_KEY])}
                for place in places
            ]
        return found


class ServiceAtLocation(HsdsView):
    """As the specification has it, the whole service at the place (its schema is a service's),
    the place within it."""

    path = "services"

    def get(self, request, hsds_id):
        pk = self.one("service_at_location", hsds_id)
        (record,) = hsds_service_records(service_pks=[pk], language=self.language)
        return Response(self.linked(record))

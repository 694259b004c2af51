"""The API's query parameters read as the profile defines them (api/spec.py); one that cannot
be used is refused with 400 and a sentence naming it, in the language of the answer."""

import datetime

from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _
from rest_framework import status
from rest_framework.exceptions import APIException


class BadParameter(APIException):
    status_code = status.HTTP_400_BAD_REQUEST

    def __init__(self, parameter: str, message: str):
        super().__init__({"detail": message, "parameter": parameter})


def integer(request, name: str, *, default: int, maximum: int) -> int:
    value = request.query_params.get(name)
    if value is None:
        return default
    try:
        number = int(value)
    except ValueError:
        number = 0
    if not 1 <= number <= maximum:
        raise BadParameter(
            name,
            _("%(name)s: a whole number from 1 to %(maximum)s, please.")
            % {"name": name, "maximum": maximum},
        )
    return number


def boolean(request, name: str) -> bool:
    value = request.query_params.get(name, "false").lower()
    if value not in ("true", "false"):
        raise BadParameter(name, _("%(name)s: true or false, please.") % {"name": name})
    return value == "true"


def moment(request, name: str) -> datetime.datetime | None:
    """A date-time (RFC 3339) or a date (its midnight, in the site's time zone)."""
    value = request.query_params.get(name)
    if value is None:
        return None
    try:
        found = parse_datetime(value)
        day = None if found else parse_date(value)
    except ValueError:
        found = day = None
    if day is not None:
        found = datetime.datetime.combine(day, datetime.time.min)
    if found is None:
        raise BadParameter(
            name,
            _("%(name)s: a date and time, e.g. 2026-01-31T12:00:00Z, please.") % {"name": name},
        )
    return timezone.make_aware(found) if timezone.is_naive(found) else found


def only_json(request) -> None:
    if request.query_params.get("format", "json") != "json":
        raise BadParameter("format", _("format: only json is offered."))


def text(request, name: str) -> str:
    # PostgreSQL cannot hold NUL in a string: a search with one could match nothing anyway.
    return request.query_params.get(name, "").replace("\x00", "")[:200]

"""Log lines an operator can follow: one JSON object per line on stderr, each with the id of
the request it belongs to, which the response carries too (`X-Request-ID`), so a visitor's
report ("it failed at 10:14, the page said 3f2a...") leads to the line.

No personal data: records carry the path, never the query, the client's address or what a
form sent (Django's own request records keep those in `record.request`, which is not
written). Configured in settings.LOGGING.
"""

import json
import logging
import traceback
import uuid
from contextvars import ContextVar

REQUEST_ID_HEADER = "X-Request-ID"

_request_id: ContextVar[str] = ContextVar("request_id", default="")


class RequestIdMiddleware:
    """Outermost: every response, error pages included, names its request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.request_id = request_id = uuid.uuid4().hex
        token = _request_id.set(request_id)
        try:
            response = self.get_response(request)
        finally:
            _request_id.reset(token)
        response[REQUEST_ID_HEADER] = request_id
        return response


class JsonLineFormatter(logging.Formatter):
    def format(self, record):
        line = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname,
            "logger": record.name,
            "request_id": _request_id_of(record),
            "message": record.getMessage(),
        }
        if status := getattr(record, "status_code", None):
            line["status"] = status
        if record.exc_info:
            line["exception"] = "".join(traceback.format_exception(*record.exc_info))
        return json.dumps(line, ensure_ascii=False)


def _request_id_of(record) -> str:
    # Django logs a 4xx or 5xx response after the middleware has returned, with the request
    # attached to the record; anything else logged during a request finds it in the context.
    request = getattr(record, "request", None)
    return getattr(request, "request_id", None) or _request_id.get()

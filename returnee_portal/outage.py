"""When the database or the cache cannot be reached: answer 503 with Retry-After (the visitor
and any crawler come back later) instead of a 500, and tell readiness probes."""

import uuid

import redis.exceptions
from django.core.cache import cache
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import HttpResponse

RETRY_AFTER_SECONDS = 60

# What an unreachable database (or a locked SQLite file) or cache raises.
OUTAGE_ERRORS = (
    OperationalError,
    InterfaceError,
    redis.exceptions.ConnectionError,
    redis.exceptions.TimeoutError,
)


def is_outage(error) -> bool:
    return isinstance(error, OUTAGE_ERRORS)


def unavailable(content, **kwargs) -> HttpResponse:
    response = HttpResponse(content, status=503, **kwargs)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def dependency_checks() -> dict[str, bool]:
    return {"database": _database_answers(), "cache": _cache_answers()}


def _database_answers() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return True
    except DatabaseError:
        connection.close_if_unusable_or_obsolete()
        return False


def _cache_answers() -> bool:
    probe = f"readyz-{uuid.uuid4().hex}"
    try:
        cache.set(probe, 1, timeout=10)
        answered = cache.get(probe) == 1
        cache.delete(probe)
        return answered
    except (DatabaseError, redis.exceptions.RedisError):
        return False

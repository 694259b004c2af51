"""Who is asking: the client's address, for rate limits and login throttling."""

from django.conf import settings


def client_address(request) -> str:
    """The visitor's address.

    Behind our proxy (`BEHIND_PROXY`, on by default in production) it is the address the proxy
    appended to X-Forwarded-For; only that last entry is trusted, the ones before it are
    whatever the client sent. Without a proxy the header is ignored, since anyone could set it.
    """
    if settings.BEHIND_PROXY:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if address := forwarded.rsplit(",", 1)[-1].strip():
            return address
    return request.META.get("REMOTE_ADDR", "")

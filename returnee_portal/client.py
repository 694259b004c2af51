"""Who is asking: the client's address, for rate limits and login throttling."""

import ipaddress

from django.conf import settings


def trusted_proxy_networks() -> list:
    """`TRUSTED_PROXIES` as networks (an address is a network of one); checked at startup."""
    return [ipaddress.ip_network(entry, strict=False) for entry in settings.TRUSTED_PROXIES]


def client_address(request) -> str:
    """The visitor's address.

    X-Forwarded-For is believed only when the request comes from a configured proxy
    (`TRUSTED_PROXIES`, none by default): then, read from the right, the first address that
    is not one of our proxies is the client's. The entries further left are whatever the
    client sent. Anyone who reaches the server directly is known by the connection's address,
    whatever headers they send.
    """
    address = request.META.get("REMOTE_ADDR", "")
    networks = trusted_proxy_networks()
    if not networks or not _is_trusted(address, networks):
        return address
    for hop in reversed(request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")):
        if not (hop := hop.strip()):
            break  # no (further) entry: the last proxy is all we know
        address = hop
        if not _is_trusted(address, networks):
            break
    return address


def _is_trusted(address: str, networks: list) -> bool:
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(parsed in network for network in networks)

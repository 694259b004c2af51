"""Whose address a request is counted under (rate limits, login lockouts): X-Forwarded-For is
believed only from the proxies in TRUSTED_PROXIES."""

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import RequestFactory, override_settings

from returnee_portal.client import client_address


def request_from(remote, forwarded=None):
    headers = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **headers)


def test_by_default_the_header_is_ignored_so_a_direct_client_cannot_choose_its_address():
    assert client_address(request_from("203.0.113.9", "198.51.100.1")) == "203.0.113.9"


@override_settings(TRUSTED_PROXIES=["10.0.0.5"])
def test_from_a_trusted_proxy_the_address_it_appended_counts_not_what_the_client_sent():
    forged = request_from("10.0.0.5", "1.1.1.1, 203.0.113.9")
    assert client_address(forged) == "203.0.113.9"


@override_settings(TRUSTED_PROXIES=["10.0.0.5"])
def test_a_client_beside_the_proxy_is_still_known_by_its_own_address():
    assert client_address(request_from("10.0.0.6", "203.0.113.9")) == "10.0.0.6"


@override_settings(TRUSTED_PROXIES=["10.0.0.0/8", "2001:db8::/32"])
def test_a_chain_of_trusted_proxies_is_walked_from_the_right():
    chained = request_from("10.0.0.5", "198.51.100.7, 203.0.113.9, 10.1.2.3, 2001:db8::1")
    assert client_address(chained) == "203.0.113.9"
    # Only proxies in the header: the last one is all that is known.
    assert client_address(request_from("10.0.0.5", "10.1.2.3")) == "10.1.2.3"
    assert client_address(request_from("10.0.0.5", "")) == "10.0.0.5"


@override_settings(TRUSTED_PROXIES=["10.0.0.5", "proxy.internal"])
def test_a_proxy_that_is_no_address_stops_the_checks():
    with pytest.raises(SystemCheckError, match="proxy.internal"):
        call_command("check")

"""The URL guard's decisions, tested as a pure function (no connection is ever opened here)."""

from __future__ import annotations

import ipaddress
from collections.abc import Sequence

import pytest
from hypothesis import given
from hypothesis import strategies as st

from termlens.adapters.urlguard import GuardError, check_url, parse_ip_literal

PUBLIC = "93.184.215.14"  # a public unicast address; never contacted: resolution is faked below

FAKE_DNS = {
    "terms.example": [PUBLIC],
    "rebind.example": ["127.0.0.1"],
    "mixed.example": [PUBLIC, "10.1.2.3"],
    "v6private.example": ["fd12::1"],
    "metadata.example": ["169.254.169.254"],
    "xn--bcher-kva.example": [PUBLIC],
}


def fake_resolver(host: str, port: int) -> Sequence[str]:
    """Offline resolver: tests must not send DNS queries either."""
    try:
        return FAKE_DNS[host]
    except KeyError:
        raise OSError(f"unknown test host {host}") from None


def refuse(url: str, allow_loopback: bool = False) -> str:
    with pytest.raises(GuardError) as caught:
        check_url(url, allow_loopback=allow_loopback, resolver=fake_resolver)
    assert "\n" not in caught.value.reason
    return caught.value.reason


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/",
        "http://127.0.0.1./",
        "http://127.1/",
        "http://127.0.1/",
        "http://2130706433/",
        "http://0x7f000001/",
        "http://0x7f.1/",
        "http://0x7F.0.0.1/",
        "http://0177.0.0.1/",
        "http://017700000001/",
        "http://[::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://[::ffff:7f00:1]/",
        "http://[0:0:0:0:0:ffff:127.0.0.1]/",
        "http://[64:ff9b::7f00:1]/",
        "http://[2002:7f00:1::]/",
        "http://localhost/",
        "http://LOCALHOST./",
        "http://app.localhost/",
        "http://evil@127.0.0.1/",
        "http://user:pass@127.0.0.1:8080/x",
        "https://127.0.0.1:443/terms",
        "http://0/",
        "http://0.0.0.0/",
        "http://[::]/",
    ],
)
def test_loopback_and_unspecified_in_any_spelling_are_refused(url: str) -> None:
    reason = refuse(url)
    # httpx itself rejects some spellings ("0177.0.0.1") as invalid: refused either way.
    assert "not allowed" in reason or "not a valid URL" in reason


@pytest.mark.parametrize(
    ("url", "word"),
    [
        ("http://10.0.0.1/", "private"),
        ("http://172.16.5.4/", "private"),
        ("http://192.168.1.1/", "private"),
        ("http://0xc0.0xa8.1.1/", "private"),
        ("http://3232235777/", "private"),
        ("http://012.1/", "private"),
        ("http://100.64.0.1/", "CGNAT"),
        ("http://100.100.100.200/", "CGNAT"),
        ("http://169.254.169.254/latest/meta-data/", "metadata"),
        ("http://169.254.1.1/", "link-local"),
        ("http://[fe80::1]/", "link-local"),
        ("http://[fd00:ec2::254]/", "metadata"),
        ("http://[fc00::1]/", "private"),
        ("http://168.63.129.16/", "metadata"),
        ("http://224.0.0.1/", "multicast"),
        ("http://[ff02::1]/", "multicast"),
        ("http://240.0.0.1/", "reserved"),
        ("http://255.255.255.255/", "not allowed"),
        ("http://192.0.2.1/", "not allowed"),
        ("http://198.18.0.1/", "not allowed"),
        ("http://[::ffff:10.0.0.1]/", "private"),
        ("http://[::ffff:169.254.169.254]/", "metadata"),
        ("http://rebind.example/", "loopback"),
        ("http://mixed.example/", "private"),
        ("http://v6private.example/", "private"),
        ("http://metadata.example/", "metadata"),
    ],
)
def test_non_public_addresses_are_refused_with_the_reason(url: str, word: str) -> None:
    assert word in refuse(url)


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "ftp://terms.example/",
        "gopher://terms.example/",
        "javascript:alert(1)",
        "data:text/html,hi",
        "//terms.example/",
        "terms.example/path",
        "http:///nohost",
        "",
    ],
)
def test_only_http_and_https_urls_with_a_host_pass(url: str) -> None:
    refuse(url)


def test_public_hosts_pass_and_report_the_addresses_judged() -> None:
    target = check_url("https://Terms.Example./legal?x=1", resolver=fake_resolver)
    assert target.addresses == (PUBLIC,)
    assert target.port == 443
    assert check_url(f"http://{PUBLIC}:8080/", resolver=fake_resolver).port == 8080


def test_idna_host_is_resolved_in_its_ascii_form() -> None:
    assert check_url("http://bücher.example/", resolver=fake_resolver).host == "xn--bcher-kva.example"


def test_userinfo_does_not_hide_the_real_host() -> None:
    # The host is what follows the last "@": a public-looking userinfo cannot smuggle loopback.
    assert "loopback" in refuse("http://terms.example@127.0.0.1/")
    assert check_url("http://127.0.0.1@terms.example/", resolver=fake_resolver).addresses == (PUBLIC,)


def test_unresolvable_host_is_refused() -> None:
    assert "cannot resolve" in refuse("http://nowhere.example/")


def test_loopback_only_with_the_explicit_setting_and_nothing_else_private() -> None:
    for url in (
        "http://127.0.0.1:8000/",
        "http://0x7f.1/",
        "http://[::1]/",
        "http://localhost/",
        "http://[::ffff:127.0.0.1]/",
    ):
        check_url(url, allow_loopback=True, resolver=lambda host, port: ["127.0.0.1"])
    for url in ("http://10.0.0.1/", "http://169.254.169.254/", "http://[fe80::1]/", "http://0.0.0.0/"):
        refuse(url, allow_loopback=True)


@given(st.integers(min_value=0, max_value=2**32 - 1))
def test_every_ipv4_spelling_is_judged_like_the_address(number: int) -> None:
    address = ipaddress.IPv4Address(number)
    spellings = [
        str(address),
        str(number),
        hex(number),
        f"0{number:o}",
        ".".join(hex(int(part)) for part in str(address).split(".")),
        f"[::ffff:{address}]",
    ]
    a, b, c, d = address.packed
    spellings.append(f"{a}.{(b << 16) | (c << 8) | d}")
    expected_ok = address.is_global and not address.is_multicast and str(address) != "168.63.129.16"
    for spelling in spellings:
        assert parse_ip_literal(spelling.strip("[]").replace("::ffff:", "")) == address or spelling.startswith("[")
        try:
            check_url(f"http://{spelling}/", resolver=fake_resolver)
            allowed = True
        except GuardError:
            allowed = False
        assert allowed == expected_ok, spelling


@given(st.ip_addresses(v=6))
def test_ipv6_addresses_pass_only_when_global(address: ipaddress.IPv6Address) -> None:
    try:
        check_url(f"http://[{address}]/", resolver=fake_resolver)
        allowed = True
    except GuardError:
        allowed = False
    if allowed:
        assert address.is_global and not address.is_multicast
        assert address.ipv4_mapped is None or address.ipv4_mapped.is_global

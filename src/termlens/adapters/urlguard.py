"""The one URL guard every outgoing request passes (DESIGN.md section 7).

Two layers, both deciding on IP addresses rather than on how a host is spelled:

* `check_url` is a pure decision: scheme, host syntax, then every address the host resolves to.
  Literal addresses in any spelling (decimal, hex, octal, shortened, IPv6-mapped, trailing dot)
  are parsed the way the C library would parse them, so "0x7f.1" is 127.0.0.1 here too.
* `GuardedNetworkBackend` (in `termlens.adapters.http`) repeats the decision at connect time on
  the address actually connected to, so DNS answers that change between the check and the
  connection (rebinding) are caught as well.

Loopback is allowed only when the caller says so explicitly (tests, local demos).
"""

from __future__ import annotations

import ipaddress
import os
import socket
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import httpx

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], Sequence[str]]

ALLOWED_SCHEMES = frozenset({"http", "https"})
LOOPBACK_ENV = "TERMLENS_ALLOW_LOOPBACK"

# Cloud metadata endpoints that are not covered by the special-purpose ranges below
# (169.254.169.254 is link-local, fd00:ec2::254 is unique-local, 100.100.100.200 is CGNAT).
_METADATA_ADDRESSES = frozenset(
    ipaddress.ip_address(text) for text in ("168.63.129.16", "169.254.169.254", "fd00:ec2::254")
)
_CGNAT = ipaddress.ip_network("100.64.0.0/10")
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_NAT64_LOCAL = ipaddress.ip_network("64:ff9b:1::/48")


class GuardError(ValueError):
    """A URL or address the guard refuses; `reason` is one line naming the target and why."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class GuardedTarget:
    """A URL the guard accepted, with the addresses it was judged on."""

    url: str
    scheme: str
    host: str
    port: int
    addresses: tuple[str, ...]


def loopback_allowed_by_env() -> bool:
    """Whether TERMLENS_ALLOW_LOOPBACK is set to a true value (for tests and local demos only)."""
    return os.environ.get(LOOPBACK_ENV, "").strip().lower() in {"1", "true", "yes", "on"}


def system_resolver(host: str, port: int) -> list[str]:
    """Every address the operating system resolves `host` to (the same lookup a socket would do)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return sorted({str(info[4][0]) for info in infos})


def parse_ipv4_like(host: str) -> ipaddress.IPv4Address | None:
    """Parse an IPv4 literal the way inet_aton does: 1-4 parts, each decimal, 0x-hex or 0-octal.

    "2130706433", "0x7f.1", "0177.0.0.1" and "127.1" are all 127.0.0.1. Returns None for anything
    that is not such a literal (a host name).
    """
    parts = host.split(".")
    if not 1 <= len(parts) <= 4:
        return None
    values: list[int] = []
    for part in parts:
        value = _parse_inet_aton_part(part)
        if value is None:
            return None
        values.append(value)
    *leading, last = values
    if any(value > 255 for value in leading):
        return None
    last_bits = 8 * (4 - len(leading))
    if last >= 1 << last_bits:
        return None
    number = 0
    for value in leading:
        number = (number << 8) | value
    number = (number << last_bits) | last
    return ipaddress.IPv4Address(number)


def _parse_inet_aton_part(part: str) -> int | None:
    if not part:
        return None
    lowered = part.lower()
    try:
        if lowered.startswith("0x"):
            return int(lowered[2:], 16) if len(lowered) > 2 else 0
        if len(lowered) > 1 and lowered.startswith("0"):
            return int(lowered[1:], 8)
        return int(lowered, 10) if lowered.isdigit() else None
    except ValueError:
        return None


def parse_ip_literal(host: str) -> IPAddress | None:
    """The address a host string denotes when it is a literal in any spelling, else None."""
    text = host.strip("[]").rstrip(".")
    if "%" in text:  # IPv6 zone id ("fe80::1%eth0"): the zone does not change the decision
        text = text.split("%", 1)[0]
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        pass
    return parse_ipv4_like(text)


def embedded_ipv4(address: IPAddress) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address carries (mapped, compatible, 6to4, Teredo, NAT64), if any."""
    if isinstance(address, ipaddress.IPv4Address):
        return None
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if address.teredo is not None:
        return address.teredo[1]
    if address in _NAT64 or address in _NAT64_LOCAL:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    packed = int(address)
    if packed >> 32 == 0 and packed > 1:  # deprecated IPv4-compatible ::a.b.c.d
        return ipaddress.IPv4Address(packed)
    return None


def address_problem(address: IPAddress, *, allow_loopback: bool = False) -> str | None:
    """Why connecting to `address` is forbidden, or None when it is a public unicast address."""
    inner = embedded_ipv4(address)
    if inner is not None:
        problem = address_problem(inner, allow_loopback=allow_loopback)
        return f"{problem} (embedded in {address})" if problem else None
    if address.is_loopback:
        return None if allow_loopback else "loopback address"
    if address in _METADATA_ADDRESSES:
        return "cloud metadata address"
    if address.is_unspecified:
        return "unspecified address"
    if address.is_multicast:
        return "multicast address"
    if address.is_link_local:
        return "link-local address"
    if isinstance(address, ipaddress.IPv4Address) and address in _CGNAT:
        return "shared (CGNAT) address"
    if address.is_reserved:
        return "reserved address"
    if address.is_private:
        return "private address"
    if not address.is_global:
        return "non-public address"
    return None


def check_address(text: str, *, allow_loopback: bool = False, label: str | None = None) -> None:
    """Raise GuardError unless the resolved or connected address `text` may be contacted."""
    address = parse_ip_literal(text)
    if address is None:
        raise GuardError(f"{label or text}: not an IP address")
    problem = address_problem(address, allow_loopback=allow_loopback)
    if problem:
        shown = f"{label} resolves to {address}" if label and label != text else str(address)
        raise GuardError(f"{shown}: {problem} is not allowed")


def check_url(
    url: str,
    *,
    allow_loopback: bool = False,
    resolver: Resolver = system_resolver,
) -> GuardedTarget:
    """Decide whether `url` may be fetched; raise GuardError with a one-line reason if not.

    The decision is made on every address the host resolves to (one bad address refuses the
    URL, so a name cannot smuggle a private address next to a public one).
    """
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, TypeError, ValueError) as error:
        raise GuardError(f"{url}: not a valid URL ({error})") from None
    scheme = parsed.scheme.lower()
    if scheme not in ALLOWED_SCHEMES:
        raise GuardError(f"{url}: only http and https URLs are allowed, not {scheme or 'no scheme'!r}")
    host = parsed.raw_host.decode("ascii", errors="replace").lower()
    if not host:
        raise GuardError(f"{url}: the URL has no host")
    port = parsed.port or (443 if scheme == "https" else 80)
    bare = host.strip("[]").rstrip(".")
    if not bare:
        raise GuardError(f"{url}: the URL has no host")
    if (bare == "localhost" or bare.endswith(".localhost")) and not allow_loopback:
        raise GuardError(f"{url}: {bare} is a loopback name and loopback is not allowed")
    literal = parse_ip_literal(bare)
    if literal is not None:
        addresses: Sequence[str] = [str(literal)]
    else:
        try:
            addresses = resolver(bare, port)
        except (OSError, UnicodeError) as error:
            raise GuardError(f"{url}: cannot resolve {bare} ({error})") from None
        if not addresses:
            raise GuardError(f"{url}: {bare} resolves to no address")
    for text in addresses:
        try:
            check_address(text, allow_loopback=allow_loopback, label=bare)
        except GuardError as error:
            raise GuardError(f"{url}: {error.reason}") from None
    return GuardedTarget(url=str(parsed), scheme=scheme, host=bare, port=port, addresses=tuple(addresses))

"""httpx behind the URL guard: timeouts, size caps, redirects checked hop by hop, polite retries.

Every connection is opened by `GuardedNetworkBackend`, which resolves the host itself, refuses a
forbidden address before any packet is sent, connects to the very address it checked and then
checks the peer address of the connected socket again. Redirects are followed here, one hop at a
time, so each hop is judged by the guard before it is requested.
"""

from __future__ import annotations

import email.utils
import socket
import time
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum

import httpcore
import httpx
from httpcore._backends.sync import SyncBackend, SyncStream

from termlens import __version__
from termlens.adapters.urlguard import GuardError, Resolver, check_address, check_url, system_resolver

USER_AGENT = f"termlens/{__version__} (+terms monitoring; respects robots.txt)"
Connector = Callable[[tuple[str, int], float | None], socket.socket]


class FailureKind(StrEnum):
    """Why a check produced no version (stored as the observation's failure reason)."""

    GUARDED = "guarded"
    BLOCKED = "blocked"
    CHALLENGE = "challenge"
    EMPTY = "empty"
    SELECTOR_EMPTY = "selector_empty"
    TOO_LARGE = "too_large"
    TIMEOUT = "timeout"
    HTTP_ERROR = "http_error"
    ROBOTS_FORBIDDEN = "robots_forbidden"
    UNREADABLE = "unreadable"
    SUSPECT_COLLAPSE = "suspect_collapse"


class FetchFailure(Exception):
    """A fetch that produced no usable page; `kind` is the typed reason, `message` one line."""

    def __init__(
        self, kind: FailureKind, message: str, *, status: int | None = None, retry_after: float | None = None
    ) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message
        self.status = status
        self.retry_after = retry_after  # seconds the server asked us to wait (429/503), if it said


@dataclass(frozen=True)
class FetchLimits:
    """Caps applied to every fetch (bytes are counted both on the wire and after decompression)."""

    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    total_timeout: float = 60.0
    max_compressed_bytes: int = 10 * 1024 * 1024
    max_decompressed_bytes: int = 25 * 1024 * 1024
    max_redirects: int = 8
    max_retries: int = 2
    max_retry_wait: float = 30.0


@dataclass(frozen=True)
class RawResponse:
    """One fetched page: the decoded body bytes plus where and when they came from."""

    url: str
    final_url: str
    status: int
    headers: dict[str, str]
    content: bytes
    fetched_at: datetime
    redirects: tuple[str, ...] = field(default=())

    @property
    def content_type(self) -> str:
        """The media type without parameters ("text/html"), lower-case; empty when not sent."""
        return self.headers.get("content-type", "").split(";", 1)[0].strip().lower()


def _default_connector(address: tuple[str, int], timeout: float | None) -> socket.socket:
    return socket.create_connection(address, timeout)


class GuardedNetworkBackend(SyncBackend):
    """An httpcore backend that only connects to addresses the guard accepts."""

    def __init__(
        self,
        *,
        allow_loopback: bool = False,
        resolver: Resolver = system_resolver,
        connector: Connector = _default_connector,
    ) -> None:
        self.allow_loopback = allow_loopback
        self.resolver = resolver
        self.connector = connector

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        """Resolve, check every address, connect to a checked one, then check the peer again."""
        try:
            target = check_url(
                f"http://{_bracket(host)}:{port}/", allow_loopback=self.allow_loopback, resolver=self.resolver
            )
        except GuardError as error:
            raise httpcore.ConnectError(f"refused by URL guard: {error.reason}") from error
        last_error: OSError | None = None
        for address in target.addresses:
            try:
                sock = self.connector((address, port), timeout)
            except OSError as error:
                last_error = error
                continue
            peer = str(sock.getpeername()[0])
            try:
                check_address(peer, allow_loopback=self.allow_loopback, label=host)
            except GuardError as error:
                sock.close()
                raise httpcore.ConnectError(f"refused by URL guard: {error.reason}") from error
            for option in socket_options or ():
                sock.setsockopt(*option)
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            return SyncStream(sock)
        raise httpcore.ConnectError(f"cannot connect to {host}:{port} ({last_error})")


def _bracket(host: str) -> str:
    return f"[{host}]" if ":" in host and not host.startswith("[") else host


class GuardedTransport(httpx.HTTPTransport):
    """httpx's transport with its connection pool opened through `GuardedNetworkBackend`."""

    def __init__(self, backend: GuardedNetworkBackend, limits: FetchLimits) -> None:
        super().__init__(trust_env=False, retries=0)
        # Replace the pool so that no connection bypasses the guard (and no proxy is used).
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(),
            max_connections=20,
            max_keepalive_connections=10,
            keepalive_expiry=5.0,
            network_backend=backend,
        )


def guarded_client(
    *,
    allow_loopback: bool = False,
    limits: FetchLimits | None = None,
    resolver: Resolver = system_resolver,
    connector: Connector = _default_connector,
) -> httpx.Client:
    """An httpx client whose every connection passes the guard; redirects are not followed."""
    limits = limits or FetchLimits()
    backend = GuardedNetworkBackend(allow_loopback=allow_loopback, resolver=resolver, connector=connector)
    timeout = httpx.Timeout(limits.read_timeout, connect=limits.connect_timeout)
    return httpx.Client(
        transport=GuardedTransport(backend, limits),
        timeout=timeout,
        follow_redirects=False,
        trust_env=False,
        headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"},
    )


def retry_after_seconds(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta seconds or an HTTP date), or None."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


class HttpFetcher:
    """Fetches pages through a guarded client, applying `FetchLimits` and following redirects."""

    def __init__(
        self,
        *,
        allow_loopback: bool = False,
        limits: FetchLimits | None = None,
        resolver: Resolver = system_resolver,
        connector: Connector = _default_connector,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.allow_loopback = allow_loopback
        self.limits = limits or FetchLimits()
        self.resolver = resolver
        self.sleep = sleep
        self.client = guarded_client(
            allow_loopback=allow_loopback, limits=self.limits, resolver=resolver, connector=connector
        )

    def close(self) -> None:
        """Close pooled connections."""
        self.client.close()

    def __enter__(self) -> HttpFetcher:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def get(
        self,
        url: str,
        *,
        accept: str = "text/html,application/pdf;q=0.9,*/*;q=0.5",
        headers: dict[str, str] | None = None,
    ) -> RawResponse:
        """GET `url`, following redirects (each hop guarded); raise FetchFailure on any failure.

        Error statuses are returned, not raised, so callers can classify them (403 may be a bot
        block worth a browser retry); 429/503 are retried after Retry-After within the limits.
        """
        deadline = time.monotonic() + self.limits.total_timeout
        for attempt in range(self.limits.max_retries + 1):
            response = self._follow(url, {**(headers or {}), "Accept": accept}, deadline)
            if response.status not in (429, 503) or attempt == self.limits.max_retries:
                return response
            wait = retry_after_seconds(response.headers.get("retry-after"))
            wait = min(2.0**attempt, self.limits.max_retry_wait) if wait is None else wait
            if wait > self.limits.max_retry_wait or time.monotonic() + wait > deadline:
                return response
            self.sleep(wait)
        raise AssertionError("unreachable")  # pragma: no cover

    def post_json(self, url: str, body: bytes, headers: dict[str, str]) -> int:
        """POST a JSON body (webhooks); redirects are not followed. Returns the status code."""
        self._guard(url)
        try:
            response = self.client.post(url, content=body, headers={"Content-Type": "application/json", **headers})
        except httpx.TimeoutException:
            raise FetchFailure(FailureKind.TIMEOUT, f"{url}: timed out") from None
        except httpx.HTTPError as error:
            kind = FailureKind.GUARDED if "URL guard" in str(error) else FailureKind.HTTP_ERROR
            raise FetchFailure(kind, f"{url}: {error}") from None
        return response.status_code

    def _follow(self, url: str, request_headers: dict[str, str], deadline: float) -> RawResponse:
        visited: list[str] = []
        current = url
        while True:
            self._guard(current)
            if current in visited:
                raise FetchFailure(FailureKind.HTTP_ERROR, f"{url}: redirect loop at {current}")
            visited.append(current)
            status, headers, body = self._one_request(current, request_headers, deadline)
            location = headers.get("location")
            if status in (301, 302, 303, 307, 308) and location:
                if len(visited) > self.limits.max_redirects:
                    raise FetchFailure(
                        FailureKind.HTTP_ERROR, f"{url}: more than {self.limits.max_redirects} redirects"
                    )
                current = str(httpx.URL(current).join(location))
                continue
            return RawResponse(
                url=url,
                final_url=current,
                status=status,
                headers=headers,
                content=body,
                fetched_at=datetime.now(UTC),
                redirects=tuple(visited[1:]),
            )

    def _guard(self, url: str) -> None:
        try:
            check_url(url, allow_loopback=self.allow_loopback, resolver=self.resolver)
        except GuardError as error:
            raise FetchFailure(FailureKind.GUARDED, error.reason) from None

    def _one_request(
        self, url: str, request_headers: dict[str, str], deadline: float
    ) -> tuple[int, dict[str, str], bytes]:
        try:
            with self.client.stream("GET", url, headers=request_headers) as response:
                headers = {key.lower(): value for key, value in response.headers.items()}
                _check_declared_length(url, headers, self.limits)
                body = _read_capped(url, response.iter_raw(), headers, self.limits, deadline)
                return response.status_code, headers, body
        except httpx.TimeoutException as error:
            raise FetchFailure(FailureKind.TIMEOUT, f"{url}: timed out ({type(error).__name__})") from None
        except httpx.ConnectError as error:
            kind = FailureKind.GUARDED if "URL guard" in str(error) else FailureKind.HTTP_ERROR
            raise FetchFailure(kind, f"{url}: {error}") from None
        except httpx.HTTPError as error:
            raise FetchFailure(FailureKind.HTTP_ERROR, f"{url}: {type(error).__name__}: {error}") from None


def _check_declared_length(url: str, headers: dict[str, str], limits: FetchLimits) -> None:
    declared = headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limits.max_compressed_bytes:
        raise FetchFailure(
            FailureKind.TOO_LARGE,
            f"{url}: declared size {declared} bytes exceeds {limits.max_compressed_bytes}",
        )


def _read_capped(
    url: str, chunks: Iterator[bytes], headers: dict[str, str], limits: FetchLimits, deadline: float
) -> bytes:
    """Read the raw body, decompressing ourselves so that both sizes are capped (gzip-bomb safe)."""
    encoding = headers.get("content-encoding", "identity").strip().lower()
    if encoding in ("gzip", "x-gzip"):
        decoder: zlib._Decompress | None = zlib.decompressobj(16 + zlib.MAX_WBITS)
    elif encoding == "deflate":
        decoder = zlib.decompressobj()
    elif encoding in ("", "identity"):
        decoder = None
    else:
        raise FetchFailure(FailureKind.HTTP_ERROR, f"{url}: unsupported content encoding {encoding!r}")
    wire = 0
    output = bytearray()
    for chunk in chunks:
        if time.monotonic() > deadline:
            raise FetchFailure(
                FailureKind.TIMEOUT, f"{url}: exceeded the total time limit of {limits.total_timeout:g}s"
            )
        wire += len(chunk)
        if wire > limits.max_compressed_bytes:
            raise FetchFailure(FailureKind.TOO_LARGE, f"{url}: body exceeds {limits.max_compressed_bytes} bytes")
        if decoder is None:
            output += chunk
        else:
            _inflate(url, decoder, chunk, output, limits)
    if decoder is not None:
        output += decoder.flush()
    if len(output) > limits.max_decompressed_bytes:
        raise FetchFailure(
            FailureKind.TOO_LARGE, f"{url}: decompressed body exceeds {limits.max_decompressed_bytes} bytes"
        )
    headers.pop("content-encoding", None)
    return bytes(output)


def _inflate(url: str, decoder: zlib._Decompress, chunk: bytes, output: bytearray, limits: FetchLimits) -> None:
    data = chunk
    while data:
        room = limits.max_decompressed_bytes - len(output) + 1
        try:
            piece = decoder.decompress(data, room)
        except zlib.error as error:
            raise FetchFailure(FailureKind.HTTP_ERROR, f"{url}: corrupt compressed body ({error})") from None
        output += piece
        if len(output) > limits.max_decompressed_bytes:
            raise FetchFailure(
                FailureKind.TOO_LARGE,
                f"{url}: decompressed body exceeds {limits.max_decompressed_bytes} bytes",
            )
        data = decoder.unconsumed_tail

"""Apprise URLs (dozens of services), checked by the URL guard before sending and at connect time.

Apprise opens its own connections (requests/urllib3 for web APIs, smtplib for mail), out of reach of
termlens's guarded HTTP client. So, while Apprise sends, the two functions those libraries connect
through are replaced by a guarded version that resolves the host, refuses forbidden addresses, and
checks the peer address of the socket it actually connected.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Iterator
from typing import Any

from termlens.adapters.notifiers.base import NotifyError, alert_subject, alert_text, guard_host
from termlens.adapters.urlguard import GuardError, check_address, check_url

_PATCH_LOCK = threading.Lock()


def guarded_create_connection(allow_loopback: bool) -> Any:
    """A drop-in for socket.create_connection that only connects to addresses the guard allows."""
    original = socket.create_connection

    def connect(address: tuple[str, int], timeout: Any = socket._GLOBAL_DEFAULT_TIMEOUT,  # type: ignore[attr-defined]
                source_address: Any = None, **_: Any) -> socket.socket:
        host, port = address[0], int(address[1])
        last_error: Exception | None = None
        for family, kind, proto, _name, sockaddr in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM):
            ip = str(sockaddr[0])
            try:
                check_address(ip, allow_loopback=allow_loopback, label=host)
            except GuardError as error:
                raise OSError(f"refused by the URL guard: {error.reason}") from None
            sock = socket.socket(family, kind, proto)
            try:
                if timeout is not socket._GLOBAL_DEFAULT_TIMEOUT:  # type: ignore[attr-defined]
                    sock.settimeout(timeout)
                if source_address:
                    sock.bind(source_address)
                sock.connect(sockaddr)
                check_address(str(sock.getpeername()[0]), allow_loopback=allow_loopback, label=host)
                return sock
            except GuardError as error:
                sock.close()
                raise OSError(f"refused by the URL guard: {error.reason}") from None
            except OSError as error:
                sock.close()
                last_error = error
        if last_error is not None:
            raise last_error
        return original(address, timeout, source_address)

    return connect


@contextlib.contextmanager
def guarded_sockets(allow_loopback: bool) -> Iterator[None]:
    """Route the connections Apprise's libraries open through the guard, for the duration of a send."""
    import urllib3.util.connection as urllib3_connection

    guarded = guarded_create_connection(allow_loopback)
    with _PATCH_LOCK:
        saved = (socket.create_connection, urllib3_connection.create_connection)
        socket.create_connection = guarded
        urllib3_connection.create_connection = guarded
        try:
            yield
        finally:
            socket.create_connection, urllib3_connection.create_connection = saved


class AppriseNotifier:
    """Sends through Apprise after the guard approved the host the plugin will contact."""

    def __init__(self, url: str, *, allow_loopback: bool = False) -> None:
        self.url = url
        self.allow_loopback = allow_loopback

    def send(self, alert: dict[str, object], key: str) -> None:
        """Notify through Apprise; a refused or failing endpoint raises NotifyError."""
        import apprise

        client = apprise.Apprise()
        if not client.add(self.url):
            raise NotifyError(f"apprise: {self.url!r} is not a URL Apprise understands")
        for plugin in client:
            self._guard(plugin)
        body = alert_text(alert) + f"\n(alert {key[:12]})\n"
        with guarded_sockets(self.allow_loopback):
            delivered = client.notify(body=body, title=alert_subject(alert))
        if not delivered:
            raise NotifyError(f"apprise: delivery through {self.url.split(':', 1)[0]}:// failed")

    def _guard(self, plugin: object) -> None:
        # Self-hosted plugins (json://, xml://, form://, ntfy, gotify …) carry the host they contact;
        # hosted services carry a fixed API URL. Either is judged before anything is sent.
        endpoint = getattr(plugin, "notify_url", None)
        if isinstance(endpoint, str) and endpoint.startswith(("http://", "https://")) and "{" not in endpoint:
            try:
                check_url(endpoint, allow_loopback=self.allow_loopback)
            except GuardError as error:
                raise NotifyError(f"apprise: {error.reason}") from None
        host = getattr(plugin, "host", None)
        if isinstance(host, str) and host:
            port = getattr(plugin, "port", None)
            secure = bool(getattr(plugin, "secure", False))
            guard_host(
                host,
                int(port) if port else (443 if secure else 80),
                allow_loopback=self.allow_loopback,
                what="apprise",
            )

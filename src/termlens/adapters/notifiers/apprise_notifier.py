"""Apprise URLs (dozens of services), with each endpoint checked by the URL guard first."""

from __future__ import annotations

from termlens.adapters.notifiers.base import NotifyError, alert_subject, alert_text, guard_host
from termlens.adapters.urlguard import GuardError, check_url


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
        if not client.notify(body=body, title=alert_subject(alert)):
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

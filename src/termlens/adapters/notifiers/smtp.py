"""Email over SMTP: target smtp://[user:password@]host[:port]?to=a@x&from=b@y[&starttls=1]."""

from __future__ import annotations

import smtplib
from email.message import EmailMessage
from urllib.parse import parse_qs, unquote, urlsplit

from termlens.adapters.notifiers.base import NotifyError, alert_subject, alert_text, guard_host


class SmtpNotifier:
    """Sends the alert as a plain-text email; the Message-ID is derived from the idempotency key."""

    def __init__(self, target: str, *, allow_loopback: bool = False, timeout: float = 20.0) -> None:
        parts = urlsplit(target)
        if parts.scheme not in ("smtp", "smtps") or not parts.hostname:
            raise NotifyError(f"{target}: an SMTP target looks like smtp://host:port?to=you@example.org")
        query = parse_qs(parts.query)
        self.recipients = [r for value in query.get("to", []) for r in value.split(",") if r]
        if not self.recipients:
            raise NotifyError(f"{target}: name at least one recipient with ?to=")
        self.sender = query.get("from", ["termlens@localhost"])[0]
        self.host = parts.hostname
        self.port = parts.port or (465 if parts.scheme == "smtps" else 25)
        self.tls = parts.scheme == "smtps"
        self.starttls = query.get("starttls", ["0"])[0] in ("1", "true", "yes")
        self.user = unquote(parts.username) if parts.username else None
        self.password = unquote(parts.password) if parts.password else None
        self.allow_loopback = allow_loopback
        self.timeout = timeout

    def send(self, alert: dict[str, object], key: str) -> None:
        """Connect to the address the guard approved and send one message."""
        address = guard_host(self.host, self.port, allow_loopback=self.allow_loopback, what="smtp")
        message = EmailMessage()
        message["Subject"] = alert_subject(alert)
        message["From"] = self.sender
        message["To"] = ", ".join(self.recipients)
        message["Message-ID"] = f"<{key[:40]}@termlens.alert>"
        message["X-Termlens-Idempotency-Key"] = key
        message.set_content(alert_text(alert))
        client_class = smtplib.SMTP_SSL if self.tls else smtplib.SMTP
        try:
            with client_class(address, self.port, timeout=self.timeout) as client:
                if self.starttls:
                    client.starttls()
                if self.user and self.password:
                    client.login(self.user, self.password)
                client.send_message(message)
        except (OSError, smtplib.SMTPException) as error:
            raise NotifyError(f"smtp {self.host}:{self.port}: {error}") from None

"""What every notification channel shares: the alert's text and the error a channel raises."""

from __future__ import annotations

from typing import Protocol

from termlens.adapters.urlguard import GuardError, check_url


class NotifyError(Exception):
    """A channel could not deliver an alert (it will be retried); the message is one line."""


class Notifier(Protocol):
    """Delivers one alert; must be safe to call again with the same idempotency key."""

    def send(self, alert: dict[str, object], key: str) -> None:
        """Deliver `alert`, raising NotifyError on failure."""


def alert_subject(alert: dict[str, object]) -> str:
    """A one-line subject: which document changed and in what."""
    topics = alert.get("topics") or []
    about = f" ({', '.join(str(t) for t in topics)})" if isinstance(topics, list) and topics else ""
    return f"termlens: {alert.get('service')} {alert.get('document')} changed{about}"


def alert_text(alert: dict[str, object]) -> str:
    """The alert in plain words: summary, the answers that changed, the changed clause, the link."""
    lines = [
        f"{alert.get('service')} / {alert.get('document')} changed (recorded {alert.get('recorded')}).",
        "",
    ]
    lines.append(str(alert.get("summary") or ""))
    answers = alert.get("answers_changed")
    if isinstance(answers, list) and answers:
        lines += ["", "Answers that changed:"]
        lines += [f"  - {answer.get('plain')}" for answer in answers if isinstance(answer, dict)]
    clause = alert.get("changed_clause")
    if clause:
        lines += ["", "Changed clause:", f"  {clause}"]
    before = alert.get("changed_clause_before")
    if before and before != clause:
        lines += ["", "Before:", f"  {before}"]
    lines += ["", f"Source: {alert.get('link')}"]
    return "\n".join(lines).strip() + "\n"


def guard_host(host: str, port: int, *, allow_loopback: bool, what: str) -> str:
    """Check a non-HTTP endpoint (SMTP, Apprise) with the URL guard; returns the address to use."""
    try:
        target = check_url(f"http://{host}:{port}/", allow_loopback=allow_loopback)
    except GuardError as error:
        raise NotifyError(f"{what}: {error.reason}") from None
    return target.addresses[0]

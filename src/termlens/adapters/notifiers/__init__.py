"""Notification channels: webhook, SMTP email, Apprise URLs and an Atom feed file."""

from __future__ import annotations

from termlens.adapters.http import HttpFetcher
from termlens.adapters.notifiers.apprise_notifier import AppriseNotifier
from termlens.adapters.notifiers.atom import AtomNotifier
from termlens.adapters.notifiers.base import Notifier, NotifyError, alert_subject, alert_text
from termlens.adapters.notifiers.smtp import SmtpNotifier
from termlens.adapters.notifiers.webhook import WebhookNotifier

CHANNEL_KINDS = ("webhook", "smtp", "apprise", "atom")

__all__ = ["CHANNEL_KINDS", "Notifier", "NotifyError", "alert_subject", "alert_text", "make_notifier"]


def make_notifier(kind: str, target: str, *, http: HttpFetcher, allow_loopback: bool) -> Notifier:
    """The notifier for one configured channel."""
    if kind == "webhook":
        return WebhookNotifier(target, http)
    if kind == "smtp":
        return SmtpNotifier(target, allow_loopback=allow_loopback)
    if kind == "apprise":
        return AppriseNotifier(target, allow_loopback=allow_loopback)
    if kind == "atom":
        return AtomNotifier(target)
    raise NotifyError(f"unknown channel kind {kind!r} (use one of {', '.join(CHANNEL_KINDS)})")

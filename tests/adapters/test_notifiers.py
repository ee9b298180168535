"""Notification channels against real receivers on 127.0.0.1: SMTP (aiosmtpd), webhook, Apprise, Atom."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from email import message_from_bytes
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from lxml import etree

from localweb import LocalWeb
from termlens.adapters.http import HttpFetcher
from termlens.adapters.notifiers import NotifyError, make_notifier

ALERT: dict[str, object] = {
    "service": "Zoom",
    "document": "Terms of Service",
    "recorded": "2023-04-01T06:45:10Z",
    "summary": 'Adds: "10.2 Service Generated Data; Consent to Use."',
    "topics": ["ai", "data_use"],
    "answers_changed": [{"question": "train.usage.own", "plain": "train.usage.own: Maybe → Yes"}],
    "changed_clause": "Zoom may use Service Generated Data for machine learning or artificial intelligence.",
    "changed_clause_before": None,
    "link": "https://example.org/terms & conditions",
    "version_id": 7,
}


class Inbox:
    def __init__(self) -> None:
        self.messages: list[bytes] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages.append(envelope.content)
        return "250 OK"


@pytest.fixture
def smtp() -> Iterator[tuple[Inbox, int]]:
    inbox = Inbox()
    with socket.socket() as probe:  # a free loopback port (aiosmtpd cannot report an ephemeral one)
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield inbox, port
    finally:
        controller.stop()


@pytest.fixture
def web() -> Iterator[LocalWeb]:
    with LocalWeb() as server:
        yield server


@pytest.fixture
def http() -> Iterator[HttpFetcher]:
    with HttpFetcher(allow_loopback=True) as client:
        yield client


def test_email_alert_reaches_a_real_smtp_server(smtp: tuple[Inbox, int], http: HttpFetcher) -> None:
    inbox, port = smtp
    target = f"smtp://127.0.0.1:{port}?to=legal@example.org&from=termlens@example.org"
    make_notifier("smtp", target, http=http, allow_loopback=True).send(ALERT, "k" * 64)
    (raw,) = inbox.messages
    message = message_from_bytes(raw)
    assert message["Subject"] == "termlens: Zoom Terms of Service changed (ai, data_use)"
    assert message["Message-ID"] == f"<{'k' * 40}@termlens.alert>"
    assert message["X-Termlens-Idempotency-Key"].strip() == "k" * 64
    body = message.get_payload(decode=True).decode()  # type: ignore[union-attr]
    assert "train.usage.own: Maybe → Yes" in body and "Service Generated Data" in body


def test_apprise_json_url_posts_to_a_real_receiver(web: LocalWeb, http: HttpFetcher) -> None:
    make_notifier("apprise", f"json://127.0.0.1:{web.port}/apprise", http=http, allow_loopback=True).send(
        ALERT, "a" * 64
    )
    ((path, _headers, body),) = web.posts
    assert path == "/apprise"
    sent = json.loads(body)
    assert "Zoom" in sent["title"] and "Maybe → Yes" in sent["message"]


def test_apprise_connections_are_guarded_at_connect_time(
    web: LocalWeb, http: HttpFetcher, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Even if the pre-send check were fooled (DNS rebinding), Apprise's own socket is refused."""
    from termlens.adapters.notifiers.apprise_notifier import AppriseNotifier

    monkeypatch.setattr(AppriseNotifier, "_guard", lambda self, plugin: None)
    notifier = make_notifier("apprise", f"json://127.0.0.1:{web.port}/apprise", http=http, allow_loopback=False)
    with pytest.raises(NotifyError):
        notifier.send(ALERT, "b" * 64)
    assert web.posts == []


def test_atom_feed_gets_one_entry_per_alert_even_when_sent_twice(tmp_path: Path, http: HttpFetcher) -> None:
    feed = tmp_path / "feeds" / "alerts.atom"
    notifier = make_notifier("atom", str(feed), http=http, allow_loopback=False)
    notifier.send(ALERT, "1" * 64)
    notifier.send(ALERT, "1" * 64)
    notifier.send(dict(ALERT, document="Privacy Policy"), "2" * 64)
    root = etree.parse(str(feed)).getroot()
    entries = root.findall("{http://www.w3.org/2005/Atom}entry")
    assert len(entries) == 2
    assert "Privacy Policy" in entries[0].findtext("{http://www.w3.org/2005/Atom}title", "")
    assert entries[1].find("{http://www.w3.org/2005/Atom}link").get("href") == ALERT["link"]  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("kind", "target"),
    [
        ("webhook", "http://10.0.0.5/hook"),
        ("webhook", "http://[::ffff:169.254.169.254]/"),
        ("smtp", "smtp://169.254.169.254:25?to=a@example.org"),
        ("smtp", "smtp://0x7f.1:25?to=a@example.org"),
        ("apprise", "json://192.168.1.20/hook"),
        ("apprise", "json://2130706433:8080/hook"),
    ],
)
def test_notifier_targets_pass_the_url_guard(kind: str, target: str) -> None:
    with HttpFetcher(allow_loopback=False) as client, pytest.raises(NotifyError, match="not allowed"):
        make_notifier(kind, target, http=client, allow_loopback=False).send(ALERT, "x" * 64)


def test_feed_for_a_web_endpoint_is_valid_atom_and_escapes_text() -> None:
    from termlens.adapters.notifiers.atom import render_feed

    hostile = dict(ALERT, summary="<script>alert(1)</script> & more")
    root = etree.fromstring(render_feed([("3" * 64, hostile), ("4" * 64, ALERT)]).encode())
    entries = root.findall("{http://www.w3.org/2005/Atom}entry")
    assert [e.findtext("{http://www.w3.org/2005/Atom}id") for e in entries] == [
        f"urn:termlens:alert:{'3' * 64}",
        f"urn:termlens:alert:{'4' * 64}",
    ]
    assert "<script>alert(1)</script> & more" in entries[0].findtext("{http://www.w3.org/2005/Atom}content", "")

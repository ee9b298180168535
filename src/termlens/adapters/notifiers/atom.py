"""An Atom feed file of alerts: each alert one entry, newest first, written atomically."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from xml.sax.saxutils import escape

from lxml import etree

from termlens.adapters.notifiers.base import NotifyError, alert_subject, alert_text

ATOM_NS = "http://www.w3.org/2005/Atom"
MAX_ENTRIES = 200


class AtomNotifier:
    """Adds the alert as an entry to the feed at `path` (an entry id already there is not repeated)."""

    def __init__(self, path: str) -> None:
        self.path = Path(path).expanduser()

    def send(self, alert: dict[str, object], key: str) -> None:
        """Write the feed with this alert's entry first."""
        entries = self._existing_entries()
        entry_id = f"urn:termlens:alert:{key}"
        if any(entry_id in entry for entry in entries):
            return
        entries.insert(0, _entry(alert, entry_id))
        feed = _feed(entries)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle, temp = tempfile.mkstemp(dir=self.path.parent, prefix=".atom-")
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(feed)
                out.flush()
                os.fsync(out.fileno())
            os.replace(temp, self.path)
        except OSError as error:
            raise NotifyError(f"atom feed {self.path}: {error.strerror or error}") from None

    def _existing_entries(self) -> list[str]:
        if not self.path.is_file():
            return []
        try:
            root = etree.parse(str(self.path)).getroot()
        except (etree.XMLSyntaxError, OSError) as error:
            raise NotifyError(f"atom feed {self.path}: unreadable ({error})") from None
        return [
            "  " + etree.tostring(entry, encoding="unicode").replace(f' xmlns="{ATOM_NS}"', "").strip() + "\n"
            for entry in root.findall(f"{{{ATOM_NS}}}entry")
        ]


def render_feed(alerts: Sequence[tuple[str, dict[str, object]]]) -> str:
    """An Atom feed of (idempotency key, alert) pairs, newest first (for a web endpoint)."""
    return _feed([_entry(alert, f"urn:termlens:alert:{key}") for key, alert in alerts])


def _feed(entries: list[str]) -> str:
    updated = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return (
        f'<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="{ATOM_NS}">\n'
        f"  <title>termlens alerts</title>\n  <id>urn:termlens:alerts</id>\n"
        f"  <updated>{updated}</updated>\n" + "".join(entries[:MAX_ENTRIES]) + "</feed>\n"
    )


def _entry(alert: dict[str, object], entry_id: str) -> str:
    recorded = str(alert.get("recorded") or "")
    link = escape(str(alert.get("link") or ""), {'"': "&quot;"})
    return (
        f"  <entry>\n    <id>{entry_id}</id>\n    <title>{escape(alert_subject(alert))}</title>\n"
        f'    <updated>{escape(recorded)}</updated>\n    <link href="{link}"/>\n'
        f'    <content type="text">{escape(alert_text(alert))}</content>\n  </entry>\n'
    )

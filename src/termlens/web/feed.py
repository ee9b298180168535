"""An Atom feed of material changes, built with lxml so every text is XML-escaped."""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import quote

from lxml import etree

from termlens.pipeline.timeline import TimelineEvent

ATOM = "http://www.w3.org/2005/Atom"
MAX_ENTRIES = 100


def _child(parent: etree._Element, tag: str, text: str | None = None, **attributes: str) -> etree._Element:
    element = etree.SubElement(parent, f"{{{ATOM}}}{tag}", attributes)
    if text is not None:
        element.text = text
    return element


def atom_feed(events: Sequence[tuple[str, TimelineEvent]], base_url: str) -> bytes:
    """The feed document: one entry per material change (text content only, never HTML)."""
    ordered = sorted(events, key=lambda pair: pair[1].recorded, reverse=True)[:MAX_ENTRIES]
    root = etree.Element(f"{{{ATOM}}}feed", nsmap={None: ATOM})  # type: ignore[dict-item]
    _child(root, "title", "termlens: material changes in terms")
    _child(root, "id", "urn:termlens:changes")
    _child(root, "updated", ordered[0][1].recorded if ordered else "1970-01-01T00:00:00Z")
    _child(root, "link", href=base_url.rstrip("/") + "/feed.atom", rel="self")
    for service, event in ordered:
        entry = _child(root, "entry")
        _child(entry, "id", f"urn:termlens:version:{event.version}")
        _child(entry, "title", f"{service} / {event.document} changed ({event.recorded[:10]})")
        _child(entry, "updated", event.recorded)
        link = f"{base_url.rstrip('/')}/services/{quote(service, safe='')}#timeline"
        _child(entry, "link", href=link)
        _child(entry, "content", event.record.summary, type="text")
    return bytes(etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True))

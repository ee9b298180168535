"""The timeline chart: each document a row, each material change a dot (AI changes highlighted),
drawn with matplotlib as an SVG that can be inlined in a page or a report."""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from datetime import datetime

from termlens.pipeline.timeline import TimelineEvent

_AI = "#c0392b"
_OTHER = "#2c3e50"
_MINOR = "#b0b7bf"
_EPOCH = datetime(1970, 1, 1)


def _day(recorded: str) -> float:
    """Days since 1970-01-01, matplotlib's date epoch."""
    return (datetime.strptime(recorded[:10], "%Y-%m-%d") - _EPOCH).days + 0.0


def timeline_svg(events: Sequence[TimelineEvent], since: str | None = None, title: str = "") -> str:
    """An SVG (a string starting with ``<svg``) of the events' dates by document.

    Material changes are large dots (red when they touch AI), other versions small grey ticks.
    Labels are escaped by matplotlib's SVG writer and maths parsing is off, so document names
    are drawn as plain text.
    """
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter

    shown = [e for e in events if since is None or e.recorded >= since]
    documents = sorted({e.document for e in shown}) or [""]
    row = {d: i for i, d in enumerate(documents)}
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "termlens", "text.parse_math": False,
                                "font.size": 9}):
        figure, axes = plt.subplots(figsize=(9, 0.7 + 0.55 * len(documents)))
        try:
            for kind, color, size in (("minor", _MINOR, 12), ("material", _OTHER, 55), ("ai", _AI, 70)):
                picked = [e for e in shown if _kind(e) == kind]
                if picked:
                    axes.scatter([_day(e.recorded) for e in picked], [row[e.document] for e in picked],
                                 s=size, c=color, zorder=3, label=_LEGEND[kind], edgecolors="white", linewidths=0.6)
            axes.set_yticks(range(len(documents)), [_clip(d) for d in documents])
            axes.set_ylim(-0.6, len(documents) - 0.4)
            locator = AutoDateLocator()  # type: ignore[no-untyped-call]
            axes.xaxis.set_major_locator(locator)
            axes.xaxis.set_major_formatter(ConciseDateFormatter(locator))  # type: ignore[no-untyped-call]
            axes.grid(axis="x", color="#e5e8eb", zorder=0)
            for side in ("top", "right", "left"):
                axes.spines[side].set_visible(False)
            if title:
                axes.set_title(title, loc="left", fontsize=10)
            if shown:
                axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.25), ncol=3, frameon=False, fontsize=8)
            figure.tight_layout()
            buffer = io.StringIO()
            figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
        finally:
            plt.close(figure)
    svg = buffer.getvalue()
    svg = svg[svg.index("<svg"):]
    # Scale with the page: drop the fixed size, keep the viewBox.
    return re.sub(r'<svg([^>]*?) width="[^"]*" height="[^"]*"', r'<svg\1 role="img" style="width:100%;height:auto"',
                  svg, count=1)


_LEGEND = {"minor": "version (no material change)", "material": "material change", "ai": "material change about AI"}


def _kind(event: TimelineEvent) -> str:
    if not event.record.material:
        return "minor"
    return "ai" if any(t.value == "ai" for t in event.record.topics) else "material"


def _clip(text: str) -> str:
    return text if len(text) <= 28 else text[:27] + "…"

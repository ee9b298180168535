"""Render a report as self-contained HTML, Markdown, PDF (WeasyPrint) or JSON.

Document text is untrusted: HTML escapes it through Jinja2's autoescape, Markdown escapes the
characters that would make a viewer render markup or links, and no document text is ever used
as template source (so ``{{7*7}}`` in a clause stays those seven characters).
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from termlens.reports.chart import timeline_svg
from termlens.reports.model import ITEM_USES, USE_WORDS, Report

FORMATS = ("html", "markdown", "pdf", "json")


@lru_cache(maxsize=1)
def _environment() -> Environment:
    return Environment(loader=PackageLoader("termlens.reports", "templates"),
                       autoescape=select_autoescape(["html", "j2"], default=True), trim_blocks=True,
                       lstrip_blocks=True)


@lru_cache(maxsize=1)
def _css() -> str:
    return resources.files("termlens.reports").joinpath("templates/report.css").read_text(encoding="utf-8")


def render_html(report: Report) -> str:
    """The report as one self-contained HTML page (inline CSS, inline SVG chart, no scripts)."""
    chart = timeline_svg(report.events, since=report.since)
    return _environment().get_template("report.html.j2").render(
        r=report, css=Markup(_css()), chart=Markup(chart), uses=[(u.value, USE_WORDS[u]) for u in ITEM_USES])


def render_json(report: Report) -> str:
    """The report as pretty JSON."""
    return json.dumps(report.to_json(), indent=2, ensure_ascii=False) + "\n"


def _refuse_fetch(url: str, timeout: int = 10, ssl_context: object = None) -> dict[str, object]:
    # A report is self-contained: WeasyPrint must not fetch anything a document might point to.
    raise ValueError(f"report rendering fetches nothing ({url[:60]})")


def render_pdf(report: Report) -> bytes:
    """The HTML report printed to PDF by WeasyPrint (fetching nothing)."""
    from weasyprint import HTML

    pdf = HTML(string=render_html(report), url_fetcher=_refuse_fetch).write_pdf()
    assert pdf is not None
    return bytes(pdf)


_MD_SPECIAL = re.compile(r"([\\`*_\[\]()#|!{}~])")


def md(text: str) -> str:
    """Document text made inert in Markdown: markup characters escaped, HTML turned into entities."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return re.sub(r"(?i)\b(javascript|data|vbscript):", r"\1&#58;", " ".join(text.split()))


def render_markdown(report: Report) -> str:
    """The report as Markdown (every quoted clause escaped)."""
    r = report
    out = [f"# {md(r.service)}: what its terms say about your data", ""]
    meta = f"Report generated {r.generated_at}" + (f" · terms as of {r.as_of}" if r.as_of else "")
    out += [f"_{meta} · termlens analyzer {r.analyzer_version}_", ""]
    if r.previous_generated_at:
        out += [f"**Changed** marks what differs from the previous report of {r.previous_generated_at}.", ""]
    out += ["## TL;DR", "", "| Question | Answer | From |", "|---|---|---|"]
    for row in r.tldr:
        was = f" **changed — was {md(row.was)}**" if row.was else ""
        section = f" §{md(row.evidence[0].section or '—')}" if row.evidence else ""
        out.append(f"| {md(row.short)} | **{md(row.words)}**{was} | {md(row.document)}{section} |")
    out += ["", "## Timeline of material changes", ""]
    for e in r.timeline:
        new = " **new since the previous report**" if e.new_since_previous and r.previous_generated_at else ""
        out.append(f"- **{e.date}** · {md(e.document)}{new}: {md(e.summary)}")
        out += [f"  - {md(q)}: {md(b)} → **{md(a)}**" for q, b, a in e.answers_changed]
    if not r.timeline:
        out.append("No material change in the period covered.")
    out += ["", "## The eight questions, with the clauses", ""]
    for row in r.tldr:
        out += [f"### {md(row.text)}", "", f"**{md(row.words)}**. {md(row.explanation)}", ""]
        out += [f"> {md(e.quote)} — _{md(row.document)} §{md(e.section or '—')}_\n" for e in row.evidence]
    labels = [USE_WORDS[u] for u in ITEM_USES]
    out += ["## Your data, item by item", "", "| Data | " + " | ".join(labels) + " | Clause (AI training) |",
            "|---" * (len(labels) + 2) + "|"]
    for item in r.items:
        cells = " | ".join(md(item.answers[u.value][2]) for u in ITEM_USES)
        quote = f"“{md(item.evidence[0].quote[:300])}” §{md(item.evidence[0].section or '—')}" if item.evidence else ""
        was = f" **changed — was {md(item.was)}**" if item.was else ""
        out.append(f"| {md(item.label)}{was} | {cells} | {quote} |")
    out += ["", "## What should I do?", ""]
    for a in r.advice:
        out += [f"### {md(a.title)}", "", f"Because: {md('; '.join(a.because))}.", ""]
        for act in a.actions:
            out.append(f"- {md(act.text)}")
            if act.quote:
                out.append(f"  > {md(act.quote)} — _{md(act.document or '')} §{md(act.section or '—')}_")
        out.append("")
    out += ["## Sources", ""]
    for d in r.documents:
        out.append(f"- {md(r.service)} / {md(d.type)} — version {d.version} recorded {d.recorded_at}, "
                   f"sha256 {d.sha256[:12]}… (source: {md(d.source)})")
    out += ["", f"Answers by the termlens analyzer {r.analyzer_version}. Not legal advice."]
    if r.attribution:
        out += ["", r.attribution]
    return "\n".join(out) + "\n"


def render(report: Report, fmt: str) -> bytes:
    """The report in one of `FORMATS`, as bytes ready to write."""
    if fmt == "pdf":
        return render_pdf(report)
    text = {"html": render_html, "markdown": render_markdown, "json": render_json}[fmt](report)
    return text.encode("utf-8")

"""`termlens report` as a user runs it: real processes on a store holding Zoom's real history."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import lxml.html
import pytest
from pypdf import PdfReader

from cliprocess import run_termlens
from reportdata import IMG, SCRIPT, TEMPLATE, build_store
from termlens.analysis import ANALYZER_VERSION
from termlens.domain.vocabulary import QUESTIONS


def termlens(*args: str, db: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    """Run the real command against the store."""
    return run_termlens(*args, db_url=db, check=check)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory, ota_dir: Path) -> str:
    """Zoom's history and the hostile service."""
    return build_store(tmp_path_factory.mktemp("reports"), ota_dir, services=("Zoom",))[0]


@pytest.fixture(scope="module")
def zoom_2023(store: str, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Zoom's report from its 2023 history, in every format."""
    out = tmp_path_factory.mktemp("zoom")
    files = {}
    for fmt, ext in (("html", "html"), ("markdown", "md"), ("json", "json"), ("pdf", "pdf")):
        files[fmt] = out / f"zoom.{ext}"
        termlens("report", "Zoom", "--at", "2023-12-31", "--since", "2023-01-01", "--format", fmt,
                 "--output", str(files[fmt]), db=store)
    return files


def test_the_html_report_is_self_contained_and_says_what_an_analyst_needs(zoom_2023: dict[str, Path]) -> None:
    html = zoom_2023["html"].read_text(encoding="utf-8")
    tree = lxml.html.fromstring(html)
    assert list(tree.iter("script")) == [] and list(tree.iter("link")) == []
    assert not [e for e in tree.iter() if (e.get("src") or "").startswith("http")]
    assert tree.find(".//style") is not None and tree.find(".//svg") is not None
    text = " ".join(tree.text_content().split())
    for question in QUESTIONS:
        assert question.short in text
    # The August 2023 episode: the clause added on 08-07 and the rewrite of 08-11 are dated in the timeline.
    timeline = " ".join(tree.get_element_by_id("timeline").text_content().split())
    assert "2023-08-07" in timeline and "2023-08-11" in timeline and "2022" not in timeline
    assert "does not use any of your audio, video, chat, screen sharing" in text
    assert "Screen sharing" in tree.get_element_by_id("items").text_content()
    sources = tree.get_element_by_id("sources").text_content()
    assert "Open Terms Archive contributors" in sources and "ODC-BY 1.0" in sources
    assert f"analyzer {ANALYZER_VERSION}" in sources


def test_the_json_report_has_the_eight_answers_items_timeline_advice_and_sources(zoom_2023: dict[str, Path]) -> None:
    report = json.loads(zoom_2023["json"].read_text(encoding="utf-8"))
    assert [row["question"] for row in report["tldr"]] == [q.id for q in QUESTIONS]
    for row in report["tldr"]:
        assert row["evidence"] or "silence" in row["explanation"] or "silent" in row["explanation"]
    screen = next(i for i in report["items"] if i["item"] == "screen_sharing")
    assert screen["uses"]["ai_training"]["verdict"] == "no" and screen["evidence"]
    assert all(e["date"].startswith("2023") for e in report["timeline"])
    assert report["sources"]["attribution"] and report["analyzer"]["version"]
    assert {d["type"] for d in report["sources"]["documents"]} == {"Terms of Service", "Privacy Policy"}


def test_the_pdf_report_renders_and_its_text_reads_back(zoom_2023: dict[str, Path]) -> None:
    reader = PdfReader(str(zoom_2023["pdf"]))
    assert len(reader.pages) >= 3
    text = " ".join(" ".join(page.extract_text() or "" for page in reader.pages).split())
    assert "Zoom: what its terms say about your data" in text
    assert "TL;DR" in text and "Timeline of material changes" in text and "What should I do?" in text
    assert "Open Terms Archive contributors" in text


def test_the_markdown_report_has_the_same_sections(zoom_2023: dict[str, Path]) -> None:
    markdown = zoom_2023["markdown"].read_text(encoding="utf-8")
    for heading in ("## TL;DR", "## Timeline of material changes", "## Your data, item by item",
                    "## What should I do?", "## Sources"):
        assert heading in markdown
    assert "| Trains its AI on your content |" in markdown


def test_a_second_report_marks_what_changed_since_the_first(store: str, tmp_path: Path) -> None:
    output = tmp_path / "zoom.json"
    termlens("report", "Zoom", "--at", "2023-06-30", "--format", "json", "-o", str(output), db=store)
    assert (tmp_path / "zoom.json.answers.json").is_file()
    first = json.loads(output.read_text(encoding="utf-8"))
    assert first["previous_report"] is None
    termlens("report", "Zoom", "--at", "2023-12-31", "--format", "json", "-o", str(output), db=store)
    second = json.loads(output.read_text(encoding="utf-8"))
    assert second["previous_report"] == first["generated_at"]
    changed = {r["question"]: r["previous"] for r in second["tldr"] if r["changed_since_previous"]}
    before = {r["question"]: r["plain"] for r in first["tldr"]}
    assert changed, "Zoom's answers moved between June and December 2023"
    assert all(before[q] == previous for q, previous in changed.items())
    assert all(not r["changed_since_previous"] for r in second["tldr"] if before[r["question"]] == r["plain"])
    new = [e for e in second["timeline"] if e["new_since_previous"]]
    assert new and all(e["recorded"] > "2023-06-30" for e in new)
    termlens("report", "Zoom", "--at", "2023-12-31", "--format", "json", "-o", str(output), db=store)
    third = json.loads(output.read_text(encoding="utf-8"))
    assert not any(r["changed_since_previous"] for r in third["tldr"])


def test_hostile_clauses_stay_inert_in_every_export(store: str, tmp_path: Path) -> None:
    html = termlens("report", "Hostile Example", "--format", "html", db=store).stdout
    tree = lxml.html.fromstring(html)
    assert list(tree.iter("script")) == [] and list(tree.iter("img")) == []
    assert all(not name.startswith("on") for e in tree.iter() for name in e.attrib)
    assert SCRIPT in tree.text_content() and TEMPLATE in tree.text_content()
    markdown = termlens("report", "Hostile Example", "--format", "markdown", db=store).stdout
    assert SCRIPT not in markdown and IMG not in markdown and "javascript:" not in markdown
    assert "&lt;script&gt;" in markdown
    termlens("report", "Hostile Example", "--format", "pdf", "-o", str(tmp_path / "h.pdf"), db=store)
    pdf_text = " ".join(p.extract_text() or "" for p in PdfReader(str(tmp_path / "h.pdf")).pages)
    assert "<script>" in pdf_text  # printed as text


def test_bad_input_gets_one_line_and_exit_2(store: str, tmp_path: Path) -> None:
    for args, expected in ((("report", "Nope"), "Nope"), (("report", "Zoom", "--format", "pdf"), "--output"),
                           (("report", "Zoom", "--at", "last week"), "--at"),
                           (("report", "Zoom", "--at", "2001-01-01"), "no version")):
        result = termlens(*args, db=store, check=False)
        assert result.returncode == 2, args
        assert expected in result.stderr and len(result.stderr.strip().splitlines()) == 1, result.stderr

"""`termlens diff` and `termlens timeline` as a user runs them: real processes, files and database."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from cliprocess import run_termlens

ZOOM_TOS = "Zoom/Terms of Service"
EVENT_KEYS = ["document", "recorded", "effective_date", "version", "material", "topics", "answers_changed",
              "summary", "evidence"]


def termlens(*args: str, db: Path) -> subprocess.CompletedProcess[str]:
    return run_termlens(*args, db_url=f"sqlite:///{db}")


@pytest.fixture(scope="module")
def zoom_db(ota_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("db") / "termlens.db"
    assert termlens("import-ota", str(ota_dir), "--service", "Zoom", db=db).returncode == 0
    return db


@pytest.fixture(scope="module")
def zoom_timeline(zoom_db: Path) -> dict[str, object]:
    result = termlens("timeline", "zoom", "--format", "json", db=zoom_db)
    assert result.returncode == 0, result.stderr
    value: dict[str, object] = json.loads(result.stdout)
    return value


def test_timeline_json_has_one_event_per_version_in_the_contract_shape(
    zoom_timeline: dict[str, object], ota_dir: Path,
) -> None:
    assert zoom_timeline["service"] == "Zoom"
    events = zoom_timeline["events"]
    assert isinstance(events, list) and len(events) == len(list(ota_dir.glob("Zoom/*/*.md")))
    for event in events:
        assert list(event)[: len(EVENT_KEYS)] == EVENT_KEYS
        assert event["recorded"].endswith("Z")
        for shift in event["answers_changed"]:
            assert set(shift) == {"question", "before", "after"}
            assert set(shift["after"]) == {"verdict", "condition"}
    assert [e["recorded"] for e in events] == sorted(e["recorded"] for e in events)


def test_timeline_finds_the_ai_consent_change_and_ignores_tracking_parameters(
    zoom_timeline: dict[str, object], ota_dir: Path,
) -> None:
    events = {(e["document"], e["recorded"]): e for e in zoom_timeline["events"]}  # type: ignore[union-attr]
    consent = events[("Terms of Service", "2023-08-07T18:49:21Z")]
    assert consent["material"] and "ai" in consent["topics"]
    assert "train our artificial intelligence models" in consent["summary"]
    [quote] = [e["after"] for e in consent["evidence"] if e["after"]][:1]
    assert quote in (ota_dir / ZOOM_TOS / "2023-08-07T18-49-21Z.md").read_text(encoding="utf-8")
    index = json.loads((ota_dir / "index.json").read_text(encoding="utf-8"))
    noise = [r for r in index if r["stored"] and r["service"] == "Zoom" and r["noise_only_change"]]
    assert noise
    for row in noise:
        assert not events[(row["terms_type"], row["timestamp"])]["material"], row["file"]


def test_timeline_text_lists_material_changes_in_plain_words(zoom_db: Path) -> None:
    result = termlens("timeline", "Zoom", "--document", "Terms of Service", "--since", "2023-06-01", db=zoom_db)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "2023-08-07  Terms of Service" in out and "2023-04-01" not in out
    assert "2024-11-09" not in out  # a tracking-parameter version is not a dated line
    assert "→" in out and any(word in out for word in ("Yes", "No", "Probably", "Maybe/Unclear"))
    assert "Not shown (not material)" in out


@pytest.mark.parametrize("args", [
    ("timeline", "NoSuchService"),
    ("timeline", "Zoom", "--since", "last tuesday"),
    ("timeline", "Zoom", "--document", "Cookie Policy"),
    ("diff", "does-not-exist.md", "other.md"),
    ("diff", "999999", "1"),
])
def test_bad_input_is_one_line_and_exit_2(args: tuple[str, ...], zoom_db: Path) -> None:
    result = termlens(*args, db=zoom_db)
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1 and "error" in result.stderr


def test_diff_of_two_files_text_and_json(ota_dir: Path, tmp_path: Path) -> None:
    old, new = ota_dir / ZOOM_TOS / "2023-07-28T13-43-15Z.md", ota_dir / ZOOM_TOS / "2023-08-07T18-49-21Z.md"
    text = termlens("diff", str(old), str(new), "--no-answers", db=tmp_path / "x.db")
    assert text.returncode == 0, text.stderr
    assert "Material change" in text.stdout and "+ added" in text.stdout
    data = json.loads(termlens("diff", str(old), str(new), "--format", "json", db=tmp_path / "x.db").stdout)
    assert data["material"] and "ai" in data["topics"]
    assert data["counts"]["added"] == 1 and data["counts"]["modified"] == 0
    substantive = [c for c in data["changes"] if c["substantive"]]
    assert substantive[0]["after"]["text"] in new.read_text(encoding="utf-8")


def test_diff_html_escapes_document_text(tmp_path: Path) -> None:
    old = tmp_path / "old.md"
    new = tmp_path / "new.md"
    old.write_text("# Terms\n\nWe keep your data safe and never sell it.\n", encoding="utf-8")
    new.write_text("# Terms\n\nWe keep your data safe and never sell it.\n\n"
                   "<script>alert('x')</script> We may share your data with <b>partners</b> if 1 < 2 & \"3\" > 0.\n",
                   encoding="utf-8")
    result = termlens("diff", str(old), str(new), "--format", "html", "--no-answers", db=tmp_path / "x.db")
    assert result.returncode == 0, result.stderr
    page = result.stdout
    assert page.startswith("<!doctype html>") and "<ins>" in page
    assert "<script>" not in page and "<b>" not in page
    assert "1 &lt; 2 &amp; &quot;3&quot; &gt; 0" in page


def test_diff_of_two_stored_versions_by_id(zoom_db: Path) -> None:
    versions = json.loads(termlens("versions", "Zoom", "--document", "Terms of Service", "--format", "json",
                                   db=zoom_db).stdout)
    ids = {v["recorded_at"]: v["id"] for v in versions}
    result = termlens("diff", str(ids["2024-08-08T12:31:41Z"]), str(ids["2024-11-09T06:17:17Z"]),
                      "--format", "json", "--no-answers", db=zoom_db)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["material"] is False and data["before"]["version"] == ids["2024-08-08T12:31:41Z"]
    assert not [c for c in data["changes"] if c["substantive"]]

"""`termlens analyze` and `termlens ask` as a user runs them, including bad input (issue 3, part 7)."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from termlens.cli import main

ZOOM_AUG_11 = "Zoom/Terms of Service/2023-08-11T19-15-38Z.md"


def run(*args: str) -> Result:
    """Invoke the real command in-process, timing it."""
    started = time.perf_counter()
    result = CliRunner().invoke(main, list(args))
    assert time.perf_counter() - started < 30, "bad input must never take more than 30 s"
    return result


def assert_clean_exit_2(result: Result, name: str) -> None:
    """Exit 2, one line naming the input, no traceback."""
    assert result.exit_code == 2, result.output
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit)
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert "Traceback" not in result.output
    assert any(name in line for line in lines)


def test_analyze_text_table(ota_dir: Path) -> None:
    result = run("analyze", str(ota_dir / ZOOM_AUG_11))
    assert result.exit_code == 0, result.output
    assert "Trains its AI on your content" in result.output
    assert "No" in result.output and "10.2" in result.output


def test_analyze_json_contract(ota_dir: Path) -> None:
    result = run("analyze", str(ota_dir / ZOOM_AUG_11), "--format", "json")
    assert result.exit_code == 0
    body = json.loads(result.output)
    assert body["document"]["service"] == "Zoom" and body["document"]["type"] == "Terms of Service"
    assert body["document"]["effective_date"] == "2023-08-11" and len(body["document"]["sha256"]) == 64
    assert body["analyzer"]["name"] == "termlens"
    assert next(a["question"] for a in body["answers"]) == "train.content.own"
    own = body["answers"][0]
    assert own["verdict"] == "no" and own["evidence"][0]["section"] == "10.2"
    text = (ota_dir / ZOOM_AUG_11).read_text(encoding="utf-8")
    quote = own["evidence"][0]
    assert text[quote["start"]:quote["end"]] == quote["quote"]
    assert {"item", "use", "verdict", "condition", "evidence", "explanation"} <= set(body["items"][0])


def test_analyze_markdown(ota_dir: Path) -> None:
    result = run("analyze", str(ota_dir / ZOOM_AUG_11), "--format", "markdown")
    assert result.exit_code == 0
    assert result.output.startswith("# Zoom / Terms of Service")
    assert "> **Zoom does not use" in result.output


def test_ask_from_file(ota_dir: Path) -> None:
    result = run("ask", "Is Zoom training its AI on my screen shares?", "--file", str(ota_dir / ZOOM_AUG_11),
                 "--format", "json")
    assert result.exit_code == 0, result.output
    body = json.loads(result.output)
    assert (body["item"], body["use"], body["verdict"]) == ("screen_sharing", "ai_training", "no")
    text = run("ask", "Can they use my recordings in ads?", "--file", str(ota_dir / ZOOM_AUG_11))
    assert text.exit_code == 0 and "Understood: Recordings" in text.output


def test_ask_needs_exactly_one_source() -> None:
    assert_clean_exit_2(run("ask", "Do they train on my chats?"), "--file")


def test_ask_refuses_a_question_it_cannot_place(ota_dir: Path) -> None:
    assert_clean_exit_2(run("ask", "What about the weather?", "--file", str(ota_dir / ZOOM_AUG_11)), "weather")


def test_ask_from_the_store(tmp_path: Path, ota_dir: Path) -> None:
    db = f"sqlite:///{tmp_path / 'store.db'}"
    imported = CliRunner().invoke(main, ["--db", db, "import-ota", str(ota_dir), "--service", "Zoom"])
    assert imported.exit_code == 0, imported.output
    result = run("--db", db, "ask", "Does Zoom train AI on my audio?", "--service", "zoom",
                 "--document", "Terms of Service", "--at", "2023-08-08", "--format", "json")
    assert result.exit_code == 0, result.output
    body = json.loads(result.output)
    assert (body["verdict"], body["condition"]) == ("no", "opt_in")
    assert body["document"]["type"] == "Terms of Service"
    assert_clean_exit_2(run("--db", db, "ask", "Do they train on my chats?", "--service", "Nope"), "Nope")
    listed = CliRunner().invoke(main, ["--db", db, "versions", "Zoom", "--document", "Terms of Service",
                                       "--format", "json"])
    assert listed.exit_code == 0, listed.output
    latest = json.loads(listed.output)[-1]
    by_id = run("--db", db, "analyze", str(latest["id"]), "--format", "json")
    assert by_id.exit_code == 0, by_id.output
    assert json.loads(by_id.output)["document"]["version"] == latest["id"]
    assert_clean_exit_2(run("--db", db, "analyze", "999999"), "999999")


def bad_inputs(tmp_path: Path) -> dict[str, Path]:
    """Every kind of bad input the issue lists, written for real."""
    files = {
        "empty.md": b"",
        "blank.md": b"   \n\t \n  ",
        "binary.md": bytes(range(256)) * 20,
        "latin1.txt": "Nous n'utilisons pas vos données pour entraîner nos modèles.".encode("latin-1"),
        "one-line.txt": b"word " * (1024 * 1024),
        "deep.html": b"<html><body>" + b"<div>" * 20000 + b"We do not sell your data." + b"</div>" * 20000,
        "page.pdf": b"<html><body><p>We do not use your content to train our AI models.</p></body></html>",
        "broken.pdf": b"%PDF-1.4\n1 0 obj << /Type /Catalog >> trailer",
    }
    paths = {}
    for name, data in files.items():
        paths[name] = tmp_path / name
        paths[name].write_bytes(data)
    (tmp_path / "folder").mkdir()
    paths["folder"] = tmp_path / "folder"
    paths["missing.md"] = tmp_path / "missing.md"
    return paths


@pytest.mark.parametrize("name", ["empty.md", "binary.md", "broken.pdf", "missing.md", "folder"])
def test_unreadable_input_exits_2_naming_it(tmp_path: Path, name: str) -> None:
    assert_clean_exit_2(run("analyze", str(bad_inputs(tmp_path)[name])), name)


@pytest.mark.parametrize("name", ["blank.md", "deep.html"])
def test_input_without_terms_text_answers_unclear(tmp_path: Path, name: str) -> None:
    result = run("analyze", str(bad_inputs(tmp_path)[name]), "--format", "json")
    assert result.exit_code == 0, result.output
    body = json.loads(result.output)
    assert body["document"]["words"] == 0 or name == "deep.html"
    for answer in body["answers"]:
        if body["document"]["words"] == 0:
            assert (answer["verdict"], answer["explanation"]) == ("unclear", "no terms text found")
        assert answer["evidence"] == [] or answer["verdict"] != "unclear"


@pytest.mark.parametrize("name", ["latin1.txt", "one-line.txt", "page.pdf"])
def test_odd_but_readable_input_is_analysed(tmp_path: Path, name: str) -> None:
    result = run("analyze", str(bad_inputs(tmp_path)[name]), "--format", "json")
    assert result.exit_code == 0, result.output
    body = json.loads(result.output)
    assert len(body["answers"]) == 8
    if name == "page.pdf":  # HTML behind a .pdf name is read as HTML, and it says "do not use … to train"
        assert body["answers"][0]["verdict"] == "no"


def test_installed_command_never_prints_a_traceback(tmp_path: Path) -> None:
    """The real executable, as a user runs it, on the worst input (a 5 MB single line)."""
    exe = Path(sys.executable).with_name("termlens")
    started = time.perf_counter()
    done = subprocess.run([str(exe), "analyze", str(bad_inputs(tmp_path)["one-line.txt"])],
                          capture_output=True, text=True, timeout=60)
    assert time.perf_counter() - started < 30
    assert done.returncode == 0 and "Traceback" not in done.stderr

"""The history commands as a user runs them: real processes, real files, real database."""

from __future__ import annotations

import filecmp
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from cliprocess import run_termlens


def termlens(*args: str, db: Path, check: bool = False) -> subprocess.CompletedProcess[str]:
    return run_termlens(*args, db_url=f"sqlite:///{db}", check=check, columns=160)


@pytest.fixture(scope="module")
def loaded(ota_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("db") / "termlens.db"
    termlens("import-ota", str(ota_dir), "--service", "Zoom", "--service", "Facebook", "--service", "Microsoft",
             db=db, check=True)
    return db


def test_help_is_useful(tmp_path: Path) -> None:
    out = termlens("--help", db=tmp_path / "x.db", check=True).stdout
    for command in ("import-ota", "services", "versions", "show", "export", "verify"):
        assert command in out
    sub = termlens("import-ota", "--help", db=tmp_path / "x.db", check=True).stdout
    assert "<Service>/<Terms Type>/<timestamp>.md" in sub and "--service" in sub


def test_listing_and_showing(loaded: Path) -> None:
    services = json.loads(termlens("services", "--format", "json", db=loaded, check=True).stdout)
    assert {s["name"] for s in services} == {"Zoom", "Facebook", "Microsoft"}
    versions = json.loads(termlens("versions", "zoom", "--document", "Terms of Service", "--format", "json",
                                   db=loaded, check=True).stdout)
    august = next(v for v in versions if v["recorded_at"] == "2023-08-11T19:15:38Z")
    assert august["effective_date"] == "2023-08-11"
    shown = json.loads(termlens("show", str(august["id"]), "--sections", "--format", "json",
                                db=loaded, check=True).stdout)
    numbers = {s["number"]: s["heading"] for s in shown["sections"] if s["number"]}
    assert numbers["10.2"] == "Permitted Uses and Customer License Grant"
    text = termlens("versions", "Zoom", db=loaded, check=True).stdout
    assert "2023-08-11" in text and "Terms of Service" in text
    recent = json.loads(termlens("versions", "Zoom", "--since", "2024-01-01", "--format", "json", db=loaded,
                                 check=True).stdout)
    assert recent and all(v["recorded_at"] >= "2024-01-01" for v in recent)
    assert termlens("versions", "Zoom", "--since", "last week", db=loaded).returncode == 2


def test_export_then_import_round_trips_byte_for_byte(loaded: Path, ota_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "export"
    termlens("export", str(out), db=loaded, check=True)
    for service in ("Zoom", "Facebook", "Microsoft"):
        originals = sorted(p.relative_to(ota_dir) for p in (ota_dir / service).glob("*/*.md"))
        exported = sorted(p.relative_to(out) for p in (out / service).glob("*/*.md"))
        assert originals == exported
        _match, mismatch, errors = filecmp.cmpfiles(ota_dir, out, [str(p) for p in originals], shallow=False)
        assert not mismatch and not errors
    second = tmp_path / "second.db"
    termlens("import-ota", str(out), db=second, check=True)
    again = tmp_path / "again"
    termlens("export", str(again), db=second, check=True)
    exported = sorted(p.relative_to(out).as_posix() for p in out.glob("*/*/*.md"))
    assert filecmp.cmpfiles(out, again, exported, shallow=False)[1:] == ([], [])
    first_index = json.loads((out / "index.json").read_text())
    assert {r["technical_upgrade"] for r in first_index} >= {False}


def test_verify_passes_then_fails_on_tampering(loaded: Path, tmp_path: Path) -> None:
    result = termlens("verify", "--format", "json", db=loaded)
    report = json.loads(result.stdout)
    assert result.returncode == 0 and report["ok"] and report["versions"] > 60
    tampered = tmp_path / "tampered.db"
    tampered.write_bytes(loaded.read_bytes())
    with sqlite3.connect(tampered) as conn:
        conn.execute("UPDATE blobs SET content = X'00' WHERE rowid = 1")
    bad = termlens("verify", db=tampered)
    assert bad.returncode == 1 and "does not match its SHA-256" in bad.stderr


def test_bad_arguments_exit_2_with_one_line(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    missing = termlens("import-ota", str(tmp_path / "nope"), db=db)
    assert missing.returncode == 2 and "no such directory" in missing.stderr
    assert len(missing.stderr.strip().splitlines()) == 1
    (tmp_path / "plain").mkdir()
    not_dataset = termlens("import-ota", str(tmp_path / "plain"), db=db)
    assert not_dataset.returncode == 2 and "not an Open Terms Archive dataset" in not_dataset.stderr
    assert termlens("versions", "NoSuchService", db=db).returncode == 2
    assert termlens("show", "999999", db=db).returncode == 2
    bad_url = subprocess.run([sys.executable, "-m", "termlens", "--db", "nosuchdb://x", "services"],
                             capture_output=True, text=True)
    assert bad_url.returncode == 2 and "Traceback" not in bad_url.stderr


def test_failed_files_make_exit_1_and_are_counted(tmp_path: Path) -> None:
    data = tmp_path / "data" / "Acme" / "Terms of Service"
    data.mkdir(parents=True)
    (data / "2023-01-01T00-00-00Z.md").write_text("# Terms\n\nWe keep your data.\n")
    (data / "2023-02-01T00-00-00Z.md").write_bytes(b"")
    result = termlens("import-ota", str(tmp_path / "data"), "--format", "json", db=tmp_path / "x.db")
    assert result.returncode == 1
    summary = json.loads(result.stdout)
    assert (summary["imported"], summary["failed"]) == (1, 1)

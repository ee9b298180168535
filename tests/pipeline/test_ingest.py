"""Importing Open Terms Archive histories: real data, idempotency, git repositories, bad files."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from termlens.adapters.ota import NotADataset
from termlens.pipeline.ingest import import_ota
from termlens.storage import open_repository


def test_zoom_history_imports_with_provenance_and_technical_flags(ota_dir: Path, tmp_path: Path) -> None:
    repo = open_repository(f"sqlite:///{tmp_path / 'db.sqlite'}")
    summary = import_ota(repo, ota_dir, ["zoom"])
    files = list(ota_dir.glob("Zoom/*/*.md"))
    assert (summary.imported, summary.failed) == (len(files), 0)
    versions = repo.list_versions("Zoom", "Terms of Service")
    assert [v.recorded_at for v in versions] == sorted(v.recorded_at for v in versions)
    august = next(v for v in versions if v.recorded_at == "2023-08-11T19:15:38Z")
    assert august.effective_date == "2023-08-11"
    assert august.provenance["source_repo"] == "OpenTermsArchive/contrib-versions"
    assert august.parent_id == versions[versions.index(august) - 1].id
    assert repo.sections_of(august.id)[0].number == "1"
    again = import_ota(repo, ota_dir, ["Zoom"])
    assert (again.imported, again.skipped) == (0, len(files))


def test_technical_upgrade_commits_are_flagged(ota_dir: Path, tmp_path: Path) -> None:
    import json

    index = json.loads((ota_dir / "index.json").read_text())
    technical = next(r for r in index if r["stored"] and r["technical_upgrade"])
    repo = open_repository(f"sqlite:///{tmp_path / 'db.sqlite'}")
    import_ota(repo, ota_dir, [technical["service"]])
    stored = [v for v in repo.list_versions(technical["service"], technical["terms_type"])
              if v.provenance.get("file") == technical["file"]]
    assert stored and stored[0].technical


def _copy(ota_dir: Path, relative: str, target: Path) -> Path:
    destination = target / relative
    destination.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(ota_dir / relative, destination)
    return destination


def test_bad_files_are_reported_and_the_rest_imports(ota_dir: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    good = _copy(ota_dir, "Zoom/Terms of Service/2023-08-11T19-15-38Z.md", data)
    bad_dir = data / "Acme" / "Terms of Service"
    bad_dir.mkdir(parents=True)
    (bad_dir / "2023-01-01T00-00-00Z.md").write_bytes(b"")
    (bad_dir / "2023-02-01T00-00-00Z.md").write_bytes(b"\x00\x01binary\x00" * 50)
    (bad_dir / "2023-03-01T00-00-00Z.md").write_bytes("Conditions générales d'utilisation".encode("cp1252"))
    (bad_dir / "2023-04-01T00-00-00Z.md").write_bytes(good.read_bytes()[:2000] + "é".encode()[:1])
    (bad_dir / "2023-05-01T00-00-00Z.md").write_bytes(b"   \n\n  ")
    (bad_dir / "notes.txt").write_text("not a version")
    repo = open_repository(f"sqlite:///{tmp_path / 'db.sqlite'}")
    summary = import_ota(repo, data)
    assert (summary.imported, summary.failed) == (2, 5)
    messages = "\n".join(summary.errors)
    for expected in ("2023-01-01T00-00-00Z.md: file is empty", "2023-02-01T00-00-00Z.md: looks binary",
                     "2023-04-01T00-00-00Z.md: truncated", "2023-05-01T00-00-00Z.md: contains only whitespace",
                     "notes.txt: not a version file"):
        assert expected in messages
    acme = repo.list_versions("Acme", with_text=True)
    assert [v.text for v in acme] == ["Conditions générales d'utilisation"]


def test_not_a_dataset(tmp_path: Path) -> None:
    (tmp_path / "random.txt").write_text("hello")
    repo = open_repository(f"sqlite:///{tmp_path / 'db.sqlite'}")
    with pytest.raises(NotADataset, match="not an Open Terms Archive dataset"):
        import_ota(repo, tmp_path)
    with pytest.raises(NotADataset, match="no such directory"):
        import_ota(repo, tmp_path / "missing")


def _git(repo: Path, *args: str, date: str | None = None) -> None:
    env = {"GIT_AUTHOR_NAME": "OTA", "GIT_AUTHOR_EMAIL": "bot@example.invalid", "GIT_COMMITTER_NAME": "OTA",
           "GIT_COMMITTER_EMAIL": "bot@example.invalid", "PATH": "/usr/bin:/bin"}
    if date:
        env |= {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    subprocess.run(["git", "-C", str(repo), *args], check=True, env=env, capture_output=True)


def test_versions_git_repository(ota_dir: Path, tmp_path: Path) -> None:
    """A real OTA-style versions repository, one commit per version, walked with git."""
    repo_dir = tmp_path / "versions"
    (repo_dir / "Zoom").mkdir(parents=True)
    _git(repo_dir, "init", "-q")
    history = sorted((ota_dir / "Zoom" / "Terms of Service").glob("2023-0*.md"))[:3]
    messages = ["Start tracking Zoom Terms of Service", "Update Zoom Terms of Service",
                "Apply technical or declaration upgrade on Zoom Terms of Service"]
    for path, message, day in zip(history, messages, ("2023-01-01", "2023-02-01", "2023-03-01"), strict=True):
        shutil.copy(path, repo_dir / "Zoom" / "Terms of Service.md")
        _git(repo_dir, "add", "-A")
        _git(repo_dir, "commit", "-q", "-m", message, date=f"{day}T10:00:00+02:00")
    db = open_repository(f"sqlite:///{tmp_path / 'db.sqlite'}")
    summary = import_ota(db, repo_dir)
    assert (summary.imported, summary.failed) == (3, 0)
    versions = db.list_versions("Zoom", with_text=True)
    assert [v.recorded_at for v in versions] == ["2023-01-01T08:00:00Z", "2023-02-01T08:00:00Z",
                                                 "2023-03-01T08:00:00Z"]
    assert [v.technical for v in versions] == [False, False, True]
    assert versions[0].text.encode() == history[0].read_bytes()
    assert versions[1].provenance["commit_message"] == "Update Zoom Terms of Service"
    assert import_ota(db, repo_dir).imported == 0

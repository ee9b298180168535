"""The repository on real SQLite and real PostgreSQL: append-only, exactly once, verifiable."""

from __future__ import annotations

import pytest
from sqlalchemy import text as sql

from termlens.pipeline.sections import find_sections
from termlens.pipeline.verify import verify
from termlens.storage import open_repository
from termlens.storage.records import NewVersion

DOC = "# Terms\n\n## 1. Data\n\nWe use your data.\n"


def new(text: str, at: str, **kw: object) -> NewVersion:
    return NewVersion(service="Acme", document_type="Terms of Service", text=text, recorded_at=at,
                      source="file", raw=text.encode(), **kw)  # type: ignore[arg-type]


def test_append_chains_parents_and_is_idempotent(db_url: str) -> None:
    repo = open_repository(db_url)
    v1, created1 = repo.add_version(new(DOC, "2023-01-01T00:00:00Z"), find_sections(DOC))
    v2, created2 = repo.add_version(new(DOC + "\nMore.\n", "2023-02-01T00:00:00Z"))
    again, created3 = repo.add_version(new(DOC + "\nMore.\n", "2023-02-01T00:00:00Z"))
    assert (created1, created2, created3) == (True, True, False)
    assert v2.parent_id == v1.id and again.id == v2.id
    assert [s.number for s in repo.sections_of(v1.id)] == [None, "1"]
    assert [v.id for v in repo.list_versions("acme")] == [v1.id, v2.id]


def test_unchanged_text_is_not_a_new_version_but_an_import_keeps_it(db_url: str) -> None:
    repo = open_repository(db_url)
    first, _ = repo.add_version(new(DOC, "2023-01-01T00:00:00Z"))
    same, created = repo.add_version(new(DOC, "2023-03-01T00:00:00Z"))
    assert not created and same.id == first.id
    kept, created = repo.add_version(new(DOC, "2023-03-01T00:00:00Z", same_as_parent_is_new=True))
    assert created and kept.parent_id == first.id


def test_raw_bytes_are_stored_once_and_verify_detects_tampering(db_url: str) -> None:
    repo = open_repository(db_url)
    v1, _ = repo.add_version(new(DOC, "2023-01-01T00:00:00Z"))
    repo.add_version(NewVersion(service="Other", document_type="Privacy Policy", text=DOC,
                                recorded_at="2023-01-01T00:00:00Z", source="file", raw=DOC.encode()))
    assert v1.snapshot_id is not None
    assert repo.snapshot_bytes(v1.snapshot_id) is not None
    report = verify(repo)
    assert report.ok and report.blobs == 1 and report.versions == 2
    with repo.engine.begin() as conn:
        conn.execute(sql("UPDATE versions SET text = 'tampered' WHERE id = :id"), {"id": v1.id})
    report = verify(repo)
    assert not report.ok and "does not match its SHA-256" in report.problems[0]


def test_version_at_picks_the_version_in_force(db_url: str) -> None:
    repo = open_repository(db_url)
    v1, _ = repo.add_version(new("one\n", "2023-01-01T00:00:00Z"))
    v2, _ = repo.add_version(new("two\n", "2023-06-01T00:00:00Z"))
    assert repo.version_at("Acme", "terms of service", "2023-03-01T00:00:00Z").id == v1.id  # type: ignore[union-attr]
    assert repo.version_at("Acme", "Terms of Service").id == v2.id  # type: ignore[union-attr]
    assert repo.version_at("Acme", "Terms of Service", "2022-01-01T00:00:00Z") is None


def test_database_rejects_a_second_copy_of_the_same_change(db_url: str) -> None:
    repo = open_repository(db_url)
    v1, _ = repo.add_version(new(DOC, "2023-01-01T00:00:00Z"))
    with pytest.raises(Exception), repo.engine.begin() as conn:  # noqa: B017 - any integrity error
        conn.execute(sql(
            "INSERT INTO versions (document_id, parent_id, text, text_sha256, recorded_at, source, technical,"
            " created_at) VALUES (:d, NULL, :t, :h, '2024-01-01T00:00:00Z', 'file', false, 'now')"),
            {"d": v1.document_id, "t": DOC, "h": v1.text_sha256})


def test_migrations_are_repeatable(db_url: str) -> None:
    open_repository(db_url)
    repo = open_repository(db_url)
    assert repo.list_services() == []


def test_real_history_imports_and_verifies(db_url: str, ota_dir: object) -> None:
    """Zoom's recorded terms history on each database engine: import, re-import, verify."""
    from pathlib import Path

    from termlens.pipeline.ingest import import_ota

    assert isinstance(ota_dir, Path)
    repo = open_repository(db_url)
    first = import_ota(repo, ota_dir, ["Zoom"])
    assert first.failed == 0 and first.imported == len(list(ota_dir.glob("Zoom/*/*.md")))
    assert import_ota(repo, ota_dir, ["Zoom"]).imported == 0
    report = verify(repo)
    assert report.ok and report.versions == first.imported


def test_two_writers_storing_the_same_bytes_and_service_at_once_both_succeed(db_url: str) -> None:
    """Regression: two schedulers fetching identical pages stored the blob, and met a new service, with a
    check-then-insert; the slower one failed on the unique key. Now the second writer waits and does nothing."""
    import threading
    import time

    repo = open_repository(db_url)
    errors: list[Exception] = []

    def second_writer() -> None:
        try:
            with repo.engine.begin() as conn:
                repo.put_blob(conn, b"the same page")
                repo.ensure_document(conn, "Acme", "Terms of Service")
        except Exception as error:  # the failure this test guards against
            errors.append(error)

    with repo.engine.connect() as first:
        transaction = first.begin()
        repo.put_blob(first, b"the same page")
        repo.ensure_document(first, "Acme", "Terms of Service")
        other = threading.Thread(target=second_writer)
        other.start()
        time.sleep(0.5)  # the second writer has checked, found nothing committed, and waits on the key
        transaction.commit()
    other.join(60)
    assert not errors, errors
    with repo.engine.connect() as conn:
        assert conn.execute(sql("SELECT count(*) FROM blobs")).scalar() == 1
        assert conn.execute(sql("SELECT count(*) FROM services")).scalar() == 1

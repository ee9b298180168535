"""A store for report and web tests: Zoom's real history (plus two small services) imported from the
Open Terms Archive sample, and a synthetic hostile service whose clauses carry markup and template
syntax, imported the same way from a temporary dataset folder."""

from __future__ import annotations

from pathlib import Path

from termlens.pipeline.ingest import import_ota
from termlens.storage import Repository, open_repository

HOSTILE_SERVICE = "Hostile Example"
HOSTILE_DOCUMENT = "Terms <img src=x onerror=alert(4)>"
SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(3)>"
JS_LINK = "[read more](javascript:alert(2))"
TEMPLATE = "{{7*7}}"

_HOSTILE_V1 = f"""# Terms of Service

Effective January 5, 2024.

## 1. Your Content

1.1 You own your content. We may use your content, including audio, video and chat messages, to train our
artificial intelligence and machine learning models {SCRIPT}.

1.2 You grant us a perpetual, irrevocable, worldwide, sublicensable licence to use your content for any purpose,
including marketing and advertising {IMG}.

## 2. Controls

2.1 You can opt out of the use of your content to train our artificial intelligence models in Settings > Privacy
{JS_LINK}.

## 3. Usage Data

3.1 We own all usage data and telemetry {TEMPLATE}.
"""

_HOSTILE_V2 = _HOSTILE_V1.replace(
    "2.1 You can opt out",
    f"2.1 New: we may also share your content with partners to train their artificial intelligence models "
    f"{SCRIPT} {TEMPLATE}.\n\n2.2 You can opt out",
)


def write_hostile_dataset(root: Path) -> Path:
    """An OTA-layout folder with two versions of the hostile document."""
    folder = root / HOSTILE_SERVICE / HOSTILE_DOCUMENT
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "2024-01-05T10-00-00Z.md").write_text(_HOSTILE_V1, encoding="utf-8")
    (folder / "2024-03-01T10-00-00Z.md").write_text(_HOSTILE_V2, encoding="utf-8")
    return root


def build_store(directory: Path, ota_dir: Path, services: tuple[str, ...] = ("Zoom", "Bluesky", "Meta AI"),
                hostile: bool = True) -> tuple[str, Repository]:
    """A fresh SQLite store in ``directory`` with the given OTA services (and the hostile one)."""
    url = f"sqlite:///{directory / 'termlens.db'}"
    repository = open_repository(url)
    summary = import_ota(repository, ota_dir, services)
    assert summary.failed == 0, summary.errors
    if hostile:
        assert import_ota(repository, write_hostile_dataset(directory / "hostile")).failed == 0
    return url, repository

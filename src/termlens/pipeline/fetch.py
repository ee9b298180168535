"""Fetch one terms page and turn it into text: robots → guarded HTTP → (browser) → extraction.

Two steps kept apart so that raw bytes can be stored before extraction is attempted (DESIGN.md
6.1): `Fetcher.fetch_raw` returns the page as fetched (or raises a typed `FetchFailure`), and
`extract_terms` turns it into normalized Markdown (or raises a typed `FetchFailure`).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass

from termlens.adapters.browser import BrowserFetcher
from termlens.adapters.http import (
    FailureKind,
    FetchFailure,
    FetchLimits,
    HttpFetcher,
    RawResponse,
    retry_after_seconds,
)
from termlens.adapters.robots import RobotsPolicy
from termlens.adapters.urlguard import Resolver, system_resolver
from termlens.pipeline.extract import UnreadableInput, extract, normalize_markdown

__all__ = ["FailureKind", "FetchFailure", "FetchedTerms", "Fetcher", "extract_terms", "looks_like_challenge"]

# Phrases of bot-protection interstitials; only looked for in short pages or in the <title>, since
# a long legal text may well say "access denied" somewhere.
_CHALLENGE_MARKERS = re.compile(
    r"just a moment|checking your browser|attention required|access denied|verify you are (?:a )?human|"
    r"are you a robot|enable javascript and cookies|ddos protection|cf-chl|captcha|request blocked",
    re.IGNORECASE,
)
_TITLE = re.compile(rb"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
_TAGS = re.compile(r"<[^>]+>")
_SHORT_PAGE_CHARS = 3000
_JS_SHELL_CHARS = 200


@dataclass(frozen=True)
class FetchedTerms:
    """Extracted terms text with the page it came from and how it was fetched."""

    text: str
    raw: RawResponse
    fetcher: str  # http | browser
    kind: str  # html | pdf | text | markdown

    @property
    def sha256(self) -> str:
        """SHA-256 of the raw bytes (the snapshot's address)."""
        return hashlib.sha256(self.raw.content).hexdigest()

    def as_json(self) -> dict[str, object]:
        """The JSON shape of `termlens fetch --format json`."""
        return {
            "url": self.raw.url,
            "final_url": self.raw.final_url,
            "status": self.raw.status,
            "content_type": self.raw.content_type,
            "fetcher": self.fetcher,
            "sha256": self.sha256,
            "fetched_at": self.raw.fetched_at.isoformat(),
            "kind": self.kind,
            "text": self.text,
        }


def looks_like_challenge(raw: RawResponse) -> bool:
    """Whether a response looks like a bot block or a challenge page rather than the document."""
    if raw.content_type not in ("", "text/html", "application/xhtml+xml") and raw.status < 400:
        return False
    head = raw.content[:200_000]
    title = _TITLE.search(head)
    if title and _CHALLENGE_MARKERS.search(title.group(1).decode("utf-8", errors="replace")):
        return True
    visible = _TAGS.sub(" ", head.decode("utf-8", errors="replace"))
    visible = " ".join(visible.split())
    return len(visible) < _SHORT_PAGE_CHARS and bool(_CHALLENGE_MARKERS.search(visible))


class Fetcher:
    """Fetches pages for terms: robots.txt first, guarded httpx, the headless browser when needed."""

    def __init__(
        self,
        *,
        allow_loopback: bool = False,
        limits: FetchLimits | None = None,
        resolver: Resolver = system_resolver,
        respect_robots: bool = True,
        use_browser: bool = True,
    ) -> None:
        self.http = HttpFetcher(allow_loopback=allow_loopback, limits=limits, resolver=resolver)
        self.robots = RobotsPolicy(self.http) if respect_robots else None
        self.browser = BrowserFetcher(self.http) if use_browser else None

    def close(self) -> None:
        """Release connections and the browser."""
        if self.browser is not None:
            self.browser.close()
        self.http.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def fetch_raw(self, url: str) -> tuple[RawResponse, str]:
        """The page at `url` and which fetcher got it ("http" or "browser"); FetchFailure otherwise."""
        if self.robots is not None:
            self.robots.require(url)
        raw = self.http.get(url)
        if raw.status in (403, 406) or looks_like_challenge(raw) or _is_js_shell(raw):
            return self._through_browser(url, raw)
        _raise_for_status(raw)
        return raw, "http"

    def fetch(self, url: str, selectors: Sequence[str] = (), remove: Sequence[str] = ()) -> FetchedTerms:
        """Fetch and extract in one go (for `termlens fetch`)."""
        raw, used = self.fetch_raw(url)
        text, kind = extract_terms(raw, selectors, remove)
        return FetchedTerms(text=text, raw=raw, fetcher=used, kind=kind)

    def _through_browser(self, url: str, first: RawResponse) -> tuple[RawResponse, str]:
        blocked = first.status in (403, 406)
        kind = FailureKind.BLOCKED if blocked else FailureKind.CHALLENGE
        if self.browser is None or not self.browser.available():
            if not blocked and not looks_like_challenge(first):
                return first, "http"  # a script-heavy page we cannot render: extraction decides
            raise FetchFailure(
                kind, f"{url}: {_describe(first)} and no headless browser is available", status=first.status
            )
        rendered = self.browser.render(url)
        if rendered.status in (403, 406):
            raise FetchFailure(
                FailureKind.BLOCKED,
                f"{url}: HTTP {rendered.status} even in a browser",
                status=rendered.status,
            )
        if looks_like_challenge(rendered):
            raise FetchFailure(
                FailureKind.CHALLENGE, f"{url}: still a challenge page in a browser", status=rendered.status
            )
        _raise_for_status(rendered)
        return rendered, "browser"


def _describe(raw: RawResponse) -> str:
    return f"HTTP {raw.status} (blocked)" if raw.status in (403, 406) else "a bot-challenge page"


def _is_js_shell(raw: RawResponse) -> bool:
    """An HTML page whose text only appears after scripts run (an app shell)."""
    if raw.status >= 400 or raw.content_type not in ("text/html", "application/xhtml+xml"):
        return False
    html = raw.content[:500_000].decode("utf-8", errors="replace")
    if "<script" not in html.lower():
        return False
    body = re.sub(r"<script.*?</script>|<style.*?</style>", " ", html, flags=re.IGNORECASE | re.DOTALL)
    return len(" ".join(_TAGS.sub(" ", body).split())) < _JS_SHELL_CHARS


def _raise_for_status(raw: RawResponse) -> None:
    if raw.status >= 400:
        detail = ""
        wait = None
        if raw.status in (429, 503) and raw.headers.get("retry-after"):
            detail = f" (retry after {raw.headers['retry-after']})"
            wait = retry_after_seconds(raw.headers["retry-after"])
        raise FetchFailure(FailureKind.HTTP_ERROR, f"{raw.final_url}: HTTP {raw.status}{detail}", status=raw.status,
                           retry_after=wait)


def extract_terms(raw: RawResponse, selectors: Sequence[str] = (), remove: Sequence[str] = ()) -> tuple[str, str]:
    """Normalized Markdown of a fetched page and its kind; FetchFailure when there is no text.

    Declared selectors decide what the document is; without them trafilatura finds the main
    text, and the whole-page conversion is kept when trafilatura clearly lost most of it.
    """
    try:
        extracted = extract(raw.content, raw.final_url, raw.content_type, selectors, remove)
    except UnreadableInput as error:
        kind = FailureKind.EMPTY if "empty" in str(error) else FailureKind.UNREADABLE
        raise FetchFailure(kind, str(error), status=raw.status) from None
    text = extracted.text
    if extracted.kind == "html" and selectors and not text.strip():
        raise FetchFailure(
            FailureKind.SELECTOR_EMPTY,
            f"{raw.final_url}: selector {', '.join(selectors)} matched no text",
            status=raw.status,
        )
    if extracted.kind == "html" and not selectors:
        main = main_text(raw.content, raw.final_url, remove)
        if main and len(main) >= 0.5 * len(text):
            text = main
    if len(text.split()) < 5:
        raise FetchFailure(FailureKind.EMPTY, f"{raw.final_url}: the page has no text", status=raw.status)
    return text, extracted.kind


def main_text(html: bytes, url: str, remove: Sequence[str] = ()) -> str:
    """The main text of an HTML page as Markdown according to trafilatura ("" when it finds none)."""
    import trafilatura

    prune = [_css_to_xpath(css) for css in remove] or None
    result = trafilatura.extract(
        html,
        url=url,
        output_format="markdown",
        include_tables=True,
        include_comments=False,
        include_formatting=True,
        favor_recall=True,
        prune_xpath=prune,
    )
    return normalize_markdown(result) if result else ""


def _css_to_xpath(css: str) -> str:
    from cssselect import GenericTranslator

    return str(GenericTranslator().css_to_xpath(css))

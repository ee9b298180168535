"""Headless rendering with Playwright driving Debian's chromium, every request through the guard.

Chromium is never allowed onto the network by itself: each request the page makes (navigation,
scripts, XHR, images) is intercepted and answered from our guarded `HttpFetcher`, so the URL
guard and the size caps apply to the browser exactly as to plain fetches. As a second fence,
chromium is pointed at a dead loopback proxy, so a request that escaped interception fails.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from termlens.adapters.http import FailureKind, FetchFailure, HttpFetcher, RawResponse

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Playwright, Route

CHROMIUM_ENV = "TERMLENS_CHROMIUM"
_DEAD_PROXY = "http://127.0.0.1:9"  # the discard port: nothing listens, so stray requests fail
_CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--dns-prefetch-disable",
    "--disable-features=NetworkPrediction,OptimizationHints,MediaRouter",
    f"--proxy-server={_DEAD_PROXY}",
    "--proxy-bypass-list=<-loopback>",
]
_FORWARDED_HEADERS = {"cookie", "accept-language", "referer"}
_DROPPED_HEADERS = {"content-length", "transfer-encoding", "connection", "content-encoding"}


def chromium_path() -> str | None:
    """Debian's chromium binary (or TERMLENS_CHROMIUM), or None when it is not installed."""
    configured = os.environ.get(CHROMIUM_ENV)
    for candidate in (configured, "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and Path(candidate).is_file():
            return candidate
    return None


class BrowserFetcher:
    """Renders pages in headless chromium; started lazily, reused across renders, closed explicitly."""

    def __init__(self, http: HttpFetcher, *, timeout_s: float = 30.0, settle_ms: int = 500) -> None:
        self.http = http
        self.timeout_ms = timeout_s * 1000
        self.settle_ms = settle_ms
        self.refused: list[str] = []
        self._playwright: Playwright | None = None
        self._browser: Browser | None = None

    def available(self) -> bool:
        """Whether Playwright and a chromium binary are both present."""
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            return False
        return chromium_path() is not None

    def _ensure_browser(self) -> Browser:
        if self._browser is None:
            from playwright.sync_api import sync_playwright

            executable = chromium_path()
            if executable is None:
                raise FetchFailure(FailureKind.BLOCKED, "no chromium found (apt-get install chromium)")
            self._playwright = sync_playwright().start()
            self._browser = self._playwright.chromium.launch(
                executable_path=executable, headless=True, args=_CHROMIUM_ARGS
            )
        return self._browser

    def close(self) -> None:
        """Stop chromium and the Playwright driver."""
        if self._browser is not None:
            self._browser.close()
            self._browser = None
        if self._playwright is not None:
            self._playwright.stop()
            self._playwright = None

    def render(self, url: str) -> RawResponse:
        """The page's HTML after its scripts ran; FetchFailure(timeout/blocked/...) otherwise."""
        from playwright.sync_api import Error as PlaywrightError

        browser = self._ensure_browser()
        context = browser.new_context(service_workers="block", java_script_enabled=True)
        statuses: dict[str, int] = {}
        try:
            context.route("**/*", lambda route: self._answer(route, statuses))
            context.route_web_socket("**/*", lambda ws: ws.close())
            page = context.new_page()
            response = page.goto(url, wait_until="load", timeout=self.timeout_ms)
            # Pages that poll forever never go idle; they have their content by now all the same.
            with contextlib.suppress(PlaywrightError):
                page.wait_for_load_state("networkidle", timeout=min(self.timeout_ms, 5000))
            page.wait_for_timeout(self.settle_ms)
            html = page.content()
            status = statuses.get(url, response.status if response is not None else 200)
        except PlaywrightError as error:
            message = str(error).splitlines()[0]
            kind = FailureKind.TIMEOUT if "Timeout" in message else FailureKind.HTTP_ERROR
            if self.refused and url in self.refused[0]:
                kind = FailureKind.GUARDED
            raise FetchFailure(kind, f"{url}: browser: {message}") from None
        finally:
            context.close()
        return RawResponse(
            url=url,
            final_url=url,
            status=status,
            headers={"content-type": "text/html; charset=utf-8", "x-termlens-fetcher": "browser"},
            content=html.encode("utf-8"),
            fetched_at=datetime.now(UTC),
        )

    def _answer(self, route: Route, statuses: dict[str, int]) -> None:
        """Fulfil one browser request from the guarded fetcher (or abort it)."""
        request = route.request
        if request.method not in ("GET", "HEAD"):
            route.abort("blockedbyclient")
            return
        try:
            sent = request.all_headers()
            # Cookies set by the page's scripts (a JS challenge's pass cookie) travel with the request.
            forwarded = {k: v for k, v in sent.items() if k in _FORWARDED_HEADERS}
            raw = self.http.get(request.url, accept=sent.get("accept", "*/*"), headers=forwarded)
        except FetchFailure as failure:
            if failure.kind is FailureKind.GUARDED:
                self.refused.append(f"{request.url}: {failure.message}")
            route.abort("blockedbyclient" if failure.kind is FailureKind.GUARDED else "failed")
            return
        statuses[request.url] = raw.status
        headers: dict[str, Any] = {k: v for k, v in raw.headers.items() if k not in _DROPPED_HEADERS}
        route.fulfill(status=raw.status, headers=headers, body=raw.content)

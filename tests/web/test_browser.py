"""End to end, as a person uses it: real headless Chromium (Debian's) against uvicorn on 127.0.0.1.

Open the portfolio, open Zoom, read the timeline, ask "Is Zoom training AI on my screen shares?",
open a diff and a version; and check that hostile terms text runs nothing. Screenshots are saved
under artifacts/screenshots/ as test artifacts.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Dialog, Page, expect, sync_playwright

from reportdata import HOSTILE_SERVICE, SCRIPT

SCREENSHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Debian's chromium, headless, with nothing phoning home."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run scripts/system-deps.sh (make test does)")
    expect.set_options(timeout=20_000)  # the first service page analyses a history; the machine may be busy
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


class Watched:
    """A page whose dialogs (an alert() would be an XSS) and console errors (CSP refusals) are recorded."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        page.on("dialog", self._dialog)
        page.on("console", self._console)

    def _dialog(self, dialog: Dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def _console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.errors.append(message.text)

    def shot(self, name: str, full_page: bool = True) -> Path:
        """Save a screenshot (of the whole page, or of what is in view)."""
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=full_page)
        return path


@pytest.fixture()
def watched(browser: Browser) -> Iterator[Watched]:
    """A fresh browser context (its own cookies) and page."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield Watched(context.new_page())
    context.close()


def test_a_person_reads_zoom_asks_about_screen_shares_and_opens_a_diff(live_server: str, watched: Watched) -> None:
    page = watched.page
    page.goto(live_server + "/")
    expect(page.get_by_role("heading", name="Your vendors at a glance")).to_be_visible()
    zoom_row = page.locator("table.matrix tbody tr", has=page.get_by_role("link", name="Zoom", exact=True))
    expect(zoom_row).to_contain_text("Yes")
    watched.shot("01-portfolio")

    page.get_by_role("link", name="Zoom", exact=True).click()
    expect(page.get_by_role("heading", name="Zoom", exact=True)).to_be_visible()
    expect(page.locator(".chart svg")).to_be_visible()
    august = page.locator("ol.timeline li", has_text="2023-08-11").filter(has_text="Terms of Service").first
    expect(august).to_be_visible()
    expect(august).to_contain_text("Terms of Service")
    watched.shot("02-zoom-service-timeline")

    page.get_by_label("Ask about Zoom").fill("Is Zoom training AI on my screen shares?")
    page.get_by_role("button", name="Ask").click()
    card = page.locator("#answer .answer-card")
    expect(card).to_be_visible()
    expect(card).to_contain_text("Screen sharing")
    expect(card.locator("blockquote").first).to_be_visible()
    assert page.url.rstrip("/").endswith("/services/Zoom")  # htmx swapped the answer in; no navigation
    watched.shot("03-zoom-ask-screen-shares", full_page=False)

    august.get_by_role("link", name="what changed").click()
    expect(page.get_by_role("heading", name="What changed")).to_be_visible()
    expect(page.locator("ins").first).to_be_visible()
    expect(page.locator("tr.changed-row").first).to_be_visible()
    watched.shot("04-zoom-diff-2023-08-11")

    page.get_by_role("link", name="Terms of Service 2023-08-11T19:15:38Z").click()
    page.locator("li#q-train\\.content\\.own a").first.click()  # jump to the quoted clause
    expect(page.locator("mark:target")).to_be_visible()
    expect(page.locator("mark:target")).to_contain_text("does not use any of your audio")
    watched.shot("05-zoom-version-evidence", full_page=False)
    assert watched.errors == [] and watched.dialogs == []


def test_hostile_terms_run_nothing_in_the_browser(live_server: str, watched: Watched) -> None:
    page = watched.page
    page.goto(live_server + "/")
    page.get_by_role("link", name=HOSTILE_SERVICE).click()
    expect(page.get_by_role("heading", name=HOSTILE_SERVICE)).to_be_visible()
    page.get_by_label(f"Ask about {HOSTILE_SERVICE}").fill("Is Hostile Example training AI on my chat messages?")
    page.get_by_role("button", name="Ask").click()
    expect(page.locator("#answer blockquote").first).to_contain_text(SCRIPT)
    watched.shot("06-hostile-service")
    page.locator("table.versions a").first.click()
    expect(page.locator(".doc")).to_contain_text(SCRIPT)
    watched.shot("07-hostile-version")
    page.goto(live_server + "/services/Hostile%20Example/report.html")
    expect(page.locator("#tldr")).to_be_visible()
    watched.shot("08-hostile-report")
    assert watched.dialogs == []
    assert page.evaluate("document.querySelectorAll('img, script:not([src])').length") == 0

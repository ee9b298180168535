"""Fetching real terms from a real server on 127.0.0.1: HTML with page chrome, PDF, blocks, challenges."""

from __future__ import annotations

from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

from localweb import LocalWeb, Reply, challenge_html, ota_versions, terms_html, text_pdf
from termlens.adapters.browser import chromium_path
from termlens.adapters.http import FailureKind, FetchFailure
from termlens.pipeline.fetch import Fetcher, looks_like_challenge

needs_chromium = pytest.mark.skipif(chromium_path() is None, reason="chromium not installed (apt-get install chromium)")


@pytest.fixture
def web() -> Iterator[LocalWeb]:
    with LocalWeb() as server:
        yield server


@pytest.fixture
def zoom_terms(ota_dir: Path) -> str:
    return ota_versions(ota_dir, "Zoom", "Terms of Service")[-1].read_text(encoding="utf-8")


def fetcher(**kwargs: bool) -> Fetcher:
    return Fetcher(allow_loopback=True, **kwargs)


def a_sentence(markdown_text: str) -> str:
    """A long plain sentence of the document (no Markdown markup) to look for in the extraction."""
    for line in markdown_text.splitlines():
        if len(line) > 120 and not any(ch in line for ch in "*_[]#|`>"):
            return line[:100]
    raise AssertionError("no plain sentence found")


def test_real_terms_page_loses_menus_and_cookie_banner(web: LocalWeb, zoom_terms: str) -> None:
    web.add("/terms", Reply(body=terms_html(zoom_terms)))
    with fetcher(use_browser=False) as f:
        fetched = f.fetch(web.url("/terms"))
    assert a_sentence(zoom_terms) in " ".join(fetched.text.split())
    assert "Accept all cookies" not in fetched.text
    assert "Careers" not in fetched.text
    assert fetched.fetcher == "http" and fetched.kind == "html"
    assert len(fetched.text.split()) > 0.8 * len(zoom_terms.split())


def test_selectors_and_removals_decide_what_is_kept(web: LocalWeb, zoom_terms: str) -> None:
    web.add("/terms", Reply(body=terms_html(zoom_terms)))
    with fetcher(use_browser=False) as f:
        only_article = f.fetch(web.url("/terms"), selectors=["article.legal"], remove=["h2"])
        with pytest.raises(FetchFailure) as caught:
            f.fetch(web.url("/terms"), selectors=["#no-such-element"])
    assert "Copyright Example Corp" not in only_article.text
    assert caught.value.kind is FailureKind.SELECTOR_EMPTY


def test_pdf_terms_are_read_as_text(web: LocalWeb, zoom_terms: str) -> None:
    web.add("/terms.pdf", Reply(body=text_pdf(zoom_terms[:6000]), headers={"Content-Type": "application/pdf"}))
    with fetcher(use_browser=False) as f:
        fetched = f.fetch(web.url("/terms.pdf"))
    assert fetched.kind == "pdf"
    first_words = " ".join(zoom_terms.split()[5:12])
    assert first_words.replace("*", "") in " ".join(fetched.text.split()).replace("*", "")
    assert fetched.as_json()["sha256"] == fetched.sha256 and len(fetched.sha256) == 64


def test_legacy_charset_page_is_decoded(web: LocalWeb) -> None:
    text = "Les données personnelles sont traitées conformément à la loi. " * 5
    page = f"<html><head><title>Conditions</title></head><body><main><p>{text}</p></main></body></html>"
    web.add("/fr", Reply(body=page.encode("cp1252"), headers={"Content-Type": "text/html"}))
    with fetcher(use_browser=False) as f:
        assert "données personnelles sont traitées" in f.fetch(web.url("/fr")).text


def test_empty_page_and_http_errors_are_typed(web: LocalWeb) -> None:
    web.add("/empty", Reply(body=b"<html><body><main></main></body></html>"))
    web.add("/gone", Reply(410, b"gone", {"Content-Type": "text/plain"}))
    with fetcher(use_browser=False) as f:
        for path, kind in (("/empty", FailureKind.EMPTY), ("/gone", FailureKind.HTTP_ERROR)):
            with pytest.raises(FetchFailure) as caught:
                f.fetch(web.url(path))
            assert caught.value.kind is kind


def test_robots_forbidden_page_is_not_fetched(web: LocalWeb, zoom_terms: str) -> None:
    web.add("/robots.txt", Reply(body=b"User-agent: *\nDisallow: /\n", headers={"Content-Type": "text/plain"}))
    web.add("/terms", Reply(body=terms_html(zoom_terms)))
    with fetcher(use_browser=False) as f, pytest.raises(FetchFailure) as caught:
        f.fetch(web.url("/terms"))
    assert caught.value.kind is FailureKind.ROBOTS_FORBIDDEN
    assert web.hits("/terms") == 0


def test_challenge_detection_ignores_long_terms_that_mention_access_denied(zoom_terms: str) -> None:
    from datetime import UTC, datetime

    from termlens.adapters.http import RawResponse

    def raw(body: bytes, status: int = 200) -> RawResponse:
        return RawResponse("u", "u", status, {"content-type": "text/html"}, body, datetime.now(UTC))

    assert looks_like_challenge(raw(challenge_html(), 503))
    long_terms = terms_html(zoom_terms + "\n\nIf access is denied, Access denied errors may occur.\n")
    assert not looks_like_challenge(raw(long_terms))


def test_blocked_page_without_a_browser_is_a_typed_failure(web: LocalWeb) -> None:
    web.add("/blocked", Reply(403, challenge_html()))
    with fetcher(use_browser=False) as f, pytest.raises(FetchFailure) as caught:
        f.fetch(web.url("/blocked"))
    assert caught.value.kind is FailureKind.BLOCKED


JS_CHALLENGE = b"""<!doctype html><html><head><title>Just a moment...</title></head><body>
<p>Checking your browser before accessing the site.</p>
<script>document.cookie = "challenge_passed=1; path=/"; location.reload();</script></body></html>"""


@needs_chromium
def test_js_challenge_is_passed_in_the_browser_through_the_guarded_client(web: LocalWeb, zoom_terms: str) -> None:
    def protected(handler: BaseHTTPRequestHandler) -> Reply:
        if "challenge_passed=1" in (handler.headers.get("Cookie") or ""):
            return Reply(body=terms_html(zoom_terms))
        return Reply(403, JS_CHALLENGE)

    web.add("/protected", protected)
    with fetcher() as f:
        fetched = f.fetch(web.url("/protected"))
    assert fetched.fetcher == "browser"
    assert a_sentence(zoom_terms) in " ".join(fetched.text.split())


@needs_chromium
def test_a_challenge_that_never_clears_is_typed_as_challenge(web: LocalWeb) -> None:
    web.add("/wall", Reply(503, challenge_html(), {"Content-Type": "text/html"}))
    with fetcher() as f, pytest.raises(FetchFailure) as caught:
        f.fetch(web.url("/wall"))
    assert caught.value.kind is FailureKind.CHALLENGE


@needs_chromium
def test_script_rendered_page_is_rendered_and_browser_subrequests_are_guarded(web: LocalWeb, zoom_terms: str) -> None:
    sentence = a_sentence(zoom_terms)
    shell = b"""<!doctype html><html><head><title>Legal</title></head><body><div id="app"></div>
<img src="http://169.254.169.254/latest/meta-data/x.png">
<script src="/app.js"></script></body></html>"""
    script = f"document.getElementById('app').innerHTML = '<main><h1>Terms</h1><p>' + {sentence!r} + '</p>'"
    script += " + '<p>These terms govern your use of the service and describe your rights.</p></main>';"
    web.add("/app", Reply(body=shell))
    web.add("/app.js", Reply(body=script.encode(), headers={"Content-Type": "application/javascript"}))
    with fetcher() as f:
        fetched = f.fetch(web.url("/app"))
        refused = list(f.browser.refused) if f.browser else []
    assert fetched.fetcher == "browser"
    assert sentence in fetched.text
    assert any("169.254.169.254" in r for r in refused)

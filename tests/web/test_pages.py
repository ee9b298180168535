"""The dashboard pages and the API over a real store, and terms text that tries to inject markup."""

from __future__ import annotations

import json
import re

import lxml.html
import pytest
from fastapi.testclient import TestClient
from lxml import etree

from conftest import csrf_of
from reportdata import HOSTILE_DOCUMENT, HOSTILE_SERVICE, IMG, SCRIPT, TEMPLATE
from termlens.storage import Repository


def _hostile_versions(repository: Repository) -> tuple[int, int]:
    versions = repository.list_versions(HOSTILE_SERVICE)
    return versions[0].id, versions[-1].id


def assert_inert(html: str) -> None:
    """Parsed as a browser would: no script but ours, no image, no event handler, no javascript: URL;
    and the hostile text is there as text (so it was escaped, not dropped)."""
    tree = lxml.html.fromstring(html)
    scripts = [s.get("src") for s in tree.iter("script")]
    assert all(src is not None and src.startswith("/static/") for src in scripts), scripts
    assert list(tree.iter("img")) == []
    for element in tree.iter():
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on"), (element.tag, name)
            assert not value.strip().lower().startswith("javascript:"), (element.tag, name, value)
    text = tree.text_content()
    assert any(hostile in text for hostile in (SCRIPT, IMG, TEMPLATE, "javascript:alert(2)")), text[:300]


def test_the_portfolio_lists_every_service_with_its_answers(client: TestClient) -> None:
    html = client.get("/").text
    for name in ("Zoom", "Bluesky", "Meta AI", HOSTILE_SERVICE):
        assert f">{name}</a>" in html
    assert "Trains its AI on your content" in html and "Last material change" in html


def test_the_service_page_shows_answers_chart_timeline_and_versions(client: TestClient) -> None:
    html = client.get("/services/zoom").text
    assert "<h1>Zoom</h1>" in html and "<svg" in html
    assert "2023-08-11" in html and "what changed" in html
    assert "Compare" in html and html.count("diff with previous") > 10


def test_the_version_page_highlights_the_evidence(client: TestClient, web_store: tuple[str, Repository]) -> None:
    august = next(v for v in web_store[1].list_versions("Zoom", "Terms of Service")
                  if v.recorded_at.startswith("2023-08-11"))
    html = client.get(f"/versions/{august.id}").text
    marked = re.findall(r"<mark id=\"ev-\d+\" title=\"([^\"]*)\">(.*?)</mark>", html, re.DOTALL)
    assert any("does not use any of your audio, video, chat, screen sharing" in text for _, text in marked)
    assert any("Trains its AI on your content" in title for title, _ in marked)


def test_the_diff_page_shows_the_august_2023_edit(client: TestClient, web_store: tuple[str, Repository]) -> None:
    versions = web_store[1].list_versions("Zoom", "Terms of Service")
    august = next(v for v in versions if v.recorded_at.startswith("2023-08-11"))
    html = client.get(f"/diff?from={august.parent_id}&to={august.id}").text
    assert "<ins>" in html and "<del>" in html
    assert "changed-row" in html  # some answer moved


def test_ask_answers_with_evidence_as_a_fragment_for_htmx(client: TestClient) -> None:
    response = client.post("/ask", data={"question": "Is Zoom training AI on my screen shares?",
                                         "csrf_token": csrf_of(client)}, headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert "<html" not in response.text
    assert "Screen sharing" in response.text and "<blockquote>" in response.text


def test_bad_input_gets_a_page_not_a_traceback(client: TestClient) -> None:
    assert client.get("/services/Nope").status_code == 404
    assert client.get("/versions/999999").status_code == 404
    response = client.get("/diff?from=abc&to=1")
    assert response.status_code == 422 and "from" in response.text
    assert client.get("/api/v1/versions/999999").json() == {"detail": "no version 999999"}


def test_the_api_serves_services_versions_answers_timeline_diff_ask_and_report(
        client: TestClient, web_store: tuple[str, Repository]) -> None:
    names = [s["name"] for s in client.get("/api/v1/services").json()["services"]]
    assert "Zoom" in names
    versions = client.get("/api/v1/services/Zoom/versions").json()["versions"]
    assert len(versions) == len(web_store[1].list_versions("Zoom"))
    answers = client.get(f"/api/v1/versions/{versions[-1]['id']}/answers").json()
    assert answers["answers"][0]["question"] == "train.content.own"
    assert client.get("/api/v1/services/Zoom/answers").json()["combined"]["train.content.own"]["verdict"]
    events = client.get("/api/v1/services/Zoom/timeline").json()["events"]
    assert any(e["material"] and "ai" in e["topics"] for e in events)
    diff = client.get(f"/api/v1/diff?from={versions[0]['id']}&to={versions[1]['id']}").json()
    assert "changes" in diff and len(diff["answers"]) == 8
    asked = client.post("/api/v1/ask", json={"question": "Is Zoom training AI on my screen shares?"},
                        headers={"X-CSRF-Token": csrf_of(client)}).json()
    assert asked["item"] == "screen_sharing" and asked["document"]["service"] == "Zoom"
    report = client.get("/api/v1/services/Zoom/report?format=json").json()
    assert len(report["tldr"]) == 8
    spec = client.get("/api/v1/openapi.json").json()
    assert {"/api/v1/services", "/api/v1/diff", "/api/v1/ask"} <= set(spec["paths"])


@pytest.fixture(scope="module")
def hostile_pages(app: object, web_store: tuple[str, Repository]) -> dict[str, str]:
    """Every page and export that shows the hostile document's text."""
    first, last = _hostile_versions(web_store[1])
    with TestClient(app, base_url="http://127.0.0.1:8000") as client:  # type: ignore[arg-type]
        token = csrf_of(client)
        pages = {path: client.get(path).text for path in (
            "/", "/services/Hostile%20Example", f"/versions/{last}", f"/diff?from={first}&to={last}",
            "/services/Hostile%20Example/report.html", "/services/Hostile%20Example/report.md")}
        pages["ask"] = client.post("/ask", data={"question": "Is Hostile Example training AI on my chats?",
                                                 "csrf_token": token}).text
        pages["feed"] = client.get("/feed.atom").text
        pages["api"] = client.get(f"/api/v1/versions/{last}").text
    return pages


@pytest.mark.parametrize("path", ["/services/Hostile%20Example", "/versions", "/diff", "report.html", "ask"])
def test_hostile_clauses_render_inert_in_pages(hostile_pages: dict[str, str], path: str) -> None:
    html = next(text for key, text in hostile_pages.items() if key.startswith(path) or path in key)
    assert_inert(html)


def test_hostile_document_name_renders_inert_on_the_portfolio_and_in_the_chart(hostile_pages: dict[str, str]) -> None:
    service = hostile_pages["/services/Hostile%20Example"]
    assert "Terms &lt;img src=x onerror=alert(4)&gt;" in service
    portfolio = lxml.html.fromstring(hostile_pages["/"])
    assert list(portfolio.iter("img")) == [] and HOSTILE_SERVICE in portfolio.text_content()


def test_hostile_clauses_are_escaped_in_the_markdown_export(hostile_pages: dict[str, str]) -> None:
    markdown = hostile_pages["/services/Hostile%20Example/report.md"]
    assert SCRIPT not in markdown and IMG not in markdown
    assert "javascript:" not in markdown.lower()
    assert "&lt;script&gt;" in markdown


def test_hostile_text_is_plain_text_in_the_feed_and_json(hostile_pages: dict[str, str]) -> None:
    feed = etree.fromstring(hostile_pages["feed"].encode("utf-8"))
    ns = {"a": "http://www.w3.org/2005/Atom"}
    titles = [t.text or "" for t in feed.findall("a:entry/a:title", ns)]
    assert any(HOSTILE_DOCUMENT in t for t in titles)  # kept as text, escaped on the wire
    assert feed.findall(".//{http://www.w3.org/1999/xhtml}script") == []
    assert all(c.get("type") == "text" for c in feed.findall("a:entry/a:content", ns))
    assert "<img src=x" not in hostile_pages["feed"]
    text = json.loads(hostile_pages["api"])["text"]
    assert SCRIPT in text and TEMPLATE in text  # the API returns the text as data, exactly

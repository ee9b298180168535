"""Every route, enumerated from the app: who may reach it and which need a CSRF token.

A route added without an entry in ROUTES fails `test_every_route_is_listed`, so nobody adds a page
or endpoint without deciding its access rules.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from starlette.routing import BaseRoute, Mount, Route

from conftest import TOKEN, csrf_of
from termlens.storage import Repository

# (method, path) -> (sample request path, form or json body, open without sign-in)
ROUTES: dict[tuple[str, str], tuple[str, dict[str, str] | None, bool]] = {
    ("GET", "/"): ("/", None, False),
    ("GET", "/services/{name}"): ("/services/Bluesky", None, False),
    ("GET", "/versions/{version_id}"): ("/versions/{v}", None, False),
    ("GET", "/diff"): ("/diff?from={p}&to={v}", None, False),
    ("POST", "/ask"): ("/ask", {"question": "Is Bluesky training AI on my posts?"}, False),
    ("GET", "/services/{name}/report.{ext}"): ("/services/Bluesky/report.md", None, False),
    ("GET", "/feed.atom"): ("/feed.atom", None, False),
    ("GET", "/login"): ("/login", None, True),
    ("POST", "/login"): ("/login", {"token": TOKEN}, True),
    ("POST", "/logout"): ("/logout", {}, False),
    ("GET", "/api/docs"): ("/api/docs", None, False),
    ("GET", "/api/v1/openapi.json"): ("/api/v1/openapi.json", None, False),
    ("GET", "/api/v1/services"): ("/api/v1/services", None, False),
    ("GET", "/api/v1/services/{name}/documents"): ("/api/v1/services/Bluesky/documents", None, False),
    ("GET", "/api/v1/services/{name}/versions"): ("/api/v1/services/Bluesky/versions", None, False),
    ("GET", "/api/v1/versions/{version_id}"): ("/api/v1/versions/{v}", None, False),
    ("GET", "/api/v1/versions/{version_id}/answers"): ("/api/v1/versions/{v}/answers", None, False),
    ("GET", "/api/v1/services/{name}/answers"): ("/api/v1/services/Bluesky/answers", None, False),
    ("GET", "/api/v1/services/{name}/timeline"): ("/api/v1/services/Bluesky/timeline", None, False),
    ("GET", "/api/v1/diff"): ("/api/v1/diff?from={p}&to={v}", None, False),
    ("POST", "/api/v1/ask"): ("/api/v1/ask", {"question": "Is Bluesky training AI on my posts?"}, False),
    ("GET", "/api/v1/services/{name}/report"): ("/api/v1/services/Bluesky/report?format=json", None, False),
    ("GET", "/static"): ("/static/termlens.css", None, True),
}
SAFE = {"GET", "HEAD"}


def _walk(routes: list[BaseRoute], prefix: str = "") -> Iterator[tuple[str, str]]:
    for route in routes:
        included = getattr(route, "original_router", None)  # FastAPI keeps included routers as one route
        if included is not None:
            yield from _walk(included.routes, prefix + getattr(getattr(route, "include_context", None), "prefix", ""))
        elif isinstance(route, Mount):
            yield ("GET", prefix + route.path)
        elif isinstance(route, (APIRoute, Route)):
            for method in route.methods or ():
                if method not in ("HEAD", "OPTIONS"):
                    yield (method, prefix + route.path)


def app_routes(app: FastAPI) -> set[tuple[str, str]]:
    """(method, path) of every route the app serves (HEAD and OPTIONS left to the framework)."""
    return set(_walk(app.routes))


@pytest.fixture(scope="module")
def samples(web_store: tuple[str, Repository]) -> dict[str, str]:
    """Real version ids to fill the sample paths."""
    versions = web_store[1].list_versions("Bluesky")
    return {"v": str(versions[-1].id), "p": str(versions[0].id)}


def _send(client: TestClient, method: str, path: str, body: dict[str, str] | None,
          headers: dict[str, str] | None = None) -> int:
    if method == "GET":
        return client.get(path, headers=headers, follow_redirects=False).status_code
    if path.startswith("/api/"):
        return client.post(path, json=body, headers=headers, follow_redirects=False).status_code
    return client.post(path, data=body, headers=headers, follow_redirects=False).status_code


def test_every_route_is_listed(app: FastAPI) -> None:
    assert app_routes(app) == set(ROUTES)


def test_without_a_token_configured_every_route_answers(app: FastAPI, samples: dict[str, str]) -> None:
    with TestClient(app, base_url="http://127.0.0.1:8000") as client:
        token = csrf_of(client)
        for (method, _), (path, body, _) in ROUTES.items():
            status = _send(client, method, path.format(**samples), body, {"X-CSRF-Token": token})
            assert status in (200, 303), (method, path, status)


def test_with_a_token_nothing_but_sign_in_and_static_files_is_reachable_anonymously(
        token_app: FastAPI, samples: dict[str, str]) -> None:
    with TestClient(token_app, base_url="http://127.0.0.1:8000") as client:
        token = csrf_of(client)
        # Signing in (an open route) last, so that every other route is tried anonymously.
        last_sign_in = sorted(ROUTES.items(), key=lambda r: r[0] == ("POST", "/login"))
        for (method, _), (path, body, is_open) in last_sign_in:
            status = _send(client, method, path.format(**samples), body, {"X-CSRF-Token": token})
            if is_open:
                assert status in (200, 303), (method, path, status)
            else:
                assert status in (401, 303), (method, path, status)
                if status == 303:
                    assert method == "GET" and path == "/"


def test_a_bearer_token_opens_every_route_and_needs_no_csrf(token_app: FastAPI, samples: dict[str, str]) -> None:
    with TestClient(token_app, base_url="http://127.0.0.1:8000") as client:
        for (method, _), (path, body, _) in ROUTES.items():
            status = _send(client, method, path.format(**samples), body, {"Authorization": f"Bearer {TOKEN}"})
            assert status in (200, 303), (method, path, status)
        wrong = _send(client, "GET", "/api/v1/services", None, {"Authorization": "Bearer wrong-token-123"})
        assert wrong == 401


@pytest.mark.parametrize("signed_in", [False, True])
def test_every_state_changing_route_refuses_a_missing_wrong_or_cross_site_csrf_token(
        app: FastAPI, token_app: FastAPI, samples: dict[str, str], signed_in: bool) -> None:
    with TestClient(token_app if signed_in else app, base_url="http://127.0.0.1:8000") as client:
        token = csrf_of(client)
        if signed_in:
            assert client.post("/login", data={"token": TOKEN, "csrf_token": token},
                               follow_redirects=False).status_code == 303
        unsafe = [(m, r) for m, r in ROUTES if m not in SAFE]
        assert len(unsafe) >= 4
        for method, route in unsafe:
            path, body, _ = ROUTES[(method, route)]
            path = path.format(**samples)
            assert _send(client, method, path, body) == 403, ("no token", route)
            assert _send(client, method, path, body, {"X-CSRF-Token": "forged"}) == 403, ("forged", route)
            if body is not None and not path.startswith("/api/"):
                assert _send(client, method, path, {**body, "csrf_token": "forged"}) == 403, ("forged form", route)
            cross = {"X-CSRF-Token": token, "Origin": "http://evil.example"}
            assert _send(client, method, path, body, cross) == 403, ("cross-site", route)
            assert _send(client, method, path, body, {"X-CSRF-Token": token}) in (200, 303), ("valid", route)
            if signed_in and route == "/logout":
                client.post("/login", data={"token": TOKEN, "csrf_token": token})


def test_signing_in_with_a_wrong_token_fails_and_the_right_one_opens_the_dashboard(token_app: FastAPI) -> None:
    with TestClient(token_app, base_url="http://127.0.0.1:8000") as client:
        token = csrf_of(client)
        assert client.get("/api/v1/services").status_code == 401
        assert client.post("/login", data={"token": "not-the-token", "csrf_token": token}).status_code == 401
        signed = client.post("/login", data={"token": TOKEN, "csrf_token": token}, follow_redirects=False)
        assert signed.status_code == 303
        assert TOKEN not in str(client.cookies.get("termlens_session"))
        assert client.get("/api/v1/services").status_code == 200
        assert "Bluesky" in client.get("/").text


def test_pages_carry_security_headers(client: TestClient) -> None:
    response = client.get("/")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"

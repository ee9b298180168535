"""Access control for the dashboard: an optional token, CSRF on every state-changing request,
and headers that keep a page from running anything but our own script.

Without a token the app trusts whoever can reach it, so `termlens serve` refuses to bind beyond
127.0.0.1 without one. With a token every route but the sign-in page and static files needs
either ``Authorization: Bearer TOKEN`` or the session cookie that signing in sets.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Awaitable, Callable
from urllib.parse import parse_qs, urlsplit

from starlette.middleware.base import BaseHTTPMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, RedirectResponse, Response
from starlette.types import ASGIApp

CSRF_COOKIE = "termlens_csrf"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
SESSION_COOKIE = "termlens_session"
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
OPEN_PATHS = ("/login", "/static/")
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


def session_value(token: str) -> str:
    """The cookie value proving a sign-in (derived from the token, never the token itself)."""
    return hmac.new(token.encode("utf-8"), b"termlens-session", hashlib.sha256).hexdigest()


def same_secret(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and hmac.compare_digest(a.encode("utf-8"), b.encode("utf-8"))


class SecurityMiddleware(BaseHTTPMiddleware):
    """Authentication (when a token is configured), CSRF checks and security headers."""

    def __init__(self, app: ASGIApp, token: str | None) -> None:
        super().__init__(app)
        self.token = token

    def bearer(self, request: Request) -> bool:
        """Whether the request carries the token in an Authorization header (not a cookie)."""
        header = request.headers.get("authorization", "")
        return self.token is not None and header.startswith("Bearer ") and same_secret(header[7:].strip(), self.token)

    def authenticated(self, request: Request) -> bool:
        """Whether the request may see the dashboard."""
        if self.token is None or self.bearer(request):
            return True
        return same_secret(request.cookies.get(SESSION_COOKIE), session_value(self.token))

    async def dispatch(self, request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        """Refuse what is not allowed; otherwise pass on and add the headers."""
        path = request.url.path
        csrf = request.cookies.get(CSRF_COOKIE) or ""
        fresh = not csrf
        if fresh:
            csrf = secrets.token_urlsafe(32)
        request.state.csrf = csrf
        refusal = None
        if not path.startswith(OPEN_PATHS) and not self.authenticated(request):
            refusal = self._unauthenticated(request)
        elif request.method not in SAFE_METHODS and not self.bearer(request):
            refusal = await self._csrf_refusal(request, None if fresh else csrf)
        response = refusal or await call_next(request)
        if fresh:
            response.set_cookie(CSRF_COOKIE, csrf, httponly=True, samesite="strict", path="/")
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Frame-Options"] = "DENY"
        return response

    @staticmethod
    def _unauthenticated(request: Request) -> Response:
        if request.url.path.startswith("/api/") or request.method not in SAFE_METHODS:
            return JSONResponse({"detail": "authentication required"}, status_code=401,
                                headers={"WWW-Authenticate": "Bearer"})
        return RedirectResponse("/login", status_code=303) if request.url.path == "/" else PlainTextResponse(
            "authentication required: sign in at /login", status_code=401, headers={"WWW-Authenticate": "Bearer"})

    @staticmethod
    async def _csrf_refusal(request: Request, expected: str | None) -> Response | None:
        origin = request.headers.get("origin")
        if origin is not None and urlsplit(origin).netloc != request.headers.get("host", ""):
            return PlainTextResponse("cross-site request refused", status_code=403)
        sent = request.headers.get(CSRF_HEADER)
        if sent is None and request.headers.get("content-type", "").startswith("application/x-www-form-urlencoded"):
            fields = parse_qs((await request.body()).decode("utf-8", "replace"))
            sent = next(iter(fields.get(CSRF_FIELD, [])), None)
        if not same_secret(sent, expected):
            return PlainTextResponse("missing or wrong CSRF token: reload the page and try again", status_code=403)
        return None

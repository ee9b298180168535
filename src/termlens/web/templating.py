"""Jinja2 templates with autoescape on, and the context every page shares."""

from __future__ import annotations

from functools import lru_cache

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, select_autoescape

from termlens.analysis import ANALYZER_VERSION
from termlens.reports.model import OTA_ATTRIBUTION


@lru_cache(maxsize=1)
def environment() -> Environment:
    """The template environment: every value is HTML-escaped unless it is marked safe in code."""
    return Environment(loader=PackageLoader("termlens.web", "templates"),
                       autoescape=select_autoescape(["html"], default=True), trim_blocks=True, lstrip_blocks=True)


def page(request: Request, template: str, status_code: int = 200, **context: object) -> HTMLResponse:
    """Render a template with the shared context (CSRF token, sign-in state, attribution)."""
    shared: dict[str, object] = {
        "request": request, "csrf": getattr(request.state, "csrf", ""), "analyzer_version": ANALYZER_VERSION,
        "signed_in": request.app.state.token is not None, "attribution": OTA_ATTRIBUTION,
    }
    html = environment().get_template(template).render(**shared, **context)
    return HTMLResponse(html, status_code=status_code)

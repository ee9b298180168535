"""The dashboard's HTML pages: portfolio, service, version, diff, ask, report downloads, feed."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from markupsafe import Markup

from termlens.domain.vocabulary import QUESTIONS, Condition, Verdict
from termlens.reports.chart import timeline_svg
from termlens.reports.model import build_report
from termlens.reports.render import render
from termlens.web.catalog import Catalog, NotFound
from termlens.web.feed import atom_feed
from termlens.web.security import SESSION_COOKIE, same_secret, session_value
from termlens.web.templating import page
from termlens.web.views import diff_view, version_blocks

router = APIRouter(include_in_schema=False)
SHORT = {q.id: q.short for q in QUESTIONS}
REPORT_TYPES = {"html": ("html", "text/html; charset=utf-8"), "md": ("markdown", "text/markdown; charset=utf-8"),
                "json": ("json", "application/json"), "pdf": ("pdf", "application/pdf")}


def catalog(request: Request) -> Catalog:
    """The catalog the app was created with."""
    value = request.app.state.catalog
    assert isinstance(value, Catalog)
    return value


@router.get("/", response_class=HTMLResponse)
def portfolio_page(request: Request) -> Response:
    """Every service with its eight current answers."""
    return page(request, "portfolio.html", rows=catalog(request).portfolio(), questions=QUESTIONS, service=None)


@router.get("/services/{name}", response_class=HTMLResponse)
def service_page(request: Request, name: str) -> Response:
    """One service: answers per document, timeline chart and list, versions, ask box."""
    cat = catalog(request)
    try:
        service = cat.service(name)
    except NotFound as exc:
        raise HTTPException(404, str(exc)) from None
    events = cat.timeline(service)
    versions = cat.repository.list_versions(service)
    previous = {v.id: v.parent_id for v in versions if v.parent_id is not None}
    return page(request, "service.html", service=service, current=cat.analyses.current(service), questions=QUESTIONS,
                events=events, chart=Markup(timeline_svg(events, title=f"{service}: versions and material changes")),
                versions=versions, previous=previous, short=SHORT)


@router.get("/versions/{version_id}", response_class=HTMLResponse)
def version_page(request: Request, version_id: int) -> Response:
    """One version: its answers and its text by section, the evidence highlighted."""
    try:
        analyzed = catalog(request).version(version_id)
    except NotFound as exc:
        raise HTTPException(404, str(exc)) from None
    return page(request, "version.html", v=analyzed, blocks=version_blocks(analyzed), short=SHORT)


@router.get("/diff", response_class=HTMLResponse)
def diff_page(request: Request, old: Annotated[int, Query(alias="from")],
              new: Annotated[int, Query(alias="to")]) -> Response:
    """Any two versions compared clause by clause, and their answers side by side."""
    cat = catalog(request)
    try:
        before, after = cat.version(old), cat.version(new)
    except NotFound as exc:
        raise HTTPException(404, str(exc)) from None
    return page(request, "diff.html", old=before, new=after, view=diff_view(before, after))


@router.post("/ask", response_class=HTMLResponse)
def ask_page(request: Request, question: Annotated[str, Form(max_length=500)],
             service: Annotated[str | None, Form()] = None) -> Response:
    """Answer a plain-English question (a fragment for htmx, a full page otherwise)."""
    fragment = request.headers.get("hx-request") == "true"
    context: dict[str, Any] = {"asked": question, "service": service, "result": None, "error": None}
    if not question.strip():
        context["error"] = "The question is empty."
    else:
        try:
            result = catalog(request).ask(question, service or None)
            context["result"] = result
            body = result.body
            confidence = body.get("confidence")
            words = Verdict(str(body["verdict"])).plain(float(confidence) if isinstance(confidence, float) else 0.0)
            condition = Condition(str(body["condition"])).plain()
            context["words"] = f"{words}, {condition}" if condition else words
        except NotFound as exc:
            context["error"] = f"Cannot answer: {exc}."
    return page(request, "_answer.html" if fragment else "ask.html", **context)


@router.get("/services/{name}/report.{ext}")
def report_download(request: Request, name: str, ext: str) -> Response:
    """The service's report as a file (html, md, json or pdf)."""
    if ext not in REPORT_TYPES:
        raise HTTPException(404, f"no report format {ext!r}")
    fmt, media = REPORT_TYPES[ext]
    try:
        report = build_report(catalog(request).analyses, name)
    except LookupError as exc:
        raise HTTPException(404, str(exc.args[0])) from None
    filename = f"termlens-{''.join(c for c in report.service if c.isalnum()) or 'report'}.{ext}"
    disposition = "inline" if ext == "html" else "attachment"
    return Response(render(report, fmt), media_type=media,
                    headers={"Content-Disposition": f'{disposition}; filename="{filename}"'})


@router.get("/feed.atom")
def feed(request: Request) -> Response:
    """An Atom feed of material changes across every service, newest first."""
    cat = catalog(request)
    events = [(s.name, e) for s in cat.repository.list_services() for e in cat.changes(s.name) if e.record.material]
    return Response(atom_feed(events, str(request.base_url)), media_type="application/atom+xml")


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request) -> Response:
    """The sign-in form (only useful when a token is configured)."""
    return page(request, "login.html", error=None)


@router.post("/login", response_class=HTMLResponse)
def login(request: Request, token: Annotated[str, Form(max_length=500)]) -> Response:
    """Check the token and set the session cookie."""
    configured = request.app.state.token
    if configured is None:
        return RedirectResponse("/", status_code=303)
    if not same_secret(token, configured):
        return page(request, "login.html", status_code=401, error="Wrong token.")
    response = RedirectResponse("/", status_code=303)
    response.set_cookie(SESSION_COOKIE, session_value(configured), httponly=True, samesite="strict", path="/")
    return response


@router.post("/logout")
def logout(request: Request) -> Response:
    """Forget the session cookie."""
    response = RedirectResponse("/login" if request.app.state.token else "/", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response

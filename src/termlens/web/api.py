"""The REST API under /api/v1 (OpenAPI at /api/v1/openapi.json): services, documents, versions,
answers, timeline, diff, ask and report. Responses carry the analyzer's output-contract shapes."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field

from termlens.analysis import ANALYZER_VERSION
from termlens.pipeline.timeline import timeline_json
from termlens.reports.model import build_report
from termlens.reports.render import render
from termlens.web.catalog import Catalog, NotFound
from termlens.web.views import diff_view

router = APIRouter(prefix="/api/v1", tags=["termlens"])


def _catalog(request: Request) -> Catalog:
    value = request.app.state.catalog
    assert isinstance(value, Catalog)
    return value


def _service(request: Request, name: str) -> str:
    try:
        return _catalog(request).service(name)
    except NotFound as exc:
        raise HTTPException(404, str(exc)) from None


def _version_json(request: Request, version_id: int, with_text: bool) -> dict[str, object]:
    try:
        analyzed = _catalog(request).version(version_id)
    except NotFound as exc:
        raise HTTPException(404, str(exc)) from None
    v = analyzed.version
    body: dict[str, object] = {"id": v.id, "service": v.service, "document": v.document_type,
                               "recorded_at": v.recorded_at, "effective_date": v.effective_date,
                               "parent_id": v.parent_id, "sha256": v.text_sha256, "source": v.source,
                               "technical": v.technical, "words": analyzed.analysis.words}
    if with_text:
        body["text"] = v.text
    return body


@router.get("/services", summary="Every stored service with document and version counts")
def services(request: Request) -> dict[str, object]:
    """Every service."""
    return {"services": [vars(s) for s in _catalog(request).repository.list_services()]}


@router.get("/services/{name}/documents", summary="A service's documents")
def documents(request: Request, name: str) -> dict[str, object]:
    """A service's documents with version counts."""
    service = _service(request, name)
    return {"service": service, "documents": [vars(d) for d in _catalog(request).repository.list_documents(service)]}


@router.get("/services/{name}/versions", summary="A service's versions, oldest first")
def versions(request: Request, name: str) -> dict[str, object]:
    """A service's versions (without texts)."""
    service = _service(request, name)
    rows = _catalog(request).repository.list_versions(service)
    return {"service": service, "versions": [{k: v for k, v in vars(r).items() if k not in ("text", "words")}
                                             for r in rows]}


@router.get("/versions/{version_id}", summary="One version with its text")
def version(request: Request, version_id: int) -> dict[str, object]:
    """One version, its metadata and its normalized text."""
    return _version_json(request, version_id, with_text=True)


@router.get("/versions/{version_id}/answers", summary="The analysis of one version (output contract)")
def version_answers(request: Request, version_id: int) -> dict[str, object]:
    """The eight answers and every item × use for one version."""
    meta = _version_json(request, version_id, with_text=False)
    analyzed = _catalog(request).version(version_id)
    return analyzed.analysis.to_json({"service": meta["service"], "type": meta["document"], "version": version_id,
                                      "sha256": meta["sha256"]})


@router.get("/services/{name}/answers", summary="A service's current answers, per document and combined")
def service_answers(request: Request, name: str) -> dict[str, object]:
    """The current version of each document analysed, and the combined (most informative) answers."""
    cat = _catalog(request)
    service = _service(request, name)
    row = next((r for r in cat.portfolio() if r.service == service), None)
    return {
        "service": service, "analyzer": {"name": "termlens", "version": ANALYZER_VERSION},
        "combined": row.to_json()["answers"] if row else {},
        "documents": [{"type": v.version.document_type, "version": v.version.id,
                       "answers": [a.to_json() for a in v.analysis.answers]} for v in cat.analyses.current(service)],
    }


@router.get("/services/{name}/timeline", summary="A service's change records, oldest first")
def timeline(request: Request, name: str) -> dict[str, object]:
    """The timeline contract: one event per version, with materiality, topics and answer changes."""
    service = _service(request, name)
    return timeline_json(service, _catalog(request).timeline(service))


@router.get("/diff", summary="Clause-level diff and answer changes between two versions")
def diff(request: Request, old: Annotated[int, Query(alias="from")],
         new: Annotated[int, Query(alias="to")]) -> dict[str, object]:
    """Changed clauses (word runs tagged equal/insert/delete) and answers before and after."""
    cat = _catalog(request)
    try:
        view = diff_view(cat.version(old), cat.version(new))
    except NotFound as exc:
        raise HTTPException(404, str(exc)) from None
    return {"from": old, "to": new, "cosmetic_changes": view.cosmetic, "unchanged_clauses": view.unchanged,
            "changes": [{"section": r.section, "kind": r.kind, "note": r.note,
                         "words": [{"tag": t, "text": x} for t, x in r.words]} for r in view.rows],
            "answers": [{"question": q, "before": b, "after": a, "changed": c} for q, b, a, c in view.answers]}


class AskRequest(BaseModel):
    """A plain-English question about a service."""

    question: str = Field(min_length=1, max_length=500, examples=["Is Zoom training AI on my screen shares?"])
    service: str | None = Field(default=None, description="Default: the service the question names.")


@router.post("/ask", summary="Answer a plain-English question (needs the CSRF header or a bearer token)")
def ask(request: Request, body: AskRequest) -> dict[str, object]:
    """What was understood, the verdict, condition, evidence and the document it came from."""
    try:
        result = _catalog(request).ask(body.question, body.service)
    except NotFound as exc:
        raise HTTPException(404, str(exc)) from None
    answer = dict(result.body)
    answer["analyzer"] = {"name": "termlens", "version": ANALYZER_VERSION}
    return answer


@router.get("/services/{name}/report", summary="A service's report (json, markdown, html or pdf)")
def report(request: Request, name: str, fmt: Annotated[Literal["json", "markdown", "html", "pdf"],
                                                      Query(alias="format")] = "json",
           at: Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}-\d{2}$")] = None) -> Response:
    """The report as of a date (default: now)."""
    try:
        built = build_report(_catalog(request).analyses, name, at=at)
    except LookupError as exc:
        raise HTTPException(404, str(exc.args[0])) from None
    media = {"json": "application/json", "markdown": "text/markdown; charset=utf-8",
             "html": "text/html; charset=utf-8", "pdf": "application/pdf"}[fmt]
    return Response(render(built, fmt), media_type=media)

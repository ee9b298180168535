"""The FastAPI application: the dashboard pages, the REST API and the security middleware."""

from __future__ import annotations

from importlib import resources

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from termlens import __version__
from termlens.storage import Repository
from termlens.web import api, pages
from termlens.web.catalog import Catalog
from termlens.web.security import SecurityMiddleware
from termlens.web.templating import page


def create_app(repository: Repository, token: str | None = None) -> FastAPI:
    """The app over one repository; with ``token`` every route but sign-in and static files needs it."""
    app = FastAPI(title="termlens", version=__version__, docs_url=None, redoc_url=None,
                  openapi_url="/api/v1/openapi.json",
                  description="What vendors' terms say about your data, with evidence, and how they changed.")
    app.state.catalog = Catalog(repository)
    app.state.token = token
    app.add_middleware(SecurityMiddleware, token=token)
    static = resources.files("termlens.web").joinpath("static")
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    app.include_router(pages.router)
    app.include_router(api.router)

    @app.get("/api/docs", include_in_schema=False, response_class=HTMLResponse)
    def api_docs(request: Request) -> Response:
        """The API described from its OpenAPI document (served here, no CDN)."""
        return page(request, "apidocs.html", spec=app.openapi())

    @app.exception_handler(HTTPException)
    def http_error(request: Request, exc: HTTPException) -> Response:
        """Errors as JSON under /api, as a page elsewhere."""
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code)
        return page(request, "error.html", status_code=exc.status_code, status=exc.status_code, message=exc.detail)

    @app.exception_handler(RequestValidationError)
    def bad_request(request: Request, exc: RequestValidationError) -> Response:
        """Bad parameters: one line naming them, 422."""
        reasons = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": reasons}, status_code=422)
        return page(request, "error.html", status_code=422, status=422, message=reasons)

    return app

"""The web app: pages and JSON API over one store, locked down by default."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.middleware.trustedhost import TrustedHostMiddleware
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from storyline import __version__
from storyline.store import open_store
from storyline.web import api, pages
from storyline.web.cache import PageCache
from storyline.web.deps import Settings
from storyline.web.render import render
from storyline.web.security import LOOPBACK_HOSTS, secure

STATIC = Path(__file__).parent / "static"


def create_app(
    db: str | Path, *, allow_ingest: bool = False, allowed_hosts: tuple[str, ...] | None = LOOPBACK_HOSTS, model: str = "fast"
) -> FastAPI:
    """An app serving the store at `db` (path or URL); `allowed_hosts=None` accepts any Host (a public `--host`).

    The Host check keeps a loopback server from answering a hostile site's DNS-rebound name.
    """
    with open_store(db) as store:
        store.optimize()
    app = FastAPI(
        title="storyline", version=__version__, docs_url=None, redoc_url=None,
        description="Stories, statements and speakers from news, and how each outlet reported them.",
    )  # fmt: skip
    app.state.settings = Settings(str(db), allow_ingest, model)
    app.state.pages = PageCache()
    app.middleware("http")(secure)
    if allowed_hosts is not None:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts))
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    app.add_exception_handler(HTTPException, _error)
    return app


async def _error(request: Request, exc: HTTPException) -> Response:  # type: ignore[override]
    """JSON for the API, a page for people."""
    if request.url.path.startswith("/api/"):
        return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)
    response = render(request, "error.html", status=exc.status_code, detail=exc.detail)
    response.status_code = exc.status_code
    return response

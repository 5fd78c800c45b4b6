"""The HTML pages: the same queries and views as the API, rendered server-side."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, HTTPException, Query, Request, UploadFile
from fastapi.responses import HTMLResponse

from storyline.store import Store
from storyline.web import charts, deps, queries, views
from storyline.web.api import run_ingest
from storyline.web.cache import cached_page
from storyline.web.render import render

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
StoreDep = Annotated[Store, Depends(deps.store)]
SettingsDep = Annotated[deps.Settings, Depends(deps.settings)]
Offset = Annotated[int, Query(ge=0)]
Limit = Annotated[int, Query(ge=1, le=queries.MAX_LIMIT)]
Every = Annotated[bool, Query(alias="all")]  # statements below the shown confidence too


def found(value: Any, what: str) -> Any:
    if value is None:
        raise HTTPException(404, f"No such {what} in this store.")
    return value


@router.get("/")
@cached_page
def home(request: Request, store: StoreDep, settings: SettingsDep) -> Any:
    return render(
        request, "home.html", counts=queries.counts(store), stories=queries.stories(store, 12),
        storylines=queries.storylines(store, 8), speakers=queries.top_speakers(store, 10),
        settings=settings,
    )  # fmt: skip


LISTS = {  # list page name -> (title, query, default page size)
    "stories": ("Stories", queries.stories, 25),
    "storylines": ("Storylines", queries.storylines, 25),
    "speakers": ("Speakers", queries.top_speakers, 50),
    "articles": ("Articles", queries.articles, 25),
}


def _list_page(name: str) -> Any:
    title, query, size = LISTS[name]

    @cached_page
    def page(request: Request, store: StoreDep, offset: Offset = 0, limit: Limit | None = None) -> Any:
        return render(request, "list.html", name=name, title=title, page=query(store, limit or size, offset))

    return page


for _name in LISTS:
    router.add_api_route(f"/{_name}", _list_page(_name), methods=["GET"], name=_name)


@router.get("/story/{story_id}")
@cached_page
def story(request: Request, story_id: str, store: StoreDep) -> Any:
    return render(request, "story.html", story=found(views.story_view(store, story_id), "story"))


@router.get("/storyline/{storyline_id}")
@cached_page
def storyline(request: Request, storyline_id: str, store: StoreDep) -> Any:
    line = views.with_discrepancies(store, found(queries.storyline(store, storyline_id), "storyline"))
    return render(request, "storyline.html", line=line, chart=charts.timeline(line["stories"]))


@router.get("/speaker/{speaker_id}")
@cached_page
def speaker(request: Request, speaker_id: str, store: StoreDep, offset: Offset = 0, every: Every = False) -> Any:
    who = found(queries.speaker(store, speaker_id), "speaker")
    return render(
        request, "speaker.html", speaker=who, chart=charts.activity(who["by_day"]), every=every,
        page=queries.speaker_statements(store, speaker_id, 25, offset, every),
    )  # fmt: skip


@router.get("/article/{article_id}")
@cached_page
def article(request: Request, article_id: str, store: StoreDep) -> Any:
    return render(request, "article.html", view=found(views.article_view(store, article_id), "article"))


@router.get("/search")
def search(
    request: Request, store: StoreDep, q: str = "", scope: str = "statements", speaker: str = "",
    outlet: str = "", kind: str = "", date_from: str = "", date_to: str = "", offset: Offset = 0, every: Every = False,
) -> Any:  # fmt: skip
    filters = queries.SearchFilters(
        q.strip(), "articles" if scope == "articles" else "statements", speaker.strip(), outlet,
        kind if kind in {"direct", "indirect", "mixed"} else "", date_from, date_to, every,
    )  # fmt: skip
    return render(
        request, "search.html", f=filters, page=queries.search(store, filters, 20, offset),
        outlets=queries.outlets(store),
    )  # fmt: skip


@router.get("/ingest")
def ingest_form(request: Request, settings: SettingsDep) -> Any:
    return render(request, "ingest.html", settings=settings, result=None, error=None)


@router.post("/ingest")
def ingest_submit(
    request: Request, settings: SettingsDep, urls: Annotated[str, Form()] = "",
    files: Annotated[list[UploadFile] | None, File()] = None,
) -> Any:  # fmt: skip
    try:
        result, error = run_ingest(settings, urls, files or []), None
    except HTTPException as exc:
        if exc.status_code == 403:
            raise
        result, error = None, exc.detail
    return render(request, "ingest.html", settings=settings, result=result, error=error)


@router.get("/api")
def api_docs(request: Request) -> Any:
    """The API reference, from the OpenAPI schema, without the third-party Swagger assets."""
    schema = request.app.openapi()
    endpoints = [
        {"method": method.upper(), "path": path, "summary": op.get("summary", ""), "doc": op.get("description", ""),
         "params": [p["name"] for p in op.get("parameters", [])]}
        for path, ops in schema["paths"].items() for method, op in ops.items()
    ]  # fmt: skip
    return render(request, "api.html", endpoints=endpoints, version=schema["info"]["version"])

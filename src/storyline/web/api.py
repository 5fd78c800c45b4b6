"""The JSON API: the pages' data for scripts, every list paginated (limit/offset, with totals)."""

from __future__ import annotations

import io
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, File, Form, HTTPException, Query, UploadFile
from fastapi.responses import Response
from pydantic import BaseModel

from storyline import export
from storyline.compare import report
from storyline.store import Store
from storyline.web import deps, ingest, queries, views

router = APIRouter(prefix="/api", tags=["api"])
StoreDep = Annotated[Store, Depends(deps.store)]
Limit = Annotated[int, Query(ge=1, le=queries.MAX_LIMIT, description="Items per page.")]
Offset = Annotated[int, Query(ge=0, description="Items to skip.")]
Every = Annotated[bool, Query(alias="all", description="Statements below the shown confidence too (tentative).")]


class PageOut(BaseModel):
    """One page of a list; ask again with `offset=next_offset` until it is null."""

    total: int
    limit: int
    offset: int
    next_offset: int | None
    items: list[dict[str, Any]]


def found(value: Any, what: str) -> Any:
    if value is None:
        raise HTTPException(404, f"no such {what}")
    return value


@router.get("/stats")
def stats(store: StoreDep) -> dict[str, int]:
    """How much the store holds."""
    return queries.counts(store)


@router.get("/stories", response_model=PageOut)
def stories(store: StoreDep, limit: Limit = 20, offset: Offset = 0) -> dict[str, Any]:
    """Stories, latest first, with article and outlet counts."""
    return queries.stories(store, limit, offset).to_dict()


@router.get("/stories/{story_id}")
def story(story_id: str, store: StoreDep) -> dict[str, Any]:
    """A story: articles (near-copies folded), coverage matrix, statements by speaker, discrepancies."""
    return found(views.story_view(store, story_id), "story")


@router.get("/storylines", response_model=PageOut)
def storylines(store: StoreDep, limit: Limit = 20, offset: Offset = 0) -> dict[str, Any]:
    """Storylines, most recently active first."""
    return queries.storylines(store, limit, offset).to_dict()


@router.get("/storylines/{storyline_id}")
def storyline(storyline_id: str, store: StoreDep) -> dict[str, Any]:
    """A storyline's stories in time order, each with its dated articles, and its discrepancies."""
    line = found(queries.storyline(store, storyline_id), "storyline")
    return views.with_discrepancies(store, line)


@router.get("/speakers", response_model=PageOut)
def speakers(store: StoreDep, limit: Limit = 20, offset: Offset = 0) -> dict[str, Any]:
    """Resolved speakers, most quoted first."""
    return queries.top_speakers(store, limit, offset).to_dict()


@router.get("/speakers/{speaker_id}")
def speaker(speaker_id: str, store: StoreDep) -> dict[str, Any]:
    """A speaker: name forms seen (with the outlets that used them) and statements per day."""
    return found(queries.speaker(store, speaker_id), "speaker")


@router.get("/speakers/{speaker_id}/statements", response_model=PageOut)
def speaker_statements(
    speaker_id: str, store: StoreDep, limit: Limit = 25, offset: Offset = 0, every: Every = False
) -> dict[str, Any]:
    """A speaker's statements, newest first, with outlet and date."""
    return queries.speaker_statements(store, speaker_id, limit, offset, every).to_dict()


@router.get("/articles", response_model=PageOut)
def articles(store: StoreDep, limit: Limit = 25, offset: Offset = 0) -> dict[str, Any]:
    """Articles, newest first."""
    return queries.articles(store, limit, offset).to_dict()


@router.get("/articles/{article_id}")
def article(article_id: str, store: StoreDep) -> dict[str, Any]:
    """An article's text with statements, mentions and entities; spans are offsets into `text`."""
    return found(views.article_view(store, article_id), "article").to_dict()


@router.get("/search", response_model=PageOut)
def search(
    store: StoreDep,
    q: str = "",
    scope: Literal["statements", "articles"] = "statements",
    speaker: str = "",
    outlet: str = "",
    kind: Literal["", "direct", "indirect", "mixed"] = "",
    date_from: Annotated[str, Query(description="ISO date, inclusive.")] = "",
    date_to: Annotated[str, Query(description="ISO date, inclusive.")] = "",
    limit: Limit = 20,
    offset: Offset = 0,
    every: Every = False,
) -> dict[str, Any]:
    """Full-text search over statements or articles, narrowed by speaker, outlet, statement kind and dates."""
    filters = queries.SearchFilters(q, scope, speaker, outlet, kind, date_from, date_to, every)
    return queries.search(store, filters, limit, offset).to_dict()


MEDIA = {"csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson; charset=utf-8",
         "md": "text/markdown; charset=utf-8", "html": "text/html; charset=utf-8"}  # fmt: skip


def download(body: str, fmt: str, name: str) -> Response:
    """A file to save, never a page to render: an exported HTML report is not run in this origin."""
    return Response(body, media_type=MEDIA[fmt], headers={"Content-Disposition": f'attachment; filename="{name}"'})


@router.get("/export/statements.{fmt}")
def export_statements(
    fmt: Literal["csv", "jsonl"], store: StoreDep, story_id: Annotated[str | None, Query(description="Only this story.")] = None,
    every: Every = False,
) -> Response:
    """Statements as CSV or JSON Lines (the `storyline export` rows), optionally one story's only."""
    rows = export.statements(store, every)
    if story_id is not None:
        ids = set(found(store.story_article_ids(story_id) or None, "story"))
        rows = (r for r in rows if r["article_id"] in ids)
    out = io.StringIO()
    export.WRITERS[fmt](rows, out)
    return download(out.getvalue(), fmt, f"statements{'-' + story_id if story_id else ''}.{fmt}")


@router.get("/stories/{story_id}/report.{fmt}")
def story_report(story_id: str, fmt: Literal["md", "html"], store: StoreDep) -> Response:
    """The story's report in Markdown or HTML (as `storyline report --story`)."""
    try:
        body = report.render(store, fmt, story_id=story_id)
    except KeyError as exc:
        raise HTTPException(404, "no such story") from exc
    return download(body, fmt, f"story-{story_id}.{fmt}")


def run_ingest(settings: deps.Settings, urls: str, files: list[UploadFile]) -> dict[str, object]:
    if not settings.allow_ingest:
        raise HTTPException(403, "read-only: start the server with --allow-ingest to add articles")
    uploads = [ingest.Upload(f.filename or "upload.html", f.file.read()) for f in files if f.filename]
    try:
        return ingest.run(settings.db, ingest.urls_from(urls), uploads, settings.model)
    except ingest.IngestError as exc:
        raise HTTPException(400, str(exc)) from exc


@router.post("/ingest")
def ingest_articles(
    settings: Annotated[deps.Settings, Depends(deps.settings)],
    urls: Annotated[str, Form(description="URLs, one per line.")] = "",
    files: Annotated[list[UploadFile] | None, File(description="HTML, text, JSONL or CSV files.")] = None,
) -> dict[str, object]:
    """Analyse URLs and uploaded files into the store (only with `--allow-ingest`)."""
    return run_ingest(settings, urls, files or [])

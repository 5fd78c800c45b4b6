"""The Jinja2 environment for pages: autoescaping on, plus the few filters templates need."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.templating import Jinja2Templates
from markupsafe import Markup

from storyline.analysis.confidence import SHOWN_CONFIDENCE
from storyline.store.dialect import MARK_CLOSE, MARK_OPEN
from storyline.web.highlight import mark_snippet
from storyline.web.queries import Page

TEMPLATES = Jinja2Templates(directory=Path(__file__).parent / "templates")
TEMPLATES.env.autoescape = True  # every template, whatever its file name
TEMPLATES.env.trim_blocks = True
TEMPLATES.env.lstrip_blocks = True


def _snippet(text: str | None) -> Markup:
    return mark_snippet(text, MARK_OPEN, MARK_CLOSE)


def _day(iso: str | None) -> str:
    return (iso or "")[:10] or "undated"


def _web_url(url: str | None) -> str | None:
    """Only http(s) links leave the page: a `javascript:` URL in the data must not become a link."""
    return url if url and url.lower().startswith(("http://", "https://")) else None


TEMPLATES.env.filters.update(snippet=_snippet, day=_day, web_url=_web_url)


def page_url(request: Request, page: Page, offset: int | None) -> str | None:
    """The same URL with another offset: pagers keep every filter the user set."""
    if offset is None:
        return None
    params = dict(request.query_params)
    params["offset"] = str(offset)
    params["limit"] = str(page.limit)
    return f"{request.url.path}?{urlencode(params)}"


TEMPLATES.env.globals["page_url"] = page_url  # a global, so imported macros see it too
TEMPLATES.env.globals["shown_confidence"] = SHOWN_CONFIDENCE


def render(request: Request, template: str, **context: Any) -> Any:
    return TEMPLATES.TemplateResponse(request, template, context)

"""Rendered pages kept until the store changes: a busy story page costs one small query, not a report.

A page is keyed by its URL and the store's revision, a number every committed write changes, so a
cached page is never older than the data: while an ingest writes, pages are rendered again once per
write instead of once per reader.
"""

from __future__ import annotations

import functools
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, Response

from storyline.store import Store


@dataclass(frozen=True, slots=True)
class _Rendered:
    revision: int
    body: bytes
    status: int


class PageCache:
    """The most recently used pages, each with the revision it was rendered at; safe across threads."""

    def __init__(self, size: int = 256) -> None:
        self.size = size
        self._pages: OrderedDict[str, _Rendered] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str, revision: int) -> _Rendered | None:
        with self._lock:
            page = self._pages.get(key)
            if page is None or page.revision != revision:
                return None
            self._pages.move_to_end(key)
            return page

    def put(self, key: str, page: _Rendered) -> None:
        with self._lock:
            self._pages[key] = page
            self._pages.move_to_end(key)
            while len(self._pages) > self.size:
                self._pages.popitem(last=False)


def cached_page(handler: Callable[..., Response]) -> Callable[..., Response]:
    """A page route whose response is served from the app's `PageCache` while the store is unchanged.

    The route must take `request` and `store` by those names; a fresh response is built from the cached
    body for every request, so middleware can set its headers on it as usual.
    """

    @functools.wraps(handler)
    def route(*args: Any, **kwargs: Any) -> Response:
        request: Request = kwargs["request"]
        store: Store = kwargs["store"]
        cache: PageCache = request.app.state.pages
        key, revision = str(request.url), store.revision()
        page = cache.get(key, revision)
        if page is None:
            response = handler(*args, **kwargs)
            page = _Rendered(revision, bytes(response.body), response.status_code)
            cache.put(key, page)
        return HTMLResponse(page.body, status_code=page.status)

    return route

"""Which stories a new article can join, found without touching every story ever made.

News is local in time: an article can only join a story active within a few days of it, so stories
are filed under every day they are active and a dated article looks only at the days around its
own. Among those, the nearest centroids (one matrix product) are the candidates that get the full,
costlier score. Assignment cost is therefore bounded by the stories of one week, not by the size
of the store. Undated articles (some corpora have no dates) are compared with every centroid, still
as one vectorised product.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

import numpy as np

INITIAL_CAPACITY = 1024


class CentroidIndex:
    """Story centroids in a growable matrix, filed by the days each story is active."""

    def __init__(self, dim: int | None = None, window_days: int = 7) -> None:
        self.window_days = window_days
        self._dim = dim
        self._matrix = np.zeros((0, 0), dtype=np.float32)
        self._ids: list[str] = []
        self._row: dict[str, int] = {}
        self._span: dict[int, tuple[int, int]] = {}  # row -> (first, last) publication ordinal
        self._by_day: dict[int, set[int]] = defaultdict(set)
        self._undated: set[int] = set()  # stories none of whose articles has a date: always candidates

    def __len__(self) -> int:
        return len(self._ids)

    def update(self, story_id: str, centroid: np.ndarray, published: list[date]) -> None:
        """Insert or refresh one story after an article joined it."""
        row = self._row.get(story_id)
        if row is None:
            row = self._append(story_id, centroid)
        self._matrix[row] = centroid
        if not published:
            self._undated.add(row)
            return
        self._undated.discard(row)
        first, last = min(published).toordinal(), max(published).toordinal()
        old_first, old_last = self._span.get(row, (first, first - 1))
        for day in range(first, last + 1):
            if not old_first <= day <= old_last:
                self._by_day[day].add(row)
        self._span[row] = (min(first, old_first), max(last, old_last)) if row in self._span else (first, last)

    def centroid(self, story_id: str) -> np.ndarray:
        return self._matrix[self._row[story_id]].copy()

    def nearest(self, embedding: np.ndarray, published: date | None, k: int) -> list[str]:
        """Ids of up to `k` stories active around `published` with the most similar centroids."""
        rows = self._active_rows(published)
        if rows.size == 0:
            return []
        # einsum's own loop, not BLAS: a threaded BLAS matrix-vector product stalls for tens of
        # milliseconds when the cores are busy, and one product of this size gains nothing from threads.
        cosines = np.einsum("ij,j->i", self._matrix[rows], embedding)
        if rows.size > k:
            top = np.argpartition(-cosines, k - 1)[:k]
            rows, cosines = rows[top], cosines[top]
        order = np.lexsort((rows, -cosines))  # ties: the older story first, so results are deterministic
        return [self._ids[r] for r in rows[order]]

    def _active_rows(self, published: date | None) -> np.ndarray:
        if published is None:
            return np.arange(len(self._ids))
        day = published.toordinal()
        rows = set(self._undated)
        for d in range(day - self.window_days, day + self.window_days + 1):
            rows |= self._by_day.get(d, set())
        return np.fromiter(sorted(rows), dtype=np.int64, count=len(rows))

    def _append(self, story_id: str, centroid: np.ndarray) -> int:
        if self._dim is None:
            self._dim = centroid.shape[0]
        if len(self._ids) == self._matrix.shape[0]:
            grown = np.zeros((max(INITIAL_CAPACITY, 2 * len(self._ids)), self._dim), dtype=np.float32)
            if self._ids:
                grown[: len(self._ids)] = self._matrix[: len(self._ids)]
            self._matrix = grown
        self._ids.append(story_id)
        self._row[story_id] = len(self._ids) - 1
        return len(self._ids) - 1

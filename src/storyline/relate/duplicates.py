"""Near-duplicate detection: syndicated and lightly edited copies of one article.

A wire story reprinted with a new headline, a trimmed sentence or an outlet prefix is one report,
not corroboration: the pipeline keeps the copy but counts only the original.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from datasketch import MinHash, MinHashLSH

from storyline.relate.features import MINHASH_SCHEME, NUM_PERM, ArticleFeatures


@dataclass(frozen=True, slots=True)
class DuplicateMatch:
    """`article_id` is a copy of `original_id`; `similarity` is their estimated shingle Jaccard."""

    article_id: str
    original_id: str
    similarity: float

    def counterpart(self, article_id: str) -> str:
        """The other article of the pair: what an article should be grouped with."""
        return self.original_id if article_id == self.article_id else self.article_id


@dataclass(frozen=True, slots=True)
class _Entry:
    order: int
    published: date | None
    sketch: MinHash

    def sort_key(self) -> tuple[date, int]:
        """Earlier publication wins; unknown dates lose to known ones; ties go to the first added."""
        return (self.published or date.max, self.order)


class NearDuplicateIndex:
    """MinHash LSH over word shingles; candidates are confirmed by their estimated Jaccard."""

    def __init__(self, threshold: float = 0.8) -> None:
        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._entries: dict[str, _Entry] = {}
        self._original: dict[str, str] = {}  # copy id -> original id, resolved to the root

    def add(self, f: ArticleFeatures) -> DuplicateMatch | None:
        """Index `f` and report the copy/original pair it forms with an earlier-added article, if any."""
        if f.article_id in self._entries:
            return self._match_of(f.article_id)
        sketch = MinHash(num_perm=NUM_PERM, hashvalues=f.minhash, scheme=MINHASH_SCHEME)
        entry = _Entry(len(self._entries), f.published, sketch)
        best = self._best_candidate(sketch)
        self._entries[f.article_id] = entry
        self._lsh.insert(f.article_id, sketch)
        if best is None:
            return None
        other_id, similarity = best
        root_id = self._original.get(other_id, other_id)
        if entry.sort_key() < self._entries[root_id].sort_key():
            self._promote(root_id, f.article_id)
            return DuplicateMatch(root_id, f.article_id, similarity)
        self._original[f.article_id] = root_id
        return DuplicateMatch(f.article_id, root_id, similarity)

    def _promote(self, old_root: str, new_root: str) -> None:
        """A later-added but earlier-published article becomes the original of the whole group."""
        for copy_id, root_id in self._original.items():
            if root_id == old_root:
                self._original[copy_id] = new_root
        self._original[old_root] = new_root

    def original_of(self, article_id: str) -> str:
        return self._original.get(article_id, article_id)

    def copies_of(self, original_id: str) -> list[DuplicateMatch]:
        """Every known copy of `original_id`, for re-pointing copies stored before their original."""
        return [m for cid in sorted(self._original) if (m := self._match_of(cid)) and m.original_id == original_id]

    def _match_of(self, article_id: str) -> DuplicateMatch | None:
        root_id = self._original.get(article_id)
        if root_id is None:
            return None
        similarity = self._entries[article_id].sketch.jaccard(self._entries[root_id].sketch)
        return DuplicateMatch(article_id, root_id, similarity)

    def _best_candidate(self, sketch: MinHash) -> tuple[str, float] | None:
        scored = [(self._entries[c].sketch.jaccard(sketch), c) for c in self._lsh.query(sketch)]
        confirmed = [(s, c) for s, c in scored if s >= self.threshold]
        if not confirmed:
            return None
        similarity, candidate = max(confirmed, key=lambda sc: (sc[0], -self._entries[sc[1]].order))
        return candidate, similarity

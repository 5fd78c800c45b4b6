"""Near-duplicate detection: syndicated and lightly edited copies of one article.

A wire story reprinted with a new headline, a trimmed sentence or an outlet prefix is one report,
not corroboration: the pipeline keeps the copy but counts only the original. Reprints are often
trimmed, so besides a high Jaccard a pair also counts when nearly all of the shorter text lies in
the longer one, as long as the shorter is a real share of the longer: an article that quotes a few
paragraphs of a long one is a new report, not a copy.
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


# Containment of the shorter shingle set in the longer that makes a trimmed copy, and the guards.
CONTAINMENT = 0.9
MIN_SIZE_RATIO = 0.6  # the shorter keeps at least this share of the longer's shingles
MIN_CONTAINED_SHINGLES = 40  # a few sentences in common prove nothing


def containment(jaccard: float, size_a: int, size_b: int) -> float:
    """Share of the smaller shingle set inside the larger, from their Jaccard and sizes.

    |A∩B| = J(|A|+|B|)/(1+J), since |A∪B| = |A|+|B|-|A∩B|. 0 when a size is unknown.
    """
    if min(size_a, size_b) <= 0:
        return 0.0
    return min(1.0, jaccard * (size_a + size_b) / (1 + jaccard) / min(size_a, size_b))


def lowest_jaccard(containment_threshold: float, size_ratio: float) -> float:
    """The Jaccard of the least similar pair that still passes the containment rule (for the LSH)."""
    overlap = containment_threshold * size_ratio
    return overlap / (1 + size_ratio - overlap)


@dataclass(frozen=True, slots=True)
class _Entry:
    order: int
    published: date | None
    sketch: MinHash
    shingles: int

    def sort_key(self) -> tuple[date, int]:
        """Earlier publication wins; unknown dates lose to known ones; ties go to the first added."""
        return (self.published or date.max, self.order)


class NearDuplicateIndex:
    """MinHash LSH over word shingles; candidates are confirmed by Jaccard or by containment."""

    def __init__(self, threshold: float = 0.8) -> None:
        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=min(threshold, lowest_jaccard(CONTAINMENT, MIN_SIZE_RATIO)), num_perm=NUM_PERM)
        self._entries: dict[str, _Entry] = {}
        self._original: dict[str, str] = {}  # copy id -> original id, resolved to the root

    def add(self, f: ArticleFeatures) -> DuplicateMatch | None:
        """Index `f` and report the copy/original pair it forms with an earlier-added article, if any."""
        if f.article_id in self._entries:
            return self._match_of(f.article_id)
        sketch = MinHash(num_perm=NUM_PERM, hashvalues=f.minhash, scheme=MINHASH_SCHEME)
        entry = _Entry(len(self._entries), f.published, sketch, f.shingles)
        best = self._best_candidate(entry)
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

    def is_copy(self, jaccard: float, size_a: int, size_b: int) -> bool:
        if jaccard >= self.threshold:
            return True
        small, large = sorted((size_a, size_b))
        return (
            small >= MIN_CONTAINED_SHINGLES
            and small >= MIN_SIZE_RATIO * large
            and containment(jaccard, size_a, size_b) >= CONTAINMENT
        )

    def _best_candidate(self, entry: _Entry) -> tuple[str, float] | None:
        scored = [(self._entries[c].sketch.jaccard(entry.sketch), c) for c in self._lsh.query(entry.sketch)]
        confirmed = [(s, c) for s, c in scored if self.is_copy(s, entry.shingles, self._entries[c].shingles)]
        if not confirmed:
            return None
        similarity, candidate = max(confirmed, key=lambda sc: (sc[0], -self._entries[sc[1]].order))
        return candidate, similarity

"""Near-duplicate detection: syndicated and lightly edited copies of one article.

A wire story reprinted with a new headline, a trimmed sentence or an outlet prefix is one report,
not corroboration: the pipeline keeps the copy but counts only the original. Reprints are often
trimmed, so besides a high Jaccard a pair also counts when nearly all of the shorter text lies in
the longer one, as long as the shorter is a real share of the longer: an article that quotes a few
paragraphs of a long one is a new report, not a copy.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from hashlib import blake2b
from typing import Protocol

import numpy as np
from datasketch import MinHashLSH

from storyline.relate.features import NUM_PERM, ArticleFeatures

LAST = 2**63 - 1  # the order of an article being added: after every article already indexed


@dataclass(frozen=True, slots=True)
class DuplicateMatch:
    """`article_id` is a copy of `original_id`; `similarity` is their estimated shingle Jaccard."""

    article_id: str
    original_id: str
    similarity: float
    repointed: tuple[DuplicateMatch, ...] = ()  # when `original_id` arrived after its copies: all of them

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
class Sketch:
    """What the index compares of an article: its MinHash values and shingle count."""

    article_id: str
    order: int  # when it was added: earlier articles have smaller numbers
    published: date | None
    hashvalues: np.ndarray
    shingles: int

    def sort_key(self) -> tuple[date, int]:
        """Earlier publication wins; unknown dates lose to known ones; ties go to the first added."""
        return (self.published or date.max, self.order)

    def jaccard(self, other: Sketch) -> float:
        """The estimated shingle Jaccard, as `datasketch.MinHash.jaccard` computes it."""
        return float(np.count_nonzero(self.hashvalues == other.hashvalues)) / float(len(self.hashvalues))


class DuplicateMemory(Protocol):
    """The sketches of earlier articles, their LSH buckets and which copies which: the index's state.

    The index writes through `remember` and `link`; a memory that is the store may ignore both, as
    long as the article is saved with its `NearDuplicateIndex.buckets` and copy link before the next
    article is added.
    """

    def sharing(self, buckets: Sequence[int]) -> list[Sketch]:
        """The articles in any of `buckets`."""
        ...

    def sketch(self, article_id: str) -> Sketch | None: ...

    def original_of(self, article_id: str) -> str | None:
        """The original a copy points to; None for an original or an unknown id."""
        ...

    def copies(self, original_id: str) -> list[str]: ...

    def remember(self, sketch: Sketch, buckets: Sequence[int]) -> None: ...

    def link(self, copy_id: str, original_id: str | None) -> None: ...


class InMemory:
    """A `DuplicateMemory` in this process, for an index used without a store."""

    def __init__(self) -> None:
        self._sketches: dict[str, Sketch] = {}
        self._buckets: dict[int, list[str]] = {}
        self._original: dict[str, str] = {}  # copy id -> original id, resolved to the root

    def sharing(self, buckets: Sequence[int]) -> list[Sketch]:
        ids = dict.fromkeys(aid for bucket in buckets for aid in self._buckets.get(bucket, ()))
        return [self._sketches[aid] for aid in ids]

    def sketch(self, article_id: str) -> Sketch | None:
        return self._sketches.get(article_id)

    def original_of(self, article_id: str) -> str | None:
        return self._original.get(article_id)

    def copies(self, original_id: str) -> list[str]:
        return sorted(cid for cid, root in self._original.items() if root == original_id)

    def remember(self, sketch: Sketch, buckets: Sequence[int]) -> None:
        self._sketches[sketch.article_id] = sketch
        for bucket in buckets:
            self._buckets.setdefault(bucket, []).append(sketch.article_id)

    def link(self, copy_id: str, original_id: str | None) -> None:
        if original_id is None:
            self._original.pop(copy_id, None)
        else:
            self._original[copy_id] = original_id


def bands(threshold: float) -> list[tuple[int, int]]:
    """The slices of the MinHash values that make LSH bands, as datasketch chooses them for `threshold`."""
    return MinHashLSH(threshold=threshold, num_perm=NUM_PERM).hashranges


class NearDuplicateIndex:
    """MinHash LSH over word shingles; candidates are confirmed by Jaccard or by containment.

    Two articles are candidates when one band of their MinHash values is the same; each band is kept
    as a 64-bit bucket number, so a store can hold and look them up (`memory`).
    """

    def __init__(self, threshold: float = 0.8, memory: DuplicateMemory | None = None) -> None:
        self.threshold = threshold
        self.memory: DuplicateMemory = memory if memory is not None else InMemory()
        self._bands = bands(min(threshold, lowest_jaccard(CONTAINMENT, MIN_SIZE_RATIO)))
        self._added = 0  # articles added to an index without a store, for their order

    def buckets(self, f: ArticleFeatures) -> list[int]:
        """The LSH bucket of each band of `f`'s sketch."""
        values = np.asarray(f.minhash, dtype=np.uint64)
        return [
            int.from_bytes(blake2b(i.to_bytes(2, "big") + values[start:end].tobytes(), digest_size=8).digest(), "big", signed=True)
            for i, (start, end) in enumerate(self._bands)
        ]

    def add(self, f: ArticleFeatures) -> DuplicateMatch | None:
        """Index `f` and report the copy/original pair it forms with an earlier-added article, if any.

        When `f` is an earlier-published original of copies already indexed, the match's `repointed`
        lists every copy of the group with `f` as their original.
        """
        if self.memory.sketch(f.article_id) is not None:
            return self._match_of(f.article_id)
        entry = Sketch(f.article_id, LAST, f.published, np.asarray(f.minhash), f.shingles)
        buckets = self.buckets(f)
        best = self._best_candidate(entry, buckets)
        self.memory.remember(replace(entry, order=self._added), buckets)
        self._added += 1
        if best is None:
            return None
        other, similarity = best
        root_id = self.memory.original_of(other.article_id) or other.article_id
        root = other if root_id == other.article_id else self.memory.sketch(root_id)
        assert root is not None  # a copy points to an indexed article
        if entry.sort_key() < root.sort_key():
            return DuplicateMatch(root_id, f.article_id, similarity, self._promote(root_id, entry))
        self.memory.link(f.article_id, root_id)
        return DuplicateMatch(f.article_id, root_id, similarity)

    def _promote(self, old_root: str, new_root: Sketch) -> tuple[DuplicateMatch, ...]:
        """A later-added but earlier-published article becomes the original of the whole group."""
        group = [old_root, *self.memory.copies(old_root)]
        for copy_id in group:
            self.memory.link(copy_id, new_root.article_id)
        sketches = [self.memory.sketch(cid) for cid in sorted(group)]
        return tuple(DuplicateMatch(s.article_id, new_root.article_id, s.jaccard(new_root)) for s in sketches if s)

    def original_of(self, article_id: str) -> str:
        return self.memory.original_of(article_id) or article_id

    def _match_of(self, article_id: str) -> DuplicateMatch | None:
        root_id = self.memory.original_of(article_id)
        copy, root = self.memory.sketch(article_id), self.memory.sketch(root_id) if root_id else None
        if copy is None or root is None:
            return None
        return DuplicateMatch(article_id, root.article_id, copy.jaccard(root))

    def is_copy(self, jaccard: float, size_a: int, size_b: int) -> bool:
        if jaccard >= self.threshold:
            return True
        small, large = sorted((size_a, size_b))
        return (
            small >= MIN_CONTAINED_SHINGLES
            and small >= MIN_SIZE_RATIO * large
            and containment(jaccard, size_a, size_b) >= CONTAINMENT
        )

    def _best_candidate(self, entry: Sketch, buckets: list[int]) -> tuple[Sketch, float] | None:
        scored = [(c.jaccard(entry), c) for c in self.memory.sharing(buckets) if c.article_id != entry.article_id]
        confirmed = [(s, c) for s, c in scored if self.is_copy(s, entry.shingles, c.shingles)]
        if not confirmed:
            return None
        similarity, candidate = max(confirmed, key=lambda sc: (sc[0], -sc[1].order))
        return candidate, similarity

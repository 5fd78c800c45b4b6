"""Grouping by union-find: stories into storylines, counts of one thing across articles, people the
registry kept apart. The smaller key is kept as a group's root, so a group is named the same whatever
order its links came in."""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)


class UnionFind(Generic[K]):
    def __init__(self, keys: Iterable[K] = ()) -> None:
        self.parent: dict[K, K] = {k: k for k in keys}

    def find(self, key: K) -> K:
        """The root of `key`'s group (a key never joined is its own), with the path halved on the way."""
        parent = self.parent
        parent.setdefault(key, key)
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    def union(self, a: K, b: K) -> K:
        ra, rb = self.find(a), self.find(b)
        root, child = (ra, rb) if ra <= rb else (rb, ra)  # type: ignore[operator]
        self.parent[child] = root
        return root

    def groups(self) -> dict[K, list[K]]:
        """Every key met, by the root of its group, in the order keys were first met."""
        found: dict[K, list[K]] = {}
        for key in list(self.parent):
            found.setdefault(self.find(key), []).append(key)
        return found

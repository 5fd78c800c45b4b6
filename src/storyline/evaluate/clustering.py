"""Clustering scores: B-cubed (per item) and pairwise (per pair) precision, recall and F1."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from math import comb


@dataclass(frozen=True, slots=True)
class Scores:
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def _members(assignment: Mapping[str, str]) -> dict[str, set[str]]:
    members: dict[str, set[str]] = defaultdict(set)
    for item, cluster in assignment.items():
        members[cluster].add(item)
    return members


def bcubed(predicted: Mapping[str, str], gold: Mapping[str, str]) -> Scores:
    """B-cubed over the items gold labels (Bagga & Baldwin 1998); every gold item must be predicted."""
    predicted_members, gold_members = _members(predicted), _members(gold)
    precision = recall = 0.0
    for item, label in gold.items():
        cluster = predicted_members[predicted[item]] & gold.keys()
        same = cluster & gold_members[label]
        precision += len(same) / len(cluster)
        recall += len(same) / len(gold_members[label])
    return Scores(precision / len(gold), recall / len(gold)) if gold else Scores(0.0, 0.0)


def pairwise(predicted: Mapping[str, str], gold: Mapping[str, str]) -> Scores:
    """Precision and recall of the item pairs put together."""
    together = sum(comb(len(m & gold.keys()), 2) for m in _members(predicted).values())
    should = sum(comb(len(m), 2) for m in _members(gold).values())
    both = 0
    for members in _members(predicted).values():
        labels: dict[str, int] = defaultdict(int)
        for item in members & gold.keys():
            labels[gold[item]] += 1
        both += sum(comb(n, 2) for n in labels.values())
    return Scores(both / together if together else 1.0, both / should if should else 1.0)

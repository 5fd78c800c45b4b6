"""`storyline eval stories`: cluster a labelled JSONL corpus with the real pipeline and score it.

Rows are fed in file order (or shuffled with a seed), each assigned online as it arrives, exactly as
`storyline analyze` would; the store is a throwaway file. Online assignment is final, so which article
of an event arrives first changes the stories: `evaluate_orders` reruns over several shuffled orders,
so that a change is judged by its spread over orders and not by one lucky order.
"""

from __future__ import annotations

import json
import random
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from storyline.evaluate.ceiling import Ceiling, clustering_ceiling
from storyline.evaluate.clustering import Scores, bcubed, pairwise
from storyline.pipeline import Pipeline
from storyline.relate.features import from_record
from storyline.store import Store

# Column names other corpora use for what storyline's tables call `published` and `outlet`.
ALIASES = {"published": ("published", "date"), "outlet": ("outlet", "source")}


@dataclass(frozen=True, slots=True)
class StoriesResult:
    articles: int
    failed: int
    gold_clusters: int
    clusters: int
    bcubed: Scores
    pairwise: Scores
    seconds: float
    ceiling: list[Ceiling] | None = None  # offline clustering with the best threshold on this data (`ceiling.py`)


def _table_row(row: dict, gold_field: str, index: int) -> dict:
    out = {"id": str(row.get("id") or row.get("doc_id") or index), "title": row.get("title") or "", "text": row["text"]}
    for field, names in ALIASES.items():
        value = next((row[n] for n in names if row.get(n)), None)
        if value:
            out[field] = str(value)
    return out


def evaluate_stories(path: Path, gold_field: str, *, seed: int | None = None, ceiling: bool = False) -> StoriesResult:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    missing = [i for i, r in enumerate(rows) if gold_field not in r or "text" not in r]
    if missing:
        raise ValueError(f"{path}: rows {missing[:5]} lack `text` or the gold field `{gold_field}`")
    if seed is not None:
        random.Random(seed).shuffle(rows)
    table = [_table_row(r, gold_field, i) for i, r in enumerate(rows)]
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "rows.jsonl"
        source.write_text("".join(json.dumps(t) + "\n" for t in table), encoding="utf-8")
        started = time.perf_counter()
        with Store(Path(tmp) / "eval.db") as store:
            summary = Pipeline(store).run([source])
            seconds = time.perf_counter() - started
            predicted = {r["article_id"]: r["story_id"] for r in store.db.execute("SELECT * FROM story_articles")}
            # Each article is scored with the label of the row it came from (its source is `rows.jsonl#line`):
            # a repeated id with other content is an article of its own, the same content is skipped.
            line = {r["id"]: int(r["source_uri"].rsplit("#", 1)[1]) for r in store.db.execute("SELECT id, source_uri FROM articles")}
            gold = {k: str(rows[line[k] - 1][gold_field]) for k in predicted}
            bound = clustering_ceiling([from_record(r) for r, _, _ in store.load_features()], gold) if ceiling else None
    return StoriesResult(
        articles=len(predicted), failed=summary.failed, gold_clusters=len(set(gold.values())), clusters=len(set(predicted.values())),
        bcubed=bcubed(predicted, gold), pairwise=pairwise(predicted, gold), seconds=seconds, ceiling=bound,
    )  # fmt: skip


@dataclass(frozen=True, slots=True)
class OrdersResult:
    """B-cubed F1 of the same corpus fed in `len(f1s)` shuffled orders (seeds 0, 1, …)."""

    f1s: list[float]

    @property
    def mean(self) -> float:
        return sum(self.f1s) / len(self.f1s)

    @property
    def worst(self) -> float:
        return min(self.f1s)


def evaluate_orders(path: Path, gold_field: str, orders: int) -> OrdersResult:
    if orders < 1:
        raise ValueError("orders must be at least 1")
    return OrdersResult([evaluate_stories(path, gold_field, seed=seed).bcubed.f1 for seed in range(orders)])

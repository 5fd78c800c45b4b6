"""Clustering scores on hand-worked examples, and the evaluation harnesses on tiny corpora."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import EXAMPLES
from storyline.evaluate.clustering import bcubed, pairwise
from storyline.evaluate.stories import evaluate_stories

GOLD = {"a": "x", "b": "x", "c": "x", "d": "y", "e": "y"}


def test_perfect_clustering_scores_one():
    predicted = {k: v.upper() for k, v in GOLD.items()}
    assert bcubed(predicted, GOLD).f1 == pytest.approx(1.0)
    assert pairwise(predicted, GOLD).f1 == pytest.approx(1.0)


def test_everything_in_one_cluster():
    predicted = dict.fromkeys(GOLD, "all")
    scores = bcubed(predicted, GOLD)
    assert scores.recall == pytest.approx(1.0)
    assert scores.precision == pytest.approx((3 * 3 / 5 + 2 * 2 / 5) / 5)
    pairs = pairwise(predicted, GOLD)
    assert (pairs.precision, pairs.recall) == (pytest.approx(4 / 10), pytest.approx(1.0))


def test_singletons():
    predicted = {k: k for k in GOLD}
    scores = bcubed(predicted, GOLD)
    assert scores.precision == pytest.approx(1.0)
    assert scores.recall == pytest.approx((3 * 1 / 3 + 2 * 1 / 2) / 5)
    assert pairwise(predicted, GOLD).recall == 0.0


def test_stories_harness_on_the_sample_corpus(tmp_path):
    """The harness feeds rows through the real pipeline: the sample corpus as a table, gold story labels."""
    from storyline.extraction import extract
    from storyline.ingest import documents

    gold = {p["path"]: p["story"] for p in json.loads((EXAMPLES / "gold.json").read_text())["pages"]}
    rows = []
    for path, story in sorted(gold.items())[:12]:
        doc = next(documents([EXAMPLES / "corpus" / path]))
        article = extract(doc)
        rows.append({"id": path, "title": article.title, "text": article.text, "date": article.published, "story": story})
    source = tmp_path / "rows.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in rows))
    result = evaluate_stories(source, "story")
    assert result.articles == len(rows) and result.failed == 0
    assert result.gold_clusters == len(set(r["story"] for r in rows))
    assert result.bcubed.f1 >= 0.9


def _two_event_table(tmp_path):
    """Two invented events, three reports each, written for this test."""
    reports = {
        "flood": [
            "Floodwaters from the river Elsmere covered the centre of Dunmore on Monday and 300 homes were evacuated.",
            "The river Elsmere burst its banks at Dunmore on Monday; rescuers moved 300 residents to the town hall.",
            "Dunmore residents returned to find their streets under the Elsmere's water after 300 homes were evacuated.",
        ],
        "merger": [
            "Harbin Foods agreed on Tuesday to buy the bakery chain Corlett for 40 million pounds.",
            "Corlett, the bakery chain, will be bought by Harbin Foods in a 40 million pound deal announced on Tuesday.",
            "Shares in Harbin Foods rose after it said it would take over Corlett's bakeries for 40 million pounds.",
        ],
    }
    rows = [
        {"id": f"{event}-{i}", "title": text.split(";")[0][:60], "text": text, "date": "2026-03-02", "event": event}
        for event, texts in reports.items()
        for i, text in enumerate(texts)
    ]
    source = tmp_path / "rows.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return source


def test_orders_give_one_score_per_shuffled_order(tmp_path):
    from storyline.evaluate.stories import evaluate_orders

    spread = evaluate_orders(_two_event_table(tmp_path), "event", 2)
    assert len(spread.f1s) == 2
    assert 0.0 < spread.worst <= spread.mean <= 1.0
    with pytest.raises(ValueError):
        evaluate_orders(_two_event_table(tmp_path), "event", 0)


def test_eval_stories_prints_the_spread_over_orders(tmp_path):
    from typer.testing import CliRunner

    from storyline.cli import app

    result = CliRunner().invoke(app, ["eval", "stories", str(_two_event_table(tmp_path)), "--gold", "event", "--orders", "2"])
    assert result.exit_code == 0, result.output
    assert "over 2 shuffled orders" in result.output


def test_a_repeated_id_is_scored_with_the_label_of_each_row_the_pipeline_kept(tmp_path):
    """The pipeline keeps a repeated id's other content as an article of its own (`<id>~<hash>`) and skips
    the same content; each kept article must be scored with its own row's label."""
    source = _two_event_table(tmp_path)
    rows = [json.loads(line) for line in source.read_text().splitlines()]
    repeated = dict(rows[0], id="repeated")
    stray = dict(rows[3], id="repeated")  # a merger report under the same id, labelled "merger"
    source.write_text("".join(json.dumps(r) + "\n" for r in [*rows, repeated, stray, repeated]))
    result = evaluate_stories(source, "event")
    assert result.articles == len(rows) + 2
    assert result.bcubed.f1 == pytest.approx(1.0)


def test_eval_similarity_compares_shared_actors_by_canonical_id(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The pairs are scored as the pipeline scores them: one person in both texts is one actor."""
    import csv

    from storyline.evaluate import similarity

    rows = [
        ("p1", "Ana Silva, the port director, said the harbour would reopen on Monday after the storm.",
         "The harbour will reopen on Monday, port director Ana Silva said after the storm passed.", "1"),
        ("p2", "Tomas Berg said the orchestra would tour Japan in the spring.",
         "Heavy rain flooded three villages in the valley overnight, police said.", "4"),
        ("p3", "Lena Moritz said the school roof would be repaired by June.",
         "The roof of the school will be fixed by June, Lena Moritz told parents.", "1"),
    ]  # fmt: skip
    path = tmp_path / "pairs.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["pair_id", "lang1", "lang2", "text1", "text2", "Overall"])
        writer.writerows((pid, "en", "en", a, b, gold) for pid, a, b, gold in rows)
    shared = []
    real = similarity.pair_score
    monkeypatch.setattr(similarity, "pair_score", lambda a, b: shared.append(bool(a.actors & b.actors)) or real(a, b))
    result = similarity.evaluate_similarity(path)
    assert result.pairs == 3 and shared == [True, False, True]
    assert result.pearson > 0.5


def _features_at(vectors: dict[str, list[float]]) -> list:
    """Undated articles with only an embedding: the story score is then the cosine."""
    import numpy as np

    from storyline.relate.features import NUM_PERM, ArticleFeatures

    made = []
    for article_id, values in vectors.items():
        vector = np.asarray(values, dtype=np.float32)
        made.append(ArticleFeatures(article_id, None, None, article_id, vector / np.linalg.norm(vector), np.zeros(NUM_PERM, np.uint64)))
    return made


def test_the_ceiling_finds_the_threshold_that_separates_two_events_of_one_kind():
    """Two events read alike (cosine 0.6 across) but closer within (0.9): some threshold splits them."""
    from storyline.evaluate.ceiling import clustering_ceiling

    features = _features_at({"a1": [1, 0.2, 0], "a2": [1, 0.25, 0.05], "b1": [0.6, 0.8, 0], "b2": [0.55, 0.83, 0.02]})
    gold = {"a1": "a", "a2": "a", "b1": "b", "b2": "b"}
    bounds = clustering_ceiling(features, gold)
    assert {(b.signal, b.linkage) for b in bounds} == {(s, m) for s in ("story score", "embedding cosine") for m in ("average", "complete")}
    for bound in bounds:
        assert bound.bcubed.f1 == pytest.approx(1.0)
        assert 0.6 < bound.threshold <= 0.98  # between the across-event and the within-event cosines


def test_the_ceiling_cannot_split_what_the_score_cannot_tell_apart():
    """A report of event b as close to a's reports as they are to each other: no threshold gets it right."""
    from storyline.evaluate.ceiling import clustering_ceiling

    features = _features_at({"a1": [1, 0, 0], "a2": [1, 0.1, 0], "b1": [1, 0.05, 0], "c1": [0, 0, 1]})
    bounds = clustering_ceiling(features, {"a1": "a", "a2": "a", "b1": "b", "c1": "c"})
    assert all(b.bcubed.f1 < 0.9 for b in bounds)


def test_the_ceiling_refuses_what_it_cannot_compare():
    from storyline.evaluate import ceiling

    features = _features_at({"a1": [1, 0, 0], "a2": [0, 1, 0]})
    with pytest.raises(ValueError, match="at least two"):
        ceiling.clustering_ceiling(features, {"a1": "a"})  # one labelled article
    with pytest.raises(ValueError, match="sample"):
        ceiling.clustering_ceiling(features * (ceiling.MAX_ARTICLES // 2 + 1), {"a1": "a", "a2": "b"})


def test_eval_stories_prints_the_ceiling(tmp_path):
    from typer.testing import CliRunner

    from storyline.cli import app

    result = CliRunner().invoke(app, ["eval", "stories", str(_two_event_table(tmp_path)), "--gold", "event", "--ceiling"])
    assert result.exit_code == 0, result.output
    assert result.output.count("ceiling:") == 4

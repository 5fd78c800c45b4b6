"""The source-chooser experiment: candidates and features from a parse, and the conditional logit."""

from __future__ import annotations

from storyline.analysis.nlp import load_nlp
from storyline.analysis.statements import find_attributions
from storyline.evaluate.linker import Instance, candidates, cross_validate, features, oracle, train


def _candidates(text: str) -> dict[str, list[str]]:
    doc = load_nlp()(text)
    attribution = find_attributions(doc)[0]
    cue, heads, rules = candidates(doc, attribution)
    return {h.text: features(cue, h, i == rules, [attribution.content]) for i, h in enumerate(heads)}


def test_candidates_are_the_sentences_noun_heads_with_the_rules_choice_marked() -> None:
    found = _candidates("Ana Silva, a nurse at the clinic, said the ward was full.")
    assert {"Silva", "nurse", "clinic", "ward"} <= set(found)
    assert "rules=True" in found["Silva"] and "path=>nsubj" in found["Silva"]
    assert "reported=True" in found["ward"] and "reported=False" in found["Silva"]


def test_a_possessives_owner_and_a_relative_whos_antecedent_are_marked() -> None:
    assert "owner" in _candidates("The governor's office said the road would reopen.")["governor"]
    found = _candidates("Tomas Berg, who accused the council of waste, said the budget was too large.")
    assert "relative_antecedent" in found["Berg"] and "relative_antecedent" not in found["council"]


def _instance(group: str, gold: int) -> Instance:
    """Three candidates; the gold one carries the feature "mark", the rules choose the first."""
    return Instance(group, [["mark"] if c == gold else ["other"] for c in range(3)], gold, 0, [gold])


def test_the_model_learns_a_feature_that_marks_the_gold_head_and_retrains_the_same() -> None:
    instances = [_instance(g, n % 3) for n, g in enumerate(["polnear"] * 30 + ["a"] * 6 + ["b"] * 6)]
    model = train(instances)
    assert model.weights["mark"] > model.weights["other"]
    assert train(instances).weights == model.weights
    folds = cross_validate(instances)
    assert set(folds) == {"a", "b"} and all(f.model == (1.0, 1.0) and f.rules[0] < 1.0 for f in folds.values())
    assert oracle(instances)["all dev"][0] == 12

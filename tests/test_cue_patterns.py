"""Learned cue patterns: what training counts, what the shipped patterns add to the speech verbs."""

from __future__ import annotations

import pytest

from storyline.analysis import statements
from storyline.analysis.cue_patterns import Annotated, PatternCounts, learned_patterns
from storyline.analysis.lexicon import CUE_VERBS
from storyline.analysis.nlp import load_nlp


def _annotated(text: str, cue: str, content: str) -> Annotated:
    start = text.index(cue)
    begin = text.index(content)
    return Annotated((start, start + len(cue)), (begin, begin + len(content)))


@pytest.fixture(scope="module")
def counts() -> PatternCounts:
    nlp = load_nlp()
    planned = "The council plans to close the old bridge."
    again = "The union plans to strike in May."
    unannotated = "The firm plans to hire twenty engineers."
    examples = [
        (nlp(planned), [_annotated(planned, "plans", "to close the old bridge")]),
        (nlp(again), [_annotated(again, "plans", "to strike in May")]),
        (nlp(unannotated), []),
    ]
    return PatternCounts.learn(examples)


def test_training_counts_annotated_and_all_occurrences(counts: PatternCounts) -> None:
    assert counts.hits["plan"]["xcomp"] == 2
    assert counts.seen["plan"]["xcomp"] == 3


def test_patterns_need_enough_and_precise_enough_annotations(counts: PatternCounts) -> None:
    assert counts.patterns(min_hits=2, min_precision=0.5).relations == {"plan": {"xcomp": 0.667}}
    assert counts.patterns(min_hits=3, min_precision=0.5).relations == {}
    assert counts.patterns(min_hits=2, min_precision=0.7).relations == {}


def test_counts_survive_the_file_format(counts: PatternCounts) -> None:
    again = PatternCounts.from_json(counts.to_json())
    assert again.hits == counts.hits and again.seen == counts.seen


def test_shipped_patterns_reach_beyond_the_verbs_of_speech() -> None:
    learned = learned_patterns().relations
    assert {"agree", "believe", "plan"} <= learned.keys() and not {"agree", "believe", "plan"} & CUE_VERBS


def test_learned_cue_through_a_preposition() -> None:
    [s] = statements("Senator Mia Lund called for a ban on the pesticide.")
    assert (s.source.text, s.cue.text, s.content.text) == ("Senator Mia Lund", "called for", "a ban on the pesticide")
    assert s.speaker.name == "Mia Lund"


def test_learned_cues_of_belief_and_agreement() -> None:
    [belief] = statements("Ana Silva believes the dam is safe.")
    assert (belief.cue.text, belief.content.text, belief.speaker.name) == ("believes", "the dam is safe", "Ana Silva")
    [agreement] = statements("The mayor agreed to close the bridge in May.")
    assert (agreement.cue.text, agreement.content.text) == ("agreed", "to close the bridge in May")


def test_a_learned_cue_is_as_sure_as_its_pattern_was_in_training() -> None:
    [learned] = statements("Ana Silva believes the dam is safe.")
    [spoken] = statements("Ana Silva said the dam is safe.")
    assert learned.confidence == learned_patterns().relations["believe"]["ccomp"] < spoken.confidence == 1.0

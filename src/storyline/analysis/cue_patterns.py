"""Cue patterns learned from annotated articles: which words, with which dependent, attribute a statement.

A pattern is a cue's lemma and the dependency relation of the word that heads the content: "want"
with an `xcomp` ("wants to raise taxes"), "call" with `prep:for>pobj` ("called for a ban"), "believe"
with a `ccomp`. The hand lexicon (`lexicon.CUE_VERBS`) covers the verbs of speech; PolNeAR's
annotators also mark beliefs, intentions, agreement and criticism, a long tail no word list keeps up
with. Training counts, over the parses of the training articles, how often a pattern heads an
annotated content (`hits`) and how often it occurs at all (`seen`); a pattern is used when it was
annotated often enough and precisely enough. `storyline train statements` rebuilds the file.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Token

PATTERNS_FILE = Path(__file__).with_name("cue_patterns.json")
MIN_HITS = 3  # annotated at least this often in training
MIN_PRECISION = 0.15  # and this share of the pattern's occurrences were annotated
MATCH = 0.6  # a dependent heads the content when its subtree and the annotation overlap this much (Jaccard)
# Relations that never head what was said: the cue's own subject, its auxiliaries and punctuation.
_NOT_CONTENT = frozenset("nsubj nsubjpass expl aux auxpass neg punct det poss cc case mark prt".split())


def relations(token: Token) -> Iterator[tuple[str, Token]]:
    """Each dependent that could head the token's content, named as a pattern names it.

    A preposition is looked through: "called for a ban" is `prep:for>pobj` with "ban" as the head.
    """
    for child in token.children:
        if child.dep_ in _NOT_CONTENT:
            continue
        yield child.dep_, child
        if child.dep_ == "prep":
            for grandchild in child.children:
                if grandchild.dep_ in ("pobj", "pcomp"):
                    yield f"prep:{child.lower_}>{grandchild.dep_}", grandchild


def _key(token: Token) -> str:
    return token.lemma_.lower()


def subtree_range(token: Token) -> tuple[int, int]:
    return token.left_edge.idx, token.right_edge.idx + len(token.right_edge)


def _jaccard(a: tuple[int, int], b: tuple[int, int]) -> float:
    shared = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = max(a[1], b[1]) - min(a[0], b[0])
    return shared / union if union else 0.0


@dataclass(frozen=True, slots=True)
class Annotated:
    """One annotated attribution as training sees it: the cue's and the content's outer character ranges."""

    cue: tuple[int, int]
    content: tuple[int, int]


def annotated_patterns(doc: Doc, attributions: Iterable[Annotated]) -> set[tuple[int, str]]:
    """(cue token index, relation) of every annotation whose content one dependent of the cue's head covers."""
    found = set()
    for attribution in attributions:
        span = doc.char_span(*attribution.cue, alignment_mode="expand")
        if span is None:
            continue
        scored = [(_jaccard(subtree_range(head), attribution.content), name) for name, head in relations(span.root)]
        best = max(scored, default=(0.0, ""))
        if best[0] >= MATCH:
            found.add((span.root.i, best[1]))
    return found


@dataclass(slots=True)
class PatternCounts:
    """Training counts: `hits[lemma][relation]` annotated, `seen[lemma][relation]` in all."""

    hits: dict[str, Counter[str]]
    seen: dict[str, Counter[str]]

    @classmethod
    def learn(cls, examples: Iterable[tuple[Doc, list[Annotated]]]) -> PatternCounts:
        """One pass, one parse at a time: every relation is counted, then only the annotated ones are kept."""
        hits: dict[str, Counter[str]] = {}
        occurrences: dict[str, Counter[str]] = {}
        for doc, attributions in examples:
            for i, name in annotated_patterns(doc, attributions):
                hits.setdefault(_key(doc[i]), Counter())[name] += 1
            for token in doc:
                occurrences.setdefault(_key(token), Counter()).update({name for name, _ in relations(token)})
        seen = {lemma: Counter({n: occurrences[lemma][n] for n in counts}) for lemma, counts in hits.items()}
        return cls(hits, seen)

    def to_json(self) -> str:
        rows = {
            lemma: {name: [hit, self.seen[lemma][name]] for name, hit in sorted(counts.items())}
            for lemma, counts in sorted(self.hits.items())
        }
        return json.dumps(rows, indent=0, sort_keys=True) + "\n"

    @classmethod
    def from_json(cls, text: str) -> PatternCounts:
        rows: dict[str, dict[str, list[int]]] = json.loads(text)
        hits = {lemma: Counter({name: pair[0] for name, pair in row.items()}) for lemma, row in rows.items()}
        seen = {lemma: Counter({name: pair[1] for name, pair in row.items()}) for lemma, row in rows.items()}
        return cls(hits, seen)

    def patterns(self, min_hits: int = MIN_HITS, min_precision: float = MIN_PRECISION) -> CuePatterns:
        kept: dict[str, dict[str, float]] = {}
        for lemma, counts in self.hits.items():
            precisions = {n: hit / max(self.seen[lemma][n], hit) for n, hit in counts.items() if hit >= min_hits}
            used = {n: round(p, 3) for n, p in precisions.items() if p >= min_precision}
            if used:
                kept[lemma] = used
        return CuePatterns(kept)


@dataclass(frozen=True, slots=True)
class CuePatterns:
    """The patterns in use: per lemma, each relation whose dependent heads a statement's content, with the
    share of its training occurrences that were annotated (how sure a statement found through it is)."""

    relations: dict[str, dict[str, float]]

    def content_heads(self, token: Token) -> list[tuple[Token, float]]:
        """The dependents of `token` that head its content under a learned pattern, each with the pattern's
        precision; [] when it is no cue."""
        names = self.relations.get(_key(token))
        if not names:
            return []
        return [(head, names[name]) for name, head in relations(token) if name in names]


@lru_cache(maxsize=1)
def learned_patterns() -> CuePatterns:
    """The shipped patterns; a missing file is a broken install, not a reason to extract less silently."""
    try:
        return PatternCounts.from_json(PATTERNS_FILE.read_text(encoding="utf-8")).patterns()
    except (OSError, ValueError) as error:
        raise RuntimeError(
            f"the learned cue patterns ({PATTERNS_FILE.name}) are missing or unreadable: reinstall storyline, or "
            f"rebuild them with `storyline train statements PATH/TO/polnear/train` ({error})"
        ) from error

"""An experiment: can a learned chooser pick a statement's source phrase better than the rules?

For every gold statement whose cue a found attribution's cue overlaps, the candidates are the heads of the
noun phrases and pronouns in the cue's sentence (the sentence before the content when the cue is empty),
plus the rules' choice; the label is the candidate heading the gold source span. Each candidate is a bag of
general features (the dependency path from the cue, its relation, part of speech and entity type, side
and distance, whether the rules chose it, whether it stands in quoted or reported words, is a possessive's
owner or a relative "who"'s antecedent, has a title before it, is a person or organisation word). A
conditional logit (softmax over the candidates of one statement, numpy gradient descent) scores them.
`oracle` and `cross_validate` measure, over PolNeAR's train split and the development sets, how often the
gold head is a candidate, the rules pick it, the model picks it, and the model overriding the rules only
past a margin picks it.

Outcome (December 2026): a better choice of head did not make better speakers. Used after the rules in
`annotate` (margin 0, the one chosen on the development sets), the model left every development set's
right-speaker figure unchanged but wikinews-dev's, 91.1 → 90.3% (it took "the El Paso mayor" over the
apposed name the rules had read, and "Twitter" in "on Twitter referred to"); semeval-dev2 rose 57.8 → 58.9%
(one statement). Keeping apposed phrases to the rules' reading lost wikinews-dev one statement and
semeval-dev2 its gain, so the chooser was not kept: most wrong speakers are in resolution (pronouns,
descriptors, names to entities), not in which phrase is read.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from spacy.tokens import Doc, Token

from storyline.analysis.lexicon import INSTITUTION_WORDS, ORG_WORDS, PEOPLE_NOUNS, PERSON_ROLES
from storyline.analysis.names import TITLES
from storyline.analysis.nlp import load_nlp
from storyline.analysis.quotes import find_quotes
from storyline.analysis.statements import Attribution, find_attributions
from storyline.evaluate.annotation import read_corpus
from storyline.evaluate.polnear import load_polnear
from storyline.evaluate.realnews import load_set

Range = tuple[int, int]
_HEADS = frozenset({"NOUN", "PROPN", "PRON"})
_PATH_ARCS = 3
_DISTANCES = (1, 2, 3, 5, 10, 20)


@dataclass(slots=True)
class Instance:
    """One statement's candidates: their features, which one heads the gold source (-1: none), the rules' pick."""

    group: str
    features: list[list[str]]
    gold: int
    rules: int
    inside: list[int]  # candidates inside the gold source span: an apposition's other head names the same speaker


def _head_of(doc: Doc, fragments: Sequence[Range]) -> Token | None:
    """The token heading a character span: inside it, with its head outside (a noun before other words)."""
    tokens = [t for s, e in fragments for t in doc if s <= t.idx and t.idx + len(t) <= e]
    inside = {t.i for t in tokens}
    roots = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
    return next((t for t in roots if t.pos_ in _HEADS), roots[0] if roots else None)


def _path(cue: Token, candidate: Token) -> str:
    """Arcs from the cue up to the common ancestor, then down to the candidate: "^ccomp>nsubj"."""
    up = []
    ancestors = {a.i: n for n, a in enumerate([cue, *cue.ancestors])}
    down, node = [], candidate
    while node.i not in ancestors:
        down.append(">" + node.dep_)
        if node.head.i == node.i:
            return "apart"
        node = node.head
    for a in [cue, *cue.ancestors][: ancestors[node.i]]:
        up.append("^" + a.dep_)
    arcs = up + down[::-1]
    return "".join(arcs) if len(arcs) <= _PATH_ARCS else f"long{len(up)}/{len(down)}"


def _bucket(distance: int) -> str:
    return str(next((d for d in _DISTANCES if distance <= d), "far"))


def _words_of(token: Token) -> set[str]:
    kinds = []
    lemma = token.lemma_.lower()
    if lemma in PEOPLE_NOUNS or lemma in PERSON_ROLES:
        kinds.append("person_word")
    if lemma in ORG_WORDS or lemma in INSTITUTION_WORDS:
        kinds.append("org_word")
    return set(kinds)


def features(cue: Token | None, candidate: Token, chosen: bool, reported: list[Range]) -> list[str]:
    """The candidate's features as strings; each is one binary feature."""
    at = candidate.idx
    found = [
        f"dep={candidate.dep_}", f"pos={candidate.pos_}", f"tag={candidate.tag_}", f"ent={candidate.ent_type_ or '-'}",
        f"rules={chosen}", f"reported={any(s <= at < e for s, e in reported)}",
    ]  # fmt: skip
    if candidate.pos_ == "PRON":
        found.append(f"pron={candidate.lower_}")
    if candidate.dep_ == "poss" or any(c.dep_ == "case" for c in candidate.children):
        found.append("owner")
    if any(c.dep_ == "relcl" and any(w.tag_ in ("WP", "WDT") and w.dep_.startswith("nsubj") for w in c.children) for c in candidate.children):
        found.append("relative_antecedent")
    if any(c.dep_ in ("compound", "amod") and c.lower_.rstrip(".") in TITLES for c in candidate.children) or (
        candidate.i and candidate.doc[candidate.i - 1].lower_.rstrip(".") in TITLES
    ):
        found.append("titled")
    if any(c.dep_ == "appos" for c in candidate.children) or candidate.dep_ == "appos":
        found.append("apposition")
    found += [f"word={k}" for k in _words_of(candidate)]
    if cue is None:
        found.append("nocue")
        return found
    side = "before" if candidate.i < cue.i else "after"
    path = _path(cue, candidate)
    found += [f"side={side}", f"dist={side}{_bucket(abs(candidate.i - cue.i))}", f"path={path}", f"path_pos={path}/{candidate.pos_}"]
    found.append(f"same_sentence={candidate.sent == cue.sent}")
    return found


def _cue_token(doc: Doc, cue: Range) -> Token | None:
    tokens = [t for t in doc if cue[0] <= t.idx < cue[1]]
    inside = {t.i for t in tokens}
    roots = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
    return next((t for t in roots if t.pos_ == "VERB"), roots[0] if roots else None)


def candidates(doc: Doc, attribution: Attribution) -> tuple[Token | None, list[Token], int]:
    """The cue's token, the candidate heads, and the index of the rules' choice among them (-1: none)."""
    cue = _cue_token(doc, attribution.cue) if attribution.cue[1] > attribution.cue[0] else None
    if cue is not None:
        sentence = cue.sent
    else:
        first = next((t for t in doc if t.idx >= attribution.content[0]), doc[-1])
        sentence = doc[first.sent.start - 1].sent if first.sent.start else first.sent
    heads = [t for t in sentence if t.pos_ in _HEADS and t.dep_ not in ("compound", "flat")]
    rules = attribution.source.root if attribution.source is not None else None
    if rules is not None and rules not in heads:
        heads.append(rules)
    return cue, heads, heads.index(rules) if rules is not None else -1


def _instances(group: str, doc: Doc, golds: list[tuple[Sequence[Range], Sequence[Range]]]) -> Iterator[Instance]:
    """Instances for one parsed article from its gold (cue fragments, source fragments) pairs."""
    found = find_attributions(doc)
    reported = [(q.start, q.end) for q in find_quotes(doc.text)] + [a.content for a in found]
    for cue_fragments, source_fragments in golds:
        match = next((a for a in found if any(max(a.cue[0], s) < min(a.cue[1], e) for s, e in cue_fragments)), None)
        if match is None or not source_fragments:
            continue
        cue, heads, rules = candidates(doc, match)
        gold_head = _head_of(doc, source_fragments)
        gold = heads.index(gold_head) if gold_head in heads else -1
        inside = [i for i, h in enumerate(heads) if any(s <= h.idx < e for s, e in source_fragments)]
        yield Instance(group, [features(cue, h, i == rules, reported) for i, h in enumerate(heads)], gold, rules, inside)


DEV_SETS = ("semeval-dev", "ecbplus-dev", "wikinews-dev", "wikinews-dev2", "wikinews-dev3", "wikinews-dev4", "basil-dev", "basil-dev2")


def collect(sets: Path, data: Path, names: Sequence[str] = DEV_SETS, polnear: bool = True) -> list[Instance]:
    """Instances of PolNeAR's train split (group "polnear") and of the named real-news sets."""
    nlp = load_nlp()
    found: list[Instance] = []
    corpus = read_corpus(data)
    for name in names:
        for article in load_set([sets / f"{name}.json"]).articles:
            golds = [((g.cue,), (g.source,)) for g in article.statements if g.cue and g.source and not g.borderline]
            found += _instances(name, nlp(corpus[article.key].text), golds)
    if polnear:
        for article in load_polnear(data / "polnear" / "train"):
            found += _instances("polnear", nlp(article.text), [(a.cue, a.source) for a in article.attributions if a.cue])
    return found


def _right(instance: Instance, pick: int, loose: bool) -> bool:
    """Strict: the pick is the gold head. Loose: the pick stands inside the gold source span ("One activist,
    Nur Khan Liton," headed by "activist" or "Liton")."""
    return pick >= 0 and (pick in instance.inside if loose else pick == instance.gold)


def _share(instances: list[Instance], picks: list[int], loose: bool) -> float:
    return sum(_right(i, p, loose) for i, p in zip(instances, picks, strict=True)) / len(instances)


def oracle(instances: list[Instance]) -> dict[str, tuple[int, float, float, float]]:
    """Per set and over all development sets: statements, share whose gold head is a candidate, share
    whose rules' choice is the gold head, share whose rules' choice is inside the gold source span."""
    groups: dict[str, list[Instance]] = defaultdict(list)
    for i in instances:
        groups[i.group].append(i)
        if i.group != "polnear":
            groups["all dev"].append(i)
    return {
        g: (len(xs), sum(x.gold >= 0 for x in xs) / len(xs), _share(xs, [x.rules for x in xs], False), _share(xs, [x.rules for x in xs], True))
        for g, xs in groups.items()
    }


class Model:
    """A conditional logit over one statement's candidates, on binary features."""

    def __init__(self, weights: dict[str, float]) -> None:
        self.weights = weights

    def scores(self, candidate_features: list[list[str]]) -> list[float]:
        return [sum(self.weights.get(f, 0.0) for f in fs) for fs in candidate_features]

    def choose(self, instance: Instance, margin: float | None = None) -> int:
        """The best-scored candidate; with a margin, the rules' choice unless the best beats it by more."""
        scores = self.scores(instance.features)
        best = int(np.argmax(scores))
        if margin is None or instance.rules < 0:
            return best
        return best if scores[best] - scores[instance.rules] > margin else instance.rules


def train(instances: list[Instance], epochs: int = 300, rate: float = 0.1, l2: float = 1e-4, min_count: int = 2) -> Model:
    """Full-batch gradient descent, with AdaGrad steps (rare features learn too slowly otherwise), on the
    softmax loss of the statements whose gold head is among several candidates; deterministic."""
    usable = [i for i in instances if i.gold >= 0 and len(i.features) > 1]
    counts: Counter[str] = Counter(f for i in usable for fs in i.features for f in set(fs))
    vocabulary = sorted(f for f, n in counts.items() if n >= min_count)
    index = {f: n for n, f in enumerate(vocabulary)}
    rows, cols, groups, gold_rows = [], [], [], []
    for g, instance in enumerate(usable):
        for c, fs in enumerate(instance.features):
            known = [index[f] for f in set(fs) if f in index]
            rows += [len(groups)] * len(known)
            cols += known
            if c == instance.gold:
                gold_rows.append(len(groups))
            groups.append(g)
    rows_a, cols_a, groups_a, n = np.array(rows), np.array(cols), np.array(groups), len(usable)
    w, squares = np.zeros(len(vocabulary)), np.zeros(len(vocabulary))
    for _ in range(epochs):
        s = np.bincount(rows_a, weights=w[cols_a], minlength=len(groups))
        top = np.full(n, -np.inf)
        np.maximum.at(top, groups_a, s)
        e = np.exp(s - top[groups_a])
        p = e / np.bincount(groups_a, weights=e, minlength=n)[groups_a]
        p[gold_rows] -= 1.0
        gradient = np.bincount(cols_a, weights=p[rows_a], minlength=len(vocabulary)) / n + l2 * w
        squares += gradient**2
        w -= rate * gradient / np.sqrt(squares + 1e-12)
    return Model({f: round(float(v), 4) for f, v in zip(vocabulary, w, strict=True) if abs(v) > 1e-4})


MARGINS = (0.0, 0.5, 1.0, 1.5, 2.0, 3.0, 4.0)


@dataclass(slots=True)
class Fold:
    """One held-out set: statements; rules, model, and model over the rules past `margin`, each as
    (strict, loose) shares right."""

    statements: int
    rules: tuple[float, float]
    model: tuple[float, float]
    override: tuple[float, float]
    margin: float


def cross_validate(instances: list[Instance]) -> dict[str, Fold]:
    """Leave one development set out, PolNeAR's train split always in training; the margin is the one
    best on the training folds' development statements (strictly scored)."""
    results = {}
    for held in sorted({i.group for i in instances} - {"polnear"}):
        training = [i for i in instances if i.group != held]
        tuning = [i for i in training if i.group != "polnear"]
        model = train(training)
        margin = max(MARGINS, key=lambda m: (_share(tuning, [model.choose(i, m) for i in tuning], False), m))
        test = [i for i in instances if i.group == held]
        picks = {"rules": [i.rules for i in test], "model": [model.choose(i) for i in test], "override": [model.choose(i, margin) for i in test]}
        both = {k: (_share(test, v, False), _share(test, v, True)) for k, v in picks.items()}
        results[held] = Fold(len(test), both["rules"], both["model"], both["override"], margin)
    return results

"""How sure a statement is, and from what confidence on users are shown it.

A statement's confidence estimates the chance that a reader would call it a statement: the cue's own
certainty (1 for a verb of speech, a learned pattern's precision on PolNeAR) times a factor for each
sign against it. The factors were read off the project's real-news development sets
(`evaluation/realnews/*-dev.json`: the share of statements with that sign that were real), so that
`storyline eval speakers` shows each confidence band about as often right as its confidence says.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from storyline.analysis.lexicon import NAMING_CUES, PICTURE_WORDS, WORD_NOUNS
from storyline.analysis.quotes import find_quotes
from storyline.analysis.statements import EVIDENCE_CUES, HEARSAY_ADVERBS, Attribution, is_cue, prepositional_content, small_clause

# Statements below this are kept in the store but shown only when asked for (`--all`): chosen on the
# development sets (wikinews and basil dev: shown statements 96% real, 91% of the real ones shown;
# at 0.3, 93% and 94%; at 0.5, 97% and 91%).
SHOWN_CONFIDENCE = 0.4
# Discrepancies below this are kept but shown only when asked for (`--all`): their finders give the
# unsure ones (numbers far apart, attributions through a pronoun) 0.3, the sure ones 1.0.
SHOWN_DISCREPANCY = 0.5

# Signs against a statement, and what each leaves of its confidence.
PRONOUN_SOURCE = 0.9  # "he said": the statement is real, its speaker less sure
NEGATED_CUE = 0.2  # "did not say", "declined to say", "would not comment": nothing was stated
BARE_NOUN_PHRASE = 0.35  # "announced the shutdown", "issued a ruling": a thing, not a claim
# "declined to testify", "sought to retake the city": a refusal or an attempt to act says nothing; on the
# development sets 1 of 14 such cues with an infinitive that were not borderline was a statement.
ACTION_CUE = 0.2
# "The term implies that …", "the video shows a man running": a word or a picture means or depicts, nobody says;
# a speaker or a text speaks through such a verb ("the data show", "officials indicated").
MUTE_SOURCE = 0.3
QUOTED_FLOOR = 0.8  # a learned cue around quoted words ("characterized it as “routine”"): 7 of 7 real on dev
SCARE_QUOTE_WORDS = 3  # "released a “zero-day” patch": a few quoted words in the object of a deed are no speech
_CALLED_AS = re.compile(r"\bas(?:\s+(?:a|an|the))?\s*$", re.IGNORECASE)

_REFUSALS = frozenset("decline refuse fail".split())
_ATTEMPTS = frozenset("seek try attempt".split())
FIGURE_CUES = frozenset("report estimate show indicate reveal".split())  # verbs whose object, when it counts something, is a claim
INFERENCE_CUES = EVIDENCE_CUES | {"imply", "signal"}  # verbs a thing does as well as a speaker


@dataclass(frozen=True, slots=True)
class Evidence:
    """What the text shows for and against one statement."""

    cue: float
    quoted: bool
    pronoun_source: bool
    negated: bool
    bare_noun_phrase: bool
    action: bool = False
    mute_source: bool = False

    @property
    def confidence(self) -> float:
        value = max(self.cue, QUOTED_FLOOR) if self.quoted else self.cue
        for sign, factor in (
            (self.pronoun_source, PRONOUN_SOURCE),
            (self.negated, NEGATED_CUE),
            (self.bare_noun_phrase, BARE_NOUN_PHRASE),
            (self.action, ACTION_CUE),
            (self.mute_source, MUTE_SOURCE),
        ):
            if sign:
                value *= factor
        return round(value, 3)


def _covering(doc: Doc, span: tuple[int, int]) -> Span | None:
    """The tokens over a character range, found by offset rather than by reading the whole doc."""
    return doc.char_span(span[0], span[1], alignment_mode="expand") if span[1] > span[0] else None


def _tokens(doc: Doc, span: tuple[int, int]) -> list[Token]:
    """The tokens starting in a character range."""
    found = _covering(doc, span)
    return [t for t in found if span[0] <= t.idx < span[1]] if found is not None else []


def _text(doc: Doc, span: tuple[int, int]) -> str:
    """The characters of a range, read from its own tokens: `doc.text` joins every token of the article on
    each call, which per statement cost an eighth of the analysis."""
    found = _covering(doc, span)
    return found.text[span[0] - found.start_char : span[1] - found.start_char] if found is not None else ""


def _cue_verb(doc: Doc, cue: tuple[int, int]) -> Token | None:
    tokens = _tokens(doc, cue)
    return next((t for t in tokens if t.pos_ == "VERB"), next((t for t in tokens if t.pos_ == "AUX"), tokens[0] if tokens else None))


def _negated(verb: Token, content: tuple[int, int]) -> bool:
    """Not said at all: "did not say", "never said", "declined to say"; not the "not" of what was said that the
    parser hung on the cue ("“Absolutely not,” she replied")."""
    if any(c.dep_ == "neg" and not content[0] <= c.idx < content[1] for c in verb.children):
        return True
    governor = verb.head if verb.dep_ == "xcomp" else None
    return governor is not None and (
        governor.lemma_.lower() in _REFUSALS or any(c.dep_ == "neg" for c in governor.children)
    )


def _refused_or_attempted(verb: Token, content: list[Token]) -> bool:
    """ "declined to testify", "refused to release his returns", "sought to put it in context": the cue is
    the refusal or attempt itself and its infinitive an act, not what was said (unlike "declined to say",
    whose cue is "say" and which `_negated` reads)."""
    lemma = verb.lemma_.lower()
    return lemma in _REFUSALS | _ATTEMPTS and bool(content) and content[0].tag_ == "TO"


def _verbal(word: Token) -> bool:
    """A verb, or a word the tagger took for a noun that has a subject and an auxiliary of its own ("that he
    would self-quarantine"): the parse knows it for a clause's verb."""
    deps = {c.dep_ for c in word.children}
    return word.pos_ in ("VERB", "AUX") or (bool(deps & {"nsubj", "nsubjpass"}) and bool(deps & {"aux", "auxpass"}))


def _predicates(verb: Token, content: list[Token]) -> bool:
    """Is the word a verb of the content's own clause, not one of a relative clause on its noun ("proposed [a bill
    that would allow extraditions]" is a thing proposed, as "proposed a bill" is; "voiced [skepticism that …]"
    and "cited [an article that said …]" say something)?"""
    verb = verb.head if verb.dep_ in ("aux", "auxpass") else verb  # an auxiliary predicates through its verb
    if not _verbal(verb) or verb.dep_ == "compound":
        return False  # "homicide section", a noun's modifier the tagger took for a verb
    inside = {t.i for t in content}
    word = verb
    while word.i in inside and word.head.i != word.i:
        # "a petition [challenging the order]": a participle on a noun is a relative clause cut short
        modifies = word.dep_ == "relcl" or (word.dep_ == "acl" and word.tag_ in ("VBG", "VBN") and not any(c.dep_ in ("aux", "nsubj", "nsubjpass") for c in word.children))
        if modifies and word.head.i in inside and word.head.pos_ in ("NOUN", "PROPN", "PRON", "NUM") and not is_cue(word):
            return False
        word = word.head
    return True


def _scare_quoted(doc: Doc, content: tuple[int, int]) -> bool:
    """Are the content's quotes each only a word or a short phrase ("a “zero-day” patch", "`` revised''
    rules")? Marks that set off a term, not words someone said; unless it is what something was called
    ("listed the plane as a “cargo plane”")."""
    text = _text(doc, content)
    return all(
        len(text[q.content[0] : q.content[1]].split()) <= SCARE_QUOTE_WORDS and not _CALLED_AS.search(text, 0, q.start)
        for q in find_quotes(text)
    )


def _mute(verb: Token, source: Span | None) -> bool:
    """Is the subject of a verb of showing or implying a word or a picture ("the term “X” implies", "the video
    shows")? A model, a study or a survey that shows something is its authors' claim."""
    if verb.lemma_.lower() not in INFERENCE_CUES or source is None:
        return False
    return any(t.lemma_.lower() in PICTURE_WORDS | WORD_NOUNS for t in source)


def evidence(attribution: Attribution, doc: Doc) -> Evidence:
    content = _tokens(doc, attribution.content)
    verb = _cue_verb(doc, attribution.cue)
    names = verb is not None and (verb.lemma_.lower() in NAMING_CUES or small_clause(verb) is not None or prepositional_content(verb) is not None)
    # what a verb of speech or naming frames in quotes was said; what a deed's object holds in them may not be
    quoted = attribution.kind != "indirect" and (verb is None or is_cue(verb) or names or not _scare_quoted(doc, attribution.content))
    names = names or (bool(content) and content[0].lower_ == "as")  # "reported by local media as the army's"
    cue_text = _text(doc, attribution.cue).lower()
    according = cue_text.startswith("according") or cue_text in HEARSAY_ADVERBS  # their clauses parse badly
    clause = any(_predicates(t, content) for t in content)
    # "reports a captain and eleven crew", "estimated 300 deaths": a reported figure is a claim, not a thing
    figure = verb is not None and verb.lemma_.lower() in FIGURE_CUES and any(t.like_num for t in content)
    source = attribution.source
    return Evidence(
        cue=attribution.confidence,
        quoted=quoted,
        pronoun_source=source is not None and source.root.pos_ == "PRON",
        negated=verb is not None and _negated(verb, attribution.content),
        bare_noun_phrase=not quoted and not clause and not names and not according and not figure,
        action=verb is not None and _refused_or_attempted(verb, content),
        mute_source=verb is not None and _mute(verb, source),
    )

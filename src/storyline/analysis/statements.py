"""Attributions found in a parsed article: where the content, cue and source are, before resolution.

Direct quotes are found by their marks and attributed to the cue clause beside them, or to the
sentence ending in a colon just before their paragraph; a quote of whole phrases that nothing else holds is
the words of whoever the text was just talking about; reported speech ("said the deal is dead",
"the deal, he said, is dead", "the deal is dead, he said") and "according to" come from the dependency
parse, for the verbs of speech in `lexicon` and for the cue patterns learned from PolNeAR
(`cue_patterns`: beliefs, plans, agreement, criticism); a clause with "reportedly" is reported by someone
unnamed. Cues inside quotes or inside another
statement's content belong to that statement and are not extracted again. Span boundaries follow PolNeAR's where storyline's definition allows: the source
keeps its appositions, the cue its auxiliaries, adverbs, particle and addressee, the content its "that".
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Token
from spacy.tokens import Span as TokenSpan

from storyline.analysis.cue_patterns import learned_patterns
from storyline.analysis.lexicon import (
    ADDRESSED_CUES, ADDRESSEES, CAUSE_PREPOSITIONS, CHARACTERISING_CUES, CONTENT_PREPOSITIONS, CUE_VERBS, DOCUMENT_WORDS, FEMALE_WORDS, FIGURE_PREPOSITIONS,
    GERUND_CUES, ISSUING_VERBS, JUDGING_CUES, MALE_WORDS, NAMING_CUES, OBJECT_CUES, PAGE_LABELS, PERSON_ROLES, PERSON_SUFFIXES, PREDICATING_CUES, PROVISION_WORDS, QUANTITY_WORDS,
    RAISING_CUES, ROLE_NOUN_KINDS, SPEECH_NOUNS, TELLING_OF, THAT_CUES,
)  # fmt: skip
from storyline.analysis.names import ABBREVIATED_TITLES, TITLES
from storyline.analysis.quotes import Quote, find_quotes, title_case
from storyline.model import StatementKind

# Not right after a title before a name ("Mr. Podesta said", "sheriff's Sgt. Don Smith"): its full stop ends no sentence.
_NOT_AFTER_TITLE = "".join(rf"(?<!\b{word})" for word in sorted(ABBREVIATED_TITLES))
# A full stop that ends a sentence: not a title's, nor an initial's or a suffix's ("Jr.").
_SENTENCE_END = re.compile(r"(?<!\b[A-Z])(?<!\bSt)(?<!\bJr)(?<!\bSr)" + _NOT_AFTER_TITLE + r"[.!?](?=\s|$)")
# A blank line, or a line break after a sentence's end (tables and feeds often keep one line a paragraph).
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n|(?<=[!?”\"’]|" + _NOT_AFTER_TITLE + r"\.)[ \t]*\n")
# "Name: “…”", possibly after a lowercase role ("Union representative Ana Silva: “…”").
_HEADLINE = re.compile(r"(?:[\w’'.-]+\s+){0,5}?([A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3})\s*:\s*$")
_QUOTE_MARKS = "“”‘’\"'"
_PAGE_LABEL = re.compile(r"\b(?:%s):" % "|".join(label.upper() for label in PAGE_LABELS))  # "RELATED: …" in a cut page
_LABEL_REACH = 16  # characters before a content where its label may stand
# A dash and a name right after a quote, then nothing more of a sentence: the quote's signature.
_SIGNATURE = re.compile(
    r"[ \t\u00a0]*(?P<dash>[—―–])[ \t\u00a0]*(?P<name>[A-Z][\w’'.-]*(?:[ \t\u00a0]+[A-Z][\w’'.-]*){0,3})"
    r"(?=[ \t\u00a0]*(?:$|[,.;“\"(\n]))",
    re.MULTILINE,
)
# A transcript turn: a paragraph opening (after any quote mark) with its speaker's name in capitals and a
# colon ("WALLACE: Let's start…"). A dateline ("KABUL: …") has the same shape, so turns count only when
# an article has several and the label names one of its people.
_TURN = re.compile(r"^[ \t\"“]*(?P<label>[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,2}):[ \t]+(?=\S)", re.MULTILINE)
MIN_TURNS = 2
# An interview whose answers open with the interviewee's initials and no colon ("MS Although we used …").
_BARE_TURN = re.compile(r"^[ \t]*(?P<label>[A-Z]{2,3})[ \t]+(?=[A-Z][a-z])", re.MULTILINE)
_RUN_ON_CUES = frozenset(
    "say add claim state insist argue report write warn acknowledge admit tell inform assure remind "
    "maintain contend note explain reveal announce confirm assert concede allege order rule conclude predict suggest "
    "determine show estimate".split()
)
_RUN_ON_CONFIDENCE = 0.6
_NAMING_REACH = 12  # tokens from "called" to the quoted name it gives ("called the investigation into Trump “Soviet-style”")
_NEAR_CUE = 10  # tokens after a quote where any cue introduces it ("…,” said the mayor)
_UNCLOSED_REACH = 5  # tokens after a quote with no closing punctuation where its subject and cue must be
_FAR_CUE = 30  # where a cue with its subject after the quote still does ("…,” Mr. Labrador, a lawyer elected in 2010, said)
_TRAILING = " \t\n.,;:—–-"
_DASHES = frozenset({"—", "–", "―", "--"})  # "--": a dash typed as two hyphens
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
# An article's opening dateline: a place, perhaps a date and an agency, then a dash ("ANTWERP, March 3 — ",
# "KABUL (Reuters) - ", "Dorvik (N/R) Jan 05, DNA – "). It says where the report was filed, not what anyone
# said. A place in title case needs the date: a name before a dash alone may be a person's ("Ana Silva – …").
_DATELINE_OPENING = re.compile(
    r"(?:[A-Z][A-Z.'\-]{2,}(?: [A-Z][A-Z.'\-]+)*(?:, [A-Z][a-z]+\.? \d{1,2})?(?: \([A-Za-z .]{2,30}\))?"
    rf"|[A-Z][a-z]+(?: [A-Z][a-z]+){{0,2}}(?: \([A-Za-z/ .]{{1,30}}\))?,? {_MONTH} \d{{1,2}}(?:, \d{{4}})?(?:,? \(?[A-Z][A-Za-z]+\)?)?)"
    r"(?: ?[—–―] ?| --? )"
)
_EXCLUDED_FROM_SOURCE = frozenset({"advcl", "parataxis"})
_CUE_BEFORE = frozenset({"aux", "auxpass", "neg", "advmod"})
_CUE_AFTER = frozenset({"prt", "dative", "dobj"})
_SUBJECTS = ("nsubj", "nsubjpass")
# Prepositions of where or through what something was said ("in a statement", "through a spokesman", "to
# reporters"): unlike "following concerns that …", their noun never owns a "that" clause after the cue.
_FINDINGS = frozenset("determine rule find".split())  # cues of a finding, whose "whether" clause is not one yet
_ADMISSIONS = frozenset({"admit", "confess"})  # cues whose content may be "to" and a gerund
_MEDIUM_PREPOSITIONS = frozenset("in through via during on at to".split())
_CLOSING = frozenset({"punct", "nsubj", "npadvmod", "prep", "dative", "dobj", "advmod"})  # "…, he told reporters on Monday."
_INHERITS_SUBJECT = ("conj", "advcl", "xcomp")
# Naming cues that, in the passive, give a thing's name ("is called “U.S. nationals”"), not someone's verdict ("was labeled “False”").
_TERMING = frozenset("call term dub".split())
_NAMED = frozenset({"dobj", "ccomp", "oprd", "prep", "xcomp"})  # what a naming cue names, up to the quoted name
# Relations within the phrases a cue takes before its quote ("told [a guard] [at the door], [in French], “…”").
_CUE_PHRASE_DEPS = frozenset("dobj dative prep pobj npadvmod advmod det amod compound poss case nummod cc conj".split())
_PHRASE_WORDS = 10  # words before a quote searched for such a cue
MIN_QUOTE_WORDS = 4  # shorter quotes without a cue are titles, names or scare quotes
MIN_SENTENCES_QUOTE = 8  # a quote after a comma and no cue is speech when it holds sentences of at least this many words
# A quote woven into a sentence with no cue of its own ("The maker has developed “a way to …”", "… and “so we
# told the president …”"): from this many words on, not a title or a term but someone's words. On the
# development sets 27 of 28 such uncovered quotes were statements (one borderline); of 4 words, 4 of 11.
MIN_WOVEN_WORDS = 6
# Adverbs that make their clause a report by someone unnamed ("the crash reportedly killed seven"); on the
# development sets 25 of the 27 such clauses were annotated as statements. "Allegedly" is not: it casts
# doubt on a charge more than it reports one (1 of its 4 clauses there).
HEARSAY_ADVERBS = frozenset({"reportedly"})
EVIDENCE_CUES = frozenset("show indicate reveal suggest".split())  # what a document's figures do
HEARSAY_NOUNS = frozenset({"report", "account"})  # ", by some accounts, …", ", by early reports, …"
HEARSAY_CONFIDENCE = 0.9
# "identified the suspect as …", "called her evasive": on the development sets about 45 of 47 such clauses
# of a predicating verb that were not borderline were annotated as statements.
SMALL_CLAUSE_CONFIDENCE = 0.9
# A verb of telling with its addressee and what they are to do ("urged residents to stay indoors").
DIRECTIVE_CONFIDENCE = 0.9
# "called for an inquiry", "called on residents to leave", "spoke of being forced out": on the development sets
# nearly all such phrases found were annotated as statements (PolNeAR's annotators marked "called for" 40 times in 118).
PREPOSITIONAL_CONFIDENCE = 0.9
# A gerund after a verb of telling ("recalled going"): a report, though the verb may also narrate ("described walking").
GERUND_CONFIDENCE = 0.8
# "issued a ruling finding that …": a document put out with a "that" clause, as "released a statement saying …" is.
ISSUED_CONFIDENCE = 0.9
# "In his view, …": a view given as the owner's; 6 of 6 such phrases were annotated as statements on dev.
VIEWPOINT_CONFIDENCE = 0.9
# "made the case that …": on dev, such clauses of a noun of saying were all annotated (some as borderline)
SPOKEN_NOUN_CONFIDENCE = 0.8
VIEW_WORDS = frozenset("view opinion words estimation assessment judgment judgement".split())
# "Residents were told to stay indoors" with no one said to have told them: both such on the development sets
# were annotated; a speaker left out is less sure than one named.
INSTRUCTED_CONFIDENCE = 0.8
# "The site was said to have opened in 2015": a verb of speech in the passive with an infinitive reports
# what someone unnamed said, as "reportedly" does.
PASSIVE_REPORT_CONFIDENCE = HEARSAY_CONFIDENCE


@dataclass(slots=True)
class Attribution:
    """A statement before its speaker is known: character ranges and the source phrase as parsed."""

    kind: StatementKind
    content: tuple[int, int]
    cue: tuple[int, int]
    source: TokenSpan | None
    confidence: float = 1.0
    follows: bool = False  # no cue: the speaker is the one the text was just talking about


def is_cue(token: Token) -> bool:
    if token.pos_ not in ("VERB", "AUX"):
        return _mistagged_cue(token)
    return token.lemma_.lower() in CUE_VERBS or _text_reads(token) or _put_it(token)


def _mistagged_cue(token: Token) -> bool:
    """ "…, TMZ reports, …": a plural noun with a named subject of its own is a verb of speech the tagger took for
    a noun (with a common noun, "the congressman demands", which of the two it is stays unsure)."""
    return token.tag_ == "NNS" and token.lemma_.lower() in CUE_VERBS and any(c.dep_ == "nsubj" and c.pos_ == "PROPN" for c in token.children)


def _text_reads(verb: Token) -> bool:
    """ "the statement read", "the decree reads": a text's wording is what its author says; so too "“…,” read the
    statement", which the parser takes for an order to read it (nobody orders right after a quote), and "The
    summary of the decision read", with "read" taken for a participle of "decision"."""
    if verb.lemma_.lower() != "read":
        return False
    before = [t for t in verb.doc[max(0, verb.i - 2) : verb.i] if t.text != ","]
    after_quote = bool(before) and before[-1].tag_ == "''"
    hung = _hung_subject(verb)
    return (hung is not None and hung.lemma_.lower() in DOCUMENT_WORDS) or any(
        c.lemma_.lower() in DOCUMENT_WORDS and (c.dep_ == "nsubj" or (c.dep_ == "dobj" and after_quote)) for c in verb.children)


def _hung_subject(verb: Token) -> Token | None:
    """ "The summary of the decision read in part: “…”": a "read" the parser hung as a participle on the last
    noun of the sentence's subject, making the subject that of the quote's verb: the subject is the verb's."""
    if verb.lemma_.lower() != "read" or verb.dep_ != "acl" or verb.tag_ not in ("VBD", "VBN") or any(c.dep_ == "agent" for c in verb.children):
        return None
    noun = verb.head
    while noun.dep_ in ("pobj", "prep") and noun.head is not noun:
        noun = noun.head
    return noun if noun.dep_ in _SUBJECTS and noun.head.i > verb.i else None


def _put_it(verb: Token) -> bool:
    """ "As the senator put it, “…”": the quote is how the subject put it."""
    if verb.lemma_.lower() != "put" or not any(c.dep_ == "dobj" and c.lower_ == "it" for c in verb.children):
        return False
    return any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)


def _gerund_cue(token: Token) -> bool:
    """A cue's gerund the tagger took for a noun ("…, writing, “…”", "one blogger asking, “…”")."""
    word = token.lower_
    if token.tag_ != "NN" or not word.endswith("ing") or len(word) < 6:
        return False
    stem = word[:-3]
    return stem in CUE_VERBS or stem + "e" in CUE_VERBS or (stem[-1] == stem[-2] and stem[:-1] in CUE_VERBS)


def _may_cue(token: Token) -> bool:
    """A verb of speech, or a word a learned pattern makes a cue of ("agreed to", "called for")."""
    if is_cue(token) or bool(learned_patterns().relations.get(token.lemma_.lower())) or small_clause(token) is not None:
        return True
    if prepositional_content(token) is not None or _directive(token) is not None or _that_cue(token):
        return True
    return _reported_gerund(token) is not None


def _that_cue(verb: Token) -> bool:
    """ "shared that …", "projecting that …": a verb that says something only through its "that" clause."""
    return verb.pos_ == "VERB" and verb.lemma_.lower() in THAT_CUES and any(c.dep_ == "ccomp" and c.i > verb.i and _that_clause(c) for c in verb.children)


def _reported_gerund(verb: Token) -> Token | None:
    """The gerund a verb of telling or remembering reports ("recalled going to conventions", "described
    witnessing the bodies"): what the speaker says they did or saw, as a clause would ("recalled that she went")."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in GERUND_CUES or any(c.dep_ == "auxpass" for c in verb.children):
        return None
    return next((c for c in verb.children if c.dep_ in ("xcomp", "ccomp") and c.tag_ == "VBG" and c.left_edge.i == c.i == verb.i + 1), None)


def _directive(verb: Token) -> tuple[Token, Token] | None:
    """First and last word of what an active verb of telling tells someone to do ("urged [residents to stay
    indoors]", "instructs [archbishops to notify the Vatican]"): the addressee with the infinitive, as the
    guidelines span it; None in the passive ("were told to stay off the roads", read as an instruction)."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in ADDRESSED_CUES or any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if obj is None:
        return None
    # the parser may take the infinitive for one of purpose ("instructs officers [to detain …]" as advcl)
    order = next((c for c in verb.children if (c.dep_ == "xcomp" or (c.dep_ == "advcl" and c.left_edge.i == obj.right_edge.i + 1))
                  and c.i > obj.i and any(a.tag_ == "TO" for a in c.children)), None)  # fmt: skip
    return (obj.left_edge, order.right_edge) if order is not None else None


def prepositional_content(verb: Token) -> tuple[Token, Token] | None:
    """First and last word of what an active verb of demanding or saying asks for or says through its preposition
    ("called for [an inquiry]", "called on [drivers to slow down]", "warned of [floods]", "told of [being forced
    out]"); None in the passive, or when a plan or text provides for it ("the budget calls for cuts")."""
    preps = CONTENT_PREPOSITIONS.get(verb.lemma_.lower())
    if verb.pos_ != "VERB" or not preps or any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return None
    subject = subject_of(verb)
    if subject is None or not _may_speak(subject):
        return None
    phrase = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in preps and c.i > verb.i), None)
    obj = next((c for c in phrase.children if c.dep_ in ("pobj", "pcomp")), None) if phrase is not None else None
    if obj is None and phrase is None and "for" in preps:  # "calling for the killers to be brought to justice": "for" marks a clause
        clause = next((c for c in verb.children if c.dep_ in ("advcl", "ccomp", "xcomp") and c.i > verb.i and c.left_edge.lower_ == "for"), None)
        return (clause.left_edge.nbor(1), clause.right_edge) if clause is not None and clause.left_edge.i == verb.i + 1 else None
    if obj is None or (verb.lemma_.lower() in TELLING_OF and not any(t.tag_ == "VBG" or t.text in _QUOTE_MARKS for t in obj.subtree)):
        return None  # "spoke of the collaboration": a topic; "told of being forced out", "talked of his “discoveries”": said
    if phrase.lower_ in ("on", "to"):  # whom it is asked of, with what they are to do: "called on drivers to slow down"
        order = next((c for c in (*verb.children, *obj.children) if c.dep_ in ("xcomp", "advcl", "acl", "relcl") and c.i > obj.i and _infinitive(c)), None)
        return (obj.left_edge, order.right_edge) if order is not None else None
    last = phrase.right_edge
    # "calling for the governor [to veto the bill]", the infinitive hung on the verb: what the governor is to do
    order = next((c for c in verb.children if c.dep_ in ("xcomp", "advcl") and c.left_edge.i == last.i + 1 and _infinitive(c)), None)
    last = order.right_edge if order is not None else last
    while last.i > obj.i and (last.is_space or last.is_punct):
        last = last.nbor(-1)
    return phrase.nbor(1), last


def _may_speak(noun: Token) -> bool:
    """Could the noun voice a demand or a quote: a pronoun, a name, people ("critics", "officials"), a body or a text
    ("the ministry", "the warnings"); not a plan or a measure ("the budget", "mandatory sentencing")?"""
    lemma = noun.lemma_.lower()
    if lemma in PROVISION_WORDS:
        return False
    known = DOCUMENT_WORDS | SPEECH_NOUNS | PERSON_ROLES | FEMALE_WORDS | MALE_WORDS | ROLE_NOUN_KINDS.keys()
    person = lemma in known or any(lemma.endswith(end) and len(lemma) >= len(end) + 3 for end in PERSON_SUFFIXES)  # "the spokesperson", not "the list"
    return person or noun.pos_ in ("PRON", "PROPN", "DET") or noun.tag_ == "NNS" or noun.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")


def _as_phrase(token: Token) -> bool:
    """An "as" phrase saying what something is ("as a local man"), not an example ("such as the devil") nor one
    set off by a comma ("dismissed a petition against her appointment, as a member of the board"), which says
    in what capacity or why, not what the object is."""
    if token.dep_ != "prep" or token.lower_ != "as" or token.nbor(-1).lower_ in ("such", ","):
        return False
    return not any(c.lower_ == "such" for c in token.children)


def _quantity(noun: Token | None) -> bool:
    """Does the noun count something ("two percent", "40 million euros", "the hundreds"), not name a place
    ("10 Downing Street")?"""
    if noun is None:
        return False
    return noun.pos_ == "NUM" or noun.lower_ in QUANTITY_WORDS or (noun.pos_ == "NOUN" and any(c.dep_ == "nummod" for c in noun.children))


def _infinitive(clause: Token) -> bool:
    """Is the clause an infinitive with "to" ("to have begun", "to be unconstitutional")?"""
    return any(c.tag_ == "TO" for c in clause.children)


def _ease(head: Token) -> bool:
    """ "found it hard to sleep", "finds that difficult to do": an adjective with an infinitive and no verb of its
    own says how easy something was for the subject, an experience rather than a finding."""
    return head.pos_ == "ADJ" and any(c.dep_ in ("xcomp", "advcl") and _infinitive(c) for c in head.children)


def _relative_that(clause: Token) -> bool:
    """A clause the parser took for a relative one although it hangs on a verb ("reported earlier this week
    that Trump asked …", "that" as the relative's object): a verb has no relative clause, so it is the verb's
    "that" clause."""
    return clause.dep_ == "relcl" and clause.head.pos_ in ("VERB", "AUX") and clause.left_edge.text.lower() == "that" and clause.left_edge.i > clause.head.i


def small_clause(verb: Token) -> tuple[Token, Token] | None:
    """First and last word of what an active predicating verb says something is ("identified [the suspect as
    a local man]", "called [her answer evasive]"); None for another verb, a passive ("was described as"), a
    participle naming a thing ("a group called …"), or an object with no predicate."""
    lemma = verb.lemma_.lower()
    if verb.pos_ != "VERB" or (lemma not in PREDICATING_CUES and lemma not in CAUSE_PREPOSITIONS and lemma not in FIGURE_PREPOSITIONS):
        return None
    if verb.tag_ == "VBN" and not any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children):
        return None  # a participle without "have" is passive: "a board called Flyboard Air"
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    causes = CAUSE_PREPOSITIONS.get(lemma, frozenset({"for"} if lemma in JUDGING_CUES else ()))
    stranded = any(c.dep_ == "prep" and not list(c.children) and c.i == verb.i + 1 for c in verb.children)  # "referred to as"
    inside = any(c.dep_ == "prep" and c.i > verb.i and _pobj(c) is not None and c.lower_ != "as" for c in verb.children)
    if obj is None and verb.dep_ == "relcl" and not stranded and not inside:  # not "where he referred to X as Y"
        # "the panel, which they describe as a tool for rationing", "a process she described as tricky", "an
        # act the court ruled to be unconstitutional": the object is the noun the relative clause is on
        said = (c for c in verb.children if c.i > verb.i and ((c.dep_ == "prep" and c.lower_ in {"as", *causes}) or (c.dep_ == "xcomp" and _infinitive(c))))
        predicate = next(said, None)
        if predicate is None:
            return None
        return next(t for t in predicate.subtree if t.i > verb.i), predicate.right_edge  # not the relative "which"
    if obj is None:  # "calling her evasive" parsed as one predicate holding its object ("her" as its possessor)
        joined = next((c for c in verb.children if c.dep_ == "oprd" and c.i > verb.i and c.left_edge.i < c.i), None)
        return (joined.left_edge, joined.right_edge) if joined is not None else None
    # a name given ("called the device Flyboard Air") says what a thing is called, not what it is
    predicates = [c for c in verb.children if c.i > obj.i and ((c.dep_ == "oprd" and c.pos_ != "PROPN") or _as_phrase(c))]
    # "accused the chief and his deputies [of lying]": the parser hangs the phrase on the object's last conjunct
    nouns = (obj, *obj.conjuncts)
    predicates += [c for n in nouns for c in n.children if _as_phrase(c)]
    # "found the samples to be toxic": the infinitive of "be" after the object, however the parser hangs it
    predicates += [c for c in verb.children if c.i > obj.i and c.dep_ in ("xcomp", "advcl", "ccomp") and _infinitive(c) and c.lemma_ == "be"]
    predicates += [c for c in (*verb.children, *(c for n in nouns for c in n.children)) if c.i > obj.i and c.dep_ == "prep" and c.lower_ in causes]
    figures = FIGURE_PREPOSITIONS.get(lemma, frozenset())
    predicates += [c for c in verb.children if c.i > obj.i and c.dep_ == "prep" and c.lower_ in figures and _quantity(_pobj(c))]
    if not predicates:
        return None
    last = max((p.right_edge for p in predicates), key=lambda t: t.i)
    while last.i > obj.i and (last.is_space or last.is_punct):  # a paragraph break the parser hung on the phrase
        last = last.nbor(-1)
    return obj.left_edge, last


def is_naming(token: Token) -> bool:
    return token.lemma_.lower() in NAMING_CUES and token.pos_ == "VERB"


def _characterised(verb: Token, word: Token) -> bool:
    """ "attacked the inquiry as “Witch Hunt garbage”", "referred to the vote as “The Hoax”", "criticized the
    administration for its “secrecy”": an active verb whose "as" (or, for praise and blame, "for") phrase is
    quoted words characterises its object in the subject's own words."""
    lemma = verb.lemma_.lower()
    if lemma not in CHARACTERISING_CUES or any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return False  # "the plan was seen as “a disaster”" says whose view it is not
    links = {"as", "for"} if lemma in JUDGING_CUES else {"as"}
    phrases = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in links]
    phrases += [g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "prep" and g.lower_ == "as"]
    return any(p in word.ancestors for p in phrases)


def _said_next(window: list[Token]) -> bool:
    """Do the words right after a quote say who said it, its subject first ("” Smith told Wikinews")? Then a
    quote without closing punctuation did not end its sentence."""
    cue = next((t for t in window[:_UNCLOSED_REACH] if is_cue(t)), None)
    head = subject_of(cue) if cue is not None else None
    return head is not None and cue is not None and window[0].i <= head.i < cue.i


def _according(token: Token) -> Token | None:
    """The "to" of "according to", when token starts one; "Per" opening a sentence with its phrase set off by a
    comma ("Per the decree, priests must …") is the same, and its own preposition."""
    if token.text == "Per" and _opens_phrase(token):
        return token
    if token.lower_ == "by" and (obj := _pobj(token)) is not None and obj.lemma_.lower() in HEARSAY_NOUNS and _set_off(token):
        return token  # "had, by some reports, infected 4,000": hearsay, as "according to reports" is
    if token.lower_ != "according" or token.i + 1 >= len(token.doc):
        return None
    nxt = token.nbor(1)
    return nxt if nxt.lower_ == "to" else None


def _set_off(token: Token) -> bool:
    """Is the preposition's phrase set off by commas inside its clause (", by early reports, at least 30 …")?"""
    before = next((t for t in reversed(token.doc[: token.i]) if not t.is_space), None)
    return before is not None and before.text == "," and _phrase_comma(token) is not None


def _opens_phrase(token: Token) -> bool:
    """Does the preposition open its sentence and its object end at a comma ("Per the request, …")?"""
    doc = token.doc
    before = next((t for t in reversed(doc[: token.i]) if not t.is_space), None)
    if before is not None and before.text not in (".", "!", "?", "”", '"'):
        return False
    return _phrase_comma(token) is not None


def _phrase_comma(token: Token) -> Token | None:
    """The comma closing a sentence-opening phrase: the first one within or right after its object, since the
    parser may run the phrase on into the clause ("Per the decree signed by X, priests …" with "priests"
    joined to X)."""
    obj = _pobj(token)
    if obj is None:
        return None
    end = obj.right_edge.i + 1
    inside = [t for t in obj.subtree if t.i > obj.i and t.text == ","]
    if inside:
        return inside[0]
    return token.doc[end] if end < len(token.doc) and token.doc[end].text == "," else None


def _viewpoint_owner(token: Token) -> Token | None:
    """Whose view a clause is given as ("In his view, …", "In the minister's opinion, …"), when the token
    opens such a phrase set off by a comma."""
    obj = _pobj(token) if token.lower_ in ("in", "from") and token.dep_ == "prep" else None
    if obj is None or obj.lemma_.lower() not in VIEW_WORDS:
        return None
    end = obj.right_edge.i + 1
    if end >= len(token.doc) or token.doc[end].text != ",":
        return None
    return next((c for c in obj.children if c.dep_ == "poss"), None)


def _that_clause(head: Token) -> bool:
    """Does the clause open with a complementiser ("that", "whether", "if")?"""
    return any(c.dep_ == "mark" and c.lower_ in ("that", "whether", "if") and c.i < head.i for c in head.children)


def _hung_under_noun(verb: Token) -> list[Token]:
    """The "that" clause of a cue that the parser hung under the noun of the cue's phrase ("said in a
    statement that …", "said through a spokesman that …"): the clause is what was said, not the noun's."""
    preps = [c for c in verb.children if c.dep_ in ("prep", "dative") and c.i > verb.i and c.lower_ in _MEDIUM_PREPOSITIONS]
    nouns = [g for c in preps for g in c.children if g.dep_ == "pobj"]
    if verb.lemma_.lower() in ADDRESSED_CUES:  # "told a meeting of island leaders that …": hung on the addressee
        nouns += [t for c in verb.children if c.dep_ in ("dobj", "dative") and c.i > verb.i for t in c.subtree if t.pos_ in ("NOUN", "PROPN")]
    return [c for n in nouns for c in n.children if c.dep_ in ("acl", "ccomp", "relcl") and c.i > n.i and (_that_clause(c) or _misread_that(n, c))]


def _misread_that(noun: Token, clause: Token) -> bool:
    """ "clarified in the proceedings that her decisions were not …": "that" read as a relative pronoun with
    nothing to do in its clause (neither its subject nor its object), which has a subject of its own."""
    that = clause.left_edge
    if that.lower_ != "that" or that.i != noun.i + 1 or that.dep_ in ("nsubj", "nsubjpass", "dobj"):
        return False
    return any(c.dep_ in _SUBJECTS and c.i > that.i for c in clause.children)


def _described_noun(verb: Token) -> tuple[Token, Token] | None:
    """First and last word of what a passive participle of saying with its agent says of its noun ("a plane,
    reported by local media as belonging to the army": its "as" phrase; "twelve crew reported by the agency":
    the noun itself)."""
    if verb.dep_ != "acl" or verb.tag_ != "VBN" or verb.head.i > verb.i or not any(c.dep_ == "agent" for c in verb.children):
        return None
    phrase = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" and c.i > verb.i), None)
    if phrase is not None:
        return phrase, phrase.right_edge
    last = verb.nbor(-1)
    while last.i > verb.head.left_edge.i and (last.is_punct or last.is_space):
        last = last.nbor(-1)
    return verb.head.left_edge, last


def _held_by_noun(clause: Token) -> bool:
    """Is the clause a noun of saying's, right after it, that the parser hung on the verb ("questioned the
    minister's insistence she never saw …")?"""
    before = clause.doc[clause.left_edge.i - 1] if clause.left_edge.i > 0 else None
    return before is not None and _noun_of_saying(before) and not _that_clause(clause)


def _noun_of_saying(token: Token) -> bool:
    return token.pos_ == "NOUN" and token.lemma_.lower() in SPEECH_NOUNS


def _complete(clause: Token) -> bool:
    """A clause with its own subject and nothing missing ("the talks be moved", "she never saw the cables"),
    not a relative one whose object is the noun before it ("the claim she made", "the statement he gave")."""
    if clause.dep_ not in ("acl", "ccomp") or any(t.tag_ in ("WDT", "WP", "WP$", "WRB") for t in clause.doc[clause.left_edge.i : clause.i]):
        return False  # "the case for which he was jailed", "concerns over which candidate would do more harm"
    if clause.lemma_.lower() in ISSUING_VERBS or not any(c.dep_ in _SUBJECTS and c.tag_ not in ("WDT", "WP") for c in clause.children):
        return False
    return any(c.dep_ in ("auxpass", "dobj", "ccomp", "xcomp", "attr", "acomp", "oprd") for c in clause.children)


def _stub(clause: Token, verb: Token) -> bool:
    """ "It is, said Rep. Ana Silva, a mistake": a subject and a bare auxiliary before the cue, with the sentence
    going on past the cue's subject, open a sentence the cue splits, never the whole of what was said (an
    answer, "They will, he said.", ends at the subject)."""
    if clause.pos_ != "AUX" or clause.i > verb.i or any(c.dep_ not in (*_SUBJECTS, "punct") for c in clause.children):
        return False
    subject = subject_of(verb)
    return subject is not None and any(not t.is_punct for t in verb.doc[max(subject.i, verb.i) + 1 : verb.sent.end])


def _issued_finding(verb: Token, obj: Token) -> Token | None:
    """The "that" of "issued a ruling against Trump finding that …" with "finding" tagged as a noun: a document
    put out with a "that" clause in it says that clause."""
    if verb.lemma_.lower() not in ISSUING_VERBS or obj.dep_ != "dobj" or obj.lemma_.lower() not in DOCUMENT_WORDS:
        return None
    return next((t for t in obj.subtree if t.dep_ == "mark" and t.lower_ == "that"), None)


def _fronted_phrase(first: Token, verb: Token) -> bool:
    """A phrase opening the clause a cue reports ("said as a teenager she was forced …", "said after the vote the
    deal was dead"): a preposition of a later verb of the cue's that has its own subject after the phrase."""
    if first.dep_ == "prep" and first.head == verb:  # "said as a child she was sent …", the clause hung on "child"
        return _holds_clause(first)
    clause = first.head
    if first.dep_ != "prep" or clause.head != verb or clause.i <= first.i or clause.pos_ not in ("VERB", "AUX"):
        return False
    return any(c.dep_ in _SUBJECTS and c.i > first.right_edge.i for c in clause.children)


def _told_before_clause(obj: Token) -> bool:
    """The addressee of a verb of telling with the told clause hung on it as a relative one ("told the paper
    [she had] “no regrets”"): the clause opens with its own subject, not a relative word."""
    if obj.dep_ != "dobj" or obj.head.lemma_.lower() not in ADDRESSED_CUES:
        return False
    opening = next((c.left_edge for c in obj.children if c.dep_ == "relcl" and c.left_edge.i == obj.i + 1), None)
    return opening is not None and opening.dep_ in _SUBJECTS and opening.tag_ not in ("WDT", "WP", "WP$")


def _holds_clause(phrase: Token) -> bool:
    """Does a phrase hold a finite clause with its own subject ("as a child [she was sent …]")?"""
    return any(t.dep_ in ("relcl", "acl") and _finite_clause(t) for t in phrase.subtree)


def _finite_clause(verb: Token) -> bool:
    return any(c.dep_ in _SUBJECTS and c.tag_ not in ("WDT", "WP") for c in verb.children) and _finite_verb(verb)


def _opening_participle(verb: Token) -> bool:
    """A participle opening its sentence ("Calling the plan “a disgrace,” the senator said …"): its subject is
    the main clause's, after it."""
    return verb.tag_ == "VBG" and verb.dep_ == "advcl" and verb.left_edge.i == verb.i and verb.head.i > verb.i and (
        verb.i == 0 or verb.nbor(-1).is_space or verb.nbor(-1).is_sent_end or verb.nbor(-1).text in (".", "\n"))


def _document_shows(verb: Token) -> bool:
    """ "The ministry's figures show 40 new cases": the figures a document shows are what its owner says."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if verb.lemma_.lower() not in EVIDENCE_CUES or subject is None or not DOCUMENT_WORDS.intersection({subject.lemma_.lower(), subject.lower_}):
        return False
    return any(t.like_num for c in verb.children if c.dep_ == "dobj" for t in c.subtree)  # not "the video shows a man running"


def _closing(verb: Token, subject: Token) -> bool:
    """Is the verb the sentence's main one, or one with its own subject the parser joined to it ("Labrador
    backs a path to legal status, he has said", with "said" as a conjunct of "backs")?"""
    own = subject.head == verb or subject.right_edge.i == verb.i - 1  # "…, the committee's senior Democrat said"
    # "Felt died Thursday, the newspaper reported": a clause with no conjunction of its own, hung as a modifier
    unmarked = verb.dep_ == "conj" or (verb.dep_ == "advcl" and not any(c.dep_ == "mark" for c in verb.children))
    joined = unmarked and verb.head.dep_ == "ROOT" and verb.head.i < verb.i and own
    return verb.dep_ == "ROOT" or joined


def _closing_child(child: Token) -> bool:
    """What may follow a closing cue: its own time, place or addressee, or a participle of its own ("…, the paper
    reported, citing his grandson")."""
    return child.dep_ in _CLOSING or (child.dep_ == "advcl" and child.tag_ == "VBG")


def _finite(token: Token) -> bool:
    """A verb with a tense or a modal ("remain" in "ordered the accused remain"), not an infinitive or participle."""
    if token.pos_ not in ("VERB", "AUX"):
        return False
    return token.tag_ in ("VBD", "VBZ", "VBP", "MD") or (token.tag_ == "VB" and token.i > 0 and token.nbor(-1).tag_ != "TO")


def _subjectless(token: Token) -> bool:
    """A verb the parser left without a subject or a subordinator of its own: its subject is the word
    before it that the parser took for the cue's object."""
    verb = token.head if token.dep_ in ("aux", "auxpass") else token
    own = ("nsubj", "nsubjpass", "expl", "csubj", "mark")
    return verb.dep_ not in ("relcl", "acl") and not any(c.dep_ in own for c in verb.children)


def _finite_verb(verb: Token) -> bool:
    """Does the verb or one of its auxiliaries carry a tense ("come" in "does not come")?"""
    return _finite(verb) or any(_finite(c) for c in verb.children if c.dep_ in ("aux", "auxpass"))


def _stray_subject(verb: Token, clause: Token) -> Token | None:
    """The cue's object that is the subject of the finite clause right after it, which the parser left without
    one ("cautioned [justice] does not come swiftly")."""
    if clause.dep_ != "ccomp" or not _subjectless(clause) or not _finite_verb(clause):
        return None
    return next((c for c in verb.children if c.dep_ == "dobj" and c.right_edge.i + 1 == clause.left_edge.i and c.lower_ not in ADDRESSEES), None)


def _as_aside(verb: Token) -> bool:
    """ "As she emphasized, she lost her job": a cue in an "as" clause, with nothing said of its own, frames the
    clause it opens (unlike "As he explained the plan, …", whose object is what he explained)."""
    if verb.dep_ != "advcl" or verb.head.i < verb.i or not any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        return False
    return not any(c.dep_ in ("dobj", "ccomp", "xcomp") and c.i > verb.i for c in verb.children)


def _gapped_clause(clause: Token) -> bool:
    """ "who Trump says [bring crime]": a finite verb after a cue in a relative clause, whose subject is the relative
    pronoun, is the reported clause, though the parser takes it for an infinitive."""
    return clause.dep_ == "xcomp" and clause.head.dep_ == "relcl" and clause.i > clause.head.i and _finite(clause)


def _unjoined_clause(clause: Token) -> bool:
    """A finite clause with its own subject that the parser joined to the cue before it with no "and" or comma
    ("indicated on Twitter the boy was hurt", read as a conjunct): the cue's unmarked "that" clause."""
    verb = clause.head
    if clause.dep_ != "conj" or clause.i < verb.i or not _finite_verb(clause) or not any(c.dep_ in _SUBJECTS for c in clause.children):
        return False
    return not any(t.dep_ == "cc" or t.is_punct for t in verb.doc[verb.i + 1 : clause.left_edge.i])


def _phrase_of(token: Token, verb: Token) -> bool:
    """Is the token in a phrase the verb takes directly (object, addressee, prepositional or time phrase),
    with no clause between them?"""
    while token.i != verb.i:
        if token.dep_ not in _CUE_PHRASE_DEPS or token.head.i == token.i:
            return False
        token = token.head
    return True


def _pobj(token: Token) -> Token | None:
    return next((c for c in token.children if c.dep_ == "pobj"), None)


def source_span(head: Token) -> TokenSpan:
    """The source phrase as written, with its appositions and relative clauses ("Hugh Hill, a doctor at the
    hospital"), as PolNeAR annotates it; the speaker is still resolved from the head alone."""
    # "with officials saying that …": the participle saying it is no part of who says it
    skip = {t.i for c in head.children if c.dep_ in _EXCLUDED_FROM_SOURCE or (c.dep_ == "acl" and is_cue(c)) for t in c.subtree}
    kept = [t.i for t in head.subtree if t.i not in skip]
    start, end = min(kept), max(kept) + 1
    end = min([end, *(c.i for c in head.subtree if _hung_subject(c) == head)])  # "The summary of the decision [read in part]"
    dashes = [i for i in range(start, head.i) if head.doc[i].text in _DASHES]
    if dashes:
        start = dashes[-1] + 1  # a dateline the parser took in: "VIENNA, March 11 — Hungary and Slovakia"
    while start < head.i and (head.doc[start].is_punct or head.doc[start].ent_type_ in ("DATE", "TIME")):
        start += 1  # "On Friday Ford Motor Company announced": the day is no part of the source
    while end - 1 > head.i and head.doc[end - 1].is_punct:
        end -= 1
    return head.doc[start:end]


def _apposed_name(doc: Doc, at: int) -> TokenSpan | None:
    """A person's name set off by commas right after token `at` (", Dee Margo,"), which the parser often
    hangs elsewhere."""
    if at + 2 >= len(doc) or doc[at].text != "," or doc[at + 1].ent_type_ != "PERSON":
        return None
    end = at + 2
    while end < len(doc) and doc[end].ent_type_ == "PERSON" and doc[end].ent_iob_ == "I":
        end += 1
    return doc[at + 1 : end] if end < len(doc) and doc[end].text == "," else None


def _named_after(source: TokenSpan) -> TokenSpan | None:
    """The source run on through a title and a person's name the parser left outside it ("Connecticut"
    + "Senator Richard Blumenthal")."""
    doc, end = source.doc, source.end
    while end < len(doc) and doc[end].text[:1].isupper() and (doc[end].pos_ == "PROPN" or doc[end].lower_.rstrip(".") in TITLES):
        end += 1
    if end == source.end or not any(t.ent_type_ == "PERSON" for t in doc[source.end : end]):
        return None
    return doc[source.start : end]


def datelines(text: str) -> list[tuple[int, int]]:
    """The datelines opening the text's lines: where a report was filed, which names no one who speaks."""
    return [m.span() for line in re.finditer(r"^[ \t]*", text, re.M) if (m := _DATELINE_OPENING.match(text, line.end()))]


def _dateline(token: Token) -> bool:
    """ "VIENNA, March 11 — …", "WASHINGTON -- …": a place in capitals, then a comma or a dash."""
    after = token.nbor(1).text if token.i + 1 < len(token.doc) else ""
    return token.text.isupper() and len(token.text) > 1 and (after == "," or after in _DASHES)


def _past_dateline(subject: Token) -> Token:
    """The parser may make a dateline the subject ("VIENNA, March 11 — Hungary and Slovakia agreed"): the
    subject is the first noun after its dash."""
    if not _dateline(subject):
        return subject
    dash = next((t for t in subject.subtree if t.i > subject.i and t.text in _DASHES), None)
    after = (t for t in subject.subtree if dash is not None and t.i > dash.i and t.pos_ in ("PROPN", "NOUN", "PRON"))
    return next(after, subject)


def _past_opening_participle(subject: Token) -> Token:
    """The parser may make a participle clause opening the sentence the subject ("Writing in a blog, Ana
    Silva said", with the name hung under "Writing"): the subject is the noun after the clause's comma."""
    if subject.pos_ != "VERB" or subject.tag_ not in ("VBG", "VBN") or subject.left_edge.i != subject.i:
        return subject
    commas = [t.i for t in subject.subtree if t.text == "," and t.head == subject]
    after = (c for c in subject.children if commas and c.i > commas[0] and c.pos_ in ("PROPN", "NOUN", "PRON"))
    return next(after, subject)


def _adjoins(subject: Token, following: Token) -> bool:
    gap = following.left_edge.i - subject.right_edge.i
    return gap == 1 or (gap == 2 and following.pos_ == "PROPN" and subject.doc[subject.right_edge.i + 1].text == ",")


def subject_of(verb: Token, depth: int = 3, shared: bool = False) -> Token | None:
    """The speaker phrase's head: subject, passive agent, or the subject a participle shares. A conjunct or
    complement verb shares the grammatical subject of the verb above (`shared`), never its "by" agent ("X,
    should Y remain unconfirmed by the Senate, has expressed …": X, not the Senate); a participle set after
    a passive is the agent's ("was described by Johnson as a mandate, saying …")."""
    children = list(verb.children)
    agent = None if shared else next((_pobj(c) for c in children if c.dep_ == "agent"), None)
    if agent is not None:
        return agent
    subjects = [c for c in children if c.dep_ in _SUBJECTS]
    subject = next((c for c in subjects if not _dateline(c)), subjects[0] if subjects else None)
    while (following := next((c for c in subjects if subject is not None and _adjoins(subject, c)), None)) is not None:
        if following.pos_ not in ("PROPN", "NOUN", "PUNCT"):
            break
        # one phrase the parser cut into adjoining subjects: its last word heads it ("Niger's president
        # Mahamadou Issoufou said": the name; "Another co-author, … Julian Marshall, said": author;
        # "The party's leader, Jeremy Corbyn announced": the name after the comma)
        subject = following
    if subject is not None and (gapped := _gapped_relative(verb, subject)) is not None:
        return gapped
    if subject is not None and not (subject.dep_ == "nsubjpass" and verb.lemma_.lower() in ADDRESSED_CUES):
        return _past_opening_participle(_past_dateline(subject))  # "residents were asked to stay in" names whom it was said to, not who said it
    if subject is not None:
        return None
    if (held := _held_subject(verb) or _hung_subject(verb)) is not None:
        return held
    if (inverted := _inverted_subject(verb)) is not None:
        return inverted
    if (apposed := _apposed_subject(verb)) is not None:
        return apposed
    if verb.tag_ == "VBN" and verb.lemma_.lower() in ADDRESSED_CUES:
        return None  # "Asked about the doors, he said …": he is whom the question was put to
    if depth and verb.dep_ in _INHERITS_SUBJECT and verb.head is not verb:
        above = verb.head
        if verb.dep_ == "advcl" and above.dep_ == "ccomp" and is_cue(verb) and is_cue(above.head):
            above = above.head  # "X said the tax "costs …," further saying …": X goes on, not the tax
        return subject_of(above, depth - 1, shared=verb.dep_ != "advcl") or _clause_before(verb)
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and is_cue(verb) and verb.head.dep_ == "pobj" and verb.head.head.lower_ == "with":
        return verb.head  # "…, with officials saying that …": the noun of "with" is who says it
    if depth and _issued(verb):
        return subject_of(verb.head.head, depth - 1)
    if (dated := _named_after_date(verb)) is not None:
        return dated
    by_saying = verb.dep_ == "pcomp" and verb.tag_ == "VBG" and is_cue(verb) and verb.lemma_.lower() != "show"
    if depth and by_saying and verb.head.dep_ == "prep" and verb.head.head.pos_ == "VERB":
        above = verb.head.head
        quoted = next((c for c in above.children if c.dep_ == "nsubjpass"), None) if above.lemma_.lower() == "quote" else None
        if quoted is not None:
            return quoted  # "was quoted by Reuters as saying …": the one quoted says it, not who quotes
        return subject_of(above, depth - 1)  # "responded by saying …": who responded says it
    return None


def _clause_before(participle: Token) -> Token | None:
    """ "Consider the hearings, when Ana Silva confronted Senator Hale, asking “…”": a participle after a comma
    goes on from the clause right before it, whose subject asks, not its object; the parser may hang it
    past that clause on a verb with no subject. Only a participle, and only over a clause in between."""
    doc, head = participle.doc, participle.head
    if participle.tag_ != "VBG" or participle.dep_ != "advcl" or not head.i < participle.i - 1 or doc[participle.i - 1].text != ",":
        return None
    verbs = [t for t in doc[head.i + 1 : participle.i - 1] if t.pos_ == "VERB" and any(c.dep_ == "nsubj" for c in t.children)]
    return next((c for c in verbs[-1].children if c.dep_ == "nsubj"), None) if verbs else None


def _gapped_relative(verb: Token, subject: Token) -> Token | None:
    """ "immigrants, who Trump says bring crime": the relative pronoun is the subject of the reported clause, and
    the name between it and the cue, which the parser may hang elsewhere, is the cue's subject."""
    if subject.tag_ not in ("WP", "WDT") or verb.dep_ != "relcl" or subject.i > verb.i:
        return None
    between = verb.doc[subject.i + 1 : verb.i]
    nouns = [t for t in between if t.pos_ in ("PROPN", "NOUN", "PRON")]
    if not nouns or any(t.pos_ not in ("PROPN", "NOUN", "PRON", "DET", "ADJ", "PART") for t in between):
        return None
    return nouns[-1]


def _completed_before_cue(window: list[Token]) -> bool:
    """ "“… other strategies would work better” than a shutdown, said Ana Silva.": a few words with no verb
    finish the quote's sentence, then a comma and a cue with its subject after it say whose it is."""
    at = next((i for i, t in enumerate(window[:_NEAR_CUE]) if is_cue(t)), 0)
    if not at or window[at - 1].text != "," or any(t.pos_ in ("VERB", "AUX") for t in window[:at]):
        return False
    head = subject_of(window[at])
    return head is not None and head.i > window[at].i


def _name_after_cue(verb: Token) -> TokenSpan | None:
    """A titled name right after a cue the parser left with no subject ("“…” tweeted Mayor of Norland Ana Silva",
    the cue read as a modifier of "Mayor"): the inverted subject, the capitalised words (and an "of" between
    them) up to the first word that is not, when they hold a person's name; never whom a cue of telling
    addresses ("told Ana Silva")."""
    if not is_cue(verb) or verb.tag_ not in ("VBD", "VBZ", "VBN") or verb.lemma_.lower() in ADDRESSED_CUES:
        return None
    doc, end = verb.doc, verb.i + 1
    while end < len(doc) and (doc[end].text[:1].isupper() or (doc[end].lower_ == "of" and doc[end + 1 : end + 2].text[:1].isupper())):
        end += 1
    run = doc[verb.i + 1 : end]
    return run if any(t.ent_type_ == "PERSON" for t in run) else None


def _apposed_subject(verb: Token) -> Token | None:
    """ "X will issue subpoenas to Flynn, Trump's adviser, the committee's senior Democrat said": the parser may
    make the speaker an apposition of the name before it and the cue a conjunct of the main verb, or leave the
    cue with no subject ("While hearing the plea of Ann Lee, a bench comprising two judges said …"); a noun
    phrase set off by a comma and ending right before the cue is its subject."""
    if verb.dep_ not in ("conj", "ROOT") or not is_cue(verb) or verb.i == 0:
        return None
    before = verb.nbor(-1)
    while before.dep_ != "appos" and before.head.i < verb.i and before.head.i != before.i:
        before = before.head  # up from the phrase's last word ("… comprising two judges") to its head
    if before.dep_ != "appos" or before.pos_ not in ("NOUN", "PROPN") or before.right_edge.i != verb.i - 1:
        return None
    if verb.dep_ == "ROOT" and any(a.dep_ == "ccomp" and a.head.i == verb.i for a in before.ancestors):
        return None  # hung inside the reported clause, which would then hold its own speaker
    return before if before.left_edge.i > 0 and before.doc[before.left_edge.i - 1].text == "," else None


def _past_semicolon(clause: Token, verb: Token) -> bool:
    """Is a clause before the cue cut off from it by a semicolon ("A car broke through the rail; the fuel, officials
    said, ignited"): another sentence's, which the parser hung on the cue?"""
    return clause.i < verb.i and any(t.text == ";" for t in verb.doc[clause.right_edge.i + 1 : verb.i])


def _hung_past_comma(verb: Token) -> list[Token]:
    """What the parser hung on a cue set inside a clause after the cue's closing comma ("The storm began, the
    service said, [over the gulf]", "would be inspected, Roe said, [to find out whether …]"): the clause's words."""
    comma = next((c for c in verb.children if c.dep_ == "punct" and c.text == "," and c.i > verb.i), None)
    if verb.dep_ != "parataxis" or comma is None:
        return []
    return [t for c in verb.children if c.i > comma.i for t in c.subtree]


def _inverted_subject(verb: Token) -> Token | None:
    """ "The bomb was hidden in a van, stated the minister, and …": a cue after the clause it reports, with its
    subject after it, which the parser took for its object; the clause before is the cue's ccomp. So too "“…,” read
    the statement", however tagged."""
    read = _text_reads(verb)  # the quote before it is what it reports, whatever the parser hung on it
    inverted = verb.tag_ in ("VBD", "VBZ") and verb.i > 0 and verb.nbor(-1).text == "," and is_cue(verb)
    if not (read or (inverted and any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children))):
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.left_edge.i == verb.i + 1 and c.pos_ in ("PROPN", "NOUN")), None)
    after = obj.right_edge.i + 1 if obj is not None else len(verb.doc)
    return obj if after < len(verb.doc) and verb.doc[after].text in (",", ".", ";") else None


def _held_subject(verb: Token) -> Token | None:
    """ "Reid, a Democrat facing a hard race, said …": the parser may make the cue's subject that of the
    participle before it and leave the cue without one; the participle's subject before it is the cue's."""
    participle = next((c for c in verb.children if c.dep_ == "advcl" and c.i < verb.i and c.tag_ in ("VBG", "VBN")), None)
    held = next((c for c in participle.children if c.dep_ == "nsubj" and c.i < participle.i), None) if participle is not None else None
    return _past_dateline(held) if held is not None else None


def _named_after_date(verb: Token) -> Token | None:
    """ "On Friday Ford Motor Company announced …" with no comma: the parser makes the name the object of
    "On", and the cue is left without a subject; the name right before the cue is it."""
    phrase = next((c for c in verb.children if c.dep_ == "prep" and c.right_edge.i == verb.i - 1 and c.i < verb.i), None)
    obj = _pobj(phrase) if phrase is not None else None
    if obj is None or obj.ent_type_ not in ("PERSON", "ORG", "NORP", "GPE"):
        return None
    return obj if any(t.ent_type_ in ("DATE", "TIME") for t in obj.subtree if t.i < obj.i) else None


def _issued(verb: Token) -> bool:
    """A participle on what its subject put out ("released a statement saying …", "sent her a letter citing
    …"): the statement's speaker is who issued it, unless that is itself reported ("said the panel sent a
    letter asking …" is what the one who said it reports)."""
    noun = verb.head
    issued = verb.dep_ == "acl" and verb.tag_ == "VBG" and noun.dep_ == "dobj"
    return issued and noun.head.lemma_.lower() in ISSUING_VERBS and noun.head.dep_ != "ccomp"


def _adjacent(verb: Token, deps: frozenset[str], step: int, stop: int) -> Token:
    """The farthest token reached from the verb through a run of adjoining children with these relations,
    never reaching character `stop` (where the content begins)."""
    edge = verb
    children = sorted((c for c in verb.children if (c.i - verb.i) * step > 0), key=lambda c: c.i * step)
    for child in children:
        near, far = (child.left_edge, child.right_edge) if step > 0 else (child.right_edge, child.left_edge)
        if child.dep_ not in deps or near.i != edge.i + step or child.tag_ == "WRB":
            break
        if step > 0 and (not _addressed(child) or far.idx + len(far) > stop):
            break
        edge = far
    return edge


def _addressed(child: Token) -> bool:
    """An object after the cue belongs to it only when it is whom the words were addressed to."""
    return child.dep_ not in ("dative", "dobj") or child.lower_ in ADDRESSEES


def _nearest_noun(tokens: list[Token]) -> Token | None:
    """The first noun, name or pronoun of `tokens` that could be a source ("Chief Chuck Jordan said
    Monday": Jordan before the cue, never the day after it), as the head of its compound."""
    found = next((t for t in tokens if t.pos_ in ("PROPN", "NOUN", "PRON") and t.ent_type_ not in ("DATE", "TIME") and t.dep_ not in ("poss", "dobj")), None)
    while found is not None and found.dep_ == "compound" and found.head in tokens:
        found = found.head
    return found


def cue_range(verb: Token, stop: int | None = None) -> tuple[int, int]:
    """The cue phrase: the verb with its auxiliaries and adverbs ("has also said"), particle ("pointed out")
    and addressee ("told reporters"); PolNeAR mostly leaves "in an interview", "on Monday" out of it."""
    last = verb.doc[-1]  # where the text ends; `Doc.text` would join every token again
    limit = last.idx + len(last.text_with_ws) if stop is None or stop <= verb.idx else stop
    first = _adjacent(verb, _CUE_BEFORE, -1, limit)
    last = _adjacent(verb, _CUE_AFTER, 1, limit)
    return first.idx, last.idx + len(last)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Punctuation off both ends; a leading "that" stays, as PolNeAR marks the reported clause."""
    while start < end and text[start] in " \t\n,;:—–":
        start += 1
    while end > start and text[end - 1] in _TRAILING:
        end -= 1
    return start, end


@dataclass(frozen=True, slots=True)
class _Complement:
    """A cue's content; where the cue phrase ends when it takes in the preposition a learned pattern looks
    through ("called for"); how sure the cue is: 1 for a verb of speech, a learned pattern's precision."""

    content: tuple[int, int]
    cue_end: int
    confidence: float
    clause: bool = True  # a parsed clause, not an object that may be only the subject of a broken-up one


class _Finder:
    """One pass over one parsed article."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = doc.text
        self.starts = [t.idx for t in doc]
        self.breaks = [m.start() for m in _PARAGRAPH_BREAK.finditer(self.text)]
        self.datelines = datelines(self.text)
        self.used_cues: set[int] = set()
        # cues of direct quotes, with where their quote starts: what such a cue reports before it is its own statement
        self.quote_cues: dict[int, int] = {}
        self.reporting: set[int] = set()  # cues of reported statements a named source makes
        self.turns = self._turns()
        turn_ranges = [t.content for t in self.turns]
        # A transcript often opens every turn with a quote mark and closes none: its turns are the statements.
        self.quotes = [q for q in find_quotes(self.text) if not any(q.start < e and s < q.end for s, e in turn_ranges)]
        self.direct_contents: list[tuple[int, int]] = list(turn_ranges)
        # Per character, 1 strictly inside a quote's marks, or inside a statement found so far: asked of every token.
        self.quoted = bytearray(len(self.text) + 1)
        for q in self.quotes:
            inner_start, inner_end = q.content
            if inner_end > inner_start:
                self.quoted[inner_start:inner_end] = b"\x01" * (inner_end - inner_start)
        self.claimed = bytearray(len(self.text) + 1)
        self.claim(turn_ranges)
        self._sentences: list[TokenSpan] | None = None
        self._sentence_starts: list[int] = []

    def claim(self, contents: list[tuple[int, int]]) -> None:
        """Mark statements' contents as taken: a cue inside one belongs to it."""
        for start, end in contents:
            self.claimed[start:end] = b"\x01" * (end - start)

    def _turns(self) -> list[Attribution]:
        """Transcript turns, each a direct statement by its label; none unless the article has several."""
        names = [ent.text.split() for ent in self.doc.ents if ent.label_ == "PERSON"]
        people = {w.casefold() for name in names for w in name}
        initials = {"".join(w[0] for w in name).casefold() for name in names if len(name) > 1}  # "NG:" for Natasha Gownaris
        turns = []
        bare = [m for m in _BARE_TURN.finditer(self.text) if m.group("label").casefold() in initials]
        for match in sorted([*_TURN.finditer(self.text), *bare], key=lambda m: m.start()):
            label = match.group("label").casefold()
            if not people.intersection(label.split()) and label.replace(".", "") not in initials:
                continue  # a dateline, a section label, a shouted word

            start, end = match.end(), self.paragraph(match.start())[1]
            end = start + len(self.text[start:end].rstrip())
            end -= self.text[start:end].endswith(tuple(_QUOTE_MARKS))  # the transcript's closing mark
            source = self.doc.char_span(match.start("label"), match.end("label"), alignment_mode="expand")
            if end > start and source is not None:
                colon = match.end("label")
                cue = (colon, colon + 1) if self.text[colon] == ":" else (colon, colon)  # a bare label has no colon
                turns.append(Attribution("direct", (start, end), cue, source))
        return turns if len(turns) >= MIN_TURNS else []

    def sentence(self, token: Token) -> TokenSpan:
        """The token's sentence, found once per article (`Token.sent` scans the whole doc on every call)."""
        if self._sentences is None:
            self._sentences = list(self.doc.sents)
            self._sentence_starts = [s.start for s in self._sentences]
        return self._sentences[bisect_right(self._sentence_starts, token.i) - 1]

    def tokens(self, start: int, end: int) -> list[Token]:
        return list(self.doc[bisect_left(self.starts, start) : bisect_left(self.starts, end)])

    def paragraph(self, pos: int) -> tuple[int, int]:
        """The paragraph around pos: reported content never runs into the next one."""
        i = bisect_left(self.breaks, pos)
        return (self.breaks[i - 1] if i else 0), (self.breaks[i] if i < len(self.breaks) else len(self.text))

    def inside(self, pos: int) -> bool:
        return bool(self.quoted[pos] or self.claimed[pos])

    def _after_limit(self, n: int) -> int:
        quote = self.quotes[n]
        limits = [len(self.text)]
        if n + 1 < len(self.quotes):
            limits.append(self.quotes[n + 1].start)
        limits += [b for b in self.breaks if b >= quote.end][:1]
        end = _SENTENCE_END.search(self.text, quote.end)
        if end:
            limits.append(end.end())
        return min(limits)

    def _before_limit(self, n: int) -> int:
        quote = self.quotes[n]
        limits = [0] + [b for b in self.breaks if b < quote.start][-1:]
        if n:
            limits.append(self.quotes[n - 1].end)
        ends = list(_SENTENCE_END.finditer(self.text, max(limits), quote.start))
        return ends[-1].end() if ends else max(limits)

    def _cue_after(self, quote: Quote, limit: int, far: bool) -> Attribution | None:
        """The cue after a quote: near it, or, for a quote opening its sentence (not a show's title inside
        one), farther on past a long apposition of its subject."""
        inner = self.text[slice(*quote.content)].rstrip().rstrip("]")  # "…each other[,]": an editor's comma
        gap = self.text[quote.end : limit].lstrip()
        window = self.tokens(quote.end, limit)
        unclosed = far and inner[-1:].isalnum() and _said_next(window)  # "“… a rescue mission” Smith told Wikinews"
        completed = far and _completed_before_cue(window)
        if not (inner[-1:] in ",?!—–-" or gap.startswith((",", "—", "–")) or unclosed or completed or (window and self._inverted(window[0]))):
            return None  # a quote ending its own sentence is not introduced by what follows
        first = self._first_word(quote)
        if first is not None and any(
            v.idx < quote.start and ((is_cue(v) and self._in_reported_clause(v, quote)) or is_naming(v) or _characterised(v, first))
            for v in first.ancestors
        ):  # fmt: skip
            return None  # a fragment of a clause before it ("said the tax “costs …,”", "called it a “breach,”"): one mixed statement
        for position, token in enumerate(window[: _FAR_CUE if far else _NEAR_CUE]):
            near = position < _NEAR_CUE
            to = _according(token) if near else None
            if to is not None:
                obj = _pobj(to)
                return self._direct(quote, (token.idx, to.idx + 2), source_span(obj) if obj else None, token)
            if is_cue(token):
                if any(c.dep_ == "ccomp" and c.i > token.i and _that_clause(c) for c in token.children):
                    return None  # "rated the ad “false,” noting that …": the cue says something of its own
                head = subject_of(token)
                if head is None and position == 0 and (named := _name_after_cue(token)) is not None:
                    return self._direct(quote, cue_range(token), named, token)
                if not near and (head is None or head.idx < quote.end):
                    return None  # far from the quote, only a cue with its own subject after it introduces it
                if head is not None and first is not None and head.idx < quote.start and head in first.ancestors:
                    return None  # the quote is a title in the subject ("his event, “…”, was posted"), not speech
                participle = token.tag_ == "VBG" or any(c.lower_ == "having" for c in token.children)
                inherited = head is not None and participle and not any(c.dep_ in _SUBJECTS for c in token.children)
                if (head is None or head.idx < quote.end) and not inherited:  # "…,” having said: the clause's subject
                    head = _nearest_noun(window[:position][::-1]) or _nearest_noun(window[position + 1 :])
                return self._direct(quote, cue_range(token), source_span(head) if head else None, token)
        return None

    @staticmethod
    def _inverted(token: Token) -> bool:
        """A cue with its subject after it right after a quote with no comma ("“We stand ready” tweeted the
        minister"): the inversion alone says the quote is what the subject said."""
        head = subject_of(token) if is_cue(token) else None
        finite = token.tag_ in ("VBD", "VBZ") or _text_reads(token)
        return (head is not None and head.i > token.i and finite) or (head is None and _name_after_cue(token) is not None)

    def _signed(self, quote: Quote) -> Attribution | None:
        """A quote signed with a dash and a name ("“We will rebuild.” — Ana Silva, mayor"): the dash is the cue."""
        match = _SIGNATURE.match(self.text, quote.end)
        if match is None:
            return None
        source = self.doc.char_span(match.start("name"), match.end("name"), alignment_mode="expand")
        dash = match.start("dash")
        return self._direct(quote, (dash, dash + 1), source, None) if source is not None else None

    def _first_word(self, quote: Quote) -> Token | None:
        return next((t for t in self.tokens(quote.content[0], quote.end) if not t.is_punct), None)

    def _naming(self, quote: Quote, window: list[Token]) -> Attribution | None:
        """ "X called the deal “a start”": the quoted characterisation is X's statement."""
        word = self._first_word(quote)
        for verb in reversed(window):
            if word is None or verb not in word.ancestors or not (is_naming(verb) or _characterised(verb, word)):
                continue
            if word.i - verb.i > _NAMING_REACH:
                continue  # "called Ms. Brewer to urge her …, and Parker sent a letter citing “…”": a phone call
            head = subject_of(verb)
            if head is None or (head.idx >= quote.start and not _opening_participle(verb)):
                return None
            if head.dep_ == "nsubjpass" and verb.lemma_.lower() in _TERMING:
                return None  # "they are called “U.S. nationals”", "which has been termed “Brexit”": what it is called, by no one
            self.used_cues.add(verb.i)
            named = [c.left_edge.idx for c in verb.children if verb.i < c.i and c.dep_ in _NAMED and c.left_edge.idx < quote.start]
            start = min(named, default=quote.start)  # what is named, with its name: "the deal “a start”"
            return Attribution("mixed", (start, quote.end), cue_range(verb, start), source_span(head))
        return None

    def _in_reported_clause(self, verb: Token, quote: Quote) -> bool:
        """Is the quote a fragment of a clause the verb reports ("said the deal was “dead”")?"""
        word = self._first_word(quote)
        clauses = [c for c in verb.children if c.dep_ == "ccomp" and c.left_edge.idx < quote.start]
        return word is not None and any(c == word or c in word.ancestors for c in clauses)

    def _cue_before(self, quote: Quote, start: int) -> Attribution | None:
        window = self.tokens(start, quote.start)
        naming = self._naming(quote, window)
        if naming is not None:
            return naming
        between = 0
        # "“…,” wrote Chief Justice Ana M. Ruiz, “…”": the subject after an inverted cue is no word between it and the quote
        inverted = {t.i for v in window if is_cue(v) and (h := subject_of(v)) is not None and h.i > v.i for t in h.subtree}
        for token in reversed(window):
            if is_cue(token) or (not between and _gerund_cue(token)):
                if between and self._in_reported_clause(token, quote):
                    return None  # left to `reported`, which takes the whole clause as one mixed statement
                head = subject_of(token)
                if head is not None and head.idx >= quote.start:
                    head = None
                return self._direct(quote, cue_range(token, quote.start), source_span(head) if head else None, token)
            if not (token.is_punct or token.lower_ in ADDRESSEES or token.lower_ == "that" or token.i in inverted):
                between += 1
            if between > 3:
                break
        verb = self._cue_with_phrases(window)
        speech = any(t.pos_ in ("VERB", "AUX") for t in self.tokens(quote.start, quote.end))
        if verb is not None and speech:  # not a name in the phrase: "said on the program “Fox and Friends.”"
            head = subject_of(verb)
            source = source_span(head) if head is not None and head.idx < quote.start else None
            return self._direct(quote, cue_range(verb, quote.start), source, verb)
        before = self.text[start : quote.start]
        headline = _HEADLINE.fullmatch(before.strip())
        if headline and headline.group(1).lower() not in PAGE_LABELS:  # not "Source: “Fact”"
            begin = start + len(before) - len(before.lstrip()) + headline.start(1)
            colon = self.text.index(":", begin + len(headline.group(1)))
            source = self.doc.char_span(begin, begin + len(headline.group(1)), alignment_mode="expand")
            return self._direct(quote, (colon, colon + 1), source, None)
        return None

    @staticmethod
    def _cue_with_phrases(window: list[Token]) -> Token | None:
        """A cue farther before a quote when all between is the cue's own addressee, time, place or channel
        ("told a guard at the door, in French, “…”", "told the public via Twitter, “…”"), not a clause."""
        words = [t for t in window if not t.is_punct]
        for verb in words[-_PHRASE_WORDS:][::-1]:
            if not is_cue(verb):
                continue
            if verb.dep_ == "relcl" or any(c.tag_ in ("WDT", "WP") for c in verb.children):
                return None  # "— which the BBC noted as unusual — “…”": an aside, not who speaks
            between = [t for t in words if t.i > verb.i]
            return verb if between and all(_phrase_of(t, verb) for t in between) else None
        return None

    def _introduced(self, quote: Quote) -> Attribution | None:
        """A quote after a colon ending a sentence ("Cruz continued:", "Chan spoke to the press after the
        speech: “…”"): the speaker and cue are that sentence's subject and main verb, whatever the verb."""
        before = self.text[: quote.start].rstrip()
        new_paragraph = "\n" in self.text[len(before) : quote.start]
        words = len(re.findall(r"\w+", self.text[quote.start : quote.end]))
        if not (before.endswith(":") and (new_paragraph or words >= MIN_QUOTE_WORDS)) and not self._comma_introduced(quote, before, words):
            return None
        colon = self.tokens(len(before) - 1, len(before))
        verb = self.sentence(colon[0]).root if colon else None
        if verb is not None and verb.idx >= quote.start:  # the quote is in the sentence: its verb heads it
            # "Ruiz was quick to answer: “…”" with "answer" read as a noun: the verb of being quick
            words = self.doc[self.sentence(colon[0]).start : colon[0].i]
            verbs = [t for t in words if t.pos_ == "VERB" and subject_of(t)] or [t for t in words if t.pos_ == "AUX" and subject_of(t)]
            # "The agency issued a statement that a man was hurt: “…”": the verb the others hang from, not a clause of another subject
            verbs = [v for v in verbs if not any(a in verbs and subject_of(a) != subject_of(v) for a in v.ancestors)]
            verb = verbs[-1] if verbs else None
        head = subject_of(verb) if verb is not None and verb.pos_ in ("VERB", "AUX") else None
        if head is not None and verb.pos_ == "AUX" and not _may_speak(head):
            return None  # "Here is the list: “…”"
        if head is None or self.inside(verb.idx):
            return None
        return self._direct(quote, cue_range(verb, len(before) - 1), source_span(head), verb)

    def _comma_introduced(self, quote: Quote, before: str, words: int) -> bool:
        """ "Senator Baxter spoke on Fox News, “This will lead to …”": a clause and a comma before a quote of whole
        sentences that ends its paragraph introduce it as the subject's words, whatever the verb."""
        inner = self.text[slice(*quote.content)].strip()
        rest = self.text[quote.end : self.paragraph(quote.start)[1]].strip()
        if not before.endswith(",") or words < MIN_SENTENCES_QUOTE or rest or title_case(inner.rstrip(".!?")):
            return False  # "ran a story called, simply, “How Creepy Is the Ghost on the Cover?”": a headline
        last = [t for t in self.tokens(self.paragraph(quote.start)[0], len(before) - 1) if not t.is_punct and not t.is_space][-1:]
        if last and last[0].pos_ in ("SCONJ", "CCONJ", "ADP"):
            return False  # "…, which is a problem because, “…”": the quote ends a clause of a statement
        return inner[:1].isupper() and inner[-1:] in ".!?"

    def _direct(self, quote: Quote, cue: tuple[int, int], source: TokenSpan | None, verb: Token | None) -> Attribution:
        if verb is not None:
            self.used_cues.add(verb.i)
            self.quote_cues.setdefault(verb.i, quote.start)
        if source is not None and source.start_char < quote.end <= source.end_char:
            # the parser hung the quote under the speaker's name: the source is what follows the quote
            after = [t for t in source if t.idx >= quote.end and not t.is_punct]
            source = self.doc[after[0].i : source.end] if after else None
        if source is not None and verb is not None and self._in_speech(source.root.idx):
            # "“… and all that,” Day said, “so …”": the parser gave the cue a word of a quote as a second subject
            own = next((c for c in verb.children if c.dep_ in _SUBJECTS and not self.quoted[c.idx]), None)
            source = source_span(own) if own is not None else None
        return Attribution("direct", quote.content, cue, source, follows=source is None)

    def _in_speech(self, pos: int) -> bool:
        """Is the character inside a quote of someone's words, not a quoted name ("the “Squad” said")?"""
        return bool(self.quoted[pos]) and any(
            q.start < pos < q.end and len(re.findall(r"\w+", self.text[q.start : q.end])) >= MIN_QUOTE_WORDS for q in self.quotes
        )

    def _title(self, quote: Quote) -> bool:
        """A quoted name in title case ("his event, “Storm Area 51, They Can't Stop All of Us”, was posted"):
        a title, not speech; in capitals it may be a shouted tweet."""
        inner = self.text[slice(*quote.content)].rstrip()
        if not title_case(inner):
            return False
        # a full stop inside the marks ends a sentence whose last words are a title ("on MSNBC's “Andrea Mitchell
        # Reports.”"), unless something introduces the quote as speech
        introduced = self.text[: quote.start].rstrip()[-1:] in ",:" or self.inside(quote.start - 1)
        return inner[-1:] != "." or not introduced

    def direct(self) -> list[Attribution]:
        found = []
        for n, quote in enumerate(self.quotes):
            if self._title(quote):  # a title is speech only as what someone called a thing ("the vote “The Hoax”")
                naming = self._naming(quote, self.tokens(self._before_limit(n), quote.start))
                found += [naming] if naming is not None else []
                continue
            start = self._before_limit(n)
            opens_sentence = not self.text[start : quote.start].strip()
            # "X said, “…?”": a cue and a comma or colon right before the quote introduce it, whatever follows
            introduced = self.text[start : quote.start].rstrip().endswith((",", ":"))
            attribution = (
                (introduced and self._cue_before(quote, start))
                or self._cue_after(quote, self._after_limit(n), far=opens_sentence) or self._signed(quote)
                or self._cue_before(quote, start) or self._introduced(quote)
            )
            words = len(re.findall(r"\w+", self.text[quote.start : quote.end]))
            resumed = words >= 2 and self._resumes(found, quote)  # "“…,” Ms. Vega said. “God help us.”"
            if attribution is None and (words >= MIN_QUOTE_WORDS or resumed) and opens_sentence:
                attribution = Attribution("direct", quote.content, (quote.start, quote.start), None, 0.6, True)
            if attribution is not None:
                found.append(attribution)
        self.direct_contents += [a.content for a in found]
        self.claim([a.content for a in found])
        return found

    def _resumes(self, found: list[Attribution], quote: Quote) -> bool:
        """Does the quote go on from the one before it in its paragraph, whose cue stands between them ("“…,”
        she said. “God help us.”")? Then even a short one is the same speaker's, not a title."""
        before = found[-1] if found else None
        if before is None or before.kind != "direct" or before.follows:
            return False
        cue_between = before.content[1] <= before.cue[0] and before.cue[1] <= quote.start
        return cue_between and self.paragraph(quote.start)[0] <= before.content[0]

    def _content(self, start: int, end: int) -> tuple[StatementKind, tuple[int, int]] | None:
        start, end = _trim(self.text, start, end)
        start = max([start] + [e for s, e in self.datelines if s <= start < e])  # whole, or from the date the parser began at
        if end <= start:
            return None
        end = max([end] + [q.end for q in self.quotes if start <= q.start < end < q.end])  # a cut-off closing mark
        start = min([start] + [q.start for q in self.quotes if q.start < start < q.end <= end])  # a cut-off opening
        direct = sum(max(0, min(end, e) - max(start, s)) for s, e in self.direct_contents)
        if direct * 2 >= end - start:
            return None  # a direct quote, attributed from its marks
        quoted = any(start <= q.start and q.end <= end + 1 for q in self.quotes)
        kind: StatementKind = "mixed" if quoted else "indirect"
        return kind, (start, end)

    def _complement(self, verb: Token, start: int, end: int) -> _Complement | None:
        """The reported clause governed by the cue ("said [that] the deal is dead", "called for a ban")."""
        children = [c for c in verb.children if start <= c.idx < end]
        described = _described_noun(verb) if is_cue(verb) else None
        if described is not None and start <= described[0].idx:
            return _Complement((described[0].idx, described[1].idx + len(described[1])), 0, SMALL_CLAUSE_CONFIDENCE)
        speech = is_cue(verb) or _that_cue(verb)
        complements = [(c, 1.0) for c in children if (c.dep_ == "ccomp" and not _held_by_noun(c) and not _past_semicolon(c, verb))
                       or _relative_that(c) or _unjoined_clause(c) or _gapped_clause(c)] if speech else []  # fmt: skip
        if verb.lemma_.lower() in _FINDINGS:  # "to determine whether …" is a question still open, not a finding
            complements = [c for c in complements if not any(m.dep_ == "mark" and m.lower_ in ("whether", "if") for m in c[0].children)]
        marked = [c for c in complements if _that_clause(c[0]) or _relative_that(c[0])]
        complements = marked or complements  # "…: acquaintances said that …": the clause after "that", not before
        if not complements and is_cue(verb):
            complements = [(c, 1.0) for c in _hung_under_noun(verb) if start <= c.idx < end]
        if not complements and verb.lemma_.lower() == "ask":  # "asked a witness if …", the question parsed as a condition
            complements = [(c, 1.0) for c in children if c.dep_ == "advcl" and c.i > verb.i and any(m.dep_ == "mark" and m.lower_ in ("if", "whether") for m in c.children)]
        if not complements and verb.lemma_.lower() in _ADMISSIONS:  # "confessed to killing her", "admitted to lying"
            complements = [(c, 1.0) for c in children if c.dep_ == "prep" and c.lower_ == "to" and any(g.tag_ == "VBG" for g in c.children)]
        directive = _directive(verb) if not complements else None
        if directive is not None and start <= directive[0].idx and directive[1].idx < end:
            first, last = directive
            return _Complement((first.idx, last.idx + len(last)), 0, DIRECTIVE_CONFIDENCE)
        through_phrase = prepositional_content(verb) if not complements else None
        if through_phrase is not None and start <= through_phrase[0].idx and through_phrase[1].idx < end:
            first, last = through_phrase
            through = first.nbor(-1) if first.nbor(-1).lower_ in ("for", "on", "to", "of", "about") else first  # "called for" is the cue
            return _Complement((first.idx, last.idx + len(last)), through.idx + len(through) if through is not first else 0, PREPOSITIONAL_CONFIDENCE)
        if not complements and (gerund := _reported_gerund(verb)) is not None and start <= gerund.idx < end:
            complements = [(gerund, GERUND_CONFIDENCE)]
        predicated = small_clause(verb) if not complements else None
        if predicated is not None and start <= predicated[0].idx and predicated[1].idx < end:
            first, last = predicated
            return _Complement((first.idx, last.idx + len(last)), 0, SMALL_CLAUSE_CONFIDENCE)
        if not complements and (verb.lemma_.lower() in OBJECT_CUES or _document_shows(verb)):
            complements = [(c, 1.0) for c in children if c.dep_ in ("dobj", "xcomp") and c.lower_ not in ADDRESSEES]
        if not complements and verb.dep_ != "parataxis":  # a cue set inside a clause reports that clause
            learned = learned_patterns().content_heads(verb)
            complements = [(h, p) for h, p in learned if start <= h.idx < end and h.lower_ not in ADDRESSEES]
        complements = [c for c in complements if not _ease(c[0])]
        if not complements:
            return None
        nearest, confidence = min(complements, key=lambda c: abs(c[0].i - verb.i))
        if _stub(nearest, verb):
            return None
        if (mark := _issued_finding(verb, nearest)) is not None and not self.inside(mark.idx):
            confidence = max(confidence, ISSUED_CONFIDENCE)  # unless "finding" was read as a cue and took the clause
        clause = nearest.dep_ in ("ccomp", "acl", "relcl")
        onward = [d.left_edge.i for d in nearest.subtree if d.dep_ == "advcl" and d.tag_ == "VBG" and d.i > nearest.i and is_cue(d)]
        stop = min(onward, default=len(verb.doc))  # "…, further saying, “…”" is the next statement, not this one
        subtree = [t for t in nearest.subtree if start <= t.idx < end and t.i < stop]
        if (subject := _stray_subject(verb, nearest)) is not None:
            subtree = [*subject.subtree, *subtree]
        while subtree and subtree[-1].is_punct and subtree[-1].text not in _QUOTE_MARKS:
            subtree.pop()
        if not subtree:
            return None
        through = nearest.head if nearest.head is not verb and nearest.head.i > verb.i and nearest.head.pos_ == "ADP" else None
        cue_end = through.idx + len(through) if through is not None else 0
        return _Complement((subtree[0].idx, subtree[-1].idx + len(subtree[-1])), cue_end, confidence, clause)

    def _framed(self, verb: Token, head: Token) -> tuple[int, int] | None:
        """The clause a parenthetical or closing cue frames ("The deal, he said, is dead", "It is dead, he
        said"): the parser hangs the cue off the clause, or leaves the clause unattached, so no ccomp says so."""
        sentence = self.sentence(verb)
        if verb.dep_ == "parataxis":
            first, last = verb.left_edge.i, verb.right_edge.i
            hung = _hung_past_comma(verb)
            last = hung[0].i - 1 if hung else last
            # "A; the fuel, officials said, ignited" with A hung on the cue: the cue phrase opens at its own comma
            first = max([first] + [c.i for c in verb.children if c.dep_ == "punct" and c.text == "," and c.i < verb.i])
        elif _as_aside(verb) and _may_speak(head):  # not "As the parade continued, …", a time
            first, last = verb.left_edge.i, verb.right_edge.i
        elif _closing(verb, head) and all(_closing_child(c) for c in verb.children if c.i > verb.i):
            first, last = min(head.left_edge.i, verb.i), sentence.end - 1
            if first == sentence.start or not self.doc[first - 1].is_punct:
                return None  # "It is dead, he said" has the comma; "Officials said Monday" has nothing framed
            if any(c.dep_ == "advcl" and c.left_edge.i == sentence.start and any(m.dep_ == "mark" for m in c.children) for c in verb.children):
                return None  # "After the talks failed, they emailed …": a subordinate clause is when, not what
        else:
            return None
        clause_start = max([sentence.start_char] + [t.idx + 1 for t in self.doc[sentence.start : first] if t.text == ";"])
        sides = [(clause_start, self.doc[first].idx), (self.doc[last].idx + len(self.doc[last]), sentence.end_char)]
        side = max(sides, key=lambda r: len(self.text[r[0] : r[1]].strip(_TRAILING)))
        if _as_aside(verb):  # "the theme that, as Axelrod said, Biden showed passion": the clause it opens
            side = sides[1]
        if verb.dep_ == "parataxis" and verb.head.i != verb.i:
            # "they had, his father says, paid smugglers": the side holding the verb of the clause it interrupts
            side = next((r for r in sides if r[0] <= verb.head.idx < r[1]), side)
        if not any(t.pos_ in ("VERB", "AUX") for t in self.tokens(*side)):
            return None  # "In an interview with the paper, she said …": a phrase, not what was said
        # "The plan, the mayor said, would save money": the clause counts both sides the cue interrupts
        counted = sides if verb.dep_ == "parataxis" else [side]
        return side if sum(len(self.text[a:b].split()) for a, b in counted) >= MIN_QUOTE_WORDS else None

    def _instructed(self, verb: Token) -> Attribution | None:
        """ "Residents were told to stay indoors": an instruction from someone the text leaves unnamed (the
        subject is whom it was given to); "Asked about it, he said" has no auxiliary and is not one. "The site
        was said to have opened in 2015", "hundreds were reported to have fled": likewise a report by someone
        unnamed, whose subject is what it is about."""
        addressed = verb.lemma_.lower() in ADDRESSED_CUES
        if not (addressed or verb.lemma_.lower() in RAISING_CUES) or not any(c.dep_ == "auxpass" for c in verb.children):
            return None
        if any(c.dep_ == "agent" for c in verb.children):
            return None
        order = next((c for c in verb.children if c.dep_ == "xcomp" and c.left_edge.i > verb.i and (addressed or _infinitive(c))), None)
        found = self._content(order.left_edge.idx, order.right_edge.idx + len(order.right_edge)) if order is not None else None
        if found is None:
            return None
        confidence = INSTRUCTED_CONFIDENCE if addressed else PASSIVE_REPORT_CONFIDENCE
        return Attribution(found[0], found[1], cue_range(verb, found[1][0]), None, confidence)

    def _reported(self, verb: Token) -> Attribution | None:
        head = subject_of(verb)
        if head is None:
            return self._instructed(verb)
        if head.dep_ == "nsubjpass" and not is_cue(verb):
            return None  # "more water must be released": what a learned cue's passive subject names is no source
        if head.dep_ == "nsubjpass" and any(c.dep_ == "xcomp" and is_cue(c) for c in verb.children):
            return None  # "is reported to have said that …": what the subject said, the inner cue's statement
        if head.dep_ == "nsubjpass" and (passive := self._instructed(verb)) is not None:
            return passive  # "the site was said to have opened": the site is what was said about, not who said it
        start, end = self.paragraph(verb.idx)
        complement = self._complement(verb, start, end)
        if complement is None:
            # "the files were found on servers" is no frame: a framing cue has its speaker as subject ("it was said")
            frames = is_cue(verb) and (head.dep_ != "nsubjpass" or head.lower_ == "it")
            framed = self._framed(verb, head) if frames else None
            complement = _Complement(framed, 0, 1.0) if framed else self._run_on(verb)
            if framed:  # what the parser hung on the cue past its closing comma holds no statement of its own
                self.claim([(t.idx, t.idx + len(t)) for t in _hung_past_comma(verb)])
        elif not complement.clause and (run := self._run_on(verb, finite=True)) is not None:
            # "ordered the accused remain in custody", "suggested piracy is now the likeliest theory": the
            # object the parser found is the subject of a clause it broke up, when a finite verb follows it
            if run.content[0] <= complement.content[0] and run.content[1] > complement.content[1]:
                complement = _Complement(run.content, 0, max(run.confidence, complement.confidence))
        found = self._content(*complement.content) if complement else None
        if found is None:
            return None
        kind, content = found
        cue = cue_range(verb, content[0])
        return Attribution(kind, content, (cue[0], max(cue[1], complement.cue_end)), source_span(head), complement.confidence)

    def _run_on(self, verb: Token, finite: bool = False) -> _Complement | None:
        """The clause right after "said" that the parser broke up ("Brudziński said Adamowicz required
        resuscitation", parsed as said + object): from the next word to the sentence's end, when it opens
        with a subject and holds a verb. Less sure than a parsed clause."""
        if verb.lemma_.lower() not in _RUN_ON_CUES or verb.i + 2 >= len(verb.doc):
            return None
        first = self._past_modifiers(verb)
        if first is None:
            return None
        first = verb.doc[first.i + 1] if first.lower_ == "that" and first.i + 1 < len(verb.doc) else first
        if not finite and verb.lemma_.lower() in ADDRESSED_CUES and any(c.dep_ == "dobj" and c.left_edge.i <= first.i <= c.i for c in verb.children):
            return None  # "told the man who had called that …": whom it was told to, not what
        sentence = self.sentence(verb)
        run = list(itertools.takewhile(
            lambda t: t.text not in (";", ":", "—", "–") and not (t.i > first.i and is_cue(t) and subject_of(t)),
            (t for t in verb.doc[first.i : sentence.end] if not t.is_space),
        ))  # fmt: skip  # "…; TVN24 reported he received surgery" is another statement
        while run and run[-1].is_punct:
            run.pop()
        opens_clause = (first.pos_ in ("PROPN", "PRON", "DET", "NOUN", "NUM") and first.lower_ not in ADDRESSEES) or _fronted_phrase(first, verb)
        if len(run) < MIN_QUOTE_WORDS or not opens_clause or not any(t.pos_ in ("VERB", "AUX") for t in run[1:]):
            return None
        opened = {c.head.i for c in run if c.dep_ in _SUBJECTS and (c.left_edge.i == first.i or _fronted_phrase(first, verb))}  # "turnout had risen"
        passive = first.pos_ == "DET" and any(c.dep_ == "auxpass" for c in verb.children)  # "was confirmed a planet circling a star": said of the subject
        if (finite or not passive) and not any(_finite(t) and (_subjectless(t) or (t.head if t.dep_ in ("aux", "auxpass") else t).i in opened) for t in run[1:]):
            return None  # "ordered him to leave", "added six assists, leading …" hold no clause of their own; "…, the Senate did not" is another
        return _Complement((run[0].idx, run[-1].idx + len(run[-1])), 0, _RUN_ON_CONFIDENCE)

    @staticmethod
    def _past_modifiers(verb: Token) -> Token | None:
        """The first word after the cue and its own time, place or addressee phrases ("reported on Thursday,
        coverage had risen", "announcing to journalists Adamowicz remained alive")."""
        doc, at = verb.doc, verb.i + 1
        phrases = {c.i: c for c in verb.children if c.dep_ in ("prep", "npadvmod", "advmod", "dative") and not _holds_clause(c)}
        while at < len(doc) and at in phrases and phrases[at].left_edge.i == at:
            at = phrases[at].right_edge.i + 1
            at += at < len(doc) and doc[at].text == ","
        addressee = next((c for c in verb.children if c.dep_ == "dobj" and c.left_edge.i == at), None)
        if addressee is not None and _told_before_clause(addressee):
            at = addressee.i + 1  # "told the paper [she had “no regrets”]": the clause after the addressee
        return doc[at] if at < len(doc) else None

    def _according_to(self, token: Token, to: Token) -> Attribution | None:
        obj = _pobj(to)
        if obj is None:
            return None
        phrase_end = max(t.idx + len(t) for t in obj.subtree)
        source = source_span(obj)
        named = _apposed_name(obj.doc, source.end)
        if named is not None:  # "according to the El Paso mayor, Dee Margo, police …": the name is the source
            source, phrase_end = named, named.end_char
        elif (longer := _named_after(source)) is not None:  # "According to Connecticut Senator Richard Blumenthal, the …"
            source, phrase_end = longer, longer.end_char
        if to is token and (comma := _phrase_comma(token)) is not None and comma.i < source.end:  # "Per …," ends at its comma
            source, phrase_end = obj.doc[source.start : comma.i], comma.idx
        sentence = self.sentence(token)
        start, end = self.paragraph(token.idx)
        before = (max(start, sentence.start_char), token.idx)
        after = (phrase_end, min(end, sentence.end_char))
        side = self._according_side(before, after)
        if any(t.i in self.reporting for t in self.tokens(*side)):
            return None  # "the Post reported that …, according to three people": the Post's sources, the Post's report
        found = self._content(*side)
        if found is None:
            return None
        kind, content = found
        return Attribution(kind, content, (token.idx, to.idx + len(to)), source)

    def _spoken_noun(self, noun: Token) -> Attribution | None:
        """ "made the case that …", "Ms. Rice's comments that …", "the charge that …": a noun of saying with
        its "that" clause; the speaker is the noun's owner, whoever it is from, or who made, raised or voiced it."""
        clauses = [c for c in noun.children if c.dep_ in ("acl", "ccomp", "relcl", "appos") and c.i > noun.i]
        clause = next((c for c in clauses if _that_clause(c)), None)
        if clause is None and noun.i + 1 < len(noun.doc):  # "Macron's recommendation the talks be moved", "her insistence she never saw …"
            following = noun.doc[noun.i + 1]
            clauses = [c for c in (following, *following.ancestors) if c.dep_ in ("acl", "ccomp", "relcl") and c.left_edge.i == noun.i + 1]
            owned = any(c.dep_ == "poss" for c in noun.children)  # "in case the partner turns hostile" is no one's
            clause = next((c for c in clauses if _complete(c)), None) if owned else None
        if clause is None or self.inside(clause.idx):
            return None
        found = self._content(clause.left_edge.idx, clause.right_edge.idx + len(clause.right_edge))
        if found is None:
            return None
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        source: TokenSpan | None = noun.doc[owner.left_edge.i : owner.i + 1] if owner is not None else None
        giver = next((_pobj(c) for c in noun.children if c.dep_ == "prep" and c.lower_ == "from" and c.i < clause.i), None)
        if source is None and giver is not None:
            source = source_span(giver)
        if source is None and noun.dep_ == "dobj" and (head := subject_of(noun.head)) is not None:
            source = source_span(head)
        return Attribution(found[0], found[1], (noun.idx, noun.idx + len(noun)), source, SPOKEN_NOUN_CONFIDENCE)

    def _viewpoint(self, token: Token, owner: Token) -> Attribution | None:
        """ "In his view, the centres are as good as any abroad": the rest of the sentence is the owner's."""
        comma = token.doc[_pobj(token).right_edge.i + 1]
        sentence = self.sentence(token)
        found = self._content(comma.idx + 1, min(self.paragraph(token.idx)[1], sentence.end_char))
        if found is None:
            return None
        source = token.doc[owner.left_edge.i : owner.i + 1]
        return Attribution(found[0], found[1], (token.idx, comma.idx), source, VIEWPOINT_CONFIDENCE)

    def _according_side(self, before: tuple[int, int], after: tuple[int, int]) -> tuple[int, int]:
        """Which side of "according to X" it vouches for: the longer, unless the phrase is set inside a clause
        ("including, according to reports, 54 children": after), closes one ("X did it, according to police,
        but …", "…, according to police, who said …", "Magnitude 6.3 according to Phivolcs, it …": before)."""
        words = [t for t in self.tokens(*before) if not t.is_punct and not t.is_space]
        if not words:
            return after
        auxiliary = words[-1].dep_ in ("aux", "auxpass") and words[-1].head.idx >= after[0]  # "had, by reports, infected"
        if words[-1].pos_ in ("ADP", "CCONJ", "SCONJ", "DET") or auxiliary or words[-1].lower_ == "including":
            return after
        following = next((t for t in self.tokens(*after) if not t.is_punct and not t.is_space), None)
        if following is not None and (following.pos_ == "CCONJ" or following.tag_ in ("WP", "WDT")):
            return before
        if before[1] > before[0] and not self.text[before[0] : before[1]].rstrip()[-1:] in ",;:—–(":
            return before
        return max(before, after, key=lambda r: len(self.text[r[0] : r[1]].strip(_TRAILING)))

    def reported(self) -> list[Attribution]:
        """Verbs of speech first, then nouns of saying, then "according to" and the learned cues, each in
        reading order: a learned cue's content ("will issue subpoenas to …", "sought to counter the charge that
        …") must not swallow the verb or noun of speech that reports it."""
        found = []
        by_rank: list[list[Token]] = [[], [], []]  # a token's rank is fixed: sorted once, not read thrice
        for token in self.doc:
            by_rank[self._rank(token)].append(token)
        for rank, tokens in enumerate(by_rank):
            for token in tokens:
                quoting = self.quote_cues.get(token.i)
                if token.i in self.used_cues and quoting is None:
                    continue
                # a noun of saying inside another's content ("questioned her insistence she never saw …") still has its
                # own clause, unless that is taken too (`_spoken_noun` asks)
                if self.quoted[token.idx] if rank == 1 else self.inside(token.idx):
                    continue
                speech = rank == 0
                to = _according(token)
                owner = _viewpoint_owner(token) if not speech else None
                if to is not None:
                    attribution = self._according_to(token, to)
                elif owner is not None:
                    attribution = self._viewpoint(token, owner)
                elif _noun_of_saying(token):
                    attribution = self._spoken_noun(token)
                else:
                    attribution = self._reported(token) if _may_cue(token) else None
                if attribution is not None and not self._clause(attribution) and any(c.lower_ in HEARSAY_ADVERBS for c in token.children):
                    attribution = None  # "the towns reportedly declared a state of calamity": the whole clause is hearsay
                if attribution is not None and quoting is not None and attribution.content[1] > quoting:
                    attribution = None  # "attacking the subpoena as a ploy: “…”" says the ploy; the quote is its own
                if attribution is not None:
                    if to is None and speech and (subject := subject_of(token)) is not None and subject.pos_ == "PROPN" and self._clause(attribution):
                        # a named outlet or person reporting a claim: what an "according to" beside it sources ("Ford
                        # disclosed the matter, according to the filing" reports no claim of Ford's: the filing's)
                        self.reporting.add(token.i)
                    self.used_cues.add(token.i)
                    found.append(attribution)
                    self.claim([attribution.content])
        return found


    def _clause(self, attribution: Attribution) -> bool:
        return any(t.pos_ in ("VERB", "AUX") for t in self.tokens(*attribution.content))

    @staticmethod
    def _rank(token: Token) -> int:
        """Which pass reads the token: 0 a verb of speech, 1 a noun of saying, 2 the rest ("according to" stays
        in reading order with the learned cues: "X decided, according to the summary, that …" is X's decision)."""
        if is_cue(token):
            return 0
        if _noun_of_saying(token):
            return 1
        return 2

    def _attributed(self, token: Token) -> bool:
        """Is the token the cue or inside the content of a statement already found?"""
        return token.i in self.used_cues or bool(self.claimed[token.idx])

    def hearsay(self) -> list[Attribution]:
        """ "The fire reportedly started at noon": the clause is reported by someone the text leaves unnamed.
        Read last, so that a cue inside the clause keeps its own statement; "reportedly said" is that cue's
        when the cue was read ("reportedly emailed the firm" may not be)."""
        found = []
        for token in self.doc:
            if token.lower_ not in HEARSAY_ADVERBS or self.inside(token.idx):
                continue
            head = token.head
            while (head.pos_ in ("ADV", "ADP", "PART") or head.dep_ in ("acomp", "nummod")) and head.head.i != head.i:
                # "for reportedly upwards of 100,000 deaths": the figure; "burns over reportedly 85% of his body": the
                # figure's noun; "were reportedly concerned": the clause
                head = head.head
            if head.i == token.i or (is_cue(head) and head.i in self.used_cues) or self.inside(head.idx):
                continue
            sentence = self.sentence(token)
            # a part holding another statement ("…, to which the firm acknowledged …") is that statement's
            taken = {t.i for c in head.children for t in c.subtree if any(self._attributed(d) for d in c.subtree)}
            span = list(itertools.takewhile(lambda t: t.i not in taken, (t for t in head.subtree if sentence.start <= t.i < sentence.end)))
            if span and span[0] == token:  # "Reportedly, the buckets were secured …": the clause after it
                span = list(itertools.dropwhile(lambda t: t == token or t.is_punct, span))
            content = self._content(span[0].idx, span[-1].idx + len(span[-1])) if span else None
            if content is not None and len(self.text[content[1][0] : content[1][1]].split()) >= 2:
                found.append(Attribution(content[0], content[1], (token.idx, token.idx + len(token)), None, HEARSAY_CONFIDENCE))
                self.claim([content[1]])
        return found

    def woven(self, found: list[Attribution]) -> list[Attribution]:
        """Quotes no statement holds, read last: those of whole phrases are the words of whoever the text was
        just talking about, as a quote opening a sentence with no cue is."""
        taken = [a.content for a in found]
        woven = []
        for quote in self.quotes:
            start, end = quote.content
            inner = self.text[start:end].strip()
            if any(s < end and start < e for s, e in taken) or title_case(inner.rstrip(".!?")):
                continue  # held by a statement, or a title ("ran a story called “How Creepy Is the Cover?”")
            if len(re.findall(r"\w+", inner)) >= MIN_WOVEN_WORDS:
                woven.append(Attribution("direct", quote.content, (quote.start, quote.start), None, 0.6, True))
        return woven


def _labelled(text: str, content: tuple[int, int]) -> bool:
    """Does a page label open or cross the content ("RELATED: Singer dies at 80 RELATED: …")? Then it is a link's
    title that a cut page ran into the text, no one's words."""
    return _PAGE_LABEL.search(text, max(0, content[0] - _LABEL_REACH), content[1] + 1) is not None


def find_attributions(doc: Doc) -> list[Attribution]:
    """Every attribution in the text, in reading order."""
    finder = _Finder(doc)
    found = finder.turns + finder.direct() + finder.reported() + finder.hearsay()
    found += finder.woven(found)
    found = [a for a in found if not _labelled(finder.text, a.content)]
    return sorted(found, key=lambda a: a.content[0])

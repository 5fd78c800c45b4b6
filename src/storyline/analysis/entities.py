"""Article-local entities: spaCy's names, repaired with the article's own evidence, then grouped.

The small model mislabels ("Stoltenberg" as ORG, "Afghanistan Zalmay Khalilzad" as one ORG) and
misses names after titles; a surname already seen on a PERSON, or a title before a capitalised
word, is stronger evidence than the model's guess.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token
from spacy.tokens import Span as TokenSpan

from storyline.analysis.first_names import WELL_KNOWN_NAME, Gender, bearers, gender_of, is_common_first_name
from storyline.analysis.lexicon import (
    BARE_CALL_LETTERS,
    CALL_LETTERS,
    FEMALE_WORDS,
    INSTITUTION_WORDS,
    LABEL_KINDS,
    MALE_WORDS,
    NONPERSON_HEADS,
    ORG_WORDS,
    PERSON_ROLES,
    PERSON_SUFFIXES,
    PLATFORMS,
    STATION_NAME_WORDS,
)
from storyline.analysis.names import (
    HONORIFICS,
    PARTICLES,
    POSTNOMINALS,
    TITLES,
    PersonName,
    best_name,
    exact_surnames,
    fold_name,
    full_form,
    is_short_form,
    parse_person_name,
    plain,
    same_person,
    similar_word,
)
from storyline.analysis.statements import datelines
from storyline.model import Entity, EntityKind, Mention, Span, stable_id

_TITLE_LINKS = frozenset({"for", "of"})
_TITLE_REACH = 3  # words before a name span where a title still tells a person follows ("Minister of [Scotland Nicola Sturgeon]")
ADDRESS_GENDERS: dict[str, Gender] = {"mr": "male", "mrs": "female", "ms": "female", "miss": "female"}


@dataclass(slots=True)
class NameSpan:
    """A name found in the text (token range) and the kind of thing it names."""

    start: int  # token index
    end: int
    kind: EntityKind


@dataclass(slots=True)
class _Cluster:
    kind: EntityKind
    key: str
    person: PersonName | None
    forms: Counter[str] = field(default_factory=Counter)
    spans: list[TokenSpan] = field(default_factory=list)


@dataclass(slots=True)
class ArticleEntities:
    """Entities of one article, their mentions, and the title words learnt for each person."""

    entities: dict[str, Entity]
    mentions: list[Mention]
    titles: dict[str, set[str]]
    roles: dict[str, str] = field(default_factory=dict)  # the first role phrase the article gives a person
    kinds: dict[str, set[str]] = field(default_factory=dict)  # what an organisation is said to be ("a conservative group")


def _is_name_token(token: Token) -> bool:
    return token.text[0].isupper() and all(c.isalpha() or c in "'’-" for c in token.text)  # "O'Neill"


def _has_letters(token: Token) -> bool:
    """A word, not a bullet or a possessive ending: "O'Neill" is one, "'s" and "—" are not."""
    return token.is_alpha or (token.text[0].isalpha() and any(c.isalpha() for c in token.text[1:]))


def _is_title(token: Token) -> bool:
    return token.text[0].isupper() and (token.lower_.rstrip(".") in TITLES or token.lemma_.lower() in TITLES)


def _trim(doc: Doc, start: int, end: int, person: bool = True) -> tuple[int, int]:
    """Drop determiners, bullets, possessives and (from a person's name) titles from a name's edges: "State"
    opens "State Department" but is a title before "Secretary Pompeo". A name starts after a dash set apart
    by spaces: what comes before it is a dateline ("Johannesburg - The Communication Workers Union")."""
    start = max([start] + [t.i + 1 for t in doc[start:end] if _spaced_dash(t) or (not person and _run_into(t))])
    while start < end and (
        not _has_letters(doc[start]) or doc[start].pos_ == "DET"
        or (person and (_is_title(doc[start]) or _role_opening(doc, start, end) or _inverted_cue(doc, start, end) or _opening_adverb(doc[start])))
    ):  # fmt: skip
        start += 1
    end = next((t.i for t in doc[start:end] if t.text == "("), end)  # "World Health Organization (WHO"
    titles = [t.i for t in doc[start : end - 1] if person and _is_title(t)]
    if titles and all(_is_name_token(t) for t in doc[titles[-1] + 1 : end]):
        start = titles[-1] + 1  # "RNC Chair Reince Priebus": the name is what follows the title
    while end > start and not _has_letters(doc[end - 1]) and (person or not _own_s(doc[end - 1])):
        end -= 1
    while person and end - start > 1 and doc[end - 1].lower_.rstrip(".") in POSTNOMINALS:
        end -= 1  # "Kama Melly QC"
    return start, end


def _run_into(token: Token) -> bool:
    """Is this "the" inside a name where the model ran a name into the one after it ("In [Parliament the
    Communist Party] …")? Inside an organisation's name "the" follows a linking word ("Bank of the West")."""
    return token.lower_ == "the" and token.i > 0 and _is_name_token(token.doc[token.i - 1])


def _spaced_dash(token: Token) -> bool:
    """A dash with a space either side, which joins no words ("Jean-Paul" is one name)."""
    return token.text in ("-", "–", "—") and token.i > 0 and bool(token.doc[token.i - 1].whitespace_) and bool(token.whitespace_)


def _role_opening(doc: Doc, start: int, end: int) -> bool:
    """Does a person's name span open with the role a sentence begins with ("Broadcaster Ann Lyle said",
    "Lead Ann Lyle talked")? A sentence capitalises its first word, so a word no one is given as a first name
    that is a role noun by its ending or a word the tagger reads as no proper noun is the role, when a given
    and family name follow ("Hunter Biden" and "Walker Evans" keep their given names)."""
    token = doc[start]
    opens = _opens_sentence(doc, start)
    role = token.pos_ != "PROPN" or token.lower_ in PERSON_ROLES or token.lower_.endswith(PERSON_SUFFIXES)
    return opens and role and end - start > 2 and _is_name_token(doc[start + 1]) and bearers(token.text) == 0


def _opens_sentence(doc: Doc, i: int) -> bool:
    return doc[i].is_sent_start or (i > 0 and (doc[i - 1].is_space or doc[i - 1].is_quote))


def _inverted_cue(doc: Doc, start: int, end: int) -> bool:
    """Does a name span open with the verb of a cue set before its speaker ("Said Martin: “…”")? "Said" opening
    a sentence, the name then ending at a colon, is the verb; a man called Said is written "Said Jalili said"."""
    colon = end < len(doc) and doc[end].text == ":"
    return doc[start].lower_ in ("said", "says") and end - start > 1 and colon and _opens_sentence(doc, start)


def _own_s(token: Token) -> bool:
    """Is this "'s" part of an organisation's name ("Standard & Poor's" found that), not a possessive ("the
    Pentagon's budget")?"""
    return token.lower_ in ("'s", "’s") and token.head.dep_ != "poss"


def _given_name_start(doc: Doc, start: int, end: int) -> int | None:
    """Where a person's name begins inside a longer name: at a common given name after a word that is no
    given name, when the rest is all names or a title comes before ("First Minister of Scotland Nicola
    Sturgeon", "National Organization for Women President Terry O'Neill", which the model calls one
    organisation)."""
    if doc[end - 1].lower_ in NONPERSON_HEADS:  # "South China Sea"
        return None
    all_names = all(_is_name_token(t) and not t.is_upper for t in doc[start + 1 : end])
    for i in range(start + 1, end - 1):
        rest_names = all(_is_name_token(t) and not t.is_upper for t in doc[i:end])
        titled = any(_is_title(t) for t in doc[max(0, start - _TITLE_REACH) : i])  # "First Minister of Scotland Nicola Sturgeon"
        after = (titled or all_names) and not is_common_first_name(doc[i - 1].text) and not _hyphen_joined(doc, i - 1)  # "Jean-[Jacques]"
        if is_common_first_name(doc[i].text) and rest_names and after:
            return i
    return None


_ROMANISED_GIVEN_NAME = re.compile(r"[A-Z][a-z]+-[a-z]+")


def _romanised_name_start(doc: Doc, start: int, end: int) -> int | None:
    """Where a person's name closes what the model calls one organisation ("Amnesty International Wai-kit
    Lam"): a given name romanised from Chinese or Korean, two syllables hyphenated with the second in lower
    case, then a family name. No organisation's word is spelt so."""
    for i in (end - 4, end - 2):  # the given name as three tokens ("Wai", "-", "kit") or one
        if start < i and _ROMANISED_GIVEN_NAME.fullmatch(doc[i : end - 1].text) and _is_name_token(doc[end - 1]):
            return i
    return None


_OFFICE_LINKS = frozenset({"of", "to", "for", "the", "and"})
_OFFICE_REACH = 8  # words between an office's title and the name after it ("Ambassador to the United Nations")


def _after_office(doc: Doc, start: int, end: int) -> bool:
    """Is this a given and family name written after an office ("Ambassador to the United Nations Nikki
    Haley"), which the model may call an organisation? Only the office's own words come between."""
    if end - start != 2 or not is_common_first_name(doc[start].text) or not _person_shaped(doc[start:end]):
        return False
    for token in reversed(doc[max(0, start - _OFFICE_REACH) : start]):
        if _is_title(token):
            return True
        if token.is_sent_start or not (_is_name_token(token) or token.is_upper or token.lower_ in _OFFICE_LINKS):
            return False
    return False


def _opening_adverb(token: Token) -> bool:
    """A sentence's first word that is an adverb in -ly ("Ironically Nichols said"): capitalised by its place,
    which makes it look like a given name to the tagger."""
    return token.is_sent_start and len(token) > 4 and token.lower_.endswith("ly") and not is_common_first_name(token.text)


def _with_given_names(doc: Doc, start: int, end: int, taken: set[int]) -> int:
    """The model often leaves an unfamiliar given name out ("Anders [Lindqvist]"): a capitalised word
    compounded onto a lone surname, that no other name holds, belongs to it ("Host Ellen Marsh" stays)."""
    if (end - start != 1 or is_common_first_name(doc[start].text)) and not is_common_first_name(fold_name(doc[start - 1].text)):
        return start  # "Host Ellen Marsh" stays; "Andrés [Manuel López Obrador]" does not
    while start > 0:
        word = doc[start - 1]
        compounded = word.dep_ == "compound" and start <= word.head.i < end and word.pos_ == "PROPN"
        if not compounded or not _is_name_token(word) or word.is_upper or _is_title(word) or word.i in taken or _opening_adverb(word):
            break
        start -= 1
    return start


def _raw_spans(doc: Doc) -> list[NameSpan]:
    found = []
    taken = {t.i for ent in doc.ents for t in ent}
    for ent in doc.ents:
        kind = LABEL_KINDS.get(ent.label_) or ("person" if _speaking_name(ent) else None)
        if kind is None:
            continue
        if all(t.lower_ in PLATFORMS for t in ent):
            kind = "org"  # "wrote on Twitter": a platform, which the model may call a person
        titled = (
            any(_is_title(t) for t in ent) and _is_name_token(ent[-1]) and not _is_title(ent[-1])
            and not any(t.lower_ in NONPERSON_HEADS for t in ent)  # "Senate Foreign Relations Committee", "Department of …
        )  # fmt: skip
        if ent[-1].lower_.rstrip(".") in POSTNOMINALS and len(ent) > 2 and _person_shaped(ent[:-1]):
            kind = "person"  # "Kama Melly QC", which the model may call an organisation
        start, end = _trim(doc, ent.start, ent.end, person=kind == "person" or titled)
        if start >= end:
            continue
        given = _given_name_start(doc, start, end)
        if given is None and kind == "org" and (named := _romanised_name_start(doc, start, end)) is not None:
            found.append(NameSpan(start, named, "org"))  # the person's affiliation, named before them
            given = named
        if given is not None:
            start, kind = given, "person"
        elif titled or (kind != "person" and _after_office(doc, start, end)):
            kind = "person"
        if kind == "person":
            start = _with_given_names(doc, start, end, taken)
        if kind == "person" and end - start == 1 and _ruled(doc, start):
            kind = "place"
        found.append(NameSpan(start, end, kind))
    return found


# Labels of things that say nothing: a name under one that is said to speak is a person the model misread.
_MUTE_LABELS = frozenset({"WORK_OF_ART", "PRODUCT", "EVENT", "LAW"})


def _speaking_name(ent: TokenSpan) -> bool:
    """Is this a person's name the model took for a title of a work or the like, right after a quote
    ("…,” Fuat Oktay said")? A work, product, event or law says nothing: a given and family name under such a
    label that is the subject of a verb of saying names a speaker; a name opening with "The" is no person's
    ("The Harbour Accord says")."""
    speaks = ent.root.dep_ == "nsubj" and ent.root.head.lemma_ in _SAYING
    return ent.label_ in _MUTE_LABELS and speaks and ent[0].pos_ != "DET" and _person_shaped(ent)


# Offices held over a place: what follows their "of" is the place ruled ("the mayor of Yartsevo").
_RULERS = frozenset("mayor governor premier president chancellor king queen prince princess emperor sultan emir".split())


def _ruled(doc: Doc, i: int) -> bool:
    """Is the word at i what an office is held over ("the mayor of Yartsevo", "Prince of Wales"), so no person?"""
    return i > 1 and doc[i - 1].lower_ == "of" and doc[i - 2].lower_ in _RULERS


def _untagged_names(doc: Doc, taken: set[int], other_names: set[str]) -> list[NameSpan]:
    """Two or three capitalised proper nouns the model left untagged that make a person's name: a well-known
    given name first ("Anna Berg"), or a role set beside them ("the chancellor, Pradeep Khosla"). Not a form
    the article names something else by, nor part of a longer name ("R. Ana Berg", "Ana Berg-Lund")."""
    def free(i: int) -> bool:
        token = doc[i]
        return i not in taken and token.pos_ == "PROPN" and not token.ent_type_ and _is_name_token(token) and not _is_title(token)
    found = []
    for token in doc:
        if token.i in taken or (token.i and doc[token.i - 1].pos_ == "PROPN"):
            continue
        end = token.i
        while end < len(doc) and free(end):
            end += 1
        tokens = doc[token.i : end]
        if not 2 <= len(tokens) <= 3 or (end < len(doc) and (_is_name_token(doc[end]) or doc[end].text == "-")) or tokens.text in other_names:
            continue
        if _person_shaped(tokens) and (bearers(token.text) >= WELL_KNOWN_NAME or _role_beside(doc, tokens)):
            found.append(NameSpan(token.i, end, "person"))
    return found


def is_station(name: str) -> bool:
    """Is the organisation a radio or television station, which "the station" may mean ("WCCO-TV Channel 4",
    "Harbour Radio")?"""
    if CALL_LETTERS.search(name) or BARE_CALL_LETTERS.fullmatch(name):
        return True
    return fold_name(name).split()[-1] in STATION_NAME_WORDS


def _stations(doc: Doc) -> list[NameSpan]:
    """Stations named by their call letters ("WCCO-TV"): organisations, though the model may miss them or take
    them for people."""
    spans = (doc.char_span(m.start(), m.end()) for m in CALL_LETTERS.finditer(doc.text))
    return [NameSpan(s.start, s.end, "org") for s in spans if s is not None]


def _titled_names(doc: Doc, taken: set[int]) -> list[NameSpan]:
    """Capitalised words after a title that NER missed ("(Ambassador Khalizad)")."""
    found = []
    for token in doc:
        if not _is_title(token) or (token.i and _is_title(doc[token.i - 1])):
            continue  # "Foreign Secretary Ann Lyle" is read once, from its first title
        end = token.i + 1
        while end < len(doc) and _is_title(doc[end]):
            end += 1
        start = end
        while end < len(doc) and doc[end].pos_ == "PROPN" and _is_name_token(doc[end]) and not _is_title(doc[end]):
            end += 1
        if start < end and not taken.intersection(range(start, end)):
            found.append(NameSpan(start, end, "person"))
    return found


def is_person_role(token: Token) -> bool:
    """A noun naming what a person does ("striker", "mediator", "chief executive")."""
    lemma = token.lemma_.lower()
    return token.pos_ in ("NOUN", "PROPN") and (
        lemma in TITLES or lemma in PERSON_ROLES or (token.is_lower and lemma.endswith(PERSON_SUFFIXES))
    )


def named_after_role(source: TokenSpan, name: set[int]) -> bool:
    """Does the name (token indices) end the phrase, set beside its role by a comma or right after a role
    noun ("the manager of the station, Dr Ali Tamim", "terrorism specialist Ali Soufan"), not linked to
    it by a preposition ("the attorney for Senator Reid") or a conjunction ("the aide and Ali Soufan")?"""
    if not name or max(name) != source[-1].i:
        return False
    before = min(name) - 1
    while before >= source.start and _is_title(source.doc[before]):
        before -= 1
    if before < source.start:
        return False
    token = source.doc[before]
    return token.text == "," or (token.pos_ == "NOUN" and token.is_lower and is_person_role(token))


def _person_shaped(tokens: TokenSpan) -> bool:
    return (
        2 <= len(tokens) <= 4
        and all(_is_name_token(t) and not t.is_upper for t in tokens)
        and tokens[-1].lower_ not in NONPERSON_HEADS
    )


def _lone_words(doc: Doc) -> set[str]:
    """Capitalised words standing alone ("said Kearney"): how articles repeat a person's surname; never
    after a number ("the 16th District", "Route 9 Bridge"), which no surname follows."""
    def named(i: int) -> bool:  # a sentence's first word is capitalised anyway, unless it is a proper noun ("Saudi Arabia")
        return 0 <= i < len(doc) and _is_name_token(doc[i]) and (not doc[i].is_sent_start or doc[i].pos_ == "PROPN")
    def counted(i: int) -> bool:
        return i > 0 and (doc[i - 1].like_num or doc[i - 1].text[:1].isdigit())
    return {t.text for t in doc if _is_name_token(t) and not named(t.i - 1) and not named(t.i + 1) and not counted(t.i)}


def _role_beside(doc: Doc, tokens: TokenSpan) -> bool:
    """A role noun before the name or apposed to it either way ("striker Ana Silva", "Ana Silva, the coach",
    "the chancellor, Ana Silva")."""
    before = doc[tokens.start - 1] if tokens.start else None
    titled = before is not None and is_person_role(before) and tokens.start <= before.head.i < tokens.end
    apposed = any(c.dep_ == "appos" and is_person_role(c) for c in tokens.root.children)
    return titled or apposed or (tokens.root.dep_ == "appos" and is_person_role(tokens.root.head))


def _person_evidence(doc: Doc, tokens: TokenSpan, lone: set[str]) -> bool:
    """A role before or beside the name, or its last word repeated alone, as surnames are."""
    return _role_beside(doc, tokens) or tokens[-1].text in lone


def _other_names(doc: Doc, spans: list[NameSpan]) -> set[str]:
    return {doc[s.start : s.end].text for s in spans if s.kind != "person"}


def _hyphen_joined(doc: Doc, i: int) -> bool:
    """Is token i a hyphen inside one word ("Gallego-Lazo")?"""
    return doc[i].text == "-" and i > 0 and not doc[i - 1].whitespace_ and not doc[i].whitespace_


def _as_person(doc: Doc, span: NameSpan, other_names: set[str]) -> NameSpan:
    """The person part of a name span, without leading words that are other names ("Afghanistan")."""
    start = span.end - 1
    while start > span.start:
        before = doc[start - 1]
        if _hyphen_joined(doc, start - 1) and start - 2 >= span.start:
            start -= 2
        elif _is_name_token(before) and before.text not in other_names and not _is_title(before):
            start -= 1
        else:
            break
    return NameSpan(start, span.end, "person")


def _given_name_beside_people(doc: Doc, tokens: TokenSpan, people: set[int]) -> bool:
    """A well-known given name and a family name, listed with people ("Ivan Petrov and Anna Berg") or said to be
    of or from a body ("Nikki Hale of the crime agency"), as organisations named after a given name are not
    ("Al Jazeera", "Morgan Stanley")."""
    first = tokens[0]
    if not _given_and_family(tokens) or bearers(first.text) < WELL_KNOWN_NAME or first.lower_ in PARTICLES:
        return False
    root = tokens.root
    listed = (root.dep_ == "conj" and root.head.i in people) or any(c.dep_ == "conj" and c.i in people for c in root.children)
    return listed or (tokens.end < len(doc) and doc[tokens.end].lower_ in ("of", "from"))


def _relabel_people(doc: Doc, spans: list[NameSpan]) -> list[NameSpan]:
    """Names the tagger called an organisation or place though the article treats them as people."""
    lone = _lone_words(doc)
    other_names = _other_names(doc, spans)
    people = {i for s in spans if s.kind == "person" for i in range(s.start, s.end)}
    speakers = {t.text for t in doc if t.dep_ == "nsubj" and t.head.lemma_ in _SAYING}
    coupled = _coupled_given_names(doc, spans, people)
    relabelled = []
    for span in spans:
        tokens = doc[span.start : span.end]
        evidence = _person_evidence(doc, tokens, lone) or _given_name_beside_people(doc, tokens, people)
        if span.kind != "person" and _person_shaped(tokens) and evidence:
            span = _as_person(doc, span, other_names)
        elif span.kind != "person" and tokens.text in speakers and _untagged_given_name(doc, span.start - 1):
            span = NameSpan(span.start - 1, span.end, "person")
        elif span.kind != "person" and tokens.text in coupled:
            span = NameSpan(span.start, span.end, "person")
        relabelled.append(span)
    return relabelled


_SAYING = frozenset({"say", "tell", "add"})


def _coupled_given_names(doc: Doc, spans: list[NameSpan], people: set[int]) -> set[str]:
    """Words the model called a place or organisation that are a well-known given name joined by "and" to a
    person's given and family name ("Rebecca and David Stanley"): the given name of a second person, when the
    article never writes the word after a preposition, as it writes a place ("Virginia and Ralph Northam", then
    "in Virginia")."""
    def coupled(span: NameSpan) -> bool:
        after = span.end + 1
        joined = span.end - span.start == 1 and after < len(doc) and doc[span.end].lower_ == "and" and after in people
        return joined and bearers(doc[span.start].text) >= WELL_KNOWN_NAME and _given_and_family(doc[after : after + 2])
    words = {doc[s.start].text for s in spans if s.kind != "person" and coupled(s)}
    placed = {t.text for t in doc if t.text in words and t.dep_ == "pobj"}
    return words - placed


def _untagged_given_name(doc: Doc, i: int) -> bool:
    """Is the word at i a well-known given name the tagger left out of the surname after it ("Isabel [Arreola],
    38, said", the surname called a place)? Only for a surname the article also writes alone as the one who
    says something ("Arreola said"), as it does a person's."""
    token = doc[i] if i >= 0 else None
    return token is not None and not token.ent_type_ and token.pos_ == "PROPN" and _is_name_token(token) and bearers(token.text) >= WELL_KNOWN_NAME


def _short_org_forms(doc: Doc, spans: list[NameSpan]) -> list[NameSpan]:
    """Short forms of an organisation the article names in full are that organisation ("Kestrel"); but a given
    name is no short form of a given and family name the tagger called an organisation ("Jason" of "Jason
    Townsend"): it is that person's."""
    orgs = {doc[s.start : s.end].text: _given_and_family(doc[s.start : s.end]) for s in spans if s.kind == "org"}
    for span in spans:
        form = doc[span.start : span.end].text
        given = span.kind == "person" and _given_and_family(doc[span.start : span.end])  # "Doris Day" of her foundation
        shortens = any(is_short_form(form, org) and not (personal and is_common_first_name(form)) for org, personal in orgs.items())
        if span.kind in ("person", "org", "other") and not given and shortens:
            span.kind = "org"
    return spans


def _given_and_family(tokens: TokenSpan) -> bool:
    """A common given name and one more name ("Doris Day"): a person's name, whatever its last word."""
    return len(tokens) == 2 and is_common_first_name(tokens[0].text) and all(_is_name_token(t) and not t.is_upper for t in tokens)


def _not_people(doc: Doc, spans: list[NameSpan]) -> list[NameSpan]:
    """Names ending in the word of an organisation, building or event ("White House", "International Student
    Olympiad", "Legislative Assembly") are no people, whatever the model or a repeated last word suggested;
    unless a given name comes first ("Doris Day") or a title before or after ("Judge Ada Hall QC"), and a
    lone word stays the surname of a person the article names ("Day")."""
    people: set[str] = set()
    for span in sorted(spans, key=lambda s: s.start - s.end):  # longest first, so lone words see who stays a person
        tokens = doc[span.start : span.end]
        kind = NONPERSON_HEADS.get(tokens[-1].lower_)
        titled = (span.start > 0 and _is_title(doc[span.start - 1])) or (
            span.end < len(doc) and doc[span.end].lower_.rstrip(".") in POSTNOMINALS
        )
        surname = len(tokens) == 1 and tokens.text in people
        if span.kind == "person" and kind and not (titled or surname or _given_and_family(tokens)):
            span.kind = kind
        if span.kind == "person":
            people.add(tokens[-1].text)
    return spans


def _repair(doc: Doc, spans: list[NameSpan]) -> list[NameSpan]:
    """Relabel or split names whose surname is a known person's surname."""
    surnames = {doc[s.end - 1].text for s in spans if s.kind == "person"}
    other_names = _other_names(doc, spans)
    return [
        _as_person(doc, span, other_names)
        if span.kind != "person" and any(similar_word(doc[span.end - 1].text, known) for known in surnames)
        else span
        for span in spans
    ]


def _known_surnames(doc: Doc, spans: list[NameSpan]) -> list[NameSpan]:
    """Lone surnames of the article's people that NER left untagged."""
    surnames = {doc[s.end - 1].text for s in spans if s.kind == "person" and s.end - s.start > 1}
    taken = {i for s in spans for i in range(s.start, s.end)}
    return [NameSpan(t.i, t.i + 1, "person") for t in doc if t.text in surnames and t.i not in taken]


def _joined_organisations(doc: Doc, spans: list[NameSpan]) -> list[NameSpan]:
    """One organisation the tagger cut at its "of" ("The U.S. Department" + "of the" + "Treasury", "the Communist
    Party" + "of" + the place "Greece"), or at the "for" of what a court or ministry serves ("the U.S. Court of
    Appeals" + "for the" + "Fifth Circuit")."""
    joined: list[NameSpan] = []
    for span in sorted(spans, key=lambda s: s.start):
        last = joined[-1] if joined else None
        between = [t.lower_ for t in doc[last.end : span.start]] if last else []
        if last and _cut_at_of(doc, last, span, between):
            joined[-1] = NameSpan(last.start, span.end, "org")
        elif last and last.kind == span.kind == "org" and between in (["for"], ["for", "the"]) and any(
                t.lower_ in ORG_WORDS for t in doc[last.start : last.end]):  # fmt: skip
            joined[-1] = NameSpan(last.start, span.end, "org")  # "the U.S. Court of Appeals" + "for the" + "Fifth Circuit"
        elif last and last.kind == "org" and span.kind in ("place", "org") and between == ["and"] and _of_places(doc, last, span):
            joined[-1] = NameSpan(last.start, span.end, "org")  # "The High Court of England" + "and" + "Wales"
        elif last and last.kind == span.kind == "org" and between in (["for"], ["for", "the"]) and _served(doc, last):
            joined[-1] = NameSpan(last.start, span.end, "org")  # "the U.S. Court of Appeals" + "for the" + "Fifth Circuit"
        else:
            joined.append(span)
    return joined


def _cut_at_of(doc: Doc, org: NameSpan, span: NameSpan, between: list[str]) -> bool:
    """Is `span` the rest of an organisation's name cut at its "of": another organisation's name, or a place the
    "of" hangs on the organisation by ("the Communist Party" + "of" + "Greece")?"""
    of_place = span.kind == "place" and between == ["of"] and org.start <= doc[org.end].head.i < org.end
    named = org.kind == "org" and doc[org.end - 1].lower_ in ORG_WORDS and between in (["of"], ["of", "the"])
    return named and (span.kind == "org" or of_place)


def _titles_after_organisations(doc: Doc, spans: list[NameSpan]) -> list[NameSpan]:
    """An organisation the model ran into the title of the person after it ("[Coast Guard Commandant]
    Admiral Elson Hermogino"): the title is the person's, when the article names the organisation
    without it too."""
    forms = {fold_name(doc[s.start : s.end].text) for s in spans if s.kind == "org"}
    for span in spans:
        end = span.end
        while span.kind == "org" and end - span.start > 1 and _is_title(doc[end - 1]):
            end -= 1
        followed = span.end < len(doc) and (_is_name_token(doc[span.end]) or _is_title(doc[span.end]))
        if end < span.end and followed and fold_name(doc[span.start : end].text) in forms:
            span.end = end
    return spans


def _served(doc: Doc, org: NameSpan) -> bool:
    """Is the "for" right after an institution's name part of it, saying whom it serves ("Court of Appeals for
    the Fifth Circuit", "Commission for Human Rights")? The parse hangs that "for" on the name, not on a verb."""
    institution = any(t.lower_ in INSTITUTION_WORDS for t in doc[org.start : org.end])
    return institution and org.start <= doc[org.end].head.i < org.end


def _of_places(doc: Doc, org: NameSpan, place: NameSpan) -> bool:
    """Does the organisation end "of" one place, and the place after its "and" join that place in the
    parse ("High Court of England and Wales")?"""
    ends_of_place = org.end - org.start > 2 and doc[org.end - 2].lower_ == "of" and _is_name_token(doc[org.end - 1])
    conjoined = doc[place.start].dep_ == "conj" and org.start <= doc[place.start].head.i < org.end
    return ends_of_place and conjoined and place.end - place.start == 1


def find_names(doc: Doc) -> list[NameSpan]:
    stations = _stations(doc)
    called = {i for s in stations for i in range(s.start, s.end)}
    spans = [s for s in _raw_spans(doc) if called.isdisjoint(range(s.start, s.end))] + stations
    spans = _titles_after_organisations(doc, _joined_organisations(doc, spans))
    taken = {i for s in spans for i in range(s.start, s.end)}
    spans = _short_org_forms(doc, _relabel_people(doc, spans + _titled_names(doc, taken)))
    taken = {i for s in spans for i in range(s.start, s.end)}
    spans += _untagged_names(doc, taken, _other_names(doc, spans))
    spans = _dateline_places(doc, _not_people(doc, _whole_names(doc, _repair(doc, spans))))
    return sorted(spans + _known_surnames(doc, spans) + _defined_short_forms(doc, spans), key=lambda s: s.start)


def _dateline_places(doc: Doc, spans: list[NameSpan]) -> list[NameSpan]:
    """The name a dateline opens with is where the report was filed ("Dorvik (N/R) Jan 05, DNA – …"), a place
    wherever the article names it again ("at a rally in Dorvik"), however the model tagged it."""
    openings = {start for start, _ in datelines(doc.text)}
    places = {fold_name(doc[s.start : s.end].text) for s in spans if doc[s.start].idx in openings}
    for span in spans:
        if span.kind in ("person", "other") and fold_name(doc[span.start : span.end].text) in places:
            span.kind = "place"
    return spans


def _defined_short_forms(doc: Doc, spans: list[NameSpan]) -> list[NameSpan]:
    """The short form an organisation's name defines in brackets after it ("Kestrel Technologies
    (“Kestrel”)"), which the model leaves untagged: that organisation's, as its later uses are."""
    taken = {i for s in spans for i in range(s.start, s.end)}
    found = []
    for span in spans:
        if span.kind != "org" or span.end >= len(doc) or doc[span.end].text != "(":
            continue
        close = next((t.i for t in doc[span.end : span.end + 6] if t.text == ")"), None)
        inner = [t for t in doc[span.end + 1 : close or span.end] if not t.is_quote]
        if inner and not taken.intersection(t.i for t in inner) and is_short_form(doc[inner[0].i : inner[-1].i + 1].text, doc[span.start : span.end].text):
            found.append(NameSpan(inner[0].i, inner[-1].i + 1, "org"))
    return found


def _whole_names(doc: Doc, spans: list[NameSpan]) -> list[NameSpan]:
    """A person's name the tagger cut before its surname ("Amy Berman" of "Judge Amy Berman Jackson"): the
    proper nouns right after it that no other name holds belong to it."""
    spans = sorted(spans, key=lambda s: s.start)
    joined: list[NameSpan] = []
    for span in spans:  # "Amy Berman" + "Jackson", tagged as two people side by side
        last = joined[-1] if joined else None
        if last and last.kind == span.kind == "person" and last.end == span.start and span.end - span.start == 1:
            joined[-1] = NameSpan(last.start, span.end, "person")
        else:
            joined.append(span)
    spans = joined
    taken = {i for s in spans for i in range(s.start, s.end)}
    whole = []
    for span in spans:
        end = span.end
        while (
            span.kind == "person" and end < len(doc) and end - span.end < 2 and end not in taken
            and doc[end].pos_ == "PROPN" and not doc[end].ent_type_ and doc[end].text[:1].isupper() and doc[end].is_alpha
        ):  # fmt: skip
            end += 1
        start = span.start
        if span.kind == "person" and start > 0 and start - 1 not in taken and re.fullmatch(r"[A-Z]\.", doc[start - 1].text):
            start -= 1  # "W. Douglas Parker": the initial the tagger left out
        changed = (start, end) != (span.start, span.end)
        whole.append(NameSpan(start, end, span.kind) if changed and parse_person_name(doc[start:end].text) else span)
    return whole


def _abbreviated(clusters: list[_Cluster], kind: EntityKind, form: str, places: set[str]) -> _Cluster | None:
    """The one organisation this form is a short form of, if exactly one; never a place the article names
    ("United States" is no short form of "United States Constitution", where the model took it for a body)."""
    if kind != "org" or fold_name(form) in places:
        return None
    fits = [c for c in clusters if c.kind == "org" and any(is_short_form(form, full) for full in c.forms)]
    return fits[0] if len(fits) == 1 else None


# Titles given with a first name, so a lone word after one is no family name to match by.
_REGNAL = frozenset("king queen prince princess pope emperor empress sultan sheikh saint st lord lady sir dame".split())


def _office_titled(doc: Doc, tokens: TokenSpan) -> bool:
    """Is the name given with an office's title ("Prime Minister Tuilaepa", "President Xi")? Then the one
    word, no one's surname, is the name a person of the article goes by first."""
    words = [t for t in tokens[:-1]] + ([doc[tokens.start - 1]] if tokens.start else [])
    titles = [t.lower_.rstrip(".") for t in words if t.lower_.rstrip(".") in TITLES and t.text[:1].isupper()]
    return bool(titles) and not _REGNAL.intersection(titles) and not HONORIFICS.intersection(titles)


def _given_name_titled(doc: Doc, tokens: TokenSpan) -> bool:
    """Is the one word written after a title given with a first name ("Princess Ubolratana", "Sir Keir")? A
    peer's "Lord" or "Lady" goes with a family or place name ("Lady Hale")."""
    before = doc[tokens.start - 1].lower_.rstrip(".") if tokens.start else ""
    return len(tokens) == 1 and before in _REGNAL - {"lord", "lady"} and doc[tokens.start - 1].text[:1].isupper()


def _person_of(cluster: _Cluster) -> PersonName:
    assert cluster.person is not None
    return cluster.person


def _first_named(clusters: list[_Cluster], word: str) -> list[_Cluster]:
    """The one person of the article with this first name, when a lone word is no one's surname. Forms that all
    open with the name written first ("Ana Berg", then "Ana Berg Email" at the foot of the page) are one person."""
    fits = [c for c in clusters if c.person and c.person.first and c.person.first.casefold() == word.casefold()]
    if len(fits) > 1:
        first = min(fits, key=lambda c: min(s.start for s in c.spans))
        words = plain(_person_of(first).full).split()
        fits = [first] if all(plain(_person_of(c).full).split()[: len(words)] == words for c in fits) else fits
    return fits if len(fits) == 1 else []


def _middle_named(clusters: list[_Cluster], word: str) -> list[_Cluster]:
    """The one person whose name has this word just before the surname: a first of two surnames, as
    Spanish names have ("Vázquez" of "Wanda Vázquez Garced"), when no one has it as the surname."""
    fits = [c for c in clusters if c.person and c.person.middle and c.person.middle[-1].casefold() == word.casefold()]
    return fits if len(fits) == 1 else []


def _leading_part(clusters: list[_Cluster], name: PersonName, at: int) -> list[_Cluster]:
    """The one person whose longer name, written before token `at`, opens with all of this one's words: a given
    name and the first of two family names ("Priyanka Gandhi" after "Priyanka Gandhi Vadra"), shortened once
    introduced as a surname alone is. Not a father's name that opens his son's ("Donald Trump" of "Donald Trump
    Jr."), nor a name with page junk run on after it ("Ana Berg Email" at the foot of the page)."""
    words = plain(name.full).split()
    fits = [
        c for c in clusters
        if c.person and not c.person.suffix and (full := plain(c.person.full).split())[: len(words)] == words
        and len(full) > len(words) and min(s.start for s in c.spans) < at
    ]  # fmt: skip
    return fits if len(fits) == 1 else []


# A lone surname several people of the article share is the one named at least this often, and this
# many times as often as any other of them.
_SUBJECT_MENTIONS = 2
_SUBJECT_LEAD = 2


def _cluster(doc: Doc, spans: list[NameSpan]) -> list[_Cluster]:
    clusters: list[_Cluster] = []
    shared: list[tuple[TokenSpan, PersonName, list[_Cluster]]] = []
    by_key: dict[tuple[str, str], _Cluster] = {}
    places = {fold_name(doc[s.start : s.end].text) for s in spans if s.kind == "place"}
    # Full names first, so a lone surname can join the one person it abbreviates.
    for span in sorted(spans, key=lambda s: (-(s.end - s.start), s.start)):
        tokens = doc[span.start : span.end]
        person = parse_person_name(tokens.text) if span.kind == "person" else None
        if person is not None:
            fits = exact_surnames(person, [c for c in clusters if c.person and same_person(person, c.person)], _person_of)
            if len(fits) > 1 and not person.first and span.start and (said := ADDRESS_GENDERS.get(doc[span.start - 1].lower_.rstrip("."))):
                fits = _addressed(doc, fits, said)
            if not fits and not person.first:
                fits = _middle_named(clusters, person.surname)  # "Governor Vázquez" after "Wanda Vázquez Garced"
            if not fits and person.first:
                fits = _leading_part(clusters, person, span.start)  # "Priyanka Gandhi" after "Priyanka Gandhi Vadra"
            if not fits and not person.first and is_common_first_name(person.surname):
                fits = _first_named(clusters, person.surname)  # "Terri said" after "Terri Collins"
            if not fits and not person.first and (_office_titled(doc, tokens) or _given_name_titled(doc, tokens)):
                fits = [  # "Prime Minister Tuilaepa" after "Tuilaepa Sailele Malielegaoi", not after a headline's "Obama Says"
                    c for c in _first_named(clusters, person.surname) if not any(t.pos_ == "VERB" for s in c.spans for t in s)
                ]  # fmt: skip
            cluster = fits[0] if len(fits) == 1 or (fits and person.first) else None
            if cluster is None and len(fits) > 1:
                shared.append((tokens, person, fits))  # "Vanderbilt" where several Vanderbilts are named: decided below
                continue
            if cluster is None:
                cluster = _Cluster("person", person.full.casefold(), person)
                clusters.append(cluster)
        else:
            kind = "other" if span.kind == "person" else span.kind
            key = (kind, fold_name(tokens.text))
            cluster = by_key.get(key) or _abbreviated(clusters, kind, tokens.text, places)
            if cluster is None:
                cluster = by_key[key] = _Cluster(kind, key[1], None)
                clusters.append(cluster)
        cluster.forms[tokens.text] += 1
        cluster.spans.append(tokens)
    for tokens, cluster in _decide_shared(doc, shared, clusters):
        if cluster not in clusters:
            clusters.append(cluster)
        cluster.forms[tokens.text] += 1
        cluster.spans.append(tokens)
    return clusters


_PRONOUN_GENDERS: dict[str, Gender] = {
    "he": "male", "him": "male", "his": "male", "himself": "male",
    "she": "female", "her": "female", "hers": "female", "herself": "female",
}  # fmt: skip
_PRONOUN_REACH = 30  # tokens after a lone surname where the sentence's pronoun still stands for it


def _pronoun_gender(doc: Doc, tokens: TokenSpan, named: set[int]) -> Gender | None:
    """The gender of the first personal pronoun after a name in its sentence ("Jackson said he ..."),
    unless another person is named before it."""
    for token in doc[tokens.end : tokens.end + _PRONOUN_REACH]:
        if token.is_sent_start or token.i in named:
            return None
        if (gender := _PRONOUN_GENDERS.get(token.lower_)) is not None:
            return gender
    return None


def _said_gender(doc: Doc, mentions: list[TokenSpan], named: set[int]) -> Gender | None:
    """The gender a lone surname's mentions are given: by a title ("Mr."), else by the pronouns that follow
    them, when those clearly agree."""
    said = {ADDRESS_GENDERS.get(doc[t.start - 1].lower_.rstrip(".")) if t.start else None for t in mentions}
    if len(said) == 1 and (titled := said.pop()) is not None:
        return titled
    genders = Counter(g for t in mentions if (g := _pronoun_gender(doc, t, named)))
    ranked = genders.most_common()
    if ranked and (len(ranked) == 1 or ranked[0][1] > _SUBJECT_LEAD * ranked[1][1]):
        return ranked[0][0]
    return None


def _cluster_gender(doc: Doc, cluster: _Cluster) -> Gender | None:
    """A person's gender by the first name, else by the role set right beside a name ("his wife, Kerry Reyes",
    "widow Robin Hale"); not by words further off ("Ana Silva, the mother of a boy")."""
    if cluster.person is not None and (gender := gender_of(cluster.person.first)) is not None:
        return gender
    words = set()
    for span in cluster.spans:
        root = span.root
        beside = [c for c in root.children if c.dep_ == "appos"] + ([root.head] if root.dep_ == "appos" else [])
        words |= {t.lower_.rstrip(".") for t in (*beside, *_before_name(doc, span))}
    female, male = bool(words & FEMALE_WORDS), bool(words & MALE_WORDS)
    return None if female == male else "female" if female else "male"


def _addressed(doc: Doc, fits: list[_Cluster], said: Gender) -> list[_Cluster]:
    """Who of several people sharing a surname "Mrs. X" or "Mr. X" is: those known to be of that gender ("Mrs.
    Clinton"), else the one not known to be of the other ("Mr. Reyes" beside "his wife, Kerry Reyes")."""
    genders = [(c, _cluster_gender(doc, c)) for c in fits if c.person]
    known = [c for c, gender in genders if gender == said]
    possible = [c for c, gender in genders if gender is None]
    return known or (possible if len(possible) == 1 else [])


def _decide_shared(
    doc: Doc, shared: list[tuple[TokenSpan, PersonName, list[_Cluster]]], clusters: list[_Cluster]
) -> list[tuple[TokenSpan, _Cluster]]:
    """The person each lone surname several people share stands for, decided once for each surname and
    title ("Jackson", "Mr. Jackson"): of those it fits, the one of its gender (by title or pronoun) the
    article had named before it first wrote the surname alone, as newsrooms introduce a person before
    shortening the name; else the one it names far more often (`_named_most`); else a person of its own."""
    groups: dict[tuple[str, str], list[tuple[TokenSpan, PersonName, list[_Cluster]]]] = {}
    for item in shared:
        tokens, person, _ = item
        title = doc[tokens.start - 1].lower_.rstrip(".") if tokens.start else ""
        groups.setdefault((person.surname.casefold(), ADDRESS_GENDERS.get(title, "")), []).append(item)
    named = {t.i for c in clusters if c.person for span in c.spans for t in span}
    decided = []
    for items in groups.values():
        mentions = [tokens for tokens, _, _ in items]
        person, fits = items[0][1], items[0][2]
        gender = _said_gender(doc, mentions, named - {t.i for m in mentions for t in m})
        fitting = [c for c in fits if gender is None or not c.person or _cluster_gender(doc, c) in (gender, None)]
        first = min(m.start for m in mentions)
        before = [c for c in fitting if c.person and c.person.first and min(s.start for s in c.spans) < first]
        exact = all(c.person is None or c.person.surname == person.surname for c in fits)  # not "the Jacksons"
        introduced = before[0] if exact and len(before) == 1 else None
        cluster = introduced or _named_most(person, fitting) or _Cluster("person", person.full.casefold(), person)
        decided += [(tokens, cluster) for tokens in mentions]
    return decided


def _named_most(lone: PersonName, fits: list[_Cluster]) -> _Cluster | None:
    """The person a lone surname shared by several of the article's people stands for: the one it names
    far more often than any other (the article's subject), by full or first name. Not a family's name
    ("the Clintons") nor a spelling that only resembles theirs."""
    if any(c.person and c.person.first and c.person.surname != lone.surname for c in fits):
        return None
    named = sorted((c for c in fits if c.person and c.person.first), key=lambda c: len(c.spans), reverse=True)
    if not named or len(named[0].spans) < _SUBJECT_MENTIONS:
        return None
    if len(named) > 1 and len(named[0].spans) < _SUBJECT_LEAD * len(named[1].spans):
        return None
    return named[0]


_ROLE_POS = ("NOUN", "PROPN", "ADJ")
_ROLE_VERBS = frozenset("appoint name elect be become serve promote choose make".split())


def _before_name(doc: Doc, name: TokenSpan) -> list[Token]:
    """Titles and role modifiers written before the name ("FAI chief executive", "EU mediator")."""
    found = []
    i = name.start - 1
    while i >= 0 and not doc[i + 1].is_sent_start:  # within the name's sentence (`.sent` would scan the doc)
        token = doc[i]
        if token.is_punct and token.text not in "'’&-.":
            break  # "the attackers, Secretary of State Hillary Clinton": the clause before is no title
        modifies = token.dep_ in ("compound", "amod", "nmod") and i < token.head.i < name.end
        linked = token.lower_ in _TITLE_LINKS and not token.is_sent_start and i > 0 and doc[i - 1].text[0].isupper()
        if not (_is_title(token) or token.pos_ == "PROPN" or modifies or linked):
            break
        found.append(token)
        i -= 1
    return found


def _apposed(name: TokenSpan) -> list[Token]:
    """Appositions either side ("Ana Silva, the coach," / "the coach, Ana Silva,")."""
    root = name.root
    found = [t for child in root.children if child.dep_ == "appos" for t in child.subtree]
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        found += [t for t in root.head.subtree if t.i < name.start]
    return found


def _described(name: TokenSpan) -> list[Token]:
    """Roles given by a clause: "X, who chairs the board," and "X was appointed head coach"."""
    root = name.root
    found = [t for child in root.children if child.dep_ == "relcl" for t in (child, *child.children) if t.dep_ != "nsubj"]
    verb = root.head
    if root.dep_ in ("nsubj", "nsubjpass") and verb.lemma_.lower() in _ROLE_VERBS:
        for role in (c for c in verb.children if c.dep_ in ("attr", "oprd")):
            found += [t for t in role.subtree if t.i <= role.i]
    return found


def _home(name: TokenSpan) -> list[Token]:
    """The place a person is "of" or "from" ("Labrador, of Idaho", "Eric Cantor of Virginia"): what a later
    "the Idaho congressman" describes them by."""
    preps = [c for c in name.root.children if c.dep_ == "prep" and c.lower_ in ("of", "from")]
    return [t for p in preps for t in p.subtree if t.ent_type_ in ("GPE", "LOC", "NORP") and t.pos_ == "PROPN"]


def _title_words(doc: Doc, name: TokenSpan) -> set[str]:
    """Words of the titles, appositions and role clauses the article attaches to a name."""
    tokens = [*_before_name(doc, name), *_apposed(name), *_described(name), *_home(name)]
    return {
        t.lemma_.lower()
        for t in tokens
        if (t.pos_ in _ROLE_POS or t.dep_ == "relcl" or _is_title(t)) and not name.start <= t.i < name.end
    } - _TITLE_LINKS


def role_phrase(doc: Doc, name: TokenSpan) -> str | None:
    """The role written before a name or apposed to it, as written ("NATO Secretary General", "an attorney
    for Trump Jr."): shown beside the speaker's name, never part of it."""
    before = sorted(_before_name(doc, name), key=lambda t: t.i)
    apposed = sorted({t.i for t in _apposed(name)})
    titled = any(t.lower_.rstrip(".") not in HONORIFICS and not t.is_punct for t in before)
    if titled:  # a title right before the name beats an apposition the parser may have hung it on
        phrase = doc[before[0].i : before[-1].i + 1]
    elif apposed:
        phrase = doc[apposed[0] : apposed[-1] + 1]
    else:
        return None
    words = list(phrase)
    while words and (words[0].pos_ == "DET" or words[0].is_punct):
        words = words[1:]
    text = "".join(t.whitespace_ or " " if t.is_punct and t.text not in "'’&-" else t.text_with_ws for t in words)
    text = " ".join(text.split()).strip(" ,;:—–-")
    return text or None


def _org_nouns(name: TokenSpan) -> set[str]:
    """The common nouns set beside an organisation's name to say what it is ("the Kestrel Trust, a
    conservation group,"): what a later "the group" calls it."""
    return {c.lemma_.lower() for t in name for c in t.children if c.dep_ == "appos" and c.pos_ == "NOUN" and c.tag_ == "NN"}


def _headline_name(surname: str, headline: str, clusters: list[_Cluster]) -> str | None:
    """The full name a headline gives a person the text names by surname alone ("Hansbrough said" under
    "… waits for Tyler Hansbrough"): a common given name before the surname, with any middle initials
    between ("Dirk A. Kempthorne"), when the headline has one such name and no other person of the article
    bears that surname."""
    given = re.finditer(rf"\b([A-Z][a-z]+)((?:\s+[A-Z]\.)*)\s+{re.escape(surname)}\b", headline)
    found = {f"{m[1]}{m[2]} {surname}" for m in given if is_common_first_name(m[1])}
    shared = sum(1 for c in clusters if c.person and c.person.surname == surname) > 1
    return found.pop() if len(found) == 1 and not shared else None


def _couple_name(doc: Doc, cluster: _Cluster, clusters: list[_Cluster]) -> str | None:
    """The full name of a person known by a given name alone that the article first wrote joined by "and" to
    another's given and family name ("Rebecca and David Stanley"): the two share that family name."""
    first = min(cluster.spans, key=lambda s: s.start)
    given = first[-1]
    if not is_common_first_name(given.text) or first.end + 1 >= len(doc) or doc[first.end].lower_ != "and":
        return None
    partners = [c for c in clusters if c.person and c.person.first and any(s.start == first.end + 1 for s in c.spans)]
    return f"{given.text} {partners[0].person.surname}" if len(partners) == 1 and partners[0].person else None


def build_entities(article_id: str, text: str, doc: Doc, headline: str = "") -> ArticleEntities:
    """The article's entities and their mentions; `headline` gives the full name of a person the text
    names by surname alone."""
    entities: dict[str, Entity] = {}
    mentions: list[Mention] = []
    titles: dict[str, set[str]] = {}
    roles: dict[str, str] = {}
    kinds: dict[str, set[str]] = {}
    clusters = _cluster(doc, find_names(doc))
    for cluster in clusters:
        entity_id = stable_id(article_id, f"{cluster.kind}:{cluster.key}", prefix="e")
        name = best_name(cluster.forms) if cluster.person else full_form(cluster.forms)
        if cluster.person and " " not in name:
            name = _headline_name(name, headline, clusters) or _couple_name(doc, cluster, clusters) or name
        entity = entities[entity_id] = Entity(entity_id, name, cluster.kind)
        if name not in cluster.forms:
            entity.add_alias(name, article_id)
        full = len(name.split()) > 1
        for tokens in cluster.spans:
            entity.add_alias(tokens.text, article_id)
            via = "surname" if cluster.person and full and len(tokens) == 1 else "name"
            span = Span.of(text, tokens.start_char, tokens.end_char)
            mentions.append(Mention(article_id, span, entity_id, cluster.kind, via))
            if cluster.person:
                titles.setdefault(entity_id, set()).update(_title_words(doc, tokens))
                if entity_id not in roles and (role := role_phrase(doc, tokens)):
                    roles[entity_id] = role
            elif cluster.kind == "org" and (nouns := _org_nouns(tokens)):
                kinds.setdefault(entity_id, set()).update(nouns)
    mentions.sort(key=lambda m: m.span.start)
    return ArticleEntities(entities, mentions, titles, roles, kinds)

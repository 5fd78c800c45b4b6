"""Who a source phrase is, without a coreference model.

Names are looked up among the article's entities, with the name alone as the speaker and the rest of
the phrase as their role ("First Minister of Scotland Nicola Sturgeon"). A document or channel speaks
for its owner ("Trump's Twitter", "a Fox News poll", "the court's summary"). Pronouns go to the most
recent person or organisation outside any quote or reported content who agrees with them: "he" and
"she" only to people, and never to someone known to be of the other gender (from the first name, a
title or role, or an earlier pronoun). Descriptions ("the NATO chief", "the company") go to the one
entity the article gave that title or name, else stay a description of this article only; a description
whose noun names no people ("The deal says") is a thing, never a person nor the antecedent of a "he".
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from spacy.tokens import Doc
from spacy.tokens import Span as TokenSpan
from spacy.tokens import Token

from storyline.analysis.entities import ArticleEntities, is_person_role, is_station, named_after_role
from storyline.analysis.first_names import Gender, gender_of, is_common_first_name
from storyline.analysis.lexicon import (
    COMPANY_NOUNS,
    DOCUMENT_WORDS,
    FEMALE_WORDS,
    GENDERED_PRONOUNS,
    INSTITUTION_WORDS,
    LEADER_WORDS,
    MALE_WORDS,
    ORG_WORDS,
    OUTLET_NAME_WORDS,
    OUTLET_NOUNS,
    PLATFORMS,
    PEOPLE_NOUNS,
    PERSON_SUFFIXES,
    PRONOUN_KINDS,
    ROLE_MODIFIERS,
    ROLE_NOUN_KINDS,
    STATION_NOUNS,
    TITLE_SYNONYMS,
)
from storyline.analysis.names import HONORIFICS, POSTNOMINALS, TITLES, fold_name, parse_person_name
from storyline.analysis.statements import Attribution, source_span, subject_of
from storyline.model import Entity, EntityKind, Mention, Span, stable_id

_ROLE_NOISE = LEADER_WORDS | ROLE_MODIFIERS | {"the", "a", "an", "ex"}  # "the ex-congressman" is a former one
_ROLE_POS = ("NOUN", "PROPN", "ADJ")
_ORIGIN_STEM = 3  # "Slovak" / "Slovakia", "Polish" / "Poland", "Norwegian" / "Norway"
_OWNER_DEPS = frozenset({"poss", "compound", "nmod", "amod"})  # and the objects of _OWNER_PREPOSITIONS
_OWNER_PREPOSITIONS = frozenset({"of", "from", "by"})
_PIECES = frozenset("article story piece editorial column op-ed".split())  # written in a publication: "an article in Newsweek"
_OPENING_CHARS = 3  # how far into a content its opening name may start ("“Vanderbilt", "the Vanderbilt"): at once
_INTRODUCED_WINDOW = 80  # tokens back to the "an ad" that "the ad" refers to: a few sentences
_RELATIVE_HOPS = 4  # "a Republican running in the Third District who said": up from District to the person
_PARAGRAPHS_FOR_GENDER = 2
_GIVING_NAMES = frozenset({"name", "call"})  # "a student named Wong", "a man called Ana Silva"
_MANY = frozenset("some many several few those these both all most".split())
_NAMED_AFTER_SENTENCES = 3  # how far on a description may be named ("The spokeswoman, Marie Harf, …")
_CREDIT = re.compile(r"\((?:photo|picture|image|credit|video)s?\s*(?::|by)[^)\n]*\)", re.I)  # "(photo: Auburn Hills Police)"
# "READ MORE: Mayor quits", "More: …": a link to another article's headline, set into the text up to its end
_CROSS_LINK = re.compile(
    r"(?:^|(?<=[.!?”\"]\s))(?i:also read|read more|read also|see also|more|related(?: stories)?|watch) ?:[ \t]*"
    r"[A-Z0-9‘'\"“][^\n“\"]{0,150}?(?=[.!?](?:\s|$)|[\n“\"]|$)",
    re.M,
)
_DOMINANT = 3  # times more mentions that make one of several title holders the one a bare title means  # how far back a person of the right gender is preferred to one of unknown gender


def _fits(word: Token, titles: set[str]) -> bool:
    """Is this role word among a person's title words? Names of origin match by their stem."""
    lemma = word.lemma_.lower().rstrip(".")
    if lemma in titles or not TITLE_SYNONYMS.get(lemma, frozenset()).isdisjoint(t.rstrip(".") for t in titles):
        return True
    if not word.text[0].isupper():
        return False
    return any(_common_prefix(lemma, t) >= max(_ORIGIN_STEM, min(len(lemma), len(t)) - 3) for t in titles)


def _role_words(tokens: list[Token]) -> list[Token]:
    """The words of a role that a person's titles must have: not its article, modifiers ("former"), or the
    hyphen the parser may tag as a noun ("the ex-congressman")."""
    return [t for t in tokens if t.pos_ in _ROLE_POS and not t.is_punct and t.lemma_.lower() not in _ROLE_NOISE]


def _common_prefix(a: str, b: str) -> int:
    return next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))


def _clean_role(tokens: list[Token]) -> str | None:
    """A role phrase as shown: without leading articles and edge punctuation ("an attorney for X" -> "attorney for X")."""
    def noise(t: Token) -> bool:
        return t.pos_ == "DET" or t.is_punct or t.lower_ in ("who", "which") or t.lower_.rstrip(".") in HONORIFICS

    while tokens and noise(tokens[0]):  # "Mr." is a form of address, no role
        tokens = tokens[1:]
    while tokens and tokens[-1].is_punct:
        tokens = tokens[:-1]
    text = "".join(t.text_with_ws for t in tokens).strip()
    return text.replace(" ,", ",") or None


def _touching(tokens: list[Token], names: set[int]) -> list[Token]:
    """The run of role words that adjoins the name (across a comma at most): the parser may hang more words
    on the source phrase ("…the attackers, Secretary of State Hillary Clinton revealed")."""
    runs: list[list[Token]] = []
    for t in tokens:
        if runs and t.i == runs[-1][-1].i + 1:
            runs[-1].append(t)
        else:
            runs.append([t])
    if len(runs) < 2 or not names:
        return tokens
    first, last = min(names), max(names)
    before = [r for r in runs if 0 < first - r[-1].i <= 2]
    after = [r for r in runs if 0 < r[0].i - last <= 2]
    return (before or after or runs)[0]


@dataclass(slots=True)
class _Antecedent:
    pos: int
    entity_id: str
    subject: bool = False  # the subject of its clause: what a following "he" most often continues
    main: bool = False  # the subject of the sentence's own clause, not of one inside it ("… in which Ana Silva won")


@dataclass(slots=True)
class Resolved:
    """A statement's speaker: the entity, and the role the article gives them here."""

    entity: Entity
    role: str | None = None


@dataclass(slots=True)
class SpeakerResolver:
    """Resolves the sources of one article's attributions, in reading order."""

    article_id: str
    text: str
    found: ArticleEntities
    excluded: list[tuple[int, int]]  # quotes and reported contents: their names are not speakers
    doc: Doc | None = None  # the parse, for which mentions are subjects
    antecedents: list[_Antecedent] = field(default_factory=list)
    last: tuple[int, str] | None = None  # where the last resolved statement ended, and who said it
    genders: dict[str, Gender] = field(default_factory=dict)  # learnt from pronouns resolved to a person
    speakers: set[str] = field(default_factory=set)  # entities already credited with a statement
    owners: dict[str, str] = field(default_factory=dict)  # document word -> its owner ("poll" -> Fox News)

    def __post_init__(self) -> None:
        credits = itertools.chain(_CREDIT.finditer(self.text), _CROSS_LINK.finditer(self.text))
        self.excluded = self.excluded + [m.span() for m in credits]  # who took a photo, or a linked story's names, say nothing here
        self.antecedents = [
            _Antecedent(m.span.start, m.entity_id, *self._subject_at(m.span.start))
            for m in self.found.mentions
            if not self._excluded(m.span.start)
        ]
        self.antecedents += self._titled_subjects() + self._untagged_subjects()
        self.antecedents.sort(key=lambda a: a.pos)

    def _titled_subjects(self) -> list[_Antecedent]:
        """"The president stepped in when he …": a subject named by the title of the article's one holder of
        it is an antecedent like a name, so the "he" after it is that holder; by all the title's words, as its
        statement's speaker is ("the party's general secretary" is no other secretary)."""
        if self.doc is None:
            return []
        found = []
        for token in self.doc:
            if token.dep_ != "nsubj" or token.pos_ != "NOUN" or not any(c.lower_ == "the" for c in token.children):
                continue
            phrase = list(self.doc[token.left_edge.i : token.i + 1])  # "the Congress general secretary": all of its words
            if token.lower_ in TITLES and not self._excluded(token.idx) and (holder := self._titled(phrase)) is not None:
                found.append(_Antecedent(token.idx, holder, True, _main_clause(token.head)))
        return found

    def _untagged_subjects(self) -> list[_Antecedent]:
        """An organisation's name written again as a subject where the model tagged nothing ("Last week, Telkom
        sent notices as it announced …"): an antecedent like its tagged mentions, so the "it" after it is that
        organisation rather than one named before."""
        if self.doc is None:
            return []
        tagged = [(m.span.start, m.span.end) for m in self.found.mentions]
        found = []
        for entity in (e for e in self.found.entities.values() if e.kind == "org"):
            for match in re.finditer(rf"(?<!\w){re.escape(entity.name)}(?!\w)", self.text):
                pos = match.start()
                head = self._name_head(pos)
                if head is None or head.ent_type_ or self._excluded(pos) or any(s <= pos < e for s, e in tagged):
                    continue
                subject, main = self._subject_at(pos)
                if subject:
                    found.append(_Antecedent(pos, entity.id, subject, main))
        return found

    def _subject_at(self, pos: int) -> tuple[bool, bool]:
        """Is the name here a subject, and of the sentence's main clause?"""
        head = self._name_head(pos)
        subject = head is not None and (head.dep_ in ("nsubj", "nsubjpass") or _identified(head))
        return subject, subject and _main_clause(head.head)  # type: ignore[union-attr]

    def _name_head(self, pos: int) -> Token | None:
        """The word a name starting here hangs on the sentence by ("Kongers" of "Hong Kongers")."""
        span = self.doc.char_span(pos, pos + 1, alignment_mode="expand") if self.doc is not None else None
        head = span.root if span is not None else None
        while head is not None and head.dep_ == "compound":
            head = head.head
        return head

    def _excluded(self, pos: int) -> bool:
        return any(start <= pos < end for start, end in self.excluded)

    def gender(self, entity_id: str) -> Gender | None:
        """What the article says of a person's gender: a gendered title or role ("Mrs.", "widow", "king"), which
        a pronoun we resolved ourselves may have guessed wrong; else such a pronoun; else the first name."""
        words = {w.rstrip(".") for w in self.found.titles.get(entity_id, ())}
        female, male = bool(words & FEMALE_WORDS), bool(words & MALE_WORDS)
        if female != male:
            return "female" if female else "male"
        if entity_id in self.genders:
            return self.genders[entity_id]
        name = parse_person_name(self.found.entities[entity_id].name)
        return gender_of(name.first) if name else None

    def _confirmed_person(self, entity_id: str) -> bool:
        """Known to be a person beyond the model's label: a given name, a title or role, a statement made."""
        name = parse_person_name(self.found.entities[entity_id].name)
        return bool(
            entity_id in self.speakers
            or self.found.titles.get(entity_id)
            or (name is not None and name.first is not None and is_common_first_name(name.first))
        )

    def _recent(self, before: int, kinds: tuple[EntityKind, ...], content: tuple[int, int], pronoun: str = "") -> str | None:
        """The latest suitable antecedent; never someone the statement itself names (they are talked about).

        For "he" and "she", a person of the other gender is never suitable, and one whose gender is
        unknown and who is not known to be a person at all ("Maidan Wardak") loses to the latest person of
        the right gender, or known to be a person, named in the last paragraphs."""
        named_inside = {m.entity_id for m in self.found.mentions if content[0] <= m.span.start < content[1]}
        wanted = GENDERED_PRONOUNS.get(pronoun)
        candidates = sorted(
            (c for c in self.antecedents
             if c.pos < before and c.entity_id not in named_inside and self.found.entities[c.entity_id].kind in kinds),
            key=lambda c: c.pos, reverse=True,
        )  # fmt: skip
        if wanted is None:
            return candidates[0].entity_id if candidates else None
        fitting = [c for c in candidates if self.gender(c.entity_id) in (wanted, None) and not self._plural_name(c)]
        if not fitting:
            return None
        first = fitting[0]
        recent = self._paragraphs_back(before)
        if self.gender(first.entity_id) is None and not self._confirmed_person(first.entity_id):
            sure = next((c for c in fitting if c.pos >= recent and (self.gender(c.entity_id) == wanted
                                                                    or self._confirmed_person(c.entity_id))), None)
            if sure is not None:
                return sure.entity_id
        if not first.main and (subject := self._subject_beside(first, fitting)) is not None:
            return subject  # "Smith told Wikinews … He stated": the subject outranks an object of its sentence
        if not (first.subject or first.entity_id in self.speakers):  # "Ryan mocked Obama's record. He said": Ryan
            salient = next((c for c in fitting if c.pos >= recent and (c.subject or c.entity_id in self.speakers)), None)
            if salient is not None:
                return salient.entity_id
        return first.entity_id

    def _plural_name(self, candidate: _Antecedent) -> bool:
        """A name in the plural ("Hong Kongers", tagged a person) that nothing shows to be one person (a given
        name, a title, a statement made): a "he" or "she" never stands for it."""
        if self._confirmed_person(candidate.entity_id):
            return False
        head = self._name_head(candidate.pos)
        return head is not None and head.tag_ == "NNPS"

    def _may_be_talking(self, entity_id: str, before: int) -> bool:
        """Can a quote no cue introduces be this entity's words: a person or organisation the text made a
        subject, or that spoke, or known to be a person; never a thing ("The displays projected eyes. It
        has “a way to …”") nor a town the tagger took for a person ("the mayor of Yartsevo")."""
        if self.found.entities[entity_id].kind not in ("person", "org", "group"):
            return False
        subject = any(a.subject for a in self.antecedents if a.entity_id == entity_id and a.pos < before)
        return subject or self._confirmed_person(entity_id)

    def _paragraphs_back(self, before: int) -> int:
        """Where the last few paragraphs before this point begin: how far back the text's focus reaches."""
        recent = self.text.rfind("\n\n", 0, before)
        for _ in range(_PARAGRAPHS_FOR_GENDER - 1):
            recent = self.text.rfind("\n\n", 0, max(recent, 0))
        return recent

    def _salient_among(self, fits: set[str], before: int) -> str | None:
        """Of several entities a description fits, the one the text is about: the latest to be a subject or
        to speak, when named more often than each other one ("The Court of Session ruled. The Court of
        Session is Scotland's highest civil court; above it is only the Supreme Court. … The court found":
        the Court of Session). Two named alike stay apart ("Nowak met Vogt … The minister said")."""
        earlier = [c for c in self.antecedents if c.pos < before and c.entity_id in fits]
        salient = [c for c in earlier if c.subject or c.entity_id in self.speakers]
        if not salient:
            return None
        latest = max(salient, key=lambda c: c.pos).entity_id
        counts = Counter(c.entity_id for c in earlier)
        return latest if all(counts[latest] > n for e, n in counts.items() if e != latest) else None

    def _last_subject(self, fits: set[str], before: int) -> str | None:
        """Of several entities a description fits, the one last named in the last paragraphs, when the text made it
        a subject or it spoke there ("Vantrix hosted a panel. … the company noted") or no other is named there
        ("the site, run by Vantrix … according to the company"); else the one the text is about."""
        recent = self._paragraphs_back(before)
        named = [c for c in self.antecedents if recent <= c.pos < before and c.entity_id in fits]
        last = max(named, key=lambda c: c.pos, default=None)
        if last is not None and (last.subject or last.entity_id in self.speakers or {c.entity_id for c in named} == {last.entity_id}):
            return last.entity_id
        return self._salient_among(fits, before)

    def _subject_beside(self, first: _Antecedent, fitting: list[_Antecedent]) -> str | None:
        """A fitting subject of the sentence the latest candidate is in, which that candidate is not; of its main
        clause when the candidate is the subject of a clause inside it ("Mugabe agreed to a deal in which
        Tsvangirai became premier. “…,” he declared": Mugabe)."""
        if self.doc is None:
            return None
        token = self.doc.char_span(first.pos, first.pos + 1, alignment_mode="expand")
        if token is None:
            return None
        start = token.sent.start_char
        return next((c.entity_id for c in fitting if start <= c.pos < first.pos and (c.main if first.subject else c.subject)
                     and c.entity_id != first.entity_id), None)  # fmt: skip

    def _mention_at(self, token: Token) -> str | None:
        for mention in self.found.mentions:
            if mention.span.start <= token.idx < mention.span.end:
                return mention.entity_id
        return None

    def _person_at(self, token: Token) -> bool:
        found = self._mention_at(token)
        return found is not None and self.found.entities[found].kind == "person"

    def _named(self, head: Token) -> str | None:
        """The entity named at the head, or in its apposition ("Their leader, Ana Silva, said"); a person in
        apposition to an organisation is its officer speaking ("Export–Import Bank president Okey Oramah",
        parsed with the bank as head), also one set beside a role that is itself set beside it ("said the
        University of Westland, Easton's chancellor, Ana Silva"). A group beside one person's noun only describes
        them ("The billionaire ex-Republican", parsed as an apposition)."""
        beside = _appositions(head)
        named = [
            found for token in (head, *beside, *(b for a in beside for b in _appositions(a)))
            if (found := self._mention_at(token)) is not None and not _one_of_group(token, self.found.entities[found])
            and not (token is not head and head.tag_ == "NN" and self.found.entities[found].kind == "group")
        ]  # fmt: skip
        person = next((e for e in named[1:] if self.found.entities[e].kind == "person"), None)
        if named and person and self.found.entities[named[0]].kind in ("org", "group"):
            return person
        return named[0] if named else None

    def _owner(self, head: Token, anchor: int, content: tuple[int, int]) -> str | None:
        """Whose document or channel this is: a name or pronoun tied to it directly ("Trump's Twitter", "a
        Fox News poll", "data from the Gun Violence Archive", "its polling", "a memo posted by Senator
        Dalmau"), never one inside what it is about ("the statement on her health")."""
        for token in _owner_candidates(head):
            if token.idx >= content[0] > head.idx or token.lower_ in PLATFORMS:
                continue  # "a Twitter post by Ann Lyle": a platform carries a post, its author owns it
            if token.pos_ == "ADJ":
                continue  # an adjective says which kind of document, not who wrote it ("the Turkish statement")
            if token.pos_ == "PRON" and token.dep_ == "poss" and (kinds := PRONOUN_KINDS.get(_possessed(token.lower_))):
                pronoun = _possessed(token.lower_)
                return self._opening_subject(content, pronoun) or self._recent(anchor, kinds, content, pronoun)
            found = self._mention_at(token) or self._unlisted_org(token)
            if found is None and token.pos_ == "NOUN" and token.lemma_.lower() in ORG_WORDS:
                found = self._organisation_of(token)  # "the court's summary": the article's one court
            elif found is None and token.lower_ in TITLES:
                found = self._titled([token])  # "the decree signed by the Pope": the article's one pope
            kind = self.found.entities[found].kind if found is not None else None
            if kind in ("person", "org", "group") or (kind == "place" and token.head.lower_ == "by"):
                return found  # "a report by The Atlantic": what wrote it is no place, however tagged
        definite = any(c.lower_ == "the" for c in head.children) and head.tag_ == "NN"
        if not definite:
            return None
        return self.owners.get(head.lemma_.lower()) or self._introduced_owner(head)  # "the poll" is the one named before

    def _new_document_owner(self, head: Token) -> str | None:
        """Whose a document is when the article writes no owner and first names it as "the …" subject: the person
        or organisation the sentence before was about ("Ana Silva posted an invitation. … The event description
        read"), or who made the statement it gave ("Deadline reports that … The article confirms"); never a noun
        met before, whose owner the earlier one tells ("a court ruling … The ruling says")."""
        if head.dep_ != "nsubj" or not any(c.lower_ == "the" for c in head.children) or head.sent.start == 0:
            return None
        if any(t.lemma_ == head.lemma_ for t in head.doc[: head.i]):
            return None
        before = _sentence_before(head)
        found = self._subject_person(before) or self._subject_person(before, "org")
        if found is None and self.last is not None and before.start_char < self.last[0] <= before.end_char:
            return self.last[1]  # "Deadline reports that … The article confirms": the report just given is the article
        return found

    def _document_before(self, head: Token, anchor: int) -> Token | None:
        """The document an "it" stands for: one named since the last organisation, outside quotes, a few
        sentences back at most ("Labrador writes on his website: “…” “…,” it says": the website)."""
        latest_org = max((a.pos for a in self.antecedents if a.pos < anchor and self.found.entities[a.entity_id].kind == "org"),
                         default=-1)  # fmt: skip
        before = head.doc[max(0, head.i - _INTRODUCED_WINDOW) : head.i]
        return next((t for t in reversed(before) if t.idx > latest_org and t.pos_ == "NOUN" and t.lemma_.lower() in DOCUMENT_WORDS
                     and not self._excluded(t.idx)), None)  # fmt: skip

    def _organisation_of(self, noun: Token) -> str | None:
        """The organisation an owner's noun stands for: a person's ("a statement from Senator Reid's office"),
        one named by a nationality or place ("a report from the Mexican government"), else the article's
        one organisation of that noun ("the court's summary")."""
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        mention = next((m for m in self.found.mentions if owner is not None and m.span.start <= owner.idx < m.span.end), None)
        if mention is not None and self.found.entities[mention.entity_id].kind == "person":
            span = noun.doc.char_span(mention.span.start, noun.idx + len(noun), alignment_mode="expand")
            return self._described(span, "org") if span is not None else None
        if any(map(_naming, noun.children)):
            return self._described(noun.doc[noun.left_edge.i : noun.i + 1], "org")
        return self._organisation(noun)

    def _opening_subject(self, content: tuple[int, int], pronoun: str) -> str | None:
        """The person a content that follows its source opens with, when the pronoun fits them: "according
        to her memoirs, Vanderbilt was married …" is Vanderbilt's memoir."""
        wanted = GENDERED_PRONOUNS.get(pronoun)
        opening = next((m for m in self.found.mentions if content[0] <= m.span.start < content[1]), None)
        if wanted is None or opening is None or opening.span.start > content[0] + _OPENING_CHARS:
            return None
        entity = self.found.entities[opening.entity_id]
        return entity.id if entity.kind == "person" and self.gender(entity.id) == wanted else None

    def _introduced_owner(self, head: Token) -> str | None:
        """Whose "the ad" is: the owner written on the "an ad" that introduced it a few sentences before
        ("Democrats signed a letter from Ana Silva. The letter says": Silva), else the subject that brought it
        in ("The Romney campaign retorted with an ad of its own. The ad says")."""
        lemma = head.lemma_.lower()
        before = head.doc[max(0, head.i - _INTRODUCED_WINDOW) : head.i]
        earlier = [t for t in reversed(before) if t.lemma_.lower() == lemma and t.pos_ == "NOUN"]
        introduced = next((t for t in earlier if any(c.lower_ in ("a", "an") for c in t.children)), None)
        if introduced is None:  # "the request of Prime Minister Silva … Per the request": whose it was when last named
            owned = next((t for t in earlier if any(c.lower_ == "the" for c in t.children)), None)
            found = self._owner(owned, owned.idx, (owned.idx, owned.idx)) if owned is not None else None
            return found if found is not None and self.found.entities[found].kind in ("person", "org", "group") else None
        verb = introduced.head.head if introduced.dep_ == "pobj" else introduced.head if introduced.dep_ == "dobj" else None
        subject = subject_of(verb) if verb is not None and verb.pos_ == "VERB" else None
        found = self._owner(introduced, introduced.idx, (introduced.idx, introduced.idx))
        written = found is not None and not any(t.pos_ == "PRON" for t in _owner_candidates(introduced))
        if not written and subject is not None and subject.pos_ != "PRON":  # who brought it in, rather than a guess at "its"
            found, _ = self._source_entity(source_span(subject), subject.idx, (head.idx, head.idx))
        return found if found is not None and self.found.entities[found].kind in ("person", "org", "group") else None

    def _titled_member(self, source: TokenSpan) -> str | None:
        """A person named after their title inside an organisation's phrase ("The National Organization for
        Women President Terry O'Neill", parsed as the organisation): the person speaks; not one the
        organisation belongs to ("Chancellor Ana Silva's party called for": the party speaks)."""
        for token in source[1:]:
            if _possessor(token):
                continue
            if token.nbor(-1).text[0].isupper() and token.nbor(-1).lower_.rstrip(".") in TITLES:
                found = self._mention_at(token)
                if found is not None and self.found.entities[found].kind == "person":
                    return found
        return None

    def _beyond_place(self, source: TokenSpan, head: Token) -> str | None:
        """Who a place only qualifies: the person named after it ("Connecticut Senator Richard Blumenthal")
        or the outlet or body it is part of ("CNN Philippines", parsed with the country as head)."""
        for token in source:
            found = self._mention_at(token)
            if found is not None and token.i != head.i and self.found.entities[found].kind == "person":
                return found
        compound = _proper_compound(head)
        if len(compound) > 1 and any((m := self._mention_at(t)) and self.found.entities[m].kind == "org" for t in compound):
            return self._new_org(Span.of(self.text, compound[0].idx, head.idx + len(head)))
        return None

    def _outlet_named(self, head: Token) -> str | None:
        """The outlet a kind noun names by the name compounded on it, as if in apposition ("the Harbour Democrat
        newspaper", "the Kyodo news agency"); not a person who owns it ("the Murdoch tabloid")."""
        lemma = head.lemma_.lower()
        if lemma not in OUTLET_NOUNS and not (lemma == "agency" and any(c.lower_ == "news" for c in head.children)):
            return None
        words = [t for t in _proper_compound(head) if t is not head]
        between = head.doc[words[-1].i + 1 : head.i] if words else None
        if not words or words[-1].i - words[0].i != len(words) - 1 or any(t.lower_ != "news" for t in between):
            return None
        if any((m := self._mention_at(t)) and self.found.entities[m].kind == "person" for t in words):
            return None
        return self._new_org(Span.of(self.text, words[0].idx, words[-1].idx + len(words[-1])))

    def _new_org(self, span: Span) -> str:
        """An organisation the model did not tag, named at `span`, with its mention, like any named one."""
        entity_id = stable_id(self.article_id, f"org:{fold_name(span.text)}", prefix="e")
        if entity_id not in self.found.entities:
            self.found.entities[entity_id] = Entity(entity_id, span.text, "org", {span.text: {self.article_id}})
            self.found.mentions.append(Mention(self.article_id, span, entity_id, "org", "name"))
        return entity_id

    def _office_holder(self, head: Token, source: TokenSpan) -> str | None:
        """The person ending a title's "of" phrase ("First Minister of Scotland Nicola Sturgeon", parsed as
        the minister of Sturgeon), or "for" phrase of a formal title; never the client of a role ("the
        attorney for Senator Reid"), nor a name right after "of", which is what the office is of ("the
        mayor of Yartsevo", a town the tagger took for a person)."""
        last = source[-1]
        mention = next((m for m in self.found.mentions if m.span.start <= last.idx < m.span.end), None)
        if mention is None or self.found.entities[mention.entity_id].kind != "person":
            return None
        before = next((t for t in reversed(source) if t.idx < mention.span.start), None)
        formal = head.text[0].isupper() and before is not None and before.lower_.rstrip(".") not in TITLES
        linked = {"of", "for", "to"} if formal else {"of"}  # "Assistant Secretary for Diplomatic Security Charlene Lamb", "Ambassador to Germany …"
        held = any(c.dep_ == "prep" and c.lower_ in linked and last in c.subtree for c in head.children)
        return mention.entity_id if held and (before is None or before.lower_ not in linked) else None

    def _named_before_role(self, source: TokenSpan, head: Token) -> str | None:
        """The person named just before a title, a comma between ("Ana Silva, County Health Director said",
        parsed as two subjects of one verb): the title is theirs, no one else's."""
        doc = head.doc
        if source.start < 2 or doc[source.start - 1].text != ",":
            return None
        name = doc[source.start - 2]
        found = self._mention_at(name)
        subjects = name.dep_ == head.dep_ == "nsubj" and name.head == head.head
        return found if found is not None and subjects and self.found.entities[found].kind == "person" else None

    def _named_after_role(self, source: TokenSpan) -> str | None:
        """The person whose name ends a role phrase, set after a comma or a role noun rather than linked
        by "of" or "for" ("the manager of Abu Dhabi Media, Dr Ali bin Tamim"; not "the attorney for Reid")."""
        found = self._mention_at(source[-1])
        if found is None or self.found.entities[found].kind != "person":
            return None
        return found if named_after_role(source, {t.i for t in source if self._mention_at(t) == found}) else None

    def _titled(self, role: list[Token]) -> str | None:
        """The one person the article gave every word of this role ("the Slovak minister")."""
        words = _role_words(role)
        places = {fold_name(e.name) for e in self.found.entities.values() if e.kind == "place"}
        if all(t.ent_type_ in ("GPE", "LOC") or fold_name(t.text) in places for t in words):
            return None  # "Nigeria" describes no one, though "Buhari of Nigeria" has it among his titles
        fits = {entity for entity, titles in self.found.titles.items() if all(_fits(w, titles) for w in words)}
        if len(fits) > 1:  # "the secretary": the one the article is about, if one is named far more often
            counts = Counter(m.entity_id for m in self.found.mentions if m.entity_id in fits).most_common(2)
            if counts and (len(counts) == 1 or counts[0][1] >= _DOMINANT * counts[1][1]):
                return counts[0][0]
            if not role:
                return None
            named_before = {m.entity_id for m in self.found.mentions if m.entity_id in fits and m.span.start < role[0].idx}
            if len(named_before) == 1:  # a definite description refers back: a holder named only later is new
                return named_before.pop()
            return self._salient_among(fits, role[0].idx)
        return fits.pop() if len(fits) == 1 else None

    def _organisation(self, head: Token) -> str | None:
        """The one organisation of the article this role noun can mean ("the company", "the office"): one whose name
        has the noun as a capitalised word or as its last word ("Auburn Hills Police", "the high court"), not a span
        the tagger ran over a lowercase noun ("police authorities and Vail Resorts")."""
        noun = head.lemma_.lower()
        orgs = {e.id: _name_nouns(e.name) for e in self.found.entities.values()
                if e.kind == "org" and " " in e.name and self._named_outside(e.id)}  # fmt: skip
        named = {fold_name(c.text) for c in head.children if _naming(c) or _capitalised_compound(c)}
        fits = {e for e, words in orgs.items() if noun in words and named <= set(words)}  # "the Romney campaign" is not Obama's
        if not named:  # "the Kestrel Trust, a conservation group, …. The group says": what the article called it
            fits |= {e for e, nouns in self.found.kinds.items() if noun in nouns}
        if not fits and noun in COMPANY_NOUNS | OUTLET_NOUNS | STATION_NOUNS:  # "Vantrix said … the company said"
            return self._last_subject(self._businesses(noun), head.idx)
        if not fits and not named and noun == "police":
            return self._local_force(head)
        return fits.pop() if len(fits) == 1 else self._salient_among(fits, head.idx) if fits else None

    def _named_outside(self, entity_id: str) -> bool:
        """Is the entity named somewhere outside quotes, reported contents and photo credits?"""
        return any(m.entity_id == entity_id and not self._excluded(m.span.start) for m in self.found.mentions)

    def _local_force(self, police: Token) -> str | None:
        """The force a bare "police" is: the one the article names by its place ("Detroit police are searching
        … police said"); none when it names several ("call Livonia police or Milford police")."""
        forces = {}
        for token in police.doc:
            if token.lemma_ == police.lemma_ and token.dep_ != "compound" and not self._excluded(token.idx):
                place = [c for c in token.children if _naming(c) or _capitalised_compound(c)]
                if place:
                    span = police.doc[_place_start(place[0].left_edge) : token.i + 1]
                    forces[fold_name(span.text)] = span
        return self._described(forces.popitem()[1], "org") if len(forces) == 1 else None

    def _businesses(self, noun: str) -> set[str]:
        """The organisations "the company" may mean, however short their names ("Vantrix"): any but public bodies;
        those "the newspaper" may mean: the ones named as news outlets ("The Harbour Times"); those "the station"
        may mean: the radio and television stations ("WKMR-TV")."""
        def fits(name: str) -> bool:
            words = fold_name(name).split()
            if not words:
                return False
            if noun in STATION_NOUNS:
                return is_station(name)
            return words[-1] in OUTLET_NAME_WORDS if noun in OUTLET_NOUNS else INSTITUTION_WORDS.isdisjoint(words)

        return {e.id for e in self.found.entities.values() if e.kind == "org" and fits(e.name)}

    def _described(self, source: TokenSpan, kind: EntityKind) -> str:
        """An entity named by the description's own noun phrase, with what says whose or which it is ("a
        spokeswoman for Hillary Clinton", "the former first lady and U.S. senator") but not where it is
        ("police in Clairton, Pennsylvania" is "police") nor its clauses: of this article only unless a
        proper noun makes it specific."""
        head = source.root
        right = {t.i for c in head.rights if _qualifies(c) for t in c.subtree}
        kept = [t for t in source if (t.i <= head.i and not (t.i < head.i and t.head.i > head.i)) or t.i in right]
        cut = next((i for i, t in enumerate(kept) if t.i > head.i and t.is_punct), len(kept))
        name = "".join(t.text_with_ws for t in kept[:cut]).strip() or source.text
        key = " ".join(w for w in name.casefold().split() if w not in ("the", "a", "an"))
        entity_id = stable_id(self.article_id, f"{kind}:{key}", prefix="e")
        generic = not any(t.pos_ == "PROPN" for t in source)  # "the company" is local; "the Cork harbour office" is not
        self.found.entities.setdefault(entity_id, Entity(entity_id, name, kind, described=generic))
        return entity_id

    def _role_kind(self, head: Token) -> EntityKind:
        if head.pos_ == "PROPN":
            return "person" if parse_person_name(head.text) and not head.text.isupper() else "org"
        lemma = head.lemma_.lower()
        if lemma in ORG_WORDS or lemma in COMPANY_NOUNS or lemma in OUTLET_NOUNS or lemma in STATION_NOUNS:
            return "org"
        kind = ROLE_NOUN_KINDS.get(lemma) or ("person" if head.pos_ != "NOUN" or _names_people(head) else "other")
        plural = head.tag_ in ("NNS", "NNPS") or head.pos_ in ("DET", "PRON") or _counted_as_many(head)  # "lawmakers", "some close to him"
        return "group" if kind == "person" and plural else kind

    def _unlisted_name(self, head: Token) -> str | None:
        """A person's name the model did not tag ("Lind said", "Mahamadou Issoufou said"): the proper nouns
        compounded at the head, without titles; an entity like any named one, for the registry to join."""
        if head.pos_ != "PROPN" or head.ent_type_ in ("GPE", "LOC", "NORP", "ORG", "DATE", "FAC") or head.lower_ in TITLES:
            return None
        words = _proper_compound(head)
        while words and (words[0].lower_.rstrip(".") in TITLES or words[0].i != words[-1].i - len(words) + 1):
            words = words[1:]
        if not words:
            return None
        name = head.doc[words[0].i : words[-1].i + 1].text
        person = parse_person_name(name)
        if person is None:
            return None
        entity_id = stable_id(self.article_id, f"person:{person.full.casefold()}", prefix="e")
        self.found.entities.setdefault(entity_id, Entity(entity_id, name, "person"))
        return entity_id

    def _unlisted_org(self, token: Token) -> str | None:
        """An owner's name of two or more proper nouns the model did not tag ("data from the Gun Violence
        Archive"): an organisation, with its mention, like any named one."""
        if token.pos_ != "PROPN" or token.ent_type_ in ("GPE", "LOC", "NORP", "DATE", "PERSON"):
            return None
        words = _proper_compound(token)
        if len(words) < 2 or words[0].i != token.i - len(words) + 1:
            return None
        return self._new_org(Span.of(self.text, words[0].idx, token.idx + len(token)))

    def _labelled(self, source: TokenSpan) -> str | None:
        """The one person a transcript label is: a surname in capitals ("WALLACE:") or initials ("NG:")."""
        if not source.text.isupper():
            return None
        label = fold_name(source.text).replace(".", "").split()
        people = [e for e in self.found.entities.values() if e.kind == "person"]
        fits = {e.id for e in people if fold_name(e.name).split()[-1:] == label[-1:]}
        if not fits and len(label) == 1 and 2 <= len(label[0]) <= 3:
            fits = {e.id for e in people if "".join(w[0] for w in fold_name(e.name).split()) == label[0]}
        return fits.pop() if len(fits) == 1 else None

    def _relative(self, head: Token) -> Token | None:
        """What "who"/"which" stands for: the clause's noun, or the person above it ("Renacci, a Republican
        running in the Third District who said": District is no speaker)."""
        if head.tag_ not in ("WP", "WDT") or head.head.dep_ != "relcl" or head.head.head is head.head:
            return None
        noun = head.head.head
        organisation = None  # "who" stands for people: an organisation only when no person is named above it
        for candidate in (noun, *list(noun.ancestors)[:_RELATIVE_HOPS]):
            found = self._mention_at(candidate)
            kind = self.found.entities[found].kind if found is not None else None
            if kind in ("person", "group") or (kind == "org" and head.lower_ != "who"):
                return candidate
            organisation = organisation or (candidate if kind == "org" else None)
            if candidate.pos_ == "VERB" and candidate.dep_ not in ("acl", "relcl"):
                break
        return organisation or noun

    def _source_entity(self, source: TokenSpan, anchor: int, content: tuple[int, int]) -> tuple[str | None, str]:
        head = source.root
        while head.lower_.rstrip(".") in POSTNOMINALS and head.i > source.start and self._person_at(head.nbor(-1)):
            head = head.nbor(-1)  # "Prosecutor Kama Melly QC", parsed with the honour as head: the name
        antecedent = self._relative(head)
        if antecedent is not None:
            return self._source_entity(head.doc[antecedent.i : antecedent.i + 1], anchor, content)
        lemma = head.lemma_.lower()
        if lemma in DOCUMENT_WORDS or (head.pos_ == "PROPN" and lemma in ("twitter", "facebook", "instagram")):
            owner = self._owner(head, anchor, content) or self._new_document_owner(head)
            if owner is not None:
                self.owners[lemma] = owner  # "the statement" is the one named last
                return owner, "owner"
        named = self._named(head) or self._outlet_named(head)
        if named and self.found.entities[named].kind == "place" and (labelled := self._labelled(source)):
            return labelled, "surname"  # "MS Although …": the interviewee's initials, tagged a state
        if named and self.found.entities[named].kind == "place":
            named = self._beyond_place(source, head) or named
        if named and self.found.entities[named].kind in ("org", "group"):
            named = self._titled_member(source) or named
        elif named is None and head.lower_.rstrip(".") in TITLES:
            named = self._office_holder(head, source) or self._named_before_role(source, head)
        if named is None and head.pos_ == "NOUN" and is_person_role(head):
            named = self._named_after_role(source)  # "Retired FBI agent and terrorism specialist Ali Soufan"
        if named:
            return named, "name"
        labelled = self._labelled(source)
        if labelled:
            return labelled, "surname"
        kinds = PRONOUN_KINDS.get(_possessed(head.lower_))  # "In his view, …": the source is a possessive
        if head.lower_ == "i":  # news narration has no "I": these are the words of the one just quoted
            return self._continued(content), "pronoun"
        document = self._document_before(head, anchor) if head.lower_ == "it" else None
        if document is not None and (owner := self._owner(document, document.idx, (document.idx, document.idx))):
            return owner, "pronoun"  # else the organisation, as for any "it": "X published a report. It says"
        if head.pos_ == "PRON":
            return (self._recent(anchor, kinds, content, head.lower_), "pronoun") if kinds else (None, "pronoun")
        kind = self._role_kind(head)
        holder = self._titled(list(source)) if kind == "person" else self._organisation(head) if kind == "org" else None
        if holder:
            return holder, "title"
        for named_here in (head, *_appositions(head)):  # "his partner, Lawrence B. Cummings"
            if kind == "person" and (unlisted := self._unlisted_name(named_here)) is not None:
                return unlisted, "unlisted"
        if head.pos_ != "PROPN" and not head.is_title and lemma not in TITLES and head.ent_type_ in ("GPE", "LOC", "DATE"):
            return None, "title"
        if kind == "person":
            described = (self._epithet(source) or self._organisation_epithet(source) or self._named_after(source)
                         or self._named_next(source))
        else:  # "The trade publication stated": a thing may be the organisation named before
            described = self._organisation_epithet(source) if kind == "other" else None
        if described:
            return described, "title"
        if kind == "other" and lemma not in DOCUMENT_WORDS and (doer := self._subject_before_content(head, content)):
            return doer, "name"
        return self._described(source, kind), "title"

    def _subject_before_content(self, thing: Token, content: tuple[int, int]) -> str | None:
        """Who speaks when the parsed subject of a cue is a thing, which cannot: the person who is the subject of
        a clause between it and what is said ("The line was an addition to a speech in which Ana Silva
        criticized the plan, but argued that …": the parser hung "argued" on the thing's verb)."""
        start = thing.idx + len(thing)
        people = [a for a in self.antecedents if start < a.pos < content[0] and a.subject and a.pos >= thing.sent.start_char
                  and self.found.entities[a.entity_id].kind == "person"]  # fmt: skip
        return people[-1].entity_id if people else None

    def _epithet(self, source: TokenSpan) -> str | None:
        """The person a one-off description stands for: "The Wooster professor added" after "said Ana
        Silva" is Silva (a definite description refers back to the subject of the sentence before), and
        "A two-term congressman said …" before any person is named refers forward to the subject of the
        next sentence whose titles it fits. Never when the description's noun was met before as someone
        else ("a suspect … The suspect said"), holds a "his"/"her" ("her lawyer" is someone else), or
        fits another person's titles or gender."""
        head = source.root
        article = {c.lower_ for c in head.children if c.dep_ == "det"}
        if not _describing(head) or head.dep_ not in ("nsubj", "nsubjpass") or not article:
            return None
        if any(c.dep_ == "poss" for c in head.children) or self._excluded(head.idx):
            return None
        sent = head.sent
        if article <= {"the"} and sent.start > 0:
            person = self._subject_person(_sentence_before(head))
            earlier = any(t.lemma_ == head.lemma_ and t.pos_ == "NOUN" for t in head.doc[: head.i])
            if person is None or (earlier and head.lemma_.lower() not in self.found.titles.get(person, ())):
                return None
        elif article <= {"a", "an"} and sent.end < len(head.doc):
            if any(a.pos < head.idx and self.found.entities[a.entity_id].kind == "person" for a in self.antecedents):
                return None
            person = self._subject_person(head.doc[sent.end].sent)
            if person is None or not _fits(head, self.found.titles.get(person, set())):
                return None
        else:
            return None
        words = _role_words([t for t in source if t.i <= head.i])
        office = [w for w in words if w.ent_type_ != "NORP"]  # "the Bavarian First Minister": the office his titles hold
        if head.pos_ == "PROPN" and not all(_fits(w, self.found.titles.get(person, set())) for w in office):
            return None
        others = {e for e, titles in self.found.titles.items() if e != person and all(_fits(w, titles) for w in words)}
        return None if others or self._other_gender(person, words) else person

    def _other_gender(self, person: str, words: list[Token]) -> bool:
        """Do a description's gendered words ("the spokeswoman") say another gender than the person's?"""
        said = {w.lower_ for w in words} & (FEMALE_WORDS | MALE_WORDS)
        gender = self.gender(person)
        return bool(said) and gender is not None and not said <= (FEMALE_WORDS if gender == "female" else MALE_WORDS)

    def _named_after(self, source: TokenSpan) -> str | None:
        """The person a description is named as a few sentences on: "a spokeswoman for the State Department
        said … The spokeswoman, Marie Harf, was asked" (the same noun again, with the name set beside it,
        however parsed)."""
        head = source.root
        if head.pos_ != "NOUN" or head.tag_ != "NN" or not any(c.dep_ == "det" for c in head.children):
            return None
        sent, doc = head.sent, head.doc
        for _ in range(_NAMED_AFTER_SENTENCES):
            if sent.end >= len(doc):
                return None
            sent = doc[sent.end].sent
            for token in sent:
                if token.lemma_ != head.lemma_ or token.pos_ != "NOUN" or not any(c.lower_ == "the" for c in token.children):
                    continue
                beside = [*_appositions(token), *token.doc[token.i + 2 : token.i + 3]] if token.doc[token.i + 1 : token.i + 2].text == "," else _appositions(token)
                named = {m for a in beside if (m := self._mention_at(a)) and self.found.entities[m].kind == "person"}
                if len(named) == 1:
                    return named.pop()
        return None

    def _named_next(self, source: TokenSpan) -> str | None:
        """The person a description stands for when the article names them first in the next sentence, as its
        subject: "Ana Silva's lawyer said … . Attorney Tom Berg told the judge" (a role first, then the name).
        Never one named before, one of the other gender, nor one whose titles, if any, do not fit."""
        head = source.root
        if head.pos_ != "NOUN" or head.tag_ != "NN" or not is_person_role(head) or head.sent.end >= len(head.doc):
            return None
        person = self._subject_person(head.doc[head.sent.end].sent)
        if person is None or any(m.entity_id == person and m.span.start < head.idx for m in self.found.mentions):
            return None
        words = _role_words([t for t in source if t.i <= head.i and not _possessor(t)])
        titles = self.found.titles.get(person, set())
        if titles and not all(_fits(w, titles) for w in words if w.ent_type_ != "NORP"):  # "the Polish president": the office
            return None
        return None if self._other_gender(person, words) else person

    def _subject_person(self, sent: TokenSpan, kind: EntityKind = "person") -> str | None:
        """The named person (or other kind) who is the subject of a sentence's main verb ("…,” said Ana Silva."), if any."""
        subjects = [c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass") and not self._excluded(c.idx)]
        if not subjects:  # the parser took a quote's verb for the root ("“…,” he said, “and …”"): the subject outside it
            subjects = [t for t in sent if t.dep_ in ("nsubj", "nsubjpass") and not self._excluded(t.idx)]
        found = {self._mention_at(c) for c in subjects}  # the parser may split "co-author Ana Silva" into two subjects
        people = {e for e in found if e is not None and self.found.entities[e].kind == kind}
        named = found - {None}
        return people.pop() if len(people) == 1 and named == people else None

    def _organisation_epithet(self, source: TokenSpan) -> str | None:
        """The organisation a one-off description names: "The industry publication stated" after "The Aviation
        Herald reported" refers back to the organisation that was the subject of the sentence before, as a
        person's description does to a person; never a role of a person ("the spokesman"), a document (whose
        owner speaks), nor a noun the article gave to another organisation."""
        head = source.root
        article = {c.lower_ for c in head.children if c.dep_ == "det"}
        if head.pos_ != "NOUN" or head.tag_ != "NN" or head.dep_ not in ("nsubj", "nsubjpass") or article != {"the"}:
            return None
        if is_person_role(head) or head.lemma_.lower() in DOCUMENT_WORDS or head.sent.start == 0 or self._excluded(head.idx):
            return None
        if any(c.dep_ == "poss" for c in head.children):
            return None
        org = self._subject_person(_sentence_before(head), "org")
        noun = head.lemma_.lower()
        if org is None or any(noun in nouns for e, nouns in self.found.kinds.items() if e != org):
            return None
        return org

    def _continued(self, content: tuple[int, int]) -> str | None:
        """The speaker of the statement just before, when this one carries on from it: in the same
        paragraph ("…,” Obama said at the gala, where Clinton also spoke. “Tolerance…”), or in the next
        one when nobody else is made a subject outside quotes in between, nor named in the quote's own
        paragraph ("Added Gibbs: “…”"): one named only as an object, an owner or in the speaker's
        description ("said Ana Silva, who is writing a book on Nixon") has not taken the floor."""
        if self.last is None:
            return None
        end, entity_id = self.last
        between = self.text[end : content[0]]
        if end > content[0] or len(between) > 400:
            return None
        if "\n\n" not in between:
            return entity_id
        paragraph = self.text.rfind("\n\n", end, content[0])
        others = {a.entity_id for a in self.antecedents if end <= a.pos < content[0] and (a.subject or a.pos > paragraph)}
        others.discard(entity_id)
        return None if others or between.count("\n\n") > 1 else entity_id

    def resolve(self, attribution: Attribution) -> Resolved | None:
        resolved = self._resolve(attribution)
        self.last = (attribution.content[1], resolved.entity.id) if resolved is not None else None
        if resolved is not None:
            self.speakers.add(resolved.entity.id)
        return resolved

    def _role(self, source: TokenSpan | None, entity_id: str, via: str) -> str | None:
        """The role the source phrase gives beside the name; else the one the article gave this person."""
        entity = self.found.entities[entity_id]
        if source is not None and via == "name":
            names = {t.i for t in source if self._mention_at(t) == entity_id}
            clauses = {t.i for c in source if c.dep_ == "relcl" for t in c.subtree}  # "who has served two terms"
            role = _clean_role(_touching([t for t in source if t.i not in names | clauses], names))
            if names and role and fold_name(role) != fold_name(entity.name):
                return role
        elif source is not None and via == "title":
            if source.text.startswith(entity.name):  # a description: the rest of it ("in Clairton, Pennsylvania")
                return _clean_role([t for t in source if t.idx >= source.start_char + len(entity.name)])
            return _clean_role(list(source))  # the title by which the article named this person here
        return self.found.roles.get(entity_id)

    def _resolve(self, attribution: Attribution) -> Resolved | None:
        if attribution.source is None:
            if not attribution.follows:
                return None
            anchor = attribution.content[0]
            found = (self._continued(attribution.content), self._recent(anchor, ("person",), attribution.content))
            entity_id = next((e for e in found if e is not None and self._may_be_talking(e, anchor)), None)
            return Resolved(self.found.entities[entity_id], self.found.roles.get(entity_id)) if entity_id else None
        source = attribution.source
        if (example := _example(source.root)) is not None:  # the example speaks, described by its own words
            source = source.doc[example.left_edge.i : example.right_edge.i + 1]
        entity_id, via = self._source_entity(source, source.start_char, attribution.content)
        if entity_id is None:
            return None
        entity = self.found.entities[entity_id]
        span = Span.of(self.text, source.start_char, source.end_char)
        pronoun = GENDERED_PRONOUNS.get(source.root.lower_) if via == "pronoun" else None
        if pronoun is not None and entity.kind == "person":
            self.genders.setdefault(entity_id, pronoun)  # type: ignore[arg-type]
        if via == "unlisted":
            start = self.text.find(entity.name, source.start_char)
            if start >= 0:  # else the name is written only before the source: the source's span stands
                span = Span.of(self.text, start, start + len(entity.name))
            via = "name"
            self.found.mentions.append(Mention(self.article_id, span, entity_id, entity.kind, via))
        elif via not in ("name", "owner"):
            self.found.mentions.append(Mention(self.article_id, span, entity_id, entity.kind, via))
        if entity.name == span.text:  # a name form; "RNC Chair Reince Priebus" is his role and name, no alias
            entity.add_alias(span.text, self.article_id)
        self.antecedents.append(_Antecedent(source.start_char, entity_id))
        return Resolved(entity, self._role(source, entity_id, via))


def _example(head: Token) -> Token | None:
    """The named example that stands for a vague group ("some, such as BOND Action", "others like Ana
    Silva"): what the article tells of who they are."""
    if not (head.pos_ in ("PRON", "DET") or head.lower_ in ("others", "many", "several")):
        return None
    for prep in (c for c in head.children if c.dep_ == "prep"):
        such = prep.lower_ == "like" or (prep.lower_ == "as" and any(c.lower_ == "such" for c in prep.children))
        named = next((c for c in prep.children if c.dep_ == "pobj" and (c.pos_ == "PROPN" or any(
            a.dep_ == "appos" and a.pos_ == "PROPN" for a in c.children))), None)  # fmt: skip
        if such and named is not None:
            return named
    return None


def _place_start(token: Token) -> int:
    """Where a place's name begins that the parser split at "and" ("Jammu and Kashmir police", with only
    Kashmir on the noun)."""
    start = token.i
    while start >= 2 and token.doc[start - 1].lower_ in ("and", "&") and token.doc[start - 2].ent_type_ in ("GPE", "LOC"):
        start -= 2
    return start


def _proper_compound(head: Token) -> list[Token]:
    """The proper nouns compounded onto a head, and the head: a name the model did not tag."""
    return [t for t in head.subtree if t.i <= head.i and (t is head or t.dep_ == "compound") and t.pos_ == "PROPN"]


def _owner_candidates(head: Token) -> Iterator[Token]:
    """Where a document's owner is written, nearest ties first: its possessor, the names compounded on it,
    the object of "of"/"from"/"by" on it, the agent of a participle on it, the subject of a clause on it."""
    children = list(head.children)
    yield from (c for c in children if c.dep_ == "poss")
    for c in children:
        if c.dep_ in _OWNER_DEPS:
            yield from (t for t in c.subtree if t.dep_ in _OWNER_DEPS or t is c)
    for c in children:
        if c.dep_ == "prep" and (c.lower_ in _OWNER_PREPOSITIONS or (c.lower_ == "in" and head.lemma_.lower() in _PIECES)):
            yield from _objects(c)
        elif c.dep_ == "acl":
            yield from (p for a in c.children if a.dep_ == "agent" for p in _objects(a))
        elif c.dep_ == "relcl":
            yield from (t for t in c.children if t.dep_ == "nsubj")
    doc = head.doc
    if head.i + 2 < len(doc) and doc[head.i + 1].lower_ in _OWNER_PREPOSITIONS:  # parsed onto the verb instead
        yield from itertools.takewhile(lambda t: not t.is_punct, doc[head.i + 2 : head.i + 8])
    yield from (t for t in head.subtree if t.dep_ == "pobj" and t.head.lower_ in ("from", "by"))  # "the statement on X from Y"


def _describing(head: Token) -> bool:
    """Is the head a noun that describes one person rather than names them: a common noun, or a capitalised
    title ("the Bavarian First Minister") or nationality ("the Bulgarian") the parser took for a name?"""
    return head.tag_ == "NN" if head.pos_ == "NOUN" else head.tag_ == "NNP" and (head.lower_ in TITLES or head.ent_type_ == "NORP")


def _possessor(token: Token) -> bool:
    """Is the token part of a name in the possessive ("Ana Silva's", with "Ana" compounded on "Silva")?"""
    while token.dep_ == "compound" and token.head is not token:
        token = token.head
    return token.dep_ == "poss"


def _sentence_before(head: Token) -> TokenSpan:
    """The sentence before the head's, past any stray quote mark parsed as a sentence."""
    before = head.doc[head.sent.start - 1].sent
    while before.start > 0 and not any(t.is_alpha for t in before):
        before = head.doc[before.start - 1].sent
    return before


def _objects(preposition: Token) -> Iterator[Token]:
    """A preposition's objects as owners: each, its possessor ("an ad of its own"), and what "one of" picks
    from ("collected by one of the agency's aircraft": the agency's)."""
    for t in (t for t in preposition.children if t.dep_ == "pobj"):
        yield t
        yield from (p for p in t.children if p.dep_ == "poss")
        for part in (p for p in t.children if t.lower_ == "one" and p.dep_ == "prep" and p.lower_ == "of"):
            yield from _objects(part)


def _appositions(head: Token) -> list[Token]:
    """What is set beside the head to say who it is ("Their leader, Ana Silva,"): an apposition, a
    conjunct with no "and" or "or" before it, as the parser sometimes takes one ("The Democrat,
    Representative Adam B. Schiff of California, said"), or the name a participle gives it ("A student
    named Wong said")."""
    coordinated = any(c.dep_ == "cc" for c in head.children)
    named = [g for c in head.children if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in _GIVING_NAMES
             for g in c.children if g.dep_ == "oprd"]  # fmt: skip
    return [c for c in head.children if c.dep_ == "appos" or (c.dep_ == "conj" and not coordinated)] + named


def _counted_as_many(head: Token) -> bool:
    """A head counted as several people by its determiner, whatever its tag ("some close to him", "many
    familiar with the talks")."""
    return any(c.dep_ in ("det", "amod", "nummod") and c.lower_ in _MANY for c in head.children)


def _one_of_group(token: Token, entity: Entity) -> bool:
    """One member described by the group's name ("the Senate's top Democrat", "a Republican"): a person,
    never the group itself."""
    return entity.kind == "group" and token.tag_ in ("NN", "NNP") and any(c.dep_ in ("det", "poss") for c in token.children)


def _qualifies(child: Token) -> bool:
    """A part after a description's noun that belongs to its name: "of"/"for"/"to" an owner, a second role
    joined by "and"; a place ("in Clairton") or a clause does not."""
    if child.dep_ in ("conj", "cc"):
        return True
    if child.dep_ != "prep":
        return False
    objects = [c for c in child.children if c.dep_ == "pobj"]
    return child.lower_ in ("of", "for", "to", "at", "on") or (bool(objects) and objects[0].ent_type_ in ("ORG", "NORP"))


def _naming(child: Token) -> bool:
    """A word that says which organisation a noun is: a proper noun compounded on it ("the Romney campaign") or a
    nationality or place ("the Iraqi military", "the Mexican government")."""
    return (child.dep_ == "compound" and child.pos_ == "PROPN") or (child.dep_ in ("amod", "compound") and child.ent_type_ in ("NORP", "GPE"))


def _name_nouns(name: str) -> list[str]:
    """The words of an organisation's name a role noun may stand for: its capitalised words and its last word."""
    words = name.split()
    return [fold_name(w) for i, w in enumerate(words) if w[:1].isupper() or i == len(words) - 1]


def _capitalised_compound(child: Token) -> bool:
    """A capitalised word compounded on a noun, which names it as a proper noun would, however the parser tagged it
    ("Livonia police say", taken for a common noun at the start of a sentence)."""
    return child.dep_ == "compound" and child.is_title


def _names_people(noun: Token) -> bool:
    """Does a common noun name people ("the lawyer", "residents", "Protesters", "the widow")? Else it is a thing
    ("The deal", "The bomb"), which neither speaks as a person nor stands for a later "he"."""
    lemma = noun.lemma_.lower()
    return is_person_role(noun) or lemma in PEOPLE_NOUNS | FEMALE_WORDS | MALE_WORDS or lemma.endswith(PERSON_SUFFIXES)


def _main_clause(verb: Token) -> bool:
    """Is this the sentence's own verb, or one joined to it ("X met Y and said"; "“…,” said X" parsed beside the
    quote's verb), rather than one of a clause inside the sentence?"""
    while verb.dep_ in ("conj", "parataxis") and verb.head is not verb:
        verb = verb.head
    return verb.dep_ == "ROOT"


def _identified(token: Token) -> bool:
    """A name that says who a bare "one" or "another" is ("One of them is Ana Silva"): what the sentence is about,
    as a subject is; not a name that only describes a subject ("The only higher court is the Supreme Court")."""
    return token.dep_ == "attr" and token.head.lemma_ == "be" and token.pos_ == "PROPN" and any(
        c.dep_ == "nsubj" and c.pos_ in ("PRON", "NUM", "DET") for c in token.head.children)


def _possessed(pronoun: str) -> str:
    """The subject pronoun of a possessive or object one ("its" -> "it", "according to him" -> "he"), to look it up."""
    return {"its": "it", "their": "they", "them": "they", "his": "he", "him": "he", "her": "she"}.get(pronoun, pronoun)

"""Who a source phrase is, without a coreference model.

Names are looked up among the article's entities; pronouns go to the most recent suitable person
or organisation outside any quote or reported content (a name inside what was said never speaks);
roles ("the NATO chief") go to the person the article gave that title, else stay a role speaker.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span as TokenSpan
from spacy.tokens import Token

from storyline.analysis.entities import ArticleEntities
from storyline.analysis.lexicon import (
    COMPANY_WORDS,
    INSTITUTION_WORDS,
    LEADER_WORDS,
    ORG_WORDS,
    PRONOUN_KINDS,
    ROLE_MODIFIERS,
    ROLE_NOUN_KINDS,
)
from storyline.analysis.names import fold_name, parse_person_name
from storyline.analysis.statements import Attribution
from storyline.model import Entity, EntityKind, Mention, Span, stable_id

_ROLE_NOISE = LEADER_WORDS | ROLE_MODIFIERS | {"the", "a", "an"}
_ROLE_POS = ("NOUN", "PROPN", "ADJ")
_ORIGIN_STEM = 3  # "Slovak" / "Slovakia", "Polish" / "Poland", "Norwegian" / "Norway"


def _fits(word: Token, titles: set[str]) -> bool:
    """Is this role word among a person's title words? Names of origin match by their stem."""
    lemma = word.lemma_.lower()
    if lemma in titles:
        return True
    if not word.text[0].isupper():
        return False
    return any(_common_prefix(lemma, t) >= max(_ORIGIN_STEM, min(len(lemma), len(t)) - 3) for t in titles)


def _common_prefix(a: str, b: str) -> int:
    return next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))


@dataclass(slots=True)
class _Antecedent:
    pos: int
    entity_id: str


@dataclass(slots=True)
class SpeakerResolver:
    """Resolves the sources of one article's attributions, in reading order."""

    article_id: str
    text: str
    found: ArticleEntities
    excluded: list[tuple[int, int]]  # quotes and reported contents: their names are not speakers
    antecedents: list[_Antecedent] = field(default_factory=list)
    last: tuple[int, str] | None = None  # where the last resolved statement ended, and who said it

    def __post_init__(self) -> None:
        self.antecedents = [
            _Antecedent(m.span.start, m.entity_id) for m in self.found.mentions if not self._excluded(m.span.start)
        ]

    def _excluded(self, pos: int) -> bool:
        return any(start <= pos < end for start, end in self.excluded)

    def _recent(self, before: int, kinds: tuple[EntityKind, ...], content: tuple[int, int]) -> str | None:
        """The latest suitable antecedent; never someone the statement itself names (they are talked about)."""
        named_inside = {m.entity_id for m in self.found.mentions if content[0] <= m.span.start < content[1]}
        best = None
        for candidate in self.antecedents:
            entity = self.found.entities[candidate.entity_id]
            if (
                candidate.pos < before
                and entity.kind in kinds
                and candidate.entity_id not in named_inside
                and (best is None or candidate.pos >= best.pos)
            ):
                best = candidate
        return best.entity_id if best else None

    def _named(self, head: Token) -> str | None:
        """The entity named at the head, or in its apposition ("Their leader, Ana Silva, said")."""
        for token in (head, *(c for c in head.children if c.dep_ == "appos")):
            for mention in self.found.mentions:
                if mention.span.start <= token.idx < mention.span.end:
                    return mention.entity_id
        return None

    def _titled(self, role: list[Token]) -> str | None:
        """The one person the article gave every word of this role ("the Slovak minister")."""
        words = [t for t in role if t.pos_ in _ROLE_POS and t.lemma_.lower() not in _ROLE_NOISE]
        if not words:
            return None
        fits = {entity for entity, titles in self.found.titles.items() if all(_fits(w, titles) for w in words)}
        return fits.pop() if len(fits) == 1 else None

    def _organisation(self, head: Token) -> str | None:
        """The one organisation of the article this role noun can mean ("the company", "the office")."""
        noun = head.lemma_.lower()
        orgs = {e.id: fold_name(e.name).split() for e in self.found.entities.values() if e.kind == "org" and " " in e.name}
        fits = {e for e, words in orgs.items() if noun in words}
        if not fits and noun in COMPANY_WORDS:
            fits = {e for e, words in orgs.items() if not INSTITUTION_WORDS.intersection(words)}
        return fits.pop() if len(fits) == 1 else None

    def _new_entity(self, source: TokenSpan, kind: EntityKind) -> str:
        name = source.text
        key = " ".join(w for w in name.casefold().split() if w not in ("the", "a", "an"))
        entity_id = stable_id(self.article_id, f"{kind}:{key}", prefix="e")
        self.found.entities.setdefault(entity_id, Entity(entity_id, name, kind))
        return entity_id

    def _role_kind(self, head: Token) -> EntityKind:
        if head.pos_ == "PROPN":
            return "person" if parse_person_name(head.text) and not head.text.isupper() else "org"
        lemma = head.lemma_.lower()
        if lemma in ORG_WORDS:
            return "org"
        return ROLE_NOUN_KINDS.get(lemma, "group" if head.tag_ in ("NNS", "NNPS") else "person")

    def _capitalised_surname(self, source: TokenSpan) -> str | None:
        """The one person whose surname a label in capitals is ("WALLACE:" in a transcript)."""
        if not source.text.isupper():
            return None
        surname = fold_name(source.text).split()[-1]
        fits = {e.id for e in self.found.entities.values() if e.kind == "person" and fold_name(e.name).split()[-1:] == [surname]}
        return fits.pop() if len(fits) == 1 else None

    def _source_entity(self, source: TokenSpan, anchor: int, content: tuple[int, int]) -> tuple[str | None, str]:
        head = source.root
        if head.tag_ in ("WP", "WDT") and head.head.dep_ == "relcl" and head.head.head is not head.head:
            antecedent = head.head.head  # "Ana Silva, who has said …": the one the clause is about
            return self._source_entity(head.doc[antecedent.i : antecedent.i + 1], anchor, content)
        named = self._named(head)
        if named:
            return named, "name"
        labelled = self._capitalised_surname(source)
        if labelled:
            return labelled, "surname"
        kinds = PRONOUN_KINDS.get(head.lower_)
        if head.pos_ == "PRON":
            return (self._recent(anchor, kinds, content), "pronoun") if kinds else (None, "pronoun")
        kind = self._role_kind(head)
        holder = self._titled(list(source)) if kind == "person" else self._organisation(head) if kind == "org" else None
        if holder:
            return holder, "title"
        return self._new_entity(source, kind), "title"

    def _continued(self, content: tuple[int, int]) -> str | None:
        """The speaker of the statement just before, when this one carries on from it: in the same
        paragraph ("…,” Obama said at the gala, where Clinton also spoke. “Tolerance…”), or in the next
        one when nobody else is named outside quotes in between."""
        if self.last is None:
            return None
        end, entity_id = self.last
        between = self.text[end : content[0]]
        if end > content[0] or len(between) > 400:
            return None
        if "\n\n" not in between:
            return entity_id
        others = {a.entity_id for a in self.antecedents if end <= a.pos < content[0]} - {entity_id}
        return None if others or between.count("\n\n") > 1 else entity_id

    def resolve(self, attribution: Attribution) -> Entity | None:
        entity = self._resolve(attribution)
        self.last = (attribution.content[1], entity.id) if entity is not None else None
        return entity

    def _resolve(self, attribution: Attribution) -> Entity | None:
        if attribution.source is None:
            if not attribution.follows:
                return None
            anchor = attribution.content[0]
            entity_id = self._continued(attribution.content) or self._recent(anchor, ("person",), attribution.content)
            return self.found.entities.get(entity_id) if entity_id else None
        source = attribution.source
        entity_id, via = self._source_entity(source, source.start_char, attribution.content)
        if entity_id is None:
            return None
        entity = self.found.entities[entity_id]
        span = Span.of(self.text, source.start_char, source.end_char)
        if via != "name":
            self.found.mentions.append(Mention(self.article_id, span, entity_id, entity.kind, via))
        if via == "title":
            entity.add_alias(span.text, self.article_id)
        self.antecedents.append(_Antecedent(source.start_char, entity_id))
        return entity

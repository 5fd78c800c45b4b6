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
from storyline.analysis.lexicon import LEADER_WORDS, PRONOUN_KINDS, ROLE_NOUN_KINDS
from storyline.analysis.names import parse_person_name
from storyline.analysis.statements import Attribution
from storyline.model import Entity, EntityKind, Mention, Span, stable_id

_ROLE_NOISE = LEADER_WORDS | {"top", "senior", "the", "a", "an"}
_ROLE_POS = ("NOUN", "PROPN", "ADJ")


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

    def __post_init__(self) -> None:
        self.antecedents = [
            _Antecedent(m.span.start, m.entity_id) for m in self.found.mentions if not self._excluded(m.span.start)
        ]

    def _excluded(self, pos: int) -> bool:
        return any(start <= pos < end for start, end in self.excluded)

    def _recent(self, before: int, kinds: tuple[EntityKind, ...]) -> str | None:
        best = None
        for candidate in self.antecedents:
            entity = self.found.entities[candidate.entity_id]
            if candidate.pos < before and entity.kind in kinds and (best is None or candidate.pos >= best.pos):
                best = candidate
        return best.entity_id if best else None

    def _named(self, head: Token) -> str | None:
        for mention in self.found.mentions:
            if mention.span.start <= head.idx < mention.span.end:
                return mention.entity_id
        return None

    def _titled(self, words: set[str], before: int) -> str | None:
        role = words - _ROLE_NOISE
        if not role:
            return None
        fits = {e for e, titles in self.found.titles.items() if role <= titles}
        latest = {a.entity_id: a.pos for a in self.antecedents if a.entity_id in fits and a.pos < before}
        if latest:
            return max(latest, key=latest.__getitem__)
        return min(fits) if len(fits) == 1 else None

    def _new_entity(self, source: TokenSpan, kind: EntityKind) -> str:
        name = source.text
        key = " ".join(w for w in name.casefold().split() if w not in ("the", "a", "an"))
        entity_id = stable_id(self.article_id, f"{kind}:{key}", prefix="e")
        self.found.entities.setdefault(entity_id, Entity(entity_id, name, kind))
        return entity_id

    def _role_kind(self, head: Token) -> EntityKind:
        if head.pos_ == "PROPN":
            return "person" if parse_person_name(head.text) and not head.text.isupper() else "org"
        return ROLE_NOUN_KINDS.get(head.lemma_.lower(), "group" if head.tag_ in ("NNS", "NNPS") else "person")

    def _source_entity(self, source: TokenSpan, anchor: int) -> tuple[str | None, str]:
        head = source.root
        named = self._named(head)
        if named:
            return named, "name"
        kinds = PRONOUN_KINDS.get(head.lower_)
        if head.pos_ == "PRON":
            return (self._recent(anchor, kinds), "pronoun") if kinds else (None, "pronoun")
        words = {t.lemma_.lower() for t in source if t.pos_ in _ROLE_POS}
        titled = self._titled(words, anchor)
        if titled:
            return titled, "title"
        return self._new_entity(source, self._role_kind(head)), "title"

    def resolve(self, attribution: Attribution) -> Entity | None:
        if attribution.source is None:
            anchor = attribution.content[0]
            entity_id = self._recent(anchor, ("person",)) if attribution.follows else None
            return self.found.entities.get(entity_id) if entity_id else None
        source = attribution.source
        entity_id, via = self._source_entity(source, source.start_char)
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

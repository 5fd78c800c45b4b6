"""Canonical identities across the corpus: one entity per real person or organisation.

Article-local entities are matched to the registry by name logic (`names.py`), so "Jen Stoltenberg"
in one outlet and "Jens Stoltenberg" in another become one entity whose id, once given, never
changes, while its display name follows the best-attested spelling.
"""

from __future__ import annotations

from collections.abc import Iterable

from storyline.analysis.names import PersonName, best_name, fold_name, full_form, is_short_form, parse_person_name, same_person, short_form_keys, surname_keys
from storyline.model import Article, Entity, Speaker, stable_id


def _person_names(entity: Entity) -> list[PersonName]:
    return [name for form in entity.aliases if (name := parse_person_name(form))]


def _choose_name(entity: Entity) -> str:
    counts = {form: len(ids) for form, ids in entity.aliases.items()}
    if entity.kind == "person":
        named = {form: n for form, n in counts.items() if parse_person_name(form)}
        return best_name(named) if named else entity.name
    return full_form(counts) if counts else entity.name


class EntityRegistry:
    """Every canonical entity of the corpus, rebuilt from the store at the start of a run."""

    def __init__(self, entities: Iterable[Entity] = ()) -> None:
        self._entities: dict[str, Entity] = {}
        self._keys: dict[tuple[str, str], str] = {}
        self._surnames: dict[str, set[str]] = {}  # surname key -> persons whose name ever had that surname
        self._short_forms: dict[str, set[str]] = {}  # short-form key -> organisations with a form under it
        self._order: dict[str, int] = {}  # entity id -> when it was registered: ties go to the earliest
        self._changed: set[str] = set()
        for entity in entities:
            self._entities[entity.id] = entity
            self._index(entity)

    def _index(self, entity: Entity) -> None:
        self._order.setdefault(entity.id, len(self._order))
        if entity.kind != "person":
            for form in entity.aliases:
                self._keys.setdefault((entity.kind, fold_name(form)), entity.id)
                for key in short_form_keys(form) if entity.kind == "org" else ():
                    self._short_forms.setdefault(key, set()).add(entity.id)
        elif canonical := parse_person_name(entity.name):  # a renamed entity keeps its old keys too: they are checked
            for key in surname_keys(canonical.surname):
                self._surnames.setdefault(key, set()).add(entity.id)

    def _match_person(self, local: Entity) -> str | None:
        names = _person_names(local)
        if not names:
            return None  # a role ("the minister") names different people in different articles
        fullest = max(names, key=lambda n: len(n.full.split()))
        candidates = {eid for key in surname_keys(fullest.surname) for eid in self._surnames.get(key, ())}
        fits = [
            entity
            for entity in (self._entities[eid] for eid in sorted(candidates, key=self._order.__getitem__))
            if (canonical := parse_person_name(entity.name)) and same_person(fullest, canonical)
        ]
        if len(fits) == 1 or (fits and fullest.first):
            return max(fits, key=lambda e: sum(len(ids) for ids in e.aliases.values())).id
        return None

    def _match(self, local: Entity) -> str | None:
        if local.kind == "person":
            return self._match_person(local)
        exact = next((self._keys[k] for form in local.aliases if (k := (local.kind, fold_name(form))) in self._keys), None)
        return exact or (self._match_short_form(local) if local.kind == "org" else None)

    def _match_short_form(self, local: Entity) -> str | None:
        """The one organisation whose name this one shortens or expands ("Kestrel" / "Kestrel Chemical Storage")."""
        candidates = {eid for form in local.aliases for key in short_form_keys(form) for eid in self._short_forms.get(key, ())}
        fits = {
            eid
            for eid in candidates
            if any(is_short_form(a, b) or is_short_form(b, a) for a in local.aliases for b in self._entities[eid].aliases)
        }
        return fits.pop() if len(fits) == 1 else None

    def _create(self, local: Entity, article_id: str) -> str:
        scope = () if _person_names(local) or local.kind != "person" else (article_id,)
        entity_id = stable_id("entity", local.kind, fold_name(local.name), *scope, prefix="e")
        if entity_id in self._entities:  # a namesake already holds this id
            entity_id = stable_id("entity", local.kind, fold_name(local.name), article_id, prefix="e")
        self._entities[entity_id] = Entity(entity_id, local.name, local.kind)
        return entity_id

    def canonicalise(self, article: Article) -> None:
        """Point the article's entities, mentions and speakers at canonical corpus entities."""
        mapping: dict[str, str] = {}
        for local in article.entities.values():
            canonical_id = self._match(local) or self._create(local, article.id)
            canonical = self._entities[canonical_id]
            for form, ids in local.aliases.items():
                for article_id in ids:
                    canonical.add_alias(form, article_id)
            canonical.name = _choose_name(canonical)
            self._index(canonical)
            self._changed.add(canonical_id)
            mapping[local.id] = canonical_id
        article.entities = {cid: self._entities[cid] for cid in mapping.values()}
        for mention in article.mentions:
            mention.entity_id = mapping.get(mention.entity_id, mention.entity_id)
        for statement in article.statements:
            if statement.speaker is not None and statement.speaker.id in mapping:
                entity = self._entities[mapping[statement.speaker.id]]
                statement.speaker = Speaker(entity.id, entity.name, entity.kind)

    def entities(self) -> list[Entity]:
        return list(self._entities.values())

    def changed(self) -> list[Entity]:
        """Entities touched since the last call, so the store saves only those."""
        touched = [self._entities[i] for i in sorted(self._changed)]
        self._changed.clear()
        return touched

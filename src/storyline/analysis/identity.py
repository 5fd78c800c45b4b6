"""Canonical identities across the corpus: one entity per real person or organisation.

Article-local entities are matched to the registry by name logic (`names.py`), so "Jen Stoltenberg"
in one outlet and "Jens Stoltenberg" in another become one entity whose id, once given, never
changes, while its display name follows the best-attested spelling.

A stream names new people every day, so the registry holds only what matching needs (a name and how
many articles wrote each form), and only for the entities it met recently. The rest is in its memory,
the store in a run, which files every entity under its lookup keys with the order it was registered
in: memory does not grow with the corpus, and a restarted run matches exactly as an uninterrupted one.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from typing import Protocol

from storyline.analysis.names import (
    NICKNAMES, PersonName, best_name, fold_name, form_rank, is_short_form, name_size, org_keys, parse_person_name, plain, same_person,
    short_form_keys, short_forms, surname_keys,
)  # fmt: skip
from storyline.model import Article, Entity, EntityKey, EntityKind, Speaker, stable_id

# Entities whose names and form counts stay in this process: many weeks of the names news repeats.
CACHE_SIZE = 50_000
_ESTABLISHED = 2  # a short form written in more than this many times the articles of the full name is the name


@dataclass(slots=True)
class KnownEntity:
    """What matching needs of a canonical entity: its name and how many articles wrote each form."""

    id: str
    name: str
    kind: EntityKind
    seq: int | None = None  # when it was first filed under a key; a role ("the minister") never is
    forms: dict[str, int] = field(default_factory=dict)
    filed: bool = True  # False for a name only its article can resolve (below), which no other will look up
    filed_as: str | None = None  # the name a person was last filed under, in this process
    never_names: frozenset[str] | None = None  # forms that cannot be its name, as of the last full choice here

    @property
    def attestations(self) -> int:
        return sum(self.forms.values())


@dataclass(slots=True)
class EntityChanges:
    """What canonicalising changed: each entity named, with only the new forms (and the articles that
    wrote them), and the keys newly filed. The pipeline saves them in the article's own transaction."""

    entities: list[Entity]
    keys: list[EntityKey]


class EntityMemory(Protocol):
    """Where the registry finds entities it does not hold: the store in a run, `InMemoryEntities` without one."""

    def filed(self, space: str, keys: Collection[str], limit: int | None = None) -> list[tuple[str, int, str]]:
        """(id, seq, name) of each entity filed under one of `keys` in `space`, the earliest registered
        first; with `limit`, only that many."""
        ...

    def known(self, entity_id: str) -> KnownEntity | None: ...

    def last_seq(self) -> int:
        """The highest seq given so far; -1 before the first."""
        ...

    def save(self, changes: EntityChanges) -> None:
        """Keep what canonicalising changed; a memory that is the store may ignore it, as the pipeline
        saves it with the article."""
        ...


class InMemoryEntities:
    """Every entity in this process with all its aliases: analysis without a store, and tests."""

    def __init__(self) -> None:
        self._entities: dict[str, Entity] = {}
        self._seq: dict[str, int] = {}
        self._filed: dict[tuple[str, str], set[str]] = {}

    def filed(self, space: str, keys: Collection[str], limit: int | None = None) -> list[tuple[str, int, str]]:
        ids = sorted({eid for key in keys for eid in self._filed.get((space, key), ())}, key=self._seq.__getitem__)
        return [(eid, self._seq[eid], self._entities[eid].name) for eid in ids[:limit]]

    def known(self, entity_id: str) -> KnownEntity | None:
        if (e := self._entities.get(entity_id)) is None:
            return None
        return KnownEntity(e.id, e.name, e.kind, self._seq.get(e.id), {f: len(ids) for f, ids in e.aliases.items()})

    def last_seq(self) -> int:
        return max(self._seq.values(), default=-1)

    def save(self, changes: EntityChanges) -> None:
        for entity in changes.entities:
            stored = self._entities.setdefault(entity.id, Entity(entity.id, entity.name, entity.kind))
            stored.name = entity.name
            for form, ids in entity.aliases.items():
                for article_id in ids:
                    stored.add_alias(form, article_id)
        for k in changes.keys:
            self._seq.setdefault(k.entity_id, k.seq)
            self._filed.setdefault((k.space, k.key), set()).add(k.entity_id)

    def entities(self) -> list[Entity]:
        return list(self._entities.values())


# Candidates read at first for a lone surname: two that fit already make it ambiguous.
LONE_SURNAME_LOOKAHEAD = 16


def first_name_keys(first: str | None) -> set[str]:
    """Keys shared by every first name `compatible_first_names` accepts, but for a slip in the first
    letter ("Hens" for "Jens"): the initial, and the initial of the full name a nickname stands for."""
    if first is None or not (folded := first.casefold().rstrip(".")):
        return {"?"}
    return {folded[0], NICKNAMES.get(folded, folded)[0]}


def _named_keys(name: PersonName, first_names: set[str]) -> list[str]:
    return sorted(f"{surname} {first}" for surname in surname_keys(name.surname) for first in first_names)


def filing_keys(kind: EntityKind, name: str, forms: Iterable[str]) -> list[tuple[str, str]]:
    """(space, key) pairs an entity is found under: a person by its name's surname, and by surname and
    first name (a renamed one keeps its old keys too: they are checked), anything else by each of its
    forms, folded, and an organisation also by the short forms of its names."""
    if kind == "person":
        if (canonical := parse_person_name(name)) is None:
            return []
        surnames = [("person:surname", key) for key in sorted(surname_keys(canonical.surname))]
        return surnames + [("person:named", key) for key in _named_keys(canonical, first_name_keys(canonical.first))]
    forms = list(forms)
    keys = [(f"{kind}:form", key) for form in forms for key in _form_keys(kind, form)]
    if kind == "org":
        keys += [("org:short", key) for form in forms for key in sorted(short_form_keys(form))]
    return keys


def _form_keys(kind: EntityKind, form: str) -> list[str]:
    """Keys a non-person entity is filed and looked up under: its folded form, and an organisation's
    name variants (`org_keys`)."""
    return sorted(org_keys(form)) if kind == "org" else [fold_name(form)]


def _person_names(entity: Entity) -> list[PersonName]:
    return [name for form in entity.aliases if (name := parse_person_name(form))]


def _never_names(entity: KnownEntity) -> frozenset[str]:
    """A person's forms that are no person's name; an organisation's or place's short forms. A form
    stays one as forms are added."""
    if entity.kind == "person":
        return frozenset(form for form in entity.forms if not parse_person_name(form))
    return frozenset(short_forms(entity.forms))


def _best(entity: KnownEntity, candidates: list[str]) -> str:
    """The best name of `candidates`: a person's by `best_name`, anything else's by `form_rank` (ties to the first)."""
    if entity.kind == "person":
        return best_name(entity.forms, candidates)
    return max(candidates, key=lambda form: form_rank(form, entity.forms))


def _choose_name(entity: KnownEntity) -> str:
    entity.never_names = _never_names(entity)
    usable = [form for form in entity.forms if form not in entity.never_names]
    best = _best(entity, usable) if usable else entity.name
    if entity.kind == "person" or best not in entity.forms:
        return best
    established = [
        form for form in entity.never_names
        if len(form.split()) > 1 and entity.forms[form] > _ESTABLISHED * entity.forms[best] and is_short_form(form, best)
    ]  # fmt: skip
    # "Associated Press" in many articles, "Associated Press of bank" (a tagging slip) in one: the short form is the name
    return _best(entity, established) if established else best


def _rename(entity: KnownEntity, counted: Collection[str], fresh: bool) -> None:
    """Choose the entity's name again after an article counted `counted`.

    The full choice is O(forms) and runs for every mention. When the article wrote no new form, the
    name is still the best of the same forms but for the counts just raised, so only one of those
    can overtake it; ties go to the form written first, as in the full choice. A part of a person's
    name written alone ("Cowan") confirms every form holding it, so it needs the full choice.
    """
    never = entity.never_names or frozenset()
    shortened = entity.kind != "person" and (entity.name in never or any(form in never for form in counted))
    confirming = entity.kind == "person" and any(name_size(form) < name_size(entity.name) for form in counted)
    if fresh or shortened or confirming or entity.never_names is None or entity.name not in entity.forms:
        entity.name = _choose_name(entity)
        return
    contenders = [entity.name, *(form for form in counted if form not in entity.never_names)]
    if entity.kind == "person":
        entity.name = best_name(entity.forms, contenders)  # a tie is broken by the forms themselves
        return
    top = max(form_rank(form, entity.forms) for form in contenders)
    tied = [form for form in contenders if form_rank(form, entity.forms) == top]
    if len(tied) > 1:
        order = {form: i for i, form in enumerate(entity.forms)}
        tied.sort(key=order.__getitem__)
    entity.name = tied[0]


def _other_full_name(local: Entity, known: KnownEntity) -> bool:
    """Do the two bear full names neither of which shortens the other ("Amazon Web Services", "Amazon
    Environmental Research Institute")? Then they are two organisations that share a short form."""
    mine = [form for form in local.aliases if form not in short_forms(local.aliases)]
    theirs = [form for form in known.forms if form not in (known.never_names or short_forms(known.forms))]
    return any(
        fold_name(a) != fold_name(b) and not (is_short_form(a, b) or is_short_form(b, a)) and len(a.split()) > 1 < len(b.split())
        for a in mine for b in theirs
    )  # fmt: skip


def _writes_surname(entity: KnownEntity, surname: str) -> bool:
    """Has the entity been written with this surname, letter for letter?"""
    return any((name := parse_person_name(form)) and plain(name.surname) == plain(surname) for form in entity.forms)


def _father(fits: list[KnownEntity]) -> list[KnownEntity]:
    """Of a father and the sons named after him, the father alone: a son is told apart by his suffix
    ("Donald Trump Jr."), so a lone surname without one ("Trump") is the father, as his full name is."""
    names = [parse_person_name(e.name) for e in fits]
    unsuffixed = [(e, n) for e, n in zip(fits, names, strict=True) if n is not None and n.suffix is None and n.first]
    if len(fits) < 2 or len(unsuffixed) != 1:
        return fits
    father, name = unsuffixed[0]
    sons = [n for e, n in zip(fits, names, strict=True) if e is not father]
    named_after = all(n is not None and n.suffix and n.first and plain(n.first) == plain(name.first) for n in sons)
    return [father] if named_after else fits


class EntityRegistry:
    """Every canonical entity of the corpus, found through `memory`; those met recently are cached here."""

    def __init__(self, memory: EntityMemory | None = None, cache_size: int = CACHE_SIZE) -> None:
        self.memory: EntityMemory = memory if memory is not None else InMemoryEntities()
        self.cache_size = cache_size
        self._cache: OrderedDict[str, KnownEntity] = OrderedDict()
        self._next_seq = self.memory.last_seq() + 1
        self._changed: dict[str, Entity] = {}  # entity id -> its new forms, since the last `changes`
        self._filed: dict[tuple[str, str], dict[str, int]] = {}  # keys filed since then -> {entity id: seq}
        self._here: set[str] = set()  # the entities of the article being canonicalised

    def _known(self, entity_id: str) -> KnownEntity | None:
        if (cached := self._cache.get(entity_id)) is not None:
            self._cache.move_to_end(entity_id)
            return cached
        if (found := self.memory.known(entity_id)) is not None:
            self._cache[entity_id] = found
        return found

    def _entity(self, entity_id: str) -> KnownEntity:
        found = self._known(entity_id)
        if found is None:
            raise LookupError(f"entity {entity_id} is filed under a key but is not stored")
        return found

    def _candidates(self, space: str, keys: Collection[str], limit: int | None = None) -> list[tuple[str, str]]:
        """(id, name) of the entities filed under `keys`, the earliest registered first (with `limit`,
        that many from the memory, and all those not saved yet)."""
        found = {eid: (seq, name) for eid, seq, name in self.memory.filed(space, keys, limit)}
        for key in keys:
            for eid, seq in self._filed.get((space, key), {}).items():
                found.setdefault(eid, (seq, ""))
        ranked = sorted((seq, eid, cached.name if (cached := self._cache.get(eid)) else name) for eid, (seq, name) in found.items())
        return [(eid, name) for _, eid, name in ranked]

    def _match_person(self, local: Entity) -> KnownEntity | None:
        names = _person_names(local)
        if not names:
            return None  # a role ("the minister") names different people in different articles
        fullest = max(names, key=lambda n: len(n.full.split()))
        if fullest.first:  # the namesakes whose first names could be this one, the most written of them
            keys = _named_keys(fullest, first_name_keys(fullest.first) | {"?"})
            fits = self._fits(fullest, self._candidates("person:named", keys))
            return max(fits, key=lambda e: e.attestations) if fits else None
        # A lone surname joins the one person it fits; two that fit are enough to leave it alone.
        keys = surname_keys(fullest.surname)
        found = self._candidates("person:surname", keys, LONE_SURNAME_LOOKAHEAD)
        fits = self._fits(fullest, found)
        if len(fits) < 2 and len(found) >= LONE_SURNAME_LOOKAHEAD:
            fits = self._fits(fullest, self._candidates("person:surname", keys))
        fits = _father(fits) if fullest.suffix is None else fits
        return fits[0] if len(fits) == 1 else None

    def _fits(self, name: PersonName, candidates: list[tuple[str, str]]) -> list[KnownEntity]:
        """The entities `name` can be: those that wrote its surname exactly, when any; else those one slip away
        whose given names agree with it, or named in the same article. A lone "Osama" elsewhere may be another
        man as well as a misspelt Obama."""
        fits = [
            (self._entity(eid), canonical) for eid, form in candidates if (canonical := parse_person_name(form)) and same_person(name, canonical)
        ]  # fmt: skip
        written = [entity for entity, _ in fits if _writes_surname(entity, name.surname)]
        return written or [entity for entity, canonical in fits if (name.first and canonical.first) or entity.id in self._here]

    def _match(self, local: Entity) -> KnownEntity | None:
        if local.described:
            return None  # "the spokeswoman" of one article is nobody in particular in the next
        if local.kind == "person":
            return self._match_person(local)
        for form in local.aliases:
            if exact := self._candidates(f"{local.kind}:form", _form_keys(local.kind, form)):
                return self._entity(exact[0][0])
        return self._match_short_form(local) if local.kind == "org" else None

    def _match_short_form(self, local: Entity) -> KnownEntity | None:
        """The one organisation whose name this one shortens or expands ("Kestrel" / "Kestrel Chemical Storage")."""
        keys = {key for form in local.aliases for key in short_form_keys(form)}
        candidates = [self._entity(eid) for eid, _ in self._candidates("org:short", keys)]
        fits = [
            e for e in candidates
            if any(is_short_form(a, b) or is_short_form(b, a) for a in local.aliases for b in e.forms) and not _other_full_name(local, e)
        ]  # fmt: skip
        return fits[0] if len(fits) == 1 else None

    def _create(self, local: Entity, article_id: str) -> KnownEntity:
        named = not local.described and (_person_names(local) or local.kind != "person")
        scope = () if named else (article_id,)
        entity_id = stable_id("entity", local.kind, fold_name(local.name), *scope, prefix="e")
        filed = not local.described
        if self._known(entity_id) is not None:
            # A namesake holds this id, and this name fitted no one or several ("Vell" among two Vells):
            # like a role, it is this article's own, and filing it would make every later Vell ambiguous.
            entity_id = stable_id("entity", local.kind, fold_name(local.name), article_id, prefix="e")
            filed = False
        created = KnownEntity(entity_id, local.name, local.kind, filed=filed)
        self._cache[entity_id] = created
        return created

    def _file(self, entity: KnownEntity, fresh_forms: list[str]) -> None:
        """File what is new: a person under a name it was not filed under, anything else under new forms."""
        if not entity.filed or (entity.kind == "person" and entity.name == entity.filed_as):
            return
        entity.filed_as = entity.name
        keys = filing_keys(entity.kind, entity.name, fresh_forms)
        if keys and entity.seq is None:
            entity.seq, self._next_seq = self._next_seq, self._next_seq + 1
        for space_key in keys:
            self._filed.setdefault(space_key, {})[entity.id] = entity.seq  # type: ignore[assignment]

    def canonicalise(self, article: Article) -> None:
        """Point the article's entities, mentions and speakers at canonical corpus entities; the
        article keeps, per entity, the forms it wrote itself."""
        mapping: dict[str, KnownEntity] = {}
        self._here = set()
        for local in article.entities.values():
            canonical = self._match(local) or self._create(local, article.id)
            new = self._changed.setdefault(canonical.id, Entity(canonical.id, canonical.name, canonical.kind))
            fresh = [form for form in local.aliases if form not in canonical.forms]
            counted = []
            for form, ids in local.aliases.items():
                unseen = ids - new.aliases.get(form, set())
                canonical.forms[form] = canonical.forms.get(form, 0) + len(unseen)
                for article_id in unseen:
                    new.add_alias(form, article_id)
                if unseen:
                    counted.append(form)
            _rename(canonical, counted, bool(fresh))
            new.name = canonical.name
            self._file(canonical, fresh)
            mapping[local.id] = canonical
            self._here.add(canonical.id)
        article.entities = {
            e.id: Entity(e.id, e.name, e.kind, {f: {article.id} for f, ids in self._changed[e.id].aliases.items() if article.id in ids})
            for e in mapping.values()
        }
        for mention in article.mentions:
            if mention.entity_id in mapping:
                mention.entity_id = mapping[mention.entity_id].id
        for statement in article.statements:
            if statement.speaker is not None and statement.speaker.id in mapping:
                entity = mapping[statement.speaker.id]
                statement.speaker = Speaker(entity.id, entity.name, entity.kind, statement.speaker.role)

    def changes(self) -> EntityChanges:
        """What canonicalising changed since the last call, handed to the memory (and to the caller, to save)."""
        changes = EntityChanges(
            list(self._changed.values()),
            [EntityKey(space, key, eid, seq) for (space, key), ids in self._filed.items() for eid, seq in ids.items()],
        )
        self.memory.save(changes)
        self._changed.clear()
        self._filed.clear()
        while len(self._cache) > self.cache_size:
            self._cache.popitem(last=False)
        return changes

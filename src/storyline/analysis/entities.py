"""Article-local entities: spaCy's names, repaired with the article's own evidence, then grouped.

The small model mislabels ("Stoltenberg" as ORG, "Afghanistan Zalmay Khalilzad" as one ORG) and
misses names after titles; a surname already seen on a PERSON, or a title before a capitalised
word, is stronger evidence than the model's guess.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token
from spacy.tokens import Span as TokenSpan

from storyline.analysis.lexicon import LABEL_KINDS
from storyline.analysis.names import TITLES, PersonName, best_name, parse_person_name, same_person, similar_word
from storyline.model import Entity, EntityKind, Mention, Span, stable_id

_TITLE_LINKS = frozenset({"for", "of"})


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


def _is_name_token(token: Token) -> bool:
    return token.is_alpha and token.text[0].isupper()


def _is_title(token: Token) -> bool:
    return token.text[0].isupper() and (token.lower_.rstrip(".") in TITLES or token.lemma_.lower() in TITLES)


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop determiners, bullets, titles and possessives from a name's edges."""
    while start < end and (not doc[start].is_alpha or doc[start].pos_ == "DET" or _is_title(doc[start])):
        start += 1
    while end > start and not doc[end - 1].is_alpha:
        end -= 1
    return start, end


def _raw_spans(doc: Doc) -> list[NameSpan]:
    found = []
    for ent in doc.ents:
        kind = LABEL_KINDS.get(ent.label_)
        if kind is None:
            continue
        titled = any(_is_title(t) for t in ent) and _is_name_token(ent[-1]) and not _is_title(ent[-1])
        start, end = _trim(doc, ent.start, ent.end)
        if start < end:
            found.append(NameSpan(start, end, "person" if titled else kind))
    return found


def _titled_names(doc: Doc, taken: set[int]) -> list[NameSpan]:
    """Capitalised words after a title that NER missed ("(Ambassador Khalizad)")."""
    found = []
    for token in doc:
        if not _is_title(token):
            continue
        end = token.i + 1
        while end < len(doc) and _is_title(doc[end]):
            end += 1
        start = end
        while end < len(doc) and doc[end].pos_ == "PROPN" and _is_name_token(doc[end]) and not _is_title(doc[end]):
            end += 1
        if start < end and not taken.intersection(range(start, end)):
            found.append(NameSpan(start, end, "person"))
    return found


def _repair(doc: Doc, spans: list[NameSpan]) -> list[NameSpan]:
    """Relabel or split names whose surname is a known person's surname."""
    surnames = {doc[s.end - 1].text for s in spans if s.kind == "person"}
    other_names = {doc[s.start : s.end].text for s in spans if s.kind != "person"}
    repaired = []
    for span in spans:
        last = doc[span.end - 1].text
        if span.kind == "person" or not any(similar_word(last, known) for known in surnames):
            repaired.append(span)
            continue
        start = span.end - 1
        while start > span.start and _is_name_token(doc[start - 1]) and doc[start - 1].text not in other_names:
            start -= 1
        repaired.append(NameSpan(start, span.end, "person"))
    return repaired


def _known_surnames(doc: Doc, spans: list[NameSpan]) -> list[NameSpan]:
    """Lone surnames of the article's people that NER left untagged."""
    surnames = {doc[s.end - 1].text for s in spans if s.kind == "person" and s.end - s.start > 1}
    taken = {i for s in spans for i in range(s.start, s.end)}
    return [NameSpan(t.i, t.i + 1, "person") for t in doc if t.text in surnames and t.i not in taken]


def find_names(doc: Doc) -> list[NameSpan]:
    spans = _raw_spans(doc)
    taken = {i for s in spans for i in range(s.start, s.end)}
    spans = _repair(doc, spans + _titled_names(doc, taken))
    return sorted(spans + _known_surnames(doc, spans), key=lambda s: s.start)


def _cluster_key(kind: EntityKind, form: str) -> str:
    words = form.casefold().split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def _cluster(doc: Doc, spans: list[NameSpan]) -> list[_Cluster]:
    clusters: list[_Cluster] = []
    by_key: dict[tuple[str, str], _Cluster] = {}
    # Full names first, so a lone surname can join the one person it abbreviates.
    for span in sorted(spans, key=lambda s: (-(s.end - s.start), s.start)):
        tokens = doc[span.start : span.end]
        person = parse_person_name(tokens.text) if span.kind == "person" else None
        if person is not None:
            fits = [c for c in clusters if c.person and same_person(person, c.person)]
            cluster = fits[0] if len(fits) == 1 or (fits and person.first) else None
            if cluster is None:
                cluster = _Cluster("person", person.full.casefold(), person)
                clusters.append(cluster)
        else:
            kind = "other" if span.kind == "person" else span.kind
            key = (kind, _cluster_key(kind, tokens.text))
            cluster = by_key.get(key)
            if cluster is None:
                cluster = by_key[key] = _Cluster(kind, key[1], None)
                clusters.append(cluster)
        cluster.forms[tokens.text] += 1
        cluster.spans.append(tokens)
    return clusters


def _title_words(doc: Doc, name: TokenSpan) -> set[str]:
    """Words of the titles and appositions the article attaches to a name."""
    words: set[str] = set()
    i = name.start - 1
    sentence_start = name.sent.start
    while i >= sentence_start and (
        _is_title(doc[i]) or doc[i].pos_ == "PROPN" or (doc[i].lower_ in _TITLE_LINKS and i > sentence_start and doc[i - 1].text[0].isupper())
    ):
        words.add(doc[i].lemma_.lower())
        i -= 1
    root = name.root
    phrases = [child.subtree for child in root.children if child.dep_ == "appos"]
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        phrases.append(t for t in root.head.subtree if t.i < name.start)
    for phrase in phrases:
        words.update(t.lemma_.lower() for t in phrase if t.pos_ in ("NOUN", "PROPN", "ADJ") and t.i not in range(name.start, name.end))
    return words - _TITLE_LINKS


def build_entities(article_id: str, text: str, doc: Doc) -> ArticleEntities:
    entities: dict[str, Entity] = {}
    mentions: list[Mention] = []
    titles: dict[str, set[str]] = {}
    for cluster in _cluster(doc, find_names(doc)):
        entity_id = stable_id(article_id, f"{cluster.kind}:{cluster.key}", prefix="e")
        name = best_name(cluster.forms) if cluster.person else cluster.forms.most_common(1)[0][0]
        entity = entities[entity_id] = Entity(entity_id, name, cluster.kind)
        full = len(name.split()) > 1
        for tokens in cluster.spans:
            entity.add_alias(tokens.text, article_id)
            via = "surname" if cluster.person and full and len(tokens) == 1 else "name"
            span = Span.of(text, tokens.start_char, tokens.end_char)
            mentions.append(Mention(article_id, span, entity_id, cluster.kind, via))
            if cluster.person:
                titles.setdefault(entity_id, set()).update(_title_words(doc, tokens))
    mentions.sort(key=lambda m: m.span.start)
    return ArticleEntities(entities, mentions, titles)

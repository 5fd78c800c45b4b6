"""What the relate stage remembers about an article: enough to place later articles without re-reading it.

Features are computed once per article and stored (`to_record`), so a later run can cluster new
articles against old ones from the store alone.
"""

from __future__ import annotations

import io
import json
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

import numpy as np
from datasketch import MinHash

from storyline.model import Article, normalise_text
from storyline.relate.embeddings import DOCUMENT_DIM, embed_documents, lead_text
from storyline.relate.events import dates_in, is_venue

NUM_PERM = 128
MINHASH_SCHEME = "affine32"  # named, so stored hash values are rebuilt with the scheme that made them
SHINGLE_WORDS = 5
ACTOR_KINDS = frozenset({"person", "org"})
KEY_ACTOR_MIN_MENTIONS = 2
LEAD_WINDOW = 400  # an actor named this early is a main actor even if named once
LABEL_CHARS = 90
# The participant an article is about: the person or organisation named most, a title or lead mention
# counting extra. Two reports of one kind of event (two stars entering rehab) differ in it.
PARTICIPANT_KINDS = frozenset({"person", "org"})
PARTICIPANT_LEAD_BONUS = 2
PARTICIPANT_MIN_WEIGHT = 3
NAME_WORD = re.compile(r"\b[A-Z][A-Za-z'-]+")
NAME_PARTICLES = frozenset({"de", "da", "del", "van", "von", "der", "bin", "al", "la", "le"})
NOT_A_NAME = frozenset({"the", "a", "an"})  # "The officer who fired": a description, not a name

@dataclass(slots=True)
class ArticleFeatures:
    """One article reduced to the signals that decide whether it reports the same event as another."""

    article_id: str
    published: date | None
    outlet: str | None
    title: str
    embedding: np.ndarray  # float32, unit norm, from the document model (`embed_documents`)
    minhash: np.ndarray  # datasketch MinHash hash values over word 5-shingles
    shingles: int = 0  # how many distinct shingles the sketch summarises; 0 when unknown (older records)
    actors: frozenset[str] = frozenset()  # canonical ids of persons and organisations
    key_actors: frozenset[str] = frozenset()  # the actors the article is about (prominent ones)
    names: dict[str, str] = field(default_factory=dict)  # actor id -> display name, for labels
    places: frozenset[str] = frozenset()  # every place named, normalised
    venues: frozenset[str] = frozenset()  # places named as where the event happened
    dates: frozenset[str] = frozenset()  # ISO dates the text refers to, resolved against `published`
    participants: frozenset[str] = frozenset()  # name words of the main participant ("lohan")
    name_words: frozenset[str] = frozenset()  # every capitalised word, folded: who else the text names


def parse_published(value: str | None) -> date | None:
    """The calendar date of an ISO date or datetime; None when absent or unreadable."""
    if not value:
        return None
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def shingle_set(text: str) -> set[str]:
    words = normalise_text(text).split()
    return {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(max(1, len(words) - SHINGLE_WORDS + 1))}


def _sketch(shingles: set[str]) -> np.ndarray:
    sketch = MinHash(num_perm=NUM_PERM, scheme=MINHASH_SCHEME)
    sketch.update_batch([s.encode("utf-8") for s in shingles])
    return np.asarray(sketch.hashvalues).copy()


def _label(article: Article) -> str:
    """The headline, else the opening words: a story needs something a reader recognises."""
    if article.title and article.title.strip():
        return article.title.strip()
    opening = " ".join(article.text.split())[:LABEL_CHARS]
    return opening.rsplit(" ", 1)[0] if len(opening) == LABEL_CHARS else opening


def _occurrences(article: Article, kinds: frozenset[str]) -> list[tuple[str, int, int]]:
    """(entity id, start, end) for each mention, falling back to name matches for unmentioned entities."""
    found = [(m.entity_id, m.span.start, m.span.end) for m in article.mentions if m.kind in kinds]
    mentioned = {entity_id for entity_id, _, _ in found}
    for entity in article.entities.values():
        if entity.kind in kinds and entity.id not in mentioned and entity.name.strip():
            pattern = re.compile(rf"\b{re.escape(entity.name.strip())}\b")
            found += [(entity.id, m.start(), m.end()) for m in pattern.finditer(article.text)]
    return found


def _actors(article: Article) -> tuple[frozenset[str], frozenset[str], dict[str, str]]:
    occurrences = _occurrences(article, ACTOR_KINDS)
    counts = Counter(entity_id for entity_id, _, _ in occurrences)
    title = article.title or ""
    names = {e.id: e.name for e in article.entities.values() if e.kind in ACTOR_KINDS}
    early = {entity_id for entity_id, start, _ in occurrences if start < LEAD_WINDOW}
    in_title = {entity_id for entity_id, name in names.items() if name and name in title}
    key = {a for a, n in counts.items() if n >= KEY_ACTOR_MIN_MENTIONS} | early | in_title
    actors = frozenset(counts) | frozenset(in_title)
    return actors, frozenset(key & actors), {a: names.get(a, a) for a in sorted(actors)}


def _proper_words(name: str) -> list[str]:
    """The folded words of a proper name; none when the name is a description ("a friend of the actress")."""
    words = name.split()
    if not words or words[0].lower() in NOT_A_NAME:
        return []
    if any(not w[0].isupper() and w.lower() not in NAME_PARTICLES for w in words):
        return []
    return [_fold_name_word(w) for w in NAME_WORD.findall(name)]


def _participants(article: Article) -> frozenset[str]:
    """The words naming the main participant: a person by surname, an organisation by its whole name."""
    weights: Counter[str] = Counter(m.entity_id for m in article.mentions if m.kind in PARTICIPANT_KINDS)
    head = f"{article.title or ''}\n{article.text[:LEAD_WINDOW]}"
    for entity in article.entities.values():
        if entity.kind in PARTICIPANT_KINDS and entity.name.strip() and entity.name in head:
            weights[entity.id] += PARTICIPANT_LEAD_BONUS
    for entity_id, weight in weights.most_common():
        entity = article.entities.get(entity_id)
        if weight < PARTICIPANT_MIN_WEIGHT:
            break
        words = _proper_words(entity.name) if entity else []
        if words:
            return frozenset(words[-1:] if entity.kind == "person" else words)
    return frozenset()


def _fold_name_word(word: str) -> str:
    """"Dell's" and "Pelicans'" name Dell and the Pelicans."""
    word = word.lower()
    return word[:-2] if word.endswith("'s") else word.rstrip("'")


def name_words(text: str) -> frozenset[str]:
    return frozenset(_fold_name_word(w) for w in NAME_WORD.findall(text))


def _places(article: Article) -> tuple[frozenset[str], frozenset[str]]:
    names = {e.id: e.name for e in article.entities.values()}
    places: set[str] = set()
    venues: set[str] = set()
    for entity_id, start, end in _occurrences(article, frozenset({"place"})):
        name = normalise_text(names.get(entity_id) or article.text[start:end])
        if not name:
            continue
        places.add(name)
        if is_venue(article.text, start):
            venues.add(name)
    return frozenset(places), frozenset(venues)


def _without_embedding(article: Article) -> ArticleFeatures:
    published = parse_published(article.published)
    actors, key_actors, names = _actors(article)
    places, venues = _places(article)
    shingles = shingle_set(article.text)
    return ArticleFeatures(
        article_id=article.id,
        published=published,
        outlet=article.outlet,
        title=_label(article),
        embedding=np.zeros(0, dtype=np.float32),
        minhash=_sketch(shingles),
        shingles=len(shingles),
        actors=actors,
        key_actors=key_actors,
        names=names,
        places=places,
        venues=venues,
        dates=dates_in(article.text, published),
        participants=_participants(article),
        name_words=name_words(f"{article.title or ''}\n{article.text}"),
    )


def document_vectors(articles: list[Article]) -> np.ndarray:
    """The story embedding of each article, one batched call: it needs only title and text, so a worker
    process can compute it while the parent, which owns entity identities, computes the rest."""
    return embed_documents([lead_text(a.title, a.text) for a in articles])


def features_batch(articles: Iterable[Article], vectors: np.ndarray | None = None) -> list[ArticleFeatures]:
    """Features for many articles; `vectors` are their `document_vectors` when already computed."""
    articles = list(articles)
    features = [_without_embedding(a) for a in articles]
    for item, vector in zip(features, document_vectors(articles) if vectors is None else vectors, strict=True):
        item.embedding = vector
    return features


def is_current(f: ArticleFeatures) -> bool:
    """Was `f` embedded by today's document model? Older stores hold vectors of another model."""
    return f.embedding.shape == (DOCUMENT_DIM,)


def reembed(features: list[ArticleFeatures], articles: list[Article]) -> None:
    """Replace stored vectors of another model with today's, in place (one batched call)."""
    for item, vector in zip(features, document_vectors(articles), strict=True):
        item.embedding = vector


def article_features(article: Article) -> ArticleFeatures:
    return features_batch([article])[0]


def _array_to_bytes(array: np.ndarray) -> bytes:
    buffer = io.BytesIO()
    np.save(buffer, array, allow_pickle=False)
    return buffer.getvalue()


def _bytes_to_array(blob: bytes) -> np.ndarray:
    return np.load(io.BytesIO(blob), allow_pickle=False)


def _set_to_json(values: frozenset[str]) -> str:
    return json.dumps(sorted(values))


def to_record(f: ArticleFeatures) -> dict[str, bytes | str | None]:
    """A flat row for SQLite: arrays as .npy BLOBs (dtype and shape travel with them), sets as JSON."""
    return {
        "article_id": f.article_id,
        "published": f.published.isoformat() if f.published else None,
        "outlet": f.outlet,
        "title": f.title,
        "embedding": _array_to_bytes(f.embedding),
        "minhash": _array_to_bytes(f.minhash),
        "shingles": str(f.shingles),
        "actors": _set_to_json(f.actors),
        "key_actors": _set_to_json(f.key_actors),
        "names": json.dumps(f.names, sort_keys=True),
        "places": _set_to_json(f.places),
        "venues": _set_to_json(f.venues),
        "dates": _set_to_json(f.dates),
        "participants": _set_to_json(f.participants),
        "name_words": _set_to_json(f.name_words),
    }


def from_record(row: Mapping[str, bytes | str | None]) -> ArticleFeatures:
    def strings(key: str) -> frozenset[str]:
        return frozenset(json.loads(row.get(key) or "[]"))

    return ArticleFeatures(
        article_id=str(row["article_id"]),
        published=parse_published(row.get("published")),
        outlet=row.get("outlet"),
        title=str(row.get("title") or ""),
        embedding=_bytes_to_array(row["embedding"]).astype(np.float32),
        minhash=_bytes_to_array(row["minhash"]),
        shingles=int(row.get("shingles") or 0),
        actors=strings("actors"),
        key_actors=strings("key_actors"),
        names=json.loads(row.get("names") or "{}"),
        places=strings("places"),
        venues=strings("venues"),
        dates=strings("dates"),
        participants=strings("participants"),
        name_words=strings("name_words"),
    )

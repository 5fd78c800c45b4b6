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
# What an article is about: the person or organisation (participant) and the place (setting) named
# most, a title or lead mention counting extra. Two reports of one kind of event (two stars entering
# rehab, two supermarket fires) differ in them.
PARTICIPANT_KINDS = frozenset({"person", "org"})
SETTING_KINDS = frozenset({"place"})
MAIN_NAME_LEAD_BONUS = 2
MAIN_NAME_MIN_WEIGHT = 3
NAME_WORD = re.compile(r"\b[A-Z][A-Za-z'-]+")
NAME_PARTICLES = frozenset({"de", "da", "del", "van", "von", "der", "bin", "al", "la", "le"})
NOT_A_NAME = frozenset({"the", "a", "an"})  # "The officer who fired": a description, not a name
# A figure (23 pirates, magnitude 5.6, won 31-24), not a year, a clock time or the day of a date.
NUMBER = re.compile(r"(?<![\w.,:/-])(\d+(?:[.,]\d+)*)(?![\w:/]|[.,]\d)")
YEAR = re.compile(r"(?:19|20)\d\d")
_MONTH_WORD = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
DAY_OF_DATE = re.compile(rf"{_MONTH_WORD}\s*$|^\s*(?:st|nd|rd|th)?\s*(?:of\s+)?{_MONTH_WORD}", re.IGNORECASE)
CLOCK = re.compile(r"\s*(?:am|pm|a\.m|p\.m|gmt|bst|est|edt|pst|ist|utc|hrs)\b", re.IGNORECASE)
NUMBER_CONTEXT = 12  # characters either side that can say a figure is a date or a time
LEAD_NUMBER_CHARS = 300  # the figures of the event itself come first; later ones are background

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
    setting: frozenset[str] = frozenset()  # name words of the main place ("wellington")
    name_words: frozenset[str] = frozenset()  # every capitalised word, folded: who and where else the text names
    numbers: frozenset[str] = frozenset()  # every figure in the text
    lead_numbers: frozenset[str] = frozenset()  # the figures of the title and lead


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


def _main_name(article: Article, kinds: frozenset[str]) -> frozenset[str]:
    """The words naming the entity of `kinds` the article is about: a person by surname, else the whole name."""
    weights: Counter[str] = Counter(m.entity_id for m in article.mentions if m.kind in kinds)
    head = f"{article.title or ''}\n{article.text[:LEAD_WINDOW]}"
    for entity in article.entities.values():
        if entity.kind in kinds and entity.name.strip() and entity.name in head:
            weights[entity.id] += MAIN_NAME_LEAD_BONUS
    for entity_id, weight in weights.most_common():
        entity = article.entities.get(entity_id)
        if weight < MAIN_NAME_MIN_WEIGHT:
            break
        words = _proper_words(entity.name) if entity else []
        if words:
            return frozenset(words[-1:] if entity.kind == "person" else words)
    return frozenset()


def numbers_in(text: str) -> frozenset[str]:
    """The figures of `text` without thousands separators ("1,200" and "1200" are one figure)."""
    found = set()
    for match in NUMBER.finditer(text):
        value = match.group(1).replace(",", "")
        before = text[max(0, match.start() - NUMBER_CONTEXT) : match.start()]
        after = text[match.end() : match.end() + NUMBER_CONTEXT]
        if YEAR.fullmatch(value) or DAY_OF_DATE.search(before) or DAY_OF_DATE.search(after) or CLOCK.match(after):
            continue
        found.add(value)
    return frozenset(found)


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
    full = f"{article.title or ''}\n{article.text}"
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
        participants=_main_name(article, PARTICIPANT_KINDS),
        setting=_main_name(article, SETTING_KINDS),
        name_words=name_words(full),
        numbers=numbers_in(full),
        lead_numbers=numbers_in(f"{article.title or ''}\n{article.text[:LEAD_NUMBER_CHARS]}"),
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
        "setting": _set_to_json(f.setting),
        "name_words": _set_to_json(f.name_words),
        "numbers": _set_to_json(f.numbers),
        "lead_numbers": _set_to_json(f.lead_numbers),
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
        setting=strings("setting"),
        name_words=strings("name_words"),
        numbers=strings("numbers"),
        lead_numbers=strings("lead_numbers"),
    )

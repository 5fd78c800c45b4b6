"""`storyline bench web`: how fast each page renders on a large store.

The store is filled with synthetic rows shaped like the pipeline's (articles, statements with exact
spans, mentions, aliases, stories, storylines, groups, discrepancies) by direct SQL, because running
the NLP pipeline over 100,000 articles would take hours and measure the wrong thing.
"""

from __future__ import annotations

import json
import random
import statistics
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from storyline.model import stable_id
from storyline.store import Store

OUTLETS = ["Capital Wire", "Harbour Daily", "Meridian News", "Northern Ledger", "Valley Post", "Coast Courier",
           "Evening Standard-Bearer", "River Gazette", "Metro Tribune", "Island Times", "Plains Herald", "Summit Post"]  # fmt: skip
FIRST = ["Anna", "Bruno", "Clara", "Dmitri", "Eva", "Farid", "Greta", "Hugo", "Ines", "Jonas", "Katya", "Lars",
         "Mira", "Nils", "Olga", "Pavel", "Rosa", "Sven", "Tomas", "Ulla"]  # fmt: skip
LAST = ["Kovac", "Lindqvist", "Moreau", "Novak", "Okafor", "Petrov", "Quist", "Romano", "Solberg", "Tanaka",
        "Urban", "Varga", "Weber", "Xu", "Young", "Zeller", "Almeida", "Brandt", "Costa", "Dunleavy"]  # fmt: skip
TOPICS = ["water quota", "port fire", "budget", "rail strike", "grain exports", "border talks", "drought",
          "energy prices", "fishing rights", "school reform", "hospital funding", "flood defences"]  # fmt: skip
WORDS = ("the talks would resume next week after a long night of negotiation while officials "
         "warned that the agreement remained fragile and that both sides had made concessions on "
         "inspections quotas funding and the timetable for a final signature").split()  # fmt: skip
CUES = ["said", "told reporters", "added", "warned", "insisted"]


@dataclass(frozen=True, slots=True)
class Person:
    id: str
    name: str


def _sentence(rng: random.Random, n: int) -> str:
    words = [rng.choice(WORDS) for _ in range(n)]
    return " ".join(words).capitalize()


class _Writer:
    """Builds one synthetic article's text and its spans together, so offsets are exact."""

    def __init__(self) -> None:
        self.text = ""

    def add(self, piece: str) -> tuple[int, int]:
        start = len(self.text)
        self.text += piece
        return start, len(self.text)


def _article(rng: random.Random, i: int, story: int, day: date, people: list[Person]) -> dict:
    outlet = OUTLETS[i % len(OUTLETS)]
    topic = TOPICS[story % len(TOPICS)]
    cast = [people[(story * 7 + k) % len(people)] for k in range(3)]
    aid = stable_id("bench", str(i), prefix="a")
    w = _Writer()
    w.add(f"{_sentence(rng, 14)} over the {topic}.\n\n")
    statements, mentions, aliases = [], [], []
    for k, person in enumerate(cast):
        w.add("\u201c")
        content = w.add(f"{_sentence(rng, 12)} on the {topic}")
        w.add(",\u201d ")
        cue = w.add(rng.choice(CUES))
        w.add(" ")
        form = person.name if k == 0 or rng.random() < 0.5 else person.name.split()[-1]
        source = w.add(form)
        w.add(f". {_sentence(rng, 16)}.\n\n")
        sid = stable_id(aid, str(content[0]), str(content[1]), prefix="s")
        statements.append((sid, aid, "direct", *content, w.text[content[0]:content[1]], *cue, w.text[cue[0]:cue[1]],
                           *source, form, person.id, person.name, "person", 0.9, None))  # fmt: skip
        mentions.append((aid, *source, person.id, "person", "name"))
        aliases.append((person.id, form, aid))
    return {
        "article": (aid, f"https://example.org/{i}", outlet, f"{cast[0].name} on the {topic}: story {story}",
                    json.dumps([f"{rng.choice(FIRST)} {rng.choice(LAST)}"]), day.isoformat(), "en", w.text,
                    f"bench/{i}.html", "[]", "[]", None, None, "2026-01-01T00:00:00+00:00"),  # fmt: skip
        "statements": statements,
        "mentions": mentions,
        "aliases": aliases,
    }


def fill(store: Store, articles: int, *, per_story: int = 6, stories_per_line: int = 8, seed: int = 0) -> None:
    """Add `articles` synthetic articles (with their layers) to an empty store, in one transaction."""
    rng = random.Random(seed)
    people = [Person(stable_id("bench", f, l, prefix="e"), f"{f} {l}") for f in FIRST for l in LAST]  # noqa: E741
    start = date(2024, 1, 1)
    stories = (articles + per_story - 1) // per_story
    with store.transaction() as db:
        db.executemany("INSERT INTO entities(id, name, kind) VALUES (?,?,'person')", [(p.id, p.name) for p in people])
        for story in range(stories):
            day = start + timedelta(days=story * 730 // max(stories, 1))
            members = [_article(rng, i, story, day + timedelta(days=i % 3), people)
                       for i in range(story * per_story, min((story + 1) * per_story, articles))]  # fmt: skip
            _save_story(db, story, day, members, stories_per_line)


def _save_story(db, story: int, day: date, members: list[dict], stories_per_line: int) -> None:  # noqa: ANN001
    sid = stable_id("bench-story", str(story), prefix="st")
    line = stable_id("bench-line", str(story // stories_per_line), prefix="sl")
    last = (day + timedelta(days=2)).isoformat()
    for k, m in enumerate(members):
        row = list(m["article"])
        if k == len(members) - 1 and k > 0:  # one syndicated copy per story
            row[11], row[12] = members[0]["article"][0], 0.97
        db.execute("INSERT INTO articles(id, url, outlet, title, authors, published, language, text, source_uri,"
                   " removed, sentences, duplicate_of, duplicate_similarity, added_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                   row)  # fmt: skip
        db.executemany("INSERT INTO statements VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", m["statements"])
        db.executemany("INSERT OR IGNORE INTO mentions VALUES (?,?,?,?,?,?)", m["mentions"])
        db.executemany("INSERT OR IGNORE INTO entity_aliases VALUES (?,?,?)", m["aliases"])
        db.execute("INSERT INTO story_articles(article_id, story_id) VALUES (?,?)", (m["article"][0], sid))
    db.execute("INSERT INTO stories(id, label, first_seen, last_seen, storyline_id, dirty) VALUES (?,?,?,?,?,0)",
               (sid, members[0]["article"][3], day.isoformat(), last, line))  # fmt: skip
    db.execute("INSERT INTO storylines(id, label, first_seen, last_seen) VALUES (?,?,?,?)"
               " ON CONFLICT(id) DO UPDATE SET last_seen=excluded.last_seen",
               (line, f"Storyline {story // stories_per_line}: {TOPICS[story % len(TOPICS)]}", day.isoformat(), last))  # fmt: skip
    for k in range(3):  # the k-th statement of every article is the same speech, reported by each outlet
        gid = stable_id(sid, str(k), prefix="g")
        first = members[0]["statements"][k]
        db.execute("INSERT INTO statement_groups VALUES (?,?,?,?,?)", (gid, sid, "paraphrase", first[12], first[13]))
        db.executemany("INSERT INTO statement_group_members VALUES (?,?,?)",
                       [(gid, m["statements"][k][0], int(j == 1)) for j, m in enumerate(members)])  # fmt: skip
    did = stable_id(sid, "number", prefix="d")
    db.execute("INSERT INTO discrepancies VALUES (?,?,?,?,NULL,1.0)", (did, "number", "people evacuated", sid))
    db.executemany("INSERT INTO discrepancy_evidence VALUES (?,?,?,?,?,?,?,'[]',0)",
                   [(did, m["article"][0], m["article"][2], str(100 + j), 0, 4, m["article"][7][:4])
                    for j, m in enumerate(members[:2])])  # fmt: skip


def _pages(store: Store, rng: random.Random) -> dict[str, Callable[[], str]]:
    """Each page with an id drawn at random per request, so caches do not flatter the figures."""

    def pick(sql: str) -> Callable[[], str]:
        ids = [r[0] for r in store.db.execute(sql)]
        return lambda: rng.choice(ids)

    story, line = pick("SELECT id FROM stories"), pick("SELECT id FROM storylines")
    speaker, article = pick("SELECT id FROM entities"), pick("SELECT id FROM articles ORDER BY random() LIMIT 500")
    return {
        "home": lambda: "/",
        "stories": lambda: f"/stories?offset={rng.randrange(0, 500)}",
        "story": lambda: f"/story/{story()}",
        "storyline": lambda: f"/storyline/{line()}",
        "speaker": lambda: f"/speaker/{speaker()}",
        "article": lambda: f"/article/{article()}",
        "search statements": lambda: f"/search?q={rng.choice(TOPICS).split()[0]}+{rng.choice(WORDS)}",
        "search articles": lambda: f"/search?scope=articles&q={rng.choice(TOPICS).replace(' ', '+')}",
        "search filtered": lambda: f"/search?speaker={rng.choice(LAST)}&outlet={rng.choice(OUTLETS).replace(' ', '+')}"
        f"&date_from=2024-06-01&date_to=2024-12-31",
        "api story": lambda: f"/api/stories/{story()}",
    }


def measure(db: Path, requests: int = 20, seed: int = 0) -> Iterator[tuple[str, float, float]]:
    """(page, p50 ms, p95 ms) per page, timed through the whole app (routing, SQL, templates)."""
    from fastapi.testclient import TestClient

    from storyline.web import create_app

    rng = random.Random(seed)
    client = TestClient(create_app(db), base_url="http://127.0.0.1")
    with Store(db) as store:
        pages = _pages(store, rng)
    for name, url in pages.items():
        client.get(url())  # warm the page cache once, as a running server would be
        times = []
        for _ in range(requests):
            path = url()
            began = time.perf_counter()
            response = client.get(path)
            times.append((time.perf_counter() - began) * 1000)
            response.raise_for_status()
        times.sort()
        yield name, statistics.median(times), times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]

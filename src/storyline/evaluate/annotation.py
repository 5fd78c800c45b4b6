"""Hand annotations of real news: written against the text, kept as offsets only.

Annotators write a *draft*: spans as the exact text they cover (with an occurrence number when the text
repeats), which is how a person reads an article. `resolve` turns a draft into the set kept in the
repository: character offsets, row keys and names, and no article text, since the articles belong to
their publishers and are read from `../shared/data/` at evaluation time.

Draft (JSON):

    {"articles": [{"article": "wikinews:17", "statements": [
        {"id": "s1", "kind": "direct", "content": "…", "cue": "said", "source": "he",
         "speaker": "Vladimir Putin", "speaker_type": "person", "role": "President",
         "aliases": ["Putin"], "borderline": false}]}],
     "events": [{"event": "…", "groups": [["fox:s1", "nyt:s4"]],
                 "differences": [{"kind": "number", "sides": [{"article": "basil:EVENT:fox", "span": "…"}, …]}]}]}

An event may list the "articles" its annotators read (`ecbplus:DOC_ID`, …) when they are not all of it:
an ECB+ event (`event_cluster`) has a dozen, of which a set annotates a drawn few.

A set may say which difference kinds its annotators looked for (`"difference_kinds": ["number", "date",
"place"]`) when not every kind: a finding of another kind is then neither right nor wrong there.

An event may leave out "groups" (and the articles their statements) when only its differences were annotated;
it then resolves without a "groups" key: its groups were not annotated, which is not to say it has none.

A span is a string (its text, which must occur once in the article) or `{"text": …, "at": N}` (its N-th
occurrence, from 1). Cue and source, when their text repeats, default to the occurrence nearest the
content and outside it. Article keys: `wikinews:ROW` (0-based row of `wikinews/wikinews_2019.csv`),
`basil:EVENT:SOURCE` (BASIL's own ids repeat, its event and outlet do not), `ecbplus:DOC_ID` and
`semeval:ID` (an English article of a SemEval-2022 Task 8 pair, by its own id; an article in several pairs
is read from the first).
"""

from __future__ import annotations

import csv
import json
import re
import sys
from collections.abc import Iterator
from contextlib import suppress
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from storyline.relate.events import explicit_dates

KINDS = ("direct", "indirect", "mixed")
SPEAKER_TYPES = ("person", "organisation", "group", "unnamed")
DIFFERENCE_KINDS = ("quote", "number", "name", "date", "place", "speaker")
SPAN_ROLES = ("content", "cue", "source")


class AnnotationError(ValueError):
    """A draft that cannot be placed on its article, with where and why."""


@dataclass(frozen=True, slots=True)
class SourceArticle:
    key: str
    text: str
    title: str
    outlet: str
    published: str


def article_key_of_row(corpus: str, row: dict[str, str], index: int) -> str:
    if corpus == "wikinews":
        return f"wikinews:{index}"
    if corpus == "ecbplus":
        return f"ecbplus:{row['doc_id']}"
    return f"basil:{row['event']}:{row['source']}"


DATELINE_LINES = 5  # an ECB+ page gives its date, when it does, within its first lines
MONTHS_IN_YEAR = 12
DATELINE_WORDS = 16  # a dateline is short: a longer line is the story, whose dates are the events'
NUMERIC_DATE = re.compile(r"\b(\d{1,2}) ?/ ?(\d{1,2}) ?/ ?(\d{4}|\d{2})\b")  # US order: "8 / 2 / 2013", "12 / 23 / 12"; day first when no month can be first ("15 / 09 / 2013")
URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-]?(\d\d)[/-]?(\d\d)(?:/|\b)")  # "/2013/08/03/", "/20130914/", "/2005-12-19"


def dateline(text: str, url: str | None) -> str:
    """The ISO date a web page of ECB+ was published, as its dateline ("Published: August 2, 2013", "8 /
    2 / 2013") or else its address ("/2013/08/03/") gives it; "" when neither does, and for the older ECB
    texts (no address), whose first lines are the story. ECB+ keeps no date, and a relative date
    ("Monday") means nothing without one."""
    if not url:
        return ""
    for line in (line for line in text.split("\n")[:DATELINE_LINES] if len(line.split()) <= DATELINE_WORDS):
        if found := explicit_dates(line.title(), None):
            return min(found).isoformat()
        if m := NUMERIC_DATE.search(line):
            month, day, year = int(m[1]), int(m[2]), int(m[3]) + (2000 if len(m[3]) == 2 else 0)
            if month > MONTHS_IN_YEAR:
                month, day = day, month
            with suppress(ValueError):
                return date(year, month, day).isoformat()
    if m := URL_DATE.search(url):
        with suppress(ValueError):
            return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
    return ""


def _jsonl(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """(index, row) of a JSON-lines file; none when the file is absent."""
    if path.exists():
        with path.open(encoding="utf-8") as handle:
            yield from enumerate(map(json.loads, handle))


def read_corpus(data: Path) -> dict[str, SourceArticle]:
    """Every article the sets can refer to, by key, read from the shared data folder."""
    articles: dict[str, SourceArticle] = {}
    wikinews = data / "wikinews" / "wikinews_2019.csv"
    if wikinews.exists():
        with wikinews.open(newline="", encoding="utf-8") as handle:
            for index, row in enumerate(csv.DictReader(handle)):
                key = article_key_of_row("wikinews", row, index)
                articles[key] = SourceArticle(key, row["text"], row["title"], "wikinews", row["date"])
    for index, row in _jsonl(data / "basil" / "basil_articles.jsonl"):
        key = article_key_of_row("basil", row, index)
        articles[key] = SourceArticle(key, row["text"], row["title"], row["source"], row["date"])
    for index, row in _jsonl(data / "ecbplus" / "ecbplus_docs.jsonl"):
        key = article_key_of_row("ecbplus", row, index)
        outlet = urlsplit(row["url"]).hostname.removeprefix("www.") if row.get("url") else ""  # type: ignore[union-attr]
        articles[key] = SourceArticle(key, row["text"], row["title"], outlet, dateline(row["text"], row.get("url")))
    articles.update(_semeval_articles(data / "semeval2022-task8" / "training_set.csv"))
    if not articles:
        raise AnnotationError(f"no Wikinews, BASIL, ECB+ or SemEval data under {data}: pass the folder that holds them (../shared/data)")
    return articles


def _semeval_articles(path: Path) -> dict[str, SourceArticle]:
    """The English articles of SemEval-2022 Task 8's pairs: 2020 news from many outlets, cut to head and
    tail by the task, with neither outlet nor date kept.

    Each article is its own outlet, labelled by its key: the comparison only sets different outlets'
    reports side by side, and a pair's two articles come from two sites (the task pairs different
    pages), while one blank outlet for all would make every pair one outlet and compare nothing."""
    articles: dict[str, SourceArticle] = {}
    if not path.exists():
        return articles
    with path.open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            for article_id, language, text in zip(row["pair_id"].split("_"), (row["lang1"], row["lang2"]), (row["text1"], row["text2"]), strict=True):
                key = f"semeval:{article_id}"
                if language == "en" and key not in articles:
                    articles[key] = SourceArticle(key, text, "", key, "")
    return articles


def _occurrences(text: str, needle: str) -> list[int]:
    """Starts of `needle` in `text`, at word edges where the needle begins or ends with a word character."""
    pattern = re.escape(needle)
    if needle[:1].isalnum():
        pattern = r"(?<!\w)" + pattern
    if needle[-1:].isalnum():
        pattern += r"(?!\w)"
    return [m.start() for m in re.finditer(pattern, text)]


def _place(text: str, spec: Any, where: str, near: tuple[int, int] | None = None) -> tuple[int, int]:
    if isinstance(spec, dict):
        needle, at = spec.get("text", ""), spec.get("at")
    else:
        needle, at = spec, None
    if not isinstance(needle, str) or not needle.strip():
        raise AnnotationError(f"{where}: empty span")
    starts = _occurrences(text, needle)
    if not starts:
        raise AnnotationError(f"{where}: {needle!r} is not in the article (copy it exactly, quote marks and all)")
    if at is not None:
        if not 1 <= int(at) <= len(starts):
            raise AnnotationError(f"{where}: {needle!r} occurs {len(starts)} times, not {at}")
        start = starts[int(at) - 1]
    elif len(starts) == 1:
        start = starts[0]
    elif near is not None:
        outside = [s for s in starts if s + len(needle) <= near[0] or s >= near[1]] or starts
        start = min(outside, key=lambda s: min(abs(s - near[1]), abs(s + len(needle) - near[0])))
    else:
        raise AnnotationError(f"{where}: {needle!r} occurs {len(starts)} times: give {{\"text\": …, \"at\": N}}")
    return start, start + len(needle)


def _statement(text: str, raw: dict[str, Any], where: str) -> dict[str, Any]:
    kind = raw.get("kind")
    if kind not in KINDS:
        raise AnnotationError(f"{where}: kind must be one of {KINDS}, not {kind!r}")
    speaker_type = raw.get("speaker_type")
    if speaker_type not in SPEAKER_TYPES:
        raise AnnotationError(f"{where}: speaker_type must be one of {SPEAKER_TYPES}, not {speaker_type!r}")
    if not raw.get("id"):
        raise AnnotationError(f"{where}: every statement needs an id")
    content = _place(text, raw.get("content"), f"{where} content")
    record: dict[str, Any] = {"id": raw["id"], "kind": kind, "content": list(content)}
    for role in ("cue", "source"):
        if raw.get(role):
            record[role] = list(_place(text, raw[role], f"{where} {role}", near=content))
    record["speaker"] = raw.get("speaker") or None
    record["speaker_type"] = speaker_type
    for optional in ("role", "aliases"):
        if raw.get(optional):
            record[optional] = raw[optional]
    if raw.get("borderline"):
        record["borderline"] = True
    if speaker_type in ("person", "organisation") and not record["speaker"]:
        raise AnnotationError(f"{where}: a {speaker_type} speaker needs a name")
    return record


def resolve(draft: dict[str, Any], corpus: dict[str, SourceArticle]) -> dict[str, Any]:
    """The draft as offsets: the record kept in the repository."""
    articles = []
    known: dict[str, set[str]] = {}
    for raw_article in draft.get("articles", []):
        key = raw_article.get("article", "")
        if key not in corpus:
            raise AnnotationError(f"unknown article {key!r}")
        text = corpus[key].text
        statements = [
            _statement(text, raw, f"{key} statement {raw.get('id', index + 1)}")
            for index, raw in enumerate(raw_article.get("statements", []))
        ]
        ids = [s["id"] for s in statements]
        if len(set(ids)) != len(ids):
            raise AnnotationError(f"{key}: statement ids repeat")
        known[key] = set(ids)
        articles.append({"article": key, "statements": statements})
    events = [_event(raw, corpus, known) for raw in draft.get("events", [])]
    if "difference_kinds" not in draft:
        return {"articles": articles, "events": events}
    kinds = draft["difference_kinds"]
    if not kinds or set(kinds) - set(DIFFERENCE_KINDS):
        raise AnnotationError(f"difference_kinds must be some of {DIFFERENCE_KINDS}")
    return {"articles": articles, "events": events, "difference_kinds": list(kinds)}


def _event(raw: dict[str, Any], corpus: dict[str, SourceArticle], known: dict[str, set[str]]) -> dict[str, Any]:
    event = raw.get("event", "")
    where = f"event {event}"

    def statement_ref(ref: str) -> str:
        outlet, _, sid = ref.partition(":")
        key = f"basil:{event}:{outlet}"
        if sid not in known.get(key, set()):
            raise AnnotationError(f"{where}: {ref!r} names no annotated statement of {key}")
        return ref

    groups = [[statement_ref(ref) for ref in group] for group in raw.get("groups", [])]
    for group in groups:
        if len({ref.partition(":")[0] for ref in group}) < 2:
            raise AnnotationError(f"{where}: group {group} is not across outlets")
    differences = []
    for index, difference in enumerate(raw.get("differences", [])):
        kind = difference.get("kind")
        if kind not in DIFFERENCE_KINDS:
            raise AnnotationError(f"{where} difference {index + 1}: kind must be one of {DIFFERENCE_KINDS}")
        sides = []
        for side in difference.get("sides", []):
            key = side.get("article", "")
            if key not in corpus:
                raise AnnotationError(f"{where} difference {index + 1}: unknown article {key!r}")
            record = {"article": key, "span": list(_place(corpus[key].text, side.get("span"), f"{where} difference {index + 1}"))}
            if side.get("statement"):
                record["statement"] = statement_ref(f"{key.rsplit(':', 1)[1]}:{side['statement']}")
            sides.append(record)
        if len({s["article"] for s in sides}) < 2:
            raise AnnotationError(f"{where} difference {index + 1}: needs sides in two articles")
        differences.append({"kind": kind, "sides": sides})
    read = _event_articles(raw, corpus, where)
    if "groups" not in raw:  # differences only: the groups were not annotated, which is not "no groups"
        return {"event": event, **read, "differences": differences}
    return {"event": event, **read, "groups": groups, "differences": differences}


def _event_articles(raw: dict[str, Any], corpus: dict[str, SourceArticle], where: str) -> dict[str, list[str]]:
    """The articles the annotators read for an event, when not every article of it (an ECB+ event has a
    dozen; a BASIL event's are its three outlets and need no list)."""
    if "articles" not in raw:
        return {}
    unknown = [key for key in raw["articles"] if key not in corpus]
    if unknown or len(raw["articles"]) < 2:
        raise AnnotationError(f"{where}: articles must be two or more known keys, not {unknown or raw['articles']}")
    return {"articles": list(raw["articles"])}


def render(resolved: dict[str, Any], corpus: dict[str, SourceArticle]) -> Iterator[str]:
    """Each statement in its sentence, spans bracketed, so the annotator sees what the offsets hold."""
    for article in resolved["articles"]:
        text = corpus[article["article"]].text
        yield f"== {article['article']}: {len(article['statements'])} statements"
        for s in article["statements"]:
            marks = [(s["content"], "[", "]")] + [(s[r], m[0], m[1]) for r, m in (("cue", "{}"), ("source", "<>")) if r in s]
            lo = max(0, min(m[0][0] for m in marks) - 40)
            hi = min(len(text), max(m[0][1] for m in marks) + 40)
            inserts = sorted([(a, o) for (a, _), o, _ in marks] + [(b, c) for (_, b), _, c in marks], key=lambda x: x[0], reverse=True)
            snippet = text[lo:hi]
            for position, mark in inserts:
                snippet = snippet[: position - lo] + mark + snippet[position - lo :]
            flag = " (borderline)" if s.get("borderline") else ""
            yield f"  {s['id']} {s['kind']}{flag} -> {s['speaker']} [{s['speaker_type']}]: …{' '.join(snippet.split())}…"
    for event in resolved["events"]:
        groups = f"{len(event['groups'])} groups" if "groups" in event else "groups not annotated"
        yield f"== event {event['event']}: {groups}, {len(event['differences'])} differences"
        for d in event["differences"]:
            sides = " | ".join(
                f"{s['article'].rsplit(':', 1)[1]}: {corpus[s['article']].text[s['span'][0]:s['span'][1]]!r}" for s in d["sides"]
            )
            yield f"  {d['kind']}: {sides}"


def main(argv: list[str]) -> int:
    """`python -m storyline.evaluate.annotation check|resolve DRAFT [--data DIR]`."""
    if len(argv) < 2 or argv[0] not in ("check", "resolve"):
        print(__doc__, file=sys.stderr)
        print("usage: python -m storyline.evaluate.annotation check|resolve DRAFT.json [--data ../shared/data]", file=sys.stderr)
        return 2
    data = Path(argv[argv.index("--data") + 1]) if "--data" in argv else Path("../shared/data")
    corpus = read_corpus(data)
    try:
        resolved = resolve(json.loads(Path(argv[1]).read_text(encoding="utf-8")), corpus)
    except AnnotationError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    if argv[0] == "check":
        for line in render(resolved, corpus):
            print(line)
    else:
        print(json.dumps(resolved, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

"""The human report: per storyline and story, who reported what, who said what, and where outlets differ.

One data structure (`build`) feeds every format, so the JSON report is exactly what the full Markdown
and HTML reports show. The default Markdown and HTML report is a digest of it (`digest`): each story
in a few lines, so a few hundred articles read in a few pages.
"""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date, datetime, timezone
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from storyline.analysis.confidence import SHOWN_CONFIDENCE, SHOWN_DISCREPANCY
from storyline.compare.coverage import coverage, storyline_coverage
from storyline.compare.discrepancies import importance, quote_changes
from storyline.model import Article, Discrepancy, Story
from storyline.store import Store

Report = dict[str, Any]


def discrepancy_floor(every: bool) -> float:
    """Discrepancies below SHOWN_DISCREPANCY are listed only with `every` (`--all`), as statements are."""
    return 0.0 if every else SHOWN_DISCREPANCY


def discrepancy_row(d: Discrepancy, titles: dict[str, str]) -> dict[str, Any]:
    """A discrepancy as every view shows it; a misquote's sides carry their text in runs, the changed
    words marked (`removed` on the wording most outlets print, `added` on the misquote)."""
    removed, added = quote_changes(d)
    evidence: list[dict[str, Any]] = []
    for e in d.evidence:
        row = {"outlet": e.outlet or titles.get(e.article_id, e.article_id), "article_id": e.article_id,
               "value": e.value, "span": e.span.to_dict(), "misquoted": e.misquoted,
               "before": e.value[: len(e.value) - len(e.value.lstrip("…"))], "after": "…" if e.value.endswith("…") else "",
               "segments": [{"text": text, "changed": changed} for text, changed in e.segments()] if e.changed else []}  # fmt: skip
        if row not in evidence:  # a misquote is kept once against each outlet it departs from: one side to show
            evidence.append(row)
    return {
        "id": d.id,
        "attribute": d.attribute,
        "subject": d.subject,
        "confidence": d.confidence,
        "shown": d.confidence >= SHOWN_DISCREPANCY,
        "removed": removed,
        "added": added,
        "evidence": evidence,
        "sides": _sides(evidence),
    }


def _sides(evidence: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The evidence by what it says: one side a wording or value, with every outlet that printed it
    ("about 40": three outlets, "400": one), so a reader sees at once who stands apart."""
    sides: dict[tuple[Any, ...], dict[str, Any]] = {}
    for e in evidence:
        key = (e["value"].casefold(), e["misquoted"], tuple((g["text"].casefold(), g["changed"]) for g in e["segments"]))
        side = sides.setdefault(key, e | {"outlets": []})
        if e["outlet"] not in side["outlets"]:
            side["outlets"].append(e["outlet"])
    return list(sides.values())


def story_section(
    store: Store, story: Any, articles: list[Article], duplicates: dict[str, str], every: bool = False
) -> dict[str, Any]:
    """A story's data; statements below SHOWN_CONFIDENCE only with `every` (each marked `shown`)."""
    titles = {a.id: a.outlet_label for a in articles}
    groups = store.groups(story["id"])
    speakers: dict[str, dict[str, Any]] = {}
    for article in articles:
        if article.id in duplicates:
            continue  # a syndicated copy says what its original says
        for s in article.statements:
            shown = s.confidence >= SHOWN_CONFIDENCE
            if not (shown or every):
                continue
            name = s.speaker.name if s.speaker else "(unattributed)"
            entry = speakers.setdefault(name, {"name": name, "id": s.speaker.id if s.speaker else None, "statements": []})
            entry["statements"].append(
                {"outlet": titles[article.id], "article_id": article.id, "kind": s.kind,
                 "cue": s.cue.text, "source": s.source.text if s.source else None, "content": s.content.text,
                 "confidence": s.confidence, "shown": shown, "role": s.speaker.role if s.speaker else None}
            )  # fmt: skip
    ordered = sorted(speakers.values(), key=lambda e: (e["id"] is None, -len(e["statements"]), e["name"]))
    return {
        "id": story["id"],
        "label": story["label"],
        "first_seen": story["first_seen"],
        "last_seen": story["last_seen"],
        "articles": [
            {"id": a.id, "title": a.title, "outlet": titles[a.id], "published": a.published, "url": a.url,
             "statements": len(a.statements), "duplicate_of": duplicates.get(a.id)}
            for a in articles
        ],
        "coverage": coverage(
            articles, groups, {a: o for a, o in duplicates.items() if a in titles}, 0.0 if every else SHOWN_CONFIDENCE
        ).to_dict(),
        "speakers": ordered,
        "discrepancies": [
            discrepancy_row(d, titles)
            for d in sorted(store.discrepancies(story_id=story["id"], min_confidence=discrepancy_floor(every)), key=importance)
        ],
    }  # fmt: skip


def _storyline(
    store: Store, line_id: str | None, line: Any, members: list[Any], duplicates: dict[str, str], outlets: dict[str, str],
    every: bool = False,
) -> dict[str, Any]:
    """One storyline's section: its stories (articles loaded once for both views) and its timeline."""
    members = sorted(members, key=lambda s: (s["first_seen"] or "", s["id"]))
    loaded = {s["id"]: [store.load_article(a) for a in store.story_article_ids(s["id"])] for s in members}
    threaded = [Story(s["id"], s["label"], [a.id for a in loaded[s["id"]]], s["first_seen"], s["last_seen"]) for s in members]
    return {
        "id": line_id,
        "label": line["label"] if line else "(not yet threaded)",
        "first_seen": line["first_seen"] if line else None,
        "last_seen": line["last_seen"] if line else None,
        "stories": [story_section(store, s, loaded[s["id"]], duplicates, every) for s in members],
        "coverage": storyline_coverage(threaded, [a for s in members for a in loaded[s["id"]]], duplicates).to_dict(),
        "discrepancies": [
            discrepancy_row(d, outlets)
            for d in (store.discrepancies(storyline_id=line_id, min_confidence=discrepancy_floor(every)) if line_id else [])
        ],
    }


def build(store: Store, story_id: str | None = None, every: bool = False) -> Report:
    """The report's data; with `story_id`, only that story within its storyline. KeyError if unknown.
    With `every`, statements below SHOWN_CONFIDENCE too."""
    stories = store.story_rows()
    if story_id is not None:
        stories = [s for s in stories if s["id"] == story_id]
        if not stories:
            raise KeyError(story_id)
    by_line: dict[str | None, list[Any]] = defaultdict(list)
    for story in stories:
        by_line[story["storyline_id"]].append(story)
    lines = {r["id"]: r for r in store.storyline_rows()}
    outlets = {r["id"]: r["outlet"] or r["source_uri"] or r["id"] for r in store.article_rows()}
    duplicates = store.duplicates()
    storylines = [
        _storyline(store, line_id, lines.get(line_id), members, duplicates, outlets, every)
        for line_id, members in by_line.items()
    ]
    storylines.sort(key=lambda line: (line["first_seen"] or "", line["id"] or ""))
    return {
        "generated": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "store": store.path,
        "counts": {t: store.count(t) for t in ("articles", "statements", "stories", "storylines", "discrepancies")},
        "storylines": storylines,
    }


# Statements a digest shows per story: those the most outlets carried.
KEY_STATEMENTS = 3


def _reported_by(row: dict[str, Any]) -> list[str]:
    return [outlet for outlet, cell in row["cells"].items() if cell["status"] != "absent"]


def _digest_story(story: dict[str, Any], storyline: str | None) -> dict[str, Any]:
    """One story for the digest: its outlets, key statements, differences and what one outlet alone has."""
    rows = story["coverage"]["rows"]
    by_id = {row["id"]: row for row in rows}
    shared = sorted((r for r in rows if len(_reported_by(r)) > 1), key=lambda r: -len(_reported_by(r)))
    return {
        "id": story["id"], "label": story["label"], "first_seen": story["first_seen"], "last_seen": story["last_seen"],
        "storyline": storyline, "outlets": story["coverage"]["outlets"], "articles": len(story["articles"]),
        "key_statements": [{"label": r["label"], "outlets": _reported_by(r)} for r in shared[:KEY_STATEMENTS]],
        "discrepancies": story["discrepancies"],
        "only": [{"outlet": outlet, "count": len(ids), "example": by_id[ids[0]]["label"]}
                 for outlet, ids in story["coverage"]["exclusive"].items() if ids],
    }  # fmt: skip


def digest(report: Report) -> Report:
    """The report as a reader of the period wants it: every story once, in time order, with its outlets,
    the statements most outlets carried, where outlets differ and what only one outlet has."""
    stories = [
        _digest_story(story, line["label"] if len(line["stories"]) > 1 else None)
        for line in report["storylines"]
        for story in line["stories"]
    ]
    stories.sort(key=lambda s: (s["first_seen"] or "9999", s["id"]))
    return {k: v for k, v in report.items() if k != "storylines"} | {"stories": stories}


_env = Environment(
    loader=PackageLoader("storyline.compare", "templates"),
    autoescape=select_autoescape(["html", "html.j2"]),  # the templates end in .j2: "html" alone never matched
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)
_env.filters["days"] = lambda iso: date.fromisoformat(iso).toordinal()  # for the timeline's x axis


def _markdown_inert(value: Any) -> Any:
    """Store text in Markdown as text: no raw HTML, autolinks or links (`<`, `[` as entities; idempotent)."""
    return value.replace("<", "&lt;").replace("[", "&#91;") if isinstance(value, str) else value


# Markdown is rendered to HTML by whoever opens it, so text from pages must not become markup there either.
_ENVIRONMENTS = {"md": _env.overlay(finalize=_markdown_inert)}


def render(store: Store, fmt: str = "md", story_id: str | None = None, every: bool = False, full: bool = False) -> str:
    """JSON is always the whole data; Markdown and HTML are the digest unless `full`."""
    report = build(store, story_id, every)
    if fmt == "json":
        return json.dumps(report, ensure_ascii=False, indent=2) + "\n"
    if not full:
        return _ENVIRONMENTS.get(fmt, _env).get_template(f"digest.{fmt}.j2").render(report=digest(report))
    return _ENVIRONMENTS.get(fmt, _env).get_template(f"report.{fmt}.j2").render(report=report)

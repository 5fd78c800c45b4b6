"""Geometry for the inline SVG charts: computed here, drawn by the templates, no script needed."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

PALETTE_SIZE = 8  # CSS classes o0..o7 colour outlets


def _day(iso: str | None) -> date | None:
    try:
        return date.fromisoformat(iso[:10]) if iso else None
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class Scale:
    """Maps days onto `[x0, x1]` pixels; a single day sits in the middle."""

    first: date
    last: date
    x0: float
    x1: float

    def x(self, day: date) -> float:
        span = (self.last - self.first).days
        if span == 0:
            return round((self.x0 + self.x1) / 2, 1)
        return round(self.x0 + (day - self.first).days / span * (self.x1 - self.x0), 1)

    def ticks(self, count: int = 6) -> list[tuple[float, str]]:
        span = (self.last - self.first).days
        steps = min(count - 1, span) or 1
        days = sorted({self.first.toordinal() + round(i * span / steps) for i in range(steps + 1)})
        return [(self.x(date.fromordinal(d)), date.fromordinal(d).isoformat()) for d in days]


@dataclass(slots=True)
class Dot:
    x: float
    y: float
    css: str
    title: str
    article_id: str


@dataclass(slots=True)
class Lane:
    y: float  # the lane's middle: its span line; its label and each day's dots are centred on it
    story_id: str
    label: list[tuple[float, str]]  # the whole story label, wrapped to the label column: (baseline y, line)
    x1: float
    x2: float
    dots: list[Dot] = field(default_factory=list)


@dataclass(slots=True)
class Timeline:
    width: int
    height: int
    label_width: int
    ticks: list[tuple[float, str]]
    lanes: list[Lane]
    outlets: list[tuple[str, str]]  # name, css class


DOT_STEP = 14  # px between the centres of one day's dots (radius 6): they touch, never cover each other
LABEL_LINE = 16  # px per line of a lane's label (13px text)
LABEL_CHARS = 40  # characters of label per line in the label column


def timeline(stories: Sequence[dict[str, Any]], width: int = 960, label_width: int = 300, lane: int = 34) -> Timeline | None:
    """One lane per story from its first to its last article, a dot per article coloured by outlet.

    A day's articles are stacked across the lane, at their day, rather than drawn on one spot; the
    lane grows to hold its busiest day and its whole label, wrapped.
    """
    days = [d for s in stories for a in s["dates"] if (d := _day(a["published"]))]
    if not days:
        return None
    scale = Scale(min(days), max(days), label_width + 24, width - 40)
    palette: dict[str, str] = {}
    lanes = []
    top = 22  # below the tick labels
    for story in stories:
        by_day: dict[date, list[dict[str, Any]]] = {}
        for a in story["dates"]:
            if d := _day(a["published"]):
                by_day.setdefault(d, []).append(a)
        lines = textwrap.wrap(story["label"], LABEL_CHARS) or [""]
        busiest = max(map(len, by_day.values()), default=1)
        height = max(lane, busiest * DOT_STEP + 6, len(lines) * LABEL_LINE + 10)
        y = round(top + height / 2, 1)
        label = [(round(y + 4 + (i - (len(lines) - 1) / 2) * LABEL_LINE, 1), line) for i, line in enumerate(lines)]
        xs = [scale.x(d) for d in by_day] or [scale.x0]
        dots = []
        for d, articles in sorted(by_day.items()):
            for k, a in enumerate(articles):
                outlet = a["outlet"] or "?"
                css = palette.setdefault(outlet, f"o{len(palette) % PALETTE_SIZE}")
                offset = (k - (len(articles) - 1) / 2) * DOT_STEP
                dots.append(Dot(scale.x(d), round(y + offset, 1), css, f"{outlet} · {d.isoformat()} · {a['title'] or ''}", a["id"]))
        lanes.append(Lane(y, story["id"], label, min(xs), max(xs), dots))
        top += height
    return Timeline(width, round(top + 8), label_width, scale.ticks(), lanes, list(palette.items()))


@dataclass(slots=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    title: str


@dataclass(slots=True)
class Activity:
    width: int
    height: int
    bars: list[Bar]
    ticks: list[tuple[float, str]]


def activity(by_day: Sequence[dict[str, Any]], width: int = 960, height: int = 120) -> Activity | None:
    """A bar per day with statements, as tall as the count: when a speaker was talking."""
    counts = [(d, r["statements"]) for r in by_day if (d := _day(r["day"]))]
    if not counts:
        return None
    scale = Scale(min(d for d, _ in counts), max(d for d, _ in counts), 56, width - 56)
    top = max(n for _, n in counts)
    plot = height - 30
    days = (scale.last - scale.first).days + 1
    bar_width = max(2.0, min(24.0, (scale.x1 - scale.x0) / days * 0.8))  # never wider than a day
    bars = [
        Bar(scale.x(d) - bar_width / 2, 8 + plot - n / top * plot, bar_width, n / top * plot, f"{d.isoformat()}: {n}")
        for d, n in counts
    ]
    return Activity(width, height, bars, scale.ticks())

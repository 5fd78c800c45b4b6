"""The coverage matrix: which outlet reported which statement, how faithfully and who had it first.

A syndicated copy is one report, not corroboration: it is folded into its original and only
listed as a republication, so an outlet that reprints a wire story gains no column of its own.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from storyline.compare.discrepancies import shorten
from storyline.model import Article, Relation, Statement, StatementGroup, Story
from storyline.relate.alignment import align_across_stories, lexical_relation, publication_order, tokens

Status = Literal["exact", "partial", "paraphrase", "misquote", "absent"]
# Best first: an outlet that printed a statement twice is credited with its most faithful print.
STATUS_RANK: dict[Status, int] = {"exact": 0, "partial": 1, "paraphrase": 2, "misquote": 3, "absent": 4}
UNATTRIBUTED = "(unattributed)"


@dataclass(frozen=True, slots=True)
class Cell:
    """How one outlet reported one row's statement, and where."""

    status: Status
    article_id: str | None = None
    statement_id: str | None = None


@dataclass(frozen=True, slots=True)
class FirstReport:
    outlet: str
    article_id: str
    published: str | None


@dataclass(slots=True)
class Row:
    """One statement (a group, or a statement no other article has) across every outlet."""

    id: str  # the group id, or the statement id for an ungrouped statement
    label: str
    speaker: str | None
    cells: dict[str, Cell]
    republished_by: list[str] = field(default_factory=list)
    first: FirstReport | None = None  # the outlet that printed this statement before the others

    def reported_by(self) -> list[str]:
        return [outlet for outlet, cell in self.cells.items() if cell.status != "absent"]


@dataclass(slots=True)
class Coverage:
    outlets: list[str]  # by first publication
    rows: list[Row]
    exclusive: dict[str, list[str]]  # outlet -> ids of rows only it reported
    first_reporter: FirstReport | None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def outlet_of(article: Article) -> str:
    return article.outlet or article.source_uri or article.id


def _roots(articles: Sequence[Article], duplicates: Mapping[str, str]) -> dict[str, str]:
    """Copy id -> the original it folds into, following chains; only originals present count."""
    present = {a.id for a in articles}
    roots = {}
    for copy_id in duplicates:
        root, seen = copy_id, {copy_id}
        while root in duplicates and duplicates[root] in present and duplicates[root] not in seen:
            root = duplicates[root]
            seen.add(root)
        if root != copy_id and copy_id in present:
            roots[copy_id] = root
    return roots


@dataclass(slots=True)
class _Table:
    """What rows are built from: the original articles, their order, and who republished them."""

    articles: dict[str, Article]
    order: dict[str, int]
    republished: dict[str, list[str]]

    def outlet(self, statement: Statement) -> str:
        return outlet_of(self.articles[statement.article_id])

    def first(self, statements: Sequence[Statement]) -> Statement:
        return min(statements, key=lambda s: (self.order[s.article_id], s.content.start))

    def first_report(self, statement: Statement) -> FirstReport:
        article = self.articles[statement.article_id]
        return FirstReport(outlet_of(article), article.id, article.published)

    def row(self, row_id: str, statements: Sequence[Statement], cells: dict[str, Cell]) -> Row:
        reference = self.first(statements)
        outlets = {self.outlet(s) for s in statements}
        republished = {o for s in statements for o in self.republished.get(s.article_id, [])} - outlets
        return Row(row_id, _label(reference), _speaker(reference), cells, sorted(republished), self.first_report(reference))


def _speaker(statement: Statement) -> str | None:
    return statement.speaker.name if statement.speaker else None


def _label(statement: Statement) -> str:
    return f"{_speaker(statement) or UNATTRIBUTED}: {shorten(statement.content.text)}"


def _group_cells(table: _Table, group: StatementGroup, members: list[Statement]) -> dict[str, Cell]:
    reference = tokens(table.first(members).content.text)
    cells: dict[str, Cell] = {}
    for s in members:
        status: Status = (
            "misquote" if s.id in group.misquoted else lexical_relation(tokens(s.content.text), reference) or group.relation
        )
        outlet = table.outlet(s)
        if outlet not in cells or STATUS_RANK[status] < STATUS_RANK[cells[outlet].status]:
            cells[outlet] = Cell(status, s.article_id, s.id)
    return cells


def _table(articles: Sequence[Article], duplicates: Mapping[str, str] | None) -> _Table:
    """The originals among `articles` in publication order; near-copies only as republications."""
    roots = _roots(articles, duplicates or {})
    originals = [a for a in articles if a.id not in roots]
    republished: dict[str, list[str]] = {}
    for copy in sorted((a for a in articles if a.id in roots), key=lambda a: (a.published or "", a.id)):
        republished.setdefault(roots[copy.id], []).append(outlet_of(copy))
    return _Table({a.id: a for a in originals}, publication_order(originals), republished)


def _outlets(table: _Table, articles: Iterable[Article]) -> list[str]:
    """Outlets in the order of their first publication, each once."""
    outlets: list[str] = []
    for article in sorted(articles, key=lambda a: table.order[a.id]):
        if outlet_of(article) not in outlets:
            outlets.append(outlet_of(article))
    return outlets


def coverage(
    articles: Sequence[Article], groups: Sequence[StatementGroup], duplicates: Mapping[str, str] | None = None,
    min_confidence: float = 0.0,
) -> Coverage:
    """The matrix of statements by outlets, with near-copies folded into their originals; statements below
    `min_confidence` are left out (the views show those of at least SHOWN_CONFIDENCE)."""
    table = _table(articles, duplicates)
    originals, order = list(table.articles.values()), table.order
    outlets = _outlets(table, originals)
    statements = {s.id: s for a in originals for s in a.statements if s.confidence >= min_confidence}

    rows: list[tuple[Statement, Row]] = []
    grouped: set[str] = set()
    for group in groups:
        members = [statements[i] for i in group.statement_ids if i in statements]
        grouped.update(group.statement_ids)
        if members:
            rows.append((table.first(members), table.row(group.id, members, _group_cells(table, group, members))))
    for s in statements.values():
        if s.id not in grouped:
            rows.append((s, table.row(s.id, [s], {table.outlet(s): Cell("exact", s.article_id, s.id)})))
    rows.sort(key=lambda pair: (order[pair[0].article_id], pair[0].content.start, pair[1].id))

    for _, row in rows:
        row.cells = {outlet: row.cells.get(outlet, Cell("absent")) for outlet in outlets}
    exclusive: dict[str, list[str]] = {outlet: [] for outlet in outlets}
    for _, row in rows:
        if len(reporters := row.reported_by()) == 1:
            exclusive[reporters[0]].append(row.id)
    first = min(originals, key=lambda a: order[a.id], default=None)
    return Coverage(
        outlets=outlets,
        rows=[row for _, row in rows],
        exclusive=exclusive,
        first_reporter=FirstReport(outlet_of(first), first.id, first.published) if first else None,
    )


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One story of a storyline, placed in time, with who covered it and who was first."""

    story_id: str
    label: str
    first_seen: str | None
    last_seen: str | None
    outlets: list[str]  # by first publication; near-copies folded into their originals
    first: FirstReport | None


@dataclass(frozen=True, slots=True)
class Recurring:
    """One statement reported again in later stories of the storyline."""

    id: str
    label: str
    relation: Relation
    story_ids: list[str]  # in the order the statement appeared in them
    first: FirstReport


@dataclass(slots=True)
class StorylineCoverage:
    timeline: list[TimelineEntry]
    recurring: list[Recurring]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _entry(table: _Table, story: Story) -> TimelineEntry:
    members = [table.articles[a] for a in story.article_ids if a in table.articles]
    first = min(members, key=lambda a: table.order[a.id], default=None)
    return TimelineEntry(
        story.id, story.label, story.first_seen, story.last_seen, _outlets(table, members),
        FirstReport(outlet_of(first), first.id, first.published) if first else None,
    )  # fmt: skip


def storyline_coverage(
    stories: Sequence[Story], articles: Sequence[Article], duplicates: Mapping[str, str] | None = None
) -> StorylineCoverage:
    """The storyline's stories in time order, and the statements that recur from one story to another.

    Alignment here is lexical (no embedder): it runs when a report is built, and a statement carried
    into a later story is usually re-quoted, not reworded.
    """
    table = _table(articles, duplicates)
    story_of = {a: story.id for story in stories for a in story.article_ids if a in table.articles}
    timeline = sorted((_entry(table, s) for s in stories), key=lambda e: (e.first_seen or "9999", e.story_id))
    statements = {s.id: s for a in table.articles.values() for s in a.statements}
    recurring = []
    for group in align_across_stories(list(table.articles.values()), story_of):
        members = sorted((statements[i] for i in group.statement_ids), key=lambda s: (table.order[s.article_id], s.content.start))
        appeared = list(dict.fromkeys(story_of[s.article_id] for s in members))
        recurring.append(Recurring(group.id, _label(members[0]), group.relation, appeared, table.first_report(members[0])))
    recurring.sort(key=lambda r: (table.order[r.first.article_id], r.id))
    return StorylineCoverage(timeline, recurring)

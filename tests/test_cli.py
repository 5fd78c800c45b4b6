"""The `storyline` command as users and scripts call it: exit codes, formats, error records."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import click
import pytest
import typer
from typer.testing import CliRunner

from conftest import EXAMPLES
from storyline.analysis.confidence import SHOWN_CONFIDENCE
from storyline.cli import app
from storyline.store import Store, open_store
from storyline.web.bench import fill

runner = CliRunner()
STORY = EXAMPLES / "corpus" / "capital-wire"


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    """A store from one outlet's pages plus a broken file and a missing path."""
    folder = tmp_path_factory.mktemp("inputs")
    shutil.copytree(STORY, folder / "capital-wire")
    (folder / "empty.html").write_bytes(b"")
    (folder / "junk.html").write_bytes(bytes(range(256)) * 40)
    path = folder / "cli.db"
    result = runner.invoke(app, ["analyze", str(folder), str(folder / "missing.html"), "--db", str(path)])
    assert result.exit_code == 1, result.output  # some inputs failed, the rest was stored
    return path


def invoke(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def test_bad_inputs_become_error_records_and_good_ones_are_kept(db):
    errors = [json.loads(line) for line in invoke("export", "--what", "errors", "--db", str(db)).splitlines()]
    failed = {e["source"].rsplit("/", 1)[-1] for e in errors}
    assert {"empty.html", "junk.html", "missing.html"} <= failed
    assert all(e["reason"] for e in errors)
    articles = invoke("export", "--what", "articles", "--db", str(db)).splitlines()
    assert len(articles) == len(list(STORY.glob("*.html")))


def test_analyze_again_adds_nothing_and_succeeds(db):
    result = runner.invoke(app, ["analyze", str(STORY), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert len(invoke("export", "--what", "articles", "--db", str(db)).splitlines()) == len(list(STORY.glob("*.html")))


@pytest.mark.parametrize("what", ["articles", "statements", "stories", "storylines", "entities", "discrepancies", "errors"])
def test_export_jsonl_and_csv_agree(db, what):
    lines = invoke("export", "--what", what, "--db", str(db)).splitlines()
    table = list(csv.DictReader(io.StringIO(invoke("export", "--what", what, "--format", "csv", "--db", str(db)))))
    assert len(table) == len(lines)
    assert all(isinstance(json.loads(line), dict) for line in lines)


def test_quotes_filters_by_speaker_and_words(db):
    out = invoke("quotes", "--speaker", "Dewaele", "--db", str(db))
    assert "Marc Dewaele" in out
    out = invoke("quotes", "--search", "step aside", "--db", str(db))
    assert "aside" in out and "Marc Dewaele" in out


def test_quotes_keeps_only_statements_as_sure_as_asked(db):
    with open_store(db) as store:
        confidences = [r["confidence"] for r in store.statement_rows()]
    assert min(confidences) < 1.0
    result = runner.invoke(app, ["quotes", "--min-confidence", "1", "--limit", "1000", "--db", str(db)])
    assert result.exit_code == 0 and f"of {sum(c >= 1.0 for c in confidences)} statements" in result.stderr


def test_stories_and_report(db):
    stories = [json.loads(line) for line in invoke("export", "--what", "stories", "--db", str(db)).splitlines()]
    assert stories and stories[0]["story_id"] in invoke("stories", "--db", str(db))
    md = invoke("report", "--story", stories[0]["story_id"], "--db", str(db))
    assert md.startswith("# storyline report") and stories[0]["label"] in md


def test_unknown_story_and_missing_store_are_usage_errors(db, tmp_path):
    assert runner.invoke(app, ["report", "--story", "nope", "--db", str(db)]).exit_code == 2
    assert runner.invoke(app, ["stories", "--db", str(tmp_path / "none.db")]).exit_code == 2
    assert runner.invoke(app, ["export", "--what", "nonsense", "--db", str(db)]).exit_code == 2


SRC = Path(__file__).resolve().parents[1] / "src"


@pytest.fixture(scope="module")
def big_db(tmp_path_factory) -> Path:
    """A synthetic store whose every listing is far larger than a pipe's buffer (64 KiB)."""
    path = tmp_path_factory.mktemp("big") / "big.db"
    with Store(path) as store:
        fill(store, 600)
    return path


@pytest.mark.parametrize("command", [
    ["export", "--what", "statements"], ["export", "--what", "articles", "--format", "csv"], ["report"],
    ["report", "--format", "html"], ["stories"], ["quotes", "--limit", "5000"],
])  # fmt: skip
def test_a_reader_that_goes_away_ends_the_command_quietly(big_db, command):
    """`storyline export … | head`: the reader closes the pipe after one line; no traceback, exit 0."""
    process = subprocess.Popen([sys.executable, "-m", "storyline.cli", *command, "--db", str(big_db)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ, "PYTHONPATH": str(SRC)})  # fmt: skip
    assert process.stdout.readline()
    process.stdout.close()  # the writer still has far more than the pipe holds: its next writes fail
    stderr = process.stderr.read().decode()
    assert process.wait(60) == 0, stderr
    assert "Exception" not in stderr and "Traceback" not in stderr and "Error" not in stderr, stderr


def write_rows(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def story(place: str, speaker: str) -> str:
    """An article of our own about a bridge in `place`, long enough to be kept as one."""
    return (f"The {place} bridge reopened on Monday after three months of repairs to its steel deck. "
            f"Engineers tested the span with loaded lorries over the weekend. \"The bridge is safe again,\" "
            f"said {speaker}, the city engineer. Traffic returned to normal by the evening rush hour.")  # fmt: skip


BRIDGES = [{"id": f"b{i}", "outlet": "Test Wire", "title": f"{place} bridge reopens", "text": story(place, who)}
           for i, (place, who) in enumerate([("Elm", "Anna Berg"), ("Oak", "Ivo Lund"), ("Ash", "Maja Holt")])]  # fmt: skip


def test_off_a_terminal_progress_is_a_plain_line_with_the_total(tmp_path, monkeypatch):
    """A log or CI shows how far a run got; skipped rows count too, so a re-run also reaches its total."""
    monkeypatch.setenv("STORYLINE_PROGRESS_SECONDS", "0")
    table = write_rows(tmp_path / "bridges.jsonl", BRIDGES)
    for _ in range(2):
        result = runner.invoke(app, ["analyze", str(table), "--db", str(tmp_path / "p.db")])
        assert result.exit_code == 0, result.output
        lines = [line for line in result.stderr.splitlines() if line.startswith("analysing")]
        assert [line.split()[1] for line in lines] == ["1/3", "2/3", "3/3"], result.stderr


def test_on_a_terminal_progress_shows_the_total_of_a_table(tmp_path):
    """`analyze x.jsonl` on a terminal: the bar counts to the table's rows, not to "?"."""
    import pty

    table = write_rows(tmp_path / "bridges.jsonl", BRIDGES)
    leader, follower = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "storyline.cli", "analyze", str(table), "--db", str(tmp_path / "t.db")],
                               stdout=subprocess.DEVNULL, stderr=follower, env={**os.environ, "PYTHONPATH": str(SRC), "COLUMNS": "100"})  # fmt: skip
    os.close(follower)
    shown = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # EIO: the process closed the terminal
            break
        if not chunk:
            break
        shown += chunk
    os.close(leader)
    assert process.wait(120) == 0, shown.decode(errors="replace")
    text = shown.decode(errors="replace")
    assert "/3" in text and "/?" not in text, text


def test_an_id_met_again_keeps_other_content_and_skips_the_same(tmp_path):
    """BASIL has two rows with the id "empty" and different texts: the second must not vanish."""
    first, other = BRIDGES[0], BRIDGES[1]
    rows = [first, {**first, "text": first["text"].upper()}, {**other, "id": first["id"]}]  # same content, then other
    table = write_rows(tmp_path / "rows.jsonl", rows)
    db = str(tmp_path / "ids.db")
    result = runner.invoke(app, ["analyze", str(table), "--db", db])
    assert result.exit_code == 0 and "2 articles added, 1 already stored" in result.stderr, result.stderr
    stored = {a["id"]: a["text"] for a in map(json.loads, invoke("export", "--what", "articles", "--db", db).splitlines())}
    derived = [i for i in stored if i != first["id"]]
    assert stored[first["id"]] == first["text"] and len(derived) == 1 and stored[derived[0]] == other["text"]
    assert re.fullmatch(re.escape(first["id"]) + r"~[0-9a-f]{8}", derived[0])
    shutil.copy(table, tmp_path / "copy.jsonl")  # the same rows again, also from another file: nothing new
    for again in (table, tmp_path / "copy.jsonl"):
        result = runner.invoke(app, ["analyze", str(again), "--db", db])
        assert result.exit_code == 0 and "0 articles added, 3 already stored" in result.stderr, result.stderr
    alone = str(tmp_path / "alone.db")  # the derived id depends on the content only, not on what came first
    runner.invoke(app, ["analyze", str(write_rows(tmp_path / "first.jsonl", [first])), "--db", alone])
    runner.invoke(app, ["analyze", str(write_rows(tmp_path / "other.jsonl", rows[2:])), "--db", alone])
    assert {json.loads(a)["id"] for a in invoke("export", "--what", "articles", "--db", alone).splitlines()} == set(stored)


def command_paths(command: click.Command, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], click.Command]]:
    yield path, command
    for name, sub in getattr(command, "commands", {}).items():
        yield from command_paths(sub, (*path, name))


def opening(help_text: str, width: int) -> str:
    """The first words of a help text that fit in `width` characters."""
    words, line = help_text.split(), ""
    while words and len(f"{line} {words[0]}".strip()) <= width:
        line = f"{line} {words.pop(0)}".strip()
    return line


@pytest.mark.parametrize("path", [path for path, _ in command_paths(typer.main.get_command(app))], ids=" ".join)
def test_help_gives_option_text_room_in_80_columns(path):
    """Every option's help starts with at least 40 characters on one line, nothing is wider than 80."""
    command = dict(command_paths(typer.main.get_command(app)))[path]
    result = runner.invoke(app, [*path, "--help"], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert max(map(len, lines)) <= 80
    for param in command.params:
        if getattr(param, "help", None) and len(param.help) > 40:
            start = opening(param.help, 40)
            assert any(start in line for line in lines), f"{param.name}: {start!r} is squeezed:\n{result.stdout}"


def test_quotes_give_the_statement_the_width_of_80_columns(db):
    """One block per statement: its speaker line, then its text wrapped to the terminal, not 3 words a line."""
    result = runner.invoke(app, ["quotes", "--limit", "1000", "--db", str(db)], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    with open_store(db) as store:
        contents = [r["content"] for r in store.statement_rows(min_confidence=SHOWN_CONFIDENCE)]  # what quotes shows
    assert max(map(len, lines)) <= 80
    for content in contents:
        start = opening(content, 60)
        assert any(start in line for line in lines), f"{start!r} is squeezed"


def test_quotes_hide_tentative_statements_unless_all_are_asked_for(db):
    shown = runner.invoke(app, ["quotes", "--limit", "1000", "--db", str(db)])
    every = runner.invoke(app, ["quotes", "--limit", "1000", "--all", "--db", str(db)])
    with open_store(db) as store:
        total, sure = len(store.statement_rows()), len(store.statement_rows(min_confidence=SHOWN_CONFIDENCE))
    assert sure < total
    assert f"{sure} of {sure} statements" in shown.output and "tentative" not in shown.stdout
    assert f"{total} of {total} statements" in every.output and every.stdout.count("tentative") == total - sure

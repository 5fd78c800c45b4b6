"""The `storyline` command as users and scripts call it: exit codes, formats, error records."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import EXAMPLES
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

"""End to end in headless Chromium: a real server on 127.0.0.1, pages opened, links followed, searched.

Uses Debian's `chromium` through Playwright (no browser download); skips when it is not installed.
Screenshots go to the test's tmp folder, or to $STORYLINE_SCREENSHOTS when set (for docs/screenshots).
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from test_web import add_hostile_article, copy_db, corpus_db

playwright = pytest.importorskip("playwright.sync_api")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no chromium binary: apt-get install chromium")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]  # fmt: skip


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(db: Path) -> Iterator[str]:
    import uvicorn

    from storyline.web import create_app

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline, "server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Iterator[str]:
    yield from serve(corpus_db(tmp_path_factory.getbasetemp()))


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Iterator[str]:
    db = copy_db(corpus_db(tmp_path_factory.getbasetemp()), tmp_path_factory.mktemp("xss-browser") / "xss.db")
    add_hostile_article(db)
    yield from serve(db)


@pytest.fixture(scope="module")
def browser():
    """Playwright gives each launch a fresh temporary profile (the `--user-data-dir` the flags need)."""
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.errors = []  # console errors (a CSP violation shows up here) and uncaught exceptions
    page.on("console", lambda m: page.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    yield page
    context.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    folder = os.environ.get("STORYLINE_SCREENSHOTS")
    return Path(folder) if folder else tmp_path_factory.mktemp("screenshots")


def shoot(page, shots: Path, name: str) -> None:
    path = shots / f"{name}.png"
    page.screenshot(path=str(path), full_page=False)
    assert path.stat().st_size > 5000  # something was drawn


def test_walk_through_every_page_as_an_analyst(site, page, shots):
    page.goto(site + "/")
    assert page.locator(".card").count() >= 5 and page.locator("ol.speakers li").count() >= 3
    shoot(page, shots, "home")

    page.locator(".card .title").first.click()
    page.wait_for_url("**/story/**")
    assert page.locator("table.matrix th.outlet").count() >= 2
    assert page.locator("td.cell a").count() >= 3
    shoot(page, shots, "story")

    page.locator(".crumbs a").first.click()
    page.wait_for_url("**/storyline/**")
    assert page.locator("figure.timeline circle.dot").count() >= 3
    shoot(page, shots, "storyline")

    page.goto(site + "/")
    page.locator("ol.speakers a").first.click()
    page.wait_for_url("**/speaker/**")
    assert page.locator("ul.statements li").count() >= 2 and page.locator("rect.bar").count() >= 1
    shoot(page, shots, "speaker")

    page.locator("ul.statements li .meta a").first.click()
    page.wait_for_url("**/article/**")
    assert page.locator(".hl.statement").count() >= 1 and page.locator(".hl.cue").count() >= 1
    page.locator("a.jump").first.click()
    assert page.locator(".hl.active").count() >= 1  # the script ran under the CSP
    shoot(page, shots, "article")
    assert page.errors == []


def test_search_from_the_header_and_narrow_by_filters(site, page, shots):
    page.goto(site + "/")
    page.fill("form.quick input", "Danube")
    page.press("form.quick input", "Enter")
    page.wait_for_url("**/search?**")
    found = page.locator("ul.statements li").count()
    assert found >= 1
    page.select_option("select[name=scope]", "articles")
    page.click("form.search button")
    page.wait_for_url("**scope=articles**")
    assert page.locator("ul.hits li").count() >= 1 and page.locator("ul.hits mark").count() >= 1
    shoot(page, shots, "search")
    outlet = page.locator("select[name=outlet] option").nth(1).inner_text()
    page.select_option("select[name=outlet]", outlet)
    page.click("form.search button")
    page.wait_for_load_state()
    metas = page.locator("ul.hits .meta").all_inner_texts()
    assert metas and all(m.startswith(outlet) for m in metas)
    assert page.errors == []


def test_statement_search_marks_the_words_found(site, page, shots):
    page.goto(site + "/search?q=fire+alarm")
    quotes = page.locator("ul.statements li blockquote")
    assert quotes.count() >= 1
    for i in range(quotes.count()):  # each hit shows why it matched, as text, however the words were cased
        marked = {m.lower() for m in quotes.nth(i).locator("mark").all_inner_texts()}
        assert marked and marked <= {"fire", "alarm"}, quotes.nth(i).inner_html()
    shoot(page, shots, "search-statements")
    assert page.errors == []


def get_json(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.load(response)


DOTS = """() => [...document.querySelectorAll('figure.timeline circle.dot')].map(c => {
    const b = c.getBoundingClientRect(); return [b.x + b.width / 2, b.y + b.height / 2, b.width]; })"""
LABELS = """() => [...document.querySelectorAll('figure.timeline text.lane')].map(t => {
    const b = t.getBoundingClientRect(), svg = t.ownerSVGElement.getBoundingClientRect();
    return [[...t.querySelectorAll('tspan')].map(s => s.textContent).join(' '), (b.right - svg.left) / svg.width]; })"""


def test_storyline_timeline_keeps_same_day_dots_apart_and_whole_titles(site, page, shots):
    """Articles of one day were one dot; story titles were cut at about 35 characters."""
    same_day = 0
    for line in get_json(site + "/api/storylines?limit=50")["items"]:
        page.goto(f"{site}/storyline/{line['id']}")
        dots = page.evaluate(DOTS)
        for i, (x, y, size) in enumerate(dots):
            for x2, y2, _ in dots[i + 1:]:
                assert (round(x), round(y)) != (round(x2), round(y2)), f"two dots on one spot in {line['id']}"
                if abs(x - x2) < 1:
                    same_day += 1
                    assert abs(y - y2) >= size * 0.95, f"same-day dots cover each other in {line['id']}"
        labels = page.evaluate(LABELS)
        stories = get_json(f"{site}/api/storylines/{line['id']}")["stories"]
        assert [text for text, _ in labels] == [s["label"] for s in stories]
        assert all(right <= 324 / 960 for _, right in labels), labels  # inside the label column, clear of the dots
    assert same_day, "the corpus should have articles of one story on one day"
    shoot(page, shots, "storyline-timeline")
    assert page.errors == []


def test_hostile_article_does_not_run_in_the_browser(hostile_site, page):
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    for path in ("/article/axss", "/story/stxss", "/speaker/exss", "/search?q=Intro&scope=articles", "/"):
        page.goto(hostile_site + path)
        assert page.evaluate("typeof window.__xss") == "undefined", path
    page.goto(hostile_site + "/article/axss")
    assert "<script>" in page.locator("h1").inner_text()  # shown as text, not run
    assert dialogs == []

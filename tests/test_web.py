"""The web UI and JSON API against a real store built from the sample corpus."""

from __future__ import annotations

import csv
import html
import io
import json
import sqlite3
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from fastapi.testclient import TestClient

from conftest import EXAMPLES
from storyline.model import Article, Entity, Mention, Span, Speaker, Statement
from storyline.store import Store
from storyline.web import create_app
from storyline.web.bench import fill, measure
from storyline.web.highlight import Mark, highlight

CORPUS = EXAMPLES / "corpus"
BASE = "http://127.0.0.1"
HOSTILE = '<script>window.__xss=1</script><img src=x onerror="window.__xss=1">'


@cache
def corpus_db(folder: Path) -> Path:
    """The sample corpus analysed once per test session (shared with the browser tests)."""
    from storyline.pipeline import analyze

    if not CORPUS.is_dir():
        pytest.skip("examples/corpus is not present")
    path = folder / "corpus.db"
    summary = analyze([CORPUS], path)
    assert summary.added >= 25 and not summary.failed
    return path


def copy_db(source: Path, target: Path) -> Path:
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    return target


def add_hostile_article(db: Path) -> str:
    """An article whose every field is an attack, with overlapping statement and mention spans."""
    text = f"Intro {HOSTILE} said {HOSTILE} Mallory. More </span></div> text & end."
    start = text.index(HOSTILE)
    article = Article(
        id="axss", text=text, url="javascript:window.__xss=1", outlet=f"Outlet {HOSTILE}", title=f"Title {HOSTILE}",
        authors=[f"Author {HOSTILE}"], published="2030-01-01",
    )  # fmt: skip
    speaker = Speaker("exss", f"Mallory {HOSTILE}")
    cue = text.index("said")
    article.statements = [
        Statement("axss", "direct", Span.of(text, start, start + 20), Span.of(text, cue, cue + 4),
                  Span.of(text, text.index("Mallory"), text.index("Mallory") + 7), speaker)
    ]  # fmt: skip
    article.mentions = [Mention("axss", Span.of(text, start + 10, cue + 2), "exss", "person")]  # crosses the cue
    entity = Entity("exss", speaker.name, "person")
    entity.add_alias(f"alias {HOSTILE}", "axss")
    with Store(db) as store:
        store.save_article(article, features={}, story_id="stxss", entities=[entity])
    return article.id


@pytest.fixture(scope="session")
def db(tmp_path_factory) -> Path:
    return corpus_db(tmp_path_factory.getbasetemp())


@pytest.fixture(scope="module")
def client(db) -> TestClient:
    return TestClient(create_app(db), base_url=BASE)


@pytest.fixture(scope="module")
def hostile(db, tmp_path_factory) -> TestClient:
    path = copy_db(db, tmp_path_factory.mktemp("xss") / "xss.db")
    add_hostile_article(path)
    return TestClient(create_app(path), base_url=BASE)


def get_json(client: TestClient, url: str) -> dict:
    response = client.get(url)
    assert response.status_code == 200, (url, response.text[:300])
    return response.json()


class Links(HTMLParser):
    """Internal links and external asset references in a page, and whether its tags balance."""

    VOID = {"meta", "link", "input", "img", "br", "hr", "circle", "line", "rect", "source"}

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.assets: list[str] = []
        self.scripts: list[dict] = []
        self.stack: list[str] = []
        self.unbalanced: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "a" and a.get("href") and "download" not in a:
            self.links.append(a["href"])
        if tag in {"script", "link", "img"}:
            self.assets.append(a.get("src") or a.get("href") or "")
        if tag == "script":
            self.scripts.append(a)
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in self.VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.unbalanced.append(tag)
        else:
            self.stack.pop()


def parse(html: str) -> Links:
    parser = Links()
    parser.feed(html)
    return parser


# ---- pages ---------------------------------------------------------------------------------------


def test_home_shows_latest_stories_storylines_and_most_quoted(client):
    html = client.get("/").text
    stories = get_json(client, "/api/stories?limit=3")["items"]
    lines = get_json(client, "/api/storylines?limit=3")["items"]
    speakers = get_json(client, "/api/speakers?limit=3")["items"]
    assert stories[0]["last_seen"] >= stories[-1]["last_seen"]
    for item in (*stories, *lines, *speakers):
        assert item["id"] in html
    assert speakers[0]["statements"] >= speakers[-1]["statements"] > 0
    assert get_json(client, "/api/stats")["articles"] == len(list(CORPUS.rglob("*.html")))


def test_every_linked_page_renders_with_balanced_markup_and_no_external_assets(client):
    """Follow every internal link from the home page (breadth-first): nothing is broken."""
    seen, queue = set(), ["/", "/stories", "/storylines", "/speakers", "/articles", "/search?q=water", "/api"]
    kinds: set[str] = set()
    while queue and len(seen) < 400:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        assert response.status_code == 200, url
        if "text/html" not in response.headers["content-type"]:
            continue
        page = parse(response.text)
        assert not page.unbalanced and not page.stack, (url, page.unbalanced, page.stack)
        assert all(not urlsplit(a).netloc for a in page.assets), (url, page.assets)
        kinds.add(url.split("/")[1].split("?")[0])
        for href in page.links:
            target = urljoin(url, href)
            if not urlsplit(target).netloc and "/api/" not in target:
                queue.append(target.split("#")[0])
    assert {"story", "storyline", "speaker", "article", "search"} <= kinds


def test_story_page_has_coverage_matrix_discrepancies_and_folded_copies(client, db):
    with Store(db) as store:
        copies = store.duplicates()
        story_id = next(r["story_id"] for r in store.article_rows() if r["id"] in copies)
    story = get_json(client, f"/api/stories/{story_id}")
    html = client.get(f"/story/{story_id}").text
    for outlet in story["coverage"]["outlets"]:
        assert f'<th class="outlet"><span>{outlet}</span></th>' in html.replace("&#39;", "'")
    assert html.count('<td class="cell ') >= len(story["coverage"]["rows"]) * len(story["coverage"]["outlets"])
    folded = [c["id"] for a in story["folded"] for c in a["copies"]]
    assert set(folded) == {a["id"] for a in story["articles"] if a["duplicate_of"]} and folded
    assert 'class="copies"' in html
    assert story["articles"] and all(f"/article/{a['id']}" in html for a in story["articles"])


def test_discrepancies_are_shown_side_by_side(client):
    stories = get_json(client, "/api/stories?limit=50")["items"]
    shown = 0
    for s in stories:
        story = get_json(client, f"/api/stories/{s['id']}")
        html = client.get(f"/story/{s['id']}").text
        for d in story["discrepancies"]:
            assert html.count('<div class="side">') >= len(d["evidence"]) >= 2
            shown += 1
    assert shown >= 1


def test_storyline_page_draws_a_timeline_of_its_stories(client):
    line = get_json(client, "/api/storylines?limit=1")["items"][0]
    detail = get_json(client, f"/api/storylines/{line['id']}")
    html = client.get(f"/storyline/{line['id']}").text
    assert html.count('<line class="span"') == len(detail["stories"]) == line["stories"]
    assert html.count('class="dot o') >= sum(len(s["dates"]) for s in detail["stories"])
    days = [s["first_seen"] for s in detail["stories"]]
    assert days == sorted(days)


def test_speaker_page_lists_statements_with_dates_outlets_and_aliases(client):
    top = get_json(client, "/api/speakers?limit=1")["items"][0]
    who = get_json(client, f"/api/speakers/{top['id']}")
    statements = get_json(client, f"/api/speakers/{top['id']}/statements?limit=200")
    assert statements["total"] == who["statements"] == top["statements"] == len(statements["items"])
    assert who["aliases"] and all(a["outlets"] for a in who["aliases"])
    html = client.get(f"/speaker/{top['id']}").text
    first = statements["items"][0]
    assert first["published"][:10] in html and first["outlet"] in html
    assert '<rect class="bar"' in html


def test_article_page_highlights_every_statement_cue_and_entity_at_its_offsets(client):
    listing = get_json(client, "/api/articles?limit=200")["items"]
    article = max((get_json(client, f"/api/articles/{a['id']}") for a in listing), key=lambda a: len(a["statements"]))
    for s in article["statements"]:
        for part in ("content", "cue"):
            span = s[part]
            assert article["text"][span["start"] : span["end"]] == span["text"]
    html = client.get(f"/article/{article['id']}").text
    page = parse(html)
    assert not page.unbalanced and not page.stack
    assert all(f'id="{s["id"]}"' in html for s in article["statements"])
    assert html.count("hl cue") >= len({s["cue"]["start"] for s in article["statements"]})
    assert "entity person" in html


def test_statements_found_through_rarely_reliable_cues_are_marked_tentative(client):
    listing = get_json(client, "/api/articles?limit=200")["items"]
    articles = [get_json(client, f"/api/articles/{a['id']}") for a in listing]
    unsure = next(a for a in articles if any(s["confidence"] < 0.5 for s in a["statements"]))
    sure = next(a for a in articles if a["statements"] and all(s["confidence"] >= 0.5 for s in a["statements"]))
    html = client.get(f"/article/{unsure['id']}").text
    assert html.count('class="tentative"') == sum(s["confidence"] < 0.5 for s in unsure["statements"])
    assert 'class="tentative"' not in client.get(f"/article/{sure['id']}").text


def test_highlight_keeps_markup_flat_when_spans_overlap():
    text = "a <b> c"
    html = highlight(text, [Mark(0, 5, "statement", "s1"), Mark(2, 7, "entity person", "e1"), Mark(9, 12, "cue")])
    assert str(html) == (
        '<span class="hl statement" data-refs="s1" title="" id="s1">a </span>'
        '<span class="hl entity person statement" data-refs="e1 s1" title="">&lt;b&gt;</span>'
        '<span class="hl entity person" data-refs="e1" title=""> c</span>'
    )


# ---- search and pagination -------------------------------------------------------------------------


def test_search_finds_statements_and_articles_and_filters_narrow_them(client):
    everything = get_json(client, "/api/search?limit=200")
    word = max(everything["items"][0]["content"].split(), key=len).strip(".,\u201c\u201d\"'")
    hits = get_json(client, f"/api/search?q={word}")
    assert hits["total"] >= 1 and all(word.lower() in h["content"].lower() for h in hits["items"])
    first = everything["items"][0]
    narrowed = get_json(
        client, f"/api/search?outlet={first['outlet']}&kind={first['kind']}"
        f"&date_from={first['published'][:10]}&date_to={first['published'][:10]}",
    )  # fmt: skip
    assert 0 < narrowed["total"] < everything["total"]
    assert all(h["outlet"] == first["outlet"] and h["kind"] == first["kind"] for h in narrowed["items"])
    speaker = get_json(client, "/api/speakers?limit=1")["items"][0]
    by_speaker = get_json(client, f"/api/search?speaker={speaker['name'].split()[-1]}")
    assert by_speaker["total"] >= speaker["statements"]
    articles = get_json(client, "/api/search?scope=articles&q=Danube")
    assert articles["total"] >= 1 and "\x02" in articles["items"][0]["snippet"]
    html = client.get("/search?scope=articles&q=Danube").text
    assert "<mark>Danube</mark>" in html


def test_search_survives_fts_syntax_in_the_query(client):
    for q in ['"', "AND OR NOT", "*", "water)", "NEAR("]:
        assert client.get("/search", params={"q": q}).status_code == 200
        assert client.get("/api/search", params={"q": q, "scope": "articles"}).status_code == 200


def test_lists_paginate_with_totals_until_exhausted(client):
    for name in ("articles", "stories", "storylines", "speakers", "search"):
        ids, offset, total = [], 0, None
        while offset is not None:
            page = get_json(client, f"/api/{name}?limit=3&offset={offset}")
            total = page["total"]
            ids += [item["id"] for item in page["items"]]
            offset = page["next_offset"]
        assert len(ids) == len(set(ids)) == total > 0, name
    assert client.get("/api/articles?limit=1000").status_code == 422
    html = client.get("/articles?limit=5").text
    assert 'rel="next"' in html and "1–5 of" in html


def test_openapi_documents_every_api_route(client):
    schema = get_json(client, "/openapi.json")
    paths = set(schema["paths"])
    assert {"/api/stories", "/api/stories/{story_id}", "/api/speakers/{speaker_id}", "/api/search", "/api/ingest",
            "/api/articles/{article_id}", "/api/export/statements.{fmt}"} <= paths  # fmt: skip
    assert not any(p.startswith("/story/") for p in paths)
    assert "limit" in [p["name"] for p in schema["paths"]["/api/stories"]["get"]["parameters"]]
    assert "/api/search" in client.get("/api").text


# ---- exports -------------------------------------------------------------------------------------


def test_story_exports_as_markdown_and_html_reports(client):
    story = get_json(client, "/api/stories?limit=1")["items"][0]
    for fmt in ("md", "html"):
        response = client.get(f"/api/stories/{story['id']}/report.{fmt}")
        assert response.status_code == 200
        assert response.headers["content-disposition"].startswith("attachment")
        assert story["label"].split()[0] in response.text
    assert client.get("/api/stories/nope/report.md").status_code == 404


def test_statements_export_as_csv_and_jsonl_for_a_story_or_all(client):
    story = get_json(client, "/api/stories?limit=1")["items"][0]
    detail = get_json(client, f"/api/stories/{story['id']}")
    ids = {a["id"] for a in detail["articles"]}
    rows = list(csv.DictReader(io.StringIO(client.get(f"/api/export/statements.csv?story_id={story['id']}").text)))
    lines = [json.loads(x) for x in client.get(f"/api/export/statements.jsonl?story_id={story['id']}").text.splitlines()]
    assert rows and len(rows) == len(lines) and {r["article_id"] for r in rows} <= ids
    assert lines[0]["content"]["text"] and {"speaker", "cue", "outlet"} <= set(lines[0])
    everything = [json.loads(x) for x in client.get("/api/export/statements.jsonl?all=1").text.splitlines()]
    assert len(everything) == get_json(client, "/api/stats")["statements"] > len(lines)
    shown = client.get("/api/export/statements.jsonl").text.splitlines()
    assert len(shown) == sum(r["shown"] for r in everything) < len(everything)  # the sample has low ones


def test_tentative_statements_are_listed_only_when_all_are_asked_for(client):
    every = [json.loads(x) for x in client.get("/api/export/statements.jsonl?all=1").text.splitlines()]
    low = next(r for r in every if not r["shown"] and r["speaker"])
    url = f"/api/speakers/{low['speaker']['id']}/statements?limit=100"
    assert low["id"] not in {s["id"] for s in get_json(client, url)["items"]}
    assert low["id"] in {s["id"] for s in get_json(client, url + "&all=1")["items"]}
    page = client.get(f"/speaker/{low['speaker']['id']}?all=1").text
    assert "tentative" in page and "only the statements storyline is sure of" in page


# ---- security ------------------------------------------------------------------------------------


def test_every_response_carries_a_strict_csp_and_security_headers(client):
    for url in ("/", "/api/stories", "/static/storyline.css", "/nope"):
        headers = client.get(url).headers
        assert "default-src 'self'" in headers["content-security-policy"]
        assert "script-src 'self'" in headers["content-security-policy"]
        assert "unsafe-inline" not in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff" and headers["x-frame-options"] == "DENY"


def test_pages_have_no_inline_script(client):
    page = parse(client.get("/").text)
    assert page.scripts == [{"src": "/static/storyline.js", "defer": None}]


def test_hostile_article_renders_inert_everywhere(hostile):
    urls = ["/article/axss", "/story/stxss", "/speaker/exss", "/", "/stories", "/articles", "/search?q=Intro&scope=articles",
            "/search?q=window", "/search?speaker=Mallory"]  # fmt: skip
    for url in urls:
        html = hostile.get(url).text
        assert "<script>window" not in html and "<img src=x" not in html, url
        assert "&lt;script&gt;" in html, url
        assert [s["src"] for s in parse(html).scripts] == ["/static/storyline.js"], url
        assert not parse(html).unbalanced, url
    article = hostile.get("/article/axss").text
    assert 'href="javascript:' not in article
    assert get_json(hostile, "/api/articles/axss")["title"] == f"Title {HOSTILE}"  # JSON keeps the data as it is


def test_read_only_by_default(client):
    assert client.post("/api/ingest", data={"urls": "https://example.org/a"}).status_code == 403
    assert "read-only" in client.get("/ingest").text


def test_unknown_hosts_and_cross_site_writes_are_refused(db):
    web = create_app(db, allow_ingest=True)
    assert TestClient(web, base_url="http://evil.example").get("/").status_code == 400
    local = TestClient(web, base_url=BASE)
    refused = local.post("/api/ingest", data={"urls": "x"}, headers={"origin": "http://evil.example"})
    assert refused.status_code == 403 and "cross-site" in refused.text
    assert local.post("/api/ingest", data={"urls": "ftp://x"}, headers={"origin": BASE}).status_code == 400


def test_ingest_runs_the_pipeline_on_uploaded_files(db, tmp_path):
    path = copy_db(db, tmp_path / "ingest.db")
    web = TestClient(create_app(path, allow_ingest=True), base_url=BASE)
    before = get_json(web, "/api/stats")["articles"]
    page = (
        "<html><head><title>Lighthouse keepers vote to strike</title></head><body><article>"
        "<h1>Lighthouse keepers vote to strike</h1><p>Published 2026-06-01.</p>"
        + "".join(f"<p>\u201cWe have waited long enough for the new rota number {i},\u201d said Petra Lindgren,"
                  f" the union's chair, on Monday in Tromsdal.</p>" for i in range(4))
        + "</article></body></html>"
    )  # fmt: skip
    response = web.post("/api/ingest", files=[("files", ("../../escape.html", page.encode(), "text/html"))])
    assert response.status_code == 200, response.text
    assert response.json()["added"] == 1 and response.json()["failed"] == 0
    assert get_json(web, "/api/stats")["articles"] == before + 1
    assert not (tmp_path.parent / "escape.html").exists()
    assert get_json(web, "/api/search?speaker=Lindgren")["total"] >= 1


# ---- benchmark -----------------------------------------------------------------------------------


def test_bench_fills_a_store_whose_pages_all_render(tmp_path):
    path = tmp_path / "bench.db"
    with Store(path) as store:
        fill(store, 60)
        assert store.count("articles") == 60 and store.count("statements") == 180
        for r in store.statement_rows()[:20]:
            article = store.load_article(r["article_id"])
            assert article.text[r["content_start"] : r["content_end"]] == r["content"]
    figures = list(measure(path, requests=2))
    assert len(figures) >= 9 and all(0 < p50 <= p95 for _, p50, p95 in figures)


def test_a_speakers_role_is_shown_beside_the_name(client):
    every = [json.loads(x) for x in client.get("/api/export/statements.jsonl").text.splitlines()]
    row = next(r for r in every if r["speaker"] and r["speaker"].get("role"))
    page = client.get(f"/speaker/{row['speaker']['id']}").text
    assert f'<span class="role">as {html.escape(row["speaker"]["role"], quote=False)}</span>' in page
    article = client.get(f"/article/{row['article_id']}").text
    assert f'<span class="role">{html.escape(row["speaker"]["role"], quote=False)}</span>' in article

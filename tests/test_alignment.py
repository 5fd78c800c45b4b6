"""Statement alignment over three invented outlets reporting one invented round of talks.

The articles are written here (no spaCy): statements, mentions and entities are built by hand with
spans found by `str.index`, so each test states exactly what the analysis stage would hand over.
`test_compare.py` reuses this corpus.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pytest

from storyline.model import Article, Entity, Mention, Span, Speaker, Statement, StatementKind, stable_id
from storyline.relate.alignment import align_across_stories, align_statements, differing_words, lexical_relation, tokens

KOVALENKO = Speaker("p:kovalenko", "Marta Kovalenko")
HALVORSEN = Speaker("p:halvorsen", "Piotr Halvorsen")
POLICE = Speaker("o:police", "Police", "org")


def find(text: str, part: str) -> Span:
    start = text.index(part)
    return Span.of(text, start, start + len(part))


@dataclass
class Quote:
    content: str
    cue: str
    source: str
    speaker: Speaker
    kind: StatementKind = "indirect"


def article(article_id: str, outlet: str, published: str, text: str, quotes: list[Quote],
            places: tuple[str, ...] = ()) -> Article:  # fmt: skip
    statements = [
        Statement(article_id, q.kind, find(text, q.content), find(text, q.cue), find(text, q.source), q.speaker)
        for q in quotes
    ]
    mentions = [Mention(article_id, find(text, p), f"l:{p.lower()}", "place") for p in places]
    return Article(article_id, text, outlet=outlet, published=published, statements=statements, mentions=mentions)


LEDGER_TEXT = (
    "Foreign Minister Marta Kovalenko said on Tuesday that the talks in Vienna had made real progress. "
    '"We have agreed on a framework for lasting peace and we will return next month," Kovalenko told reporters. '
    "She said the negotiators expected a final agreement before the summer. "
    'Asked about the timetable, Kovalenko insisted: "Nobody should expect miracles overnight." '
    "Forty people were evacuated from the old harbour district before the meeting. "
    "Police said 1.1 million residents live in the region. "
    "Envoy Piotr Halvorsen said the ceasefire must hold."
)
LEDGER_QUOTES = [
    Quote("the talks in Vienna had made real progress", "said", "Foreign Minister Marta Kovalenko", KOVALENKO),
    Quote("We have agreed on a framework for lasting peace and we will return next month", "told", "Kovalenko told",
          KOVALENKO, "direct"),
    Quote("the negotiators expected a final agreement before the summer", "She said", "She", KOVALENKO),
    Quote("Nobody should expect miracles overnight", "insisted", "Kovalenko insisted", KOVALENKO, "direct"),
    Quote("the ceasefire must hold", "Halvorsen said", "Envoy Piotr Halvorsen", HALVORSEN),
]  # fmt: skip

POST_TEXT = (
    "Marta Kovalenko said yesterday that the talks in Graz had made real progress. "
    '"We have agreed on a framework for lasting peace," Kovalenko said after the session. '
    "Kovalenko's aides said negotiators hoped to reach a final agreement before summer begins. "
    "400 people were evacuated from the old harbour district. "
    "Some 1,100,000 residents live in the region, officials said."
)
POST_QUOTES = [
    Quote("the talks in Graz had made real progress", "said yesterday", "Marta Kovalenko", KOVALENKO),
    Quote("We have agreed on a framework for lasting peace", "Kovalenko said", "Kovalenko said", KOVALENKO, "direct"),
    Quote("negotiators hoped to reach a final agreement before summer begins", "aides said", "Kovalenko's aides",
          KOVALENKO),
]  # fmt: skip

HERALD_TEXT = (
    '"We have agreed on a framework for a lasting ceasefire and we will return next month," said Marta Kovalenco. '
    "Minister Kovalenko also said the ceasefire must hold. "
    "Earlier, forty people were evacuated. "
    "Police said the harbour would reopen on Friday."
)
HERALD_QUOTES = [
    Quote("We have agreed on a framework for a lasting ceasefire and we will return next month", "said Marta",
          "Marta Kovalenco", KOVALENKO, "direct"),
    Quote("the ceasefire must hold", "also said", "Minister Kovalenko", KOVALENKO),
    Quote("the harbour would reopen on Friday", "Police said", "Police", POLICE),
]  # fmt: skip


def harbour_articles() -> list[Article]:
    """Three outlets on one round of talks, plus a wire reprint of the first."""
    return [
        article("a-ledger", "Daily Ledger", "2024-03-05T08:00:00+00:00", LEDGER_TEXT, LEDGER_QUOTES, ("Vienna",)),
        article("a-post", "Morning Post", "2024-03-06T10:00:00+00:00", POST_TEXT, POST_QUOTES, ("Graz",)),
        article("a-herald", "Coast Herald", "2024-03-06T12:00:00+00:00", HERALD_TEXT, HERALD_QUOTES),
        article("a-wire", "Bay Wire", "2024-03-06T13:00:00+00:00", LEDGER_TEXT, LEDGER_QUOTES, ("Vienna",)),
    ]


def harbour_entities() -> dict[str, Entity]:
    return {
        "p:kovalenko": Entity("p:kovalenko", "Marta Kovalenko", "person", {
            "Foreign Minister Marta Kovalenko": {"a-ledger", "a-wire"},
            "Kovalenko": {"a-ledger", "a-post", "a-wire"},
            "Marta Kovalenko": {"a-post"},
            "Kovalenko's": {"a-post"},
            "Marta Kovalenco": {"a-herald"},
            "Minister Kovalenko": {"a-herald"},
            "She": {"a-ledger", "a-wire"},
        }),
        "p:halvorsen": Entity("p:halvorsen", "Piotr Halvorsen", "person",
                              {"Envoy Piotr Halvorsen": {"a-ledger", "a-wire"}}),
    }  # fmt: skip


def contents(articles: list[Article], group_ids: list[str]) -> set[tuple[str, str]]:
    by_id = {s.id: (s.article_id, s.content.text) for a in articles for s in a.statements}
    return {by_id[i] for i in group_ids}


@pytest.fixture(scope="module")
def three() -> list[Article]:
    return harbour_articles()[:3]


def group_with(groups, articles, content):  # noqa: ANN001, ANN201 — test helper
    matches = [g for g in groups if any(c == content for _, c in contents(articles, g.statement_ids))]
    assert len(matches) == 1, f"{content!r} is in {len(matches)} groups"
    return matches[0]


def test_relations_and_misquote(three: list[Article]) -> None:
    groups = align_statements(three)
    talks = group_with(groups, three, "the talks in Vienna had made real progress")
    assert talks.relation == "partial"
    assert contents(three, talks.statement_ids) == {
        ("a-ledger", "the talks in Vienna had made real progress"),
        ("a-post", "the talks in Graz had made real progress"),
    }
    quote = group_with(groups, three, "We have agreed on a framework for lasting peace")
    assert quote.relation == "partial"
    assert {a for a, _ in contents(three, quote.statement_ids)} == {"a-ledger", "a-post", "a-herald"}
    herald_quote = next(s for s in three[2].statements if s.kind == "direct")
    assert quote.misquoted == [herald_quote.id]  # the trim in the Morning Post is not a misquote
    assert quote.speaker == KOVALENKO
    paraphrase = group_with(groups, three, "the negotiators expected a final agreement before the summer")
    assert paraphrase.relation == "paraphrase"
    assert len(paraphrase.statement_ids) == 2
    ceasefire = group_with(groups, three, "the ceasefire must hold")
    assert ceasefire.relation == "exact"
    assert ceasefire.speaker in (HALVORSEN, KOVALENKO)
    assert len(groups) == 4  # the exclusive statements stay ungrouped


def test_exact_copies_group_and_ids_are_stable() -> None:
    articles = harbour_articles()
    groups = align_statements(articles)
    assert [g.id for g in groups] == [g.id for g in align_statements(harbour_articles())]
    for g in groups:
        assert g.id == stable_id(*sorted(g.statement_ids), prefix="g")
        assert g.statement_ids == sorted(g.statement_ids)
    exclusive = group_with(groups, articles, "Nobody should expect miracles overnight")
    assert exclusive.relation == "exact"
    assert {a for a, _ in contents(articles, exclusive.statement_ids)} == {"a-ledger", "a-wire"}


def test_same_article_statements_are_never_linked() -> None:
    text = "Kovalenko said the port would open. Kovalenko said the port would open."
    first, second = text.index("the port"), text.rindex("the port")
    quotes = [
        Statement("a1", "indirect", Span.of(text, s, s + len("the port would open")), find(text, "said"), None, KOVALENKO)
        for s in (first, second)
    ]
    assert align_statements([Article("a1", text, statements=quotes)]) == []


def test_paraphrase_needs_one_speaker() -> None:
    text_a = "Halvorsen said negotiators hoped to reach a final agreement before summer begins."
    text_b = "Kovalenko said the negotiators expected a final agreement before the summer."

    def one(article_id: str, text: str, content: str, speaker: Speaker) -> Article:
        statement = Statement(article_id, "indirect", find(text, content), find(text, "said"), None, speaker)
        return Article(article_id, text, statements=[statement])

    a = one("a", text_a, "negotiators hoped to reach a final agreement before summer begins", HALVORSEN)
    b = one("b", text_b, "the negotiators expected a final agreement before the summer", KOVALENKO)
    assert align_statements([a, b]) == []
    b_same = one("b", text_b, "the negotiators expected a final agreement before the summer", HALVORSEN)
    assert [g.relation for g in align_statements([a, b_same])] == ["paraphrase"]


@pytest.mark.parametrize(
    ("a", "b", "grouped"),
    [
        # One passage with words changed and dropped inside: too changed to be a trim, one quote all the same.
        ("And we must use every lawful means available to recover the stolen harbour records",
         "We must use every lawful measure to recover the harbour records, whatever it takes", True),
        # One opening, two passages.
        ("We are the ones who will rebuild the old harbour bridge", "We are the ones who kept the ferries running all winter",
         False),
    ],
)  # fmt: skip
def test_quotes_of_one_passage_are_grouped_despite_changed_words(a: str, b: str, grouped: bool) -> None:
    def quoted(article_id: str, quote: str, speaker: Speaker) -> Article:
        text = f'"{quote}," she said.'
        statement = Statement(article_id, "direct", find(text, quote), find(text, "said"), find(text, "she"), speaker)
        return Article(article_id, text, statements=[statement])

    groups = align_statements([quoted("a", a, KOVALENKO), quoted("b", b, KOVALENKO)])
    assert [(g.relation, len(g.misquoted)) for g in groups] == ([("partial", 1)] if grouped else [])
    assert align_statements([quoted("a", a, KOVALENKO), quoted("b", b, HALVORSEN)]) == []  # two speakers


@pytest.mark.parametrize(("fragment", "grouped"), [("a gift to the developers", True), ("a gift", False)])
def test_reported_speech_quoting_words_of_a_quote_is_that_quote(fragment: str, grouped: bool) -> None:
    quote = "The harbour plan is a gift to the developers and nothing else"
    text_a = f'"{quote}," Kovalenko said on Monday.'
    text_b = f'Kovalenko, speaking at the council, dismissed the scheme as "{fragment}" before the vote.'
    a = Article("a", text_a, statements=[Statement("a", "direct", find(text_a, quote), find(text_a, "said"), None, KOVALENKO)])
    content = find(text_b, f'the scheme as "{fragment}"')
    b = Article("b", text_b, statements=[Statement("b", "mixed", content, find(text_b, "dismissed"), None, KOVALENKO)])
    assert [(g.relation, g.misquoted) for g in align_statements([a, b])] == ([("partial", [])] if grouped else [])


def test_embedder_decides_paraphrases_when_given(three: list[Article]) -> None:
    def same_everywhere(texts: list[str]) -> np.ndarray:
        return np.ones((len(texts), 4), dtype=np.float32)

    def orthogonal(texts: list[str]) -> np.ndarray:
        return np.eye(len(texts), dtype=np.float32)

    unrelated = [g for g in align_statements(three, embed=orthogonal) if g.relation == "paraphrase"]
    assert unrelated == []  # the word-overlap paraphrase is not found when the embedder disagrees
    merged = align_statements(three, embed=same_everywhere)
    herald_police = next(s for s in three[2].statements if s.speaker == POLICE)
    assert all(herald_police.id not in g.statement_ids for g in merged)  # no one else quotes the police
    assert any(g.relation == "paraphrase" for g in merged)  # the embedder joins what the words alone do not
    article_of = {s.id: a.id for a in three for s in a.statements}
    assert all(len({article_of[i] for i in g.statement_ids}) == len(g.statement_ids) for g in merged)  # one statement an article


def whole_and_parts(first: str, joiner: str, second: str) -> tuple[Article, Article]:
    """One outlet quoting a statement whole, another its two parts as two quotes with their own cues."""
    whole = f"{first}{joiner}{second}"
    long_text = f'"{whole}," Kovalenko said.'
    split_text = f'"{first}," Kovalenko said on Monday. Later, at the council, she added: "{second}."'
    a = Article("a", long_text, statements=[Statement("a", "direct", find(long_text, whole), find(long_text, "said"), None, KOVALENKO)])
    b = Article("b", split_text, statements=[
        Statement("b", "direct", find(split_text, first), find(split_text, "said"), None, KOVALENKO),
        Statement("b", "direct", find(split_text, second), find(split_text, "added"), None, KOVALENKO),
    ])  # fmt: skip
    return a, b


def test_a_long_quote_in_one_outlet_does_not_chain_two_quotes_of_another() -> None:
    groups = align_statements(list(whole_and_parts("The ferry will run all winter", ", and ", "the fares will not rise this year")))
    assert len(groups) == 1 and len(groups[0].statement_ids) == 2


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("We will stay.", "we will STAY", "exact"),
        ("we will stay until the job is done", "we will stay", "partial"),
        ("we will stay in the country until the job is done", "we will stay in the country until job done", "partial"),
        ("we will stay", "they must leave", None),
    ],
)
def test_lexical_relation(a: str, b: str, expected: str | None) -> None:
    assert lexical_relation(tokens(a), tokens(b)) == expected


@pytest.mark.parametrize(
    ("a", "b", "differs"),
    [
        ("we have agreed on a framework for lasting peace", "agreed on a framework", False),
        ("we have agreed on a framework for lasting peace", "we have agreed on a framework for a lasting truce", True),
        ("we will never leave this city", "we will not leave this city", True),
        ("we will never leave this city", "never leave this city today", False),
        # A changed last word is a misquote, a longer continuation is a trim.
        ("face the inquiry without distraction", "face the inquiry without me", True),
        ("face the inquiry without distraction", "face the inquiry without delay and then we will see", False),
        ("frankly we face the inquiry", "honestly we face the inquiry", True),
    ],
)
def test_differing_words_ignores_trims(a: str, b: str, differs: bool) -> None:
    assert (differing_words(tokens(a), tokens(b)) is not None) is differs


def test_differing_words_locates_the_change() -> None:
    a, b = tokens("we have opened all of them"), tokens("we have opened most of them")
    assert differing_words(a, b) == (range(3, 4), range(3, 4))
    assert differing_words(a, tokens("we have opened all")) is None


def test_across_stories_only_groups_spanning_two_stories() -> None:
    harbour = harbour_articles()
    text = 'Kovalenko said again: "Nobody should expect miracles overnight."'
    later = article("a-later", "Evening Star", "2024-03-13", text, [
        Quote("Nobody should expect miracles overnight", "said again", "Kovalenko", KOVALENKO, "direct")])  # fmt: skip
    story_of = {a.id: "st1" for a in harbour} | {"a-later": "st2"}
    groups = align_across_stories([*harbour, later], story_of)
    assert [contents([*harbour, later], g.statement_ids) for g in groups] == [
        {("a-ledger", "Nobody should expect miracles overnight"), ("a-wire", "Nobody should expect miracles overnight"),
         ("a-later", "Nobody should expect miracles overnight")}
    ]  # fmt: skip
    assert align_across_stories(harbour, {a.id: "st1" for a in harbour}) == []


def test_two_wordings_that_conflict_are_a_misquote_though_a_fragment_agrees_with_both() -> None:
    """A short quote of the unchanged part agrees with everyone: it must not be the only reference."""
    def quoted(article_id: str, quote: str) -> Article:
        text = f'"{quote}," Kovalenko said.'
        statement = Statement(article_id, "direct", find(text, quote), find(text, "said"), None, KOVALENKO)
        return Article(article_id, text, statements=[statement], published=f"2024-05-0{len(article_id)}")

    first = quoted("a", "The ferry will run all winter and we will rebuild the old harbour bridge")
    second = quoted("bb", "The ferry will run all winter and we will rebuild the new harbour bridge")
    fragment = quoted("ccc", "The ferry will run all winter")
    (group,) = align_statements([first, second, fragment])
    assert group.misquoted == [second.statements[0].id]  # the later of two equally supported wordings


@pytest.mark.parametrize(
    ("mixed", "quote"),
    [
        # reported speech adapting the person and the verb's ending is no misquote
        ('Kovalenko said she "looks forward to being fully cleared of every charge"', "I look forward to being fully cleared of every charge"),
        # an expletive starred out is house style
        ('Kovalenko said she was "not going to pay for that f***ing bridge"', "I am not going to pay for that fucking bridge"),
        # so is an ampersand for "and"
        ('Kovalenko said ferries were "late, some by hours & some by days, all winter"', "They were late, some by hours and some by days, all winter"),
    ],
)  # fmt: skip
def test_house_style_and_reported_speech_adapting_a_quote_are_no_misquote(mixed: str, quote: str) -> None:
    text_a = f'"{quote}," Kovalenko said.'
    a = Article("a", text_a, statements=[Statement("a", "direct", find(text_a, quote), find(text_a, "said"), None, KOVALENKO)])
    content = mixed.split("said ", 1)[1]
    b = Article("b", mixed, statements=[Statement("b", "mixed", find(mixed, content), find(mixed, "said"), None, KOVALENKO)])
    groups = align_statements([a, b])
    assert groups and all(g.misquoted == [] for g in groups)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("We realised the neighbourhood centre by the harbour would need a new defence plan", "We realized the neighborhood center by the harbour would need a new defense plan"),
        ("By scrapping this eleventh-hour rule we keep the harbour open", "By scrapping this 11th hour rule we keep the harbour open"),
        ("The ferry left the harbour just after 6:00 p.m. and never came back", "The ferry left the harbour just after 6 p.m. and never came back"),
        ("I understand the town's anger at the closure of the harbour bridge", "I understand the towns' anger at the closure of the harbour bridge"),
    ],
)  # fmt: skip
def test_quotes_spelled_differently_but_said_alike_are_no_misquote(one: str, other: str) -> None:
    """British and American spelling, an ordinal in words or figures, ":00" and an apostrophe's place are
    the page's, not the speaker's."""
    quotes = []
    for article_id, quote in (("a", one), ("b", other)):
        text = f'"{quote}," Kovalenko said.'
        quotes.append(Article(article_id, text, statements=[Statement(article_id, "direct", find(text, quote), find(text, "said"), None, KOVALENKO)]))
    (group,) = align_statements(quotes)
    assert group.misquoted == []
    changed = f'"{other.replace("harbour", "ferry")}," Kovalenko said.'
    quotes[1] = Article("b", changed, statements=[Statement("b", "direct", find(changed, other.replace("harbour", "ferry")), find(changed, "said"), None, KOVALENKO)])
    assert align_statements(quotes)[0].misquoted  # a word really changed still is one


def test_a_title_quoted_inside_reported_speech_is_not_the_speakers_words() -> None:
    from storyline.relate.alignment import quoted_text

    text = 'He mocked the vote to reaffirm "In God We Trust" as a motto as "not putting people back to work"'
    statement = Statement("a", "mixed", find(text, text[3:]), find(text, "mocked"), None, KOVALENKO)
    assert quoted_text(statement) == "not putting people back to work"


def test_two_direct_quotes_alike_in_meaning_are_two_statements() -> None:
    """Words printed as the speaker's own are one statement only when they are one passage."""
    def same_everywhere(texts: list[str]) -> np.ndarray:
        return np.ones((len(texts), 4), dtype=np.float32)

    def one(article_id: str, content: str, kind: StatementKind) -> Article:
        text = f'Kovalenko said "{content}" on Monday.' if kind == "direct" else f"Kovalenko said {content} on Monday."
        return Article(article_id, text, statements=[Statement(article_id, kind, find(text, content), find(text, "said"), None, KOVALENKO)])

    offering = one("a", "We are the ones who are offering a plan to save the ferry", "direct")
    cutting = one("b", "We are the ones who are not cutting the ferry to pay for the bridge", "direct")
    assert align_statements([offering, cutting], embed=same_everywhere) == []
    reported = one("b", "her party would keep the ferry running", "indirect")
    assert [g.relation for g in align_statements([offering, reported], embed=same_everywhere)] == ["paraphrase"]


@pytest.mark.parametrize(
    ("whole", "misquote"),
    [
        # a word added where the other outlet splits the quote at its cue
        ("I would like to know who built that bridge, because they are the ones to blame", True),
        # sentences stitched at the cue: the other outlet's parts come from two moments, no change of words
        ("I would like to know who built that bridge ... I have a right to know who built that bridge", False),
    ],
)  # fmt: skip
def test_a_quote_split_by_its_cue_is_compared_whole(whole: str, misquote: bool) -> None:
    first, second = "I'd like to know who built that bridge", ("They are the ones to blame" if misquote else "Tell me who built that bridge")
    split = f'"{first}," Kovalenko said. "{second}."'
    text = f'"{whole}," Kovalenko said.'
    a = Article("a", split, published="2024-05-01", statements=[
        Statement("a", "direct", find(split, part), find(split, "said"), None, KOVALENKO) for part in (first, second)])
    b = Article("b", text, published="2024-05-02", statements=[Statement("b", "direct", find(text, whole), find(text, "said"), None, KOVALENKO)])
    (group,) = align_statements([a, b])
    assert group.misquoted == ([b.statements[0].id] if misquote else [])


@pytest.mark.parametrize(
    ("first", "second", "misquote"),
    [
        # a bracketed insertion is the outlet's: it matches whatever the other prints there, an abbreviation too
        ("We asked [Mayor Kovalenko] to meet us at [the Harbour Office] before the vote on the ferry",
         "We asked [Marta Kovalenko] to meet us at HO before the vote on the ferry", False),
        # the words outside the brackets must still agree
        ("We asked [Mayor Kovalenko] to meet us at [the Harbour Office] before the vote on the ferry",
         "We asked [Marta Kovalenko] to meet us at HO after the vote on the ferry", True),
        # an ellipsis marks an omission, not a change
        ("We will … rebuild the old harbour bridge before the winter storms",
         "We will certainly rebuild the old harbour bridge before the winter storms", False),
        # unless what it cuts is a negation
        ("We will ... rebuild the old harbour bridge before the winter storms",
         "We will never rebuild the old harbour bridge before the winter storms", True),
    ],
)  # fmt: skip
def test_editorial_brackets_and_ellipses_are_the_outlets_not_a_misquote(first: str, second: str, misquote: bool) -> None:
    def quoted(article_id: str, quote: str, published: str) -> Article:
        text = f'"{quote}," Kovalenko said.'
        statement = Statement(article_id, "direct", find(text, quote), find(text, "said"), None, KOVALENKO)
        return Article(article_id, text, statements=[statement], published=published)

    a, b = quoted("a", first, "2024-05-01"), quoted("b", second, "2024-05-02")
    (group,) = align_statements([a, b])
    assert group.misquoted == ([b.statements[0].id] if misquote else [])


@pytest.mark.parametrize(
    ("aside", "misquote"),
    [("The ferry turned (its bow) towards the harbour and stopped by the pier", False),  # an aside added or dropped
     ("The ferry turned (not) towards the harbour and stopped by the pier", True)],  # unless it is a negation
)  # fmt: skip
def test_an_aside_in_parentheses_one_outlet_adds_is_no_misquote(aside: str, misquote: bool) -> None:
    def quoted(article_id: str, quote: str, published: str) -> Article:
        text = f'"{quote}," Kovalenko said.'
        statement = Statement(article_id, "direct", find(text, quote), find(text, "said"), None, KOVALENKO)
        return Article(article_id, text, statements=[statement], published=published)

    plain = quoted("a", "The ferry turned towards the harbour and stopped by the pier", "2024-05-01")
    (group,) = align_statements([plain, quoted("b", aside, "2024-05-02")])
    assert bool(group.misquoted) == misquote


def test_statements_sharing_no_content_word_are_not_embedded() -> None:
    """A paraphrase shares a content word; pairs that share none are not worth an embedding."""
    asked: list[str] = []

    def same_everywhere(texts: list[str]) -> np.ndarray:
        asked.extend(texts)
        return np.ones((len(texts), 4), dtype=np.float32)

    def one(article_id: str, content: str) -> Article:
        text = f"Kovalenko said {content} on Monday."
        return Article(article_id, text, statements=[Statement(article_id, "indirect", find(text, content), find(text, "said"), None, KOVALENKO)])

    ferry = one("a", "the ferry would keep running")
    budget = one("b", "taxes had risen twice this year")
    assert align_statements([ferry, budget], embed=same_everywhere) == []
    assert asked == []
    boats = one("b", "the ferry could stop in winter")
    assert [g.relation for g in align_statements([ferry, boats], embed=same_everywhere)] == ["paraphrase"]

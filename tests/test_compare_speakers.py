"""Speaker discrepancies between a principal and its agent: a lawyer, a spokesperson, a campaign."""

from __future__ import annotations

import pytest
from test_alignment import find

from storyline.compare import find_discrepancies
from storyline.compare.discrepancies import agent_sources, source_identities, written_sources
from storyline.model import Article, Span, Speaker, Statement
from storyline.relate.alignment import align_statements

CLAIM = "the ferry to Nordvik would run again before the winter storms"


def _credited(article_id: str, source: str, speaker: Speaker, *, claim: str = CLAIM, confidence: float = 1.0) -> Article:
    text = f"{source} said that {claim}."
    statement = Statement(article_id, "indirect", find(text, f"that {claim}"), find(text, "said"), find(text, source), speaker,
                          confidence)  # fmt: skip
    return Article(article_id, text, outlet=article_id.upper(), statements=[statement])


def test_agent_sources_read_whose_agent_a_source_is() -> None:
    assert agent_sources("Brandt’s lawyer") == {("brandt", ("lawyer",))}
    assert agent_sources("Ola Dahl, a spokeswoman for the Brandt campaign") == {("brandt", ("campaign", "spokesperson"))}
    assert agent_sources("Brandt campaign spokeswoman Ola Dahl") == {("brandt", ("campaign", "spokesperson"))}
    assert agent_sources("the Brandt campaign") == {("brandt", ("campaign",))}
    assert agent_sources("The team") == set()  # an article opening a sentence is no principal
    # Titles and names are not agents: "Secretary of State", "Representative", "the Office of …".
    assert agent_sources("Secretary of State Lena Brandt") == set()
    assert agent_sources("Representative Ola Dahl") == set()


def test_a_statement_credited_to_the_principal_and_to_its_lawyer_is_a_speaker_difference() -> None:
    articles = [
        _credited("a", "Lena Brandt’s lawyer", Speaker("p:9", "Lena Brandt’s lawyer"), confidence=0.35),
        _credited("b", "Ms. Brandt", Speaker("p:1", "Lena Brandt", role="the mayor")),
    ]
    (speaker,) = find_discrepancies(articles, align_statements(articles), {})
    assert speaker.attribute == "speaker" and speaker.confidence == 1.0
    assert {e.article_id: e.span.text for e in speaker.evidence} == {"a": "Lena Brandt’s lawyer", "b": "Ms. Brandt"}


def test_a_campaign_and_its_spokeswoman_quoting_one_phrase_differ_without_a_group() -> None:
    quote = "would leave the harbour without a ferry for a year"
    campaign = 'The Brandt campaign said the tram plan "' + quote + '" and cost jobs.'
    spokeswoman = '"The tram plan ' + quote + '," Dahl said. "It is a bad plan."'
    a = Statement("a", "mixed", find(campaign, 'the tram plan "' + quote + '"'), find(campaign, "said"),
                  find(campaign, "The Brandt campaign"), Speaker("o:1", "the Brandt campaign", "org"))  # fmt: skip
    dahl = Speaker("p:2", "Ola Dahl", role="spokeswoman for the Brandt campaign")
    b = Statement("b", "direct", find(spokeswoman, "The tram plan " + quote + ","), find(spokeswoman, "said"),
                  find(spokeswoman, "Dahl"), dahl)  # fmt: skip
    # the quote that continues after "Dahl said" has no source of its own: its evidence is Dahl's
    rest = Statement("b", "direct", find(spokeswoman, "It is a bad plan."), Span.of(spokeswoman, 42, 42), None, dahl, 0.8)
    articles = [Article("a", campaign, outlet="A", statements=[a]), Article("b", spokeswoman, outlet="B", statements=[b, rest])]
    (speaker,) = find_discrepancies(articles, [], {})
    assert speaker.attribute == "speaker" and speaker.confidence == 1.0
    assert {e.article_id: e.span.text for e in speaker.evidence} == {"a": "The Brandt campaign", "b": "Dahl"}


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # The source says "Ms. Brandt" though the speaker was resolved to her campaign: one person.
        (("Ms. Brandt", Speaker("o:1", "Brandt Campaign", "org")), ("Lena Brandt", Speaker("p:1", "Lena Brandt"))),
        # Officials of an office are not the office, nor its adviser.
        (("Senior City Hall officials", Speaker("g:1", "Senior City Hall officials", "group")),
         ("City Hall adviser Ola Dahl", Speaker("p:2", "Ola Dahl"))),
        # Two spokespeople of one campaign: agents alike.
        (("Brandt campaign spokeswoman Ola Dahl", Speaker("p:2", "Ola Dahl")),
         ("a spokeswoman for the Brandt campaign", Speaker("p:3", "a spokeswoman for the Brandt campaign"))),
    ],
)  # fmt: skip
def test_one_source_or_two_agents_alike_are_no_difference(first: tuple[str, Speaker], second: tuple[str, Speaker]) -> None:
    articles = [_credited("a", *first), _credited("b", *second)]
    assert find_discrepancies(articles, align_statements(articles), {}) == []


def test_source_identities_of_a_named_speaker_with_a_role() -> None:
    statement = _credited("a", "Ola Dahl", Speaker("p:2", "Ola Dahl", role="Brandt campaign spokeswoman")).statements[0]
    assert source_identities(statement) == {("dahl", ()), ("brandt", ("campaign", "spokesperson"))}


def test_a_generation_is_no_other_surname() -> None:
    articles = [_credited("a", "Tomas Lind Jr.", Speaker("p:1", "Tomas Lind Jr.")), _credited("b", "Tomas Lind", Speaker("p:2", "Tomas Lind"))]
    assert find_discrepancies(articles, align_statements(articles), {}) == []


def test_an_unnamed_agent_against_a_person_named_is_a_speaker_difference_unless_that_person_is_an_agent() -> None:
    spokesman = ("A City Hall spokesman", Speaker("p:9", "A City Hall spokesman"))
    articles = [_credited("a", *spokesman), _credited("b", "Ms. Brandt", Speaker("p:1", "Lena Brandt"))]
    (speaker,) = find_discrepancies(articles, align_statements(articles), {})
    assert speaker.attribute == "speaker" and speaker.confidence == 1.0
    # Ola Dahl may be the spokesman the other outlet leaves unnamed
    dahl = _credited("b", "Ola Dahl", Speaker("p:2", "Ola Dahl", role="a spokeswoman for the mayor"))
    articles = [_credited("a", *spokesman), dahl]
    assert find_discrepancies(articles, align_statements(articles), {}) == []


def test_an_unnamed_agent_and_another_person_printing_one_phrase_are_two_statements() -> None:
    phrase = "would leave the harbour without a ferry for a year"
    a_text = f'A City Hall spokesman said the tram plan "{phrase}."'
    b_text = f'"The tram plan {phrase}," Fell said.'
    a = Statement("a", "mixed", find(a_text, f'the tram plan "{phrase}."'), find(a_text, "said"),
                  find(a_text, "A City Hall spokesman"), Speaker("p:9", "A City Hall spokesman"))  # fmt: skip
    b = Statement("b", "direct", find(b_text, f"The tram plan {phrase},"), find(b_text, "said"), find(b_text, "Fell"),
                  Speaker("p:4", "Oskar Fell"))  # fmt: skip
    articles = [Article("a", a_text, outlet="A", statements=[a]), Article("b", b_text, outlet="B", statements=[b])]
    assert find_discrepancies(articles, [], {}) == []


def test_officials_and_a_team_are_agents() -> None:
    assert agent_sources("Harbour Board officials") == {("board", ("official",))}
    assert agent_sources("her legal team") == set()  # whose team is a pronoun: no principal named
    officials = _credited("a", "Harbour Board officials", Speaker("g:1", "Harbour Board officials", "group"))
    articles = [officials, _credited("b", "Ms. Brandt", Speaker("p:1", "Lena Brandt"))]
    assert [d.attribute for d in find_discrepancies(articles, align_statements(articles), {})] == ["speaker"]


@pytest.mark.parametrize(
    "other",
    [
        # a descriptor naming its principal's agent, against a bare descriptor resolved to a name
        ("the Nordvik-based team", Speaker("p:7", "the Nordvik-based team")),
        # two names, one of them only resolved from a bare descriptor
        ("Ola Dahl", Speaker("p:2", "Ola Dahl")),
    ],
)  # fmt: skip
def test_a_bare_descriptor_resolved_to_a_name_is_no_sure_speaker_difference(other: tuple[str, Speaker]) -> None:
    """"The team" resolved to a name may be resolved wrongly: only credits written out by name are sure."""
    articles = [_credited("a", "the team", Speaker("p:1", "Lena Brandt")), _credited("b", *other)]
    assert all(d.confidence < 0.5 for d in find_discrepancies(articles, align_statements(articles), {}))


def test_a_source_credits_the_name_its_apposition_gives() -> None:
    text = "The harbour master, Ola Dahl, said so."
    assert written_sources(find(text, "The harbour master, Ola Dahl")) == {("dahl", ())}
    assert written_sources(find(text, "The harbour master")) == set()


def test_some_opening_a_sentence_names_no_one() -> None:
    """"Some said" credits unnamed people, who may be the aides another outlet names: no speaker differs."""
    articles = [
        _credited("a", "Some", Speaker("g:1", "Some", "group")),
        _credited("b", "Lena Brandt’s aides", Speaker("g:2", "Lena Brandt’s aides", "group")),
    ]
    assert written_sources(articles[0].statements[0].source) == set()
    assert find_discrepancies(articles, align_statements(articles), {}) == []

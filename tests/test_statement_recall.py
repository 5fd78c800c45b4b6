"""Statements the finder used to miss or cut wrong, one construction per test, on text written here."""

from __future__ import annotations

from storyline.analysis import statements
from storyline.model import Statement


def only(text: str) -> Statement:
    found = statements(text)
    assert len(found) == 1, [(s.content.text, s.cue.text) for s in found]
    return found[0]


def shown(text: str) -> Statement:
    """The text's one statement, shown to users."""
    s = only(text)
    assert s.confidence >= 0.4, s
    return s


def cued(text: str, cue: str) -> list[Statement]:
    """The statements of the text with this cue."""
    return [s for s in statements(text) if s.cue.text == cue]


def test_that_clause_hung_under_the_cue_phrase_noun() -> None:
    """ "said in a statement that …": the parser hangs the clause under "statement"; it is still what was said."""
    text = "Spokesman Leo Brandt said in a written statement that Democrats should show their respect for the veterans by backing a bill."
    s = only(text)
    assert s.content.text == "that Democrats should show their respect for the veterans by backing a bill"
    assert s.cue.text == "said" and s.speaker.name == "Leo Brandt"


def test_that_clause_after_the_cue_not_the_clause_before_a_colon() -> None:
    s = only("And the sisters have a close bond: neighbours said that Ms. Vega's daughter Clara is friends with Mr. Ruiz's son Pablo.")
    assert s.content.text == "that Ms. Vega's daughter Clara is friends with Mr. Ruiz's son Pablo"


def test_according_to_closing_a_clause_before_but() -> None:
    found = statements("The old mine closed in March, according to officials, but the owners still pay its guards.")
    assert [s.content.text for s in found if s.cue.text == "according to"] == ["The old mine closed in March"]


def test_passive_find_is_no_frame() -> None:
    """ "three wells were found" says where the wells were, not who said the clause before it."""
    s = only("According to a survey by the institute, three old wells were found near the village.")
    assert s.cue.text == "According to" and s.content.text == "three old wells were found near the village"


def test_reportedly_reports_its_clause_for_someone_unnamed() -> None:
    s = only("The storm reportedly flooded three harbours on the coast.")
    assert (s.kind, s.cue.text, s.source) == ("indirect", "reportedly", None)
    assert s.content.text == "The storm reportedly flooded three harbours on the coast"
    assert s.confidence >= 0.4


def test_reportedly_opening_a_sentence_reports_what_follows() -> None:
    s = only("Reportedly, the two ministers met in secret before the vote.")
    assert s.content.text == "the two ministers met in secret before the vote"


def test_reportedly_on_a_cue_belongs_to_that_cue() -> None:
    s = only("The minister reportedly said the harbour would stay closed.")
    assert s.cue.text == "reportedly said" and s.content.text == "the harbour would stay closed"


def test_predicating_verb_with_an_as_phrase_is_a_claim() -> None:
    s = only("Police identified the driver as a 40-year-old man from the next town.")
    assert s.content.text == "the driver as a 40-year-old man from the next town" and s.cue.text == "identified"
    assert s.source.text == "Police" and s.confidence >= 0.4


def test_unquoted_characterisation_is_a_claim() -> None:
    s = only("Critics have described the new mayor as careless with public money.")
    assert s.content.text == "the new mayor as careless with public money" and s.confidence >= 0.4


def test_a_name_given_or_a_passive_characterisation_is_no_claim() -> None:
    assert not [s for s in statements("The engineers built a small drone called Skylark Two.") if s.confidence >= 0.4]
    assert not [s for s in statements("The plan was described as a first step by the newspaper.") if s.cue.text == "described"]


def test_object_that_is_the_subject_of_a_broken_up_clause() -> None:
    """ "ordered the accused remain …": the parser reads "the accused" as the object; a finite verb follows."""
    s = only("Judge Nora Hale ordered the accused remain in custody until his next hearing.")
    assert s.content.text == "the accused remain in custody until his next hearing" and s.confidence >= 0.4


def test_infinitive_after_the_object_is_no_broken_up_clause() -> None:
    """No finite verb follows the object, so the run-on rule has no clause to find; the addressee with the
    infinitive is read as a directive instead, with the directive's confidence."""
    from storyline.analysis.statements import DIRECTIVE_CONFIDENCE

    s = only("Judge Nora Hale ordered the guard to open the gate before noon.")
    assert s.content.text == "the guard to open the gate before noon" and s.confidence == DIRECTIVE_CONFIDENCE


def test_cue_before_a_quote_across_its_own_phrases() -> None:
    s = only('Mara Quist told a nurse at the gate, in Spanish and English, "they took my papers".')
    assert (s.kind, s.content.text, s.cue.text) == ("direct", "they took my papers", "told")
    assert s.speaker.name == "Mara Quist"


def test_inverted_cue_after_a_quote_without_a_comma() -> None:
    found = statements('"The talks are over" said Minister Eva Lind "and we will go home."')
    assert [s.content.text for s in found] == ["The talks are over", "and we will go home."]
    assert [s.speaker.name for s in found] == ["Eva Lind", "Eva Lind"]


def test_a_title_in_the_cue_phrase_is_no_quote() -> None:
    found = statements("“The river will rise,” Ines Dahl said on the radio show “Morning Tide.”")
    assert [s.content.text for s in found] == ["The river will rise,"]


def test_reportedly_before_a_figure_or_an_adjective() -> None:
    s = only("The smoke causes reportedly upwards of 3,000 deaths a year.")
    assert s.cue.text == "reportedly" and "upwards of 3,000" in s.content.text
    s = only("The farmers were reportedly worried about the price of seed.")
    assert s.content.text == "The farmers were reportedly worried about the price of seed"


def test_reportedly_on_a_cue_that_reports_nothing_is_hearsay() -> None:
    s = only("The firm reportedly emailed the ministry twice in May.")
    assert (s.cue.text, s.source) == ("reportedly", None)


def test_by_saying_is_said_by_the_subject_of_the_verb_it_qualifies() -> None:
    said = cued("The governor answered the critics by saying the new dam would be finished in May.", "saying")
    assert [(s.content.text, s.speaker.name) for s in said] == [("the new dam would be finished in May", "The governor")]


def test_passive_instruction_without_agent_is_a_statement_with_no_source() -> None:
    s = only("Residents were told to boil their water until Friday.")
    assert (s.content.text, s.cue.text, s.source) == ("to boil their water until Friday", "were told", None)
    assert s.confidence >= 0.4


def test_according_to_inside_a_clause_vouches_for_what_follows() -> None:
    found = statements("The flood destroyed 40 houses, including, according to the council, the old school.")
    assert [s.content.text for s in found if s.cue.text == "according to"] == ["the old school"]


def test_according_to_before_a_relative_clause_vouches_for_what_precedes() -> None:
    found = statements("The fire started in the kitchen, according to firefighters, who said the alarm failed.")
    assert [s.content.text for s in found if s.cue.text == "according to"] == ["The fire started in the kitchen"]


def test_according_to_with_no_comma_before_it_closes_that_clause() -> None:
    found = statements("Magnitude 5.9 according to the survey, the quake was felt across the whole island.")
    assert [s.content.text for s in found if s.cue.text == "according to"] == ["Magnitude 5.9"]


def test_a_text_that_reads_speaks_for_its_author() -> None:
    s = only('The ruling of the court, released on Monday, read in part, "The permit is void and the works must stop."')
    assert (s.kind, s.cue.text, s.content.text) == ("direct", "read", "The permit is void and the works must stop.")


def test_as_someone_put_it() -> None:
    s = only('As Senator Ruth Adler put it, "The harbour is the busiest place on the coast."')
    assert (s.cue.text, s.speaker.name) == ("put", "Ruth Adler")


def test_reading_a_text_aloud_is_no_cue() -> None:
    assert not [s for s in statements("The clerk read the names of the winners.") if s.cue.text == "read"]


def test_a_reported_figure_is_a_claim() -> None:
    s = only("The coast guard reports a crew of nine and two passengers.")
    assert s.content.text == "a crew of nine and two passengers" and s.confidence >= 0.4
    assert only("The coast guard reported the rescue.").confidence < 0.4  # a thing, not a claim


def test_in_his_view_gives_the_clause_as_the_owner_s() -> None:
    found = statements("Dr. Lena Ortiz spoke after the visit. In her view, the new clinics are as good as any abroad.")
    [s] = [s for s in found if s.cue.text == "In her view"]
    assert s.content.text == "the new clinics are as good as any abroad" and s.speaker.name == "Lena Ortiz"


def test_per_opening_a_sentence_is_according_to() -> None:
    [s] = [s for s in statements("Per the decree, priests must tell their bishops of any abuse.") if s.cue.text == "Per"]
    assert (s.source.text, s.content.text) == ("the decree", "priests must tell their bishops of any abuse")
    assert not [s for s in statements("The fee is ten dollars per person, and it rises in May.") if s.cue.text.lower() == "per"]


def test_confessed_to_and_a_gerund() -> None:
    s = only("Even though Karl Brandt confessed to acting alone, three friends were charged.")
    assert (s.content.text, s.speaker.name) == ("to acting alone", "Karl Brandt")


def test_a_parenthetical_cue_frames_the_clause_it_interrupts() -> None:
    s = only("The two boys drowned in 2015; they had, their uncle says, paid smugglers to take them to Greece.")
    assert s.content.text == "paid smugglers to take them to Greece" and s.source.text == "their uncle"
    s = only("In the wake of the keeper's death, the park manager said, the lions were killed.")
    assert s.content.text == "the lions were killed"


def test_a_broken_up_clause_after_the_cue_s_time_phrase() -> None:
    s = only("The Daily Post reported on Thursday, turnout had risen to 55 percent.")
    assert s.content.text == "turnout had risen to 55 percent" and s.confidence >= 0.4


def test_a_name_after_a_date_with_no_comma_is_the_subject() -> None:
    s = only("On Friday Ford Motor Company announced the port authority was auditing its accounts.")
    assert s.source.text == "Ford Motor Company" and s.content.text == "the port authority was auditing its accounts"


def test_attributing_a_cause_is_a_claim() -> None:
    s = only("Experts attribute the floods to the loss of the wetlands.")
    assert s.content.text == "the floods to the loss of the wetlands" and s.confidence >= 0.4
    s = only("Farmers blame the new dam for the dry wells.")
    assert s.content.text == "the new dam for the dry wells" and s.confidence >= 0.4


def test_a_predicate_ending_its_paragraph() -> None:
    found = statements("Police identified the two firms as Delta Freight LLC and Delta Freight Inc., both based in Leeds.\n\nThe road reopened.")
    assert [s.content.text for s in found if s.cue.text == "identified"] == [
        "the two firms as Delta Freight LLC and Delta Freight Inc., both based in Leeds"
    ]


def test_a_noun_of_saying_with_its_that_clause() -> None:
    s = only("Mayor Ana Reyes made the case that the new docks will pay for themselves.")
    assert (s.content.text, s.source.text) == ("that the new docks will pay for themselves", "Mayor Ana Reyes")
    [s] = [s for s in statements("Ms. Rice's comments that the attack began as a protest were wrong.") if s.cue.text == "comments"]
    assert (s.content.text, s.source.text) == ("that the attack began as a protest", "Ms. Rice")


def test_the_fact_that_is_no_statement() -> None:
    assert statements("The fact that the bridge was closed surprised the drivers.") == []


def test_that_clause_parsed_as_a_relative_clause_of_the_cue() -> None:
    """ "reported this week that Ruiz asked …": the parser sometimes makes "that" a relative pronoun and hangs
    the clause on the verb as a relative one; a verb has no relative clause, so it is what was reported."""
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from storyline.analysis.statements import _relative_that

    words = ["The", "Ledger", "reported", "that", "Ruiz", "asked", "Soto", "to", "wait", "."]
    heads = [1, 2, 2, 5, 5, 2, 5, 8, 5, 2]
    deps = ["det", "nsubj", "ROOT", "dobj", "nsubj", "relcl", "dobj", "aux", "xcomp", "punct"]
    pos = ["DET", "PROPN", "VERB", "PRON", "PROPN", "VERB", "PROPN", "PART", "VERB", "PUNCT"]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos)
    assert _relative_that(doc[5])
    # a true relative clause hangs on a noun: "the plan that Ruiz backed" is no clause of saying
    words = ["They", "reported", "the", "plan", "that", "Ruiz", "backed", "."]
    heads = [1, 1, 3, 1, 6, 6, 3, 1]
    deps = ["nsubj", "ROOT", "det", "dobj", "dobj", "nsubj", "relcl", "punct"]
    pos = ["PRON", "VERB", "DET", "NOUN", "PRON", "PROPN", "VERB", "PUNCT"]
    assert not _relative_that(Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos)[6])


def test_gerund_of_a_verb_of_telling() -> None:
    """ "recalled going …", "described seeing …": the gerund is what the speaker says they did or saw."""
    s = only("Ms. Ortega recalled going to village dances with her cousins during high school.")
    assert s.cue.text == "recalled" and s.content.text == "going to village dances with her cousins during high school"
    s = only("Farid Amini described seeing twenty burned cars on the road to the airport.")
    assert s.content.text == "seeing twenty burned cars on the road to the airport"


def test_aspect_verb_gerund_is_no_statement() -> None:
    assert statements("The nurses began treating the wounded at dawn.") == []


def test_per_phrase_run_on_by_the_parser_ends_at_its_comma() -> None:
    """ "Per the order signed by X, Y": the parser may join Y to X; the phrase still ends at its comma."""
    found = [s for s in statements("Per the ruling issued by the president of the league, players and coaches of the clubs are required to notify the referees.") if s.cue.text == "Per"]
    assert len(found) == 1
    assert found[0].content.text == "players and coaches of the clubs are required to notify the referees"
    assert found[0].source.text == "the ruling issued by the president of the league"


def test_refusal_or_attempt_to_act_is_not_shown() -> None:
    """ "declined to testify", "sought to calm the markets": a refusal or an attempt, not something said."""
    from storyline.analysis.confidence import SHOWN_CONFIDENCE

    for text in ("The former commissioner declined to testify at the hearing on Tuesday.",
                 "The central bank sought to calm the markets after the vote.",
                 "Mr. Odell has repeatedly refused to release his medical records."):  # fmt: skip
        assert all(s.confidence < SHOWN_CONFIDENCE for s in statements(text)), text


def test_noun_of_saying_inside_a_learned_cue_s_content() -> None:
    """ "sought to rebut Ms. Lund's charge that …": the charge is Ms. Lund's statement even though a learned
    cue read earlier in the sentence takes it into its own content."""
    found = statements("Mr. Hale, who is in his third term, had sought to rebut Ms. Lund's charge that he was too soft on crime.")
    charge = [s for s in found if s.cue.text == "charge"]
    assert charge and charge[0].content.text == "that he was too soft on crime"


def test_verb_of_telling_with_addressee_and_infinitive() -> None:
    """ "urged residents to stay indoors": the addressee with what they are to do is the statement, as a
    clause would be; "asked the players about the game" has no infinitive and stays a bare phrase."""
    s = only("The governor urged residents of the coast to stay indoors until Friday.")
    assert s.content.text == "residents of the coast to stay indoors until Friday" and s.confidence >= 0.4
    s = only("The ruling instructs county clerks to issue the licences without delay.")
    assert s.content.text == "county clerks to issue the licences without delay"


def test_rulings_findings_and_notices_are_cues() -> None:
    """ "determined that …", "notified the board that …": findings and notices say something, as the
    guidelines count rulings; "to determine whether …" is a question still open, and not shown."""
    from storyline.analysis.confidence import SHOWN_CONFIDENCE

    s = only("The appeals panel determined that the contractor had overcharged the city.")
    assert s.content.text == "that the contractor had overcharged the city" and s.confidence >= SHOWN_CONFIDENCE
    s = only("Her lawyer notified the board that she would not attend the hearing.")
    assert s.content.text == "that she would not attend the hearing" and s.speaker.name == "Her lawyer"
    found = statements("The audit is meant to determine whether the funds were misused.")
    assert all(s.confidence < SHOWN_CONFIDENCE for s in found)


def test_passive_verb_of_saying_with_an_infinitive_is_reported_by_someone_unnamed() -> None:
    """ "was said to have left": the subject is what the report is about, not who made it."""
    s = only("The ferry was said to have left the harbour an hour late.")
    assert (s.cue.text, s.content.text, s.source) == ("was said", "to have left the harbour an hour late", None)
    assert s.confidence >= 0.4
    s = only("Dozens of fans were reported to have camped outside the stadium overnight.")
    assert s.source is None and s.content.text == "to have camped outside the stadium overnight"


def test_predicating_verb_in_a_relative_clause() -> None:
    """ "the levy, which she describes as a burden": the relative's noun is what the speaker characterises."""
    s = only("The mayor wants to scrap the levy, which she describes as a burden on small shops.")
    assert (s.cue.text, s.source.text, s.content.text) == ("describes", "she", "as a burden on small shops")
    assert s.confidence >= 0.4
    s = only("The council repealed the old parking statute, which the high court later ruled to be invalid.")
    assert (s.source.text, s.content.text) == ("the high court", "to be invalid")
    s = only("The crew fixed the pump at sea, a job the captain described as being harder than expected.")
    assert s.content.text == "as being harder than expected" and s.confidence >= 0.4


def test_with_a_noun_and_a_participle_of_saying() -> None:
    """ "…, with officials saying that …": the noun of "with" says it, even when the participle hangs on it."""
    said = cued("The council voted on the plan, with officials saying that the money would be spent next year.", "saying")
    assert [(s.source.text, s.content.text) for s in said] == [("officials", "that the money would be spent next year")]


def test_closing_cue_parsed_as_a_conjunct() -> None:
    s = only("The port will reopen next spring, but only after the dredging ends, he has said.")
    assert s.cue.text == "has said" and s.content.text == "The port will reopen next spring, but only after the dredging ends"


def test_subject_the_parser_gave_to_a_participle_before_the_cue() -> None:
    """ "Ruiz, a Democrat facing a hard race, said": parsed with Ruiz as the subject of "facing"."""
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from storyline.analysis.statements import subject_of

    words = ["Ruiz", ",", "a", "Democrat", "facing", "a", "race", ",", "said", "it", "failed", "."]
    heads = [4, 0, 3, 0, 8, 6, 4, 8, 8, 10, 8, 8]
    deps = ["nsubj", "punct", "det", "appos", "advcl", "det", "dobj", "punct", "ROOT", "nsubj", "ccomp", "punct"]
    pos = ["PROPN", "PUNCT", "DET", "PROPN", "VERB", "DET", "NOUN", "PUNCT", "VERB", "PRON", "VERB", "PUNCT"]
    tags = ["NNP", ",", "DT", "NNP", "VBG", "DT", "NN", ",", "VBD", "PRP", "VBD", "."]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos, tags=tags)
    assert subject_of(doc[8]) == doc[0]


def test_cue_after_a_quote_with_a_clause_of_its_own() -> None:
    """ "rated the claim “misleading,” noting that …": "noting" reports its clause, not the quoted word."""
    noting = cued('The watchdog rated the claim as "misleading," noting that the figures were ten years old.', "noting")
    assert [(s.content.text, s.source.text) for s in noting] == [("that the figures were ten years old", "The watchdog")]


def test_according_to_beside_a_named_cue_that_reports_no_claim() -> None:
    """ "Ford disclosed the defect" is what the filing says, not a report of Ford's that it sources."""
    according = cued("According to the filing, Ford voluntarily disclosed the defect to regulators in March.", "According to")
    assert according and according[0].content.text == "Ford voluntarily disclosed the defect to regulators in March"


def test_gerund_of_saying_tagged_as_a_noun_before_a_quote() -> None:
    found = statements('The coach accepted the offer, writing, "This club has always been my home."')
    assert [(s.kind, s.cue.text, s.content.text) for s in found] == [("direct", "writing", "This club has always been my home.")]


def test_reportedly_before_a_percentage_reports_it_with_its_noun() -> None:
    s = only("The driver suffered burns over reportedly 85% of his body.")
    assert (s.cue.text, s.content.text) == ("reportedly", "85% of his body")


def test_subordinate_clause_before_a_cue_is_not_what_it_says() -> None:
    """ "After the leak …, the firm reportedly emailed": the clause says when; the sentence is hearsay."""
    s = only("After the leak had still not been fixed, the firm reportedly emailed the ministry again on May 2.")
    assert s.cue.text == "reportedly" and s.source is None


def test_reportedly_on_a_cue_with_a_bare_object_reports_the_whole_clause() -> None:
    s = only("Reportedly, at least two towns declared a state of emergency after the flood.")
    assert (s.cue.text, s.content.text) == ("Reportedly", "at least two towns declared a state of emergency after the flood")
    assert s.confidence >= 0.4


def test_figure_put_on_something_is_a_claim() -> None:
    """ "placed the death toll in the hundreds", "showed support at two percent"; a place is no figure."""
    s = only("The news agency has placed the death toll in the hundreds.")
    assert (s.cue.text, s.content.text) == ("has placed", "the death toll in the hundreds") and s.confidence >= 0.4
    s = only("Recent polls showed support for the senator at less than two percent.")
    assert s.content.text == "support for the senator at less than two percent" and s.confidence >= 0.4
    assert not statements("Police placed the bomb at 10 Downing Street.")


def test_by_reports_set_off_by_commas_is_hearsay() -> None:
    s = only("The quake left five dead and, by early reports, at least 30 injured.")
    assert (s.cue.text, s.source.text, s.content.text) == ("by", "early reports", "at least 30 injured")
    s = only("The outbreak had, by some accounts, infected over 4,000 people since May.")
    assert s.content.text == "infected over 4,000 people since May"


def test_noun_of_saying_with_a_clause_without_that() -> None:
    """ "Macron's recommendation the talks be moved", "her insistence she never saw …": the noun's owner says
    the clause, even where the parser hangs it on the verb before the noun; a question ("concerns over which
    …") or a relative clause ("the claim she made") is not one."""
    s = cued("Merkel backed Macron's recommendation the talks be moved to Paris.", "recommendation")[0]
    assert (s.content.text, s.speaker.name) == ("the talks be moved to Paris", "Macron")
    found = statements("Senators questioned the minister's insistence she never saw the warnings.")
    assert [(s.cue.text, s.source.text) for s in found if s.content.text == "she never saw the warnings"] == [("insistence", "the minister")]
    assert not statements("The debate turned to concerns over which candidate would do more harm to pensions.")


def test_passive_participle_of_saying_with_its_agent() -> None:
    s = only("A cargo plane, reported by local media as belonging to the army, crashed near the airport.")
    assert (s.cue.text, s.source.text, s.content.text) == ("reported", "local media", "as belonging to the army")
    assert s.confidence >= 0.4


def test_that_read_as_a_relative_pronoun_after_the_cue_phrase() -> None:
    s = only("Judge Amy Lee clarified in the proceedings that her rulings were not connected to or impacted by the sentence he received in a separate case.")
    assert s.cue.text == "clarified" and s.content.text.startswith("her rulings were not connected")


def test_cue_of_a_quote_says_what_it_reports_before_the_quote() -> None:
    """ "attacking the subpoena as a ploy: “…”": the characterisation is a statement of its own."""
    found = statements('Berg responded to the ruling on Twitter, attacking the subpoena as a political ploy: "The Radical Left has failed on all fronts, so now they go after me."')
    assert [(s.kind, s.content.text) for s in found if s.cue.text == "attacking"] == [
        ("indirect", "the subpoena as a political ploy"),
        ("direct", "The Radical Left has failed on all fronts, so now they go after me."),
    ]


def test_short_quote_going_on_after_its_cue_sentence() -> None:
    found = statements('"He wants to run the city like a casino," Ms. Vega said on Wednesday. "God help us."')
    assert [s.content.text for s in found] == ["He wants to run the city like a casino,", "God help us."]
    assert found[1].speaker is not None and found[1].speaker.name == "Vega"


def _parsed(words: list[str], heads: list[int], deps: list[str], tags: list[str], lemmas: list[str]):  # noqa: ANN202
    import spacy
    from spacy.tokens import Doc

    pos = {"PRP": "PRON", "DT": "DET", "NN": "NOUN", "NNS": "NOUN", "NNP": "PROPN", "IN": "ADP", "TO": "PART", "VB": "AUX",
           "JJ": "ADJ", "RB": "ADV", ".": "PUNCT", ",": "PUNCT", "VBD": "VERB", "MD": "AUX"}  # fmt: skip
    vocab = spacy.blank("en").vocab  # with the English lexical attributes ("lower_")
    return Doc(vocab, words=words, heads=heads, deps=deps, tags=tags, pos=[pos[t] for t in tags], lemmas=lemmas)


def test_found_with_an_infinitive_of_be_hung_anywhere() -> None:
    """ "found the samples to be rare", with "to be" parsed as a clause of purpose: a finding all the same."""
    from storyline.analysis.statements import find_attributions

    words = ["They", "found", "the", "samples", "to", "be", "rare", "."]
    doc = _parsed(words, [1, 1, 3, 1, 5, 1, 5, 1], ["nsubj", "ROOT", "det", "dobj", "aux", "advcl", "acomp", "punct"],
                  ["PRP", "VBD", "DT", "NNS", "TO", "VB", "JJ", "."], ["they", "find", "the", "sample", "to", "be", "rare", "."])  # fmt: skip
    [found] = find_attributions(doc)
    assert doc.text[found.content[0] : found.content[1]] == "the samples to be rare"


def test_document_issued_with_a_that_clause_the_tagger_cut_off() -> None:
    """ "issued a ruling against Ruiz finding that …" with "finding" tagged as a noun: the ruling says the clause."""
    from storyline.analysis.confidence import SHOWN_CONFIDENCE
    from storyline.analysis.statements import find_attributions

    words = ["Hale", "issued", "a", "ruling", "against", "Ruiz", "finding", "that", "she", "lied", "."]
    doc = _parsed(words, [1, 1, 3, 1, 3, 6, 4, 9, 9, 6, 1],
                  ["nsubj", "ROOT", "det", "dobj", "prep", "compound", "pobj", "mark", "nsubj", "acl", "punct"],
                  ["NNP", "VBD", "DT", "NN", "IN", "NNP", "NN", "IN", "PRP", "VBD", "."],
                  ["Hale", "issue", "a", "ruling", "against", "Ruiz", "finding", "that", "she", "lie", "."])  # fmt: skip
    [found] = find_attributions(doc)
    assert found.confidence >= SHOWN_CONFIDENCE


def test_no_statement_in_an_editors_note_a_place_relative_or_an_example() -> None:
    """ "has been clarified to reflect": a purpose; "where his uncle referred to X as Y": what is characterised is
    inside the clause; "such as": an example, not a predicate."""
    for text in ("This story has been clarified to reflect that the mayor is seeking a new vote.",
                 "As a boy he lived in a town where his uncle referred to the mayor as the king of the river.",
                 "The fear found other outlets, such as the old feud with the neighbours."):  # fmt: skip
        assert all(s.confidence < 0.4 for s in statements(text)), text


def test_participle_opening_the_sentence_characterises_in_its_subject_s_words() -> None:
    """ "Calling the plan “a disgrace,” the senator said …": the subject after the quote calls it that."""
    [s] = cued('Calling the plan "a disgrace," the senator said she would vote against it.', "Calling")
    assert (s.kind, s.source.text, s.content.text) == ("mixed", "the senator", 'the plan "a disgrace,"')


def test_phrase_opening_the_reported_clause_and_no_phrase_as_a_framed_clause() -> None:
    """ "said as a child she was sent …": the clause is what was said, not "In an interview with …" before it."""
    s = shown("In an interview with the Courier, she said as a child she was sent to work in a factory by her uncle.")
    assert s.content.text == "as a child she was sent to work in a factory by her uncle"


def test_that_clause_hung_on_the_addressee() -> None:
    s = only("In Lima last week, he told a meeting of Andean leaders that few people understood the stakes of the drought better than farmers.")
    assert s.content.text == "that few people understood the stakes of the drought better than farmers"


def test_speaker_parsed_as_an_apposition_before_a_conjunct_cue() -> None:
    """ "Ruiz will go, the party leader said", with "leader" an apposition of Ruiz and "said" a conjunct of "go"."""
    from storyline.analysis.statements import subject_of

    words = ["Ruiz", "will", "go", ",", "the", "party", "leader", "said", "."]
    doc = _parsed(words, [2, 2, 2, 0, 6, 6, 0, 2, 2], ["nsubj", "aux", "ROOT", "punct", "det", "compound", "appos", "conj", "punct"],
                  ["NNP", "MD", "VB", ",", "DT", "NN", "NN", "VBD", "."], ["Ruiz", "will", "go", ",", "the", "party", "leader", "say", "."])  # fmt: skip
    assert subject_of(doc[7]) == doc[6]


def test_praise_or_blame_for_something_is_a_claim() -> None:
    s = shown("The professor toppled the mayor, repeatedly criticizing him for being soft on crime.")
    assert (s.cue.text, s.content.text) == ("repeatedly criticizing", "him for being soft on crime")


def test_asked_if_parsed_as_a_condition() -> None:
    assert shown("In one deposition, lawyers asked a defendant if the pastor prayed for him.").content.text == "if the pastor prayed for him"


def test_grumbled_and_protested_are_cues() -> None:
    found = shown("Some grumbled that the campaign had ousted the only leader willing to listen.")
    assert found.content.text == "that the campaign had ousted the only leader willing to listen"


def test_reported_to_have_said_is_the_subject_s_statement() -> None:
    """ "is reported to have said that …": the inner cue reports what the subject said, not someone unnamed."""
    s = only("The general is reported to have said that the troops would stay.")
    assert (s.cue.text, s.source.text, s.content.text) == ("to have said", "The general", "that the troops would stay")


def test_quoted_by_an_outlet_as_saying_is_said_by_the_one_quoted() -> None:
    [s] = cued("The minister has been quoted by Reuters as saying the deal is dead.", "saying")
    assert (s.source.text, s.content.text) == ("The minister", "the deal is dead")


def test_short_clause_interrupted_by_its_cue() -> None:
    """ "The plan, the mayor argued, would save money": the clause has words on both sides of the cue."""
    s = only("The plan, the mayor argued, would save money.")
    assert (s.cue.text, s.source.text, s.content.text) == ("argued", "the mayor", "would save money")


def test_figures_a_document_shows() -> None:
    """ "The ministry's figures show 40 new cases": a document's figures speak for it; a scene a video shows does not."""
    s = shown("The health ministry's figures show 40 new cases on Monday.")
    assert (s.cue.text, s.content.text) == ("show", "40 new cases")
    assert all(s.confidence < 0.4 for s in statements("The video shows a man running from the car."))


def test_not_inside_the_quote_does_not_negate_its_cue() -> None:
    s = shown('"Absolutely not," Ruiz replied when asked about the rumours.')
    assert (s.kind, s.content.text) == ("direct", "Absolutely not,")


def test_told_clause_parsed_as_a_relative_clause_of_the_addressee() -> None:
    """ "told the paper she had “no regrets”": the clause after the addressee, not the addressee with it."""
    s = shown('Ruiz told the paper she had "no regrets" about the decision.')
    assert (s.cue.text, s.content.text) == ("told", 'she had "no regrets" about the decision')


def test_call_for_is_a_demand_voiced() -> None:
    """ "called for an inquiry", "called on X to …", "appealed for calm": what is demanded, shown though a bare noun
    phrase; what a plan or a measure "calls for" is no one's demand."""
    s = shown("Amnesty International has called for an independent inquiry into the shooting.")
    assert (s.cue.text, s.content.text) == ("has called for", "an independent inquiry into the shooting")
    s = shown("The union leaders called on the minister to resign at once.")
    assert (s.cue.text, s.content.text) == ("called on", "the minister to resign at once")
    s = shown("Her sister addressed reporters in Geneva, calling for the killers of her husband to be brought to justice.")
    assert s.content.text == "the killers of her husband to be brought to justice"
    s = only("Prominent senators are calling for Gov. Jan Brewer to veto the bill.")
    assert (s.cue.text, s.content.text) == ("are calling for", "Gov. Jan Brewer to veto the bill")
    s = shown("The bishops appealed for calm after the riots.")
    assert s.content.text == "calm"
    for text in ("The mayor's budget calls for deep cuts to the library service.", "Mandatory sentencing called for at least ten years in prison."):
        assert all(s.confidence < 0.4 for s in statements(text)), text


def test_charge_through_its_preposition() -> None:
    """ "accused him of lying", "ascribed the delay to …": the charge or cause given is a claim, as "blamed … for" is."""
    s = shown("The senator accused the minister of lying to the committee.")
    assert s.content.text == "the minister of lying to the committee"
    s = shown("The court ascribed the delay to a shortage of judges.")
    assert s.content.text == "the delay to a shortage of judges"


def test_clause_interrupted_by_its_cue_with_words_hung_on_the_cue() -> None:
    """ "The storm began, the service explained, over the gulf": the parser hangs what follows the cue's closing comma
    on the cue; the clause is still what was said, and the words hung there hold no statement of their own."""
    s = shown("The storm began, the weather service explained, over the warm waters of the gulf.")
    assert (s.cue.text, s.source.text, s.content.text) == ("explained", "the weather service", "The storm began")
    s = only("The bridge would be inspected, Jenkins said, to find out whether it had failed.")
    assert (s.cue.text, s.content.text) == ("said", "The bridge would be inspected")


def test_inverted_cue_after_its_clause_with_the_subject_read_as_object() -> None:
    """ "…, stated Interior Minister Omar Haddad, and …": the name after the cue is its subject, not its object."""
    s = shown("The device was hidden in a parked van, stated Interior Minister Omar Haddad, and was detonated remotely.")
    assert (s.source.text, s.content.text) == ("Interior Minister Omar Haddad", "The device was hidden in a parked van")


def test_quote_of_sentences_after_a_clause_and_a_comma() -> None:
    """ "Senator Baxter spoke on Fox News, “…”": a quote of whole sentences ending its paragraph, after a clause and a
    comma, is its subject's words whatever the verb; a headline in title case is not."""
    s = shown('Senator Ann Baxter spoke on Fox News, "This is going to lead to a new crisis in the region. Nobody wins from this."')
    assert (s.kind, s.source.text) == ("direct", "Senator Ann Baxter")
    s = only('She added that the vote seems more anti-Trump than pro-Clinton, which is a problem because, "In the end, we do not vote against somebody. We vote for somebody."')
    assert (s.kind, s.cue.text) == ("mixed", "added")
    assert not statements('The weekly ran a story about the photo called, simply, "How Strange Is the Ghost on the Cover of the Magazine?"')


def test_quote_after_a_colon_whose_cue_the_parser_read_as_a_noun() -> None:
    s = shown('Harris was quick to retort: "With all due respect, that is just nonsense. Not a single thing he said is true."')
    assert (s.kind, s.source.text) == ("direct", "Harris")


def test_second_part_of_a_split_quote_after_an_inverted_cue_with_a_long_subject() -> None:
    """ "“…,” wrote Chief Executive Anna M. Kowalski, “…”": the subject after the cue is no clause between them."""
    found = statements('"On behalf of the board," wrote Chief Executive Anna M. Kowalski, "I am sad to report that our founder has died."')
    assert [(s.kind, s.source.text) for s in found] == [("direct", "Chief Executive Anna M. Kowalski")] * 2


def test_what_was_said_through_the_verbs_preposition() -> None:
    """ "warned of flash floods", "talked of being forced to …": the phrase is what was said; "spoke of the
    collaboration" names only a topic."""
    s = shown("The hurricane center also warned of potential flash floods in the north.")
    assert (s.cue.text, s.content.text) == ("also warned of", "potential flash floods in the north")
    s = shown("The painter talked of being forced to rethink her life.")
    assert (s.cue.text, s.content.text) == ("talked of", "being forced to rethink her life")
    assert all(s.confidence < 0.4 for s in statements("The agency's director spoke of the collaboration between the two firms."))


def test_directive_verbs_of_pleading_and_pressing() -> None:
    """ "implored his colleagues to vote", "pressed Congress to act": an addressee and an infinitive make a directive;
    "pressed the button" is none."""
    s = shown("The senator implored his colleagues to vote on the nominee.")
    assert s.content.text == "his colleagues to vote on the nominee"
    s = shown("The vice president pressed Congress to take up the bill again.")
    assert s.content.text == "Congress to take up the bill again"
    assert not statements("She pressed the button twice before the door opened.")


def test_more_verbs_of_telling_with_a_that_clause() -> None:
    """ "disputed that …", "swore that …"; "shared that …", "projected that …" only with the "that" clause."""
    for text, content in (
        ("Mr. Lee disputed that voters feel betrayed by the deal.", "that voters feel betrayed by the deal"),
        ("The senators swore that they would never back another shutdown.", "that they would never back another shutdown"),
        ("She shared that she was prone to panic attacks on stage.", "that she was prone to panic attacks on stage"),
        ("The economist projected that the plan would create a million jobs.", "that the plan would create a million jobs"),
    ):
        assert shown(text).content.text == content, text


def test_passive_naming_says_what_something_is_called_by_no_one() -> None:
    """ "they are called “U.S. nationals”", "which has been termed “Brexit”": the subject is what is named, not who
    names it; "was labeled “Mostly True”" is still a verdict someone gave."""
    for text in ('Instead, they are called "U.S. nationals" on their passports.',
                 'The country is leaving the union, a process which has been termed Brexit for "British exit".'):  # fmt: skip
        assert all(s.confidence < 0.4 for s in statements(text)), text
    assert statements('The claim about the tax was labeled "Mostly True."')  # a verdict given, not a name


def test_a_thing_proposed_with_a_relative_clause_is_a_bare_noun_phrase() -> None:
    """ "proposed a bill that would allow …" proposes a thing, as "proposed a bill" does; "voiced skepticism that …" says something."""
    assert all(s.confidence < 0.4 for s in statements("The protests began after the government proposed a bill that would allow extraditions."))
    assert shown("The senator voiced skepticism that the deal would survive the winter.").content.text.startswith("skepticism that")
    [s] = cued("Citing an article that said the senator would not comment, the committee said he should weigh in.", "Citing")
    assert s.confidence >= 0.4


def test_clause_before_a_semicolon_is_not_what_the_cue_after_it_says() -> None:
    """ "A car broke through the rail; the fuel, officials said, ignited": the parser may hang the first sentence on the cue."""
    s = only("One truck and a car broke through the center rail before hitting other cars; around 50 gallons of fuel, officials said, spilled and ignited.")
    assert (s.source.text, s.content.text) == ("officials", "spilled and ignited")


def test_quote_woven_into_a_sentence_without_a_cue_is_speech() -> None:
    """ "The designer has built “a way to …”": a quote of whole phrases that no cue introduces is still someone's words."""
    text = "Ana Ruiz has knitted for ten years. She has also built “a way to fit a small fan inside the hood, to keep wearers cool.”"
    s = shown(text)
    assert (s.kind, s.cue.text) == ("direct", "")
    assert s.content.text == "a way to fit a small fan inside the hood, to keep wearers cool."


def test_second_quote_after_and_is_speech() -> None:
    found = statements("The mayor said on Friday “we asked the council to act” and “so we told the council we needed the park open.”")
    assert [s.content.text for s in found] == ["we asked the council to act", "so we told the council we needed the park open."]


def test_woven_title_or_term_is_no_speech() -> None:
    assert statements("The band played “Dancing in the Dark Again Tonight” at the show, under the slogan “one town, one voice”.") == []


def test_unmarked_clause_the_parser_joined_to_the_cue() -> None:
    """ "indicated on Twitter the boy was hurt": the clause read as a conjunct with no "and" is what was indicated."""
    s = shown("The ambulance service indicated on Twitter the boy was badly hurt.")
    assert (s.cue.text, s.content.text) == ("indicated", "the boy was badly hurt")
    assert statements("He said so and the boy left.") == []


def test_object_taken_from_the_clause_after_the_cue_is_its_subject() -> None:
    """ "cautioned justice does not come swiftly", parsed as cautioned + object: the object is the clause's subject."""
    assert only("She cautioned justice does not come swiftly.").content.text == "justice does not come swiftly"


def test_charged_with_is_an_accusation() -> None:
    """ "charged the mayor with fraud" accuses as "accused the mayor of fraud" does; the passive names no accuser."""
    s = shown("Prosecutors charged the mayor with fraud.")
    assert (s.cue.text, s.content.text) == ("charged", "the mayor with fraud")
    assert statements("The mayor was charged with fraud.") == []


def test_what_is_recommended_is_said() -> None:
    """ "recommended to close the mine", "recommended closing the mine": a proposal, as "proposed to close" is."""
    for text, content in (("The panel recommended to close the mine.", "to close the mine"), ("The panel recommended closing the mine.", "closing the mine")):
        assert shown(text).content.text == content, text


def test_box_score_after_added_is_no_run_on_statement() -> None:
    """ "added six assists, leading …": the words after the cue hold no tensed verb of their own, so no clause
    the parser broke up follows it; it is a tally, not something said."""
    from storyline.analysis.confidence import SHOWN_CONFIDENCE

    found = statements("Lee Park scored 17 points and added six assists, leading Ohio to a 70-61 win over Iowa.")
    assert [s.content.text for s in found if s.confidence >= SHOWN_CONFIDENCE] == []


def test_a_word_or_a_picture_that_shows_or_implies_says_nothing() -> None:
    """ "The term implies …", "the footage shows …": a word means and a picture depicts; a text or a speaker says."""
    from storyline.analysis.confidence import SHOWN_CONFIDENCE

    for text in (
        "The word “lockdown” implies that nobody may leave their home.",
        "The footage shows two men chase a cyclist across the bridge.",
        "The photo shows the minister shaking hands with a smiling rebel leader.",
    ):
        assert all(s.confidence < SHOWN_CONFIDENCE for s in statements(text)), text
    for text in (
        "The ministry's report shows that exports fell for a third month.",
        "The new model indicated that the glacier would be gone by 2060.",
    ):
        assert shown(text).content.text.startswith("that")


def test_an_action_on_a_noun_phrase_is_no_claim() -> None:
    """A participle on the object is a relative clause cut short ("a petition challenging the order"), a noun's
    modifier tagged as a verb is no clause, and an "as" after a comma says in what capacity, not what the object is."""
    from storyline.analysis.confidence import SHOWN_CONFIDENCE

    for text in (
        "The tribunal on Friday dismissed an appeal challenging the merger of the two ports, as a member of the panel.",
        "The police chief has ordered the transfer of the file to homicide section of the state police.",
    ):
        assert all(s.confidence < SHOWN_CONFIDENCE for s in statements(text)), text
    assert shown("The senator dismissed the audit as a partisan smear.").content.text == "the audit as a partisan smear"
    assert shown("The council rejected the claim that the levy had driven shops away.").content.text.startswith("the claim")


def test_finding_something_hard_to_do_is_an_experience() -> None:
    """ "found it hard to sleep" says how something felt, not what anyone found out or said."""
    assert statements("Omar Reyes moved to the coast in May. Omar found it hard to make friends there.") == []


def test_page_labels_are_no_speakers_and_their_links_no_statements() -> None:
    """A cut page keeps its "RELATED: …" links and "Source: …" credits: no one's words."""
    text = ("Officials closed the pass on Friday. RELATED: Climber dies on the north face RELATED: The worst storms of the "
            "decade Mountain rescue teams responded to the call, which came at noon. Source: \"Alpine Desk")
    assert statements(text) == []


def test_accused_of_hung_on_the_last_of_two_objects() -> None:
    """ "accused A and B of lying": the parser hangs the "of" phrase on the last conjunct; still an accusation."""
    s = shown("Vega accused the chief executive Ann Moss and two other directors of hiding losses from the board.")
    assert s.content.text.endswith("of hiding losses from the board")


def test_long_source_set_off_before_said() -> None:
    """A subject phrase the parser hung as an apposition inside the opening clause still speaks the cue."""
    s = shown("While ruling on the petition of Tom Ray, a farmer, a bench comprising Justice Ann Obi and Justice Lee Park said the sale was lawful.")
    assert (s.source.text, s.content.text) == ("a bench comprising Justice Ann Obi and Justice Lee Park", "the sale was lawful")


def test_speaker_inside_a_relative_clause_whose_pronoun_is_the_reported_subject() -> None:
    """ "migrants, who the minister says take jobs": the minister says they take jobs."""
    s = shown("The rules target seasonal migrants, who the minister says take jobs from local people.")
    assert (s.source.text, s.content.text) == ("the minister", "take jobs from local people")


def test_fronted_as_clause_frames_the_main_clause() -> None:
    """ "As she stressed, …": the cue in the "as" clause frames the clause it opens; "As he explained the plan" does
    not, nor does "As the parade continued", a time."""
    s = shown("As the coach stressed on Sunday, the team will not change its line-up for the final.")
    assert (s.source.text, s.content.text) == ("the coach", "the team will not change its line-up for the final")
    s = shown("The staff kept to the line that, as the manager said, the shop made a profit.")
    assert (s.source.text, s.content.text) == ("the manager", "the shop made a profit")
    assert all(s.confidence < 0.4 for s in statements("As he explained the plan, the crowd booed."))
    assert statements("As the parade of floats continued, the crowd grew restless.") == []


def test_chanted_words_are_said() -> None:
    s = shown("Outside the court, the protesters chanted “Free them all now!”")
    assert (s.kind, s.source.text, s.cue.text) == ("direct", "the protesters", "chanted")

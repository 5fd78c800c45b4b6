"""Statement extraction and speaker resolution, one construction per test, on text written here."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from storyline.analysis import analyse, analyse_many, statements
from storyline.model import Article, Statement


def only(text: str) -> Statement:
    found = statements(text)
    assert len(found) == 1, [(s.content.text, s.cue.text) for s in found]
    return found[0]


def speakers(found: list[Statement]) -> list[str | None]:
    return [s.speaker.name if s.speaker else None for s in found]


def test_direct_quote_with_cue_after() -> None:
    s = only("Maria Lopez visited the dam on Monday. “The water level is dropping fast,” she said.")
    assert (s.kind, s.content.text, s.cue.text, s.source.text) == ("direct", "The water level is dropping fast,", "said", "she")
    assert s.speaker.name == "Maria Lopez"


def test_cue_before_with_comma_colon_or_nothing() -> None:
    for text in (
        "Anton Berg said, “The bridge will reopen next week.”",
        "Anton Berg said: “The bridge will reopen next week.”",
        "Anton Berg said “The bridge will reopen next week.”",
    ):
        s = only(text)
        assert s.content.text == "The bridge will reopen next week."
        assert s.speaker.name == "Anton Berg"


def test_inverted_cue() -> None:
    s = only("“We have enough beds for everyone,” said Daniel Okafor.")
    assert s.source.text == "Daniel Okafor" and s.speaker.name == "Daniel Okafor"


def test_split_quote_is_two_statements_with_one_speaker() -> None:
    found = statements("“The harvest was poor,” Lena Fischer said, “but the stores are full.”")
    assert [s.content.text for s in found] == ["The harvest was poor,", "but the stores are full."]
    assert speakers(found) == ["Lena Fischer", "Lena Fischer"]
    assert found[0].cue == found[1].cue


def test_quote_across_paragraphs() -> None:
    text = "Omar Haddad spoke at length.\n\n“The first part of the plan is done.\n\n“The second part starts in May,” he said."
    s = only(text)
    assert s.content.text.startswith("The first part") and s.content.text.endswith("in May,")
    assert s.speaker.name == "Omar Haddad"


def test_typewriter_quote_marks() -> None:
    """``…'' marks, as tokenised corpora and wire copy print them, are double quotes two characters wide."""
    text = "The mayor spoke last.\nMayor Ines Duarte said:\n`` The bridge will reopen in May.\nWe owe it to the town.''\nWork starts soon."
    s = only(text)
    assert (s.kind, s.speaker.name) == ("direct", "Ines Duarte")
    assert s.content.text.startswith("The bridge") and s.content.text.endswith("to the town.")


def test_closing_mark_set_apart_by_spaces() -> None:
    s = only('The trial went on.\n"The victim was caught in a senseless feud, " prosecutor Ruth Adler said.')
    assert (s.content.text, s.speaker.name) == ("The victim was caught in a senseless feud,", "Ruth Adler")


def test_apostrophes_and_single_quotes() -> None:
    text = "Ruth Kane said the farmers’ union would ‘not accept a deal that doesn’t pay’."
    s = only(text)
    assert s.kind == "mixed" and "doesn’t pay" in s.content.text
    assert s.speaker.name == "Ruth Kane"
    assert only("'We don't give up,' said Ruth Kane.").content.text == "We don't give up,"


def test_scare_quotes_and_titles_are_not_statements() -> None:
    assert statements("The so-called “peace train” left the station. She read “War and Peace” twice.") == []


def test_dash_attribution() -> None:
    s = only("The convoy reached the border at dawn — the first aid in weeks, a spokesman said.")
    assert s.kind == "indirect" and s.content.text.startswith("The convoy reached the border")
    assert s.source.text == "a spokesman" and s.speaker.name == "a spokesman"


def test_quotes_signed_with_a_dash_and_a_name() -> None:
    text = "“We will rebuild the bridge before winter.” — Ana Silva, mayor\n\n“The river is too high for boats.” ― Tom Reed"
    found = statements(text)
    assert [(s.kind, s.cue.text, s.source.text, s.speaker.name) for s in found] == [
        ("direct", "—", "Ana Silva", "Ana Silva"),
        ("direct", "―", "Tom Reed", "Tom Reed"),
    ]
    assert statements("“We will rebuild the bridge before winter,” she said — Ana Silva was sure of it.")[0].source.text == "she"


def test_colon_headline() -> None:
    s = only("Solberg: “We will not leave the talks.”")
    assert s.cue.text == ":" and s.speaker.name == "Solberg"


def test_quote_alone_after_speaker_sentence() -> None:
    found = statements("Carla Mendes arrived at the court on Tuesday. “I have nothing to hide from anyone.”")
    assert speakers(found) == ["Carla Mendes"]
    assert found[0].confidence < 1


def test_appositive_source() -> None:
    s = only("Hugh Hill, a doctor at the hospital, said the wards were full.")
    assert s.source.text == "Hugh Hill, a doctor at the hospital" and s.speaker.name == "Hugh Hill"
    assert s.content.text == "the wards were full"


def test_passive_and_inverted_cues() -> None:
    s = only("It was announced by the ministry that schools will close.")
    assert s.speaker.name == "the ministry" and s.speaker.kind == "org"
    assert s.content.text == "that schools will close"


def test_title_resolves_to_person_named_earlier() -> None:
    text = ("Foreign Minister Ana Silva met her counterpart. "
            "The minister said the border would stay open.")
    assert speakers(statements(text)) == ["Ana Silva"]


def test_title_without_name_keeps_the_role() -> None:
    s = only("The prime minister of Samoa said the island needs help.")
    assert s.speaker.name == "The prime minister of Samoa" and s.speaker.kind == "person"
    assert speakers(statements("Officials said the road was closed.")) == ["Officials"]


def test_according_to() -> None:
    s = only("The dam holds 40 million cubic metres, according to the water board.")
    assert s.cue.text == "according to" and s.source.text == "the water board"
    assert s.content.text == "The dam holds 40 million cubic metres"


def test_indirect_with_and_without_that() -> None:
    """The complementiser belongs to the reported clause, as PolNeAR marks it."""
    assert only("Pia Lund said that the talks would resume.").content.text == "that the talks would resume"
    assert only("Pia Lund said the talks would resume.").content.text == "the talks would resume"


def test_pronoun_never_resolves_to_a_name_inside_the_quote() -> None:
    text = "Tom Reed spoke first. “I met Paul Grant yesterday and we agreed on the terms,” he said."
    assert speakers(statements(text)) == ["Tom Reed"]


def test_analyse_many_streams_and_fills_layers() -> None:
    articles = [Article(id=f"a{i}", text="Pia Lund said the talks would resume.") for i in range(3)]
    out = list(analyse_many(iter(articles), batch_size=2))
    assert [a.id for a in out] == ["a0", "a1", "a2"]
    assert all(a.sentences and a.entities and a.statements for a in out)


# Seeds: real articles beside the repository.

def seed(seeds_dir: Path, stem: str) -> Article:
    path = seeds_dir / f"{stem}.txt"
    if not path.exists():
        pytest.skip(f"{path.name} missing")
    return analyse(Article(id=stem, text=path.read_text(encoding="utf-8")))


def by_start(article: Article, prefix: str) -> Statement:
    return next(s for s in article.statements if s.content.text.removeprefix("that ").startswith(prefix))


def test_seed_afghanistan_times(seeds_dir: Path) -> None:
    article = seed(seeds_dir, "afghanistan-times-nato-peace-push")
    expected = [
        "alliance wants a peaceful solution", "We have just finished", "the role of NATO",
        "We will also assess", "NATO allies are consulting", "So we are doing",
        "US Special Envoy for Afghanistan Zalmay Khalilzad has updated", "To have Afghan reconciliation",
        "the next stage", "Khalilzad has stated many times", "the overall aim",
    ]
    for prefix in expected:
        assert by_start(article, prefix).speaker.name in ("Jen Stoltenberg", "Jens Stoltenberg"), prefix
    assert by_start(article, "the next stage").source.text == "The NATO chief"
    names = {e.name: e for e in article.entities.values() if e.kind == "person"}
    assert {"Mike Pompeo", "Pompeo"} <= set(names["Mike Pompeo"].aliases)
    assert {"Zalmay Khalilzad", "Khalilzad"} <= set(names["Zalmay Khalilzad"].aliases)
    chrome = article.text.index("About admin")
    assert all(s.content.start < chrome for s in article.statements)


def test_seed_khaama_press(seeds_dir: Path) -> None:
    article = seed(seeds_dir, "khaama-press-peace-deal-not-leave-deal")
    first = article.statements[0]
    assert first.kind == "mixed" and "‘a peace deal, not a leave deal’" in first.content.text
    for prefix in ("the ongoing talks", "First of all", "He (Ambassador Khalizad)", "The aim is"):
        assert by_start(article, prefix).speaker.name == "Jens Stoltenberg", prefix
    assert by_start(article, "He (Ambassador").source.text == "the NATO Secretary General"
    khalilzad = [e for e in article.entities.values() if "Khalizad" in e.aliases]
    assert len(khalilzad) == 1 and "Khalilzad" in khalilzad[0].aliases
    chrome = article.text.index("The Khaama Press News Agency")
    assert all(s.content.start < chrome for s in article.statements)


# Second pass: mixed statements, roles, surnames and organisations, one rule per test.

def test_scare_quoted_fragment_in_reported_speech_is_one_mixed_statement() -> None:
    s = only("Tove Ekdahl said the proposal was “a fair place to start”.")
    assert s.kind == "mixed" and s.content.text == "the proposal was “a fair place to start”"
    assert s.speaker.name == "Tove Ekdahl"


def test_called_and_described_take_what_is_named_with_the_quoted_name() -> None:
    s = only("Rafael Pinto called the offer “an insult to every nurse”.")
    assert (s.kind, s.content.text, s.cue.text) == ("mixed", "the offer “an insult to every nurse”", "called")
    s = only("Later they met Rafael Pinto. He described the mood as “calm but tired”.")
    assert s.content.text == "the mood as “calm but tired”" and s.speaker.name == "Rafael Pinto"


def test_quoted_titles_and_calls_without_quotes_are_not_statements() -> None:
    assert statements("His memoir, “The Quiet Road”, sold well in the spring of last year.") == []
    assert statements("The so-called “green corridor” opened on Monday near the border.") == []


def test_colon_attribution_after_a_role() -> None:
    s = only("Harbour pilot Ines Duarte: “Nobody told us the channel was closed.”")
    assert s.source.text == "Ines Duarte" and s.speaker.name == "Ines Duarte"


def test_surname_resolves_to_full_name_given_earlier() -> None:
    text = ("Club president Niamh Rourke opened the meeting in Galway.\n\n"
            "“We will build a new stand before the winter,” said Rourke.")
    assert speakers(statements(text)) == ["Niamh Rourke"]


def test_role_learnt_from_apposition_title_and_clause() -> None:
    for intro in ("Tove Ekdahl, the UN mediator, arrived in Geneva.",
                  "UN mediator Tove Ekdahl arrived in Geneva.",
                  "Reporters met Tove Ekdahl, who mediates for the UN, in Geneva."):  # no subject a description continues
        found = statements(intro + " The mediator said the talks would resume on Friday.")
        assert speakers(found)[-1] == ("Tove Ekdahl" if "mediator" in intro else "The mediator"), intro
    text = "Lars Berg was appointed head coach on Monday. The new head coach said the squad was ready."
    assert speakers(statements(text)) == ["Lars Berg"]


def test_role_with_origin_picks_the_one_holder_or_stays_a_role() -> None:
    intro = ("Piotr Nowak, Poland’s transport minister, met Lena Vogt, Germany’s transport minister, in Berlin. ")
    assert speakers(statements(intro + "The Polish minister said the rail link would open in May.")) == ["Piotr Nowak"]
    assert speakers(statements(intro + "The minister said the rail link would open in May.")) == ["The minister"]


def test_appositive_name_after_a_role_subject() -> None:
    s = only("Their leader, Maria Gonzalez, said the strike would go on.")
    assert s.speaker.name == "Maria Gonzalez"


def test_speaker_is_never_named_inside_the_statement() -> None:
    text = "Coach Maria Gonzalez left out striker Marta Gil on Friday. She said Gil was not injured."
    s = only(text)
    assert s.content.text == "Gil was not injured" and s.speaker.name == "Maria Gonzalez"


def test_organisation_short_form_and_the_company() -> None:
    text = ("A fire damaged a depot of Orla Freight Services in Cork. "
            "Orla said no one was hurt. The company said the depot would reopen next month.")
    found = statements(text)
    orgs = [e for e in analyse(Article(id="o", text=text)).entities.values() if e.kind == "org"]
    assert [e.name for e in orgs] == ["Orla Freight Services"]
    assert speakers(found) == ["Orla Freight Services", "Orla Freight Services"]


def test_organisation_role_noun_is_not_a_person() -> None:
    text = ("Brigid Shaw, head of the Cork fire brigade, arrived at dawn. "
            "Four people were hurt, according to the fire brigade.")
    s = only(text)
    assert s.speaker.kind == "org" and s.speaker.name == "the fire brigade"


def test_parenthetical_cue_frames_the_clause_around_it() -> None:
    s = only("Without new funds, the engineer said, the bridge will stay closed until May.")
    assert (s.kind, s.source.text, s.cue.text) == ("indirect", "the engineer", "said")
    assert s.content.text == "the bridge will stay closed until May"


def test_closing_cue_without_quote_marks() -> None:
    s = only("The talks will resume next week, a spokesman told reporters on Monday.")
    assert (s.source.text, s.cue.text, s.content.text) == ("a spokesman", "told reporters", "The talks will resume next week")
    assert statements("Officials said Monday.") == []
    assert statements("In March, he said.") == []  # too short to be a statement


def test_cue_phrase_keeps_auxiliaries_adverbs_and_particles() -> None:
    s = only("Ana Silva has also pointed out that the dam is old.")
    assert (s.cue.text, s.content.text) == ("has also pointed out", "that the dam is old")


def test_report_of_a_survey_is_a_statement() -> None:
    s = only("A new survey shows that most residents support the dam.")
    assert (s.source.text, s.cue.text, s.content.text) == ("A new survey", "shows", "that most residents support the dam")


def test_quote_introduced_by_a_colon_ending_the_paragraph_before() -> None:
    s = only("The debate turned sharp. Cruz continued:\n\n“The questions asked tonight show why voters distrust the media.”")
    assert (s.kind, s.source.text, s.cue.text, s.speaker.name) == ("direct", "Cruz", "continued", "Cruz")
    assert statements("Here is the list:\n\n“Apples and pears and plums and figs.”")[0].speaker is None


def test_transcript_turns_are_statements_by_their_labels_and_a_dateline_is_not() -> None:
    text = (
        "VIENNA: Host Ellen Marsh pressed Finance Minister Tomas Reyes on the budget on Sunday.\n\n"
        "Partial transcript as follows:\n\n"
        "\"MARSH: Let us start with the deficit. Will you cut pensions this year?\n\n"
        "\"REYES: Well, look, we have said many times that pensions are safe. The cuts will come elsewhere.\n\n"
        "\"MARSH: But, minister, your own advisers wrote \u201cthe pension pot is empty\u201d in March.\n\n"
        "\"REYES: They wrote a draft, and drafts are for arguing about.\""
    )
    found = statements(text)
    assert [s.content.text for s in found] == [
        "Let us start with the deficit. Will you cut pensions this year?",
        "Well, look, we have said many times that pensions are safe. The cuts will come elsewhere.",
        "But, minister, your own advisers wrote \u201cthe pension pot is empty\u201d in March.",
        "They wrote a draft, and drafts are for arguing about.",
    ]
    assert speakers(found) == ["Ellen Marsh", "Tomas Reyes", "Ellen Marsh", "Tomas Reyes"]
    assert all(s.kind == "direct" and s.cue.text == ":" for s in found)


def test_a_title_before_the_name_does_not_end_the_sentence_of_the_cue() -> None:
    s = statements("Clinton has plans for coal country.\n\n\"It will be first-order business,\" Mr. Podesta said.")[-1]
    assert (s.content.text, s.cue.text, s.source.text, s.speaker.name) == (
        "It will be first-order business,", "said", "Mr. Podesta", "Podesta"
    )


def test_the_source_after_a_quote_is_neither_the_quote_nor_the_day() -> None:
    first, then = statements(
        "The inquiry goes on.\n“We will find out what happened,” Harbour police Chief Ana Ruiz said Monday. "
        "“Nobody is above the law in this city.”"
    )
    assert (first.cue.text, first.source.text) == ("said", "Harbour police Chief Ana Ruiz")
    assert speakers([first, then]) == ["Ana Ruiz", "Ana Ruiz"]


def test_a_quote_carrying_on_in_the_paragraph_keeps_its_speaker() -> None:
    found = statements(
        "“My name may not be on the ballot,” Omar Haddad said at the dinner, where Lena Fischer also spoke. "
        "“Tolerance is on the ballot, and so is the river.”"
    )
    assert speakers(found) == ["Omar Haddad", "Omar Haddad"]


def test_relative_pronoun_source_is_the_person_the_clause_is_about() -> None:
    s = only("The plan was drafted by Ana Silva, who has said that the dam is old.")
    assert (s.source.text, s.cue.text, s.content.text) == ("who", "has said", "that the dam is old")
    assert s.speaker.name == "Ana Silva"


def test_whom_something_was_said_to_is_not_its_speaker() -> None:
    [s] = statements("Residents were asked to keep their windows closed.")  # by someone unnamed, never the residents
    assert (s.source, s.speaker) == (None, None)
    [s] = statements("Asked about the fire doors, Marc Dewaele said they had passed inspection.")
    assert (s.cue.text, s.content.text) == ("said", "they had passed inspection")
    [s] = statements("Residents were asked by the fire service to keep their windows closed.")
    assert s.source.text == "the fire service"


def test_a_dateline_is_never_the_source() -> None:
    [s] = statements("VIENNA, March 11 — Hungary and Slovakia agreed to set up a joint working group.")
    assert s.source.text == "Hungary and Slovakia" and s.speaker.name == "Hungary"
    [s] = statements("BRATISLAVA, May 19 — Hungary and Slovakia agreed on Tuesday to share the costs.")
    assert s.source.text == "Hungary and Slovakia"


def test_a_dateline_is_no_part_of_what_was_said() -> None:
    text = "ANTWERP, March 3 — A fire broke out overnight at a warehouse in the port, the fire service said."
    [s] = statements(text)
    assert s.content.text == "A fire broke out overnight at a warehouse in the port"
    [s] = statements("LIMASSOL (Harbour Wire) - Two ferries collided near the pier, officials said.")
    assert s.content.text == "Two ferries collided near the pier"
    [s] = statements("Dorvik (N/R) Jan 05, DNA – Two ferries collided near the pier, officials said.")
    assert s.content.text == "Two ferries collided near the pier"  # a place in title case, with its date
    [s] = statements("NATO-led patrols left the valley, the ministry said.")  # a hyphenated name opening a clause stays
    assert s.content.text == "NATO-led patrols left the valley"


def test_the_passive_subject_of_a_learned_cue_is_no_source() -> None:
    assert statements("More water must be released when a drought is declared.") == []
    assert [s.source.text for s in statements("Ana Silva said more water must be released.")] == ["Ana Silva"]


def test_a_quoted_title_in_a_reported_clause_is_no_speech_of_its_own() -> None:
    text = 'Dunmore says his festival, "Bring Your Own Kite To The Dunes", was planned as a joke.'
    found = analyse(Article(id="t", text=text)).statements
    assert [s.kind for s in found] == ["mixed"] and found[0].speaker is not None and found[0].speaker.name == "Dunmore"


def test_quoted_words_after_as_characterise_in_the_subjects_words() -> None:
    text = 'Mayor Ilse Brandt attacked the audit as "a partisan fishing trip." Later she referred to the vote as "The Great Harbour Swindle".'
    found = analyse(Article(id="t", text=text)).statements
    assert [(s.kind, s.speaker.name if s.speaker else None) for s in found] == [("mixed", "Ilse Brandt")] * 2
    filed = 'Couples must now file together as "married filing jointly" on their returns.'
    assert analyse(Article(id="t", text=filed)).statements == []


def test_one_line_a_paragraph_bounds_contents_and_a_shows_title_ending_a_sentence_is_no_quote() -> None:
    text = (
        '"This is the same man who hid his own records," Senator Ruth Adler said on Channel 9\'s "Evening Harbour Report."\n'
        'In 2007, Mayor Ilse Brandt criticized the port board for its "secrecy," according to the Harbour Gazette.'
    )
    found = analyse(Article(id="t", text=text)).statements
    assert not any("Evening Harbour Report" == s.content.text.strip(".") for s in found)  # a show's title
    gazette = next(s for s in found if s.cue.text == "according to")
    assert gazette.content.text.startswith("In 2007")  # not from the line before
    brandt = next(s for s in found if s.cue.text == "criticized")
    assert brandt.speaker is not None and brandt.speaker.name == "Ilse Brandt" and "secrecy" in brandt.content.text


def test_a_quote_whose_closing_mark_the_outlet_left_out_ends_with_its_line() -> None:
    from storyline.analysis.quotes import find_quotes

    text = '"The ferry is late again," Brandt said. "Ask the council why? Nobody there knows.\nThe council did not reply.'
    quotes = find_quotes(text)
    assert [text[q.content[0] : q.content[1]] for q in quotes] == ["The ferry is late again,", "Ask the council why? Nobody there knows"]
    statements = analyse(Article(id="t", text=text)).statements
    assert [s.speaker.name if s.speaker else None for s in statements] == ["Brandt", "Brandt"]


def test_according_to_the_sources_of_a_named_outlets_report_leaves_the_report_to_the_outlet() -> None:
    text = "On Friday, the Harbour Gazette reported that Hale does not plan to run, according to three people familiar with his plans."
    found = analyse(Article(id="t", text=text)).statements
    assert [(s.cue.text, s.speaker.name if s.speaker else None) for s in found] == [("reported", "Harbour Gazette")]


def test_a_titled_name_after_a_cue_with_no_comma_is_who_said_the_quote() -> None:
    text = ('Ana Berg, a guide, helped the crowd. "I am proud of the people who stayed calm to keep us all safe" '
            "tweeted Mayor of Norland Sadiq Khan (no relation).")
    statement = next(s for s in analyse(Article(id="t", text=text)).statements if "proud" in s.content.text)
    assert (statement.cue.text, statement.speaker.name if statement.speaker else None) == ("tweeted", "Sadiq Khan")


def test_a_word_of_a_quote_is_never_the_source_of_the_next_one() -> None:
    text = ("For much of her career, Nora Lind kept a wholesome image. \"I have the unfortunate reputation of being a saint, "
            "and all that,\" Lind said in her 1976 autobiography, \"so I'm afraid it's going to shock some people.\"")
    statement = next(s for s in analyse(Article(id="t", text=text)).statements if "afraid" in s.content.text)
    assert statement.source is not None and statement.source.text == "Lind"


def test_a_quote_finished_by_a_few_words_before_an_inverted_cue_is_its_subjects() -> None:
    text = ('Few lawmakers agreed. "I come from a state that backs the president, but there are other strategies that '
            'would work better" than a shutdown, said Senator Ana Silva, Republican of Norland.')
    statement = next(s for s in analyse(Article(id="t", text=text)).statements if "strategies" in s.content.text)
    assert statement.speaker is not None and statement.speaker.name == "Ana Silva"


def test_a_time_written_with_a_spaced_colon_ends_no_sentence() -> None:
    found = statements("The fire broke out at 14: 00 local time, according to news reports.")
    assert [s.content.text for s in found] == ["The fire broke out at 14: 00 local time"]


def test_a_subject_and_auxiliary_before_a_splitting_cue_are_no_content_of_their_own() -> None:
    assert statements("It is, said Rep. Jay Moss, D-Ore., the council's last sour note.") == []
    assert only("They will, he said.").content.text == "They will"  # an answer ends at the cue's subject


def test_a_named_outlet_before_a_plural_looking_cue_reports_the_clause() -> None:
    found = statements("The pop star, 27, checked in late Saturday night, TMZ reports, barely making the deadline.")
    assert [(s.source.text, s.content.text) for s in found if s.source] == [("TMZ", "The pop star, 27, checked in late Saturday night")]


def test_a_closing_cue_hung_on_the_clause_with_its_own_participle_reports_the_clause() -> None:
    found = statements("Moss died at her home in Dover, Delaware, Friday, the Dover Times newspaper reported, citing her son.")
    assert ("reported", "Moss died at her home in Dover, Delaware, Friday") in [(s.cue.text, s.content.text) for s in found]
    assert statements("He left the room because the police said so.") == []


def test_a_new_opening_quote_mark_ends_one_left_unclosed_and_its_cue_names_a_new_speaker() -> None:
    text = (
        "Editor Dan Rusk plans to retire in January. “It feels like a death in the family,” Rusk said. His last column "
        "read: “At this writing, it appears the paper will simply close. Ellis’ family has read the paper since the "
        "1970s. “It has chronicled our history for a century, and to see it go is sad,” Ellis said."
    )
    found = analyse(Article(id="t", text=text)).statements
    chronicled = next(s for s in found if "chronicled" in s.content.text)
    assert chronicled.content.text.startswith("It has chronicled") and chronicled.speaker.name == "Ellis"


def test_a_phrase_quoted_inside_a_quote_keeps_the_outer_quote_whole() -> None:
    text = "Ana Silva wrote: “He need not have backed the so-called “Green Agenda” so loudly, and he knows it.”"
    assert only(text).content.text.startswith("He need not") and "he knows it" in only(text).content.text


def test_a_curly_closing_mark_set_apart_after_an_inner_quote_still_closes_the_quote() -> None:
    text = "Coach Ana Silva spoke after the game. “I wish I could say, ‘We had bad luck,’ ” Silva said. “But the injuries were serious.”"
    found = analyse(Article(id="t", text=text)).statements
    wish = next(s for s in found if "I wish" in s.content.text)
    assert "injuries" not in wish.content.text and wish.speaker.name == "Ana Silva"

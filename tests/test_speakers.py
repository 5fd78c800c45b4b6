"""Speakers a reader accepts: gender-agreeing pronouns, names without their roles, owners of documents,
descriptions that stay descriptions, and confidence that hides what is no statement."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

import storyline
from storyline.analysis import EntityRegistry, analyse, load_nlp
from storyline.analysis.confidence import SHOWN_CONFIDENCE
from storyline.analysis.first_names import gender_of, is_common_first_name
from storyline.analysis.names import parse_person_name, same_person
from storyline.model import Article, Statement


def found(text: str) -> list[Statement]:
    return analyse(Article(id="t", text=text)).statements


def found_entities(text: str) -> list:  # noqa: ANN001 — test helper
    return list(analyse(Article(id="t", text=text)).entities.values())


def speaker_of(text: str, content_word: str) -> tuple[str | None, str | None]:
    statement = next(s for s in found(text) if content_word in s.content.text)
    return (statement.speaker.name, statement.speaker.role) if statement.speaker else (None, None)


def speaker_in_parse(text: str, doc: Doc, content_word: str) -> str | None:
    """The speaker found on a given parse: where a test sets what the model tagged."""
    statement = next(s for s in analyse(Article(id="t", text=text), doc).statements if content_word in s.content.text)
    return statement.speaker.name if statement.speaker else None


def test_first_names_tell_gender_and_rare_words_tell_nothing() -> None:
    assert (gender_of("Anna"), gender_of("Thomas"), gender_of("Zxq")) == ("female", "male", None)
    assert is_common_first_name("Linda") and not is_common_first_name("Harbour")


def test_she_and_he_go_to_the_person_of_their_gender() -> None:
    text = "Anna Berg met Thomas Hale in Dorvik on Monday.\n\nShe said the bridge would be finished by May.\n\nHe said the money was not there."
    assert speaker_of(text, "bridge")[0] == "Anna Berg"
    assert speaker_of(text, "money")[0] == "Thomas Hale"


def test_he_never_goes_to_a_place_or_an_organisation() -> None:
    text = "The Northern Federation rejected the plan on Monday.\n\nHe said the vote was rigged."
    assert speaker_of(text, "vote")[0] is None


def test_the_name_is_the_person_and_the_title_is_the_role() -> None:
    assert speaker_of("NATO Secretary General Jens Stoltenberg said the talks would resume.", "talks") == (
        "Jens Stoltenberg", "NATO Secretary General")  # fmt: skip


def test_an_attorney_for_someone_keeps_the_client_apart() -> None:
    text = "Alan Futerfas, an attorney for Donald Trump Jr., said the meeting was short."
    assert speaker_of(text, "meeting") == ("Alan Futerfas", "attorney for Donald Trump Jr.")
    article = analyse(Article(id="t", text=text))
    EntityRegistry().canonicalise(article)
    lawyer = next(e for e in article.entities.values() if e.name == "Alan Futerfas")
    assert not any("Trump" in alias for alias in lawyer.aliases)


def test_junior_is_not_his_father() -> None:
    junior, father = parse_person_name("Donald Trump Jr."), parse_person_name("Donald Trump")
    assert junior is not None and father is not None and not same_person(junior, father)


def test_a_document_speaks_for_its_owner() -> None:
    text = "Mayor Lina Kovac's Twitter account said the harbour would reopen on Friday."
    assert speaker_of(text, "harbour")[0] == "Lina Kovac"


def test_a_body_speaks_for_itself_not_for_the_titled_person_whose_it_is() -> None:
    text = "Chancellor Greta Lind’s centre-right NPD party called for fresh regional elections on Monday."
    assert speaker_of(text, "elections")[0] == "NPD party"
    assert speaker_of("Harbour Workers Union President Ana Silva said the strike would go on.", "strike")[0] == "Ana Silva"


def test_an_outlet_named_on_its_kind_noun_is_that_name() -> None:
    assert speaker_of("Two men were arrested, the Harbour Democrat newspaper reported.", "arrested")[0] == "Harbour Democrat"
    assert speaker_of("The Kyodo news agency said two men were arrested.", "arrested")[0] == "Kyodo"
    assert speaker_of("According to information from the Harbour Region Police Office, two men were arrested.", "arrested")[0] == (
        "Harbour Region Police Office")  # fmt: skip


def test_a_capitalised_title_or_a_nationality_refers_back_to_the_one_just_named() -> None:
    text = (
        "First Minister Markus Lind spoke in Dorvik on Friday. The figures were good, Markus Lind said. "
        "“We were lucky”, the Bavarian First Minister stated."
    )
    assert speaker_of(text, "lucky")[0] == "Markus Lind"
    text = "Grigor Lind lost in the first round to a qualifier. The Bulgarian said on Thursday that his shoulder hurt."
    assert speaker_of(text, "shoulder")[0] == "Grigor Lind"
    text = "The figures were good, Markus Lind said. The President said the economy was strong."  # no president he is said to be
    assert speaker_of(text, "economy")[0] == "The President"


def test_a_participle_after_a_clause_is_its_subjects_not_its_objects() -> None:
    text = "Consider the hearings of 1954, when witness Ana Silva confronted Senator Tom Hale, asking “have you no shame?” in public."
    assert speaker_of(text, "shame")[0] == "Ana Silva"  # parsed with "asking" hung on "Consider", which has no subject


def test_a_description_names_what_it_is_and_keeps_where_as_its_role() -> None:
    assert speaker_of("Police in Leeds, England, said the party had ended at midnight.", "party") == (
        "Police", "in Leeds, England")  # fmt: skip
    assert speaker_of("A spokeswoman for the Norland Rail Company said the trains were late.", "trains")[0] == (
        "A spokeswoman for the Norland Rail Company")  # fmt: skip


def test_a_dateline_is_no_speaker() -> None:
    text = "DORVIK — The council voted on Tuesday.\n\nDORVIK said nothing. Officials said the vote was close."
    assert all(s.speaker is None or s.speaker.name != "DORVIK" for s in found(text))


def test_a_dateline_place_is_no_one_a_pronoun_stands_for_wherever_it_is_named() -> None:
    text = (
        "Dorvik (N/R) Jan 05, DNA – A lecturer at the teachers college has warned that vote buying is spreading.\n\n"
        "He spoke at a rally in Dorvik on Tuesday.\n\nHe said the practice was destroying trust in elections."
    )
    doc = load_nlp()(text)
    towns = [doc.char_span(m, m + len("Dorvik"), label="PERSON") for m in (0, text.rindex("Dorvik"))]
    doc.set_ents(towns, default="unmodified")  # the model took the town for a person, at the dateline and after it
    assert speaker_in_parse(text, doc, "destroying") == "A lecturer at the teachers college"
    assert {(e.name, e.kind) for e in analyse(Article(id="t", text=text), doc).entities.values()} >= {("Dorvik", "place")}


def test_a_name_the_model_missed_is_still_a_name_the_registry_can_join() -> None:
    registry = EntityRegistry()
    registry.canonicalise(analyse(Article(id="a", text="Greta Lind said the fair would open.")))
    article = analyse(Article(id="b", text="Lind said the stalls were ready."))
    registry.canonicalise(article)
    assert article.statements[0].speaker.name == "Greta Lind"


def test_what_was_not_said_and_bare_things_fall_below_the_shown_threshold() -> None:
    said = found("Thomas Hale said the bridge would be finished by May.")[0]
    not_said = found("Thomas Hale did not say whether the bridge would be finished.")
    announced = found("Thomas Hale announced the closure.")
    assert said.confidence >= SHOWN_CONFIDENCE
    assert all(s.confidence < SHOWN_CONFIDENCE for s in not_said + announced)
    assert not_said and announced  # kept, only hidden


def test_a_that_clause_whose_verb_the_tagger_took_for_a_noun_is_a_claim() -> None:
    [s] = found("Senator Tom Reed announced on Sunday that he would self-quarantine after a colleague fell ill.")
    assert s.confidence >= SHOWN_CONFIDENCE


def test_a_naming_cue_with_a_quote_is_shown() -> None:
    [s] = found("Thomas Hale called the deal “null and void”.")
    assert s.confidence >= SHOWN_CONFIDENCE


def test_transcript_initials_are_the_interviewee() -> None:
    text = (
        "Wikinews spoke with researcher Natalia Gomez about the penguins.\n\n"
        "WN: How did the study begin?\n\n"
        "NG: We counted the birds every morning for six months and the numbers fell each year.\n\n"
        "WN: What comes next?\n\n"
        "NG: We will go back in the spring and count the chicks as well as the adults."
    )
    assert speaker_of(text, "counted")[0] == "Natalia Gomez"


def test_a_quote_opening_its_sentence_finds_its_cue_past_a_long_apposition() -> None:
    text = "“The message is clear,” Mr. Hale, a former harbour pilot elected to the council in the spring of 2010, said."
    assert speaker_of(text, "message") == ("Hale", "former harbour pilot elected to the council in the spring of 2010")


def test_mrs_and_mr_pick_the_person_of_that_gender() -> None:
    text = "Thomas Lind and Anna Lind released their accounts on Friday.\n\nMrs. Lind said the farm had lost money. Mr. Lind said the bank was patient."
    assert speaker_of(text, "farm")[0] == "Anna Lind" and speaker_of(text, "bank")[0] == "Thomas Lind"


def test_a_title_opens_a_person_name_but_not_an_office() -> None:
    assert speaker_of("The State Department said the emails were not classified.", "emails")[0] == "State Department"
    text = "The review found that motives were unclear, Secretary of State Anna Lind said on Wednesday."
    assert speaker_of(text, "motives") == ("Anna Lind", "Secretary of State")


def test_a_name_after_its_title_or_description_is_the_speaker() -> None:
    assert speaker_of("Norland's president Mahamadou Issa said, “The border stays open to traders.”", "border")[0] == (
        "Mahamadou Issa")  # fmt: skip
    text = "According to the Dorvik mayor, Dee Lindqvist, police were checking the harbour cameras."
    assert speaker_of(text, "cameras")[0] == "Dee Lindqvist"
    assert speaker_of("Mexican President Andrés Manuel López Obrador said six people were hurt.", "hurt")[0] == (
        "Andrés Manuel López Obrador")  # fmt: skip
    assert speaker_of("The World Health Organization (WHO) said coverage was low.", "coverage")[0] == (
        "World Health Organization")  # fmt: skip


def test_one_democrat_is_a_person_not_the_party() -> None:
    text = "Democrats met on Monday.\n\nThe Senate’s top Democrat said the mosque should be built elsewhere."
    assert speaker_of(text, "mosque") == ("The Senate’s top Democrat", None)


def test_he_continues_the_subject_rather_than_the_man_talked_about() -> None:
    text = "Paul Rand mocked Tom Ober’s record on jobs in a speech on Monday.\n\nHe said the borrowing was dragging growth down."
    assert speaker_of(text, "borrowing")[0] == "Paul Rand"


def test_a_clause_the_parser_broke_after_said_is_still_what_was_said() -> None:
    [s] = [s for s in found("Lind said Adamowicz required resuscitation, and was in a serious condition.") if s.speaker]
    assert s.content.text.startswith("Adamowicz required resuscitation") and s.confidence >= SHOWN_CONFIDENCE


def test_a_quote_after_a_colon_belongs_to_the_subject_of_the_sentence_before() -> None:
    text = "Legislator Tanya Lind spoke to the press after the speech: “I urge her to resign if she cannot govern this city.”"
    assert speaker_of(text, "urge")[0] == "Tanya Lind"


def test_a_document_about_someone_is_not_theirs() -> None:
    text = "Anna Lind met doctors on Monday.\n\nThe statement on her health, from Dr. Lisa Bardack, said she was fit to serve."
    assert speaker_of(text, "fit to serve")[0] == "Lisa Bardack"


def test_a_name_with_and_without_its_accents_is_one_person() -> None:
    assert same_person(parse_person_name("Raúl Labrador"), parse_person_name("Raul Labrador"))  # type: ignore[arg-type]
    text = "Raul Labrador ran. Raúl Labrador, who is 46, won.\n\nLabrador said the vote was clear."
    assert speaker_of(text, "vote")[0] in ("Raul Labrador", "Raúl Labrador")


def test_the_holder_of_an_office_speaks_not_the_office() -> None:
    assert speaker_of("First Minister of Norland Nicola Lind said the ruling mattered.", "ruling") == (
        "Nicola Lind", "First Minister of Norland")  # fmt: skip
    assert speaker_of("The Harbour Workers Union President Terry O'Neill said the cover was unfair.", "cover")[0] == (
        "Terry O'Neill")  # fmt: skip
    assert speaker_of("The attorney for Senator Harry Lind said the bill was dead.", "bill")[0] != "Harry Lind"


def test_an_owner_the_model_did_not_tag_is_an_organisation() -> None:
    assert speaker_of("Data from the Harbour Safety Archive showed that shootings rose.", "shootings")[0] == (
        "Harbour Safety Archive")  # fmt: skip


def test_a_bare_title_is_the_holder_the_article_is_about() -> None:
    text = (
        "Foreign Secretary Marcelo Lind spoke on Monday. Deputy Assistant Secretary Ana Berg was there. Lind met the "
        "press twice, and Lind flew home.\n\nThe foreign minister said the talks would resume."
    )
    assert speaker_of(text, "talks")[0] == "Marcelo Lind"


def test_a_formal_title_for_an_office_and_plural_descriptions() -> None:
    text = "Deputy Assistant Secretary for Harbour Security Charlene Lind said the attack was unprecedented."
    assert speaker_of(text, "attack") == ("Charlene Lind", "Deputy Assistant Secretary for Harbour Security")
    text = "Thomas Hale spoke.\n\nSome close to the party chairman said he would stay.\n\nHe said the vote was fair."
    assert speaker_of(text, "fair")[0] == "Thomas Hale"  # "some close to …" are no "he"


def test_continued_is_a_cue_after_a_quote() -> None:
    text = "“It is unfair,” said Terry Lind, the head of the union.\n\n“The test is simple,” Ms. Lind continued."
    assert speaker_of(text, "test is simple")[0] == "Terry Lind"


def test_a_broken_clause_after_said_stops_at_the_next_statement() -> None:
    statements = found("Lind said Hale required surgery, and was in a serious condition; Harbour Radio reported he recovered.")
    lind = next(s for s in statements if s.speaker and s.speaker.name == "Lind")
    assert "Harbour Radio" not in lind.content.text


def test_a_relative_pronoun_credited_to_a_name_written_before_it_keeps_its_own_span() -> None:
    """Resolving "which" to a name the model missed, written before it, once raised a bad span and
    stopped the whole run."""
    text = ("Ms. Berg saw her videos on Harbourcast limited or taken down by Orkla, Vimeo and Spotify. "
            "Twitter, which first said Ms. Berg and Harbourcast had kept to its rules, took them down on Friday.")  # fmt: skip
    [found] = [s for s in storyline.statements(text) if s.source is not None and s.source.text == "which"]
    assert found.speaker is not None and found.speaker.name == "Twitter"


def test_a_subject_the_parser_cut_in_pieces_is_one_phrase_headed_by_its_last_word() -> None:
    text = 'Another co-author, marine biology professor Ruth Okafor, said, "We counted fewer chicks every spring."'
    assert speaker_of(text, "chicks")[0] == "Ruth Okafor"


def test_a_person_apposed_to_an_organisation_is_its_officer_speaking() -> None:
    text = "The Harbour Savings Bank president Okon Adeyemi said the new fees would cost savers dearly."
    assert speaker_of(text, "fees")[0] == "Okon Adeyemi"


def test_a_participle_after_a_quoted_fragment_continues_the_first_speaker() -> None:
    text = (
        'Port director Lena Varga said the toll "costs the town two million a year," further saying, '
        '"Beyond that, it drives the ferries away."'
    )
    assert speaker_of(text, "ferries")[0] == "Lena Varga"
    statement = next(s for s in found(text) if "two million" in s.content.text)
    assert statement.speaker is not None and statement.speaker.name == "Lena Varga"
    assert "ferries" not in statement.content.text  # the participle's quote is the next statement


def test_a_role_is_the_words_that_adjoin_the_name() -> None:
    text = "The audit found no fraud in the accounts of the mayors, Treasury Secretary Ilse Brandt revealed on Monday. Brandt said more audits would follow."
    assert speaker_of(text, "audits") == ("Ilse Brandt", "Treasury Secretary")


def test_a_quote_before_a_participle_is_the_clause_subjects_never_an_object_after_it() -> None:
    text = 'Singer Mara Quist joined the choir in 2010. Then just 19, she took the part as a "chance to prove my voice," having questioned her abilities for years.'
    assert speaker_of(text, "prove")[0] == "Mara Quist"


def test_a_text_put_out_speaks_for_who_put_it_out_not_for_who_received_it() -> None:
    text = (
        "A manager from Corvel Ltd. phoned the mayor, and Petra Lindgren, head of the harbour board, sent her a "
        "letter saying, “The quay cannot take another winter without repairs.”"
    )
    assert speaker_of(text, "quay")[0] == "Petra Lindgren"
    read = found("Tomas Weber read a letter saying the quay would close in March.")
    assert all(s.speaker is None or s.speaker.name != "Tomas Weber" for s in read)


def test_a_campaign_is_an_organisation_and_the_name_on_it_tells_which() -> None:
    text = (
        "Nora Quist, a spokeswoman for the Harlow campaign, said the ads were fair.\n\n"
        "The Harlow campaign said on Monday that the debate would go ahead.\n\n"
        "The Benton campaign said it had not been asked."
    )
    assert speaker_of(text, "debate")[0] == "The Harlow campaign"
    assert speaker_of(text, "asked")[0] == "The Benton campaign"


def test_who_after_an_organisation_in_an_apposition_is_the_person() -> None:
    text = "“The deal is fair,” said Ivo Brandt, a lawyer for Northwind Bank, who said the talks had gone on for months."
    assert speaker_of(text, "talks")[0] == "Ivo Brandt"


def test_a_word_after_a_number_is_no_surname() -> None:
    text = (
        "Paul Renner, a Republican running in the Third District, spoke first.\n\n"
        "“The mall is a mistake,” said Tom Hale, a candidate in Iowa’s 4th District, who said people at a meeting "
        "were furious about the plan."
    )
    assert speaker_of(text, "furious")[0] == "Tom Hale"


def test_a_name_set_beside_a_description_is_the_speaker_however_it_is_parsed() -> None:
    text = "The Democrat, Representative Maria K. Holt of Oregon, said the agency had declined the panel’s request."
    assert speaker_of(text, "agency")[0] == "Maria K. Holt"


def test_some_close_to_someone_are_several_and_never_he() -> None:
    text = (
        "Oskar Lind has been hard to read, and some close to the chairman say he wants another term.\n\n"
        "In a note on Saturday, he asked members to join a call on Monday evening."
    )
    assert speaker_of(text, "another term") == ("some close to the chairman", None)
    assert speaker_of(text, "join a call")[0] == "Oskar Lind"


def test_a_dateline_with_a_dash_typed_as_two_hyphens_is_no_speaker() -> None:
    text = "BERLIN -- The classified version of the review found that the pier was unsafe."
    assert all(s.speaker is None or s.speaker.name != "BERLIN" for s in found(text))


def test_i_outside_the_marks_is_the_one_just_quoted() -> None:
    """A quote whose closing mark was lost leaves its "I" in plain text: reporters do not write "I"."""
    text = (
        "Anna Berg spoke to the council on Monday. “Some questions remain open,” she said. "
        "“I recommend that every member read the full report before the vote.\n\nThe council met again later."
    )
    assert speaker_of(text, "every member")[0] == "Anna Berg"


def test_according_to_a_place_and_then_a_name_is_the_person() -> None:
    text = "According to Vermont Senator Thomas Hale, the old ferry is one of six still in service in the state."
    assert speaker_of(text, "ferry") == ("Thomas Hale", "Vermont Senator")


def test_an_outlet_named_with_a_country_is_the_outlet() -> None:
    text = "Hundreds of residents fear to return home after the floods, according to CNN Philippines."
    assert speaker_of(text, "residents")[0] == "CNN Philippines"


def test_a_name_after_a_description_and_a_comma_is_the_subject() -> None:
    text = "The Green Party's leader, Anna Lindqvist announced she will not seek the party's leadership in the next election."
    assert speaker_of(text, "leadership")[0] == "Anna Lindqvist"


def test_a_document_by_an_outlet_tagged_as_a_place_or_signed_by_a_title_holder_is_theirs() -> None:
    text = "According to a recent report by The Atlantic, the harbour board keeps a list of the missing boats."
    assert speaker_of(text, "harbour")[0] == "Atlantic"
    text = 'Pope Clement announced a new rule on Thursday. The decree signed by the Pope read "Every parish must report abuse to the bishop."'
    assert speaker_of(text, "parish") == ("Clement", "Pope")


def test_a_question_quote_introduced_by_said_is_not_given_to_the_next_sentences_speaker() -> None:
    text = (
        'Cardinal Marco Bellini said, "We have asked for years, so why should the bishops be exempt?"  '
        'Archbishop Tomas Vella said, "People must know that bishops serve the people."'
    )
    assert speaker_of(text, "exempt")[0] == "Marco Bellini" and speaker_of(text, "serve")[0] == "Tomas Vella"


def test_an_editors_bracketed_comma_still_leads_to_the_cue_after_the_quote() -> None:
    text = 'Anwar Malik spoke first. "As neighbours we must stand up for each other[,]" Sadia Noor wrote on social media.'
    assert speaker_of(text, "neighbours")[0] == "Sadia Noor"


def test_a_lone_first_name_joins_the_one_person_of_the_article_who_has_it() -> None:
    text = "Representative Terri Vance sponsored the harbour bill. Later Terri said the bill would pass in the spring."
    assert speaker_of(text, "pass")[0] == "Terri Vance"


def test_a_description_by_home_state_finds_the_person_of_that_state_but_a_country_alone_describes_no_one() -> None:
    text = "Rep. Tomas Varga, of Nevada, announced his run on Friday. The Nevada congressman said the caucus needed new leaders."
    assert speaker_of(text, "caucus")[0] == "Tomas Varga"
    text = "President Ada Okoro of Ghana signed the accord on Sunday. Ghana previously announced it planned to join the pact."
    assert speaker_of(text, "planned")[0] == "Ghana"


def test_the_document_introduced_before_is_its_introducers() -> None:
    text = (
        "The Harbour Party campaign answered with an ad of its own on Tuesday. "
        'The ad says: "Ferry fares doubled under the council, and the council did nothing."'
    )
    assert speaker_of(text, "Ferry fares")[0] == "The Harbour Party campaign"


def test_the_statement_is_the_one_named_last_and_a_nationality_on_it_is_no_author() -> None:
    text = (
        "The president said in a statement on Sunday that the troops would leave. The statement also said the war was won.\n\n"
        "According to a statement released by the Turkish foreign ministry, the border would stay open. "
        "The Turkish statement called for a safe zone to be set up east of the river."
    )
    assert speaker_of(text, "war was won")[0] == "The president"
    assert speaker_of(text, "safe zone")[0] == "the Turkish foreign ministry"


def test_a_quote_then_read_the_statement_is_the_documents_not_the_person_named_before() -> None:
    text = (
        "The Harbour Authority issued an alert on Monday. Captain Tom Hale told reporters the port would close.\n\n"
        '"Strong winds will bring high waves to the bay, especially along western coasts", read the alert.\n\n'
        "The ministry published a statement on Tuesday. Minister Ana Silva visited the port. "
        '"No one was hurt at the port;" read the statement; "we will not be deterred."'
    )
    assert speaker_of(text, "Strong winds")[0] == "Harbour Authority"
    assert speaker_of(text, "No one was hurt")[0] == "The ministry"


def test_the_summary_of_a_decision_read_is_the_summary_not_the_judge_named_before() -> None:
    text = (
        "The Norland Supreme Court ruled on Monday. The Norland Supreme Court is led by Judge Anna Berg.\n\n"
        'The summary of the decision read in part: "The order was unlawful and void. The council was never suspended."'
    )
    statement = next(s for s in found(text) if "unlawful" in s.content.text)
    assert statement.source is not None and statement.source.text == "The summary of the decision"
    assert statement.speaker is not None and statement.speaker.name == "Norland Supreme Court"


def test_a_quote_after_a_colon_is_the_main_verbs_subjects_not_a_clause_inside_it() -> None:
    text = (
        "The Harbour Department did not name the sailor.\n\n"
        'The Department issued a statement that a sailor had been stabbed: "There was an assault on a sailor on Friday '
        'at the north pier. Officers found a sailor with stab wounds. He was taken to hospital and is in stable condition."'
    )
    assert speaker_of(text, "There was an assault")[0] == "Department"  # not "a sailor"


def test_a_quoted_fragment_of_what_someone_called_something_is_theirs_not_the_reporting_outlets() -> None:
    text = 'Mayor Ilse Brandt called the port deal a "betrayal of every fisherman in town," according to the Harbour Gazette.'
    assert speaker_of(text, "betrayal")[0] == "Ilse Brandt"


def test_a_name_the_tagger_cut_before_its_surname_is_whole_and_a_first_surname_alone_finds_it() -> None:
    entities = [e.name for e in found_entities("The hearing was led by Judge Amy Berman Jackson on Monday. Judge Jackson said the plea was weak.")]
    assert "Amy Berman Jackson" in entities and "Amy Berman" not in entities
    text = "Secretary Lucia Ortega Vidal was sworn in on Friday. Later Governor Ortega said she would serve as needed."
    assert speaker_of(text, "serve")[0] == "Lucia Ortega Vidal"


def test_an_actor_may_be_a_woman() -> None:
    text = 'Another voice actor, Lauren Marsh, wanted the role for years. When she was cast, "I was speechless," she told the audience.'
    assert speaker_of(text, "speechless")[0] == "Lauren Marsh"


def test_her_memoirs_are_the_womans_the_content_opens_with() -> None:
    text = (
        "Coco Marchetti designed her gowns for decades. According to her memoirs, Gloria Hartley was married four "
        "times and loved only her last husband."
    )
    assert speaker_of(text, "married")[0] == "Gloria Hartley"


def test_a_phone_call_is_no_naming_and_an_initial_belongs_to_the_name() -> None:
    text = (
        "An executive from Kestrel Inc. called Ms. Brewer to urge her to reject it, and W. Douglas Parker, chairman of "
        'Harbour Airlines, sent her a letter citing the state\'s "economic comeback" and its new jobs.'
    )
    assert speaker_of(text, "economic comeback") == ("W. Douglas Parker", "chairman of Harbour Airlines")


def test_a_vague_group_with_a_named_example_is_the_example() -> None:
    text = "While some, such as the harbour group Ferry Watch, have announced their intention to sue the council, others waited."
    assert speaker_of(text, "intention") == ("Ferry Watch", "harbour group")


def test_he_after_the_title_of_the_articles_one_holder_is_that_holder() -> None:
    text = (
        "President Tomas Hale backed the plan last week. Senator Mark Ruiz said the plan was a mistake. "
        "The president first stepped into the fray Friday. The next day, he clarified that he was merely commenting on the law."
    )
    assert speaker_of(text, "merely")[0] == "Tomas Hale"


def test_a_definite_description_continues_the_subject_before_it() -> None:
    text = (
        '"The dam will hold through the spring," said engineer Marta Quell.\n\n'
        'The Halvik hydrologist added that the river would crest on Friday.'
    )
    assert speaker_of(text, "crest")[0] == "Marta Quell"


def test_a_description_met_before_as_someone_else_stays_a_description() -> None:
    text = (
        "Inspector Oren Vasek said a suspect was seen near the harbour.\n\n"
        "The suspect told reporters that he had been fishing."
    )
    assert speaker_of(text, "fishing")[0] != "Oren Vasek"


def test_a_description_before_any_name_refers_forward_to_the_next_subject() -> None:
    text = (
        "A veteran senator from the northern province said Monday she would seek the party's leadership.\n\n"
        "Senator Ilse Marwood, who has served three terms, will face two rivals in the vote."
    )
    assert speaker_of(text, "leadership")[0] == "Ilse Marwood"


def test_the_group_is_the_organisation_the_article_called_a_group() -> None:
    text = (
        "The measure was opposed by the Linden Gravel Company and backed by the Harrow Valley Trust, a conservation group.\n\n"
        "The group says the measure protects the wetlands from new roads."
    )
    assert speaker_of(text, "wetlands")[0] == "Harrow Valley Trust"


def test_her_doctor_is_the_article_s_one_doctor() -> None:
    text = (
        "Dr. Ruth Calloway examined the mayor on Tuesday.\n\n"
        "The mayor is healthy and fit to serve, her doctor said."
    )
    assert speaker_of(text, "healthy")[0] == "Ruth Calloway"



RESOLVED_SPEAKERS = {  # what each case shows: (text, a word of the statement, its speaker)
    "a subject outranks an object of its sentence, though the object spoke before": (
        "Clara Holt said the road was closed.\n\n"
        "Anna Berg told Clara Holt about the plan on Monday. She said the bridge would be finished by May.",
        "bridge", "Anna Berg"),
    "a document named again is still its owner's": (
        "The city closed the harbour after the Harbour Council decision in May.\n\n"
        "The decision found that the port walls were unsafe.", "walls", "Harbour Council"),
    "a request is a document": (
        "The mayor granted the request of Senator Tom Reyes on Friday. Per the request, the bridge will stay open until June.",
        "bridge", "Tom Reyes"),
    "a title several hold goes to the holder the text was last about": (
        "Deputy Secretary Mark Dunn spoke first.\n\nSecretary Ana Silva said the budget was cut. "
        "Reporters asked Silva about the cables.\n\nThe secretary said the cables were read.", "were read", "Ana Silva"),
    "an organisation noun several fit goes to the one the text was last about": (
        "The Court of Session ruled on the case in May. The Court of Session is the highest civil court in the region, "
        "and the only court above it is the Supreme Court of Norland.\n\nThe petitioners were members of parliament.\n\n"
        "The court found that the port was closed unlawfully.", "unlawfully", "Court of Session"),
    "it after a document is the document's owner": (
        "The Harbour Trust hired Mayor Ana Silva in 2010.\n\n"
        "Silva writes about herself on her blog: \u201cI grew up by the sea.\u201d\n\n"
        "\u201cMy father mended the nets of the whole fleet,\u201d it says.", "nets", "Ana Silva"),
    "it after an ownerless document is the organisation": (
        "The Harbour Trust published a report on Monday. It says the port walls are unsafe.", "walls", "Harbour Trust"),
    "a known person of unknown gender outranks an earlier one of the right gender": (
        "Singer Zarqa Noor said the tour was over.\n\nWhen Noor was born, she was Anna Berg. By 2016, Zarqa Noor had "
        "many followers. In an interview with Maidan Wardak, she said the songs were written in prison.",
        "prison", "Zarqa Noor"),
    "a nationality says which organisation a noun is": (
        "Reporters of the Military Times visited the base on Monday.\n\n"
        "Seventeen rockets struck near the base, according to the Iraqi military.", "rockets", "the Iraqi military"),
    "a government named by its nationality owns its report": (
        "President Ana Silva said six people died.\n\nAnother report from the Norlandic government said eight people died.",
        "eight", "the Norlandic government"),
    "numbers are a document": (
        "The church changed its rules on Monday.\n\nPer numbers reported by the Norland Press Agency, "
        "400 priests must now report abuse.", "priests", "Norland Press Agency"),
    "one of an owner's instruments speaks for the owner": (
        "The storm moved north on Sunday.\n\nAccording to data collected by one of the Harbour Survey Office's aircraft, "
        "the storm had winds of 75 miles per hour.", "winds", "Harbour Survey Office"),
    "a description of an organisation continues the organisation that was the subject before it": (
        "The ferry sank on Monday.\n\nThe Harbour Gazette reported the ferry sank near the pier. "
        "The trade publication stated the crew was rescued.", "rescued", "Harbour Gazette"),
    "a person's role does not continue an organisation": (
        "The ferry sank on Monday.\n\nThe Harbour Gazette reported the ferry sank near the pier. "
        "The spokesman stated the crew was rescued.", "rescued", "The spokesman"),
    "a group beside one person's noun only describes them": (
        "Ana Silva spoke in Dorvik on Monday.\n\nThe billionaire ex-Republican, who has endorsed the mayor, "
        "made the case that taxes were too high.", "taxes", "Ana Silva"),
    "the subject before a description is the speaker of a split quote, not a subject inside it": (
        "Tom Reyes spoke at the convention on Monday. \u201cI\u2019m a New Yorker,\u201d he said, \u201cand New Yorkers "
        "know a con when we see one.\u201d\n\nThe billionaire, who has endorsed the mayor, made the case that the dam "
        "would fail.", "dam", "Tom Reyes"),
    "a person's office is an organisation": (
        "The bridge vote was delayed.\n\nA statement from Senator Tom Reyes's office said the bridge would stay open.",
        "stay open", "Tom Reyes's office"),
    "a navy is a whole body, not the start of a longer name": (
        "The tanker vanished on Monday.\n\nThe paper also spoke to the Navy, who told it the search would go on. "
        "Navy Information Agency head Arba Agung said the ship was lost.", "search", "Navy"),
    "her reasoning is hers": (
        "Governor Ana Silva signed the harbour bill on Tuesday.\n\n"
        "The governor tweeted her reasoning saying, \u201cToday I signed the bill into law.\u201d", "Today", "Ana Silva"),
    "a description is the person it is named as a few sentences on": (
        "The ferry strike ended on Monday.\n\nA spokeswoman for the harbour board said the ferry would run again. "
        "Fares will rise. The spokeswoman, Ana Silva, was asked about the strike.", "run again", "Ana Silva"),
    "a description stays one when another noun is named after it": (
        "The ferry strike ended on Monday.\n\nA spokeswoman for the harbour board said the ferry would run again. "
        "The mayor, Tom Reyes, was asked about the strike.", "run again", "A spokeswoman for the harbour board"),
    "an article in a magazine is the magazine's": (
        "The two men played golf in 2007.\n\nAn article in Dorvik magazine described how the two could not agree "
        "on who would go first.", "go first", "Dorvik magazine"),
    "a quote with no closing punctuation goes on to its speaker": (
        "The Harbour Trust reports a value of 400 dollars a ton. \"It is plausible that the transponder was turned off "
        "by pirates\" Smith told the paper yesterday.", "pirates", "Smith"),
}


@pytest.mark.parametrize("case", RESOLVED_SPEAKERS)
def test_the_speaker_a_reader_would_name(case: str) -> None:
    text, word, speaker = RESOLVED_SPEAKERS[case]
    assert speaker_of(text, word)[0] == speaker


def test_a_quoted_word_opening_a_sentence_is_no_statement_of_a_later_cue() -> None:
    text = "\"Rage\" is a word that does not appear in the profile, though author Ana Silva does criticize what she calls the movement."
    assert not any(s.content.text == "Rage" for s in found(text))


NAMES_AFTER_ROLES = [  # an office with "to"/"of", a list of roles, an apposition after a comma: the role is no name
    ("US Ambassador to Norway Peter Hallam said the talks were over.", "talks", "Peter Hallam"),
    ('The rebels hold the north.\n\n\nFormer US Envoy to the United Nations Nikki Dunmore wrote on Twitter, "We must stand by our allies."',
     "allies", "Nikki Dunmore"),
    ("The press asked the mayor, but he declined to comment.\n\n\nRetired FBI agent and terrorism specialist Ali Harrak told "
     "NPR Hamid bin Saleh had appeared in videos since he was a boy.", "videos", "Ali Harrak"),
    ("No group claimed the attack, but the general manager of Kestrel Media, Dr Omar bin Rashid, blamed the rebels.",
     "rebels", "Omar bin Rashid"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "word", "name"), NAMES_AFTER_ROLES)
def test_the_name_after_an_office_or_a_list_of_roles_is_the_speaker(text: str, word: str, name: str) -> None:
    assert speaker_of(text, word)[0] == name


def test_a_thing_that_says_something_is_no_person_and_no_antecedent_of_he() -> None:
    text = (
        "Mark Olsen, the mayor, met the builders on Monday.\n\nThe council voted for the bridge in March.\n\n"
        "The deal says that the bridge will open in May.\n\nHe said the town would pay half."
    )
    statements = found(text)
    deal = next(s for s in statements if "May" in s.content.text).speaker
    assert deal is not None and deal.kind != "person"
    assert speaker_of(text, "half")[0] == "Mark Olsen"
    assert next(s for s in found("Protesters said the police fired first.")).speaker.kind == "group"


def test_a_document_new_to_the_article_is_the_subject_before_its() -> None:
    text = (
        "The Kestrel Harbour Trust opened a new picnic site by the lake on Monday.\n\n"
        "The notice at the gate says that dogs must be kept on a lead."
    )
    assert speaker_of(text, "dogs")[0] == "Kestrel Harbour Trust"


def test_a_gendered_role_tells_gender_where_the_first_name_does_not() -> None:
    text = (
        "Yurdanur Kesk, the fiancée of the missing reporter, spoke outside the consulate on Monday.\n\n"
        "In a television interview, he said the killing happened on his watch.\n\n"
        "She said the world should not forget the reporter."
    )
    assert speaker_of(text, "killing")[0] is None
    assert speaker_of(text, "forget")[0] == "Yurdanur Kesk"


def test_he_continues_the_subject_of_the_sentence_not_of_a_clause_inside_it() -> None:
    text = (
        "Refusing to resign, Tomas Varga agreed to a coalition in which Piotr Hale became deputy premier. "
        "“Nobody will push me out of this office,” he declared."
    )
    assert speaker_of(text, "push me out")[0] == "Tomas Varga"
    text = (
        "Paul Becker first told a long story about Mark Stone caring for a family after a flood. "
        "And he then added: “With respect to that story, I think the minister knows what I meant.”"
    )
    assert speaker_of(text, "respect")[0] == "Paul Becker"


def test_according_to_him_is_he() -> None:
    text = (
        "Speaking on local radio, army spokesman David Okoro said the unit had crossed the river at night. "
        "According to him, it was the largest operation of the year."
    )
    assert speaker_of(text, "largest operation")[0] == "David Okoro"


def test_a_name_saying_who_one_of_several_is_is_what_the_next_he_continues() -> None:
    text = (
        "Prize director Mark Olsen said the contest drew students from twelve countries.\n\n"
        "Several students came back after competing last year. One is Denis Varlamov, a fourth year student "
        "at Dorvik University. He said he had wanted to be a surgeon since school."
    )
    assert speaker_of(text, "surgeon")[0] == "Denis Varlamov"


def test_a_thing_parsed_as_the_subject_of_a_cue_gives_way_to_the_person_in_the_clause_before_it() -> None:
    text = (
        "Hundreds came to hear Mark Olsen, the former mayor, in Dorvik on Wednesday.\n\n"
        "The line was an unscripted addition to a speech in which Olsen criticized the council, "
        "but argued that the new bridge was a disastrous plan."
    )
    assert speaker_of(text, "disastrous")[0] == "Mark Olsen"


def test_a_name_in_a_sentence_reported_by_no_one_is_an_antecedent() -> None:
    text = (
        "Two Democratic Representatives, Paul Becker and Mark Stone, opposed both articles of the bill.\n\n"
        "David Okoro, the Republican majority leader, reportedly previously committed to proceeding with a trial, "
        "anticipated to begin in January. He publicly stated the trial would be short."
    )
    assert speaker_of(text, "would be short")[0] == "David Okoro"


def test_mrs_and_mr_go_to_the_spouse_the_role_beside_the_name_tells() -> None:
    text = (
        "Jaan Reyes and his wife, Kerry Reyes, ran the bakery in Dorvik for twenty years.\n\n"
        "Mrs. Reyes said the shop would close in May. Mr. Reyes said the rent had doubled."
    )
    assert speaker_of(text, "close in May")[0] == "Kerry Reyes"
    assert speaker_of(text, "rent")[0] == "Jaan Reyes"


def test_a_verb_sharing_a_subject_never_takes_the_by_agent_of_the_first() -> None:
    text = "Ana Silva, the likely successor should the deal be rejected by the Senate, has expressed she is ready to serve."
    assert speaker_of(text, "ready")[0] == "Ana Silva"


def test_the_name_right_after_of_is_what_an_office_is_of() -> None:
    """The tagger takes the town for a person: the mayor is still not the town."""
    assert speaker_of("The crash killed four, according to the mayor of Yartsevo.", "crash")[0] != "Yartsevo"


def test_a_quote_without_a_cue_is_never_the_words_of_a_thing() -> None:
    text = ("Ana Silva was demonstrating small screens at the fair. The glowing displays projected an animation of eyes. "
            'The maker has also developed "a way to fit a tiny camera inside the mask itself."')
    assert speaker_of(text, "camera")[0] == "Ana Silva"


def test_a_participle_after_a_passive_is_the_agents() -> None:
    text = "The vote was described by Prime Minister Ana Silva as a historic mandate, saying she intends to leave the union by January."
    assert speaker_of(text, "union")[0] == "Ana Silva"


def test_a_description_named_by_a_participle_is_that_person() -> None:
    assert speaker_of("A university student named Wong said the weather was bad.", "weather")[0] == "Wong"


def test_a_document_is_whose_name_it_was_introduced_with() -> None:
    text = ("Close to three dozen Democrats have signed a letter from Representative Ana Silva, Democrat of Norland. "
            "The letter says the deal should not pass.")
    assert speaker_of(text, "deal")[0] == "Ana Silva"


def test_an_honour_after_a_name_is_no_organisation() -> None:
    assert speaker_of("Prosecutor Kama Melly QC said the victims were vulnerable.", "victims") == ("Kama Melly", "Prosecutor")


def test_an_ex_officeholder_is_the_former_one_the_article_named() -> None:
    text = (
        "Former Rep. Tomas Ruelle pleaded guilty on Monday to fraud.\n\n"
        "When prosecutors charged him last week, the ex-congressman said he accepts full responsibility for his mistakes."
    )
    assert speaker_of(text, "accepts")[0] == "Tomas Ruelle"


def test_a_title_means_the_holder_named_before_it_not_one_named_later() -> None:
    text = (
        "Senators questioned Secretary of State Maria Okafor on Tuesday about the embassy budget, doubting the "
        "secretary's claim that she never read the warnings.\n\n"
        "Later, Deputy Assistant Secretary for Security Paul Brandt testified that the guards were too few."
    )
    assert speaker_of(text, "never")[0] == "Maria Okafor"


def test_a_post_on_a_platform_is_its_authors_not_the_platforms() -> None:
    text = "According to a Twitter post by Mara Dunne, director of the Open Doors event, the carved tusk came from the hall."
    assert speaker_of(text, "tusk")[0] == "Mara Dunne"


def test_the_company_is_the_one_word_company_the_article_is_about() -> None:
    text = (
        "Vantrix has released a patch for its web browser, the Brisk Browser.\n\n"
        "The software giant said the flaw could affect every version.\n\n"
        "\"This is serious,\" Ana Silva, an analyst at Orlan Research, told the BBC.\n\n"
        "Vantrix said the patch would be replaced next month.\n\n"
        "The patch is not installed automatically, the company said."
    )
    assert speaker_of(text, "every version")[0] == "Vantrix"
    assert speaker_of(text, "installed automatically")[0] == "Vantrix"


def test_the_newspaper_is_the_outlet_the_article_named() -> None:
    text = (
        "Fire destroyed the old mill in Dorvik on Friday, The Harbour Times reported.\n\n"
        "Chief Tomas Vell of the Dorvik Fire Service said the cause was unknown.\n\n"
        "The newspaper said the mill had been empty for years."
    )
    assert speaker_of(text, "empty for years")[0] == "Harbour Times"


def test_the_company_is_the_business_last_made_a_subject() -> None:
    text = (
        "Orlan Research published a survey of collectors on Friday.\n\n"
        "Vantrix hosted a panel about its new toys. Its latest helmet has lights.\n\n"
        "Asked about plastic, the company noted that it would switch to paper packaging."
    )
    assert speaker_of(text, "paper packaging")[0] == "Vantrix"


def test_he_never_stands_for_a_plural_name() -> None:
    text = (
        "Hong Kongers queued for hours outside the polling stations on Sunday.\n\n"
        "The count went on through the night.\n\n"
        "He noted that the queues were longer than in any earlier vote."
    )
    assert speaker_of(text, "queues were longer")[0] is None


def test_the_group_is_no_company_named_before() -> None:
    text = (
        "Vantrix Systems said on Monday that it would close its plant in Dorvik.\n\n"
        "A group of workers gathered outside the gates on Tuesday. The group said the closure would ruin the town."
    )
    assert speaker_of(text, "ruin the town")[0] == "The group"


def test_the_company_is_the_only_business_named_in_the_last_paragraphs() -> None:
    text = (
        "Orlan Research warned last year that the port of Dorvik was unsafe.\n\n"
        "Fire swept through a warehouse in the port on Monday night.\n\n"
        "Forty workers were evacuated from the site, which is run by Vantrix Storage.\n\n"
        "The fire started in a hall full of paint, the company said."
    )
    assert speaker_of(text, "full of paint")[0] == "Vantrix Storage"


def test_bare_police_is_the_one_force_the_article_names_by_its_place() -> None:
    text = (
        "Riverton police are searching for a missing 15-year-old girl.\n\n"
        "She was last seen on Monday near the old mill, police said."
    )
    assert speaker_of(text, "last seen")[0] == "Riverton police"
    several = text + "\n\nAnyone with information should call Riverton police or Ashford police."
    assert speaker_of(several, "last seen")[0] == "police"


def test_a_photo_credit_names_no_force() -> None:
    text = (
        "Two bakeries were robbed this week and police believe the same man is behind both crimes.\n\n"
        "Livonia police say a masked man robbed a bakery on Elm Street on Friday. A second bakery was robbed in "
        "Marston on Sunday. The suspect in the Marston robbery (photo: Marston Police)"
    )
    assert speaker_of(text, "masked man")[0] == "Livonia police"
    assert speaker_of(text, "behind both")[0] != "Marston Police"


def test_a_titled_subject_is_the_holder_of_all_its_words() -> None:
    text = (
        "Union leader Maria Okafor on Tuesday criticised the city over the closure of a clinic in Harlow, the "
        "constituency of Finance Secretary Tendai Mbeki.\n\n"
        "\"The clinic served thousands of families,\" Maria Okafor said.\n\n"
        "The clinic had been open for forty years, the union general secretary said.\n\n"
        "\"It is the duty of the city to reopen it,\" she said."
    )
    assert speaker_of(text, "duty of the city")[0] == "Maria Okafor"


def test_it_is_the_organisation_last_made_a_subject_even_where_its_name_went_untagged() -> None:
    text = (
        "The Harbour Workers Union has asked the government to step in as Vantel plans to cut 2000 jobs.\n\n"
        "Last week, Vantel sent out notices to its staff as it announced it was planning to restructure its business."
    )
    doc = load_nlp()(text)
    second = text.rindex("Vantel")
    doc.set_ents([e for e in doc.ents if e.start_char != second])  # the model missed the name where it is repeated
    assert speaker_in_parse(text, doc, "restructure") == "Vantel"


def test_the_article_is_the_one_whose_report_the_sentence_before_gave() -> None:
    text = (
        "The broadcaster has postponed the premiere of its new drama because of the flooding. "
        "Variety reports that the series was set to open in April but will now move to the autumn. "
        "The article adds that filming of the last two episodes has been halted."
    )
    assert speaker_of(text, "filming")[0] == "Variety"


def test_a_court_keeps_the_circuit_it_serves_in_its_name() -> None:
    text = (
        "Bans of this kind cannot stand, the U.S. Court of Appeals for the Eighth Circuit said on Monday. "
        "States may regulate the practice, but they may not ban it, the court said."
    )
    assert speaker_of(text, "cannot stand")[0] == "U.S. Court of Appeals for the Eighth Circuit"
    assert speaker_of(text, "may regulate")[0] == "U.S. Court of Appeals for the Eighth Circuit"


def test_the_police_is_no_span_the_tagger_ran_over_a_lowercase_noun() -> None:
    text = (
        "A skier was badly hurt on Sunday, police officers and Harbour Lines said in a joint statement. "
        "Local police told reporters that the man fell near the top of the lift."
    )
    doc = load_nlp()(text)
    start = text.index("police officers")
    run_over = doc.char_span(start, text.index(" said"), label="ORG")  # the model ran one name over both
    doc.set_ents([run_over], default="outside")
    assert speaker_in_parse(text, doc, "fell") == "Local police"


@pytest.mark.parametrize("title", ["Sgt.", "Capt.", "Det.", "Insp.", "Supt.", "Cmdr.", "Lt."])
def test_an_abbreviated_title_before_a_name_is_a_role_not_a_sentence_end(title: str) -> None:
    text = (
        "Tom Grady was arrested late on Sunday near the old mill in Ferndale, the county sheriff's "
        f"{title} Don Harlow said.\nNo shots were fired during the arrest, he added."
    )
    assert speaker_of(text, "arrested")[0] == "Don Harlow"
    assert speaker_of(text, "No shots")[0] == "Don Harlow"


def test_a_name_on_the_line_after_an_abbreviated_title_is_still_its_holder() -> None:
    text = "The bridge will stay closed until Friday, said Insp.\nMary Colby of the county police."
    assert speaker_of(text, "bridge")[0] == "Mary Colby"


def test_a_participle_clause_before_the_subject_is_not_the_speaker() -> None:
    text = "Writing in a company blog, Mike Rowe, director of the Kestrel Security Center, urged users to install the fix at once."
    assert speaker_of(text, "install")[0] == "Mike Rowe"


def test_a_scare_quoted_word_in_a_deeds_object_is_no_sign_of_speech() -> None:
    released = found("Kestrel Systems has released a “zero-day” patch for its mail server.")
    assert all(s.confidence < SHOWN_CONFIDENCE for s in released)
    listed = found("The airline listed the jet involved as a “cargo plane”.")
    assert any("cargo plane" in s.content.text and s.confidence >= SHOWN_CONFIDENCE for s in listed)


def test_a_title_after_a_name_and_a_comma_is_that_person_s_not_a_new_speaker() -> None:
    text = "“Take walks and visit the park, but please avoid crowds,” Ruth Okafor, Riverton Public Health Director said."
    assert speaker_of(text, "walks")[0] == "Ruth Okafor"


def test_a_business_named_for_its_trade_stays_whole_after_a_role_like_noun() -> None:
    text = (
        "Apple, former partner Kestrel Technologies ink new licensing deal. UK-based chipmaker Kestrel Technologies on "
        "Thursday announced Apple has replaced a licensing agreement. Kestrel Technologies announces that it has replaced it."
    )
    statement = next(s for s in found(text) if "replaced a licensing" in s.content.text)
    assert statement.speaker is not None and (statement.speaker.name, statement.speaker.kind) == ("Kestrel Technologies", "org")


def test_a_short_form_an_organisation_defines_in_brackets_is_that_organisation() -> None:
    text = "Vertex Systems (\"Vertex\") announces that it has replaced the multi-year licence agreement with Apple."
    assert speaker_of(text, "licence")[0] == "Vertex Systems"


def test_a_linked_headline_names_no_antecedent() -> None:
    text = (
        "Tomas Berg missed five games with a sprained foot this season.\n\n"
        "Berg, who had ten tackles in nine games, said he is healthy enough to play.\n\n"
        "More: What Jonas Holm's decline tells us about the team's future\n\n"
        "“I’m good,” he said. “It was a precaution.”"
    )
    assert speaker_of(text, "good")[0] == "Tomas Berg"
    flat = (
        "Maria Lund was one of the school's top achievers this year. ALSO READ : Petra Sand soars with six "
        "distinctions “I planned and strategised each day,” she said."
    )
    assert speaker_of(flat, "strategised")[0] != "Petra Sand"


def test_a_person_beside_an_organisations_role_speaks_for_it() -> None:
    text = (
        "The physicist Ola Dahl died on Monday. \"Ola was the finest teacher I have ever had,\" said University of "
        "Michigan, Dearborn's chancellor, Priya Mehta."
    )
    assert speaker_of(text, "finest teacher")[0] == "Priya Mehta"


def test_a_quote_carries_on_past_people_only_mentioned() -> None:
    described = (
        "“He helped the paper stay brave,” said Ana Silva, a historian who is writing a book on Richard Nixon and "
        "the press.\n\n“Had the paper not run with it, nobody would have known.”"
    )
    assert speaker_of(described, "nobody would")[0] == "Ana Silva"
    owner = (
        "“My client is in a good place right now,” Tom Berg argued after a prosecutor objected to Lena Holm's "
        "choice of clinic.\n\n“She is in treatment now.”"
    )
    assert speaker_of(owner, "in treatment")[0] == "Tom Berg"
    introduced = (
        "“We will fight on,” said Ana Silva, the party's leader, who met Tom Berg on Monday.\n\n"
        "Added Berg: “I would ask anyone who wants an eight-week fight what it would win.”"
    )
    assert speaker_of(introduced, "eight-week")[0] != "Ana Silva"


def test_a_role_in_the_lead_is_the_person_named_as_the_next_subject() -> None:
    text = (
        "Maria Lund's lawyer says the singer checked into a clinic on Thursday. Attorney Tom Berg told the judge "
        "that Lund, 26, had settled in."
    )
    assert speaker_of(text, "checked into")[0] == "Tom Berg"
    national = (
        "Russia is spreading lies about the war - said the Polish president in an interview on Monday. "
        "President Andrzej Nowak stressed that the day should be marked at the camp."
    )
    assert speaker_of(national, "spreading lies")[0] == "Andrzej Nowak"
    other_office = national.replace("President Andrzej", "Prime Minister Andrzej")
    assert speaker_of(other_office, "spreading lies")[0] != "Andrzej Nowak"
    other_gender = "The minister's spokeswoman said the talks had failed. Tom Berg told reporters that he was not surprised."
    assert speaker_of(other_gender, "talks had failed")[0] != "Tom Berg"


def test_call_letters_taken_for_a_person_are_a_station_that_reports_and_that_the_station_means() -> None:
    text = (
        "A woman was hurt on Tuesday night outside a bakery, according to a report from KBJR-TV Channel 6. "
        "The driver was arrested two blocks away, the station reported. The woman was in her 70s, the report said."
    )
    doc = load_nlp()(text)
    start = text.index("KBJR")
    doc.set_ents([doc.char_span(start, start + len("KBJR-TV"), label="PERSON")], default="outside")  # taken for a person
    assert speaker_in_parse(text, doc, "bakery") == "KBJR-TV"
    assert speaker_in_parse(text, doc, "arrested") == "KBJR-TV"
    assert speaker_in_parse(text, doc, "70s") == "KBJR-TV"


def test_the_station_is_the_one_station_named_never_a_newspaper() -> None:
    text = "Snow closed the pass on Monday, Harbour Radio reported. The road would reopen on Friday, the station said."
    assert speaker_of(text, "reopen")[0] == "Harbour Radio"
    text = "Snow closed the pass on Monday, The Harbour Times reported. The road would reopen on Friday, the station said."
    assert speaker_of(text, "reopen")[0] != "Harbour Times"
    assert speaker_of("A barn burned near Ely, KDLM reported. The barn was empty, the station said.", "empty")[0] == "KDLM"


def test_a_schedule_speaks_for_its_owner() -> None:
    assert speaker_of("According to Harbourline Energy's schedule, the power would be cut at noon.", "noon")[0] == "Harbourline Energy"

"""Word lists the rules read: kept as data so a new cue or role is one line, not a new branch."""

from __future__ import annotations

import re
from typing import Final

from storyline.model import EntityKind

# Verbs (lemmas) that attribute speech or writing to their subject.
CUE_VERBS: Final = frozenset(
    "say tell add state announce warn urge insist note explain claim argue tweet write report "
    "confirm deny declare stress emphasise emphasize assert acknowledge admit reply respond answer "
    "ask suggest predict promise vow pledge threaten reveal disclose comment remark indicate "
    "caution complain concede contend maintain observe point recall reiterate tell testify post "
    # frequent speech acts and reports among PolNeAR's training cues ("a poll shows that ...")
    "accuse allege blame boast brag charge cite conclude counter criticize criticise demand dismiss "
    "echo email estimate find forecast hint imply inform joke lament mention plead propose quip recommend "
    "retort show signal speculate tout assure remind repeat recount outline retweet apologize apologise express "
    "blast assail decry denounce condemn praise mock question reject continue "
    # more speech acts people use in news (FrameNet's Statement and VerbNet's say/declare/advise classes)
    "justify underline underscore reaffirm affirm hail deem thank advise instruct elaborate envision envisage "
    "exclaim proclaim profess confess concur attest whisper shout yell chant mutter clarify posit "
    # rulings and findings the guidelines count as statements ("the court ruled that …", "the panel
    # determined that …"), and notices ("notified the committee that …", "the rules specify that …")
    "rule determine notify specify grumble protest "
    # denying or vowing with a "that" clause ("disputed that voters feel betrayed", "swore they would never …")
    "dispute swear".split()
)

# Verbs that are cues only with a "that" clause ("shared that she was prone to meltdowns", "projected that the deal
# would add jobs"); otherwise they share costs and project images.
THAT_CUES: Final = frozenset("share project".split())

# Cues whose message can be a plain object or an infinitive ("announced a ceasefire", "urged them
# to talk"); "said" with an object ("said it") carries no content, so it is not here.
OBJECT_CUES: Final = frozenset(
    "announce urge warn report tweet confirm deny promise vow pledge threaten reveal disclose "
    # speech acts whose object is what was said about ("blasted the plan", "proposed a tax cut", "recommended closing the mine")
    "criticize criticise cite propose recommend demand blast assail decry denounce condemn praise mock question reject "
    "express outline hail thank reaffirm underline underscore justify".split()
)

# Verbs of telling or remembering whose gerund is the event reported, done by the speaker ("recalled going to
# conventions", "described witnessing the bodies", "denied taking the money"); aspect verbs ("began
# talking") are not here: their gerund is what the subject did, not what it said.
GERUND_CUES: Final = frozenset("recall recount describe deny acknowledge mention report".split())

# Cues said to someone: in the passive their subject is the addressee ("residents were urged to stay in").
# "implored colleagues to vote", "pressed Congress to act": a directive only with an addressee and an infinitive.
ADDRESSED_CUES: Final = frozenset(
    "tell ask urge warn advise order inform notify remind encourage instruct invite caution implore press beg exhort".split()
)

# Verbs of saying whose passive with an infinitive reports what someone unnamed said of the subject ("was said
# to have left", "were reported to have fled"); "has been clarified to reflect …" is an editor's purpose.
RAISING_CUES: Final = frozenset("say report allege claim rumor rumour estimate show find reveal confirm predict".split())

# Verbs that characterise something in the source's own quoted words ("called the deal “a start”",
# "described the mood as “tense”"): the quoted fragment is the statement.
NAMING_CUES: Final = frozenset("call describe dub label brand term".split())
# Verbs that do so through an "as" phrase ("attacked the inquiry as “Witch Hunt garbage”"); "file as
# “married filing jointly”" only names a category.
# Of those, the ones that praise or blame for something ("criticized the administration for its “secrecy”").
JUDGING_CUES: Final = frozenset("attack slam blast condemn praise criticize criticise decry mock deride hail denounce".split())
CHARACTERISING_CUES: Final = NAMING_CUES | frozenset(
    "attack characterize characterise dismiss denounce hail portray cast refer slam blast condemn praise "
    "criticize criticise decry reject mock deride tout paint frame depict welcome single rate".split()
)

# Verbs that say what something is through a small clause, quoted or not ("identified the suspect as a local
# man", "called her answer evasive", "cited the audit as the reason"): the object with its predicate is a claim.
PREDICATING_CUES: Final = CHARACTERISING_CUES | frozenset("identify list name cite rate rule find".split())
# Verbs that say what caused something through their own preposition ("attributed the fire to a short
# circuit", "blamed the media for the row", "credited the nurses with saving him", "accused him of lying"): a claim
# like the above.
CAUSE_PREPOSITIONS: Final[dict[str, frozenset[str]]] = {
    "attribute": frozenset({"to"}),
    "ascribe": frozenset({"to"}),
    "accuse": frozenset({"of"}),  # "accused the firm of fraud": a charge, as "blamed the firm for" is
    "charge": frozenset({"with"}),  # "charged the mayor with fraud": the same accusation
    "blame": frozenset({"for"}),
    "credit": frozenset({"for", "with"}),
}

# Verbs that put a figure on something through their own preposition ("put the cost at $3 million", "placed the
# death toll in the hundreds", "polls showed support at 2 percent"): a claim when the phrase holds a quantity.
FIGURE_PREPOSITIONS: Final[dict[str, frozenset[str]]] = {
    "put": frozenset({"at"}),
    "place": frozenset({"at", "in"}),
    "peg": frozenset({"at"}),
    "show": frozenset({"at"}),
    "estimate": frozenset({"at"}),
}
# Verbs that say what was demanded or said through their own preposition ("called for an inquiry", "appealed for
# calm", "called on the minister to resign", "warned of flash floods", "spoke of being forced out"): its object
# is the statement, though it may be a bare noun phrase.
CONTENT_PREPOSITIONS: Final[dict[str, frozenset[str]]] = {
    "call": frozenset({"for", "on"}),
    "appeal": frozenset({"for", "to"}),
    "warn": frozenset({"of", "about"}),
    **dict.fromkeys(("speak", "talk", "tell", "write"), frozenset({"of"})),
}
# Of those, the verbs whose phrase says something only as an event told with a gerund ("told of being forced out",
# "spoke of Turkey assuming the duty") or in quoted words: "spoke of the collaboration" names a topic.
TELLING_OF: Final = frozenset("speak talk tell write".split())
# What a plan or text asks for is its provision, not a demand anyone voiced ("the budget calls for cuts").
PROVISION_WORDS: Final = frozenset(
    "plan bill proposal budget law measure legislation deal agreement scheme program programme project design "
    "recipe contract treaty policy strategy framework amendment rule regulation forecast model".split()
)

# Nouns that count by themselves ("in the hundreds", "at 2 percent").
QUANTITY_WORDS: Final = frozenset("percent % hundreds thousands millions billions dozens".split())

# Nouns of saying whose "that" clause is what was said ("made the case that …", "the charge that …",
# "Rice's comments that …"); a belief ("the notion that") or a fact ("the fact that") is not one.
SPEECH_NOUNS: Final = frozenset(
    "claim charge case argument assertion insistence recommendation comment concern warning allegation "
    "accusation suggestion assurance promise pledge statement announcement admission contention message".split()
)

# Verbs of putting out a text: in "sent a letter saying …" the sender says what the letter does ("read a
# letter saying …" credits the letter's writer, not the reader).
ISSUING_VERBS: Final = frozenset("issue release send write post publish file deliver make give circulate put".split())

# Addressees that belong to the cue phrase ("told reporters").
ADDRESSEES: Final = frozenset(
    "reporters journalists newsmen press media audience lawmakers parliament crowd supporters "
    "me us him her them".split()
)

PRONOUN_KINDS: Final[dict[str, tuple[EntityKind, ...]]] = {
    "he": ("person",),
    "she": ("person",),
    "they": ("group", "org"),
    "it": ("org",),
}

# Role nouns that name an organisation or a document rather than a person.
ROLE_NOUN_KINDS: Final[dict[str, EntityKind]] = {
    **dict.fromkeys(
        "ministry government police army agency office department committee council court "
        "embassy alliance commission parliament cabinet military administration company firm "
        "group union party campaign".split(),
        "org",
    ),
    **dict.fromkeys(
        "report study data datum survey statement document poll analysis review findings summary memo letter filing "
        "complaint indictment lawsuit ruling opinion release advisory bulletin guidelines guidance figures".split(),
        "other",
    ),
}

# Platforms people post on: a company or a channel, never a person, and never the author of a post on it
# ("a Twitter post by Ann Lyle" is hers).
PLATFORMS: Final = frozenset("twitter facebook instagram youtube tiktok whatsapp telegram weibo wechat reddit linkedin snapchat".split())

# What speaks for its owner: a document, a channel, an account ("Trump's Twitter", "a Fox News poll",
# "the WHO's report", "a memo posted by Senator Dalmau"): its speaker is whoever it belongs to.
DOCUMENT_WORDS: Final = PLATFORMS | frozenset(
    "report study data datum survey statement document documents poll polling analysis review findings summary "
    "description database memo letter filing complaint indictment lawsuit ruling opinion decision order release "
    "announcement advisory bulletin notice guidelines guidance figures estimate estimates records account "
    "feed website site page blog post tweet tweets email video book memoir memoirs "
    "transcript testimony minutes speech research ad return disclosure decree description edict proclamation "
    "communique communiqué affidavit judgment verdict motion petition brief request number statistic article reasoning view remarks comments "
    "warning alert information schedule timetable".split()
)

# Pictures, which depict what they show, and words for words, which mean what they imply: neither speaks.
PICTURE_WORDS: Final = frozenset("video footage clip film photo photograph picture image camera".split())
WORD_NOUNS: Final = frozenset("term word phrase expression name label".split())

# Labels a news page puts before a link or a credit ("RELATED: …", "Source: …", "READ MORE: …"): never a speaker,
# and what follows them is no one's words.
PAGE_LABELS: Final = frozenset("related source sources photo credit watch listen read more".split())

# Words that tell a person's gender where the name does not: titles and roles.
FEMALE_WORDS: Final = frozenset(
    "mrs ms miss madam lady dame queen princess duchess spokeswoman chairwoman congresswoman councilwoman "
    "businesswoman sportswoman policewoman actress wife mother daughter sister grandmother aunt niece widow "
    "woman girl fiancee fiancée girlfriend".split()
)
MALE_WORDS: Final = frozenset(
    # not "actor": a woman is a voice actor too
    "mr sir lord king prince duke spokesman chairman congressman councilman businessman sportsman policeman "
    "husband father son brother grandfather uncle nephew widower man boy fiance fiancé boyfriend".split()
)
GENDERED_PRONOUNS: Final = {"he": "male", "him": "male", "his": "male", "she": "female", "her": "female"}

# Nouns that describe a person's job or role ("striker Shane Kilbride", "Ana Silva, the coach"):
# evidence that the name beside them is a person whatever the tagger said. Agent suffixes cover
# most others ("mediator", "spokeswoman", "hydrologist").
PERSON_ROLES: Final = frozenset(
    "captain coach executive chair head chief boss leader founder owner official expert pundit "
    "striker goalkeeper defender midfielder forward player athlete star lead actress champion analyst economist "
    "scientist physician doctor nurse surgeon lawyer attorney judge prosecutor minister secretary "
    "president envoy diplomat ambassador mayor alderman resident witness survivor student teacher "
    "activist campaigner spokesperson representative colleague veteran candidate nominee agent".split()
)
PERSON_SUFFIXES: Final = ("er", "or", "ist", "ian", "man", "woman", "person")
# Nouns for people that neither list nor suffix covers ("the family said", "sources said", "the victim
# told police"): a description's noun names a person only when it is one of these kinds of word; "the deal",
# "the bomb" and "the footage" are things, never speakers nor a later "he".
PEOPLE_NOUNS: Final = frozenset(
    "people person individual public family relative friend neighbour neighbor parent child kid baby adult teen "
    "teenager youth victim suspect defendant accused plaintiff claimant hostage prisoner inmate detainee refugee "
    "migrant immigrant tourist passenger guest patient employee staff staffer crew team couple aide ally rival "
    "opponent critic proponent advocate fan source insider official local citizen delegate delegation deputy "
    "counsel consultant assistant participant applicant pupil graduate scholar academic priest cleric monk nun "
    "soldier troop rebel militant guard medic paramedic jury panel spouse partner cousin billionaire millionaire "
    "celebrity trainee appointee retiree attendee correspondent respondent client tenant servant occupant "
    "inhabitant informant descendant".split()
)

# Words naming what kind of organisation something is: a public body or association ...
INSTITUTION_WORDS: Final = frozenset(
    "association alliance agency authority bank board club coalition commission committee council "
    "court department federation foundation fund institute league ministry office organisation "
    "organization party police service society union university hospital network school college "
    "army navy forces government parliament centre center brigade".split()
)
# ... or a business, which articles call "the company" once named.
COMPANY_WORDS: Final = frozenset("company firm group corporation holdings inc ltd corp plc gmbh sa nv ag".split())
# Nouns by which news refers back to a business it named ("the software giant", "the automaker"); not "the group",
# as often a group of people ("A group of workers gathered. The group said").
COMPANY_NOUNS: Final = COMPANY_WORDS - {"group"} | frozenset("giant automaker carmaker retailer airline insurer lender".split())
# Nouns by which news refers back to an outlet it named ("The newspaper said"), and the last words of outlets' names.
OUTLET_NOUNS: Final = frozenset("newspaper tabloid magazine broadcaster".split())
OUTLET_NAME_WORDS: Final = frozenset(
    "news times post journal herald tribune gazette daily press magazine chronicle telegraph guardian observer mirror "
    "inquirer weekly today".split()
)
# Nouns by which news refers back to a radio or television station it named ("WKMR-TV reported … the station
# said"), and the last words of stations' names ("Harbour Radio", "Lakeside TV").
STATION_NOUNS: Final = frozenset("station channel".split())
STATION_NAME_WORDS: Final = frozenset("tv television radio channel fm".split())
# A US station's call letters with their band ("WCCO-TV", "KQED-FM"), which taggers miss or take for a person's name.
CALL_LETTERS: Final = re.compile(r"\b[KW][A-Z]{2,3}-(?:TV|DT|FM|AM|LP|CD)\b")
# ... and without it ("KTVA"), a station only where the model tagged it an organisation, as four capitals may be a name.
BARE_CALL_LETTERS: Final = re.compile(r"[KW][A-Z]{3}")
# Last words of the names of an organisation's parts ("Microsoft Security Response Center", "Harvard Medical
# School"): the part speaks for itself, never as the organisation its first words name.
UNIT_WORDS: Final = frozenset(
    "center centre department office unit division team bureau committee school institute lab laboratory "
    "directorate section branch desk".split()
)
# Last words of the names of a maker's products and services ("Microsoft Update", "Google Maps"): the product
# is no form of its maker's name, and the maker ("Microsoft") never goes by the product's.
PRODUCT_WORDS: Final = frozenset("update updates app apps browser maps messenger mail store player".split())
# Last words of organisation names: a name ending in one is not a person ("Living Danube Alliance").
ORG_WORDS: Final = INSTITUTION_WORDS | COMPANY_WORDS | frozenset(
    "post press times news magazine journal newspaper storage assembly congress senate legislature forum affairs "
    "technologies industries enterprises pharmaceuticals airlines airways".split()  # a business by its trade
)
# Last words of the names of buildings, sites, waters and states ("White House", "South China Sea", "Syrian
# Arab Republic") and of events, prizes and laws ("International Student Olympiad", "Martin Luther King Jr.
# Day", "Affordable Care Act"): no person's name ends in one, unless the word is also a family name after a
# given name ("Doris Day"). Words that are common family names ("Hall", "Park", "Church") are not here.
SITE_WORDS: Final = frozenset(
    "house palace building cathedral mosque airport station bridge road avenue square stadium arena museum "
    "garden gardens prison facility hotel sea ocean river lake republic kingdom".split()
)
EVENT_WORDS: Final = frozenset(
    "olympiad olympics games summit conference festival championship championships cup tournament day award "
    "awards prize medal act constitution treaty accord convention".split()
)
NONPERSON_HEADS: Final[dict[str, EntityKind]] = {
    **dict.fromkeys(EVENT_WORDS, "other"),
    **dict.fromkeys(SITE_WORDS, "place"),
    **dict.fromkeys(ORG_WORDS, "org"),
}

# Words that only size or time a role ("the new head coach" holds the role of "coach").
ROLE_MODIFIERS: Final = frozenset("new former current interim acting outgoing incoming top senior".split())

# Role words that name the top of whatever organisation qualifies them ("the NATO chief").
LEADER_WORDS: Final = frozenset("chief head leader boss".split())

# spaCy entity labels that become entities, and as what.
LABEL_KINDS: Final[dict[str, EntityKind]] = {
    "PERSON": "person",
    "ORG": "org",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "group",
}

# Title words that name one office: "the Idaho congressman" is the article's "Rep. Raúl Labrador".
_SAME_OFFICE = (
    "rep representative congressman congresswoman lawmaker",
    "sen senator",
    "gov governor",
    "spokesman spokeswoman spokesperson",
    "chairman chairwoman chair",
    "attorney lawyer",
    "pm premier",
    "minister secretary",  # "the foreign minister" is the article's "Foreign Secretary Marcelo Ebrard"
    "dr doctor physician",  # "her doctor" is the article's "Dr. Ana Silva"
)
TITLE_SYNONYMS: Final[dict[str, frozenset[str]]] = {
    word: frozenset(group.split()) for group in _SAME_OFFICE for word in group.split()
}

"""Stances toward topics: cues, negation, contrast, who holds a stance in reported
speech, quotes' own stances, topic context; and the topics table itself."""

from __future__ import annotations

import datetime

import pytest

from newsx.index.config import Config
from newsx.index.errors import ConfigError
from newsx.index.extract import analyze, load_topics
from newsx.index.model import Article

GAZA = "The war in Gaza entered its second month as Israel continued its strikes.\n\n"
UKRAINE = "Russia's war in Ukraine has lasted three years.\n\n"


def stances_of(body: str) -> dict[tuple[str, str], str]:
    analysis = analyze(Article(id="t", path="t.txt", body=body))
    for s in analysis.stances:
        assert body[s.start:s.end] == s.evidence
    return {(s.person, s.topic): s.stance for s in analysis.stances}


def decided(body: str) -> dict[tuple[str, str], str]:
    return {k: v for k, v in stances_of(body).items() if v != "neutral"}


@pytest.mark.parametrize("sentence, stance", [
    ("Nadia Khan called for a ceasefire.", "support"),
    ("Nadia Khan has resisted calls for a full ceasefire.", "oppose"),
    ("Nadia Khan backed calls for a humanitarian pause instead.", "oppose"),
    ("Nadia Khan refused to back a ceasefire.", "oppose"),
    ("Nadia Khan did not back a ceasefire.", "oppose"),
    ("Nadia Khan urged the government to agree an immediate ceasefire.", "support"),
    ("Nadia Khan said there must be a ceasefire now.", "support"),
    ("Nadia Khan said there must be an immediate ceasefire.", "support"),
    ("Nadia Khan stopped short of calling for a ceasefire.", "oppose"),
    ("Nadia Khan is among those calling for a ceasefire.", "support"),
    ("Nadia Khan voted for a ceasefire.", "support"),
    ("Nadia Khan hailed the ceasefire.", "support"),
    ("Nadia Khan has been a vocal supporter of a ceasefire.", "support"),
    ("Nadia Khan is a critic of the ceasefire.", "oppose"),
    ("Nadia Khan said she disagreed with calls for a ceasefire.", "oppose"),
    ("Nadia Khan said she was “deeply sceptical” about a ceasefire.", "oppose"),
    ("Nadia Khan urged MPs to unite behind a call for an immediate ceasefire.", "support"),
    ("Nadia Khan threw her weight behind calls for a ceasefire.", "support"),
    ("Nadia Khan said it was time for a ceasefire.", "support"),
    ("Nadia Khan said now was not the time to call for a ceasefire.", "oppose"),
    ("Nadia Khan said a ceasefire was not realistic.", "oppose"),
    ("Nadia Khan called the ceasefire a betrayal.", "oppose"),
    ("Nadia Khan said she did not believe a ceasefire would work.", "oppose"),
    ("Nadia Khan said there should be no ceasefire until the hostages are freed.", "oppose"),
    ("Nadia Khan defended her decision not to back a ceasefire.", "oppose"),
    ("Nadia Khan said she would “not stand in the way” of a ceasefire.", "support"),
    ("Nadia Khan said an immediate ceasefire would be “a gift to Hamas”.", "oppose"),
    ("Nadia Khan described calls for a ceasefire as “naive”.", "oppose"),
])
def test_cues_and_negation_set_the_stance(sentence, stance):
    assert decided(GAZA + sentence) == {("Nadia Khan", "ceasefire"): stance}


@pytest.mark.parametrize("sentence", [
    "Nadia Khan repeatedly declined to support calls for a ceasefire.",
    "Nadia Khan would not say whether she backs a ceasefire.",
    "Nadia Khan said she understands calls for a ceasefire.",
    "Nadia Khan is under growing pressure to call for a ceasefire.",
    "Nadia Khan discussed the ceasefire with officials.",
    "Nadia Khan and Omar Reid disagree on a ceasefire.",
])
def test_doubt_and_others_calls_are_not_a_stance(sentence):
    assert decided(GAZA + sentence) == {}


def test_defying_calls_for_something_opposes_it():
    body = GAZA + "Sir Keir Starmer today defied growing calls from Labour MPs for an immediate ceasefire."
    assert decided(body) == {("Keir Starmer", "ceasefire"): "oppose"}


def test_a_cue_governs_only_what_follows_it_closely():
    body = GAZA + "Lena Ross defied the official party position by calling for a ceasefire."
    assert decided(body) == {("Lena Ross", "ceasefire"): "support"}


@pytest.mark.parametrize("sentence, stance", [
    ("Nadia Khan said British troops should be part of a reassurance force.", "support"),
    ("“British troops should be part of a reassurance force,” Nadia Khan said.", "support"),
    ("Nadia Khan said she would not take part in a reassurance force.", "oppose"),
])
def test_being_part_of_something_endorses_it(sentence, stance):
    assert decided(UKRAINE + sentence) == {("Nadia Khan", "ukraine-troops"): stance}


@pytest.mark.parametrize("sentence, stance", [
    ("Sadiq Khan said a ceasefire would help prevent further loss of life.", "support"),
    ("Sadiq Khan warned a ceasefire would leave Hamas free to attack again.", "oppose"),
    ("Sadiq Khan said a ceasefire would not help anyone.", "oppose"),
])
def test_what_the_words_after_a_phrase_say_of_it(sentence, stance):
    assert decided(GAZA + sentence) == {("Sadiq Khan", "ceasefire"): stance}


def test_what_is_said_of_a_longer_phrase_a_few_words_on():
    body = GAZA + "Kemi Badenoch said halting arms sales to Israel would be a mistake."
    assert decided(body) == {("Kemi Badenoch", "arms-ban"): "oppose"}


def test_in_a_quote_a_third_partys_past_action_is_reported_not_held():
    body = GAZA + ("Zoe Hart said: “The government refused to suspend arms sales to Israel. "
                   "All arms sales to Israel must end.”")
    analysis = analyze(Article(id="t", path="t", body=body))
    assert {(s.person, s.topic, s.stance) for s in analysis.stances} == {("Zoe Hart", "arms-ban", "support")}
    assert analysis.quotes[0].stances == [("arms-ban", "support")]


@pytest.mark.parametrize("answer, held", [
    ("No.", {("Keir Starmer", "arms-ban"): "oppose"}),
    ("Yes, it should.", {("Keir Starmer", "arms-ban"): "support"}),
    ("We keep it under review.", {}),
])
def test_a_question_put_and_answered_is_the_answers_stance(answer, held):
    body = GAZA + f"Asked whether Britain should stop arms sales to Israel, Keir Starmer said: “{answer}”"
    assert decided(body) == held


@pytest.mark.parametrize("sentence, held", [
    ("For Naz Shah, an immediate ceasefire is essential.", {("Naz Shah", "ceasefire"): "support"}),
    ("According to Anas Sarwar, an immediate ceasefire is essential.", {("Anas Sarwar", "ceasefire"): "support"}),
    ("For now, an immediate ceasefire is essential, and Nadia Khan agrees.", {}),
])
def test_a_person_named_before_the_comma_holds_the_clause_after_it(sentence, held):
    assert decided(GAZA + sentence) == held


@pytest.mark.parametrize("sentence, stance", [
    ("David Cameron said calling for an immediate ceasefire was not the way forward.", "oppose"),
    ("David Cameron said backing an immediate ceasefire was the right thing to do.", "support"),
    ("David Cameron said calling for an immediate ceasefire would be a mistake.", "oppose"),
])
def test_what_is_said_of_a_call_made_the_subject_decides_it(sentence, stance):
    assert decided(GAZA + sentence) == {("David Cameron", "ceasefire"): stance}


def test_a_question_put_to_the_one_spoken_to_is_no_view_of_the_askers():
    body = GAZA + "Nick Robinson: But do you back an immediate ceasefire?\n\nNadia Khan: We do, yes."
    assert stances_of(body) == {}


def test_a_title_kept_apart_gives_context_to_the_first_paragraphs():
    body = "Yvette Cooper spoke on Sunday.\n\nYvette Cooper said she backs an immediate ceasefire."
    titled = analyze(Article(id="t", path="t.md", body=body, title="Yvette Cooper on policing and Gaza"))
    assert [(s.person, s.topic, s.stance) for s in titled.stances] == [("Yvette Cooper", "ceasefire", "support")]
    far = body + "\n\nMore.\n\nMore.\n\nMore.\n\nNadia Khan said she backs an immediate ceasefire."
    titled = analyze(Article(id="t", path="t.md", body=far, title="Yvette Cooper on policing and Gaza"))
    assert [s.person for s in titled.stances] == ["Yvette Cooper"]
    assert analyze(Article(id="t", path="t.md", body=body, title="Yvette Cooper on policing")).stances == []


def test_in_a_quote_what_another_says_they_want_is_reported_not_held():
    body = GAZA + "Zoe Hart said: “The Prime Minister says he wants a ceasefire. I do not believe him.”"
    assert decided(body) == {}


def test_a_turn_in_a_transcript_holds_its_speakers_stance():
    body = GAZA + ("Stephen Flynn (Aberdeen South) (SNP): Does the Prime Minister not accept it? "
                   "The SNP supports an immediate ceasefire.")
    assert decided(body) == {("Stephen Flynn", "ceasefire"): "support"}


def test_an_opinion_piece_in_its_authors_voice_holds_the_authors_stance():
    body = ("By Jess Phillips\n\nI was one of the first to resign over Gaza. I believe an immediate "
            "ceasefire is right, and I said so.\n\nWes Streeting told me he thought a ceasefire was premature.")
    assert decided(body) == {("Jess Phillips", "ceasefire"): "support", ("Wes Streeting", "ceasefire"): "oppose"}


def test_the_authors_voice_comes_from_the_articles_metadata_too():
    body = GAZA + "I have said it before and I say it again: I support an immediate ceasefire."
    analysis = analyze(Article(id="t", path="t.html", body=body, author="Layla Moran"))
    assert [(s.person, s.stance) for s in analysis.stances] == [("Layla Moran", "support")]
    assert [(p.name, p.mentions) for p in analysis.people] == [("Layla Moran", 3)]


def test_in_an_opinion_piece_an_asserted_clause_with_no_one_as_subject_is_the_authors():
    body = GAZA + ("For months I defended the line. I told myself the licences were reviewed.\n\n"
                   "I no longer believe that. The UK should stop arms sales to Israel now. Israel refused a truce.")
    analysis = analyze(Article(id="t", path="t.md", body=body, author="Emily Thornberry"))
    assert [(s.person, s.topic, s.stance) for s in analysis.stances] == [("Emily Thornberry", "arms-ban", "support")]


def test_a_reporters_passing_i_makes_no_one_a_holder():
    body = GAZA + "By Kate Whannel\n\nWhen I asked, Nadia Khan said she supports an immediate ceasefire."
    assert decided(body) == {("Nadia Khan", "ceasefire"): "support"}


def test_in_a_quote_what_someone_must_or_is_prepared_to_do_is_the_speakers_view():
    body = UKRAINE + "Keir Starmer said: “The UK is prepared to back this with boots on the ground.”"
    assert decided(body) == {("Keir Starmer", "ukraine-troops"): "support"}


@pytest.mark.parametrize("body, held", [
    (GAZA + "Britain must stop arms sales to Israel, Anas Sarwar said on Monday.",
     {("Anas Sarwar", "arms-ban"): "support"}),
    (GAZA + "The government should halt arms sales to Israel, said Layla Moran, the Liberal Democrat "
            "spokesperson.", {("Layla Moran", "arms-ban"): "support"}),
    (GAZA + "There must be an immediate ceasefire, Anas Sarwar, the Scottish Labour leader, told reporters.",
     {("Anas Sarwar", "ceasefire"): "support"}),
])
def test_a_trailing_attribution_holds_the_clause_before_it(body, held):
    assert decided(body) == held


def test_a_trailing_title_is_the_office_holder_on_the_articles_date():
    body = UKRAINE + "Britain is prepared to put boots on the ground in Ukraine, the Prime Minister has said."
    analysis = analyze(Article(id="t", path="t.txt", body=body, date=datetime.date(2025, 3, 2)))
    assert [(s.person, s.topic, s.stance) for s in analysis.stances] == [
        ("Keir Starmer", "ukraine-troops", "support")]


@pytest.mark.parametrize("body, topic", [
    (UKRAINE + "Prime minister says he is “ready and willing” to put British troops on the ground in Ukraine.",
     "ukraine-troops"),
    (GAZA + "The Labour leader calls for a ceasefire in Gaza.", "ceasefire"),
])
def test_a_title_without_a_name_as_a_standfirst_writes_it_holds_the_stance(body, topic):
    analysis = analyze(Article(id="t", path="t.txt", body=body, date=datetime.date(2025, 2, 16)))
    assert [(s.person, s.topic, s.stance) for s in analysis.stances] == [("Keir Starmer", topic, "support")]


def test_a_trailing_attribution_does_not_take_a_reported_action_as_the_speakers_stance():
    assert decided(GAZA + "Israel refused to agree to a ceasefire, Anas Sarwar said.") == {}


def test_after_but_the_later_clause_wins():
    body = GAZA + ("Omar Reid told colleagues calling for a ceasefire that he understood them, "
                   "but explained why the party was not calling for one.")
    assert decided(body) == {("Omar Reid", "ceasefire"): "oppose"}


def test_the_person_urged_holds_no_stance_the_urgers_do():
    body = GAZA + "More than 200 councillors urged Sir Keir Starmer and Angela Rayner to back a ceasefire."
    assert decided(body) == {}


def test_a_possessive_holds_a_nominal_stance():
    body = GAZA + "Ten councillors resigned over Sir Keir Starmer’s decision not to push for a ceasefire."
    assert decided(body) == {("Keir Starmer", "ceasefire"): "oppose"}


def test_people_listed_after_as_well_as_share_the_stance():
    body = GAZA + ("Eighteen shadow ministers have called for a ceasefire, as well as London mayor "
                   "Sadiq Khan and Greater Manchester mayor Andy Burnham.")
    assert decided(body) == {("Sadiq Khan", "ceasefire"): "support", ("Andy Burnham", "ceasefire"): "support"}


def test_people_named_after_including_share_the_stance_of_those_they_are_among():
    body = GAZA + "Critics of a ceasefire, including Keir Starmer and Lisa Nandy, say it would leave Hamas in power."
    assert decided(body) == {("Keir Starmer", "ceasefire"): "oppose", ("Lisa Nandy", "ceasefire"): "oppose"}
    assert decided(GAZA + "Ministers rejected calls for a ceasefire, including from Sadiq Khan.") == {}


def test_a_description_between_the_holder_and_the_verb_and_a_country_ready_to_act():
    assert decided(GAZA + "Sir Graham Darrow, a Labour MP, urged ministers to suspend export licences "
                          "for arms to Israel.") == {("Graham Darrow", "arms-ban"): "support"}
    assert decided(UKRAINE + "Kevin Calder, a professor of international relations, said Britain was ready "
                             "to send troops to Ukraine to guard a peace deal.") == {
        ("Kevin Calder", "ukraine-troops"): "support"}


def test_a_leader_speaks_for_his_party():
    body = UKRAINE + ("Sir Ed Davey said his party would support sending British troops to Ukraine "
                      "as peacekeepers.")
    assert decided(body) == {("Ed Davey", "ukraine-troops"): "support"}


def test_coordinated_verb_belongs_to_the_speaker_not_the_country_in_between():
    body = "Rishi Sunak said Israel had the right to defend itself and rejected calls for a ceasefire in Gaza."
    assert decided(body) == {("Rishi Sunak", "ceasefire"): "oppose"}


def test_rejecting_what_the_other_side_wants_supports_the_topic():
    body = "Jeremy Corbyn, who has long opposed arms exports to Israel, spoke at the rally."
    assert decided(body) == {("Jeremy Corbyn", "arms-ban"): "support"}


def test_rhetorical_negative_question_is_not_a_negation():
    body = GAZA + "Maya Lund asked: “Don’t we need to see an end to all arms sales to Israel?”"
    assert decided(body) == {("Maya Lund", "arms-ban"): "support"}


def test_a_quote_carries_its_speakers_stance_and_its_own():
    body = GAZA + "Maya Lund said: “I don’t agree with a complete ban on arms sales.”"
    analysis = analyze(Article(id="t", path="t", body=body))
    assert analysis.quotes[0].stances == [("arms-ban", "oppose")]
    assert {(s.person, s.stance) for s in analysis.stances} == {("Maya Lund", "oppose")}


def test_a_question_pressing_someone_counts_for_the_asker():
    body = GAZA + ("She asked the minister. Zoe Hart then asked if the government would “end its complicity "
                   "by banning all arms sales to Israel”.")
    assert decided(body) == {("Zoe Hart", "arms-ban"): "support"}


def test_a_topic_needs_its_context_so_a_ukraine_ceasefire_is_not_a_gaza_one():
    body = GAZA + UKRAINE + "Volodymyr Zelenskyy called for a ceasefire with Russia."
    assert decided(body) == {}
    assert decided("Ahmed Saleh called for a ceasefire in the Sudan talks.") == {}


def test_troops_ruled_out():
    body = "The US defence secretary, Pete Hegseth, ruled out sending American troops to Ukraine."
    assert decided(body) == {("Pete Hegseth", "ukraine-troops"): "oppose"}


def test_evidence_is_the_sentence_and_one_stance_per_person_and_topic():
    body = GAZA + ("Nadia Khan called for a ceasefire on Monday. On Tuesday Nadia Khan again called for a "
                   "ceasefire. On Wednesday Ms Khan wavered, saying she did not back a ceasefire.")
    analysis = analyze(Article(id="t", path="t", body=body))
    [stance] = analysis.stances
    assert (stance.person, stance.topic, stance.stance) == ("Nadia Khan", "ceasefire", "support")
    assert stance.evidence == "Nadia Khan called for a ceasefire on Monday."


# -- the topics table ------------------------------------------------------------------

def test_the_bundled_topics():
    topics = {t.id: t for t in load_topics()}
    assert set(topics) == {"ceasefire", "arms-ban", "ukraine-troops"}
    assert all(t.label and t.description and t.keywords and t.support for t in topics.values())


def _config(tmp_path, text: str, topics: list, replace: bool = False) -> Config:
    path = tmp_path / "config.yaml"
    path.write_text(text, encoding="utf-8")
    return Config(path=path, topics=topics, replace_topics=replace)


def test_config_topics_extend_or_replace_the_bundled_ones(tmp_path):
    heat = {"id": "heat-pumps", "label": "Heat pumps", "keywords": ["heat pump*"],
            "support": ["heat pump*"], "oppose": ["gas boiler*"]}
    config = _config(tmp_path, "topics: []\n", [heat])
    assert [t.id for t in load_topics(config)] == ["ceasefire", "arms-ban", "ukraine-troops", "heat-pumps"]
    only = load_topics(_config(tmp_path, "topics: []\n", [heat], replace=True))
    assert [t.id for t in only] == ["heat-pumps"]
    body = "Ruth Gale called for heat pumps in every new home."
    stances = analyze(Article(id="t", path="t", body=body), topics=only).stances
    assert [(s.person, s.topic, s.stance) for s in stances] == [("Ruth Gale", "heat-pumps", "support")]


def test_a_topic_without_keywords_names_the_file_and_line(tmp_path):
    text = "replace_topics: false\ntopics:\n  - id: heat\n    label: Heat\n"
    config = _config(tmp_path, text, [{"id": "heat", "label": "Heat"}])
    with pytest.raises(ConfigError, match=rf"{tmp_path / 'config.yaml'}:3: `keywords` is required"):
        load_topics(config)

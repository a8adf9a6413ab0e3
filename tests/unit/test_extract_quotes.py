"""Quotes and who said them: the quote-mark state machine and the attribution rules,
each on paragraphs written for the convention (not taken from the seeds)."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsx.index.clean import load_rules
from newsx.index.corpus import load_file
from newsx.index.extract import analyze
from newsx.index.extract.quotes import find_quotes
from newsx.index.extract.text import split
from newsx.index.model import Article


def quotes_of(body: str, day: datetime.date | None = None) -> list[tuple[str, str | None]]:
    analysis = analyze(Article(id="t", path="t.txt", body=body, date=day))
    for q in analysis.quotes:
        assert body[q.start:q.end] == q.text
    return [(q.text, q.speaker) for q in analysis.quotes]


def texts(body: str) -> list[str]:
    return [text for text, _ in quotes_of(body)]


# -- the quote-mark state machine ----------------------------------------------------

def test_curly_quote_text_excludes_marks_and_its_trailing_comma():
    assert texts("“We will win this,” she said.") == ["We will win this"]


def test_apostrophes_are_not_quote_marks():
    body = "Starmer’s aides don’t expect Hamas’ leaders to agree, and the ’90s are long gone."
    assert texts(body) == []


def test_british_single_quotes_with_apostrophes_and_a_plural_possessive_inside():
    body = "‘I don’t think the parents’ concerns were heard,’ said Maria Lopez."
    assert texts(body) == ["I don’t think the parents’ concerns were heard"]


def test_nested_quotes_stay_inside_the_outer_quote():
    assert texts("“He told me ‘never again’ and left,” she said.") == ["He told me ‘never again’ and left"]
    assert texts("‘He just said “no” to me,’ she said.") == ["He just said “no” to me"]


def test_stray_doubled_mark_after_a_colon_is_survived():
    body = "Lee replied:”“I don’t agree with a complete ban.\n\n“That would include defensive arms.”"
    assert texts(body) == ["I don’t agree with a complete ban.", "That would include defensive arms."]


def test_an_opening_mark_typed_as_a_closer_closes_the_quote_and_narration_stays_out():
    body = "Amira Patel said: “The ward stays open“ she told reporters, “and the staff stay with it.”"
    assert quotes_of(body) == [("The ward stays open", "Amira Patel"),
                               ("and the staff stay with it.", "Amira Patel")]
    assert texts("“Not today,“ he said. “Maybe tomorrow.“") == ["Not today", "Maybe tomorrow."]


def test_unbalanced_opening_mark_runs_to_the_end_of_its_paragraph_only():
    body = "She said “we are not leaving\n\nThe council met on Monday."
    assert texts(body) == ["we are not leaving"]


def test_straight_quotes_and_inch_marks():
    assert texts('The 12" screen was "too small", he said.') == ["too small"]


def test_quote_opened_in_one_paragraph_continues_when_the_next_reopens():
    body = ("Jane Porter said: “The first part of the plan is ready.\n\n"
            "“The second part will follow in spring.”\n\n"
            "“We are on track.”")
    assert quotes_of(body) == [
        ("The first part of the plan is ready.", "Jane Porter"),
        ("The second part will follow in spring.", "Jane Porter"),
        ("We are on track.", "Jane Porter"),
    ]


def test_a_paragraph_without_quote_marks_ends_a_quote_running_on():
    body = ("Jane Porter said: “The first part of the plan is ready.\n\n"
            "The council met on Monday.\n\n"
            "“We are on track.”")
    spans = find_quotes(body, split(body).paragraphs)
    assert [(body[s.start:s.end], s.continued) for s in spans] == [
        ("The first part of the plan is ready.", False),
        ("We are on track.", False),
    ]


def test_british_speech_opened_after_a_colon_runs_on_over_paragraphs():
    body = ("Home secretary Yvette Cooper told MPs: ‘Throughout my career I have argued for this.\n\n"
            "‘It is the right decision for the country.’\n\n"
            "Critics disagreed.")
    assert quotes_of(body) == [
        ("Throughout my career I have argued for this.", "Yvette Cooper"),
        ("It is the right decision for the country.", "Yvette Cooper"),
    ]


def test_a_stray_single_mark_mid_paragraph_is_not_a_quote():
    assert texts("The ‘ key was stuck, she said, and nothing else happened.\n\nThen it rained.") == []


def test_short_scare_quotes_are_fragments_but_short_sentences_are_speech():
    analysis = analyze(Article(id="t", path="t", body=(
        "The minister called the report “deeply flawed” on Tuesday.\n\n“No.”\n\n"
        "“Nobody wants that,” he said.")))
    kinds = {q.text: q.kind for q in analysis.quotes}
    assert kinds == {"deeply flawed": "fragment", "No.": "speech", "Nobody wants that": "speech"}


# -- attribution ---------------------------------------------------------------------

def test_colon_lead_in():
    assert quotes_of("Health secretary Wes Streeting told the BBC: “The NHS is broken.”") == [
        ("The NHS is broken.", "Wes Streeting")]


def test_trailing_name_said_and_said_name_inversion():
    body = ("“We need more nurses,” Priya Shah said.\n\n"
            "“And more doctors,” said Tom Bell, a surgeon at the hospital.")
    assert quotes_of(body) == [("We need more nurses", "Priya Shah"), ("And more doctors", "Tom Bell")]


def test_according_to_before_and_after_the_quote():
    body = ("According to Dr Sarah Jones, “the data is clear”.\n\n"
            "“Cases are falling”, according to Professor Alan Reid.")
    assert quotes_of(body) == [("the data is clear", "Sarah Jones"), ("Cases are falling", "Alan Reid")]


def test_according_to_a_description_then_the_name_it_gives():
    body = ("According to a State Department spokesman, Matthew Miller, the administration "
            "“continues to push for a humanitarian pause” in the talks.")
    assert quotes_of(body) == [("continues to push for a humanitarian pause", "Matthew Miller")]


def test_split_quote_keeps_its_speaker():
    body = "“I don’t think that’s right,” Nadia Khan said, “and I never will.”"
    assert quotes_of(body) == [("I don’t think that’s right", "Nadia Khan"),
                               ("and I never will.", "Nadia Khan")]


def test_pronoun_goes_to_the_last_speaker_of_that_gender():
    body = ("Emma Lowe said the talks had failed. Her deputy, Mark Reyes, disagreed.\n\n"
            "“We were so close,” she said.\n\n"
            "“There is still time,” he said.")
    assert quotes_of(body) == [("We were so close", "Emma Lowe"), ("There is still time", "Mark Reyes")]


def test_a_quote_opening_the_sentence_after_someone_spoke_is_theirs():
    body = ("Naz Shah reads letters from constituents. She stands, she says, for an immediate ceasefire. "
            "“I have said it in the chamber and I will keep saying it.”")
    assert quotes_of(body) == [("I have said it in the chamber and I will keep saying it.", "Naz Shah")]


def test_quote_only_paragraph_continues_the_previous_speaker():
    body = ("Shadow home secretary Chris Philp said the government must act. "
            "He added: “They have lost control.”\n\n"
            "“This cannot go on.”")
    assert quotes_of(body) == [("They have lost control.", "Chris Philp"), ("This cannot go on.", "Chris Philp")]


def test_tweet_quoted_with_its_platform():
    body = "In a post on X, Labour MP Diane Abbott wrote: “This is a disgrace.”"
    assert quotes_of(body) == [("This is a disgrace.", "Diane Abbott")]


def test_role_description_is_the_person_the_article_gives_that_role():
    body = ("Sadiq Khan, the Mayor of London, opened the station.\n\n"
            "“This is a great day for the city,” the mayor told reporters.")
    assert quotes_of(body)[0][1] == "Sadiq Khan"


def test_title_is_resolved_from_the_offices_table_by_the_article_date():
    body = "The Prime Minister said: “We will rebuild the country.”"
    assert quotes_of(body, datetime.date(2024, 11, 20)) == [("We will rebuild the country.", "Keir Starmer")]
    assert quotes_of(body, datetime.date(2023, 3, 1)) == [("We will rebuild the country.", "Rishi Sunak")]
    assert quotes_of(body) == [("We will rebuild the country.", None)]


def test_an_untied_title_as_speaker_is_the_person_just_named():
    body = ("Shadow cabinet member Lucy Marsh spoke to colleagues on Monday.\n\n"
            "The shadow transport secretary argued that “the network is failing”.")
    assert quotes_of(body)[0][1] == "Lucy Marsh"
    body = "Mohammed bin Salman met Volodymyr Zelensky. The crown prince later posted: “Peace is possible.”"
    assert quotes_of(body) == [("Peace is possible.", "Mohammed bin Salman")]


@pytest.mark.parametrize("source", [
    "a government source told reporters",
    "a Downing Street spokesman said",
    "the Foreign Office said in a statement",
    "Hamas said",
    "officials said",
])
def test_unnamed_sources_and_organisations_leave_the_speaker_empty(source):
    body = f"Minister Tom Evans visited Leeds.\n\n“Nothing has been decided,” {source}."
    assert quotes_of(body) == [("Nothing has been decided", None)]


def test_relative_who_said_without_a_comma():
    body = "The first MP to object was the DUP’s Sammy Wilson who said: “Nobody will welcome this.”"
    assert quotes_of(body) == [("Nobody will welcome this.", "Sammy Wilson")]


def test_a_title_that_introduced_an_unnamed_person_stays_unnamed():
    body = ("Sir Keir Starmer met MPs. One MP who was there said he was “in listening mode”.\n\n"
            "“There was a consensus,” the MP said.")
    assert quotes_of(body) == [("in listening mode", None), ("There was a consensus", None)]


def test_a_title_inside_a_sentence_is_not_guessed_from_the_last_subject():
    body = ("Imran Hussain spoke first. Others, who had also lost the Labour whip, "
            "were kinder, but the Labour whip said “this is over”.")
    assert quotes_of(body) == [("this is over", None)]


def test_relative_clause_between_a_name_and_its_verb():
    body = ("H R McMaster, who served as national security adviser from 2017 to 2018, said: "
            "“It is impossible to understand.”")
    assert quotes_of(body) == [("It is impossible to understand.", "H R McMaster")]


def test_role_led_name_after_the_quote_and_quoted_as_saying():
    body = ("“You must respect those who fight,” French President Emmanuel Macron told reporters.\n\n"
            "“We are at a crossroads,” Keir Starmer was quoted as saying.")
    assert quotes_of(body) == [("You must respect those who fight", "Emmanuel Macron"),
                               ("We are at a crossroads", "Keir Starmer")]


def test_a_description_set_off_by_commas_between_the_name_and_its_verb():
    body = ("“We need a ceasefire in Gaza now,” Lewis Cavendish, a professor of international relations, "
            "said, “the fighting has to stop.”\n\n"
            "Moira Kershaw, the council leader, said: “The bins will be collected.”\n\n"
            "“We will fight on,” the union leader, Brian Oldroyd, told reporters.")
    assert quotes_of(body) == [("We need a ceasefire in Gaza now", "Lewis Cavendish"),
                               ("the fighting has to stop.", "Lewis Cavendish"),
                               ("The bins will be collected.", "Moira Kershaw"),
                               ("We will fight on", "Brian Oldroyd")]


def test_a_name_after_a_role_with_lower_case_words_speaks_not_the_last_woman_named():
    body = ("Layla Moran said the government was hiding behind process. "
            "Oxfam's head of policy, Katy Chakrabortty, said the charity had written to the Foreign Office. "
            "“We are asking for one thing: halt the exports,” she said.")
    assert quotes_of(body) == [("We are asking for one thing: halt the exports", "Katy Chakrabortty")]


def test_an_attribution_later_in_the_sentence_after_a_comma():
    body = ("Britain is prepared to put “boots on the ground and planes in the air” to support a "
            "peace deal, Keir Starmer has said.")
    assert quotes_of(body) == [("boots on the ground and planes in the air", "Keir Starmer")]


def test_a_lower_case_role_before_the_name_after_the_quote():
    body = "‘On Monday the bins will not be collected,’ council leader Moira Kershaw said. ‘We have no money,’ she said."
    assert quotes_of(body) == [("On Monday the bins will not be collected", "Moira Kershaw"),
                               ("We have no money", "Moira Kershaw")]


def test_a_name_glued_to_a_place_or_organisation_before_it():
    body = "During the meeting in the Oval Office Trump told Zelenskyy he was “gambling with World War III”."
    assert quotes_of(body) == [("gambling with World War III", "Trump")]


def test_a_coordinated_verb_takes_its_clauses_subject():
    body = ("Wes Streeting rebuked the senior aides behind the briefings and said they proved that "
            "“there are people around him who do not follow his style”.\n\n"
            "The Ukrainian president tried to object but Donald Trump spoke over him and told him: "
            "“You are gambling with millions of lives.”")
    assert [speaker for _, speaker in quotes_of(body)] == ["Wes Streeting", "Donald Trump"]


def test_a_title_after_a_fronted_phrase_is_the_person_just_named():
    body = ("Wes Streeting denied the claims.\n\n"
            "Speaking to the BBC on Wednesday, the Health Secretary said he “would never do that”.")
    assert quotes_of(body) == [("would never do that", "Wes Streeting")]


def test_an_age_used_as_a_title_refers_back():
    body = ("Keith Wyness dismissed the purchase.\n\n"
            "The 66-year-old, who now runs a consultancy, claimed it held “no real significance”.")
    assert quotes_of(body) == [("no real significance", "Keith Wyness")]


def test_a_source_close_to_a_named_person_is_not_that_person():
    body = "“He is furious,” a source close to the Prime Minister said."
    assert quotes_of(body, datetime.date(2024, 11, 20)) == [("He is furious", None)]


def test_the_speaker_is_the_subject_not_the_person_spoken_to():
    body = "Italian prime minister Giorgia Meloni told Olaf Scholz it was “vital that we act together”."
    assert quotes_of(body)[0][1] == "Giorgia Meloni"


def test_relative_clause_after_a_name_keeps_the_name_as_speaker():
    body = "The plan was criticised by Tory MSP Murdo Fraser, who said: “This is grandstanding.”"
    assert quotes_of(body) == [("This is grandstanding.", "Murdo Fraser")]


def test_participle_lead_in_takes_the_sentence_subject():
    body = "Kemi Badenoch said ministers must “act now”, adding: “We cannot wait for another report.”"
    assert quotes_of(body)[1] == ("We cannot wait for another report.", "Kemi Badenoch")


def test_pull_quote_heading_repeating_a_later_quote_is_dropped():
    body = ("‘We are out of time’\n\n"
            "Climate envoy Ana Ruiz said at the summit: “We are out of time, and everyone here knows it.”")
    assert quotes_of(body) == [("We are out of time, and everyone here knows it.", "Ana Ruiz")]


def test_dash_attribution_after_a_quote():
    assert quotes_of("“The plan is reckless” – Yvette Cooper") == [("The plan is reckless", "Yvette Cooper")]


def test_a_headline_quote_before_a_colon_is_the_named_persons():
    body = "‘We cannot stand by’: Sarwar repeats ceasefire call\n\nAnas Sarwar spoke in Glasgow."
    assert quotes_of(body)[0] == ("We cannot stand by", "Anas Sarwar")


def test_she_said_is_never_the_man_named_before():
    body = ("David Lammy told Reuters the government should go further.\n\n"
            "The Israeli envoy told Sky News that a ceasefire would help Hamas. “A ceasefire means Hamas wins,” "
            "she said.")
    assert quotes_of(body) == [("A ceasefire means Hamas wins", None)]


def test_he_or_she_is_never_the_author_writing_as_i():
    body = ("By Rosie Duffield\n\nI have been an MP for seven years. I spoke to colleagues. I listened.\n\n"
            "“We will not call for a ceasefire yet,” she said.")
    assert quotes_of(body) == [("We will not call for a ceasefire yet", None)]


# -- transcripts ------------------------------------------------------------------------

def test_a_parliamentary_reports_turns_are_their_speakers_quotes():
    body = ("Commons clashes over Gaza vote\n\n"
            "Keir Starmer (Holborn and St Pancras) (Lab): Will the Prime Minister now back a ceasefire?\n\n"
            "The Prime Minister (Rishi Sunak): We have been clear. He said “never” and meant it.\n\n"
            "Stephen Flynn (Aberdeen South) (SNP): The SNP will vote for one tonight.")
    assert quotes_of(body) == [
        ("Will the Prime Minister now back a ceasefire?", "Keir Starmer"),
        ("We have been clear. He said “never” and meant it.", "Rishi Sunak"),
        ("The SNP will vote for one tonight.", "Stephen Flynn")]


def test_a_list_of_who_said_what_gives_each_turn_without_its_marks():
    body = ("Here is what the leaders said.\n\nKeir Starmer: “We want a ceasefire that lasts.”\n\n"
            "Rishi Sunak: ‘It would only help Hamas.’")
    assert quotes_of(body) == [("We want a ceasefire that lasts.", "Keir Starmer"),
                               ("It would only help Hamas.", "Rishi Sunak")]


def test_a_markdown_interviews_bold_labels_are_turns(tmp_path):
    path = tmp_path / "interview.md"
    path.write_text("---\ntitle: Yvette Cooper on Gaza\n---\n\n**Yvette Cooper:** The killing has to stop.\n\n"
                    "**Laura Kuenssberg:** But do you back an immediate ceasefire?\n\n"
                    "**Yvette Cooper:** We back an immediate ceasefire, yes.\n", encoding="utf-8")
    [article] = load_file(str(path), load_rules()).articles
    analysis = analyze(article)
    assert [(q.text, q.speaker) for q in analysis.quotes] == [
        ("The killing has to stop.", "Yvette Cooper"), ("But do you back an immediate ceasefire?", "Laura Kuenssberg"),
        ("We back an immediate ceasefire, yes.", "Yvette Cooper")]
    assert [(s.person, s.stance) for s in analysis.stances] == [("Yvette Cooper", "support")]


def test_an_interviews_answers_are_the_interviewees_and_its_questions_are_not_quotes():
    body = ("Emily Thornberry, the shadow attorney general, spoke to us.\n\n"
            "Q: Do you support an immediate ceasefire?\n\n"
            "A: Yes. We have called for one for months.\n\n"
            "KEIR STARMER: We agree.")
    analysis = analyze(Article(id="t", path="t.txt", body=body + "\n\nKeir Starmer nodded."))
    assert [(q.text, q.speaker) for q in analysis.quotes] == [
        ("Yes. We have called for one for months.", "Emily Thornberry"), ("We agree.", "Keir Starmer")]


@pytest.mark.parametrize("heading", [
    "Analysis: Why the ceasefire vote matters.",
    "Middle East: What we know so far.",
    "Keir Starmer: the man who would be prime minister",
    "Q: Why does this matter?",
    "Kemi Badenoch: Who is the new Tory leader?",
])
def test_a_label_that_names_no_speaker_is_not_a_turn(heading):
    assert quotes_of(heading + "\n\nKeir Starmer spoke on Monday.") == []
    assert quotes_of("Keir Starmer spoke on Monday.\n\n" + heading) == []


# -- hostile text ----------------------------------------------------------------------

@pytest.mark.parametrize("body", [
    "[bold]Keir Starmer[/bold] said: “[/]” and [link=https://x]“click”[/link]",
    "Mr \x1b[31mRed\x1b[0m said “\x1b]52;c;aGk=\x07”",
    "“" * 500 + "”" * 499,
    "’" * 300 + "‘" * 300,
    "Mr", "said", "“", "Sir Keir", "the Prime Minister", "\n\n\n", "",
])
def test_markup_escapes_and_broken_marks_are_just_text(body):
    analysis = analyze(Article(id="t", path="t", body=body, date=datetime.date(2024, 11, 20)))
    for q in analysis.quotes:
        assert body[q.start:q.end] == q.text
    for person in analysis.people:
        assert all(0 <= a < b <= len(body) for a, b in person.spans)


_PIECES = list("“”\"‘’' abcMrSK.,:;()\n-–[]/") + [
    "said ", "Sir ", "he ", "she ", "Keir ", "Starmer", "Mr ", "the Prime Minister ", "ceasefire ",
    "Gaza ", "called for ", "not ", "but ", "according to ", "who ", ", adding: ", "urged ",
    "One MP ", "the MP said ", "By ", "Photograph: ", "/PA", "von der ", "al-", "’s ", "s’ ",
    "as well as ", "his party ", "arms sales ", "ban on ", "troops ", "Ukraine ", "Зеленський ",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=120).map("".join))
def test_any_text_analyses_and_every_offset_slices_to_its_text(body):
    analysis = analyze(Article(id="t", path="t", body=body, date=datetime.date(2024, 11, 20)))
    names = {p.name for p in analysis.people}
    for q in analysis.quotes:
        assert body[q.start:q.end] == q.text and q.text.strip()
        assert q.speaker is None or q.speaker in names
    for s in analysis.stances:
        assert body[s.start:s.end] == s.evidence and s.person in names
    for p in analysis.people:
        assert p.mentions == len(p.spans) and all(0 <= a < b <= len(body) for a, b in p.spans)


def test_a_five_megabyte_line_and_a_huge_word_complete():
    chunk = "the debate went on and on " * 8 + "Sir Keir said “we back a ceasefire in Gaza” and "
    line = chunk * (5_000_000 // len(chunk) + 1)
    word = "A" + "b" * 100_000 + " " + "C" + "d" * 100_000 + " said"
    assert len(analyze(Article(id="t", path="t", body=line)).quotes) == line.count("“")
    assert analyze(Article(id="t", path="t", body=word)).quotes == []

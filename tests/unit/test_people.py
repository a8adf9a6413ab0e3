"""People: names, honorifics, roles, aliases, what is not a person, and office holders,
on paragraphs written for each convention."""

from __future__ import annotations

import datetime

import pytest

from newsx.index.config import Config
from newsx.index.errors import ConfigError
from newsx.index.extract import analyze, load_offices
from newsx.index.model import Article, Person


def people_of(body: str, day: datetime.date | None = None) -> dict[str, Person]:
    analysis = analyze(Article(id="t", path="t.txt", body=body, date=day))
    return {p.name: p for p in analysis.people}


def test_a_given_name_makes_a_person_and_a_place_word_does_not():
    people = people_of("Greater Manchester mayor Andy Burnham visited Coventry South and Tel Aviv.")
    assert list(people) == ["Andy Burnham"]
    assert people["Andy Burnham"].role == "Greater Manchester mayor"


def test_given_names_of_british_politics_make_people_without_other_evidence():
    people = people_of("Aileen Campbell met Ruaridh Gray, Rhun Lewis, Wera Hobhouse and Cat Smith in Perth.")
    assert set(people) == {"Aileen Campbell", "Ruaridh Gray", "Rhun Lewis", "Wera Hobhouse", "Cat Smith"}


def test_one_entry_per_person_under_the_fullest_name_with_the_aliases_used():
    body = ("Sir Keir Starmer spoke first. Sir Keir said little. Later Mr Starmer left, "
            "and Starmer’s aides followed.")
    people = people_of(body)
    assert list(people) == ["Keir Starmer"]
    assert people["Keir Starmer"].aliases == ["Sir Keir Starmer", "Sir Keir", "Mr Starmer", "Starmer"]
    assert people["Keir Starmer"].mentions == 4


def test_mention_spans_are_offsets_of_the_names():
    body = "Dame Judi Kent arrived. Dame Judi waved, and Ms Kent’s car left."
    person = people_of(body)["Judi Kent"]
    assert [body[a:b] for a, b in person.spans] == ["Dame Judi Kent", "Dame Judi", "Ms Kent"]


def test_role_phrase_before_a_name_in_capitals_or_lower_case():
    people = people_of("London Mayor Sadiq Khan met shadow Scotland Office minister Michael Shanks.")
    assert people["Sadiq Khan"].role == "London Mayor"
    assert people["Michael Shanks"].role == "Shadow Scotland Office minister"


def test_appositive_role_after_a_name():
    people = people_of("Anas Sarwar, the Scottish Labour leader, spoke. "
                       "Ed Davey, leader of the Liberal Democrats, agreed.")
    assert people["Anas Sarwar"].role == "Scottish Labour leader"
    assert people["Ed Davey"].role == "Leader of the Liberal Democrats"


def test_a_role_naming_what_it_is_of_or_for_before_a_name():
    people = people_of("Chancellor of the Exchequer Rachel Reeves spoke after US Secretary of State "
                       "Antony Blinken. Minister for Women Bridget Phillipson and leader of Reform UK "
                       "Nigel Farage listened.")
    assert {name: p.role for name, p in people.items()} == {
        "Rachel Reeves": "Chancellor of the Exchequer", "Antony Blinken": "US Secretary of State",
        "Bridget Phillipson": "Minister for Women", "Nigel Farage": "Leader of Reform UK"}


def test_a_role_naming_where_it_is_set_off_before_an_unlisted_name():
    people = people_of("Israel's ambassador to Britain, Tzipi Hotovely, told Sky News that a ceasefire "
                       "would help Hamas. The BBC's correspondent in Jerusalem, Yolande Knell, reported. "
                       "Mhairi Black, the SNP's deputy leader at Westminster, agreed.")
    assert {name: p.role for name, p in people.items()} == {
        "Tzipi Hotovely": "Israel's ambassador to Britain", "Yolande Knell": "BBC's correspondent in Jerusalem",
        "Mhairi Black": "SNP's deputy leader at Westminster"}


def test_a_constituency_is_part_of_the_role_not_a_person():
    people = people_of("Jess Phillips is the Labour MP for Birmingham Yardley. Tulip Siddiq, the MP for "
                       "Hampstead and Highgate, said nothing.")
    assert {name: p.role for name, p in people.items()} == {
        "Jess Phillips": "Labour MP for Birmingham Yardley", "Tulip Siddiq": "MP for Hampstead and Highgate"}


def test_an_office_addressed_with_an_honorific_is_no_one_s_name():
    people = people_of("Mr Speaker called Sir Lindsay Hoyle's deputy. Madam President, said Lucy Frazer, "
                       "this cannot stand.")
    assert set(people) == {"Lindsay Hoyle", "Lucy Frazer"}


def test_an_abbreviated_title_is_a_role_written_out_not_part_of_the_name():
    people = people_of("Sen. Bernie Sanders, I-Vt., spoke first. Rep. Ritchie Torres replied, and Gov. "
                       "Gavin Newsom left. Sanders stayed.")
    assert {name: p.role for name, p in people.items()} == {
        "Bernie Sanders": "Senator", "Ritchie Torres": "Representative", "Gavin Newsom": "Governor"}
    assert people["Bernie Sanders"].mentions == 2


def test_role_before_a_comma_and_the_name():
    people = people_of("The US defence secretary, Pete Hegseth, arrived in Brussels.")
    assert people["Pete Hegseth"].role == "US defence secretary"


def test_a_role_with_lower_case_words_after_of_or_for_before_a_comma_and_the_name():
    people = people_of("Oxfam's head of policy, Katy Chakrabortty, said the charity had written. "
                       "A spokesman for the family, John Ashworth, thanked the police.")
    assert people["Katy Chakrabortty"].role == "Oxfam's head of policy"
    assert people["John Ashworth"].role == "Spokesman for the family"


@pytest.mark.parametrize("body", [
    "After meeting the foreign secretary, Jane Ashworth said little.",
    "In an interview with the Scottish Labour leader, Jane Ashworth said little.",
    "Speaking to the head of policy, Jane Ashworth said little.",
])
def test_a_role_before_a_comma_is_not_given_to_a_name_that_begins_the_clause_after_it(body):
    assert people_of(body)["Jane Ashworth"].role is None


def test_an_appositive_role_with_a_plural_possessive_and_lower_case_role_words():
    people = people_of("Layla Moran, the Liberal Democrats’ foreign affairs spokesperson, said so. "
                       "The Greens' home affairs spokesperson, Sian Berry, agreed.")
    assert people["Layla Moran"].role == "Liberal Democrats’ foreign affairs spokesperson"
    assert people["Sian Berry"].role == "Greens' home affairs spokesperson"


def test_a_role_opening_a_sentence_and_an_appositive_with_lower_case_words():
    people = people_of("Campaigner Owen Redpath said the plan was wrong. Lewis Cavendish, a professor of "
                       "international relations, agreed. Union leader Margaret Kerr said nothing.")
    assert {name: p.role for name, p in people.items()} == {
        "Owen Redpath": "Campaigner", "Lewis Cavendish": "Professor of international relations",
        "Margaret Kerr": "Union leader"}


@pytest.mark.parametrize("body", [
    "Talks were held in Downing Street and at the White House, then in the Oval Office.",
    "Hamas and Hezbollah rejected the offer, Labour said on Sunday.",
    "The Liberal Democrats, the Foreign Office and Sky News were told in May.",
    "Protesters gathered outside Charlotte Street station and the Albert Hall.",
    "SCOTTISH Labour's conference opened in Dundee on Thursday.",
])
def test_organisations_places_outlets_and_days_are_not_people(body):
    assert people_of(body) == {}


@pytest.mark.parametrize("subject", ["Officials", "Critics", "Residents", "Aides", "Sources", "Doctors"])
def test_a_group_at_a_sentence_start_is_not_a_person_and_its_quote_has_no_speaker(subject):
    body = (f"Nadia Okafor opened the bridge on Friday. {subject} told reporters: "
            "“The traffic will be far worse by spring.”")
    analysis = analyze(Article(id="t", path="t.txt", body=body))
    assert [p.name for p in analysis.people] == ["Nadia Okafor"]
    assert [(q.text, q.speaker) for q in analysis.quotes] == [
        ("The traffic will be far worse by spring.", None)]


def test_us_style_titles_and_states():
    people = people_of("United States President Donald Trump met Republican Representative Don Bacon "
                       "of Nebraska, who also condemned the meeting.")
    assert people["Donald Trump"].role == "United States President"
    assert set(people) == {"Donald Trump", "Don Bacon"}


def test_business_and_sport_roles_and_organisations():
    body = ("Arsenal majority owner Stan Kroenke rejected the offer from Alisher Usmanov, a Russian "
            "billionaire who owns 30 percent of the club, and from Ariel Investments. "
            "Everton’s ex-chief executive, Keith Wyness, said the 66-year-old owner of Leeds United was wrong.")
    people = people_of(body)
    assert set(people) == {"Stan Kroenke", "Alisher Usmanov", "Keith Wyness"}
    assert people["Stan Kroenke"].role == "Arsenal majority owner"
    assert people["Alisher Usmanov"].role == "Russian billionaire"
    assert people["Keith Wyness"].role == "Everton’s ex-chief executive"


def test_month_names_that_are_surnames_follow_a_given_name():
    assert list(people_of("Theresa May resigned in May.")) == ["Theresa May"]


def test_bylines_and_photo_credits_are_not_people():
    body = ("By Tom Harris, Political Correspondent\n\n"
            "Chancellor Rachel Reeves arrived. Photograph: Stefan Rousseau/PA\n\n"
            "The minister (Jane Doe/Getty Images) waved. Additional reporting by Sam Cole.")
    assert list(people_of(body)) == ["Rachel Reeves"]


def test_a_byline_naming_the_reporters_job_is_not_a_mention():
    body = "Kate Whannel, political reporter\n\nWes Streeting said he was not plotting."
    assert list(people_of(body)) == ["Wes Streeting"]


def test_a_title_with_a_possessive_is_not_a_name():
    body = "The Prime Minister’s allies briefed against Wes Streeting."
    assert list(people_of(body)) == ["Wes Streeting"]


def test_a_presenter_named_in_a_programme_title_is_not_a_mention():
    body = "Rachel Reeves told the BBC’s Sunday with Laura Kuenssberg that taxes would rise."
    assert list(people_of(body)) == ["Rachel Reeves"]


def test_one_letter_spelling_slip_merges_with_the_usual_spelling():
    people = people_of("Volodymyr Zelenskyy flew in. Later Volodymyr Zelenskky spoke, and Mr Zelenskyy left.")
    assert list(people) == ["Volodymyr Zelenskyy"]
    assert "Volodymyr Zelenskky" in people["Volodymyr Zelenskyy"].aliases


def test_evidence_from_speech_lists_and_possessions():
    body = ("Afrasiab Anwar, who has been a councillor for 10 years, said he would leave. "
            "The motion was backed by Richard Burgon and Zarah Sultana. Netanyahu’s government did not reply.")
    assert set(people_of(body)) == {"Afrasiab Anwar", "Richard Burgon", "Zarah Sultana", "Netanyahu"}


def test_a_sentence_opening_word_is_not_part_of_a_name():
    body = "Despite Keir Starmer’s plan, Asked Yvette Cooper nothing. Instead Rachel Reeves spoke."
    assert set(people_of(body)) == {"Keir Starmer", "Yvette Cooper", "Rachel Reeves"}


def test_name_particles_and_initials():
    people = people_of("EU Commission president Ursula von der Leyen met George W. Bush.")
    assert set(people) == {"Ursula von der Leyen", "George W. Bush"}


def test_a_hyphenated_particle_surname_answers_to_the_bare_surname():
    people = people_of("Saudi Foreign Minister Adel al-Jubeir spoke. Jubeir told reporters he was hopeful.")
    assert list(people) == ["Adel al-Jubeir"] and people["Adel al-Jubeir"].aliases == ["Jubeir"]


def test_title_used_alone_joins_the_person_the_article_gives_it_to():
    body = "Conservative leader Kemi Badenoch spoke. The Conservative leader was angry."
    person = people_of(body)["Kemi Badenoch"]
    assert person.mentions == 2 and "Conservative leader" in person.aliases


def test_title_with_no_name_in_the_article_resolves_by_date_or_not_at_all():
    body = "The Prime Minister visited the flooded towns."
    assert list(people_of(body, datetime.date(2020, 2, 1))) == ["Boris Johnson"]
    assert people_of(body) == {}


def test_without_a_date_the_holder_must_be_named_in_the_article():
    body = "Rishi Sunak and Keir Starmer debated. The Labour leader attacked the Prime Minister."
    people = people_of(body)
    assert "Labour leader" in people["Keir Starmer"].aliases
    assert "Prime Minister" not in people["Keir Starmer"].aliases


def test_offices_from_the_config_extend_and_replace_the_bundled_table(tmp_path):
    path = tmp_path / "config.yaml"
    path.write_text(
        "offices:\n"
        "  - office: Mayor of Springfield\n"
        "    titles: [springfield mayor]\n"
        "    holders:\n"
        "      - {name: Joe Quimby, from: 1990-01-01}\n"
        "  - office: Prime Minister of the United Kingdom\n"
        "    titles: [prime minister]\n"
        "    holders:\n"
        "      - {name: Ada Example, from: 2000-01-01}\n", encoding="utf-8")
    config = Config(path=path, offices=[
        {"office": "Mayor of Springfield", "titles": ["springfield mayor"],
         "holders": [{"name": "Joe Quimby", "from": datetime.date(1990, 1, 1)}]},
        {"office": "Prime Minister of the United Kingdom", "titles": ["prime minister"],
         "holders": [{"name": "Ada Example", "from": datetime.date(2000, 1, 1)}]},
    ])
    offices = load_offices(config)
    analysis = analyze(Article(id="t", path="t", date=datetime.date(2024, 1, 1),
                               body="The Springfield mayor met the Prime Minister."), offices=offices)
    assert {p.name for p in analysis.people} == {"Joe Quimby", "Ada Example"}


def test_a_bad_office_entry_names_the_config_file_and_line(tmp_path):
    path = tmp_path / "config.yaml"
    path.write_text("theme: x\noffices:\n  - office: Mayor\n    titles: [mayor]\n    holders: nobody\n",
                    encoding="utf-8")
    config = Config(path=path, offices=[{"office": "Mayor", "titles": ["mayor"], "holders": "nobody"}])
    with pytest.raises(ConfigError, match=rf"{path}:3: office 'Mayor': `holders` must be a list"):
        load_offices(config)


def test_the_bundled_offices_table_is_valid_and_dated():
    offices = {o.office: o for o in load_offices()}
    prime = offices["Prime Minister of the United Kingdom"]
    assert "prime minister" in prime.titles
    assert all(h.end is None or h.start < h.end for o in offices.values() for h in o.holders)

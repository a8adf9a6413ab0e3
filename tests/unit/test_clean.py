"""Cleaning at ingest: control characters, normal form, paragraphs, crawl boilerplate."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsx.index.clean import (
    BoilerplateRule,
    clean_article,
    load_rules,
    sanitize,
    sanitize_line,
    strip_boilerplate,
    tidy,
)
from newsx.index.corpus import load_file
from newsx.index.errors import ConfigError
from newsx.index.model import Article

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

VIDEO = "Please use Chrome browser for a more accessible video player"
REMOVED = {
    "000_87104e4b8d432d6b.txt": [],
    "001_6957523742b985da.txt": [
        "The National:",
        "READ MORE: Israel launches overnight strikes on Gaza amid fears of wider regional war",
        "READ MORE: International Muslim group distances itself from Scottish Labour MP",
        "The National: Israeli Prime Minister Benjamin Netanyahu (Ohad Zwigenberg/AP)",
    ],
    "002_9294787340d87288.txt": [
        VIDEO, "2:36", "Israeli airstrikes on Gaza’s south",
        VIDEO, "1:31", "‘Is ceasefire issue tearing Labour apart?’",
        VIDEO, "1:42", "When Starmer met Zelenskyy: What happened?",
        VIDEO, "3:40", "Ukrainians react to Trump row",
        "Image: Sir Keir Starmer greets Italian prime minister Giorgia Meloni in Downing Street. Pic: Reuters",
        "X",
        "This content is provided by X, which may be using cookies and other technologies.",
        "To show you this content, we need your permission to use cookies.",
        "You can use the buttons below to amend your preferences to enable X cookies or to allow those cookies just once.",
        "You can change your settings at any time via the Privacy Options.",
        "Unfortunately we have been unable to verify if you have consented to X cookies.",
        "To view this content you can use the button below to allow X cookies for this session only.",
        VIDEO, "0:28", "Zelenskyy’s plane lands in UK",
        VIDEO, "10:47", "Watch Trump and Zelenskyy clash",
        "Image: Mr Zelenskyy and Mr Trump clash. Pics: Reuters",
    ],
    "003_db37e839a3b2f4ed.txt": [
        "For free real time breaking news alerts sent straight to your inbox sign up to our breaking "
        "news emails Sign up to our free breaking news emails Please enter a valid email address Please "
        "enter a valid email address SIGN UP I would like to be emailed about offers, events and updates "
        "from The Independent. Read our privacy notice Thanks for signing up to the",
    ],
}


@pytest.fixture(scope="module")
def rules() -> list[BoilerplateRule]:
    return load_rules()


@pytest.mark.parametrize("name", sorted(REMOVED))
def test_seed_boilerplate_is_exactly_the_crawl_furniture(name: str, rules) -> None:
    [article] = load_file(SEEDS / name, rules).articles
    assert article.removed == REMOVED[name]


@pytest.mark.parametrize("name", sorted(REMOVED))
def test_every_seed_paragraph_but_the_furniture_is_kept_word_for_word(name: str, rules) -> None:
    [article] = load_file(SEEDS / name, rules).articles
    text = (SEEDS / name).read_text(encoding="utf-8")
    lines = [" ".join(line.split()) for line in text.split("\n") if line.strip()]  # no-break spaces fold
    if name.startswith("003"):
        lines[0] = lines[0].removeprefix("date 2023-10-27 ")
    expected = [line for line in lines if line not in REMOVED[name]]
    assert article.body.split("\n\n") == expected


@pytest.mark.parametrize("paragraph", [
    "Starmer replied: “No. But it is a really serious point.",
    "Starmer replied:”“I don’t agree with a complete ban on arms sales.",
    "‘You’re gambling with World War Three’",
    "“We need the violence to end right now.”",
    "“Nobody wants to see that,” he told the BBC’s Sunday with Laura Kuenssberg.",
    "“Clearly, you know, there’s a lot of tension,” he said. “The cameras were on.”",
])
def test_quotes_and_subheads_of_the_seeds_stay(paragraph: str, rules) -> None:
    bodies = [load_file(path, rules).articles[0].body for path in sorted(SEEDS.glob("*.txt"))]
    assert any(paragraph in body.split("\n\n") for body in bodies)


@pytest.mark.parametrize("sentence", [
    "The regulator said websites must get consent before setting cookies on a visitor's device.",
    "Voters can sign up for the postal vote newsletter at the town hall, the council said.",
    "The party has a problem with its image: too soft, said one MP.",
    "He said the privacy policy of the app had changed twice this year.",
    "The match kicked off at 7:45 and ended in a draw after extra time had been played.",
])
def test_article_sentences_about_cookies_or_sign_ups_stay(sentence: str, rules) -> None:
    body, removed = strip_boilerplate(sentence, rules)
    assert (body, removed) == (sentence, [])


def test_a_live_blogs_time_takes_no_sentence_with_it(rules) -> None:
    entry = "Rishi Sunak has confirmed the general election will be held on 4 July."
    body, removed = strip_boilerplate(f"14:02\n{entry}\n13:45\nStarmer: ‘Britain needs change’", rules)
    assert body.split("\n\n") == [entry]
    assert removed == ["14:02", "13:45", "Starmer: ‘Britain needs change’"]


def test_a_feed_items_link_to_the_whole_story_goes(rules) -> None:
    standfirst = "Prime minister says he is “ready and willing” to put British troops on the ground."
    body, removed = strip_boilerplate(f"{standfirst}\nContinue reading...", rules)
    assert (body, removed) == (standfirst, ["Continue reading..."])
    kept = "He said he would continue reading the report before deciding."
    assert strip_boilerplate(kept, rules) == (kept, [])


def test_a_duration_takes_only_a_title_sized_line_with_it(rules) -> None:
    long_paragraph = "The minister said the talks had gone on for far longer than planned, " * 2
    body, removed = strip_boilerplate(f"{VIDEO}\n2:36\n{long_paragraph}", rules)
    assert removed == [VIDEO, "2:36"]
    assert body == long_paragraph.strip()


@pytest.mark.parametrize("hostile, shown", [
    ("Clear\x1b[2Jscreen", "Clearscreen"),
    ("Copy\x1b]52;c;ZXZpbA==\x07this", "Copythis"),
    ("Title\x1b]0;pwned\x1b\\ here", "Title here"),
    ("C1\x9b31mred", "C1red"),
    ("bidi \u202etxt.exe", "bidi txt.exe"),
    ("isolate \u2066x\u2069", "isolate x"),
    ("bell\x07 null\x00 del\x7f", "bell null del"),
    ("reset\x1bc done", "reset done"),
])
def test_escape_sequences_and_controls_are_removed(hostile: str, shown: str, rules) -> None:
    article = Article(id="x", path="x.txt", title=hostile, author=hostile, body=f"Body: {hostile}.")
    cleaned = clean_article(article, rules)
    assert cleaned.title == shown
    assert cleaned.author == shown
    assert cleaned.body == f"Body: {shown}."


def test_sanitize_keeps_newlines_and_tabs_and_composes_accents() -> None:
    assert sanitize("Cafe\u0301\r\nline\ttab\rold mac\u2028sep") == "Café\nline\ttab\nold mac\nsep"
    assert sanitize_line("  A\n\ttitle  \u00a0here ") == "A title here"


def test_a_line_or_paragraph_separator_alone_still_breaks_the_line() -> None:
    assert sanitize("One\u2028two\u2029three") == "One\ntwo\nthree"


def test_tidy_puts_each_line_in_its_own_paragraph() -> None:
    assert tidy("  One   line.\nTwo\t\tline.\n\n\n\nThree.  \n") == "One line.\n\nTwo line.\n\nThree."


@pytest.mark.parametrize("space", ["\t", "\u00a0", "  ", " \t\u00a0 "])
def test_tidy_folds_any_run_of_inline_space_to_one(space: str) -> None:
    assert tidy(f"One{space}two three.") == "One two three."


def test_custom_rules_from_config(rules) -> None:
    custom = load_rules(["^Advertisement$", {"pattern": "^Sponsored$", "then": 1}])
    body, removed = strip_boilerplate("Advertisement\nText.\nSponsored\nBuy now\nMore text.", custom)
    assert removed == ["Advertisement", "Sponsored", "Buy now"]
    assert body == "Text.\n\nMore text."


@pytest.mark.parametrize("entries, message", [
    (["(unclosed"], "boilerplate rule 1: invalid pattern"),
    (["^ok$", {"then": 1}], "boilerplate rule 2: expected a pattern string"),
    ([{"pattern": "x", "then": "many"}], "boilerplate rule 1: `then` must be a whole number"),
])
def test_bad_rules_are_one_line_config_errors(entries, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        load_rules(entries)


@given(st.text(alphabet=st.characters(codec=None, max_codepoint=0x2070) | st.sampled_from("\x1b[]\x07\x9b;\n")))
def test_no_control_character_survives_sanitize_and_tidy_is_stable(text: str) -> None:
    shown = sanitize(text)
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", shown)
    assert tidy(tidy(shown)) == tidy(shown)


def test_an_ascii_character_ignoring_case_matches_no_other_character_but_the_case_traps() -> None:
    # The premise of the boilerplate rules' look-ahead (clean._rules_for): lower-casing a
    # text finds what an ignore-case rule needs in it unless it holds one of these.
    ascii_ignoring_case = re.compile("(?i)[\x00-\x7f]")
    others = {chr(c) for c in range(0x80, 0x110000) if ascii_ignoring_case.fullmatch(chr(c))}
    assert others == {"\u0130", "\u0131", "\u017f", "\u212a"}  # İ ı ſ K(elvin)


def _searching_every_line(body: str, rules: list[BoilerplateRule]) -> list[str]:
    """The lines a rule matches, each rule tried on each line (the rules here have no `then`)."""
    lines = [line.strip() for line in body.split("\n")]
    return [line for line in lines if line and any(rule.pattern.search(line) for rule in rules)]


ODD_RULES = [
    "(?i)advertisement", "^Sponsored$", r"(?x) sign \s up \s to", "(?i)straße", "(?i)KELVIN scale",
    "(?i)(?-i:Abc)def", "(?i:mixed) Case", "(?s)a.b", r"\bplain\b|other", r"(?i)\(ap\)$", "(?i)ſtop",
]
FRAGMENTS = [
    "we need your", "consent", "permission", "to use cookies", "Sign up", "signing up", "to", "for", "our",
    "newsletters", "sent straight to your inbox", "unable to verify if you have consented", "allow all",
    "cookies for this session", "manage your", "cookie", "settings", "Photo:", "Pics: Jo Bloggs", "(Jo/AP)",
    "2:36", "Related:", "Read more:", "Twitter", "The National:", "Please use Chrome browser for a more",
    "accessible video player", "advertisement", "Sponsored", "straße", "STRASSE", "kelvin scale", "abcdef",
    "ABCdef", "mixed case", "a", "b", "plain", "other", "stop", "the minister said", "“quote”", "—",
    "to u\u017fe cookies", "coo\u212aies for this session", "\u017fent straight to your inbox", "\u017ftop",
    "\u0130", "\u0131", "\u017f", "\u212a", "\u03a3", "\n", "\n", ":", "(", ")",
]


@given(st.lists(st.tuples(st.sampled_from(FRAGMENTS), st.sampled_from([str, str.upper, str.lower, str.title])), max_size=40))
def test_boilerplate_lines_are_found_as_if_every_rule_were_tried_on_every_line(parts) -> None:
    rules = [BoilerplateRule(rule.pattern) for rule in load_rules()] + load_rules(ODD_RULES)
    body = " ".join(case(fragment) for fragment, case in parts)
    assert strip_boilerplate(body, rules)[1] == _searching_every_line(body, rules)


@pytest.mark.parametrize("line", [
    "We need your consent to u\u017fe cookies",  # a long s matches s ignoring case
    "Unable to verify if you have consented \u0130stanbul",
    "Allow all coo\u212aies for this session",  # a Kelvin sign matches k ignoring case
])
def test_boilerplate_ignoring_case_is_removed_whatever_letters_spell_it(line: str, rules) -> None:
    assert strip_boilerplate(f"Text.\n{line}", rules) == ("Text.", [line])

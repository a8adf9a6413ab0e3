"""What search as you type sends while a word is still being typed."""

from __future__ import annotations

import pytest
from index_helpers import copy_seeds

from newsx.index.completion import as_you_type
from newsx.index.config import Config
from newsx.index.store import Store


@pytest.mark.parametrize(("typed", "sent"), [
    ("gove", "(gove OR gove*)"),
    ("ceasefire sar", "ceasefire (sar OR sar*)"),
    ("ceasefire sa", "ceasefire "),  # too short to narrow anything yet
    ("g", ""),
    ("ceasefire ", "ceasefire "),  # the word is finished
    ('"prime min', '"prime min'),  # inside a phrase
    ("date:[2024 to", "date:[2024 to"),  # inside a range
    ("title:gaz", "title:(gaz OR gaz*)"),  # a field of words
    ("gaza person:kersh", "gaza person:(kersh OR kersh*)"),  # of names
    ("gaza person:ke", "gaza "),
    ("gaza person:", "gaza "),
    ("date:2024", "date:2024"),  # a date, a topic or a stance is typed whole
    ("topic:cease", "topic:cease"),
    ("stance:ceasefire:supp", "stance:ceasefire:supp"),
    ("gaza AND", "gaza AND"),
    ("gaz*", "gaz*"),
    ("starmr~", "starmr~"),
    ("x-ra", "x-ra"),
    ("", ""),
])
def test_the_last_word_also_stands_for_the_words_it_begins(typed, sent):
    assert as_you_type(typed) == sent


@pytest.fixture(scope="module")
def seeds(tmp_path_factory):
    root = tmp_path_factory.mktemp("typing")
    with Store.open(root / "index", Config(path=root / "config.yaml"), build_seeds=False) as store:
        store.update([copy_seeds(root / "news")])
        yield store


def test_every_letter_of_a_word_finds_what_the_word_finds(seeds):
    """Typing "government" letter by letter never empties the list: the stemmed index
    holds "govern", which "governm" has run past."""
    whole = {hit.id for hit in seeds.search("government").hits}
    assert whole
    for end in range(3, len("government") + 1):
        typed = as_you_type("government"[:end])
        assert whole <= {hit.id for hit in seeds.search(typed).hits}, typed


def test_a_persons_name_typed_letter_by_letter_narrows_to_them_or_waits(seeds):
    """Never the articles of the other words alone presented as theirs, nor none at all."""
    theirs = {hit.id for hit in seeds.search("ceasefire person:sarwar").hits}
    every = {hit.id for hit in seeds.search("ceasefire").hits}
    assert theirs and theirs < every
    for end in range(len("ceasefire person:"), len("ceasefire person:sarwar") + 1):
        typed = as_you_type("ceasefire person:sarwar"[:end])
        found = {hit.id for hit in seeds.search(typed).hits}
        assert found == (theirs if end >= len("ceasefire person:sar") else every), typed


def test_a_wildcard_keeps_to_its_most_frequent_words_within_the_budget(seeds, monkeypatch):
    import newsx.index.search as search

    monkeypatch.setattr(search, "MIN_EXPANSION_BUDGET", 0)
    seeds.view.article_facets.expansions.clear()
    q = seeds._articles_compiler.compile("s*", seeds.view.article_facets)
    body_words = {leaf.text for leaf in q.leaves() if getattr(leaf, "fieldname", None) == "body"}
    assert body_words == {"said"}  # in all four articles: nothing else fits


def test_a_finished_word_is_not_searched_twice(seeds):
    """"(government OR government*)": the completions hold the word's own stem."""
    q = seeds._articles_compiler.compile(as_you_type("government"), seeds.view.article_facets)
    terms = [(leaf.fieldname, leaf.text) for leaf in q.leaves()]
    assert ("body", "govern") in terms and len(terms) == len(set(terms))

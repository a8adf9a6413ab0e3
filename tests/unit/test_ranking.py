"""Block-at-a-time scoring gives the totals and the order Whoosh's own matchers give."""

from __future__ import annotations

from datetime import date

import pytest
from index_helpers import copy_seeds, generate_corpus, write_article

from newsx.index.config import Config
from newsx.index.model import Filters
from newsx.index.store import Store, _View

QUERIES = [
    "ceasefire", "Starmer", "said", "ceasefire Starmer", "ceasefire OR Sarwar", "ceasefire NOT Sarwar",
    '"prime minister"', '"first minister" Sarwar', '"ceasefire must hold"', "title:gaza", "outlet:bbc",
    "person:starmer", "stance:ceasefire:support", "gaz*", "(gove OR gove*)", "date:[2023-10-01 to 2024-06-30]",
    "said date:2024", "starmr~", "leader date:>2024-06-01", "",
]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    """Seeds and 120 generated articles, written in three runs and one changed file, so
    the index has several segments and deleted documents."""
    root = tmp_path_factory.mktemp("ranking")
    news = copy_seeds(root / "news")
    config = Config(path=root / "config.yaml")
    with Store.open(root / "index", config, build_seeds=False) as opened:
        opened.update([news])
        for part in range(3):
            opened.update([generate_corpus(root / f"more{part}", 40)])
        write_article(news, "changed.json", "Sarwar said a ceasefire is needed.", day=date(2024, 5, 1))
        opened.update([news])
        write_article(news, "changed.json", "Sarwar said the ceasefire must hold.", day=date(2024, 5, 2))
        opened.update([news])
        yield opened


def whoosh_only(monkeypatch) -> None:
    """Make the store collect every query with Whoosh's matchers."""
    monkeypatch.setattr(_View, "collect", lambda self, searcher, q, limit, by_date, docs, record=None:
                        self._whoosh_collect(searcher, q, limit, by_date, docs))


def test_the_index_has_segments_and_deletions(store):
    reader = store.view.articles.reader()
    assert len(reader.leaf_readers()) > 1 and reader.has_deletions()


@pytest.mark.parametrize("sort", ["relevance", "date"])
def test_every_query_finds_the_same_articles_in_the_same_order(store, monkeypatch, sort):
    fast = {text: store.search(text, sort=sort, limit=200) for text in QUERIES}
    whoosh_only(monkeypatch)
    for text, result in fast.items():
        expected = store.search(text, sort=sort, limit=200)
        assert result.total == expected.total, text
        assert [hit.id for hit in result.hits] == [hit.id for hit in expected.hits], text
        assert [hit.highlights for hit in result.hits] == [hit.highlights for hit in expected.hits], text


def test_facet_filters_and_pages_agree_too(store, monkeypatch):
    narrowed = Filters(person="Anas Sarwar")
    fast = [store.search("said", filters=narrowed, limit=5, offset=offset) for offset in (0, 5)]
    whoosh_only(monkeypatch)
    for offset, result in zip((0, 5), fast):
        expected = store.search("said", filters=narrowed, limit=5, offset=offset)
        assert (result.total, [h.id for h in result.hits]) == (expected.total, [h.id for h in expected.hits])


def test_a_phrase_needs_its_words_next_to_each_other(store):
    news_ids = {hit.id for hit in store.search('"ceasefire must"').hits}
    assert news_ids == {hit.id for hit in store.search('"ceasefire must hold"').hits}
    assert store.search('"must ceasefire"').total == 0


def test_quotes_agree_with_whoosh(store, monkeypatch):
    fast = store.quotes("ceasefire", speaker="Anas Sarwar")
    whoosh_only(monkeypatch)
    assert [q.id for q in fast] == [q.id for q in store.quotes("ceasefire", speaker="Anas Sarwar")]
    assert fast


def test_the_queries_above_are_all_scored_a_block_at_a_time(store):
    """Else the comparisons above would compare Whoosh with itself."""
    view = store.view
    ranker = view._ranker(view.articles)
    for text in QUERIES:
        q = store._articles_compiler.compile(text, view.article_facets)
        assert ranker.scores(q) is not None, text

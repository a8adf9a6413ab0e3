"""A search split with the helper process finds what one process finds, in the same
order with the same scores and highlights, and survives the helper's death."""

from __future__ import annotations

import multiprocessing
import time
from datetime import date

import pytest
from index_helpers import copy_seeds, generate_corpus, write_article

from newsx.index import halves
from newsx.index.config import Config
from newsx.index.model import Filters
from newsx.index.store import Store

QUERIES = ["said", "ceasefire Starmer", "ceasefire OR Sarwar", "said NOT Sarwar", '"prime minister"',
           "gaz*", "said date:2024", ""]


@pytest.fixture()
def store(tmp_path, monkeypatch):
    """Seeds and 90 generated articles in four runs and a changed file: several segments
    and deleted documents; every search large enough to split."""
    monkeypatch.setattr(halves, "SPLIT_POSTINGS", 0)
    news = copy_seeds(tmp_path / "news")
    with Store.open(tmp_path / "index", Config(path=tmp_path / "config.yaml"), build_seeds=False) as opened:
        opened.update([news])
        for part in range(3):
            opened.update([generate_corpus(tmp_path / f"more{part}", 30)])
        write_article(news, "changed.json", "Sarwar said the ceasefire must hold.", day=date(2024, 5, 2))
        opened.update([news])
        yield opened


@pytest.fixture()
def answered(monkeypatch) -> list:
    """The helper's answers, as they come."""
    seen = []
    answer = halves.Halves.answer

    def recording(self):
        seen.append(answer(self))
        return seen[-1]

    monkeypatch.setattr(halves.Halves, "answer", recording)
    return seen


def helpers() -> list:
    return [child for child in multiprocessing.active_children() if child.name == "newsx-halves"]


def split_ready(store: Store) -> None:
    """Search until the helper, started by the first search, answers."""
    deadline = time.monotonic() + 60
    while not store._halves._started():
        assert time.monotonic() < deadline, "the helper did not start"
        store.search("said")
        time.sleep(0.05)


def answers(store: Store, **options) -> dict:
    return {text: _seen(store.search(text, **options)) for text in QUERIES}


def _seen(result) -> tuple:
    return result.total, [(hit.id, hit.score, hit.highlights, hit.snippet_highlights) for hit in result.hits]


@pytest.mark.parametrize("options", [{}, {"sort": "date"}, {"limit": 3, "offset": 2},
                                     {"filters": Filters(person="Anas Sarwar")}])
def test_a_split_search_finds_what_one_process_finds(store, monkeypatch, answered, options):
    split_ready(store)
    assert len(store.view._articles.leaves) > 2
    answered.clear()
    split = answers(store, **options)
    assert len(answered) == len(QUERIES) and None not in answered
    monkeypatch.setattr(halves, "SPLIT_POSTINGS", 10**12)
    assert split == answers(store, **options)


def test_searches_go_on_when_the_helper_dies(store, monkeypatch):
    split_ready(store)
    expected = answers(store)
    for child in helpers():
        child.kill()
        child.join()
    assert answers(store) == expected
    assert not helpers()  # and it is not started again


def test_a_new_commit_is_split_too(store, tmp_path, answered):
    split_ready(store)
    before = store.search("ceasefire").total
    write_article(tmp_path / "news", "later.json", "A later ceasefire report.", day=date(2024, 6, 1))
    store.update([tmp_path / "news"])
    answered.clear()
    assert store.search("ceasefire").total == before + 1
    assert len(answered) == 1 and answered[0] is not None


def test_closing_the_store_stops_the_helper(store):
    split_ready(store)
    assert helpers()
    store.close()
    assert not helpers()

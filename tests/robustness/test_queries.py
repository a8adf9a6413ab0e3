"""Queries people type or paste: right-to-left words find what they name, and whatever
cannot be read is one clean line from every command that takes a query.
(Unbalanced quotes and brackets, a lone `*` and unknown fields are in tests/unit/test_query_search.py;
the app keeping its results is in test_app_hostile.py; arbitrary queries in test_fuzz.py.)"""

from __future__ import annotations

import pytest
from hostile_corpus import ARABIC_NAME, HEBREW_NAME, TERMINAL_BYTES
from runner import newsx

from newsx.index.config import Config
from newsx.index.store import Store


@pytest.fixture(scope="module")
def store(hostile_run, tmp_path_factory):
    with Store.open(hostile_run.index_dir, Config(path=tmp_path_factory.mktemp("cfg") / "c.yaml"),
                    build_seeds=False) as opened:
        yield opened


@pytest.mark.parametrize("name", [ARABIC_NAME, HEBREW_NAME, ARABIC_NAME.split()[1], "נתניהו"])
def test_right_to_left_words_find_their_article_with_exact_highlights(store, name):
    result = store.search(name)
    assert result.total == 1
    [hit] = result.hits
    body = store.article(hit.id).article.body
    marked = [body[a:b] for a, b in hit.highlights]
    assert marked and all(word in name.split() or word.lower() == name.lower() for word in marked)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["search", "x" * 10_000], "query too long (10000 characters; at most 1000)"),
        (["search", "titel:gaza"], "unknown field titel:"),
        (["search", "date:\x1b[2Jsoon"], "not a date"),
        (["quotes", "kind:nonsense date:never"], "not a date"),
        (["people", "speaker:x date:[2025 to 2024]"], "ends before it starts"),
    ],
)
def test_a_query_that_cannot_be_read_is_one_clean_line_and_status_2(hostile_run, args, message):
    run = newsx(*args, env=hostile_run.env)
    assert (run.code, run.out) == (2, "")
    [line] = run.err.splitlines()
    assert line.startswith("newsx: ") and message in line and "Traceback" not in line
    assert not any(byte in line for byte in TERMINAL_BYTES)


@pytest.mark.parametrize(
    ("command", "query"),
    [("search", '"unbalanced'), ("search", "(gaza OR"), ("search", "أيمن*"), ("search", "person:\u202eevil"),
     ("quotes", "speaker:nobody"), ("people", "*"),
     # word ranges, one pasted with a terminal escape (found by test_fuzz.py)
     ("search", "\x1b[2JTO]"), ("search", "[a TO c]"), ("quotes", "speaker:[a TO m]"), ("people", "title:[a TO m]")],
)
def test_odd_queries_from_the_command_line_give_a_result(hostile_run, command, query):
    run = newsx(command, query, env=hostile_run.env)
    assert run.code == 0, run.err
    # at most a line for a name no article holds ("no person:evil in the index"), its
    # bidi and escape characters taken out
    assert all(line.startswith("newsx: no ") and line.endswith(" in the index") for line in run.err.splitlines())
    assert not any(byte in run.err for byte in TERMINAL_BYTES)

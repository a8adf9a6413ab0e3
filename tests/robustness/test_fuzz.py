"""Property tests (hypothesis) of the quote state machine, the readers and the query layer.

Bounded by the profile in conftest.py: "ci" by default, HYPOTHESIS_PROFILE=long for a
local hunt (about a hundred times the examples).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hostile_corpus import TERMINAL_BYTES
from hypothesis import given
from hypothesis import strategies as st

from newsx.index.clean import load_rules
from newsx.index.config import Config
from newsx.index.corpus import load_file, read_file
from newsx.index.errors import QueryError
from newsx.index.extract import analyze
from newsx.index.extract.quotes import find_quotes
from newsx.index.extract.text import split
from newsx.index.model import Article
from newsx.index.store import Store

QUOTE_MARKS = "“”\"‘’'"

# Text made mostly of what the state machine reads: marks on every side of words,
# apostrophes, paragraph breaks, punctuation, digits (inch marks, ’90s), other scripts.
quote_text = st.lists(
    st.sampled_from([*QUOTE_MARKS, " ", "\n", "\n\n", ",", ".", ":", "—", "(", ")", "s", "a", "9", "O",
                     "don’t", "Hamas’ ", "’90s", "12\"", "he said", "Starmer", "אמר", "قال", "\t"])
    | st.text(max_size=3),
    max_size=80,
).map("".join)


@given(quote_text)
def test_quote_spans_are_ordered_disjoint_inside_their_paragraph_and_marked(text):
    doc = split(text)
    previous_end = -1
    for span in find_quotes(text, doc.paragraphs):
        begin, finish = doc.paragraphs[span.paragraph]
        assert begin <= span.open_at < span.start < span.end <= finish <= len(text)
        assert text[span.open_at] in QUOTE_MARKS
        if span.close_at is not None:
            assert span.end <= span.close_at < finish and text[span.close_at] in QUOTE_MARKS
        assert span.start >= previous_end  # no quote overlaps or nests in another
        previous_end = span.end
        assert any(c.isalnum() for c in text[span.start:span.end])


@given(quote_text)
def test_every_quote_is_the_slice_of_the_body_at_its_offsets(text):
    analysis = analyze(Article(id="t", path="t", body=text))
    previous_end = -1
    for quote in analysis.quotes:
        assert text[quote.start:quote.end] == quote.text and quote.text.strip()
        assert quote.start >= previous_end
        previous_end = quote.end
    for person in analysis.people:
        assert all(text[a:b].strip() for a, b in person.spans)


# ---------------------------------------------------------------- readers

PIECES = {
    ".txt": ["date 2024-01-02 ", "date: 99-99", "\n", "\r\n", "\r", "  ", "-", "1.", "“", "word"],
    ".md": ["---\n", "title: [", "date: x\n", "# ", "> ", "**", "*", "_", "~~", "`", "[a](", "![", "<http:", "\\*",
            "- ", "1. ", "```\n", "\n", "word"],
    ".json": ["{", "}", "[", "]", '"text"', '"title"', '"date"', ":", ",", '"x"', "1e999", "null", "true", "<p>",
              '"\\ud800"', "\n"],
    ".jsonl": ['{"text": "a"}', "{", "}", '"text":', '"<b>x</b>"', "\n", "[]", "1", '"date": "2024-13-45"', ","],
    ".rss": ['<?xml version="1.0" encoding="latin-1"?>', "<rss version='2.0'><channel>", "<item>", "</item>",
             "<title>", "</title>", "<description>", "&amp;", "&bogus;", "<![CDATA[", "]]>", "<pubDate>x",
             '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>', "&e;", "word"],
    ".html": ["<html>", "<body>", "<article>", "<p>", "</p>", "<script>", "<meta charset='utf-16'>", "&#0;",
              "<title>", "word ", "\x00"],
}
controls = st.sampled_from(["\x1b[2J", "\x1b]52;c;eA==\x07", "\x9b", "\x00", "\u202e", "\ufeff", "\udcff"])


def reader_input(suffix: str):
    text = st.lists(st.sampled_from(PIECES[suffix]) | st.text(max_size=4) | controls, max_size=40).map("".join)
    return st.one_of(text.map(lambda t: t.encode("utf-8", "surrogatepass")), st.binary(max_size=200))


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


@pytest.mark.parametrize("suffix", sorted(PIECES))
def test_any_bytes_in_any_format_read_without_raising(folder, suffix):
    rules = load_rules()

    @given(reader_input(suffix))
    def check(data: bytes) -> None:
        path = folder / f"input{suffix}"
        path.write_bytes(data)
        result = read_file(path)
        for problem in result.problems:
            assert "\n" not in str(problem) and problem.path == str(path)
        loaded = load_file(path, rules)
        for article in loaded.articles:
            assert article.body and article.title
            shown = article.body + article.title + article.outlet + article.author
            assert not any(byte in shown for byte in TERMINAL_BYTES)
        assert len({a.id for a in loaded.articles}) == len(loaded.articles)

    check()


# ---------------------------------------------------------------- queries

query_text = st.lists(
    st.sampled_from(['"', "(", ")", "[", "]", "{", "}", "*", "?", "~", "~2", "^", ":", "-", "+", "AND", "OR", "NOT",
                     "TO", " ", "title:", "date:", "person:", "speaker:", "stance:", "topic:", "outlet:", "titel:",
                     "date:>", "date:[2024 to", "ceasefire", "sarwar", "gaz", "أيمن", "נתניהו", "\x1b[2J", "\u202e"])
    | st.text(max_size=3),
    max_size=25,
).map("".join)


@pytest.fixture(scope="module")
def store(hostile_run, tmp_path_factory):
    with Store.open(hostile_run.index_dir, Config(path=tmp_path_factory.mktemp("cfg") / "c.yaml"),
                    build_seeds=False) as opened:
        yield opened


def test_any_query_gives_hits_whose_offsets_slice_the_text_or_one_query_error(store):
    bodies: dict[str, str] = {}

    @given(query_text)
    def check(text: str) -> None:
        try:
            result = store.search(text, limit=5)
            quotes = store.quotes(text, limit=5)
            people = store.people(text)
        except QueryError as exc:
            message = str(exc)
            assert message and "\n" not in message
            return
        assert 0 <= len(result.hits) <= min(5, result.total)
        for hit in result.hits:
            body = bodies.setdefault(hit.id, store.article(hit.id).article.body)
            assert all(0 <= a < b <= len(body) for a, b in hit.highlights)
            assert all(0 <= a < b <= len(hit.snippet) for a, b in hit.snippet_highlights)
        for quote in quotes:
            body = bodies.setdefault(quote.article_id, store.article(quote.article_id).article.body)
            assert body[quote.start:quote.end] == quote.text
        assert all(person.name for person in people)

    check()


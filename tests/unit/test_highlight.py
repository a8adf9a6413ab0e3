"""Highlight offsets from the index and the one-line snippet around the best hit."""

from __future__ import annotations

from index_helpers import isolated, write_article  # noqa: F401

from newsx.index.highlight import ELLIPSIS, SNIPPET_CHARS, snippet
from newsx.index.store import Store

FILLER = "The committee met again and nothing much was decided that day. " * 6


def spans_of(text: str, word: str) -> list[tuple[int, int]]:
    spans, start = [], text.find(word)
    while start >= 0:
        spans.append((start, start + len(word)))
        start = text.find(word, start + 1)
    return spans


def test_snippet_is_one_short_line_whose_offsets_slice_the_hits():
    text = FILLER + "Then the\nceasefire talks began, and the ceasefire held.\n" + FILLER
    line, hits = snippet(text, spans_of(text, "ceasefire"))
    assert "\n" not in line
    assert len(line) <= SNIPPET_CHARS + 2 * len(ELLIPSIS)
    assert line.startswith(ELLIPSIS) and line.endswith(ELLIPSIS)
    assert [line[s:e] for s, e in hits] == ["ceasefire", "ceasefire"]


def test_snippet_goes_where_the_hits_are_densest():
    text = "Gaza was mentioned once. " + FILLER + "Gaza, Gaza and Gaza again. " + FILLER
    line, hits = snippet(text, spans_of(text, "Gaza"))
    assert len(hits) == 3 and "again" in line


def test_snippet_without_hits_is_the_opening():
    line, hits = snippet(FILLER, [])
    assert hits == [] and FILLER.startswith(line.rstrip(ELLIPSIS)) and not line.startswith(ELLIPSIS)


def test_short_text_is_shown_whole():
    assert snippet("Gaza talks.", [(0, 4)]) == ("Gaza talks.", [(0, 4)])


def test_hit_offsets_slice_the_body_to_the_matched_words(isolated, tmp_path):
    news = tmp_path / "news"
    write_article(news, "a.json", "Calls for ceasefires grew. Sarwar backed a Ceasefire; others did not.")
    with Store.open(build_seeds=False) as store:
        store.update([news])
        hit = store.search("ceasefire sarwar").hits[0]
        body = store.article(hit.id).article.body
        assert [body[s:e] for s, e in hit.highlights] == ["ceasefires", "Sarwar", "Ceasefire"]
        assert [hit.snippet[s:e] for s, e in hit.snippet_highlights] == ["ceasefires", "Sarwar", "Ceasefire"]


def test_hits_past_32_kib_are_highlighted_too(isolated, tmp_path):
    news = tmp_path / "news"
    write_article(news, "long.json", FILLER * 120 + "At the very end a walrus appeared.")
    with Store.open(build_seeds=False) as store:
        store.update([news])
        hit = store.search("walrus").hits[0]
        body = store.article(hit.id).article.body
        assert len(body) > 32 * 1024
        assert [body[s:e] for s, e in hit.highlights] == ["walrus"]
        assert [hit.snippet[s:e] for s, e in hit.snippet_highlights] == ["walrus"]


def test_a_title_only_match_has_no_body_highlights(isolated, tmp_path):
    news = tmp_path / "news"
    write_article(news, "a.json", "Talks went on all night.", title="Walrus summit")
    with Store.open(build_seeds=False) as store:
        store.update([news])
        hit = store.search("walrus").hits[0]
        assert (hit.highlights, hit.snippet_highlights) == ([], [])
        assert hit.snippet == "Talks went on all night."

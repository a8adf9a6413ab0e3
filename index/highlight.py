"""Where a query's words are in an article: offsets from the index, and a one-line snippet.

The body field keeps each token's character offsets (TEXT(chars=True)), so a hit's
highlights are read from the postings of the terms it matched: no re-tokenizing of the
stored text and no 32 KiB limit, unlike whoosh.highlight (design.md §5).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable

from whoosh import query
from whoosh.query import Query

SNIPPET_CHARS = 160
LEAD_CHARS = 40
"""How much of the text before the first hit a snippet shows."""
ELLIPSIS = "…"

Span = tuple[int, int]


def query_terms(q: Query, field: str) -> list[str]:
    """The words of `field` that query `q` looks for, leaving out negated parts."""
    if isinstance(q, query.Not):
        return []
    if isinstance(q, query.AndNot):
        return query_terms(q.a, field)
    if not q.is_leaf():
        return [term for child in q.children() for term in query_terms(child, field)]
    if isinstance(q, query.Term) and q.fieldname == field:
        return [q.text]
    if isinstance(q, query.Phrase) and q.fieldname == field:
        return list(q.words)
    return []


def term_spans(reader, docnums: Iterable[int], field: str, terms: Iterable[str]) -> dict[int, list[Span]]:
    """docnum -> the sorted (start, end) offsets in `field` of every occurrence of `terms`.

    Each term's postings are read once per segment, forward through the documents asked
    for, so a page costs about (terms x segments), not (terms x hits).
    """
    found: dict[int, set[Span]] = {docnum: set() for docnum in docnums}
    terms = set(terms)
    leaves = reader.leaf_readers()
    starts = [offset for _, offset in leaves]
    by_leaf: dict[int, list[int]] = {}
    for docnum in sorted(found):
        by_leaf.setdefault(bisect_right(starts, docnum) - 1, []).append(docnum)
    for index, wanted in by_leaf.items():
        leaf, offset = leaves[index]
        for term in terms:
            if (field, term) not in leaf:
                continue
            matcher = leaf.postings(field, term)
            for docnum in wanted:
                if not matcher.is_active():
                    break
                matcher.skip_to(docnum - offset)
                if matcher.is_active() and matcher.id() == docnum - offset:
                    found[docnum].update((start, end) for _pos, start, end in matcher.value_as("characters"))
    return {docnum: sorted(spans) for docnum, spans in found.items()}


def recorded_spans(values: dict, docnums: Iterable[int], terms: Iterable[str],
                   format_) -> dict[int, list[Span]] | None:
    """Like `term_spans`, from posting values already read (ranking.BlockRanker.recorded:
    word -> a ranking.Recorded, asked `doc in` and `[doc]`); None when a term's values
    were not."""
    terms = set(terms)
    if not terms <= values.keys():
        return None
    found: dict[int, list[Span]] = {}
    for docnum in docnums:
        spans = {(start, end) for term in terms if docnum in values[term]
                 for _pos, start, end in format_.decode_characters(values[term][docnum])}
        found[docnum] = sorted(spans)
    return found


def snippet(text: str, spans: list[Span], width: int = SNIPPET_CHARS) -> tuple[str, list[Span]]:
    """One line of about `width` characters around the densest run of hits in `text`.

    Returns the line and the hits' offsets inside it. With no hits, the text's opening.
    """
    if not spans:
        return _cut(text, 0, width)[0], []
    first = _densest(spans, width)
    begin = max(0, spans[first][0] - LEAD_CHARS)
    if begin:
        # Start at a word (or better, a sentence) boundary not far before the window.
        sentence = max(text.rfind(". ", begin, spans[first][0]), text.rfind("\n", begin, spans[first][0]))
        if sentence >= 0:
            begin = sentence + 1
        else:
            space = text.find(" ", begin, spans[first][0])
            begin = space + 1 if space >= 0 else begin
    line, begin, end = _cut(text, begin, width)
    shift = len(ELLIPSIS) if begin else 0
    return line, [(s - begin + shift, e - begin + shift) for s, e in spans if s >= begin and e <= end]


def _densest(spans: list[Span], width: int) -> int:
    """The index of the hit that starts the window holding the most hits."""
    best, best_count, last = 0, 0, 0
    for first, (start, _) in enumerate(spans):
        while last < len(spans) and spans[last][1] - start <= width - LEAD_CHARS:
            last += 1
        if last - first > best_count:
            best, best_count = first, last - first
    return best


_SPACE = re.compile(r"\s")


def _cut(text: str, begin: int, width: int) -> tuple[str, int, int]:
    """`text[begin:]` cut at a word near `width`, on one line, with ellipses where cut.

    Returns the line and the offsets in `text` of the part it shows.
    """
    while begin < len(text) and text[begin].isspace():
        begin += 1
    end = min(len(text), begin + width)
    if end < len(text):
        space = text.rfind(" ", begin + width // 2, end)
        end = space if space > 0 else end
    while end > begin and text[end - 1].isspace():
        end -= 1
    lead = ELLIPSIS if begin > 0 else ""
    tail = ELLIPSIS if end < len(text) else ""
    # One whitespace character for one space keeps the offsets.
    return lead + _SPACE.sub(" ", text[begin:end]) + tail, begin, end

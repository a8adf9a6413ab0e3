"""Scoring the common queries a block of postings at a time.

Whoosh's matchers step through postings one at a time in Python, about 3 µs each, so a
word in most articles costs tens of milliseconds at 10,000 articles. The queries search
as you type sends most are words, ORs and ANDs of words, NOTs, completions of the last
word, phrases, date ranges, facets and the empty search. `BlockRanker` answers those by
decoding each posting block whole and scoring it with Whoosh's own BM25F, so totals
stay exact and the order is the one Whoosh would give. It returns None for anything
else (other ranges, phrases with slop), which Whoosh then answers.

It reads Whoosh's segment internals (the W3 codec's blocks and length columns), which
whoosh-reloaded 2.7.5 pins; tests/unit/test_ranking.py compares it with Whoosh's
matchers query by query.
"""

from __future__ import annotations

import heapq
import weakref
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from datetime import date, datetime, timedelta
from functools import partial
from itertools import compress, repeat
from operator import add, and_, mul, neg, not_, sub, truediv

from whoosh import formats
from whoosh import query as wq
from whoosh.codec.whoosh3 import _lenfield
from whoosh.columns import NumericColumn
from whoosh.reading import SegmentReader
from whoosh.scoring import BM25F
from whoosh.util.times import long_to_datetime

from .postings import Block, blocks

Scores = dict[int, float]

_NORMS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
"""SegmentReader -> {field: (averages, each document's length normalisation)}: see _norms."""


SPARSE = 64
"""A query part among fewer than 1/SPARSE of the documents reads only the posting blocks
that hold some of them (see BlockRanker._allowed)."""


class Unsupported(Exception):
    """The query has a part this module does not score: Whoosh answers it."""


class BlockRanker:
    """Scores queries over one searcher the way Whoosh's BM25F would."""

    def __init__(self, searcher, sortdates, segments: Collection[str] | None = None) -> None:
        """Scores over `searcher`'s documents, or over those of the `segments` (ids) only."""
        self.searcher = searcher
        self.reader = searcher.reader()
        self.weighting = searcher.weighting
        self.sortdates = sortdates
        leaves = self.reader.leaf_readers() if not self.reader.is_atomic() else [(self.reader, 0)]
        self.leaves = [(leaf, offset) for leaf, offset in leaves
                       if segments is None or leaf.segment().segment_id() in segments]
        self._doc_count = sum(leaf.doc_count_all() for leaf, _ in self.leaves)
        self._ranges: dict[tuple[int, int], frozenset[int]] = {}
        self._all: frozenset[int] | None = None
        self._record: str | None = None
        self._within: Scores | None = None
        self._per_leaf: list[list[int]] = []
        self.recorded: dict[str, Recorded] = {}
        """After `scores(q, record=field)`: word -> the posting values (positions and
        characters: the highlights) of the field's words `q` read, by document."""

    def scores(self, q: wq.Query, record: str | None = None, among: set[int] | None = None) -> Scores | None:
        """Document number -> score of every document `q` matches (of those in `among`,
        when given), or None when Whoosh must answer it. With `record`, keeps the
        posting values of that field's words in `recorded`."""
        self._record, self.recorded = record, {}
        if not isinstance(self.weighting, BM25F) or not all(
            isinstance(leaf, SegmentReader) for leaf, _ in self.leaves
        ):
            return None
        try:
            return self._scores(q, None if among is None else dict.fromkeys(among, 0.0))
        except Unsupported:
            return None

    def _scores(self, q: wq.Query, within: Scores | None = None) -> Scores:
        """What `q` matches, scored; only among the documents of `within` when given
        (what the parts of an AND read so far allow)."""
        if isinstance(q, wq.Term):
            return self._term(q.fieldname, q.text, q.boost, within)
        if isinstance(q, wq.Phrase) and q.slop == 1:
            return self._phrase(q, within)
        if isinstance(q, type(wq.NullQuery)):
            return {}
        if isinstance(q, wq.Every) and q.fieldname in (None, "", "*"):
            return dict.fromkeys(_among(self._live(), within), q.boost)
        if isinstance(q, wq.NumericRange) and q.fieldname == "date" and q.constantscore:
            return dict.fromkeys(_among(self._dated(q), within), q.boost)
        if isinstance(q, wq.AndNot):
            positive = self._scores(q.a, within)
            return _boosted(_without(positive, self._scores(q.b, positive)), q.boost)
        if isinstance(q, wq.Or) and not q.minmatch and q.scale is None:
            return _boosted(_union([self._scores(sub, within) for sub in q.subqueries]), q.boost)
        if isinstance(q, wq.And):
            wanted = [sub for sub in q.subqueries if not isinstance(sub, wq.Not)]
            unwanted = [sub.query for sub in q.subqueries if isinstance(sub, wq.Not)]
            if not wanted:
                raise Unsupported
            # The rarest part first: it narrows the rest.
            found = _all_of([partial(self._scores, sub) for sub in sorted(wanted, key=self._size)], within)
            for sub in unwanted:
                found = _without(found, self._scores(sub, found))
            return _boosted(found, q.boost)
        raise Unsupported

    def _size(self, q: wq.Query) -> int:
        """About how many documents `q` matches, to order the parts of an AND."""
        if isinstance(q, wq.NumericRange) and q.fieldname == "date":
            return len(self._dated(q))
        try:
            return q.estimate_size(self.reader)
        except Exception:  # a query Whoosh cannot estimate: read it last
            return self.reader.doc_count_all()

    def _term(
        self, fieldname: str, word: str, boost: float = 1.0, within: Scores | None = None, values: dict | None = None
    ) -> Scores:
        """The documents holding `word` in `fieldname` (among `within`), scored; with
        `values`, each document's posting value (its positions) is put there too."""
        recording = self.recorded.setdefault(word, Recorded()) if values is None and fieldname == self._record else None
        field = self.reader.schema[fieldname] if fieldname in self.reader.schema else None
        if field is None:
            return {}
        try:
            text = field.to_bytes(word)
        except ValueError:
            return {}
        if (fieldname, text) not in self.reader:
            return {}
        scored = field.scorable
        if scored:
            idf = self.searcher.idf(fieldname, text)
            avgfl = self.searcher.avg_field_length(fieldname) or 1
            k1, b = self.weighting.K1, self.weighting._field_B.get(fieldname, self.weighting.B)
            top, base_norm, length_norm = idf * (k1 + 1) * boost, k1 * (1 - b), k1 * b / avgfl
        found: Scores = {}
        # Skipping the blocks that hold none of `within` pays among few documents only:
        # among many, nearly every block holds one, and sorting them costs more.
        sparse = within is not None and len(within) * SPARSE < self._doc_count
        allowed_in = self._allowed(within) if sparse else None
        for n, (leaf, offset) in enumerate(self.leaves):
            if (fieldname, text) not in leaf:
                continue
            allowed = None
            if allowed_in is not None:
                allowed = allowed_in[n]
                if not allowed:
                    continue
            deleted = leaf.deleted_docs_set if leaf.has_deletions() else ()
            norms = _norms(leaf, fieldname, base_norm, length_norm) if scored else None
            for ids, weights, block_values in _posting_blocks(
                    leaf, fieldname, text, field.format, values is not None or recording is not None, allowed):
                docs = list(map(add, ids, repeat(offset))) if offset else ids
                if deleted or within is not None:
                    keep = [doc not in deleted for doc in ids] if deleted else None
                    if within is not None:
                        wanted = map(within.__contains__, docs)
                        keep = list(wanted) if keep is None else list(map(and_, keep, wanted))
                    ids, weights, docs = list(compress(ids, keep)), list(compress(weights, keep)), list(compress(docs, keep))
                    if block_values is not None:
                        block_values = list(compress(block_values, keep))
                if scored:  # top * weight / (weight + norm), a block at a time in C
                    found.update(zip(docs, map(truediv, map(mul, weights, repeat(top)),
                                               map(add, weights, map(norms.__getitem__, ids)))))
                else:
                    found.update(zip(docs, map(mul, weights, repeat(boost))))
                if values is not None:
                    values.update(zip(docs, block_values))
                elif recording is not None:
                    recording.add(docs, block_values)
        return found

    def _phrase(self, q: wq.Phrase, within: Scores | None) -> Scores:
        """Documents with the words next to each other, scored as Whoosh scores a
        phrase: the sum of its words' scores."""
        format_ = self.reader.schema[q.fieldname].format if q.fieldname in self.reader.schema else None
        if format_ is None or not format_.supports("positions"):
            raise Unsupported
        if len(q.words) < 2:
            return _boosted(_union([self._term(q.fieldname, word, 1.0, within) for word in q.words]), q.boost)
        values: list[dict[int, bytes]] = [{} for _ in q.words]
        rarest_first = sorted(zip(q.words, values), key=lambda pair: self.reader.doc_frequency(q.fieldname, pair[0]))
        found = _all_of(
            [partial(self._term, q.fieldname, word, 1.0, values=held) for word, held in rarest_first], within
        )
        # Each document's test runs in C-level maps: where the last word would have to
        # be after each of the first word's positions, as a set, narrowed by each middle
        # word's; then whether the last word is at any of them.
        docs = list(found)
        positions = partial(_positions_each, format_)
        first, gap = values[0], len(values) - 1
        ends = map(set, _shifted(positions(map(first.__getitem__, docs)), gap))
        for n, held in enumerate(values[1:-1], 1):
            ends = map(set.intersection, ends, _shifted(positions(map(held.__getitem__, docs)), gap - n))
        follows = map(not_, map(set.isdisjoint, ends, positions(map(values[-1].__getitem__, docs))))
        shown = list(compress(docs, follows))
        matched = dict(zip(shown, map(found.__getitem__, shown)))
        if q.fieldname == self._record:
            shown.sort()
            for word, held in zip(q.words, values):
                self.recorded.setdefault(word, Recorded()).add(shown, list(map(held.__getitem__, shown)))
        return _boosted(matched, q.boost)

    def _allowed(self, within: Scores) -> list[list[int]]:
        """`within`'s documents as sorted numbers within each segment (remembered for
        the last `within`: the words of an OR are all read among the same documents)."""
        if self._within is not within:
            ordered = sorted(within)
            bounds = [bisect_left(ordered, offset) for _, offset in self.leaves] + [len(ordered)]
            self._per_leaf = [list(map(sub, ordered[first:end], repeat(offset)))
                              for (_, offset), first, end in zip(self.leaves, bounds, bounds[1:])]
            self._within = within
        return self._per_leaf

    def _live(self) -> frozenset[int]:
        """Every document not deleted (of the segments scored)."""
        if self._all is None:
            deleted = _deleted(self.leaves)
            self._all = frozenset(doc for leaf, offset in self.leaves
                                  for doc in range(offset, offset + leaf.doc_count_all()) if doc not in deleted)
        return self._all

    def _dated(self, q: wq.NumericRange) -> frozenset[int]:
        """The live documents dated within the range, by their YYYYMMDD column."""
        first, last = _day_bounds(q)
        key = (first, last)
        if key not in self._ranges:
            live = self._live()
            self._ranges[key] = frozenset(
                doc for doc, day in enumerate(self.sortdates) if day and first <= day <= last and doc in live
            )
        return self._ranges[key]


class Recorded:
    """A word's posting values read while scoring, kept a block at a time as read: the
    few documents shown look theirs up, where a dict would take every document read."""

    def __init__(self) -> None:
        self._firsts: list[int] = []
        self._blocks: list[tuple[list[int], list[bytes]]] = []
        self._every: dict[int, bytes] | None = None
        """All in one dict, once blocks came out of order (a word read twice)."""

    def add(self, docs: list[int], values: list[bytes]) -> None:
        if docs:
            if self._blocks and docs[0] <= self._blocks[-1][0][-1]:
                self._every = {}
            self._firsts.append(docs[0])
            self._blocks.append((docs, values))

    def get(self, doc: int) -> bytes | None:
        if self._every is not None:
            if not self._every:
                self._every = {d: v for docs, values in self._blocks for d, v in zip(docs, values)}
            return self._every.get(doc)
        n = bisect_right(self._firsts, doc) - 1
        if n < 0:
            return None
        docs, values = self._blocks[n]
        at = bisect_left(docs, doc)
        return values[at] if at < len(docs) and docs[at] == doc else None

    def __contains__(self, doc: int) -> bool:
        return self.get(doc) is not None

    def __getitem__(self, doc: int) -> bytes:
        value = self.get(doc)
        if value is None:
            raise KeyError(doc)
        return value


def recorded_values(recorded: dict[str, Recorded], docs: Iterable[int]) -> dict[str, dict[int, bytes]]:
    """Each recorded word's posting values of those of `docs` that hold it."""
    docs = list(docs)
    return {word: {doc: held[doc] for doc in docs if doc in held} for word, held in recorded.items()}


def _posting_blocks(leaf: SegmentReader, fieldname: str, text: bytes, format_, with_values: bool,
                    allowed: list[int] | None = None) -> Iterator[Block]:
    """(ids, weights, values or None) of each block of a term's postings in one segment,
    skipping the blocks whose documents are all outside `allowed` (sorted) when given."""
    terms = leaf._terms
    info = terms.term_info(fieldname, text)
    return blocks(terms._postfile, info, format_.fixed_value_size(), with_values, allowed)


def _norms(leaf: SegmentReader, fieldname: str, base_norm: float, length_norm: float) -> list[float]:
    """Each document's BM25 length normalisation in `fieldname`, `base_norm + length_norm *
    length`, as Whoosh's scorer sees its length (kept for the searcher's latest averages)."""
    from whoosh.util.numeric import byte_to_length

    per_field = _NORMS.setdefault(leaf, {})
    key = (base_norm, length_norm)
    if fieldname not in per_field or per_field[fieldname][0] != key:
        column = NumericColumn("B", default=0)
        reader = leaf._perdoc._cached_reader(_lenfield(fieldname), column)
        count = leaf.doc_count_all()
        if reader is None:
            norms = [base_norm + length_norm] * count
        else:
            table = [base_norm + length_norm * (byte_to_length(n) or 1) for n in range(256)]
            norms = [table[reader[doc]] for doc in range(count)]
        per_field[fieldname] = (key, norms)
    return per_field[fieldname][1]


def _positions_each(format_: formats.Format, values: Iterable[bytes]) -> Iterator[Iterable[int]]:
    """Each posting value's positions: the schema's formats read them in C-level maps,
    without unpickling (schema._Positions); Whoosh's own decode them one by one."""
    each = getattr(format_, "positions_each", None)
    return each(values) if each is not None else map(format_.decode_positions, values)


def _shifted(positions: Iterator[Iterable[int]], by: int) -> Iterator[Iterable[int]]:
    """Each of `positions` plus `by`, lazily (map objects made by map, in C)."""
    return map(map, repeat(add), positions, repeat(repeat(by)))


def _deleted(leaves) -> set[int]:
    return {doc + offset for leaf, offset in leaves if leaf.has_deletions() for doc in leaf.deleted_docs_set}


def _day_bounds(q: wq.NumericRange) -> tuple[int, int]:
    """The first and last YYYYMMDD a document dated at midnight can have in the range."""
    first, last = date.min, date.max
    if q.start is not None:
        start = long_to_datetime(q.start)
        first = start.date()
        if start > _midnight(first) or (q.startexcl and start == _midnight(first)):
            first += timedelta(days=1)
    if q.end is not None:
        end = long_to_datetime(q.end)
        last = end.date()
        if q.endexcl and end == _midnight(last):
            last -= timedelta(days=1)
    return _yyyymmdd(first), _yyyymmdd(last)


def _midnight(day: date) -> datetime:
    return datetime(day.year, day.month, day.day)


def _yyyymmdd(day: date) -> int:
    return day.year * 10000 + day.month * 100 + day.day


def _among(docs, within: Scores | None):
    """`docs`, or those of them in `within` when given."""
    return docs if within is None else [doc for doc in within if doc in docs]


def top_hits(scores: Scores, count: int, dates: Sequence[int] | None = None) -> list[tuple[int, float]]:
    """The first `count` (document, score) of `scores`: the best first, in Whoosh's order
    (higher score, then lower document number, compared as tuples built in C), or the
    newest first by `dates` (each document's YYYYMMDD)."""
    if dates is not None:
        return [(doc, scores[doc]) for doc in heapq.nlargest(count, scores, key=lambda doc: (dates[doc], doc))]
    return [(doc, -negated) for negated, doc in heapq.nsmallest(count, zip(map(neg, scores.values()), scores))]


def _all_of(reads: list[Callable[[Scores | None], Scores]], within: Scores | None) -> Scores:
    """The documents every read finds, their scores summed. Each read is given what the
    reads before it found (or `within`, for the first) and looks only among those."""
    found = within
    for read in reads:
        part = read(found)
        if found is not within:  # part's documents are all in found: add their scores to it
            for doc in part:  # (a loop in place: twice as fast as building a dict of the sums)
                part[doc] += found[doc]
        found = part
        if not found:
            return {}
    return {} if found is None else found


def _union(parts: list[Scores]) -> Scores:
    """The documents of any part, their scores summed. The parts are results made for
    this union: the largest is added to, not copied."""
    parts = sorted(parts, key=len, reverse=True)
    found = parts[0] if parts else {}
    for part in parts[1:]:
        for doc, score in part.items():
            found[doc] = found.get(doc, 0.0) + score
    return found


def _without(found: Scores, unwanted: Scores) -> Scores:
    return {doc: score for doc, score in found.items() if doc not in unwanted}


def _boosted(found: Scores, boost: float) -> Scores:
    return found if boost == 1.0 else {doc: score * boost for doc, score in found.items()}

"""The largest searches scored on two cores: a helper process scores some of the
articles' segments while the searching process scores the others.

Python scores on one core, and a search for the commonest words of a 100,000-article
index reads a few hundred thousand postings (~0.5 µs each). `Halves` splits such a
search by segments into two parts of about as many documents. The helper answers its
part's total, its first hits and their posting values (the highlights); this process
scores its own part meanwhile, then merges the two. Each document gets the score it
would get in one process: the helper opens the same commit, and scores with the whole
index's statistics.

The first search large enough to split starts the helper and is answered here alone,
like every search while the helper is starting, or when it opened another commit
than this process's searcher. A helper that fails is stopped and not started again.
"""

from __future__ import annotations

import multiprocessing
import pickle
from pathlib import Path

from whoosh import index as whoosh_index

from .ranking import BlockRanker, recorded_values, top_hits
from .schema import ARTICLES
from .searchers import SegmentSearcher, segment_key

SPLIT_POSTINGS = 40_000
"""A search whose words hold more postings than this is split: reading them takes ~20 ms,
sending the helper its part and merging the answers ~2."""
ANSWER_SECONDS = 60.0
"""How long a part may take before the helper is given up."""
_READY = "ready"

Answer = tuple[int, list[tuple[int, float]], dict[str, dict[int, bytes]]]
"""A part's total, its first (document, score) and, by word, the posting values of
those documents that the ranker recorded."""


class Halves:
    """The helper process of one index folder, started when first needed."""

    def __init__(self, index_dir: Path) -> None:
        self._index_dir = index_dir
        self._process = None
        self._conn = None
        self._ready = False
        self._failed = False

    def ask(self, searcher: SegmentSearcher, q, record: str | None, among: set[int] | None,
            count: int, by_date: bool) -> frozenset[str] | None:
        """Send the helper its part of a large search over `searcher`, and return the
        segments (ids) left to score here; None when the search is not split."""
        if self._failed or _postings(searcher.searcher.reader(), q) < SPLIT_POSTINGS or not self._started():
            return None
        mine, theirs = _partition(searcher.leaves)
        if not mine or not theirs:
            return None
        try:
            request = pickle.dumps((_keys(searcher), theirs, q, record, among, count, by_date), 5)
        except Exception:  # a query that cannot be pickled: scored here whole
            return None
        try:
            self._conn.send_bytes(request)
        except OSError:
            self._fail()
            return None
        return mine

    def answer(self) -> Answer | None:
        """The helper's answer to the last `ask`; None when it could not give one."""
        try:
            if self._conn.poll(ANSWER_SECONDS):
                return self._conn.recv()
        except (EOFError, OSError):
            pass
        self._fail()
        return None

    def close(self) -> None:
        """Stop the helper: asked to, then (after a second) made to."""
        if self._process is not None:
            try:
                self._conn.send(None)
            except OSError:
                pass
            self._process.join(1)
        self._stop()

    def _started(self) -> bool:
        """Whether the helper is ready; starts it the first time."""
        if self._process is None:
            context = multiprocessing.get_context("spawn")
            self._conn, theirs = context.Pipe()
            self._process = context.Process(target=_serve, args=(theirs, str(self._index_dir)),
                                            name="newsx-halves", daemon=True)
            try:
                self._process.start()
            except Exception:  # e.g. in a daemonic process, which may not have children
                self._fail()
                return False
            finally:
                theirs.close()
        if not self._ready:
            try:
                self._ready = self._conn.poll() and self._conn.recv() == _READY
            except (EOFError, OSError):
                self._fail()
        return self._ready

    def _fail(self) -> None:
        """Stop the helper for good: searches are answered here from now on."""
        self._failed = True
        self._stop()

    def _stop(self) -> None:
        if self._process is not None:
            if self._process.pid is not None and self._process.is_alive():
                self._process.terminate()
            self._conn.close()
            self._process = self._conn = None
        self._ready = False


def _postings(reader, q) -> int:
    """How many postings the words of `q` hold."""
    try:
        return sum(reader.doc_frequency(field, text) for field, text in q.iter_all_terms(phrases=True))
    except Exception:  # a query that cannot list its words: not split
        return 0


def _partition(leaves) -> tuple[frozenset[str], frozenset[str]]:
    """The segments in two parts of about as many documents (each segment, largest
    first, to the part with fewer)."""
    parts: tuple[list[str], list[str]] = ([], [])
    sizes = [0, 0]
    for leaf in sorted(leaves, key=lambda leaf: leaf.doc_count_all(), reverse=True):
        lighter = sizes.index(min(sizes))
        parts[lighter].append(leaf.segment().segment_id())
        sizes[lighter] += leaf.doc_count_all()
    return frozenset(parts[0]), frozenset(parts[1])


def _serve(conn, index_dir: str) -> None:
    """The helper: answer each part asked (see Halves.ask) until told to stop."""
    ix = whoosh_index.open_dir(index_dir, indexname=ARTICLES)
    searcher: SegmentSearcher | None = None
    rankers: dict[frozenset[str], BlockRanker] = {}
    conn.send(_READY)
    while True:
        try:
            request = conn.recv()
        except EOFError:
            return
        if request is None:
            return
        keys, part, q, record, among, count, by_date = request
        try:
            if searcher is None or _keys(searcher) != keys:
                fresh = SegmentSearcher.open(ix, previous=searcher)
                if searcher is not None:
                    searcher.retire(fresh)
                searcher, rankers = fresh, {}
            answer = None
            if _keys(searcher) == keys:
                answer = _score(searcher, rankers, part, q, record, among, count, by_date)
        except Exception:  # any failure: the searching process scores the part itself
            answer = None
        conn.send(answer)


def _keys(searcher: SegmentSearcher) -> list[tuple[str, int]]:
    return [segment_key(leaf.segment()) for leaf in searcher.leaves]


def _score(searcher: SegmentSearcher, rankers: dict, part: frozenset[str], q, record, among, count: int,
           by_date: bool) -> Answer | None:
    ranker = rankers.get(part)
    if ranker is None:
        reader = searcher.searcher.reader()
        sortdates = list(reader.column_reader("sortdate")) if reader.doc_count_all() else []
        ranker = rankers[part] = BlockRanker(searcher.searcher, sortdates, segments=part)
    scores = ranker.scores(q, record, among=among)
    if scores is None:
        return None
    hits = top_hits(scores, count, ranker.sortdates if by_date else None)
    return len(scores), hits, recorded_values(ranker.recorded, (doc for doc, _ in hits))

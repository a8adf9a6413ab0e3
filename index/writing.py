"""Writing the index folder: files read into documents, documents committed to Whoosh.

    Indexer                  one file read, cleaned and analysed into its documents
    loaded_here / loaded_in_workers   every file's documents, here or in worker processes
    Batch, Commits           what the next commit holds, and when it is due
    write(...)               one commit to one index (segments.py: how segments are written)

A small run (the seeds, one file, a folder mostly indexed) commits every BATCH_ARTICLES
articles and lets Whoosh merge small segments at each commit. A bulk run (BULK_FILES new
files or more) commits every BULK_ARTICLES articles or BULK_SECONDS, whichever comes
first, and merges segments by tiers (`merge_tiers`): Whoosh's own policy re-writes ever
larger segments as an index grows, which is most of a big build's time and memory.
Segments are written as separate files (see COMPOUND) with uncompressed postings (CODEC);
a writer holds one commit's postings (on disk past SPILL_POSTINGS) and reads merged
segments a term at a time (segments.Writer), so its memory does not grow with the index.
In a bulk run the workers also index the documents' text fields (terms.with_terms).
"""

from __future__ import annotations

import gc
import math
import os
import signal
import time
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from whoosh import index as whoosh_index
from whoosh.reading import SegmentReader
from whoosh.writing import MERGE_SMALL

from .clean import load_rules
from .config import Config
from .errors import IndexBusyError
from .model import Analysis, IndexReport, Problem
from .schema import ARTICLES, QUOTES, SCHEMAS, article_document, quote_documents
from .segments import CODEC, COMPOUND, LIMIT_MB, Writer
from .terms import with_terms

BUSY = "index is being updated by another process"
BATCH_ARTICLES = 200
"""Articles per commit of a small run: what a kill -9 can lose, and what the app sees arrive."""
BULK_FILES = 200
"""From this many new files on, a run is a bulk run: bigger commits, tiered merges, and
reading and extraction in worker processes while this one writes. Below it (and for a
folder already indexed, where most files are unchanged and only need their fingerprint)
starting workers costs more than they save."""
BULK_ARTICLES = 2000
"""Articles per commit of a bulk run."""
BULK_SECONDS = 20.0
"""A bulk run also commits when this long has passed since its last commit."""
MERGE_FACTOR = 10
"""A bulk run merges this many segments of one tier (see merge_tiers) into one."""
POOL_CHUNK = 16
"""Files per task sent to a worker."""
READ_AHEAD = BULK_ARTICLES
"""How many files the workers may read ahead of the writer: a bulk commit's worth, so
they go on reading and extracting while it commits (documents in flight: ~50 MB)."""


# ---------------------------------------------------------------- reading files


@dataclass
class ChangedFile:
    path: str
    updated: bool
    articles: list[dict] = field(default_factory=list)
    quotes: list[dict] = field(default_factory=list)


class Indexer:
    """Reads, cleans and analyses one file at a time into index documents."""

    def __init__(self, config: Config) -> None:
        from .extract import load_offices, load_topics

        self.rules = load_rules(config.boilerplate)
        self.topics = load_topics(config)
        self.offices = load_offices(config)
        self.schemas = {name: make() for name, make in SCHEMAS.items()}

    def load(self, path: str, indexed: Indexed | None, current_stamp: str, report: IndexReport) -> ChangedFile | None:
        """The documents of a new or changed file (`current_stamp`: its corpus.stamp,
        taken before reading it); None when it is unchanged (by its fingerprint) or
        unreadable (an unreadable file keeps what was indexed from it, and is reported
        skipped)."""
        from .corpus import fingerprint, load_file
        from .extract import analyze

        current = fingerprint(path)
        if current and indexed is not None and current == indexed.fingerprint:
            report.unchanged += 1
            return None
        result = load_file(path, self.rules)
        report.skipped.extend(result.problems)
        if not result.articles:
            return None
        changed = ChangedFile(path=path, updated=indexed is not None)
        seen: set[str] = set()
        for article in result.articles:
            if article.id in seen:
                continue
            seen.add(article.id)
            article.path = path
            try:
                analysis = analyze(article, self.topics, self.offices)
            except Exception as exc:  # an extraction bug must not cost the article itself
                report.skipped.append(Problem(str(path), f"indexed without people and quotes: {exc}"))
                analysis = Analysis()
            changed.articles.append(with_terms(self.schemas[ARTICLES], article_document(article, analysis, current, current_stamp)))
            changed.quotes.extend(with_terms(self.schemas[QUOTES], doc) for doc in quote_documents(article, analysis, current))
        return changed


class Indexed(NamedTuple):
    """What the index holds about a file: its fingerprint and stamp when it was read."""

    fingerprint: str
    stamp: str


Work = list[tuple[str, "Indexed | None", str]]
"""Files to load, each with what it is indexed with (None when it is not) and its
current stamp."""


def loaded_here(config: Config, work: Work, report: IndexReport) -> Iterator[tuple[str, ChangedFile | None]]:
    """(path, its new documents or None) for each file, read in this process."""
    indexer = Indexer(config)
    for path, indexed, current_stamp in work:
        yield path, indexer.load(path, indexed, current_stamp, report)


def loaded_in_workers(config: Config, work: Work, report: IndexReport) -> Iterator[tuple[str, ChangedFile | None]]:
    """The same as `loaded_here`, in order, read by worker processes up to READ_AHEAD
    files ahead.

    Workers are spawned (no fork of a process that may hold threads and open indexes),
    ignore Ctrl-C (this process decides when to stop) and end with this generator; a
    worker whose parent was killed finds its task pipe closed and exits.
    """
    import multiprocessing

    workers = max(1, min(2, os.cpu_count() or 1))
    chunks = [work[i:i + POOL_CHUNK] for i in range(0, len(work), POOL_CHUNK)]
    with multiprocessing.get_context("spawn").Pool(workers, _start_worker, (config,)) as pool:
        pending: deque = deque()
        for chunk in chunks:
            pending.append((chunk, pool.apply_async(_load_chunk, (chunk,))))
            if len(pending) * POOL_CHUNK < READ_AHEAD:
                continue
            yield from _merged(*pending.popleft(), report)
        while pending:
            yield from _merged(*pending.popleft(), report)


def _merged(chunk: Work, result, report: IndexReport) -> Iterator[tuple[str, ChangedFile | None]]:
    loaded, part = result.get()
    report.unchanged += part.unchanged
    report.skipped.extend(part.skipped)
    for (path, _, _), changed in zip(chunk, loaded):
        yield path, changed


_worker_indexer: Indexer | None = None


def _start_worker(config: Config) -> None:
    global _worker_indexer
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker_indexer = Indexer(config)
    gc.freeze()  # the tables read at start are not walked by every full collection


def _load_chunk(chunk: Work) -> tuple[list[ChangedFile | None], IndexReport]:
    """In a worker: each file's documents, and what the report learnt reading them."""
    report = IndexReport()
    return [_worker_indexer.load(path, indexed, current_stamp, report) for path, indexed, current_stamp in chunk], report


# ---------------------------------------------------------------- committing


@dataclass
class Batch:
    files: list[ChangedFile] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    def articles(self) -> int:
        return sum(len(f.articles) for f in self.files)

    def article_docs(self) -> list[dict]:
        return [doc for f in self.files for doc in f.articles]

    def quote_docs(self) -> list[dict]:
        return [doc for f in self.files for doc in f.quotes]


class Commits:
    """When a run's next commit is due, and how its commits merge segments: a run of
    `new_files` new files is a bulk run from BULK_FILES on."""

    def __init__(self, new_files: int) -> None:
        self.bulk = new_files >= BULK_FILES
        self.merge = merge_tiers if self.bulk else MERGE_SMALL
        self._since = time.monotonic()

    def due(self, batch: Batch) -> bool:
        articles = batch.articles()
        if not self.bulk:
            return articles >= BATCH_ARTICLES
        return articles >= BULK_ARTICLES or (articles > 0 and time.monotonic() - self._since >= BULK_SECONDS)

    def committed(self) -> None:
        self._since = time.monotonic()


def write(index_dir: Path, name: str, paths: list[str], docs: list[dict], merge=MERGE_SMALL) -> None:
    """One commit to one index: the documents of `paths` replaced by `docs`, segments
    merged by the Whoosh merge policy `merge`."""
    ix = whoosh_index.open_dir(str(index_dir), indexname=name)
    try:
        writer = Writer(ix, limitmb=LIMIT_MB, compound=COMPOUND, codec=CODEC)
    except whoosh_index.LockError:
        raise IndexBusyError(BUSY) from None
    with _no_cycle_collection():
        try:
            for path in paths:
                writer.delete_by_term("path", path)
            for doc in docs:
                # update_document also replaces an article filed under another path
                # (one file reached by two names).
                (writer.update_document if name == ARTICLES else writer.add_document)(**doc)
        except BaseException:
            writer.cancel()
            raise
        writer.commit(mergetype=merge)


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Python's cycle collector paused: a commit makes millions of objects that live
    until its end, and the collector would walk them again and again (~8% of a bulk
    commit's time). What a commit leaves behind is freed by reference counting."""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def merge_tiers(writer, segments: list) -> list:
    """Whoosh merge policy of a bulk run: segments fall in tiers by size (a tier per
    power of MERGE_FACTOR documents); a tier holding MERGE_FACTOR segments is merged into
    one of the next tier. Each document is re-written once per tier it climbs, and an
    index keeps fewer than MERGE_FACTOR segments per tier."""
    tiers: dict[int, list] = {}
    for segment in segments:
        tiers.setdefault(int(math.log(max(1, segment.doc_count_all()), MERGE_FACTOR)), []).append(segment)
    merged = {id(s) for tier in tiers.values() if len(tier) >= MERGE_FACTOR for s in tier}
    for segment in segments:
        if id(segment) in merged:
            with SegmentReader(writer.storage, writer.schema, segment) as reader:
                writer.add_reader(reader)
    return [segment for segment in segments if id(segment) not in merged]

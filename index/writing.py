"""Writing the index folder: files read into documents, documents committed to Whoosh.

    Indexer                  one file read, cleaned and analysed into its documents
    loaded_here              every file's documents, read in this process (a small run)
    written_in_workers       every file's documents written by worker processes into
                             segments of their own (a bulk run)
    Batch, Commits           what the next commit holds, and when it is due
    write_both(...)          one commit to both indexes, quotes first
    write(...)               one commit to one index (segments.py: how segments are written)

A small run (the seeds, one file, a folder mostly indexed) commits every BATCH_ARTICLES
articles. A bulk run (BULK_FILES new files or more) is shared by worker processes: each
reads, analyses and writes a part of the files (up to PART_FILES, or what it read in
BULK_SECONDS) as segments in a folder of its own, and this process moves each part's
segments into the index and commits them, in the order of the files. Every commit
merges segments by tiers (`merge_tiers`): Whoosh's own policies re-write ever larger
segments as an index grows (MERGE_SMALL, after a bulk run, merged 23 of its segments
into the commit of one changed file: 16 s at 100k). Segments are written as separate
files (see COMPOUND) with uncompressed postings (CODECS); a writer holds one part's
postings (on disk past SPILL_POSTINGS) and reads merged segments a term at a time
(segments.Writer), so its memory does not grow with the index.
"""

from __future__ import annotations

import functools
import gc
import math
import multiprocessing
import os
import queue
import shutil
import signal
import threading
import time
import uuid
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from whoosh import index as whoosh_index
from whoosh.filedb.filestore import FileStorage
from whoosh.reading import SegmentReader

from .clean import load_rules
from .config import Config
from .errors import IndexBusyError
from .model import Analysis, IndexReport, Problem
from .schema import ARTICLES, QUOTES, SCHEMAS, article_document, quote_documents
from .segments import CODEC, COMPOUND, LIMIT_MB, PLAIN_CODEC, Writer

BUSY = "index is being updated by another process"
BATCH_ARTICLES = 200
"""Articles per commit of a small run: what a kill -9 can lose, and what the app sees arrive."""
BULK_FILES = 200
"""From this many new files on, a run is a bulk run, written by worker processes. Below
it (and for a folder already indexed, where most files are unchanged and only need their
fingerprint) starting workers costs more than they save."""
PART_FILES = 2000
"""Files a worker of a bulk run writes into one part at most: a part's postings are held
in the worker's memory until it is written."""
BULK_SECONDS = 60.0
"""A worker also ends its part when this long has passed since it began it: what a
kill -9 can lose, and how long the app may wait to see articles arrive. A part of
PART_FILES takes ~20 s here: a shorter limit splits parts into a big and a small
segment."""
HELD_ARTICLES = 250
"""Articles a part reads before adding their documents to its writers (see
`_PartWriter.add`)."""
MERGE_FACTOR = 10
"""A commit merges this many segments of one tier (see merge_tiers) into one."""
CODECS = {ARTICLES: CODEC, QUOTES: PLAIN_CODEC}
"""How each index's segments are written (segments.py): a quote's stored fields are not
compressed."""
INCOMING = "incoming"
"""The index folder's sub-folder where a bulk run's workers write their parts."""


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

    def load(self, path: str, indexed: Indexed | None, current_stamp: str, report: IndexReport) -> ChangedFile | None:
        """The documents of a new or changed file (`current_stamp`: its corpus.stamp,
        taken before reading it); None when it is unchanged (by its fingerprint) or
        unreadable (an unreadable file keeps what was indexed from it, and is reported
        skipped)."""
        from .corpus import fingerprint, load_file
        from .extract import analyze

        if indexed is not None:
            current = fingerprint(path)
            if current and current == indexed.fingerprint:
                report.unchanged += 1
                return None
        result = load_file(path, self.rules)  # a new file is read once, for its fingerprint too
        report.skipped.extend(result.problems)
        if not result.articles:
            return None
        current = result.fingerprint
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
            changed.articles.append(article_document(article, analysis, current, current_stamp))
            changed.quotes.extend(quote_documents(article, analysis, current))
        return changed


class Indexed(NamedTuple):
    """What the index holds about a file: its fingerprint and stamp when it was read."""

    fingerprint: str
    stamp: str


Work = list[tuple[str, "Indexed | None", str]]
"""Files to load, each with what it is indexed with (None when it is not) and its
current stamp."""

Loaded = Iterator["str | ChangedFile | Part"]
"""What a run reads: each file's path once it is read, and what goes into the next
commit: a file's documents, or a part written by a worker."""


def loaded_here(config: Config, work: Work, report: IndexReport, stop: threading.Event | None) -> Loaded:
    """Each file's documents (when it has new ones) and then its path, read in this
    process, until `stop` is set."""
    indexer = Indexer(config)
    for path, indexed, current_stamp in work:
        changed = indexer.load(path, indexed, current_stamp, report)
        if changed is not None:
            yield changed
        yield path
        if stop is not None and stop.is_set():
            return


# ---------------------------------------------------------------- bulk runs: parts


class Written(NamedTuple):
    """A file a worker wrote: whether it replaces an indexed one, and its articles' ids."""

    path: str
    updated: bool
    ids: list[str]


@dataclass
class Part:
    """Files a worker wrote: their segments of each index (by index name; none when an
    index got no document), in `folder`, and what the report learnt reading them."""

    folder: str
    files: list[Written]
    segments: dict
    report: IndexReport


def written_in_workers(config: Config, work: Work, report: IndexReport, index_dir: Path,
                       stop: threading.Event | None) -> Loaded:
    """Each file's path once a worker has read it, and each part once it is written, in
    the order of the files. When `stop` is set the workers end their parts with what
    they have read and leave the rest.

    Workers are spawned (no fork of a process that may hold threads and open indexes)
    and ignore Ctrl-C (this process decides when to stop); a worker whose parent was
    killed finds its task pipe closed and exits. They end before the last share's parts
    are committed (idle, each held ~260 MB through a bulk run's last commit, its
    largest). Their folder, INCOMING, is removed at the end, and at the start (what a
    killed run left).
    """
    from .corpus import manifest

    context = multiprocessing.get_context("spawn")
    workers = max(1, min(2, os.cpu_count() or 1))
    incoming = index_dir / INCOMING
    shutil.rmtree(incoming, ignore_errors=True)
    read, ended = context.Queue(), context.Event()
    last: list[Part] = []
    try:
        setup = (config, str(incoming), read, ended, BULK_SECONDS, manifest.kept_folder())
        with context.Pool(workers, _start_worker, setup) as pool:
            pending = deque(pool.apply_async(_write_parts, (files,)) for files in _shares(work, workers))
            while pending:
                if stop is not None and stop.is_set():
                    ended.set()
                finished = pending[0].ready()
                yield from _drained(read)
                if not finished:
                    pending[0].wait(0.05)
                    continue
                parts = pending.popleft().get()
                if pending:
                    yield from _reported(parts, report)
                else:
                    last = parts
        yield from _reported(last, report)
    finally:
        shutil.rmtree(incoming, ignore_errors=True)


def _reported(parts: list[Part], report: IndexReport) -> Iterator[Part]:
    """The parts, once what reading their files found is added to the run's report."""
    for part in parts:
        report.unchanged += part.report.unchanged
        report.skipped.extend(part.report.skipped)
        yield part


def _drained(read) -> Iterator[str]:
    while True:
        try:
            yield read.get_nowait()
        except queue.Empty:
            return


def _shares(work: Work, workers: int) -> list[Work]:
    """`work` in shares of at most PART_FILES files, as many as a multiple of `workers`,
    of even sizes: the workers end together."""
    count = -(-len(work) // PART_FILES)
    count = -(-count // workers) * workers
    size = -(-len(work) // count) if work else 1
    return [work[n:n + size] for n in range(0, len(work), size)]


class _Worker:
    """A bulk run's worker process: its Indexer, where it writes parts, the queue it
    tells each file read on, the event that ends the run, how long a part may take
    (BULK_SECONDS), and where the run keeps the manifests it parsed (manifest.kept_in:
    a kept one is read in ~3 ms, a manifest of 1,000 entries parsed in ~0.12 s)."""

    def __init__(self, config: Config, incoming: str, read, ended, seconds: float, manifests: Path | None) -> None:
        self.indexer = Indexer(config)
        self.incoming = Path(incoming)
        self.read, self.ended, self.seconds = read, ended, seconds
        self.manifests = manifests

    def write(self, work: Work) -> list[Part]:
        """The files of `work` (a share of at most PART_FILES) written into parts: a
        new part when one has taken its seconds."""
        from .corpus import manifest

        parts: list[Part] = []
        part = None
        with _no_cycle_collection(), manifest.kept_in(self.manifests):
            for path, indexed, current_stamp in work:
                if self.ended.is_set():
                    break
                if part is None:
                    part = _PartWriter(self.incoming / uuid.uuid4().hex)
                part.add(self.indexer.load(path, indexed, current_stamp, part.report))
                self.read.put(path)
                if time.monotonic() - part.started >= self.seconds:
                    parts.append(part.finish())
                    part = None
            if part is not None:
                parts.append(part.finish())
        return parts


class _PartWriter:
    """One part being written: a writer per index, on an index of its own in `folder`."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True)
        self.folder = folder
        self.writers = {name: Writer(whoosh_index.create_in(str(folder), make(), indexname=name),
                                     limitmb=LIMIT_MB, compound=COMPOUND, codec=CODECS[name])
                        for name, make in SCHEMAS.items()}
        self.files: list[Written] = []
        self.held: list[ChangedFile] = []
        self.held_articles = 0
        self.report = IndexReport()
        self.started = time.monotonic()

    def add(self, changed: ChangedFile | None) -> None:
        """Add a file's documents, once HELD_ARTICLES articles are read (or at `finish`):
        the writers add documents in runs, not a file's at a time between the
        extraction of two files, and a worker takes ~10% less time (10k bench articles
        on this 2-core machine: 8.0-8.3 -> 7.2-7.5 CPU ms an article; likely the
        writers' tables staying in the processor's caches)."""
        if changed is None:
            return
        self.held.append(changed)
        self.held_articles += len(changed.articles)
        self.files.append(Written(changed.path, changed.updated, [doc["id"] for doc in changed.articles]))
        if self.held_articles >= HELD_ARTICLES:
            self._add_held()

    def finish(self) -> Part:
        self._add_held()
        segments = {name: writer.finished() for name, writer in self.writers.items()}
        return Part(str(self.folder), self.files, {n: s for n, s in segments.items() if s is not None}, self.report)

    def _add_held(self) -> None:
        articles, quotes = self.writers[ARTICLES], self.writers[QUOTES]
        for changed in self.held:
            for doc in changed.articles:
                articles.add_document(**doc)
            for doc in changed.quotes:
                quotes.add_document(**doc)
        self.held.clear()
        self.held_articles = 0


_worker: _Worker | None = None


def _start_worker(config: Config, incoming: str, read, ended, seconds: float, manifests: Path | None) -> None:
    global _worker
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker = _Worker(config, incoming, read, ended, seconds, manifests)
    gc.freeze()  # the tables read at start are not walked by every full collection


def _write_parts(work: Work) -> list[Part]:
    return _worker.write(work)


# ---------------------------------------------------------------- committing


@dataclass
class Batch:
    """What the next commit holds: files read here, parts written by workers, and files
    gone."""

    files: list[ChangedFile] = field(default_factory=list)
    parts: list[Part] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    def add(self, loaded: ChangedFile | Part) -> None:
        (self.parts if isinstance(loaded, Part) else self.files).append(loaded)

    def written(self) -> list[tuple[str, bool]]:
        """Each file with new documents, and whether it replaces an indexed one."""
        return [(f.path, f.updated) for f in self.files] + [(w.path, w.updated) for p in self.parts for w in p.files]

    def paths(self) -> list[str]:
        """The files whose indexed documents this commit replaces or removes (a new
        file has none)."""
        return self.removed + [path for path, updated in self.written() if updated]

    def articles(self) -> int:
        return sum(len(f.articles) for f in self.files)

    def article_docs(self) -> list[dict]:
        return [doc for f in self.files for doc in f.articles]

    def quote_docs(self) -> list[dict]:
        return [doc for f in self.files for doc in f.quotes]

    def written_ids(self) -> list[str]:
        """The ids of the articles the parts hold."""
        return [article_id for p in self.parts for w in p.files for article_id in w.ids]

    def segments(self, name: str) -> list[tuple[str, object]]:
        """The parts' segments of index `name`, each with the folder it is in."""
        return [(p.folder, p.segments[name]) for p in self.parts if name in p.segments]


class Commits:
    """When a run's next commit is due: a run of `new_files` new files is a bulk run
    from BULK_FILES on, committing each part as it is written."""

    def __init__(self, new_files: int) -> None:
        self.bulk = new_files >= BULK_FILES

    def due(self, batch: Batch) -> bool:
        return bool(batch.parts) if self.bulk else batch.articles() >= BATCH_ARTICLES


def write_both(index_dir: Path, batch: Batch) -> None:
    """One commit of `batch` to both indexes, the quotes' landing first: a run stopped
    between the two reads the batch's files again (the other order would lose their
    quotes for good). When both commits merge a tier (a bulk run's commit that completes
    one), the quotes' is written by a helper process meanwhile, and the articles' table of
    contents waits for it: the last commit of a bulk run, which merges the last parts
    while the workers have finished, is not the two merges one after the other (ten parts
    of 2,000 bench articles: ~35 s -> 19-24)."""
    if not (_merges(index_dir, QUOTES, batch) and _merges(index_dir, ARTICLES, batch)):
        write(index_dir, QUOTES, batch)
        write(index_dir, ARTICLES, batch)
        return
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(1, mp_context=context, initializer=_ignore_interrupts) as helper:
        # a new process: the tiers it merges by passed as this one has them
        quotes = helper.submit(write, index_dir, QUOTES, batch, factor=MERGE_FACTOR)
        write(index_dir, ARTICLES, batch, before_toc=quotes.result)


def _ignore_interrupts() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the process that started it decides


def _merges(index_dir: Path, name: str, batch: Batch) -> bool:
    """Whether committing `batch` to index `name` merges segments (`merge_tiers`)."""
    ix = whoosh_index.open_dir(str(index_dir), indexname=name)
    return bool(_tiers_merged(ix._segments() + [segment for _, segment in batch.segments(name)], MERGE_FACTOR))


def write(index_dir: Path, name: str, batch: Batch, before_toc: Callable[[], object] | None = None,
          factor: int | None = None) -> None:
    """One commit of `batch` to one index: the documents of its files replaced by its
    documents and its parts' segments, segments merged by tiers of `factor` (default
    MERGE_FACTOR); `before_toc` as segments.Writer.commit takes it."""
    ix = whoosh_index.open_dir(str(index_dir), indexname=name)
    try:
        writer = Writer(ix, limitmb=LIMIT_MB, compound=COMPOUND, codec=CODECS[name])
    except whoosh_index.LockError:
        raise IndexBusyError(BUSY) from None
    with _no_cycle_collection():
        try:
            for path in batch.paths():
                writer.delete_by_term("path", path)
            if name == ARTICLES:
                # An article filed under another path (one file reached by two names)
                # is replaced too: update_document does that for the documents here.
                reader = writer.searcher().reader()  # the one delete_by_term uses
                for article_id in batch.written_ids():
                    if ("id", article_id) in reader:
                        writer.delete_by_term("id", article_id)
                for doc in batch.article_docs():
                    writer.update_document(**doc)
            else:
                for doc in batch.quote_docs():
                    writer.add_document(**doc)
            incoming = [_moved(segment, Path(folder), index_dir) for folder, segment in batch.segments(name)]
        except BaseException:
            writer.cancel()
            raise
        writer.commit(mergetype=functools.partial(merge_tiers, factor=factor or MERGE_FACTOR), incoming=incoming,
                      before_toc=before_toc)


def _moved(segment, folder: Path, index_dir: Path):
    """`segment`, its files moved from `folder` into the index folder."""
    for filename in segment.list_files(FileStorage(str(folder))):
        os.replace(folder / filename, index_dir / filename)
    return segment


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Python's cycle collector paused: a writer makes millions of objects that live
    until its segment is written, and the collector would walk them again and again
    (~8% of a bulk commit's time). What it leaves behind is freed by reference counting."""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def merge_tiers(writer, segments: list, factor: int) -> list:
    """The Whoosh merge policy of every commit: segments fall in tiers by size (a tier per
    power of `factor` documents); a tier holding `factor` segments is merged into one of
    the next tier. Each document is re-written once per tier it climbs, and an index
    keeps fewer than `factor` segments per tier."""
    merged = _tiers_merged(segments, factor)
    for segment in segments:
        if id(segment) in merged:
            with SegmentReader(writer.storage, writer.schema, segment) as reader:
                writer.add_reader(reader)
    return [segment for segment in segments if id(segment) not in merged]


def _tiers_merged(segments: list, factor: int) -> set[int]:
    """The ids of the segments `merge_tiers` merges: those of each full tier."""
    tiers: dict[int, list] = {}
    for segment in segments:
        tiers.setdefault(int(math.log(max(1, segment.doc_count_all()), factor)), []).append(segment)
    return {id(s) for tier in tiers.values() if len(tier) >= factor for s in tier}

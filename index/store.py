"""The index folder: two Whoosh indexes (articles, quotes), kept up to date incrementally.

`Store` is all the CLI and the app touch. One Store keeps one searcher per index for its
whole life and swaps in a fresh one on `refresh()`; its methods may be called from worker
threads (a lock serialises them) while another process commits: a reader sees the old or
the new state, never an error.

Writing (`update`) holds the folder's update lock for the whole run and commits in
batches: quotes first, then their articles, each file's old documents deleted by path
first. A run killed at any point leaves the last committed batch searchable; quotes
committed without their article are ignored (their article's fingerprint differs or
it is missing) until the next run re-indexes that file.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import date
from importlib import resources
from itertools import compress, count, repeat
from operator import add, methodcaller, not_
from pathlib import Path

from whoosh import collectors
from whoosh import index as whoosh_index
from whoosh import query as wq
from whoosh.columns import VarBytesColumn
from whoosh.filedb.filestore import FileStorage
from whoosh.reading import SegmentReader

from .config import Config, default_index_dir, load_config
from .counts import plural
from .errors import IndexBusyError, IndexUnavailableError, NewsxError, QueryError
from .highlight import query_terms, recorded_spans, snippet, term_spans
from .model import (
    Filters,
    Hit,
    IndexedArticle,
    IndexReport,
    PersonSummary,
    Problem,
    QuoteRecord,
    SearchResult,
    UnknownName,
)
from .halves import Answer, Halves
from .ranking import BlockRanker, Recorded, recorded_values, top_hits
from .schema import (
    ARTICLES,
    QUOTES,
    SCHEMA_VERSION,
    SCHEMAS,
    article_from_document,
    quote_from_document,
    stored_date,
)
from .search import ARTICLE_SYNTAX, QUOTE_SYNTAX, FacetTerms, QueryCompiler, filter_query
from .searchers import SegmentSearcher
from .writing import BUSY, Batch, Commits, Indexed, Work, loaded_here, write_both, written_in_workers

META_FILE = "newsx.json"
MANIFESTS_DIR = "manifests"
"""The folders' manifests as last parsed (see corpus.manifest.kept_in)."""
UPDATE_LOCK = "newsx_UPDATE"
SORTS = ("relevance", "date")
REMEMBERED = 16
"""people() results kept per view (an index state), by query and filters."""

Progress = Callable[[int, int, str], None]


class Store:
    """An open index folder. Use `Store.open()`; close it (or use `with`) when done."""

    def __init__(self, index_dir: Path, config: Config) -> None:
        self.index_dir = index_dir
        self.config = config
        self.notice: str | None = None
        self._lock = threading.RLock()
        self._storage = FileStorage(str(index_dir))
        self._articles_compiler = QueryCompiler(SCHEMAS[ARTICLES](), ARTICLE_SYNTAX)
        self._quotes_compiler = QueryCompiler(SCHEMAS[QUOTES](), QUOTE_SYNTAX)
        self._view: _View | None = None
        self._halves = Halves(index_dir)
        self._rebuilt = False

    # ------------------------------------------------------------ opening

    @classmethod
    def open(cls, index_dir: Path | None = None, config: Config | None = None, *, build_seeds: bool = True) -> Store:
        """Open the index at `index_dir` (default: the config's), creating it if missing.

        A new index is built from the bundled seed articles when `build_seeds`; an index
        of another schema version is rebuilt from the folders it recorded. Either way
        `notice` says what happened.
        """
        config = config or load_config()
        store = cls(Path(index_dir or default_index_dir(config)).expanduser(), config)
        store._prepare(build_seeds)
        return store

    def _prepare(self, build_seeds: bool) -> None:
        try:
            self.index_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise IndexUnavailableError(f"cannot create the index folder {self.index_dir}: {exc.strerror}") from None
        meta = self._read_meta()
        exists = all(whoosh_index.exists_in(str(self.index_dir), indexname=name) for name in SCHEMAS)
        if not exists or meta.get("schema_version") != SCHEMA_VERSION:
            self._create(meta, rebuild=exists)
        if build_seeds and not self._read_meta().get("roots"):
            self._build_seeds()
        self._view = self._open_view()

    def _create(self, meta: dict, rebuild: bool) -> None:
        """Make empty indexes (rebuilding from the recorded roots if there were any)."""
        roots = [Path(root) for root in meta.get("roots", [])] if rebuild else []
        with self._update_lock():
            try:
                for name, schema in SCHEMAS.items():
                    whoosh_index.create_in(str(self.index_dir), schema(), indexname=name)
            except OSError as exc:
                raise IndexUnavailableError(f"cannot write the index in {self.index_dir}: {exc.strerror}") from None
            self._write_meta({"schema_version": SCHEMA_VERSION, "roots": []})
            if rebuild:
                if roots:
                    self._update(roots, None, None)
                self._rebuilt = True
                self.notice = (
                    f"The index was made by another version of newsx: rebuilt it from "
                    f"{plural(len(roots), 'recorded folder')} in {self.index_dir}"
                )

    def _build_seeds(self) -> None:
        try:
            with resources.as_file(resources.files("newsx.seeds")) as seeds:
                self.update([Path(seeds)])
        except IndexBusyError:
            self.notice = f"The index in {self.index_dir} is being built by another process; showing what it has so far"
            return
        count = self._count_on_disk()
        self.notice = f"No index yet: built one from the {plural(count, 'bundled seed article')} in {self.index_dir}"

    def _count_on_disk(self) -> int:
        ix = whoosh_index.open_dir(str(self.index_dir), indexname=ARTICLES)
        return ix.doc_count()

    # ------------------------------------------------------------ metadata and locking

    def _read_meta(self) -> dict:
        try:
            data = json.loads((self.index_dir / META_FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def _write_meta(self, meta: dict) -> None:
        path = self.index_dir / META_FILE
        temp = path.with_name(f".{META_FILE}.{os.getpid()}")
        try:
            temp.write_text(json.dumps(meta, indent=1), encoding="utf-8")
            os.replace(temp, path)
        except OSError as exc:
            raise IndexUnavailableError(f"cannot write {path}: {exc.strerror}") from None

    @contextmanager
    def _update_lock(self) -> Iterator[None]:
        lock = self._storage.lock(UPDATE_LOCK)
        try:
            acquired = lock.acquire(blocking=False)
        except OSError as exc:
            raise IndexUnavailableError(f"cannot lock the index in {self.index_dir}: {exc.strerror}") from None
        if not acquired:
            raise IndexBusyError(BUSY)
        try:
            yield
        finally:
            lock.release()

    # ------------------------------------------------------------ writing

    def update(
        self,
        paths: list[Path] | None = None,
        progress: Progress | None = None,
        *,
        stop: threading.Event | None = None,
    ) -> IndexReport:
        """Bring the index in line with the files under `paths` (default: the recorded roots).

        New files are added, changed ones (by fingerprint) re-indexed, indexed files that
        are gone removed; what could not be read is in `report.skipped`. `progress(done,
        total, path)` is called after each file. When `stop` is set the run commits what
        it has and returns with `report.interrupted`.
        Raises IndexBusyError when another process is updating the index.
        """
        with self._update_lock():
            if paths is None:
                roots = [Path(root) for root in self._read_meta().get("roots", [])]
                if not roots:
                    raise NewsxError("nothing to index yet: give a file or folder, e.g. `newsx index ~/news`")
            else:
                roots = [Path(os.path.abspath(path)) for path in paths]
            report = self._update(roots, progress, stop)
        report.rebuilt = self._rebuilt
        self.refresh()
        return report

    def _update(self, roots: list[Path], progress: Progress | None, stop: threading.Event | None) -> IndexReport:
        from .corpus import manifest

        with manifest.kept_in(self.index_dir / MANIFESTS_DIR):
            return self._update_files(roots, progress, stop)

    def _update_files(self, roots: list[Path], progress: Progress | None, stop: threading.Event | None) -> IndexReport:
        from .corpus import manifest, walk

        self._record_roots([root for root in roots if root.exists()])
        report = IndexReport()
        files: list[str] = []
        own = self.index_dir.absolute()
        holds_index = any(_under(str(own), root) for root in roots)
        unchecked: list[manifest.Folder] = []  # manifests checked while the files are read
        for found in walk(roots, unchecked):
            if holds_index and _under(os.path.abspath(found.path if isinstance(found, Problem) else found), own):
                continue  # the index's own files, when it lives inside an indexed folder
            if isinstance(found, Problem):
                report.skipped.append(found)
            else:
                files.append(found)
        indexed = self._indexed_files(roots)
        seen = set(files)
        gone = sorted(path for path in indexed if path not in seen and not os.path.lexists(path))
        batch = Batch(removed=gone)
        work = self._work(files, indexed, report)
        commits = Commits(sum(1 for _, known, _ in work if known is None))
        if commits.bulk:
            loads = written_in_workers(self.config, work, report, self.index_dir, stop)
        else:
            loads = loaded_here(self.config, work, report, stop)
        done = len(files) - len(work)
        with manifest.checked_meanwhile(unchecked, report.skipped, stop), closing(loads) as loaded:
            for item in loaded:
                if isinstance(item, str):
                    done += 1
                    if progress:
                        progress(done, len(files), item)
                    continue
                batch.add(item)
                if commits.due(batch):
                    self._commit(batch, report)
                    batch = Batch()
        self._commit(batch, report)
        report.interrupted = stop is not None and stop.is_set()
        self._record_roots([root for root in roots if root.exists()], replace=[r for r in roots if not r.exists()])
        return report

    @staticmethod
    def _work(files: list[str], indexed: dict[str, Indexed], report: IndexReport) -> Work:
        """The files to read: new ones, and those whose stamp (size, times, inode, and
        their manifest's) is not the one they were indexed with; the others are counted
        unchanged without being read."""
        from .corpus import stamp

        manifests: dict[str, str | None] = {}  # each folder's manifest part, looked up once
        work: Work = []
        for path in files:
            known, current = indexed.get(path), stamp(path, manifests)
            if known is not None and current and current == known.stamp:
                report.unchanged += 1
            else:
                work.append((path, known, current))
        return work

    def _indexed_files(self, roots: list[Path]) -> dict[str, Indexed]:
        """What the index holds about each indexed file under `roots`, by path."""
        ix = whoosh_index.open_dir(str(self.index_dir), indexname=ARTICLES)
        found: dict[str, Indexed] = {}
        with ix.reader() as reader:
            if not reader.doc_count_all():
                return {}
            # Each segment's columns read whole, and made into paths and Indexed tuples in
            # C-level maps (tuple.__new__ is how a named tuple's _make builds one):
            # looking each document up in the reader's columns costs several times more,
            # and a Python step per document a sixth of the rest.
            for leaf, _ in [(reader, 0)] if reader.is_atomic() else reader.leaf_readers():
                paths, fingerprints, stamps = (map(bytes.decode, _bytes_column(leaf, name))
                                               for name in ("path", "fingerprint", "stamp"))
                files = zip(paths, map(tuple.__new__, repeat(Indexed), zip(fingerprints, stamps)))
                if leaf.has_deletions():
                    files = compress(files, map(not_, map(leaf.deleted_docs_set.__contains__, count())))
                found.update(files)
        named = {str(root) for root in roots}  # as _under tells, for all the roots at once
        prefixes = tuple(name.rstrip(os.sep) + os.sep for name in named)
        under = dict(compress(found.items(), map(methodcaller("startswith", prefixes), found)))
        under.update((name, found[name]) for name in named if name in found)
        return under

    def _commit(self, batch: Batch, report: IndexReport) -> None:
        """Write one batch: quotes, then articles, each file's old documents deleted first."""
        written = batch.written()
        if not written and not batch.removed:
            return
        write_both(self.index_dir, batch)
        report.removed.extend(batch.removed)
        for path, updated in written:
            (report.updated if updated else report.added).append(path)

    def _record_roots(self, add: list[Path], replace: list[Path] = ()) -> None:
        """Remember the folders indexed (a root inside another is not kept twice)."""
        meta = self._read_meta()
        roots = [Path(root) for root in meta.get("roots", []) if Path(root) not in replace]
        for new in add:
            if any(_under(str(new), old) for old in roots):
                continue
            roots = [old for old in roots if not _under(str(old), new)] + [new]
        meta.update(schema_version=SCHEMA_VERSION, roots=[str(root) for root in roots])
        self._write_meta(meta)

    # ------------------------------------------------------------ reading

    def _open_view(self) -> _View:
        try:
            return _View.open(self.index_dir, self._halves)
        except (OSError, whoosh_index.EmptyIndexError) as exc:
            raise IndexUnavailableError(f"cannot read the index in {self.index_dir}: {exc}") from None

    def refresh(self) -> None:
        """Pick up what another process (or `update`) committed; cheap when nothing did."""
        with self._lock:
            view = self._view
            if view is None or view.up_to_date():
                return
            try:
                fresh = view.refreshed()
            except OSError:  # commits kept deleting files as they were opened
                return  # keep the old state; the next refresh tries again
            view.retire(fresh)
            self._view = fresh

    def close(self) -> None:
        with self._lock:
            if self._view is not None:
                self._view.close()
                self._view = None
            self._halves.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    @property
    def view(self) -> _View:
        if self._view is None:
            raise IndexUnavailableError("the index is closed")
        return self._view

    def count(self) -> int:
        """How many articles the index holds."""
        with self._lock:
            return self.view.articles.doc_count()

    def search(
        self, query: str, *, sort: str = "relevance", limit: int = 50, offset: int = 0, filters: Filters | None = None
    ) -> SearchResult:
        """One page of the articles matching `query` (all of them, newest first, when empty).

        Raises QueryError for a query that cannot be read.
        """
        if sort not in SORTS:
            raise QueryError(f"unknown sort {sort!r} (use relevance or date)")
        with self._lock:
            view = self.view
            q = self._articles_compiler.compile(query, view.article_facets)
            ranked = not isinstance(q, wq.Every)
            docs = view.filter_docs(filters, quotes=False)
            if docs is not None and not docs:
                return SearchResult(query=query, total=0, hits=[], offset=offset, ranked=ranked)
            by_date = sort == "date" or not ranked
            collected = view.collect(view.articles, q, max(1, offset + limit), by_date, docs, record="body")
            page_hits = collected.hits[offset:offset + limit]
            page = [doc for doc, _ in page_hits]
            terms = query_terms(q, "body")
            spans = None if collected.values is None else recorded_spans(
                collected.values, page, terms, view.articles.schema["body"].format
            )
            if spans is None:
                spans = term_spans(view.articles.reader(), page, "body", terms)
            hits = [self._hit(view.articles.stored_fields(doc), score, spans[doc]) for doc, score in page_hits]
            unknown = [] if collected.total else self._articles_compiler.unknown_names(query, view.article_facets)
            return SearchResult(query=query, total=collected.total, hits=hits, offset=offset, ranked=ranked,
                                unknown=unknown)

    def _hit(self, stored: dict, score: float, spans: list[tuple[int, int]]) -> Hit:
        body = stored.get("body", "")
        line, line_spans = snippet(body if spans else (stored.get("summary") or body), spans)
        return Hit(
            id=stored["id"],
            path=stored["path"],
            title=stored.get("title", ""),
            outlet=stored.get("outlet", ""),
            date=stored_date(stored.get("date")),
            score=score,
            snippet=line,
            snippet_highlights=line_spans,
            highlights=spans,
        )

    def article(self, article_id: str) -> IndexedArticle | None:
        """The article with this id, with its analysis; None when there is none."""
        with self._lock:
            view = self.view
            docnum = view.article_docnum(article_id)
            if docnum is None:
                return None
            stored = view.articles.stored_fields(docnum)
            return article_from_document(stored, view.column("analysis")[docnum])

    def quotes(
        self,
        query: str = "",
        *,
        speaker: str | None = None,
        topic: str | None = None,
        stance: str | None = None,
        article_ids: list[str] | None = None,
        limit: int | None = None,
        kind: str | None = None,
    ) -> list[QuoteRecord]:
        """Quotes matching `query` (over the quote text; speaker:, topic:, stance:, kind:,
        date: work too), by a speaker (any of whose words match), on a topic, taking a
        stance, from some articles, of a kind ("speech" or "fragment"). Best match first
        with a query; else newest article first, in the order they appear.
        """
        if (article_ids is not None and not article_ids) or limit == 0:
            return []
        with self._lock:
            view = self.view
            q, ranked = self._quote_query(view, query, speaker, topic, stance, kind)
            docs = None if article_ids is None else view.quotes_of(article_ids)
            if docs is not None and not docs:
                return []
            return view.fresh_quotes(q, limit, ranked, docs)

    def count_quotes(
        self, query: str = "", *, speaker: str | None = None, topic: str | None = None,
        stance: str | None = None, kind: str | None = None,
    ) -> int:
        """How many quotes `quotes()` finds with these arguments and no limit (during an
        update, counting those of an article whose new quotes are in before it is)."""
        with self._lock:
            view = self.view
            q, ranked = self._quote_query(view, query, speaker, topic, stance, kind)
            return view.collect(view.quotes, q, 1, not ranked, None).total

    def unknown_names(self, query: str, *, quotes: bool = False) -> list[UnknownName]:
        """The names `query` asks for (`person:kershw`) that no article holds (no quote,
        with `quotes`), each with the nearest one that some does."""
        with self._lock:
            view = self.view
            if quotes:
                return self._quotes_compiler.unknown_names(query, view.quote_facets)
            return self._articles_compiler.unknown_names(query, view.article_facets)

    def unknown_speaker(self, name: str) -> UnknownName | None:
        """`quotes(speaker=name)`'s name when no quote's speaker holds it, with the
        nearest one that does; None when some speaker does."""
        with self._lock:
            facets = self.view.quote_facets
            if facets.containing("speaker", name):
                return None
            return UnknownName("speaker", name, facets.nearest("speaker", name))

    def _quote_query(self, view: _View, query: str, speaker: str | None, topic: str | None,
                     stance: str | None, kind: str | None) -> tuple[wq.Query, bool]:
        """A quotes search as one query, and whether it has words to rank by (else the
        quotes come newest first)."""
        said = self._quotes_compiler.compile(query, view.quote_facets)
        parts = [said]
        if speaker:
            names = view.quote_facets.containing("speaker", speaker)
            parts.append(wq.Or([wq.Term("speaker", name) for name in names]) if names else wq.NullQuery)
        narrowed = filter_query(Filters(topic=topic, stance=stance), view.quote_facets, quotes=True)
        if narrowed is not None:
            parts.append(narrowed)
        if kind:
            parts.append(wq.Term("kind", kind))
        return (parts[0] if len(parts) == 1 else wq.And(parts)), not isinstance(said, wq.Every)

    def article_ids(self, query: str = "", *, filters: Filters | None = None) -> list[str]:
        """The ids of all the articles matching `query` and `filters`, newest first.

        Builds no hits, so it is cheap for any number of matches: the way to narrow
        `quotes(article_ids=...)` to a search's articles.
        """
        with self._lock:
            view = self.view
            ids, dates = view.column("id"), view.column("sortdate")
            docs = self._matching_docs(view, query, filters)
            return [ids[n] for n in sorted(docs, key=lambda n: dates[n], reverse=True)]

    def people(self, query: str = "", *, filters: Filters | None = None) -> list[PersonSummary]:
        """The people in the matching articles, most mentioned first, with their quote
        counts and their latest stance on each topic. With a stance in `filters`, only
        those whose latest stance (on its topic, when one is given) in the articles the
        query matches is that one: who supports what now, or, with a date in the query,
        then.

        Remembered per index state, query and filters: the summaries are shared with
        later calls, so treat them as read-only.
        """
        with self._lock:
            view = self.view
            key = ("people", query.strip(), _filter_key(filters))
            return list(view.remembered(key, lambda: self._people(view, query, filters)))

    def _people(self, view: _View, query: str, filters: Filters | None) -> list[PersonSummary]:
        summaries = _tally(view, self._matching_docs(view, query, filters)).summaries()
        if filters and filters.stance:
            # Each one's latest stance among all the articles the query (and person) match,
            # not only those where someone takes this stance: who said otherwise since is
            # out, but for the chosen person, whose articles these are.
            topic = filters.topic.lower() if filters.topic else None
            stated = {
                docnum
                for value, _ in view.article_facets.values("stance")
                if topic is None or value.rpartition(":")[0] == topic
                for docnum in view.term_docs("stance", value)
            }
            latest = _tally(view, stated & self._matching_docs(view, query, Filters(person=filters.person))).people
            summaries = [
                p for p in summaries
                if p.name == filters.person or p.name in latest and _holds(latest[p.name], topic, filters.stance)
            ]
        return summaries

    def stance_counts(self, query: str = "", *, filters: Filters | None = None) -> dict[tuple[str, str], int]:
        """(topic, stance) -> how many of the matching articles someone takes it in."""
        with self._lock:
            view = self.view
            docs = self._matching_docs(view, query, filters)
            counts = {}
            for value, _ in view.article_facets.values("stance"):
                topic, _, stance = value.rpartition(":")
                n = len(view.term_docs("stance", value) & docs)
                if n:
                    counts[(topic, stance)] = n
            return counts

    def _matching_docs(self, view: _View, query: str, filters: Filters | None) -> set[int]:
        q = self._articles_compiler.compile(query, view.article_facets)
        docs = view.matching(q)
        narrowed = view.filter_docs(filters, quotes=False)
        return docs if narrowed is None else docs & narrowed


# ---------------------------------------------------------------- reading state


class _View:
    """The searchers of one moment of the index, and what is cached about it."""

    def __init__(self, articles: SegmentSearcher, quotes: SegmentSearcher, halves: Halves) -> None:
        self._articles, self._quotes, self._halves = articles, quotes, halves
        self.articles, self.quotes = articles.searcher, quotes.searcher
        self.article_facets = FacetTerms(self.articles.reader())
        self.quote_facets = FacetTerms(self.quotes.reader())
        self._filters: dict[tuple, set[int]] = {}
        self._terms: dict[tuple[str, str], set[int]] = {}
        self._columns: dict[tuple[int, str], object] = {}
        self._rankers: dict[int, BlockRanker] = {}
        self._prints: dict[str, str | None] = {}
        self._remembered: dict[tuple, object] = {}

    @classmethod
    def open(cls, index_dir: Path, halves: Halves) -> _View:
        articles, quotes = (SegmentSearcher.open(whoosh_index.open_dir(str(index_dir), indexname=name))
                            for name in SCHEMAS)
        return cls(articles, quotes, halves)

    def up_to_date(self) -> bool:
        return self._articles.up_to_date() and self._quotes.up_to_date()

    def refreshed(self) -> _View:
        """A view of the latest commit, sharing what did not change with this one.

        This view stays usable until `retire()`: nothing is closed here, so a failure
        (a commit deleting files as they are opened) leaves it intact.
        """
        return _View(self._articles.refreshed(), self._quotes.refreshed(), self._halves)

    def retire(self, successor: _View) -> None:
        """Close what `successor` did not take over."""
        self._articles.retire(successor._articles)
        self._quotes.retire(successor._quotes)

    def close(self) -> None:
        self._articles.close()
        self._quotes.close()

    def column(self, name: str):
        """The articles' column `name`, indexable by document number."""
        return self._column(self.articles, name)

    def quote_column(self, name: str):
        """The quotes' column `name`, indexable by document number."""
        return self._column(self.quotes, name)

    def _column(self, searcher, name: str):
        key = (id(searcher), name)
        if key not in self._columns:
            reader = searcher.reader()
            self._columns[key] = reader.column_reader(name) if reader.doc_count_all() else {}
        return self._columns[key]

    def article_docnum(self, article_id: str) -> int | None:
        return self.articles.document_number(id=article_id)

    def article_fingerprint(self, article_id: str) -> str | None:
        if article_id not in self._prints:
            docnum = self.article_docnum(article_id)
            self._prints[article_id] = None if docnum is None else self.column("fingerprint")[docnum]
        return self._prints[article_id]

    def term_docs(self, field: str, value: str) -> set[int]:
        key = (field, value)
        if key not in self._terms:
            self._terms[key] = set(self.articles.docs_for_query(wq.Term(field, value)))
        return self._terms[key]

    def remembered(self, key: tuple, compute: Callable[[], object]):
        """`compute()`, kept for the last REMEMBERED keys: repeated panes cost nothing."""
        if key not in self._remembered:
            if len(self._remembered) >= REMEMBERED:
                del self._remembered[next(iter(self._remembered))]
            self._remembered[key] = compute()
        return self._remembered[key]

    def filter_docs(self, filters: Filters | None, *, quotes: bool) -> set[int] | None:
        """The documents a facet filter allows (cached), or None for no filter at all.

        An empty set means nothing matches: Whoosh would apply no filter for it.
        """
        if not filters:
            return None
        key = (quotes, _filter_key(filters))
        if key not in self._filters:
            searcher = self.quotes if quotes else self.articles
            facets = self.quote_facets if quotes else self.article_facets
            self._filters[key] = set(searcher.docs_for_query(filter_query(filters, facets, quotes=quotes)))
        return self._filters[key]

    def matching(self, q) -> set[int]:
        """Every article `q` matches."""
        scores = self._ranker(self.articles).scores(q)
        return set(self.articles.docs_for_query(q)) if scores is None else set(scores)

    def _ranker(self, searcher, segments: frozenset[str] | None = None) -> BlockRanker:
        """The ranker of `searcher`'s documents, or of those of `segments` only."""
        key = (id(searcher), segments)
        if key not in self._rankers:
            sortdates = self.column("sortdate") if searcher is self.articles else self.quote_column("sortdate")
            self._rankers[key] = BlockRanker(searcher, list(sortdates), segments)
        return self._rankers[key]

    def collect(
        self, searcher, q, limit: int | None, by_date: bool, docs: set[int] | None, record: str | None = None
    ) -> _Collected:
        """The top `limit` documents for `q` (best, or newest, first), among `docs` when
        given, with an exact total: scored a block at a time where ranking.py can (a
        large search of the articles on two cores: halves.py), else by Whoosh. With
        `record`, the posting values read of that field come too."""
        mine = None
        if limit is not None and searcher is self.articles:
            mine = self._halves.ask(self._articles, q, record, docs, limit, by_date)
        ranker = self._ranker(searcher, mine)
        try:
            scores = ranker.scores(q, record, among=docs)
        finally:  # the answer is taken even if scoring here failed: the next search's comes next
            theirs = None if mine is None else self._halves.answer()
        if mine is not None:
            if scores is not None and theirs is not None:
                return _joined(ranker, scores, theirs, limit, by_date)
            ranker = self._ranker(searcher)  # the helper could not: all of it here
            scores = ranker.scores(q, record, among=docs)
        if scores is None:
            return self._whoosh_collect(searcher, q, limit, by_date, docs)
        count = len(scores) if limit is None else limit
        hits = top_hits(scores, count, ranker.sortdates if by_date else None)
        return _Collected(len(scores), hits, ranker.recorded)

    @staticmethod
    def _whoosh_collect(searcher, q, limit: int | None, by_date: bool, docs: set[int] | None) -> _Collected:
        """Whoosh's collectors, without their shortcuts: with them, the total takes a
        second pass, and an OR's top hits can drop the score of its weaker words."""
        if by_date:
            collector = searcher.collector(limit=limit, sortedby="sortdate", reverse=True)
        elif limit is None:
            collector = collectors.UnlimitedCollector()
        else:
            collector = collectors.TopCollector(limit=limit, usequality=False, replace=0)
        if docs is not None:
            collector = collectors.FilterCollector(collector, allow=docs)
        searcher.search_with_collector(q, collector)
        results = collector.results()
        return _Collected(len(results), [(hit.docnum, float(hit.score or 0.0)) for hit in results])

    def quotes_of(self, article_ids: list[str]) -> set[int]:
        """The quote documents of these articles."""
        reader = self.quotes.reader()
        docs: set[int] = set()
        for article_id in article_ids:
            if reader.doc_frequency("article_id", article_id):
                docs.update(reader.postings("article_id", article_id).all_ids())
        return docs

    def fresh_quotes(self, q, limit: int | None, ranked: bool, docs: set[int] | None) -> list[QuoteRecord]:
        """The quotes matching `q` (among `docs`, when given) whose article is indexed
        with the same fingerprint."""
        fetch = limit
        while True:
            collected = self.collect(self.quotes, q, fetch, not ranked, docs)
            stored = (self.quotes.stored_fields(doc) for doc, _ in collected.hits)
            records = [
                quote_from_document(fields)
                for fields in stored
                if self.article_fingerprint(fields["article_id"]) == fields["fingerprint"]
            ]
            if fetch is None or len(records) >= limit or len(collected.hits) < fetch:
                break
            fetch *= 4
        if not ranked:
            records.sort(key=lambda r: (-(r.date or date.min).toordinal(), r.article_id, r.start))
        return records[:limit] if limit is not None else records


@dataclass
class _Collected:
    """What a search found: the total, and the top documents with their scores."""

    total: int
    hits: list[tuple[int, float]]
    values: dict[str, Recorded | dict[int, bytes]] | None = None
    """Posting values read while scoring, when asked for (see BlockRanker.recorded)."""


def _joined(ranker: BlockRanker, scores: dict[int, float], theirs: Answer, limit: int, by_date: bool) -> _Collected:
    """A split search's answer: this process's part (`ranker` has just scored it) and the
    helper's, with the posting values recorded of their first documents."""
    total, their_hits, their_values = theirs
    dates = ranker.sortdates if by_date else None
    hits = top_hits(dict(top_hits(scores, limit, dates) + their_hits), limit, dates)
    values = recorded_values(ranker.recorded, (doc for doc, _ in hits))
    for word, held in their_values.items():  # theirs: of their first hits, a few more than needed
        values.setdefault(word, {}).update(held)
    return _Collected(len(scores) + total, hits, values)


def _tally(view: _View, docs: set[int]) -> _PeopleTally:
    """The people of the articles `docs`."""
    tally = _PeopleTally()
    facts, dates = view.column("facts"), view.column("sortdate")
    for docnum in docs:
        tally.add(json.loads(facts[docnum] or b"{}"), _from_sortdate(dates[docnum]))
    return tally


class _PeopleTally:
    """People summed over articles: mentions, quotes, and the latest stance per topic."""

    def __init__(self) -> None:
        self.people: dict[str, PersonSummary] = {}
        self._role_dates: dict[str, date] = {}

    def add(self, facts: dict, when: date | None) -> None:
        """One article's schema.people_facts, dated `when`."""
        day = when or date.min
        for name, role, mentions, quotes, aliases in facts.get("people", []):
            summary = self.people.setdefault(name, PersonSummary(name, None, [], 0, 0, 0))
            summary.mentions += mentions
            summary.quotes += quotes
            summary.articles += 1
            summary.aliases.extend(alias for alias in aliases if alias not in summary.aliases)
            if role and (summary.role is None or day >= self._role_dates[name]):
                summary.role = role
                self._role_dates[name] = day
        for person, topic, stance, evidence in facts.get("stances", []):
            summary = self.people.get(person)
            if summary is None:
                continue
            held = summary.stances.get(topic)
            if held is None or day > (held[1] or date.min):
                summary.stances[topic] = (stance, when, evidence)

    def summaries(self) -> list[PersonSummary]:
        return sorted(self.people.values(), key=lambda p: (-p.mentions, -p.quotes, p.name))


def _holds(person: PersonSummary, topic: str | None, stance: str) -> bool:
    """Whether `person`'s latest stance on `topic` (on some topic, for None) is `stance`."""
    return any(
        held.lower() == stance.lower()
        for on, (held, _, _) in person.stances.items()
        if topic is None or on.lower() == topic.lower()
    )


def _filter_key(filters: Filters | None) -> tuple:
    return (filters.person, filters.topic, filters.stance) if filters else ()


def _from_sortdate(value: int) -> date | None:
    if not value:
        return None
    return date(value // 10000, value // 100 % 100, value % 100)


def _bytes_column(leaf: SegmentReader, name: str) -> list[bytes]:
    """Every document's value in one of a segment's bytes columns, read in one piece
    (Whoosh's reader seeks and reads once per value: most of a 100k-file folder's
    update went there)."""
    column = leaf._perdoc.column_reader(name, VarBytesColumn())
    offsets, lengths = column._offsets, column._lengths
    if not len(lengths):
        return []
    data = column._dbfile.get(column._basepos, offsets[-1] + lengths[-1])
    return list(map(data.__getitem__, map(slice, offsets, map(add, offsets, lengths))))


def _under(path: str, root: Path) -> bool:
    root_text = str(root)
    return path == root_text or path.startswith(root_text.rstrip(os.sep) + os.sep)

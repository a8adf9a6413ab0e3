"""The baseline: the same corpus and query mix in SQLite FTS5 (stdlib sqlite3).

Articles are read and cleaned by newsx's own readers, so both engines index the same
text; FTS5 does no extraction, so its person and stance columns come from the
generator's truth.jsonl. Porter stemming, bm25 ranking, prefix indexes for 1-3
characters (what a search-as-you-type FTS5 setup would use), and per page of hits: the
total, snippet() around the best match and highlight() of the whole body turned into
offsets, like the Whoosh side's hits.
"""

from __future__ import annotations

import json
import sqlite3
import time
from pathlib import Path
from typing import TYPE_CHECKING

from newsx.index.clean import load_rules
from newsx.index.corpus import discover, load_file

if TYPE_CHECKING:  # the query mix builds its vocabulary on import: not in a build child
    from queries import Query

_SCHEMA = """CREATE VIRTUAL TABLE docs USING fts5(
    title, outlet, body, people, stances, date UNINDEXED, path UNINDEXED,
    tokenize = 'porter unicode61', prefix = '1 2 3')"""
_OPEN, _CLOSE = "\x02", "\x03"
"""Match markers: control characters cleaning has removed from every article."""
_PAGE = f"""SELECT path, title, outlet, date, snippet(docs, 2, '{_OPEN}', '{_CLOSE}', '…', 24),
    highlight(docs, 2, '{_OPEN}', '{_CLOSE}') FROM docs WHERE docs MATCH ?{{dates}}
    ORDER BY rank LIMIT ?"""
_COUNT = "SELECT count(*) FROM docs WHERE docs MATCH ?{dates}"
_DATES = " AND date BETWEEN ? AND ?"


def build(db_path: Path, corpus: Path) -> dict:
    """Index the corpus at `corpus` into a new database; return counts and timings."""
    db_path.unlink(missing_ok=True)
    facets = _facets(corpus / "truth.jsonl")
    started = time.perf_counter()
    rows = list(_rows(corpus / "articles", facets))
    read = time.perf_counter() - started
    with sqlite3.connect(db_path) as db:
        db.execute(_SCHEMA)
        db.executemany("INSERT INTO docs VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
        db.execute("INSERT INTO docs(docs) VALUES ('optimize')")
    seconds = time.perf_counter() - started
    return {"articles": len(rows), "seconds": seconds, "read_seconds": read}


def _facets(truth: Path) -> dict[str, tuple[str, str]]:
    """file -> (people, stances) as FTS5 column text, e.g. "arms ban oppose; ..."."""
    facets = {}
    with truth.open(encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            stances = "; ".join(f"{topic.replace('-', ' ')} {stance}" for _, topic, stance in record["stances"])
            facets[record["file"]] = ("; ".join(record["people"]), stances)
    return facets


def _rows(articles: Path, facets: dict[str, tuple[str, str]]):
    rules = load_rules()
    for path in discover([articles]):
        if isinstance(path, Path):
            people, stances = facets[path.relative_to(articles).as_posix()]
            for article in load_file(path, rules).articles:
                day = article.date.isoformat() if article.date else None
                yield article.title, article.outlet, article.body, people, stances, day, str(path)


class Fts5Search:
    """A connection kept open for the whole run, like a warm Whoosh searcher."""

    def __init__(self, db_path: Path) -> None:
        self.db = sqlite3.connect(db_path, check_same_thread=False)

    def search(self, query: Query, limit: int = 50) -> tuple[int, list[tuple]]:
        """The total and the first page: (path, title, outlet, date, snippet, snippet
        offsets, body highlight offsets) per hit."""
        dates = _DATES if query.dates else ""
        params = [query.fts, *(d.isoformat() for d in query.dates or ())]
        total = self.db.execute(_COUNT.format(dates=dates), params).fetchone()[0]
        page = []
        for path, title, outlet, day, snippet, marked in self.db.execute(_PAGE.format(dates=dates), [*params, limit]):
            snippet, snippet_offsets = _offsets(snippet)
            page.append((path, title, outlet, day, snippet, snippet_offsets, _offsets(marked)[1]))
        return total, page

    def close(self) -> None:
        self.db.close()


def _offsets(marked: str) -> tuple[str, list[tuple[int, int]]]:
    """Text without the match markers, and the offsets of the marked spans in it."""
    plain, offsets, position = [], [], 0
    for index, piece in enumerate(marked.split(_OPEN)):
        if index:
            inside, _, rest = piece.partition(_CLOSE)
            offsets.append((position, position + len(inside)))
            plain.append(inside)
            position += len(inside)
            piece = rest
        plain.append(piece)
        position += len(piece)
    return "".join(plain), offsets

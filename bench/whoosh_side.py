"""The newsx side, through the engine's public API only (newsx.index.store.Store).

`build` and `update_one` run in a child process (bench/child.py) so each has its own
peak memory; `NewsxSearch` runs in the benchmark's own process with one warm Store.
"""

from __future__ import annotations

import shutil
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from newsx.index.model import Filters
from newsx.index.store import Store

if TYPE_CHECKING:  # the query mix builds its vocabulary on import: not in a build child
    from queries import Query

CHANGED_FILE = "0000/000007.txt"
"""The article `update_one` edits: in the first shard, so it exists at every size."""


def build(index_dir: Path, corpus: Path) -> dict:
    """Index the corpus into a new index folder, extraction included; return timings."""
    shutil.rmtree(index_dir, ignore_errors=True)
    started = time.perf_counter()
    with Store.open(index_dir, build_seeds=False) as store:
        report = store.update([corpus / "articles"], progress=_log_progress)
    return {
        "articles": len(report.added),
        "skipped": len(report.skipped),
        "seconds": time.perf_counter() - started,
    }


def _log_progress(done: int, total: int, _path: str) -> None:
    """Every 1,000 files, say how far the build is (stderr: a long build can be watched)."""
    if done % 1000 == 0 or done == total:
        print(f"[{time.strftime('%H:%M:%S')}] indexed {done:,} of {total:,} files", file=sys.stderr, flush=True)


def update_one(index_dir: Path, corpus: Path) -> dict:
    """Open the built index cold, then change one article and re-index it twice: once
    by updating the whole corpus folder (what `newsx index <folder>` does), once by
    updating just that file. The article is restored (and re-indexed) afterwards."""
    articles = corpus / "articles"
    path = articles / CHANGED_FILE
    original = path.read_text(encoding="utf-8")
    started = time.perf_counter()
    store = _open_built(index_dir)
    opened = time.perf_counter()
    store.search("government", limit=50)
    first_search = time.perf_counter()
    timings = {"open_ms": (opened - started) * 1000, "first_search_ms": (first_search - opened) * 1000}
    try:
        for label, target, edit in (("folder", articles, 1), ("file", path, 2)):
            path.write_text(f"{original}\nCorrection {edit}: an earlier version misspelt a name.\n", encoding="utf-8")
            started = time.perf_counter()
            report = store.update([target])
            timings[f"update_{label}_s"] = time.perf_counter() - started
            if len(report.updated) != 1:
                raise RuntimeError(f"updating the {label} re-indexed {len(report.updated)} articles, not 1")
    finally:
        path.write_text(original, encoding="utf-8")
        store.update([path])
        store.close()
    return timings


def _open_built(index_dir: Path) -> Store:
    """Open the index the build made; refuse one that opening had to rebuild (the
    engine's schema changed since the build), which would time a rebuild instead."""
    store = Store.open(index_dir, build_seeds=False)
    if store.notice:
        store.close()
        raise RuntimeError(f"opening the built index did more than open it: {store.notice}")
    return store


class NewsxSearch:
    """One Store kept open for the whole run: a warm searcher, as the app holds it."""

    def __init__(self, index_dir: Path) -> None:
        self.store = _open_built(index_dir)

    def search(self, query: Query, limit: int = 50) -> tuple[int, list]:
        """The total and the first page of hits (each with snippet and highlights)."""
        filters = Filters(person=query.person, topic=query.topic, stance=query.stance)
        result = self.store.search(query.text, limit=limit, filters=filters)
        return result.total, result.hits

    def close(self) -> None:
        self.store.close()

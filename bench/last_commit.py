"""A bulk run's last commit on its own: parts written as a bulk run's workers write them,
then committed into an empty index at once, as the commit that completes a tier is.

    python bench/last_commit.py CORPUS_DIR [--parts 10] [--files 2000]

The parts (the first PARTS × FILES files of the corpus, in two processes) are written
once into bench/out/<corpus>/parts-PARTSxFILES and reused. Each run copies them into a
new index folder, commits them (`writing.write_both`, or the two commits one after the
other on an engine before it) and prints one JSON line: the
commit's wall and CPU seconds (this process and the helper it waited on) and peak RSS
(the helper's only when the parts were written by an earlier run). To compare two
engines, run it on each (PYTHONPATH=frozen copy) in turn.
"""

from __future__ import annotations

import argparse
import json
import pickle
import resource
import shutil
import tempfile
import time
from multiprocessing import get_context
from pathlib import Path

from newsx.index import writing
from newsx.index.config import load_config
from newsx.index.schema import ARTICLES, QUOTES
from newsx.index.store import Store

OUT = Path(__file__).parent / "out"


def write_part(task: tuple[list[str], str]) -> writing.Part:
    """One part of `paths`, written into `folder` as a bulk run's worker writes it."""
    paths, folder = task
    indexer = writing.Indexer(load_config())
    part = writing._PartWriter(Path(folder))
    with writing._no_cycle_collection():
        for path in paths:
            part.add(indexer.load(path, None, "", part.report))
        return part.finish()


def write_parts(corpus: Path, folder: Path, count: int, files: int) -> None:
    """Write `count` parts of `files` files of the corpus into `folder`, with their list."""
    shutil.rmtree(folder, ignore_errors=True)
    paths = sorted(str(p) for p in (corpus / "articles").rglob("*.txt"))[:count * files]
    tasks = [(paths[n * files:(n + 1) * files], str(folder / f"p{n:02d}")) for n in range(count)]
    with get_context("spawn").Pool(2) as pool:
        parts = pool.map(write_part, tasks)
    (folder / "parts.pickle").write_bytes(pickle.dumps(parts))


def commit(parts_folder: Path, helpers_measured: bool) -> dict:
    """Copy the parts into a new index folder and commit them all at once. The helpers'
    peak RSS is theirs only when this process started no other (`helpers_measured`)."""
    work = Path(tempfile.mkdtemp(prefix="newsx-last-commit-"))
    try:
        index_dir, copied = work / "index", work / "parts"
        Store.open(index_dir, build_seeds=False).close()
        shutil.copytree(parts_folder, copied)
        parts = pickle.loads((copied / "parts.pickle").read_bytes())
        for part in parts:
            part.folder = str(copied / Path(part.folder).name)
        started, cpu = time.perf_counter(), _cpu()
        _write_both(index_dir, writing.Batch(parts=parts))
        seconds, cpu = time.perf_counter() - started, _cpu() - cpu
    finally:
        shutil.rmtree(work, ignore_errors=True)
    own, helpers = (resource.getrusage(who).ru_maxrss // 1024 for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    return {"parts": len(parts), "articles": sum(len(w.ids) for p in parts for w in p.files),
            "seconds": round(seconds, 2), "cpu_seconds": round(cpu, 2), "peak_rss_mb": own,
            "helper_peak_rss_mb": helpers if helpers_measured else None}


def _write_both(index_dir: Path, batch: writing.Batch) -> None:
    """writing.write_both; on an engine older than it, what that engine's store did."""
    if hasattr(writing, "write_both"):
        writing.write_both(index_dir, batch)
    else:
        writing.write(index_dir, QUOTES, batch)
        writing.write(index_dir, ARTICLES, batch)


def _cpu() -> float:
    """CPU seconds of this process and of the helper processes it has waited on."""
    return sum(u.ru_utime + u.ru_stime for u in map(resource.getrusage, (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="a corpus folder made by make_corpus.py")
    parser.add_argument("--parts", type=int, default=10, help="parts to commit (default 10: a whole tier)")
    parser.add_argument("--files", type=int, default=writing.PART_FILES, help="files in each part")
    args = parser.parse_args()
    folder = OUT / args.corpus.name / f"parts-{args.parts}x{args.files}"
    written_before = (folder / "parts.pickle").exists()
    if not written_before:
        write_parts(args.corpus, folder, args.parts, args.files)
    print(json.dumps(commit(folder, helpers_measured=written_before)))


if __name__ == "__main__":
    main()

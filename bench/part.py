"""One bulk-run worker's part, in this process: for counting its instructions.

    python bench/part.py FOLDER N [OUT]
    valgrind --tool=callgrind --callgrind-out-file=/dev/null python bench/part.py FOLDER N

Reads, cleans and analyses the first N files of FOLDER (sorted by name) and writes them
as one part's segments of both indexes into OUT (default: a new temporary folder),
as a worker of `Store.update` does. Callgrind's instruction count does not move with the
machine's speed; subtract the count of N=0 (imports and start-up) to compare engines.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from newsx.index import writing
from newsx.index.config import load_config


def main(folder: str, count: str, out: str | None = None) -> None:
    paths = sorted(str(path) for path in Path(folder).glob("*.txt"))[:int(count)]
    indexer = writing.Indexer(load_config())
    part = writing._PartWriter(Path(out or tempfile.mkdtemp()) / "part")
    with writing._no_cycle_collection():
        for path in paths:
            part.add(indexer.load(path, None, "", part.report))
        part.finish()


if __name__ == "__main__":
    main(*sys.argv[1:])

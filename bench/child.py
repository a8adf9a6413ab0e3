"""One measured step in a process of its own; prints its result as one JSON line.

    python bench/child.py whoosh-build  INDEX_DIR CORPUS_DIR
    python bench/child.py whoosh-update INDEX_DIR CORPUS_DIR
    python bench/child.py fts5-build    DB_FILE   CORPUS_DIR
    python bench/child.py app           INDEX_DIR SPAWNED_AT (the parent's time.time())

run.py starts these through measure.run_child, which adds the process tree's peak memory.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from measure import own_usage


def main(step: str, target: str, other: str) -> None:
    if step == "app":
        import app_side

        result = app_side.measure(Path(target), float(other))
    elif step == "fts5-build":
        import fts5

        result = fts5.build(Path(target), Path(other))
    else:
        import whoosh_side

        run = whoosh_side.build if step == "whoosh-build" else whoosh_side.update_one
        result = run(Path(target), Path(other))
    result.update(own_usage())
    print(json.dumps(result))


if __name__ == "__main__":
    main(*sys.argv[1:])

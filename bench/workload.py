"""Run one query class over and over against a built index, for a profiler to watch.

    py-spy record -r 200 -f raw -o /tmp/prefix.raw -- \
        /work/venv/bin/python bench/workload.py --n 10000 --cls prefix --reps 20
    python bench/stacks.py /tmp/prefix.raw

The index is the one `bench/run.py --n N` built under bench/out/.
"""

from __future__ import annotations

import argparse

from make_corpus import corpus_dir
from queries import CLASSES, MIX
from run import OUT_ROOT
from whoosh_side import NewsxSearch


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--cls", choices=CLASSES, required=True)
    parser.add_argument("--reps", type=int, default=20)
    args = parser.parse_args()
    engine = NewsxSearch(OUT_ROOT / corpus_dir(args.n, args.seed).name / "whoosh")
    queries = [query for query in MIX if query.cls == args.cls]
    try:
        for _ in range(args.reps):
            for query in queries:
                engine.search(query)
    finally:
        engine.close()


if __name__ == "__main__":
    main()

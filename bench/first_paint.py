"""The app's start-up on the bundled seeds, each run in a fresh process.

    python bench/first_paint.py [--runs 7]

Builds an index of the seeds in a temporary folder once, then runs the app RUNS times
through `child.py app` (app_side.py: from process start to Textual's Ready event, and
to the first results), and prints each run, the medians and the load average.
With PYTHONDONTWRITEBYTECODE set and no .pyc files, every start compiles newsx's source.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

from measure import run_child

BENCH = Path(__file__).resolve().parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="fresh processes to time (default 7)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        index_dir, config_file = Path(tmp) / "index", Path(tmp) / "config.yaml"
        os.environ.update(NEWSX_INDEX=str(index_dir), NEWSX_CONFIG=str(config_file))  # the user's files stay out of it
        _build_seeds_index(index_dir, config_file)
        print(f"load average before: {_load()}; PYTHONDONTWRITEBYTECODE={os.environ.get('PYTHONDONTWRITEBYTECODE', '')!r}")
        paints, results = [], []
        for run in range(1, args.runs + 1):
            figures = run_child([str(BENCH / "child.py"), "app", str(index_dir), repr(time.time())])
            if figures.get("status") != "measured":
                raise SystemExit(f"run {run}: {figures.get('status')}")
            paints.append(figures["first_paint_ms"])
            results.append(figures["first_results_ms"])
            print(f"run {run}: first paint {paints[-1]} ms, first results {results[-1]} ms")
    print(f"median of {args.runs}: first paint {statistics.median(paints)} ms, "
          f"first results {statistics.median(results)} ms")
    print(f"load average after: {_load()}")


def _build_seeds_index(index_dir: Path, config_file: Path) -> None:
    """Build the index the app would build from the seeds on its first start."""
    from newsx.index.config import Config
    from newsx.index.store import Store

    Store.open(index_dir, Config(path=config_file)).close()


def _load() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


if __name__ == "__main__":
    main()

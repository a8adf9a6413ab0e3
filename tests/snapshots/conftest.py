import sys
from pathlib import Path

# The app tests' harness (the seeded index and `settle`) serves the snapshots too.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "app"))

from harness import config, index_dir, isolated, make_app, seed_index  # noqa: E402, F401  (fixtures)

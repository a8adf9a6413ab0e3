"""The robustness tests' fixtures: hypothesis profiles, an isolated index, and the hostile
corpus indexed once per session by the installed `newsx` (see runner.py).

Hypothesis profiles: "ci" (the default) keeps the property tests to a few seconds;
HYPOTHESIS_PROFILE=long runs many more examples for a local search for bugs.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from hostile_corpus import build, restore_permissions
from runner import CAN_BE_REFUSED, HostileRun, isolated_env, newsx

# The app tests' harness (settle, option_texts...), the unit tests' corpus helpers and the
# smoke test's tmux driver are reused here, not copied.
TESTS = Path(__file__).resolve().parents[1]
for shared in ("app", "unit", "smoke"):
    if str(TESTS / shared) not in sys.path:
        sys.path.insert(0, str(TESTS / shared))

settings.register_profile(
    "ci", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow], print_blob=True
)
settings.register_profile(
    "long", max_examples=5_000, deadline=None, suppress_health_check=[HealthCheck.too_slow], print_blob=True
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """NEWSX_INDEX and NEWSX_CONFIG inside tmp_path, for this process and subprocesses."""
    environment = isolated_env(tmp_path)
    monkeypatch.setenv("NEWSX_INDEX", environment["NEWSX_INDEX"])
    monkeypatch.setenv("NEWSX_CONFIG", environment["NEWSX_CONFIG"])
    return environment


@pytest.fixture(scope="session")
def hostile_run(tmp_path_factory: pytest.TempPathFactory) -> HostileRun:
    """`newsx index` over the whole broken and hostile corpus, once per session."""
    folder = tmp_path_factory.mktemp("hostile")
    corpus = build(folder / "news", unreadable=CAN_BE_REFUSED)
    environment = isolated_env(folder)
    try:
        run = newsx("index", *corpus.args, env=environment, unprivileged=True)
    finally:
        restore_permissions(corpus)
    return HostileRun(corpus, folder / "index", environment, run)


@pytest.fixture
def hostile_index(hostile_run: HostileRun, tmp_path: Path) -> Path:
    """A copy of the hostile index this test may change."""
    copy = tmp_path / "index"
    shutil.copytree(hostile_run.index_dir, copy)
    return copy

"""What the app and snapshot tests share: a real index built from the seeds, and a way
to wait until the app has finished what the last key started.

The index is built once per session and copied into each test's tmp_path, so a test
may change it freely. NEWSX_CONFIG and NEWSX_INDEX point into tmp_path, so no test
reads or writes the user's own files.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from newsx.index.config import Config
from newsx.index.store import Store
from newsx.tui.app import NewsxApp
from newsx.tui.screens.explore import ExploreScreen

TODAY = date(2025, 3, 10)
"""The app's "today" in tests, so the export prompt's default name is fixed."""


@pytest.fixture(scope="session")
def seed_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("seeds") / "index"
    Store.open(folder, Config(path=folder.parent / "config.yaml")).close()
    return folder


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSX_CONFIG", str(tmp_path / "config.yaml"))
    monkeypatch.setenv("NEWSX_INDEX", str(tmp_path / "unused-index"))
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def index_dir(seed_index: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "index"
    shutil.copytree(seed_index, folder)
    return folder


@pytest.fixture
def config(tmp_path: Path) -> Config:
    return Config(path=tmp_path / "config.yaml")


@pytest.fixture
def make_app(index_dir: Path, config: Config):
    """Build the app on the copied seed index (keyword arguments go to Config)."""

    def make(**settings) -> NewsxApp:
        for key, value in settings.items():
            setattr(config, key, value)
        return NewsxApp(config, index_dir, today=lambda: TODAY)

    return make


async def settle(pilot) -> None:
    """Wait until every worker is done and its message handled.

    What waits for a pause in typing (the search, its people and stances) is run at
    once, as the timer would, so tests wait on workers, never on the clock.
    """
    app = pilot.app
    for _ in range(100):
        await app.workers.wait_for_complete()
        await pilot.pause()
        explore = explore_screen(app)
        if explore is not None and explore._waiting:
            explore.flush()
            continue
        if not any(worker.is_running for worker in app.workers):
            return
    raise AssertionError("the app did not settle")


def explore_screen(app: NewsxApp) -> ExploreScreen | None:
    return next((s for s in app.screen_stack if isinstance(s, ExploreScreen)), None)


def option_texts(option_list) -> list[str]:
    """The plain text of every option in an OptionList."""
    return [str(option_list.get_option_at_index(i).prompt) for i in range(option_list.option_count)]


def body_lines(body) -> list[str]:
    """The lines of the reader as drawn at its current scroll position."""
    return [body.render_line(y).text.rstrip() for y in range(body.scrollable_content_region.height)]


def static_text(static) -> str:
    return str(static.content)

"""The app, driven by Pilot in a process of its own (bench/child.py app ...).

    first_paint_ms     process start (the parent's clock at spawn) to Textual's Ready
                       event, "the first frame has been displayed": interpreter, imports,
                       mount
    first_results_ms   ... to the article list showing the opening search's results
    keystroke_*        each key of the typed queries pressed one at a time, as a person
                       types, timed from the key press to the article list showing that
                       text's results (the app's debounce included)
"""

from __future__ import annotations

import asyncio
import tempfile
import time
from pathlib import Path

from measure import percentiles

TYPED = ("government", "ceasefire gaza", "prime minister", "arms sales", "police budget")
"""What the keystroke samples type, letter by letter."""
SIZE = (160, 48)
WAIT_S = 120.0
"""How long to wait for one result before counting the keystroke as failed."""


def measure(index_dir: Path, spawned_at: float) -> dict:
    """App start-up and keystroke-to-results figures, or why they could not be taken."""
    try:
        from newsx.tui.app import NewsxApp
        from newsx.tui.widgets.results import ResultList
    except ImportError as exc:
        return {"status": f"not measured: app not present ({exc})"}
    return asyncio.run(_drive(NewsxApp, ResultList, index_dir, spawned_at))


async def _drive(app_class, result_list_class, index_dir: Path, spawned_at: float) -> dict:
    from newsx.index.config import Config

    class TimedApp(app_class):
        """The app, noting when Textual reports the first frame displayed (Ready)."""

        painted_at: float | None = None

        def on_ready(self) -> None:
            self.painted_at = time.time()

    with tempfile.TemporaryDirectory() as home:
        app = TimedApp(Config(path=Path(home) / "config.yaml"), index_dir)
        async with app.run_test(size=SIZE) as pilot:
            await _until(pilot, lambda: app.painted_at is not None)
            first_paint = app.painted_at - spawned_at
            results = app.screen.query_one(result_list_class)
            await _until(pilot, lambda: bool(results.hits) and not results.loading)
            first_results = time.time() - spawned_at
            search_box = app.screen.query_one("#query")
            samples, failed = await _type_queries(pilot, search_box, results)
    return {
        "status": "measured",
        "first_paint_ms": round(first_paint * 1000, 1),
        "first_results_ms": round(first_results * 1000, 1),
        "keystroke": percentiles(samples) if samples else None,
        "keystrokes_failed": failed,
    }


async def _type_queries(pilot, search_box, results) -> tuple[list[float], int]:
    """Type each query a key at a time; time each key until its results are listed."""
    samples, failed = [], 0
    for text in TYPED:
        await _clear(pilot, search_box, results)
        for char in text:
            before = results.hits
            started = time.perf_counter()
            await pilot.press("space" if char == " " else char)
            if await _until(pilot, lambda: results.hits is not before):
                samples.append((time.perf_counter() - started) * 1000)
            else:
                failed += 1
    return samples, failed


async def _clear(pilot, search_box, results) -> None:
    """Empty the search box and let the all-articles search it starts finish."""
    if not search_box.value:
        return
    before = results.hits
    await pilot.press("ctrl+u")
    await _until(pilot, lambda: results.hits is not before)


async def _until(pilot, condition, timeout: float = WAIT_S) -> bool:
    """Let the app run until `condition()` holds; False if it has not within `timeout`."""
    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            return False
        await pilot.pause(0.002)
    return True

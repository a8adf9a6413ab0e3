"""The app, driven by Pilot in a process of its own (bench/child.py app ...).

    first_paint_ms     process start (the parent's clock at spawn) to Textual's Ready
                       event, "the first frame has been displayed": interpreter, imports,
                       mount
    first_results_ms   ... to the article list showing the opening search's results
    keystroke          each key of the typed queries sent one at a time, as a person
                       types, timed from the key event reaching the app to the first
                       frame drawn after the article list shows that text's results
    keystroke_settled  the same keys through Pilot's `press`, which also waits for the
                       app to go idle (every repaint, Pilot's own polling) before it
                       returns: what this harness reported before, an upper bound
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

    frames: list[float] = []
    """When each frame was drawn (perf_counter), by any screen."""
    from textual.screen import Screen

    drawn = Screen._compositor_refresh

    def noted(screen) -> None:
        drawn(screen)
        frames.append(time.perf_counter())

    Screen._compositor_refresh = noted
    shown_at: list[float] = []
    """When the article list last took new results (perf_counter)."""
    show = result_list_class.show

    def noted_show(results, result) -> None:
        show(results, result)
        shown_at.append(time.perf_counter())

    result_list_class.show = noted_show

    with tempfile.TemporaryDirectory() as home:
        app = TimedApp(Config(path=Path(home) / "config.yaml"), index_dir)
        async with app.run_test(size=SIZE) as pilot:
            await _until(pilot, lambda: app.painted_at is not None)
            first_paint = app.painted_at - spawned_at
            results = app.screen.query_one(result_list_class)
            await _until(pilot, lambda: bool(results.hits) and not results.loading)
            first_results = time.time() - spawned_at
            search_box = app.screen.query_one("#query")
            samples, failed = await _type_queries(pilot, search_box, results, _send_key(app), (frames, shown_at))
            settled, settled_failed = await _type_queries(pilot, search_box, results, pilot.press, None)
    return {
        "status": "measured",
        "first_paint_ms": round(first_paint * 1000, 1),
        "first_results_ms": round(first_results * 1000, 1),
        "keystroke": percentiles(samples) if samples else None,
        "keystrokes_failed": failed,
        "keystroke_settled": percentiles(settled) if settled else None,
    }


def _send_key(app):
    """Send a key as the terminal driver does, without Pilot's waiting for idle."""
    from textual import events

    async def send(key: str) -> None:
        character = " " if key == "space" else key
        event = events.Key(key, character)
        event.set_sender(app)
        app._driver.send_message(event)

    return send


async def _type_queries(pilot, search_box, results, press, drawn) -> tuple[list[float], int]:
    """Type each query a key at a time; time each key until its results are listed
    (given `drawn`, the frame and result-list timestamps: until the first frame drawn
    after the list took them). A key that leaves the search as it was (the first
    letters of a word: see newsx.index.completion) starts no search and is not timed."""
    from newsx.index.completion import as_you_type

    samples, failed = [], 0
    for text in TYPED:
        await _clear(pilot, search_box, results)
        for n, char in enumerate(text):
            searches_again = as_you_type(text[:n + 1]) != as_you_type(text[:n])
            before = results.hits
            started = time.perf_counter()
            await press("space" if char == " " else char)
            if not searches_again:
                await pilot.pause()
                continue
            natural = drawn is not None
            if not await _until(pilot, lambda: results.hits is not before, natural=natural):
                failed += 1
                continue
            if natural:
                frames, shown_at = drawn
                if not await _until(pilot, lambda: frames and frames[-1] >= shown_at[-1], natural=True):
                    failed += 1
                    continue
                ended = next(frame for frame in frames if frame >= shown_at[-1])
            else:
                ended = time.perf_counter()
            samples.append((ended - started) * 1000)
    return samples, failed


async def _clear(pilot, search_box, results) -> None:
    """Empty the search box and let the all-articles search it starts finish."""
    if not search_box.value:
        return
    before = results.hits
    await pilot.press("ctrl+u")
    await _until(pilot, lambda: results.hits is not before)


async def _until(pilot, condition, timeout: float = WAIT_S, *, natural: bool = False) -> bool:
    """Let the app run until `condition()` holds; False if it has not within `timeout`.

    `natural` polls without Pilot's pause, which waits for every widget to go idle and
    forces a repaint: the app then draws frames only when it would by itself.
    """
    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            return False
        if natural:
            await asyncio.sleep(0.001)
        else:
            await pilot.pause(0.002)
    return True

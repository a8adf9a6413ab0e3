"""Render the real app on the bundled seeds to the SVGs the README shows.

    python screenshots/make.py        (from the repository root, in the dev venv)

Each scene starts the app on a fresh index built from the seeds, presses keys as a
person would, waits for the app to finish what they started, and saves the screen.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests" / "app"))

from harness import settle  # noqa: E402  (waits on workers, as the app tests do)

from newsx.index.config import Config  # noqa: E402
from newsx.index.store import Store  # noqa: E402
from newsx.tui.app import NewsxApp  # noqa: E402


def person(name: str) -> list[str]:
    """Keys that focus the people pane and choose `name` (looked up when run)."""
    return ["escape", "p", f"person:{name}", "enter"]


def stance(topic: str, side: str) -> list[str]:
    return ["escape", "s", f"stance:{topic}:{side}", "enter"]


OPEN_FIRST = ["slash", "enter", "enter"]
"""To the search bar, back to the list, open its first article."""

SCENES: dict[str, tuple[tuple[int, int], list[str]]] = {
    "search": ((120, 36), [*"ceasefire"]),
    "reader": ((120, 36), [*"ceasefire", "enter", "enter", "n", "n"]),
    "people": ((120, 36), [*person("Sadiq Khan"), "slash", "enter", "j", "enter"]),
    "stance": ((120, 36), [*stance("ceasefire", "support"), *OPEN_FIRST]),
    "export": ((120, 36), [*"sarwar", "enter", "enter", "tab", "space", "j", "space", "e"]),
    "narrow": ((80, 24), [*"arms", "enter", "enter", "n"]),
}
"""name -> (terminal size, keys). "person:NAME" and "stance:TOPIC:SIDE" stand for the
j presses that move the highlight to that person or stance."""


async def press(pilot, key: str) -> None:
    screen = pilot.app.screen
    if key.startswith("person:"):
        names = [p.name for p in screen.query_one("#people").people]
        await pilot.press("g", *["j"] * names.index(key.split(":", 1)[1]))
    elif key.startswith("stance:"):
        _, topic, side = key.split(":")
        await pilot.press("g", *["j"] * screen.query_one("#stance").choices.index((topic, side)))
    else:
        await pilot.press(key)
    await settle(pilot)


async def shoot(name: str, size: tuple[int, int], keys: list[str], index: Path, config: Path) -> Path:
    app = NewsxApp(Config(path=config), index)
    async with app.run_test(size=size) as pilot:
        app.screen.query_one("#query").cursor_blink = False
        await settle(pilot)
        for key in keys:
            await press(pilot, key)
        await pilot.wait_for_scheduled_animations()
        return Path(app.save_screenshot(f"{name}.svg", path=str(HERE)))


async def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        index, config = Path(tmp) / "index", Path(tmp) / "config.yaml"
        Store.open(index, Config(path=config)).close()
        for name, (size, keys) in SCENES.items():
            print(await shoot(name, size, keys, index, config))


if __name__ == "__main__":
    asyncio.run(main())

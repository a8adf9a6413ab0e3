"""The newsx app: what a person sees when they type `newsx`.

The app holds what outlives a search: the config (theme, keymap), the open Store and
the quotes the user has selected. The explore screen does the rest. The Store
serialises calls from worker threads itself.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App
from textual.binding import Binding
from textual.theme import Theme

from newsx.index.config import Config, load_config
from newsx.index.model import QuoteRecord

from .screens.explore import ExploreScreen

if TYPE_CHECKING:
    from newsx.index.store import Store


class NewsxApp(App[int]):
    """Search news, read it, and see who said what about it."""

    CSS_PATH = Path(__file__).with_name("newsx.tcss")
    """Absolute, so that subclasses elsewhere (benchmarks, scripts) find it too."""
    TITLE = "newsx"

    BINDINGS = [
        Binding(
            "ctrl+p", "command_palette", "Commands", id="command-palette", show=False, priority=True,
            tooltip="command palette: people, stances, themes",
        ),
    ]

    def __init__(self, config: Config, index_dir: Path | None = None, *, today: Callable[[], date] = date.today):
        super().__init__()
        self.config = config
        self.index_dir = index_dir
        """The index folder; None lets the Store use NEWSX_INDEX, the config or the data dir."""
        self.today = today
        self.store: Store | None = None
        self.selected: dict[str, QuoteRecord] = {}
        """The quotes selected for copy and export, by quote id, in selection order."""

    def on_mount(self) -> None:
        if self.config.keymap:
            self.set_keymap(self.config.keymap)
        if self.config.theme in self.available_themes:
            self.theme = self.config.theme
        else:
            self.notify(
                f"Unknown theme {self.config.theme!r} in {self.config.path}; using {self.theme}.",
                severity="warning",
                markup=False,
            )
        self.theme_changed_signal.subscribe(self, self._save_theme)
        self.push_screen(ExploreScreen())

    def _save_theme(self, theme: Theme) -> None:
        if theme.name == self.config.theme:
            return
        self.config.theme = theme.name
        try:
            self.config.save()
        except OSError as exc:
            self.notify(f"Could not save the theme to {self.config.path}: {exc}", severity="error", markup=False)

    def action_help(self) -> None:
        """Show the help screen, starting with the focused pane's help."""
        from .screens.help import HelpScreen  # Markdown and its parser load when help is first asked for

        pane_help = None
        node = self.focused
        while node is not None and pane_help is None:
            pane_help = getattr(node, "HELP", None)
            node = node.parent
        self.push_screen(HelpScreen(pane_help))

    def on_unmount(self) -> None:
        if self.store is not None:
            self.store.close()


def run_app(args: argparse.Namespace) -> int:
    """Run the app with the CLI's --index and --config (either may be None)."""
    app = NewsxApp(load_config(args.config), args.index)
    app.run()
    return app.return_code or 0

"""The help screen: the focused pane's help, every key (with the user's remapping) and
the query language."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown

from ..widgets.search import QUERY_SYNTAX

KEYS = [
    ("focus-search", "/", "focus the search bar"),
    ("back", "escape", "leave the search bar; elsewhere remove the last filter"),
    ("next-pane", "tab", "next pane"),
    ("previous-pane", "shift+tab", "previous pane"),
    ("vim-down", "j", "move down (also ↓)"),
    ("vim-up", "k", "move up (also ↑)"),
    ("vim-first", "g", "first / top (also home)"),
    ("vim-last", "G", "last / bottom (also end)"),
    (None, "enter", "open the article; choose the person, stance or quote"),
    ("next-hit", "n", "next hit, on into the next article"),
    ("previous-hit", "N", "previous hit, back into the previous article"),
    ("people", "p", "show or hide the people pane"),
    ("stance", "s", "the stance filter"),
    ("toggle-quote", "space", "select or unselect the quote under the cursor"),
    ("copy", "y", "copy the selected quotes as Markdown"),
    ("export", "e", "write the selected quotes to a Markdown file"),
    ("sort", "o", "sort by relevance or date"),
    ("help", "?,f1", "this help"),
    ("command-palette", "ctrl+p", "command palette: people, stances, themes"),
    ("quit", "q", "quit (outside the search bar)"),
]
"""(binding id, default keys, what it does), in the order the help lists them."""


def keys_markdown(keymap: dict[str, str]) -> str:
    """The key table, showing the keys from `keymap` where the user remapped them."""
    rows = ["| key | does | binding id |", "| --- | --- | --- |"]
    for binding_id, default, does in KEYS:
        keys = keymap.get(binding_id, default) if binding_id else default
        shown = " ".join(f"`{key.strip()}`" for key in keys.split(","))
        rows.append(f"| {shown} | {does} | {binding_id or ''} |")
    return "\n".join(rows)


class HelpScreen(ModalScreen[None]):
    """Keys and query syntax; `esc`, `q` or `?` closes it."""

    BINDINGS = [Binding("escape,q,question_mark,f1", "dismiss", "Close", id="close-help")]

    def __init__(self, pane_help: str | None, keymap: dict[str, str]) -> None:
        super().__init__()
        self.pane_help = pane_help
        self.keymap = keymap

    def compose(self) -> ComposeResult:
        parts = ["# newsx help"]
        if self.pane_help:
            parts.append(self.pane_help.strip())
        parts.append("## Keys\n\nRemap any key in the config file: `keymap: {binding-id: \"keys\"}`.\n\n" + keys_markdown(self.keymap))
        parts.append(QUERY_SYNTAX.strip())
        with VerticalScroll(id="help-body"):
            yield Markdown("\n\n".join(parts))

    def on_mount(self) -> None:
        self.query_one("#help-body").focus()

"""The list every pane builds on: an OptionList with vim keys beside the arrows."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import OptionList


class NavList(OptionList):
    """An OptionList that also moves with j/k/g/G (every binding with an id, so the
    config can remap it); never parses prompts as markup."""

    BINDINGS = [
        Binding("enter", "select", "Choose", id="choose", show=False, tooltip="open the article; choose the person, stance or quote"),
        Binding("j", "cursor_down", "Down", id="vim-down", show=False, tooltip="move down (also ↓)"),
        Binding("k", "cursor_up", "Up", id="vim-up", show=False, tooltip="move up (also ↑)"),
        Binding("g", "first", "First", id="vim-first", show=False, tooltip="first (also home)"),
        Binding("G", "last", "Last", id="vim-last", show=False, tooltip="last (also end)"),
    ]

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes, markup=False)

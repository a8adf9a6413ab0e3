"""The list every pane builds on: an OptionList with vim keys beside the arrows."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import OptionList


class NavList(OptionList):
    """An OptionList that also moves with j/k/g/G; never parses prompts as markup."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", id="vim-down", show=False),
        Binding("k", "cursor_up", "Up", id="vim-up", show=False),
        Binding("g", "first", "First", id="vim-first", show=False),
        Binding("G", "last", "Last", id="vim-last", show=False),
    ]

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes, markup=False)

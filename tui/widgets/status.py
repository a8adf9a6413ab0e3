"""The status line: result count, the active filters as removable chips, index and sort."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from . import styles


class Chip(Static):
    """One active filter; clicking it (or `esc` for the last one) removes it."""

    @dataclass
    class Removed(Message):
        chip: Chip
        kind: str

    def __init__(self, kind: str, text: str) -> None:
        super().__init__(Content.assemble(text, (" ✕", styles.DIM)), classes="chip")
        self.kind = kind
        self.tooltip = "Click to remove this filter"

    def on_click(self) -> None:
        self.post_message(self.Removed(self, self.kind))


class StatusLine(Horizontal):
    """Counts on the left, filters as chips in the middle, index and sort on the right."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._chips: list[tuple[str, str]] = []

    def compose(self) -> ComposeResult:
        yield Static(id="status-count")
        yield Horizontal(id="chips")
        yield Static(id="status-info")

    def show(
        self,
        *,
        count: str,
        chips: list[tuple[str, str]],
        articles: int | None,
        sort: str,
        selected: int,
    ) -> None:
        """Redraw: `chips` are (kind, text) pairs in the order they were applied."""
        _update(self.query_one("#status-count", Static), count)
        if chips != self._chips:
            self._chips = list(chips)
            holder = self.query_one("#chips", Horizontal)
            holder.remove_children()
            holder.mount_all(Chip(kind, text) for kind, text in chips)
        info = [f"{selected} selected"] if selected else []
        if articles is not None:
            info.append(f"{articles:,} indexed")
        info.append(f"sort: {sort}")
        _update(self.query_one("#status-info", Static), " · ".join(info))


def _update(static: Static, text: str) -> None:
    """Show `text`; lay the screen out again only when its width changes (a layout pass
    costs more than drawing the line, and the count changes with every key typed)."""
    old = str(static.content)
    if text != old:
        static.update(Content(text), layout=len(text) != len(old))

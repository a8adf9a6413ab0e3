"""The help screen: the focused pane's help, every key (with the user's remapping) and
the query language."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown

from ..widgets.lists import NavList
from ..widgets.quotes import QuoteList
from ..widgets.search import QUERY_SYNTAX
from .explore import ExploreScreen


REMAP_EXAMPLE = 'keymap: {sort: "O", next-hit: "n,ctrl+n"}'

BINDING_OWNERS = (ExploreScreen, NavList, QuoteList)
"""Where newsx's bindings are declared (with the app's own, in that order)."""


def key_rows(app: App) -> list[tuple[str, str, str]]:
    """(keys, what they do, binding id) for every key newsx binds, with the user's keymap."""
    rows: dict[str, tuple[str, str, str]] = {}
    for owner in (*BINDING_OWNERS, type(app)):
        for binding in owner.BINDINGS:
            if isinstance(binding, Binding) and binding.id and binding.id not in rows:
                keys = app.config.keymap.get(binding.id, binding.key).split(",")
                shown = " ".join(f"`{app.get_key_display(Binding(key.strip(), ''))}`" for key in keys)
                rows[binding.id] = (shown, binding.tooltip or binding.description, binding.id)
    return list(rows.values())


def keys_markdown(app: App) -> str:
    """The key table, as Markdown."""
    lines = ["| key | does | binding id |", "| --- | --- | --- |"]
    lines += [f"| {keys} | {does} | {binding_id} |" for keys, does, binding_id in key_rows(app)]
    return "\n".join(lines)


class HelpScreen(ModalScreen[None]):
    """Keys and query syntax; `esc`, `q` or `?` closes it."""

    BINDINGS = [Binding("escape,q,question_mark,f1", "dismiss", "Close", id="close-help")]

    def __init__(self, pane_help: str | None) -> None:
        super().__init__()
        self.pane_help = pane_help

    def compose(self) -> ComposeResult:
        parts = ["# newsx help"]
        if self.pane_help:
            parts.append(self.pane_help.strip())
        parts.append(f"## Keys\n\nRemap any key in the config file: `{REMAP_EXAMPLE}`.\n\n{keys_markdown(self.app)}")
        parts.append(QUERY_SYNTAX.strip())
        with VerticalScroll(id="help-body"):
            yield Markdown("\n\n".join(parts))

    def on_mount(self) -> None:
        self.query_one("#help-body").focus()

"""The export prompt (a file name) and the overwrite confirmation."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from newsx.index.counts import plural


class ExportScreen(ModalScreen[str | None]):
    """Ask where to write the quotes; returns the file name, or None to cancel."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="cancel")]

    def __init__(self, default_name: str, count: int) -> None:
        super().__init__()
        self.default_name = default_name
        self.count = count

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(Content(f"Export {plural(self.count, 'quote')} as Markdown to:"), classes="title")
            yield Input(self.default_name, id="export-path", select_on_focus=False)
            yield Static(Content("enter writes the file (relative to the current folder) · esc cancels"), classes="hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip() or None)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ConfirmScreen(ModalScreen[bool]):
    """A yes/no question; returns True for yes."""

    BINDINGS = [
        Binding("y", "answer(True)", "Yes", id="confirm-yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm-no"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(Content(self.question), classes="title")
            with Horizontal(classes="buttons"):
                yield Button(Content("Replace (y)"), id="yes", variant="warning")
                yield Button(Content("Keep it (n)"), id="no", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)

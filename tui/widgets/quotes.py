"""A list of quotes that can be selected for copying and export."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets.option_list import Option

from newsx.index.model import QuoteRecord

from . import styles
from .badges import day, dotted, stance_badges
from .lists import NavList


def quote_prompt(record: QuoteRecord, selected: bool, *, with_source: bool) -> Content:
    """A check box, the quote, its speaker (and role) and stance badges."""
    box = Content.styled("[x] " if selected else "[ ] ", styles.SELECTED if selected else styles.DIM)
    speaker = record.speaker or "unattributed"
    who = Content.assemble(("— ", styles.DIM), (speaker, styles.NAME))
    if record.role:
        who = who + Content.styled(f", {record.role}", styles.DIM)
    lines = [box + Content.styled(f"“{record.text}”", styles.QUOTE), Content("    ") + who]
    badges = stance_badges(record.stances)
    if badges:
        lines.append(Content("    ") + badges)
    if with_source:
        lines.append(Content("    ") + Content.styled(dotted(record.title, record.outlet, day(record.date)), styles.DIM))
    return Content("\n").join(lines)


class QuoteList(NavList):
    """Quotes with their speakers; `space` selects one for `y` (copy) and `e` (export)."""

    HELP = """
## Quotes

`space` selects or unselects the quote under the cursor; the selection is kept
while you search and open other articles, and the status line counts it.
`y` copies the selected quotes as Markdown, `e` writes them to a file. With
nothing selected, `y` and `e` take every quote that matches the search and filters.
`enter` shows the quote in its article.
"""

    BINDINGS = [
        Binding("space", "toggle_quote", "Select", id="toggle-quote", tooltip="select or unselect the quote under the cursor")
    ]

    @dataclass
    class Toggled(Message):
        """The user selected or unselected a quote."""

        quote_list: QuoteList
        record: QuoteRecord

    @dataclass
    class Chosen(Message):
        """The user asked to see a quote in its article."""

        quote_list: QuoteList
        record: QuoteRecord

    def __init__(self, *, with_source: bool = False, id: str | None = None) -> None:
        super().__init__(id=id)
        self.records: list[QuoteRecord] = []
        self.with_source = with_source
        """Show each quote's article (for lists that span articles)."""

    def show(self, records: list[QuoteRecord], selected: Collection[str], empty: str = "No quotes.") -> None:
        """Replace the quotes, marking those whose ids are in `selected`."""
        self.records = list(records)
        self.clear_options()
        if not self.records:
            self.add_option(Option(Content.styled(empty, styles.DIM), disabled=True))
            return
        self.add_options(
            Option(quote_prompt(r, r.id in selected, with_source=self.with_source), id=r.id) for r in self.records
        )
        self.highlighted = 0

    def mark(self, selected: Collection[str]) -> None:
        """Redraw the check boxes after the selection changed."""
        for record in self.records:
            self.replace_option_prompt(record.id, quote_prompt(record, record.id in selected, with_source=self.with_source))

    def action_toggle_quote(self) -> None:
        if self.highlighted is not None and self.highlighted < len(self.records):
            self.post_message(self.Toggled(self, self.records[self.highlighted]))

    def on_option_list_option_selected(self, event: NavList.OptionSelected) -> None:
        event.stop()
        if event.option_index < len(self.records):
            self.post_message(self.Chosen(self, self.records[event.option_index]))

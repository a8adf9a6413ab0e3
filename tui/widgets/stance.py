"""The stance filter: a topic and a side, with how many articles each choice leaves."""

from __future__ import annotations

from dataclasses import dataclass

from textual.content import Content
from textual.message import Message
from textual.widgets.option_list import Option

from ..wording import stance_label
from . import styles
from .badges import MARKS
from .lists import NavList

SIDES = ("support", "oppose")
ANY = "any"


class StanceFilter(NavList):
    """Topic × support/oppose; `enter` narrows articles and quotes to that stance."""

    HELP = """
## Stance filter

Each topic twice: someone supports it (✔) or opposes it (✘), with the number
of matching articles that choice leaves. `enter` narrows the articles and
quotes to those where someone — or the chosen person — takes that stance,
and the people pane to those whose latest stance it is; "Any stance" (or
`esc`) removes the filter.
"""

    @dataclass
    class Chosen(Message):
        """The user chose a stance (topic None for "any")."""

        stance_filter: StanceFilter
        topic: str | None
        stance: str | None

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.choices: list[tuple[str | None, str | None]] = []

    def show(
        self,
        topics: list[str],
        labels: dict[str, str],
        counts: dict[tuple[str, str], int],
        active: tuple[str | None, str | None],
    ) -> None:
        """One option per topic and side, marking the active one."""
        keep = self.highlighted
        self.choices = [(None, None)] + [(t, s) for t in topics for s in SIDES]
        options = []
        for topic, stance in self.choices:
            mark = Content.styled("● " if (topic, stance) == active else "  ", styles.SELECTED)
            if topic is None:
                options.append(Option(mark + Content("Any stance"), id=ANY))
                continue
            count = counts.get((topic, stance), 0)
            text = Content.assemble(
                (f"{MARKS[stance]} ", styles.STANCE.get(stance, styles.DIM)),
                (f"({count:,}) ", styles.DIM),
                (stance_label(topic, stance, labels), styles.STANCE.get(stance, styles.DIM)),
            )
            options.append(Option(mark + text, id=f"{topic}:{stance}", disabled=not count))
        self.clear_options()
        self.add_options(options)
        self.highlighted = min(keep or 0, len(options) - 1)

    def on_option_list_option_selected(self, event: NavList.OptionSelected) -> None:
        event.stop()
        topic, stance = self.choices[event.option_index]
        self.post_message(self.Chosen(self, topic, stance))

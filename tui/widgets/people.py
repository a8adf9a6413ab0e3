"""The people in the current results, and a card for the one chosen as a filter."""

from __future__ import annotations

from dataclasses import dataclass

from textual.content import Content
from textual.message import Message
from textual.widgets import Static
from textual.widgets.option_list import Option

from newsx.index.counts import plural
from newsx.index.model import PersonSummary

from ..wording import stance_label
from . import styles
from .badges import day, dotted, stance_badges
from .lists import NavList


def person_prompt(person: PersonSummary, chosen: bool) -> Content:
    """Name (marked when it is the active filter), counts, role and stance badges."""
    mark = Content.styled("● " if chosen else "  ", styles.SELECTED)
    counts = dotted(plural(person.mentions, "mention"), plural(person.quotes, "quote"), person.role)
    lines = [mark + Content.styled(person.name, styles.NAME), Content.styled(f"  {counts}", styles.DIM)]
    badges = stance_badges((topic, stance) for topic, (stance, _, _) in person.stances.items())
    if badges:
        lines.append(Content("  ") + badges)
    return Content("\n").join(lines)


class PeopleList(NavList):
    """Who appears in the matching articles; `enter` narrows the results to one of them."""

    HELP = """
## People

The people named in the matching articles, with how often they are mentioned
and quoted, their role, and where they stand on each topic (✔ supports,
✘ opposes). Under a stance filter, only those whose latest stance it is:
who supports a ceasefire, who opposes it. `enter` narrows the articles to
those that mention the person and lists their quotes below; `enter` again
(or `esc`) removes that filter.
"""

    @dataclass
    class Chosen(Message):
        """The user chose a person (or chose the active one again, to clear it)."""

        people_list: PeopleList
        name: str

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.people: list[PersonSummary] = []

    def show(self, people: list[PersonSummary], chosen: str | None, *, empty: str) -> None:
        """Replace the list, marking the person who is the active filter (`empty`: what
        an empty list says)."""
        keep = self.highlighted
        self.people = list(people)
        self.clear_options()
        if not self.people:
            self.add_option(Option(Content.styled(empty, styles.DIM), disabled=True))
            return
        self.add_options(person_prompt(p, p.name == chosen) for p in self.people)
        names = [p.name for p in self.people]
        self.highlighted = names.index(chosen) if chosen in names else min(keep or 0, len(names) - 1)
        self.call_after_refresh(self.scroll_to_highlight)

    def on_option_list_option_selected(self, event: NavList.OptionSelected) -> None:
        event.stop()
        if event.option_index < len(self.people):
            self.post_message(self.Chosen(self, self.people[event.option_index].name))


class PersonCard(Static):
    """The chosen person: role, and each stance with the sentence that shows it."""

    def show(self, person: PersonSummary | None, name: str, labels: dict[str, str]) -> None:
        """Describe `person` (None when they no longer appear in the results)."""
        lines = [Content.styled(name, styles.NAME)]
        if person is None:
            lines.append(Content.styled("Not in the current results.", styles.DIM))
        else:
            if person.role:
                lines.append(Content.styled(person.role, styles.DIM))
            for topic, (stance, when, evidence) in person.stances.items():
                head = Content.styled(stance_label(topic, stance, labels), styles.STANCE.get(stance, styles.DIM))
                lines.append(head + Content.styled(f"  {day(when)}", styles.DIM))
                lines.append(Content.styled(f"  “{evidence}”", styles.QUOTE))
        self.update(Content("\n").join(lines))

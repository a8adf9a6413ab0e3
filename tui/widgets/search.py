"""The search bar: the query input and, under it, why the last query could not run."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input, Static

from newsx.index.clean import sanitize_line

QUERY_SYNTAX = """
## Query language

Results update as you type, and the last word counts as the start of a word from
its third letter (`gove` finds `government`, `person:sarw` finds Anas Sarwar). The
same language works in `newsx search`.

| you type | finds articles |
| --- | --- |
| `starmer ceasefire` | with both words (AND is the default) |
| `starmer OR khan` | with either word |
| `ceasefire NOT ukraine` | with the first word and not the second |
| `"arms sales"` | with the exact phrase |
| `title:gaza` | with the word in the title |
| `outlet:sky` `author:…` | from an outlet, by an author |
| `person:starmer` | that mention a person (`person:"sadiq khan"`) |
| `speaker:sarwar` | where a person is quoted |
| `topic:ceasefire` | where someone takes a stance on a topic |
| `stance:ceasefire:support` | where someone supports (or `oppose`s) it |
| `gaz*` `*fire` | words starting or ending so (the most frequent few) |
| `starmr~` `starmr~2` | words spelt nearly so (fuzzy) |
| `date:2024-04` `date:2024-04-30` | dated that year, month or day |
| `date:yesterday` `date:"last week"` | relative to today (`today`, `"this month"`, `"last 30 days"`) |
| `date:>2024-01-01` `date:<=2024-03` | after, before |
| `date:[2023-10 to 2023-11]` | in a range; either end may be left open |

Words are matched by their stem (`sales` finds `sale`), case does not matter, and
parentheses group: `(khan OR sarwar) ceasefire`.
"""


class QueryInput(Input):
    """The query. Into an empty query, `/` (the key that comes here, pressed out of habit
    while the bar has the focus already) is not typed, and `?` opens the help, as the
    placeholder says; typed after a word, both are text."""

    async def on_key(self, event: events.Key) -> None:
        if event.character in ("/", "?") and not self.value:
            event.stop()
            event.prevent_default()
            if event.character == "?":
                await self.run_action("app.help")


class SearchBar(Vertical):
    """Type to search; the results follow each keystroke."""

    HELP = QUERY_SYNTAX

    def compose(self) -> ComposeResult:
        yield QueryInput(
            id="query",
            placeholder='Search: words, "phrases", person:khan, stance:ceasefire:support …  (? help)',
            select_on_focus=False,
        )
        yield Static(id="query-error")

    def show_error(self, message: str | None) -> None:
        """Show why the query could not run (None clears it); the message may quote what
        was typed or pasted, so its control characters are taken out."""
        error = self.query_one("#query-error", Static)
        error.update(Content(sanitize_line(message or "")))
        error.display = bool(message)

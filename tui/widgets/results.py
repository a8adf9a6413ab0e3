"""The article list: one page of hits at a time, more loaded at the end of the list."""

from __future__ import annotations

from dataclasses import dataclass

from textual.content import Content
from textual.message import Message
from textual.widgets.option_list import Option

from newsx.index.counts import plural
from newsx.index.model import Hit, SearchResult

from ..hints import unknown_name_sentences
from . import styles
from .badges import day, dotted
from .lists import NavList

LOAD_MORE_MARGIN = 5
"""Ask for the next page when the highlight comes this close to the end."""


LEAD = 12
"""Characters of context kept before the first marked term of a snippet."""


def hit_prompt(hit: Hit) -> Content:
    """Title; outlet, date and hit count; the snippet with the matched terms marked.

    The snippet starts shortly before its first marked term, so the mark shows even
    where the list is narrow and the line is cut.
    """
    snippet = Content(hit.snippet)
    for start, end in hit.snippet_highlights:
        snippet = snippet.stylize(styles.HIT, start, end)
    if hit.snippet_highlights and hit.snippet_highlights[0][0] > LEAD:
        cut = hit.snippet.find(" ", hit.snippet_highlights[0][0] - LEAD) + 1
        snippet = Content("…") + snippet[cut:]
    hits = plural(len(hit.highlights), "hit") if hit.highlights else ""
    return Content.assemble(
        (hit.title or hit.path, styles.TITLE),
        "\n",
        (dotted(hit.outlet, day(hit.date), hits), styles.DIM),
        "\n",
        snippet,
    )


class ResultList(NavList):
    """The matching articles; `enter` opens one in the reader."""

    HELP = """
## Articles

The articles that match the search, best first (or newest first: `o`).
Each shows its outlet, date, how many times the query matched and a snippet
with the matched words marked. `enter` opens one; `n` / `N` step through the
hits and on into the next or previous article. More articles load as you
reach the end of the list.
"""

    @dataclass
    class NeedMore(Message):
        """The highlight is near the end of a list that has more hits to load."""

        result_list: ResultList
        offset: int

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.hits: list[Hit] = []
        self.total = 0
        self._asked_at: int | None = None

    def show(self, result: SearchResult) -> None:
        """Replace the list with the first page of a new result."""
        self.hits = list(result.hits)
        self.total = result.total
        self._asked_at = None
        self.clear_options()
        self.set_class(not self.hits, "-empty")
        if not self.hits:
            said = ["No articles match."] + [unknown_name_sentences(name) for name in result.unknown]
            self.add_option(Option(Content.styled("\n".join(said), styles.DIM), disabled=True))
            return
        self.add_options(self._prompts(self.hits))
        self.highlighted = 0

    def extend(self, result: SearchResult) -> None:
        """Append the next page of the current result."""
        if result.offset != len(self.hits):
            return
        self.hits.extend(result.hits)
        self.add_options(self._prompts(result.hits))

    @staticmethod
    def _prompts(hits: list[Hit]) -> list[Content | None]:
        """A prompt per hit, each followed by a divider (None)."""
        return [item for hit in hits for item in (hit_prompt(hit), None)]

    def hit_at(self, index: int | None) -> Hit | None:
        """The hit shown at `index`, if any."""
        if index is None or not 0 <= index < len(self.hits):
            return None
        return self.hits[index]

    def index_of(self, article_id: str) -> int | None:
        """Where the article is in the loaded part of the list."""
        return next((i for i, hit in enumerate(self.hits) if hit.id == article_id), None)

    def watch_highlighted(self, highlighted: int | None) -> None:
        super().watch_highlighted(highlighted)
        loaded = len(self.hits)
        if (
            highlighted is not None
            and loaded < self.total
            and highlighted >= loaded - LOAD_MORE_MARGIN
            and self._asked_at != loaded
        ):
            self._asked_at = loaded
            self.post_message(self.NeedMore(self, loaded))

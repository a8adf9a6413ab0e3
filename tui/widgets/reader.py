"""The reader: the open article's header and its body as literal, styled text.

The body is drawn line by line (Textual's line API): it is wrapped here, so the
widget knows which line every character is on and can scroll a hit into view.
Hits, quotes and people are styled from their offsets; the text is never markup.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from pathlib import PurePath

from rich.cells import cell_len
from textual.binding import Binding
from textual.content import Content, Span
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.visual import Visual
from textual.widgets import Static

from newsx.index.clean import sanitize_line
from newsx.index.counts import plural
from newsx.index.model import Article, IndexedArticle

from . import styles
from .badges import day, dotted

_WORD = re.compile(r"\S+\s*|\s+")


def wrap_spans(text: str, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap of one paragraph into (start, end) offsets, one per line.

    Spaces stay with the word before them; a word wider than the line is folded.
    """
    width = max(width, 2)
    spans: list[tuple[int, int]] = []
    start = used = 0
    for match in _WORD.finditer(text):
        word_start, word_end = match.start(), match.start() + len(match.group().rstrip())
        if used and used + cell_len(text[word_start:word_end]) > width:
            spans.append((start, word_start))
            start, used = word_start, 0
        if cell_len(text[start:word_end]) > width:  # fold a word wider than the line, in one pass
            cells = 0
            for index in range(start, word_end):
                char_cells = cell_len(text[index])
                if cells + char_cells > width and index > start:
                    spans.append((start, index))
                    start, cells = index, 0
                cells += char_cells
        used = cell_len(text[start : match.end()])
    spans.append((start, len(text)))
    return spans


class ArticleHeader(Static):
    """Title; outlet, date, author; the URL (else the file's name, which ingest does not
    clean, so it is cleaned here); what the reader shows."""

    def show(self, indexed: IndexedArticle | None, hits: int = 0) -> None:
        if indexed is None:
            self.update(Content.styled("Open an article with enter.", styles.DIM))
            return
        article: Article = indexed.article
        analysis = indexed.analysis
        shows = dotted(
            plural(hits, "hit") if hits else None,
            plural(len(analysis.people), "person", "people"),
            plural(len(analysis.speech), "quote"),
            f"{plural(len(article.removed), 'boilerplate line')} hidden" if article.removed else None,
        )
        self.update(
            Content.assemble(
                (article.title or article.path, styles.TITLE),
                "\n",
                dotted(article.outlet, day(article.date), article.author),
                "\n",
                (sanitize_line(article.url or PurePath(article.path).name), styles.DIM),
                "\n",
                (shows, styles.DIM),
            )
        )


class ArticleBody(ScrollView, can_focus=True):
    """The article text; `n` / `N` move between the hits of the search."""

    HELP = """
## Reader

The article as indexed, with crawl boilerplate removed. The words your search
matched are marked and `n` / `N` move to the next / previous one (and on into
the next / previous article). Quotes are styled, with their speaker above the
paragraph; the people found in the article are underlined.
"""

    BINDINGS = [
        Binding("j", "scroll_down", "Down", id="vim-down", show=False),
        Binding("k", "scroll_up", "Up", id="vim-up", show=False),
        Binding("g", "scroll_home", "Top", id="vim-first", show=False),
        Binding("G", "scroll_end", "Bottom", id="vim-last", show=False),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.hits: list[tuple[int, int]] = []
        self.current_hit: int | None = None
        self._body = ""
        self._base = Content("")
        self._styled = self._base
        self._labels: dict[int, Content] = {}
        self._lines: list[tuple[int, int] | Content] = []
        self._starts: list[int] = []
        self._rows: list[int] = []
        self._wrapped_at = 0
        self._cache: dict[int, Strip] = {}
        self._pending: int | None = None

    def show(self, indexed: IndexedArticle, hits: list[tuple[int, int]]) -> None:
        """Show an article's body with the search's hits (body offsets) marked."""
        self.hits = sorted(hits)
        self.current_hit = None
        self._pending = None
        self._body = indexed.article.body
        self._base = self._decorate(indexed)
        self._styled = self._base
        self._rewrap(force=True)
        self.scroll_to(y=0, animate=False)

    def _decorate(self, indexed: IndexedArticle) -> Content:
        """The body with people, quotes and hits styled; the speaker labels by paragraph."""
        body = indexed.article.body
        spans = [Span(start, end, styles.PERSON) for person in indexed.analysis.people for start, end in person.spans]
        speakers: dict[int, list[str]] = {}
        for quote in indexed.analysis.quotes:
            spans.append(Span(quote.start, quote.end, styles.QUOTE))
            if quote.kind == "speech":
                names = speakers.setdefault(body.rfind("\n", 0, quote.start) + 1, [])
                name = quote.speaker or "unattributed"
                if name not in names:
                    names.append(name)
        spans.extend(Span(start, end, styles.HIT) for start, end in self.hits)
        self._labels = {
            start: Content.styled(f"“ {', '.join(names)}", styles.SPEAKER) for start, names in speakers.items()
        }
        return Content(body).add_spans(spans)

    # -- wrapping and drawing

    def _rewrap(self, force: bool = False) -> None:
        width = self.scrollable_content_region.width
        if width <= 0 or (width == self._wrapped_at and not force):
            return
        self._wrapped_at = width
        lines: list[tuple[int, int] | Content] = []
        starts: list[int] = []
        rows: list[int] = []
        offset = 0
        for paragraph in self._body.split("\n") if self._body else []:
            if offset in self._labels:
                lines.append(self._labels[offset])
            for start, end in wrap_spans(paragraph, width):
                starts.append(offset + start)
                rows.append(len(lines))
                lines.append((offset + start, offset + end))
            offset += len(paragraph) + 1
        self._lines, self._starts, self._rows = lines, starts, rows
        self._cache.clear()
        self.virtual_size = Size(width, len(lines))
        self.refresh()
        if self._pending is not None:
            self.scroll_to_offset(self._pending)

    def on_resize(self) -> None:
        self._rewrap()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._cache.clear()

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        index = self.scroll_offset.y + y
        if index >= len(self._lines):
            return Strip.blank(width, self.visual_style.rich_style)
        strip = self._cache.get(index)
        if strip is None:
            line = self._lines[index]
            content = line if isinstance(line, Content) else self._styled[line[0] : line[1]].rstrip()
            strips = Visual.to_strips(self, content, width, 1, self.visual_style, pad=True)
            strip = strips[0] if strips else Strip.blank(width, self.visual_style.rich_style)
            self._cache[index] = strip
        return strip

    # -- moving through the hits

    def row_of(self, offset: int) -> int:
        """The line the character at `offset` is drawn on."""
        return self._rows[max(bisect_right(self._starts, offset) - 1, 0)] if self._rows else 0

    def scroll_to_offset(self, offset: int) -> None:
        """Bring the line holding `offset` into view, a third of the way down."""
        if not self._rows:
            self._pending = offset
            return
        self._pending = None
        row = self.row_of(offset)
        top, height = self.scroll_offset.y, self.scrollable_content_region.height
        if not top <= row < top + height:
            self.scroll_to(y=max(row - height // 3, 0), animate=False)

    def go_to_hit(self, index: int) -> None:
        """Mark hit `index` as the current one and scroll it into view."""
        self.current_hit = index
        start, end = self.hits[index]
        self._styled = self._base.stylize(styles.CURRENT_HIT, start, end)
        self._cache.clear()
        self.refresh()
        self.scroll_to_offset(start)

    def step_hit(self, forward: bool) -> bool:
        """Move to the next (or previous) hit; False when there is none that way."""
        if not self.hits:
            return False
        if self.current_hit is None:
            target = 0 if forward else len(self.hits) - 1
        else:
            target = self.current_hit + (1 if forward else -1)
        if not 0 <= target < len(self.hits):
            return False
        self.go_to_hit(target)
        return True

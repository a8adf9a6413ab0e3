"""The main screen: search bar, article list, reader, people and stance panes, status line.

State (query, sort, filters, the open article) lives here. Every call into the engine
runs in a thread worker that only returns data, as a message; the handlers below, on
the UI thread, are the only code that updates widgets.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Input
from textual.worker import Worker, get_current_worker

from newsx.index.completion import as_you_type
from newsx.index.counts import plural
from newsx.index.errors import NewsxError, QueryError
from newsx.index.model import Filters, Hit, IndexedArticle, PersonSummary, QuoteRecord, SearchResult

from ..clipboard import copy_to_system
from ..widgets.people import PeopleList, PersonCard
from ..widgets.quotes import QuoteList
from ..widgets.reader import ArticleBody, ArticleHeader
from ..widgets.results import ResultList
from ..widgets.search import SearchBar
from ..widgets.stance import StanceFilter
from ..widgets.status import Chip, StatusLine
from ..wording import stance_label
from .export import ConfirmScreen, ExportScreen
from .facets import FacetCommands

if TYPE_CHECKING:
    from newsx.index.store import Store

    from ..app import NewsxApp

PAGE = 30
"""Hits fetched per page of the article list."""
PEOPLE_SHOWN = 100
"""The most mentioned people listed (and offered in the command palette)."""
FACETS_DELAY = 0.25
"""Seconds after the hits before the people and stance panes follow: while someone
types, only the article list keeps up (the panes read every matching article)."""
WIDE = 120
"""From this many columns the people and stance panes show beside the reader."""
TALL = 30
"""From this many lines the search bar has a border."""


def matching_ids(store: Store, text: str, filters: Filters) -> list[str] | None:
    """The ids of all the articles a search matches; None for an empty query (all articles).

    Quotes are searched by their own text, so a search's articles narrow them by id.
    """
    return store.article_ids(text, filters=filters) if text.strip() else None


def speech(records: list[QuoteRecord]) -> list[QuoteRecord]:
    """The quotes that are speech: scare quotes and fragments are not listed or exported."""
    return [record for record in records if record.kind == "speech"]


class ExploreScreen(Screen):
    """Search, read, and find who said what."""

    app: NewsxApp

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (WIDE, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (TALL, "-tall")]

    COMMANDS = {FacetCommands}

    BINDINGS = [
        Binding("slash", "focus_search", "Search", id="focus-search", show=False, tooltip="focus the search bar"),
        Binding(
            "escape", "back", "Back", id="back", show=False,
            tooltip="leave the search bar; elsewhere remove the filter applied last",
        ),
        Binding("tab", "app.focus_next", "Next pane", id="next-pane", show=False, tooltip="next pane"),
        Binding(
            "shift+tab", "app.focus_previous", "Previous pane", id="previous-pane", show=False, tooltip="previous pane"
        ),
        Binding(
            "n", "step_hit(True)", "Next hit", id="next-hit", show=False,
            tooltip="next hit in the article, on into the next article",
        ),
        Binding(
            "N", "step_hit(False)", "Previous hit", id="previous-hit", show=False,
            tooltip="previous hit, back into the previous article",
        ),
        Binding("p", "toggle_people", "People", id="people", tooltip="show and focus the people pane; again to hide it"),
        Binding("s", "stance_filter", "Stance", id="stance", tooltip="the stance filter"),
        Binding("o", "toggle_sort", "Sort", id="sort", tooltip="sort by relevance or by date"),
        Binding("y", "copy_quotes", "Copy", id="copy", tooltip="copy the selected quotes (else all that match) as Markdown"),
        Binding(
            "e", "export_quotes", "Export", id="export",
            tooltip="write the selected quotes (else all that match) to a Markdown file",
        ),
        Binding("question_mark,f1", "app.help", "Help", id="help", tooltip="this help"),
        Binding("q", "app.quit", "Quit", id="quit", tooltip="quit (outside the search bar)"),
    ]

    # -- messages from the workers

    @dataclass
    class StoreOpened(Message):
        store: Store
        articles: int
        topics: list[str]
        labels: dict[str, str]

    @dataclass
    class Failed(Message):
        """An engine call failed; `message` is one line for the user."""

        generation: int | None
        message: str
        query_error: bool = False

    @dataclass
    class Searched(Message):
        generation: int
        text: str
        sort: str
        filters: Filters
        result: SearchResult

    @dataclass
    class FacetsLoaded(Message):
        """The people, stance counts and chosen person's quotes of a search."""

        generation: int
        people: list[PersonSummary]
        counts: dict[tuple[str, str], int]
        person_quotes: list[QuoteRecord]

    @dataclass
    class PageLoaded(Message):
        generation: int
        result: SearchResult

    @dataclass
    class ArticleLoaded(Message):
        article_id: str
        indexed: IndexedArticle | None
        highlights: list[tuple[int, int]]
        quotes: list[QuoteRecord]
        then: str | None
        """"first" / "last": go to that hit."""
        offset: int | None
        """Else a body offset to bring into view."""

    @dataclass
    class QuotesGathered(Message):
        purpose: str
        records: list[QuoteRecord]

    @dataclass
    class Copied(Message):
        count: int
        system: bool

    def __init__(self) -> None:
        super().__init__()
        self.query_text = ""
        self.sort = "relevance"
        self.filters = Filters()
        self.filter_order: list[str] = []
        """"person" / "stance", in the order they were applied (esc removes the last)."""
        self.generation = 0
        self.people: list[PersonSummary] = []
        self.counts: dict[tuple[str, str], int] = {}
        self.topics: list[str] = []
        self.labels: dict[str, str] = {}
        self.articles: int | None = None
        self.total: int | None = None
        self.ranked = False
        """The results had words to rank by; when not (an empty search, as at the start), they
        are newest first."""
        self.open_id: str | None = None
        self.sidebar_choice: bool | None = None
        """The user's choice of showing the side panes; None follows the width."""
        self._waiting: dict[str, tuple[Timer, Callable[[], object]]] = {}
        """Calls waiting for a pause in typing, by name (see `_after`)."""
        self.searching = False
        """A search worker is running."""
        self.search_pending = False
        """Another search was asked for while it ran."""
        self.last_asked: tuple[str, str, Filters] | None = None
        """The text, sort and filters of the latest search started."""
        self.unavailable = False
        """True when the index could not be opened."""

    def compose(self) -> ComposeResult:
        yield SearchBar(id="search")
        with Horizontal(id="panes"):
            yield ResultList(id="results")
            with Vertical(id="reader"):
                yield ArticleHeader(id="article-header")
                yield ArticleBody(id="article-body")
                yield QuoteList(id="article-quotes")
            with VerticalScroll(id="sidebar"):
                yield PeopleList(id="people")
                yield PersonCard(id="person-card")
                yield QuoteList(id="person-quotes", with_source=True)
                yield StanceFilter(id="stance")
        yield StatusLine(id="status")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(ResultList).border_title = "Articles"
        self.query_one("#article-quotes").border_title = "Quotes"
        self.query_one(PeopleList).border_title = "People"
        self.query_one("#person-quotes").border_title = "Their quotes"
        self.query_one(StanceFilter).border_title = "Stance"
        self.query_one("#person-card").display = False
        self.query_one("#person-quotes").display = False
        self.query_one(SearchBar).show_error(None)
        self.query_one(ArticleHeader).show(None)
        self.query_one(ResultList).loading = True
        self._show_status()
        self.query_one("#query", Input).focus()
        self.call_after_refresh(self.open_store)  # once painted: the engine's imports would slow the first frame

    # -- layout

    def on_resize(self) -> None:
        self._apply_sidebar()

    def _apply_sidebar(self) -> None:
        shown = self.sidebar_shown
        self.set_class(shown, "-show-sidebar")
        if not shown and self.focused is not None and self.query_one("#sidebar") in self.focused.ancestors:
            self.query_one(ResultList).focus()

    @property
    def stance_taken(self) -> str | None:
        """The stance filter in words ("supports Gaza ceasefire"), or None when none is on."""
        topic, stance = self.filters.topic, self.filters.stance
        return stance_label(topic, stance, self.labels) if topic and stance else None

    @property
    def sidebar_shown(self) -> bool:
        """Are the people and stance panes on screen?"""
        return self.sidebar_choice if self.sidebar_choice is not None else self.size.width >= WIDE

    def _focus_reader(self) -> None:
        """Focus the article text, making room for the reader on a narrow screen."""
        if self.sidebar_shown and self.size.width < WIDE:
            self._show_sidebar(False)
        self.query_one(ArticleBody).focus()

    def _show_sidebar(self, shown: bool) -> None:
        self.sidebar_choice = None if shown == (self.size.width >= WIDE) else shown
        self._apply_sidebar()

    # -- the engine, in workers

    @work(thread=True, exclusive=True, group="store")
    def open_store(self) -> None:
        """Open the index (building it from the seeds when there is none)."""
        from newsx.index.extract.topics import load_topics
        from newsx.index.store import Store

        app = self.app
        try:
            store = Store.open(app.index_dir, app.config)
            topics = load_topics(app.config)
            articles = store.count()
        except NewsxError as exc:
            self.post_message(self.Failed(None, str(exc)))
            return
        self.post_message(self.StoreOpened(store, articles, [t.id for t in topics], {t.id: t.label for t in topics}))

    @work(thread=True, exclusive=True, group="search")
    def search(self, generation: int, text: str, sort: str, filters: Filters) -> None:
        """The first page of hits."""
        try:
            result = self.app.store.search(text, sort=sort, limit=PAGE, filters=filters)
        except QueryError as exc:
            self.post_message(self.Failed(generation, str(exc), query_error=True))
            return
        except NewsxError as exc:
            self.post_message(self.Failed(generation, str(exc)))
            return
        self.post_message(self.Searched(generation, text, sort, filters, result))

    @work(thread=True, exclusive=True, group="facets")
    def load_facets(self, generation: int, text: str, sort: str, filters: Filters, result: SearchResult) -> None:
        """The people, stance counts and chosen person's quotes of a search, unless a
        newer search starts meanwhile (these read every matching article)."""
        store = self.app.store
        worker = get_current_worker()
        try:
            people = store.people(text, filters=filters)
            if worker.is_cancelled:
                return
            counts = store.stance_counts(text, filters=Filters(person=filters.person))
            if worker.is_cancelled:
                return
            person_quotes = (
                speech(
                    store.quotes(
                        speaker=filters.person,
                        topic=filters.topic,
                        stance=filters.stance,
                        article_ids=matching_ids(store, text, filters),
                    )
                )
                if filters.person
                else []
            )
        except NewsxError as exc:
            self.post_message(self.Failed(generation, str(exc)))
            return
        self.post_message(self.FacetsLoaded(generation, people, counts, person_quotes))

    @work(thread=True, exclusive=True, group="page")
    def load_page(self, generation: int, text: str, sort: str, filters: Filters, offset: int) -> None:
        """The next page of hits for the article list."""
        try:
            result = self.app.store.search(text, sort=sort, limit=PAGE, offset=offset, filters=filters)
        except NewsxError as exc:
            self.post_message(self.Failed(generation, str(exc)))
            return
        self.post_message(self.PageLoaded(generation, result))

    @work(thread=True, exclusive=True, group="article")
    def load_article(
        self,
        article_id: str,
        highlights: list[tuple[int, int]],
        filters: Filters,
        then: str | None = None,
        offset: int | None = None,
    ) -> None:
        """An article with its analysis, and its quotes under the active filters."""
        store = self.app.store
        try:
            indexed = store.article(article_id)
            quotes = speech(
                store.quotes(
                    article_ids=[article_id], speaker=filters.person, topic=filters.topic, stance=filters.stance
                )
            )
        except NewsxError as exc:
            self.post_message(self.Failed(None, str(exc)))
            return
        self.post_message(self.ArticleLoaded(article_id, indexed, highlights, quotes, then, offset))

    @work(thread=True, exclusive=True, group="gather")
    def gather_quotes(self, purpose: str, text: str, sort: str, filters: Filters) -> None:
        """Every quote in the matching articles under the filters (`y` / `e` with no selection)."""
        store = self.app.store
        try:
            records = speech(
                store.quotes(
                    speaker=filters.person,
                    topic=filters.topic,
                    stance=filters.stance,
                    article_ids=matching_ids(store, text, filters),
                )
            )
        except NewsxError as exc:
            self.post_message(self.Failed(None, str(exc)))
            return
        self.post_message(self.QuotesGathered(purpose, records))

    @work(thread=True, group="clipboard")
    def copy_system(self, text: str, count: int) -> None:
        """Try the system clipboard (it may spawn xclip or wl-copy)."""
        self.post_message(self.Copied(count, copy_to_system(text)))

    # -- running searches

    @property
    def searched_text(self) -> str:
        """What the search bar's text searches for: its last word completed as typed."""
        return as_you_type(self.query_text)

    def run_search(self) -> None:
        """Search with the current query, sort and filters: now, or when the search
        running ends (the searches asked for meanwhile come to one, the latest)."""
        if self.app.store is None:
            return
        asked = (self.searched_text, self.sort, replace(self.filters))
        if asked == self.last_asked and not self.searching:
            return  # a key that leaves the search as it is ("gaza c" searches "gaza")
        self._cancel("facets")
        if self.searching:
            self.search_pending = True
            return
        self.generation += 1
        self.searching, self.search_pending, self.last_asked = True, False, asked
        self.search(self.generation, *asked)

    @on(Worker.StateChanged)
    def search_ended(self, event: Worker.StateChanged) -> None:
        if event.worker.group == "search" and event.worker.is_finished:
            self.searching = False
            if self.search_pending:
                self.run_search()

    @on(Input.Changed, "#query")
    def query_changed(self, event: Input.Changed) -> None:
        self.query_text = event.value
        self.run_search()

    def _after(self, delay: float, name: str, callback: Callable[[], object]) -> None:
        """Call `callback` once `delay` seconds pass with no other `_after` of this name."""
        self._cancel(name)

        def fire() -> None:
            # A timer stopped after it fired may still call back: only the current one counts.
            if name in self._waiting and self._waiting[name][0] is timer:
                del self._waiting[name]
                callback()

        timer = self.set_timer(delay, fire)
        self._waiting[name] = (timer, callback)

    def _cancel(self, name: str) -> None:
        if name in self._waiting:
            self._waiting.pop(name)[0].stop()

    def flush(self) -> None:
        """Run at once what is waiting for a pause in typing (the search, then its facets)."""
        while self._waiting:
            name = next(iter(self._waiting))
            timer, callback = self._waiting.pop(name)
            timer.stop()
            callback()

    @on(Input.Submitted, "#query")
    def query_submitted(self) -> None:
        self.flush()
        self.query_one(ResultList).focus()

    # -- what the workers send back

    def on_explore_screen_store_opened(self, message: StoreOpened) -> None:
        self.app.store = message.store
        self.topics, self.labels, self.articles = message.topics, message.labels, message.articles
        if message.store.notice:
            self.notify(message.store.notice, title="Index", markup=False)
        # The app, the index's readers and their caches live as long as the app: kept out
        # of the garbage collector's full passes, which otherwise stall a keystroke by
        # ~60 ms each time they walk them (10,000 articles).
        gc.freeze()
        self.run_search()

    def on_explore_screen_failed(self, message: Failed) -> None:
        if message.generation is not None and message.generation != self.generation:
            return
        if message.query_error:
            self.query_one(SearchBar).show_error(message.message)
            return
        self.query_one(ResultList).loading = False
        if self.app.store is None:
            self.unavailable = True
            self._show_status()
        self.notify(message.message, title="newsx", severity="error", markup=False, timeout=30)

    def on_explore_screen_searched(self, message: Searched) -> None:
        if message.generation != self.generation:
            return
        self.query_one(SearchBar).show_error(None)
        results = self.query_one(ResultList)
        results.loading = False
        results.show(message.result)
        self.total = message.result.total
        self.ranked = message.result.ranked
        self._show_status()
        self._after(
            FACETS_DELAY,
            "facets",
            lambda: self.load_facets(message.generation, message.text, message.sort, message.filters, message.result),
        )

    def on_explore_screen_facets_loaded(self, message: FacetsLoaded) -> None:
        if message.generation != self.generation:
            return
        self.people, self.counts = message.people[:PEOPLE_SHOWN], message.counts
        people = self.query_one(PeopleList)
        taking = self.stance_taken
        people.show(self.people, self.filters.person,
                    empty="No one here takes that stance." if taking else "Nobody named in these articles.")
        total = len(message.people)
        people.border_title = f"People ({total:,})" if total <= PEOPLE_SHOWN else f"People ({PEOPLE_SHOWN} of {total:,})"
        people.border_subtitle = taking or ""
        self.query_one(StanceFilter).show(self.topics, self.labels, self.counts, (self.filters.topic, self.filters.stance))
        self._show_person(message.person_quotes, message.people)

    def on_explore_screen_page_loaded(self, message: PageLoaded) -> None:
        if message.generation == self.generation:
            self.query_one(ResultList).extend(message.result)

    def on_explore_screen_article_loaded(self, message: ArticleLoaded) -> None:
        body = self.query_one(ArticleBody)
        if message.indexed is None:
            self.notify("That article is no longer in the index.", severity="warning", markup=False)
            return
        self.open_id = message.article_id
        self.query_one(ArticleHeader).show(message.indexed, len(message.highlights))
        body.show(message.indexed, message.highlights)
        quotes = self.query_one("#article-quotes", QuoteList)
        quotes.show(message.quotes, self.app.selected, empty=self._no_quotes_text())
        quotes.border_title = f"Quotes ({len(message.quotes):,})"
        if message.then is not None:
            body.step_hit(message.then == "first")
        elif message.offset is not None:
            body.scroll_to_offset(message.offset)

    def on_explore_screen_quotes_gathered(self, message: QuotesGathered) -> None:
        self._use_quotes(message.purpose, message.records)

    def on_explore_screen_copied(self, message: Copied) -> None:
        where = "the terminal clipboard (OSC 52)"
        if message.system:
            self.notify(f"Copied {plural(message.count, 'quote')} as Markdown to {where} and the system clipboard.", markup=False)
        else:
            self.notify(
                f"Copied {plural(message.count, 'quote')} as Markdown to {where} only: no system clipboard "
                "was found, and some terminals ignore OSC 52. Press e to write them to a file.",
                severity="warning",
                markup=False,
            )

    # -- the panes

    def _no_quotes_text(self) -> str:
        return "No quotes under these filters." if self.filters else "No quotes in this article."

    def _show_person(self, quotes: list[QuoteRecord], people: list[PersonSummary]) -> None:
        card = self.query_one(PersonCard)
        person_quotes = self.query_one("#person-quotes", QuoteList)
        name = self.filters.person
        card.display = person_quotes.display = name is not None
        if name is None:
            return
        summary = next((p for p in people if p.name == name), None)
        card.show(summary, name, self.labels)
        person_quotes.show(quotes, self.app.selected, empty="No quotes under these filters.")
        person_quotes.border_title = f"Their quotes ({len(quotes):,})"

    def _show_status(self) -> None:
        if self.unavailable:
            count = "No index"
        elif self.app.store is None:
            count = "Opening the index…"
        elif self.total is None:
            count = "Searching…"
        else:
            count = plural(self.total, "article")
        chips = []
        taking = self.stance_taken
        for kind in self.filter_order:
            if kind == "person" and self.filters.person:
                chips.append((kind, f"person: {self.filters.person}"))
            elif kind == "stance" and taking:
                chips.append((kind, taking))
        self.query_one(StatusLine).show(
            count=count, chips=chips, articles=self.articles, sort=self.sort if self.ranked else "date",
            selected=len(self.app.selected),
        )

    # -- opening articles and moving through hits

    @on(ResultList.OptionSelected, "#results")
    def result_chosen(self, event: ResultList.OptionSelected) -> None:
        hit = self.query_one(ResultList).hit_at(event.option_index)
        if hit is not None:
            self.open_hit(hit, then="first")
            self._focus_reader()

    @on(ResultList.NeedMore)
    def more_results(self, event: ResultList.NeedMore) -> None:
        self.load_page(self.generation, self.searched_text, self.sort, replace(self.filters), event.offset)

    def open_hit(self, hit: Hit, then: str | None = None, offset: int | None = None) -> None:
        """Load an article into the reader, with the search's hits marked."""
        self.load_article(hit.id, list(hit.highlights), replace(self.filters), then, offset)

    def action_step_hit(self, forward: bool) -> None:
        """Next / previous hit, continuing into the next / previous article."""
        results = self.query_one(ResultList)
        if self.open_id is None:
            hit = results.hit_at(results.highlighted if results.highlighted is not None else 0)
            if hit is not None:
                self.open_hit(hit, then="first" if forward else "last")
            return
        if self.query_one(ArticleBody).step_hit(forward):
            return
        index = results.index_of(self.open_id)
        target = (index + (1 if forward else -1)) if index is not None else (0 if forward else None)
        hit = results.hit_at(target)
        if hit is None:
            self.notify(f"No {'more' if forward else 'earlier'} hits.", markup=False)
            return
        results.highlighted = target
        self.open_hit(hit, then="first" if forward else "last")

    # -- quotes

    @on(QuoteList.Toggled)
    def quote_toggled(self, event: QuoteList.Toggled) -> None:
        selected = self.app.selected
        if event.record.id in selected:
            del selected[event.record.id]
        else:
            selected[event.record.id] = event.record
        for quotes in self.query(QuoteList):
            quotes.mark(selected)
        self._show_status()

    @on(QuoteList.Chosen)
    def quote_chosen(self, event: QuoteList.Chosen) -> None:
        record = event.record
        body = self.query_one(ArticleBody)
        if record.article_id == self.open_id:
            body.scroll_to_offset(record.start)
        else:
            results = self.query_one(ResultList)
            index = results.index_of(record.article_id)
            hit = results.hit_at(index)
            highlights = list(hit.highlights) if hit else []
            self.load_article(record.article_id, highlights, replace(self.filters), None, record.start)
        self._focus_reader()

    def action_copy_quotes(self) -> None:
        """Copy the selected quotes (or all that match) as Markdown."""
        self._quotes_for("copy")

    def action_export_quotes(self) -> None:
        """Write the selected quotes (or all that match) to a Markdown file."""
        self._quotes_for("export")

    def _quotes_for(self, purpose: str) -> None:
        if self.app.selected:
            self._use_quotes(purpose, list(self.app.selected.values()))
        elif self.app.store is not None:
            self.gather_quotes(purpose, self.searched_text, self.sort, replace(self.filters))

    def _use_quotes(self, purpose: str, records: list[QuoteRecord]) -> None:
        from ..export import quotes_markdown

        if not records:
            self.notify("No quotes to take: select some with space, or widen the search.", severity="warning", markup=False)
            return
        text = quotes_markdown(records, title=self._export_title())
        if purpose == "copy":
            self.app.copy_to_clipboard(text)
            self.copy_system(text, len(records))
        else:
            default = f"newsx-quotes-{self.app.today().isoformat()}.md"
            self.app.push_screen(ExportScreen(default, len(records)), lambda path: self._export_to(path, text, len(records)))

    def _export_title(self) -> str | None:
        parts = []
        if self.query_text.strip():
            parts.append(f"search: {self.query_text.strip()}")
        if self.filters.person:
            parts.append(f"person: {self.filters.person}")
        if taking := self.stance_taken:
            parts.append(taking)
        return "Quotes — " + "; ".join(parts) if parts else None

    def _export_to(self, name: str | None, text: str, count: int, overwrite: bool = False) -> None:
        """Write the export; when the file exists, ask before replacing it."""
        from ..export import ExportExistsError, write_export

        if not name:
            return
        path = Path(name).expanduser()
        try:
            write_export(path, text, overwrite=overwrite)
        except ExportExistsError:
            self.app.push_screen(
                ConfirmScreen(f"{path} already exists. Replace it?"),
                lambda yes: self._export_to(name, text, count, overwrite=True)
                if yes
                else self.notify(f"Kept {path} as it was.", title="Export", markup=False),
            )
            return
        except NewsxError as exc:
            self.notify(str(exc), title="Export", severity="error", markup=False)
            return
        self.notify(f"Wrote {plural(count, 'quote')} to {path}", title="Export", markup=False)

    # -- filters

    @on(PeopleList.Chosen)
    def person_chosen(self, event: PeopleList.Chosen) -> None:
        self.choose_person(None if event.name == self.filters.person else event.name)

    @on(StanceFilter.Chosen)
    def stance_chosen(self, event: StanceFilter.Chosen) -> None:
        self.choose_stance(event.topic, event.stance)

    def choose_person(self, name: str | None) -> None:
        """Narrow to articles that mention `name` (None removes the person filter)."""
        self.filters.person = name
        self._applied("person", name is not None)

    def choose_stance(self, topic: str | None, stance: str | None) -> None:
        """Narrow to a topic and stance (None removes the stance filter)."""
        self.filters.topic, self.filters.stance = (topic, stance) if topic and stance else (None, None)
        self._applied("stance", self.filters.stance is not None)

    def _applied(self, kind: str, active: bool) -> None:
        if kind in self.filter_order:
            self.filter_order.remove(kind)
        if active:
            self.filter_order.append(kind)
        self._show_status()
        self.run_search()
        if self.open_id is not None:
            results = self.query_one(ResultList)
            hit = results.hit_at(results.index_of(self.open_id))
            self.load_article(self.open_id, list(hit.highlights) if hit else [], replace(self.filters))

    @on(Chip.Removed)
    def chip_removed(self, event: Chip.Removed) -> None:
        self._remove_filter(event.kind)

    def _remove_filter(self, kind: str) -> None:
        if kind == "person":
            self.choose_person(None)
        else:
            self.choose_stance(None, None)

    # -- keys

    def action_focus_search(self) -> None:
        self.query_one("#query", Input).focus()

    def action_back(self) -> None:
        """Leave the search input; elsewhere, remove the filter applied last."""
        if isinstance(self.focused, Input):
            self.query_one(ResultList).focus()
        elif self.filter_order:
            self._remove_filter(self.filter_order[-1])

    def action_toggle_people(self) -> None:
        """Show the people pane and focus it; from the people pane, hide it."""
        people = self.query_one(PeopleList)
        if self.sidebar_shown and self.focused is people:
            self._show_sidebar(False)
        else:
            self._show_sidebar(True)
            people.focus()

    def action_stance_filter(self) -> None:
        self._show_sidebar(True)
        self.query_one(StanceFilter).focus()

    def action_toggle_sort(self) -> None:
        if not self.ranked:
            self.notify("With no words to rank by, the newest articles come first.", title="Sort")
            return
        self.sort = "date" if self.sort == "relevance" else "relevance"
        self._show_status()
        self.run_search()

    # -- for the command palette

    def facet_choices(self) -> list[tuple[str, str, object]]:
        """(text, help, callback) for each person and topic:stance in the current results."""
        choices: list[tuple[str, str, object]] = []
        for person in self.people:
            choices.append(
                (
                    f"Quotes by {person.name} (narrows to {plural(person.articles, 'article')})",
                    "Narrow the articles to those that mention this person",
                    lambda name=person.name: self.choose_person(name),
                )
            )
        for (topic, stance), count in sorted(self.counts.items()):
            if count and stance in ("support", "oppose"):
                choices.append(
                    (
                        f"Someone {stance_label(topic, stance, self.labels)} (narrows to {plural(count, 'article')})",
                        "Narrow the articles and quotes to this stance",
                        lambda t=topic, s=stance: self.choose_stance(t, s),
                    )
                )
        return choices

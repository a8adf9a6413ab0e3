"""The app on the index of the broken and hostile corpus: it opens, searches, shows hostile
articles literally (no markup run, no escape passed on), and bad queries keep the results."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from harness import body_lines, option_texts, settle, static_text
from hostile_corpus import ARABIC_NAME, HEBREW_NAME, LONG_WORD, MARKUP, TERMINAL_BYTES
from textual.widgets import Input

from newsx.index.config import Config
from newsx.tui.app import NewsxApp
from newsx.tui.widgets.reader import ArticleBody, ArticleHeader
from newsx.tui.widgets.results import ResultList


@pytest.fixture
def app(hostile_index: Path, tmp_path: Path, env) -> NewsxApp:
    return NewsxApp(Config(path=tmp_path / "config.yaml"), hostile_index, today=lambda: date(2025, 3, 10))


def clean(text: str) -> bool:
    return not any(byte in text for byte in TERMINAL_BYTES)


async def search(pilot, text: str) -> None:
    """Put `text` in the search bar (as a paste would) and run it with enter."""
    field = pilot.app.screen.query_one("#query", Input)
    field.focus()
    field.value = text
    await pilot.press("enter")
    await settle(pilot)


async def test_opens_searches_and_shows_a_hostile_article_literally(app, hostile_run):
    articles = int(hostile_run.run.out.split("the index holds ")[1].split()[0])
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        results = app.screen.query_one(ResultList)
        assert results.total == articles  # the seeds, the hostile articles, the good parts of bad files
        await search(pilot, "zorblax")
        assert results.total == 1
        listed = option_texts(results)[0]
        assert "[@click=app.quit]quit[/]" in listed and clean(listed)
        await pilot.press("enter")
        await settle(pilot)
        header = static_text(app.screen.query_one(ArticleHeader))
        assert MARKUP in header and "[red]Outlet[/red]" in header and clean(header)
        body = app.screen.query_one(ArticleBody)
        shown = "\n".join(body_lines(body))
        assert "[link=file:///etc/passwd]x[/link]" in shown and clean(shown)
        assert ARABIC_NAME in body._body and HEBREW_NAME in body._body
        # every character of the 20,000-letter word is there, folded to the reader's width
        assert LONG_WORD in body._body.replace("\n", "")
        await pilot.press("G")
        await settle(pilot)
        assert all(len(line) <= body.scrollable_content_region.width for line in body_lines(body))
        await pilot.click(ArticleBody, offset=(5, 1))
        await pilot.click(ArticleHeader, offset=(10, 0))
        await settle(pilot)
        assert app.is_running and len(app.screen_stack) == 2  # no action ran, no screen opened


async def test_a_hostile_file_name_in_the_reader_header_is_cleaned(app, hostile_run):
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        for word in hostile_run.corpus.hostile_names:
            await search(pilot, word)
            await pilot.press("enter")
            await settle(pilot)
            assert clean(static_text(app.screen.query_one(ArticleHeader))), word


async def test_the_200000_line_article_opens_and_scrolls_to_its_end(app):
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await search(pilot, "eelgrass")
        await pilot.press("enter")
        await settle(pilot)
        body = app.screen.query_one(ArticleBody)
        assert body.virtual_size.height >= 200_000
        await pilot.press("G")
        await settle(pilot)
        assert "lastline eelgrass" in "\n".join(body_lines(body))


@pytest.mark.parametrize(
    ("query", "error"),
    [
        ('"unbalanced', None), ("(gaza OR", None), ("gaza)", None), ("*", None), ("[", None),
        ("أيمن الصفدي", None), ("נתניהו", None), ("\u202eevil\u200b", None),
        ("titel:gaza", "unknown field titel:"), ("x" * 10_000, "query too long"), ("date:soon", "not a date"),
        ("[@click=app.quit] \x1b[2J", None), ("date:\x1b]52;c;eA==\x07\x9b2J", "not a date"),
    ],
)
async def test_any_query_shows_results_or_one_line_and_keeps_the_last_results(app, query, error):
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await search(pilot, "harbour")
        results = app.screen.query_one(ResultList)
        before = [hit.id for hit in results.hits]
        assert len(before) >= 6
        await search(pilot, query)
        shown = app.screen.query_one("#query-error")
        assert shown.display == (error is not None)
        if error:
            message = static_text(shown)
            assert error in message and "\n" not in message and clean(message)
            assert [hit.id for hit in results.hits] == before
        assert app.is_running

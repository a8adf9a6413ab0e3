"""Selecting quotes across articles, copying them and exporting them to a file."""

from __future__ import annotations

from pathlib import Path

import pytest
from harness import TODAY, explore_screen, option_texts, settle, static_text

from newsx.tui.export import quotes_markdown
from newsx.tui.screens import explore
from newsx.tui.screens.export import ConfirmScreen, ExportScreen
from newsx.tui.widgets.quotes import QuoteList
from newsx.tui.widgets.results import ResultList

EXPORT_NAME = f"newsx-quotes-{TODAY.isoformat()}.md"


@pytest.fixture
def system_clipboard(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Stand in for pyperclip: record what was copied, as if no clipboard tool exists."""
    copied: list[str] = []

    def copy(text: str) -> bool:
        copied.append(text)
        return False

    monkeypatch.setattr(explore, "copy_to_system", copy)
    return copied


async def select_three_across_two_articles(pilot) -> list:
    """Open the first two "ceasefire" results and select 2 + 1 quotes, by keys."""
    app = pilot.app
    await pilot.press(*"ceasefire", "enter")
    await settle(pilot)
    await pilot.press("enter")  # open the first article; focus goes to the reader
    await settle(pilot)
    await pilot.press("tab")  # to its quotes
    quotes = app.screen.query_one("#article-quotes", QuoteList)
    assert app.focused is quotes and len(quotes.records) >= 2
    await pilot.press("space", "j", "space")
    chosen = quotes.records[:2]
    await pilot.press("shift+tab", "shift+tab")  # back to the article list
    assert app.focused is app.screen.query_one(ResultList)
    await pilot.press("j", "enter")  # open the second article
    await settle(pilot)
    await pilot.press("tab")
    assert quotes.records and quotes.records[0].article_id != chosen[0].article_id
    await pilot.press("space")
    chosen.append(quotes.records[0])
    return chosen


async def test_space_selects_quotes_and_the_selection_survives_searches(make_app):
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        chosen = await select_three_across_two_articles(pilot)
        assert list(app.selected) == [r.id for r in chosen]
        assert "3 selected" in static_text(app.screen.query_one("#status-info"))
        quotes = app.screen.query_one("#article-quotes", QuoteList)
        assert option_texts(quotes)[0].startswith("[x]")
        # another search, then back to the first article: its quotes are still marked
        await pilot.press("slash", *["backspace"] * len("ceasefire"), *"starmer", "enter")
        await settle(pilot)
        await pilot.press("slash", *["backspace"] * len("starmer"), *"ceasefire", "enter")
        await settle(pilot)
        await pilot.press("enter", "tab")
        await settle(pilot)
        assert len(app.selected) == 3
        assert [text[:3] for text in option_texts(quotes)[:3]] == ["[x]", "[x]", "[ ]"]


async def test_y_copies_the_selected_quotes_as_markdown(make_app, system_clipboard):
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        chosen = await select_three_across_two_articles(pilot)
        await pilot.press("y")
        await settle(pilot)
        expected = quotes_markdown(chosen, title="Quotes — search: ceasefire")
        assert app.clipboard == expected
        assert system_clipboard == [expected]
        for record in chosen:
            assert f"> {record.text.splitlines()[0]}" in app.clipboard
        assert any("OSC 52" in n.message and "e to write" in n.message for n in app._notifications)


async def test_e_exports_to_a_file_and_asks_before_replacing_it(make_app, tmp_path: Path):
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        chosen = await select_three_across_two_articles(pilot)
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, ExportScreen)
        assert app.screen.query_one("#export-path").value == EXPORT_NAME
        await pilot.press("enter")
        await settle(pilot)
        written = tmp_path / EXPORT_NAME
        assert written.read_text(encoding="utf-8") == quotes_markdown(chosen, title="Quotes — search: ceasefire")

        await pilot.press("space")  # unselect the last quote, then export again
        await pilot.press("e", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await settle(pilot)
        assert written.read_text(encoding="utf-8") == quotes_markdown(chosen, title="Quotes — search: ceasefire")

        await pilot.press("e", "enter")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert written.read_text(encoding="utf-8") == quotes_markdown(chosen[:2], title="Quotes — search: ceasefire")


async def test_export_without_a_selection_takes_the_quotes_under_the_filters(make_app, tmp_path: Path):
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        screen = explore_screen(app)
        await pilot.press("escape", "p")
        people = app.screen.query_one("#people")
        await pilot.press("g", *["j"] * [p.name for p in people.people].index("Sadiq Khan"), "enter")
        await settle(pilot)
        shown = app.screen.query_one("#person-quotes", QuoteList).records
        assert shown and screen.filters.person == "Sadiq Khan"
        await pilot.press("e")
        await settle(pilot)
        await pilot.press(*["backspace"] * len(EXPORT_NAME), *"khan.md", "enter")
        await settle(pilot)
        text = (tmp_path / "khan.md").read_text(encoding="utf-8")
        assert text == quotes_markdown(shown, title="Quotes — person: Sadiq Khan")
        assert text.count("— Sadiq Khan") == len(shown)

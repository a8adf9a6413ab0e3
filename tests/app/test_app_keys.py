"""Keys, help, themes and the config: what the app keeps between runs."""

from __future__ import annotations

import yaml
from harness import explore_screen, settle, static_text

from newsx.index.config import load_config
from newsx.tui.screens.help import HelpScreen
from newsx.tui.widgets.results import ResultList


async def test_question_mark_opens_help_with_keys_and_query_syntax(make_app):
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("escape", "question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        markdown = app.screen.query_one("Markdown").source
        assert "## Articles" in markdown  # the focused pane's own help comes first
        for text in ("`n`", "`space`", "`y`", "`e`", "next-hit", '"arms sales"', "date:[2023-10 to 2023-11]", "speaker:"):
            assert text in markdown
        await pilot.press("escape")
        assert isinstance(app.screen, type(explore_screen(app)))
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)


async def test_q_quits_outside_the_search_bar_only(make_app):
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("q")
        await settle(pilot)
        assert app.is_running and app.screen.query_one("#query").value == "q"
        await pilot.press("escape", "q")
        await pilot.pause()
        assert not app.is_running


async def test_theme_chosen_in_the_palette_is_saved_and_used_next_time(make_app, config):
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"theme")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press(*"nord")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert app.theme == "nord"
    saved = yaml.safe_load(config.path.read_text(encoding="utf-8"))
    assert saved["theme"] == "nord"
    again = make_app()
    again.config = load_config(config.path)
    async with again.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert again.theme == "nord"


async def test_keymap_from_the_config_remaps_a_binding(make_app):
    app = make_app(keymap={"sort": "S", "next-hit": "ctrl+n"})
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        screen = explore_screen(app)
        await pilot.press(*"starmer", "escape", "o")
        await settle(pilot)
        assert screen.sort == "relevance"
        await pilot.press("S")
        await settle(pilot)
        assert screen.sort == "date"
        assert "sort: date" in static_text(app.screen.query_one("#status-info"))
        await pilot.press("ctrl+n")
        await settle(pilot)
        assert screen.open_id == app.screen.query_one(ResultList).hits[0].id
        await pilot.press("question_mark")
        assert "`S`" in app.screen.query_one("Markdown").source


async def test_unknown_theme_in_the_config_warns_and_falls_back(make_app):
    app = make_app(theme="no-such-theme")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert app.theme == "textual-dark"
        assert any("no-such-theme" in n.message for n in app._notifications)


async def test_an_index_that_cannot_be_opened_is_reported_in_one_line(config, tmp_path):
    from newsx.tui.app import NewsxApp

    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the index should be", encoding="utf-8")
    app = NewsxApp(config, blocked / "index")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert static_text(app.screen.query_one("#status-count")) == "No index"
        [notice] = [n for n in app._notifications if n.severity == "error"]
        assert str(blocked) in notice.message and "\n" not in notice.message
        await pilot.press("escape", "q")
        await pilot.pause()
        assert not app.is_running

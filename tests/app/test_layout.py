"""Panes at 80 and 120 columns, and on resize."""

from __future__ import annotations

from harness import settle

from newsx.tui.widgets.people import PeopleList
from newsx.tui.widgets.reader import ArticleBody


def shown(app, selector: str) -> bool:
    widget = app.screen.query_one(selector)
    return widget.display and widget.region.width > 0


async def test_80_columns_show_list_and_reader_and_p_swaps_in_the_people(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert shown(app, "#results") and shown(app, "#reader") and not shown(app, "#sidebar")
        await pilot.press("escape", "p")
        await pilot.pause()
        assert shown(app, "#sidebar") and not shown(app, "#reader")
        assert app.focused is app.screen.query_one(PeopleList)
        await pilot.press("p")
        await pilot.pause()
        assert not shown(app, "#sidebar") and shown(app, "#reader")
        # opening an article from a narrow screen with the sidebar open brings the reader back
        await pilot.press("p")
        assert shown(app, "#sidebar")
        await pilot.press("slash", "enter", "enter")  # search bar, back to the list, open
        await settle(pilot)
        assert not shown(app, "#sidebar")
        assert shown(app, "#reader") and app.focused is app.screen.query_one(ArticleBody)


async def test_120_columns_show_all_three_and_resizing_collapses_them(make_app):
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert shown(app, "#results") and shown(app, "#reader") and shown(app, "#sidebar")
        await pilot.resize_terminal(90, 30)
        await pilot.pause()
        assert shown(app, "#results") and shown(app, "#reader") and not shown(app, "#sidebar")
        await pilot.resize_terminal(140, 40)
        await pilot.pause()
        assert shown(app, "#sidebar")

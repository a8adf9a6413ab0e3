"""Snapshots of the main screens at 80x24 and 120x36, on the seed index.

Regenerate with `pytest tests/snapshots --snapshot-update` and look at the SVGs in
__snapshots__/ before committing them.
"""

from __future__ import annotations

import pytest
from harness import settle

from newsx.tui.widgets.people import PeopleList
from newsx.tui.widgets.stance import StanceFilter

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 36), id="120x36")]


def steps(*keys: str):
    """A run_before that waits for the index, then presses each key and waits for what it
    started; the search bar's cursor is kept still so the picture is the same every time."""

    async def run(pilot) -> None:
        pilot.app.screen.query_one("#query").cursor_blink = False
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)

    return run


@pytest.mark.parametrize("size", SIZES)
def test_search_results(snap_compare, make_app, size):
    assert snap_compare(make_app(), terminal_size=size, run_before=steps(*"ceasefire"))


@pytest.mark.parametrize("size", SIZES)
def test_reader_with_hits(snap_compare, make_app, size):
    assert snap_compare(make_app(), terminal_size=size, run_before=steps(*"ceasefire", "enter", "enter", "n"))


@pytest.mark.parametrize("size", SIZES)
def test_person_and_their_quotes(snap_compare, make_app, size):
    async def choose_khan(pilot) -> None:
        await steps("escape", "p")(pilot)
        names = [p.name for p in pilot.app.screen.query_one(PeopleList).people]
        await pilot.press(*["j"] * names.index("Sadiq Khan"), "enter")
        await settle(pilot)

    assert snap_compare(make_app(), terminal_size=size, run_before=choose_khan)


@pytest.mark.parametrize("size", SIZES)
def test_stance_filter(snap_compare, make_app, size):
    async def supports_ceasefire(pilot) -> None:
        await steps("escape", "s")(pilot)
        index = pilot.app.screen.query_one(StanceFilter).choices.index(("ceasefire", "support"))
        await pilot.press(*["j"] * index, "enter")
        await settle(pilot)

    assert snap_compare(make_app(), terminal_size=size, run_before=supports_ceasefire)


@pytest.mark.parametrize("size", SIZES)
def test_export_prompt(snap_compare, make_app, size):
    assert snap_compare(
        make_app(), terminal_size=size, run_before=steps(*"sarwar", "enter", "enter", "tab", "space", "e")
    )


def test_help(snap_compare, make_app):
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=steps("escape", "question_mark"))

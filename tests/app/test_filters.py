"""Narrowing by person and by stance: the panes, the chips, esc, the command palette."""

from __future__ import annotations

from harness import explore_screen, option_texts, settle, static_text

from newsx.tui.widgets.people import PeopleList, PersonCard
from newsx.tui.widgets.quotes import QuoteList
from newsx.tui.widgets.results import ResultList
from newsx.tui.widgets.stance import StanceFilter
from newsx.tui.widgets.status import Chip


async def choose_person(pilot, name: str) -> None:
    """Focus the people pane with `p`, move to `name` with `j`, choose it with enter."""
    await pilot.press("escape", "p")
    people = pilot.app.screen.query_one(PeopleList)
    assert pilot.app.focused is people
    index = [p.name for p in people.people].index(name)
    await pilot.press("g", *["j"] * index, "enter")
    await settle(pilot)


async def test_choosing_a_person_narrows_the_results_and_lists_their_quotes(make_app):
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await choose_person(pilot, "Sadiq Khan")
        screen = explore_screen(app)
        assert screen.filters.person == "Sadiq Khan"
        results = app.screen.query_one(ResultList)
        assert 0 < results.total < 4
        for hit in results.hits:
            people = {p.name for p in app.store.article(hit.id).analysis.people}
            assert "Sadiq Khan" in people
        chips = [str(chip.content) for chip in app.screen.query(Chip)]
        assert chips == ["person: Sadiq Khan ✕"]
        card = static_text(app.screen.query_one(PersonCard))
        assert "Sadiq Khan" in card and "supports Gaza ceasefire" in card
        quotes = app.screen.query_one("#person-quotes", QuoteList)
        assert quotes.display and quotes.records
        assert all(r.speaker == "Sadiq Khan" for r in quotes.records)
        assert any("ceasefire ✔" in text for text in option_texts(quotes))
        # esc removes the filter again
        await pilot.press("escape")
        await settle(pilot)
        assert screen.filters.person is None and results.total == 4
        assert not list(app.screen.query(Chip))


async def test_stance_filter_narrows_articles_and_quotes(make_app):
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        screen = explore_screen(app)
        expected = screen.counts[("ceasefire", "support")]
        await pilot.press("escape", "s")
        stance = app.screen.query_one(StanceFilter)
        assert app.focused is stance
        index = stance.choices.index(("ceasefire", "support"))
        await pilot.press("g", *["j"] * index, "enter")
        await settle(pilot)
        assert (screen.filters.topic, screen.filters.stance) == ("ceasefire", "support")
        results = app.screen.query_one(ResultList)
        assert results.total == expected
        for hit in results.hits:
            stances = app.store.article(hit.id).analysis.stances
            assert any((s.topic, s.stance) == ("ceasefire", "support") for s in stances)
        assert [str(c.content) for c in app.screen.query(Chip)] == ["supports Gaza ceasefire ✕"]
        # the people pane answers "who supports a Gaza ceasefire?"
        people = app.screen.query_one(PeopleList)
        assert people.people and all(p.stances["ceasefire"][0] == "support" for p in people.people)
        assert "Keir Starmer" not in {p.name for p in people.people}
        assert people.border_subtitle == "supports Gaza ceasefire"
        # the open article's quotes follow the filter too
        await pilot.press("slash", "enter")  # to the search bar, and back to the list
        await settle(pilot)
        assert app.focused is results
        await pilot.press("enter")
        await settle(pilot)
        quotes = app.screen.query_one("#article-quotes", QuoteList)
        assert quotes.records
        assert all(("ceasefire", "support") in r.stances for r in quotes.records)


async def test_esc_removes_the_last_filter_and_a_click_removes_any_chip(make_app):
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        screen = explore_screen(app)
        await choose_person(pilot, "Keir Starmer")
        await pilot.press("s")
        stance = app.screen.query_one(StanceFilter)
        await pilot.press("g", *["j"] * stance.choices.index(("arms-ban", "oppose")), "enter")
        await settle(pilot)
        assert [c.kind for c in app.screen.query(Chip)] == ["person", "stance"]
        assert app.screen.query_one(ResultList).total >= 1
        await pilot.press("escape")  # the stance came last
        await settle(pilot)
        assert screen.filters.stance is None and screen.filters.person == "Keir Starmer"
        await pilot.press("enter")  # the stance pane still has it highlighted: apply it again
        await settle(pilot)
        assert [c.kind for c in app.screen.query(Chip)] == ["person", "stance"]
        await pilot.click("#chips Chip")  # the person's chip
        await settle(pilot)
        assert screen.filters.person is None and screen.filters.stance == "oppose"
        await pilot.press("escape")
        await settle(pilot)
        assert not screen.filters and not list(app.screen.query(Chip))


async def test_command_palette_entry_narrows_to_a_person(make_app):
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        screen = explore_screen(app)
        khan = next(p for p in screen.people if p.name == "Sadiq Khan")
        await pilot.press("ctrl+p")
        await pilot.press(*"quotes by sadiq")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert screen.filters.person == "Sadiq Khan"
        assert app.screen.query_one(ResultList).total == khan.articles


async def test_command_palette_entry_narrows_to_a_stance(make_app):
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        screen = explore_screen(app)
        expected = screen.counts[("arms-ban", "support")]
        await pilot.press("ctrl+p")
        await pilot.press(*"someone supports ban arms")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert (screen.filters.topic, screen.filters.stance) == ("arms-ban", "support")
        assert app.screen.query_one(ResultList).total == expected

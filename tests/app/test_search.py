"""Searching from the search bar: as you type, errors, sorting and paging."""

from __future__ import annotations

from pathlib import Path

from harness import explore_screen, option_texts, settle, static_text

from newsx.index.config import Config
from newsx.index.store import Store
from newsx.tui.screens.explore import PAGE
from newsx.tui.screens.help import HelpScreen
from newsx.tui.widgets.results import ResultList


async def test_opens_on_every_seed_article_newest_first(make_app):
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        results = app.screen.query_one(ResultList)
        assert results.total == 4
        dates = [hit.date for hit in results.hits if hit.date]
        assert dates == sorted(dates, reverse=True)
        assert "4 articles" in static_text(app.screen.query_one("#status-count"))
        assert static_text(app.screen.query_one("#status-info")).endswith("4 indexed · sort: date")


async def test_results_follow_each_keystroke(make_app):
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press(*"ukraine")
        await settle(pilot)
        results = app.screen.query_one(ResultList)
        assert 0 < results.total < 4
        assert all(hit.highlights for hit in results.hits)
        first = option_texts(results)[0]
        assert "hit" in first  # "N hits" on each article's second line


async def test_slash_in_the_search_bar_does_not_start_the_query_but_types_later(make_app):
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        field = app.screen.query_one("#query")
        assert field.has_focus  # the bar has the focus at the start: `/` out of habit
        await pilot.press("slash", *"2024", "slash", *"04")
        await settle(pilot)
        assert field.value == "2024/04"


async def test_question_mark_in_an_empty_search_bar_opens_the_help_as_its_placeholder_says(make_app):
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        field = app.screen.query_one("#query")
        assert field.has_focus and "(? help)" in str(field.placeholder)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen) and "Query language" in app.screen.pane_help
        await pilot.press("escape")
        await settle(pilot)
        assert field.value == "" and field.has_focus
        await pilot.press(*"gaza", "question_mark")
        assert field.value == "gaza?"  # after a word, the wildcard


async def test_a_word_half_typed_already_finds_the_articles_it_begins(make_app):
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        results = app.screen.query_one(ResultList)
        await pilot.press(*"ukraine")
        await settle(pilot)
        whole = [hit.id for hit in results.hits]
        await pilot.press(*["backspace"] * 3)  # "ukra"
        await settle(pilot)
        assert [hit.id for hit in results.hits] == whole
        assert all(hit.highlights for hit in results.hits)


async def test_malformed_query_shows_the_error_and_keeps_the_results(make_app):
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press(*"ceasefire")
        await settle(pilot)
        results = app.screen.query_one(ResultList)
        before = [hit.id for hit in results.hits]
        assert before
        bad = " date:[nonsense to x]"
        app.screen.query_one("#query").insert_text_at_cursor(bad)  # pasted: one change
        await settle(pilot)
        error = app.screen.query_one("#query-error")
        assert error.display and "date:" in static_text(error)
        assert [hit.id for hit in results.hits] == before
        await pilot.press(*["backspace"] * len(bad))
        await settle(pilot)
        assert not error.display


async def test_o_toggles_sort_between_relevance_and_date(make_app):
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press(*"starmer", "enter")
        await settle(pilot)
        info = app.screen.query_one("#status-info")
        assert "sort: relevance" in static_text(info)
        by_score = app.screen.query_one(ResultList).hits
        assert [h.score for h in by_score] == sorted((h.score for h in by_score), reverse=True)
        await pilot.press("o")
        await settle(pilot)
        assert "sort: date" in static_text(info)
        dates = [h.date for h in app.screen.query_one(ResultList).hits if h.date]
        assert dates == sorted(dates, reverse=True)


async def test_an_empty_search_stays_newest_first_and_o_says_why(make_app):
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        before = [hit.id for hit in app.screen.query_one(ResultList).hits]
        await pilot.press("escape", "o")
        await settle(pilot)
        assert [hit.id for hit in app.screen.query_one(ResultList).hits] == before
        assert "sort: date" in static_text(app.screen.query_one("#status-info"))
        [notice] = app._notifications
        assert notice.message == "With no words to rank by, the newest articles come first."
        await pilot.press("slash", *"starmer")
        await settle(pilot)
        assert "sort: relevance" in static_text(app.screen.query_one("#status-info"))


async def test_more_results_load_at_the_end_of_the_list(make_app, index_dir: Path, tmp_path: Path):
    corpus = tmp_path / "many"
    corpus.mkdir()
    for n in range(120):
        (corpus / f"wire-{n:03}.txt").write_text(
            f"Quillfeather budget vote number {n}\n\nThe quillfeather council met to vote on item {n}.\n", encoding="utf-8"
        )
    with Store.open(index_dir, Config(path=tmp_path / "config.yaml")) as store:
        store.update([corpus])
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press(*"quillfeather", "enter")
        await settle(pilot)
        results = app.screen.query_one(ResultList)
        assert results.total == 120
        assert len(results.hits) == PAGE and results.option_count == PAGE
        for loaded in range(2 * PAGE, 120 + PAGE, PAGE):  # a page more each time the end is reached
            await pilot.press("G")
            await settle(pilot)
            assert len(results.hits) == min(loaded, 120)
        assert len({hit.id for hit in results.hits}) == 120
        assert explore_screen(app).total == 120


async def test_first_start_builds_the_index_from_the_seeds_and_says_so(config, tmp_path: Path):
    from newsx.tui.app import NewsxApp

    app = NewsxApp(config, tmp_path / "fresh-index")
    async with app.run_test(size=(80, 24)) as pilot:
        assert "Opening the index" in static_text(app.screen.query_one("#status-count"))  # painted before it opens
        await settle(pilot)
        assert app.screen.query_one(ResultList).total == 4
        assert any("seed" in n.message for n in app._notifications)  # the Store says what it built


async def test_a_mistyped_name_that_finds_nothing_is_named_with_the_nearest_one(make_app):
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press(*"ceasefire person:sarwr")
        await settle(pilot)
        results = app.screen.query_one(ResultList)
        assert results.total == 0
        assert option_texts(results) == [
            "No articles match.\nNo person:sarwr in the index. Did you mean person:sarwar?"]
        await pilot.press("backspace", *"ar")
        await settle(pilot)
        assert results.total == 2

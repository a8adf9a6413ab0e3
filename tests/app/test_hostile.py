"""Article text is data: markup and escape sequences in it show literally and run nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from harness import body_lines, explore_screen, option_texts, settle, static_text

from newsx.index.config import Config
from newsx.index.model import PersonSummary
from newsx.index.store import Store
from newsx.tui.widgets.people import PeopleList, PersonCard
from newsx.tui.widgets.reader import ArticleBody, ArticleHeader
from newsx.tui.widgets.results import ResultList
from newsx.tui.widgets.status import Chip

MARKUP = "[/ [bold]loud [@click=app.quit]quit[/] [link=file:///etc/passwd]x[/link]"
ESCAPES = "\x1b[2J\x1b]52;c;ZXZpbA==\x07"
HOSTILE_NAME = "Zed [bold]Quux[/ [@click=app.quit]"


@pytest.fixture
def hostile_index(index_dir: Path, tmp_path: Path) -> Path:
    corpus = tmp_path / "hostile"
    corpus.mkdir()
    article = {
        "title": f"Zorblax title {MARKUP}{ESCAPES}",
        "outlet": "[red]Outlet[/red]",
        "date": "2024-05-01",
        "body": (
            f"Zorblax body begins. {MARKUP} and {ESCAPES} end.\n\n"
            f"Councillor Ann Smith said: \"Zorblax {MARKUP} must stop.\"\n"
        ),
    }
    (corpus / "hostile.json").write_text(json.dumps(article), encoding="utf-8")
    with Store.open(index_dir, Config(path=tmp_path / "config.yaml")) as store:
        report = store.update([corpus])
    assert len(report.added) == 1
    return index_dir


async def test_hostile_article_shows_literally_and_runs_nothing(make_app, hostile_index):
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press(*"zorblax", "enter")
        await settle(pilot)
        results = app.screen.query_one(ResultList)
        assert results.total == 1
        listed = option_texts(results)[0]
        assert "[bold]loud" in listed and "\x1b" not in listed
        await pilot.press("enter")
        await settle(pilot)
        header = static_text(app.screen.query_one(ArticleHeader))
        assert MARKUP in header and "[red]Outlet[/red]" in header
        assert "\x1b" not in header and "\x07" not in header
        shown = "\n".join(body_lines(app.screen.query_one(ArticleBody)))
        assert "[@click=app.quit]quit[/]" in shown and "[link=file:///etc/passwd]x[/link]" in shown
        assert "\x1b" not in shown
        quotes = app.screen.query_one("#article-quotes")
        assert any("[@click=app.quit]" in text for text in option_texts(quotes))
        # clicking the hostile text runs no action
        await pilot.click(ArticleBody, offset=(10, 1))
        await pilot.click(ResultList, offset=(10, 1))
        await pilot.click(ArticleHeader, offset=(20, 0))
        await settle(pilot)
        assert app.is_running


async def test_hostile_person_name_in_panes_chip_and_palette(make_app, monkeypatch):
    # Extraction never yields a name with brackets, so the Store hands the app one.
    hostile = PersonSummary(
        name=HOSTILE_NAME, role="[b]Role[/", aliases=[], mentions=3, quotes=0, articles=1,
        stances={"ceasefire": ("support", None, f"Evidence {MARKUP}")},
    )
    monkeypatch.setattr(Store, "people", lambda self, query="", *, filters=None: [hostile])
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        people = app.screen.query_one(PeopleList)
        assert HOSTILE_NAME in option_texts(people)[0]
        await pilot.press("escape", "p", "enter")
        await settle(pilot)
        assert explore_screen(app).filters.person == HOSTILE_NAME
        assert [str(c.content) for c in app.screen.query(Chip)] == [f"person: {HOSTILE_NAME} ✕"]
        card = static_text(app.screen.query_one(PersonCard))
        assert HOSTILE_NAME in card and MARKUP in card
        await pilot.press("ctrl+p", *"quotes by zed")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert app.is_running and explore_screen(app).filters.person == HOSTILE_NAME

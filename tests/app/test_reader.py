"""The reader: literal text, hits marked and stepped through, quotes and people styled."""

from __future__ import annotations

from harness import body_lines, explore_screen, settle, static_text

from newsx.tui.widgets.reader import ArticleBody, ArticleHeader, wrap_spans
from newsx.tui.widgets.results import ResultList


async def open_first(pilot, query: str) -> None:
    """Search for `query` and open the first article, by keys."""
    await pilot.press(*query, "enter")
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)


def segments_with(body: ArticleBody, text: str):
    """The styled segments of the drawn lines whose text contains `text`."""
    height = body.scrollable_content_region.height
    return [seg for y in range(height) for seg in body.render_line(y) if text in seg.text]


async def test_enter_opens_the_article_with_its_hits_marked(make_app):
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await open_first(pilot, "ceasefire")
        hit = app.screen.query_one(ResultList).hits[0]
        header = static_text(app.screen.query_one(ArticleHeader))
        assert hit.title in header and hit.outlet in header
        body = app.screen.query_one(ArticleBody)
        assert app.focused is body
        assert body.hits == sorted(hit.highlights) and body.current_hit == 0
        assert explore_screen(app).open_id == hit.id
        # the first hit is on screen, drawn in the current-hit style (bold, on the theme's warning colour)
        start, end = body.hits[0]
        word = app.store.article(hit.id).article.body[start:end]
        current = [seg for seg in segments_with(body, word) if seg.style.bold and seg.style.bgcolor]
        assert current


async def test_n_and_N_step_through_hits_and_on_into_other_articles(make_app):
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await open_first(pilot, "ceasefire")
        screen = explore_screen(app)
        results = app.screen.query_one(ResultList)
        body = app.screen.query_one(ArticleBody)
        first, second = results.hits[0], results.hits[1]
        for expected in range(1, len(first.highlights)):
            await pilot.press("n")
            assert body.current_hit == expected
            row = body.row_of(body.hits[expected][0])
            top = body.scroll_offset.y
            assert top <= row < top + body.scrollable_content_region.height
        await pilot.press("n")
        await settle(pilot)
        assert screen.open_id == second.id and body.current_hit == 0
        assert results.highlighted == 1
        await pilot.press("N")
        await settle(pilot)
        assert screen.open_id == first.id
        assert body.current_hit == len(first.highlights) - 1


async def test_quotes_are_labelled_with_their_speaker_and_people_underlined(make_app):
    app = make_app()
    async with app.run_test(size=(120, 150)) as pilot:  # tall enough for the whole article
        await settle(pilot)
        await open_first(pilot, "ceasefire khan")
        body = app.screen.query_one(ArticleBody)
        lines = body_lines(body)
        assert any(line.strip().startswith("“ ") and "Sadiq Khan" in line for line in lines)
        names = segments_with(body, "Sadiq")
        assert any(seg.style.underline for seg in names)
        assert any(seg.style.italic for y in range(len(lines)) for seg in body.render_line(y))


async def test_removed_boilerplate_is_hidden_and_counted(make_app):
    app = make_app()
    async with app.run_test(size=(120, 150)) as pilot:
        await settle(pilot)
        await open_first(pilot, '"Sadiq Khan"')
        store = app.store
        article = store.article(explore_screen(app).open_id).article
        assert article.removed
        assert "boilerplate" in static_text(app.screen.query_one(ArticleHeader))
        shown = "\n".join(body_lines(app.screen.query_one(ArticleBody)))
        for line in article.removed:
            assert line.strip() not in shown


def test_wrap_keeps_every_character_and_fits_the_width():
    text = "A quite long sentence with a supercalifragilisticexpialidocious word and 中文字符 in it."
    for width in (5, 12, 30):
        spans = wrap_spans(text, width)
        assert "".join(text[a:b] for a, b in spans) == text
        assert all(a < b for a, b in spans)
        from rich.cells import cell_len

        assert all(cell_len(text[a:b].rstrip()) <= width for a, b in spans)

"""`newsx index|search|show|quotes|people` as a person runs them (in-process, real index)."""

from __future__ import annotations

import json
import os
import signal
from pathlib import Path

import pytest
from index_helpers import copy_seeds, generate_corpus, isolated, write_article  # noqa: F401

import newsx.index.writing as writing
from newsx.index.store import Store
from newsx.tui.cli import COMMANDS, _command, main
from newsx.tui.commands.common import highlighted


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def indexed(isolated, tmp_path, capsys):
    """`newsx index` over a copy of the seeds."""
    news = copy_seeds(tmp_path / "news")
    code, out, err = run(capsys, "index", str(news))
    assert (code, err) == (0, "")
    return news


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_commands_help_prints_its_examples_as_written(command, capsys):
    with pytest.raises(SystemExit) as exited:
        main([command, "--help"])
    printed = capsys.readouterr().out.splitlines()
    laid_out = [line.rstrip() for line in _command(command).__doc__.splitlines() if line.startswith("    ")]
    assert exited.value.code == 0
    assert laid_out and all(line in printed for line in laid_out)


def test_index_then_search_both_words_lists_the_seeds_mentioning_both(indexed, capsys):
    code, out, _ = run(capsys, "search", "ceasefire AND Sarwar", "--json")
    assert code == 0
    data = json.loads(out)
    assert {Path(hit["path"]).name for hit in data["hits"]} == {"002_9294787340d87288.txt", "003_db37e839a3b2f4ed.txt"}
    assert data["total"] == 2


def test_search_a_date_range_lists_only_articles_in_it(indexed, capsys):
    code, out, _ = run(capsys, "search", "date:[2023-10-01 to 2023-11-30]", "--json")
    data = json.loads(out)
    assert [(Path(h["path"]).name, h["date"]) for h in data["hits"]] == [("003_db37e839a3b2f4ed.txt", "2023-10-27")]


def test_search_json_schema(indexed, capsys):
    _, out, _ = run(capsys, "search", "ceasefire", "--limit", "1", "--json")
    data = json.loads(out)
    assert set(data) == {"query", "total", "hits", "unknown"} and data["query"] == "ceasefire" and data["total"] > 1
    (hit,) = data["hits"]
    assert set(hit) == {"id", "path", "title", "outlet", "date", "score", "snippet", "highlights", "snippet_highlights"}
    assert all(hit["snippet"][s:e].lower().startswith("ceasefire") for s, e in hit["snippet_highlights"])
    body = json.loads(run(capsys, "show", hit["id"], "--json")[1])["body"]
    assert hit["highlights"] and all(body[s:e].lower().startswith("ceasefire") for s, e in hit["highlights"])


def test_search_prints_titles_and_snippets_as_plain_text(isolated, tmp_path, capsys):
    news = tmp_path / "news"
    write_article(news, "m.json", "A walrus [bold]escaped[/bold] and [link=http://evil]clicked[/link].",
                  title="[red]Walrus[/red] [@click=app.quit]")
    run(capsys, "index", str(news))
    code, out, _ = run(capsys, "search", "walrus")
    assert code == 0
    assert "[red]Walrus[/red] [@click=app.quit]" in out
    assert "A walrus [bold]escaped[/bold] and [link=http://evil]clicked[/link]." in out
    assert "1 article matching" in out


def test_terminal_highlights_style_the_hit_offsets():
    text = highlighted("a [b] ceasefire", [(6, 15)])
    assert text.plain == "a [b] ceasefire"
    assert [(span.start, span.end) for span in text.spans] == [(6, 15)]


def test_a_malformed_query_is_one_line_and_exit_2(indexed, capsys):
    code, out, err = run(capsys, "search", "date:[2024 to 2023]")
    assert (code, out) == (2, "")
    assert err.startswith("newsx: date:[2024 to 2023]: the range ends before it starts") and err.count("\n") == 1


def test_without_an_index_the_seeds_are_indexed_first_and_that_is_said(isolated, capsys):
    code, out, err = run(capsys, "search", "Sarwar", "--json")
    assert code == 0 and json.loads(out)["total"] > 0
    assert err == f"newsx: No index yet: built one from the 4 bundled seed articles in {isolated}\n"


def test_show_prints_the_article_its_people_and_quotes(indexed, capsys):
    hit = json.loads(run(capsys, "search", "title:ukraine", "--json")[1])["hits"][0]
    code, out, _ = run(capsys, "show", hit["id"])
    assert code == 0
    assert out.startswith(hit["title"]) and "Sky News · 2025-03-02" in out
    assert "People (" in out and "Keir Starmer" in out and "Quotes (" in out
    assert "Please use Chrome browser" not in out
    raw = run(capsys, "show", hit["id"], "--raw")[1]
    assert "Removed as boilerplate" in raw and "Please use Chrome browser for a more accessible video player" in raw
    data = json.loads(run(capsys, "show", hit["id"], "--json")[1])
    assert data["id"] == hit["id"] and data["removed"] and data["people"] and data["quotes"]
    assert all(data["body"][q["start"]:q["end"]] == q["text"] for q in data["quotes"])


def test_show_and_people_say_a_stance_in_the_words_the_app_uses(indexed, capsys):
    hit = json.loads(run(capsys, "search", "title:arms", "--json")[1])["hits"][0]
    out = run(capsys, "show", hit["id"])[1]
    assert "Keir Starmer opposes Ban arms sales to Israel" in out
    out = run(capsys, "people", "--topic", "arms-ban", "--stance", "oppose")[1]
    assert out.splitlines()[1].startswith("  opposes Ban arms sales to Israel  2024-")


def test_show_an_unknown_id(indexed, capsys):
    code, out, err = run(capsys, "show", "nope")
    assert (code, out) == (2, "") and err == "newsx: no article with id 'nope' in the index (`newsx search` shows ids)\n"


def test_quotes_export_markdown_with_citations_and_never_overwrite(indexed, tmp_path, capsys):
    code, out, _ = run(capsys, "quotes", "--speaker", "Sadiq Khan")
    assert code == 0 and out.startswith("> ")  # not a terminal: Markdown
    assert "— Sadiq Khan, London Mayor · The Independent, “Starmer under pressure" in out
    target = tmp_path / "khan.md"
    code, _, err = run(capsys, "quotes", "--speaker", "Sadiq Khan", "-o", str(target))
    assert code == 0 and err.startswith("newsx: wrote ") and target.read_text(encoding="utf-8") == out
    code, _, err = run(capsys, "quotes", "ceasefire", "-o", str(target))
    assert code == 2 and err == f"newsx: {target} already exists (use --force to replace it)\n"
    assert target.read_text(encoding="utf-8") == out
    assert run(capsys, "quotes", "ceasefire", "-o", str(target), "--force")[0] == 0
    assert target.read_text(encoding="utf-8") != out


def test_quotes_formats_and_filters(indexed, tmp_path, capsys):
    data = json.loads(run(capsys, "quotes", "--topic", "ceasefire", "--stance", "support", "--format", "json")[1])
    assert data["quotes"] and all({"topic": "ceasefire", "stance": "support"} in q["stances"] for q in data["quotes"])
    assert all(q["kind"] == "speech" for q in data["quotes"])
    with_fragments = json.loads(run(capsys, "quotes", "--fragments", "--format", "json")[1])["quotes"]
    assert {q["kind"] for q in with_fragments} == {"speech", "fragment"}
    target = tmp_path / "q.csv"
    assert run(capsys, "quotes", "--speaker", "Sarwar", "-o", str(target))[0] == 0
    assert target.read_text(encoding="utf-8").startswith("speaker,role,text,")


def test_quotes_on_a_terminal_say_how_many_were_shown_of_how_many(indexed, capsys, monkeypatch):
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    monkeypatch.setenv("TERM", "dumb")  # listed, without styles
    every = run(capsys, "quotes")[1].splitlines()[-1]
    assert every.endswith(" quotes") and every[0].isdigit()
    assert run(capsys, "quotes", "--limit", "2")[1].splitlines()[-1] == f"2 of {every}"


def test_a_mistyped_speaker_gets_the_nearest_name_on_stderr(indexed, capsys):
    code, out, err = run(capsys, "quotes", "ceasefire", "--speaker", "Sarwr", "--format", "json")
    assert code == 0 and json.loads(out)["quotes"] == []
    assert err == "newsx: no speaker matches --speaker Sarwr; did you mean --speaker sarwar?\n"
    _, _, err = run(capsys, "quotes", 'speaker:"anas sarwr"')
    assert err == 'newsx: no speaker:"anas sarwr" in the index; did you mean speaker:"anas sarwar"?\n'
    code, out, err = run(capsys, "search", "ceasefire person:sarwr", "--json")
    assert json.loads(out)["unknown"] == [{"field": "person", "value": "sarwr", "suggestion": "sarwar"}]
    assert err == "newsx: no person:sarwr in the index; did you mean person:sarwar?\n"
    assert run(capsys, "search", "ceasefire person:sarwar")[2] == ""
    _, out, err = run(capsys, "people", "outlet:independant")
    assert out.splitlines()[-1] == "0 people"
    assert err == "newsx: no outlet:independant in the index; did you mean outlet:independent?\n"


def test_a_topic_the_config_does_not_have_is_an_error_naming_those_it_has(indexed, capsys):
    for command in ("quotes", "people"):
        code, out, err = run(capsys, command, "--topic", "gaza")
        assert (code, out) == (2, "")
        assert err == "newsx: unknown topic 'gaza' (the topics: ceasefire, arms-ban, ukraine-troops)\n"


def test_people_with_a_stance_are_those_who_take_it(indexed, capsys):
    code, out, _ = run(capsys, "people", "--topic", "ceasefire", "--stance", "support", "--json")
    data = json.loads(out)
    assert (data["topic"], data["stance"]) == ("ceasefire", "support")
    supporters = {p["name"]: p for p in data["people"]}
    assert code == 0 and "Anas Sarwar" in supporters and "Keir Starmer" not in supporters
    assert all(p["stances"]["ceasefire"] for p in supporters.values())
    opponents = run(capsys, "people", "--topic", "ceasefire", "--stance", "oppose")[1]
    assert opponents.startswith("Keir Starmer") and "Anas Sarwar" not in opponents


def test_people_json(indexed, capsys):
    code, out, _ = run(capsys, "people", "ceasefire", "--json")
    data = json.loads(out)
    assert code == 0 and data["query"] == "ceasefire"
    sarwar = next(p for p in data["people"] if p["name"] == "Anas Sarwar")
    assert set(sarwar) == {"name", "role", "aliases", "mentions", "quotes", "articles", "stances"}
    assert sarwar["stances"]["ceasefire"]["stance"] == "support"
    assert sarwar["stances"]["ceasefire"]["date"] and sarwar["stances"]["ceasefire"]["evidence"]
    mentions = [p["mentions"] for p in data["people"]]
    assert mentions == sorted(mentions, reverse=True)
    text = run(capsys, "people", "--limit", "2")[1]
    assert text.startswith("Keir Starmer") and text.splitlines()[-1] == "2 of 25 people"
    assert run(capsys, "people")[1].splitlines()[-1] == "25 people"


def test_index_lists_each_skipped_file_with_its_reason_and_exits_1(isolated, tmp_path, capsys):
    news = tmp_path / "news"
    write_article(news, "good.json", "Anas Sarwar spoke.")
    (news / "bad.json").write_text("{oops", encoding="utf-8")
    code, out, _ = run(capsys, "index", str(news))
    assert code == 1
    lines = out.splitlines()
    assert f"added    {news / 'good.json'}" in lines
    assert any(line.startswith(f"skipped  {news / 'bad.json'}:1: invalid JSON") for line in lines)
    assert lines[-1] == "1 added, 0 updated, 0 removed, 0 unchanged, 1 skipped; the index holds 1 article"
    report = json.loads(run(capsys, "index", "--json")[1])
    assert report["unchanged"] == 1 and report["articles"] == 1
    assert [Path(s["path"]).name for s in report["skipped"]] == ["bad.json"]
    assert report["skipped"][0]["indexed"] is False


def test_index_warns_of_parts_left_out_of_indexed_files_and_counts_many_alike(isolated, tmp_path, capsys):
    news = tmp_path / "news"
    news.mkdir()
    for n in range(25):
        (news / f"s{n:02}.md").write_text(f"---\ntitle: Story {n}\ndate: someday\n---\nAnas Sarwar spoke.\n",
                                          encoding="utf-8")
    (news / "bad.json").write_text("{oops", encoding="utf-8")
    code, out, _ = run(capsys, "index", str(news))
    assert code == 1
    lines = out.splitlines()
    assert lines[1].startswith(f"skipped  {news / 'bad.json'}:1: invalid JSON")
    assert lines[2:6] == [
        f"warning  {news / 's00.md'}:3: date not understood: 'someday'",
        f"warning  {news / 's01.md'}:3: date not understood: 'someday'",
        f"warning  {news / 's02.md'}:3: date not understood: 'someday'",
        "warning  and 22 more: date not understood (--json lists them)",
    ]
    assert lines[-1] == ("25 added, 0 updated, 0 removed, 0 unchanged, 1 skipped, 25 files with warnings; "
                         "the index holds 25 articles")
    (news / "s00.md").write_text("---\ntitle: Story\ndate: someday\n---\nAnas Sarwar spoke again.\n")
    report = json.loads(run(capsys, "index", str(news), "--json")[1])
    assert report["updated"] == [str(news / "s00.md")]
    assert [(Path(s["path"]).name, s["indexed"]) for s in report["skipped"]] == [("bad.json", False), ("s00.md", True)]


def test_index_when_another_process_holds_the_lock(indexed, capsys):
    with Store.open(build_seeds=False) as holder, holder._update_lock():
        code, out, err = run(capsys, "index")
    assert (code, err) == (2, "newsx: index is being updated by another process\n")


def test_ctrl_c_stops_after_committing_what_was_read(isolated, tmp_path, capsys, monkeypatch):
    news = generate_corpus(tmp_path / "news", 30)
    monkeypatch.setattr(writing, "BATCH_ARTICLES", 10)
    load = writing.Indexer.load
    calls = []

    def load_then_interrupt(self, *args):
        calls.append(1)
        if len(calls) == 15:
            os.kill(os.getpid(), signal.SIGINT)
        return load(self, *args)

    monkeypatch.setattr(writing.Indexer, "load", load_then_interrupt)
    code, _, err = run(capsys, "index", str(news))
    assert code == 130
    assert err == "newsx: interrupted: the index keeps the 15 articles committed so far\n"
    monkeypatch.setattr(writing.Indexer, "load", load)
    code, out, _ = run(capsys, "index")
    assert code == 0 and out.splitlines()[-1].startswith("15 added, 0 updated, 0 removed, 15 unchanged")



def test_index_option_works_after_the_command_too(isolated, tmp_path, capsys):
    news = tmp_path / "news"
    write_article(news, "w.json", "A walrus was seen.")
    elsewhere = str(tmp_path / "elsewhere")
    assert run(capsys, "index", str(news), "--index", elsewhere)[0] == 0
    assert json.loads(run(capsys, "search", "walrus", "--json", "--index", elsewhere)[1])["total"] == 1
    assert json.loads(run(capsys, "--index", elsewhere, "search", "walrus", "--json")[1])["total"] == 1
    assert not isolated.exists()  # NEWSX_INDEX was not used


def test_counts_read_as_people_write_them():
    from newsx.index.counts import plural

    assert [plural(1, "quote"), plural(0, "quote"), plural(2, "person", "people")] == ["1 quote", "0 quotes", "2 people"]
    assert plural(100_000, "article") == "100,000 articles"  # the app's status line, the commands' totals

"""Quote exports: Markdown with citations, JSON, CSV, and never replacing a file silently."""

from __future__ import annotations

import csv
import io
import json
import os
from datetime import date

import pytest

from newsx.index.errors import NewsxError
from newsx.index.model import QuoteRecord
from newsx.tui.export import ExportExistsError, format_for, quotes_csv, quotes_json, quotes_markdown, write_export


def record(**changes) -> QuoteRecord:
    fields = dict(
        id="abc:0", article_id="abc", text="We need the violence to end right now.", speaker="Anas Sarwar",
        role="Scottish Labour leader", start=10, end=48, kind="speech", stances=[("ceasefire", "support")],
        title="Sarwar restates call", outlet="The National", date=date(2024, 4, 15),
        path="/news/001.txt", url="https://example.org/sarwar",
    )
    return QuoteRecord(**{**fields, **changes})


def test_markdown_is_a_blockquote_then_a_full_citation():
    assert quotes_markdown([record()], title="Ceasefire") == (
        "# Ceasefire\n\n"
        "> We need the violence to end right now.\n\n"
        "— Anas Sarwar, Scottish Labour leader · The National, “Sarwar restates call”, 2024-04-15"
        " · https://example.org/sarwar\n"
    )


def test_markdown_keeps_every_line_of_a_quote_inside_the_blockquote():
    text = quotes_markdown([record(text="First paragraph.\n# not a heading\n\n[x](javascript:alert)")])
    quoted = text.split("\n\n— ")[0].split("\n")
    assert quoted == ["> First paragraph.", "> # not a heading", ">", "> [x](javascript:alert)"]


def test_markdown_citation_leaves_out_what_is_unknown_and_falls_back_to_the_path():
    text = quotes_markdown([record(speaker=None, role=None, outlet="", date=None, url="")])
    assert text.endswith("— Unnamed source · “Sarwar restates call” · /news/001.txt\n")


def test_json_carries_everything_needed_to_cite():
    data = json.loads(quotes_json([record()], title="Ceasefire"))
    assert data["title"] == "Ceasefire"
    assert data["quotes"][0] == {
        "id": "abc:0", "article_id": "abc", "text": "We need the violence to end right now.",
        "speaker": "Anas Sarwar", "role": "Scottish Labour leader", "kind": "speech",
        "stances": [{"topic": "ceasefire", "stance": "support"}], "start": 10, "end": 48,
        "title": "Sarwar restates call", "outlet": "The National", "date": "2024-04-15",
        "url": "https://example.org/sarwar", "path": "/news/001.txt",
    }


def test_csv_has_a_header_and_guards_against_formulas():
    rows = list(csv.DictReader(io.StringIO(quotes_csv([record(), record(text="=HYPERLINK(\"x\")", speaker=None)]))))
    assert rows[0]["speaker"] == "Anas Sarwar" and rows[0]["stances"] == "ceasefire:support"
    assert rows[0]["date"] == "2024-04-15"
    assert rows[1]["text"] == "'=HYPERLINK(\"x\")" and rows[1]["speaker"] == ""


def test_format_follows_the_file_extension():
    from pathlib import Path

    assert [format_for(Path(n)) for n in ("a.json", "b.CSV", "c.md", "d")] == ["json", "csv", "markdown", "markdown"]


def test_write_export_never_replaces_a_file_unless_asked(tmp_path):
    target = tmp_path / "quotes.md"
    write_export(target, "first")
    with pytest.raises(ExportExistsError, match="already exists"):
        write_export(target, "second")
    assert target.read_text(encoding="utf-8") == "first"
    write_export(target, "second", overwrite=True)
    assert target.read_text(encoding="utf-8") == "second"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["quotes.md"]  # no temporary file left


def test_write_export_reports_paths_it_cannot_write(tmp_path):
    with pytest.raises(NewsxError, match="cannot write .*missing/quotes.md: No such file"):
        write_export(tmp_path / "missing" / "quotes.md", "x")
    with pytest.raises(NewsxError, match="is a folder"):
        write_export(tmp_path, "x")
    if os.geteuid() != 0:  # root writes anywhere
        locked = tmp_path / "locked"
        locked.mkdir(mode=0o500)
        with pytest.raises(NewsxError, match="Permission denied"):
            write_export(locked / "quotes.md", "x")

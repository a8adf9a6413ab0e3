"""Broken input the unit tests do not already cover: long lines of what would make a
pattern rescan the line (read in linear time: at these sizes a quadratic scan takes
hours), lists of many articles on one line, an article too long to be one, malformed
config files, and file and config names carrying escape sequences."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hostile_corpus import TERMINAL_BYTES
from runner import newsx

from newsx.index.clean import load_rules, sanitize
from newsx.index.corpus import MAX_ARTICLE_CHARS, load_file, read_file

# Pieces that each open something a pattern would look for the end of: Markdown links,
# images, emphasis and autolinks, HTML tags, escape strings (OSC, 8-bit DCS), sentence ends.
OPENERS = ["[a](", "![", "**a ", "*a ", "_a ", "~~a ", "<http:", "<p ", "\x1b]", "\x90", "A. ", "Mr. ", "“", "'"]
LINE_CHARS = 400_000
"""Read in well under a second; a scan from every opener would take half an hour."""


def long_line(piece: str) -> str:
    return (piece + "word ") * (LINE_CHARS // (len(piece) + 5))


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("piece", OPENERS, ids=repr)
@pytest.mark.parametrize("suffix", [".txt", ".md", ".jsonl"])  # JSON text with tags is read as HTML
def test_a_long_line_of_unclosed_openers_reads_in_linear_time(tmp_path, piece, suffix):
    line = long_line(piece)
    text = json.dumps({"title": "Long", "text": line}) if suffix == ".jsonl" else line
    result = load_file(write(tmp_path / f"long{suffix}", text), load_rules())
    assert [str(p) for p in result.problems] == []
    [article] = result.articles
    assert len(article.body) > LINE_CHARS // 4 and article.title
    assert not any(byte in article.body + article.title for byte in TERMINAL_BYTES)


def test_sanitize_a_long_line_of_unterminated_escape_strings():
    for piece in ("\x1b]", "\x90", "\x9b", "\x1b[", "\x1bP", "\x9d0;"):
        text = sanitize(piece * 1_000_000 + "\nend")
        assert text.endswith("end") and not any(byte in text for byte in TERMINAL_BYTES)


def test_many_articles_on_one_5_mb_line_are_all_read(tmp_path):
    items = [{"title": f"Item {n}", "text": f"Story number {n} about the estuary. " * 60} for n in range(2_000)]
    path = write(tmp_path / "all.json", json.dumps(items))
    assert path.stat().st_size > 4_000_000 and path.read_text(encoding="utf-8").count("\n") == 0
    result = read_file(path)
    assert (len(result.articles), result.problems) == (2_000, [])


def test_an_article_longer_than_any_is_skipped_alone(tmp_path):
    items = [{"title": "Normal", "text": "A normal story."}, {"title": "Dump", "text": "x " * MAX_ARTICLE_CHARS}]
    path = write(tmp_path / "items.json", json.dumps(items))
    result = read_file(path)
    assert [a.title for a in result.articles] == ["Normal"]
    assert [str(p) for p in result.problems] == [
        f"{path}: {2 * MAX_ARTICLE_CHARS:,} characters of text, more than any article "
        f"(at most {MAX_ARTICLE_CHARS:,}), skipped (Dump)"]


MALFORMED_CONFIGS = [
    ("theme: [unclosed\nkeymap: {}\n", 2, "invalid YAML"),
    ("theme: dark\n  keymap: x\n", 2, "invalid YAML"),
    ("- just\n- a list\n", None, "config must be a mapping"),
    ("theme: [1, 2]\n", None, "`theme` must be a str"),
    ("\x00\x01binary", None, "unacceptable character"),
]


@pytest.mark.parametrize(
    ("config", "line", "message", "command"),
    [(*case, ["search", "x"]) for case in MALFORMED_CONFIGS]
    + [(*MALFORMED_CONFIGS[0], ["index"]), (*MALFORMED_CONFIGS[0], [])],  # [] opens the app: config first
)
def test_a_malformed_config_is_one_line_naming_the_file_and_line(tmp_path, env, config, line, message, command):
    path = tmp_path / "config.yaml"
    path.write_bytes(config.encode("utf-8"))
    run = newsx(*command, env=env)
    assert run.code == 2 and run.out == "" and "Traceback" not in run.err
    [printed] = run.err.splitlines()
    where = f"{path}:{line}: " if line else f"{path}: "
    assert printed.startswith(f"newsx: {where}") and message in printed


def test_names_with_escape_sequences_are_printed_cleaned(tmp_path, env):
    hostile = "evil\x1b]52;c;ZXZpbA==\x07\x1b[2J"
    config = tmp_path / f"{hostile}.yaml"
    config.write_text("theme: [\n", encoding="utf-8")
    run = newsx("--config", str(config), "search", "x", env=env)
    assert run.code == 2 and not any(byte in run.err for byte in TERMINAL_BYTES) and "evil" in run.err
    article = write(tmp_path / f"{hostile}.txt", "Ann Lee said: “The plan is ready for the vote.”\n")
    empty = write(tmp_path / f"{hostile}-empty.txt", "")
    run = newsx("analyze", str(article), str(empty), env=env)
    assert run.code == 1 and "Ann Lee" in run.out
    assert not any(byte in run.out + run.err for byte in TERMINAL_BYTES)
    assert run.err.count("empty file") == 1
    query = newsx("search", f"date:{hostile}", env=env)
    assert query.code == 2 and "not a date" in query.err
    assert not any(byte in query.err for byte in TERMINAL_BYTES)

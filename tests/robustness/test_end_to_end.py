"""The installed `newsx` over a folder of every broken and hostile file plus the seeds:
the run finishes, names each bad file once, prints no traceback, and exits 1; the seeds,
the good parts of bad files and the hostile articles are all searchable and print as
plain text."""

from __future__ import annotations

import json
from pathlib import Path

from hostile_corpus import MARKUP, TERMINAL_BYTES
from runner import HostileRun, newsx

from newsx.index.clean import sanitize_line


def problem_lines(out: str) -> list[str]:
    return [line for line in out.splitlines() if line.startswith(("skipped ", "warning "))]


def test_index_names_each_bad_file_once_and_exits_1(hostile_run: HostileRun):
    run, corpus = hostile_run.run, hostile_run.corpus
    assert "Traceback" not in run.out + run.err
    assert run.err == ""
    assert run.code == 1
    problems = problem_lines(run.out)
    for path, reason in corpus.problems.items():
        # a file indexed with a part left out gets a warning; one not indexed, "skipped"
        label = "warning" if path in corpus.warned else "skipped"
        naming = [line for line in problems if line.startswith(f"{label:8} {path}:")]
        assert len(naming) == 1, (path, naming)
        assert reason in naming[0]
    assert len(problems) == len(corpus.problems)  # nothing else was a problem
    for path in set(corpus.problems) - corpus.warned:  # skipped files are named nowhere else
        assert sum(f" {path}:" in line or line.endswith(f" {path}") for line in run.out.splitlines()) == 1
    assert not any(byte in run.out for byte in TERMINAL_BYTES)
    summary = run.out.splitlines()[-1]
    warned = len(corpus.warned)
    assert f"{len(problems) - warned} skipped, {warned} files with warnings;" in summary


def test_seeds_and_the_good_parts_of_bad_files_are_searchable(hostile_run: HostileRun):
    env = hostile_run.env
    seeds = json.loads(newsx("search", "ceasefire AND Sarwar", "--json", env=env).out)
    assert {Path(hit["path"]).name for hit in seeds["hits"]} == {"002_9294787340d87288.txt", "003_db37e839a3b2f4ed.txt"}
    root = hostile_run.corpus.root
    for word, name in [
        ("quillwort", "latin1.txt"),   # undecodable bytes replaced, the rest kept
        ("marram", "utf16.txt"),
        ("samphire", "wire.jsonl"),    # both good lines of the file
        ("bladderwrack", "sub/story.txt"),  # read without its broken manifest
        ("eelgrass", "many-lines.txt"),  # the last of 200,000 lines
    ]:
        found = json.loads(newsx("search", word, "--json", env=env).out)
        assert {hit["path"] for hit in found["hits"]} == {str(root / name)}, word
    assert json.loads(newsx("search", "samphire", "--json", env=env).out)["total"] == 2


def test_hostile_articles_print_as_plain_text(hostile_run: HostileRun):
    env = hostile_run.env
    result = newsx("search", "zorblax", env=env)
    assert result.code == 0 and "Traceback" not in result.err
    assert "[@click=app.quit]quit[/]" in result.out and "[link=file:///etc/passwd]x[/link]" in result.out
    assert not any(byte in result.out for byte in TERMINAL_BYTES)
    [hit] = json.loads(newsx("search", "zorblax", "--json", env=env).out)["hits"]
    shown = newsx("show", hit["id"], env=env)
    assert shown.code == 0
    assert MARKUP in shown.out and "[red]Outlet[/red]" in shown.out
    assert "أيمن الصفدي" in shown.out and "בנימין נתניהו" in shown.out
    assert not any(byte in shown.out for byte in TERMINAL_BYTES)


def test_hostile_file_names_print_cleaned_everywhere(hostile_run: HostileRun):
    env, corpus = hostile_run.env, hostile_run.corpus
    words = " OR ".join(corpus.hostile_names)
    hits = json.loads(newsx("search", words, "--json", env=env).out)["hits"]
    # JSON keeps each exact name (escaped as JSON does)
    assert sorted(hit["path"] for hit in hits) == sorted(str(corpus.root / name) for name in corpus.hostile_names.values())
    printed = [newsx("search", words, env=env), newsx("quotes", words, env=env)]
    for hit in hits:
        assert sanitize_line(hit["path"]) in printed[1].out  # each quote's citation names its file
        shown = newsx("show", hit["id"], env=env)
        assert f"file: {sanitize_line(hit['path'])}" in shown.out
        printed.append(shown)
    for run in printed:
        assert run.code == 0 and run.err == "", run.err
        assert not any(byte in run.out for byte in TERMINAL_BYTES)

"""The index under a full or read-only disk, and while another process commits to it.

A full disk is a 1 MB tmpfs and a read-only one a read-only bind mount: both need root
(`mount`); as another user a read-only index is made with chmod instead, and the full
disk is skipped. Two writers, kill -9 and an old schema are tested in tests/unit/test_store.py.
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

from disks import mount, read_only, small_disk
from harness import settle
from index_helpers import copy_seeds, generate_corpus
from runner import Run, newsx
from textual.widgets import Input

from newsx.index.config import Config
from newsx.tui.app import NewsxApp
from newsx.tui.widgets.results import ResultList

def one_clean_line(run: Run) -> str:
    assert "Traceback" not in run.err
    [line] = run.err.splitlines()
    assert line.startswith("newsx: ")
    return line


def total(run: Run) -> int:
    return json.loads(run.out)["total"]


def test_a_full_disk_is_one_line_the_index_stays_and_the_next_run_completes(env, tmp_path):
    news = copy_seeds(tmp_path / "news")
    more = tmp_path / "more"
    more.mkdir()
    seed = (news / "002_9294787340d87288.txt").read_text(encoding="utf-8")
    for n in range(40):  # each a copy of the longest seed with a word of its own: ~500 KB to index
        (more / f"copy{n}.txt").write_text(f"{seed}\n\nA marker word: tidewrack{n}.\n", encoding="utf-8")
    with small_disk(Path(env["NEWSX_INDEX"]), "1m") as index_dir:
        assert newsx("index", str(news), env=env).code == 0
        full = newsx("index", str(more), env=env)
        assert full.code == 2
        assert "No space left on device" in one_clean_line(full)
        assert total(newsx("search", "ceasefire", "--json", env=env)) == 3  # the seeds, as before
        assert mount("-o", "remount,size=32m", str(index_dir))
        again = newsx("index", env=env)  # the folders recorded, with room now
        assert again.code == 0, again.err
        assert total(newsx("search", "tidewrack39", "--json", env=env)) == 1
        assert total(newsx("search", "", "--json", env=env)) == 44


def test_a_read_only_index_is_searched_and_refuses_updates_in_one_line(env, tmp_path):
    news = copy_seeds(tmp_path / "news")
    assert newsx("index", str(news), env=env).code == 0
    generate_corpus(tmp_path / "news" / "late", 3)
    with read_only(Path(env["NEWSX_INDEX"])):
        found = newsx("search", "ceasefire AND Sarwar", "--json", env=env)
        assert (found.code, total(found)) == (0, 2)
        refused = newsx("index", env=env)
        assert refused.code == 2
        line = one_clean_line(refused)
        assert env["NEWSX_INDEX"] in line and ("Read-only" in line or "Permission denied" in line)
        assert total(newsx("search", "item1", "--json", env=env)) == 0
    assert newsx("index", env=env).code == 0  # writable again: the next run completes the work
    assert total(newsx("search", "item1", "--json", env=env)) == 1


async def test_the_app_opens_and_searches_a_read_only_index(env, tmp_path):
    news = copy_seeds(tmp_path / "news")
    assert newsx("index", str(news), env=env).code == 0
    with read_only(Path(env["NEWSX_INDEX"])):
        app = NewsxApp(Config(path=tmp_path / "config.yaml"), Path(env["NEWSX_INDEX"]), today=lambda: date(2025, 3, 10))
        async with app.run_test(size=(120, 36)) as pilot:
            await settle(pilot)
            field = app.screen.query_one("#query", Input)
            field.value = "ceasefire sarwar"
            field.focus()
            await pilot.press("enter")
            await settle(pilot)
            assert app.screen.query_one(ResultList).total == 2


CHILD = """
import sys
import newsx.index.writing as writing
from newsx.tui.cli import main

writing.BATCH_ARTICLES = 10  # many small commits while the app searches
raise SystemExit(main(["index", sys.argv[1]]))
"""


async def test_the_app_searching_while_an_index_run_commits_sees_old_or_new_never_an_error(env, tmp_path):
    news = copy_seeds(tmp_path / "news")
    assert newsx("index", str(news), env=env).code == 0
    generate_corpus(news / "wire", 80)  # every one mentions the ceasefire
    app = NewsxApp(Config(path=tmp_path / "config.yaml"), Path(env["NEWSX_INDEX"]), today=lambda: date(2025, 3, 10))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        results = app.screen.query_one(ResultList)
        field = app.screen.query_one("#query", Input)
        child = subprocess.Popen([sys.executable, "-c", CHILD, str(news)], env=env, stderr=subprocess.PIPE, text=True)
        searches = 0
        try:
            while child.poll() is None or searches < 3:
                field.value = ("ceasefire", "ceasefire OR item*", "sarwar OR item7")[searches % 3]
                field.focus()
                await pilot.press("enter")
                await settle(pilot)
                searches += 1
                assert not app.screen.query_one("#query-error").display
                if field.value == "ceasefire":  # the seeds, plus whole batches of ten committed
                    assert results.total in range(3, 84, 10)
        finally:
            child.wait()
        assert child.returncode == 0, child.stderr.read()
        assert app.is_running
    assert total(newsx("search", "ceasefire", "--json", env=env)) == 83

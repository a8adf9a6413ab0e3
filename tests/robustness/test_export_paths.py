"""Export file names that are awkward or hostile: `../`, control characters, an unwritable
folder, a full disk. Never a silent overwrite (tests/unit/test_export.py and
tests/app/test_quotes.py cover the plain case), never a partial file, one clean line."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from disks import read_only, small_disk
from harness import settle
from hostile_corpus import TERMINAL_BYTES
from runner import Run, newsx
from textual.widgets import Input

from newsx.index.config import Config
from newsx.index.errors import NewsxError
from newsx.tui.app import NewsxApp
from newsx.tui.export import ExportExistsError, write_export
from newsx.tui.screens.export import ConfirmScreen, ExportScreen

HOSTILE_NAMES = ["evil\x1b[2J.md", "clip\x1b]52;c;ZXZpbA==\x07.md", "bell\x07.md", "\u202edm.txt", "two\nlines.md",
                 "tab\t.md", "c1\x9b31m.md"]


def clean(text: str) -> bool:
    return not any(byte in text for byte in TERMINAL_BYTES)


def test_a_relative_name_with_dotdot_goes_where_it_says_and_never_replaces(tmp_path, monkeypatch):
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    write_export(Path("../up.md"), "first\n")
    assert (tmp_path / "up.md").read_text(encoding="utf-8") == "first\n"
    with pytest.raises(ExportExistsError, match=r"\.\./up\.md already exists"):
        write_export(Path("../up.md"), "second\n")
    assert (tmp_path / "up.md").read_text(encoding="utf-8") == "first\n"


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_a_name_with_control_characters_is_refused_in_one_clean_line(tmp_path, name):
    with pytest.raises(NewsxError, match="control characters") as refused:
        write_export(tmp_path / name, "x\n")
    assert clean(str(refused.value)) and "\n" not in str(refused.value)
    assert list(tmp_path.iterdir()) == []


def test_an_unwritable_folder_is_one_line_and_an_existing_file_stays(tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "kept.md").write_text("old\n", encoding="utf-8")
    with read_only(folder):
        for name, overwrite in (("new.md", False), ("kept.md", True)):
            with pytest.raises(NewsxError, match="cannot write .*(Read-only file system|Permission denied)"):
                write_export(folder / name, "new\n", overwrite=overwrite)
    assert sorted(p.name for p in folder.iterdir()) == ["kept.md"]
    assert (folder / "kept.md").read_text(encoding="utf-8") == "old\n"


def test_a_full_disk_leaves_no_partial_file_and_the_old_one_whole(tmp_path):
    with small_disk(tmp_path / "disk", "64k") as disk:
        (disk / "kept.md").write_text("old\n", encoding="utf-8")
        big = "> a quote\n" * 20_000
        for name, overwrite in (("new.md", False), ("kept.md", True)):
            with pytest.raises(NewsxError, match="No space left on device"):
                write_export(disk / name, big, overwrite=overwrite)
        assert sorted(p.name for p in disk.iterdir()) == ["kept.md"]
        assert (disk / "kept.md").read_text(encoding="utf-8") == "old\n"


def one_clean_line(run: Run) -> str:
    assert run.code == 2 and "Traceback" not in run.err and clean(run.err)
    [line] = run.err.splitlines()
    return line


def test_cli_export_names(hostile_run, tmp_path):
    env = hostile_run.env
    work = tmp_path / "work"
    work.mkdir()

    def quotes(*args: str) -> Run:
        return newsx("quotes", "ceasefire", *args, env=env, cwd=work)

    wrote = quotes("-o", "../up.md")
    assert wrote.code == 0 and (tmp_path / "up.md").read_text(encoding="utf-8").startswith("> ")
    assert "already exists (use --force" in one_clean_line(quotes("-o", "../up.md"))
    for name in HOSTILE_NAMES:
        assert "control characters" in one_clean_line(quotes("-o", name))
    assert sorted(p.name for p in work.iterdir()) == []


async def test_app_export_names(hostile_index, tmp_path, monkeypatch, env):
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    app = NewsxApp(Config(path=tmp_path / "config.yaml"), hostile_index, today=lambda: date(2025, 3, 10))

    async def export_as(pilot, name: str) -> None:
        await pilot.press("escape", "e")
        await settle(pilot)
        assert isinstance(app.screen, ExportScreen)
        app.screen.query_one("#export-path", Input).value = name  # as pasted
        await pilot.press("enter")
        await settle(pilot)

    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        field = app.screen.query_one("#query", Input)
        field.value = "sarwar"
        await settle(pilot)
        await export_as(pilot, "../up.md")
        written = (tmp_path / "up.md").read_text(encoding="utf-8")
        assert written.startswith("# Quotes — search: sarwar")
        assert any("to ../up.md" in n.message for n in app._notifications)
        await export_as(pilot, "../up.md")
        assert isinstance(app.screen, ConfirmScreen)  # asks; never replaces silently
        await pilot.press("n")
        await settle(pilot)
        assert (tmp_path / "up.md").read_text(encoding="utf-8") == written
        for name in HOSTILE_NAMES[:3]:
            await export_as(pilot, name)
        errors = [n.message for n in app._notifications if n.severity == "error"]
        assert len(errors) == 3 and all("control characters" in m and clean(m) for m in errors)
        assert list(work.iterdir()) == []

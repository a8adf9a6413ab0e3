"""The installed `newsx` in a real terminal (tmux) on the hostile index: the markup in an
article shows as text, and none of its escape sequences reaches the terminal (tmux would
store an OSC 52 clipboard write as a paste buffer, and an OSC 0 would retitle the pane).

Reuses the tmux driver of tests/smoke/test_terminal.py.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hostile_corpus import HEBREW_NAME
from test_terminal import TMUX, Terminal, terminal_env

pytestmark = pytest.mark.skipif(TMUX is None, reason="tmux is not installed (CI installs it)")


def test_hostile_article_on_screen_runs_nothing(hostile_run, tmp_path: Path):
    work = tmp_path / "work"
    work.mkdir()
    shutil.copytree(hostile_run.index_dir, tmp_path / "index")
    terminal = Terminal(work, terminal_env(hostile_run.env, tmp_path))
    try:
        terminal.tmux("set-option", "-g", "set-clipboard", "on")  # an OSC 52 that got through would be kept
        title = terminal.tmux("display-message", "-p", "-t", "smoke", "#{pane_title}")
        terminal.start_newsx()
        terminal.wait_for("articles")
        terminal.type("zorblax")
        terminal.keys("Enter")
        terminal.wait_for("1 article")
        terminal.keys("Enter")  # open it
        screen = terminal.wait_for("[@click=app.quit]quit[/]")
        assert "[red]Outlet[/red]" in screen
        terminal.wait_for(HEBREW_NAME)  # right-to-left text is drawn, in logical order
        assert terminal.tmux("list-buffers") == ""
        assert terminal.tmux("display-message", "-p", "-t", "smoke", "#{pane_title}") == title
        terminal.keys("q")
        assert "newsx-exit=0" in terminal.wait_for("newsx-exit=")
    finally:
        terminal.close()

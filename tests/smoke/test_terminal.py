"""The installed `newsx` in a real terminal (tmux): start, search, open, select, export, quit.

Runs on its own tmux server (-L) with no tmux config, so it touches no user session.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
from datetime import date
from itertools import count
from pathlib import Path

import pytest

TMUX = shutil.which("tmux")
NEWSX = shutil.which("newsx") or str(Path(sys.executable).with_name("newsx"))
TIMEOUT = 60.0
"""Seconds to wait for any one thing to appear (the first start builds the index)."""

SERVERS = count()
"""Numbers the tmux servers this test process starts."""

pytestmark = pytest.mark.skipif(TMUX is None, reason="tmux is not installed (CI installs it)")


def terminal_env(base: dict[str, str], tmp_path: Path) -> dict[str, str]:
    """`base` with an index and config of the test's own and a plain prompt."""
    return {
        **base,
        "NEWSX_INDEX": str(tmp_path / "index"),
        "NEWSX_CONFIG": str(tmp_path / "config.yaml"),
        "TERM": "xterm-256color",
        "PS1": "$ ",
    }


class Terminal:
    """A 120x36 tmux pane running a shell, on a tmux server of its own.

    Each terminal gets a new server name: a server that a previous test killed may still be
    exiting, and a client that reached it would fail with "server exited unexpectedly".
    """

    def __init__(self, cwd: Path, env: dict[str, str]) -> None:
        self.server = f"newsx-smoke-{os.getpid()}-{next(SERVERS)}"
        self.env = env
        self.tmux("new-session", "-d", "-s", "smoke", "-x", "120", "-y", "36", "-c", str(cwd), "sh")

    def tmux(self, *args: str) -> str:
        done = subprocess.run(
            [TMUX, "-L", self.server, "-f", os.devnull, *args],
            capture_output=True, text=True, env=self.env, check=True, timeout=TIMEOUT,
        )
        return done.stdout

    def type(self, text: str) -> None:
        self.tmux("send-keys", "-t", "smoke", "-l", text)

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", "smoke", *keys)

    def start_newsx(self) -> None:
        """Run the installed newsx; when it ends the shell prints `newsx-exit=<status>`."""
        self.type(f'{shlex.quote(NEWSX)}; echo "newsx""-exit=$?"')  # the echo, not the command, shows "newsx-exit="
        self.keys("Enter")

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "smoke")

    def wait_for(self, text: str) -> str:
        """Poll the pane until `text` shows; fail with the pane's content after TIMEOUT."""
        deadline = time.monotonic() + TIMEOUT
        while True:
            screen = self.screen()
            if text in screen:
                return screen
            if time.monotonic() > deadline:
                pytest.fail(f"{text!r} did not appear; the terminal shows:\n{screen}")
            time.sleep(0.1)  # polling a real terminal: there is nothing to wait on but the clock

    def close(self) -> None:
        subprocess.run([TMUX, "-L", self.server, "kill-server"], capture_output=True, timeout=TIMEOUT)


def test_search_open_select_export_and_quit(tmp_path: Path):
    work = tmp_path / "work"
    work.mkdir()
    terminal = Terminal(work, terminal_env(dict(os.environ), tmp_path))
    try:
        terminal.start_newsx()
        terminal.wait_for("4 articles")
        terminal.type("sarwar")
        terminal.keys("Enter")  # run the search and move to the list
        terminal.wait_for("3 articles")  # the seed articles that name Sarwar
        terminal.keys("Enter")  # open the first article
        terminal.wait_for("hits ·")
        terminal.keys("Tab")  # to the article's quotes
        terminal.keys("Space")
        terminal.wait_for("1 selected")
        terminal.keys("e")
        terminal.wait_for("Export 1 quote as Markdown to:")
        terminal.keys("Enter")
        terminal.wait_for("Wrote 1 quote to")
        exported = work / f"newsx-quotes-{date.today().isoformat()}.md"
        text = exported.read_text(encoding="utf-8")
        assert text.startswith("# Quotes — search: sarwar") and "\n> " in text and "\n— " in text
        terminal.keys("q")
        screen = terminal.wait_for("newsx-exit=")
        assert "newsx-exit=0" in screen
    finally:
        terminal.close()

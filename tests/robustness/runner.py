"""The installed `newsx` as a person runs it: a subprocess with its own index and config,
optionally without root's power to read and write any file.

(Not in conftest.py: every test folder has a conftest, so `from conftest import` could
find another folder's.)
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from hostile_corpus import Corpus

_BESIDE = Path(sys.executable).with_name("newsx")
NEWSX = str(_BESIDE) if _BESIDE.exists() else shutil.which("newsx") or "newsx"
"""The `newsx` installed with the Python running the tests (else the one on PATH)."""
SETPRIV = shutil.which("setpriv")
_NO_OVERRIDE = "-dac_override,-dac_read_search"
UNPRIVILEGED = (
    [SETPRIV, f"--bounding-set={_NO_OVERRIDE}", f"--inh-caps={_NO_OVERRIDE}"] if os.geteuid() == 0 and SETPRIV else []
)
"""A prefix that runs a command as root without the power to read or write any file, so
file permissions apply to it (empty when not root: they apply already)."""
CAN_BE_REFUSED = os.geteuid() != 0 or bool(SETPRIV)
"""Whether a test can make newsx meet a file or folder it is not allowed to read or write."""


@dataclass
class Run:
    """One finished `newsx` subprocess."""

    code: int
    out: str
    err: str


def newsx(*args: str, env: dict[str, str], unprivileged: bool = False, cwd: Path | None = None) -> Run:
    """Run the installed `newsx` with `args`; `unprivileged` drops root's file powers."""
    prefix = UNPRIVILEGED if unprivileged else []
    done = subprocess.run(
        [*prefix, NEWSX, *args], env=env, cwd=cwd, capture_output=True, text=True, timeout=300,
        stdin=subprocess.DEVNULL,
    )
    return Run(done.returncode, done.stdout, done.stderr)


def isolated_env(folder: Path) -> dict[str, str]:
    """The environment of a `newsx` that reads and writes only inside `folder`."""
    return {
        **os.environ,
        "NEWSX_INDEX": str(folder / "index"),
        "NEWSX_CONFIG": str(folder / "config.yaml"),
        "COLUMNS": "200",
    }


@dataclass
class HostileRun:
    """The hostile corpus and what `newsx index` printed for it."""

    corpus: Corpus
    index_dir: Path
    env: dict[str, str]
    run: Run

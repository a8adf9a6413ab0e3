"""Disks that fail on purpose: a tiny tmpfs (full) and a read-only bind mount.

Mounting needs root; where it is not allowed the test is skipped (a full disk) or the
folder is made read-only by permissions instead (which binds only a process that is not
root: run newsx under conftest.UNPRIVILEGED then).
"""

from __future__ import annotations

import os
import subprocess
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = os.geteuid() == 0


def mount(*args: str) -> bool:
    return subprocess.run(["mount", *args], capture_output=True).returncode == 0


@contextmanager
def small_disk(folder: Path, size: str):
    """`folder` on a tmpfs of `size`; skips the test where mounting is not allowed."""
    folder.mkdir(parents=True, exist_ok=True)
    if not ROOT or not mount("-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)):
        pytest.skip("a small disk needs a tmpfs mount, which needs root")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)


@contextmanager
def read_only(folder: Path):
    """`folder` read-only for newsx: a read-only bind mount as root, else no write permission."""
    if ROOT:
        if not (mount("--bind", str(folder), str(folder)) and mount("-o", "remount,ro,bind", str(folder))):
            subprocess.run(["umount", "-l", str(folder)], capture_output=True)
            pytest.skip("cannot bind-mount the index read-only here")
        try:
            yield folder
        finally:
            subprocess.run(["umount", "-l", str(folder)], capture_output=True)
        return
    modes = {path: path.stat().st_mode for path in [folder, *folder.rglob("*")]}
    for path in modes:
        path.chmod(modes[path] & ~0o222)
    try:
        yield folder
    finally:
        for path, mode in modes.items():
            path.chmod(mode)

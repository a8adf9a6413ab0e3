"""The engine stands alone: importing any part of newsx.index never loads textual."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import importlib, pkgutil, sys
import newsx.index
names = [m.name for m in pkgutil.walk_packages(newsx.index.__path__, "newsx.index.")]
for name in names:
    importlib.import_module(name)
assert "newsx.index.corpus" in names and "newsx.index.clean" in names, names
loaded = sorted(m for m in sys.modules if m == "textual" or m.startswith("textual."))
print(len(names), "modules;", "textual loaded by:" if loaded else "textual not loaded", *loaded)
sys.exit(1 if loaded else 0)
"""


def test_importing_every_engine_module_leaves_textual_unloaded() -> None:
    run = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "textual not loaded" in run.stdout

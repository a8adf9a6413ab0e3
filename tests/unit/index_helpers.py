"""Corpora on disk and an isolated index for the index, search and CLI tests.

Every test that opens a Store uses `isolated`: NEWSX_INDEX and NEWSX_CONFIG point into
tmp_path, so no test reads or writes the user's real index or config.
"""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "seeds"
SEED_DATES = {
    "000_87104e4b8d432d6b.txt": date(2024, 10, 9),
    "001_6957523742b985da.txt": date(2024, 4, 15),
    "002_9294787340d87288.txt": date(2025, 3, 2),
    "003_db37e839a3b2f4ed.txt": date(2023, 10, 27),
}


@pytest.fixture
def isolated(monkeypatch, tmp_path) -> Path:
    """The index folder every Store and `newsx` command in the test uses."""
    index_dir = tmp_path / "index"
    monkeypatch.setenv("NEWSX_INDEX", str(index_dir))
    monkeypatch.setenv("NEWSX_CONFIG", str(tmp_path / "config.yaml"))
    return index_dir


def copy_seeds(folder: Path) -> Path:
    """The four seed articles and their manifest (not the package's __init__.py)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in [*SEED_DATES, "manifest.yaml"]:
        shutil.copy(SEEDS / name, folder / name)
    return folder


def write_article(folder: Path, name: str, text: str, *, title: str = "", day: date | None = None,
                  outlet: str = "", url: str = "") -> Path:
    """One article as a JSON file, the simplest format that carries all the metadata."""
    folder.mkdir(parents=True, exist_ok=True)
    data = {"title": title or text.split(".")[0][:60], "text": text, "outlet": outlet, "url": url}
    if day:
        data["date"] = day.isoformat()
    path = folder / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


SPEAKERS = ("Keir Starmer", "Anas Sarwar", "Sadiq Khan", "Zarah Sultana")


def generate_corpus(folder: Path, count: int) -> Path:
    """`count` small articles, each with a named speaker, a quote and a dated manifest."""
    for n in range(count):
        speaker = SPEAKERS[n % len(SPEAKERS)]
        text = (
            f"{speaker} spoke in Parliament on day {n}. "
            f"“We must talk about item{n} and the ceasefire now,” {speaker} said.\n\n"
            f"Critics said the plan for item{n} was late."
        )
        write_article(folder, f"article{n:05d}.json", text, title=f"Report {n} on item{n}",
                      day=date(2024, 1 + n % 12, 1 + n % 28), outlet="Test Gazette")
    return folder

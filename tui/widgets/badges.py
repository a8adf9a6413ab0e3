"""Small pieces of text shared by the panes: stance badges, dates, counts."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from textual.content import Content

from . import styles

MARKS = {"support": "✔", "oppose": "✘", "neutral": "–"}
"""The badge after a topic: supports, opposes, neutral."""


def stance_badges(stances: Iterable[tuple[str, str]]) -> Content:
    """"ceasefire ✔  arms-ban ✘" for (topic, stance) pairs, each styled by its stance."""
    parts: list[Content] = []
    for topic, stance in dict.fromkeys(stances):
        parts.append(Content.styled(f"{topic} {MARKS.get(stance, '?')}", styles.STANCE.get(stance, styles.DIM)))
    return Content("  ").join(parts)


def day(value: date | None) -> str:
    """An ISO date, or an empty string when the article has none."""
    return value.isoformat() if value else ""


def dotted(*parts: str | None) -> str:
    """Join the non-empty parts with " · "."""
    return " · ".join(p for p in parts if p)

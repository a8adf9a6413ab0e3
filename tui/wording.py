"""How newsx says a stance in words: the same in the app's panes and on the command line."""

from __future__ import annotations

STANCE_WORDS = {"support": "supports", "oppose": "opposes", "neutral": "neutral on"}


def stance_label(topic: str, stance: str, labels: dict[str, str]) -> str:
    """"supports Gaza ceasefire", "neutral on Gaza ceasefire": a stance on a topic, by
    the topic's label in `labels` (its id when it has none)."""
    return f"{STANCE_WORDS.get(stance, stance)} {labels.get(topic, topic)}"

"""Counts in words, for the engine's notices, the commands and the app alike."""

from __future__ import annotations


def plural(count: int, word: str, words: str | None = None) -> str:
    """"1 quote", "3 quotes", "10,000 articles"; "2 people" given the plural that is
    not word + "s"."""
    return f"{count} {word}" if count == 1 else f"{count:,} {words or word + 's'}"

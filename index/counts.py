"""Counts in words, for the engine's notices, the commands and the app alike."""

from __future__ import annotations


def plural(count: int, word: str, words: str | None = None) -> str:
    """"1 quote", "3 quotes", "10,000 articles"; "2 people" given the plural that is
    not word + "s"."""
    return f"{count} {word}" if count == 1 else f"{count:,} {words or word + 's'}"


def shown_of(shown: int, total: int, word: str, words: str | None = None) -> str:
    """"2 of 25 people" when a list shows part of what it counts, else "25 people"."""
    counted = plural(total, word, words)
    return f"{shown:,} of {counted}" if shown < total else counted

"""Phrase patterns over lower-case tokens: words, `word*` prefixes and `...` gaps.

    "ban* ... arms sales"   ban / bans / banning, then up to four words, then "arms sales"
    "call* on"              call on / calls on / called on

Matching looks only at the tokens a pattern names, so the cost per position is bounded
by the pattern set, never by the text.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

GAP = 4
"""How many words `...` may stand for."""

_SPLIT = re.compile(r"\w+(?:[’'\-]\w+)*\*?|\.\.\.|[^\w\s]")


@dataclass(frozen=True)
class Phrase:
    parts: tuple[str, ...]
    """Each a word, a prefix ending in "*", or "..." for a gap."""
    value: int
    text: str


def compile_phrase(text: str, value: int) -> Phrase | None:
    """A phrase from its written form; None when it has no words."""
    parts = tuple(p.replace("'", "’") for p in _SPLIT.findall(text.lower()))
    while parts and parts[0] == "...":
        parts = parts[1:]
    while parts and parts[-1] == "...":
        parts = parts[:-1]
    return Phrase(parts, value, text) if parts else None


def _part_matches(part: str, token: str) -> bool:
    if part.endswith("*"):
        return token.startswith(part[:-1])
    return token == part


class PhraseSet:
    """Phrases indexed by their first word (or prefix) for quick matching."""

    def __init__(self, phrases: list[Phrase]):
        self._exact: dict[str, list[Phrase]] = {}
        self._prefixes: dict[str, list[Phrase]] = {}
        for phrase in phrases:
            head = phrase.parts[0]
            if head.endswith("*"):
                self._prefixes.setdefault(head[:-1], []).append(phrase)
            else:
                self._exact.setdefault(head, []).append(phrase)
        self._prefix_lengths = sorted({len(p) for p in self._prefixes})

    def __bool__(self) -> bool:
        return bool(self._exact or self._prefixes)

    def candidates(self, token: str) -> list[Phrase]:
        found = list(self._exact.get(token, ()))
        for n in self._prefix_lengths:
            if n <= len(token):
                found.extend(self._prefixes.get(token[:n], ()))
        return found

    def longest_at(self, tokens: list[str], i: int, end: int) -> tuple[int, Phrase] | None:
        """The longest phrase starting at token i (ending by `end`): (end index, phrase)."""
        best: tuple[int, Phrase] | None = None
        for phrase in self.candidates(tokens[i]):
            stop = _match(phrase.parts, tokens, i, end)
            if stop is not None and (best is None or stop > best[0]):
                best = (stop, phrase)
        return best

    def scan(self, words: Vocabulary, bounds: list[int]) -> list[tuple[int, int, Phrase]]:
        """Non-overlapping longest matches in a whole text, none crossing a bound.

        `bounds[i]` is the end of the span token i belongs to (its sentence). Only the
        positions where some phrase's first word occurs are tried.
        """
        starts: list[int] = []
        for head in self._exact.keys() & words.positions.keys():
            starts.extend(words.positions[head])
        for head in self._prefixes:
            starts.extend(words.starting(head))
        found = []
        stop = -1
        for i in sorted(set(starts)):
            if i < stop:
                continue
            match = self.longest_at(words.tokens, i, bounds[i])
            if match is not None:
                found.append((i, match[0], match[1]))
                stop = match[0]
        return found


class Vocabulary:
    """Where each word of a text occurs, so phrases are tried only where they may start."""

    def __init__(self, tokens: list[str]):
        self.tokens = tokens
        positions: dict[str, list[int]] = {}
        for i, token in enumerate(tokens):
            at = positions.get(token)
            if at is None:
                positions[token] = [i]
            else:
                at.append(i)
        self.positions = positions
        self._sorted = sorted(self.positions)

    def where(self, words: set[str] | frozenset[str]) -> list[int]:
        """Positions of the tokens that are one of `words`, in order."""
        return sorted(i for word in self.positions.keys() & words for i in self.positions[word])

    def starting(self, prefix: str) -> list[int]:
        """Positions of the words that start with `prefix`."""
        found: list[int] = []
        k = bisect_left(self._sorted, prefix)
        while k < len(self._sorted) and self._sorted[k].startswith(prefix):
            found.extend(self.positions[self._sorted[k]])
            k += 1
        return found


_MARKS = frozenset("“”\"‘’'")


def _match(parts: tuple[str, ...], tokens: list[str], i: int, end: int) -> int | None:
    """Where the match of `parts` starting at token i ends, or None. Quote marks between
    the words are skipped: "willing” to", "called for a “ceasefire"."""
    k = 0
    while k < len(parts):
        part = parts[k]
        if k and i < end and tokens[i] in _MARKS:
            i += 1
            continue
        if part == "...":
            following = parts[k + 1]
            for gap in range(GAP + 1):
                j = i + gap
                if j < end and _part_matches(following, tokens[j]):
                    rest = _match(parts[k + 1:], tokens, j, end)
                    if rest is not None:
                        return rest
            return None
        if i >= end or not _part_matches(part, tokens[i]):
            return None
        i += 1
        k += 1
    return i

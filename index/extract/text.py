"""An article body split into paragraphs, word tokens and sentences, with offsets.

Every pattern here matches in linear time: a 5 MB line or a 100,000-letter word
costs a single pass.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cached_property
from itertools import compress

from .lexicon import ABBREVIATIONS
from .phrases import Vocabulary

_TOKEN = re.compile(r"\w++(?:[’'\-]\w++)*+|[^\w\s]")
"""A word (with its inner apostrophes and hyphens) or a mark; matched possessively,
which finds the same tokens with fewer steps."""
_TERMINAL = frozenset(".!?…")
_CLOSERS = frozenset("”’\"')]")
_OPENERS = frozenset("“‘\"'([")


@dataclass
class Doc:
    """Tokens of `text` in parallel lists, with their paragraph and sentence."""

    text: str
    start: list[int] = field(default_factory=list)
    end: list[int] = field(default_factory=list)
    word: list[str] = field(default_factory=list)
    lower: list[str] = field(default_factory=list)
    para: list[int] = field(default_factory=list)
    sent: list[int] = field(default_factory=list)
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    """(start, end) character offsets of each non-empty line."""
    para_tokens: list[tuple[int, int]] = field(default_factory=list)
    """(first, end) token indexes of each paragraph."""
    sentences: list[tuple[int, int]] = field(default_factory=list)
    """(first, end) token indexes of each sentence."""

    def __len__(self) -> int:
        return len(self.word)

    @cached_property
    def vocabulary(self) -> Vocabulary:
        """Where each lower-case word occurs (for a Doc that `split` has finished)."""
        return Vocabulary(self.lower)

    def sentence_span(self, index: int) -> tuple[int, int]:
        """Character offsets of sentence `index`."""
        first, last = self.sentences[index]
        return self.start[first], self.end[last - 1]

    def between(self, i: int, j: int) -> str:
        """The text from token `i` to the end of token `j - 1`."""
        return self.text[self.start[i]:self.end[j - 1]] if j > i else ""


def is_capitalised(token: str) -> bool:
    """A word that starts with a capital letter."""
    return token[:1].isupper()


def strip_possessive(token: str) -> tuple[str, bool]:
    """("Starmer", True) for "Starmer’s"; the token and False otherwise."""
    if len(token) > 2 and token[-2] in "’'" and token[-1] in "sS":
        return token[:-2], True
    return token, False


def split(text: str) -> Doc:
    """Tokenise `text` and find its paragraphs and sentences."""
    doc = Doc(text)
    matches = list(_TOKEN.finditer(text))  # no token crosses a line break
    doc.start = list(map(re.Match.start, matches))
    doc.end = list(map(re.Match.end, matches))
    doc.word = list(map(re.Match.group, matches))
    doc.lower = list(map(str.lower, doc.word))
    offset = 0
    first = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            begin = offset + line.index(stripped[0])
            last = bisect_left(doc.start, begin + len(stripped), first)
            _add_paragraph(doc, begin, begin + len(stripped), first, last)
            first = last
        offset += len(line) + 1
    return doc


def _add_paragraph(doc: Doc, begin: int, finish: int, first: int, last: int) -> None:
    """Paragraph (begin, finish) of tokens first..last-1, and its sentences."""
    index = len(doc.paragraphs)
    doc.paragraphs.append((begin, finish))
    doc.para.extend([index] * (last - first))
    doc.para_tokens.append((first, last))
    sentence_start = first
    for i in compress(range(first, last), map(_TERMINAL.__contains__, doc.word[first:last])):
        if i >= sentence_start and _ends_sentence(doc, i, last):
            j = i + 1
            while j < last and doc.word[j] in _CLOSERS and doc.start[j] == doc.end[j - 1]:
                j += 1
            _add_sentence(doc, sentence_start, j)
            sentence_start = j
    if sentence_start < last:
        _add_sentence(doc, sentence_start, last)


def _ends_sentence(doc: Doc, i: int, last: int) -> bool:
    """Whether the terminal mark at token i ends its sentence."""
    j = i + 1
    while j < last and doc.word[j] in _CLOSERS and doc.start[j] == doc.end[j - 1]:
        j += 1
    if j >= last:
        return True
    following = doc.word[j]
    if not (following[:1].isupper() or following[:1].isdigit() or following in _OPENERS):
        return False
    if doc.word[i] == "." and i > 0 and doc.para[i - 1] == doc.para[i]:
        before = doc.lower[i - 1]
        if before in ABBREVIATIONS or (len(before) == 1 and before.isalpha()):
            return False
    return True


def _add_sentence(doc: Doc, first: int, end: int) -> None:
    index = len(doc.sentences)
    doc.sentences.append((first, end))
    doc.sent.extend([index] * (end - first))

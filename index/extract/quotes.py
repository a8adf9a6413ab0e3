"""Quoted spans: a quote-mark state machine over “ ” " ‘ ’ '.

Double and single marks are read separately, each by a small state machine that
knows which way a mark faces from the characters around it, so apostrophes (don’t,
Starmer’s, Hamas’) are not quote marks, a stray or doubled mark does not throw the
rest of the paragraph out, and unbalanced marks never fail. Then the two are
reconciled: a span of one kind inside a span of the other is nesting, not a quote.

A quote never crosses a paragraph break. When a paragraph ends inside a quote and the
next one opens with a mark of the same kind, the next quote is marked `continued`:
the convention for a speech that runs over several paragraphs.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

OPEN, CLOSE, EITHER = 1, 2, 3
_DOUBLE = re.compile('[“”"]')
_SINGLE = re.compile("[‘’']")
_ANY_MARK = re.compile("[“”\"‘’']")
_LEFT_CONTEXT = frozenset("([{—–-/“‘\"'")
_RIGHT_CONTEXT = frozenset(".,;:!?)]}—–-…”’\"'")
_TRAILING = " \t,;:–—-"


@dataclass
class QuoteSpan:
    """The inner text of one quotation, as offsets into the body."""

    start: int
    end: int
    open_at: int
    """Offset of the opening mark."""
    close_at: int | None
    """Offset of the closing mark; None when the quote runs to the paragraph's end."""
    paragraph: int
    single: bool
    continued: bool = False
    """The paragraph before ended inside a quote that this one carries on."""
    terminal: bool = False
    """The quoted text ends a sentence (. ! ? …) or a clause (a comma inside the marks)."""
    turn: str = ""
    """A transcript turn's label ("Keir Starmer (Lab)", "A"; turns.py), its speech
    given without quote marks; "" for a quote in marks."""


def find_quotes(text: str, paragraphs: list[tuple[int, int]]) -> list[QuoteSpan]:
    """Every quoted span in `text`, paragraph by paragraph, in order."""
    spans: list[QuoteSpan] = []
    open_at_end: bool | None = None  # the kind (single?) left open by the last paragraph
    for index, (begin, finish) in enumerate(paragraphs):
        if not _ANY_MARK.search(text, begin, finish):
            open_at_end = None  # a paragraph without quote marks quotes nothing
            continue
        double = _scan(text, begin, finish, _double_marks(text, begin, finish))
        single = _scan(text, begin, finish, _single_marks(text, begin, finish))
        reopened = index + 1 < len(paragraphs) and text[paragraphs[index + 1][0]] in "‘'"
        kept = _reconcile(double, [s for s in single if _plausible_single(text, s, begin, reopened)], begin)
        found = []
        for (open_at, close_at), is_single in kept:
            span = _make_span(text, open_at, close_at, finish, index, is_single)
            if span is not None:
                found.append(span)
        if found and open_at_end is not None and found[0].open_at == begin \
                and found[0].single == open_at_end:
            found[0].continued = True
        open_at_end = found[-1].single if found and found[-1].close_at is None else None
        spans.extend(found)
    return spans


def _make_span(text: str, open_at: int, close_at: int | None, finish: int,
               paragraph: int, single: bool) -> QuoteSpan | None:
    start = open_at + 1
    end = close_at if close_at is not None else finish
    while start < end and text[start].isspace():
        start += 1
    raw_end = end
    while end > start and text[end - 1] in _TRAILING:
        end -= 1
    if end <= start or not any(c.isalnum() for c in text[start:end]):
        return None
    terminal = text[end - 1] in ".!?…" or "," in text[end:raw_end]
    return QuoteSpan(start, end, open_at, close_at, paragraph, single, terminal=terminal)


def _flanking(text: str, i: int, begin: int, finish: int) -> tuple[bool, bool]:
    """(left, right): whether the mark at i opens onto text, or closes onto it."""
    prev = text[i - 1] if i > begin else " "
    nxt = text[i + 1] if i + 1 < finish else " "
    left = (prev.isspace() or prev in _LEFT_CONTEXT) and not nxt.isspace()
    right = not prev.isspace() and (nxt.isspace() or nxt in _RIGHT_CONTEXT)
    return left, right


def _double_marks(text: str, begin: int, finish: int) -> list[tuple[int, int, bool]]:
    """(offset, OPEN/CLOSE/EITHER, weak) for each double mark in the paragraph."""
    marks = []
    for found in _DOUBLE.finditer(text, begin, finish):
        i = found.start()
        c = text[i]
        if c == "“":
            left, right = _flanking(text, i, begin, finish)
            # “We will go“ he said: an opening mark typed as a closer closes an open quote
            marks.append((i, EITHER if right and not left else OPEN, False))
        elif c == "”":
            left, right = _flanking(text, i, begin, finish)
            marks.append((i, OPEN if left and not right else CLOSE, False))
        elif c == '"':
            left, right = _flanking(text, i, begin, finish)
            if right and not left and i > begin and text[i - 1].isdigit():
                continue  # 12" — an inch mark
            marks.append((i, OPEN if left and not right else CLOSE if right and not left else EITHER, False))
    return marks


def _single_marks(text: str, begin: int, finish: int) -> list[tuple[int, int, bool]]:
    """(offset, role, weak) for each single mark that is a quote mark, not an apostrophe.

    A closing mark after s/z followed by a word ("the parents’ rights") is weak: it
    closes only if no stronger closing mark follows before the next opening one.
    """
    marks = []
    for found in _SINGLE.finditer(text, begin, finish):
        i = found.start()
        c = text[i]
        prev = text[i - 1] if i > begin else " "
        nxt = text[i + 1] if i + 1 < finish else " "
        if prev.isalnum() and nxt.isalnum():
            continue  # don’t, O’Brien
        if nxt.isdigit():
            continue  # ’90s
        left, right = _flanking(text, i, begin, finish)
        if c == "‘":
            if not prev.isalnum():
                marks.append((i, OPEN, False))
        elif left and not right:
            if c == "'":
                marks.append((i, OPEN, False))
        elif right:
            rest = text[i + 1:i + 3]
            weak = prev in "sSzZ" and len(rest) == 2 and rest[0] == " " and rest[1].isalpha()
            marks.append((i, CLOSE, weak))
    return marks


def _scan(text: str, begin: int, finish: int,
          marks: list[tuple[int, int, bool]]) -> list[tuple[int, int | None]]:
    """Pair marks into (open offset, close offset or None) spans."""
    spans: list[tuple[int, int | None]] = []
    open_at: int | None = None
    last_mark = -2
    strong_close_after = _strong_close_after(marks)
    for k, (i, role, weak) in enumerate(marks):
        if open_at is None:
            if role in (OPEN, EITHER):
                open_at = i
        elif role == OPEN:
            if i != last_mark + 1 and text[open_at + 1:i].strip():
                spans.append((open_at, i))  # an unclosed quote ends where the next opens
                open_at = i
        elif weak and strong_close_after[k]:
            continue
        else:
            if text[open_at + 1:i].strip():
                spans.append((open_at, i))
                open_at = None
        last_mark = i
    if open_at is not None:
        spans.append((open_at, None))
    return spans


def _strong_close_after(marks: list[tuple[int, int, bool]]) -> list[bool]:
    """For each mark, whether a strong closing mark follows before the next opening one."""
    result = [False] * len(marks)
    seen = False
    for k in range(len(marks) - 1, -1, -1):
        result[k] = seen
        _, role, weak = marks[k]
        if role == OPEN:
            seen = False
        elif role in (CLOSE, EITHER) and not weak:
            seen = True
    return result


def _reconcile(double: list[tuple[int, int | None]], single: list[tuple[int, int | None]],
               begin: int) -> list[tuple[tuple[int, int | None], bool]]:
    """Merge the two kinds: the outer span of a nesting wins; crossings favour double.

    Spans of one kind are ordered and disjoint, so each check is a binary search.
    """
    d_starts = [d[0] for d in double]
    d_ends = [_end(d) for d in double]
    singles_kept = []
    nesting_doubles: set[int] = set()
    for s in single:
        s0, s1 = s[0], _end(s)
        k = bisect_left(d_starts, s0) - 1
        if k >= 0 and d_ends[k] > s0:
            continue  # inside a double quote, or crossing one
        inner = []
        j = k + 1
        while j < len(double) and d_starts[j] < s1:
            inner.append(j)
            j += 1
        if any(d_ends[j] > s1 for j in inner) or (inner and s[1] is None):
            continue  # crossing a double quote, or a stray opening mark
        nesting_doubles.update(inner)
        singles_kept.append(s)
    merged = [(d, False) for j, d in enumerate(double) if j not in nesting_doubles]
    merged += [(s, True) for s in singles_kept]
    merged.sort(key=lambda item: item[0][0])
    return merged


def _plausible_single(text: str, span: tuple[int, int | None], begin: int, reopened: bool) -> bool:
    """A single quote left open at the paragraph's end is more likely a stray mark than a
    quote, unless it opens the paragraph, follows a colon or comma ("told MPs: ‘…"), or
    the next paragraph reopens one (a speech running over paragraphs)."""
    open_at, close_at = span
    if close_at is not None or open_at == begin or reopened:
        return True
    return text[max(begin, open_at - 2):open_at].strip() in (":", ",")


def _end(span: tuple[int, int | None]) -> float:
    return span[1] if span[1] is not None else float("inf")


def is_fragment(text: str, terminal: bool, opens_sentence: bool) -> bool:
    """A scare quote or fragment: five words or fewer inside a sentence, not ending it."""
    return not terminal and not opens_sentence and len(text.split()) <= 5

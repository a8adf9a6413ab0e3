"""Plain text: the whole file is the body.

A first line may begin with `date YYYY-MM-DD`; the date is taken and the rest of that
line stays in the body. Text hard-wrapped at a fixed width (paragraphs between blank
lines, each broken into lines that fill the width) is joined back into paragraphs;
otherwise every line is a paragraph.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..model import Article, Problem, ReadResult
from .fields import article_id, parse_date

_DATE_LINE = re.compile(r"\A\s*date(?:\s*:\s*|\s+)(\d{4}-\d{2}-\d{2})\b[ \t]*", re.I)
_WRAP_WIDTH = range(40, 101)
"""Widths at which text counts as hard-wrapped; longer lines are paragraphs."""
_LIST_ITEM = re.compile(r"[-*•]\s|\d+[.)]\s")


def read(path: Path, text: str) -> ReadResult:
    """Read one article from a text file."""
    result = ReadResult()
    article = Article(id=article_id(path), path=str(path), source_format="txt")
    match = _DATE_LINE.match(text)
    if match:
        try:
            article.date = parse_date(match.group(1))
            text = text[match.end():]
        except ValueError as exc:
            result.problems.append(Problem(str(path), str(exc), 1))
    article.body = unwrap(text)
    result.articles.append(article)
    return result


def unwrap(text: str) -> str:
    """Join the lines of hard-wrapped paragraphs; leave any other text as it is.

    Text counts as hard-wrapped when it has blank lines between paragraphs and, inside
    every paragraph, each line is as full as it could be: the next line's first word
    would not have fitted on it within the widest line's width.
    """
    lines = [line.strip() for line in text.strip().split("\n")]
    width = max(map(len, lines))
    if width not in _WRAP_WIDTH:
        return text
    blocks = "\n".join(lines).split("\n\n")
    pairs = [
        (line, following)
        for block in blocks
        for line, following in zip(block.split("\n"), block.split("\n")[1:])
        if line and following and not _LIST_ITEM.match(following)
    ]
    wrapped = len(blocks) > 1 and pairs and all(
        len(line) + 1 + len(following.split()[0]) > width for line, following in pairs
    )
    if not wrapped:
        return text
    return "\n\n".join(_join_lines(block) for block in blocks)


def _join_lines(block: str) -> str:
    """One wrapped paragraph on one line; list items keep lines of their own."""
    out: list[list[str]] = []  # the lines out, each as its pieces (joined by a space at the end)
    for line in block.split("\n"):
        if out and line and not _LIST_ITEM.match(line):
            out[-1].append(line)
        else:
            out.append([line])
    return "\n".join(" ".join(pieces) for pieces in out)

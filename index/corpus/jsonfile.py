"""JSON (`.json`: one object, a list of them, or {"articles": [...]}) and JSON Lines
(`.jsonl`, `.ndjson`: one object per line).

An object's fields may go by several names (see fields.ALIASES): title or headline;
text, body or content; date, published, published_at...; url or link; outlet, source
or site (a source may be {"name": ...}); author, byline or authors (a list). Text that
is HTML is made plain; a news API's mark of text cut short ("… [+1234 chars]") becomes
"…". A line that is not valid JSON is reported with its number and
the other lines are still read; the items skipped for one reason are reported together,
so a file of ten thousand lines that are not articles is one problem, not ten thousand.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from ..model import Article, Problem, ReadResult
from .fields import article_id, metadata
from .html import fragment_text, looks_like_html

LINES_EXTENSIONS = (".jsonl", ".ndjson")

_CUT_SHORT = re.compile(r"\s*(?:…|\.\.\.)?\s*\[\+\d+ chars\]\s*\Z")
"""NewsAPI's "content" ends so: the rest of the text is on the outlet's site."""

NAMED = 3
"""Of the items one reason skipped, the report names this many and counts the rest."""


def read(path: Path, text: str) -> ReadResult:
    """Read the articles of a JSON or JSON Lines file."""
    if path.suffix.lower() in LINES_EXTENSIONS:
        return _read_lines(path, text)
    result = ReadResult()
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        result.problems.append(Problem(str(path), f"invalid JSON: {exc.msg}", exc.lineno))
        return result
    if isinstance(data, dict) and isinstance(data.get("articles"), list) and "body" not in metadata(data).values:
        data = data["articles"]
    if isinstance(data, dict):
        reason = _add(result, path, data, "json", key="", where=None)
        result.problems += [Problem(str(path), reason)] if reason else []
    elif isinstance(data, list):
        keys: set[str] = set()
        skipped = _Skipped("item", len(data))
        for number, item in enumerate(data, 1):
            skipped.add(_add(result, path, item, "json", _key(item, number, keys), f"item {number}"), number)
        result.problems += skipped.problems(path)
    else:
        result.problems.append(Problem(str(path), "expected a JSON object or a list of objects"))
    return result


def _read_lines(path: Path, text: str) -> ReadResult:
    result = ReadResult()
    keys: set[str] = set()
    lines = [(number, line) for number, line in enumerate(text.split("\n"), 1) if line.strip()]
    skipped = _Skipped("line", len(lines))
    for number, line in lines:
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            skipped.add(f"invalid JSON: {exc.msg}", number)
            continue
        skipped.add(_add(result, path, item, "jsonl", _key(item, number, keys), number), number)
    result.problems += skipped.problems(path)
    return result


class _Skipped:
    """The items of one file skipped so far, by reason."""

    def __init__(self, unit: str, total: int) -> None:
        self.unit, self.total = unit, total
        self.numbers: dict[str, list[int]] = {}

    def add(self, reason: str | None, number: int) -> None:
        if reason:
            self.numbers.setdefault(reason, []).append(number)

    def problems(self, path: Path) -> list[Problem]:
        """A problem per reason: an item's own, or one for all the items it skipped."""
        problems = []
        for reason, numbers in self.numbers.items():
            if len(numbers) == 1 and self.unit == "line":
                problems.append(Problem(str(path), reason, numbers[0]))
            elif len(numbers) == 1:
                problems.append(Problem(str(path), f"{self.unit} {numbers[0]}: {reason}"))
            else:
                named = [str(n) for n in numbers[:NAMED]]
                rest = len(numbers) - len(named)
                last = f"{rest} more" if rest else named.pop()
                which = f"{', '.join(named)} and {last}"
                problems.append(Problem(
                    str(path), f"{len(numbers)} of {self.total} {self.unit}s skipped, {reason}: {self.unit}s {which}"))
        return problems


def _key(item: Any, position: int, seen: set[str]) -> str:
    """What tells this item apart in its file: its id, guid or url, else its position."""
    key = ""
    if isinstance(item, dict):
        key = next((str(item[k]) for k in ("id", "guid", "url", "link") if item.get(k)), "")
    if not key or key in seen:
        key = f"#{position}"
    seen.add(key)
    return key


def _add(result: ReadResult, path: Path, item: Any, fmt: str, key: str, where: int | str | None) -> str | None:
    """Add the article `item` holds, with a problem for each field not understood; or
    say why it holds none. `where` is its line, or what names it in a list."""
    if not isinstance(item, dict):
        return f"expected an object, got {type(item).__name__}"
    found = metadata(item)
    body = found.values.pop("body", "")
    if not body.strip():
        return "no text (expected text, body or content)"
    article = Article(id=article_id(path, key), path=str(path), source_format=fmt, **found.values)
    body = fragment_text(body) if looks_like_html(body) else body
    article.body = _CUT_SHORT.sub("…", body)
    result.articles.append(article)
    line = where if isinstance(where, int) else None
    prefix = f"{where}: " if isinstance(where, str) else ""
    result.problems += [Problem(str(path), prefix + error, line) for error in found.errors]
    return None

"""JSON (`.json`: one object, a list of them, or {"articles": [...]}) and JSON Lines
(`.jsonl`, `.ndjson`: one object per line).

An object's fields may go by several names (see fields.ALIASES): title or headline;
text, body or content; date, published, published_at...; url or link; outlet, source
or site (a source may be {"name": ...}); author, byline or authors (a list). Text that
is HTML is made plain. A line that is not valid JSON is reported with its number and
the other lines are still read.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..model import Article, Problem, ReadResult
from .fields import article_id, metadata
from .html import fragment_text, looks_like_html

LINES_EXTENSIONS = (".jsonl", ".ndjson")


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
        _add(result, path, data, "json", key="", where=None)
    elif isinstance(data, list):
        keys: set[str] = set()
        for number, item in enumerate(data, 1):
            _add(result, path, item, "json", key=_key(item, number, keys), where=f"item {number}")
    else:
        result.problems.append(Problem(str(path), "expected a JSON object or a list of objects"))
    return result


def _read_lines(path: Path, text: str) -> ReadResult:
    result = ReadResult()
    keys: set[str] = set()
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            result.problems.append(Problem(str(path), f"invalid JSON: {exc.msg}", number))
            continue
        _add(result, path, item, "jsonl", key=_key(item, number, keys), where=number)
    return result


def _key(item: Any, position: int, seen: set[str]) -> str:
    """What tells this item apart in its file: its id, guid or url, else its position."""
    key = ""
    if isinstance(item, dict):
        key = next((str(item[k]) for k in ("id", "guid", "url", "link") if item.get(k)), "")
    if not key or key in seen:
        key = f"#{position}"
    seen.add(key)
    return key


def _add(result: ReadResult, path: Path, item: Any, fmt: str, key: str, where: int | str | None) -> None:
    """Add the article `item` holds, or a problem saying why it holds none."""
    line = where if isinstance(where, int) else None
    prefix = f"{where}: " if isinstance(where, str) else ""
    if not isinstance(item, dict):
        result.problems.append(Problem(str(path), f"{prefix}expected an object, got {type(item).__name__}", line))
        return
    found = metadata(item)
    body = found.values.pop("body", "")
    if not body.strip():
        result.problems.append(Problem(str(path), f"{prefix}no text (expected text, body or content)", line))
        return
    article = Article(id=article_id(path, key), path=str(path), source_format=fmt, **found.values)
    article.body = fragment_text(body) if looks_like_html(body) else body
    result.articles.append(article)
    result.problems += [Problem(str(path), prefix + error, line) for error in found.errors]

"""Article metadata under the many names that JSON files, front matter and manifests use."""

from __future__ import annotations

import hashlib
import re
import time
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

from ..model import Problem

# Article field -> the keys it may be found under, the first non-empty one winning.
ALIASES: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline"),
    "body": ("text", "body", "content"),
    "date": ("date", "published", "published_at", "publishedAt", "datePublished"),
    "url": ("url", "link"),
    "outlet": ("outlet", "source", "site"),
    "author": ("author", "byline", "authors"),
    "summary": ("summary", "description"),
}
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:$|[T ])")


@dataclass
class Fields:
    """What `metadata` found: article field -> value, and what it could not use."""

    values: dict[str, Any] = field(default_factory=dict)
    """Text fields as str, "date" as a datetime.date."""
    unknown: list[str] = field(default_factory=list)
    """Keys that name no article field."""
    errors: list[str] = field(default_factory=list)
    """One line per value that could not be used, e.g. a date not understood."""


def metadata(mapping: dict[str, Any], allowed: tuple[str, ...] = tuple(ALIASES)) -> Fields:
    """Collect the `allowed` article fields from `mapping`, whatever names they go by."""
    found = Fields()
    known = {key for name in allowed for key in ALIASES[name]}
    found.unknown = [str(key) for key in mapping if key not in known]
    for name in allowed:
        raw = next((mapping[key] for key in ALIASES[name] if _present(mapping.get(key))), None)
        if raw is None:
            continue
        if name == "date":
            try:
                found.values["date"] = parse_date(raw)
            except ValueError as exc:
                found.errors.append(str(exc))
        else:
            found.values[name] = as_text(raw, "\n\n" if name == "body" else ", ")
    return found


def _present(value: Any) -> bool:
    return value is not None and value != "" and value != [] and value != {}


def as_text(value: Any, joiner: str = ", ") -> str:
    """A metadata value as text: a list is joined, a {"name": ...} mapping gives its name."""
    if isinstance(value, dict):
        return as_text(value.get("name") or value.get("title") or "")
    if isinstance(value, (list, tuple)):
        return joiner.join(text for text in (as_text(item) for item in value) if text)
    return "" if value is None else str(value)


def parse_date(value: Any) -> date | None:
    """A publication date from a date, ISO or RFC 822 text, epoch seconds or a time tuple.

    A date with a time keeps the calendar day of its own time zone. Raises ValueError
    with a one-line message for anything else.
    """
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, time.struct_time):
        return date(*value[:3])
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        seconds = value / 1000 if value > 1e11 else value
        try:
            return datetime.fromtimestamp(seconds, tz=timezone.utc).date()
        except (OverflowError, OSError, ValueError):
            raise ValueError(f"date not understood: {value!r}") from None
    text = str(value).strip()
    match = _ISO_DATE.match(text)
    try:
        if match:
            return date(*map(int, match.groups()))
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        raise ValueError(f"date not understood: {text[:40]!r}") from None


def article_id(path: str | Path, key: str = "") -> str:
    """A stable short id: 12 hex digits of the file's resolved path and the item's key.

    `key` tells apart the articles of a file that holds several (a guid, url or position).
    """
    ident = f"{Path(path).resolve()}\0{key}"
    return hashlib.sha1(ident.encode("utf-8", "surrogateescape")).hexdigest()[:12]


_SENTENCE_END = re.compile(r"[.!?][”’\"')\]]*(?=\s+[“‘\"'(\[]?[A-Z0-9])")
_ABBREVIATION = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Sir|St|Sen|Rep|Gov|Gen|Col|Lt|Capt|Maj|Sgt|Det|Supt|Rev|Jr|Sr|No|vs)|\b[A-Z])$")
_DATELINE = re.compile(r"[A-Z][A-Z .'-]{1,30}(?:, [A-Z][a-z]{2,8}\.? \d{1,2})? \([A-Z][\w .&-]{0,30}\) ?[-–—] ?")
"""A wire story's dateline: "LONDON (Reuters) - ", "WASHINGTON, March 4 (AP) — "."""
HEADLINE_LENGTH = 90


def headline(body: str) -> str:
    """A title for an article that has none: its first sentence, cut short at a word."""
    first = body.strip().split("\n", 1)[0].strip() if body.strip() else ""
    dateline = _DATELINE.match(first)
    if dateline and dateline.end() < len(first):
        first = first[dateline.end():]
    # A title is cut at HEADLINE_LENGTH anyway: looking further for the sentence's end
    # changes nothing, and would cost time on a long line of full stops.
    first = first[: 2 * HEADLINE_LENGTH]
    for match in _SENTENCE_END.finditer(first):
        if not _ABBREVIATION.search(first[: match.start()]):
            first = first[: match.end()]
            break
    if len(first) <= HEADLINE_LENGTH:
        return first
    cut = first[: HEADLINE_LENGTH + 1].rsplit(" ", 1)[0].rstrip(" ,;:–—-")
    return cut + "…"


def yaml_problem(path: str, exc: Exception, first_line: int = 1) -> Problem:
    """A YAML error as a one-line Problem at its line (`first_line` is the text's line 1)."""
    mark = getattr(exc, "problem_mark", None)
    line = mark.line + first_line if mark is not None else None
    reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    return Problem(path, f"invalid YAML: {reason}", line)

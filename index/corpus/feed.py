"""RSS and Atom feeds (`.rss`, `.atom`, or `.xml` that is a feed): one article per item.

The feed is parsed from the bytes already read, so nothing is fetched: not the feed,
not its links, not external entities. An item's content (else its summary) is made
plain text; the feed's title (its last part after " | ") is the outlet.
"""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path

from ..model import Article, Problem, ReadResult
from .fields import article_id, parse_date
from .html import fragment_text

# The text was decoded already; an encoding declaration would make feedparser decode
# its UTF-8 bytes again as something else.
_ENCODING_DECLARATION = re.compile(r"\A(\s*<\?xml\b[^>]*?)\s+encoding\s*=\s*[\"'][^\"']*[\"']")
# RSS puts an author as "email (Name)"; feedparser's own split of it is unreliable.
_RSS_AUTHOR = re.compile(r"\A\s*\S+@\S+\s*\((.+)\)\s*\Z")


def read(path: Path, text: str) -> ReadResult:
    """Read the items of an RSS or Atom feed."""
    import feedparser  # only when there is a feed to read

    data = _ENCODING_DECLARATION.sub(r"\1", text, count=1).encode("utf-8")
    parsed = feedparser.parse(io.BytesIO(data), resolve_relative_uris=False, sanitize_html=True)
    result = ReadResult()
    if not parsed.version:
        reason = str(parsed.get("bozo_exception") or "").split("\n")[0]
        result.problems.append(Problem(str(path), "not an RSS or Atom feed" + (f" ({reason})" if reason else "")))
        return result
    fmt = "atom" if parsed.version.startswith("atom") else "rss"
    # "Politics | The Guardian", "UK News - The latest headlines | Sky News": the site's name
    outlet = parsed.feed.get("title", "").rsplit(" | ", 1)[-1].strip()
    keys: set[str] = set()
    empty = 0
    for position, entry in enumerate(parsed.entries, 1):
        body, summary = _texts(entry)
        if not body.strip():
            empty += 1
            continue
        key = entry.get("id") or entry.get("link") or ""
        key = key if key and key not in keys else f"#{position}"
        keys.add(key)
        article = Article(
            id=article_id(path, key), path=str(path), source_format=fmt,
            title=entry.get("title", ""), outlet=outlet,
            author=_RSS_AUTHOR.sub(r"\1", entry.get("author", "")),
            url=entry.get("link", ""), body=body, summary=summary,
        )
        article.date = _date(entry)
        result.articles.append(article)
    if empty:
        result.problems.append(Problem(str(path), f"{empty} of {len(parsed.entries)} items have no text, skipped"))
    elif not parsed.entries:
        result.problems.append(Problem(str(path), "feed has no items"))
    return result


def _date(entry) -> date | None:
    """The item's date on its own calendar (feedparser's parsed time is in UTC)."""
    for name in ("published", "updated"):
        if entry.get(name):
            try:
                return parse_date(entry[name])
            except ValueError:
                return parse_date(entry.get(f"{name}_parsed"))
    return None


def _texts(entry) -> tuple[str, str]:
    """An item's body and summary as plain text; the summary only when it differs."""
    contents = sorted(entry.get("content", []), key=lambda c: len(c.get("value", "")))
    summary = _plain(entry.get("summary_detail") or {"value": entry.get("summary", "")})
    if not contents or not contents[-1].get("value", "").strip():
        return summary, ""
    body = _plain(contents[-1])
    return body, "" if summary.strip() == body.strip() else summary


def _plain(detail) -> str:
    """The text of a feedparser text construct, plain whatever its type."""
    value = detail.get("value", "")
    return value if detail.get("type") == "text/plain" else fragment_text(value)

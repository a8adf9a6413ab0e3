"""Quotes out of newsx: Markdown with a citation per quote, JSON, CSV; and writing a file.

Used by `newsx quotes --format/-o` and by the app's copy (`y`) and export (`e`).
Quote text is data: Markdown keeps it inside a blockquote ("> " before every line).
"""

from __future__ import annotations

import csv
import io
import json
import os
from datetime import date
from pathlib import Path

from newsx.index.clean import is_safe_line, sanitize_line
from newsx.index.errors import NewsxError
from newsx.index.model import QuoteRecord

FORMATS = ("markdown", "json", "csv")
CSV_FIELDS = ("speaker", "role", "text", "kind", "stances", "outlet", "title", "date", "url", "path", "article_id", "start", "end")
UNNAMED = "Unnamed source"


class ExportExistsError(NewsxError):
    """The export file exists and replacing it was not asked for."""


def citation(record: QuoteRecord) -> str:
    """"— Speaker, Role · Outlet, “Title”, YYYY-MM-DD · <url or path>", leaving out what is unknown."""
    who = ", ".join(part for part in (record.speaker or UNNAMED, record.role) if part)
    where = ", ".join(
        part for part in (record.outlet, f"“{record.title}”" if record.title else "", _day(record.date)) if part
    )
    # A file name is not cleaned at ingest (it must still open the file): clean it here.
    source = record.url or sanitize_line(record.path)
    return " · ".join(part for part in (f"— {who}", where, source) if part)


def quotes_markdown(records: list[QuoteRecord], title: str | None = None) -> str:
    """A blockquote per quote, each followed by its citation line."""
    blocks = [f"# {' '.join(title.split())}"] if title else []
    for record in records:
        quoted = "\n".join(f"> {line}".rstrip() for line in record.text.splitlines() or [""])
        blocks.append(f"{quoted}\n\n{citation(record)}")
    return "\n\n".join(blocks) + "\n"


def _record_dict(record: QuoteRecord) -> dict:
    return {
        "id": record.id,
        "article_id": record.article_id,
        "text": record.text,
        "speaker": record.speaker,
        "role": record.role,
        "kind": record.kind,
        "stances": [{"topic": topic, "stance": stance} for topic, stance in record.stances],
        "start": record.start,
        "end": record.end,
        "title": record.title,
        "outlet": record.outlet,
        "date": _day(record.date) or None,
        "url": record.url,
        "path": record.path,
    }


def quotes_json(records: list[QuoteRecord], title: str | None = None) -> str:
    """{"title": ..., "quotes": [{"id", "article_id", "text", "speaker", "role", "kind",
    "stances": [{"topic", "stance"}], "start", "end", "title", "outlet", "date", "url", "path"}]}"""
    document = {"title": title, "quotes": [_record_dict(record) for record in records]}
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def quotes_csv(records: list[QuoteRecord], title: str | None = None) -> str:
    """One row per quote under a header row (CSV_FIELDS); stances as "topic:stance; ...".

    A cell that a spreadsheet would run as a formula (starting with = + - @) gets a
    leading apostrophe, the usual guard against CSV formula injection.
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_FIELDS)
    for record in records:
        row = _record_dict(record)
        row["stances"] = "; ".join(f"{s['topic']}:{s['stance']}" for s in row["stances"])
        writer.writerow([_cell(row[name]) for name in CSV_FIELDS])
    return out.getvalue()


def _cell(value) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


EXPORTERS = {"markdown": quotes_markdown, "json": quotes_json, "csv": quotes_csv}


def format_for(path: Path) -> str:
    """The export format a file name asks for: .json, .csv, else Markdown."""
    return {".json": "json", ".csv": "csv"}.get(path.suffix.lower(), "markdown")


def write_export(path: Path, text: str, *, overwrite: bool = False) -> None:
    """Write `text` to `path`; an existing file is replaced only when `overwrite`.

    Raises ExportExistsError when the file exists, NewsxError (one line) when it
    cannot be written or its name has control characters (an escape sequence in a file
    name would run in every terminal that lists it).
    """
    if not is_safe_line(str(path)):
        raise NewsxError(f"refusing a file name with control characters: {str(path)!r}")
    path = Path(path).expanduser()
    if path.is_dir():
        raise NewsxError(f"{path} is a folder")
    try:
        (_replace if overwrite else _create)(path, text)
    except FileExistsError:
        raise ExportExistsError(f"{path} already exists") from None
    except OSError as exc:
        raise NewsxError(f"cannot write {path}: {exc.strerror or exc}") from None


def _create(path: Path, text: str) -> None:
    """Write a new file ("x": never replace one silently); a failed write (a full disk)
    leaves no partial file behind to be taken for the export."""
    handle = path.open("x", encoding="utf-8")
    try:
        with handle:
            handle.write(text)
    except BaseException:
        path.unlink(missing_ok=True)
        raise


def _replace(path: Path, text: str) -> None:
    """Write beside `path`, then rename over it: a failed write leaves the old file."""
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        temp.write_text(text, encoding="utf-8")
        os.replace(temp, path)
    finally:
        temp.unlink(missing_ok=True)


def _day(day: date | None) -> str:
    return day.isoformat() if day else ""

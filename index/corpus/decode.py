"""Bytes to text, the same way for every format, every line break made a newline.

UTF-8 (with or without a byte-order mark) and UTF-16 with a byte-order mark are read
as such. Bytes that are not valid UTF-8 are decoded with a declared charset when the
file names one (`<meta charset=...>`, `<?xml encoding=...?>`), else replaced, with a
warning so the user knows. Binary and empty files are refused.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

from ..model import Problem

_SNIFF = 8192
_DECLARED = re.compile(rb"""(?:encoding|charset)\s*=\s*["']?([A-Za-z0-9._:-]+)""", re.I)
# Bytes that never occur in text: C0 controls but tab, newline, form feed, carriage
# return and escape (ESC is text that sanitize takes out later, not a sign of binary).
_BINARY_BYTES = bytes(set(range(32)) - {9, 10, 12, 13, 27})
_BINARY_SHARE = 0.1


@dataclass
class Decoded:
    """The text of a file (None when it cannot be read as text) and what went wrong."""

    text: str | None
    problems: list[Problem] = field(default_factory=list)


def decode(data: bytes, path: str) -> Decoded:
    """Decode a file's bytes; `path` names the file in any problem reported."""
    if data.startswith(codecs.BOM_UTF8):
        text, problems = _utf8(data[len(codecs.BOM_UTF8):], path)
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = data.decode("utf-16", errors="replace")
        problems = [Problem(path, "invalid UTF-16, undecodable bytes replaced")] if "\ufffd" in text else []
    elif _looks_binary(data[:_SNIFF]):
        return Decoded(None, [Problem(path, "binary file, skipped")])
    else:
        text, problems = _utf8(data, path)
    if not text.strip():
        return Decoded(None, [Problem(path, "empty file")])
    return Decoded(text.replace("\r\n", "\n").replace("\r", "\n"), problems)


def _looks_binary(head: bytes) -> bool:
    if b"\x00" in head:
        return True
    return bool(head) and len(head) - len(head.translate(None, _BINARY_BYTES)) > _BINARY_SHARE * len(head)


def _utf8(data: bytes, path: str) -> tuple[str, list[Problem]]:
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
    declared = _declared_charset(data[:1024])
    if declared:
        try:
            return data.decode(declared), []
        except UnicodeDecodeError:
            pass
    text = data.decode("utf-8", errors="replace")
    return text, [Problem(path, "invalid UTF-8, undecodable bytes replaced", line)]


def _declared_charset(head: bytes) -> str | None:
    match = _DECLARED.search(head)
    if not match:
        return None
    try:
        name = codecs.lookup(match.group(1).decode("ascii")).name
    except LookupError:
        return None
    # only ASCII-compatible charsets: a UTF-16/32 file without a byte-order mark has NULs
    return None if name == "utf-8" or name.startswith(("utf-16", "utf-32")) else name

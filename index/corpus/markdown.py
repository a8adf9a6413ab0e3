"""Markdown with optional YAML front matter, made plain text.

    ---
    title: ...
    date: 2024-10-09
    author: ...
    outlet: ...        (or source)
    url: ...
    summary: ...
    ---
    The body, in Markdown.

Headings, list items and block quotes become paragraphs of their own; emphasis and code
markers go; a link becomes its text and an image goes. Lines of one paragraph join.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from ..model import Article, Problem, ReadResult
from .fields import ALIASES, article_id, metadata, yaml_problem

_FENCE = re.compile(r"\s{0,3}(```|~~~)")
_HEADING = re.compile(r"\s{0,3}#{1,6}(?:\s+|$)(.*?)(?:\s+#+)?\s*$")
_RULE = re.compile(r"\s{0,3}(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,}|=+\s*)$")
_QUOTE = re.compile(r"(?:\s{0,3}>\s?)+")
_BULLET = re.compile(r"\s*[-*+]\s+")
_NUMBERED = re.compile(r"\s*(\d{1,9})[.)]\s+")
_REFERENCE = re.compile(r"\s{0,3}\[[^\]]+\]:\s*\S+")
_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")
_PRIVATE = 0xE000
# Each pattern's inner text excludes its own opening delimiter, so a scan for a closing
# one stops at the next opener: a long line of unclosed `[`, `**` or `<http:` is read in
# linear time, never rescanned from every opener.
_INLINE = [
    (re.compile(r"!\[[^\[\]]*\]\([^()]*\)"), ""),
    (re.compile(r"!\[[^\[\]]*\]\[[^\[\]]*\]"), ""),
    (re.compile(r"\[([^\[\]]+)\]\([^()\s]*(?:\s+(?:\"[^\"]*\"|'[^']*'))?\)"), r"\1"),
    (re.compile(r"\[([^\[\]]+)\]\[[^\[\]]*\]"), r"\1"),
    (re.compile(r"<((?:https?|mailto):[^<>\s]+)>"), r"\1"),
    (re.compile(r"`+([^`]+?)`+"), r"\1"),
    (re.compile(r"\*\*(?=\S)((?:[^*]|\*(?!\*))+?)(?<=\S)\*\*"), r"\1"),
    (re.compile(r"(?<!\w)__(?=\S)((?:[^_]|_(?!_))+?)(?<=\S)__(?!\w)"), r"\1"),
    (re.compile(r"(?<![\w*])\*(?=[^\s*])([^*]+?)(?<=[^\s*])\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<!\w)_(?=[^\s_])([^_]+?)(?<=[^\s_])_(?!\w)"), r"\1"),
    (re.compile(r"~~(?=\S)((?:[^~]|~(?!~))+?)(?<=\S)~~"), r"\1"),
]
_FIELDS = ("title", "date", "author", "outlet", "url", "summary")


def read(path: Path, text: str) -> ReadResult:
    """Read one article from a Markdown file."""
    result = ReadResult()
    article = Article(id=article_id(path), path=str(path), source_format="markdown")
    body = text
    lines = text.split("\n")
    if lines[0].strip() == "---":
        end = next((i for i, line in enumerate(lines[1:], 1) if line.strip() in ("---", "...")), None)
        if end is None:
            result.problems.append(Problem(str(path), "front matter not closed by a `---` line", 1))
        else:
            body = "\n".join(lines[end + 1:])
            result.problems += _front_matter(article, "\n".join(lines[1:end]), str(path))
    article.body = plain(body)
    result.articles.append(article)
    return result


def _front_matter(article: Article, text: str, path: str) -> list[Problem]:
    """Set the article's metadata from front matter; return what was wrong with it."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        return [yaml_problem(path, exc, first_line=2)]
    if data is None:
        return []
    if not isinstance(data, dict):
        return [Problem(path, "front matter is not a mapping of fields", 2)]
    found = metadata(data, _FIELDS)
    for name, value in found.values.items():
        setattr(article, name, value)
    date_line = next((i for i, line in enumerate(text.split("\n"), 2)
                      if line.split(":", 1)[0].strip() in ALIASES["date"]), None)
    return [Problem(path, error, date_line) for error in found.errors]


def plain(markdown: str) -> str:
    """Markdown as plain text: one line per paragraph, paragraphs apart by a blank line."""
    out: list[list[str]] = []  # the lines out, each as its pieces (joined by a space at the end)
    joining = ""  # what the next line may continue: "paragraph", "item" (of a list) or ""
    fenced = False
    for line in markdown.split("\n"):
        if _FENCE.match(line):
            fenced, joining = not fenced, ""
            out.append([])
            continue
        if fenced:
            out.append([line])
            continue
        quoted = _QUOTE.match(line)
        if quoted:
            line = line[quoted.end():]
        heading = _HEADING.match(line)
        if not line.strip() or _RULE.match(line) or _REFERENCE.match(line):
            out.append([])
            joining = ""
        elif heading:
            out += [[], [_inline(heading.group(1))], []]
            joining = ""
        elif _starts_item(line, joining):
            out += [[], [_inline(_BULLET.sub("", line, count=1).strip())]]
            joining = "item"
        elif joining:
            out[-1].append(_inline(line.strip()))
        else:
            out.append([_inline(line.strip())])
            joining = "paragraph"
        if joining and _hard_break(line):
            joining = ""
    return "\n".join(" ".join(pieces) for pieces in out)


def _starts_item(line: str, joining: str) -> bool:
    """A list item starts here (inside a paragraph only a bullet or a "1." can start one)."""
    if _BULLET.match(line):
        return True
    number = _NUMBERED.match(line)
    return bool(number) and (joining != "paragraph" or number.group(1) == "1")


def _hard_break(line: str) -> bool:
    return line.endswith(("  ", "\\"))


def _inline(text: str) -> str:
    text = _ESCAPED.sub(lambda m: chr(_PRIVATE + ord(m.group(1))), text.rstrip("\\"))
    for pattern, replacement in _INLINE:
        text = pattern.sub(replacement, text)
    return re.sub("[\ue000-\ue07f]", lambda m: chr(ord(m.group()) - _PRIVATE), text)

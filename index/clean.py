"""Cleaning at ingest: safe characters, normal form, paragraphs, and crawl boilerplate out.

Everything that reaches a terminal passes through `sanitize` first, so no escape
sequence from an article can move the cursor, set the clipboard or retitle a window.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from importlib import resources

import yaml

from .errors import ConfigError
from .model import Article

# Whole terminal escape sequences, so that no parameters are left behind as text:
# CSI (ESC [ or 0x9b) with its parameters; OSC, DCS, SOS, PM and APC strings up to their
# terminator (BEL or ST) on the same line and before another string starts (so a line of
# unterminated starts is scanned once, not once per start); other two- and three-byte
# ESC sequences.
_ESCAPES = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c\n\x90\x98\x9d\x9e\x9f]*(?:\x07|\x1b\\|\x9c)"
    r"|\x1b[ -/]*[0-~]"
)
# C0 controls but tab and newline, DEL, all C1 controls, and the bidirectional
# embedding/override/isolate controls that can make text display as something else.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x85]")
_INLINE_SPACE = re.compile(r"[ \t\u00a0]+")

TITLE_LENGTH = 100
"""A line this long or shorter may be a title or caption (see BoilerplateRule.then)."""


def sanitize(text: str) -> str:
    """Return `text` in NFC with line breaks unified and control characters removed."""
    if _UNSAFE.search(text) or "\u2028" in text or "\u2029" in text:  # else none of these subs applies
        text = _NEWLINES.sub("\n", text)
        text = _UNSAFE.sub("", _ESCAPES.sub("", text))
    return unicodedata.normalize("NFC", text)


def is_safe_line(text: str) -> bool:
    """Whether `text` is one line free of the characters `sanitize` takes out (and tabs)."""
    return "\n" not in text and "\t" not in text and not _UNSAFE.search(text)


def sanitize_line(text: str) -> str:
    """Sanitize a one-line field (title, name, outlet): white space folded to spaces."""
    return " ".join(sanitize(text).split())


def tidy(body: str) -> str:
    """Put each non-blank line in a paragraph of its own, paragraphs one blank line apart.

    Runs of spaces and tabs inside a line fold to one space. Every reader's output goes
    through here, so extraction sees the same paragraph boundaries whatever the format.
    """
    if "  " in body or "\t" in body or "\u00a0" in body:  # else there is nothing to fold
        body = _INLINE_SPACE.sub(" ", body)
    lines = (line.strip() for line in body.split("\n"))
    return "\n\n".join(line for line in lines if line)


@dataclass(frozen=True)
class BoilerplateRule:
    """A line pattern: a matching line is removed, and with it up to `then` of the
    non-blank lines right after it that are no longer than a title (TITLE_LENGTH)."""

    pattern: re.Pattern[str]
    then: int = 0


def load_rules(entries: list[dict | str] | None = None) -> list[BoilerplateRule]:
    """Compile boilerplate rules from config entries, or the bundled defaults.

    Raises ConfigError naming the entry when one is not a valid rule.
    """
    if entries is None:
        with resources.files(__package__).joinpath("boilerplate.yaml").open(encoding="utf-8") as fh:
            entries = yaml.safe_load(fh)["boilerplate"]
    rules = []
    for number, entry in enumerate(entries, 1):
        if isinstance(entry, str):
            entry = {"pattern": entry}
        if not isinstance(entry, dict) or not isinstance(entry.get("pattern"), str):
            raise ConfigError(f"boilerplate rule {number}: expected a pattern string")
        try:
            rules.append(BoilerplateRule(re.compile(entry["pattern"]), int(entry.get("then", 0))))
        except re.error as exc:
            raise ConfigError(f"boilerplate rule {number}: invalid pattern: {exc}") from None
        except (TypeError, ValueError):
            raise ConfigError(f"boilerplate rule {number}: `then` must be a whole number") from None
    return rules


def strip_boilerplate(body: str, rules: list[BoilerplateRule]) -> tuple[str, list[str]]:
    """Split `body` into the text to keep (tidied) and the boilerplate lines removed."""
    kept: list[str] = []
    removed: list[str] = []
    then = 0
    for line in body.split("\n"):
        stripped = line.strip()
        if not stripped:
            kept.append(line)
            continue
        if then and len(stripped) <= TITLE_LENGTH:
            removed.append(stripped)
            then -= 1
            continue
        rule = next((r for r in rules if r.pattern.search(stripped)), None)
        if rule is None:
            kept.append(line)
            then = 0
        else:
            removed.append(stripped)
            then = rule.then
    return tidy("\n".join(kept)), removed


def clean_article(article: Article, rules: list[BoilerplateRule]) -> Article:
    """Return a copy of `article` safe to show, with its boilerplate set aside."""
    body, removed = strip_boilerplate(sanitize(article.body), rules)
    return replace(
        article,
        title=sanitize_line(article.title),
        outlet=sanitize_line(article.outlet),
        author=sanitize_line(article.author),
        url=sanitize_line(article.url),
        summary=sanitize_line(article.summary),
        body=body,
        removed=[sanitize_line(line) for line in article.removed] + removed,
    )

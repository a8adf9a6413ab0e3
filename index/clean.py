"""Cleaning at ingest: safe characters, normal form, and crawl boilerplate out.

Everything that reaches a terminal passes through `sanitize` first, so no escape
sequence from an article can move the cursor, set the clipboard or retitle a window.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from importlib import resources

import yaml

from .model import Article

# C0 controls but tab and newline, DEL, all C1 controls, and the bidirectional
# embedding/override/isolate controls that can make text display as something else.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x85]")
_INLINE_SPACE = re.compile(r"[ \t\u00a0]+")


def sanitize(text: str) -> str:
    """Return `text` in NFC with line breaks unified and control characters removed."""
    text = _NEWLINES.sub("\n", text)
    return unicodedata.normalize("NFC", _UNSAFE.sub("", text))


def sanitize_line(text: str) -> str:
    """Sanitize a one-line field (title, name, outlet): white space folded to spaces."""
    return " ".join(sanitize(text).split())


@dataclass(frozen=True)
class BoilerplateRule:
    """A line pattern; a matching line and the `then` lines after it are removed."""

    pattern: re.Pattern[str]
    then: int = 0


def load_rules(entries: list[dict | str] | None = None) -> list[BoilerplateRule]:
    """Compile boilerplate rules from config entries, or the bundled defaults."""
    if entries is None:
        with resources.files(__package__).joinpath("boilerplate.yaml").open(encoding="utf-8") as fh:
            entries = yaml.safe_load(fh)["boilerplate"]
    rules = []
    for entry in entries:
        if isinstance(entry, str):
            entry = {"pattern": entry}
        rules.append(BoilerplateRule(re.compile(entry["pattern"]), int(entry.get("then", 0))))
    return rules


def strip_boilerplate(body: str, rules: list[BoilerplateRule]) -> tuple[str, list[str]]:
    """Split `body` into the text to keep and the boilerplate lines removed from it."""
    kept: list[str] = []
    removed: list[str] = []
    skip = 0
    for line in body.split("\n"):
        stripped = line.strip()
        if skip and stripped:
            removed.append(stripped)
            skip -= 1
            continue
        rule = next((r for r in rules if stripped and r.pattern.search(stripped)), None)
        if rule is None:
            kept.append(line)
        else:
            removed.append(stripped)
            skip = rule.then
    return tidy("\n".join(kept)), removed


def tidy(body: str) -> str:
    """Fold runs of spaces inside lines and of blank lines between paragraphs."""
    lines = [_INLINE_SPACE.sub(" ", line).strip() for line in body.split("\n")]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


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

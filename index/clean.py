"""Cleaning at ingest: safe characters, normal form, paragraphs, and crawl boilerplate out.

Everything that reaches a terminal passes through `sanitize` first, so no escape
sequence from an article can move the cursor, set the clipboard or retitle a window.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from importlib import resources
from re import _constants as _re_constants, _parser as _re_parser

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
_SENTENCE_END = re.compile(r"\.[”’\"')\]]*$")
"""How a sentence ends, and a title or caption does not (a title may ask a question)."""


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
    non-blank lines right after it that are titles: no longer than TITLE_LENGTH, and
    not ended with a full stop (a live blog's "14:02" is followed by its text)."""

    pattern: re.Pattern[str]
    then: int = 0
    needs: str = field(init=False, default="")
    """Text every match of `pattern` holds (lower-cased when the pattern ignores case),
    "" when none is known: a text without it has no line the pattern matches."""
    ignores_case: bool = field(init=False, default=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "ignores_case", bool(self.pattern.flags & re.IGNORECASE))
        object.__setattr__(self, "needs", _needed_text(self.pattern, self.ignores_case))


_CASE_TRAPS = re.compile("[\u0130\u0131\u017f\u212a]")
"""The characters besides ASCII ones that an ASCII character matches when case is
ignored (İ, ı, ſ and the Kelvin sign; tests/unit/test_clean.py checks every character):
`str.lower` does not turn them into that character."""


def _rules_for(body: str, rules: list[BoilerplateRule]) -> list[BoilerplateRule]:
    """The rules that may match a line of `body`: those whose `needs` it holds.

    A rule ignoring case needs ASCII text, which a text without _CASE_TRAPS holds (in
    any mix of cases) only where its lower-cased form holds it lower-cased.
    """
    if _CASE_TRAPS.search(body):
        return [rule for rule in rules if rule.ignores_case or rule.needs in body]
    lowered = body.lower()
    return [rule for rule in rules if rule.needs in (lowered if rule.ignores_case else body)]


def _needed_text(pattern: re.Pattern[str], ignore_case: bool) -> str:
    """The longest run of literal characters among the top-level items of `pattern`,
    which every match holds in a row (only ASCII ones when it ignores case); "" if none.

    Read from the pattern's parse by the `re` module's own parser.
    """
    runs, run = [], []
    for op, value in _re_parser.parse(pattern.pattern, pattern.flags).data:
        if op is _re_constants.LITERAL and not (ignore_case and value > 0x7F):
            run.append(chr(value))
        else:
            runs.append("".join(run))
            run = []
    runs.append("".join(run))
    needs = max(runs, key=len)
    return needs.lower() if ignore_case else needs


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
    rules = _rules_for(body, rules)
    kept: list[str] = []
    removed: list[str] = []
    then = 0
    for line in body.split("\n"):
        stripped = line.strip()
        if not stripped:
            kept.append(line)
            continue
        if then and len(stripped) <= TITLE_LENGTH and not _SENTENCE_END.search(stripped):
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

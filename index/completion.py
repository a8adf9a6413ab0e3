"""The query search as you type sends for what has been typed so far.

Kept free of Whoosh so the app can use it before the engine is imported.
"""

from __future__ import annotations

import re

MIN_LETTERS = 3
"""A last word is searched once it has this many letters: one or two letters begin too
many words to narrow anything, and finding them all is slow on a large index."""
_LAST_WORD = re.compile(r"(?:^|(?<=[\s(]))(?:(title|outlet|author|person|speaker):)?([^\W_]*)$")
"""The last word, alone or as the value of a field of words or names (not of dates,
topics or stances)."""
OPERATORS = frozenset({"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE", "TO"})


def as_you_type(text: str) -> str:
    """`text` with its last word also standing for the words it begins: "gove" finds
    "government", `person:sarw` finds Anas Sarwar, before the word is finished; a
    last word of fewer than MIN_LETTERS letters waits for more ("gaza ce" and
    "gaza person:ke" search "gaza").

    Left as it is: a last word followed by a space, inside a phrase or a range, the
    value of a date, topic or stance, joined to another (`x-ra`), an operator, or
    already a wildcard or fuzzy word.
    """
    if text.count('"') % 2 or text.count("[") > text.count("]") or text.count("{") > text.count("}"):
        return text
    match = _LAST_WORD.search(text)
    if match is None or match.group(2) in OPERATORS or not (match.group(1) or match.group(2)):
        return text
    field, word = match.groups()
    if len(word) < MIN_LETTERS:
        return text[:match.start()]
    return f"{text[:match.start()]}{field + ':' if field else ''}({word} OR {word}*)"

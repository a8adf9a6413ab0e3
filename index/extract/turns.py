"""Transcript turns: a paragraph that opens with its speaker's name and a colon.

Parliamentary reports ("Stephen Flynn (Aberdeen South) (SNP): Does the Prime Minister
…"), interview transcripts ("Keir Starmer: We will …") and question-and-answer pieces
("A: Yes. We have called for …") give speech without quote marks: the paragraph after
the label is what its speaker said. The label must look like a person's (a given name,
an honorific or "the" and a role, or a name with asides in brackets), so headings such
as "Analysis: …" or "Middle East: …" are not read as speech, nor is a heading
("Kemi Badenoch: Who is the new Tory leader?"): a turn without asides in brackets
needs another turn in the article. A question ("Q: …") is the interviewer's and is
not a quote; an answer ("A: …") is the interviewee's.
"""

from __future__ import annotations

import re

from .firstnames import FIRST_NAMES
from .lexicon import HONORIFICS, NAME_PARTICLES, ROLE_HEADS
from .quotes import QuoteSpan

ANSWER = "A"
"""The label of an interviewee's answer."""

_PARTICLES = "|".join(sorted(NAME_PARTICLES))
_TURN = re.compile(
    rf"(?P<label>[A-Z][\w’'.-]*(?: (?:[A-Z][\w’'.-]*|(?:{_PARTICLES}))){{0,4}})"
    r"(?P<asides>(?: \([^()\n]{1,60}\)){0,3}):[ \t]+(?=[^\W\d_]|[“\"‘'])")


_LABEL_REACH = 300
"""How far into a paragraph a label's colon may be (five words and three asides)."""


def find_turns(text: str, paragraphs: list[tuple[int, int]]) -> list[QuoteSpan]:
    """Each paragraph's speech after a speaker's label, as a quote span whose `turn` is
    the label (the whole paragraph's speech: it ends at the paragraph's end)."""
    turns = []
    for index, (begin, finish) in enumerate(paragraphs):
        if text.find(":", begin, min(finish, begin + _LABEL_REACH)) < 0:
            continue  # most paragraphs: no colon where a label's would be
        found = _TURN.match(text, begin, finish)
        if found is None or not _speaker_label(found["label"], bool(found["asides"])):
            continue
        start, end = found.end(), finish
        while end > start and text[end - 1].isspace():
            end -= 1
        if text[end - 1] not in ".!?…”\"’'" and found["label"] != ANSWER:
            continue  # "Keir Starmer: the man who would be prime minister": a heading
        if end - start > 2 and text[start] in "“\"‘'" and text[end - 1] in "”\"’'":
            start, end = start + 1, end - 1  # "Keir Starmer: “We want …”": the marks are not said
        colon = found.end("asides")
        turns.append(QuoteSpan(start, end, colon, None, index, single=False,
                               terminal=text[end - 1] in ".!?…", turn=text[begin:colon]))
    if len(turns) == 1 and "(" not in turns[0].turn:
        return []  # a heading alone: "Kemi Badenoch: Who is the new Tory leader?"
    return turns


def _speaker_label(label: str, asides: bool) -> bool:
    """Whether a paragraph's label names a speaker (see the module's docstring)."""
    words = label.lower().replace("’", "'").split()
    if len(words) == 1:
        return words[0] == ANSWER.lower() or (asides and words[0] != "q")
    first = words[0].rstrip(".")
    return asides or first in FIRST_NAMES or first in HONORIFICS or (first == "the" and words[-1] in ROLE_HEADS)

"""Extraction: people, quotes with speakers, stances toward topics.

    analyze(article)                       -> Analysis (offsets index article.body)
    load_topics(config), load_offices(config)   the bundled tables, extended by the config
    analysis_json(article, analysis, path) -> the per-article dict `newsx analyze --json` prints

Rule-based and fast (no model): text.py splits the body, quotes.py finds quoted spans
and turns.py a transcript's speech, people.py the people and other mentions,
speakers.py who said each quote, stance.py who stands where. Each rule is written for
a convention of news writing; see the modules' docstrings.
"""

from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache
from operator import attrgetter
from typing import Any

from ..model import Analysis, Article, Person, Quote
from .offices import Office, OfficeIndex, load_offices
from .people import find_people
from .quotes import find_quotes
from .speakers import NOBODY, attribute
from .stance import find_stances
from .text import split
from .turns import find_turns
from .topics import Topic, load_topics

__all__ = ["analyze", "analysis_json", "load_offices", "load_topics", "Office", "Topic"]


@lru_cache(maxsize=1)
def _bundled_topics() -> tuple[Topic, ...]:
    return tuple(load_topics())


@lru_cache(maxsize=1)
def _bundled_offices() -> OfficeIndex:
    return OfficeIndex(load_offices())


def analyze(article: Article, topics: list[Topic] | None = None,
            offices: list[Office] | None = None) -> Analysis:
    """Find the people, quotes and stances in a cleaned article.

    `topics` and `offices` default to the bundled tables (pass `load_topics(config)`
    and `load_offices(config)` to use the user's). Never raises on any text.
    """
    topic_list = list(_bundled_topics()) if topics is None else topics
    office_index = _bundled_offices() if offices is None else OfficeIndex(offices)
    body = article.body
    doc = split(body)
    spans = find_quotes(body, doc.paragraphs)
    turns = find_turns(body, doc.paragraphs)
    if turns:
        spoken = {turn.paragraph for turn in turns}  # a quote inside a turn is its speaker's
        spans = sorted(turns + [s for s in spans if s.paragraph not in spoken], key=attrgetter("start"))
    in_quote = bytearray(len(doc))
    for span in spans:
        for t in range(bisect_left(doc.start, span.start), bisect_left(doc.start, span.end)):
            in_quote[t] = 1
    people = find_people(doc, in_quote, article.date, office_index, article.author)
    quotes = attribute(people, spans)
    title = article.title if article.title and not body.startswith(article.title) else ""
    stances, quote_stances = find_stances(people, quotes, topic_list, title)

    persons = []
    for entity in people.entities:
        if not entity.spans:
            continue
        name = entity.name
        persons.append(Person(
            name=name,
            aliases=[a for a in entity.aliases if a.lower() != name.lower()],
            role=entity.role,
            mentions=len(entity.spans),
            spans=sorted(entity.spans),
        ))
    persons.sort(key=lambda p: p.spans[0])
    found = []
    for k, q in enumerate(quotes):
        speaker = None if q.speaker in (None, NOBODY) else people.entities[q.speaker].name
        found.append(Quote(
            text=body[q.span.start:q.span.end], speaker=speaker, start=q.span.start, end=q.span.end,
            kind="fragment" if q.fragment else "speech", stances=quote_stances.get(k, []),
        ))
    return Analysis(people=persons, quotes=found, stances=stances)


def analysis_json(article: Article, analysis: Analysis, path_as_given: str) -> dict[str, Any]:
    """One article as `newsx analyze --json` prints it (the extraction scorer's schema)."""
    return {
        "path": path_as_given,
        "people": [
            {"name": p.name, "aliases": p.aliases, "role": p.role, "mentions": p.mentions}
            for p in analysis.people
        ],
        "quotes": [
            {"text": q.text, "speaker": q.speaker, "start": q.start, "end": q.end, "kind": q.kind}
            for q in analysis.quotes
        ],
        "stances": [
            {"person": s.person, "topic": s.topic, "stance": s.stance, "evidence": s.evidence}
            for s in analysis.stances
        ],
    }

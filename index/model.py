"""The plain data that flows between the engine's stages and out to the app."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

STANCES = ("support", "oppose", "neutral")


@dataclass
class Article:
    """One article as read from a file and, after cleaning, as shown to a person."""

    id: str
    path: str
    title: str = ""
    outlet: str = ""
    author: str = ""
    url: str = ""
    date: date | None = None
    body: str = ""
    source_format: str = ""
    summary: str = ""
    removed: list[str] = field(default_factory=list)
    """Lines taken out of the body as crawl boilerplate, kept for provenance."""


@dataclass(frozen=True)
class Problem:
    """Something that could not be read or indexed: one line for the user."""

    path: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


@dataclass
class ReadResult:
    """What a reader got out of one file: the articles, and what it had to skip."""

    articles: list[Article] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    fingerprint: str = ""
    """corpus.fingerprint of the bytes read ("" when none were)."""


@dataclass
class Person:
    """A person mentioned in an article, under their fullest name."""

    name: str
    aliases: list[str] = field(default_factory=list)
    role: str | None = None
    mentions: int = 0
    spans: list[tuple[int, int]] = field(default_factory=list)
    """Character offsets of each mention in the body."""


@dataclass
class Quote:
    """A quoted span of speech with its speaker (None for an unnamed source)."""

    text: str
    speaker: str | None
    start: int
    end: int
    kind: str = "speech"
    """"speech", or "fragment" for 1-5-word scare quotes and fragments."""
    stances: list[tuple[str, str]] = field(default_factory=list)
    """(topic, stance) pairs this quote expresses."""


@dataclass
class Stance:
    """One person's stance toward one topic in one article, with its evidence."""

    person: str
    topic: str
    stance: str
    evidence: str
    start: int = 0
    end: int = 0


@dataclass
class Analysis:
    """Who is in an article, what they said, and where they stand."""

    people: list[Person] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    stances: list[Stance] = field(default_factory=list)

    @property
    def speech(self) -> list[Quote]:
        """The quotes that are speech: fragments are not listed, exported or counted."""
        return [quote for quote in self.quotes if quote.kind == "speech"]


@dataclass
class IndexedArticle:
    """An article from the index with what extraction found in it."""

    article: Article
    analysis: Analysis


@dataclass
class Filters:
    """Facet filters that narrow a search; None means "any"."""

    person: str | None = None
    topic: str | None = None
    stance: str | None = None
    """support | oppose (with `topic`); with `person`, that person takes it."""

    def __bool__(self) -> bool:
        return bool(self.person or self.topic or self.stance)


@dataclass
class Hit:
    """One matching article, with where the query's terms are in it."""

    id: str
    path: str
    title: str
    outlet: str
    date: date | None
    score: float
    snippet: str
    """One line around the best hit, from the body."""
    snippet_highlights: list[tuple[int, int]] = field(default_factory=list)
    """Offsets of matched terms inside `snippet`."""
    highlights: list[tuple[int, int]] = field(default_factory=list)
    """Offsets of every matched term inside the article body, in order."""


@dataclass(frozen=True)
class UnknownName:
    """A name a query asked for (`person:sarwr`) that nothing in the index holds, and the
    nearest value that names something ("sarwar"), when there is one."""

    field: str
    value: str
    suggestion: str | None = None


@dataclass
class SearchResult:
    """A page of hits and the total that matched."""

    query: str
    total: int
    hits: list[Hit]
    offset: int = 0
    ranked: bool = True
    """False when the query had nothing to rank by (an empty one matches every article):
    the hits are then newest first, whatever the sort asked for."""
    unknown: list[UnknownName] = field(default_factory=list)
    """When nothing matched: the query's names that no article holds."""


@dataclass
class QuoteRecord:
    """A quote from the quote index with everything needed to cite it."""

    id: str
    article_id: str
    text: str
    speaker: str | None
    role: str | None
    start: int
    end: int
    kind: str
    stances: list[tuple[str, str]]
    title: str
    outlet: str
    date: date | None
    path: str
    url: str


@dataclass
class PersonSummary:
    """A person across the matching articles."""

    name: str
    role: str | None
    aliases: list[str]
    mentions: int
    quotes: int
    articles: int
    stances: dict[str, tuple[str, date | None, str]] = field(default_factory=dict)
    """topic -> (stance, date of the latest evidence, evidence sentence)."""


@dataclass
class IndexReport:
    """What one `newsx index` run did, file by file."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0
    skipped: list[Problem] = field(default_factory=list)
    rebuilt: bool = False
    """True when the index was rebuilt because its schema version changed."""
    interrupted: bool = False
    """True when the run was asked to stop; what was committed before stays."""

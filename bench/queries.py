"""The fixed query mix, as newsx issues it and as the same search in SQLite FTS5.

Words are named by their Zipf rank in bench/vocab.py, so the mix is the same for every
corpus size and seed: "rare" words occur in ~0.01-0.2% of articles, "mid" ones in ~2%,
"common" ones in most. Prefix queries are what search-as-you-type sends for the last
word typed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from vocab import CAST, RANKED

CLASSES = ("rare", "mid", "common", "and", "phrase", "field", "date", "person", "stance", "prefix")


@dataclass(frozen=True)
class Query:
    """One search: newsx's query text and facet filters, and the FTS5 equivalent."""

    cls: str
    text: str
    """newsx query language, with its date:, person: and stance: terms."""
    fts: str
    """FTS5 MATCH expression over columns title, outlet, body, people, stances."""
    dates: tuple[date, date] | None = None
    """FTS5 only: the inclusive date range the newsx text's date: term names."""
    person: str | None = None
    topic: str | None = None
    stance: str | None = None
    """newsx only: facet filters (Filters), as the app's people and stance panes set them."""

    @property
    def shown(self) -> str:
        """How the query reads in a table: text plus its facet filters."""
        parts = [self.text]
        if self.person:
            parts.append(f"[person={self.person}]")
        if self.topic:
            parts.append(f"[{self.topic}={self.stance}]")
        return " ".join(part for part in parts if part)


def _words(cls: str, ranks: tuple[int, ...]) -> list[Query]:
    return [Query(cls, RANKED[r], RANKED[r]) for r in ranks]


def _same(cls: str, *texts: str) -> list[Query]:
    """Queries whose text means the same to newsx and FTS5."""
    return [Query(cls, text, text) for text in texts]


def _dated(text: str, first: date, last: date) -> Query:
    return Query("date", f"{text} date:[{first} to {last}]".strip(), text, dates=(first, last))


def _mix() -> list[Query]:
    lead, second, third, fourth = (person.name for person in CAST[:4])
    rare, mid = RANKED[30_000], RANKED[2_500]
    h1, y21 = (date(2024, 1, 1), date(2024, 6, 30)), (date(2021, 1, 1), date(2021, 12, 31))
    return [
        *_words("rare", (20_000, 40_000, 80_000, 120_000, 160_000, 199_000)),
        *_words("mid", (1_000, 1_500, 2_500, 4_000, 6_000)),
        *_same("common", "government", "minister", "police", "people", "said"),
        *_same("and", "government police", "minister budget", f"police {mid}",
               f"{RANKED[1_500]} {RANKED[4_000]}", "said people year"),
        *_same("phrase", '"prime minister"', '"the government said"', '"cost of living"',
               '"arms sales"', '"bank of england"', f'"{RANKED[1_000]} {mid}"'),
        Query("field", "title:ceasefire", "title : ceasefire"),
        Query("field", 'title:"arms sales"', 'title : "arms sales"'),
        Query("field", 'outlet:"Harbour Times"', 'outlet : "harbour times"'),
        Query("field", 'outlet:"Radio Meridian" police', 'outlet : "radio meridian" AND police'),
        Query("field", f"title:{mid}", f"title : {mid}"),
        _dated("government", *h1),
        _dated("ceasefire", *h1),
        _dated(mid, *y21),
        _dated(rare, *y21),
        Query("person", f'person:"{lead}"', f'people : "{lead}"'),
        Query("person", f'police person:"{second}"', f'people : "{second}" AND police'),
        Query("person", "", f'people : "{CAST[200].name}"', person=CAST[200].name),
        Query("person", "ceasefire", f'people : "{third}" AND ceasefire', person=third),
        Query("stance", "stance:ceasefire:support", 'stances : "ceasefire support"'),
        Query("stance", "gaza stance:ceasefire:oppose", 'stances : "ceasefire oppose" AND gaza'),
        Query("stance", "", 'stances : "arms ban oppose"', topic="arms-ban", stance="oppose"),
        Query("stance", "", 'stances : "ukraine troops support"', topic="ukraine-troops", stance="support"),
        Query("stance", "", f'people : "{fourth}" AND stances : "ceasefire support"',
              person=fourth, topic="ceasefire", stance="support"),
        *_same("prefix", "gov*", "ce*", "s*", "mini*", "gaza cea*", "police s*"),
    ]


MIX: list[Query] = _mix()

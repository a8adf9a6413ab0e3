"""Office holders by date, to resolve a title like "the Prime Minister" to a name."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ..config import Config
from .tables import Entry, a_date, bundled, configured, text_list


@dataclass(frozen=True)
class Holder:
    name: str
    start: date
    end: date | None = None

    def held_on(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day < self.end)


@dataclass(frozen=True)
class Office:
    """An office, the titles articles use for it, and who held it when."""

    office: str
    titles: tuple[str, ...]
    holders: tuple[Holder, ...]


def title_key(text: str) -> str:
    """A title as the table writes it: lower case, no "the", single spaces."""
    words = re.sub(r"[’']s\b", "", text.lower()).split()
    if words[:1] == ["the"]:
        words = words[1:]
    return " ".join(words)


def load_offices(config: Config | None = None) -> list[Office]:
    """The bundled offices table, with the config's `offices` added (same name replaces)."""
    offices = {o.office: o for o in map(_office, bundled("offices.yaml", "offices"))}
    for entry in configured(config, "offices"):
        office = _office(entry)
        offices[office.office] = office
    return list(offices.values())


def _office(entry: Entry) -> Office:
    if not isinstance(entry.data, dict):
        raise entry.fail("each office must be a mapping with office, titles and holders")
    name = entry.data.get("office")
    if not isinstance(name, str) or not name.strip():
        raise entry.fail("`office` (the office's name) is required")
    holders = entry.data.get("holders")
    if not isinstance(holders, list) or not holders:
        raise entry.fail(f"office {name!r}: `holders` must be a list")
    parsed = []
    for holder in holders:
        if not isinstance(holder, dict) or not isinstance(holder.get("name"), str):
            raise entry.fail(f"office {name!r}: each holder needs a `name` and a `from` date")
        start = a_date(entry, holder.get("from"), "from")
        if start is None:
            raise entry.fail(f"office {name!r}: holder {holder['name']!r} needs a `from` date")
        parsed.append(Holder(holder["name"].strip(), start, a_date(entry, holder.get("to"), "to")))
    titles = tuple(title_key(t) for t in text_list(entry, "titles", required=True))
    return Office(name.strip(), titles, tuple(parsed))


class OfficeIndex:
    """Titles -> offices, to ask who held one on a day."""

    def __init__(self, offices: list[Office]):
        self._by_title: dict[str, list[Office]] = {}
        for office in offices:
            for title in office.titles:
                self._by_title.setdefault(title, []).append(office)

    def holders(self, title: str, day: date | None) -> list[str]:
        """Who held the office called `title` on `day`; every holder when `day` is None."""
        names: list[str] = []
        for office in self._by_title.get(title_key(title), []):
            for holder in office.holders:
                if (day is None or holder.held_on(day)) and holder.name not in names:
                    names.append(holder.name)
        return names

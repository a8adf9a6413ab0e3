"""The query language: Whoosh's syntax, made safe and bounded for people typing into it.

    ceasefire Sarwar            both words (AND is the default); OR, NOT, ( ) as usual
    "arms sales"                a phrase
    title:gaza  outlet:sky  author:...  person:starmer  speaker:"sadiq khan"
    topic:ceasefire  stance:support  stance:ceasefire:support
    gaz*  *fire  starmr~  starmr~2   wildcards (each expands to the most frequent
                                     matching words) and fuzzy words (edit distance)
    date:2024  date:2024-04  date:2024-04-30  date:yesterday  date:today
    date:"last week"  date:"this month"  date:"April 2024"
    date:>2024-01-01  date:<=2024-03  date:[2023-10-01 to 2023-11-30]  date:[2023-10 to]

A name-like field (person, speaker, outlet, author, topic, stance) matches a value when
the query's words run together in it: `person:starmer` finds "Keir Starmer".
Anything the parser cannot make sense of raises QueryError with one line to show.
"""

from __future__ import annotations

import calendar
import difflib
import fnmatch
import heapq
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import NamedTuple

from whoosh import fields, qparser, query
from whoosh.query import Query

from .errors import QueryError
from .model import Filters, UnknownName
from .schema import keyword_value

MAX_QUERY_CHARS = 1000
EXPANSION_LIMIT = 20
"""A wildcard or fuzzy word stands for at most this many words: the most frequent."""
MIN_EXPANSION_BUDGET = 1000
"""An expansion may add up to the index's article count in documents, or this many."""
MAX_EDIT_DISTANCE = 2
MIN_STEM, STEM_SUFFIX = 4, 3
"""A typed prefix also finds indexed stems of at least MIN_STEM letters that it extends
by up to STEM_SUFFIX letters."""
REMEMBERED_EXPANSIONS = 256
"""Wildcard and fuzzy expansions kept per index state (the oldest go first)."""
NEAR = 0.75
"""How alike (difflib's ratio) a word must be to a mistyped name's word to be suggested."""

NAME_FIELDS = frozenset({"person", "speaker", "outlet", "author", "topic", "stance"})


@dataclass(frozen=True)
class Syntax:
    """The fields one index's queries search by default and may name."""

    default_fields: tuple[str, ...]
    fields: tuple[str, ...]


ARTICLE_SYNTAX = Syntax(
    ("title", "body"),
    ("title", "body", "outlet", "author", "person", "speaker", "topic", "stance", "date"),
)
QUOTE_SYNTAX = Syntax(("text",), ("text", "speaker", "topic", "stance", "kind", "date"))


# ---------------------------------------------------------------- dates

_DATE_TERM = re.compile(
    r"""(?<![\w.])date:
    ( \[[^\]]*\] | \{[^}]*\} | "[^"]*" | [<>]=?[^\s()]+ | [^\s()\[{"]+ )""",
    re.VERBOSE | re.IGNORECASE,
)
_RANGE = re.compile(r"^[\[{]\s*(.*?)\s*\bto\b\s*(.*?)\s*[\]}]$", re.IGNORECASE)
_ISO = re.compile(r"^(\d{4})(?:[-/.]?(\d{1,2})(?:[-/.]?(\d{1,2}))?)?$")
_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_NAMED_MONTH = re.compile(r"^(?:(\d{1,2})\s+)?([a-z]+)\.?,?\s+(\d{4})$|^([a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$")
_LAST_N = re.compile(r"^(?:last|past)\s+(\d{1,4})\s+(day|week|month|year)s?$")
_DAY = timedelta(days=1)
_TICK = timedelta(microseconds=1)

DATE_HELP = "try 2024, 2024-04, 2024-04-30, yesterday, >2024-01-01 or [2023-10 to 2023-11]"


def period(text: str, today: date | None = None) -> tuple[datetime, datetime]:
    """The first and last instant of the day, month or year `text` names.

    Raises ValueError when `text` is not a date newsx understands.
    """
    today = today or date.today()
    text = " ".join(text.strip().lower().split())
    if not text:
        raise ValueError("empty date")
    if iso := _ISO.match(text):
        year, month, day = (int(part) if part else None for part in iso.groups())
        return _span(year, month, day)
    if named := _NAMED_MONTH.match(text):
        day, month_name, year = named.group(1, 2, 3) if named.group(2) else (named.group(5), named.group(4), named.group(6))
        if month_name not in _MONTHS:
            raise ValueError(text)
        return _span(int(year), _MONTHS[month_name], int(day) if day else None)
    if text == "today":
        return _span(today.year, today.month, today.day)
    if text == "yesterday":
        day = today - _DAY
        return _span(day.year, day.month, day.day)
    if last_n := _LAST_N.match(text):
        count, unit = int(last_n.group(1)), last_n.group(2)
        days = {"day": 1, "week": 7, "month": 30, "year": 365}[unit] * count
        return _start(today - timedelta(days=days - 1)), _end(today)
    words = text.split()
    if len(words) == 2 and words[0] in ("this", "last") and words[1] in ("week", "month", "year"):
        return _relative(words[0] == "last", words[1], today)
    raise ValueError(text)


def _relative(last: bool, unit: str, today: date) -> tuple[datetime, datetime]:
    if unit == "week":
        monday = today - timedelta(days=today.weekday())
        if last:
            monday -= timedelta(days=7)
        return _start(monday), _end(monday + timedelta(days=6))
    if unit == "month":
        year, month = today.year, today.month
        if last:
            year, month = (year - 1, 12) if month == 1 else (year, month - 1)
        return _span(year, month, None)
    return _span(today.year - 1 if last else today.year, None, None)


def _span(year: int | None, month: int | None, day: int | None) -> tuple[datetime, datetime]:
    if year is None or year < 1:
        raise ValueError("no year")
    if month is None:
        return datetime(year, 1, 1), _end(date(year, 12, 31))
    if day is None:
        return datetime(year, month, 1), _end(date(year, month, calendar.monthrange(year, month)[1]))
    return _start(date(year, month, day)), _end(date(year, month, day))


def _start(day: date) -> datetime:
    return datetime(day.year, day.month, day.day)


def _end(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 23, 59, 59)


def date_bounds(value: str, today: date | None = None) -> tuple[datetime | None, datetime | None]:
    """The (start, end) a `date:` value selects; either is None for an open end."""
    try:
        if ranged := _RANGE.match(value):
            low, high = (part.strip().strip("'\"") for part in ranged.groups())
            start = period(low, today)[0] if low else None
            end = period(high, today)[1] if high else None
            if start is None and end is None:
                raise ValueError(value)
            if start and end and start > end:
                raise QueryError(f"date:{value}: the range ends before it starts")
            return start, end
        for op in (">=", "<=", ">", "<"):
            if value.startswith(op):
                first, last = period(value[len(op):], today)
                return {
                    ">=": (first, None),
                    "<=": (None, last),
                    ">": (last + _TICK, None),
                    "<": (None, first - _TICK),
                }[op]
        return period(value.strip('"'), today)
    except (ValueError, OverflowError):
        raise QueryError(f"date:{value}: not a date ({DATE_HELP})") from None


def _date_range_syntax(match: re.Match[str], today: date | None) -> str:
    start, end = date_bounds(match.group(1), today)
    # Whoosh's range syntax cannot leave an end open for a DATETIME field: use the extremes.
    low = (start or datetime(1000, 1, 1)).strftime("%Y%m%d%H%M%S")
    high = (end or datetime(9999, 12, 31, 23, 59, 59)).strftime("%Y%m%d%H%M%S")
    return f"date:[{low} TO {high}]"


def normalise_dates(text: str, today: date | None = None) -> str:
    """Rewrite every `date:` term as an exact range Whoosh reads the way a person meant.

    Whoosh's own DateParserPlugin reads 2024-04-30 as all of 2024 and date:>2024-04-30 as
    nothing (design.md §5); the plain DATETIME field reads a 14-digit range exactly.
    """
    return _DATE_TERM.sub(lambda m: _date_range_syntax(m, today), text)


# ---------------------------------------------------------------- name-like fields

_WORD = re.compile(r"\w+")
_STANCE_VALUE = re.compile(r"(?<![\w.])(stance:)([^\s\"()]+:[^\s\"()]+)", re.IGNORECASE)


def words(text: str) -> tuple[str, ...]:
    """The lowercase words of a name or value, for matching a query against it."""
    return tuple(_WORD.findall(text.lower()))


def _contains_run(haystack: tuple[str, ...], needle: tuple[str, ...]) -> bool:
    n = len(needle)
    return n > 0 and any(haystack[i:i + n] == needle for i in range(len(haystack) - n + 1))


class FacetTerms:
    """The values of the name-like fields in one reader, with their words, read once
    (and the wildcard expansions made in it)."""

    def __init__(self, reader) -> None:
        self.reader = reader
        self._values: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
        self._words: dict[str, dict[str, list[int]]] = {}
        self.expansions: dict[tuple, list[str]] = {}
        """What `bounded` expanded a wildcard or fuzzy word to in this reader."""

    def values(self, field: str) -> list[tuple[str, tuple[str, ...]]]:
        if field not in self._values:
            fieldobj = self.reader.schema[field]
            self._values[field] = [
                (value, words(value))
                for value in (fieldobj.from_bytes(b) for b in self.reader.lexicon(field))
            ]
        return self._values[field]

    def matching(self, field: str, accept: Callable[[str, tuple[str, ...]], bool]) -> list[str]:
        """The values of `field` that `accept(value, words)` takes."""
        if field not in self.reader.schema:
            return []
        return [value for value, value_words in self.values(field) if accept(value, value_words)]

    def containing(self, field: str, text: str) -> list[str]:
        """Values whose words contain the words of `text` in a run (or equal it)."""
        wanted, whole = words(text), text.lower()
        if not wanted or field not in self.reader.schema:
            return self.matching(field, lambda value, _: value == whole)
        values = self.values(field)
        held = (values[n] for n in self._holding(field).get(wanted[0], ()))
        return [value for value, value_words in held if value == whole or _contains_run(value_words, wanted)]

    def nearest(self, field: str, text: str) -> str | None:
        """`text` with each word that no value of `field` holds replaced by the closest
        one that some value does, when the words then name a value; else None."""
        if field not in self.reader.schema:
            return None
        holding, typed = self._holding(field), text.lower()
        fixed = {}
        for word in words(typed):
            if word not in holding:
                # difflib's ratio 2M/(a+b) reaches NEAR only if the shorter word is at
                # least NEAR/(2-NEAR) of the longer: the others need not be compared.
                alike = [w for w in holding if min(len(w), len(word)) >= NEAR / (2 - NEAR) * max(len(w), len(word))]
                close = difflib.get_close_matches(word, alike, n=1, cutoff=NEAR)
                if not close:
                    return None
                fixed[word] = close[0]
        nearest = _WORD.sub(lambda m: fixed.get(m.group(), m.group()), typed)
        return nearest if nearest != typed and self.containing(field, nearest) else None

    def _holding(self, field: str) -> dict[str, list[int]]:
        """Each word of `field`'s values: where in values() the values holding it are."""
        if field not in self._words:
            holding: dict[str, list[int]] = {}
            for n, (_, value_words) in enumerate(self.values(field)):
                for word in dict.fromkeys(value_words):
                    holding.setdefault(word, []).append(n)
            self._words[field] = holding
        return self._words[field]

    def like(self, field: str, pattern: str) -> list[str]:
        """Values with a word (or the whole value) matching a shell-style pattern."""
        pattern = pattern.lower()
        return self.matching(
            field,
            lambda value, ws: fnmatch.fnmatchcase(value, pattern) or any(fnmatch.fnmatchcase(w, pattern) for w in ws),
        )


def _any_of(field: str, values: Iterable[str], boost: float = 1.0) -> Query:
    terms = [query.Term(field, value) for value in values]
    if not terms:
        return query.NullQuery
    return terms[0] if len(terms) == 1 and boost == 1.0 else query.Or(terms, boost=boost)


# ---------------------------------------------------------------- parsing


class QueryCompiler:
    """Turns what a person typed into a bounded Whoosh query over one index."""

    def __init__(self, schema, syntax: Syntax) -> None:
        self.syntax = syntax
        # The parser knows only the fields a query may name; any other `name:` is reported.
        visible = fields.Schema(**{name: schema[name] for name in syntax.fields})
        self.parser = qparser.MultifieldParser(list(syntax.default_fields), visible)
        self.parser.add_plugin(qparser.FuzzyTermPlugin())
        # Keep unknown `field:` prefixes as fields so they can be reported, not searched as text.
        self.parser.remove_plugin_class(qparser.FieldsPlugin)
        self.parser.add_plugin(qparser.FieldsPlugin(remove_unknown=False))

    def compile(self, text: str, facets: FacetTerms, today: date | None = None) -> Query:
        """The query for `text`; everything (query.Every) when it is empty or `*`."""
        text = text.strip()
        if len(text) > MAX_QUERY_CHARS:
            raise QueryError(f"query too long ({len(text)} characters; at most {MAX_QUERY_CHARS})")
        if not text or text == "*":
            return query.Every()
        # normalize() flattens nested ORs and drops repeated words: "(gove OR gove*)"
        # would otherwise read and score "govern" twice.
        return _settled(self._rewrite(self._parse(text, today), facets)).normalize()

    def unknown_names(self, text: str, facets: FacetTerms) -> list[UnknownName]:
        """The names `text` asks for (`person:sarwr`, outside any NOT) that no value of
        their field holds, each with the nearest value that one does. A name searched
        as typed so far (`person:(sarwr OR sarwr*)`, see completion.py) is named once."""
        text = text.strip()
        if not text or text == "*" or len(text) > MAX_QUERY_CHARS:
            return []
        try:
            parsed = self._parse(text, None)
        except QueryError:
            return []
        unknown = []
        for leaf in _asked_for(parsed):
            field = leaf.field() if hasattr(leaf, "field") else None
            if field not in NAME_FIELDS or field not in self.syntax.fields or isinstance(leaf, query.FuzzyTerm):
                continue
            asked = _name_values(leaf, field, facets)
            if asked is not None and not asked.values:
                nearest = None if asked.pattern else facets.nearest(field, asked.text)
                unknown.append(UnknownName(field, asked.text, nearest))
        named = {(name.field, name.value + "*") for name in unknown}
        return [name for name in unknown if (name.field, name.value) not in named]

    def _parse(self, text: str, today: date | None) -> Query:
        text = _STANCE_VALUE.sub(lambda m: f'{m.group(1)}"{m.group(2)}"', normalise_dates(text, today))
        try:
            return self.parser.parse(text)
        except QueryError:
            raise
        except Exception as exc:  # Whoosh raises bare Exceptions for what it cannot read
            raise QueryError(f"cannot read the query: {_first_line(exc)}") from None

    def _rewrite(self, q: Query, facets: FacetTerms) -> Query:
        error = getattr(q, "error", None)
        if error:
            raise QueryError(f"cannot read the query: {_first_line(error)}")
        if not q.is_leaf():
            return q.apply(lambda child: self._rewrite(child, facets))
        field = q.field() if hasattr(q, "field") else None
        if field is None:
            return q
        if field not in self.syntax.fields:
            known = ", ".join(f"{name}:" for name in self.syntax.fields)
            raise QueryError(f"unknown field {field}: (use {known})")
        if isinstance(q, query.Every):
            return query.Every()
        if field in NAME_FIELDS:
            return self._name_query(q, field, facets)
        if isinstance(q, query.FuzzyTerm):
            q = _fuzzy(q, facets.reader.schema[field])
        if isinstance(q, query.MultiTerm):
            return bounded(q, facets)
        return q

    def _name_query(self, q: Query, field: str, facets: FacetTerms) -> Query:
        asked = _name_values(q, field, facets)
        if asked is not None:
            return _any_of(field, asked.values, q.boost)
        if isinstance(q, query.MultiTerm):
            return bounded(q, facets)
        return q


class _NameAsked(NamedTuple):
    """What a name field's part of a query asks for, as typed, and the values holding it."""

    text: str
    values: list[str]
    pattern: bool
    """`text` is a wildcard pattern (`sarw*`), not words."""


def _name_values(q: Query, field: str, facets: FacetTerms) -> _NameAsked | None:
    """The values a word, phrase or wildcard of a name field stands for (`person:starmer`
    finds "keir starmer"); None for any other part of a query."""
    if isinstance(q, (query.Prefix, query.Wildcard)):
        pattern = q.text + "*" if isinstance(q, query.Prefix) else q.text
        return _NameAsked(pattern, facets.like(field, pattern), True)
    if isinstance(q, (query.Term, query.FuzzyTerm, query.Phrase)):
        text = " ".join(q.words) if isinstance(q, query.Phrase) else str(q.text)
        return _NameAsked(text, facets.containing(field, text), False)
    return None


def _asked_for(q: Query) -> Iterable[Query]:
    """The leaves of `q` that a match must or may hold: not those under a NOT."""
    if isinstance(q, query.Not):
        return
    if q.is_leaf():
        yield q
        return
    children = [q.a] if isinstance(q, query.AndNot) else q.children()
    for child in children:
        yield from _asked_for(child)


def _settled(q: Query) -> Query:
    """`q` with its parts that match nothing (NullQuery) or everything (Every) taken as
    AND, OR and NOT mean them. Whoosh's normalize() drops nothing from an AND as from an
    OR, and makes an AND holding everything everything: `arms person:nobody` (a name the
    index does not hold, like a wildcard no word begins, is a NullQuery) and `arms *`
    would each find every article with "arms", or every article. NOT nothing is
    everything, where normalize() makes it nothing."""
    if q.is_leaf():
        return q
    q = q.apply(_settled)
    if isinstance(q, query.Not):
        return query.Every() if q.query is query.NullQuery else q
    children = list(q.children())
    if isinstance(q, (query.Or, query.DisjunctionMax)):
        if any(isinstance(child, query.Every) for child in children):
            return query.Every()
        return query.NullQuery if all(child is query.NullQuery for child in children) else q
    if isinstance(q, (query.AndNot, query.AndMaybe)):
        return query.NullQuery if q.a is query.NullQuery else q
    if not isinstance(q, (query.And, query.Require)):
        return q
    if any(child is query.NullQuery for child in children):
        return query.NullQuery
    if isinstance(q, query.Require):
        return q
    kept = [child for child in children if not isinstance(child, query.Every)]
    if len(kept) == len(children):
        return q
    if not kept:
        return query.Every()
    return kept[0] if len(kept) == 1 else query.And(kept, boost=q.boost)


def _fuzzy(q: query.FuzzyTerm, fieldobj) -> Query:
    """A fuzzy word compared with the index's words as the index holds them (stemmed),
    at most MAX_EDIT_DISTANCE edits away and keeping its first letter: a fuzzy word
    free to change its first letter is compared with every word in the index."""
    stems = list(fieldobj.process_text(q.text, mode="query"))
    if not stems:
        return query.NullQuery
    return query.FuzzyTerm(q.fieldname, stems[0], boost=q.boost, maxdist=min(q.maxdist, MAX_EDIT_DISTANCE),
                           prefixlength=max(q.prefixlength, 1))


def bounded(q: query.MultiTerm, facets: FacetTerms) -> Query:
    """A wildcard, fuzzy or range word as an OR of its most frequent matching words.

    Whoosh expands a prefix to every matching word: `g*` over a large index takes
    seconds (design.md §5). Here it stands for at most EXPANSION_LIMIT of them, most
    frequent first, while their documents add up to no more than the index holds (or
    MIN_EXPANSION_BUDGET): `s*` is then "said", not the twenty commonest s-words, since
    the cost of a search follows the postings it reads. They are counted segment by
    segment (merging the segments' word lists costs far more) and remembered with the
    reader: a page more, the people pane and the stance counts compile the same query
    again.
    """
    key = (q.field(), repr(q))  # a word, its distance and prefix, or a range's ends
    if key not in facets.expansions:
        if len(facets.expansions) >= REMEMBERED_EXPANSIONS:
            del facets.expansions[next(iter(facets.expansions))]
        facets.expansions[key] = _most_frequent(q, facets.reader)
    return _any_of(q.field(), facets.expansions[key], q.boost)


def _most_frequent(q: query.MultiTerm, reader) -> list[str]:
    field = q.field()
    fieldobj = reader.schema[field]
    leaves = reader.leaf_readers() if not reader.is_atomic() else [(reader, 0)]
    frequency: dict[str, int] = {}
    for leaf, _ in leaves:
        if isinstance(q, query.Prefix):
            found = ((term, info.doc_frequency()) for term, info in leaf.iter_prefix(field, q.text))
        else:
            found = ((term, leaf.doc_frequency(field, term)) for term in q._btexts(leaf))
        for term, count in found:
            # Most expansions yield the index's bytes; FuzzyTerm yields decoded words.
            word = fieldobj.from_bytes(term) if isinstance(term, bytes) else term
            frequency[word] = frequency.get(word, 0) + count
    if isinstance(q, query.Prefix) and isinstance(fieldobj, fields.TEXT):
        for stem in _stems_begun(q.text):
            count = 0 if stem in frequency else reader.doc_frequency(field, stem)
            if count:
                frequency[stem] = count
    chosen, postings, budget = [], 0, max(reader.doc_count_all(), MIN_EXPANSION_BUDGET)
    for word, count in heapq.nlargest(EXPANSION_LIMIT, frequency.items(), key=lambda pair: pair[1]):
        if not chosen or postings + count <= budget:
            chosen.append(word)
            postings += count
    return chosen


def _stems_begun(prefix: str) -> list[str]:
    """The shorter words a prefix may have run past in a stemmed field: "governm" is
    on its way to "government", indexed as "govern"."""
    return [prefix[:end] for end in range(max(MIN_STEM, len(prefix) - STEM_SUFFIX), len(prefix))]


def _first_line(error: object) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


# ---------------------------------------------------------------- filters


def filter_query(filters: Filters, facets: FacetTerms, *, quotes: bool = False) -> Query | None:
    """The query for a facet filter, or None when it filters nothing.

    Over articles: the person appears, the topic is discussed, and the stance is taken
    (by that person when one is given, on that topic when one is given). Over quotes:
    the person is the speaker and the quote takes the stance.
    """
    if not filters:
        return None
    person = keyword_value(filters.person).lower() if filters.person else None
    topic = filters.topic.lower() if filters.topic else None
    stance = filters.stance.lower() if filters.stance else None
    parts: list[Query] = []
    if person:
        parts.append(query.Term("speaker" if quotes else "person", person))
    if topic and not stance:
        parts.append(query.Term("topic", topic))
    if stance and person and not quotes:
        if topic:
            parts.append(query.Term("person_stance", f"{person}|{topic}:{stance}"))
        else:
            parts.append(_any_of("person_stance", facets.matching(
                "person_stance", lambda value, _: value.startswith(f"{person}|") and value.endswith(f":{stance}")
            )))
    elif stance and topic:
        parts.append(query.Term("stance", f"{topic}:{stance}"))
    elif stance:
        parts.append(_any_of("stance", facets.matching("stance", lambda value, _: value.endswith(f":{stance}"))))
    return parts[0] if len(parts) == 1 else query.And(parts)

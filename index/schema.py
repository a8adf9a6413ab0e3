"""The two Whoosh indexes in an index folder, "articles" and "quotes", and their fields.

Bump SCHEMA_VERSION whenever a field or what goes into it changes: an index of another
version is rebuilt from its recorded folders the next time it is opened.

Name-like facets (person, speaker, outlet, author, topic, stance) are KEYWORD fields of
whole lowercased values separated by commas: "keir starmer", "ceasefire:support". The
query side (search.py) matches a word of a query against the words of those values.
"""

from __future__ import annotations

import functools
import json
import re
import sys
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import fields as dataclass_fields
from datetime import date, datetime
from itertools import chain, compress, count
from operator import itemgetter, methodcaller, truth

from whoosh import columns, fields, formats
from whoosh.analysis import LowercaseFilter, RegexTokenizer, StemFilter, StopFilter
from whoosh.system import pack_uint, unpack_uint

from .model import Analysis, Article, IndexedArticle, Person, Quote, QuoteRecord, Stance

SCHEMA_VERSION = 22

ARTICLES = "articles"
QUOTES = "quotes"


class _Postings:
    """How a field of newsx's schemas adds a document's postings to those a writer holds
    (segments.Writer): each term's (document, weight, value)s in one flat list."""

    def add_postings(self, value, docnum: int, runs: dict[bytes, list]) -> tuple[int, int]:
        """Add the postings of `value` (Whoosh's `index`) as document `docnum`; return
        the field's length in it (the terms' frequencies summed) and its terms' count."""
        length = count = 0
        for term, freq, weight, encoded in self.index(value):
            run = runs.get(term)
            if run is None:
                runs[term] = [docnum, weight, encoded]
            else:
                run += (docnum, weight, encoded)
            length += freq
            count += 1
        return length, count


class _Keyword(_Postings, fields.KEYWORD):
    """Whoosh's KEYWORD of comma-separated values, lowercased, indexed without its token
    pipeline: the same terms, counts and weights (tests/unit/test_schema.py compares
    them), a tenth of the time."""

    def __init__(self, stored: bool = False, scorable: bool = False) -> None:
        super().__init__(stored=stored, lowercase=True, commas=True, scorable=scorable)

    def index(self, value, **kwargs):
        if kwargs or not isinstance(value, str):
            return super().index(value, **kwargs)
        boost = self.format.field_boost
        if "," not in value:  # one value or none, as most are
            return [(value.strip().lower().encode("utf-8"), 1, boost, _ONCE)] if value else []
        counts = Counter(part.strip().lower() for part in _COMMA_SEPARATED.findall(value))
        return [(word.encode("utf-8"), count, count * boost, pack_uint(count)) for word, count in counts.items()]


_COMMA_SEPARATED = re.compile(r"[^,]+")
"""What Whoosh's CommaSeparatedTokenizer finds (each part then stripped)."""
_ONCE = pack_uint(1)


class _Id(_Postings, fields.ID):
    """Whoosh's ID, the whole value one term, indexed without its token pipeline."""

    def index(self, value, **kwargs):
        if kwargs or not isinstance(value, str):
            return super().index(value, **kwargs)
        return [(value.encode("utf-8"), 1, self.format.field_boost, b"")]


def _keyword(stored: bool = False, scorable: bool = False) -> fields.KEYWORD:
    return _Keyword(stored=stored, scorable=scorable)


class _CachedStemFilter(StemFilter):
    """Whoosh's StemFilter remembering stems in functools' LRU cache: Whoosh's own cache,
    in Python, takes a third of the time of tokenizing an article."""

    def clear(self) -> None:
        self._stem = functools.lru_cache(maxsize=self.cachesize)(self.stemfn)


STEM_CACHE = 2**18
"""Words whose stems are remembered (Whoosh keeps 50,000): a news corpus's vocabulary
outgrows that, and a stem costs ~3 µs. ~20 MB when full."""


def _stemming_analyzer():
    """Whoosh's StemmingAnalyzer (same tokens, stop words and stems), with a faster cache."""
    return RegexTokenizer() | LowercaseFilter() | StopFilter() | _CachedStemFilter(cachesize=STEM_CACHE)


class _Positions(formats.Positions):
    """Whoosh's Positions format, each posting's value stored as its count and then its
    positions as native unsigned 32-bit integers, instead of a pickled list of deltas:
    `positions_each` reads them with a memoryview cast, no unpickling (a phrase reads the
    positions of every document that holds all its words)."""

    def encode(self, poslist) -> bytes:
        return pack_uint(len(poslist)) + array(_UINT32, poslist).tobytes()

    def positions_each(self, values: Iterable[bytes]) -> Iterator[memoryview]:
        """Each value's positions, read in C-level maps: no Python call per value."""
        return map(_AFTER_COUNT, _as_uint32s(values))

    def decode_positions(self, value: bytes) -> list[int]:
        return next(self.positions_each((value,))).tolist()


class _Spans(formats.Characters):
    """Whoosh's Characters format (position, start and end character of each occurrence),
    stored as `_Positions` stores positions: the count, then the three numbers of each
    occurrence in turn."""

    def encode(self, poslist) -> bytes:
        return pack_uint(len(poslist)) + array(_UINT32, chain.from_iterable(poslist)).tobytes()

    def positions_each(self, values: Iterable[bytes]) -> Iterator[memoryview]:
        """Each value's positions (every third number after the count), as _Positions
        reads them."""
        return map(_EVERY_THIRD_AFTER_COUNT, _as_uint32s(values))

    def decode_positions(self, value: bytes) -> list[int]:
        return next(self.positions_each((value,))).tolist()

    def decode_characters(self, value: bytes) -> list[tuple[int, int, int]]:
        numbers = next(_as_uint32s((value,)))
        return list(zip(numbers[1::3], numbers[2::3], numbers[3::3]))


_UINT32 = "I"
assert array(_UINT32).itemsize == 4, "positions are stored as 4-byte unsigned integers"
_AS_UINT32 = methodcaller("cast", _UINT32)
_AFTER_COUNT = itemgetter(slice(1, None))
_EVERY_THIRD_AFTER_COUNT = itemgetter(slice(1, None, 3))


def _as_uint32s(values: Iterable[bytes]) -> Iterator[memoryview]:
    """Each value (its count, then its numbers) as a memoryview of uint32s."""
    return map(_AS_UINT32, map(memoryview, values))


class _Text(_Postings, fields.TEXT):
    """Whoosh's TEXT over `_stemming_analyzer`, indexing a text in one loop.

    Whoosh passes each word through a generator per filter on a Token object; this
    loop gives the same terms, positions, characters and weights (tests/unit/test_schema.py
    compares the two) without them, and remembers each word's term (`_TERMS`) for every
    text field of every schema in the process. Queries still go through the analyzer.
    """

    def index(self, value, **kwargs):
        if kwargs or not isinstance(value, str):
            return super().index(value, **kwargs)
        runs: dict[bytes, list] = {}
        self.add_postings(value, 0, runs)
        return [(term, unpack_uint(encoded[:4])[0], weight, encoded) for term, (_, weight, encoded) in runs.items()]

    def add_postings(self, value, docnum: int, runs: dict[bytes, list]) -> tuple[int, int]:
        """`_Postings.add_postings`, each term's value packed where it is added: its
        count (as `pack_uint` writes it, read as a native integer: `_COUNTS`) in the slot
        before its numbers, the whole made bytes at once. The words' terms are looked up
        in C-level maps; only the words kept are visited in Python."""
        if not isinstance(value, str):
            return super().add_postings(value, docnum, runs)
        known = _TERMS if len(_TERMS) < STEM_CACHE else _forgotten()
        chars = isinstance(self.format, formats.Characters)
        if chars:
            matches = list(_WORDS.finditer(value))
            terms = list(map(known.__getitem__, map(_GROUP, matches)))
        else:
            terms = list(map(known.__getitem__, _WORDS.findall(value)))
        kept = list(map(truth, terms))  # a stop word's term is _STOPPED
        if True not in kept:
            return 0, 0
        # StopFilter numbers the words it keeps from the first one's position on.
        positions = count(kept.index(True))
        # Each term's occurrences as one flat list after its count's slot: positions, or
        # positions, starts and ends.
        found: dict[bytes, list[int]] = {}
        occurrences = found.get
        if chars:
            starts, ends = compress(map(_START, matches), kept), compress(map(_END, matches), kept)
            for position, term, start, end in zip(positions, compress(terms, kept), starts, ends):
                at = occurrences(term)
                if at is None:
                    found[term] = [0, position, start, end]
                else:
                    at += (position, start, end)
        else:
            for position, term in zip(positions, compress(terms, kept)):
                at = occurrences(term)
                if at is None:
                    found[term] = [0, position]
                else:
                    at.append(position)
        width, boost, length, run_of = 3 if chars else 1, self.format.field_boost, 0, runs.get
        for term, at in found.items():
            n = (len(at) - 1) // width
            at[0] = _COUNTS[n] if n < len(_COUNTS) else _native_count(n)
            encoded = array(_UINT32, at).tobytes()
            run = run_of(term)
            if run is None:
                runs[term] = [docnum, n * boost, encoded]
            else:
                run += (docnum, n * boost, encoded)
            length += n
        return length, len(found)


def _native_count(n: int) -> int:
    """The number whose native 4 bytes are `pack_uint(n)`: the count a position value
    starts with (`_Positions.encode`)."""
    return int.from_bytes(pack_uint(n), sys.byteorder)


_COUNTS = [_native_count(n) for n in range(4096)]
"""`_native_count` of the counts most terms have in a text."""


_WORDS = re.compile(r"[\w*]++(?:\.?[\w*]++)*+")
"""The words of Whoosh's RegexTokenizer (whoosh.analysis.tokenizers.default_pattern),
matched possessively: the same words (tests/unit/test_schema.py), found with ~13% fewer
instructions (no group captured, no point to backtrack to kept)."""
_STOPPED = False
_GROUP, _START, _END = re.Match.group, re.Match.start, re.Match.end


class _Terms(dict):
    """Each word's term (in UTF-8) as the analyzer's filters make it, or _STOPPED: worked
    out at a word's first lookup, for every text field of every schema in the process
    (they all have the same analyzer)."""

    def __init__(self) -> None:
        super().__init__()
        _, _, self.stops, self.stemmer = _stemming_analyzer().items

    def __missing__(self, word: str) -> bytes | bool:
        word_lower, stops, stemmer = word.lower(), self.stops, self.stemmer
        if len(word_lower) < stops.min or word_lower in stops.stops:
            term = _STOPPED
        else:
            term = (word_lower if word_lower in stemmer.ignore else stemmer._stem(word_lower)).encode("utf-8")
        self[word] = term
        return term


_TERMS = _Terms()


def _forgotten() -> _Terms:
    _TERMS.clear()
    return _TERMS


def _text(boost: float = 1.0, chars: bool = False) -> fields.TEXT:
    field = _Text(stored=True, analyzer=_stemming_analyzer(), field_boost=boost)
    field.format = (_Spans if chars else _Positions)(field_boost=boost)
    return field


class _Date(_Postings, fields.DATETIME):
    """A stored date, indexed as one term (Whoosh's default is eight, for fast ranges),
    each date's term worked out once (`_date_term`): an article's quotes share its date.

    Date ranges are answered from the `sortdate` column (ranking.py); Whoosh, when it
    answers one, reads the range's terms of a day each."""

    def __init__(self) -> None:
        super().__init__(stored=True)
        self.shift_step = 0

    def index(self, value, **kwargs):
        if kwargs or not isinstance(value, datetime):
            return super().index(value, **kwargs)
        return [(_date_term(value), 1, 1.0, b"")]


@functools.lru_cache(maxsize=4096)
def _date_term(value: datetime) -> bytes:
    return _DATE.to_bytes(value)


_DATE = _Date()


def _sortdate() -> fields.COLUMN:
    # YYYYMMDD, 0 when undated: a column only (Whoosh sorts a missing DATETIME first,
    # and a NUMERIC field would also index eight trie terms per document for nothing).
    return fields.COLUMN(columns.NumericColumn("I"))


def articles_schema() -> fields.Schema:
    """One document per article."""
    return fields.Schema(
        id=_Id(stored=True, unique=True, sortable=True),
        path=_Id(stored=True, sortable=True),
        fingerprint=_Id(stored=True, sortable=True),
        # corpus.stamp() of the file when it was read: an update hashes a file only
        # when its stamp differs.
        stamp=fields.COLUMN(columns.VarBytesColumn()),
        title=_text(boost=2.0),
        outlet=_keyword(stored=True),
        author=_keyword(stored=True),
        url=fields.STORED(),
        date=_Date(),
        sortdate=_sortdate(),
        # chars=True keeps each token's character offsets, so highlights come from the
        # postings instead of re-tokenizing the stored text (design.md §5).
        body=_text(chars=True),
        person=_keyword(scorable=True),
        speaker=_keyword(),
        topic=_keyword(),
        # "topic:stance" for each stance anyone in the article takes.
        stance=_keyword(),
        # "person|topic:stance", for the person-and-stance filter.
        person_stance=_keyword(),
        format=_Id(stored=True),
        summary=fields.STORED(),
        removed=fields.STORED(),
        # The Analysis as JSON, in a column: article() reads it without the stored fields.
        analysis=fields.COLUMN(columns.VarBytesColumn()),
        # Just what people() sums over many articles (see people_facts).
        facts=fields.COLUMN(columns.VarBytesColumn()),
    )


def quotes_schema() -> fields.Schema:
    """One document per quote, with what is needed to cite it."""
    return fields.Schema(
        id=fields.STORED(),  # never searched: quotes are found by text, facets, article_id
        article_id=_Id(stored=True),
        path=_Id(stored=True),
        # The article's fingerprint: a quote whose article has another is stale.
        fingerprint=fields.STORED(),
        text=_text(),
        speaker=_keyword(stored=True),
        role=fields.STORED(),
        start=fields.STORED(),
        end=fields.STORED(),
        kind=_Id(stored=True),
        topic=_keyword(),
        stance=_keyword(),
        stances=fields.STORED(),
        date=_Date(),
        sortdate=_sortdate(),
        title=fields.STORED(),
        outlet=fields.STORED(),
        url=fields.STORED(),
    )


SCHEMAS = {ARTICLES: articles_schema, QUOTES: quotes_schema}


# ---------------------------------------------------------------- model <-> documents


def analysis_to_bytes(analysis: Analysis) -> bytes:
    """The JSON of `dataclasses.asdict(analysis)`, made without its deep copy (a fifth of
    the time): a person's, quote's or stance's fields hold only strings, numbers, None and
    lists or tuples of them, which JSON writes alike copied or not."""
    raw = {
        "people": _records(analysis.people, _PERSON_FIELDS),
        "quotes": _records(analysis.quotes, _QUOTE_FIELDS),
        "stances": _records(analysis.stances, _STANCE_FIELDS),
    }
    return json.dumps(raw, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _records(items: list, names: tuple[str, ...]) -> list[dict]:
    return [{name: getattr(item, name) for name in names} for item in items]


_PERSON_FIELDS, _QUOTE_FIELDS, _STANCE_FIELDS = (
    tuple(f.name for f in dataclass_fields(kind)) for kind in (Person, Quote, Stance)
)


def analysis_from_bytes(data: bytes) -> Analysis:
    if not data:
        return Analysis()
    raw = json.loads(data)
    return Analysis(
        people=[Person(**{**p, "spans": [tuple(s) for s in p.get("spans", [])]}) for p in raw.get("people", [])],
        quotes=[Quote(**{**q, "stances": [tuple(s) for s in q.get("stances", [])]}) for q in raw.get("quotes", [])],
        stances=[Stance(**s) for s in raw.get("stances", [])],
    )


def people_facts(analysis: Analysis) -> bytes:
    """{"people": [[name, role, mentions, quotes, aliases]], "stances": [[person, topic,
    stance, evidence]]}: a few hundred bytes people() can read for every matching article.
    A person's quotes are their speech, as listed and exported: not their fragments."""
    quoted = Counter(q.speaker for q in analysis.speech if q.speaker)
    facts = {
        "people": [[p.name, p.role, p.mentions, quoted[p.name], p.aliases] for p in analysis.people],
        "stances": [[s.person, s.topic, s.stance, s.evidence] for s in analysis.stances],
    }
    return json.dumps(facts, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def keyword_value(text: str) -> str:
    """A name as one KEYWORD value: commas separate values, so none inside one."""
    return " ".join(text.replace(",", " ").split())


def _values(values) -> str:
    return ",".join(dict.fromkeys(keyword_value(v) for v in values if v and keyword_value(v)))


def _day(day: date | None) -> tuple[datetime | None, int]:
    if day is None:
        return None, 0
    return datetime(day.year, day.month, day.day), day.year * 10000 + day.month * 100 + day.day


def article_document(article: Article, analysis: Analysis, fingerprint: str, stamp: str) -> dict:
    """The fields of one article's document in the articles index."""
    when, sortdate = _day(article.date)
    topics = [s.topic for s in analysis.stances] + [t for q in analysis.quotes for t, _ in q.stances]
    doc = dict(
        id=article.id,
        path=article.path,
        fingerprint=fingerprint,
        stamp=stamp.encode("utf-8"),
        title=article.title,
        outlet=article.outlet,
        author=article.author,
        url=article.url,
        sortdate=sortdate,
        body=article.body,
        person=_values(p.name for p in analysis.people),
        speaker=_values(q.speaker for q in analysis.quotes if q.speaker),
        topic=_values(topics),
        stance=_values(f"{s.topic}:{s.stance}" for s in analysis.stances),
        person_stance=_values(f"{s.person}|{s.topic}:{s.stance}" for s in analysis.stances),
        format=article.source_format,
        summary=article.summary,
        removed=list(article.removed),
        analysis=analysis_to_bytes(analysis),
        facts=people_facts(analysis),
    )
    if when:
        doc["date"] = when
    return doc


def quote_documents(article: Article, analysis: Analysis, fingerprint: str) -> list[dict]:
    """The documents of an article's quotes in the quotes index."""
    when, sortdate = _day(article.date)
    roles = {p.name: p.role for p in analysis.people}
    docs = []
    for n, quote in enumerate(analysis.quotes):
        doc = dict(
            id=f"{article.id}:{n}",
            article_id=article.id,
            path=article.path,
            fingerprint=fingerprint,
            text=quote.text,
            speaker=keyword_value(quote.speaker) if quote.speaker else "",
            role=roles.get(quote.speaker) if quote.speaker else None,
            start=quote.start,
            end=quote.end,
            kind=quote.kind,
            topic=_values(t for t, _ in quote.stances),
            stance=_values(f"{t}:{s}" for t, s in quote.stances),
            stances=[list(pair) for pair in quote.stances],
            sortdate=sortdate,
            title=article.title,
            outlet=article.outlet,
            url=article.url,
        )
        if when:
            doc["date"] = when
        docs.append(doc)
    return docs


def stored_date(value: datetime | None) -> date | None:
    return value.date() if value else None


def article_from_document(stored: dict, analysis: bytes) -> IndexedArticle:
    """An IndexedArticle from an articles document's stored fields and analysis column."""
    article = Article(
        id=stored["id"],
        path=stored["path"],
        title=stored.get("title", ""),
        outlet=stored.get("outlet", ""),
        author=stored.get("author", ""),
        url=stored.get("url", ""),
        date=stored_date(stored.get("date")),
        body=stored.get("body", ""),
        source_format=stored.get("format", ""),
        summary=stored.get("summary", ""),
        removed=list(stored.get("removed", [])),
    )
    return IndexedArticle(article=article, analysis=analysis_from_bytes(analysis))


def quote_from_document(stored: dict) -> QuoteRecord:
    """A QuoteRecord from a quotes document's stored fields."""
    return QuoteRecord(
        id=stored["id"],
        article_id=stored["article_id"],
        text=stored["text"],
        speaker=stored.get("speaker") or None,
        role=stored.get("role"),
        start=stored["start"],
        end=stored["end"],
        kind=stored.get("kind", "speech"),
        stances=[tuple(pair) for pair in stored.get("stances", [])],
        title=stored.get("title", ""),
        outlet=stored.get("outlet", ""),
        date=stored_date(stored.get("date")),
        path=stored["path"],
        url=stored.get("url", ""),
    )

"""People in an article, and the other mentions the speaker and stance rules need.

A person is found from a capitalised run of words that has some evidence of being a
name: a given name from the bundled list, an honorific (Mr, Sir), a role phrase before
or after it ("London Mayor Sadiq Khan", "Anas Sarwar, the Scottish Labour leader,"), a
speech verb after it ("Afrasiab Anwar ... said"), or a list it shares with a person.
Runs with organisation or place words ("Downing Street", "Greater Manchester") are
organisations, which speak for no one; bylines, photo credits and programme titles
("Sunday with Laura Kuenssberg") are not people at all. An article written as "I"
(an opinion piece) has its author, from its metadata or byline, as one of its people.

Mentions of one person merge under their fullest name: surnames, Mr/Ms + surname,
Sir/Dame + first name, and one-letter spelling slips ("Zelenslyy"). Titles used alone
("the Prime Minister") resolve to the person the article ties the title to, else by
the offices table and the article's date.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from itertools import compress, repeat
from operator import contains, itemgetter, or_

from .firstnames import FIRST_NAMES, gender_of
from .lexicon import (
    ABBREVIATED_TITLES, BYLINE_PHRASES, BYLINE_ROLES, CAP_STOP, CREDIT_AGENCIES, DEMONYMS,
    DETERMINERS_DEFINITE, DETERMINERS_INDEFINITE, FIRST_NAME_HONORIFICS, GROUP_NOUNS, HONORIFICS,
    IRREGULAR_PAST, MONTHS_DAYS, NAME_PARTICLES, OBJECT_VERBS, ORG_WORDS, OUTLETS, PERSONAL_POSSESSIONS, PLACES,
    PLURAL_ROLE_HEADS, POSSESSIVE_PRONOUNS, PREPOSITIONS, PRONOUNS, ROLE_HEADS, ROLE_MODIFIERS,
    SKIPPABLE, SPEECH_VERBS, STRUCTURE_WORDS, TITLE_HEADS, UNNAMED_HEADS, WEAK_WORDS,
)
from .offices import OfficeIndex, title_key
from .text import Doc, is_capitalised, strip_possessive

PERSON, ROLE, PRONOUN, GROUP = "person", "role", "pronoun", "group"
_PRIORITY = {PERSON: 0, ROLE: 1, PRONOUN: 2, GROUP: 3}
_CREDIT_LABELS = frozenset(
    "photograph photographs photographer photo photos pic pics picture pictures credit image images".split())
_EXCLUSION_CUES = _CREDIT_LABELS | {"by", "/", "with"}
"""The words _excluded_tokens looks around."""
_PRONOUNS_AND_GROUPS = PRONOUNS.keys() | POSSESSIVE_PRONOUNS.keys() | {"they"} | GROUP_NOUNS
_ABBREVIATED_HONORIFICS = frozenset("mr mrs ms dr prof rev st gen sen gov rep".split())
_PASSIVE = frozenset("is are was were been being".split())
_SPLIT_HEADS = TITLE_HEADS | PLURAL_ROLE_HEADS
_SUBJECT_SCAN = 40
"""How many tokens back a subject is looked for."""
_CLAUSE_BREAKS = frozenset("but while whereas although though ; :".split())
"""Where a clause with a subject of its own begins (see clause_subject)."""
_APPOSITION_ENDS = frozenset(",.;:()–—")
"""What may follow a name set off by commas after its role."""
_APPOSITION_WORDS = 5
"""Words a description set off by commas may have after its head ("of international relations")."""


@dataclass
class Mention:
    """A span of tokens [first, last) that may name who says or holds something."""

    first: int
    last: int
    kind: str
    entity: int | None = None
    """The person it refers to (index into People.entities), once known."""
    gender: str | None = None
    possessive: bool = False
    key: str = ""
    """For a title used alone, or one introducing an unnamed person ("a Labour MP"):
    the title as the offices table writes it."""
    head: int = -1
    """First token of a role phrase written before a person's name."""

    @property
    def begin(self) -> int:
        return self.head if self.head >= 0 else self.first


@dataclass
class Entity:
    """A person being assembled from their mentions."""

    words: tuple[str, ...]
    forms: Counter = field(default_factory=Counter)
    aliases: list[str] = field(default_factory=list)
    role: str | None = None
    gender: str | None = None
    spans: list[tuple[int, int]] = field(default_factory=list)

    @property
    def name(self) -> str:
        order = {form: i for i, form in enumerate(self.forms)}
        return max(self.forms, key=lambda f: (len(f.split()), self.forms[f], -order[f]))

    def add(self, surface: str, span: tuple[int, int]) -> None:
        if surface.lower() not in (a.lower() for a in self.aliases):
            self.aliases.append(surface)
        self.spans.append(span)


@dataclass
class People:
    """The people of one article and every mention that may refer to someone."""

    doc: Doc
    in_quote: bytearray
    entities: list[Entity]
    mentions: list[Mention]
    ends_at: dict[int, Mention]
    """Mention by the index of its last token."""
    starts_at: dict[int, Mention]
    """Mention by its first token, and by the first token of a role phrase before it."""
    author: int | None = None
    """The person an article written as "I" is by (an opinion piece), if it is."""

    def is_subject(self, m: Mention) -> bool:
        """Whether `m` can be the subject of what follows it: not possessive, not the
        object of a preposition or verb, nor listed after one ("between A, B and C")."""
        if m.possessive:
            return False
        for _ in range(6):
            j = m.begin - 1
            if j >= 1 and self.doc.lower[j] in ("the", "a", "an"):
                j -= 1  # "of the Scottish Labour Party"
            if j < 0 or self.doc.para[j] != self.doc.para[m.first]:
                return True
            before = self.doc.lower[j]
            if j >= 1 and self.ends_at.get(j - 1) is not None and (
                    before in ("and", "or") or (before == "," and self._listed_on(m))):
                m = self.ends_at[j - 1]
                continue
            return not _marks_object(before)
        return True

    def _listed_on(self, m: Mention) -> bool:
        """Whether another mention follows `m` after "and" or a comma ("A, B and C")."""
        k = m.last
        return k + 1 < len(self.doc) and self.doc.lower[k] in (",", "and", "or") \
            and self.starts_at.get(k + 1) is not None

    def subject_before(self, i: int, floor: int) -> Mention | None:
        """The subject of the verb at token i: the mention right before it (past adverbs,
        auxiliaries and a parenthesis), else the nearest one that can be a subject."""
        doc = self.doc
        k = i - 1
        while k >= floor and doc.lower[k] in SKIPPABLE:
            k -= 1
        if k >= floor and doc.lower[k] == "and":
            return self.clause_subject(k, floor)  # "He rebuked the aides and said …"
        j = i - 1
        steps = 0
        direct = True
        relative = False
        while j >= floor and steps < _SUBJECT_SCAN:
            steps += 1
            if self.in_quote[j]:
                j -= 1
                direct = False
                continue
            m = self.ends_at.get(j)
            if m is not None:
                if not m.possessive and (relative or (direct and not _after_preposition(doc, m))
                                         or self.is_subject(m)):
                    return self.apposed_to(m) or m
                direct = False
                j = m.begin - 1
                continue
            if doc.word[j] == ")":
                opening = next((k for k in range(j - 1, max(floor, j - 8) - 1, -1) if doc.word[k] == "("), None)
                if opening is not None:
                    j = opening - 1
                    continue
            if direct and doc.lower[j] in ("who", "which"):
                relative = True  # "…, who said", "the DUP’s Sammy Wilson who said"
                j -= 2 if j >= 1 and doc.word[j - 1] == "," else 1
                continue
            if direct and doc.word[j] == ",":
                opening = _relative_clause_start(doc, j, floor)
                if opening is not None:
                    relative = True  # "H R McMaster, who served as …, said"
                    j = opening - 1
                    continue
            if doc.lower[j] not in SKIPPABLE:
                direct = False
            j -= 1
        return None

    def apposed_to(self, m: Mention) -> Mention | None:
        """The person a description set off by commas stands beside ("Lewis Cavendish,
        a professor of international relations, said"), if `m` is one: not "… between Mr
        Trump and Mr Zelenskyy, the PM said", whose description no comma closes."""
        doc = self.doc
        j = m.begin - 1
        if m.kind not in (GROUP, ROLE) or j < 1 or doc.word[j] != ",":
            return None
        person = self.ends_at.get(j - 1)
        if person is None or person.kind != PERSON or person.possessive:
            return None
        for k in range(m.last, min(len(doc), m.last + _APPOSITION_WORDS + 1)):
            if doc.word[k] == ",":
                return person
            lower = doc.lower[k]
            if not lower.isalpha() or lower in SPEECH_VERBS or lower.endswith(("ed", "ing")) or self.in_quote[k]:
                return None  # a verb: the description is the subject
        return None

    def clause_subject(self, i: int, floor: int) -> Mention | None:
        """The first subject of the clause holding token i: after the last "but", "while"
        or semicolon before it ("… but Mr Trump spoke over him and told him")."""
        start = i
        while start > floor and i - start < _SUBJECT_SCAN and self.doc.lower[start - 1] not in _CLAUSE_BREAKS:
            start -= 1
        return self.first_subject(start, i)

    def first_subject(self, first: int, end: int) -> Mention | None:
        """The first mention in tokens [first, end) that can be a subject."""
        j = first
        while j < end and j - first < _SUBJECT_SCAN * 2:
            m = self.starts_at.get(j)
            if m is not None and not self.in_quote[j]:
                if self.is_subject(m):
                    return m
                j = m.last
                continue
            j += 1
        return None


def _relative_clause_start(doc: Doc, comma: int, floor: int) -> int | None:
    """The comma opening ", who …," that ends at `comma`, if there is one."""
    for k in range(comma - 1, max(floor, comma - 25), -1):
        if doc.word[k] in (",", "“", "”", '"'):
            return None
        if doc.lower[k] in ("who", "which") and k >= 1 and doc.word[k - 1] == ",":
            return k - 1
    return None


_NOT_VERBS = frozenset("""
    evening morning meeting building briefing hearing wedding sibling spring string thing
    nothing something anything everything king ring wing ceiling painting funding
    spending housing bed red need seed speed creed hundred shed feed indeed
""".split())


def _marks_object(word: str) -> bool:
    """Whether a name right after `word` is an object ("with X", "told X", "lost the whip")."""
    if word in PREPOSITIONS or word in OBJECT_VERBS or word in IRREGULAR_PAST or word == "as":
        return True
    return word.isalpha() and word not in SKIPPABLE and word not in _NOT_VERBS \
        and len(word) >= 5 and word.endswith(("ing", "ed"))


_CONJUNCTIONS = frozenset(
    "after before since until as while because although when once unless though whereas".split())


def _after_preposition(doc: Doc, m: Mention) -> bool:
    """"close to the Prime Minister said": a true preposition, not "after X said"."""
    j = m.begin - 1
    return j >= 0 and doc.lower[j] in PREPOSITIONS and doc.lower[j] not in _CONJUNCTIONS


@dataclass
class _Run:
    """A capitalised run parsed into honorific, role and name."""

    first: int
    last: int
    honorific: str | None = None
    role: str | None = None
    role_plural: bool = False
    head: int = -1
    possessive: bool = False
    blocked: bool = False
    evidence: bool = False
    words: tuple[str, ...] = ()


def find_people(doc: Doc, in_quote: bytearray, day: date | None, offices: OfficeIndex,
                author: str = "") -> People:
    """Find the people and mentions in `doc` (whose quoted tokens are flagged `in_quote`;
    `author` is the article's, from its metadata, if known)."""
    excluded = _excluded_tokens(doc)
    runs = []
    for first, last in _capitalised_runs(doc):
        while first < last:  # an organisation at a run's head is split off the name after it
            run = _parse_run(doc, first, last)
            if run is None:
                break
            runs.append(run)
            first = run.last
    runs = [r for r in runs if not excluded.intersection(range(r.first, min(r.last, r.first + 3)))]
    for run in runs:
        if not run.blocked:
            _gather_evidence(doc, run)
    _share_evidence_in_lists(doc, runs)
    entities, mentions = _cluster(doc, [r for r in runs if not r.blocked])
    mentions += [Mention(r.first, r.last, GROUP) for r in runs if r.blocked]
    role_tokens = {t for m in mentions if m.head >= 0 for t in range(m.head, m.first)}
    descriptions = _descriptions(doc, in_quote, role_tokens, {r.first for r in runs})
    _resolve_titles(doc, entities, mentions, descriptions, day, offices)
    writer, voice = _author_voice(doc, in_quote, entities, author)
    mentions += descriptions + _pronouns_and_groups(doc) + voice
    mentions = _without_overlaps(mentions)
    starts_at = {m.begin: m for m in mentions}
    starts_at.update({m.first: m for m in mentions})
    return People(doc, in_quote, entities, mentions, {m.last - 1: m for m in mentions}, starts_at, writer)


# -- capitalised runs ---------------------------------------------------------------

def _name_token(doc: Doc, i: int) -> bool:
    return _name_like(doc.word[i])


def _name_like(token: str) -> bool:
    """A word that may be part of a name: capitalised letters, not an all-capitals
    kicker or acronym (SCOTTISH, BBC), not a compound like "Yemen-based"."""
    if not is_capitalised(token) and "-" not in token:
        return False  # most words: told apart without the cache, which they would crowd
    return _name_shaped(token)


@lru_cache(maxsize=8192)
def _name_shaped(token: str) -> bool:
    """`_name_like` for a capitalised or hyphenated word."""
    if not token.replace("’", "").replace("'", "").replace("-", "").isalpha():
        return False
    if not is_capitalised(token):
        particle, _, rest = token.partition("-")
        return particle in NAME_PARTICLES and is_capitalised(rest)  # al-Jubeir, bin-Salman
    if token.isupper() and len(strip_possessive(token)[0]) > 2:
        return False
    tail = token.rsplit("-", 1)[-1]
    return not tail[:1].islower()


_FIRST = itemgetter(0)


def _adjacent(doc: Doc, j: int) -> bool:
    gap = doc.start[j] - doc.end[j - 1]
    return gap == 0 or (gap == 1 and doc.text[doc.end[j - 1]] == " ")


def _capitalised_runs(doc: Doc) -> list[tuple[int, int]]:
    runs = []
    n = len(doc)
    # _name_like of each word, asked only of the capitalised and hyphenated ones
    name = [False] * n
    maybe = map(or_, map(str.isupper, map(_FIRST, doc.word)), map(contains, doc.word, repeat("-")))
    for i in compress(range(n), maybe):
        name[i] = _name_shaped(doc.word[i])
    j = 0
    for i in compress(range(n), name):
        if i < j:
            continue  # inside the run before
        j = i + 1
        while j < n and doc.para[j] == doc.para[i] and _adjacent(doc, j) \
                and not strip_possessive(doc.word[j - 1])[1]:
            if name[j]:
                j += 1
            elif doc.word[j] == "." and j + 1 < n and name[j + 1] and _adjacent(doc, j + 1) \
                    and (len(doc.word[j - 1]) == 1 or doc.lower[j - 1] in _ABBREVIATED_HONORIFICS):
                j += 1
            elif doc.lower[j] in NAME_PARTICLES and j > i and _particles_then_name(doc, j):
                j += 1
            else:
                break
        runs.append((i, j))
    return runs


def _particles_then_name(doc: Doc, j: int) -> bool:
    """"von der Leyen": particles, then a capitalised name, all one space apart."""
    k = j
    while k < len(doc) and k - j < 3 and doc.lower[k] in NAME_PARTICLES:
        k += 1
        if k >= len(doc) or not _adjacent(doc, k):
            return False
    return k < len(doc) and _name_token(doc, k)


def _plural_possessive(doc: Doc, last: int) -> bool:
    """Hamas’ actions: an s-word followed straight by an apostrophe and a space."""
    return last < len(doc) and doc.word[last] in "’'" and doc.start[last] == doc.end[last - 1] \
        and doc.lower[last - 1].endswith("s") \
        and (last + 1 >= len(doc) or doc.start[last + 1] > doc.end[last])


def _parse_run(doc: Doc, first: int, last: int) -> _Run | None:
    tokens = [t for t in range(first, last) if doc.word[t] != "."]
    sentence_first = doc.sentences[doc.sent[first]][0]
    while tokens and doc.lower[tokens[0]] in CAP_STOP:
        tokens.pop(0)
    if len(tokens) > 1 and tokens[0] == sentence_first and doc.lower[tokens[0]] not in FIRST_NAMES \
            and (doc.lower[tokens[0]].endswith(("ed", "ing", "ly")) or _role_head(doc.lower[tokens[0]])) \
            and (_given_name(doc.word[tokens[1]]) or doc.lower[tokens[1]] in HONORIFICS):
        tokens.pop(0)  # "Asked Yvette Cooper …", "Campaigner Owen Redpath …" (its role), but
        # "United States President …" stays
    while len(tokens) > 2 and _given_name(doc.word[tokens[1]]) and (
            _weak(doc.lower[tokens[0]]) or _head_before_of(doc, tokens[0]) is not None):
        tokens.pop(0)  # "On Tuesday Nadia Khan", "Israeli Benjamin Netanyahu", "… of the Exchequer Rachel Reeves"
    if not tokens:
        return None
    split = -1
    for k, t in enumerate(tokens[:-1]):
        if doc.lower[t] in HONORIFICS or doc.lower[t] in _SPLIT_HEADS:
            split = k
    name = tokens[split + 1:]
    tail = _after_organisation(doc, name)
    if tail is not None:
        if tail == name[-1] and _role_of(doc, name[0]) is not None and not _given_name(doc.word[tail]):
            return _Run(first=name[0], last=last, blocked=True)  # "MP for Birmingham Yardley": one place
        return _Run(first=name[0], last=tail, blocked=True)  # "Oval Office" of "Oval Office Trump"
    if doc.lower[name[0]] in NAME_PARTICLES:
        return None
    if split < 0 and len(name) == 1 and _collective(strip_possessive(doc.lower[name[0]])[0]):
        return _Run(first=name[0], last=last, blocked=True)  # "Officials said": a group, no one person
    run = _Run(first=name[0], last=last)
    prefix = tokens[:split + 1]
    if prefix and doc.lower[prefix[-1]] in HONORIFICS:
        if len(name) == 1 and doc.lower[name[0]] in ROLE_HEADS:
            return None  # "Mr Speaker", "Madam President": a way to address an office
        run.honorific = doc.word[prefix[-1]]
        run.first = prefix.pop()
    if prefix and any(doc.lower[t] in _SPLIT_HEADS for t in prefix):
        end_title = max(k for k, t in enumerate(prefix) if doc.lower[t] in _SPLIT_HEADS)
        run.role = _tidy_role(doc.between(prefix[0], prefix[end_title] + 1))
        run.role_plural = doc.lower[prefix[end_title]] in PLURAL_ROLE_HEADS
        run.head = prefix[0]
    run.possessive = strip_possessive(doc.word[last - 1])[1] or _plural_possessive(doc, last)
    run.words = tuple(strip_possessive(doc.between(name[0], last))[0].split())  # keeps initials' stops
    core = [w.rstrip(".") for w in run.words if w.lower() not in NAME_PARTICLES]
    run.blocked = _blocked(core, run.honorific is not None)
    if run.honorific is None and _role_head(strip_possessive(doc.lower[name[-1]])[0]) and all(
            _roleish_word(doc.lower[t]) for t in name[:-1]):
        return None  # a title on its own ("Prime Minister"): a description, found elsewhere
    return run


def _after_organisation(doc: Doc, name: list[int]) -> int | None:
    """Where a name starts after an organisation or place in one capitalised run ("in the
    Oval Office Trump told …", "Greater Manchester Andy Burnham"), or None."""
    for k in range(len(name) - 2, -1, -1):
        word = strip_possessive(doc.lower[name[k]])[0]
        if word in ORG_WORDS or (_weak(word) and not _given_name(word)):
            following = doc.lower[name[k + 1]]
            return name[k + 1] if following not in NAME_PARTICLES and not _weak(following) \
                and following not in ORG_WORDS else None
    return None


def _collective(lower: str) -> bool:
    """A plural common noun for a group of people ("Officials", "Critics", "Residents"):
    capitalised at a sentence's start, still no one person's name."""
    return (lower.endswith("s") or lower == "people") \
        and (lower in GROUP_NOUNS or lower in UNNAMED_HEADS or lower in PLURAL_ROLE_HEADS)


def _blocked(words: list[str], honorific: bool) -> bool:
    """Whether a name made of `words` is an organisation, a place or a date."""
    lower = [w.lower() for w in words]
    if any(w in ORG_WORDS or w in CAP_STOP for w in lower):
        return True
    if len(lower) > 1 and lower[-1] in STRUCTURE_WORDS and not honorific:
        return True  # Charlotte Street, Victoria Park
    starts_with_name = (len(lower) > 1 or honorific) and lower[0] in FIRST_NAMES
    return any(_weak(w) for w in lower) and not starts_with_name and not honorific


def _weak(lower: str) -> bool:
    """A place, nationality, date or place-name word: part of a name only after a given name."""
    return lower in WEAK_WORDS or lower in PLACES or lower in DEMONYMS or lower in MONTHS_DAYS \
        or (lower.endswith("s") and lower[:-1] in DEMONYMS)


# -- evidence that a run is a person ------------------------------------------------

def _gather_evidence(doc: Doc, run: _Run) -> None:
    if run.role is None:
        run.role, run.role_plural, run.head = _role_before(doc, run.head if run.head >= 0 else run.first, run.last)
    if run.role is None and not run.possessive:
        run.role, run.role_plural = _role_after(doc, run.last)
    multi = len(run.words) > 1
    run.evidence = bool(
        run.honorific or run.role
        or (multi and _given_name(run.words[0]))
        or _speaker_slot(doc, run)
        or (multi and run.last + 1 < len(doc) and doc.word[run.last] == "," and doc.lower[run.last + 1] == "who")
        or (run.possessive and _owns_personal_thing(doc, run.last))
    )
    if run.role_plural:
        run.role = None


def _given_name(word: str) -> bool:
    """A given name from the list, or a hyphenated one that starts with one (Jean-Luc)."""
    lower = word.lower()
    return lower in FIRST_NAMES or lower.split("-", 1)[0] in FIRST_NAMES


def _owns_personal_thing(doc: Doc, last: int) -> bool:
    """"Netanyahu’s government", "Sarwar’s speech": what follows a possessive name."""
    k = last + (last < len(doc) and doc.word[last] in "’'")
    while k < len(doc) and k - last < 5 and (doc.word[k] in "[]()" or doc.lower[k] == "below"):
        k += 1  # "Netanyahu’s [below] far right government"
    return k < len(doc) and doc.lower[k] in PERSONAL_POSSESSIONS


def _roleish_word(lower: str) -> bool:
    return lower in ROLE_MODIFIERS or _role_head(lower) or lower in DEMONYMS or lower in PLACES \
        or lower in ORG_WORDS


def _role_head(lower: str) -> bool:
    """A word that ends a role phrase: "leader", the hyphenated "co-leader", and an age
    used as one ("the 66-year-old said")."""
    if lower in ROLE_HEADS:
        return True
    return "-" in lower and (lower.rsplit("-", 1)[-1] in ROLE_HEADS or lower.endswith("-year-old"))


def _roleish(doc: Doc, t: int) -> bool:
    """A word that may be part of a role phrase: a role word (also "party's"), or a
    capitalised one ("Oxfam's", "Liberal")."""
    lower = strip_possessive(doc.lower[t])[0]
    if lower in ROLE_MODIFIERS or _role_head(lower):
        return True
    return is_capitalised(doc.word[t]) and lower not in CAP_STOP and doc.word[t][:1].isalpha()


def _role_before(doc: Doc, first: int, last: int) -> tuple[str | None, bool, int]:
    """A role phrase written just before a name: "Greater Manchester mayor Andy Burnham",
    or before a comma and the name set off as its apposition: "The US defence secretary,
    Pete Hegseth," (not "After meeting the foreign secretary, Smith said")."""
    j = first - 1
    if j >= 1 and doc.word[j] == "," and doc.sent[j - 1] == doc.sent[first]:
        apposed = last >= len(doc) or doc.sent[last] != doc.sent[first] or doc.word[last] in _APPOSITION_ENDS
        return _role_before_comma(doc, j) if apposed else (None, False, -1)
    if j < 0 or doc.para[j] != doc.para[first] or not _adjacent(doc, first):
        return None, False, -1
    head = j if _role_head(doc.lower[j]) else _head_before_of(doc, j)
    if head is None:
        return None, False, -1
    k = head
    while k - 1 >= 0 and head - k < 5 and doc.sent[k - 1] == doc.sent[head] and _roleish(doc, k - 1) \
            and _adjacent(doc, k):
        k -= 1
    return _tidy_role(doc.between(k, j + 1)), doc.lower[head] in PLURAL_ROLE_HEADS, k


def _head_before_of(doc: Doc, last: int) -> int | None:
    """The head of a role whose last words name what it is of or for, written straight
    before a name: "Secretary of State Antony Blinken", "Chancellor of the Exchequer
    Rachel Reeves", "leader of Reform UK Nigel Farage"; None if there is none."""
    k = last
    while k >= 0 and last - k < 3 and doc.word[k].isalpha() and is_capitalised(doc.word[k]) \
            and (k == last or _adjacent(doc, k + 1)):
        k -= 1
    return None if k == last or k < 1 else _role_of(doc, k + 1)


def _role_of(doc: Doc, t: int) -> int | None:
    """The head of the role that token `t` starts what it is of or for ("the MP for
    Birmingham Yardley", "Chancellor of the Exchequer"); None if there is none."""
    k = t - 1
    if k >= 1 and doc.lower[k] == "the" and _adjacent(doc, t):
        k -= 1
    if k >= 1 and doc.lower[k] in ("of", "for") and _adjacent(doc, k + 1) and _adjacent(doc, k) \
            and _role_head(doc.lower[k - 1]):
        return k - 1
    return None


_ROLE_LINKS = frozenset(("of", "for", "to", "in", "at"))
"""The words after a role's head that name what or where it is: "head of policy",
"ambassador to Britain", "correspondent in Jerusalem", "deputy leader at Westminster"."""


def _role_before_comma(doc: Doc, comma: int) -> tuple[str | None, bool, int]:
    """"The US defence secretary, Pete Hegseth,", "Leader of the Scottish Labour
    Party, Anas Sarwar," and "Oxfam's head of policy, Katy Chakrabortty,": the role
    before the comma, with its "of …" if it has one, and its first token."""
    head = comma - 1
    while head >= 0 and comma - head <= 5 and _name_token(doc, head):
        head -= 1
    if head == comma - 1:  # no capitalised words: "of policy", "for international development"
        while head >= 0 and comma - head <= 3 and doc.word[head].isalpha() and doc.word[head].islower() \
                and doc.lower[head] not in _ROLE_LINKS:
            head -= 1
    if head >= 0 and doc.lower[head] == "the":
        head -= 1
    if head >= 1 and head < comma - 1 and doc.lower[head] in _ROLE_LINKS:
        head -= 1
    else:
        head = comma - 1
    if head < 0 or not _role_head(doc.lower[head]) or doc.sent[head] != doc.sent[comma]:
        return None, False, -1
    start = head
    while start - 1 >= 0 and head - start < 5 and doc.sent[start - 1] == doc.sent[head] \
            and (_roleish(doc, start - 1) or (start > 1 and _plural_possessive(doc, start - 1))):
        start -= 1
    return _tidy_role(doc.between(start, comma)), doc.lower[head] in PLURAL_ROLE_HEADS, start


def _role_after(doc: Doc, last: int) -> tuple[str | None, bool]:
    """An appositive role: "Sultana, the MP for Coventry South," / "Ed Davey, leader of
    ...", or one stated: "Jess Phillips is the Labour MP for Birmingham Yardley."."""
    n = len(doc)
    if last + 1 >= n or doc.word[last] not in (",", "is") or doc.sent[last] != doc.sent[last - 1]:
        return None, False
    k = last + 1
    determined = doc.lower[k] in DETERMINERS_DEFINITE or doc.lower[k] in ("a", "an")
    if determined:
        k += 1
    elif doc.word[last] == "is":
        return None, False  # "Starmer is leading …"
    start = k
    while k < n and k - start < 6 and doc.sent[k] == doc.sent[last] \
            and (_roleish(doc, k) or (k > start and _plural_possessive(doc, k))):
        k += 1
    head = k - 1
    if head < start or not _role_head(doc.lower[head]):
        return None, False
    end = k
    if end < n and doc.lower[end] in _ROLE_LINKS:
        m = end + 1
        if m < n and doc.lower[m] == "the":
            m += 1
        caps = _proper_name_end(doc, m)
        words = m  # "a professor of international relations,": a few words, then the comma
        while words < n and words - m < 4 and doc.word[words].isalpha() and doc.lower[words] not in SPEECH_VERBS:
            words += 1
        if caps > m:
            end = caps
        elif words > m and words < n and doc.word[words] == ",":
            end = words
    if end < n and doc.lower[end] not in (",", ".", ")", ";", "–", "—", "and", "who"):
        return None, False
    return _tidy_role(doc.between(start, end)), doc.lower[head] in PLURAL_ROLE_HEADS


def _proper_name_end(doc: Doc, m: int) -> int:
    """The token after the capitalised words from `m` on that name what a role is of or
    for: "Greater Manchester", "Hampstead and Highgate" (`m` itself if there are none)."""
    k, n = m, len(doc)
    while k < n and k - m < 6 and (_name_token(doc, k) or (
            k > m and doc.lower[k] == "and" and k + 1 < n and _name_token(doc, k + 1))):
        k += 1
    return k


def _tidy_role(text: str) -> str:
    """A role as shown: capitalised, an abbreviated title written out ("Sen." → "Senator")."""
    text = ABBREVIATED_TITLES.get(text.lower(), text)
    return text[:1].upper() + text[1:]


def _speaker_slot(doc: Doc, run: _Run) -> bool:
    """Whether a speech verb follows the run ("X, who ..., said") or precedes it ("said X")."""
    n = len(doc)
    k = run.last
    if k < n and doc.word[k] == "(":
        close = next((c for c in range(k + 1, min(n, k + 8)) if doc.word[c] == ")"), None)
        k = close + 1 if close is not None else k
    if k < n and doc.lower[k] == "who":
        k += 1  # "Sammy Wilson who said"
    elif k < n and doc.word[k] == ",":
        relative = k + 1 < n and doc.lower[k + 1] == "who"
        close = next((c for c in range(k + 1, min(n, k + 24))
                      if doc.word[c] == "," or doc.word[c] in "“”\""
                      or (doc.lower[c] in SPEECH_VERBS and not relative)), None)
        if close is not None and doc.word[close] == ",":
            k = close + 1
    while k < n and doc.lower[k] in SKIPPABLE and doc.lower[k] not in _PASSIVE:
        k += 1
    if k < n and doc.lower[k] in SPEECH_VERBS and doc.sent[k] == doc.sent[run.first] \
            and not (k + 1 < n and doc.lower[k + 1] == "to"):
        return True
    j = (run.head if run.head >= 0 else run.first) - 1
    return j >= 1 and doc.lower[j] in SPEECH_VERBS and doc.word[j - 1] in (",", "”", "’", '"', "'")


def _share_evidence_in_lists(doc: Doc, runs: list[_Run]) -> None:
    """"Richard Burgon and Zarah Sultana": a full name listed beside a person is a person."""
    by_first = {(r.head if r.head >= 0 else r.first): r for r in runs}
    by_last = {r.last: r for r in runs}
    for _ in range(2):
        for run in runs:
            if run.evidence or run.blocked or len(run.words) < 2:
                continue
            start = run.head if run.head >= 0 else run.first
            neighbours = []
            if start >= 2 and doc.lower[start - 1] in ("and", ","):
                neighbours.append(by_last.get(start - 1))
            if run.last + 1 < len(doc) and doc.lower[run.last] in ("and", ","):
                neighbours.append(by_first.get(run.last + 1))
            if any(c is not None and c.evidence and not c.blocked and len(c.words) > 1 for c in neighbours):
                run.evidence = True


# -- clustering mentions into people -------------------------------------------------

def _deletions(word: str) -> list[str]:
    """The word and each way of dropping one letter: two words a slip apart share one."""
    if not 5 <= len(word) <= 30:
        return [word]
    return [word] + [word[:i] + word[i + 1:] for i in range(len(word))]


class _Union:
    def __init__(self) -> None:
        self.parent: dict = {}

    def find(self, x):
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a, b) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra


def _cluster(doc: Doc, runs: list[_Run]) -> tuple[list[Entity], list[Mention]]:
    full = [r for r in runs if len(r.words) > 1 and r.evidence]
    union = _Union()
    by_first_last: dict[tuple[str, str], tuple] = {}
    by_variant: dict[tuple[str, str], tuple] = {}
    for run in full:
        key = tuple(w.lower() for w in run.words)
        union.find(key)
        first_last = (key[0], key[-1])
        if first_last in by_first_last:
            union.union(by_first_last[first_last], key)
        else:
            by_first_last[first_last] = key
        for variant in _deletions(key[-1]):
            if len(by_variant) > 200_000:
                break
            other = by_variant.setdefault((key[0], variant), key)
            if other != key:
                union.union(other, key)
    groups: dict[tuple, int] = {}
    entities: list[Entity] = []
    mentions: list[Mention] = []
    for run in full:
        root = union.find(tuple(w.lower() for w in run.words))
        if root not in groups:
            groups[root] = len(entities)
            entities.append(Entity(words=run.words))
        _add_mention(doc, entities[groups[root]], groups[root], run, mentions)
    _attach_singles(doc, [r for r in runs if len(r.words) == 1], entities, mentions)
    for entity in entities:
        best = entity.name
        entity.words = tuple(best.split())
        if entity.gender is None:
            entity.gender = gender_of(entity.words[0]) if len(entity.words) > 1 else None
    return entities, mentions


def _surface(doc: Doc, run: _Run) -> tuple[str, int, int]:
    """The mention's text (honorific and name, no possessive) and its offsets."""
    start = doc.start[run.first]
    end = doc.end[run.last - 1]
    if run.possessive and doc.word[run.last - 1] not in "’'":
        end -= 2 if strip_possessive(doc.word[run.last - 1])[1] else 0
    elif run.possessive:
        end = doc.end[run.last - 2]
    return doc.text[start:end], start, end


def _add_mention(doc: Doc, entity: Entity, index: int, run: _Run, mentions: list[Mention]) -> None:
    surface, start, end = _surface(doc, run)
    name = " ".join(run.words)
    entity.forms[name] += 1
    entity.add(surface, (start, end))
    if run.honorific and entity.gender is None:
        entity.gender = HONORIFICS.get(run.honorific.lower().rstrip("."))
    if run.role and entity.role is None:
        entity.role = run.role
    mentions.append(Mention(run.first, run.last, PERSON, entity=index, possessive=run.possessive,
                            head=run.head))


def _attach_singles(doc: Doc, singles: list[_Run], entities: list[Entity], mentions: list[Mention]) -> None:
    """Surnames, Mr/Sir forms and lone names: to a full name if one fits, else their own person."""
    by_last: dict[str, list[int]] = {}
    by_first: dict[str, list[int]] = {}
    by_variant: dict[str, list[int]] = {}
    for i, entity in enumerate(entities):
        words = [form.split()[-1].lower() for form in entity.forms]
        words += [w.partition("-")[2] for w in words if w.partition("-")[0] in NAME_PARTICLES]
        for last in set(words):
            by_last.setdefault(last, []).append(i)
            for variant in _deletions(last)[1:]:
                by_variant.setdefault(variant, []).append(i)
        for form in entity.forms:
            by_first.setdefault(form.split()[0].lower(), []).append(i)
    positions = sorted((m.first, m.entity) for m in mentions)
    chosen: list[tuple[_Run, int | None]] = []
    own: dict[str, int] = {}
    for run in singles:
        index = _full_name_for(run, by_first, by_last, by_variant, positions)
        if index is None and run.evidence and run.words[0].lower() not in own:
            name = f"{run.honorific} {run.words[0]}" if run.honorific else run.words[0]
            own[run.words[0].lower()] = len(entities)
            entities.append(Entity(words=tuple(name.split())))
        chosen.append((run, index))
    for run, index in chosen:
        if index is None:
            index = own.get(run.words[0].lower())
            if index is None:
                continue
            entities[index].forms[" ".join(entities[index].words)] += 1
        _add_mention(doc, entities[index], index, run, mentions)


def _full_name_for(run: _Run, by_first: dict[str, list[int]], by_last: dict[str, list[int]],
                   by_variant: dict[str, list[int]], positions: list[tuple[int, int | None]]) -> int | None:
    """The person with a full name that a one-word mention refers to, if any."""
    word = run.words[0].lower()
    honorific = (run.honorific or "").lower().rstrip(".")
    choices: list[int] = []
    if honorific in FIRST_NAME_HONORIFICS:
        choices = by_first.get(word, [])
    if not choices:
        choices = by_last.get(word, [])
    if not choices and len(word) >= 5:
        choices = [i for v in _deletions(word) for i in by_variant.get(v, []) + by_last.get(v, [])]
    if not choices and not honorific and word in FIRST_NAMES:
        choices = by_first.get(word, [])
    choices = sorted(set(choices))
    if not choices:
        return None
    return _nearest(choices, positions, run.first) if len(choices) > 1 else choices[0]


def _nearest(choices: list[int], positions: list[tuple[int, int | None]], at: int) -> int:
    """Of several people with one surname, the one mentioned last before `at`."""
    k = bisect_left(positions, (at, -1)) - 1
    wanted = set(choices)
    while k >= 0 and at - positions[k][0] < 5000:
        if positions[k][1] in wanted:
            return positions[k][1]
        k -= 1
    return choices[0]


# -- titles, pronouns, groups --------------------------------------------------------

def _descriptions(doc: Doc, in_quote: bytearray, role_tokens: set[int], run_starts: set[int]) -> list[Mention]:
    """Titles used without a name ("the Prime Minister") and unnamed sources ("a source")."""
    found: list[Mention] = []
    n = len(doc)
    vocabulary = doc.vocabulary
    resume = 0  # the token after the last description
    for i in vocabulary.where({word for word in vocabulary.positions if _role_head(word)}):
        if i < resume or in_quote[i] or i in role_tokens:
            continue
        if i + 1 < n and (i + 1 in run_starts or doc.lower[i + 1] in HONORIFICS) and _adjacent(doc, i + 1) \
                and _name_token(doc, i + 1):
            continue  # a role phrase before a name
        k = i
        while k - 1 >= 0 and i - k < 5 and doc.sent[k - 1] == doc.sent[i] and _roleish(doc, k - 1) \
                and doc.lower[k - 1] not in DETERMINERS_INDEFINITE:
            k -= 1
        ahead = i + 1
        while ahead < n and ahead - i <= 3 and doc.sent[ahead] == doc.sent[i] \
                and doc.lower[ahead] in ROLE_MODIFIERS | ROLE_HEADS and not is_capitalised(doc.word[ahead]):
            if _role_head(doc.lower[ahead]):
                i = ahead
            ahead += 1
        lower = doc.lower[i]
        det = doc.lower[k - 1] if k >= 1 and doc.sent[k - 1] == doc.sent[i] else ""
        end = i + 1
        if end + 1 < n and doc.lower[end] in _ROLE_LINKS and doc.sent[end] == doc.sent[i]:
            m = end + 1 + (doc.lower[end + 1] == "the")
            caps = _proper_name_end(doc, m)
            if caps > m:
                end = caps
        if end + 1 < n and doc.word[end] == "," and end + 1 in run_starts:
            resume = end
            continue  # "Everton’s ex-chief executive, Keith Wyness,": the name's own role
        possessive_owner = strip_possessive(doc.word[k])[1] and k < i
        unnamed = lower in UNNAMED_HEADS or lower in PLURAL_ROLE_HEADS
        headline = not det and is_capitalised(doc.word[k]) and _headline_verb(doc, end)
        if det in DETERMINERS_DEFINITE or possessive_owner or (headline and not unnamed):
            start = k - 1 if det else k
            text = doc.between(k, end)
            kind = GROUP if unnamed else ROLE
            found.append(Mention(start, end, kind, key="" if unnamed else title_key(text)))
        elif det in DETERMINERS_INDEFINITE or unnamed:
            key = "" if unnamed else title_key(doc.between(k, end))
            start = k - 1 if det in DETERMINERS_INDEFINITE or det in DETERMINERS_DEFINITE else k
            found.append(Mention(start, end, GROUP, key=key))  # "One MP", "a minister", "officials"
        resume = end
    return found


def _headline_verb(doc: Doc, t: int) -> bool:
    """Whether token t is the verb a title opening a sentence without "the" has in a
    headline or standfirst: "Prime minister says …", "Labour leader calls for …"."""
    if t >= len(doc):
        return False
    word = doc.word[t]
    return word in SPEECH_VERBS or (word.isalpha() and word.islower() and len(word) > 3
                                    and word.endswith("s") and not word.endswith(("ss", "us", "is")))


def _pronouns_and_groups(doc: Doc) -> list[Mention]:
    found = []
    for i in doc.vocabulary.where(_PRONOUNS_AND_GROUPS):
        lower = doc.lower[i]
        if lower in PRONOUNS:
            found.append(Mention(i, i + 1, PRONOUN, gender=PRONOUNS[lower]))
        elif lower in POSSESSIVE_PRONOUNS and i + 1 < len(doc) and doc.word[i + 1][:1].islower():
            found.append(Mention(i, i + 1, PRONOUN, gender=POSSESSIVE_PRONOUNS[lower], possessive=True))
        elif lower == "they":
            found.append(Mention(i, i + 1, GROUP))
        elif lower in GROUP_NOUNS and not is_capitalised(doc.word[i]):
            with_article = i >= 1 and doc.lower[i - 1] in ("the", "a", "an")
            found.append(Mention(i - with_article, i + 1, GROUP))
    return found


def _without_overlaps(mentions: list[Mention]) -> list[Mention]:
    """One mention per token: persons over titles over pronouns over groups."""
    taken: dict[int, Mention] = {}
    for m in sorted(mentions, key=lambda m: (_PRIORITY[m.kind], m.first)):
        if all(t not in taken for t in range(m.begin, m.last)):
            for t in range(m.begin, m.last):
                taken[t] = m
    kept = {id(m): m for m in taken.values()}
    return sorted(kept.values(), key=lambda m: m.first)


def _resolve_titles(doc: Doc, entities: list[Entity], mentions: list[Mention],
                    descriptions: list[Mention], day: date | None, offices: OfficeIndex) -> None:
    """Give each title used alone the person it names in this article, if any."""
    links: dict[str, int] = {}
    for m in mentions:
        if m.kind == PERSON and m.head >= 0:
            links.setdefault(title_key(doc.between(m.head, m.first)), m.entity)
    for i, entity in enumerate(entities):
        if entity.role:
            links.setdefault(title_key(entity.role), i)
    by_name = {" ".join(e.words).lower(): i for i, e in enumerate(entities)}
    by_last: dict[str, list[int]] = {}
    for i, e in enumerate(entities):
        by_last.setdefault(e.words[-1].lower(), []).append(i)
    for m in descriptions:
        if m.kind != ROLE:
            continue
        m.entity = links.get(m.key)
        if m.entity is None:
            m.entity = _by_office(m.key, day, offices, entities, by_name, by_last)
        if m.entity is None:
            m.entity = _by_head(m.key, links, mentions, m.first)
        if m.entity is not None:
            attach_title(doc, entities[m.entity], m)


def _by_office(key: str, day: date | None, offices: OfficeIndex, entities: list[Entity],
               by_name: dict[str, int], by_last: dict[str, list[int]]) -> int | None:
    holders = offices.holders(key, day)
    present = []
    for holder in holders:
        words = holder.lower().split()
        index = by_name.get(holder.lower())
        if index is None:
            index = next((i for i in by_last.get(words[-1], [])
                          if len(entities[i].words) == 1 or entities[i].words[0].lower() == words[0]), None)
        if index is not None:
            present.append(index)
    if len(set(present)) == 1:
        return present[0]
    if day is not None and len(holders) == 1 and not present:
        entities.append(Entity(words=tuple(holders[0].split()), gender=gender_of(holders[0].split()[0])))
        entities[-1].forms[holders[0]] += 1
        by_name[holders[0].lower()] = len(entities) - 1
        return len(entities) - 1
    return None


def _by_head(key: str, links: dict[str, int], mentions: list[Mention], at: int) -> int | None:
    """"The president": the one person the article gives a title ending so, or the last named."""
    if " " in key:
        return None
    holders = {i for title, i in links.items() if key in title.split()}
    if len(holders) == 1:
        return holders.pop()
    last = None
    for m in mentions:
        if m.first >= at:
            break
        if m.entity in holders:
            last = m.entity
    return last


def attach_title(doc: Doc, entity: Entity, m: Mention) -> None:
    """Record a title used alone as a mention (and alias) of `entity`."""
    first = m.first + (doc.lower[m.first] in DETERMINERS_DEFINITE)
    text = doc.between(first, m.last)
    entity.add(text, (doc.start[first], doc.end[m.last - 1]))
    if entity.role is None:
        entity.role = _tidy_role(text)


_VOICE = 3
"""How often an article must say "I", "me" or "my" outside quotes to be in its author's voice."""
_FIRST_PERSON = frozenset(("i", "me", "my"))


def _author_voice(doc: Doc, in_quote: bytearray, entities: list[Entity],
                  author: str) -> tuple[int | None, list[Mention]]:
    """The author of an article written in their own voice (an opinion piece: "I
    believe …"), as one of its people: the person its metadata or its byline ("By Jess
    Phillips") names, and each "I" outside quotes as a mention of them; (None, []) if
    it is not."""
    mine = [t for t in doc.vocabulary.where(_FIRST_PERSON) if not in_quote[t]]
    if len(mine) < _VOICE:
        return None, []
    name, span = _byline(doc)
    words = author.split(",")[0].split() if author else name.split()
    if len(words) < 2 or not all(map(_name_like, words)):
        return None, []  # no author, several, or an outlet's desk
    key = [w.lower() for w in words]
    index = next((i for i, e in enumerate(entities) if [w.lower() for w in e.words] == key), None)
    if index is None:
        entities.append(Entity(words=tuple(words), gender=gender_of(words[0])))
        index = len(entities) - 1
    entity = entities[index]
    if span is not None and name.split() == list(words):
        entity.add(name, span)
    entity.forms[" ".join(words)] += 1
    voice = [t for t in mine if doc.word[t] == "I"]
    entity.spans.extend((doc.start[t], doc.end[t]) for t in voice)
    return index, [Mention(t, t + 1, PRONOUN, entity=index, gender=entity.gender) for t in voice]


def _byline(doc: Doc) -> tuple[str, tuple[int, int] | None]:
    """The name of a "By …" line among the first paragraphs, and its offsets."""
    for first, end in doc.para_tokens[:4]:
        if end - first > 1 and doc.lower[first] == "by":
            last = first + 1
            while last < end and last - first <= 4 and _name_token(doc, last):
                last += 1
            if last > first + 1:
                return doc.between(first + 1, last), (doc.start[first + 1], doc.end[last - 1])
    return "", None


def _excluded_tokens(doc: Doc) -> set[int]:
    """Tokens of bylines, photo credits and programme titles."""
    excluded: set[int] = set()
    for first, end in doc.para_tokens:
        short = end - first <= 12
        if short and first < end and (doc.lower[first] == "by" or any(
                doc.lower[t] in BYLINE_ROLES for t in range(first, end))):
            excluded.update(range(first, end))  # "By Jane Smith", "Kate Whannel, political reporter"
    n = len(doc)
    for i in doc.vocabulary.where(_EXCLUSION_CUES):
        lower = doc.lower[i]
        if lower == "by" and i >= 1 and doc.lower[i - 1] in BYLINE_PHRASES:
            j = i + 1
            while j < n and doc.sent[j] == doc.sent[i] and j - i < 12:
                excluded.add(j)
                j += 1
        elif lower == "/" and i + 1 < n and doc.lower[i + 1] in CREDIT_AGENCIES:
            j = i - 1
            while j >= 0 and i - j < 5 and (_name_token(doc, j) or doc.word[j] == "."):
                excluded.add(j)
                j -= 1
        elif lower in _CREDIT_LABELS and i + 2 < n and doc.word[i + 1] == ":":
            j = i + 2
            while j < n and j - i < 6 and _name_token(doc, j):
                excluded.add(j)
                j += 1
        elif lower == "with" and i >= 1 and _name_token(doc, i - 1) and _programme_title(doc, i - 1):
            j = i + 1
            while j < n and j - i < 5 and _name_token(doc, j):
                excluded.add(j)
                j += 1
    return excluded


def _programme_title(doc: Doc, last: int) -> bool:
    """Whether the capitalised words ending at `last` open a programme title: "Sunday" in
    "Sunday with Laura Kuenssberg", or any after an outlet's possessive ("the BBC’s ...")."""
    k = last
    while k - 1 >= 0 and last - k < 5 and _name_token(doc, k - 1) and not strip_possessive(doc.word[k - 1])[1]:
        k -= 1
    if doc.lower[k] in MONTHS_DAYS:
        return True
    return k >= 1 and strip_possessive(doc.lower[k - 1])[0] in OUTLETS and strip_possessive(doc.word[k - 1])[1]

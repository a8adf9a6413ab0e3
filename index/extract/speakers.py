"""Who said each quote, and who each "he", "she" and untied title refers to.

Rules, in the order news writing makes them reliable:
  0. a transcript's turn (turns.py) is its label's person, an answer the interviewee's;
  1. a quote that carries on from the paragraph before keeps its speaker;
  2. the attribution next to it: `X said: “…”`, `“…,” X said`, `“…,” said X`,
     `according to X`, `“…” – X`, a headline's `“…”: X …` — after the quote first
     when the quote opens its sentence, before it first otherwise. "…, adding: “…”"
     and "X rebuked Y and said" take the clause's subject; "X, who …, said", "X who
     said" and "X, a professor of law, said" take X, as "“…,” the union leader, X,
     said" does; then an attribution after a comma later in the sentence ("… “boots
     on the ground” to support a deal, the Prime Minister has said");
  3. the quote before it in the same paragraph (`“…,” she said. “…”`);
  4. a paragraph that is only a quote: the last speaker; a quote opening a sentence
     right after one in which someone spoke: that speaker;
  5. the subject of its sentence ("Mr Khan released a video to “…”").
A subject may be a name; a pronoun (the last person of that gender to be a subject or
speaker, never the author writing as "I"; with none, an unnamed source); a title,
resolved by people.py, else — where it opens its clause — the person last in the
subject's place ("Steve Reed told … The shadow environment secretary argued …",
"Speaking to the BBC, the health secretary said"), unless the title first introduced
an unnamed person ("One MP … the MP said"); or an unnamed source or organisation,
which leaves the quote without a named speaker.

A quote-only paragraph with no closing punctuation is a heading or pull quote; when its
words come again in another quote it is dropped as a repeat, otherwise it has no speaker.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from .lexicon import PARTICIPLES, SKIPPABLE, SPEECH_VERBS, UNNAMED_HEADS
from .people import GROUP, PERSON, PRONOUN, ROLE, Mention, People, attach_title
from .quotes import QuoteSpan, is_fragment
from .turns import ANSWER

NOBODY = -1
"""An unnamed source or an organisation: a real speaker, but no one to name."""
_TITLE_REACH = 4
"""How many sentences back an untied title looks for the person it stands for."""
_LEAD_SCAN = 30
_TRAIL_SCAN = 8
_APPOSITION_SCAN = 12
"""How many tokens a description between a name and its speech verb may take."""
_TRAILING_SCAN = 30
"""How many tokens after a quote or phrase its sentence's trailing attribution may begin."""
_FOLD = re.compile(r"[^\w]+")
_HEADINGS_CHECKED = 50
"""Headings compared with the article's quotes (bounds the work on hostile input)."""


@dataclass
class Attributed:
    """A quote with its speaker (an entity index, NOBODY, or None when unknown)."""

    span: QuoteSpan
    speaker: int | None
    first: int
    """Token index of the quote's first inner token."""
    last: int
    """Token index after its last inner token."""
    fragment: bool = False
    """A scare quote or fragment of five words or fewer."""


class _State:
    """What the reader remembers while going through the article."""

    def __init__(self, people: People):
        self.people = people
        self.salient: list[tuple[int, int]] = []
        """(entity or NOBODY, sentence index), most recent last."""
        self.last_speaker: int | None = None
        self.spoke_in = -1
        """The sentence in which last_speaker spoke."""
        self.quote_only = _quote_only_paragraphs(people)
        """Paragraphs with no word outside quotes."""
        self.unnamed: dict[str, int] = {}
        """Head word of each title that introduced an unnamed person -> its first token."""
        for m in people.mentions:
            if m.kind == GROUP and m.key:
                self.unnamed.setdefault(m.key.rsplit(" ", 1)[-1], m.first)

    def push(self, entity: int | None, sentence: int) -> None:
        if entity is not None:
            self.salient.append((entity, sentence))
            if len(self.salient) > 64:
                del self.salient[:32]

    def pronoun(self, m: Mention) -> int | None:
        if m.entity is not None:
            return m.entity
        entities = self.people.entities
        for entity, _ in reversed(self.salient):
            if entity == NOBODY or entity == self.people.author:
                continue
            gender = entities[entity].gender
            if gender is None or m.gender is None or gender == m.gender:
                if gender is None and m.gender is not None:
                    entities[entity].gender = m.gender
                m.entity = entity
                return entity
        return None

    def title(self, m: Mention, sentence: int) -> int | None:
        """An untied title: NOBODY when an unnamed person was introduced by it ("One MP
        … the MP said"), else the person last in the subject's place, a few sentences back."""
        if m.entity is not None:
            return m.entity
        introduced = self.unnamed.get(m.key.rsplit(" ", 1)[-1])
        if introduced is not None and introduced < m.first:
            return NOBODY
        if not _opens_clause(self.people, m):
            return None
        for entity, where in reversed(self.salient):
            if sentence - where > _TITLE_REACH:
                break
            if entity != NOBODY:
                m.entity = entity
                attach_title(self.people.doc, self.people.entities[entity], m)
                return entity
        return None

    def resolve(self, m: Mention | None, sentence: int, speaking: bool = True) -> int | None:
        """Who `m` refers to; an untied title only falls back to the last subject when
        it is `speaking` (the subject of a speech verb or a quote's attribution)."""
        if m is None:
            return None
        if m.kind == PERSON:
            return m.entity
        if m.kind == PRONOUN:
            return None if m.possessive else self.pronoun(m)
        if m.kind == ROLE:
            return self.title(m, sentence) if speaking else m.entity
        return NOBODY


def attribute(people: People, spans: list[QuoteSpan]) -> list[Attributed]:
    """Give every quote its speaker; resolves pronouns and titles in the mentions as it goes."""
    doc = people.doc
    quotes = [_locate(doc, s) for s in spans]
    opening = {q.first: q for q in quotes if q.first < q.last}
    state = _State(people)
    previous: Attributed | None = None
    subject_seen = -1  # the last sentence whose main subject was noted
    n = len(doc)
    resume = 0  # the token after the last quote taken
    # only quotes, mentions and speech verbs move the state: the other tokens are passed over
    for t in sorted({*opening, *people.starts_at, *doc.vocabulary.where(SPEECH_VERBS)}):
        if t < resume:
            continue
        q = opening.get(t)
        if q is not None:
            q.speaker = _speaker(people, state, q, previous)
            if q.speaker is not None and not _heading(state, q):
                state.push(q.speaker, doc.sent[q.first])
                state.last_speaker, state.spoke_in = q.speaker, doc.sent[q.first]
            previous = q
            resume = max(q.last, t + 1)
            continue
        if people.in_quote[t]:
            continue
        m = people.starts_at.get(t)
        sentence = doc.sent[t]
        if m is not None and m.kind == PRONOUN and m.possessive:
            state.pronoun(m)
        elif m is not None and people.is_subject(m) and m.kind == PRONOUN:
            state.push(state.resolve(m, sentence), sentence)
            subject_seen = sentence
        elif m is not None and people.is_subject(m) and subject_seen != sentence:
            subject_seen = sentence
            if m.kind != GROUP:
                state.push(state.resolve(m, sentence, speaking=False), sentence)
            elif _unnamed_subject(people, m):
                state.push(NOBODY, sentence)
        elif doc.lower[t] in SPEECH_VERBS and not (t + 1 < n and doc.lower[t + 1] == "to"):
            floor = doc.sentences[sentence][0]
            speaker = state.resolve(people.subject_before(t, floor), sentence)
            if speaker is not None:
                state.push(speaker, sentence)
                state.last_speaker, state.spoke_in = speaker, sentence
    quotes = [q for q in quotes if not q.span.turn or q.speaker is not None or q.span.turn == ANSWER]
    return _without_repeated_headings(state, quotes)  # a turn whose label names no one is no speech


def _opens_clause(people: People, m: Mention) -> bool:
    """Whether a title starts its sentence or follows a quote ("“…,” the minister said"):
    the places where a title refers back to the person just named."""
    doc = people.doc
    j = m.first - 1
    if j < 0 or doc.sent[j] != doc.sent[m.first]:
        return True
    if doc.word[j] == ",":
        sentence_first = doc.sentences[doc.sent[j]][0]
        if people.first_subject(sentence_first, j) is None:
            return True  # "Speaking to the BBC on Wednesday, the Health Secretary said"
    while j >= 0 and doc.word[j] in (",", "–", "—"):
        j -= 1
    return j >= 0 and doc.word[j] in "”’\"'"


def _locate(doc, span: QuoteSpan) -> Attributed:
    first = bisect_left(doc.start, span.start)
    last = bisect_left(doc.start, span.end)
    before = first - 1 if first >= 1 and doc.start[first - 1] == span.open_at else first
    opens = before == 0 or doc.sent[before - 1] != doc.sent[first]
    fragment = not span.turn and is_fragment(doc.text[span.start:span.end], span.terminal, opens)
    return Attributed(span, None, first, last, fragment)


def _unnamed_subject(people: People, m: Mention) -> bool:
    doc = people.doc
    return people.is_subject(m) and any(doc.lower[t] in UNNAMED_HEADS for t in range(m.first, m.last))


def _speaker(people: People, state: _State, q: Attributed, previous: Attributed | None) -> int | None:
    doc = people.doc
    span = q.span
    if span.turn:
        return _turn_speaker(people, state, q)
    if span.continued and previous is not None:
        return previous.speaker
    open_token = q.first - 1 if q.first > 0 and doc.start[q.first - 1] == span.open_at else q.first
    sentence = doc.sent[open_token]
    floor = doc.sentences[sentence][0]
    opens_sentence = _opens_sentence(people, floor, open_token)
    rules = (_after, _before) if opens_sentence else (_before, _after)
    for rule in rules:
        speaker = rule(people, state, q, open_token, floor)
        if speaker is not None:
            return speaker
    trailing = trailing_attribution(people, q.last, doc.sentences[sentence][1])
    if trailing is not None:
        return state.resolve(trailing, sentence)
    if previous is not None and previous.span.paragraph == span.paragraph and not _heading(state, previous):
        return previous.speaker
    if span.paragraph in state.quote_only:
        return None if _heading(state, q) else state.last_speaker
    if opens_sentence and state.spoke_in == sentence - 1 \
            and doc.para[doc.sentences[sentence - 1][0]] == span.paragraph:
        return state.last_speaker  # "She stands, she says, for a ceasefire. “I have said it …”"
    subject = people.first_subject(floor, open_token)
    return state.resolve(subject, sentence)


def _turn_speaker(people: People, state: _State, q: Attributed) -> int | None:
    """Who a transcript turn's label names: the person in it ("The Prime Minister (Rishi
    Sunak)" is Sunak), else its title or name as the article uses it ("KEIR STARMER");
    an answer is the interviewee's, the first person the article names."""
    doc = people.doc
    first = doc.para_tokens[q.span.paragraph][0]
    if q.span.turn == ANSWER:  # the mentions are in the text's order
        return next((m.entity for m in people.mentions if m.kind == PERSON and m.entity is not None), None)
    label = [people.starts_at.get(t) for t in range(first, q.first)]
    person = next((m for m in label if m is not None and m.kind == PERSON), None)
    if person is not None:
        return person.entity
    if label and label[0] is not None:
        return state.resolve(label[0], doc.sent[first])
    words = q.span.turn.lower().split(" (")[0].split()
    return next((i for i, e in enumerate(people.entities)
                 if [w.lower() for w in e.words[-len(words):]] == words), None)


def _before(people: People, state: _State, q: Attributed, open_token: int, floor: int) -> int | None:
    """`X said: “…”`, `X said it was “…”`, `…, adding: “…”`, `according to X, “…”`."""
    doc = people.doc
    sentence = doc.sent[open_token]
    j = open_token - 1
    while j >= floor and open_token - j <= _LEAD_SCAN:
        if people.in_quote[j]:
            j -= 1
            continue
        lower = doc.lower[j]
        if lower == "according" and j + 2 < len(doc) and doc.lower[j + 1] == "to":
            return state.resolve(attribution(people, j), sentence)
        if lower in PARTICIPLES:  # "…, adding: “…”": the main clause's subject
            return state.resolve(people.first_subject(floor, j), sentence)
        if lower in SPEECH_VERBS and not (j + 1 < len(doc) and doc.lower[j + 1] == "to"):
            return state.resolve(people.subject_before(j, floor), sentence)
        j -= 1
    return None


def _after(people: People, state: _State, q: Attributed, open_token: int, floor: int) -> int | None:
    """`“…,” X said`, `“…,” said X`, `“…”, according to X`, `“…”: X …`."""
    doc = people.doc
    span = q.span
    if span.close_at is None:
        return None
    close_token = bisect_left(doc.start, span.close_at)
    k = close_token + 1
    n = len(doc)
    sentence = doc.sent[open_token]
    dashed = False
    while k < n and doc.word[k] in (",", "–", "—", "-", ":") and k - close_token < 4:
        dashed = dashed or doc.word[k] != ","
        k += 1
    if k >= n or doc.para[k] != span.paragraph or doc.sent[k] != doc.sent[close_token]:
        return None
    named = attribution(people, k)
    if named is not None:
        speaker = state.resolve(named, sentence)
        if speaker is None and named.kind == PRONOUN:
            return NOBODY  # "she said" with no woman named before: someone, but not the last speaker
        return speaker
    m = _mention_at(people, k)
    if not dashed or m is None or m.kind != PERSON:
        return None
    headline = doc.word[k - 1] == ":"  # “…”: Sarwar repeats call
    ends = m.last >= n or doc.para[m.last] != span.paragraph or doc.word[m.last] in (".", ",", "(")
    return m.entity if headline or ends else None  # “…” – Jane Smith


def attribution(people: People, k: int) -> Mention | None:
    """The mention named by an attribution that starts at token `k`: "according to X",
    "said X", "X said", "X (Labour) has said", "X, a professor of law, said", "the union
    leader, X, told"; None when the words there are not one."""
    doc = people.doc
    n = len(doc)
    if k >= n:
        return None
    if doc.lower[k] == "according" and k + 2 < n and doc.lower[k + 1] == "to":
        return _mention_at(people, k + 2)
    if doc.lower[k] in SPEECH_VERBS:
        return _mention_at(people, k + 1) if k + 1 < n else None
    m = _mention_at(people, k)
    if m is None:
        return None
    j = m.last
    if j < n and doc.word[j] == "(":
        j = next((c + 1 for c in range(j + 1, min(n, j + 8)) if doc.word[c] == ")"), j)
    elif j < n and doc.word[j] == ",":
        j = _past_apposition(people, j)
    steps = 0
    while j < n and doc.lower[j] in SKIPPABLE and steps < _TRAIL_SCAN:
        j += 1
        steps += 1
    return m if j < n and doc.lower[j] in SPEECH_VERBS else None


def trailing_attribution(people: People, after: int, end: int) -> Mention | None:
    """The mention named by an attribution after a comma between tokens `after` and
    `end` (a sentence's end), outside quotes and near: "… to support a peace deal, the
    Prime Minister has said"."""
    doc = people.doc
    for comma in range(after, min(end - 1, after + _TRAILING_SCAN)):
        if doc.word[comma] == "," and not people.in_quote[comma]:
            m = attribution(people, comma + 1)
            if m is not None:
                return m
    return None


def _mention_at(people: People, k: int) -> Mention | None:
    """The mention starting at token `k`, or just after an article there ("“…,” the
    union leader, Brian Oldroyd, said"; "according to a State Department spokesman,
    Matthew Miller,")."""
    m = people.starts_at.get(k)
    if m is None and people.doc.lower[k] in ("the", "a", "an") and k + 1 < len(people.doc):
        m = people.starts_at.get(k + 1)
    return m


def _past_apposition(people: People, comma: int) -> int:
    """Where the words after a name resume past a description set off by commas ("…,”
    Lewis Cavendish, a professor of international relations, said"; "the union leader,
    Brian Oldroyd, told"): the token after the closing comma, else `comma`."""
    doc = people.doc
    n = len(doc)
    if comma + 1 < n and doc.lower[comma + 1] in SPEECH_VERBS:
        return comma + 1
    for t in range(comma + 1, min(n, comma + _APPOSITION_SCAN)):
        if people.in_quote[t] or doc.sent[t] != doc.sent[comma]:
            break
        if doc.word[t] == ",":
            return t + 1 if t > comma + 1 else comma
    return comma


def _opens_sentence(people: People, floor: int, open_token: int) -> bool:
    """Whether no word outside quotes comes before `open_token` in its sentence."""
    doc = people.doc
    for t in range(open_token - 1, max(floor, open_token - 60) - 1, -1):
        if not people.in_quote[t] and doc.word[t][:1].isalnum():
            return False
    return open_token - floor <= 60


def _quote_only_paragraphs(people: People) -> set[int]:
    """Paragraphs with no word outside quotes."""
    doc = people.doc
    return {
        p for p, (first, end) in enumerate(doc.para_tokens)
        if not any(not people.in_quote[t] and doc.word[t][:1].isalnum() for t in range(first, end))
    }


def _heading(state: _State, q: Attributed) -> bool:
    """A quote standing alone as a paragraph without closing punctuation: a heading."""
    span = q.span
    return not span.continued and not span.terminal and span.close_at is not None \
        and span.paragraph in state.quote_only


def _fold(text: str) -> str:
    return " ".join(_FOLD.sub(" ", text.lower().replace("’", "'")).split())


def _without_repeated_headings(state: _State, quotes: list[Attributed]) -> list[Attributed]:
    """Drop headings that repeat a quote of the article; the rest have no speaker."""
    text = state.people.doc.text
    headings = [q for q in quotes if _heading(state, q)]
    if not headings:
        return quotes
    said = "\n".join(_fold(text[q.span.start:q.span.end]) for q in quotes if not _heading(state, q))
    repeats = {id(q) for q in headings[:_HEADINGS_CHECKED] if _fold(text[q.span.start:q.span.end]) in said}
    for q in headings:
        q.speaker = None
    return [q for q in quotes if id(q) not in repeats]

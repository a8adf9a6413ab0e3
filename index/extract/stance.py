"""Stances: who supports or opposes each topic, with the sentence that shows it.

A topic's `support` and `oppose` phrases say what each side wants ("ban on arms sales",
"humanitarian pause"). Where one appears, the cues close before it set the attitude of
whoever holds it: endorsing cues (call for, back, urge, need, be part of) keep the phrase's
direction, rejecting cues (resist, rule out, defy) turn it round, and each negation
turns its cue round ("not backing", "don't agree with"; not "don't we need …?"). Cues
chain only when each sits close before the next ("has resisted calls for a full
ceasefire" opposes; "defied the party by calling for a ceasefire" supports). With no
cue, a negation ("would not suspend arms sales"), a modal ("there must be a ceasefire")
or what is said of the phrase after it ("a ceasefire would embolden Hamas") decides.
Doubt leaves it neutral ("whether", "declined to", "under pressure to"), and so do
other people's calls ("understands calls for a ceasefire"), unless the question put is
answered ("Asked whether Britain should stop arms sales, X said: “No.”"). A question
put to the one spoken to ("Do you back a ceasefire?") is no view of the asker's.

The holder is the quote's speaker inside a quote — unless the quote reports what a third
party did ("the government refused to suspend …"); outside, the subject before the
cues, with the conventions of reported speech: "X urged Y to back" is X's stance, not
Y's; "X's decision not to" is X's; "his party would support" is his; "X said the party
must" and "X set out why the leadership was not" are X's; "colleagues calling for" is
the colleagues'; "…, as well as A, B and C" and "…, including A and B" share the
stance; "Britain must stop arms sales, X said" is X's when no person is the clause's
subject and the clause asserts rather than reports ("Israel refused …, X said" is not);
"For X, …" and "According to X, …" give X the clause after the comma; in an opinion
piece (people.py: written as "I"), a clause asserting with no person as its subject is
its author's. A gerund's call opening a clause takes what is said of it ("X said
calling for a ceasefire was not the way forward" opposes).
A topic counts only near its context words (a Ukraine ceasefire is not a Gaza one), or
in the first paragraphs under a title that holds one ("Yvette Cooper on Gaza").
After "but" the later clause wins; per person and topic the article's sentences are
summed: support, oppose, neutral.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from ..model import Stance
from .lexicon import CONTRASTS, IRREGULAR_PAST, NEGATIONS, SKIPPABLE, SPEECH_VERBS
from .people import GROUP, PERSON, Mention, People
from .phrases import PhraseSet, compile_phrase
from .speakers import NOBODY, Attributed, trailing_attribution
from .text import Doc, split, strip_possessive
from .topics import Topic

_ENDORSE = """
    call* for, calls from ... for, back, backs, backed, backing, support, supports, supported,
    supporting, demand*, urg*, push* for, press* for, want*, need, needs, needed, agree* with,
    in favour of, in favor of, advocat*, endorse*, restate*, reiterat*, renew*, repeat*,
    join*, echo*, welcome*, prepared to, ready to, committed to, pledg*, vow*, argu* for,
    make the case for, willing to, fight for, campaign* for, lobb* for, champion*,
    favour*, favor*, call* on, insist* on, means, vot* for, hail*, prais*, applaud*,
    celebrat*, defend*, supporter* of, proponent* of, champion* of, be part of, take part in,
    unite behind, get behind, rally behind, weight behind, time to, time for
"""
_REJECT = """
    resist*, reject*, oppos*, against, rule* out, ruled out, refus*, dismiss*, criticis*,
    defy, defies, defied, defying, rebuff*, snub*, ignor*, push* back against, turn* down,
    criticiz*, condemn*, warn* against, stop* short of, veto*, block*, scrap*, abandon*,
    wrong, mistake, instead of, rather than, disagree* with, critic* of, opponent* of,
    sceptic* about, sceptic* of, skeptic* about, skeptic* of, stand* in the way of
"""
_DOUBT = """
    whether, if, declin*, confirm nor deny, would not say, refus* to say, under ... pressure,
    pressure to, debate over, unclear, consider*, question of
"""
_CLAUSE_MARKS = CONTRASTS | {";"}
"""Where a sentence's later clause begins (its stance counts over an earlier one's)."""
_MODALS = frozenset("must should will would".split())
"""Before a phrase (or inside it: "arms sales should stop"), these assert it."""
_URGENT = frozenset("immediate immediately urgent urgently now".split())
"""Around a phrase in a speaker's own words, these assert it ("a ceasefire right now")."""
_PRAISE = """
    help*, needed, essential, vital, only way, must happen, is right, would save, would stop,
    realistic, work, way forward, right thing
"""
_BLAME = """
    embolden*, mistake, wrong, would leave, would only, reward*, freez*, not the answer,
    counterproductive, dangerous, unrealistic, betrayal, surrender, premature, naive,
    unworkable, gift to
"""
"""Said of a phrase right after it: "a ceasefire would help", "… would embolden Hamas"."""
_PRESSURE = frozenset("""
    urged urging urge urges pressed pressing pressured pressuring asked asking challenged
    lobbied implored begged encouraged encouraging told telling
""".split())
_EXPLAIN = frozenset("set explained explaining explain outlined outlining justified defended defending".split())
_DEONTIC = frozenset("must should need needs ought ready prepared willing".split())
"""Words by which "X said the party must …" (or "… Britain was ready to …") is X's stance."""
_CALL = frozenset(("call", "calls"))
_VERB_BEFORE_CALL = frozenset("""
    to will would must should could can may might also now again i we they you he she it
    and not who repeatedly further then
""".split())
_SINGULAR_SUBJECTS = frozenset("he she it who also now again".split())
_OWNERS = frozenset("his her their its our my".split())
_CHAIN_GAP = 4
"""At most this many words between a cue and the cue or phrase it governs."""
_CHAIN_BREAKS = frozenset("by while as after because when since although though and or".split())
"""Words after which a cue no longer governs: "defied the party by calling for …",
"had the right to defend itself and rejected calls for …"."""
_TRANSPARENT = frozenset("a an the including especially".split())
"""Not counted in that gap: "need to see tougher action – including an end to …"."""
_PRESENT = frozenset("is are am will would must should can may need needs ought".split())
_PAST = frozenset("was were had has have did".split())
_AUXILIARIES = frozenset("do does did will would can could should shall are were have has".split())
_ANSWERS = {"yes": 1, "yeah": 1, "absolutely": 1, "certainly": 1, "definitely": 1, "no": -1, "never": -1}
"""The first word of a quote that answers a question put to its speaker."""
_VERDICT_REACH = 7
"""How many tokens after a phrase what is said of it may end ("halting arms sales to
Israel would be a mistake")."""
_CONTEXT_PARAGRAPHS = 3
_WINDOW = 14
"""How many tokens before a phrase its cues may be."""


def _cue_set(text: str, value: int) -> list:
    return [p for p in (compile_phrase(w, value) for w in text.replace("\n", " ").split(",")) if p]


CUES = PhraseSet(_cue_set(_ENDORSE, 1) + _cue_set(_REJECT, -1) + _cue_set(_DOUBT, 0))
VERDICTS = PhraseSet(_cue_set(_PRAISE, 1) + _cue_set(_BLAME, -1))


@dataclass
class _Evidence:
    holder: int
    topic: str
    value: int
    sentence: int
    clause: int


class _Article:
    """One article's tokens, quotes and mentions, as the stance rules read them."""

    def __init__(self, people: People, quotes: list[Attributed]):
        self.people = people
        self.doc = people.doc
        self.quote_at = [-1] * len(self.doc)
        """Speech quote (index into quotes) of each token; scare quotes read as narrative."""
        self.fragment_at: dict[int, int] = {}
        for k, q in enumerate(quotes):
            for t in range(q.first, q.last):
                if q.fragment:
                    self.fragment_at[t] = k
                else:
                    self.quote_at[t] = k
        self.quotes = quotes

    def negated(self, start: int, floor: int) -> bool:
        """Whether a negation comes within three words before token `start`."""
        lower = self.doc.lower
        for t in range(start - 1, max(floor, start - 3) - 1, -1):
            word = lower[t]
            if word in NEGATIONS or word.endswith(("n’t", "n't")):
                follower = lower[t + 1] if t + 1 < len(lower) else ""
                return follower not in ("we", "you", "they", "i", "he", "she", "it")  # "don't we need…?"
        return False

    def call_value(self, start: int) -> int | None:
        """For "call(s) for": 0 when it is someone else's call ("growing calls for",
        "understands calls for"); None when it is the holder's own (a verb, "his calls")
        or governed by another cue ("resisted calls for")."""
        doc = self.doc
        word = doc.lower[start]
        if word not in _CALL or start == 0:
            return None
        before = doc.lower[start - 1]
        if before in _OWNERS or strip_possessive(doc.word[start - 1])[1]:
            return None
        if word == "call" and (before in _VERB_BEFORE_CALL or before.endswith(("n’t", "n't"))):
            return None
        if word == "calls" and (before in _SINGULAR_SUBJECTS or before.endswith("ly")
                                or doc.word[start - 1][:1].isupper() or start - 1 in self.people.ends_at):
            return None  # "she calls for", "Starmer calls for", "the Labour leader calls for"
        for k in range(max(0, start - 4), start):
            match = CUES.longest_at(doc.lower, k, start)
            if match is not None and match[0] >= start - 2:
                return None  # "resisted calls for", "defied growing calls from … for"
        return 0


def find_stances(people: People, quotes: list[Attributed], topics: list[Topic], title: str = ""
                 ) -> tuple[list[Stance], dict[int, list[tuple[str, str]]]]:
    """Each person's stance per topic, and the (topic, stance) pairs of each quote;
    a `title` kept apart from the text gives context to its first paragraphs."""
    article = _Article(people, quotes)
    doc = people.doc
    words = doc.vocabulary
    bounds = [0] * len(doc)
    for first, end in doc.sentences:
        bounds[first:end] = [end] * (end - first)
    cues = _by_sentence(doc, CUES.scan(words, bounds))
    contrasts = words.where(_CLAUSE_MARKS)
    evidence: list[_Evidence] = []
    by_quote: dict[int, dict[str, int]] = {}
    for topic in topics:
        context = {doc.para[i] for i, _, _ in topic.context_phrases.scan(words, bounds)}
        excluded = set(_by_sentence(doc, topic.exclude_phrases.scan(words, bounds)))
        for s, matches in _by_sentence(doc, topic.stance_phrases.scan(words, bounds)).items():
            first, end = doc.sentences[s]
            paragraph = doc.para[first]
            if s in excluded or (topic.context_phrases and not any(
                    p in context for p in range(paragraph - _CONTEXT_PARAGRAPHS, paragraph + 1))
                    and not (paragraph < _CONTEXT_PARAGRAPHS and _in_title(title, topic))):
                continue
            sentence_cues = cues.get(s, [])
            previous_stop = first
            for start, stop, phrase in _with_anaphora(doc, matches, sentence_cues):
                quote = article.quote_at[start]
                if quote >= 0 and (_reported_in_quote(article, quote, sentence_cues, start)
                                   or _asks_you(article, quote, first, end)):
                    continue
                value = phrase.value * _attitude(article, sentence_cues, start, stop, quote,
                                                 max(first, previous_stop))
                previous_stop = stop
                said_in = quote if quote >= 0 else article.fragment_at.get(start, -1)
                if said_in >= 0:
                    by_quote.setdefault(said_in, {}).setdefault(topic.id, 0)
                    by_quote[said_in][topic.id] += value
                if quote >= 0:
                    holders = [quotes[quote].speaker]
                else:
                    holders = _holders(article, sentence_cues, start, first)
                    if holders in ([], [NOBODY]):
                        holders = _trailing_speaker(article, start, stop, first, end) \
                            or _fronted(article, start, first) or _authors_assertion(article, start, first) \
                            or holders
                holders += _as_well_as(people, stop, end)
                clause = bisect_left(contrasts, start) - bisect_left(contrasts, first)
                for holder in holders:
                    if holder is not None and holder != NOBODY:
                        evidence.append(_Evidence(holder, topic.id, value, s, clause))
    stances = _aggregate(people, evidence)
    quote_stances = {
        k: [(topic, _label(v)) for topic, v in values.items()] for k, values in sorted(by_quote.items())
    }
    return stances, quote_stances


def _in_title(title: str, topic: Topic) -> bool:
    """Whether a title kept apart from the text holds one of the topic's context words,
    for the paragraphs as near its start as a context word must be."""
    if not title:
        return False
    words = _title_words(title)
    return bool(topic.context_phrases.scan(words.vocabulary, [len(words)] * len(words)))


@lru_cache(maxsize=16)
def _title_words(title: str) -> Doc:
    return split(title)


def _by_sentence(doc, matches: list) -> dict[int, list]:
    grouped: dict[int, list] = {}
    for match in matches:
        grouped.setdefault(doc.sent[match[0]], []).append(match)
    return grouped


def _label(value: int) -> str:
    return "support" if value > 0 else "oppose" if value < 0 else "neutral"


def _with_anaphora(doc, matches: list, cues: list) -> list:
    """The matches, and "one" after a cue standing for the phrase before it in the
    sentence ("…not calling for one"), in order."""
    extra = []
    k = 0
    for _, stop, _cue in cues:
        while k < len(matches) and matches[k][1] <= stop:
            k += 1
        if k and stop < len(doc) and doc.lower[stop] == "one":
            extra.append((stop, stop + 1, matches[k - 1][2]))
    return sorted(matches + extra, key=lambda m: m[0]) if extra else matches


def _chain(article: _Article, cues: list, start: int, floor: int, quote: int) -> list:
    """The cues that govern the phrase at `start`, nearest first: each sits close before
    the next ("has resisted calls for a ceasefire"), on the same side of a quote mark."""
    doc = article.doc
    chain = []
    governs = start
    for cue in reversed(cues[bisect_left(cues, (floor,)):bisect_left(cues, (start,))]):
        cue_start, cue_stop, _ = cue
        if cue_stop > governs or (article.quote_at[cue_start] >= 0) != (quote >= 0):
            continue
        between = [w for w in doc.lower[cue_stop:governs] if w[:1].isalnum() and w not in _TRANSPARENT]
        if len(between) > _CHAIN_GAP or any(word in _CHAIN_BREAKS for word in between):
            break
        chain.append(cue)
        governs = cue_start
    return chain


def _floor(article: _Article, start: int, sentence_first: int, quote: int) -> int:
    """Where the words that may bear on the phrase at `start` begin."""
    floor = max(sentence_first, start - _WINDOW)
    return max(floor, article.quotes[quote].first) if quote >= 0 else floor


def _attitude(article: _Article, cues: list, start: int, stop: int, quote: int, sentence_first: int) -> int:
    """The product of the cues governing the phrase (each turned by a negation), or what
    decides without them; 0 when nothing does."""
    doc = article.doc
    floor = _floor(article, start, sentence_first, quote)
    product, found = 1, False
    chain = _chain(article, cues, start, floor, quote)
    for cue_start, _, cue in chain:
        value = cue.value
        governed = article.call_value(cue_start)
        if governed is not None:
            value = governed
        if value == 0:
            value = _answer(article, cue_start, start)
        if value == 0 and governed == 0 and stop < len(doc) and doc.lower[stop] == "as":
            value = _verdict(article, stop)  # "described calls for a ceasefire as naive"
        if value == 0:
            return 0
        if article.negated(cue_start, floor):
            value = -value
        product *= value
        found = True
    if _pressured(article, floor, start) is not None:
        found = True
    elif not found and quote >= 0 and _pressing_question(article, quote):
        found = True
    if found:
        if chain and _gerund_subject(doc, chain[-1][0], floor):
            product *= _verdict(article, stop) or 1  # "calling for a ceasefire was not the way forward"
        return product
    if article.negated(start, floor):
        return -1  # "would not suspend arms sales", "no ceasefire"
    verdict = _verdict(article, stop)
    if verdict:
        return verdict
    near = range(max(floor, start - 2), min(len(doc), stop + 2))
    asserted = _modal_before(doc, start, floor) or any(doc.lower[t] in _MODALS for t in range(start, stop)) \
        or (quote >= 0 and any(doc.lower[t] in _URGENT for t in near))
    return 1 if asserted else 0


def _gerund_subject(doc, cue_start: int, floor: int) -> bool:
    """Whether a cue is a gerund opening its clause ("X said calling for a ceasefire
    was …"), so what is said after its phrase is said of the call."""
    before = doc.lower[cue_start - 1] if cue_start > floor else ""
    return doc.lower[cue_start].endswith("ing") and (not before or before in SPEECH_VERBS or before == "that")


def _answer(article: _Article, cue_start: int, start: int) -> int:
    """"Asked whether Britain should stop arms sales, X said: “No.”": the answer in its
    sentence's quote turns the question into a stance (1 yes, -1 no); 0 otherwise."""
    doc = article.doc
    if cue_start == 0 or doc.lower[cue_start] not in ("whether", "if") or doc.lower[cue_start - 1] != "asked":
        return 0
    for t in range(start, doc.sentences[doc.sent[cue_start]][1]):
        if article.quote_at[t] >= 0:
            return _ANSWERS.get(doc.lower[t], 0)
    return 0


def _modal_before(doc, start: int, floor: int) -> bool:
    """A modal within three words before a phrase, not counting articles, "be" and words
    of urgency: "there must be an immediate ceasefire"."""
    counted = 0
    for t in range(start - 1, floor - 1, -1):
        word = doc.lower[t]
        if word in _MODALS:
            return True
        if word not in _TRANSPARENT and word not in _URGENT and word != "be":
            counted += 1
            if counted == 3:
                return False
    return False


def _verdict(article: _Article, stop: int) -> int:
    """What the words right after a phrase say of it: "a ceasefire would help" (+1),
    "a ceasefire would embolden Hamas" (-1), "would not help" (-1); 0 if nothing."""
    doc = article.doc
    end = stop
    while end < len(doc) and end - stop < _VERDICT_REACH and doc.word[end] not in (",", ";", ".") \
            and doc.lower[end] not in CONTRASTS:
        end += 1
    for k in range(stop, end):
        match = VERDICTS.longest_at(doc.lower, k, end)
        if match is not None:
            return -match[1].value if article.negated(k, stop) else match[1].value
    return 0


def _reported_in_quote(article: _Article, quote: int, cues: list, start: int) -> bool:
    """Inside a quote, what a third party did ("the government refused to suspend arms
    sales") is reported by the speaker, not the speaker's own stance; what anyone must,
    will or is prepared to do ("the party needs to call for …") is the speaker's."""
    doc = article.doc
    people = article.people
    first = article.quotes[quote].first
    chain = _chain(article, cues, start, _floor(article, start, first, quote), quote)
    verb = chain[-1][0] if chain else start
    for j in range(verb - 1, max(first, verb - 8) - 1, -1):
        m = people.ends_at.get(j)
        if m is None:
            continue
        if m.possessive or (m.kind == PERSON and m.entity == article.quotes[quote].speaker):
            return False
        if _said_by_another(article, m.first, article.quotes[quote].speaker):
            return True
        between = doc.lower[m.last:verb + 1]
        if any(word in _PRESENT for word in between):
            return False
        return any(word in _PAST for word in between) or between[-1].endswith("ed") \
            or between[-1] in IRREGULAR_PAST
    return False


def _said_by_another(article: _Article, first: int, speaker: int | None) -> bool:
    """"The Prime Minister says he wants …" in a quote: the clause from token `first` on
    reports what someone other than the speaker says."""
    doc, people = article.doc, article.people
    k = first - 1 - (first >= 1 and doc.lower[first - 1] == "that")
    if k < 1 or doc.lower[k] not in SPEECH_VERBS:
        return False
    m = people.ends_at.get(k - 1)
    if m is None:  # a title or a group, which quotes do not resolve: anyone but "I" or "we"
        return doc.lower[k - 1] not in ("i", "we")
    return not m.possessive and m.entity is not None and m.entity != speaker


def _asks_you(article: _Article, quote: int, first: int, end: int) -> bool:
    """"Do you back an immediate ceasefire?": a question put to the one spoken to holds
    none of the asker's views."""
    doc = article.doc
    k = max(first, article.quotes[quote].first)
    k += k < end and doc.lower[k] in ("but", "and", "so")  # "But do you …?"
    return k + 1 < end and doc.lower[k] in _AUXILIARIES and doc.lower[k + 1] == "you" \
        and "?" in doc.word[max(k, end - 2):end]


def _pressing_question(article: _Article, quote: int) -> bool:
    """"She asked if the PM would “…”", "he urged ministers to “…”": the quote presses for
    what it names, so its phrases count as endorsed."""
    doc = article.doc
    first = article.quotes[quote].first
    floor = doc.sentences[doc.sent[max(0, first - 1)]][0]
    saw_link = False
    for t in range(first - 2, max(floor, first - 12) - 1, -1):
        word = doc.lower[t]
        if word in ("if", "whether", "to"):
            saw_link = True
        elif word in _PRESSURE and saw_link:
            return True
    return False


def _pressured(article: _Article, floor: int, start: int) -> int | None:
    """The pressure verb in "urged Y to <phrase>", or None."""
    doc = article.doc
    saw_to = False
    for t in range(start - 1, max(floor, start - _WINDOW) - 1, -1):
        word = doc.lower[t]
        if word == "to":
            saw_to = True
        elif word in _PRESSURE and saw_to and t + 1 < start and doc.lower[t + 1] != "to":
            return t
    return None


def _holders(article: _Article, cues: list, start: int, floor: int) -> list[int | None]:
    """Who holds the attitude toward the phrase at `start`, outside quotes."""
    people = article.people
    doc = article.doc
    pressure = _pressured(article, floor, start)
    scan_from = pressure if pressure is not None else start
    chain = _chain(article, cues, start, _floor(article, start, floor, -1), -1)
    first_cue = chain[-1][0] if chain else start
    coordinated = first_cue > floor and doc.lower[first_cue - 1] == "and"
    j = scan_from - 1
    steps = 0
    while j >= floor and steps < 40:
        steps += 1
        if article.quote_at[j] >= 0:
            j -= 1
            continue
        m = people.ends_at.get(j)
        if m is None:
            j -= 1
            continue
        if m.possessive and first_cue - m.last <= 3:
            return [_entity(people, m)]
        apposed = people.apposed_to(m)
        if apposed is not None:
            m = apposed  # "Sir Graham Darrow, a Labour MP, urged"
        if m.kind == GROUP and (_modifies_noun(doc, m) or doc.lower[m.begin - 1:m.begin] == ["among"]):
            j = m.begin - 1
            continue  # "the official Labour position", "X is among those calling for"
        if not m.possessive and (people.is_subject(m) or _relative(doc, m, first_cue)):
            if m.kind == GROUP and coordinated:
                j = m.begin - 1
                continue  # "X said Israel had the right … and rejected calls": X rejected
            if m.kind == GROUP:
                owner = _group_owner(article, m, start)
                if owner is not None:
                    j = owner - 1
                    continue
                return [NOBODY]
            return _with_listed(people, m)
        j = m.begin - 1
    return []


def _trailing_speaker(article: _Article, start: int, stop: int, first: int, end: int) -> list[int]:
    """"Britain must stop arms sales to Israel, Anas Sarwar said": the person a trailing
    attribution names, as the holder of a clause with no person of its own as subject,
    when the clause asserts (a modal, the present) rather than reports what was done
    ("Israel refused to …, X said" is not X's stance); [] if there is none."""
    if not _asserts(article.doc, first, start):
        return []
    m = trailing_attribution(article.people, stop, end)
    return [m.entity] if m is not None and m.kind != GROUP and m.entity is not None else []


def _fronted(article: _Article, start: int, first: int) -> list[int]:
    """"For Naz Shah, an immediate ceasefire is essential", "According to X, …": the
    person a sentence's opening phrase names holds the clause after its comma."""
    doc = article.doc
    k = first + 2 if doc.lower[first:first + 2] == ["according", "to"] else first + (doc.lower[first] == "for")
    m = article.people.starts_at.get(k) if k > first else None
    if m is None or m.kind == GROUP or m.entity is None or m.last >= start or doc.word[m.last] != ",":
        return []
    return [m.entity]


def _authors_assertion(article: _Article, start: int, first: int) -> list[int]:
    """In an opinion piece, a clause with no person as its subject that asserts ("The UK
    should stop arms sales to Israel now") is its author's view; [] elsewhere."""
    author = article.people.author
    return [author] if author is not None and _asserts(article.doc, first, start) else []


def _asserts(doc, first: int, start: int) -> bool:
    """Whether the words from `first` to `start` assert (a modal, the present) rather
    than report what was done."""
    before = doc.lower[first:start]
    return any(word in _PRESENT or word in _DEONTIC for word in before) and not any(word in _PAST for word in before)


def _modifies_noun(doc, m: Mention) -> bool:
    """Whether a group's name qualifies the noun after it ("Labour position") rather
    than being the subject of a verb ("Labour said", "the party has", "MPs backed")."""
    if m.last >= len(doc):
        return False
    after = doc.word[m.last]
    return after.isalpha() and after.islower() and after not in SKIPPABLE and after not in SPEECH_VERBS \
        and after not in _PRESENT and after not in ("can", "cannot", "must") \
        and not after.endswith(("ed", "s", "ing")) and CUES.longest_at(doc.lower, m.last, len(doc)) is None


def _relative(doc, m: Mention, first_cue: int) -> bool:
    """"colleagues calling for", "MPs who have called for": the mention holds the cue."""
    between = [doc.lower[t] for t in range(m.last, first_cue)]
    if not between:
        return doc.lower[first_cue].endswith("ing")
    return between[0] in ("who", "which", "that") and len(between) <= 3


def _group_owner(article: _Article, m: Mention, start: int) -> int | None:
    """Where to look further for the person speaking through a group: "his party would",
    "X said the party must", "X set out why the leadership was not"; None if no one."""
    doc = article.doc
    people = article.people
    before = m.first - 1
    if before >= 0 and doc.lower[before] in ("his", "her"):
        owner = people.starts_at.get(before)
        return owner.last if owner is not None and owner.entity is not None else None
    k = before
    while k >= 0 and m.first - k <= 3 and doc.lower[k] in ("why", "that", "the"):
        k -= 1
    if k < 0 or k == before and doc.lower[k] not in SPEECH_VERBS and doc.lower[k] not in _EXPLAIN:
        return None
    if doc.lower[k] in _EXPLAIN or (doc.lower[k] == "out" and k >= 1 and doc.lower[k - 1] in _EXPLAIN):
        return k if doc.lower[k] != "out" else k - 1
    if doc.lower[k] in SPEECH_VERBS and any(doc.lower[t] in _DEONTIC for t in range(m.last, start)):
        return k
    return None


def _entity(people: People, m: Mention) -> int | None:
    if m.kind == GROUP:
        return NOBODY
    return m.entity


def _with_listed(people: People, m: Mention) -> list[int | None]:
    """The holder and the people listed before it: "Sadiq Khan and Andy Burnham called …"."""
    doc = people.doc
    holders = [_entity(people, m)]
    j = m.begin - 1
    while j >= 1 and len(holders) < 6 and doc.lower[j] in ("and", ","):
        other = people.ends_at.get(j - 1)
        if other is None or other.kind != PERSON:
            break
        holders.append(other.entity)
        j = other.begin - 1
    return holders


def _as_well_as(people: People, stop: int, end: int) -> list[int | None]:
    """"…calling for a ceasefire, as well as A, B and C" and "Critics of a ceasefire,
    including A and B,": A, B and C share the stance."""
    doc = people.doc
    for t in range(stop, min(end - 1, stop + 6)):
        if doc.lower[t] == "including" and doc.word[t - 1] == ",":
            after = t + 1
        elif t + 2 < end and doc.lower[t] == "as" and doc.lower[t + 1] == "well" and doc.lower[t + 2] == "as":
            after = t + 3
        else:
            continue
        found = []
        k = after
        while k < end and k - t < 40:
            m = people.starts_at.get(k)
            if m is not None and m.kind == PERSON:
                found.append(m.entity)
                k = m.last
                continue
            if m is None and doc.lower[k] not in (",", "and") and not doc.word[k][:1].isupper() \
                    and doc.lower[k] not in ("mayor", "leader", "minister", "secretary", "president"):
                break
            k = m.last if m is not None else k + 1
        return found
    return []


def _aggregate(people: People, evidence: list[_Evidence]) -> list[Stance]:
    """One stance per person and topic: the sum of its sentences, each sentence's last clause."""
    doc = people.doc
    per_sentence: dict[tuple[int, str, int], _Evidence] = {}
    for e in evidence:
        key = (e.holder, e.topic, e.sentence)
        kept = per_sentence.get(key)
        if kept is None or (e.value != 0 and (kept.value == 0 or e.clause >= kept.clause)):
            per_sentence[key] = e
    totals: dict[tuple[int, str], list[_Evidence]] = {}
    for e in per_sentence.values():
        totals.setdefault((e.holder, e.topic), []).append(e)
    stances = []
    for (holder, topic), items in totals.items():
        items.sort(key=lambda e: e.sentence)
        total = sum(e.value for e in items)
        label = _label(total)
        sign = (total > 0) - (total < 0)
        best = next((e for e in items if e.value == sign), items[0])
        start, end = doc.sentence_span(best.sentence)
        stances.append(Stance(
            person=people.entities[holder].name, topic=topic, stance=label,
            evidence=doc.text[start:end], start=start, end=end,
        ))
    return stances


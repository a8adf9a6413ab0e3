"""The fixed word lists the synthetic corpus is made from.

Everything here is fictional (people, outlets) or common English, and depends on no
seed: the corpus seed changes which articles are drawn, never the vocabulary, so the
benchmark's query mix (bench/queries.py) names the same words for every corpus.

    RANKED     the vocabulary in Zipf rank order: real English and news words first,
               then ~200k made-up words for the long tail a years-long archive has
    CAST       fictional people by popularity: name, gender, honorific, role
    OUTLETS    fictional outlets
    PHRASES    common multi-word collocations (what "common-term phrase" queries hit)
"""

from __future__ import annotations

import random
from dataclasses import dataclass

_VOCAB_SEED = 20240415
TAIL_SIZE = 200_000

_HEAD = """
the of and to a in that is was for on it with he as said at by his be from have has are
but not had they an this were been who will would which their or more she her after we its
about there one all than also up out when new last year over people into two government
could what some can first told time if just our no other so years like them us only
minister police week three before should against because being then while during under
since may public where most between former million now between many any told told back
made how both still day health told those school told country local party national support
family way months cost group plans work business including around state money next own end
council need high four city life system make take five well even come data told services
government leader minister minister election women children report spokesperson number
england mps service care told ministers workers house labour secretary council months team
found added help pay funding social change across whether claims figures home decision
according energy war company prime world days says chief five price budget tax growth
officials among economy court rules university evidence policy interview statement
schools hospital patients told announced director students house staff homes water rail
increase recent move calls warned later set community second members office part future
statement london region billion face global long major following bank rates inflation
election voters campaign poll seats trade deal talks summit european union police officers
investigation charges trial judge prison sentence climate emissions housing rents prices
league season match club players coach transfer football cricket film music festival
television series album artist book museum theatre digital technology online platform
security safety rights law bill vote debate commons lords committee inquiry review
strike union pensions benefits wages jobs unemployment markets shares investors profits
""".split()

_TAIL_ONSETS = ("b b c c d d f g h k l l m m n p p r r s s t t v w br ch cl cr dr fl gr pl "
                "pr sh st th tr").split() + ["", ""]
_TAIL_VOWELS = "a a e e i i o o u ai ea ou io".split()
_TAIL_CODAS = ["", "", "", "", "n", "n", "r", "r", "s", "l", "t", "nd", "st", "m", "ck", "ng"]
_TAIL_SUFFIXES = ["", "", "", "", "", "", "s", "s", "ed", "ing", "er", "ly", "tion", "ment"]

_FIRST_NAMES = {
    "m": """Alan Brian Callum Daniel Edward Fraser Gareth Harry Ian James Kevin Liam Martin
            Neil Owen Patrick Robert Simon Thomas Vincent William Aidan Colin Duncan Euan
            Graham Hamish Joseph Keith Lewis Malcolm Nathan Oliver Peter Rory Stuart Tobias
            Angus Bernard Declan Gordon""".split(),
    "f": """Alice Bethany Catherine Deborah Eleanor Fiona Gemma Hannah Isla Joanna Karen
            Lucy Margaret Nicola Olivia Philippa Rachel Sarah Tessa Victoria Wendy Yvonne
            Abigail Bridget Carla Diane Esther Flora Grace Helen Imogen Julia Kirsty Laura
            Moira Nadia Orla Rosalind Shona Theresa""".split(),
}
_SURNAMES = """Abbott Ashworth Baird Barlow Beckett Blackwood Brennan Calder Carmody Chadwick
    Crichton Dalrymple Darrow Dunmore Eastwood Elphick Fairbairn Farrant Fenwick Galbraith
    Garside Haldane Harrowby Hartigan Holloway Inglis Jarrold Kershaw Kilbride Lamont
    Langford Lennox Lockhart Maitland Marchbank Melrose Moncrieff Mortimer Nairn Nesbitt
    Ogilvie Oldroyd Pemberton Penhallow Quarrie Radcliffe Rathbone Redpath Renwick Rowntree
    Sandford Selkirk Shawcross Sinclair Soutar Strachan Tennant Thackeray Tremayne Urquhart
    Vickery Wadsworth Wainwright Warburton Whitlock Wilding Winterbottom Yardley Youngson
    Ainsworth Bellamy Cavendish Drummond Ellison Fotheringham Greaves Hepburn Ironside""".split()
_ROLES = [
    ("Prime Minister", "the Prime Minister"),
    ("Foreign Secretary", "the Foreign Secretary"),
    ("Defence Secretary", "the Defence Secretary"),
    ("Chancellor", "the Chancellor"),
    ("Home Secretary", "the Home Secretary"),
    ("shadow foreign secretary", "the shadow foreign secretary"),
    ("Scottish Labour leader", "the Scottish Labour leader"),
    ("London Mayor", "the Mayor of London"),
    ("Health Secretary", "the Health Secretary"),
    ("Liberal Democrat leader", "the Liberal Democrat leader"),
    ("Labour MP", "a Labour MP"),
    ("Conservative MP", "a Conservative MP"),
    ("union leader", "the union's general secretary"),
    ("campaigner", "a campaigner"),
    ("council leader", "the council leader"),
    ("professor", "a professor of international relations"),
]
OUTLETS = """The Morning Ledger|Capital Courier|North Star News|The Evening Record|Harbour Times|
    Channel Nine News|The Daily Lantern|Borders Chronicle|The Weekly Standard-Bearer|
    Metro Dispatch|The Clyde Observer|Thames Valley Post|The Public Wire|Coastline Herald|
    Pennine Press|The Civic Review|Union Street Journal|Radio Meridian|The Lowland Mail|
    Northern Echo Online""".replace("\n", "").split("|")
OUTLETS = [outlet.strip() for outlet in OUTLETS]

PHRASES = [
    "the government said", "prime minister", "last year", "next year", "in the wake of",
    "according to the", "told the", "a spokesperson for the", "at the end of the",
    "the first time", "one of the", "more than", "on monday", "on tuesday", "by the end of",
    "the cost of living", "a number of", "in recent years", "local council", "the united kingdom",
    "health service", "the public", "interest rates", "the bank of england", "general election",
]
PLACES = """London Edinburgh Glasgow Cardiff Belfast Manchester Leeds Bristol Brussels Paris
    Berlin Washington Geneva Dundee Aberdeen Liverpool""".split()


@dataclass(frozen=True)
class Person:
    """A fictional person the articles mention and quote."""

    first: str
    last: str
    gender: str
    title: str
    """"Sir"/"Dame" for a knight or dame, else ""."""
    role: str
    role_phrase: str

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}"

    @property
    def short(self) -> str:
        """How later paragraphs refer to them: Sir Alan, Ms Holloway, Mr Lamont."""
        if self.title:
            return f"{self.title} {self.first}"
        return f"{'Mr' if self.gender == 'm' else 'Ms'} {self.last}"

    @property
    def pronoun(self) -> str:
        return "he" if self.gender == "m" else "she"


def _head() -> list[str]:
    """The real words, most frequent first, each once."""
    return list(dict.fromkeys(_HEAD))


def _tail(rng: random.Random, exclude: set[str]) -> list[str]:
    """Made-up words of 1-3 syllables, in random rank order, so about as many
    share a prefix as in English ("s" ~10% of them, "gov" a few dozen)."""
    words: dict[str, None] = {}
    while len(words) < TAIL_SIZE:
        syllables = "".join(
            rng.choice(_TAIL_ONSETS) + rng.choice(_TAIL_VOWELS) + rng.choice(_TAIL_CODAS)
            for _ in range(rng.choice((1, 2, 2, 2, 3)))
        )
        word = syllables + rng.choice(_TAIL_SUFFIXES)
        if len(word) > 3 and word not in exclude:
            words[word] = None
    return list(words)


def _cast(rng: random.Random) -> list[Person]:
    """Fictional people, most often mentioned first; the first few hold the big roles."""
    people = []
    for gender, first in ((g, f) for g in "mf" for f in _FIRST_NAMES[g]):
        for last in _SURNAMES:
            if rng.random() < 0.5:
                people.append((gender, first, last))
    rng.shuffle(people)
    cast = []
    for index, (gender, first, last) in enumerate(people):
        role, phrase = _ROLES[index] if index < len(_ROLES) else rng.choice(_ROLES[10:])
        title = ("Sir" if gender == "m" else "Dame") if rng.random() < 0.08 else ""
        cast.append(Person(first, last, gender, title, role, phrase))
    return cast


def _build() -> tuple[list[str], list[Person]]:
    rng = random.Random(_VOCAB_SEED)
    head = _head()
    names = {w.lower() for w in _SURNAMES + PLACES} | {w.lower() for n in _FIRST_NAMES.values() for w in n}
    return head + _tail(rng, set(head) | names), _cast(rng)


RANKED, CAST = _build()
HEAD_SIZE = len(_head())

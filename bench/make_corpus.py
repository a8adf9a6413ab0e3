"""Generate a deterministic synthetic news corpus for the benchmarks.

    python bench/make_corpus.py --n 10000 [--seed 1]

Article i depends only on (seed, i), so every run on the same n and seed sees the same
bytes. Each article is a .txt file in a folder of 1,000 with a manifest.yaml giving its
title, outlet, author, date and URL; the layout a user's saved archive has:

    bench/corpus/n10000-s1-v1/
      articles/0000/000000.txt ... manifest.yaml     what gets indexed
      truth.jsonl      per article: the people in it and the stances the text expresses
      COMPLETE         written last; a corpus without it is regenerated

Bodies average ~600 words: Zipf-distributed words (bench/vocab.py), common collocations,
places and numbers, fictional people introduced with roles and honorifics and quoted in
the styles the extractor handles, and for about a third of the articles dated after the
events, one of the bundled topics (Gaza ceasefire, arms sales to Israel, troops to
Ukraine) with support or oppose phrasing. Dates run 2019-2025 over 20 outlets.
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import random
import shutil
from dataclasses import dataclass, field
from datetime import date, timedelta
from multiprocessing import Pool
from pathlib import Path

import yaml

from vocab import CAST, HEAD_SIZE, OUTLETS, PHRASES, PLACES, RANKED, Person

GENERATOR_VERSION = 1
SHARD_SIZE = 1000
CORPUS_ROOT = Path(__file__).resolve().parent / "corpus"
FIRST_DAY = date(2019, 1, 1)
LAST_DAY = date(2025, 12, 31)

_WORD_CUM = list(itertools.accumulate(1.0 / (rank + 2.7) ** 1.1 for rank in range(len(RANKED))))
_CAST_CUM = list(itertools.accumulate(1.0 / (rank + 1) ** 1.1 for rank in range(len(CAST))))

TOPICS = {
    "ceasefire": {
        "since": date(2023, 10, 7),
        "lead": "The war in Gaza between Israel and Hamas entered another week as aid agencies warned of famine.",
        "title": {"support": "{last} calls for Gaza ceasefire", "oppose": "{last} resists calls for a Gaza ceasefire"},
        "support": ["{who} called for an immediate ceasefire in Gaza.",
                    "{who} renewed calls for a ceasefire in Gaza as the death toll rose.",
                    "{who} demanded a ceasefire between Israel and Hamas."],
        "oppose": ["{who} resisted calls for a ceasefire in Gaza, backing humanitarian pauses instead.",
                   "{who} said humanitarian pauses in the fighting in Gaza were the right approach.",
                   "{who} rejected calls for a ceasefire in Gaza, saying it would embolden Hamas."],
        "support_quote": ["We need a ceasefire in Gaza now",
                          "There must be an immediate ceasefire so the violence in Gaza can end"],
        "oppose_quote": ["A ceasefire now would only serve to benefit Hamas",
                         "Humanitarian pauses are the practical way to get aid into Gaza"],
    },
    "arms-ban": {
        "since": date(2023, 10, 7),
        "lead": "Pressure grew over the UK's arms sales to Israel as the offensive in Gaza went on.",
        "title": {"support": "{last} calls for ban on arms sales to Israel",
                  "oppose": "{last} rules out ban on arms sales to Israel"},
        "support": ["{who} called for a ban on arms sales to Israel.",
                    "{who} said arms sales to Israel should stop.",
                    "{who} urged ministers to suspend export licences for arms to Israel."],
        "oppose": ["{who} said the UK would continue arms sales to Israel.",
                   "{who} defended continuing arms exports to Israel despite the criticism.",
                   "{who} argued for resuming arms exports to Israel."],
        "support_quote": ["Arms sales to Israel should stop, and they should stop today",
                          "We must ban all arms sales to Israel while Gaza is bombed"],
        "oppose_quote": ["We will continue arms sales to Israel within the law",
                         "Israel has a right to defend itself and we will keep selling arms"],
    },
    "ukraine-troops": {
        "since": date(2022, 2, 24),
        "lead": "European leaders met again to discuss security guarantees for Ukraine after Russia's invasion.",
        "title": {"support": "{last}: Britain ready to send troops to Ukraine",
                  "oppose": "{last} wants troops withdrawn from Ukraine mission"},
        "support": ["{who} said Britain was ready to send troops to Ukraine to guard a peace deal.",
                    "{who} backed a coalition of the willing to put troops on the ground in Ukraine.",
                    "{who} said British troops could join a reassurance force in Ukraine."],
        "oppose": ["{who} called on ministers to withdraw the troops sent to Ukraine.",
                   "{who} said the UK should withdraw its troops from the Ukraine mission."],
        "support_quote": ["We are ready to send troops to Ukraine to keep the peace",
                          "British troops should be part of a reassurance force in Ukraine"],
        "oppose_quote": ["We should withdraw our troops from Ukraine before it escalates"],
    },
}
STANCES = ("support", "oppose")


@dataclass
class Draft:
    """One article being written: its paragraphs and what the truth file records."""

    rng: random.Random
    paragraphs: list[str] = field(default_factory=list)
    introduced: set[str] = field(default_factory=set)
    stances: dict[tuple[str, str], str] = field(default_factory=dict)
    """(person, topic) -> stance: a person keeps one stance within an article."""
    words: int = 0

    def add(self, *paragraphs: str) -> None:
        for paragraph in paragraphs:
            self.paragraphs.append(paragraph)
            self.words += paragraph.count(" ") + 1

    def stance(self, person: Person, topic: str) -> str:
        """The stance `person` takes on `topic` in this article, chosen once."""
        key = (person.name, topic)
        if key not in self.stances:
            self.stances[key] = self.rng.choice(STANCES)
        return self.stances[key]

    def who(self, person: Person) -> str:
        """The person's full name with a role the first time, later their short form.

        A first mention may be an apposition ending in a comma ("Alan Lamont, the
        Chancellor,"): strip it where the name ends the sentence.
        """
        if person.name in self.introduced:
            return person.short
        self.introduced.add(person.name)
        full = f"{person.title} {person.name}".strip()
        if person.title or self.rng.random() < 0.5:
            return f"{full}, {person.role_phrase},"
        return f"{person.role} {full}"


def corpus_dir(n: int, seed: int) -> Path:
    """Where the corpus of `n` articles from `seed` is cached."""
    return CORPUS_ROOT / f"n{n}-s{seed}-v{GENERATOR_VERSION}"


def ensure_corpus(n: int, seed: int, procs: int = 2) -> Path:
    """The cached corpus for (n, seed), generated first if it is missing or incomplete."""
    root = corpus_dir(n, seed)
    if (root / "COMPLETE").exists():
        return root
    shutil.rmtree(root, ignore_errors=True)
    (root / "articles").mkdir(parents=True)
    shards = [(seed, start, min(start + SHARD_SIZE, n), root) for start in range(0, n, SHARD_SIZE)]
    with Pool(procs) as pool, (root / "truth.jsonl").open("w", encoding="utf-8") as truth:
        for lines in pool.imap(_write_shard, shards):
            truth.writelines(lines)
    (root / "COMPLETE").write_text(f"{n} articles, seed {seed}\n", encoding="utf-8")
    return root


def _write_shard(job: tuple[int, int, int, Path]) -> list[str]:
    """Write articles start..stop-1 and their folder's manifest; return their truth lines."""
    seed, start, stop, root = job
    folder = root / "articles" / f"{start // SHARD_SIZE:04d}"
    folder.mkdir(parents=True, exist_ok=True)
    entries, truth = {}, []
    for index in range(start, stop):
        name = f"{index:06d}.txt"
        meta, body, people, stances = generate(seed, index)
        (folder / name).write_text(body, encoding="utf-8")
        entries[name] = meta
        record = {"file": f"{folder.name}/{name}", "people": people, "stances": stances}
        truth.append(json.dumps(record) + "\n")
    manifest = yaml.dump({"articles": entries}, Dumper=yaml.CSafeDumper, sort_keys=False, allow_unicode=True)
    (folder / "manifest.yaml").write_text(manifest, encoding="utf-8")
    return truth


def generate(seed: int, index: int) -> tuple[dict, str, list[str], list[list[str]]]:
    """Article `index` of the corpus from `seed`: metadata, body, people, stances."""
    rng = random.Random(f"{seed}-{index}")
    day = FIRST_DAY + timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days + 1))
    topics = [t for t, spec in TOPICS.items() if day >= spec["since"]]
    topic = rng.choice(topics) if topics and rng.random() < 0.35 else None
    cast = _pick_cast(rng)
    target = min(3000, max(120, int(rng.lognormvariate(math.log(560), 0.4))))
    draft = Draft(rng)
    lead_stance = _write_lead(draft, cast[0], topic)
    while draft.words < target:
        _write_paragraph(draft, rng.choice(cast), topic)
    outlet = rng.choice(OUTLETS)
    meta = {
        "title": _title(rng, cast[0], topic, lead_stance),
        "outlet": outlet,
        "author": _pick_cast(rng)[0].name,
        "date": day,
        "url": f"https://{outlet.lower().replace(' ', '')}.example/{day:%Y/%m}/{index:06d}",
    }
    people = sorted(p.name for p in cast if p.name in draft.introduced)
    stances = [[person, topic, stance] for (person, topic), stance in draft.stances.items()]
    return meta, "\n\n".join(draft.paragraphs) + "\n", people, stances


def _pick_cast(rng: random.Random) -> list[Person]:
    """One to five distinct people, the popular ones far more often."""
    count = rng.choice((1, 2, 2, 3, 3, 3, 4, 5))
    return list(dict.fromkeys(rng.choices(CAST, cum_weights=_CAST_CUM, k=count)))


def _write_lead(draft: Draft, person: Person, topic: str | None) -> str | None:
    """The opening paragraphs: the topic's context and the lead person's stance."""
    if topic is None:
        draft.add(f"{_upper(draft.who(person))} {_clause(draft.rng)}. {_sentence(draft.rng)}")
        return None
    draft.add(TOPICS[topic]["lead"] + " " + _stance_sentence(draft, person, topic))
    return draft.stance(person, topic)


def _write_paragraph(draft: Draft, person: Person, topic: str | None) -> None:
    """One more paragraph: narrative, a quote in one of the styles, or a stance."""
    roll = draft.rng.random()
    if roll < 0.45:
        draft.add(" ".join(_sentence(draft.rng) for _ in range(draft.rng.randint(1, 3))))
    elif roll < 0.85 or topic is None:
        draft.add(*_quote(draft, person, topic if draft.rng.random() < 0.3 else None))
    else:
        draft.add(_stance_sentence(draft, person, topic) + " " + _sentence(draft.rng))


def _stance_sentence(draft: Draft, person: Person, topic: str) -> str:
    stance = draft.stance(person, topic)
    return draft.rng.choice(TOPICS[topic][stance]).format(who=_upper(draft.who(person)))


def _quote(draft: Draft, person: Person, topic: str | None) -> list[str]:
    """Paragraphs quoting `person` in one of the conventions news copy uses; with a
    topic, the quote states their stance on it."""
    rng = draft.rng
    first = _upper(_clause(rng))
    if topic:
        first = rng.choice(TOPICS[topic][f"{draft.stance(person, topic)}_quote"])
    second = _clause(rng)
    pronoun = person.name in draft.introduced and rng.random() < 0.2
    who = person.pronoun if pronoun else draft.who(person)
    style = rng.randrange(8)
    if style == 0:
        return [f"“{first},” {who} said."]
    if style == 1:
        return [f"“{first},” said {who.rstrip(',')}."] if not pronoun else [f"“{first},” {who} added."]
    if style == 2:
        return [f"{_upper(who)} said: “{first}. {_upper(second)}.”"]
    if style == 3:
        return [f"‘{first},’ {who} said."]
    if style == 4:
        return [f"\"{first},\" {who} told reporters."]
    if style == 5:
        return [f"“{first},” {who} said, “{second}.”"]
    if style == 6:
        return [f"“{first},” {who} said.", f"“{_upper(second)}.”"]
    return [f"{_upper(who)} said: “{first}.", f"“{_upper(second)}.”"]


def _title(rng: random.Random, person: Person, topic: str | None, stance: str | None) -> str:
    """The topic's headline for the lead person's stance, else 4-9 fairly common words."""
    if topic:
        return TOPICS[topic]["title"][stance].format(last=person.last)
    words = rng.sample(RANKED[60:HEAD_SIZE + 3000], rng.randint(4, 9))
    return _upper(" ".join(words))


def _clause(rng: random.Random) -> str:
    """Words without a capital or a full stop, to be quoted or continued."""
    tokens = rng.choices(RANKED, cum_weights=_WORD_CUM, k=rng.randint(6, 24))
    roll = rng.random()
    if roll < 0.35:
        tokens.insert(rng.randrange(len(tokens)), rng.choice(PHRASES))
    elif roll < 0.5:
        tokens.insert(rng.randrange(len(tokens)), f"in {rng.choice(PLACES)}")
    elif roll < 0.6:
        tokens.insert(rng.randrange(len(tokens)), f"{rng.randint(2, 99_999):,}")
    return " ".join(tokens)


def _sentence(rng: random.Random) -> str:
    return _upper(_clause(rng)) + "."


def _upper(text: str) -> str:
    return text[:1].upper() + text[1:]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, required=True, help="number of articles")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--procs", type=int, default=2, help="worker processes")
    args = parser.parse_args()
    print(ensure_corpus(args.n, args.seed, args.procs))


if __name__ == "__main__":
    main()

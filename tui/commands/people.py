"""The people in the articles matching a query, most mentioned first, with where they stand.

    newsx people                      everyone in the index
    newsx people 'ceasefire date:2023'
    newsx people --topic ceasefire --stance support
                                      who supports a Gaza ceasefire
    newsx people gaza --json          {"query": str, "topic": str or null, "stance": str or null,
                                       "people": [{"name", "role", "aliases",
                                       "mentions", "quotes", "articles",
                                       "stances": {topic: {"stance", "date": "YYYY-MM-DD" or null,
                                                           "evidence"}}}]}

Counts are over the matching articles ("quotes" counts speech, as `newsx quotes` lists
it: not fragments); a person's stance on a topic is the one in the latest matching
article that shows it, with that article's date and the evidence sentence. With --stance,
as the app's stance filter: the articles where someone takes that stance (on --topic when
given), and only the people whose latest stance in the matching articles it is. When no one
is found, each name the query asks for that no article holds (person:kershw) gets a line
on stderr, with the nearest one that some article does.
"""

from __future__ import annotations

import argparse

from .common import add_stance_options, add_store_options, positive_int, topic_labels


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_store_options(parser)
    parser.add_argument("query", nargs="?", default="", metavar="QUERY", help="which articles (as in `newsx search`)")
    add_stance_options(parser, "people")
    parser.add_argument("--limit", type=positive_int, metavar="N", help="at most N people")
    parser.add_argument("--json", action="store_true", help="print JSON (schema above)")


def run(args: argparse.Namespace) -> int:
    from newsx.index.model import Filters

    from ..hints import unknown_name
    from .common import note, open_store

    labels = topic_labels(args)
    with open_store(args) as store:
        everyone = store.people(args.query, filters=Filters(topic=args.topic, stance=args.stance))
        unknown = [] if everyone else store.unknown_names(args.query)
    people = everyone[: args.limit]
    if args.json:
        _print_json(args, people)
    else:
        _print_people(people, len(everyone), labels)
    for name in unknown:
        note(unknown_name(name))
    return 0


def _print_json(args: argparse.Namespace, people) -> None:
    from .common import print_json

    print_json({
        "query": args.query,
        "topic": args.topic,
        "stance": args.stance,
        "people": [
            {
                "name": p.name,
                "role": p.role,
                "aliases": p.aliases,
                "mentions": p.mentions,
                "quotes": p.quotes,
                "articles": p.articles,
                "stances": {
                    topic: {"stance": stance, "date": when.isoformat() if when else None, "evidence": evidence}
                    for topic, (stance, when, evidence) in p.stances.items()
                },
            }
            for p in people
        ],
    })


def _print_people(people, total: int, labels: dict[str, str]) -> None:
    """Each person with their counts and stances, then how many were shown of how many."""
    from rich.text import Text

    from newsx.index.counts import plural, shown_of

    from ..wording import stance_label
    from .common import STANCE_STYLES, console, day

    out = console()
    for person in people:
        text = Text(person.name, style="bold")
        if person.role:
            text.append(f", {person.role}")
        text.append(
            f"  {plural(person.mentions, 'mention')}, {plural(person.quotes, 'quote')}, "
            f"{plural(person.articles, 'article')}",
            style="dim",
        )
        out.print(text, soft_wrap=True)
        for topic, (stance, when, _evidence) in sorted(person.stances.items()):
            text = Text("  ").append(stance_label(topic, stance, labels), style=STANCE_STYLES[stance])
            out.print(text.append(f"  {day(when)}", style="dim"), soft_wrap=True)
    out.print(Text(shown_of(len(people), total, "person", "people"), style="dim"))

"""Extract people, quotes and stances from article files, without indexing them.

    newsx analyze FILE...           a readable summary per article
    newsx analyze FILE... --json    {"articles": [{"path", "people", "quotes", "stances"}]}
                                    with "path" as given, and quote offsets into the body
                                    as `newsx show` prints it

Files that cannot be read are reported on stderr, one line each, and the exit status
is then 1; the others are still analysed.
"""

from __future__ import annotations

import argparse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE", help="article files in any format newsx reads")
    parser.add_argument("--json", action="store_true", help="print JSON (the extraction scorer's schema)")


def run(args: argparse.Namespace) -> int:
    from newsx.index.clean import load_rules
    from newsx.index.config import load_config
    from newsx.index.corpus import load_file
    from newsx.index.extract import analysis_json, analyze, load_offices, load_topics

    from .common import console, note, print_json

    config = load_config(args.config)
    rules = load_rules(config.boilerplate)
    topics, offices = load_topics(config), load_offices(config)
    labels = {t.id: t.label for t in topics}
    out = None if args.json else console()
    articles = []
    problems = 0
    for name in args.files:
        result = load_file(name, rules)
        for problem in result.problems:
            note(str(problem))
            problems += 1
        for article in result.articles:
            analysis = analyze(article, topics, offices)
            if out is None:
                articles.append(analysis_json(article, analysis, name))
            else:
                _summary(out, name, article, analysis, labels)
    if out is None:
        print_json({"articles": articles})
    return 1 if problems else 0


def _summary(out, name: str, article, analysis, labels: dict[str, str]) -> None:
    """One article's file name and details, then its people, quotes and stances."""
    from rich.text import Text

    from newsx.index.clean import sanitize_line

    from .common import day, print_extraction

    heading = Text(sanitize_line(name), style="bold")
    details = (article.title, article.outlet, day(article.date))
    heading.append("  " + " · ".join(x for x in details if x), style="dim")
    out.print(heading, soft_wrap=True)
    print_extraction(out, analysis, labels, indent="  ")
    out.print()

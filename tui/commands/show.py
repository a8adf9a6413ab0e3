"""Print one article from the index: its header, its text, its people, quotes and stances.

    newsx show ID            ID as `newsx search` prints it
    newsx show ID --raw      also the lines removed from it as crawl boilerplate
    newsx show ID --json     {"id", "path", "title", "outlet", "author", "url",
                              "date": "YYYY-MM-DD" or null, "format", "summary", "body",
                              "removed": [line, ...],
                              "people": [{"name", "role", "aliases", "mentions"}],
                              "quotes": [{"text", "speaker", "start", "end", "kind",
                                          "stances": [{"topic", "stance"}]}],
                              "stances": [{"person", "topic", "stance", "evidence"}]}

An unknown ID is one line on stderr and exit status 2.
"""

from __future__ import annotations

import argparse

from .common import add_store_options


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_store_options(parser)
    parser.add_argument("id", metavar="ID", help="the article's id")
    parser.add_argument("--raw", action="store_true", help="also print the removed boilerplate lines")
    parser.add_argument("--json", action="store_true", help="print JSON (schema above)")


def run(args: argparse.Namespace) -> int:
    from newsx.index.errors import NewsxError

    from .common import open_store, topic_labels

    with open_store(args) as store:
        indexed = store.article(args.id.strip())
    if indexed is None:
        raise NewsxError(f"no article with id {args.id!r} in the index (`newsx search` shows ids)")
    if args.json:
        _print_json(indexed)
    else:
        _print_article(indexed, topic_labels(args), raw=args.raw)
    return 0


def _print_json(indexed) -> None:
    from newsx.index.extract import analysis_json

    from .common import print_json

    article, analysis = indexed.article, indexed.analysis
    extracted = analysis_json(article, analysis, article.path)
    for entry, quote in zip(extracted["quotes"], analysis.quotes):
        entry["stances"] = [{"topic": topic, "stance": stance} for topic, stance in quote.stances]
    print_json({
        "id": article.id,
        "title": article.title,
        "outlet": article.outlet,
        "author": article.author,
        "url": article.url,
        "date": article.date.isoformat() if article.date else None,
        "format": article.source_format,
        "summary": article.summary,
        "body": article.body,
        "removed": article.removed,
        **extracted,
    })


def _print_article(indexed, labels: dict[str, str], raw: bool) -> None:
    from rich.text import Text

    from newsx.index.clean import sanitize_line
    from newsx.index.counts import plural

    from .common import console, day, print_extraction

    article, analysis = indexed.article, indexed.analysis
    out = console()

    def line(text: str = "", style: str = "") -> None:
        out.print(Text(text, style=style), soft_wrap=True)

    line(article.title or "(untitled)", "bold")
    line(" · ".join(part for part in (article.outlet, article.author, day(article.date)) if part), "dim")
    # The path is kept as the file system has it: clean it for the terminal.
    for label, value in (("url", article.url), ("file", sanitize_line(article.path)), ("id", article.id)):
        if value:
            line(f"{label}: {value}", "dim")
    line()
    for paragraph in article.body.split("\n"):
        line(paragraph)
    line()
    print_extraction(out, analysis, labels)
    if raw:
        line(f"Removed as boilerplate ({plural(len(article.removed), 'line')})", "bold")
        for removed in article.removed:
            line(f"  {removed}", "dim")

"""Search the quotes in the index by words, speaker, topic and stance; export them.

    newsx quotes ceasefire --speaker Sarwar
    newsx quotes --topic ceasefire --stance support --format markdown -o ceasefire.md
    newsx quotes 'date:2024' --format csv > quotes.csv

QUERY searches the quote text (speaker:, topic:, stance:, date: work as in `newsx search`).
Speech only unless --fragments (1-5-word scare quotes). On a terminal the quotes are
listed; otherwise, or with --format, they are written as
    markdown  a blockquote per quote, then "— Speaker, Role · Outlet, “Title”, date · source"
    json      {"title": null, "quotes": [{"id", "article_id", "text", "speaker", "role", "kind",
               "stances": [{"topic", "stance"}], "start", "end", "title", "outlet",
               "date": "YYYY-MM-DD" or null, "url", "path"}]}
    csv       a header row, then one row per quote
-o FILE writes the export to FILE (its format from --format or the file's extension) and
never replaces an existing file unless --force. When nothing is found, a --speaker or
speaker: name that no quote holds gets a line on stderr, with the nearest one that does.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .common import add_stance_options, add_store_options, positive_int


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_store_options(parser)
    parser.add_argument("query", nargs="?", default="", metavar="QUERY", help="words in the quote")
    parser.add_argument("--speaker", metavar="NAME", help="quotes by this person (any part of the name)")
    add_stance_options(parser, "quotes")
    parser.add_argument("--fragments", action="store_true", help="include 1-5-word fragments")
    parser.add_argument("--limit", type=positive_int, metavar="N", help="at most N quotes")
    parser.add_argument("--format", choices=("markdown", "json", "csv"), help="export format")
    parser.add_argument("-o", "--output", type=Path, metavar="FILE", help="write the export to FILE")
    parser.add_argument("--force", action="store_true", help="with -o, replace FILE if it exists")


def run(args: argparse.Namespace) -> int:
    from newsx.index.counts import plural
    from newsx.index.errors import NewsxError

    from ..export import EXPORTERS, ExportExistsError, format_for, write_export
    from .common import note, open_store, topic_labels

    topic_labels(args)  # an unknown --topic is an error
    search = dict(speaker=args.speaker, topic=args.topic, stance=args.stance, kind=None if args.fragments else "speech")
    with open_store(args) as store:
        records = store.quotes(args.query, limit=args.limit, **search)
        total = store.count_quotes(args.query, **search) if len(records) == args.limit else len(records)
        hints = [] if records else _unknown_names(store, args)
    if args.output:
        text = EXPORTERS[args.format or format_for(args.output)](records)
        try:
            write_export(args.output, text, overwrite=args.force)
        except ExportExistsError as exc:
            raise NewsxError(f"{exc} (use --force to replace it)") from None
        note(f"wrote {plural(len(records), 'quote')} to {args.output}")
    elif args.format or not sys.stdout.isatty():
        sys.stdout.write(EXPORTERS[args.format or "markdown"](records))
    else:
        _print_quotes(records, total)
    for hint in hints:
        note(hint)
    return 0


def _unknown_names(store, args: argparse.Namespace) -> list[str]:
    """A line for each name the search asked for that no quote holds."""
    from ..hints import unknown_name

    hints = [unknown_name(name) for name in store.unknown_names(args.query, quotes=True)]
    speaker = args.speaker and store.unknown_speaker(args.speaker)
    if speaker:
        hints.append(unknown_name(speaker, "--speaker"))
    return hints


def _print_quotes(records, total: int) -> None:
    """Each quote and its citation, then how many were shown of how many."""
    from rich.text import Text

    from newsx.index.counts import shown_of

    from ..export import citation
    from .common import console

    out = console()
    for record in records:
        out.print(Text("“").append(record.text).append("”"), soft_wrap=True)
        out.print(Text(f"  {citation(record)}", style="dim"), soft_wrap=True)
        out.print()
    out.print(Text(shown_of(len(records), total, "quote"), style="dim"), soft_wrap=True)

"""Search the index from the command line.

    newsx search 'ceasefire AND Sarwar'
    newsx search '"arms sales" date:[2023-10-01 to 2023-11-30]' --sort date --limit 5
    newsx search 'person:starmer stance:ceasefire:oppose' --json

Query syntax: words (all must match), "phrases", OR, NOT, ( ); fields title: outlet:
author: person: speaker: topic: stance: date:; wildcards gaz* (bounded to the most
frequent matches) and fuzzy words starmr~ or starmr~2; dates date:2024, date:2024-04,
date:2024-04-30, date:yesterday, date:"last week", date:>2024-01-01,
date:[2023-10 to 2023-11]. An empty query ('') lists every article, newest first.

--json prints
    {"query": str, "total": int (all matches),
     "hits": [{"id", "path", "title", "outlet", "date": "YYYY-MM-DD" or null, "score": float,
               "snippet": one line around the best hit,
               "highlights": [[start, end], ...] matched words as offsets in the article body,
               "snippet_highlights": [[start, end], ...] the same inside "snippet"}],
     "unknown": [{"field", "value", "suggestion": str or null}] when nothing matched: the
                names the query asked for (person:kershw) that no article holds}

A name no article holds gets a line on stderr, with the nearest one some article does
("did you mean person:kershaw?"). A query that cannot be read gets one line on stderr
and exit status 2.
"""

from __future__ import annotations

import argparse

from .common import add_store_options, positive_int


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_store_options(parser)
    parser.add_argument("query", metavar="QUERY", help="what to search for ('' for every article)")
    parser.add_argument("--sort", choices=("relevance", "date"), default="relevance", help="best first, or newest first")
    parser.add_argument("--limit", type=positive_int, default=20, metavar="N", help="show at most N hits (default 20)")
    parser.add_argument("--json", action="store_true", help="print JSON (schema above)")


def run(args: argparse.Namespace) -> int:
    from ..hints import unknown_name
    from .common import note, open_store

    with open_store(args) as store:
        result = store.search(args.query, sort=args.sort, limit=args.limit)
    if args.json:
        _print_json(result)
    else:
        _print_hits(result)
    for name in result.unknown:
        note(unknown_name(name))
    return 0


def _print_json(result) -> None:
    from .common import print_json

    print_json({
        "query": result.query,
        "total": result.total,
        "hits": [
            {
                "id": hit.id,
                "path": hit.path,
                "title": hit.title,
                "outlet": hit.outlet,
                "date": hit.date.isoformat() if hit.date else None,
                "score": round(hit.score, 4),
                "snippet": hit.snippet,
                "highlights": [list(span) for span in hit.highlights],
                "snippet_highlights": [list(span) for span in hit.snippet_highlights],
            }
            for hit in result.hits
        ],
        "unknown": [{"field": u.field, "value": u.value, "suggestion": u.suggestion} for u in result.unknown],
    })


def _print_hits(result) -> None:
    from rich.text import Text

    from newsx.index.counts import plural

    from .common import console, day, highlighted

    out = console()
    for n, hit in enumerate(result.hits, 1):
        out.print(Text(f"{n}. ").append(hit.title or "(untitled)", style="bold"), soft_wrap=True)
        details = " · ".join(part for part in (hit.outlet, day(hit.date), hit.id) if part)
        out.print(Text(f"   {details}", style="dim"), soft_wrap=True)
        out.print(Text("   ").append(highlighted(hit.snippet, hit.snippet_highlights)), soft_wrap=True)
    shown = f"showing {len(result.hits):,} of " if len(result.hits) < result.total else ""
    out.print(Text(f"{shown}{plural(result.total, 'article')} matching", style="dim"), soft_wrap=True)

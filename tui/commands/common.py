"""What the index-reading commands share: opening the Store, printing text and JSON.

Text from articles reaches the terminal only as rich `Text` (never markup), and hits are
highlighted by styling offsets.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

    from newsx.index.model import Analysis
    from newsx.index.store import Store

HIT_STYLE = "bold reverse"


def add_store_options(parser: argparse.ArgumentParser) -> None:
    """--index and --config after the command too (`newsx search x --index DIR`); left
    out, the values given before the command (or none) stand."""
    from pathlib import Path

    parser.add_argument("--index", type=Path, metavar="DIR", default=argparse.SUPPRESS,
                        help="the index folder (or NEWSX_INDEX)")
    parser.add_argument("--config", type=Path, metavar="FILE", default=argparse.SUPPRESS,
                        help="the config file (or NEWSX_CONFIG)")


def positive_int(text: str) -> int:
    """An argparse type: a whole number of 1 or more."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def open_store(args: argparse.Namespace, *, build_seeds: bool = True) -> Store:
    """The Store for --index/--config (or NEWSX_INDEX/NEWSX_CONFIG); its notice goes to stderr."""
    from newsx.index.config import load_config
    from newsx.index.store import Store

    store = Store.open(args.index, load_config(args.config), build_seeds=build_seeds)
    if store.notice:
        note(store.notice)
    return store


def topic_labels(args: argparse.Namespace) -> dict[str, str]:
    """Each topic's label by its id, in the config's order (--config or NEWSX_CONFIG);
    a NewsxError when --topic names none of them."""
    from newsx.index.config import load_config
    from newsx.index.errors import NewsxError
    from newsx.index.extract import load_topics

    labels = {topic.id: topic.label for topic in load_topics(load_config(args.config))}
    chosen = getattr(args, "topic", None)
    if chosen and chosen not in labels:
        raise NewsxError(f"unknown topic {chosen!r} (the topics: {', '.join(labels)})")
    return labels


def add_stance_options(parser: argparse.ArgumentParser, who: str) -> None:
    """--topic and --stance, said of `who` ("quotes", "people")."""
    from newsx.index.model import STANCES

    parser.add_argument("--topic", metavar="TOPIC", help=f"{who} on this topic (its id, e.g. ceasefire)")
    parser.add_argument("--stance", choices=STANCES, help=f"{who} taking this stance")


def note(message: str) -> None:
    """One line on stderr after "newsx: ", with any control character from data taken out
    (a path or query in an error message must not drive the terminal)."""
    from newsx.index.clean import sanitize_line

    print(f"newsx: {sanitize_line(message)}", file=sys.stderr)


def console(stderr: bool = False) -> Console:
    """A console that never reads markup, emoji codes or "highlights" numbers in data."""
    from rich.console import Console

    return Console(stderr=stderr, markup=False, highlight=False, emoji=False)


def highlighted(text: str, spans: list[tuple[int, int]], style: str = HIT_STYLE) -> Text:
    """`text` as plain Text with each (start, end) span styled."""
    from rich.text import Text

    result = Text(text)
    for start, end in spans:
        result.stylize(style, start, end)
    return result


STANCE_STYLES = {"support": "green", "oppose": "red", "neutral": "dim"}


def print_extraction(out: Console, analysis: Analysis, labels: dict[str, str], indent: str = "") -> None:
    """An article's people (role, mentions, aliases), quotes with their speakers, and
    stances in words with their evidence: as `newsx analyze` and `newsx show` print them.
    Article text only ever as plain Text."""
    from rich.text import Text

    from newsx.index.counts import plural

    from ..wording import stance_label

    def line(text: Text) -> None:
        out.print(text, soft_wrap=True)

    line(Text(f"{indent}People ({len(analysis.people)})", style="bold"))
    for person in analysis.people:
        text = Text(f"{indent}  ").append(person.name, style="bold")
        if person.role:
            text.append(f", {person.role}")
        text.append(f"  {plural(person.mentions, 'mention')}", style="dim")
        if person.aliases:
            text.append(f"; also {', '.join(person.aliases)}", style="dim")
        line(text)
    speech = analysis.speech
    fragments = plural(len(analysis.quotes) - len(speech), "fragment")
    line(Text(f"{indent}Quotes ({len(speech)}, and {fragments})", style="bold"))
    for quote in speech:
        text = Text(f"{indent}  “").append(quote.text).append("” — ")
        line(text.append(quote.speaker or "unnamed source", style="italic"))
    line(Text(f"{indent}Stances ({len(analysis.stances)})", style="bold"))
    for stance in analysis.stances:
        text = Text(f"{indent}  ").append(stance.person, style="bold").append(" ")
        line(text.append(stance_label(stance.topic, stance.stance, labels), style=STANCE_STYLES[stance.stance]))
        line(Text(f"{indent}    {stance.evidence}", style="dim"))


def print_json(data: Any) -> None:
    """Print `data` as JSON on stdout (dates as YYYY-MM-DD)."""
    json.dump(data, sys.stdout, ensure_ascii=False, indent=1, default=_plain)
    sys.stdout.write("\n")


def _plain(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def day(value: date | None) -> str:
    return value.isoformat() if value else "undated"

"""The `newsx` command: the app with no arguments, else one subcommand.

Each subcommand lives in `newsx.tui.commands.<name>` with `add_arguments(parser)`
and `run(args) -> int`. Those modules import the engine inside `run`, so building
the parser stays cheap and the app starts fast.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

from newsx.index.errors import NewsxError

from .commands.common import note

COMMANDS = {
    "index": "add, update and remove articles in the index",
    "search": "search the index from the command line",
    "show": "print one article, its people and quotes",
    "analyze": "extract people, quotes and stances from files without indexing",
    "quotes": "search quotes by speaker, topic and stance; export them",
    "people": "the people in matching articles, with their stances",
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsx",
        description="A terminal news explorer: who said what about it? "
        "With no command, opens the app.",
    )
    parser.add_argument("--index", type=Path, metavar="DIR", help="the index folder (or NEWSX_INDEX)")
    parser.add_argument("--config", type=Path, metavar="FILE", help="the config file (or NEWSX_CONFIG)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, help_text in COMMANDS.items():
        module = _command(name)
        # Each module's docstring is laid out by hand (examples, formats): printed as written.
        command = sub.add_parser(name, help=help_text, description=module.__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
        module.add_arguments(command)
    return parser


def _command(name: str):
    return importlib.import_module(f"newsx.tui.commands.{name}")


def main(argv: list[str] | None = None) -> int:
    """Run newsx; return the exit status (0 ok, 1 something skipped, 2 error)."""
    args = build_parser().parse_args(sys.argv[1:] if argv is None else argv)
    try:
        if args.command is None:
            from .app import run_app

            return run_app(args)
        return _command(args.command).run(args)
    except NewsxError as exc:
        note(str(exc))
        return 2
    except KeyboardInterrupt:
        print("newsx: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except OSError as exc:  # a full or read-only disk the engine did not expect: one line, no traceback
        note(f"{exc.strerror or exc}" + (f": {exc.filename}" if exc.filename else ""))
        return 2


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())

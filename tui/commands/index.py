"""Add, update and remove articles in the index.

    newsx index [PATH ...]     index these files and folders; with none, the ones indexed before
    newsx index PATH --json    the report as JSON:
        {"index": DIR, "articles": N (in the index now), "added": [path, ...],
         "updated": [path, ...], "removed": [path, ...], "unchanged": N (files),
         "skipped": [{"path", "line", "message", "indexed": bool}, ...], "rebuilt": bool,
         "interrupted": bool}

Only new and changed files are read (a file's fingerprint covers its manifest entry);
indexed files that are gone are removed. Each skipped file is listed with the reason
("skipped"), and so is each part left out of a file that was indexed ("warning": a date
not understood, bad lines of a JSON Lines file); past 20 for one reason, the first three
and a count. Exit status: 0 when every file was read whole, 1 when a file or a part of one
was skipped, 2 on an error such as another newsx updating the same index. Ctrl-C stops
after committing what was read; the next run carries on from there.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .common import add_store_options

LIST_LIMIT = 20
"""On the terminal, list each added/updated/removed file up to this many; else count them.
Problems likewise, for each reason."""
NAMED = 3
"""Of more than LIST_LIMIT problems for one reason, how many are listed before the count."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_store_options(parser)
    parser.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="files and folders of articles")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")


def run(args: argparse.Namespace) -> int:
    import signal
    import threading

    from newsx.index.counts import plural

    from .common import open_store

    stop = threading.Event()

    def on_interrupt(signum, frame) -> None:
        stop.set()
        signal.signal(signal.SIGINT, signal.default_int_handler)  # a second Ctrl-C stops at once

    with open_store(args, build_seeds=False) as store:
        previous = signal.signal(signal.SIGINT, on_interrupt)
        try:
            with _ProgressBar(enabled=sys.stdout.isatty() and not args.json) as progress:
                report = store.update(args.paths or None, progress, stop=stop)
        finally:
            signal.signal(signal.SIGINT, previous)
        articles = store.count()
        if args.json:
            _print_json(store.index_dir, articles, report)
        else:
            _print_report(articles, report)
    if report.interrupted:
        print(f"newsx: interrupted: the index keeps the {plural(articles, 'article')} committed so far",
              file=sys.stderr)
        return 130
    return 1 if report.skipped else 0


class _ProgressBar:
    """A rich progress bar on a terminal (as a `progress(done, total, path)` callback)."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.bar = None

    def __enter__(self):
        if not self.enabled:
            return None
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        from .common import console

        self.bar = Progress(
            TextColumn("indexing"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
            console=console(), transient=True,
        )
        self.bar.start()
        self.task = self.bar.add_task("indexing", total=None)
        return self.update

    def update(self, done: int, total: int, path: str) -> None:
        self.bar.update(self.task, completed=done, total=total)

    def __exit__(self, *exc_info) -> None:
        if self.bar is not None:
            self.bar.stop()


def _print_json(index_dir: Path, articles: int, report) -> None:
    from .common import print_json

    indexed = _indexed(report)
    print_json({
        "index": str(index_dir),
        "articles": articles,
        "added": report.added,
        "updated": report.updated,
        "removed": report.removed,
        "unchanged": report.unchanged,
        "skipped": [
            {"path": p.path, "line": p.line, "message": p.message, "indexed": p.path in indexed}
            for p in report.skipped
        ],
        "rebuilt": report.rebuilt,
        "interrupted": report.interrupted,
    })


def _print_report(articles: int, report) -> None:
    from newsx.index.clean import sanitize_line
    from newsx.index.counts import plural

    from .common import console

    out = console()
    for verb, paths in (("added", report.added), ("updated", report.updated), ("removed", report.removed)):
        if len(paths) <= LIST_LIMIT:
            for path in paths:
                out.print(f"{verb:8} {sanitize_line(path)}", soft_wrap=True)
        else:
            out.print(f"{verb:8} {plural(len(paths), 'file')} (--json lists them)", soft_wrap=True)
    skipped, warned = set(), set()
    for label, reason, problems in _problems_by_reason(report):
        (warned if label == "warning" else skipped).update(problem.path for problem in problems)
        listed = problems if len(problems) <= LIST_LIMIT else problems[:NAMED]
        for problem in listed:
            out.print(f"{label:8} {sanitize_line(str(problem))}", soft_wrap=True)
        if len(listed) < len(problems):
            more = len(problems) - len(listed)
            out.print(f"{label:8} and {more} more: {sanitize_line(reason)} (--json lists them)", soft_wrap=True)
    with_warnings = f", {plural(len(warned), 'file')} with warnings" if warned else ""
    out.print(
        f"{len(report.added):,} added, {len(report.updated):,} updated, {len(report.removed):,} removed, "
        f"{report.unchanged:,} unchanged, {len(skipped):,} skipped{with_warnings}; "
        f"the index holds {plural(articles, 'article')}",
        soft_wrap=True,
    )


def _problems_by_reason(report) -> list[tuple[str, str, list]]:
    """The report's problems as (label, reason, problems): "skipped" for what was not
    indexed, "warning" for a part left out of a file that was; the reason is a message's
    words before any ": " detail ("date not understood")."""
    indexed = _indexed(report)
    groups: dict[tuple[str, str], list] = {}
    for problem in report.skipped:
        label = "warning" if problem.path in indexed else "skipped"
        groups.setdefault((label, problem.message.split(": ", 1)[0]), []).append(problem)
    ordered = sorted(groups.items(), key=lambda group: group[0][0] == "warning")  # skipped first
    return [(label, reason, problems) for (label, reason), problems in ordered]


def _indexed(report) -> set[str]:
    """The files this run indexed: a problem of one of them left out only a part of it."""
    return set(report.added) | set(report.updated)

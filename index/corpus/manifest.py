"""Sidecar metadata: a YAML manifest beside the articles overrides what the readers found.

    articles:
      some-article.txt:
        title: ...
        outlet: ...
        author: ...
        url: ...
        date: 2024-10-09
        summary: ...

The manifest of a folder is its `newsx.yaml`, else its `manifest.yaml`. For a file that
holds one article, an entry overrides the reader's metadata; for a file of several (a
feed, a JSON list) it fills in only what an item lacks. A manifest that cannot be read
is reported (by `discover`) and the articles are read without it.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from ..model import Article, Problem
from .decode import decode
from .fields import ALIASES, metadata, yaml_problem

NAMES = ("newsx.yaml", "manifest.yaml")
FIELDS = ("title", "outlet", "author", "url", "date", "summary")

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's loader where PyYAML was built with it: several times faster on big manifests."""


@dataclass
class Entry:
    """One file's metadata in a manifest (the line it starts on is in `Manifest.lines`)."""

    values: dict[str, Any]


@dataclass
class Manifest:
    """A folder's manifest: entries by file name, what was wrong in it, and the line
    each entry starts on by file name (all `check` needs: one read for it alone comes
    without its entries, see `_load`)."""

    path: Path
    entries: dict[str, Entry] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    lines: dict[str, int] = field(default_factory=dict)


Stamp = tuple[int, int, int, int]
"""A manifest file's size, modification and change times and inode."""

_cache: dict[Path, tuple[Stamp, Manifest, bool]] = {}
"""Manifests read in this process, with their stamp and whether their entries' values
were read (see _kept)."""
_cache_lock = threading.Lock()
_reading_lock = threading.Lock()
"""Held while a manifest is read from its kept copy or parsed (see `checked_meanwhile`)."""
_kept_in: Path | None = None
"""Where parsed manifests are kept between processes, during `kept_in`."""


@contextmanager
def kept_in(folder: Path | None) -> Iterator[None]:
    """Meanwhile, keep each manifest parsed in `folder`, a file per manifest, and look
    there before parsing one: a new process then parses only the manifests that changed
    (each kept one is checked against its file's size, times and inode). None keeps
    nothing."""
    global _kept_in
    _kept_in = folder
    try:
        yield
    finally:
        _kept_in = None


def kept_folder() -> Path | None:
    """Where manifests are kept now (see `kept_in`): for worker processes to look there too."""
    return _kept_in


def manifest_path(folder: Path) -> Path | None:
    """The manifest file of `folder`, if it has one."""
    return next((folder / name for name in NAMES if (folder / name).is_file()), None)


def load(folder: Path) -> Manifest | None:
    """The manifest of `folder`, read once and again only when the file changes."""
    return _load(folder, whole=True)


def _load(folder: Path, whole: bool) -> Manifest | None:
    """`load`; unless `whole`, a kept manifest may come without its entries (what
    `check` needs: their names and lines)."""
    path = manifest_path(folder)
    if path is None:
        return None
    try:
        stat = path.stat()
    except OSError as exc:
        return Manifest(path, problems=[Problem(str(path), f"cannot read manifest: {exc.strerror}")])
    stamp = (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino)
    if (manifest := _cached(path, stamp, whole)) is not None:
        return manifest
    with _reading_lock:  # a manifest another thread is reading is read once
        if (manifest := _cached(path, stamp, whole)) is not None:
            return manifest
        kept = _kept(path, whole)
        if kept and kept[0] == stamp:
            manifest = kept[1]
        else:
            manifest, whole = _parse(path), True
            _keep(path, stamp, manifest)
        with _cache_lock:
            _cache[path] = (stamp, manifest, whole)
    return manifest


def _cached(path: Path, stamp: Stamp, whole: bool) -> Manifest | None:
    """The manifest this process read from `path` as it is now (with its entries'
    values when `whole`), if it has."""
    with _cache_lock:
        cached = _cache.get(path)
    if cached is not None and cached[0] == stamp and (cached[2] or not whole):
        return cached[1]
    return None


def _kept_file(path: Path) -> Path | None:
    if _kept_in is None:
        return None
    return _kept_in / (hashlib.sha1(str(path.absolute()).encode("utf-8")).hexdigest() + ".pickle")


def _kept(path: Path, whole: bool) -> tuple[Stamp, Manifest] | None:
    """The stamp and manifest kept for `path`, if any (a damaged one is none). The file
    holds two pickles: the stamp, problems and each entry's line, then the entries'
    values, read only when `whole` (unpickling a thousand entries' values took longer
    than checking the folder they describe)."""
    kept = _kept_file(path)
    if kept is None:
        return None
    try:
        with kept.open("rb") as fh:
            for_path, stamp, problems, lines = pickle.load(fh)
            values = pickle.load(fh) if whole else None
    except Exception:  # noqa: BLE001 - a missing or damaged copy only means parsing again
        return None
    if for_path != str(path.absolute()):
        return None
    entries = {} if values is None else {name: Entry(found) for name, found in values.items()}
    return stamp, Manifest(path, entries, problems, lines)


def _keep(path: Path, stamp: Stamp, manifest: Manifest) -> None:
    kept = _kept_file(path)
    if kept is None:
        return
    partial = kept.with_name(f".{kept.name}.{os.getpid()}")
    lines = manifest.lines
    values = {name: entry.values for name, entry in manifest.entries.items()}
    try:
        kept.parent.mkdir(parents=True, exist_ok=True)
        with partial.open("wb") as fh:
            pickle.dump((str(path.absolute()), stamp, manifest.problems, lines), fh, protocol=pickle.HIGHEST_PROTOCOL)
            pickle.dump(values, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(partial, kept)
    except OSError:
        pass  # the next process parses it again, nothing else is lost


def entry_for(path: Path) -> Entry | None:
    """The manifest entry for the file at `path`, if its folder's manifest has one."""
    manifest = load(path.parent)
    return manifest.entries.get(path.name) if manifest else None


Folder = tuple[Path, "set[str] | None"]
"""A folder whose manifest is to be checked, with its listing when known (as `check`
takes them)."""


@contextmanager
def checked_meanwhile(folders: list[Folder], problems: list[Problem],
                      stop: threading.Event | None = None) -> Iterator[None]:
    """Check the manifests of `folders` in a thread while the body runs, and add what is
    wrong with them to `problems` once both are done. A run's workers start reading
    files meanwhile: a manifest of a thousand entries is parsed in ~0.15 s, and the
    hundred of the 100k bench corpus kept one core busy and the other idle for 17-18 s
    before the first file was read (now ~3 s). A worker that reaches a folder whose
    manifest is not kept yet parses it itself. Stops after the folder at hand once
    `stop` is set or the body raises (the next run checks the rest); an error in a check
    is raised here, once the body is done."""
    found: list[Problem] = []
    failed: list[BaseException] = []
    halt = threading.Event()

    def run() -> None:
        try:
            for folder, names in folders:
                if halt.is_set() or (stop is not None and stop.is_set()):
                    return
                found.extend(check(folder, names))
        except BaseException as exc:  # noqa: BLE001 - raised again in the caller's thread
            failed.append(exc)

    thread = threading.Thread(target=run, name="newsx-manifests", daemon=True)
    thread.start()
    try:
        yield
    except BaseException:
        halt.set()
        raise
    finally:
        thread.join()
    if failed:
        raise failed[0]
    problems.extend(found)


def check(folder: Path, names: set[str] | None = None) -> list[Problem]:
    """What is wrong with `folder`'s manifest, including entries for files not there
    (looked up in `names`, the folder's listing, when given)."""
    manifest = _load(folder, whole=False)
    if manifest is None:
        return []
    missing = [
        Problem(str(manifest.path), f"no file {name!r} beside the manifest", line)
        for name, line in manifest.lines.items()
        if (name not in names if names is not None else not (folder / name).exists())
    ]
    return manifest.problems + missing


def apply(articles: list[Article], entry: Entry | None) -> list[Article]:
    """The articles with the entry's metadata: overriding for one, filling gaps for many."""
    if entry is None:
        return articles
    if len(articles) == 1:
        return [replace(articles[0], **entry.values)]
    return [
        replace(article, **{k: v for k, v in entry.values.items() if not getattr(article, k)})
        for article in articles
    ]


def _parse(path: Path) -> Manifest:
    manifest = Manifest(path)
    try:
        decoded = decode(path.read_bytes(), str(path))
    except OSError as exc:
        manifest.problems.append(Problem(str(path), f"cannot read manifest: {exc.strerror}"))
        return manifest
    if decoded.text is None:
        if decoded.problems[0].message != "empty file":
            manifest.problems += decoded.problems
        return manifest
    loader = _Loader(decoded.text)
    try:
        root = loader.get_single_node()
        articles = _articles_node(root)
        if articles is None:
            if root is not None:
                manifest.problems.append(Problem(
                    str(path), "not a newsx manifest: expected `articles:` mapping file names to metadata", 1))
            return manifest
        for key_node, value_node in articles.value:
            _add_entry(manifest, loader, key_node, value_node)
    except yaml.YAMLError as exc:
        problem = yaml_problem(str(path), exc)
        manifest.entries.clear()
        manifest.lines.clear()
        manifest.problems.append(replace(problem, message=f"{problem.message}; articles read without it"))
    finally:
        loader.dispose()
    return manifest


def _articles_node(root: yaml.Node | None) -> yaml.MappingNode | None:
    if not isinstance(root, yaml.MappingNode):
        return None
    node = next((v for k, v in root.value if k.value == "articles"), None)
    return node if isinstance(node, yaml.MappingNode) else None


def _add_entry(manifest: Manifest, loader: yaml.SafeLoader, key_node: yaml.Node, value_node: yaml.Node) -> None:
    path = str(manifest.path)
    name = str(loader.construct_object(key_node, deep=True))
    line = key_node.start_mark.line + 1
    data = loader.construct_object(value_node, deep=True)
    if data is None:
        return
    if not isinstance(data, dict):
        manifest.problems.append(Problem(path, f"{name}: expected a mapping of fields", line))
        return
    lines = {str(k.value): k.start_mark.line + 1 for k, _ in value_node.value}
    found = metadata(data, FIELDS)
    manifest.problems += [
        Problem(path, f"{name}: unknown field {key!r} (expected {', '.join(FIELDS)})", lines.get(key, line))
        for key in found.unknown
    ]
    date_line = next((lines[k] for k in lines if k in ALIASES["date"]), line)
    manifest.problems += [Problem(path, f"{name}: {error}", date_line) for error in found.errors]
    manifest.entries[name] = Entry(found.values)
    manifest.lines[name] = line

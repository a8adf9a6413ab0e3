"""Reading articles from files: find them, read each by its format, apply manifests.

    SUPPORTED                  file extension -> format
    discover(paths)            the readable files under `paths`, and a Problem per thing skipped
    walk(paths)                the same, each file's path a string
    read_file(path)            the articles in one file, as the file has them
    load_file(path, rules)     read_file, then cleaning: what the indexer and `analyze` use
    fingerprint(path)          changes when the file or its manifest entry changes
    stamp(path)                size and times of the file and its manifest: cheap to compare
    article_id(path, key="")   the stable id of an article

Nothing here raises for a bad file: every reason a file or item is skipped, and every
warning about one read anyway, is a one-line Problem in the result.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from ..clean import BoilerplateRule, clean_article, tidy
from ..model import Article, Problem, ReadResult
from . import feed, html, jsonfile, manifest, markdown, txt
from .decode import decode
from .fields import article_id, headline

__all__ = ["SUPPORTED", "discover", "walk", "read_file", "load_file", "fingerprint", "stamp", "article_id"]

SUPPORTED: dict[str, str] = {
    ".txt": "txt",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
}
_READERS = {
    "txt": txt.read,
    "markdown": markdown.read,
    "html": html.read,
    "json": jsonfile.read,
    "jsonl": jsonfile.read,
    "feed": feed.read,
}
PERMISSION_DENIED = "permission denied"
MAX_BYTES = 256 * 2**20
"""Files larger than this are skipped rather than read into memory."""
MAX_ARTICLE_CHARS = 2_000_000
"""An article with more text than this (ten times a long report) is skipped: it is a data
dump or a log rather than an article, and would take minutes to analyse and to show."""


def discover(paths: Iterable[str | Path]) -> Iterator[Path | Problem]:
    """Yield the article files named or found under `paths`, and a Problem for each
    thing skipped: a missing path, a broken symlink or symlink loop, an unsupported
    file, an unreadable one named in `paths`, a folder that cannot be listed, a bad
    manifest. A file found in a folder is not opened here (a system call per file is
    most of walking a big folder): one that cannot be read is reported by its reader.
    Folders are walked in name order; hidden files and folders, Python package files
    (`__init__.py`, `__pycache__`: the bundled seeds are a package) and the manifests
    themselves are passed over; each file comes once.
    """
    return (Path(found) if isinstance(found, str) else found for found in walk(paths))


def walk(paths: Iterable[str | Path], unchecked: list[manifest.Folder] | None = None) -> Iterator[str | Problem]:
    """`discover`, each file's path as a string (a Path per file cost a big folder's
    update more than the rest of looking at the file). With `unchecked`, the folders'
    manifests are not checked here but listed in it, for the caller to check
    (`manifest.checked_meanwhile`)."""
    seen = _Walk(unchecked)
    for given in paths:
        yield from seen.visit(Path(given), explicit=True, ancestors=(), real_folder=None)


class _Walk:
    """One discovery: the files and folders seen so far, so each is reported once."""

    def __init__(self, unchecked: list[manifest.Folder] | None = None) -> None:
        self.unchecked = unchecked
        """Where folders go whose manifests are left for the caller to check, if anywhere."""
        self.files: set[str] = set()
        """The real path of each file yielded, as a string (cheaper than a Path to hash)."""
        self.folders: set[Path] = set()
        self.manifests: set[Path] = set()

    def visit(
        self, path: Path, explicit: bool, ancestors: tuple[Path, ...], real_folder: Path | None
    ) -> Iterator[str | Problem]:
        try:
            info = path.stat()
        except OSError as exc:
            yield Problem(str(path), _stat_error(path, exc))
            return
        if stat.S_ISDIR(info.st_mode):
            yield from self._folder(path, ancestors)
        elif not stat.S_ISREG(info.st_mode):
            yield Problem(str(path), "not a regular file, skipped")
        else:
            yield from self._file(str(path), _real_file(path, real_folder), explicit)

    def _folder(self, folder: Path, ancestors: tuple[Path, ...]) -> Iterator[str | Problem]:
        real = folder.resolve()
        if real in ancestors:
            yield Problem(str(folder), "symlink loop, skipped")
            return
        if real in self.folders:
            return
        self.folders.add(real)
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=_name)
        except OSError as exc:
            yield Problem(str(folder), f"cannot list folder: {exc.strerror}")
            return
        yield from self._manifest(folder, {entry.name for entry in entries})
        inside, real_name = (*ancestors, real), str(real)
        for entry in entries:
            if _passed_over(entry.name):
                continue
            if _plain_file(entry):
                yield from self._file(entry.path, os.path.join(real_name, entry.name))
            else:  # a folder, a symlink, or something odd: looked at closely
                yield from self.visit(folder / entry.name, explicit=False, ancestors=inside, real_folder=real)

    def _file(self, path: str, real: str, explicit: bool = False) -> Iterator[str | Problem]:
        """A regular file, whose real path is `real`: yielded unless unsupported or seen,
        or named on its own and unreadable; a file named on its own has its folder's
        manifest checked first."""
        if os.path.splitext(path)[1].lower() not in SUPPORTED:
            yield _unsupported(Path(path))
        elif explicit and not os.access(path, os.R_OK):
            yield Problem(path, PERMISSION_DENIED)
        elif real not in self.files:
            self.files.add(real)
            if explicit:
                yield from self._manifest(Path(path).parent)
            yield path

    def _manifest(self, folder: Path, names: set[str] | None = None) -> Iterator[Problem]:
        real = folder.resolve()
        if real not in self.manifests:
            self.manifests.add(real)
            if self.unchecked is None:
                yield from manifest.check(folder, names)
            else:
                self.unchecked.append((folder, names))


def _name(entry: os.DirEntry) -> str:
    return entry.name


def _plain_file(entry: os.DirEntry) -> bool:
    """A regular file and not a symlink, by the listing alone (no system call where the
    file system gives entry types, as Linux and macOS ones do)."""
    try:
        return entry.is_file(follow_symlinks=False)
    except OSError:
        return False


def _real_file(path: Path, real_folder: Path | None) -> str:
    """A file's real path: its folder's real path and its name, unless it is a symlink
    itself (resolving every file walks every folder above it: most of an update's time
    in a large, unchanged folder)."""
    if real_folder is not None and not path.is_symlink():
        return os.path.join(real_folder, path.name)
    return str(path.resolve())


def _passed_over(name: str) -> bool:
    """Hidden files, manifests and Python package files are not articles."""
    return name.startswith(".") or name in manifest.NAMES or name in ("__init__.py", "__pycache__")


def _stat_error(path: Path, exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "symlink loop, skipped"
    if exc.errno == errno.ENOENT and path.is_symlink():
        return f"broken symlink to {os.readlink(path)}"
    if exc.errno == errno.ENOENT:
        return "no such file or folder"
    return exc.strerror or str(exc)


def read_file(path: str | Path) -> ReadResult:
    """The articles in one file with its manifest entry applied, uncleaned.

    An article without a title gets its first sentence as one.
    """
    result = _read(Path(path))
    result.articles = [_titled(article) for article in result.articles]
    return result


def load_file(path: str | Path, rules: list[BoilerplateRule]) -> ReadResult:
    """The articles in one file, cleaned (see clean.clean_article) and ready to index.

    An article with no text left once boilerplate is out is skipped with a Problem.
    """
    result = _read(Path(path))
    articles = []
    for article in result.articles:
        cleaned = clean_article(article, rules)
        if cleaned.body:
            articles.append(_titled(cleaned))
        else:
            result.problems.append(
                Problem(str(path), "no text left once boilerplate is removed" + _which(article, result.articles)))
    result.articles = articles
    return result


def fingerprint(path: str | Path) -> str:
    """A hash of the file's bytes and its manifest entry: when it changes, re-index.

    The empty string when the file cannot be read (read_file says why).
    """
    path = Path(path)
    try:
        with path.open("rb") as fh:
            digest = hashlib.file_digest(fh, "sha1")
        entry = manifest.entry_for(path)
    except (OSError, ValueError):
        return ""
    return _fingerprinted(digest, entry)


def _fingerprinted(digest, entry: manifest.Entry | None) -> str:
    """The fingerprint of a file whose bytes `digest` (SHA-1) has read, with its manifest entry."""
    digest.update(repr(sorted(entry.values.items()) if entry else None).encode("utf-8"))
    return digest.hexdigest()


def stamp(path: str | Path, manifests: dict[str, str | None] | None = None) -> str:
    """Size, modification and change times and inode of the file and of its folder's
    manifest, as one string: while it stays the same, so does the fingerprint, and a
    run need not read the file to know it is unchanged. Take it before reading the
    file, so a change made while it is read shows at the next run.

    `manifests`, kept for one run, remembers each folder's manifest part, so a folder
    of many files looks its manifest up once. The empty string when the file cannot
    be examined.
    """
    path = os.fspath(path)
    try:
        own = _stat_stamp(os.stat(path))
    except OSError:
        return ""
    folder = os.path.dirname(path)
    if manifests is None or folder not in manifests:
        part = _manifest_stamp(Path(folder))
        if manifests is None:
            return _joined(own, part)
        manifests[folder] = part
    return _joined(own, manifests[folder])


def _manifest_stamp(folder: Path) -> str | None:
    """The stamp of `folder`'s manifest: "" when it has none, None when it cannot be examined."""
    try:
        listed = manifest.manifest_path(folder)
        return "" if listed is None else _stat_stamp(os.stat(listed))
    except OSError:
        return None


def _stat_stamp(info: os.stat_result) -> str:
    return f"{info.st_size}:{info.st_mtime_ns}:{info.st_ctime_ns}:{info.st_ino}"


def _joined(own: str, manifest_part: str | None) -> str:
    if manifest_part is None:
        return ""
    return f"{own} {manifest_part}" if manifest_part else own


def _read(path: Path) -> ReadResult:
    """Read a file with its format's reader and apply its manifest entry; never raise."""
    fmt = SUPPORTED.get(path.suffix.lower())
    if fmt is None:
        return ReadResult(problems=[_unsupported(path)])
    try:
        if path.stat().st_size > MAX_BYTES:
            return ReadResult(problems=[Problem(str(path), f"larger than {MAX_BYTES // 2**20} MiB, skipped")])
        data = path.read_bytes()
        decoded = decode(data, str(path))
        if decoded.text is None:
            return ReadResult(problems=decoded.problems)
        result = _READERS[fmt](path, decoded.text)
        entry = manifest.entry_for(path)
        articles = manifest.apply(result.articles, entry)
    except PermissionError:
        return ReadResult(problems=[Problem(str(path), PERMISSION_DENIED)])
    except OSError as exc:
        return ReadResult(problems=[Problem(str(path), f"cannot read: {exc.strerror or exc}")])
    except Exception as exc:  # a reader's bug or a library's surprise must not stop a run
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        return ReadResult(problems=[Problem(str(path), f"cannot read: {reason}")])
    tidied = ReadResult(problems=decoded.problems + result.problems,
                        fingerprint=_fingerprinted(hashlib.sha1(data), entry))
    for article in articles:
        if len(article.body) > MAX_ARTICLE_CHARS:
            tidied.problems.append(Problem(
                str(path), f"{len(article.body):,} characters of text, more than any article "
                f"(at most {MAX_ARTICLE_CHARS:,}), skipped" + _which(article, articles)))
            continue
        article = replace(article, body=tidy(article.body))
        if article.body:
            tidied.articles.append(article)
        else:
            tidied.problems.append(Problem(str(path), "no text" + _which(article, articles)))
    return tidied


def _which(article: Article, articles: list[Article]) -> str:
    """Which article of a file a problem is about, when the file holds several."""
    return f" ({article.title or article.url})" if len(articles) > 1 else ""


def _unsupported(path: Path) -> Problem:
    return Problem(str(path), f"unsupported file type {path.suffix or '(no extension)'}")


def _titled(article: Article) -> Article:
    return article if article.title else replace(article, title=headline(article.body))

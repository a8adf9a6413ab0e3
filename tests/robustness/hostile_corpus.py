"""The broken and hostile corpus of issue 6, written at test time (nothing large is committed).

`build(folder)` writes the four seed articles and, beside them, one file (or link, pipe,
folder) for each way input can be broken, and articles whose text, metadata and file
names are hostile. It returns a `Corpus` saying which paths newsx must name as problems
(one line each, with a fragment of the reason) and which hostile articles it must index.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "seeds"

MARKUP = "[/ [bold]loud [@click=app.quit]quit[/] [link=file:///etc/passwd]x[/link]"
"""Rich/Textual markup that raises, runs an action or injects a link if parsed."""
ESCAPES = "\x1b[2J\x1b]52;c;ZXZpbA==\x07\x1b]0;pwned\x1b\\\x9b31m\x07"
"""Clear screen, set the clipboard (OSC 52), retitle the window, an 8-bit CSI, a bell."""
BIDI = "\u202egnp.exe\u202c \u2067isolate\u2069"
"""Right-to-left override and isolate: text that displays as something else."""
ZERO_WIDTH = "zero\u200bwidth\u200djoiner\ufeffmark"
ARABIC_NAME = "أيمن الصفدي"
HEBREW_NAME = "בנימין נתניהו"
LONG_WORD = "Zorblaxian" + "x" * 20_000
"""A word far wider than any terminal (the reader folds it)."""
TERMINAL_BYTES = ("\x1b", "\x07", "\x9b", "\x9d", "\u202e", "\u2067")
"""What must never reach a terminal from article data."""

HUGE_BYTES = 50_000_000
LONG_LINE_BYTES = 5_000_000
MANY_LINES = 200_000


@dataclass
class Corpus:
    """What `build` wrote and what newsx must make of it."""

    root: Path
    problems: dict[str, str] = field(default_factory=dict)
    """Path as newsx names it -> a fragment of its one-line reason."""
    warned: set[str] = field(default_factory=set)
    """Bad files that are still indexed (with a warning): the good part is not lost."""
    missing: str = ""
    """A path that does not exist, to give on the command line."""
    unreadable: list[str] = field(default_factory=list)
    """Paths only an unprivileged process is refused (root reads anything)."""
    hostile_names: dict[str, str] = field(default_factory=dict)
    """A word to search for -> the hostile file name of the article it finds."""

    @property
    def args(self) -> list[str]:
        return [str(self.root), self.missing]


def build(root: Path, *, large: bool = True, unreadable: bool = True) -> Corpus:
    """Write the corpus into `root` (created). `large=False` leaves out the three big files."""
    root.mkdir(parents=True, exist_ok=True)
    corpus = Corpus(root=root, missing=str(root.parent / "no-such-folder"))
    corpus.problems[corpus.missing] = "no such file or folder"
    for name in [*(p.name for p in SEEDS.glob("*.txt")), "manifest.yaml"]:
        shutil.copy(SEEDS / name, root / name)
    _broken_files(corpus)
    if large:
        _large_files(corpus)
    if unreadable:
        _unreadable(corpus)
    _hostile_articles(corpus)
    _hostile_file_names(corpus)
    return corpus


def _bad(corpus: Corpus, name: str, content: bytes | str, reason: str, *, warned: bool = False) -> Path:
    path = corpus.root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    corpus.problems[str(path)] = reason
    if warned:
        corpus.warned.add(str(path))
    return path


def _broken_files(corpus: Corpus) -> None:
    root = corpus.root
    _bad(corpus, "binary.txt", b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 8, "binary file")
    _bad(corpus, "latin1.txt", "Café owners in Lyon said the quillwort trade had fallen.\n".encode("latin-1"),
         "invalid UTF-8, undecodable bytes replaced", warned=True)
    (root / "utf16.txt").write_bytes("Ministers said the marram grass plan was “ready”.\n".encode("utf-16"))
    _bad(corpus, "empty.txt", b"", "empty file")
    _bad(corpus, "blank.md", " \n\t\n   \n", "empty file")
    _bad(corpus, "broken.json", '{"title": "Half", "text": "cut off', "invalid JSON")
    good = {"title": "Wire one", "text": "The wire reported a samphire harvest in Norfolk."}
    other = {"title": "Wire three", "text": "A second wire item about the samphire market.", "id": "w3"}
    _bad(corpus, "wire.jsonl", f"{json.dumps(good)}\n{{\"title\": oops}}\n{json.dumps(other)}\n",
         "invalid JSON", warned=True)
    _bad(corpus, "sub/manifest.yaml", "articles:\n  story.txt:\n    title: [unclosed\n    outlet: X\n",
         "invalid YAML")
    (root / "sub" / "story.txt").write_text("The sub-folder story about the bladderwrack survey.\n", encoding="utf-8")
    (root / "dangling.txt").symlink_to(root / "nowhere.txt")
    corpus.problems[str(root / "dangling.txt")] = "broken symlink"
    (root / "loop.txt").symlink_to(root / "loop.txt")
    corpus.problems[str(root / "loop.txt")] = "symlink loop"
    (root / "sub" / "up").symlink_to(root)
    corpus.problems[str(root / "sub" / "up")] = "symlink loop"
    os.mkfifo(root / "pipe.txt")
    corpus.problems[str(root / "pipe.txt")] = "not a regular file"
    _bad(corpus, "slides.pptx", b"PK\x03\x04", "unsupported file type")


def _large_files(corpus: Corpus) -> None:
    paragraph = "The committee discussed the harbour budget for the coming year at length. " * 8
    count = HUGE_BYTES // (len(paragraph) + 2) + 1
    _bad(corpus, "huge.txt", "\n\n".join([paragraph] * count), "more than any article")
    sentence = "Sir Keir said “we back a ceasefire” and [the] **crowd** cheered <p "
    _bad(corpus, "one-line.md", sentence * (LONG_LINE_BYTES // len(sentence) + 1), "more than any article")
    lines = corpus.root / "many-lines.txt"
    lines.write_text("".join(f"n{n}\n" for n in range(MANY_LINES - 1)) + "lastline eelgrass\n", encoding="utf-8")


def _unreadable(corpus: Corpus) -> None:
    path = corpus.root / "secret.txt"
    path.write_text("Unreadable.\n", encoding="utf-8")
    path.chmod(0)
    folder = corpus.root / "locked"
    folder.mkdir()
    (folder / "inside.txt").write_text("Inside a locked folder.\n", encoding="utf-8")
    folder.chmod(0)
    corpus.unreadable = [str(path), str(folder)]
    corpus.problems[str(path)] = "permission denied"
    corpus.problems[str(folder)] = "cannot list folder"


def _hostile_articles(corpus: Corpus) -> None:
    article = {
        "title": f"Zorblax {MARKUP} {ESCAPES}{BIDI}",
        "outlet": "[red]Outlet[/red] \x1b[31mRed",
        "author": f"[@click=app.quit]Author {HEBREW_NAME}",
        "date": "2024-05-01",
        "body": (
            f"Zorblax opens with markup {MARKUP} and escapes {ESCAPES} end.\n\n"
            f"Bidi {BIDI} and {ZERO_WIDTH} stay readable.\n\n"
            f"Councillor Ann Smith said: “Zorblax {MARKUP} must stop.”\n\n"
            f"{ARABIC_NAME} قال إن المحادثات مستمرة. {HEBREW_NAME} אמר כי השיחות נמשכות.\n\n"
            f"A long word: {LONG_WORD} ends here.\n\n"
            + "A long line of zorblax words. " * 3_000
        ),
    }
    (corpus.root / "hostile.json").write_text(json.dumps(article, ensure_ascii=False), encoding="utf-8")


def _hostile_file_names(corpus: Corpus) -> None:
    names = {
        "clickword": "[@click=app.quit]report[bold].txt",
        "escapeword": "clip\x1b]52;c;ZXZpbA==\x07board.txt",
        "bidiword": "\u202etxt.exe.txt",
        "arabicword": "تقرير.md",
        "zerowidthword": "zero\u200bwidth.txt",
        "bellword": "bell\x07\x9bcsi.txt",
    }
    for word, name in names.items():
        (corpus.root / name).write_text(
            f"The {word} article reports on the harbour.\n\n"
            f"Officials said: “The {word} harbour plan must wait for the spring tides.”\n", encoding="utf-8")
    corpus.hostile_names = names


def restore_permissions(corpus: Corpus) -> None:
    """Make the unreadable paths removable again (pytest cleans tmp_path up later)."""
    for path in corpus.unreadable:
        Path(path).chmod(0o755)

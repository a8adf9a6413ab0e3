"""Where a py-spy profile spent its time: the share of samples under each frame.

    python bench/stacks.py PROFILE.raw [--grep TEXT] [--top 60]

PROFILE.raw is py-spy's collapsed-stack output (`py-spy record -f raw`). Prints the
frames with the largest inclusive share (time spent in them or anything they called),
then the largest self share (time in the frame's own line).
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

_PREFIXES = re.compile(r"\((?:\S*/site-packages/|" + re.escape(str(Path(__file__).resolve().parents[1])) + r"/|\S*/lib/python3\.\d+/)")
"""What a frame's file name starts with that says nothing: a library's folder, this
repository's, the standard library's."""


def summarise(path: str) -> tuple[int, Counter, Counter]:
    """Total samples, and samples per frame: inclusive and self."""
    total, inclusive, own = 0, Counter(), Counter()
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            stack, _, count = line.rstrip().rpartition(" ")
            frames = [_PREFIXES.sub("(", frame) for frame in stack.split(";")]
            total += int(count)
            for frame in set(frames):
                inclusive[frame] += int(count)
            own[frames[-1]] += int(count)
    return total, inclusive, own


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("profile")
    parser.add_argument("--grep", default="", help="only frames containing this text")
    parser.add_argument("--top", type=int, default=60)
    args = parser.parse_args()
    total, inclusive, own = summarise(args.profile)
    print(f"{total} samples; inclusive share:")
    shown = [(frame, n) for frame, n in inclusive.most_common() if args.grep in frame]
    for frame, n in shown[:args.top]:
        print(f"{100 * n / total:5.1f}%  {frame}")
    print("self share:")
    for frame, n in own.most_common(args.top // 3):
        print(f"{100 * n / total:5.1f}%  {frame}")


if __name__ == "__main__":
    main()

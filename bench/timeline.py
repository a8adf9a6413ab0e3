"""How busy a command keeps the machine's cores, second by second.

    python bench/timeline.py [--seconds S] -- COMMAND...
    python bench/timeline.py -- python bench/child.py whoosh-build /tmp/ix bench/corpus/n20000-s1-v1

Runs COMMAND and prints, each second, the seconds elapsed, the CPU seconds its process
tree used in that second (2.00: both cores of this machine busy) and how many processes
the tree has; then its exit code. With --seconds the command is stopped after S seconds
(the start of a long build). Linux only: it reads /proc. A process that ends between two
samples loses the CPU it used since the last one.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import time

_TICKS = os.sysconf("SC_CLK_TCK")


def _stat(pid: int) -> list[str] | None:
    """The fields of /proc/PID/stat after the command's name (None when it has ended)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="utf-8") as fh:
            return fh.read().rsplit(")", 1)[1].split()
    except OSError:
        return None


def _tree(root: int) -> list[int]:
    """`root` and every process below it."""
    children: dict[int, list[int]] = {}
    for name in os.listdir("/proc"):
        if name.isdigit() and (fields := _stat(int(name))):
            children.setdefault(int(fields[1]), []).append(int(name))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo += children.get(pid, [])
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, help="stop the command after this long")
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    process = subprocess.Popen(command, start_new_session=True)
    started, used, before = time.monotonic(), {}, 0.0
    while process.poll() is None:
        time.sleep(1)
        tree = _tree(process.pid)
        for pid in tree:
            if fields := _stat(pid):
                used[pid] = (int(fields[11]) + int(fields[12])) / _TICKS  # user and system time
        elapsed, total = time.monotonic() - started, sum(used.values())
        print(f"{elapsed:6.1f} s  {total - before:4.2f} cores  {len(tree)} processes", flush=True)
        before = total
        if args.seconds and elapsed >= args.seconds:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    print(f"exit {process.returncode}")


if __name__ == "__main__":
    main()

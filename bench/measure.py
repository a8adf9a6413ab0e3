"""Measuring tools: latency percentiles, child processes' peak memory, sizes, the machine."""

from __future__ import annotations

import json
import math
import os
import platform
import resource
import sqlite3
import subprocess
import sys
import threading
from importlib import metadata
from pathlib import Path

MB = 2**20


def percentiles(samples_ms: list[float]) -> dict:
    """p50, p95 and max of latencies in ms (nearest-rank), and how many there were."""
    ordered = sorted(samples_ms)

    def rank(p: float) -> float:
        return ordered[max(0, math.ceil(p * len(ordered)) - 1)]

    return {"p50": round(rank(0.50), 2), "p95": round(rank(0.95), 2), "max": round(ordered[-1], 2), "n": len(ordered)}


def run_child(argv: list[str]) -> dict:
    """Run a bench script in a child process; return the JSON it prints last, with
    "peak_rss_mb" (the largest single process in its tree, from getrusage) and
    "tree_peak_rss_mb" (sampled: the child and its workers together)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    child = subprocess.Popen([sys.executable, *argv], stdout=subprocess.PIPE, text=True)
    sampler = _TreeSampler(child.pid)
    sampler.start()
    out, _ = child.communicate()
    sampler.stop()
    if child.returncode:
        raise RuntimeError(f"{' '.join(argv)} failed with exit status {child.returncode}")
    result = json.loads(out.strip().splitlines()[-1])
    after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    own = result.pop("self_maxrss_kb", 0)
    result["peak_rss_mb"] = round(max(own, after if after > before else 0) / 1024, 1)
    result["tree_peak_rss_mb"] = round(sampler.peak / MB, 1)
    return result


def own_usage() -> dict:
    """For a child to report: the largest resident size of itself or a worker it waited
    on, and the CPU seconds they used (wall time stretches when other work shares the
    CPUs; CPU time barely does)."""
    mine, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "self_maxrss_kb": max(mine.ru_maxrss, workers.ru_maxrss),
        "cpu_seconds": round(sum(u.ru_utime + u.ru_stime for u in (mine, workers)), 2),
    }


class _TreeSampler(threading.Thread):
    """Sums the resident memory of a process and its descendants every 0.2 s."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.peak = 0
        self._done = threading.Event()

    def run(self) -> None:
        while not self._done.wait(0.2):
            self.peak = max(self.peak, _tree_rss(self.pid))

    def stop(self) -> None:
        self._done.set()
        self.join()


def _tree_rss(root: int) -> int:
    """Resident bytes of `root` and every process descended from it."""
    parents, rss = {}, {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                fields = Path(entry.path, "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            parents[int(entry.name)] = int(fields[1])
            rss[int(entry.name)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
    tree = {root}
    for pid in sorted(parents):
        ancestor, seen = parents.get(pid), set()
        while ancestor and ancestor not in tree and ancestor not in seen:
            seen.add(ancestor)
            ancestor = parents.get(ancestor)
        if ancestor in tree:
            tree.add(pid)
    return sum(rss.get(pid, 0) for pid in tree)


def dir_mb(path: Path) -> float:
    """Bytes on disk under `path` (a file or a folder), in MB."""
    if path.is_file():
        return round(path.stat().st_size / MB, 1)
    return round(sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / MB, 1)


def machine() -> dict:
    """The machine and the versions the figures were measured with."""
    memory = next(line for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal"))
    return {
        "nproc": os.cpu_count(),
        "memory_gb": round(int(memory.split()[1]) / 2**20, 1),
        "cpu": _cpu_model(),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "whoosh": _version("whoosh-reloaded"),
        "textual": _version("textual"),
        "loadavg_at_start": os.getloadavg()[0],
        "engine": _engine_version(),
    }


def _engine_version() -> str:
    """The commit the engine was measured at, and whether index/ had local changes; or
    where it was imported from when that is not this repository (a pinned snapshot)."""
    import newsx.index

    repo = Path(__file__).resolve().parent.parent
    engine = Path(newsx.index.__file__).resolve().parent
    if engine != repo / "index":
        return f"snapshot in {engine.parent}"

    def git(*args: str) -> str:
        done = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True)
        return done.stdout.strip()

    dirty = git("status", "--porcelain", "--", "index")
    return git("rev-parse", "--short", "HEAD") + (" + uncommitted changes in index/" if dirty else "")


def _cpu_model() -> str:
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor()


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"

"""A searcher over one index that reopens only the segments a commit changed."""

from __future__ import annotations

from whoosh.reading import EmptyReader, MultiReader, SegmentReader
from whoosh.searching import Searcher

OPEN_ATTEMPTS = 10
"""Tries at opening a commit's segments while another commit may be replacing them."""


class SegmentSearcher:
    """A searcher over one index, reopened segment by segment after a commit.

    whoosh-reloaded 2.7.5's `Searcher.refresh()` keeps the readers of segments a merge
    has replaced (so a refreshed searcher returns documents twice, and deleted ones), and
    reuses a segment's reader after more of its documents were deleted. Here a segment's
    reader is reused only when the segment and its deletions are the same.
    """

    def __init__(self, ix, generation: int, leaves: list) -> None:
        self.ix, self.generation, self.leaves = ix, generation, leaves
        reader = MultiReader(leaves, generation=generation) if leaves else EmptyReader(ix.schema)
        self.searcher = Searcher(reader, fromindex=ix)

    @classmethod
    def open(cls, ix, previous: SegmentSearcher | None = None) -> SegmentSearcher:
        reusable = {segment_key(leaf.segment()): leaf for leaf in previous.leaves} if previous else {}
        for attempt in range(OPEN_ATTEMPTS):
            opened, leaves = [], []
            try:
                toc = ix._read_toc()
                for segment in toc.segments:
                    leaf = reusable.get(segment_key(segment))
                    if leaf is None:
                        leaf = SegmentReader(ix.storage, toc.schema, segment, generation=toc.generation)
                        opened.append(leaf)
                    leaves.append(leaf)
            except OSError:
                for leaf in opened:
                    leaf.close()
                if attempt == OPEN_ATTEMPTS - 1:
                    raise
                continue
            return cls(ix, toc.generation, leaves)
        raise AssertionError("unreachable")

    def up_to_date(self) -> bool:
        try:
            return self.ix.latest_generation() == self.generation
        except OSError:  # the folder is being written: look again next time
            return True

    def refreshed(self) -> SegmentSearcher:
        return self if self.up_to_date() else SegmentSearcher.open(self.ix, previous=self)

    def retire(self, successor: SegmentSearcher) -> None:
        if successor is self:
            return
        kept = {id(leaf) for leaf in successor.leaves}
        for leaf in self.leaves:
            if id(leaf) not in kept:
                leaf.close()

    def close(self) -> None:
        for leaf in self.leaves:
            leaf.close()


def segment_key(segment) -> tuple[str, int]:
    """A segment as its reader sees it: which one, and how many of its documents are deleted."""
    return segment.segment_id(), segment.deleted_count()

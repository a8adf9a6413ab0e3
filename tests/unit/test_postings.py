"""Posting lists copied between segments by a merge read back as the same postings."""

from __future__ import annotations

import io

import pytest
from whoosh.codec.whoosh3 import W3TermInfo
from whoosh.filedb.structfile import StructFile

from newsx.index.postings import (
    BLOCK_LIMIT,
    TERM_INFO,
    blocks,
    copy_postings,
    gathered_postings,
    joined_block,
    one_block,
    write_postings,
)


def _written(postings: list[tuple[int, float, bytes]]) -> tuple[bytes, tuple]:
    """A segment's postings file holding one term's postings, and the term's info."""
    postfile = StructFile(io.BytesIO())
    docs, weights, values = zip(*postings)
    lengths = [n % 40 + 1 for n in range(max(docs) + 1)]
    info = write_postings(postfile, docs, weights, values, lengths, None)
    return postfile.file.getvalue(), TERM_INFO.unpack(info)


def _read(postfile: bytes, info: bytes) -> list[tuple[int, float, bytes]]:
    found = []
    for docs, weights, values in blocks(StructFile(io.BytesIO(postfile)), W3TermInfo.from_bytes(info), None):
        found += zip(docs, weights, values)
    return found


def _segment(count: int, seed: int) -> list[tuple[int, float, bytes]]:
    """Postings from document 200 or 40,000 on (numbers whose top bit is set in one byte
    and in two), every third document."""
    first = (200, 40_000)[seed % 2]
    return [(first + n * 3, float(1 + (n + seed) % 4), bytes([n % 251]) * (1 + n % 5)) for n in range(count)]


@pytest.mark.parametrize("moves", [
    (0, 40),  # small numbers
    (0, 20, 30),  # the first document crosses from one byte to two
    (0, 30_000, 70_000, 2**31 - 50_000),  # to four bytes, and near the largest
])
def test_copied_postings_read_back_as_the_segments_postings_renumbered(moves):
    sources, expected = [], []
    for seed, moved in enumerate(moves):
        postings = _segment(BLOCK_LIMIT * 2 + 5 if seed % 2 else 3, seed)
        postfile, info = _written(postings)
        sources.append((postfile, info, moved))
        expected += [(doc + moved, weight, value) for doc, weight, value in postings]
    out = StructFile(io.BytesIO())
    out.write(b"\0" * 7)  # the term's blocks start where the file is
    info = copy_postings(out, sources)
    assert _read(out.file.getvalue(), info) == expected
    copied = W3TermInfo.from_bytes(info)
    assert (copied.doc_frequency(), copied.min_id(), copied.max_id()) == (len(expected), expected[0][0], expected[-1][0])
    assert copied.weight() == sum(weight for _, weight, _ in expected)
    assert copied.max_weight() == max(weight for _, weight, _ in expected)


def test_a_document_number_past_32_bits_is_still_copied_right():
    postfile, info = _written(_segment(4, 0))
    out = StructFile(io.BytesIO())
    copied = copy_postings(out, [(postfile, info, 2**31 + 5)])
    assert [doc for doc, _, _ in _read(out.file.getvalue(), copied)] == [2**31 + 5 + doc for doc, _, _ in _segment(4, 0)]


@pytest.mark.parametrize("moves", [(0, 40), (0, 20, 30), (0, 30_000, 70_000)])
def test_postings_joined_into_one_block_are_the_bytes_of_writing_them_again(moves):
    sources, expected, lengths = [], [], {}
    for seed, moved in enumerate(moves):
        postings = _segment(1 + seed * 7, seed)
        postfile, info = _written(postings)
        sources.append((postfile, info, moved))
        expected += [(doc + moved, weight, value) for doc, weight, value in postings]
        lengths.update((doc + moved, doc % 40 + 1) for doc, _, _ in postings)  # as _written gave them
    assert one_block(sources)
    joined, written = StructFile(io.BytesIO()), StructFile(io.BytesIO())
    joined_info = joined_block(joined, sources, None)
    field_lengths = [lengths.get(doc) for doc in range(max(lengths) + 1)]
    written_info = write_postings(written, *gathered_postings(sources, None), field_lengths, None)
    assert (joined.file.getvalue(), joined_info) == (written.file.getvalue(), written_info)
    assert _read(joined.file.getvalue(), joined_info) == expected

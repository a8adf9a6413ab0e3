"""Posting lists in Whoosh's W3 layout, written and read a term at a time.

A term's postings are blocks of BLOCK_LIMIT, each its size (negative for the last), a
pickled header (count, last document, top weight, compression, shortest and longest
field length as bytes) and the pickled (document deltas, weights, values); the term's
info (W3TermInfo) says where its blocks are. Whoosh's own writer and matchers make a
Python call per posting or per block step; these read and write a term's blocks in
one piece. Blocks are written uncompressed and pickled with protocol 4 (Whoosh's
protocol 2 rebuilds each bytes value, a body posting's positions, through a call to
codecs.encode: a block of the body unpickled in ~100 µs, under protocol 4 in ~10 µs).

    write_postings(...)        a term's postings to the postings file; its info
    write_posting(...)         the same for a term with one posting
    copy_postings(...)         a term's blocks from merged segments, copied
    gathered_postings(...)     the same postings read whole, to be written again
    joined_block(...)          the same postings joined into one block, when they fit
    blocks(postfile, info, ...)  a term's blocks: (documents, weights, values)
"""

from __future__ import annotations

import functools
import io
import pickle
import struct
import zlib
from array import array
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from itertools import accumulate, chain, repeat
from operator import add, sub

from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC, W3TermInfo
from whoosh.system import _INT_SIZE, pack_int, pack_long, unpack_int
from whoosh.util.numeric import length_to_byte

Block = tuple[Sequence[int], Sequence[float], Sequence | None]
"""A block's documents, weights, and values (None when not asked for)."""

BLOCK_LIMIT = 128
"""Postings per block, as W3Codec writes them."""
_TERM_INFO = W3TermInfo._struct


def write_postings(postfile, docs: Sequence[int], weights: Sequence[float], values: Sequence[bytes | None],
                    lengths: list[int | None] | None, fixed_size: int | None) -> bytes:
    """Write a term's postings (in document order) to the postings file in W3's layout,
    and return the term's info, as W3PostingsWriter and W3TermInfo.to_bytes would: in
    blocks of BLOCK_LIMIT, each a pickled header (count, last document, top weight,
    compression 0, shortest and longest field length as bytes) and the pickled
    (document deltas, weights, values), with protocol 4 (see above)."""
    start, parts = postfile.tell(), [WHOOSH3_HEADER_MAGIC]
    total_weight, shortest, longest, top_weight = 0.0, None, 0, 0
    count = len(docs)
    for first in range(0, count, BLOCK_LIMIT):
        block_docs, raw_weights = docs[first:first + BLOCK_LIMIT], weights[first:first + BLOCK_LIMIT]
        block_weights = array("f", raw_weights)  # as Whoosh keeps them: single precision
        top = max(0, max(raw_weights))
        low, high = None, 0
        if lengths is not None:
            present = [length for length in map(lengths.__getitem__, block_docs) if length]
            if present:
                low, high = min(present), max(present)
        total_weight += sum(block_weights)
        if low is not None:
            shortest = low if shortest is None else min(shortest, low)
        longest, top_weight = max(longest, high), max(top_weight, top)
        kept = [value for value in values[first:first + BLOCK_LIMIT] if value]
        data = pickle.dumps((
            tuple(map(sub, block_docs, chain((0,), block_docs))),
            _minified(block_weights),
            tuple(kept) if fixed_size is None or fixed_size < 0 else b"".join(kept) if fixed_size else None,
        ), 4)
        header = pickle.dumps((len(block_docs), block_docs[-1], top, 0, length_byte(low), length_byte(high)), 4)
        size = len(header) + len(data)
        parts += (pack_int(-size if first + BLOCK_LIMIT >= count else size), header, data)
    written = b"".join(parts)
    postfile.write(written)
    info = _TERM_INFO.pack(False, total_weight, count, 0 if shortest is None else length_byte(shortest),
                           length_byte(longest), top_weight, docs[0], docs[-1])
    return info + pack_long(start) + pack_int(len(written))


def write_posting(postfile, doc: int, weight: float, value: bytes | None,
                  lengths: list[int | None] | None, fixed_size: int | None) -> bytes:
    """`write_postings` of a term with one posting (most of a segment's terms), in fewer
    steps: the same bytes."""
    weight32 = _SINGLE.unpack(_SINGLE.pack(weight))[0]
    length = lengths[doc] if lengths is not None else None
    top = max(0, weight)
    data = pickle.dumps((
        (doc,),
        None if weight32 == 1.0 else weight32,
        ((value,) if value else ()) if fixed_size is None or fixed_size < 0 else (value or b"") if fixed_size else None,
    ), 4)
    byte = length_byte(length or 0)  # 0 for no length, as for None
    header = pickle.dumps((1, doc, top, 0, byte, byte), 4)
    return _TERM_INFO.pack(False, weight32, 1, byte, byte, top, doc, doc) + _one_block(postfile, header, data)


def _one_block(postfile, header: bytes, data: bytes) -> bytes:
    """Write a term's only block (its size negative: the last); return where its blocks
    are, as a term's info ends."""
    start = postfile.tell()
    written = b"".join((WHOOSH3_HEADER_MAGIC, pack_int(-len(header) - len(data)), header, data))
    postfile.write(written)
    return pack_long(start) + pack_int(len(written))


_SINGLE = struct.Struct("f")
length_byte = functools.lru_cache(maxsize=None)(length_to_byte)
"""Whoosh's length_to_byte (a bisect in Python), remembered: lengths repeat."""


def _minified(weights: array):
    """A block's weights as W3 stores them: None when all are 1, one number when all
    are the same, else each."""
    if weights.count(1.0) == len(weights):
        return None
    if weights.count(weights[0]) == len(weights):
        return weights[0]
    return tuple(weights)


def _expanded(weights, count: int) -> Sequence[float]:
    """A block's weights as `_minified` left them, one for each of its `count` postings."""
    if weights is None:
        return (1.0,) * count
    if isinstance(weights, float):
        return (weights,) * count
    return weights


def blocks(postfile, info: W3TermInfo, fixed_size: int | None, with_values: bool = True,
           wanted: list[int] | None = None) -> Iterator[Block]:
    """A term's postings, a block at a time, from where its `info` says; only the blocks
    holding a document of `wanted` (sorted) when given."""
    if info.is_inlined():
        docs, weights, values = info.inlined_postings()
        yield docs, weights, values if with_values else None
        return
    yield from _blocks_of(_read(postfile, info), fixed_size, with_values, wanted)


def _blocks_of(raw: bytes, fixed_size: int | None, with_values: bool = True,
               wanted: list[int] | None = None) -> Iterator[Block]:
    """`blocks` of a term's bytes."""
    after = -1  # the last document of the block before
    for (count, last, _, compression, _, _), data_at, end in _block_spans(raw):
        if wanted is None or _any_between(wanted, after, last):
            data = raw[data_at:end]
            deltas, weights, values = pickle.loads(zlib.decompress(data) if compression else data)
            weights = _expanded(weights, count)
            if not with_values:
                values = None
            elif fixed_size == 0:
                values = (None,) * count
            elif fixed_size is not None and fixed_size > 0:
                values = [values[n:n + fixed_size] for n in range(0, len(values), fixed_size)]
            yield tuple(accumulate(deltas)), weights, values  # each block's first document whole
        after = last


def fragmented(sources: Sequence[tuple[bytes, tuple, int]]) -> bool:
    """Whether copying a term's blocks from `sources` (as `copy_postings` takes them)
    would leave it in over a tenth more blocks than writing its postings again: each
    segment's last block is part-full, and a search reads a term a block at a time (a
    term of a few postings in each of ten segments would take ten blocks, not one)."""
    counts = [info[2] for _, info, _ in sources]
    return sum(-(-count // BLOCK_LIMIT) for count in counts) > 1.1 * -(-sum(counts) // BLOCK_LIMIT)


def joined_block(postfile, sources: Sequence[tuple[bytes, tuple, int]], fixed_size: int | None) -> bytes:
    """`write_postings` of a term's postings from several segments (as `copy_postings`
    takes them) that fit in one block, made from the segments' blocks as they are
    pickled: their documents' deltas, weights and values joined, the lengths and top
    weight taken from their headers, not looked up again a posting at a time. The same
    bytes and info."""
    deltas, weights, raw_values = [], [], []
    low, high, top, last = 0, 0, 0, 0
    for source, info, moved in sources:
        raw = _term_bytes(source, info)
        (count, block_last, block_top, compression, block_low, block_high), data_at, end = next(_block_spans(raw))
        data = raw[data_at:end]
        block_deltas, block_weights, block_values = pickle.loads(zlib.decompress(data) if compression else data)
        at = len(deltas)
        deltas += block_deltas
        deltas[at] += moved - last  # a block's first document is whole: now a delta from the last one here
        weights += _expanded(block_weights, count)
        raw_values.append(block_values)
        if block_low and (not low or block_low < low):
            low = block_low
        high, top, last = max(high, block_high), max(top, block_top), block_last + moved
    if fixed_size is None or fixed_size < 0:
        values = tuple(chain.from_iterable(raw_values))
    else:
        values = b"".join(raw_values) if fixed_size else None
    block_weights = array("f", weights)
    data = pickle.dumps((tuple(deltas), _minified(block_weights), values), 4)
    header = pickle.dumps((len(deltas), last, top, 0, low, high), 4)
    info = _TERM_INFO.pack(False, sum(block_weights), len(deltas), low, high, top, deltas[0], last)
    return info + _one_block(postfile, header, data)


def one_block(sources: Sequence[tuple[bytes, tuple, int]]) -> bool:
    """Whether a term's postings from `sources` fit in one block (`joined_block`)."""
    return sum(info[2] for _, info, _ in sources) <= BLOCK_LIMIT


def gathered_postings(sources: Sequence[tuple[bytes, tuple, int]], fixed_size: int | None) -> Block:
    """A term's postings from `sources` (as `copy_postings` takes them), read whole, each
    segment's documents moved by its start: (documents, weights, values)."""
    docs, weights, values = [], [], []
    for source, info, moved in sources:
        for block_docs, block_weights, block_values in _blocks_of(_term_bytes(source, info), fixed_size):
            docs += map(add, block_docs, repeat(moved))
            weights += block_weights
            values += block_values
    return docs, weights, values


def copy_postings(postfile, sources: Sequence[tuple[bytes, tuple, int]]) -> bytes:
    """Write a term's postings from several segments, each (its postings file in memory,
    the term's info there as `TERM_INFO` unpacks it, where its documents start now), in
    document order, to the postings file: each block copied with its documents moved by
    its segment's start (the first document, whole, and the last, in the header). Return
    the term's info, as write_postings would for the same postings in these blocks."""
    start, parts = postfile.tell(), [WHOOSH3_HEADER_MAGIC]
    for n, (source, info, moved) in enumerate(sources):
        raw = _term_bytes(source, info)
        for (count, last, top, compression, low, high), data_at, end in _block_spans(raw):
            data = raw[data_at:end]
            if compression:
                data = zlib.decompress(data)
            if moved:
                data = _moved(data, moved)
            header = pickle.dumps((count, last + moved, top, 0, low, high), 4)
            size = len(header) + len(data)
            parts += (pack_int(-size if end == len(raw) and n == len(sources) - 1 else size), header, data)
    written = b"".join(parts)
    postfile.write(written)
    _, weights, counts, lows, highs, tops, firsts, lasts, _, _ = zip(*(info for _, info, _ in sources))
    low = [byte for byte in lows if byte]
    info = _TERM_INFO.pack(False, sum(weights), sum(counts), min(low) if low else 0, max(highs), max(tops),
                           firsts[0] + sources[0][2], lasts[-1] + sources[-1][2])
    return info + pack_long(start) + pack_int(len(written))


TERM_INFO = struct.Struct(_TERM_INFO.format + "qi")
"""A W3TermInfo's bytes whose postings are not inlined: the flags, total weight, count,
shortest and longest field length as bytes, top weight, first and last document, and
where its blocks are in the postings file (offset, length)."""


def _moved(data: bytes, moved: int) -> bytes:
    """A block's pickled (document deltas, weights, values) with its first document (the
    pickle's first integer) moved by `moved`: the integer re-encoded where it is, and its
    pickle frame's length corrected, not the values unpickled and pickled again."""
    framed = data.startswith(_FRAMED[:3])
    at = len(_FRAMED) + (framed and data[len(_FRAMED)] == _MARK)  # a tuple of over three opens a mark
    width = _INT_WIDTHS.get(data[at]) if framed else None
    first = int.from_bytes(data[at + 1:at + 1 + width], "little", signed=width == 4) if width else None
    if first is None or first + moved >= 2**31:  # not as written here
        deltas, weights, values = pickle.loads(data)
        return pickle.dumps(((deltas[0] + moved, *deltas[1:]), weights, values), 4)
    new = _pickled_int(first + moved)
    frame = int.from_bytes(data[3:len(_FRAMED)], "little") + len(new) - 1 - width
    return b"".join((data[:3], frame.to_bytes(8, "little"), data[len(_FRAMED):at], new, data[at + 1 + width:]))


_FRAMED = b"\x80\x04\x95" + bytes(8)
"""How a pickle of protocol 4 starts: its protocol, then its first frame and the frame's
length (8 bytes, little-endian; the zeros are where it goes)."""
_MARK = pickle.MARK[0]
_INT_WIDTHS = {pickle.BININT1[0]: 1, pickle.BININT2[0]: 2, pickle.BININT[0]: 4}
"""The bytes after each opcode pickle writes an integer of 32 bits or less with (BININT1
and BININT2 unsigned, BININT signed)."""


def _pickled_int(number: int) -> bytes:
    """A non-negative integer below 2**31 as pickle writes it."""
    if number < 256:
        return pickle.BININT1 + bytes((number,))
    if number < 65536:
        return pickle.BININT2 + number.to_bytes(2, "little")
    return pickle.BININT + number.to_bytes(4, "little")


def _block_spans(raw: bytes) -> Iterator[tuple[tuple, int, int]]:
    """Each block of a term's bytes: its header (count, last document, top weight,
    compression, shortest and longest field length as bytes), and where its data
    starts and ends."""
    at = len(WHOOSH3_HEADER_MAGIC)
    while at < len(raw):
        size = abs(unpack_int(raw[at:at + _INT_SIZE])[0])
        header_at = at + _INT_SIZE
        if raw.startswith(_FRAMED[:3], header_at):  # one frame: its length says where it ends
            data_at = header_at + len(_FRAMED) + int.from_bytes(raw[header_at + 3:header_at + len(_FRAMED)], "little")
            header = pickle.loads(raw[header_at:data_at])
        else:
            buffer = io.BytesIO(raw)
            buffer.seek(header_at)
            header = pickle.load(buffer)
            data_at = buffer.tell()
        at = header_at + size
        yield header, data_at, at


def _term_bytes(postings: bytes, info: tuple) -> bytes:
    """The bytes of a term's blocks in a segment's postings file held in memory, from
    where its info (as `TERM_INFO` unpacks it) says."""
    inlined, *_, offset, length = info
    if inlined:
        raise ValueError("inlined postings are not merged")
    return postings[offset:offset + length]


def _read(postfile, info: W3TermInfo) -> bytes:
    """The bytes of a term's blocks, from where its info says."""
    offset, length = info.extent()
    if isinstance(length, tuple):  # whoosh-reloaded 2.7.5 reads it as a 1-tuple
        (length,) = length
    return postfile.get(offset, length)


def _any_between(ordered: list[int], after: int, last: int) -> bool:
    """Whether a number in `ordered` is in (after, last]."""
    n = bisect_right(ordered, after)
    return n < len(ordered) and ordered[n] <= last

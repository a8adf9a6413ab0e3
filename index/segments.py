"""How newsx writes Whoosh segments: the codec and the segment writer.

    CODEC                    W3, read through `_PerDocReader` (postings.py writes and reads
                             the posting lists)
    Writer                   Whoosh's SegmentWriter, holding new postings by term and
                             writing each term's postings a block at a time; it also
                             writes a segment for another writer to commit (`finished`),
                             and commits segments written by others (`commit`)
    COMPOUND, LIMIT_MB       how the writer is opened (see writing.write)
"""

from __future__ import annotations

import functools
import hashlib
import heapq
import mmap
import pickle
import struct
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import ExitStack
from itertools import accumulate, chain, compress, groupby
from operator import itemgetter, methodcaller
from typing import NamedTuple

from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3Codec, W3PerDocReader, W3PerDocWriter, _lenfield
from whoosh.columns import CompressedBytesColumn, PickleColumn, VarBytesColumn
from whoosh.filedb.filetables import _lengths as _LENGTHS
from whoosh.filedb.filetables import md5_hash
from whoosh.reading import SegmentReader
from whoosh.system import pack_ushort
from whoosh.util.numeric import byte_to_length
from whoosh.writing import SegmentWriter

from .postings import (
    TERM_INFO,
    copy_postings,
    fragmented,
    gathered_postings,
    joined_block,
    length_byte,
    one_block,
    write_posting,
    write_postings,
)


class _PerDocReader(W3PerDocReader):
    """Whoosh's per-document reader, opening every column file of its segment at once.

    Whoosh opens a column file when it is first read; by then a commit in another
    process may have merged the segment away and deleted its files, and the column
    would read as missing (a search failing, or scoring with lengths of 1). A file
    opened before it is deleted stays readable; a segment deleted before its columns
    are opened raises FileNotFoundError, and the reader is opened again on the new
    commit (store._Searcher.open).
    """

    def __init__(self, storage, segment, stored) -> None:
        super().__init__(storage, segment)
        self._stored = stored
        prefix = segment.make_filename(".")
        for name in segment.list_files(storage):
            if name.endswith(W3Codec.COLUMN_EXT):
                column = name[len(prefix):-len(W3Codec.COLUMN_EXT)]
                self._colfiles[column] = self._get_column_file(column)
        if "_stored" not in self._colfiles:  # every segment has its stored fields
            raise FileNotFoundError(f"segment {segment.segment_id()} was deleted")

    def has_column(self, fieldname):
        return fieldname in self._colfiles

    def stored_fields(self, docnum):
        return self._cached_reader("_stored", self._stored)[docnum] or {}


class _PerDocWriter(W3PerDocWriter):
    """Whoosh's per-document writer, storing the stored fields in its codec's column."""

    def _create_column(self, fieldname, column):
        super()._create_column(fieldname, self._codec.stored if fieldname == "_stored" else column)


class _StoredColumn(PickleColumn):
    """Whoosh's PickleColumn, each document's stored fields pickled with protocol 4.
    Whoosh's protocol 2 pickles a date (every article and quote has one) through a call
    to codecs.encode: protocol 4 pickles a quote's fields in half the time (3.3 µs, not
    6.5, on this machine) and a fifth smaller. Read as Whoosh reads them (a pickle
    tells its protocol)."""

    class Writer(PickleColumn.Writer):
        def add(self, docnum, v):
            self._child.add(docnum, pickle.dumps(v, 4) if v is not None else b"")

    def __reduce__(self):
        """Pickled (in an index's table of contents, with its segments' codec) as Whoosh's
        PickleColumn, which reads the same: a newsx without this class opens the index."""
        return PickleColumn, (self._child,)


class _Codec(W3Codec):
    """Whoosh's W3 codec, keeping the stored fields in the column `stored` and reading
    segments' columns through `_PerDocReader` (postings are written by
    postings.write_postings). Each segment keeps its codec (Whoosh pickles it in the
    index's table of contents), so it is read as it was written."""

    def __init__(self, stored) -> None:
        super().__init__()
        self.stored = stored

    def per_document_writer(self, storage, segment):
        return _PerDocWriter(self, storage, segment)

    def per_document_reader(self, storage, segment):
        return _PerDocReader(storage, segment, self.stored)


LIMIT_MB = 256
"""Whoosh's posting pool, which holds a commit's postings past SPILL_POSTINGS, spills them
to sorted runs on disk past this estimate (Whoosh's default is 128)."""
COMPOUND = False
"""Whoosh's compound segments (one file each) are copied whole into memory by every reader
that opens them (its BufferFile wraps the mapped file in a BytesIO): a writer's deletions
and merges, and every searcher, would hold the postings of the whole index in memory.
Segments of separate files are read from disk as needed."""
CODEC = _Codec(stored=_StoredColumn(CompressedBytesColumn()))
"""Segments are read by W3's readers; their posting lists are written (and, by the
ranking and merges, read) by postings.py, in W3's layout, uncompressed and pickled with
protocol 4: a larger index (413 MB for the 10k bench articles), and a block read is one
fast unpickle."""
PLAIN_CODEC = _Codec(stored=_StoredColumn(VarBytesColumn()))
"""CODEC with each document's stored fields kept as pickled, not compressed: a quote's
are a few hundred bytes, and zlib took ~25 µs for each (~0.35 ms of a bench article's
CPU, 14 quotes) to make them a quarter smaller."""


SPILL_POSTINGS = 2_000_000
"""New postings a writer keeps grouped by term in memory (~300 MB); past it, they go to
Whoosh's pool, which spills to disk past LIMIT_MB (one file of very many articles)."""


class _LengthsReader(W3PerDocReader):
    """Whoosh's per-document reader, with each field's lengths read once into a list:
    the flush needs the length of every posting's document (for the blocks' shortest
    and longest), where Whoosh read the length column once per posting."""

    def __init__(self, storage, segment) -> None:
        super().__init__(storage, segment)
        self._lengths: dict[str, list[int | None] | None] = {}

    def field_lengths(self, fieldname: str) -> list[int | None] | None:
        """Each document's length in the field (None for 0, as Whoosh reads it); None
        for a field without lengths."""
        if fieldname not in self._lengths:
            self._lengths[fieldname] = self._read_lengths(fieldname)
        return self._lengths[fieldname]

    def _read_lengths(self, fieldname: str) -> list[int | None] | None:
        column = _lenfield(fieldname)
        if not self.has_column(column):
            return None
        reader = self.column_reader(column, LENGTHS_COLUMN)
        table = [byte_to_length(n) if n else None for n in range(256)]  # as Whoosh: 0 is None
        return [table[reader[doc]] for doc in range(self._doccount)]


class _FieldPlan(NamedTuple):
    """What adding a document needs to know of one of its fields."""

    field: object
    indexed: bool
    stored: bool
    lengths: str | None
    """The column of the field's lengths (a scorable field), or None."""
    column: object
    """The field's column type, or None."""

    @classmethod
    def of(cls, name: str, field) -> _FieldPlan:
        return cls(field, field.indexed, field.stored, _lenfield(name) if field.scorable else None, field.column_type)


Run = tuple[tuple[str, bytes], Sequence[int], Sequence[float], Sequence[bytes | None]]
"""((field, term), documents, weights, values): a term's postings, in document order."""


class Writer(SegmentWriter):
    """Whoosh's segment writer for newsx's schemas (no term vectors, spelling or boosts),
    keeping new postings grouped by term and writing each term's a block at a time.

    Whoosh puts every posting in its pool as a tuple, sorts them all at the flush and
    hands them to the codec one call at a time, and a merged segment's postings go
    through the pool too (sorted again, and spilled to disk past LIMIT_MB). Here a
    document's postings are appended to their terms' lists, a merged segment's are read
    a term at a time at the flush, and only the terms are sorted. Past SPILL_POSTINGS
    the new postings go to Whoosh's pool.
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._runs: dict[str, dict[bytes, list]] = {}  # by field, each term's (document, weight, value)s, flat
        self._held = 0
        self._spilled = False
        self._merging: list[tuple[SegmentReader, int, dict[int, int] | None]] = []
        self._plans: dict[str, _FieldPlan] = {}

    def add_document(self, **fields) -> None:
        """Whoosh's add_document: each field indexed (its postings added to those held
        by the field itself: schema._Postings), stored, its length and column value
        kept, as W3PerDocWriter.add_field and add_column_value would, the schema's facts
        about each field looked up once (`_FieldPlan`)."""
        self._check_state()
        schema, perdoc, docnum, runs = self.schema, self.perdocwriter, self.docnum, self._runs
        names = sorted(fields)
        plans = self._plans
        if not plans.keys() >= fields.keys():
            self._check_fields(schema, names)
            plans.update((name, _FieldPlan.of(name, schema[name])) for name in names if name not in plans)
        perdoc.start_doc(docnum)
        stored, add_column, held = perdoc._storedfields, perdoc.add_column_value, 0
        try:
            for name in names:
                value = fields[name]
                if value is None:
                    continue
                plan = plans[name]
                if plan.indexed:
                    field_runs = runs.get(name)
                    if field_runs is None:
                        runs[name] = field_runs = {}
                    length, terms = plan.field.add_postings(value, docnum, field_runs)
                    held += terms
                    if length and plan.lengths:
                        add_column(plan.lengths, LENGTHS_COLUMN, length_byte(length))
                        perdoc._fieldlengths[name] += length
                if plan.stored:
                    stored[name] = value
                if plan.column:
                    add_column(name, plan.column, plan.field.to_column_value(value))
        except Exception:
            perdoc.cancel_doc()
            raise
        perdoc.finish_doc()
        self._added = True
        self.docnum += 1
        self._held += held
        if self._held > SPILL_POSTINGS:
            self._spill()

    def commit(self, mergetype=None, optimize=None, merge=None, incoming: Sequence = (),
               before_toc: Callable[[], object] | None = None) -> None:
        """Whoosh's commit, with the segments `incoming` (written by other writers,
        `finished`; their files moved into this index's folder) added to the index's
        before the merge policy chooses what to merge: the commit that completes a tier
        merges it, not the next one (a small update after a bulk run). `before_toc` is
        called once the new segment is written, before the table of contents that
        commits it: if it raises, nothing is committed (the new files are left for the
        next commit to delete)."""
        self._check_state()
        self.segments = self.segments + list(incoming)
        segments = self._merge_segments(mergetype, optimize, merge)
        if self._added:
            segments.append(self._finalize_segment())
        else:
            self._close_segment()
        try:
            if before_toc is not None:
                before_toc()
            self._commit_toc(segments)
        finally:
            self._finish()

    def finished(self):
        """This writer's documents written as a segment of its folder, for another
        writer to commit (see `commit`); None when it has none."""
        if not self._added:
            self.cancel()
            return None
        segment = self._finalize_segment()
        self._finish()
        return segment

    def _spill(self) -> None:
        add = self.pool.add
        for name, field_runs in self._runs.items():
            for text, run in field_runs.items():
                for doc, weight, value in zip(run[0::3], run[1::3], run[2::3]):
                    add((name, text, doc, weight, value))
        self._runs.clear()
        self._held, self._spilled = 0, True

    def add_reader(self, reader) -> None:
        """Copy `reader`'s documents now; its postings are read at the flush (from a
        reader of the same segment opened here: the merge policy closes its own)."""
        self._check_state()
        own = SegmentReader(self.storage, self.schema, reader.segment())
        start = self.docnum
        names = set(self.schema.names()) | {name for name in own.indexed_field_names() if name in self.schema}
        docmap = self.write_per_doc(names, own)
        self._merging.append((own, start, docmap))
        self._added = True

    def write_per_doc(self, fieldnames, reader) -> dict[int, int] | None:
        """Whoosh's write_per_doc (copy a merged segment's live documents, numbered from
        here on; return their new numbers when some were deleted), a column at a time:
        Whoosh reads and re-writes each field of each document, and unpickles and
        pickles again (and decompresses and compresses) each one's stored fields, which
        are copied here as they are stored (an index's segments compress them alike, see
        writing.CODECS; a pickle's protocol is read from the pickle)."""
        source, perdoc, start = reader._perdoc, self.perdocwriter, self.docnum
        deleted = reader.deleted_docs_set if reader.has_deletions() else ()
        live = [doc for doc in range(reader.doc_count_all()) if doc not in deleted]
        numbers = range(start, start + len(live))
        for doc in numbers:
            perdoc.start_doc(doc)
            perdoc.finish_doc()
        stored = source.column_reader("_stored", VarBytesColumn())
        raw = perdoc._get_column("_stored")._child  # below the pickling
        for old, new in zip(live, numbers):
            if value := stored[old]:
                VarBytesColumn.Writer.add(raw, new, value)
        for name in fieldnames:
            lengths = _lenfield(name)
            if source.has_column(lengths):
                copied = _copy_column(source, perdoc, lengths, LENGTHS_COLUMN, live, numbers, skip_empty=True)
                perdoc._fieldlengths[name] += sum(map(byte_to_length, copied))
            column = self.schema[name].column_type
            if column and source.has_column(name):
                _copy_column(source, perdoc, name, column, live, numbers)
        self.docnum = start + len(live)
        return dict(zip(live, numbers)) if deleted else None

    def per_document_reader(self):
        return _LengthsReader(self.storage, self.get_segment())

    def _flush_segment(self) -> None:
        """Every term's postings, in term order: spilled ones first, then those held,
        then each merged segment's (which is how their documents are numbered)."""
        self.perdocwriter.close()
        lengths = self.per_document_reader()
        postfile = _Appended(self.fieldwriter._postfile)
        with ExitStack() as mapped:  # the merged segments' files, mapped while they are read
            if self._runs or self._spilled or any(docmap is not None for _, _, docmap in self._merging):
                sources = [_pooled_runs(self.pool.iter_postings())] if self._spilled else []
                sources.append(_held_runs(self._runs))
                sources.extend(_segment_runs(reader, start, docmap, self.schema, mapped)
                               for reader, start, docmap in self._merging)
                runs = sources[0] if len(sources) == 1 else _merged(sources)
                terms = _written_runs(postfile, self.schema, lengths, runs)
            else:  # only whole segments merged (a bulk run's commits): their blocks are copied
                terms = _copied_terms(postfile, self.schema, lengths, self._merging, mapped)
            _write_terms(self.fieldwriter, self.schema, terms)
        self.fieldwriter.close()
        lengths.close()

    def _close_segment(self) -> None:
        super()._close_segment()
        for reader, _, _ in self._merging:
            reader.close()
        self._merging.clear()
        self._runs.clear()


class _Appended:
    """A file written only at its end, its position counted here: a buffered file's
    tell() asks the system each time (~1.4 µs), and a flush asks it for every term."""

    def __init__(self, structfile) -> None:
        file = structfile.file  # below Whoosh's StructFile, which passes writes on
        self._write, self._at = file.write, file.tell()

    def tell(self) -> int:
        return self._at

    def write(self, data: bytes) -> None:
        self._write(data)
        self._at += len(data)


_TERM = itemgetter(0)


def _copy_column(source, perdoc, name: str, column, live: list[int], numbers: range, skip_empty: bool = False) -> list:
    """Copy a column's values of the `live` documents to the per-document writer, as
    documents `numbers`; return the values copied."""
    if not perdoc._has_column(name):
        perdoc._create_column(name, column)
    writer, values = perdoc._get_column(name), source.column_reader(name, column)
    copied = []
    for old, new in zip(live, numbers):
        value = values[old]
        if value or not skip_empty:
            writer.add(new, value)
            copied.append(value)
    return copied


def _held_runs(runs: dict[str, dict[bytes, list]]) -> Iterator[Run]:
    for name in sorted(runs):
        field_runs = runs[name]
        for text in sorted(field_runs):
            run = field_runs[text]
            yield (name, text), run[0::3], run[1::3], run[2::3]


def _pooled_runs(postings: Iterable[tuple]) -> Iterator[Run]:
    """Whoosh's pool's (field, term, document, weight, value) postings, a term at a time."""
    for term, group in groupby(postings, key=itemgetter(0, 1)):
        _, _, docs, weights, values = zip(*group)
        yield term, docs, weights, values


def _segment_runs(reader: SegmentReader, start: int, docmap: dict[int, int] | None, schema,
                  mapped: ExitStack) -> Iterator[Run]:
    """Each term's postings of a merged segment's live documents, renumbered as
    `write_per_doc` numbered them (moved by `start`, or by `docmap`, whose keys are the
    live documents, when some were deleted), read in term order (`_segment_terms`)."""
    for term, postings, info, _ in _segment_terms(reader, start, schema, mapped):
        fixed_size = schema[term[0]].format.fixed_value_size()
        if docmap is None:
            yield (term, *gathered_postings([(postings, info, start)], fixed_size))
            continue
        docs, weights, values = gathered_postings([(postings, info, 0)], fixed_size)
        keep = [doc in docmap for doc in docs]
        if any(keep):
            yield term, list(map(docmap.__getitem__, compress(docs, keep))), list(compress(weights, keep)), \
                list(compress(values, keep))


def _copied_terms(postfile, schema, lengths: _LengthsReader, merging: list[tuple[SegmentReader, int, None]],
                  mapped: ExitStack) -> Iterator[tuple]:
    """The terms of merged segments without deletions, in term order, each with its info
    once its posting blocks are copied from its segments in their order
    (postings.copy_postings) to the postings file; or, when copying them would leave it
    in too many blocks (postings.fragmented), once its postings are written again: as one
    block joined from the segments' blocks when they fit in one (postings.joined_block,
    most such terms), else read whole and written."""
    sources = [_segment_terms(reader, start, schema, mapped) for reader, start, _ in merging]
    for term, where in _by_term(sources):
        if not fragmented(where):
            yield term, copy_postings(postfile, where)
            continue
        fixed_size = schema[term[0]].format.fixed_value_size()
        if one_block(where):
            yield term, joined_block(postfile, where, fixed_size)
        else:
            yield term, _written(postfile, *gathered_postings(where, fixed_size), lengths.field_lengths(term[0]),
                                 fixed_size)


def _segment_terms(reader: SegmentReader, start: int, schema, mapped: ExitStack) -> Iterator[tuple]:
    """((field, term), postings, info, start) of each of a segment's terms, in order: its
    terms and postings files mapped into memory (`mapped` closes them), each record
    unpacked where it lies (Whoosh reads each with a seek and a read of each part, and
    makes a W3TermInfo of it). The pages read are released as the terms go by
    (`_released`): a merge's memory does not grow with the segments it reads."""
    terms = reader._terms
    table, postings = (mapped.enter_context(mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ))
                       for file in (terms._tindex.dbfile, terms._postfile))
    names, lengths, info = terms._fieldunmap, _LENGTHS.unpack_from, TERM_INFO.unpack_from
    at, end = terms._tindex.startofdata, terms._tindex.endofdata
    # The previous term may still be read while this one is found (heapq.merge and
    # groupby look one term ahead): only what lies before it is released.
    previous_at = previous_postings = table_released = postings_released = 0
    while at < end:
        key_length, value_length = lengths(table, at)
        key_at = at + _LENGTHS.size
        name = names[_FIELD_ID.unpack_from(table, key_at)[0]]
        if name in schema:
            if previous_postings - postings_released >= RELEASE_BYTES:
                postings_released = _released(postings, postings_released, previous_postings)
                table_released = _released(table, table_released, previous_at)
            term_info = info(table, key_at + key_length)
            yield (name, table[key_at + _FIELD_ID.size:key_at + key_length]), postings, term_info, start
            previous_at, previous_postings = at, term_info[-2]
        at = key_at + key_length + value_length


RELEASE_BYTES = 4 * 2**20
"""How much of a merged segment's postings a merge reads between two releases of the
pages read (`_released`)."""
_CAN_RELEASE = hasattr(mmap.mmap, "madvise") and hasattr(mmap, "MADV_DONTNEED")


def _released(mapping: mmap.mmap, start: int, end: int) -> int:
    """Release a mapped file's pages from `start` (where the last release ended) up to
    `end` from this process's memory, where they count as resident once read; they stay
    in the system's file cache, and are read from there again if asked for. Return where
    the released pages end."""
    end -= end % mmap.PAGESIZE
    if end <= start or not _CAN_RELEASE:
        return start
    mapping.madvise(mmap.MADV_DONTNEED, start, end - start)
    return end


_FIELD_ID = struct.Struct("!H")
"""The field's number that starts each key of a segment's terms file (W3FieldWriter)."""


def _joined(parts: list[tuple[Sequence, ...]]) -> tuple[Sequence, ...]:
    """Parts of a term's postings (documents, weights, values), in document order, as
    one."""
    return parts[0] if len(parts) == 1 else tuple(list(chain.from_iterable(column)) for column in zip(*parts))


def _merged(sources: list[Iterator[Run]]) -> Iterator[Run]:
    """The runs of several sources in term order, a term's runs from several sources
    joined in the order of the sources (their documents' order)."""
    for term, parts in _by_term(sources):
        yield (term, *_joined(parts))


def _by_term(sources: list[Iterator[tuple]]) -> Iterator[tuple[tuple, list]]:
    """The items ((field, term), ...) of several sources in term order, each term with
    what follows it in each source that has it, in the order of the sources."""
    for term, parts in groupby(heapq.merge(*sources, key=_TERM), key=_TERM):
        yield term, [rest for _, *rest in parts]


def _written_runs(postfile, schema, lengths: _LengthsReader, runs: Iterable[Run]) -> Iterator[tuple]:
    """The runs' terms, one run a term in term order, each with its info once its
    postings are written to the postings file."""
    for fieldname, field_runs in groupby(runs, key=_field_of):
        field_lengths, fixed_size = lengths.field_lengths(fieldname), schema[fieldname].format.fixed_value_size()
        for term, docs, weights, values in field_runs:
            yield term, _written(postfile, docs, weights, values, field_lengths, fixed_size)


def _written(postfile, docs, weights, values, field_lengths, fixed_size) -> bytes:
    """A term's postings written (postings.write_posting or write_postings); its info."""
    if len(docs) == 1:
        return write_posting(postfile, docs[0], weights[0], values[0], field_lengths, fixed_size)
    return write_postings(postfile, docs, weights, values, field_lengths, fixed_size)


def _write_terms(fieldwriter, schema, terms: Iterable[tuple]) -> None:
    """Write ((field, term), info) in term order to the field writer's terms file, a
    field's terms together (`_add_terms`)."""
    for fieldname, field_terms in groupby(terms, key=_field_of):
        fieldwriter.start_field(fieldname, schema[fieldname])
        field_id = pack_ushort(fieldwriter._fieldid)
        keys, infos = [], []
        for (_, text), info in field_terms:
            keys.append(field_id + text)
            infos.append(info)
        _add_terms(fieldwriter._tindex, keys, infos)
        fieldwriter.finish_field()


def _field_of(item: tuple) -> str:
    """The field of a run, or of a (term, info)."""
    return item[0][0]


def _add_terms(terms, keys: list[bytes], values: list[bytes]) -> None:
    """OrderedHashWriter.add of each key (in increasing order) and its value, written
    in one piece: the same file."""
    if keys[0] <= terms.lastkey:
        raise ValueError(f"keys must increase: {terms.lastkey!r}..{keys[0]!r}")
    assert terms.hashfn is md5_hash, "a terms file hashes its keys with Whoosh's md5_hash"
    dbfile, buckets, hashed = terms.dbfile, terms.buckets, _md5_hashes(keys)
    records = [b"".join(record) for record in zip(map(_LENGTHS.pack, map(len, keys), map(len, values)), keys, values)]
    positions = list(accumulate(map(len, records), initial=dbfile.tell()))[:-1]
    dbfile.write(b"".join(records))
    index = terms.index  # a GrowableArray: its type widens as positions grow
    try:
        index.array.extend(array(index.typecode, positions))
    except OverflowError:
        index._retype(positions[-1])
        index.array.extend(positions)
    for h, position in zip(hashed, positions):
        buckets[h & 255].append((h, position))
    terms.lastkey = keys[-1]


def _md5_hashes(keys: Iterable[bytes]) -> Iterator[int]:
    """Whoosh's md5_hash of each key (the last four bytes of its MD5, as a number), in
    C-level maps: md5_hash is a Python call a term."""
    return map(_BIG_ENDIAN, map(_LAST_FOUR, map(_DIGEST, map(hashlib.md5, keys))))


_BIG_ENDIAN = functools.partial(int.from_bytes, byteorder="big")
_LAST_FOUR = itemgetter(slice(-4, None))
_DIGEST = methodcaller("digest")

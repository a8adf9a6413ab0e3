"""How newsx writes Whoosh segments: the codec and the segment writer.

    CODEC                    W3 with uncompressed posting blocks pickled with protocol 4,
                             read through `_PerDocReader`
    Writer                   Whoosh's SegmentWriter, holding new postings by term and
                             writing each term's postings a block at a time
    COMPOUND, LIMIT_MB       how the writer is opened (see writing.write)
"""

from __future__ import annotations

import heapq
import pickle
from array import array
from collections.abc import Iterable, Iterator, Sequence
from itertools import chain, compress, groupby, repeat
from operator import add, itemgetter

from whoosh.codec import whoosh3
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3Codec, W3PerDocReader, W3PostingsWriter, _lenfield
from whoosh.reading import SegmentReader
from whoosh.util.numeric import byte_to_length
from whoosh.writing import SegmentWriter

from .ranking import posting_blocks
from .schema import TERMS


class _PostingsWriter(W3PostingsWriter):
    """Whoosh's W3 postings writer, pickling each block with protocol 4 instead of 2.

    Under protocol 2 each bytes value in a block (a body posting's positions and
    characters) unpickles through a call to codecs.encode: reading a block of the body
    took ~100 µs, and takes ~10 µs under protocol 4. The blocks' layout is unchanged,
    and Whoosh reads them as before (unpickling reads any protocol).
    """

    def add_run(self, docs: Sequence[int], weights: Sequence[float], values: Sequence[bytes | None],
                lengths: list[int | None] | None) -> None:
        """A term's postings (in document order) all at once, a block at a time: what
        `add_posting` does one posting at a time. `lengths`: each document's length in
        the field, for the blocks' statistics."""
        limit = self._blocklimit
        for start in range(0, len(docs), limit):
            if self._ids:
                self._write_block()
            block_docs, block_weights = docs[start:start + limit], weights[start:start + limit]
            self._ids, self._weights = array("I", block_docs), array("f", block_weights)
            self._values = [value for value in values[start:start + limit] if value]
            self._maxweight = max(0, max(block_weights))
            if lengths is not None:
                present = [length for length in map(lengths.__getitem__, block_docs) if length]
                if present:
                    self._minlength, self._maxlength = min(present), max(present)

    def _write_block(self, last=False):
        whoosh3.dumps = _dumps_protocol_4
        try:
            super()._write_block(last)
        finally:
            whoosh3.dumps = _W3_DUMPS


_W3_DUMPS = whoosh3.dumps


def _dumps_protocol_4(value, protocol=None) -> bytes:
    return pickle.dumps(value, 4)


class _PerDocReader(W3PerDocReader):
    """Whoosh's per-document reader, opening every column file of its segment at once.

    Whoosh opens a column file when it is first read; by then a commit in another
    process may have merged the segment away and deleted its files, and the column
    would read as missing (a search failing, or scoring with lengths of 1). A file
    opened before it is deleted stays readable; a segment deleted before its columns
    are opened raises FileNotFoundError, and the reader is opened again on the new
    commit (store._Searcher.open).
    """

    def __init__(self, storage, segment) -> None:
        super().__init__(storage, segment)
        prefix = segment.make_filename(".")
        for name in segment.list_files(storage):
            if name.endswith(W3Codec.COLUMN_EXT):
                column = name[len(prefix):-len(W3Codec.COLUMN_EXT)]
                self._colfiles[column] = self._get_column_file(column)
        if "_stored" not in self._colfiles:  # every segment has its stored fields
            raise FileNotFoundError(f"segment {segment.segment_id()} was deleted")

    def has_column(self, fieldname):
        return fieldname in self._colfiles


class _Codec(W3Codec):
    """Whoosh's W3 codec, writing postings through `_PostingsWriter` and reading
    segments' columns through `_PerDocReader`."""

    def postings_writer(self, dbfile, byteids=False):
        return _PostingsWriter(dbfile, blocklimit=self._blocklimit, byteids=byteids,
                               compression=self._compression, inlinelimit=self._inlinelimit)

    def per_document_reader(self, storage, segment):
        return _PerDocReader(storage, segment)


LIMIT_MB = 256
"""Whoosh's posting pool spills to a sorted run on disk past this estimate (default 128).
A bulk commit's postings fit (2,000 bench articles: 131 MB by that estimate): they are
sorted in memory, not pickled to runs one posting at a time and merged back."""
COMPOUND = False
"""Whoosh's compound segments (one file each) are copied whole into memory by every reader
that opens them (its BufferFile wraps the mapped file in a BytesIO): a writer's deletions
and merges, and every searcher, would hold the postings of the whole index in memory.
Segments of separate files are read from disk as needed."""
CODEC = _Codec(compression=0)
"""Posting blocks are written without zlib and with pickle protocol 4 (see _Codec):
reading a block is then one fast unpickle (ranking.py reads blocks whole), and writing
skips compressing them, for a larger index (413 MB for the 10k bench articles)."""


SPILL_POSTINGS = 2_000_000
"""New postings a writer keeps grouped by term in memory (~300 MB); past it, they go to
Whoosh's pool, which spills to disk past LIMIT_MB (one file of very many articles)."""


class _LengthsReader(W3PerDocReader):
    """Whoosh's per-document reader, with each field's lengths read once into a list.

    Flushing a segment needs the field length of every posting: Whoosh reads it from
    the length column each time, and for a field without lengths (ID, KEYWORD, DATETIME)
    asks the file system whether the column exists.
    """

    def __init__(self, storage, segment) -> None:
        super().__init__(storage, segment)
        self._lengths: dict[str, list[int | None] | None] = {}

    def field_lengths(self, fieldname: str) -> list[int | None] | None:
        """Each document's length in the field (None for 0, as Whoosh reads it); None
        for a field without lengths."""
        if fieldname not in self._lengths:
            self._lengths[fieldname] = self._read_lengths(fieldname)
        return self._lengths[fieldname]

    def doc_field_length(self, docnum, fieldname, default=0):
        lengths = self.field_lengths(fieldname)
        return default if lengths is None else lengths[docnum]

    def _read_lengths(self, fieldname: str) -> list[int | None] | None:
        column = _lenfield(fieldname)
        if not self.has_column(column):
            return None
        reader = self.column_reader(column, LENGTHS_COLUMN)
        table = [byte_to_length(n) if n else None for n in range(256)]  # as Whoosh: 0 is None
        return [table[reader[doc]] for doc in range(self._doccount)]


Run = tuple[tuple[str, bytes], Sequence[int], Sequence[float], Sequence[bytes | None]]
"""((field, term), documents, weights, values): a term's postings, in document order."""


class Writer(SegmentWriter):
    """Whoosh's segment writer for newsx's schemas (no term vectors, spelling or boosts),
    keeping new postings grouped by term and writing each term's a block at a time.

    Whoosh puts every posting in its pool as a tuple, sorts them all at the flush and
    hands them to the codec one call at a time, and a merged segment's postings go
    through the pool too (sorted again, and spilled to disk past LIMIT_MB). Here a
    document's postings are appended to their terms' lists, a merged segment's are read
    a block at a time at the flush, and only the terms are sorted. Past SPILL_POSTINGS
    the new postings go to Whoosh's pool.
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._runs: dict[tuple[str, bytes], list[tuple[int, float, bytes]]] = {}
        self._held = 0
        self._spilled = False
        self._merging: list[tuple[SegmentReader, int, dict[int, int] | None]] = []

    def add_document(self, **fields) -> None:
        """Whoosh's add_document; a text field's terms are taken from the document's
        TERMS when it carries them (schema.with_terms)."""
        self._check_state()
        indexed = fields.pop(TERMS, None) or {}
        schema, perdoc, docnum, runs = self.schema, self.perdocwriter, self.docnum, self._runs
        names = sorted(fields)
        self._check_fields(schema, names)
        perdoc.start_doc(docnum)
        try:
            for name in names:
                value = fields[name]
                if value is None:
                    continue
                field = schema[name]
                length = 0
                if field.indexed:
                    for text, freq, weight, encoded in indexed[name] if name in indexed else field.index(value):
                        run = runs.get((name, text))
                        if run is None:
                            runs[name, text] = run = []
                        run.append((docnum, weight, encoded))
                        length += freq
                        self._held += 1
                perdoc.add_field(name, field, value if field.stored else None, length if field.scorable else 0)
                if field.column_type:
                    perdoc.add_column_value(name, field.column_type, field.to_column_value(value))
        except Exception:
            perdoc.cancel_doc()
            raise
        perdoc.finish_doc()
        self._added = True
        self.docnum += 1
        if self._held > SPILL_POSTINGS:
            self._spill()

    def _spill(self) -> None:
        add = self.pool.add
        for (name, text), run in self._runs.items():
            for doc, weight, value in run:
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

    def per_document_reader(self):
        return _LengthsReader(self.storage, self.get_segment())

    def _flush_segment(self) -> None:
        """Every term's postings, in term order: spilled ones first, then those held,
        then each merged segment's (which is how their documents are numbered)."""
        self.perdocwriter.close()
        lengths = self.per_document_reader()
        sources = [_pooled_runs(self.pool.iter_postings())] if self._spilled else []
        sources.append(_held_runs(self._runs))
        sources.extend(_segment_runs(reader, start, docmap, self.schema) for reader, start, docmap in self._merging)
        _write_runs(self.fieldwriter, self.schema, lengths, heapq.merge(*sources, key=_TERM))
        self.fieldwriter.close()
        lengths.close()

    def _close_segment(self) -> None:
        super()._close_segment()
        for reader, _, _ in self._merging:
            reader.close()
        self._merging.clear()
        self._runs.clear()


_TERM = itemgetter(0)


def _held_runs(runs: dict[tuple[str, bytes], list[tuple[int, float, bytes]]]) -> Iterator[Run]:
    for term in sorted(runs):
        docs, weights, values = zip(*runs[term])
        yield term, docs, weights, values


def _pooled_runs(postings: Iterable[tuple]) -> Iterator[Run]:
    """Whoosh's pool's (field, term, document, weight, value) postings, a term at a time."""
    for term, group in groupby(postings, key=itemgetter(0, 1)):
        _, _, docs, weights, values = zip(*group)
        yield term, docs, weights, values


def _segment_runs(reader: SegmentReader, start: int, docmap: dict[int, int] | None, schema) -> Iterator[Run]:
    """Each term's postings of a merged segment's live documents, renumbered as
    `write_per_doc` numbered them."""
    deleted = reader.deleted_docs_set if reader.has_deletions() else ()
    for fieldname, text in reader.all_terms():
        if fieldname not in schema:
            continue
        docs: list[int] = []
        weights: list[float] = []
        values: list = []
        for ids, block_weights, block_values in posting_blocks(reader, fieldname, text, schema[fieldname].format, True):
            if deleted:
                keep = [doc not in deleted for doc in ids]
                ids = list(compress(ids, keep))
                block_weights, block_values = list(compress(block_weights, keep)), list(compress(block_values, keep))
            docs.extend(map(docmap.__getitem__, ids) if docmap is not None else map(add, ids, repeat(start)))
            weights.extend(block_weights)
            values.extend(block_values)
        if docs:
            yield (fieldname, text), docs, weights, values


def _write_runs(fieldwriter, schema, lengths: _LengthsReader, runs: Iterable[Run]) -> None:
    """Write the runs, in term order, through Whoosh's field writer; a term's runs from
    several sources are joined in the order they come (their documents' order)."""
    current = None
    for (fieldname, text), parts in groupby(runs, key=_TERM):
        if fieldname != current:
            if current is not None:
                fieldwriter.finish_field()
            fieldwriter.start_field(fieldname, schema[fieldname])
            current, field_lengths = fieldname, lengths.field_lengths(fieldname)
        parts = list(parts)
        _, docs, weights, values = parts[0] if len(parts) == 1 else (
            None, *(list(chain.from_iterable(part[n] for part in parts)) for n in (1, 2, 3)))
        fieldwriter.start_term(text)
        fieldwriter._postwriter.add_run(docs, weights, values, field_lengths)
        fieldwriter.finish_term()
    if current is not None:
        fieldwriter.finish_field()

"""How newsx writes Whoosh segments: the codec and the segment writer.

    CODEC                    W3 with uncompressed posting blocks pickled with protocol 4,
                             read through `_PerDocReader`
    Writer                   Whoosh's SegmentWriter, flushing through `_LengthsReader` and
                             merging segments without its posting pool
    COMPOUND, LIMIT_MB       how the writer is opened (see writing.write)
"""

from __future__ import annotations

import heapq
import pickle
from collections.abc import Iterator

from whoosh.codec import whoosh3
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3Codec, W3PerDocReader, W3PostingsWriter, _lenfield
from whoosh.reading import SegmentReader
from whoosh.util.numeric import byte_to_length
from whoosh.writing import SegmentWriter

from .ranking import posting_blocks


class _PostingsWriter(W3PostingsWriter):
    """Whoosh's W3 postings writer, pickling each block with protocol 4 instead of 2.

    Under protocol 2 each bytes value in a block (a body posting's positions and
    characters) unpickles through a call to codecs.encode: reading a block of the body
    took ~100 µs, and takes ~10 µs under protocol 4. The blocks' layout is unchanged,
    and Whoosh reads them as before (unpickling reads any protocol).
    """

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


class _LengthsReader(W3PerDocReader):
    """Whoosh's per-document reader, with each field's lengths read once into a list.

    Flushing a segment asks for the field length of every posting: Whoosh reads it from
    the length column each time, and for a field without lengths (ID, KEYWORD, DATETIME)
    asks the file system whether the column exists.
    """

    def __init__(self, storage, segment) -> None:
        super().__init__(storage, segment)
        self._lengths: dict[str, list[int | None] | None] = {}

    def doc_field_length(self, docnum, fieldname, default=0):
        if fieldname not in self._lengths:
            self._lengths[fieldname] = self._read_lengths(fieldname)
        lengths = self._lengths[fieldname]
        return default if lengths is None else lengths[docnum]

    def _read_lengths(self, fieldname: str) -> list[int | None] | None:
        column = _lenfield(fieldname)
        if not self.has_column(column):
            return None
        reader = self.column_reader(column, LENGTHS_COLUMN)
        table = [byte_to_length(n) if n else None for n in range(256)]  # as Whoosh: 0 is None
        return [table[reader[doc]] for doc in range(self._doccount)]


class Writer(SegmentWriter):
    """Whoosh's segment writer, flushing through `_LengthsReader`, and merging segments
    without its posting pool.

    Whoosh adds a merged segment's postings to the pool one at a time, which sorts them
    again and, past LIMIT_MB, pickles them to disk and back: most of a merge's time. A
    segment's postings are already in order, so here they are read a block at a time
    at the flush and merged in order with the new documents' postings.
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._merging: list[tuple[SegmentReader, int, dict[int, int] | None]] = []

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
        self.perdocwriter.close()
        lengths = self.per_document_reader()
        merged = [_segment_postings(reader, start, docmap, self.schema) for reader, start, docmap in self._merging]
        self.fieldwriter.add_postings(self.schema, lengths, heapq.merge(self.pool.iter_postings(), *merged))
        self.fieldwriter.close()
        lengths.close()

    def _close_segment(self) -> None:
        super()._close_segment()
        for reader, _, _ in self._merging:
            reader.close()
        self._merging.clear()


def _segment_postings(reader: SegmentReader, start: int, docmap: dict[int, int] | None, schema) -> Iterator[tuple]:
    """(field, term, document, weight, value) of every posting of a merged segment's live
    documents, in order, renumbered as `write_per_doc` numbered them."""
    deleted = reader.deleted_docs_set if reader.has_deletions() else ()
    for fieldname, text in reader.all_terms():
        if fieldname not in schema:
            continue
        for ids, weights, values in posting_blocks(reader, fieldname, text, schema[fieldname].format, True):
            for doc, weight, value in zip(ids, weights, values):
                if doc not in deleted:
                    yield fieldname, text, docmap[doc] if docmap is not None else start + doc, weight, value

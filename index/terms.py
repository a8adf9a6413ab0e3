"""Text fields indexed where their documents are made, carried to the writer compactly.

A bulk run's worker processes make the documents; indexing their text fields there too
(`with_terms`) leaves the process that writes them only adding the terms (segments.Writer).
The terms cross between the processes as five byte strings per field instead of a
tuple per term: unpickling a tuple per term took more of the writer's time than adding
the terms does.

    TERMS                    the key a document carries its terms under
    with_terms(schema, doc)  the document with its text fields' terms
    terms_of(carried)        a field's terms again: (term, frequency, weight, value)
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable
from itertools import accumulate, chain

from whoosh import fields

TERMS = "_terms"

Carried = tuple[bytes, bytes, bytes, bytes, bytes]
"""A field's terms joined by NUL (no term holds one: they are words), and its
frequencies, weights, values and values' ends as packed arrays and bytes."""


def with_terms(schema: fields.Schema, doc: dict) -> dict:
    """`doc` carrying what each of its text fields' `index` gives, under TERMS."""
    texts = [name for name, value in doc.items() if isinstance(value, str) and isinstance(schema[name], fields.TEXT)]
    doc[TERMS] = {name: _packed(list(schema[name].index(doc[name]))) for name in texts}
    return doc


def terms_of(carried: Carried) -> Iterable[tuple[bytes, int, float, bytes]]:
    """The (term, frequency, weight, value) of a field, as its `index` gave them."""
    words, frequencies, weights, values, ends = carried
    if not frequencies:
        return ()
    ends_at = array("I", ends)
    return zip(words.split(b"\0"), array("I", frequencies), array("d", weights),
               map(values.__getitem__, map(slice, chain((0,), ends_at), ends_at)))


def _packed(items: list[tuple[bytes, int, float, bytes]]) -> Carried:
    if not items:
        return b"", b"", b"", b"", b""
    words, frequencies, weights, values = zip(*items)
    ends = array("I", accumulate(map(len, values)))
    return (b"\0".join(words), array("I", frequencies).tobytes(), array("d", weights).tobytes(),
            b"".join(values), ends.tobytes())

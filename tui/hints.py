"""What newsx says of a name a search asked for that nothing in the index holds."""

from __future__ import annotations

import shlex

from newsx.index.model import UnknownName


def unknown_name(name: UnknownName, option: str | None = None) -> str:
    """One line for the commands: "no person:kershw in the index; did you mean
    person:kershaw?", or for a name given to `option`, "no speaker matches --speaker
    kershw; did you mean --speaker kershaw?"."""
    said, nearest = _parts(name, option)
    return f"{said}; did you mean {nearest}?" if nearest else said


def unknown_name_sentences(name: UnknownName) -> str:
    """The same for the app: "No person:kershw in the index. Did you mean person:kershaw?"."""
    said, nearest = _parts(name, None)
    said = f"{said[:1].upper()}{said[1:]}."
    return f"{said} Did you mean {nearest}?" if nearest else said


def _parts(name: UnknownName, option: str | None) -> tuple[str, str | None]:
    if option:
        said = f"no {name.field} matches {option} {shlex.quote(name.value)}"
        return said, name.suggestion and f"{option} {shlex.quote(name.suggestion)}"
    said = f"no {_as_query(name.field, name.value)} in the index"
    return said, name.suggestion and _as_query(name.field, name.suggestion)


def _as_query(field: str, value: str) -> str:
    return f'{field}:"{value}"' if " " in value else f"{field}:{value}"

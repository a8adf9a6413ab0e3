"""Reading the extraction's YAML tables (topics, offices) with line numbers for errors."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from importlib import resources
from typing import Any

import yaml

from ..config import Config
from ..errors import ConfigError


@dataclass
class Entry:
    """One item of a table's list, and where it came from."""

    data: Any
    where: str
    """"file:line" of the item, or the file alone when the line is unknown."""

    def fail(self, problem: str) -> ConfigError:
        return ConfigError(f"{self.where}: {problem}")


def bundled(name: str, key: str) -> list[Entry]:
    """The items under `key` in a YAML file bundled with this package."""
    path = resources.files(__package__).joinpath(name)
    return read_entries(path.read_text(encoding="utf-8"), key, str(path))


def configured(config: Config | None, key: str) -> list[Entry]:
    """The items under `key` in the user's config, with their lines when the file has them."""
    if config is None:
        return []
    items = getattr(config, key) or []
    lines: list[int] = []
    try:
        text = config.path.read_text(encoding="utf-8")
        lines = [entry.line for entry in _items_with_lines(text, key, str(config.path))]
    except (OSError, UnicodeDecodeError, ConfigError):
        pass
    return [
        Entry(item, f"{config.path}:{lines[i]}" if i < len(lines) else f"{config.path}: {key}[{i}]")
        for i, item in enumerate(items)
    ]


def read_entries(text: str, key: str, label: str) -> list[Entry]:
    """The items under `key` in YAML `text`; `label` names the file in errors."""
    return [Entry(item.data, f"{label}:{item.line}") for item in _items_with_lines(text, key, label)]


@dataclass
class _Item:
    data: Any
    line: int


def _items_with_lines(text: str, key: str, label: str) -> list[_Item]:
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f"{label}:{mark.line + 1}" if mark else label
        raise ConfigError(f"{where}: invalid YAML: {exc.problem}") from None
    except yaml.YAMLError as exc:
        raise ConfigError(f"{label}: invalid YAML: {exc}") from None
    finally:
        loader.dispose()
    if data is None:
        return []
    if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode):
        raise ConfigError(f"{label}:1: expected a mapping with `{key}:`")
    value_node = next((v for k, v in node.value if getattr(k, "value", None) == key), None)
    items = data.get(key) or []
    if not isinstance(items, list) or not isinstance(value_node, (yaml.SequenceNode, type(None))):
        line = value_node.start_mark.line + 1 if value_node is not None else 1
        raise ConfigError(f"{label}:{line}: `{key}` must be a list")
    nodes = value_node.value if value_node is not None else []
    return [_Item(item, nodes[i].start_mark.line + 1) for i, item in enumerate(items)]


def text_list(entry: Entry, field: str, required: bool = False) -> tuple[str, ...]:
    """A list of non-empty strings from `entry`, or a ConfigError naming it."""
    value = entry.data.get(field)
    if value is None:
        if required:
            raise entry.fail(f"`{field}` is required")
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise entry.fail(f"`{field}` must be a list of words or phrases")
    return tuple(v.strip() for v in value)


def a_date(entry: Entry, value: Any, field: str) -> date | None:
    """A YAML date (or YYYY-MM-DD string), or a ConfigError naming the entry."""
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise entry.fail(f"`{field}` must be a date (YYYY-MM-DD), not {value!r}") from None

"""User configuration: one YAML file, with paths from platformdirs and env overrides.

    NEWSX_CONFIG   the config file (default: <user config dir>/newsx/config.yaml)
    NEWSX_INDEX    the index folder (default: <user data dir>/newsx/index)
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from platformdirs import user_config_path, user_data_path

from .errors import ConfigError

APP_NAME = "newsx"


@dataclass
class Config:
    """Settings a user may put in the config file; every key is optional."""

    path: Path
    index_dir: Path | None = None
    theme: str = "textual-dark"
    keymap: dict[str, str] = field(default_factory=dict)
    """Binding id -> comma-separated keys, e.g. {"open": "enter,l"}."""
    boilerplate: list[Any] | None = None
    """Replaces the bundled boilerplate patterns when given."""
    topics: list[dict[str, Any]] = field(default_factory=list)
    """Extra topics; one with a bundled topic's id replaces it."""
    replace_topics: bool = False
    """When true, `topics` replaces the bundled topics instead of extending them."""
    offices: list[dict[str, Any]] = field(default_factory=list)
    """Extra office holders for resolving roles like "the Prime Minister"."""

    def save(self) -> None:
        """Write the settings that differ from the defaults back to the file."""
        data = {}
        if self.path.exists():
            data = _read_yaml(self.path)
        data["theme"] = self.theme
        if self.keymap:
            data["keymap"] = self.keymap
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def config_path() -> Path:
    """Where the config file lives: NEWSX_CONFIG, else the platform's config dir."""
    env = os.environ.get("NEWSX_CONFIG")
    return Path(env).expanduser() if env else user_config_path(APP_NAME) / "config.yaml"


def default_index_dir(config: Config | None = None) -> Path:
    """Where the index lives: NEWSX_INDEX, the config's `index`, else the data dir."""
    env = os.environ.get("NEWSX_INDEX")
    if env:
        return Path(env).expanduser()
    if config and config.index_dir:
        return config.index_dir
    return user_data_path(APP_NAME) / "index"


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise ConfigError(f"{where}: invalid YAML: {exc.problem}") from None
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ConfigError(f"{path}: cannot read config: {exc}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: config must be a mapping of settings")
    return data


def load_config(path: Path | None = None) -> Config:
    """Read the config file; a missing file gives the defaults."""
    path = path or config_path()
    if not path.exists():
        return Config(path=path)
    data = _read_yaml(path)

    def typed(key: str, kind: type, default: Any) -> Any:
        value = data.get(key, default)
        if value is not None and not isinstance(value, kind):
            raise ConfigError(f"{path}: `{key}` must be a {kind.__name__}")
        return value

    index = typed("index", str, None)
    return Config(
        path=path,
        index_dir=Path(index).expanduser() if index else None,
        theme=typed("theme", str, "textual-dark"),
        keymap={str(k): str(v) for k, v in (typed("keymap", dict, {}) or {}).items()},
        boilerplate=typed("boilerplate", list, None),
        topics=typed("topics", list, []) or [],
        replace_topics=bool(data.get("replace_topics", False)),
        offices=typed("offices", list, []) or [],
    )

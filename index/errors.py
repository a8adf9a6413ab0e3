"""The engine's errors: each carries one line fit to show a user."""


class NewsxError(Exception):
    """Base of every error newsx reports to a user in one line (exit status 2)."""


class ConfigError(NewsxError):
    """A config, manifest or topics file could not be read; names the file and line."""


class QueryError(NewsxError):
    """A query could not be parsed; previous results stay as they were."""


class IndexBusyError(NewsxError):
    """Another process holds the index's write lock."""


class IndexUnavailableError(NewsxError):
    """The index is missing, unreadable or unwritable."""

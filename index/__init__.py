"""The newsx engine: reading, cleaning, extraction, the Whoosh index and queries.

Nothing here imports textual: the CLI and the app are both clients of this package.
"""

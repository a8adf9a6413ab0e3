"""Extraction: people, quotes with speakers, stances toward topics.

(Interim: returns an empty analysis until the extraction rules land.)
"""

from __future__ import annotations

from ..model import Analysis, Article


def analyze(article: Article) -> Analysis:
    """Find the people, quotes and stances in a cleaned article."""
    return Analysis()

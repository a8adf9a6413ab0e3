"""HTML pages: the article's main text and its metadata, by trafilatura.

Navigation, headers, footers and comments are left out; title, date, author, site name
and canonical URL come from the page's meta tags. `fragment_text` turns a snippet of
HTML (a feed item's content) into plain paragraphs.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from ..model import Article, Problem, ReadResult
from .fields import article_id, parse_date

# `[^<>]*`: a scan for the tag's end stops at the next `<`, so a line of unclosed tags is linear.
_TAG = re.compile(r"<(p|br|div|li|h[1-6]|blockquote|ul|ol|table|a|em|strong|b|i|span)\b[^<>]*>", re.I)


def read(path: Path, text: str) -> ReadResult:
    """Read one article from an HTML page."""
    import trafilatura  # slow to import: only when there is HTML to read

    page = trafilatura.bare_extraction(
        text, with_metadata=True, include_comments=False, include_tables=True,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    body = (page.text or "").strip() if page else ""
    if not body:
        return ReadResult(problems=[Problem(str(path), "no article text found in the page")])
    article = Article(
        id=article_id(path), path=str(path), source_format="html",
        title=page.title or "", author=page.author or "", outlet=page.sitename or "",
        url=page.url or "", summary=page.description or "",
    )
    first, _, rest = body.partition("\n")
    article.body = rest if first.strip() == article.title.strip() and rest.strip() else body
    result = ReadResult(articles=[article])
    try:
        article.date = parse_date(page.date)
    except ValueError as exc:
        result.problems.append(Problem(str(path), str(exc)))
    return result


def looks_like_html(text: str) -> bool:
    """Whether `text` is marked up with common HTML tags rather than plain."""
    return bool(_TAG.search(text))


def fragment_text(fragment: str) -> str:
    """Plain text from a snippet of HTML: block elements become separate lines."""
    parser = _TextParser()
    parser.feed(fragment)
    parser.close()
    return "".join(parser.parts)


class _TextParser(HTMLParser):
    _BLOCKS = frozenset({
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
        "blockquote", "pre", "table", "tr", "section", "article", "header", "footer",
        "figure", "figcaption", "hr", "dd", "dt",
    })
    _HIDDEN = frozenset({"script", "style", "template", "noscript", "head", "title"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in self._HIDDEN:
            self._hidden += 1
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._HIDDEN:
            self._hidden = max(0, self._hidden - 1)
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(" ".join(data.split("\n")))


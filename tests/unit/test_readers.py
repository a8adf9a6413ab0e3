"""The readers: real files in every format, their metadata, and every way a file goes wrong."""

from __future__ import annotations

import json
import os
import threading
from datetime import date
from pathlib import Path

import pytest

from newsx.index import corpus
from newsx.index.clean import load_rules
from newsx.index.corpus import article_id, discover, fingerprint, load_file, read_file
from newsx.index.model import Article, Problem

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
MIXED = Path(__file__).resolve().parents[1] / "fixtures" / "corpus" / "mixed"


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def only(result) -> Article:
    assert result.problems == []
    [article] = result.articles
    return article


def messages(problems) -> list[str]:
    return [str(problem) for problem in problems]


# --- plain text ---------------------------------------------------------------------------

def test_txt_takes_a_leading_date_and_keeps_the_rest_of_that_line(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", " date 2023-10-27 Sign up to our emails\nFirst paragraph.\nSecond one.\n")
    article = only(read_file(path))
    assert article.date == date(2023, 10, 27)
    assert article.body == "Sign up to our emails\n\nFirst paragraph.\n\nSecond one."
    assert (article.source_format, article.path, article.id) == ("txt", str(path), article_id(path))


def test_txt_title_is_the_first_sentence_cut_short(tmp_path: Path) -> None:
    short = write(tmp_path, "short.txt", "Mr. Khan called for a ceasefire. He said so on Friday.\n")
    assert only(read_file(short)).title == "Mr. Khan called for a ceasefire."
    senator = write(tmp_path, "senator.txt", "Sen. Bernie Sanders spoke. He said so on Friday.\n")
    assert only(read_file(senator)).title == "Sen. Bernie Sanders spoke."
    long = write(tmp_path, "long.txt", "Keir Starmer has emphatically ruled out implementing a total ban "
                 "on arms sales to Israel, insisting this would be the wrong position. More.\n")
    title = only(read_file(long)).title
    assert title == "Keir Starmer has emphatically ruled out implementing a total ban on arms sales to Israel…"


def test_txt_title_leaves_out_a_wire_storys_dateline(tmp_path: Path) -> None:
    reuters = write(tmp_path, "r.txt", "LONDON (Reuters) - Britain called for a pause. More.\n")
    assert only(read_file(reuters)).title == "Britain called for a pause."
    ap = write(tmp_path, "ap.txt", "WASHINGTON, March 4 (AP) — The Senate voted. More.\n")
    assert only(read_file(ap)).title == "The Senate voted."
    assert only(read_file(ap)).body.startswith("WASHINGTON, March 4 (AP) — The Senate voted.")


def test_txt_title_comes_from_the_cleaned_body_when_loading(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", "READ MORE: Another story\nThe real first sentence. Then more.\n")
    [article] = load_file(path, load_rules()).articles
    assert article.title == "The real first sentence."


def test_seed_with_date_line_and_manifest(tmp_path: Path) -> None:
    article = only(read_file(SEEDS / "003_db37e839a3b2f4ed.txt"))
    assert article.date == date(2023, 10, 27)
    assert article.title == "Starmer under pressure as Sadiq Khan and Anas Sarwar call for a Gaza ceasefire"
    assert article.outlet == "The Independent"
    assert article.body.startswith("For free real time breaking news alerts")


def test_seed_paragraphs_on_single_lines_become_blank_line_paragraphs() -> None:
    article = only(read_file(SEEDS / "002_9294787340d87288.txt"))
    raw = (SEEDS / "002_9294787340d87288.txt").read_text(encoding="utf-8")
    assert article.body.split("\n\n") == [" ".join(line.split()) for line in raw.split("\n") if line.strip()]


def test_hard_wrapped_text_is_joined_into_paragraphs(tmp_path: Path) -> None:
    text = (
        "The council voted on Wednesday night to back a motion calling for an\n"
        "immediate ceasefire in the region, after a long and heated debate.\n"
        "\n"
        "“This is the least we can do,” said councillor Amira Khan, who proposed\n"
        "the motion and spoke for twenty minutes.\n"
    )
    article = only(read_file(write(tmp_path, "wrapped.txt", text)))
    assert article.body == (
        "The council voted on Wednesday night to back a motion calling for an immediate ceasefire "
        "in the region, after a long and heated debate.\n\n"
        "“This is the least we can do,” said councillor Amira Khan, who proposed the motion and "
        "spoke for twenty minutes."
    )


def test_short_lines_are_not_mistaken_for_wrapping(tmp_path: Path) -> None:
    text = "Please use Chrome browser for a more accessible video player\n2:36\nA title\n\nNext paragraph.\n"
    article = only(read_file(write(tmp_path, "a.txt", text)))
    assert article.body.split("\n\n") == [
        "Please use Chrome browser for a more accessible video player", "2:36", "A title", "Next paragraph."]


# --- markdown -----------------------------------------------------------------------------

MARKDOWN = """---
title: Why the summit matters
date: 2025-03-02
author: [Sam Columnist, Alex Editor]
source: The Weekly Example
url: https://weekly.example/summit
summary: A column on the London summit.
tags: [politics]
---
# Why the *summit* matters

The **Prime Minister** said the UK was prepared to back a deal
with _boots on the ground_ and [planes in the air](https://example.com/planes "planes").
![A photo](photo.jpg)

> “Europe must do the heavy lifting,” he said.

- first point
- second point with `code`
"""


def test_markdown_front_matter_and_plain_body(tmp_path: Path) -> None:
    article = only(read_file(write(tmp_path, "column.md", MARKDOWN)))
    assert (article.title, article.date, article.author, article.outlet, article.url, article.summary) == (
        "Why the summit matters", date(2025, 3, 2), "Sam Columnist, Alex Editor", "The Weekly Example",
        "https://weekly.example/summit", "A column on the London summit.")
    assert article.body.split("\n\n") == [
        "Why the summit matters",
        "The Prime Minister said the UK was prepared to back a deal with boots on the ground "
        "and planes in the air.",
        "“Europe must do the heavy lifting,” he said.",
        "first point",
        "second point with code",
    ]
    assert article.source_format == "markdown"


def test_markdown_extension_and_no_front_matter(tmp_path: Path) -> None:
    article = only(read_file(write(tmp_path, "note.markdown", "Heading\n=======\n\nA 5 * 3 snake_case line.\n")))
    assert article.body == "Heading\n\nA 5 * 3 snake_case line."
    assert article.title == "Heading"


def test_malformed_front_matter_names_the_line_and_the_body_is_still_read(tmp_path: Path) -> None:
    path = write(tmp_path, "bad.md", "---\ntitle: Fine\nauthor: [unclosed\n---\nThe body survives.\n")
    result = read_file(path)
    [article] = result.articles
    assert article.body == "The body survives."
    [problem] = result.problems
    assert problem.path == str(path) and problem.line in (3, 4)
    assert problem.message.startswith("invalid YAML")


def test_front_matter_bad_date_and_unclosed_front_matter(tmp_path: Path) -> None:
    result = read_file(write(tmp_path, "a.md", "---\ntitle: T\ndate: someday\n---\nBody.\n"))
    assert [(p.message, p.line) for p in result.problems] == [("date not understood: 'someday'", 3)]
    assert result.articles[0].title == "T"
    result = read_file(write(tmp_path, "b.md", "---\ntitle: T\nBody without a closing line.\n"))
    assert [(p.message, p.line) for p in result.problems] == [("front matter not closed by a `---` line", 1)]
    assert "Body without a closing line." in result.articles[0].body


# --- HTML ---------------------------------------------------------------------------------

def test_html_keeps_the_main_text_and_drops_navigation(tmp_path: Path) -> None:
    article = only(read_file(MIXED / "page.html"))
    assert (article.title, article.outlet, article.author, article.date, article.url) == (
        "Mayor calls for ceasefire", "The Daily Example", "Jane Reporter", date(2023, 10, 27),
        "https://example.com/news/mayor-ceasefire")
    paragraphs = article.body.split("\n\n")
    assert paragraphs[0].startswith("The mayor of the capital has called for an immediate ceasefire")
    assert "“It would stop the killing" in paragraphs[1]
    assert len(paragraphs) == 3
    for furniture in ("Home", "Politics", "Subscribe", "All rights reserved", "Privacy policy"):
        assert furniture not in article.body
    assert article.source_format == "html"


def test_html_with_no_article_text_is_a_problem(tmp_path: Path) -> None:
    path = write(tmp_path, "empty.htm", '<html><head><title>x</title></head><body><img src="a.png"></body></html>')
    result = read_file(path)
    assert result.articles == []
    assert messages(result.problems) == [f"{path}: no article text found in the page"]


def test_html_in_a_declared_legacy_charset_is_decoded_without_warning(tmp_path: Path) -> None:
    page = (MIXED / "page.html").read_text(encoding="utf-8").replace('charset="utf-8"', 'charset="windows-1252"')
    page = page.replace("The mayor of the capital", "The café owner and the mayor of the capital")
    path = write(tmp_path, "legacy.html", page.encode("cp1252"))
    article = only(read_file(path))
    assert "The café owner" in article.body


# --- JSON and JSON Lines ------------------------------------------------------------------

BASE = {"title": "A title", "text": "The body text.", "date": "2024-10-09", "url": "https://x.example/a",
        "outlet": "Example News", "author": "Pat Reporter"}


@pytest.mark.parametrize("field, alias, value, expected", [
    ("title", "headline", "A headline", "A headline"),
    ("body", "body", "Body under body.", "Body under body."),
    ("body", "content", "Body under content.", "Body under content."),
    ("date", "published", "2024-03-02T23:30:00-05:00", date(2024, 3, 2)),
    ("date", "published_at", "Mon, 15 Apr 2024 10:00:00 +0100", date(2024, 4, 15)),
    ("date", "publishedAt", "2025-03-02T10:00:00Z", date(2025, 3, 2)),
    ("date", "date", 1709373600, date(2024, 3, 2)),
    ("url", "link", "https://x.example/link", "https://x.example/link"),
    ("outlet", "source", "Source Name", "Source Name"),
    ("outlet", "source", {"id": "sn", "name": "Source Dict"}, "Source Dict"),
    ("outlet", "site", "Site Name", "Site Name"),
    ("author", "byline", "By Line", "By Line"),
    ("author", "authors", ["One Writer", {"name": "Two Writer"}], "One Writer, Two Writer"),
    ("summary", "description", "A description.", "A description."),
])
def test_json_field_aliases(tmp_path: Path, field: str, alias: str, value, expected) -> None:
    aliases = {"title": "title", "body": "text", "date": "date", "url": "url", "outlet": "outlet",
               "author": "author", "summary": "summary"}
    item = {k: v for k, v in BASE.items() if k != aliases[field]}
    item[alias] = value
    article = only(read_file(write(tmp_path, "a.json", json.dumps(item))))
    assert getattr(article, field) == expected


def test_json_list_gives_an_article_per_object(tmp_path: Path) -> None:
    result = read_file(MIXED / "items.json")
    assert result.problems == []
    first, second = result.articles
    assert (first.title, first.outlet, first.author, first.date) == (
        "Minister rejects arms ban", "News Example", "Pat Reporter", date(2024, 10, 9))
    assert second.body == "The leader restated his call.\n\n“It should stop,” he said."
    assert (second.outlet, second.author) == ("News Example", "A. Writer, B. Writer")
    assert first.id != second.id
    assert first.source_format == "json"


def test_json_object_with_an_articles_list(tmp_path: Path) -> None:
    data = {"status": "ok", "articles": [BASE, dict(BASE, url="https://x.example/b")]}
    result = read_file(write(tmp_path, "api.json", json.dumps(data)))
    assert len(result.articles) == 2 and result.problems == []


def test_a_news_api_export_with_its_source_object_and_text_cut_short(tmp_path: Path) -> None:
    item = {"source": {"id": "bbc-news", "name": "BBC News"}, "author": "BBC News", "title": "Sarwar speaks",
            "url": "https://b.example/1", "publishedAt": "2024-04-15T18:22:00Z",
            "content": "Anas Sarwar has said arms sales to Israel should stop. \"It is clear,\" he… [+1234 chars]"}
    article = only(read_file(write(tmp_path, "newsapi.json", json.dumps({"status": "ok", "articles": [item]}))))
    assert (article.outlet, article.date) == ("BBC News", date(2024, 4, 15))
    assert article.body == "Anas Sarwar has said arms sales to Israel should stop. \"It is clear,\" he…"


def test_json_object_without_text_is_a_problem(tmp_path: Path) -> None:
    path = write(tmp_path, "a.json", json.dumps([BASE, {"title": "No text here"}, "a string"]))
    result = read_file(path)
    assert len(result.articles) == 1
    assert messages(result.problems) == [
        f"{path}: item 2: no text (expected text, body or content)",
        f"{path}: item 3: expected an object, got str",
    ]


def test_invalid_json_names_the_line(tmp_path: Path) -> None:
    path = write(tmp_path, "bad.json", '[\n {"title": "x",\n  "text": }\n]\n')
    result = read_file(path)
    assert result.articles == []
    [problem] = result.problems
    assert (problem.line, problem.message.startswith("invalid JSON")) == (3, True)


def test_jsonl_bad_line_is_reported_with_its_number_and_the_rest_read(tmp_path: Path) -> None:
    result = read_file(MIXED / "wire.jsonl")
    assert [a.title for a in result.articles] == ["Wire one", "Wire two"]
    [problem] = result.problems
    assert (problem.path, problem.line) == (str(MIXED / "wire.jsonl"), 2)
    assert problem.message.startswith("invalid JSON")
    assert {a.source_format for a in result.articles} == {"jsonl"}


def test_the_lines_one_reason_skipped_are_one_problem(tmp_path: Path) -> None:
    # A data file that is not articles (ids and labels) beside the news: one line, not one per row.
    rows = [json.dumps({"id": n, "label": "x"}) for n in range(1, 8)]
    path = write(tmp_path, "labels.jsonl", "\n".join([json.dumps(BASE), *rows, "{oops", "", "{oops"]) + "\n")
    result = read_file(path)
    assert len(result.articles) == 1
    assert messages(result.problems) == [
        f"{path}: 7 of 10 lines skipped, no text (expected text, body or content): lines 2, 3, 4 and 4 more",
        f"{path}: 2 of 10 lines skipped, invalid JSON: Expecting property name enclosed in double quotes: "
        "lines 9 and 11",
    ]


def test_the_items_one_reason_skipped_are_one_problem(tmp_path: Path) -> None:
    path = write(tmp_path, "a.json", json.dumps([{"title": "No text"}, BASE, {"title": "Nor here"}, 3]))
    assert messages(read_file(path).problems) == [
        f"{path}: 2 of 4 items skipped, no text (expected text, body or content): items 1 and 3",
        f"{path}: item 4: expected an object, got int",
    ]


def test_jsonl_ids_are_stable_and_distinct(tmp_path: Path) -> None:
    lines = [dict(BASE, url="https://x.example/same"), dict(BASE, url="https://x.example/same"), BASE]
    path = write(tmp_path, "a.ndjson", "\n".join(json.dumps(line) for line in lines))
    ids = [a.id for a in read_file(path).articles]
    assert len(set(ids)) == 3
    assert ids == [a.id for a in read_file(path).articles]
    assert ids[0] == article_id(path, "https://x.example/same")


def test_json_bad_date_is_a_warning_and_the_article_is_kept(tmp_path: Path) -> None:
    path = write(tmp_path, "a.jsonl", json.dumps(dict(BASE, date="last Tuesday")) + "\n")
    result = read_file(path)
    assert result.articles[0].date is None
    assert messages(result.problems) == [f"{path}:1: date not understood: 'last Tuesday'"]


# --- feeds --------------------------------------------------------------------------------

def test_rss_items_become_articles() -> None:
    article = only(read_file(MIXED / "wire.rss"))
    assert (article.title, article.outlet, article.url, article.date, article.source_format) == (
        "Talks resume", "Example Wire", "https://wire.example/1", date(2025, 3, 2), "rss")
    assert article.body == "The PM said: “We must keep our eyes on the prize.”\n\nTalks resume on Monday."
    assert article.id == article_id(MIXED / "wire.rss", "wire-1")


def test_atom_entries_become_articles() -> None:
    article = only(read_file(MIXED / "times.atom"))
    assert (article.title, article.outlet, article.author, article.url, article.date, article.source_format) == (
        "Sarwar restates call", "Atom Times", "Jo Writer", "https://atom.example/1", date(2024, 4, 15), "atom")
    assert article.body == "“To me, it is clear,” Sarwar said.\n\nHe spoke in Dundee."
    assert article.summary == "Sarwar speaks in Dundee."


def test_rss_author_email_and_items_without_text(tmp_path: Path) -> None:
    feed = """<?xml version="1.0" encoding="ISO-8859-1"?>
<rss version="2.0"><channel><title>Wire</title>
<item><title>One</title><link>https://w.example/1</link><author>ed@w.example (Ed Itor)</author>
<pubDate>Sun, 02 Mar 2025 23:30:00 -0500</pubDate><description>Plain caf\u00e9 text.</description></item>
<item><title>Headline only</title><link>https://w.example/2</link></item>
</channel></rss>"""
    path = write(tmp_path, "wire.xml", feed)
    result = read_file(path)
    [article] = result.articles
    assert (article.author, article.date, article.body) == ("Ed Itor", date(2025, 3, 2), "Plain café text.")
    assert messages(result.problems) == [f"{path}: 1 of 2 items have no text, skipped"]


def test_a_feed_titled_section_then_site_has_the_site_as_outlet(tmp_path: Path) -> None:
    feed = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Politics | The Guardian</title>
<item><title>One</title><link>https://g.example/1</link>
<description>&lt;p&gt;Starmer spoke.&lt;/p&gt;&lt;p&gt;&lt;a href="https://g.example/1"&gt;Continue reading...&lt;/a&gt;&lt;/p&gt;</description>
</item></channel></rss>"""
    [article] = load_file(write(tmp_path, "g.xml", feed), load_rules()).articles
    assert (article.outlet, article.body, article.removed) == ("The Guardian", "Starmer spoke.", ["Continue reading..."])


def test_xml_that_is_not_a_feed(tmp_path: Path) -> None:
    path = write(tmp_path, "note.xml", '<?xml version="1.0"?>\n<note><to>x</to></note>\n')
    assert messages(read_file(path).problems) == [f"{path}: not an RSS or Atom feed"]


def test_feeds_are_never_fetched(tmp_path: Path, monkeypatch) -> None:
    import feedparser.http

    def no_network(*args, **kwargs):
        raise AssertionError("feedparser tried to fetch something")

    monkeypatch.setattr(feedparser.http, "get", no_network)
    path = write(tmp_path, "url.rss", "http://127.0.0.1:9/feed.xml")
    assert read_file(path).articles == []
    assert only(read_file(MIXED / "wire.rss")).title == "Talks resume"


# --- manifests ----------------------------------------------------------------------------

def test_manifest_overrides_a_single_article_and_fills_gaps_for_many(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", "date 2020-01-01 Body of a.\n")
    write(tmp_path, "items.jsonl", json.dumps(dict(BASE, outlet="")) + "\n" + json.dumps(dict(BASE, url="u2")))
    write(tmp_path, "newsx.yaml", "articles:\n  a.txt:\n    title: Given title\n    date: 2021-02-03\n"
          "    source: Given Outlet\n  items.jsonl:\n    outlet: Filled In\n    author: Not Used\n")
    article = only(read_file(tmp_path / "a.txt"))
    assert (article.title, article.date, article.outlet) == ("Given title", date(2021, 2, 3), "Given Outlet")
    first, second = read_file(tmp_path / "items.jsonl").articles
    assert (first.outlet, first.author) == ("Filled In", "Pat Reporter")
    assert (second.outlet, second.author) == ("Example News", "Pat Reporter")


def test_manifest_edits_are_seen(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", "Body.\n")
    write(tmp_path, "manifest.yaml", "articles:\n  a.txt: {title: First}\n")
    assert only(read_file(path)).title == "First"
    write(tmp_path, "manifest.yaml", "articles:\n  a.txt: {title: Second title}\n")
    assert only(read_file(path)).title == "Second title"


def test_malformed_manifest_is_one_problem_and_articles_read_without_it(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", "Body of a.\n")
    manifest = write(tmp_path, "manifest.yaml", "articles:\n  a.txt:\n    title: [unclosed\n  b.txt: {}\n")
    found = list(discover([tmp_path]))
    problems = [p for p in found if isinstance(p, Problem)]
    assert [p.path for p in problems] == [str(manifest)]
    assert problems[0].line in (3, 4) and "invalid YAML" in problems[0].message
    assert problems[0].message.endswith("articles read without it")
    assert path in found
    assert only(read_file(path)).title == "Body of a."


def test_manifest_entry_problems_name_their_lines(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", "Body of a.\n")
    manifest = write(tmp_path, "newsx.yaml",
                     "articles:\n  a.txt:\n    title: Kept\n    autor: Typo\n    date: soon\n  gone.txt:\n    title: X\n")
    problems = [p for p in discover([tmp_path / "a.txt"]) if isinstance(p, Problem)]
    assert messages(problems) == [
        f"{manifest}:4: a.txt: unknown field 'autor' (expected title, outlet, author, url, date, summary)",
        f"{manifest}:5: a.txt: date not understood: 'soon'",
        f"{manifest}:6: no file 'gone.txt' beside the manifest",
    ]
    assert only(read_file(tmp_path / "a.txt")).title == "Kept"


def test_a_manifest_of_another_shape_is_reported(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", "Body.\n")
    manifest = write(tmp_path, "manifest.yaml", "apiVersion: v1\nkind: Pod\n")
    problems = [p for p in discover([tmp_path]) if isinstance(p, Problem)]
    assert messages(problems) == [
        f"{manifest}:1: not a newsx manifest: expected `articles:` mapping file names to metadata"]


def _folders_with_manifests(root: Path) -> list[Path]:
    """Three folders, each a file and a manifest naming one more that is not there."""
    folders = []
    for name in ("a", "b", "c"):
        write(root / name, "story.txt", "Body.\n")
        write(root / name, "manifest.yaml", f"articles:\n  story.txt: {{title: {name}}}\n  gone.txt: {{}}\n")
        folders.append(root / name)
    return folders


def test_a_walk_can_leave_the_manifests_to_be_checked_while_the_files_are_read(tmp_path: Path) -> None:
    folders = _folders_with_manifests(tmp_path)
    unchecked: list = []
    assert list(corpus.walk([tmp_path], unchecked)) == [str(folder / "story.txt") for folder in folders]
    problems: list[Problem] = []
    with corpus.manifest.checked_meanwhile(unchecked, problems):
        assert only(read_file(folders[2] / "story.txt")).title == "c"  # the files are read meanwhile
    assert messages(problems) == [f"{folder / 'manifest.yaml'}:3: no file 'gone.txt' beside the manifest"
                                  for folder in folders]
    assert messages(problems) == messages(p for p in discover([tmp_path]) if isinstance(p, Problem))


def _unchecked(root: Path) -> list:
    """The folders of `_folders_with_manifests`, walked with their manifests left unchecked."""
    _folders_with_manifests(root)
    unchecked: list = []
    list(corpus.walk([root], unchecked))
    return unchecked


def test_a_stopped_run_leaves_the_manifests_to_the_next(tmp_path: Path) -> None:
    stop, problems = threading.Event(), []
    stop.set()
    with corpus.manifest.checked_meanwhile(_unchecked(tmp_path), problems, stop):
        pass
    assert problems == []


def test_a_run_that_fails_gets_its_own_error_not_the_manifests(tmp_path: Path) -> None:
    problems: list[Problem] = []
    with pytest.raises(OSError, match="disk full"), corpus.manifest.checked_meanwhile(_unchecked(tmp_path), problems):
        raise OSError("disk full")
    assert problems == []


def test_an_error_checking_a_manifest_is_raised_to_the_run(tmp_path: Path, monkeypatch) -> None:
    unchecked = _unchecked(tmp_path)

    def broken(folder, names=None):
        raise MemoryError("out of memory")

    monkeypatch.setattr(corpus.manifest, "check", broken)
    problems: list[Problem] = []
    with pytest.raises(MemoryError), corpus.manifest.checked_meanwhile(unchecked, problems):
        pass
    assert problems == []


# --- ids and fingerprints -----------------------------------------------------------------

def test_article_id_is_short_stable_and_keyed(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", "Body.\n")
    assert article_id(path) == article_id(str(path)) == article_id(tmp_path / "." / "a.txt")
    assert len(article_id(path)) == 12 and int(article_id(path), 16) >= 0
    assert article_id(path, "guid-1") != article_id(path, "guid-2") != article_id(path)


def test_fingerprint_follows_the_file_and_its_manifest_entry(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", "Body.\n")
    first = fingerprint(path)
    assert first == fingerprint(path)
    write(tmp_path, "manifest.yaml", "articles:\n  a.txt: {title: T}\n")
    with_entry = fingerprint(path)
    assert with_entry != first
    write(tmp_path, "manifest.yaml", "articles:\n  other.txt: {title: T}\n  a.txt: {title: T}\n")
    assert fingerprint(path) == with_entry
    write(tmp_path, "a.txt", "Body, edited.\n")
    assert fingerprint(path) not in (first, with_entry)
    assert fingerprint(tmp_path / "missing.txt") == ""



def test_a_file_loaded_carries_the_fingerprint_of_what_was_read(tmp_path: Path) -> None:
    rules = load_rules()
    for path in sorted(MIXED.rglob("*")):
        result = load_file(path, rules) if path.is_file() else None
        if result is not None and result.articles:
            assert result.fingerprint == fingerprint(path), path.name
    path = write(tmp_path, "a.txt", "Body.\n")
    write(tmp_path, "manifest.yaml", "articles:\n  a.txt: {title: T}\n")
    assert load_file(path, rules).fingerprint == fingerprint(path)
    assert load_file(tmp_path / "missing.txt", rules).fingerprint == ""

# --- decoding -----------------------------------------------------------------------------

def test_binary_file_is_skipped() -> None:
    result = read_file(MIXED / "scan.txt")
    assert result.articles == []
    assert messages(result.problems) == [f"{MIXED / 'scan.txt'}: binary file, skipped"]


def test_invalid_utf8_is_replaced_with_a_warning() -> None:
    result = read_file(MIXED / "latin1.txt")
    [article] = result.articles
    assert article.body.startswith("Caf\ufffd owners")
    assert messages(result.problems) == [f"{MIXED / 'latin1.txt'}:1: invalid UTF-8, undecodable bytes replaced"]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-8-sig"])
def test_byte_order_marks(tmp_path: Path, encoding: str) -> None:
    text = "Zelenskyy’s plane lands — “truly thankful”.\n"
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    article = only(read_file(write(tmp_path, "a.txt", data)))
    assert article.body == text.strip()


@pytest.mark.parametrize("content", [b"", b"  \n\n\t\n", "\ufeff \n".encode("utf-8")])
def test_empty_file(tmp_path: Path, content: bytes) -> None:
    path = write(tmp_path, "a.md", content)
    assert messages(read_file(path).problems) == [f"{path}: empty file"]


def test_a_reader_failure_becomes_a_problem(tmp_path: Path, monkeypatch) -> None:
    def broken(path, text):
        raise RuntimeError("boom\nsecond line")

    monkeypatch.setitem(corpus._READERS, "txt", broken)
    path = write(tmp_path, "a.txt", "Body.\n")
    assert messages(read_file(path).problems) == [f"{path}: cannot read: boom"]


def test_load_file_cleans_and_skips_articles_left_empty(tmp_path: Path) -> None:
    path = write(tmp_path, "a.jsonl", json.dumps(dict(BASE, text="Body \x1b[2J text.\nREAD MORE: x")) + "\n"
                 + json.dumps(dict(BASE, title="Only furniture", text="READ MORE: elsewhere", url="u2")) + "\n")
    result = load_file(path, load_rules())
    [article] = result.articles
    assert (article.body, article.removed) == ("Body text.", ["READ MORE: x"])
    assert messages(result.problems) == [f"{path}: no text left once boilerplate is removed (Only furniture)"]


# --- discovery ----------------------------------------------------------------------------

def test_discover_reports_each_bad_path_in_one_line(tmp_path: Path) -> None:
    good = write(tmp_path, "b.txt", "Body.\n")
    write(tmp_path, "a.pdf", b"%PDF-1.4")
    write(tmp_path, ".hidden.txt", "Hidden.\n")
    write(tmp_path, ".git/config.txt", "Hidden folder.\n")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    (tmp_path / "self.txt").symlink_to(tmp_path / "self.txt")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "up").symlink_to(tmp_path)
    os.mkfifo(tmp_path / "pipe.txt")
    found = list(discover([tmp_path, tmp_path / "missing.txt"]))
    assert [str(item) for item in found] == [
        f"{tmp_path / 'a.pdf'}: unsupported file type .pdf",
        str(good),
        f"{tmp_path / 'dangling.txt'}: broken symlink to {tmp_path / 'nowhere.txt'}",
        f"{tmp_path / 'pipe.txt'}: not a regular file, skipped",
        f"{tmp_path / 'self.txt'}: symlink loop, skipped",
        f"{tmp_path / 'sub' / 'up'}: symlink loop, skipped",
        f"{tmp_path / 'missing.txt'}: no such file or folder",
    ]


def test_discover_reports_unreadable_files(tmp_path: Path) -> None:
    path = write(tmp_path, "secret.txt", "Body.\n")
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running with privileges that read any file")
        assert messages(discover([path])) == [f"{path}: permission denied"]
    finally:
        path.chmod(0o644)


def test_discover_yields_each_file_once_in_name_order(tmp_path: Path) -> None:
    b = write(tmp_path, "b.md", "B.\n")
    a = write(tmp_path, "sub/a.txt", "A.\n")
    (tmp_path / "link.md").symlink_to(b)
    assert list(discover([tmp_path, b, tmp_path / "sub"])) == [b, a]


def test_mixed_folder_reads_every_good_article_and_one_problem_per_bad_thing() -> None:
    rules = load_rules()
    articles, problems = [], []
    for item in discover([MIXED]):
        if isinstance(item, Problem):
            problems.append(item)
        else:
            result = load_file(item, rules)
            articles += result.articles
            problems += result.problems
    assert sorted((Path(a.path).name, a.title) for a in articles) == [
        ("column.md", "Why the summit matters"),
        ("items.json", "Leader restates call"),
        ("items.json", "Minister rejects arms ban"),
        ("latin1.txt", "Caf\ufffd owners in the old town said trade had fallen by a third since the spring."),
        ("nested.txt", "The nested story says the market reopened on Tuesday after the storm."),
        ("page.html", "Mayor calls for ceasefire"),
        ("story.txt", "Council backs a ceasefire motion"),
        ("times.atom", "Sarwar restates call"),
        ("wire.jsonl", "Wire one"),
        ("wire.jsonl", "Wire two"),
        ("wire.rss", "Talks resume"),
    ]
    assert sorted((Path(p.path).name, p.line, p.message.split(":")[0]) for p in problems) == [
        ("empty.txt", None, "empty file"),
        ("latin1.txt", 1, "invalid UTF-8, undecodable bytes replaced"),
        ("photo.jpg", None, "unsupported file type .jpg"),
        ("scan.txt", None, "binary file, skipped"),
        ("wire.jsonl", 2, "invalid JSON"),
    ]
    story = next(a for a in articles if a.path.endswith("story.txt"))
    assert (story.outlet, story.date) == ("The Example Gazette", date(2024, 2, 1))
    assert story.removed == ["Sign up to our free breaking news emails",
                             "READ MORE: Councils across the country debate Gaza motions"]
    assert next(a for a in articles if a.path.endswith("wire.rss")).author == "Wire Desk"
    assert len({a.id for a in articles}) == len(articles)


def test_a_text_file_with_only_a_date_line_has_no_article(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", "date: 2024-01-02\n\n")
    assert messages(read_file(path).problems) == [f"{path}: no text"]


def test_old_mac_and_windows_line_breaks(tmp_path: Path) -> None:
    article = only(read_file(write(tmp_path, "a.txt", b"date 2024-01-02 One.\r\nTwo.\rThree.\r\n")))
    assert (article.date, article.body) == (date(2024, 1, 2), "One.\n\nTwo.\n\nThree.")


def test_discover_passes_over_python_package_files(tmp_path: Path) -> None:
    """The bundled seeds are a Python package: `newsx index seeds/` skips nothing."""
    (tmp_path / "000.txt").write_text("An article.", encoding="utf-8")
    (tmp_path / "__init__.py").write_text('"""Seeds."""', encoding="utf-8")
    (tmp_path / "__pycache__").mkdir()
    (tmp_path / "__pycache__" / "__init__.cpython-311.pyc").write_bytes(b"\x00\x01")
    assert list(discover([tmp_path])) == [tmp_path / "000.txt"]


def test_a_file_reached_by_several_names_is_found_once(tmp_path):
    news = tmp_path / "news"
    news.mkdir()
    (news / "a.txt").write_text("Title\n\nBody.\n", encoding="utf-8")
    (news / "b.txt").symlink_to(news / "a.txt")  # the same file by another name
    (tmp_path / "alias").symlink_to(news)  # the same folder by another name
    found = [path for path in discover([news, tmp_path / "alias", news / "a.txt"]) if isinstance(path, Path)]
    assert found == [news / "a.txt"]

"""Writing the index: unchanged files by their stamp, bulk runs' commits and merges, the
writer's length lookups."""

from __future__ import annotations

import multiprocessing
import os
import queue
import subprocess
import sys
import textwrap
import threading
from collections import Counter
from pathlib import Path

import pytest
from index_helpers import generate_corpus, isolated  # noqa: F401
from whoosh import index as whoosh_index
from whoosh.codec.whoosh3 import STORED_COLUMN, W3PerDocReader
from whoosh.columns import PickleColumn, VarBytesColumn

import newsx.index.corpus as corpus
import newsx.index.corpus.manifest as manifest
import newsx.index.postings as postings
import newsx.index.segments as segments
import newsx.index.store as store_module
import newsx.index.writing as writing
from newsx.index.config import load_config
from newsx.index.errors import IndexBusyError
from newsx.index.schema import ARTICLES, QUOTES, SCHEMAS
from newsx.index.store import MANIFESTS_DIR, Store
from newsx.tui.cli import main


def _counting_fingerprints(monkeypatch) -> list[str]:
    hashed: list[str] = []
    original = corpus.fingerprint

    def counted(path):
        hashed.append(Path(path).name)
        return original(path)

    monkeypatch.setattr(corpus, "fingerprint", counted)
    return hashed


def test_an_unchanged_file_is_not_read_again_until_its_size_or_times_change(isolated, monkeypatch, tmp_path):
    news = generate_corpus(tmp_path / "news", 5)
    with Store.open(build_seeds=False) as store:
        store.update([news])
        hashed = _counting_fingerprints(monkeypatch)
        assert store.update([news]).unchanged == 5
        assert hashed == []
        touched = news / "article00002.json"
        os.utime(touched, ns=(touched.stat().st_atime_ns, touched.stat().st_mtime_ns + 10**9))
        report = store.update([news])
        assert (report.unchanged, report.updated, hashed) == (5, [], ["article00002.json"])


def test_an_edit_of_the_same_size_with_its_old_mtime_restored_is_still_seen(isolated, tmp_path):
    news = generate_corpus(tmp_path / "news", 3)
    edited = news / "article00001.json"
    with Store.open(build_seeds=False) as store:
        store.update([news])
        before = edited.stat()
        edited.write_text(edited.read_text(encoding="utf-8").replace("item1 ", "itemZ "), encoding="utf-8")
        os.utime(edited, ns=(before.st_atime_ns, before.st_mtime_ns))
        assert edited.stat().st_size == before.st_size
        assert store.update([news]).updated == [str(edited)]
        assert store.search("itemZ").total == 1


def test_a_changed_manifest_rereads_only_the_files_whose_entry_changed(isolated, monkeypatch, tmp_path):
    news = generate_corpus(tmp_path / "news", 3)
    manifest = news / "newsx.yaml"
    manifest.write_text("articles:\n  article00000.json: {outlet: Old Post}\n", encoding="utf-8")
    with Store.open(build_seeds=False) as store:
        store.update([news])
        manifest.write_text("articles:\n  article00000.json: {outlet: New Post}\n", encoding="utf-8")
        report = store.update([news])
        assert (report.updated, report.unchanged) == ([str(news / "article00000.json")], 2)


def _new_process(monkeypatch) -> list[str]:
    """Forget the manifests parsed so far, as a new process would, and count the parses."""
    monkeypatch.setattr(manifest, "_cache", {})
    parsed: list[str] = []
    original = manifest._parse

    def counted(path):
        parsed.append(path.name)
        return original(path)

    monkeypatch.setattr(manifest, "_parse", counted)
    return parsed


def test_a_new_process_does_not_parse_unchanged_manifests_again(isolated, monkeypatch, tmp_path):
    news = generate_corpus(tmp_path / "news", 3)
    listed = news / "newsx.yaml"
    listed.write_text("articles:\n  article00000.json: {outlet: Old Post}\n  gone.json: {outlet: X}\n",
                      encoding="utf-8")
    with Store.open(build_seeds=False) as store:
        store.update([news])
        store.update([news / "article00001.json"])  # a run over one file keeps the folder's manifest
    parsed = _new_process(monkeypatch)
    with Store.open(build_seeds=False) as store:
        report = store.update([news])
        assert (parsed, report.unchanged) == ([], 3)
        assert [(p.message, p.line) for p in report.skipped] == [("no file 'gone.json' beside the manifest", 3)]
        listed.write_text("articles:\n  article00000.json: {outlet: New Post}\n", encoding="utf-8")
    parsed = _new_process(monkeypatch)
    with Store.open(build_seeds=False) as store:
        report = store.update([news])
        assert (parsed, report.updated) == (["newsx.yaml"], [str(news / "article00000.json")])
        assert [hit.outlet for hit in store.search("outlet:new").hits] == ["New Post"]


def test_a_bulk_runs_workers_read_the_manifests_the_run_kept(isolated, monkeypatch, tmp_path):
    news = generate_corpus(tmp_path / "news", 3)
    (news / "newsx.yaml").write_text("articles:\n  article00001.json: {outlet: Kept Post}\n", encoding="utf-8")
    kept = tmp_path / "kept"
    with manifest.kept_in(kept):
        manifest.load(news)  # as the run's walk parses it
    parsed = _new_process(monkeypatch)  # a worker is a process of its own
    worker = writing._Worker(load_config(), str(isolated / writing.INCOMING), queue.Queue(), threading.Event(), 60.0,
                             kept)
    parts = worker.write([(str(path), None, "") for path in sorted(news.glob("*.json"))])
    assert parsed == []
    with Store.open(build_seeds=False) as store:
        writing.write_both(isolated, writing.Batch(parts=parts))
        store.refresh()
        assert [hit.outlet for hit in store.search("outlet:kept").hits] == ["Kept Post"]


def test_a_damaged_record_of_the_manifests_only_means_parsing_them_again(isolated, monkeypatch, tmp_path):
    news = generate_corpus(tmp_path / "news", 2)
    (news / "newsx.yaml").write_text("articles:\n  article00000.json: {outlet: Old Post}\n", encoding="utf-8")
    with Store.open(build_seeds=False) as store:
        store.update([news])
    kept = list((isolated / MANIFESTS_DIR).iterdir())
    assert kept
    for path in kept:
        path.write_bytes(b"not a pickle")
    parsed = _new_process(monkeypatch)
    with Store.open(build_seeds=False) as store:
        report = store.update([news])
        assert (parsed, report.unchanged, report.skipped) == (["newsx.yaml"], 2, [])
        assert [hit.outlet for hit in store.search("outlet:old").hits] == ["Old Post"]


BULK_CHILD = textwrap.dedent("""
    import sys
    from pathlib import Path
    import newsx.index.writing as writing
    from newsx.index.store import Store

    def progress(done, total, path):
        if done == 25:
            print("midway", flush=True)
            sys.stdin.readline()

    if __name__ == "__main__":  # the worker processes import this module too
        writing.BULK_FILES, writing.PART_FILES = 1, 10
        Store.open(Path(sys.argv[1]), build_seeds=False).update([Path(sys.argv[2])], progress)
""")


def test_a_bulk_run_killed_mid_run_keeps_its_committed_parts_searchable(isolated, tmp_path):
    news = generate_corpus(tmp_path / "news", 40)
    script = tmp_path / "bulk.py"
    script.write_text(BULK_CHILD, encoding="utf-8")
    child = subprocess.Popen([sys.executable, str(script), str(isolated), str(news)],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline() == "midway\n"
    child.kill()
    child.wait()
    with Store.open(build_seeds=False) as store:
        committed = store.count()
        # whole parts of 10 files, each with its quotes; the part being written is lost
        assert committed % 10 == 0 and committed < 40
        assert store.search("ceasefire").total == committed
        assert {q.article_id for q in store.quotes()} == {hit.id for hit in store.search("", limit=50).hits}
    assert main(["index"]) == 0
    with Store.open(build_seeds=False) as store:
        assert store.count() == 40
        assert store.update().unchanged == 40


def test_a_bulk_run_also_commits_when_its_time_is_up(isolated, monkeypatch, tmp_path):
    news = generate_corpus(tmp_path / "news", 6)
    monkeypatch.setattr(writing, "BULK_FILES", 1)
    monkeypatch.setattr(writing, "BULK_SECONDS", 0.0)
    with Store.open(build_seeds=False) as store:
        store.update([news])
        assert store.count() == 6
    for name in (ARTICLES, QUOTES):
        sizes = [s.doc_count_all() for s in whoosh_index.open_dir(str(isolated), indexname=name)._read_toc().segments]
        assert sizes == [1] * 6  # each article a part of its own, committed as it came
    assert not (isolated / writing.INCOMING).exists()


def test_a_bulk_runs_workers_have_ended_before_its_last_commit(isolated, monkeypatch, tmp_path):
    news = generate_corpus(tmp_path / "news", 12)
    monkeypatch.setattr(writing, "BULK_FILES", 1)
    monkeypatch.setattr(writing, "PART_FILES", 4)
    workers = []  # the run's child processes alive at each of its commits
    write_both = store_module.write_both

    def counted(index_dir, batch):
        workers.append(len(multiprocessing.active_children()))
        write_both(index_dir, batch)

    monkeypatch.setattr(store_module, "write_both", counted)
    with Store.open(build_seeds=False) as store:
        store.update([news])
        assert store.count() == 12
    assert workers == [2, 2, 2, 0]  # four shares of three files, one part each


def _parts_of_two_merged_by_threes(monkeypatch) -> None:
    """Bulk runs of any size, in parts of two files, three segments of a tier merged."""
    monkeypatch.setattr(writing, "BULK_FILES", 1)
    monkeypatch.setattr(writing, "PART_FILES", 2)
    monkeypatch.setattr(writing, "MERGE_FACTOR", 3)


def test_bulk_merges_keep_few_segments_and_every_document_once(isolated, monkeypatch, tmp_path):
    news = generate_corpus(tmp_path / "news", 60)
    _parts_of_two_merged_by_threes(monkeypatch)
    with Store.open(build_seeds=False) as store:
        store.update([news])
        ids = [hit.id for hit in store.search("", limit=100).hits]
        assert len(ids) == len(set(ids)) == 60
        assert len(store.quotes()) == 60
    for name in (ARTICLES, QUOTES):
        sizes = [s.doc_count_all() for s in whoosh_index.open_dir(str(isolated), indexname=name)._read_toc().segments]
        assert sum(sizes) == 60
        # 30 commits of 2 documents, merged by threes: 60 = 2 × 27 + 2 × 3, two segments
        # of each tier at most
        assert len(sizes) <= 2 * 4


def test_bulk_merges_leave_each_term_in_as_few_blocks_as_writing_it_at_once(isolated, monkeypatch, tmp_path):
    news = generate_corpus(tmp_path / "news", 60)
    _parts_of_two_merged_by_threes(monkeypatch)
    with Store.open(build_seeds=False) as store:
        store.update([news])
    for name in (ARTICLES, QUOTES):
        with whoosh_index.open_dir(str(isolated), indexname=name).reader() as reader:
            for segment, _ in reader.leaf_readers():
                postfile = segment._terms._postfile
                for (field, _), info in segment._terms.items():
                    fixed_size = segment.schema[field].format.fixed_value_size()
                    found = len(list(postings.blocks(postfile, info, fixed_size, with_values=False)))
                    # "ceasefire" is in 54 documents of the merged segment: one block, not
                    # one for each of the 27 parts it was written in
                    assert found == -(-info.doc_frequency() // postings.BLOCK_LIMIT)


def test_updating_one_file_after_a_bulk_run_keeps_the_bulk_runs_segments(isolated, monkeypatch, tmp_path):
    news = generate_corpus(tmp_path / "news", 30)
    monkeypatch.setattr(writing, "BULK_FILES", 1)
    monkeypatch.setattr(writing, "PART_FILES", 4)

    def segment_ids(name: str) -> set[str]:
        return {s.segment_id() for s in whoosh_index.open_dir(str(isolated), indexname=name)._read_toc().segments}

    with Store.open(build_seeds=False) as store:
        store.update([news])
        built = {name: segment_ids(name) for name in (ARTICLES, QUOTES)}
        assert len(built[ARTICLES]) == 8  # eight parts of four files or fewer
        edited = news / "article00011.json"
        edited.write_text(edited.read_text(encoding="utf-8").replace("Critics", "Opponents"), encoding="utf-8")
        assert store.update([news]).updated == [str(edited)]
        # the commit of the changed file merged none of them (Whoosh's MERGE_SMALL
        # merged them all: at 100k, 16 s for one file)
        for name in (ARTICLES, QUOTES):
            assert built[name] <= segment_ids(name)
        assert store.search("opponents").total == 1


def test_the_commit_that_completes_a_tier_merges_it(isolated, monkeypatch, tmp_path):
    news = generate_corpus(tmp_path / "news", 20)
    monkeypatch.setattr(writing, "BULK_FILES", 1)
    monkeypatch.setattr(writing, "PART_FILES", 2)  # ten parts of two files: a whole tier
    with Store.open(build_seeds=False) as store:
        store.update([news])
        for name in (ARTICLES, QUOTES):
            sizes = [s.doc_count_all() for s in whoosh_index.open_dir(str(isolated), indexname=name)._read_toc().segments]
            assert sizes == [20]  # merged by the run, not left for the next update to merge


def test_when_the_quotes_merge_fails_the_articles_commit_does_not_land(isolated, monkeypatch, tmp_path):
    news = generate_corpus(tmp_path / "news", 6)
    _parts_of_two_merged_by_threes(monkeypatch)
    first, rest = sorted(news.glob("*.json"))[:4], sorted(news.glob("*.json"))[4:]
    with Store.open(build_seeds=False) as store:
        store.update(first)  # two parts of two: a third completes the tier in both indexes
    part = writing._PartWriter(isolated / writing.INCOMING / "part")
    indexer = writing.Indexer(store.config)
    for path in rest:
        part.add(indexer.load(str(path), None, "", part.report))
    batch = writing.Batch(parts=[part.finish()])
    assert writing._merges(isolated, QUOTES, batch) and writing._merges(isolated, ARTICLES, batch)
    holder = whoosh_index.open_dir(str(isolated), indexname=QUOTES).writer()  # the helper cannot lock the quotes
    try:
        with pytest.raises(IndexBusyError):
            writing.write_both(isolated, batch)
    finally:
        holder.cancel()
    with Store.open(build_seeds=False) as store:
        assert store.count() == 4  # neither index took the part
        assert len(store.quotes()) == 4
        store.update([news])  # the next run reads the two files again: nothing lost
        assert store.count() == 6
        assert len(store.quotes()) == 6


def test_a_bulk_run_replaces_an_article_indexed_under_another_name(isolated, monkeypatch, tmp_path):
    news = generate_corpus(tmp_path / "news", 3)
    alias = generate_corpus(tmp_path / "alias", 1)
    (alias / "same.json").symlink_to(news / "article00001.json")  # the same article: its id is its real path's
    monkeypatch.setattr(writing, "BULK_FILES", 1)
    with Store.open(build_seeds=False) as store:
        store.update([news])
        store.update([alias])
        assert store.count() == 4
        assert [hit.path for hit in store.search("item1").hits] == [str(alias / "same.json")]


def _answers(store: Store) -> list:
    """What a reader sees of an index: each query's articles with their highlights, and
    quotes (as sets: documents are numbered, so ties are ordered, differently)."""
    answers = []
    for query in ("ceasefire", '"the ceasefire"', "critics late", "item1*", "Parliament -item3", "date:2024-03"):
        found = store.search(query, limit=100)
        answers.append((query, found.total, sorted((hit.id, hit.highlights) for hit in found.hits)))
    answers.append(sorted((q.article_id, q.text) for q in store.quotes("ceasefire")))
    return answers


def _documents(index_dir: Path) -> dict:
    """Everything an index keeps per document (stored fields, field lengths, columns),
    by the document's id, and each field's total length."""
    kept: dict = {}
    for name in (ARTICLES, QUOTES):
        with whoosh_index.open_dir(str(index_dir), indexname=name).reader() as reader:
            schema = reader.schema
            columns = {field: reader.column_reader(field) for field in schema.names() if reader.has_column(field)}
            for doc in reader.all_doc_ids():
                stored = reader.stored_fields(doc)
                kept[name, stored["id"]] = (
                    stored,
                    {field: reader.doc_field_length(doc, field) for field in schema.scorable_names()},
                    {field: column[doc] for field, column in columns.items()},
                )
            kept[name] = {field: reader.field_length(field) for field in schema.scorable_names()}
    return kept


@pytest.mark.parametrize("release_bytes", [segments.RELEASE_BYTES, 1],
                         ids=["pages-released-every-few-megabytes", "pages-released-at-every-term"])
def test_merged_segments_answer_as_the_same_documents_written_at_once(isolated, monkeypatch, tmp_path, release_bytes):
    news = generate_corpus(tmp_path / "news", 40)
    edited = [news / f"article{n:05d}.json" for n in (3, 17, 31)]
    _parts_of_two_merged_by_threes(monkeypatch)
    monkeypatch.setattr(segments, "RELEASE_BYTES", release_bytes)  # in this process: the articles' merges
    released = []
    monkeypatch.setattr(segments, "_released", _recording(segments._released, released))
    with Store.open(build_seeds=False) as store:
        store.update([news])
        for path in edited:  # their old documents are deleted from segments merged later
            path.write_text(path.read_text(encoding="utf-8").replace("Critics", "Opponents"), encoding="utf-8")
        store.update(edited)
        more = generate_corpus(tmp_path / "more", 14)  # its last part merges the edited ones away
        store.update([more])
        merged = _answers(store)
        kept = _documents(isolated)
        segments_left = len(whoosh_index.open_dir(str(isolated), indexname=ARTICLES)._read_toc().segments)
    monkeypatch.setattr(writing, "BULK_FILES", 10**6)
    monkeypatch.setattr(writing, "BATCH_ARTICLES", 10**6)
    monkeypatch.setenv("NEWSX_INDEX", str(tmp_path / "at-once"))
    with Store.open(build_seeds=False) as store:
        store.update([news, more])
        assert _answers(store) == merged
    assert _documents(tmp_path / "at-once") == kept
    assert segments_left < 28  # 28 commits: merges happened
    assert any(end > start for start, end in released) == (release_bytes == 1)


def _recording(release, calls: list):
    """`segments._released`, each call's (start, returned end) recorded."""
    def recorded(mapping, start, end):
        calls.append((start, release(mapping, start, end)))
        return calls[-1][1]
    return recorded


def test_an_index_whose_stored_fields_whoosh_pickled_still_reads_and_merges(isolated, monkeypatch, tmp_path):
    news, more = generate_corpus(tmp_path / "news", 8), generate_corpus(tmp_path / "more", 8)
    monkeypatch.setattr(writing, "BULK_FILES", 10**6)  # written here, where CODECS is patched
    monkeypatch.setattr(writing, "BATCH_ARTICLES", 4)
    monkeypatch.setattr(writing, "MERGE_FACTOR", 3)  # the fourth commit merges the four into one
    current = writing.CODECS
    monkeypatch.setattr(writing, "CODECS", {ARTICLES: segments._Codec(STORED_COLUMN),
                                            QUOTES: segments._Codec(PickleColumn(VarBytesColumn()))})
    with Store.open(build_seeds=False) as store:
        store.update([news])  # two segments, as an index of an earlier newsx
        monkeypatch.setattr(writing, "CODECS", current)
        store.update([more])
        mixed = _answers(store)
    kept = _documents(isolated)
    monkeypatch.setenv("NEWSX_INDEX", str(tmp_path / "now"))
    with Store.open(build_seeds=False) as store:
        store.update([news, more])
        assert _answers(store) == mixed
    assert _documents(tmp_path / "now") == kept


def test_an_index_written_now_names_only_whooshs_columns_so_an_earlier_newsx_opens_it(isolated, tmp_path):
    with Store.open(build_seeds=False) as store:
        store.update([generate_corpus(tmp_path / "news", 3)])
    for name in (ARTICLES, QUOTES):  # the segments' codecs, as their table of contents keeps them
        assert {type(s._codec.stored) for s in whoosh_index.open_dir(str(isolated), indexname=name)._read_toc().segments} \
            == {PickleColumn}


def test_a_commit_too_big_to_hold_in_memory_spills_and_answers_the_same(isolated, monkeypatch, tmp_path):
    news = generate_corpus(tmp_path / "news", 30)
    with Store.open(build_seeds=False) as store:
        store.update([news])
        held = _answers(store)
    monkeypatch.setattr(segments, "SPILL_POSTINGS", 200)  # a few articles' postings
    monkeypatch.setattr(writing, "LIMIT_MB", 0.05)  # and Whoosh's pool writes runs to disk
    monkeypatch.setenv("NEWSX_INDEX", str(tmp_path / "spilled"))
    with Store.open(build_seeds=False) as store:
        store.update([news])
        assert _answers(store) == held


def test_flushing_asks_the_file_system_per_field_not_per_posting(tmp_path, monkeypatch):
    whoosh_index.create_in(str(tmp_path), SCHEMAS[QUOTES](), indexname=QUOTES)
    asked: list[str] = []
    original = W3PerDocReader.has_column

    def has_column(self, fieldname):
        asked.append(fieldname)
        return original(self, fieldname)

    monkeypatch.setattr(W3PerDocReader, "has_column", has_column)
    docs = [dict(article_id=f"a{n}", path=f"p{n}", kind="speech", text=f"words number {n}") for n in range(50)]
    writing.write(tmp_path, QUOTES, writing.Batch(files=[writing.ChangedFile("p", False, quotes=docs)]))
    assert max(Counter(asked).values()) <= 2  # per field, not per posting of the 50 documents
    with whoosh_index.open_dir(str(tmp_path), indexname=QUOTES).searcher() as searcher:
        assert searcher.doc_count() == 50

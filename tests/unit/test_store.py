"""The index on disk: seeds on first open, incremental updates, the lock, crashes, rebuilds."""

from __future__ import annotations

import json
import multiprocessing
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest
from index_helpers import copy_seeds, generate_corpus, isolated, write_article  # noqa: F401

from newsx.index.config import Config
from newsx.index.errors import IndexBusyError, NewsxError
import newsx.index.writing as writing
from newsx.index.store import META_FILE, Store
from newsx.tui.cli import main


def test_first_open_builds_the_seed_index_and_says_so(isolated):
    with Store.open() as store:
        assert store.index_dir == isolated
        assert store.count() == 4
        assert store.notice == f"No index yet: built one from the 4 bundled seed articles in {isolated}"
    with Store.open() as again:
        assert again.notice is None
        assert again.count() == 4


def test_update_adds_then_leaves_unchanged_files_alone(isolated, tmp_path):
    news = copy_seeds(tmp_path / "news")
    with Store.open(build_seeds=False) as store:
        assert store.count() == 0
        first = store.update([news])
        assert sorted(Path(p).name for p in first.added) == sorted(p.name for p in news.glob("*.txt"))
        assert first.skipped == []
        second = store.update()
        assert (second.added, second.updated, second.removed, second.unchanged) == ([], [], [], 4)
        assert store.count() == 4


def test_editing_one_file_updates_exactly_that_article(isolated, tmp_path):
    news = copy_seeds(tmp_path / "news")
    edited = news / "001_6957523742b985da.txt"
    with Store.open(build_seeds=False) as store:
        store.update([news])
        before = {hit.id for hit in store.search("").hits}
        edited.write_text(edited.read_text(encoding="utf-8") + "\n\nA zebra crossing was repainted.", encoding="utf-8")
        report = store.update()
        assert report.updated == [str(edited)]
        assert (report.added, report.removed, report.unchanged) == ([], [], 3)
        assert {hit.id for hit in store.search("").hits} == before
        assert [hit.path for hit in store.search("zebra").hits] == [str(edited)]


def test_a_changed_manifest_entry_reindexes_its_file(isolated, tmp_path):
    news = copy_seeds(tmp_path / "news")
    manifest = news / "manifest.yaml"
    with Store.open(build_seeds=False) as store:
        store.update([news])
        manifest.write_text(
            manifest.read_text(encoding="utf-8").replace("outlet: Sky News", "outlet: Sky News Online"),
            encoding="utf-8",
        )
        report = store.update()
        assert [Path(p).name for p in report.updated] == ["002_9294787340d87288.txt"]
        assert [hit.outlet for hit in store.search("outlet:online").hits] == ["Sky News Online"]


def test_deleted_files_are_removed_and_their_quotes_with_them(isolated, tmp_path):
    news = copy_seeds(tmp_path / "news")
    gone = news / "003_db37e839a3b2f4ed.txt"
    with Store.open(build_seeds=False) as store:
        store.update([news])
        assert store.quotes(speaker="Sadiq Khan")
        gone.unlink()
        report = store.update()
        assert report.removed == [str(gone)]
        assert store.count() == 3
        assert store.search("Sadiq").total == 1  # only the Sky News piece still names him
        assert all(q.path != str(gone) for q in store.quotes())


def test_files_that_cannot_be_read_are_reported_and_the_rest_indexed(isolated, tmp_path):
    news = tmp_path / "news"
    write_article(news, "good.json", "Anas Sarwar spoke about the ceasefire.")
    (news / "broken.json").write_text("{not json", encoding="utf-8")
    (news / "notes.pdf").write_bytes(b"%PDF-1.4")
    with Store.open(build_seeds=False) as store:
        report = store.update([news])
        assert [Path(p).name for p in report.added] == ["good.json"]
        reasons = {Path(problem.path).name: problem.message for problem in report.skipped}
        assert set(reasons) == {"broken.json", "notes.pdf"}
        assert "unsupported" in reasons["notes.pdf"]
        assert store.count() == 1


def test_update_with_nothing_recorded_says_what_to_do(isolated):
    with Store.open(build_seeds=False) as store, pytest.raises(NewsxError, match="give a file or folder"):
        store.update()


CHILD = textwrap.dedent("""
    import sys
    from pathlib import Path
    import newsx.index.writing as writing
    from newsx.index.store import Store

    index_dir, corpus, mode = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
    writing.BATCH_ARTICLES = 10

    def wait(message):
        print(message, flush=True)
        sys.stdin.readline()

    progress = None
    if mode == "hold":            # stop inside the run, with the lock held
        progress = lambda done, total, path: wait("updating") if done == 1 else None
    elif mode == "cli-mid-batch":  # `newsx index`: two batches committed, a third half read
        from newsx.tui.cli import main
        load, loads = writing.Indexer.load, []
        def load_and_wait(indexer, *args):
            loads.append(1)
            if len(loads) == 25:
                wait("midway")
            return load(indexer, *args)
        writing.Indexer.load = load_and_wait
        sys.exit(main(["--index", index_dir, "index", str(corpus)]))
    elif mode == "between-commits":  # the second batch's quotes committed, its articles not
        original = writing.Batch.article_docs
        calls = []
        def article_docs(batch):
            calls.append(batch)
            if len(calls) == int(sys.argv[4]):
                wait("between")
            return original(batch)
        writing.Batch.article_docs = article_docs
    report = Store.open(Path(index_dir), build_seeds=False).update([corpus], progress)
    print("done", len(report.added), flush=True)
""")


def _child(tmp_path: Path, *args: str) -> subprocess.Popen:
    script = tmp_path / "child.py"
    script.write_text(CHILD, encoding="utf-8")
    return subprocess.Popen(
        [sys.executable, str(script), *args], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )


def test_a_second_writer_gets_index_busy_while_another_process_updates(isolated, tmp_path):
    news = generate_corpus(tmp_path / "news", 3)
    child = _child(tmp_path, str(isolated), str(news), "hold")
    try:
        assert child.stdout.readline() == "updating\n"
        with Store.open(build_seeds=False) as store:
            with pytest.raises(IndexBusyError, match="index is being updated by another process"):
                store.update([news])
            assert store.search("item1").total == 0  # reading goes on meanwhile
    finally:
        child.stdin.write("\n")
        child.stdin.close()
        assert child.wait() == 0
    assert child.stdout.read() == "done 3\n"
    with Store.open(build_seeds=False) as store:
        assert store.update([news]).unchanged == 3


def test_killed_mid_run_leaves_a_searchable_index_and_the_next_run_finishes(isolated, tmp_path):
    news = generate_corpus(tmp_path / "news", 40)
    child = _child(tmp_path, str(isolated), str(news), "cli-mid-batch")
    assert child.stdout.readline() == "midway\n"
    child.kill()  # SIGKILL: no cleanup of any kind
    child.wait()
    with Store.open(build_seeds=False) as store:
        assert store.count() == 20
        assert store.search("ceasefire").total == 20
    assert main(["index"]) == 0  # the folder was recorded before the crash
    with Store.open(build_seeds=False) as store:
        assert store.count() == 40
        assert store.search("item39").total == 1
        assert store.update().unchanged == 40


def test_quotes_committed_without_their_article_are_ignored_until_repaired(isolated, tmp_path):
    news = generate_corpus(tmp_path / "news", 20)
    child = _child(tmp_path, str(isolated), str(news), "between-commits", "2")
    assert child.stdout.readline() == "between\n"
    child.kill()
    child.wait()
    with Store.open(build_seeds=False) as store:
        indexed = {hit.id for hit in store.search("", limit=100).hits}
        assert len(indexed) == 10
        quotes = store.quotes()
        assert {q.article_id for q in quotes} == indexed
    assert main(["index"]) == 0
    with Store.open(build_seeds=False) as store:
        assert store.count() == 20
        assert {q.article_id for q in store.quotes()} == {hit.id for hit in store.search("", limit=100).hits}


def test_an_edited_article_never_shows_quotes_of_another_version(isolated, tmp_path):
    news = generate_corpus(tmp_path / "news", 3)
    with Store.open(build_seeds=False) as store:
        store.update([news])
        target = store.search("item1").hits[0].id
        assert len(store.quotes(article_ids=[target])) == 1
    edited = news / "article00001.json"
    edited.write_text(edited.read_text(encoding="utf-8").replace("We must talk", "We shall argue"), encoding="utf-8")
    child = _child(tmp_path, str(isolated), str(news), "between-commits", "1")
    assert child.stdout.readline() == "between\n"
    child.kill()
    child.wait()
    with Store.open(build_seeds=False) as store:
        assert store.quotes(article_ids=[target]) == []  # old ones deleted, new ones not yet valid
    assert main(["index"]) == 0
    with Store.open(build_seeds=False) as store:
        assert [q.text for q in store.quotes(article_ids=[target])][0].startswith("We shall argue")


def test_an_index_of_another_schema_version_is_rebuilt_from_its_folders(isolated, tmp_path):
    news = copy_seeds(tmp_path / "news")
    with Store.open(build_seeds=False) as store:
        store.update([news])
    meta_path = isolated / META_FILE
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta_path.write_text(json.dumps({**meta, "schema_version": 0}), encoding="utf-8")
    with Store.open() as store:
        assert "rebuilt" in store.notice and "1 recorded folder" in store.notice
        assert store.count() == 4
        assert store.search("ceasefire AND Sarwar").total == 2
    assert json.loads(meta_path.read_text(encoding="utf-8")) == meta


def test_refresh_sees_another_process_commits_exactly_once(isolated, tmp_path):
    news = generate_corpus(tmp_path / "news", 12)
    special = write_article(news, "special.json", "An aardvark was seen near Parliament.")
    with Store.open(build_seeds=False) as store:
        store.update([news])
        special.write_text(special.read_text(encoding="utf-8").replace("aardvark", "walrus"), encoding="utf-8")
        generate_corpus(tmp_path / "more", 30)
        for extra in (tmp_path / "more").glob("*.json"):
            extra.rename(news / f"more-{extra.name}")
        child = _child(tmp_path, str(isolated), str(news), "none")  # several commits, merging segments
        assert child.wait() == 0
        assert store.count() == 13  # the old state until refreshed
        store.refresh()
        ids = [hit.id for hit in store.search("", limit=500).hits]
        assert store.count() == len(ids) == len(set(ids)) == 43
        assert store.search("walrus").total == 1
        assert store.search("aardvark").total == 0


def test_searching_in_a_thread_while_another_process_commits_never_fails(isolated, tmp_path):
    news = generate_corpus(tmp_path / "news", 60)
    errors: list[BaseException] = []
    with Store.open(build_seeds=False) as store:
        child = _child(tmp_path, str(isolated), str(news), "none")

        def searching() -> None:
            try:
                while child.poll() is None:
                    store.refresh()
                    store.search("ceasefire item*")
                    store.quotes("ceasefire")
                    store.people("")
            except BaseException as exc:  # noqa: BLE001 - the test reports any failure
                errors.append(exc)

        worker = threading.Thread(target=searching)
        worker.start()
        worker.join()
        assert child.wait() == 0
        store.refresh()
        assert errors == []
        assert store.count() == 60


def test_an_index_inside_the_indexed_folder_is_not_indexed_itself(tmp_path):
    news = copy_seeds(tmp_path / "news")
    with Store.open(news / "index", Config(path=tmp_path / "config.yaml"), build_seeds=False) as store:
        store.update([news])
        report = store.update([news])
        assert (report.unchanged, report.skipped) == (4, [])


def test_files_read_by_worker_processes_are_indexed_as_when_read_here(isolated, tmp_path, monkeypatch):
    news = generate_corpus(tmp_path / "news", 30)
    (news / "broken.json").write_text("{not json", encoding="utf-8")

    def indexed(store: Store) -> tuple:
        return (store.count(), store.search("ceasefire").total, sorted(q.text for q in store.quotes()))

    with Store.open(tmp_path / "here", build_seeds=False) as store:
        here = store.update([news])
        expected = indexed(store)
    monkeypatch.setattr(writing, "BULK_FILES", 1)
    monkeypatch.setattr(writing, "PART_FILES", 4)
    with Store.open(build_seeds=False) as store:
        pooled = store.update([news])
        assert indexed(store) == expected
        assert sorted(pooled.added) == sorted(here.added)
        assert pooled.skipped == here.skipped and len(pooled.skipped) == 1
        edited = news / "article00007.json"
        edited.write_text(edited.read_text(encoding="utf-8").replace("item7", "item77"), encoding="utf-8")
        again = store.update([news])
        assert (again.updated, again.unchanged) == ([str(edited)], 29)
        assert store.search("item77").total == 1


def test_a_stop_while_workers_read_commits_what_was_read_and_ends_them(isolated, tmp_path, monkeypatch):
    news = generate_corpus(tmp_path / "news", 30)
    monkeypatch.setattr(writing, "BULK_FILES", 1)
    monkeypatch.setattr(writing, "PART_FILES", 2)
    stop = threading.Event()
    with Store.open(build_seeds=False) as store:
        report = store.update([news], lambda done, total, path: stop.set() if done == 10 else None, stop=stop)
        # what the workers had read when they were told is committed; the rest is left
        assert report.interrupted and 10 <= len(report.added) < 30
        assert store.count() == len(report.added)
        assert store.update([news]).added and store.count() == 30
    assert multiprocessing.active_children() == []

"""`newsx analyze`, run as a user runs it: the JSON the extraction scorer reads, the
readable summary, and files that cannot be read."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import newsx.seeds
from newsx.index.clean import load_rules
from newsx.index.corpus import load_file

NEWSX = str(Path(sys.executable).with_name("newsx"))
SEEDS = Path(newsx.seeds.__file__).parent


def newsx_cmd(*args: str, cwd: Path, config: Path | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ, NEWSX_CONFIG=str(config or cwd / "no-config.yaml"))
    return subprocess.run([NEWSX, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


def test_json_has_the_scorers_schema_and_offsets_slice_the_body():
    names = sorted(p.name for p in SEEDS.glob("*.txt"))
    done = newsx_cmd("analyze", "--json", *names, cwd=SEEDS)
    assert done.returncode == 0, done.stderr
    articles = json.loads(done.stdout)["articles"]
    assert [a["path"] for a in articles] == names
    for entry in articles:
        assert set(entry) == {"path", "people", "quotes", "stances"}
        body = load_file(SEEDS / entry["path"], load_rules()).articles[0].body
        names_found = {p["name"] for p in entry["people"]}
        for person in entry["people"]:
            assert set(person) == {"name", "aliases", "role", "mentions"} and person["mentions"] >= 1
        for quote in entry["quotes"]:
            assert set(quote) == {"text", "speaker", "start", "end", "kind"}
            assert body[quote["start"]:quote["end"]] == quote["text"]
            assert quote["speaker"] is None or quote["speaker"] in names_found
            assert quote["kind"] in ("speech", "fragment")
        for stance in entry["stances"]:
            assert set(stance) == {"person", "topic", "stance", "evidence"}
            assert stance["person"] in names_found and stance["evidence"] in body
            assert stance["stance"] in ("support", "oppose", "neutral")
    first = next(a for a in articles if a["path"].startswith("000_"))
    decided = {(s["person"], s["topic"], s["stance"]) for s in first["stances"]}
    assert ("Keir Starmer", "arms-ban", "oppose") in decided


def test_summary_prints_article_text_as_text_not_markup(tmp_path):
    (tmp_path / "a.txt").write_text(
        "Health secretary Wes Streeting said: “[bold]Fix[/bold] the [/ NHS [link=https://x]now[/link].”\n",
        encoding="utf-8")
    done = newsx_cmd("analyze", "a.txt", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "Wes Streeting, Health secretary" in done.stdout
    assert "“[bold]Fix[/bold] the [/ NHS [link=https://x]now[/link].” — Wes Streeting" in done.stdout


def test_summary_says_each_stance_in_words_with_its_evidence_neutral_ones_too(tmp_path):
    (tmp_path / "a.txt").write_text(
        "The war in Gaza went on.\n\nAnas Sarwar called for a ceasefire in Gaza. "
        "Yvette Cooper declined to say whether she backed a ceasefire.\n", encoding="utf-8")
    done = newsx_cmd("analyze", "a.txt", cwd=tmp_path)
    lines = done.stdout.splitlines()
    assert "  Stances (2)" in lines
    assert "    Anas Sarwar supports Gaza ceasefire" in lines
    assert "    Yvette Cooper neutral on Gaza ceasefire" in lines
    assert "      Yvette Cooper declined to say whether she backed a ceasefire." in lines


def test_unreadable_files_are_one_line_each_on_stderr_and_the_rest_is_analysed(tmp_path):
    (tmp_path / "good.txt").write_text("“We are ready,” said Tom Bell.\n", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"")
    done = newsx_cmd("analyze", "--json", "missing.txt", "good.txt", "bad.txt", cwd=tmp_path)
    assert done.returncode == 1
    assert len(done.stderr.strip().splitlines()) == 2
    assert all(line.startswith("newsx: ") for line in done.stderr.splitlines())
    [article] = json.loads(done.stdout)["articles"]
    assert article["path"] == "good.txt" and article["quotes"][0]["speaker"] == "Tom Bell"


@pytest.mark.parametrize("extra", ["topics:\n  - id: heat\n    label: Heat\n", "topics: [\n"])
def test_a_bad_topics_config_is_one_line_and_status_2(tmp_path, extra):
    config = tmp_path / "config.yaml"
    config.write_text(extra, encoding="utf-8")
    (tmp_path / "a.txt").write_text("Text.\n", encoding="utf-8")
    done = newsx_cmd("analyze", "a.txt", cwd=tmp_path, config=config)
    assert done.returncode == 2
    assert done.stderr.startswith(f"newsx: {config}:") and len(done.stderr.strip().splitlines()) == 1


def test_topics_from_the_config_are_used(tmp_path):
    config = tmp_path / "config.yaml"
    config.write_text("topics:\n  - id: heat-pumps\n    label: Heat pumps\n    keywords: [heat pump*]\n"
                      "    support: [heat pump*]\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Ruth Gale called for heat pumps in every new home.\n", encoding="utf-8")
    done = newsx_cmd("analyze", "--json", "a.txt", cwd=tmp_path, config=config)
    assert json.loads(done.stdout)["articles"][0]["stances"] == [{
        "person": "Ruth Gale", "topic": "heat-pumps", "stance": "support",
        "evidence": "Ruth Gale called for heat pumps in every new home."}]

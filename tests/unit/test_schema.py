"""The text fields index exactly what Whoosh's own analysis would: the same terms,
positions, characters and weights, so searches, phrases and highlights are unchanged."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import datetime
from pathlib import Path

import pytest
from whoosh import fields

from newsx.index.clean import load_rules
from newsx.index.corpus import load_file
from newsx.index.extract import analyze
from newsx.index.model import Analysis, Person, Quote, Stance
from newsx.index.schema import analysis_from_bytes, analysis_to_bytes, articles_schema, quotes_schema

SEEDS = sorted((Path(__file__).parents[2] / "seeds").iterdir())

TEXTS = [
    "The Prime Minister said the ceasefire must hold.",
    "a I of the  and",  # only stop words and one-letter words: no terms
    "The the THE government, governments governed; GOVERNMENT!",
    "Zelenskyy's talks — “working yesterday” to get back (to the table) in Kyiv…",
    "[bold]markup[/bold] \x1b[31mred\x1b[0m \u202e reversed \u0000 nul",
    "e.g. U.S. 3.5% v1.2.3 email@example.org 2024-04-30 don't",
    "gaz* *x a.*b ..a.. a..b _x_ 1.2. .5 word.",
    "Ünïcödé naïve café ΑΘΗΝΑ Москва 東京 straße",
    "said " * 40,
    "ceasefire " * 5000,  # a count past those worked out at import (schema._COUNTS)
    "",
]


def _whoosh_index(field: fields.FieldType, value: str) -> list:
    return list(fields.TEXT.index(field, value))


@pytest.mark.parametrize("schema", [articles_schema(), quotes_schema()], ids=["articles", "quotes"])
def test_text_fields_index_what_whoosh_would(schema):
    texts = TEXTS + [path.read_text(encoding="utf-8") for path in SEEDS if path.is_file()]
    text_fields = [name for name, field in schema.items() if isinstance(field, fields.TEXT)]
    assert text_fields
    for name in text_fields:
        field = schema[name]
        for text in texts:
            assert list(field.index(text)) == _whoosh_index(field, text), (name, text[:60])


NAMES = [
    "Keir Starmer,Anas Sarwar", "keir starmer", " Keir  Starmer , ,KEIR STARMER,", "ceasefire:support,arms-ban:oppose",
    "anas sarwar|ceasefire:support", "", ",", "Zelenskyy,Ünïcödé Naïve", "/news/2024/a file.txt", "abc:0",
    "   ", "  Mixed Case  ", "İstanbul",
]


@pytest.mark.parametrize("schema", [articles_schema(), quotes_schema()], ids=["articles", "quotes"])
def test_keyword_and_id_fields_index_what_whoosh_would(schema):
    named = [name for name, field in schema.items() if isinstance(field, (fields.KEYWORD, fields.ID))]
    assert named
    for name in named:
        field = schema[name]
        for value in NAMES:
            assert sorted(field.index(value)) == sorted(fields.FieldType.index(field, value)), (name, value)


@pytest.mark.parametrize("schema", [articles_schema(), quotes_schema()], ids=["articles", "quotes"])
def test_date_fields_index_what_whoosh_would(schema):
    field = schema["date"]
    for value in (datetime(2024, 4, 30), datetime(1970, 1, 1), datetime(2031, 12, 31, 23, 59), datetime(1, 1, 1)):
        for _ in range(2):  # worked out, then remembered
            assert list(field.index(value)) == list(fields.DATETIME.index(field, value)), value


def _analyses() -> list[Analysis]:
    rules = load_rules()
    seeds = [analyze(a) for path in SEEDS if path.suffix == ".txt" for a in load_file(path, rules).articles]
    made = Analysis(
        people=[Person("Anna Ünal", ["Ünal"], None, 2, [(0, 9), (40, 44)]), Person("Bo", role="MP")],
        quotes=[Quote("“Yes,” she said", None, 3, 18), Quote("No", "Bo", 20, 22, "fragment", [("nhs", "support")])],
        stances=[Stance("Bo", "nhs", "support", "No", 20, 22)],
    )
    return [*seeds, made, Analysis()]


def test_an_analysis_is_stored_as_the_json_of_its_fields_and_read_back_whole():
    analyses = _analyses()
    assert any(a.people and a.quotes and a.stances for a in analyses)
    for analysis in analyses:
        data = analysis_to_bytes(analysis)
        assert data == json.dumps(asdict(analysis), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        assert analysis_from_bytes(data) == analysis

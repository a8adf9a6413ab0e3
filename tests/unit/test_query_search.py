"""The query language over a real index: syntax, dates, filters, sorting, people, quotes."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, timedelta

import pytest
from index_helpers import SEED_DATES, copy_seeds, generate_corpus, isolated, write_article  # noqa: F401
from whoosh import query as wq

from newsx.index.config import Config
from newsx.index.errors import QueryError
from newsx.index.model import Filters, UnknownName
from newsx.index.search import EXPANSION_LIMIT, date_bounds, period
from newsx.index.store import Store

@pytest.fixture(scope="module")
def seeds(tmp_path_factory):
    """A Store over a copy of the four seed articles (shared: the tests only read it)."""
    root = tmp_path_factory.mktemp("seeds")
    news = copy_seeds(root / "news")
    with Store.open(root / "index", Config(path=root / "config.yaml"), build_seeds=False) as store:
        store.update([news])
        yield store


def names(result) -> set[str]:
    return {hit.path.rsplit("/", 1)[-1] for hit in result.hits}


def dated(*days: tuple[int, int, int]) -> set[str]:
    return {name for name, day in SEED_DATES.items() if (day.year, day.month, day.day) in days}


def test_words_must_all_match_by_default(seeds):
    both = seeds.search("ceasefire Sarwar")
    assert names(both) == names(seeds.search("ceasefire AND Sarwar"))
    assert names(both) == {"002_9294787340d87288.txt", "003_db37e839a3b2f4ed.txt"}
    assert names(seeds.search("ceasefire OR Sarwar")) > names(both)
    assert "003_db37e839a3b2f4ed.txt" not in names(seeds.search("ceasefire NOT Sarwar"))


def test_a_phrase_matches_the_words_together_only(isolated, tmp_path):
    news = tmp_path / "news"
    write_article(news, "a.json", "Ministers discussed arms sales to Israel.")
    write_article(news, "b.json", "Sales of arms were not discussed.")
    with Store.open(build_seeds=False) as store:
        store.update([news])
        assert names(store.search('"arms sales"')) == {"a.json"}
        assert names(store.search("arms sales")) == {"a.json", "b.json"}


def test_fields_narrow_to_titles_outlets_people_and_speakers(seeds):
    assert names(seeds.search("title:ukraine")) == {"002_9294787340d87288.txt"}
    assert names(seeds.search("outlet:sky")) == {"002_9294787340d87288.txt"}
    assert names(seeds.search('outlet:"the national"')) == {"001_6957523742b985da.txt"}
    assert names(seeds.search("person:sarwar")) == names(seeds.search('person:"Anas Sarwar"'))
    assert "003_db37e839a3b2f4ed.txt" in names(seeds.search("speaker:khan"))
    assert seeds.search("person:nobody").total == 0


def test_parts_that_match_nothing_or_everything_count_as_and_or_not_mean_them(seeds):
    # `person:` a name the index does not hold, or a wildcard no word begins: nothing
    # matches, not every article with the other words.
    assert seeds.search("ceasefire").total > 0
    for query in ("ceasefire person:nobody", "ceasefire speaker:nobody", "ceasefire zzq*",
                  "ceasefire AND (zzq* OR person:nobody)", "(zzq* ceasefire) OR zzq*"):
        assert seeds.search(query).total == 0, query
        assert seeds.people(query) == [], query
    assert seeds.quotes("ceasefire zzq*") == []
    assert names(seeds.search("ceasefire OR zzq*")) == names(seeds.search("ceasefire"))
    assert names(seeds.search("ceasefire NOT zzq*")) == names(seeds.search("ceasefire"))
    assert seeds.search("NOT person:nobody").total == 4
    assert names(seeds.search("ceasefire *")) == names(seeds.search("ceasefire"))  # * is everything
    assert names(seeds.search("ceasefire (NOT person:nobody)")) == names(seeds.search("ceasefire"))


def test_stance_and_topic_fields(seeds):
    support = names(seeds.search("stance:ceasefire:support"))
    assert "003_db37e839a3b2f4ed.txt" in support
    assert names(seeds.search("topic:ceasefire")) >= support
    assert names(seeds.search("stance:support")) >= support


def test_fuzzy_words_find_misspellings(seeds):
    assert seeds.search("starmr").total == 0
    assert seeds.search("starmr~").total == 4
    assert seeds.search("zelensky~2").total == 1


def test_a_one_letter_wildcard_expands_to_a_bounded_set_of_words(isolated, tmp_path):
    news = tmp_path / "news"
    words = " ".join(f"g{n:04d}" for n in range(400))
    write_article(news, "many.json", f"Glossary: {words}.")
    write_article(news, "few.json", "Gaza and Gaza and Gaza.")
    with Store.open(build_seeds=False) as store:
        store.update([news])
        compiled = store._articles_compiler.compile("g*", store.view.article_facets)
        expanded = [leaf for leaf in compiled.leaves() if isinstance(leaf, wq.Term)]
        assert 0 < len(expanded) <= 2 * EXPANSION_LIMIT  # title and body, each bounded
        assert names(store.search("g*")) == {"many.json", "few.json"}  # the frequent word kept
        assert names(store.search("g039*")) == {"many.json"}


def test_a_wildcard_repeated_after_new_articles_expands_to_their_words_too(isolated, tmp_path):
    news = tmp_path / "news"
    write_article(news, "gamma.json", "The gamma rays.")
    with Store.open(build_seeds=False) as store:
        store.update([news])
        assert names(store.search("gam*")) == {"gamma.json"}
        write_article(news, "gamut.json", "The whole gamut.")
        store.update([news])
        assert names(store.search("gam*")) == {"gamma.json", "gamut.json"}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("date:[2023-10-01 to 2023-11-30]", {(2023, 10, 27)}),
        ("date:[2023-10 to 2023-11]", {(2023, 10, 27)}),
        ("date:2024", {(2024, 10, 9), (2024, 4, 15)}),
        ("date:2024-04", {(2024, 4, 15)}),
        ("date:2024-04-15", {(2024, 4, 15)}),  # a day, not Whoosh's "all of 2024"
        ('date:"15 April 2024"', {(2024, 4, 15)}),
        ("date:>2024-04-15", {(2024, 10, 9), (2025, 3, 2)}),  # after that day
        ("date:>=2024-04-15", {(2024, 10, 9), (2025, 3, 2), (2024, 4, 15)}),
        ("date:<2024", {(2023, 10, 27)}),
        ("date:<=2024-04", {(2023, 10, 27), (2024, 4, 15)}),
        ("date:[2024-10 to]", {(2024, 10, 9), (2025, 3, 2)}),
        ("ceasefire date:2025", {(2025, 3, 2)}),
    ],
)
def test_date_ranges_select_exactly_the_days_meant(seeds, query, expected):
    assert names(seeds.search(query)) == dated(*expected)


def test_relative_dates(isolated, tmp_path):
    news = tmp_path / "news"
    today = date.today()
    write_article(news, "today.json", "Fresh news today.", day=today)
    write_article(news, "yesterday.json", "News from yesterday.", day=today - timedelta(days=1))
    write_article(news, "old.json", "Old news.", day=date(2001, 1, 1))
    with Store.open(build_seeds=False) as store:
        store.update([news])
        assert names(store.search("date:today")) == {"today.json"}
        assert names(store.search("date:yesterday")) == {"yesterday.json"}
        assert names(store.search('date:"last 7 days"')) == {"today.json", "yesterday.json"}


def test_named_periods():
    day = date(2024, 5, 15)  # a Wednesday
    assert period("last week", day) == (datetime(2024, 5, 6), datetime(2024, 5, 12, 23, 59, 59))
    assert period("this month", day)[0] == datetime(2024, 5, 1)
    assert period("last month", date(2024, 1, 10))[0] == datetime(2023, 12, 1)
    assert period("April 2024", day) == (datetime(2024, 4, 1), datetime(2024, 4, 30, 23, 59, 59))
    assert period("Apr 3, 2024", day)[0] == datetime(2024, 4, 3)
    assert date_bounds("[2024 to]", day) == (datetime(2024, 1, 1), None)


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("titel:gaza", "unknown field titel:"),
        ("date:soon", "date:soon: not a date"),
        ("date:2024-13-01", "not a date"),
        ("date:[2024 to 2023]", "ends before it starts"),
        ("x" * 10_000, "query too long"),
    ],
)
def test_malformed_queries_raise_one_clear_line(seeds, query, message):
    with pytest.raises(QueryError, match=message) as caught:
        seeds.search(query)
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize("query", ['"unbalanced', "(gaza OR israel", "gaza)", "[", "title:[a to", "*", "AND", "~", "^"])
def test_odd_queries_give_a_sensible_result(seeds, query):
    result = seeds.search(query)
    assert 0 <= result.total <= 4


def test_a_lone_star_or_empty_query_lists_everything_newest_first(seeds):
    for query in ("", "*", "  "):
        result = seeds.search(query)
        assert [hit.date for hit in result.hits] == sorted(SEED_DATES.values(), reverse=True)


def test_sort_by_date_and_paging(seeds):
    by_date = seeds.search("Starmer", sort="date")
    dates = [hit.date for hit in by_date.hits]
    assert dates == sorted(dates, reverse=True)
    page = seeds.search("Starmer", sort="date", limit=2, offset=2)
    assert (page.total, [h.id for h in page.hits]) == (by_date.total, [h.id for h in by_date.hits[2:4]])
    with pytest.raises(QueryError, match="unknown sort"):
        seeds.search("Starmer", sort="loudest")


def test_undated_articles_sort_last(isolated, tmp_path):
    news = tmp_path / "news"
    write_article(news, "undated.json", "Gaza talks.")
    write_article(news, "dated.json", "Gaza talks resumed.", day=date(2020, 1, 1))
    with Store.open(build_seeds=False) as store:
        store.update([news])
        assert [hit.path.rsplit("/", 1)[-1] for hit in store.search("").hits] == ["dated.json", "undated.json"]


def test_filters_narrow_and_an_empty_filter_matches_nothing(seeds):
    sarwar = seeds.search("", filters=Filters(person="Anas Sarwar"))
    assert names(sarwar) == names(seeds.search("person:sarwar"))
    assert seeds.search("", filters=Filters(person="Nobody At All")).total == 0  # not "no filter"
    assert seeds.search("ceasefire", filters=Filters(person="Nobody At All")).total == 0
    opposed = seeds.search("", filters=Filters(topic="ceasefire", stance="oppose"))
    assert names(opposed) == names(seeds.search("stance:ceasefire:oppose"))
    by_person = seeds.search("", filters=Filters(person="Anas Sarwar", topic="ceasefire", stance="support"))
    assert 0 < by_person.total <= sarwar.total
    assert seeds.search("", filters=Filters(person="Anas Sarwar", topic="ceasefire", stance="oppose")).total == 0


def test_a_persons_quote_count_is_the_speech_listed_for_them(seeds):
    # Scare quotes and 1-5-word fragments are neither listed nor exported, so not counted.
    speech = Counter(q.speaker for q in seeds.quotes(kind="speech"))
    fragments = Counter(q.speaker for q in seeds.quotes(kind="fragment"))
    everyone = seeds.people()
    assert any(fragments[p.name] for p in everyone)
    assert {p.name: p.quotes for p in everyone} == {p.name: speech[p.name] for p in everyone}


def test_people_are_counted_over_the_matching_articles(seeds):
    everyone = seeds.people()
    assert everyone[0].mentions >= everyone[-1].mentions
    sarwar = next(p for p in everyone if p.name == "Anas Sarwar")
    assert sarwar.articles == seeds.search("person:sarwar").total
    stance, when, evidence = sarwar.stances["ceasefire"]
    assert stance == "support" and evidence
    assert when == max(SEED_DATES[n] for n in names(seeds.search("person:sarwar stance:ceasefire:support")))
    narrowed = {p.name: p for p in seeds.people("date:2024-04")}
    assert narrowed["Anas Sarwar"].articles == 1
    assert seeds.people("", filters=Filters(person="Nobody At All")) == []


def test_people_under_a_stance_filter_are_those_whose_latest_stance_it_is(seeds):
    supporters = {p.name for p in seeds.people(filters=Filters(topic="ceasefire", stance="support"))}
    assert {"Anas Sarwar", "Sadiq Khan", "Imran Hussain"} <= supporters and "Keir Starmer" not in supporters
    for topic, stance in (("ceasefire", "support"), ("ceasefire", "oppose"), (None, "oppose")):
        people = seeds.people(filters=Filters(topic=topic, stance=stance))
        assert people, (topic, stance)
        for person in people:
            assert any(held == stance for on, (held, _, _) in person.stances.items() if on == (topic or on))
    # a topic alone narrows the articles, not the people in them
    assert len(seeds.people(filters=Filters(topic="ceasefire"))) > len(supporters)


def test_someone_who_changed_sides_is_listed_on_their_latest_side_of_the_matching_articles(tmp_path):
    news = tmp_path / "news"
    write_article(news, "early.json", "Anas Sarwar said he opposes a ceasefire in Gaza.", day=date(2023, 10, 20))
    write_article(news, "late.json", "Anas Sarwar said he supports a ceasefire in Gaza.", day=date(2024, 2, 1))
    with Store.open(tmp_path / "index", Config(path=tmp_path / "config.yaml"), build_seeds=False) as store:
        store.update([news])

        def sides(query: str = "") -> dict[str, set[str]]:
            return {stance: {p.name for p in store.people(query, filters=Filters(topic="ceasefire", stance=stance))}
                    for stance in ("support", "oppose")}

        assert sides() == {"support": {"Anas Sarwar"}, "oppose": set()}
        assert sides("date:2023") == {"support": set(), "oppose": {"Anas Sarwar"}}
        # chosen, he stays in the list of the articles where he opposed it
        chosen = store.people(filters=Filters(person="Anas Sarwar", topic="ceasefire", stance="oppose"))
        assert [p.name for p in chosen] == ["Anas Sarwar"]


def test_a_search_that_finds_nothing_names_the_mistyped_name_and_the_nearest_one_held(seeds):
    assert seeds.search("ceasefire person:sarwr").unknown == [UnknownName("person", "sarwr", "sarwar")]
    assert seeds.search('person:"anas sarwr"').unknown == [UnknownName("person", "anas sarwr", "anas sarwar")]
    assert seeds.search("outlet:independant").unknown == [UnknownName("outlet", "independant", "independent")]
    assert seeds.search("stance:ceasefire:suport").unknown == [
        UnknownName("stance", "ceasefire:suport", "ceasefire:support")]
    assert seeds.search("person:zzyzx").unknown == [UnknownName("person", "zzyzx", None)]
    assert seeds.search("person:zzq*").unknown == [UnknownName("person", "zzq*", None)]
    assert seeds.search("zzyzx person:sarwar").unknown == []  # the name is held: the word is not
    assert seeds.search("ceasefire NOT person:zzyzx").unknown == []
    assert seeds.search("walrus NOT person:zzyzx").unknown == []  # NOT asks for no one
    assert seeds.search("person:sarwar").unknown == []


def test_stance_counts_count_matching_articles(seeds):
    counts = seeds.stance_counts()
    assert counts[("ceasefire", "support")] == seeds.search("stance:ceasefire:support").total
    april = seeds.stance_counts("date:2024-04")  # one article
    assert april and set(april.values()) == {1}
    assert seeds.stance_counts("", filters=Filters(person="Nobody At All")) == {}


def test_quotes_by_speaker_topic_stance_and_article(seeds):
    khan = seeds.quotes(speaker="Khan")
    assert khan and {q.speaker for q in khan} == {"Sadiq Khan"}
    assert all(q.title and q.outlet and q.path for q in khan)
    on_ceasefire = seeds.quotes(topic="ceasefire", stance="support")
    assert on_ceasefire and all(("ceasefire", "support") in q.stances for q in on_ceasefire)
    article = khan[0].article_id
    mine = seeds.quotes(article_ids=[article])
    assert {q.article_id for q in mine} == {article}
    assert [q.start for q in mine] == sorted(q.start for q in mine)
    assert seeds.quotes(article_ids=[]) == []
    assert all(q.kind == "speech" for q in seeds.quotes(kind="speech"))
    assert len(seeds.quotes(limit=3)) == 3
    assert seeds.quotes(speaker="Nobody At All") == []


def test_quote_counts_are_what_an_unlimited_search_finds(seeds):
    for query, options in [("", {}), ("ceasefire", {}), ("", {"speaker": "Khan"}), ("", {"kind": "speech"}),
                           ("", {"topic": "ceasefire", "stance": "support"}), ("zzyzx", {})]:
        assert seeds.count_quotes(query, **options) == len(seeds.quotes(query, **options)), (query, options)
    assert seeds.count_quotes() > len(seeds.quotes(limit=3))


def test_a_speaker_no_quote_holds_is_named_with_the_nearest_one(seeds):
    assert seeds.unknown_speaker("Khan") is None
    assert seeds.unknown_speaker("Sadiq Kahn") == UnknownName("speaker", "Sadiq Kahn", "sadiq khan")
    assert seeds.unknown_speaker("Nobody At All") == UnknownName("speaker", "Nobody At All", None)
    assert seeds.unknown_names("ceasefire speaker:sarwr", quotes=True) == [UnknownName("speaker", "sarwr", "sarwar")]


def test_quote_text_queries(seeds):
    found = seeds.quotes("ceasefire")
    assert found and all("ceasefire" in q.text.lower() for q in found)
    assert {q.speaker for q in seeds.quotes("speaker:khan ceasefire")} == {"Sadiq Khan"}
    with pytest.raises(QueryError, match="unknown field title:"):
        seeds.quotes("title:gaza")


def test_article_returns_the_text_and_analysis(seeds):
    hit = seeds.search("title:ukraine").hits[0]
    indexed = seeds.article(hit.id)
    assert indexed.article.title == hit.title and indexed.article.date == date(2025, 3, 2)
    assert indexed.article.removed  # the Sky News page's crawl boilerplate, kept for provenance
    assert any(p.name == "Keir Starmer" for p in indexed.analysis.people)
    assert all(indexed.article.body[q.start:q.end] == q.text for q in indexed.analysis.quotes)
    assert seeds.article("no-such-id") is None


def test_article_ids_lists_every_match_newest_first_and_narrows_quotes(seeds):
    ids = seeds.article_ids("ceasefire")
    assert set(ids) == {hit.id for hit in seeds.search("ceasefire").hits}
    dates = [seeds.article(i).article.date for i in ids]
    assert dates == sorted(dates, reverse=True)
    assert len(seeds.article_ids("")) == 4
    assert seeds.article_ids("", filters=Filters(person="Nobody At All")) == []
    narrowed = seeds.quotes(article_ids=ids)
    assert narrowed and {q.article_id for q in narrowed} == set(ids)
    assert seeds.quotes(article_ids=["no-such-article"]) == []


def test_totals_are_exact_for_or_queries_whatever_the_page_size(isolated, tmp_path):
    news = generate_corpus(tmp_path / "news", 120)
    write_article(news, "rare.json", "A walrus spoke about the ceasefire.")
    with Store.open(build_seeds=False) as store:
        store.update([news])
        for text in ("walrus OR ceasefire", "walrus OR item7*", "walrus OR critics OR parliament"):
            expected = len(store.article_ids(text))
            assert [store.search(text, limit=n).total for n in (1, 5, 50)] == [expected] * 3
        assert store.search("walrus OR ceasefire", limit=1).hits[0].path.endswith("rare.json")

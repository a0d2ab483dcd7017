"""QuoteBank.search and the QuoteList helpers: every filter, alone and combined, in memory and on disk,
and hostile input that must give results or a clear error, never a crash or a hang."""

from __future__ import annotations

import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import quotebank.collection.filters
import quotebank.collection.store
import quotebank.io.export
from quotebank import (
    InvalidArgumentError,
    InvalidDateError,
    InvalidQueryError,
    QueryTimeoutError,
    Quote,
    QuoteBank,
    QuoteKind,
    QuoteList,
    Speaker,
)
from quotebank.collection.filters import QuoteFilter, stem, words
from tests.conftest import SEEDS

KYIV = SEEDS / "000_39001c3f19b39482.txt"
ANADOLU = SEEDS / "004_682f09ba88d465d4.txt"


def _seed_bank(path: Path | None = None) -> QuoteBank:
    bank = QuoteBank() if path is None else QuoteBank.open(path)
    bank.add(KYIV.read_text(encoding="utf-8"), outlet="Kyiv Post", published="2026-02-05")
    bank.add(ANADOLU.read_text(encoding="utf-8"))
    return bank


@pytest.fixture(params=["memory", "file"])
def bank(request: pytest.FixtureRequest, tmp_path: Path) -> QuoteBank:
    return _seed_bank(None if request.param == "memory" else tmp_path / "bank.db")


def _texts(quotes: QuoteList) -> list[str]:
    return [q.text for q in quotes]


def test_search_without_filters_gives_every_quote_by_date_then_position(bank: QuoteBank) -> None:
    found = bank.search()
    assert len(found) == len(bank) == 19
    assert isinstance(found, QuoteList)
    # Kyiv Post (2026-02-05, a date) sorts before Anadolu (2026-02-05 03:31); within an article, text order
    assert [q.outlet for q in found] == ["Kyiv Post"] * 12 + ["Anadolu Agency"] * 7
    kyiv = [q.start for q in found[:12]]
    assert kyiv == sorted(kyiv)
    assert list(bank) == list(found)


def test_iter_search_streams_what_search_finds(bank: QuoteBank, monkeypatch: pytest.MonkeyPatch) -> None:
    assert list(bank.iter_search()) == list(bank.search())
    assert list(bank.iter_search("exchange", kind="partial")) == list(bank.search("exchange", kind="partial"))
    assert list(bank.iter_search(speaker="witkoff", limit=2)) == list(bank.search(speaker="witkoff", limit=2))
    with pytest.raises(InvalidArgumentError):
        bank.iter_search(limit=-1)  # the filters are checked before the first quote is asked for
    decoded: list[object] = []
    decode = quotebank.io.export.quote_from_dict

    def counting(data: dict[str, Any]) -> Quote:
        decoded.append(data)
        return decode(data)

    monkeypatch.setattr(quotebank.collection.store, "quote_from_dict", counting)
    quotes = bank.iter_search()
    assert decoded == []
    first = next(quotes)
    assert first == bank.search(limit=1)[0]
    assert len(decoded) == 1 + 1  # the quote given, and the one search(limit=1) read: not the whole bank


def test_text_matches_stems_prefixes_case_and_accents(bank: QuoteBank) -> None:
    exchange = bank.search("EXCHANGES")
    assert all(any(w.startswith("exchang") for w in words(q.text)) for q in exchange)
    assert "expanding Ukraine's exchange fund." in _texts(exchange)
    assert any("exchanging" in q.text for q in exchange)
    assert _texts(bank.search("détailed prodúctive")) == [
        "detailed and productive,",
        "detailed and productive.",
    ]
    assert _texts(bank.search("sensit")) == [
        "the most sensitive and complex issues, such as territorial issues,"
    ]
    assert bank.search("nonexistentword") == QuoteList()


def test_speaker_in_any_spelling(bank: QuoteBank) -> None:
    zelenskyy = bank.search(speaker="Volodymyr Zelenskyy")
    assert len(zelenskyy) == 9
    for spelling in ("zelensky", "Zelenskiy", "ZELENSKYY", "President Zelensky"):
        assert bank.search(speaker=spelling) == zelenskyy
    # the related link in Anadolu names him 'Zelensky' only: the bank knows it is the same man
    assert "likely" in _texts(zelenskyy)
    assert bank.search(speaker=bank.speaker("zelensky")) == zelenskyy
    assert len(bank.search(speaker="Steve Witkoff")) == len(bank.search(speaker="Witkoff")) == 9
    assert bank.search(speaker="Nobody Atall") == QuoteList()


def test_regex_outlet_dates_kinds_and_limit(bank: QuoteBank) -> None:
    assert _texts(bank.search(regex=r"\bUkraine\b", outlet="anadolu agency")) == [
        "Today, delegations from the United States, Ukraine, and Russia agreed to exchange 314 prisoners—the "
        "first such exchange in five months,",
        "While significant work remains, steps like this demonstrate that sustained diplomatic engagement "
        "is delivering tangible results and advancing efforts to end the war in Ukraine,",
    ]
    assert len(bank.search(outlet="Kyiv Post")) == 12
    assert len(bank.search(since="2026-02-05T03:00")) == 7
    assert len(bank.search(until=date(2026, 2, 5))) == 19  # a day without a time includes the whole day
    assert len(bank.search(until=datetime(2026, 2, 5, 3, 0))) == 12
    assert bank.search(since=date(2026, 2, 6)) == QuoteList()
    assert _texts(bank.search(kind=QuoteKind.RELATED)) == ["likely", "constructive"]
    assert len(bank.search(kind=["headline", "related"])) == 3
    assert _texts(bank.search(limit=2)) == ["tangible results", "detailed and productive,"]
    assert bank.search(limit=0) == QuoteList()


def test_filters_combine(bank: QuoteBank) -> None:
    found = bank.search("results", speaker="witkoff", outlet="Kyiv Post", kind="partial", until="2026-02-05")
    assert _texts(found) == [
        "while significant work remains, steps like this demonstrate that sustained diplomatic engagement "
        "is delivering tangible results and advancing efforts to end the war in Ukraine."
    ]


def test_zoned_times_compare_in_utc() -> None:
    bank = QuoteBank()
    kyiv_time = timezone(timedelta(hours=2))
    bank.add('"Early," Jane Doe said.', published=datetime(2026, 3, 1, 1, 0, tzinfo=kyiv_time))  # 23:00 UTC
    bank.add('"Late," Jane Doe said.', published=datetime(2026, 2, 28, 23, 30))
    assert _texts(bank.search()) == ["Early,", "Late,"]
    assert _texts(bank.search(since="2026-03-01")) == []
    assert _texts(bank.search(until="2026-02-28")) == ["Early,", "Late,"]


def test_quote_list_helpers_share_the_filters(bank: QuoteBank) -> None:
    quotes = QuoteList(bank)
    assert quotes.by_speaker("Witkoff") == bank.search(speaker="Witkoff")
    assert quotes.matching(r"tangible \w+") == bank.search(regex=r"tangible \w+")
    assert quotes.containing("prisoners") == bank.search("prisoners")
    assert quotes.from_outlet("KYIV POST") == bank.search(outlet="Kyiv Post")
    assert quotes.between("2026-02-05T03:00", "2026-02-05T04:00") == bank.search(
        since="2026-02-05T03:00", until="2026-02-05T04:00"
    )
    assert quotes.search("war", kind="sentence", limit=1) == bank.search("war", kind="sentence", limit=1)
    # on a plain list, a speaker is matched on the quote's own names: the related link says only 'Zelensky'
    assert len(quotes.by_speaker("Zelensky")) == 9
    assert len(quotes.by_speaker("Volodymyr Zelenskyy")) == 8
    assert quotes.by_speaker(Speaker("Steve Witkoff")) == quotes.by_speaker("steve witkoff")


@pytest.mark.parametrize(
    "query",
    [
        '"; DROP TABLE quotes; --',
        "'; DELETE FROM articles WHERE 1=1; --",
        '"unbalanced',
        "NEAR(war peace",
        "war OR peace AND NOT (",
        "war*",
        "^war",
        "col:war",
        "war\x00peace",
        "{war}",
        "war -peace +talks",
        "💣 war",
        "حرب war",
    ],
)
def test_hostile_text_queries_give_results_never_a_crash(bank: QuoteBank, query: str) -> None:
    found = bank.search(query)
    assert all(isinstance(q, Quote) for q in found)
    assert len(bank) == 19  # nothing was dropped or deleted
    assert found == QuoteList(bank).search(query)


@pytest.mark.parametrize("query", ["", "   ", '"";', "*", "()", "💣"])
def test_text_without_words_is_a_clear_error(bank: QuoteBank, query: str) -> None:
    with pytest.raises(InvalidQueryError, match="no word"):
        bank.search(query)


def test_bad_filters_are_clear_errors(bank: QuoteBank) -> None:
    with pytest.raises(InvalidQueryError, match="does not compile"):
        bank.search(regex="(unclosed")
    with pytest.raises(InvalidQueryError, match="kind"):
        bank.search(kind="poem")
    with pytest.raises(InvalidDateError):
        bank.search(since="not a date at all")
    with pytest.raises(InvalidArgumentError):
        bank.search(limit=-1)
    with pytest.raises(InvalidArgumentError):
        bank.search(outlet=3)  # type: ignore[arg-type]
    with pytest.raises(InvalidArgumentError):
        bank.search(speaker=["Witkoff"])  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        bank.search(text=42)  # type: ignore[arg-type]


def test_a_pathological_regex_stops_at_its_time_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(quotebank.collection.filters, "REGEX_BUDGET_SECONDS", 0.3)
    bank = QuoteBank()
    bank.add('"' + "a" * 28 + '!," Jane Doe said.')
    with pytest.raises(QueryTimeoutError, match=r"took more than 0\.3 s on one quote of 30 characters"):
        bank.search(regex=r"(a|a)+$")
    with pytest.raises(TimeoutError):
        QuoteList(bank).matching(r"(a|a)+$")


def test_the_regex_budget_is_per_quote_so_a_benign_pattern_reads_any_number(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(quotebank.collection.filters, "REGEX_BUDGET_SECONDS", 0.1)
    test = QuoteFilter.build(pattern=r"\bword\b").pattern_test()
    assert test is not None
    # long texts that take a few milliseconds each, read for several budgets in all
    text = "a quote without the term, only other words like it. " * 16_000
    started = time.monotonic()
    while time.monotonic() - started < 0.5:
        assert not test(text)


def test_stems() -> None:
    assert stem("exchanges") == "exchang"
    assert stem("talks") == "talk"
    assert stem("said") == "said"
    assert stem("war") == "war"
    assert stem("countries") == "countr"


_WORDS = st.sampled_from(
    ["war", "peace", "talks", "talking", "Kyiv", "Київ", "café", "CAFE", "exchange", "exchanged", "Zełenski"]
)


@given(
    texts=st.lists(st.lists(_WORDS, min_size=1, max_size=6).map(" ".join), min_size=1, max_size=8),
    query=st.lists(_WORDS, min_size=1, max_size=2).map(" ".join),
)
def test_the_index_finds_what_the_shared_filter_finds(texts: list[str], query: str) -> None:
    """The SQLite word index and the Python filter agree, whatever the words (accents, other scripts)."""
    bank = QuoteBank()
    for text in texts:
        bank.add(f'"{text}," Jane Doe said.')
    everything = QuoteList(bank)
    assert bank.search(query) == everything.search(query)
    assert set(bank.search(query)) == {
        q for q in everything if all(any(w.startswith(stem(t)) for w in words(q.text)) for t in words(query))
    }


@pytest.fixture(scope="module")
def fifty_articles() -> QuoteBank:
    bank = QuoteBank()
    bank.add_many(
        (
            f'"The bridge number {n} is {"the rare one" if n in (3, 41) else "open"}," Jane Doe said.',
            {"outlet": f"Outlet {n % 4}", "published": f"2026-{n % 12 + 1:02d}-{n % 28 + 1:02d}"},
        )
        for n in range(50)
    )
    return bank


@pytest.mark.parametrize(
    "filters",
    [
        {"text": "the"},
        {"text": "rare"},
        {"text": "bridge open", "outlet": "Outlet 1"},
        {"text": "the", "since": "2026-05-01", "until": "2026-09-30"},
        {"text": "rare", "since": "2026-03-01"},
    ],
)
@pytest.mark.parametrize("limit", [1, 3, 10, 100])
def test_a_search_with_a_limit_walks_then_asks_the_index_and_finds_the_same(
    monkeypatch: pytest.MonkeyPatch, fifty_articles: QuoteBank, filters: dict[str, Any], limit: int
) -> None:
    bank = fifty_articles
    expected = bank.search(**filters)[:limit]
    monkeypatch.setattr(quotebank.collection.store, "_WINDOW_QUOTES", 7)
    assert bank.search(**filters, limit=limit) == expected


def test_a_common_word_with_a_limit_does_not_read_the_whole_word_index(
    monkeypatch: pytest.MonkeyPatch, fifty_articles: QuoteBank
) -> None:
    bank = fifty_articles
    monkeypatch.setattr(quotebank.collection.store, "_WINDOW_QUOTES", 10)
    statements: list[str] = []
    bank._store._connection.set_trace_callback(statements.append)
    assert len(bank.search("the", limit=5)) == 5
    assert not any("MATCH" in statement for statement in statements)
    statements.clear()
    assert len(bank.search("rare", limit=5)) == 2  # not all in the first ten: the index finds the rest
    assert any("MATCH" in statement for statement in statements)
    bank._store._connection.set_trace_callback(None)

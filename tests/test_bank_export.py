"""Exports and display: JSON Lines that round-trip every field (a Hypothesis property), cluster records with
Quotebank's field names, CSV, typed DataFrames, escaped and shortened HTML, readable reprs."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import quotebank.io.export
from quotebank import (
    InvalidArgumentError,
    Mention,
    MissingDependencyError,
    Quote,
    QuoteBank,
    QuoteKind,
    QuoteList,
    Speaker,
    SpeakerKind,
    extract,
)
from quotebank.collection.clusters import ClusterList, cluster_quotes
from quotebank.io.export import (
    CLUSTER_CSV_FIELDS,
    CSV_FIELDS,
    cluster_to_dict,
    quote_to_dict,
    quotes_to_jsonl,
)
from quotebank.scale.tables import QUOTE_COLUMNS
from tests.conftest import SEEDS

_TEXT = st.text(max_size=40)
_OPTIONAL_TEXT = st.none() | _TEXT
# offsets in whole minutes, as ISO 8601 writes them: Python reads "+00:00:00.000001" back as UTC
_ZONES = st.none() | st.builds(
    timezone, st.integers(-(23 * 60 + 59), 23 * 60 + 59).map(lambda minutes: timedelta(minutes=minutes))
)
_DATES = st.none() | st.dates() | st.datetimes(timezones=_ZONES)
_MENTIONS = st.none() | st.builds(Mention, _TEXT, st.integers(0, 10**6), st.integers(0, 10**6))
_SPEAKERS = st.none() | st.builds(
    Speaker, _TEXT, _OPTIONAL_TEXT, st.lists(_TEXT, max_size=3).map(tuple), st.sampled_from(SpeakerKind)
)
_MARK = st.sampled_from(['"', "'", "“", "”", "«", "»", "„", ""])
QUOTES = st.builds(
    Quote,
    text=_TEXT,
    start=st.integers(0, 10**6),
    end=st.integers(0, 10**6),
    marks=st.tuples(_MARK, _MARK),
    kind=st.sampled_from(QuoteKind),
    speaker=_SPEAKERS,
    mention=_MENTIONS,
    cue=_MENTIONS,
    outlet=_OPTIONAL_TEXT,
    published=_DATES,
    url=_OPTIONAL_TEXT,
    confidence=st.floats(0, 1),
    unbalanced=st.booleans(),
    paragraph=st.integers(0, 1000),
)


def _every_field(quote: Quote) -> str:
    return json.dumps(quote_to_dict(quote), sort_keys=True)


@given(st.lists(st.lists(QUOTES, min_size=1, max_size=4), max_size=5))
def test_jsonl_round_trips_every_field(articles: list[list[Quote]]) -> None:
    quotes = QuoteList(q for article in articles for q in article)
    buffer = io.StringIO()
    quotes.to_jsonl(buffer)
    # a bank read from it holds every quote, each field as it was ...
    bank = QuoteBank.read_jsonl(io.StringIO(buffer.getvalue()))
    assert sorted(map(repr, bank)) == sorted(map(repr, quotes))
    # every field in the key: two quotes may differ only where their repr does not look (marks, confidence)
    assert sorted(bank, key=_every_field) == sorted(quotes, key=_every_field)
    # ... and writes it again, article by article, so that reading it back gives the same bank
    again = io.StringIO()
    bank.to_jsonl(again)
    assert list(QuoteBank.read_jsonl(io.StringIO(again.getvalue()))) == list(bank)


def test_a_bank_round_trips_through_a_jsonl_file_into_a_sqlite_file(tmp_path: Path) -> None:
    bank = QuoteBank()
    bank.add((SEEDS / "000_39001c3f19b39482.txt").read_text(encoding="utf-8"), url="https://kyiv.example/1")
    bank.add((SEEDS / "004_682f09ba88d465d4.txt").read_text(encoding="utf-8"))
    bank.to_jsonl(tmp_path / "bank.jsonl")
    records = [
        json.loads(line) for line in (tmp_path / "bank.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    assert len(records) == 19
    assert len({record["article"] for record in records}) == 2
    assert all(record["article"].startswith("sha256:") for record in records)
    copy = QuoteBank.read_jsonl(tmp_path / "bank.jsonl", path=tmp_path / "copy.db")
    assert list(copy) == list(bank)
    assert len(copy.articles) == 2
    assert copy.articles[0].url == "https://kyiv.example/1"
    assert copy.articles[1].outlet == "Anadolu Agency"
    # reading the same file again adds nothing: the articles are known by their keys
    assert len(QuoteBank.read_jsonl(tmp_path / "bank.jsonl", path=tmp_path / "copy.db")) == 19


def test_command_line_jsonl_reads_back() -> None:
    kyiv = extract((SEEDS / "000_39001c3f19b39482.txt").read_text(encoding="utf-8"), source="kyiv.txt")
    anadolu = extract((SEEDS / "004_682f09ba88d465d4.txt").read_text(encoding="utf-8"))
    # the command line names the file an article came from: that is the quotes' source
    lines = quotes_to_jsonl(kyiv) + quotes_to_jsonl(anadolu, source="aa.txt")
    anadolu = extract((SEEDS / "004_682f09ba88d465d4.txt").read_text(encoding="utf-8"), source="aa.txt")
    bank = QuoteBank.read_jsonl(io.StringIO(lines))
    assert sorted(bank, key=repr) == sorted(kyiv + anadolu, key=repr)
    assert len(bank.articles) == 2


def test_bad_jsonl_is_a_clear_error() -> None:
    with pytest.raises(InvalidArgumentError, match="line 2 is not JSON"):
        QuoteBank.read_jsonl(io.StringIO('{"text": "a", "start": 0, "end": 1}\n{oops\n'))
    with pytest.raises(InvalidArgumentError, match="line 1 is not a JSON object"):
        QuoteBank.read_jsonl(io.StringIO("[1, 2]\n"))
    with pytest.raises(InvalidArgumentError, match="line 1: field 'text' is missing"):
        QuoteBank.read_jsonl(io.StringIO('{"start": 0}\n'))
    with pytest.raises(InvalidArgumentError, match="open text file"):
        QuoteBank().to_jsonl(42)  # type: ignore[arg-type]


def _clusters() -> ClusterList:
    text = "We will keep working until every prisoner is home, whatever it takes."
    quotes = [
        Quote(
            text.upper(), 0, 10, speaker=Speaker("Jane Doe"), outlet="B", published=date(2026, 2, 6), url="u2"
        ),
        Quote(text, 0, 10, speaker=Speaker("Jane Doe"), outlet="A", published=date(2026, 2, 5), url="u1"),
        Quote("Something else entirely, said once.", 0, 10, speaker=None, outlet="A", published=None),
    ]
    return cluster_quotes(quotes)


def test_cluster_records_use_quotebank_field_names(tmp_path: Path) -> None:
    clusters = _clusters()
    record = cluster_to_dict(clusters[0])
    assert list(record)[:5] == ["quoteID", "quotation", "speaker", "date", "numOccurrences"]
    assert (record["numArticles"], record["numOutlets"]) == (2, 2)
    assert record["quotation"] == "We will keep working until every prisoner is home, whatever it takes."
    assert record["speaker"] == "Jane Doe"
    assert record["date"] == "2026-02-05"
    assert record["numOccurrences"] == 2
    assert record["urls"] == ["u1", "u2"]
    assert record["outlets"] == ["A", "B"]
    assert len(record["quotes"]) == 2
    clusters.to_jsonl(tmp_path / "clusters.jsonl")
    lines = (tmp_path / "clusters.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["numOccurrences"] for line in lines] == [2, 1]
    clusters.to_csv(tmp_path / "clusters.csv")
    with open(tmp_path / "clusters.csv", encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert tuple(rows[0]) == CLUSTER_CSV_FIELDS
    assert rows[0]["outlets"] == "A; B"
    assert rows[1]["speaker"] == ""


def test_csv_of_a_bank_and_of_a_list(tmp_path: Path) -> None:
    bank = QuoteBank()
    bank.add('"Commas, quotes ""and"" new\nlines," Jane Doe said.', outlet="A, B")
    bank.to_csv(tmp_path / "bank.csv")
    with open(tmp_path / "bank.csv", encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert tuple(rows[0]) == CSV_FIELDS
    assert [row["text"] for row in rows] == [q.text for q in bank]
    assert rows[0]["outlet"] == "A, B"
    buffer = io.StringIO()
    QuoteList(bank).to_csv(buffer)
    # the same records, but a list of quotes does not know their articles' keys, which the bank keeps
    from_list = list(csv.DictReader(io.StringIO(buffer.getvalue())))
    assert {row["article"] for row in from_list} == {""}
    assert [{**row, "article": ""} for row in rows] == from_list
    exported = io.StringIO()
    bank.to_jsonl(exported)
    keys = {json.loads(line)["article"] for line in exported.getvalue().splitlines()}
    assert {row["article"] for row in rows} == keys != {""}


def test_dataframes_have_typed_columns() -> None:
    pandas = pytest.importorskip("pandas")
    bank = QuoteBank()
    bank.add('"One," Jane Doe said.', published="2026-02-05 03:31")
    bank.add('"Two," Jane Doe said.', published="2026-02-06")
    bank.add('"Three," Jane Doe said.')
    frame = bank.to_dataframe()
    assert list(frame["text"]) == ["One,", "Two,", "Three,"]
    assert pandas.api.types.is_datetime64_any_dtype(frame["published"])
    assert frame["published"][0] == pandas.Timestamp(2026, 2, 5, 3, 31)
    assert frame["published"][1] == pandas.Timestamp(2026, 2, 6)
    assert pandas.isna(frame["published"][2])
    assert frame["start"].dtype == "int64"
    assert frame["confidence"].dtype == "float64"
    assert frame["unbalanced"].dtype == "bool"
    assert isinstance(frame["kind"].dtype, pandas.CategoricalDtype)
    zoned = QuoteList(
        [Quote("a", 0, 1, published=datetime(2026, 1, 1, 12, tzinfo=timezone(timedelta(hours=2))))]
    ).to_dataframe()
    # one column type whatever the articles: zoned times in UTC, the zone kept in the text as written
    assert zoned["published"].dt.tz is None
    assert zoned["published"][0] == pandas.Timestamp(2026, 1, 1, 10)
    assert zoned["published_text"][0] == "2026-01-01T12:00:00+02:00"
    # one flat record schema: a bank's table, a list's and the Dask/Spark partitions' have the same columns
    assert dict(frame.dtypes.astype(str)) == dict(zoned.dtypes.astype(str)) == QUOTE_COLUMNS
    clusters = _clusters().to_dataframe()
    assert list(clusters.columns) == [
        "quoteID",
        "quotation",
        "speaker",
        "date",
        "numOccurrences",
        "numArticles",
        "numOutlets",
        "outlets",
        "urls",
        "kinds",
    ]
    assert clusters["numOccurrences"].tolist() == [2, 1]
    assert clusters["numArticles"].tolist() == [2, 1]
    assert pandas.api.types.is_datetime64_any_dtype(clusters["date"])


def test_dataframe_without_pandas_says_how_to_get_it(monkeypatch: pytest.MonkeyPatch) -> None:
    def missing(name: str) -> object:
        raise ImportError(name)

    monkeypatch.setattr(quotebank.io.export.importlib, "import_module", missing)
    with pytest.raises(MissingDependencyError, match=r"quotebank\[pandas\]"):
        QuoteBank().to_dataframe()


def test_html_is_escaped_and_shortened() -> None:
    hostile = '<script>alert("x")</script> & ' + "very long " * 50
    quote = Quote(hostile, 0, 5, speaker=Speaker("<b>Eve</b>"), outlet="A&B", published=date(2026, 1, 1))
    html = quote._repr_html_()
    assert "<script>" not in html and "<b>Eve</b>" not in html
    assert "&lt;script&gt;" in html and "&lt;b&gt;Eve&lt;/b&gt;" in html and "A&amp;B" in html
    assert "2026-01-01" in html
    assert "…" in html  # the cell is shortened; the whole text is in its tooltip
    many = QuoteList([quote] * 5000)
    table = many._repr_html_()
    assert table.count("<tr>") == 1 + 20 + 1  # the header, the first fifteen rows and the last five, a gap
    assert "4,980 more" in table
    assert len(table) < 30_000
    cluster_html = _clusters()[0]._repr_html_()
    assert "Jane Doe" in cluster_html and "2 reports in 2 articles" in cluster_html
    assert "2 quotations" in _clusters()._repr_html_()


def test_bank_html_and_reprs() -> None:
    bank = QuoteBank()
    bank.add_many(f'"Number {n} is <done>," Jane Doe said.' for n in range(30))
    html = bank._repr_html_()
    assert "QuoteBank (in memory): 30 quotes from 30 articles" in html
    assert html.count("<tr>") == 1 + 10 + 1  # the header, ten quotes, the number of the others
    assert "&lt;done&gt;" in html
    assert repr(bank) == "QuoteBank(':memory:': 30 quotes from 30 articles)"
    quote = next(iter(bank))
    assert repr(quote) == (
        "Quote('Number 0 is <done>,', speaker='Jane Doe', kind='sentence', outlet=None, published=None, "
        "span=1:20)"
    )
    assert repr(QuoteList(bank)).endswith(", … 20 more])")
    assert repr(bank.articles) == "<30 articles>"
    profile = bank.speaker("doe")
    assert repr(profile).startswith("SpeakerProfile('Jane Doe', role=None, gender='female', quotes=30")

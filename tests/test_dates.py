"""Dates: a day/month-ambiguous date follows ``date_order`` or is flagged, a month alone keeps its precision,
and zones, precisions and flags survive the bank, JSON Lines, CSV and DataFrames. The forms and their readings
are the rule table ``date_forms.tsv``."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import quotebank
from quotebank import DateOrder, DatePrecision, DateReading, QuoteBank, extract, parse_article
from quotebank._pipeline.dates import coerce_reading, read_date
from quotebank._pipeline.language import language
from quotebank.cli import main
from quotebank.errors import InvalidArgumentError, InvalidDateError
from quotebank.io.export import date_to_text, quote_from_dict, quotes_to_csv, quotes_to_jsonl, read_jsonl
from quotebank.scale.tables import quotes_table
from quotebank.values import Quote

_TABLE = Path(__file__).with_name("date_forms.tsv")


def _rows() -> list[tuple[str, DateOrder | None, str | None, DatePrecision | None, bool | None]]:
    lines = [line for line in _TABLE.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    rows = []
    for record in csv.DictReader(lines, delimiter="\t"):
        rows.append(
            (
                record["text"],
                None if record["order"] == "-" else DateOrder(record["order"]),
                None if record["value"] == "-" else record["value"],
                None if record["precision"] == "-" else DatePrecision(record["precision"]),
                None if record["ambiguous"] == "-" else record["ambiguous"] == "true",
            )
        )
    return rows


@pytest.mark.parametrize(("text", "order", "value", "precision", "ambiguous"), _rows())
def test_date_forms_read_as_the_table_says(
    text: str,
    order: DateOrder | None,
    value: str | None,
    precision: DatePrecision | None,
    ambiguous: bool | None,
) -> None:
    found = read_date(text, language("en"), order=order)
    if value is None:
        assert found is None
        return
    assert found is not None
    assert (date_to_text(found.value, found.precision), found.precision, found.ambiguous) == (
        value,
        precision,
        ambiguous,
    )


_ARTICLE = 'Council votes\nPublished: 05/03/2026\n"We will build it," said Jane Doe.\n'


def test_an_ambiguous_date_in_the_text_is_flagged_and_date_order_reads_it() -> None:
    flagged = parse_article(_ARTICLE)
    assert (flagged.published, flagged.published_ambiguous) == (date(2026, 5, 3), True)
    ordered = parse_article(_ARTICLE, date_order="dmy")
    assert (ordered.published, ordered.published_ambiguous) == (date(2026, 3, 5), False)
    quote = extract(_ARTICLE, date_order=DateOrder.DMY)[0]
    assert (quote.published, quote.published_precision, quote.published_ambiguous) == (
        date(2026, 3, 5),
        DatePrecision.DAY,
        False,
    )
    assert extract(_ARTICLE)[0].published_ambiguous


def test_the_callers_published_follows_date_order_too() -> None:
    quote = extract('"Yes," said Jane Doe.', published="05/03/2026", date_order="DMY")[0]
    assert (quote.published, quote.published_ambiguous) == (date(2026, 3, 5), False)
    assert extract('"Yes," said Jane Doe.', published="05/03/2026")[0].published_ambiguous


def test_a_date_order_that_makes_the_date_impossible_is_an_error() -> None:
    with pytest.raises(InvalidDateError):
        extract('"Yes," said Jane Doe.', published="13/05/2026", date_order="MDY")


@pytest.mark.parametrize("bad", ["DDMM", "", 3, b"DMY"])
def test_a_bad_date_order_is_refused(bad: object) -> None:
    with pytest.raises(InvalidArgumentError, match="date_order"):
        extract('"Yes," said Jane Doe.', date_order=bad)  # type: ignore[arg-type]
    with pytest.raises(InvalidArgumentError, match="date_order"):
        QuoteBank(date_order=bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("published", ["March 2026", "2026-03", "Mar. 2026"])
def test_a_month_alone_is_accepted_with_its_precision(published: str) -> None:
    quote = extract('"Yes," said Jane Doe.', published=published)[0]
    assert (quote.published, quote.published_precision) == (date(2026, 3, 1), DatePrecision.MONTH)


def test_a_month_line_in_the_text_is_the_articles_date() -> None:
    article = parse_article('Council votes\nUpdated: March 2026\n"We will build it," said Jane Doe.\n')
    assert (article.published, article.published_precision) == (date(2026, 3, 1), DatePrecision.MONTH)


def test_precision_follows_the_type_of_a_date_given_as_a_value() -> None:
    assert Quote("x", 0, 1, published=date(2026, 3, 5)).published_precision is DatePrecision.DAY
    assert Quote("x", 0, 1, published=datetime(2026, 3, 5, 1, 2)).published_precision is DatePrecision.TIME
    assert Quote("x", 0, 1).published_precision is None


def test_a_bank_keeps_its_date_order_and_a_call_overrides_it(tmp_path: Path) -> None:
    with QuoteBank.open(tmp_path / "bank.db", date_order="DMY") as bank:
        bank.add(_ARTICLE)
        bank.add('"No," said Ann Lee.', published="05/03/2026", date_order="MDY")
        bank.add_many([('"Maybe," said Bo Ray.', {"published": "06/03/2026"})])
        found = {q.speaker_name: (q.published, q.published_ambiguous) for q in bank}
    assert found == {
        "Jane Doe": (date(2026, 3, 5), False),
        "Ann Lee": (date(2026, 5, 3), False),
        "Bo Ray": (date(2026, 3, 6), False),
    }
    unordered = QuoteBank()
    unordered.add_many([_ARTICLE], date_order="DMY")
    unordered.add('"No," said Ann Lee.', published="05/03/2026")
    assert {q.speaker_name: q.published_ambiguous for q in unordered} == {"Jane Doe": False, "Ann Lee": True}


def test_a_month_and_a_flag_survive_the_sqlite_store_and_an_update(tmp_path: Path) -> None:
    path = tmp_path / "bank.db"
    with QuoteBank.open(path) as bank:
        bank.add('"Yes," said Jane Doe.', published="March 2026")
        bank.add('"No," said Ann Lee.', published="05/03/2026")
    with QuoteBank.open(path) as bank:
        found = {q.speaker_name: (q.published_precision, q.published_ambiguous) for q in bank}
        assert found == {"Jane Doe": (DatePrecision.MONTH, False), "Ann Lee": (DatePrecision.DAY, True)}
        assert {a.published_precision for a in bank.articles} == {DatePrecision.MONTH, DatePrecision.DAY}
        bank.update('"No," said Ann Lee.', published="April 2026")
        bank.update('"Yes," said Jane Doe.', published="05/03/2026", date_order="DMY")
        updated = {q.speaker_name: (str(q.published), q.published_precision) for q in bank}
    assert updated == {
        "Jane Doe": ("2026-03-05", DatePrecision.DAY),
        "Ann Lee": ("2026-04-01", DatePrecision.MONTH),
    }


def test_the_command_line_takes_date_order(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(_ARTICLE, encoding="utf-8")
    out = io.StringIO()
    assert (
        main(["--date-order", "DMY", "--format", "jsonl", str(article)], stdout=out, stderr=io.StringIO())
        == 0
    )
    record = json.loads(out.getvalue().splitlines()[0])
    assert (record["published"], record["published_ambiguous"]) == ("2026-03-05", False)
    out = io.StringIO()
    main(["--format", "jsonl", str(article)], stdout=out, stderr=io.StringIO())
    assert json.loads(out.getvalue().splitlines()[0])["published_ambiguous"] is True
    database = tmp_path / "bank.db"
    assert main(["add", "--date-order", "dmy", str(database), str(article)], stdout=io.StringIO()) == 0
    assert [str(q.published) for q in QuoteBank.open(database)] == ["2026-03-05"]


def test_the_command_line_refuses_an_unknown_date_order(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--date-order", "DDMM", "x.txt"])
    assert "--date-order" in capsys.readouterr().err


_ZONES = st.sampled_from(
    [None, timezone.utc, timezone(timedelta(hours=5, minutes=30)), timezone(-timedelta(hours=8))]
)


@st.composite
def _dated_quotes(draw: st.DrawFn) -> Quote:
    precision = draw(st.sampled_from(DatePrecision))
    day = draw(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
    published: date
    if precision is DatePrecision.TIME:
        published = datetime.combine(day, draw(st.times()), tzinfo=draw(_ZONES))
    elif precision is DatePrecision.MONTH:
        published = day.replace(day=1)
    else:
        published = day
    return Quote(
        "x",
        0,
        1,
        published=published,
        published_precision=precision,
        published_ambiguous=draw(st.booleans()) and precision is not DatePrecision.MONTH,
    )


@given(st.lists(_dated_quotes(), max_size=5))
def test_precision_zone_and_flag_round_trip_through_jsonl(quotes: list[Quote]) -> None:
    back = [quote_from_dict(record) for record in read_jsonl(io.StringIO(quotes_to_jsonl(quotes)))]
    assert back == quotes
    assert [q.published.utcoffset() if isinstance(q.published, datetime) else None for q in back] == [
        q.published.utcoffset() if isinstance(q.published, datetime) else None for q in quotes
    ]


def test_csv_writes_the_zone_the_month_and_the_flag() -> None:
    quotes = [
        Quote("a", 0, 1, published=datetime(2026, 2, 5, 3, 31, tzinfo=timezone(timedelta(hours=2)))),
        Quote("b", 0, 1, published=date(2026, 3, 1), published_precision=DatePrecision.MONTH),
        Quote("c", 0, 1, published=date(2026, 5, 3), published_ambiguous=True),
    ]
    rows = list(csv.DictReader(io.StringIO(quotes_to_csv(quotes))))
    assert [(r["published"], r["published_precision"], r["published_ambiguous"]) for r in rows] == [
        ("2026-02-05T03:31:00+02:00", "time", "False"),
        ("2026-03", "month", "False"),
        ("2026-05-03", "day", "True"),
    ]


def test_dataframes_keep_each_rows_zone_next_to_a_utc_column() -> None:
    quotes = [
        Quote("a", 0, 1, published=datetime(2026, 2, 5, 3, 31, tzinfo=timezone(timedelta(hours=2)))),
        Quote("b", 0, 1, published=datetime(2026, 2, 5, 3, 31, tzinfo=timezone(timedelta(hours=-5)))),
        Quote("c", 0, 1, published=date(2026, 3, 1), published_precision=DatePrecision.MONTH),
    ]
    frame = quotebank.QuoteList(quotes).to_dataframe()
    assert list(frame["published_text"]) == [
        "2026-02-05T03:31:00+02:00",
        "2026-02-05T03:31:00-05:00",
        "2026-03",
    ]
    assert list(frame["published_precision"]) == ["time", "time", "month"]
    assert str(frame["published"][0]) == "2026-02-05 01:31:00"
    table = quotes_table(
        ['Council votes\nPublished: 05/03/2026 10:00 +01:00\n"We will build it," said Jane Doe.\n']
    )
    assert list(table["published_text"]) == ["2026-05-03T10:00:00+01:00"]
    assert list(table["published_ambiguous"]) == [True]
    assert str(table["published_precision"].dtype) == "category"


def test_a_date_reading_passes_through_coerce_unchanged() -> None:
    reading = DateReading(date(2026, 3, 1), DatePrecision.MONTH)
    assert coerce_reading(reading) is reading


def test_reported_speech_carries_the_articles_precision_and_flag() -> None:
    text = "Council votes\nPublished: 05/03/2026\nThe mayor said the bridge would open in June."
    reported = [q for q in extract(text, reported=True) if q.kind is quotebank.QuoteKind.REPORTED]
    assert reported
    assert all((q.published_precision, q.published_ambiguous) == (DatePrecision.DAY, True) for q in reported)

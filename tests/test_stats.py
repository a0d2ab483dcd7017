"""Who gets quoted: the speaker table, source-diversity counts, the CLI's stats, and the notebook and export
polish that came with them (add's one-line result, QuoteList + QuoteList, ambiguous speakers, CSV for Excel,
Excel workbooks, charts)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from quotebank import (
    AddedArticle,
    AmbiguousSpeakerError,
    Gender,
    QuoteBank,
    QuoteKind,
    QuoteList,
    SpeakerNotFoundError,
    extract,
    parse_article,
)
from quotebank.cli import main
from quotebank.collection.stats import SPEAKER_COLUMNS, SourceStats, SpeakerTable

COURIER_MARCH = '"We will rebuild," said Mayor Jane Doe. "Soon," she added. "No," said John Roe.'
COURIER_APRIL = '"It is done," said Jane Doe. "Yes," the ministry said.'
HERALD_MARCH = (
    '"Not yet," said Mr. Sam Smith. "Later," a senior official said. Taxes will rise, Jane Smith said.'
)


@pytest.fixture
def bank() -> QuoteBank:
    bank = QuoteBank()
    bank.add(COURIER_MARCH, outlet="Courier", published="2026-03-02")
    bank.add(COURIER_APRIL, outlet="Courier", published="2026-04-09")
    bank.add(parse_article(HERALD_MARCH, outlet="Herald", published="2026-03-20", reported=True))
    return bank


def test_the_speaker_table_has_the_columns_a_newsroom_asks_for(bank: QuoteBank) -> None:
    table = bank.speakers()
    assert isinstance(table, SpeakerTable)
    rows = {row["name"]: row for row in table.rows()}
    doe = rows["Jane Doe"]
    assert (doe["kind"], doe["gender"], doe["quotes"], doe["articles"], doe["outlets"]) == (
        "person",
        "female",
        3,
        2,
        ("Courier",),
    )
    assert doe["roles"] == ("Mayor",)
    assert (str(doe["first_seen"]), str(doe["last_seen"])) == ("2026-03-02", "2026-04-09")
    assert rows["ministry"]["gender"] == "unknown"
    frame = table.to_dataframe()
    assert tuple(frame.columns) == SPEAKER_COLUMNS
    assert str(frame["gender"].dtype) == "category"
    assert "<table>" in table._repr_html_() and "Jane Doe" in table._repr_html_()
    assert repr(table).startswith("SpeakerTable([Jane Doe (person, female, 3 quotes)")
    out = io.StringIO()
    table.to_csv(out)
    assert next(csv.reader(io.StringIO(out.getvalue()))) == list(SPEAKER_COLUMNS)


def test_a_quote_list_has_the_same_speaker_table() -> None:
    quotes = extract(COURIER_MARCH, outlet="Courier") + extract(COURIER_APRIL, outlet="Courier")
    assert isinstance(quotes, QuoteList)
    table = quotes.speakers()
    assert isinstance(table, SpeakerTable)
    doe = next(p for p in table if p.name == "Jane Doe")
    assert (doe.quote_count, doe.article_count, doe.gender) == (3, 2, Gender.FEMALE)


def test_source_stats_count_quotes_by_gender_and_kind_of_source(bank: QuoteBank) -> None:
    stats = bank.source_stats("outlet")
    assert isinstance(stats, SourceStats)
    rows = {(row.outlet, row.reported): row for row in stats}
    courier = rows["Courier", False]
    assert (courier.quotes, courier.female, courier.male, courier.organisation) == (5, 3, 1, 1)
    assert courier.share_female == 0.75
    herald = rows["Herald", False]
    assert (herald.quotes, herald.male, herald.unnamed) == (2, 1, 1)
    reported = rows["Herald", True]
    assert (reported.quotes, reported.female) == (1, 1)
    assert stats.columns[:3] == ("outlet", "speech", "quotes")


def test_source_stats_by_month_by_both_and_filtered(bank: QuoteBank) -> None:
    by_month = {(row.month, row.reported): row.quotes for row in bank.source_stats("month")}
    assert by_month == {("2026-03", False): 5, ("2026-03", True): 1, ("2026-04", False): 2}
    both = bank.source_stats(("outlet", "month"))
    assert [(row.outlet, row.month) for row in both if not row.reported] == [
        ("Courier", "2026-03"),
        ("Courier", "2026-04"),
        ("Herald", "2026-03"),
    ]
    (total,) = bank.source_stats(None, kind=QuoteKind.REPORTED)
    assert (total.quotes, total.reported) == (1, True)
    april = bank.source_stats(None, since="2026-04-01")
    assert [row.quotes for row in april] == [2]
    frame = bank.source_stats(("outlet", "month")).to_dataframe()
    assert {"outlet", "month", "share_female", "share_organisation"} <= set(frame.columns)
    with pytest.raises(ValueError, match="by must be"):
        bank.source_stats("weekday")


def test_a_persons_gender_in_the_counts_is_the_one_all_their_articles_show() -> None:
    bank = QuoteBank()
    bank.add('"Yes," said Robin Hale. "Indeed," she said.', outlet="A")
    bank.add('"No," Hale said.', outlet="B")  # a surname alone: no evidence in this article
    rows = {row.outlet: row for row in bank.source_stats()}
    assert rows["B"].female == 1


def test_the_stats_command_prints_a_table_and_csv(bank: QuoteBank, tmp_path: Path) -> None:
    path = tmp_path / "bank.db"
    with QuoteBank.open(path) as stored:
        stored.add_many([COURIER_MARCH, (COURIER_APRIL, {"outlet": "Courier"})])
    out = io.StringIO()
    assert main(["stats", str(path), "--by", "outlet"], stdout=out) == 0
    header, *lines = out.getvalue().splitlines()
    assert header.split()[:3] == ["outlet", "speech", "quotes"]
    assert "share_female" in header
    assert len(lines) == 2
    out = io.StringIO()
    assert main(["stats", str(path), "--by", "all", "--format", "csv", "--excel"], stdout=out) == 0
    assert out.getvalue().startswith("\ufeffspeech,quotes,people,female")
    err = io.StringIO()
    assert main(["stats", str(path), "--since", "soon"], stdout=io.StringIO(), stderr=err) == 2


def test_a_table_names_the_group_without_an_outlet_or_a_date_and_csv_leaves_it_empty() -> None:
    bank = QuoteBank()
    bank.add('"We will win," said Jane Doe.')
    stats = bank.source_stats(("outlet", "month"))
    assert stats.text_table().splitlines()[1].startswith("(no outlet)  (undated)  direct")
    assert "(no outlet)" in stats._repr_html_()
    buffer = io.StringIO()
    stats.to_csv(buffer)
    assert next(csv.DictReader(io.StringIO(buffer.getvalue())))["outlet"] == ""


def test_add_says_in_one_line_whether_the_article_was_new(bank: QuoteBank) -> None:
    added = QuoteBank().add(COURIER_MARCH, outlet="Courier")
    assert isinstance(added, AddedArticle)
    assert added.new
    assert repr(added) == f"AddedArticle(new: 3 quotes, Courier, undated, {COURIER_MARCH[:59] + '…'!r})"
    again = bank.add(COURIER_MARCH)
    assert not again.new
    assert "duplicate" in repr(again)
    assert again.quotes == again.article.quotes


def test_a_name_that_fits_two_people_is_an_ambiguity_that_lists_them(bank: QuoteBank) -> None:
    with pytest.raises(AmbiguousSpeakerError, match=r"2 speakers answer to 'Smith'") as caught:
        bank.speaker("Smith")
    assert isinstance(caught.value, LookupError)
    assert {p.name for p in caught.value.candidates} == {"Jane Smith", "Sam Smith"}  # type: ignore[attr-defined]
    assert bank.speaker("Sam Smith").name == "Sam Smith"
    assert bank.speaker("Roe").name == "John Roe"
    with pytest.raises(SpeakerNotFoundError):
        bank.speaker("Nobody")


def test_quote_lists_add_up_to_a_quote_list() -> None:
    first, second = extract(COURIER_MARCH), extract(COURIER_APRIL)
    both = first + second
    assert isinstance(both, QuoteList)
    assert list(both) == [*first, *second]
    assert isinstance(first + tuple(second), QuoteList)


def test_quote_tables_show_the_evidence_and_no_trailing_comma() -> None:
    quotes = extract(COURIER_MARCH)
    shown = quotes._repr_html_()
    for header in ("speaker", "mention", "cue", "quote", "kind", "confidence", "outlet", "date"):
        assert f">{header}</th>" in shown
    assert ">We will rebuild</td>" in shown
    assert ">she</td>" in shown and ">added</td>" in shown
    assert quotes[0].text == "We will rebuild,"  # the quote keeps its exact span


def test_csv_for_excel_has_a_byte_order_mark_and_no_empty_column(tmp_path: Path) -> None:
    quotes = extract(COURIER_MARCH, outlet="Courier")
    quotes.to_csv(tmp_path / "plain.csv")
    quotes.to_csv(tmp_path / "excel.csv", excel=True)
    plain = (tmp_path / "plain.csv").read_bytes()
    excel = (tmp_path / "excel.csv").read_bytes()
    assert not plain.startswith(b"\xef\xbb\xbf")
    assert excel.startswith(b"\xef\xbb\xbf")
    header = next(csv.reader(io.StringIO(excel.decode("utf-8-sig"))))
    assert "url" in next(csv.reader(io.StringIO(plain.decode())))
    assert "url" not in header and "source" not in header
    assert {"speaker", "text", "outlet", "mention", "cue", "confidence"} <= set(header)


def test_to_excel_writes_a_workbook(tmp_path: Path, bank: QuoteBank) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    bank.to_excel(tmp_path / "quotes.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "quotes.xlsx").active
    rows = list(sheet.iter_rows(values_only=True))
    assert "speaker" in rows[0] and "url" not in rows[0]
    assert len(rows) == len(bank) + 1


def test_charts_are_one_call_each_and_return_a_figure(bank: QuoteBank, tmp_path: Path) -> None:
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    figure_type = pytest.importorskip("matplotlib.figure").Figure
    figures = [
        bank.chart_women_share("outlet"),
        bank.chart_women_share(("outlet", "month")),
        bank.chart_top_speakers(limit=3),
        bank.chart_cluster_timeline("rebuild"),
    ]
    for number, figure in enumerate(figures):
        assert isinstance(figure, figure_type)
        figure.savefig(tmp_path / f"{number}.png")
        assert (tmp_path / f"{number}.png").stat().st_size > 1000
    bars = figures[2].axes[0].patches
    assert len(bars) == 3
    with pytest.raises(ValueError, match="no quotation"):
        bank.chart_cluster_timeline("words nobody said")

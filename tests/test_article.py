"""Article structure: paragraphs and their kinds, title, dateline, outlet, byline and publication date."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

import quotebank
from quotebank import InvalidArgumentError, InvalidDateError, InvalidTextError, ParagraphKind, QuotebankError
from quotebank._pipeline.dates import parse_date
from quotebank._pipeline.language import language


def test_paragraph_offsets_point_into_the_text_without_surrounding_space() -> None:
    text = "  Title here  \n\n   First paragraph.\r\nSecond\u2028Third\n"
    article = quotebank.parse_article(text)
    assert [p.text for p in article.paragraphs] == ["Title here", "First paragraph.", "Second", "Third"]
    for paragraph in article.paragraphs:
        assert text[paragraph.start : paragraph.end] == paragraph.text
    assert article.title == "Title here"


def test_a_single_paragraph_is_not_a_title() -> None:
    assert quotebank.parse_article("Just one line of text.").title is None


def test_a_sentence_is_not_a_title_but_a_title_case_headline_is() -> None:
    assert quotebank.parse_article('"We will win," Jane Doe said.\nMore.').title is None
    headline = "Clinton Plan for Taxes Is Expansive but Complex.\nBody."
    assert quotebank.parse_article(headline).title == "Clinton Plan for Taxes Is Expansive but Complex."


@pytest.mark.parametrize(
    ("line", "place"),
    [
        ("Kyiv - The talks began.", "Kyiv"),
        ("WASHINGTON (AP) — The talks began.", "WASHINGTON"),
        ("KYIV, Ukraine – The talks began.", "KYIV, Ukraine"),
    ],
)
def test_datelines(line: str, place: str) -> None:
    assert quotebank.parse_article(f"A headline\n{line}").dateline == place


def test_no_dateline_in_an_ordinary_first_paragraph() -> None:
    assert quotebank.parse_article("A headline\nRussia-Brazil ties are advancing.").dateline is None


def test_navigation_related_links_byline_and_date_lines() -> None:
    text = (
        "A headline\n- World\n- Anadolu Agency\nBy Jane Reporter\n"
        "- Published Date: 03:31 | 05 February 2026\n"
        "Body text.\n- Zelensky says next round of talks 'likely' to take place in US\n"
    )
    article = quotebank.parse_article(text)
    kinds = [p.kind for p in article.paragraphs]
    assert kinds == [
        ParagraphKind.TITLE,
        ParagraphKind.NAVIGATION,
        ParagraphKind.NAVIGATION,
        ParagraphKind.METADATA,
        ParagraphKind.METADATA,
        ParagraphKind.BODY,
        ParagraphKind.RELATED,
    ]
    assert article.outlet == "Anadolu Agency"
    assert article.byline == "Jane Reporter"
    assert article.published == datetime(2026, 2, 5, 3, 31)
    assert [p.text for p in article.body] == ["Body text."]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Published Date: 03:31 | 05 February 2026", datetime(2026, 2, 5, 3, 31)),
        ("February 5, 2026", date(2026, 2, 5)),
        ("Feb. 5, 2026 3:31 p.m.", datetime(2026, 2, 5, 15, 31)),
        ("2026-02-05", date(2026, 2, 5)),
        ("2026-02-05T03:31:00Z", datetime(2026, 2, 5, 3, 31, tzinfo=timezone.utc)),
        ("2026-02-05 03:31+02:00", datetime(2026, 2, 5, 3, 31, tzinfo=timezone(timedelta(hours=2)))),
        ("Updated 5 Feb 2026 at 14:10", datetime(2026, 2, 5, 14, 10)),
        ("7 p.m.", None),
        ("2026-02-30", None),
        ("no date at all", None),
    ],
)
def test_dates(text: str, expected: date | None) -> None:
    assert parse_date(text, language("en")) == expected


def test_a_time_without_a_zone_stays_naive() -> None:
    found = parse_date("Published Date: 03:31 | 05 February 2026", language("en"))
    assert isinstance(found, datetime) and found.tzinfo is None


def test_dateparser_reads_what_the_exact_formats_do_not() -> None:
    assert parse_date("Posted on the 5th of February 2026", language("en")) == date(2026, 2, 5)


def test_the_callers_date_wins_and_may_be_a_string_date_or_datetime() -> None:
    text = "A headline\n- Published Date: 03:31 | 05 February 2026\nBody."
    assert quotebank.parse_article(text, published="2026-03-01").published == date(2026, 3, 1)
    when = datetime(2026, 3, 1, 12, 0)
    assert quotebank.parse_article(text, published=when).published == when
    assert quotebank.parse_article(text, published="5 février 2026").published == date(2026, 2, 5)


@pytest.mark.parametrize("bad", [b"bytes", None, 42, ["a list"]])
def test_text_that_is_not_a_str_is_a_type_error(bad: object) -> None:
    with pytest.raises(InvalidTextError) as raised:
        quotebank.extract(bad)  # type: ignore[arg-type]
    assert isinstance(raised.value, TypeError) and isinstance(raised.value, QuotebankError)


@pytest.mark.parametrize("bad", ["2026-02-30", "not a date", "yesterday"])
def test_impossible_or_unreadable_dates_are_value_errors(bad: str) -> None:
    with pytest.raises(InvalidDateError) as raised:
        quotebank.extract("Text.", published=bad)
    assert isinstance(raised.value, ValueError) and isinstance(raised.value, QuotebankError)


@pytest.mark.parametrize(("name", "value"), [("published", 20260205), ("outlet", 3), ("url", b"x")])
def test_options_of_the_wrong_type_are_type_errors(name: str, value: object) -> None:
    with pytest.raises(InvalidArgumentError) as raised:
        quotebank.extract("Text.", **{name: value})  # type: ignore[arg-type]
    assert isinstance(raised.value, TypeError)


def test_article_quotes_equal_extract() -> None:
    text = 'A headline\n"We will win," Jane Doe said.'
    assert quotebank.parse_article(text).quotes == quotebank.extract(text)

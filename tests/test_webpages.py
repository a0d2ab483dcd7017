"""Saved web pages: the main text and the page's metadata, never its markup, scripts or styles."""

from __future__ import annotations

import sys
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

import quotebank
from quotebank.readers.webpages import looks_like_html, parse_html

PAGES = Path(__file__).parent / "pages"
COUNCIL = (PAGES / "council-vote.html").read_text(encoding="utf-8")
STORM = (PAGES / "storm-blog.html").read_text(encoding="utf-8")
BUDGET = (PAGES / "budget-latin1.html").read_bytes()
COUNCIL_URL = "https://www.riverside-courier.example/news/2026/03/council-harbour-vote"
# what the pages hold outside their articles: scripts, styles, cookie banners, menus, related links, footers
BOILERPLATE = (
    "tracking",
    "script",
    "href",
    "<",
    "{",
    "Accept",
    "Morning Tide",
    "Save our quays",
    "Not again",
)


def test_a_news_page_gives_its_quotations_and_nothing_of_its_markup() -> None:
    quotes = quotebank.extract(COUNCIL)
    assert [(q.text, q.speaker_name) for q in quotes] == [
        ("This is a historic night for Riverside,", "Helen Ortiz"),
        ("We are finally giving the harbour back to the people who live here.", "Helen Ortiz"),
        ("Nobody asked us what we needed,", "Tomas Berg"),
        ("They will build flats where our boats used to be.", "Tomas Berg"),
        ("tight but realistic.", "Amira Haddad"),
    ]
    for quote in quotes:
        assert not any(junk in quote.text for junk in BOILERPLATE)


def test_the_article_keeps_the_page_metadata_and_the_text_its_offsets_index() -> None:
    article = parse_html(COUNCIL)
    assert article.title == "Council backs harbour plan after late-night vote"
    assert article.paragraphs[0].kind is quotebank.ParagraphKind.TITLE
    assert article.outlet == "The Riverside Courier"
    assert article.byline == "Priya Natarajan"
    assert article.url == COUNCIL_URL
    assert article.published == datetime(2026, 3, 5, 21, 40, tzinfo=timezone(timedelta(hours=1)))
    assert not any(junk in article.text for junk in BOILERPLATE)
    for quote in article.quotes:
        assert article.text[quote.start : quote.end] == quote.text
        assert (quote.outlet, quote.url, quote.published) == (article.outlet, article.url, article.published)


def test_a_page_without_site_name_takes_its_outlet_from_the_address_and_a_bare_date_stays_a_day() -> None:
    article = parse_html(STORM, url="https://www.northern-weather.example/2026/11/storm")
    assert article.outlet == "northern-weather.example"
    assert article.url == "https://www.northern-weather.example/2026/11/storm"
    assert article.published == date(2026, 11, 18)
    assert type(article.published) is date
    assert [q.speaker_name for q in article.quotes] == ["Lena Fischer", "Lena Fischer", "Ian Murray"]
    assert parse_html(STORM).outlet is None


def test_the_bytes_a_server_sent_are_decoded_by_the_page_s_own_charset() -> None:
    article = parse_html(BUDGET)
    assert article.title == "Bürgermeisterin verteidigt Haushalt"
    assert (article.outlet, article.byline, article.published) == (
        "Lübecker Abendblatt",
        "Jörg Müller",
        date(2026, 1, 14),
    )
    assert article.quotes[0].text == "Wir müssen sparen, aber nicht an der Schule,"
    assert article.quotes[0].speaker_name == "Käthe Schäfer"


def test_the_caller_s_metadata_wins_over_the_page_s() -> None:
    article = parse_html(COUNCIL, url="https://archive.example/1", outlet="Courier", published="2026-03-06")
    assert (article.url, article.outlet, article.published) == (
        "https://archive.example/1",
        "Courier",
        date(2026, 3, 6),
    )
    quotes = quotebank.extract(parse_html(COUNCIL), outlet="Courier")
    assert {q.outlet for q in quotes} == {"Courier"}
    assert {q.url for q in quotes} == {COUNCIL_URL}


def test_a_page_is_an_article_for_a_bank_and_for_extract_many() -> None:
    with quotebank.QuoteBank() as bank:
        bank.add(parse_html(COUNCIL))
        bank.add(STORM, url="https://www.northern-weather.example/2026/11/storm")
        assert bank.add_many([BUDGET.decode("iso-8859-1")]) == 1
        assert [q.speaker_name for q in bank.search("harbour")] == ["Helen Ortiz"]
        assert {q.outlet for q in bank.search(speaker="Lena Fischer")} == {"northern-weather.example"}
        assert len(bank.articles) == 3
    results = list(quotebank.extract_many([COUNCIL, parse_html(STORM), BUDGET], processes=1))
    assert [len(result.quotes) for result in results] == [5, 3, 2]
    assert results[0].quotes[0].url == COUNCIL_URL


def test_a_document_without_running_text_has_no_quotations() -> None:
    assert quotebank.extract("<!DOCTYPE html><html><head><title>x</title></head><body></body></html>") == ()


def test_only_whole_documents_are_read_as_pages() -> None:
    assert looks_like_html(COUNCIL)
    assert looks_like_html(BUDGET)
    assert looks_like_html("\ufeff<!-- saved -->\n<HTML lang=en><body></body></HTML>")
    assert not looks_like_html('<b>"Bold," she said.</b>')
    assert not looks_like_html('"We will win," said Jane Doe.')


def test_without_the_extra_a_page_is_refused_with_the_command_that_installs_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "trafilatura", None)
    with pytest.raises(quotebank.MissingDependencyError, match=r"pip install 'quotebank\[html\]'"):
        quotebank.extract(COUNCIL)
    with pytest.raises(ImportError):
        parse_html(COUNCIL)
    assert quotebank.extract('"It works," said Ada Lovelace.')[0].speaker_name == "Ada Lovelace"


def test_a_page_that_is_not_text_is_refused() -> None:
    with pytest.raises(quotebank.InvalidTextError):
        parse_html(42)  # type: ignore[arg-type]

"""Crawl archives: a WARC file built here with warcio's writer, read by the API and the command line."""

from __future__ import annotations

import io
import json
import logging
import sys
import tracemalloc
from datetime import date, datetime, timezone
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

import quotebank
import quotebank.readers.warc
from quotebank.cli import main
from quotebank.readers.warc import read_warc

PAGES = Path(__file__).parent / "pages"
COUNCIL = (PAGES / "council-vote.html").read_bytes()
STORM = (PAGES / "storm-blog.html").read_bytes()
UNDATED = b"""<!DOCTYPE html><html><head><title>Ferry resumes</title></head><body><article>
<h1>Ferry resumes after repairs</h1>
<p>The island ferry sailed again on Tuesday after three weeks in dry dock, the operator said.</p>
<p>"We are glad to have her back," said Nora Quinn, the harbour master. "The island needs its ferry."</p>
</article></body></html>"""
CRAWLED = "2026-03-10T06:00:00Z"


def _response(
    writer: WARCWriter, url: str, body: bytes, content_type: str = "text/html", status: str = "200 OK"
) -> None:
    headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    record = writer.create_warc_record(
        url,
        "response",
        payload=io.BytesIO(body),
        http_headers=headers,
        warc_headers_dict={"WARC-Date": CRAWLED},
    )
    writer.write_record(record)


def build_warc(path: Path, *, gzip: bool = True, copies: int = 1) -> Path:
    """A small news crawl: three articles among a warcinfo record, a request, an image, a 404 page, a
    redirect and a stylesheet."""
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=gzip)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "tests"}))
        for copy in range(copies):
            request = writer.create_warc_record(
                f"https://www.riverside-courier.example/{copy}",
                "request",
                payload=io.BytesIO(b"GET / HTTP/1.1\r\nHost: www.riverside-courier.example\r\n\r\n"),
            )
            writer.write_record(request)
            _response(
                writer, f"https://www.riverside-courier.example/{copy}", COUNCIL, "text/html; charset=utf-8"
            )
            _response(
                writer, f"https://www.riverside-courier.example/logo-{copy}.png", b"\x89PNG\r\n", "image/png"
            )
            _response(writer, f"https://www.northern-weather.example/storm-{copy}", STORM)
            _response(
                writer, f"https://www.northern-weather.example/gone-{copy}", STORM, status="404 Not Found"
            )
            _response(writer, f"https://island.example/moved-{copy}", b"", status="301 Moved Permanently")
            _response(writer, f"https://island.example/ferry-{copy}", UNDATED, "application/xhtml+xml")
            _response(
                writer, f"https://island.example/site-{copy}.css", b"p { quotes: '\"' '\"'; }", "text/css"
            )
    return path


@pytest.fixture(params=[True, False], ids=["warc.gz", "warc"])
def archive(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    gzip = bool(request.param)
    return build_warc(tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc"), gzip=gzip)


def test_only_successful_html_responses_are_read_with_their_url_date_and_place(archive: Path) -> None:
    pages = list(read_warc(archive))
    assert [page["url"] for page in pages] == [
        "https://www.riverside-courier.example/0",
        "https://www.northern-weather.example/storm-0",
        "https://island.example/ferry-0",
    ]
    assert {page["crawled"] for page in pages} == {datetime(2026, 3, 10, 6, tzinfo=timezone.utc)}
    assert pages[0]["html"] == COUNCIL
    offsets = [int(page["source"].rpartition("@")[2]) for page in pages]
    assert all(page["source"].startswith(f"{archive}@") for page in pages)
    assert offsets == sorted(offsets) and offsets[0] > 0


def test_a_crawl_becomes_a_quote_table_with_extract_many(archive: Path) -> None:
    results = list(quotebank.extract_many(read_warc(archive), processes=1))
    assert [result.error for result in results] == [None] * 3
    quotes = [quote for result in results for quote in result.quotes]
    assert [(q.speaker_name, q.url) for q in quotes][::2] == [
        ("Helen Ortiz", "https://www.riverside-courier.example/0"),
        ("Tomas Berg", "https://www.riverside-courier.example/0"),
        ("Amira Haddad", "https://www.riverside-courier.example/0"),
        ("Lena Fischer", "https://www.northern-weather.example/storm-0"),
        ("Nora Quinn", "https://island.example/ferry-0"),
    ]
    # the page's own date wins; a page without one was published by the time it was crawled
    assert {q.published for q in results[1].quotes} == {date(2026, 11, 18)}
    assert {q.published for q in results[2].quotes} == {datetime(2026, 3, 10, 6, tzinfo=timezone.utc)}
    frame = quotebank.QuoteList(quotes).to_dataframe()
    assert list(frame["url"].unique()) == [result.quotes[0].url for result in results]
    assert str(frame["source"].iloc[0]).startswith(str(archive))


def test_a_crawl_goes_through_extract_add_and_search(archive: Path, tmp_path: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    assert main([str(archive), "--format", "jsonl"], stdout=out, stderr=err) == 0
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert len(records) == 10 and records[-1]["url"] == "https://island.example/ferry-0"
    assert "1 file, 3 articles, 10 quotes, 0 errors" in err.getvalue()
    database = str(tmp_path / "crawl.db")
    out = io.StringIO()
    assert main(["add", database, str(tmp_path), "--quiet"], stdout=out, stderr=io.StringIO()) == 0
    assert out.getvalue().startswith(f"{database}: 3 new articles with 10 quotes")
    out = io.StringIO()
    assert main(["search", database, "--speaker", "quinn", "--format", "jsonl"], stdout=out) == 0
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [(r["url"], r["published"]) for r in records] == [
        ("https://island.example/ferry-0", "2026-03-10T06:00:00+00:00")
    ] * 2
    assert records[0]["source"].startswith(f"{archive}@")


def test_an_archive_is_streamed_in_bounded_memory(tmp_path: Path) -> None:
    small = build_warc(tmp_path / "small.warc.gz", copies=5)
    large = build_warc(tmp_path / "large.warc.gz", copies=100)
    peaks = []
    for path in (small, large):
        tracemalloc.start()
        pages = sum(1 for _page in read_warc(path))
        peaks.append(tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()
        assert pages == 3 * (5 if path is small else 100)
    # twenty times the pages, about the same memory: one record at a time
    assert peaks[1] < 2 * peaks[0]


def test_a_page_longer_than_the_limit_is_skipped_with_a_warning(
    archive: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(quotebank.readers.warc, "MAX_PAGE_BYTES", len(STORM) + 1)
    with caplog.at_level(logging.WARNING, logger="quotebank.readers.warc"):
        pages = list(read_warc(archive))
    assert [page["url"] for page in pages] == [
        "https://www.northern-weather.example/storm-0",
        "https://island.example/ferry-0",
    ]
    assert "https://www.riverside-courier.example/0 is longer than" in caplog.text


def test_without_warcio_an_archive_is_one_error_line(archive: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "warcio.archiveiterator", None)
    with pytest.raises(quotebank.MissingDependencyError, match=r"pip install 'quotebank\[warc\]'"):
        next(read_warc(archive))
    err = io.StringIO()
    assert main([str(archive)], stdout=io.StringIO(), stderr=err) == 1
    assert err.getvalue().startswith(f"quotebank: {archive}: reading WARC files needs warcio")


@pytest.mark.parametrize("gzip", [True, False], ids=["warc.gz", "warc"])
def test_a_damaged_archive_keeps_the_pages_before_the_damage(tmp_path: Path, gzip: bool) -> None:
    path = build_warc(tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc"), gzip=gzip)
    data = path.read_bytes()
    if gzip:  # junk where the third page's record starts
        offset = int(list(read_warc(path))[2]["source"].rpartition("@")[2])
        path.write_bytes(data[:offset] + b"this is no record\r\n\r\n" + data[offset:])
    else:  # the last record cut short, as by a crawler that died
        path.write_bytes(data[: len(data) - 300])
    out, err = io.StringIO(), io.StringIO()
    assert main([str(path), "--format", "jsonl"], stdout=out, stderr=err) == 1
    assert len(out.getvalue().splitlines()) == (8 if gzip else 10)
    assert err.getvalue().startswith(f"quotebank: {path}: cannot read the archive:")

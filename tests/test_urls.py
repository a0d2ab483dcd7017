"""Web addresses: pages fetched from a local server (127.0.0.1 only), one error line per failed address."""

from __future__ import annotations

import http.server
import io
import json
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import quotebank
from quotebank.cli import main
from quotebank.readers.files import Fetcher
from quotebank.readers.webpages import fetch_html

PAGES = Path(__file__).parent / "pages"
SLOW_SECONDS = 3


class _Site(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/slow":
            time.sleep(SLOW_SECONDS)
        page = PAGES / f"{self.path.strip('/')}.html"
        if self.path == "/slow" or not page.is_file():
            self.send_response(404)
            self.end_headers()
            self.wfile.write(b"<html><body>Not found</body></html>")
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        self.wfile.write(page.read_bytes())

    def log_message(self, *args: object) -> None:
        """Quiet: the tests read the command's output, not the server's."""


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        # the client of the slow page has given up (its time-out is the test) by the time the page is
        # written: a closed connection then is expected; anything else is reported as usual
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    server = _Server(("127.0.0.1", 0), _Site)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def run(args: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    return main(args, stdout=out, stderr=err), out.getvalue(), err.getvalue()


def test_a_page_is_fetched_and_its_quotes_keep_its_address(site: str) -> None:
    url = f"{site}/council-vote"
    status, out, err = run([url, "--allow-private", "--format", "jsonl"])
    assert status == 0, err
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["speaker"]["name"] for r in records][:2] == ["Helen Ortiz", "Helen Ortiz"]
    assert {r["url"] for r in records} == {url}
    assert {r["outlet"] for r in records} == {"The Riverside Courier"}


def test_a_list_of_addresses_gives_one_line_per_failure_and_the_others_go_on(
    site: str, tmp_path: Path
) -> None:
    listing = tmp_path / "urls.txt"
    addresses = [f"{site}/council-vote", f"{site}/gone", "http://127.0.0.1:9/refused", f"{site}/storm-blog"]
    listing.write_text("\n".join(addresses) + "\n", encoding="utf-8")
    database = str(tmp_path / "web.db")
    status, out, err = run(["add", database, "--urls", str(listing), "--allow-private", "--delay", "0"])
    assert status == 1
    lines = err.splitlines()
    assert lines[0] == f"quotebank: {site}/gone: the server answered HTTP 404"
    assert lines[1].startswith("quotebank: http://127.0.0.1:9/refused: no page:") and "refused" in lines[1]
    assert "4 files, 2 articles, 8 quotes, 2 errors" in lines[2]
    assert out.startswith(f"{database}: 2 new articles with 8 quotes")
    status, out, _err = run(["search", database, "--speaker", "fischer", "--format", "jsonl"])
    assert {json.loads(line)["url"] for line in out.splitlines()} == {f"{site}/storm-blog"}


def test_private_addresses_are_refused_unless_allowed(site: str) -> None:
    with pytest.raises(quotebank.FetchError, match="non-public address"):
        fetch_html(f"{site}/council-vote")
    assert (
        fetch_html(f"{site}/council-vote", allow_private=True) == (PAGES / "council-vote.html").read_bytes()
    )


def test_a_slow_server_is_given_up_after_the_timeout(site: str) -> None:
    started = time.monotonic()
    status, _out, err = run([f"{site}/slow", "--allow-private", "--timeout", "1", "--quiet"])
    assert status == 1 and "timed out" in err
    # urllib3 tries again a few times; the server's own wait would be longer than all of them
    assert time.monotonic() - started < 4 * SLOW_SECONDS


def test_requests_to_one_host_wait_for_each_other() -> None:
    fetched: list[float] = []
    fetcher = Fetcher(delay=0.3, allow_private=True)

    def fake(url: str, *, timeout: float, allow_private: bool) -> bytes:
        fetched.append(time.monotonic())
        return b"<html></html>"

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("quotebank.readers.files.fetch_html", fake)
        for url in ("https://a.example/1", "https://a.example/2", "https://b.example/1"):
            fetcher(url)
    assert fetched[1] - fetched[0] >= 0.3
    assert fetched[2] - fetched[1] < 0.3  # another host need not wait


def test_an_address_given_as_text_is_refused_with_a_hint() -> None:
    with pytest.raises(quotebank.InvalidTextError, match="is a web address, not an article"):
        quotebank.extract("https://news.example/2026/03/council-vote")
    assert quotebank.extract('"See https://news.example," said Jane Doe.')[0].speaker_name == "Jane Doe"

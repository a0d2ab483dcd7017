"""Pages a second for each kind of input: plain text, HTML pages, and a WARC archive of those pages.

``python -m benchmarks.inputs`` extracts the same articles three ways, in this process (CPU time, so that
other work on the machine counts little): as plain text (the text the HTML reader extracts from each page),
as HTML pages (``quotebank.readers.webpages.parse_html``, then the pipeline), and as the responses of a
``.warc.gz`` archive written beforehand (``quotebank.readers.warc.read_warc`` into ``extract_many``). The
pages are the test pages, each with a paragraph of its own, so no two are equal. It needs the ``html`` and
``warc`` extras.
"""

from __future__ import annotations

import argparse
import io
import itertools
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

import quotebank
from quotebank.readers.warc import read_warc
from quotebank.readers.webpages import parse_html

__all__ = ["main", "pages"]

_PAGES = Path(__file__).resolve().parent.parent / "tests" / "pages"


def pages(count: int) -> list[bytes]:
    """``count`` distinct pages, made from the test pages."""
    bases = [path.read_bytes() for path in sorted(_PAGES.glob("*.html"))]
    made = []
    for number, base in zip(range(count), itertools.cycle(bases)):
        paragraph = f'<p>"This is copy number {number}," said Ann Example.</p></article>'.encode()
        made.append(base.replace(b"</article>", paragraph, 1) if b"</article>" in base else base)
    return made


def _write_warc(path: Path, documents: list[bytes]) -> None:
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for number, document in enumerate(documents):
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                f"https://news.example/{number}",
                "response",
                payload=io.BytesIO(document),
                http_headers=headers,
            )
            writer.write_record(record)


def _cpu(work: Callable[[], int]) -> tuple[float, int]:
    started = time.process_time()
    quotes = work()
    return time.process_time() - started, quotes


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=300, help="how many pages (default 300)")
    count = parser.parse_args(argv).pages
    documents = pages(count)
    texts = [parse_html(document).text for document in documents]
    with tempfile.TemporaryDirectory() as folder:
        archive = Path(folder) / "crawl.warc.gz"
        _write_warc(archive, documents)
        runs = {
            "plain text": lambda: sum(len(quotebank.extract(text)) for text in texts),
            "HTML pages": lambda: sum(len(parse_html(document).quotes) for document in documents),
            "WARC (.warc.gz)": lambda: sum(
                len(result.quotes) for result in quotebank.extract_many(read_warc(archive), processes=1)
            ),
        }
        # the ways take turns, three rounds, and each keeps its fastest: a busy machine slows one round only
        best: dict[str, tuple[float, int]] = {}
        for _round in range(3):
            for name, work in runs.items():
                seconds, quotes = _cpu(work)
                best[name] = min(best.get(name, (seconds, quotes)), (seconds, quotes))
        print(f"{count} pages, one process, CPU time (fastest of 3 rounds)")
        print(f"{'input':<16} {'seconds':>8} {'pages/s':>8} {'quotes':>7}")
        for name, (seconds, quotes) in best.items():
            print(f"{name:<16} {seconds:>8.2f} {count / seconds:>8.0f} {quotes:>7}")


if __name__ == "__main__":
    main()

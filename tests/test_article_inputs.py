"""One input contract (quotebank.items): every path into quotebank reads the same articles, and refuses the
same non-articles with the same errors."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

import quotebank
from quotebank import (
    ArticleDecodeError,
    ArticleReadError,
    InvalidArgumentError,
    InvalidTextError,
    QuoteBank,
    extract_many,
    parse_article,
)
from quotebank.readers.files import Input
from quotebank.readers.items import article_of
from quotebank.scale.tables import quotes_table

TEXT = '"We will rebuild," Mayor Jane Doe said on Monday.'

GOOD: list[tuple[str, object]] = [
    ("str", TEXT),
    ("bytes", TEXT.encode("utf-8")),
    ("bytearray", bytearray(TEXT.encode("utf-8"))),
    ("Article", parse_article(TEXT)),
    ("pair", (TEXT, {"outlet": "Courier"})),
    ("pair of bytes", (TEXT.encode(), {"outlet": "Courier"})),
    ("record", {"text": TEXT, "outlet": "Courier", "id": 7}),
    ("record of the flat schema", {"text": TEXT, "outlet": "Courier", "article_id": "7", "speaker": "x"}),
    ("reader's Input", Input("a.txt", "a.txt", {"text": TEXT, "source": "a.txt"})),
]

BAD: list[tuple[str, object, type[Exception]]] = [
    ("int", 42, InvalidTextError),
    ("None", None, InvalidTextError),
    ("list in a record", {"text": ["a list"]}, InvalidTextError),
    ("undecodable bytes", b"\xff\xfe not text", ArticleDecodeError),
    ("record without text", {"body": TEXT}, InvalidArgumentError),
    ("unknown metadata", (TEXT, {"author": "me"}), InvalidArgumentError),
    ("a 1-tuple", (TEXT,), InvalidArgumentError),
    ("two ids", {"text": TEXT, "id": "1", "article_id": "2"}, InvalidArgumentError),
    ("an id of a bad type", {"text": TEXT, "id": 1.5}, InvalidArgumentError),
    ("a reader's error", Input("gone.txt", "gone.txt", error="cannot read: No such file"), ArticleReadError),
]


def _bank_add(item: object) -> Any:
    return QuoteBank().add(item)  # type: ignore[arg-type]


def _bank_add_many(item: object) -> Any:
    return QuoteBank().add_many([item])  # type: ignore[list-item]


def _bank_add_many_in_workers(item: object) -> Any:
    return QuoteBank().add_many([item], processes=1)  # type: ignore[list-item]


def _extract_many(item: object) -> Any:
    [result] = extract_many([item], processes=1)  # type: ignore[list-item]
    if result.error is not None:
        raise result.error
    return result


def _table(item: object) -> Any:
    return quotes_table([item])


PATHS: list[Callable[[object], Any]] = [
    article_of,
    _bank_add,
    _bank_add_many,
    _bank_add_many_in_workers,
    _extract_many,
    _table,
]


@pytest.mark.parametrize("path", PATHS, ids=lambda path: path.__name__)
@pytest.mark.parametrize(("name", "item", "error"), BAD, ids=[name for name, *_rest in BAD])
def test_every_path_refuses_a_non_article_with_the_same_error(
    path: Callable[[object], Any], name: str, item: object, error: type[Exception]
) -> None:
    with pytest.raises(error):
        path(item)


@pytest.mark.parametrize(("name", "item"), GOOD, ids=[name for name, _item in GOOD])
def test_every_path_reads_every_form_of_article_alike(name: str, item: object) -> None:
    expected = [(q.text, q.speaker_name) for q in quotebank.extract(TEXT)]
    assert [(q.text, q.speaker_name) for q in article_of(item).quotes] == expected
    bank = QuoteBank()
    assert [(q.text, q.speaker_name) for q in bank.add(item).quotes] == expected  # type: ignore[arg-type]
    assert bank.add_many([item]) == 0  # type: ignore[list-item]  # the same article: stored once
    workers = QuoteBank()
    assert workers.add_many([item], processes=1) == 1  # type: ignore[list-item]
    assert [(q.text, q.speaker_name) for q in workers] == expected
    [result] = extract_many([item], processes=1)  # type: ignore[list-item]
    assert [(q.text, q.speaker_name) for q in result.quotes] == expected
    table = quotes_table([item])
    assert list(zip(table["text"], table["speaker"], strict=True)) == expected


def test_metadata_comes_from_the_record_and_the_callers_options_win() -> None:
    record = {"text": TEXT, "outlet": "Courier", "article_id": 7, "published": "2026-02-05"}
    quote = article_of(record).quotes[0]
    assert (quote.outlet, quote.article_id, str(quote.published)) == ("Courier", "7", "2026-02-05")
    stored = QuoteBank().add(record, outlet="Gazette").article
    assert (stored.outlet, stored.quotes[0].outlet, stored.quotes[0].article_id) == (
        "Gazette",
        "Gazette",
        "7",
    )


def test_a_record_of_missing_values_from_a_data_frame_reads_as_no_metadata() -> None:
    pandas = pytest.importorskip("pandas")
    quote = article_of({"text": TEXT, "outlet": pandas.NA, "published": pandas.NaT, "id": None}).quotes[0]
    assert (quote.outlet, quote.published, quote.article_id) == (None, None, None)

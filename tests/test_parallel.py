"""extract_many: the same quotes as extract, in input order, from worker processes, in bounded memory, with
one error record for each article that cannot be read."""

from __future__ import annotations

import itertools
import math
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Iterator, Mapping
from datetime import datetime
from typing import Any

import attrs
import pandas as pd
import pytest

import quotebank
from benchmarks.adversarial import build
from quotebank import (
    ArticleDecodeError,
    ExtractFailedError,
    ExtractResult,
    ExtractTimeoutError,
    InvalidArgumentError,
    InvalidDateError,
    InvalidTextError,
    QuoteBank,
    QuotebankError,
    extract,
    extract_many,
)
from quotebank.scale.processes import _WORKER, extract_one
from tests.conftest import SEEDS

SEED_TEXTS = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
SHORT = '"We will keep working," Jane Doe, the mayor, said on Monday.'


def numbered_articles(count: int | None = None) -> Iterator[str]:
    """Distinct articles (each seed with a paragraph of its own), endless when ``count`` is None."""
    for number in itertools.count() if count is None else range(count):
        yield f"{SEED_TEXTS[number % 2]}\n'Article {number},' said Ann Example."


@pytest.mark.parametrize("processes", [1, 2])
def test_same_quotes_as_extract_in_input_order(processes: int) -> None:
    texts = list(numbered_articles(37))
    results = list(extract_many(texts, processes=processes, chunksize=3))
    assert [result.index for result in results] == list(range(37))
    assert all(result.ok for result in results)
    assert [result.quotes for result in results] == [extract(text) for text in texts]
    assert all(type(result.quotes) is quotebank.QuoteList for result in results)


def test_metadata_pairs_records_articles_and_bytes() -> None:
    metadata = {"outlet": "Daily Example", "published": "2026-03-12 09:15", "url": "https://example.org/a"}
    expected = extract(SHORT, **metadata)
    article = quotebank.parse_article(SHORT, outlet="Own Outlet")
    items: list[Any] = [
        (SHORT, metadata),
        {"text": SHORT, **metadata, "id": 17, "source": "feed.jsonl", "section": "kept out of the way"},
        {"text": SHORT, "outlet": "Daily Example", "published": "2026-03-12 09:15", "url": metadata["url"]},
        article,
        (article, {"url": "https://example.org/b"}),
        "\ufeff".encode() + SHORT.encode(),
        (SHORT.encode(), metadata),
    ]
    results = list(extract_many(items, processes=2, chunksize=2))
    assert [result.error for result in results] == [None] * len(items)
    assert results[0].quotes == results[2].quotes == results[6].quotes == expected
    # a record's own id and source travel with its quotes
    assert [(q.article_id, q.source) for q in results[1].quotes] == [("17", "feed.jsonl")]
    assert [attrs.evolve(q, article_id=None, source=None) for q in results[1].quotes] == list(expected)
    assert results[0].quotes[0].published.isoformat() == "2026-03-12T09:15:00"  # type: ignore[union-attr]
    assert results[3].quotes == article.quotes
    assert [q.outlet for q in results[3].quotes] == ["Own Outlet"]
    # an article's own metadata fills in what the pair leaves out
    assert [(q.outlet, q.url) for q in results[4].quotes] == [("Own Outlet", "https://example.org/b")]
    assert results[5].quotes == extract(SHORT)


def test_records_from_data_frames_treat_missing_values_as_absent() -> None:
    frame = pd.DataFrame(
        {
            "text": [SHORT, SHORT, SHORT],
            "outlet": pd.Series(["Daily Example", None, pd.NA], dtype="string"),
            "published": pd.to_datetime(["2026-03-12", None, None]),
            "views": [1.0, math.nan, 3.0],
        }
    )
    results = list(extract_many(frame.to_dict("records"), processes=1))
    assert [r.error for r in results] == [None, None, None]
    assert results[0].quotes[0].outlet == "Daily Example"
    published = results[0].quotes[0].published
    assert type(published) is datetime
    assert published == datetime(2026, 3, 12)
    assert [(r.quotes[0].outlet, r.quotes[0].published) for r in results[1:]] == [(None, None), (None, None)]


BAD_ITEMS: list[tuple[object, type[QuotebankError], str]] = [
    (42, InvalidTextError, "int"),
    (None, InvalidTextError, "NoneType"),
    (b"caf\xe9 au lait", ArticleDecodeError, "not UTF-8"),
    ((SHORT, {"outlet": "X"}, "extra"), InvalidArgumentError, "pair"),
    ((SHORT, "Reuters"), InvalidArgumentError, "pair"),
    ((SHORT, {"publisher": "X"}), InvalidArgumentError, "publisher"),
    ((SHORT, {"published": "not a date at all"}), InvalidDateError, "not a date at all"),
    ((SHORT, {"published": 2026}), InvalidArgumentError, "published"),
    ((SHORT, {"outlet": 7}), InvalidArgumentError, "outlet"),
    ({"body": SHORT}, InvalidArgumentError, "'text'"),
    ({"text": ["a list"]}, InvalidTextError, "list"),
]


@pytest.mark.parametrize("processes", [1, 2])
def test_an_article_that_cannot_be_read_gives_an_error_record_and_the_run_goes_on(processes: int) -> None:
    items: list[Any] = []
    for bad, _kind, _words in BAD_ITEMS:
        items += [bad, SHORT]
    results = list(extract_many(items, processes=processes, chunksize=4))
    assert [r.index for r in results] == list(range(len(items)))
    for (_bad, kind, words), failed, read in zip(BAD_ITEMS, results[::2], results[1::2], strict=True):
        assert type(failed.error) is kind
        assert words in str(failed.error)
        assert not failed.ok
        assert failed.quotes == ()
        assert read.ok
        assert read.quotes == extract(SHORT)


def test_extract_one_numbers_its_result() -> None:
    assert extract_one(SHORT, index=5) == ExtractResult(5, extract(SHORT))
    assert extract_one(3.5).index == 0  # type: ignore[arg-type]


class ExplodingRecord(Mapping[str, Any]):
    """A record whose every lookup fails with an error that is not quotebank's: a bug, not bad input."""

    def __getitem__(self, key: str) -> Any:
        raise RuntimeError("the record exploded")

    def __iter__(self) -> Iterator[str]:
        return iter(["text"])

    def __len__(self) -> int:
        return 1


@pytest.mark.parametrize("processes", [1, 2])
def test_an_unexpected_error_in_an_article_is_recorded_and_the_run_goes_on(processes: int) -> None:
    results = list(extract_many([SHORT, ExplodingRecord(), SHORT], processes=processes, chunksize=1))
    assert [r.ok for r in results] == [True, False, True]
    assert type(results[1].error) is ExtractFailedError
    assert isinstance(results[1].error, RuntimeError)
    assert "RuntimeError: the record exploded" in str(results[1].error)


class KillsItsWorker:
    """An item whose unpickling ends the process that reads it, as a crash or the OOM killer would."""

    def __reduce__(self) -> tuple[Any, ...]:
        return (os._exit, (9,))


class Unpicklable:
    def __reduce__(self) -> tuple[Any, ...]:
        raise TypeError("cannot pickle this")


def test_a_worker_that_dies_or_an_item_that_cannot_be_sent_is_an_error_record() -> None:
    items: list[Any] = [SHORT, KillsItsWorker(), SHORT, Unpicklable(), SHORT, KillsItsWorker(), SHORT]
    results = list(extract_many(items, processes=2, chunksize=3))
    assert [r.index for r in results] == list(range(len(items)))
    assert [type(r.error).__name__ for r in results] == [
        "NoneType",
        "ExtractFailedError",
        "NoneType",
        "ExtractFailedError",
        "NoneType",
        "ExtractFailedError",
        "NoneType",
    ]
    assert "died" in str(results[1].error)
    assert "cannot be sent" in str(results[3].error)
    assert all(r.quotes == extract(SHORT) for r in results[::2])


def test_a_possessive_only_speaker_would_have_been_an_error_record_not_a_crash() -> None:
    # what "'x' said 's" gave before names.split_name stopped raising IndexError on it
    class RaisesIndexError(ExplodingRecord):
        def __getitem__(self, key: str) -> Any:
            raise IndexError("string index out of range")

    (result,) = extract_many([RaisesIndexError()], processes=1)
    assert type(result.error) is ExtractFailedError
    assert "IndexError" in str(result.error)
    assert [r.ok for r in extract_many(['"x" said \'s'], processes=1)] == [True]


@pytest.mark.parametrize("processes", [1, 2])
def test_when_the_items_raise_everything_read_before_is_handed_out_first(processes: int) -> None:
    def one_shot() -> Iterator[str]:
        yield from numbered_articles(100)
        raise OSError("the feed broke")

    received = []
    with pytest.raises(OSError, match="the feed broke"):
        for result in extract_many(one_shot(), processes=processes, chunksize=7):
            received.append(result.index)
    assert received == list(range(100))


def test_lone_surrogates_are_text_like_any_other() -> None:
    texts = ['"We will\ud800 win," said Jane Doe.', "\udfff", '"\ud83d," she said.']
    expected = [extract(text) for text in texts]
    assert [q.text for q in expected[0]] == ["We will\ud800 win,"]
    assert quotebank.parse_article(texts[0]).quotes == expected[0]
    for processes in (1, 2):
        results = list(extract_many(texts, processes=processes))
        assert [r.quotes for r in results] == expected


@pytest.mark.parametrize(
    "options",
    [
        {"processes": 0},
        {"processes": -2},
        {"processes": True},
        {"processes": 1.5},
        {"chunksize": 0},
        {"chunksize": 10**30},  # more than a slice of the input can hold
    ],
)
def test_bad_options_are_refused_before_any_article_is_read(options: dict[str, Any]) -> None:
    pulled: list[str] = []

    def articles() -> Iterator[str]:
        pulled.append(SHORT)
        yield SHORT

    with pytest.raises(InvalidArgumentError):
        extract_many(articles(), **options)
    assert pulled == []


@pytest.mark.parametrize("items", [None, 42, SHORT, SHORT.encode()])
def test_what_is_not_many_articles_is_refused(items: Any) -> None:
    # None and 42 raised a bare TypeError; one text was read as one article a character
    with pytest.raises(InvalidArgumentError, match="iterable of articles"):
        extract_many(items)


def test_endless_input_is_read_a_bounded_window_ahead() -> None:
    pulled = 0

    def endless() -> Iterator[str]:
        nonlocal pulled
        for text in numbered_articles():
            pulled += 1
            yield text

    processes, chunksize = 2, 5
    window = processes * 2 * chunksize  # the chunks in flight, two for each worker
    results = extract_many(endless(), processes=processes, chunksize=chunksize)
    for received, result in enumerate(results, 1):
        assert result.index == received - 1
        # never more read than the results handed out, the chunks in flight and the chunk being filled
        assert pulled <= received + window + chunksize
        if received == 120:
            break
    results.close()  # type: ignore[attr-defined]
    assert pulled <= 120 + window + chunksize


# an article that takes many seconds (tens of thousands of quotations): a stand-in for a pathological page
SLOW = build("between-letters:“", 400_000)


def children() -> list[Any]:
    """extract_many's worker processes still running (other tests may leave helpers of their own)."""
    psutil = pytest.importorskip("psutil")
    workers = []
    for child in psutil.Process().children(recursive=True):
        try:
            if child.status() != "zombie" and _WORKER in child.cmdline():
                workers.append(child)
        except psutil.NoSuchProcess:
            continue  # ended while being looked at
    return workers


def stopped_within(seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while children() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert children() == []


@pytest.mark.parametrize("how", ["close", "break", "interrupt"])
def test_stopping_early_stops_the_workers_promptly(how: str) -> None:
    results = extract_many([SHORT, SHORT, SLOW, SLOW, SLOW], processes=2, chunksize=1)
    first = next(results)
    assert first.index == 0
    assert len(children()) == 2  # the two workers, on the slow articles
    started = time.perf_counter()
    if how == "close":
        results.close()  # type: ignore[attr-defined]
    elif how == "break":
        for result in results:
            assert result.index == 1
            break
        del results  # the generator is closed when the last reference goes, as when a loop's scope ends
    else:
        # Ctrl-C in a terminal, or "interrupt kernel" in Jupyter, while the workers are busy
        timer = threading.Timer(0.5, os.kill, (os.getpid(), signal.SIGINT))
        timer.start()
        with pytest.raises(KeyboardInterrupt):
            list(results)
        timer.join()
    assert time.perf_counter() - started < 5
    stopped_within(2)


@pytest.mark.parametrize("processes", [1, 2])
def test_an_article_past_the_time_limit_is_an_error_record(processes: int) -> None:
    started = time.perf_counter()
    results = list(extract_many([SHORT, SLOW, SHORT, SHORT], processes=processes, chunksize=2, timeout=1))
    assert time.perf_counter() - started < 20
    assert [r.index for r in results] == [0, 1, 2, 3]
    error = results[1].error
    assert type(error) is ExtractTimeoutError
    assert isinstance(error, TimeoutError)
    assert "time limit of 1 s" in str(error)
    assert all(r.quotes == extract(SHORT) for r in (results[0], results[2], results[3]))
    stopped_within(2)


@pytest.mark.parametrize("processes", [None, 2])
def test_add_many_stores_the_others_when_an_article_runs_past_the_time_limit(processes: int | None) -> None:
    failures: list[ExtractResult] = []
    bank = QuoteBank()
    other = SHORT.replace("Monday", "Tuesday")
    assert bank.add_many([SHORT, SLOW, other], processes=processes, timeout=1, on_error=failures.append) == 2
    assert [article.text for article in bank.articles] == [SHORT, other]
    assert [(failure.index, type(failure.error)) for failure in failures] == [(1, ExtractTimeoutError)]
    # without on_error, the failure is raised once the articles before it are stored
    bank = QuoteBank()
    with pytest.raises(ExtractTimeoutError, match="time limit of 1 s"):
        bank.add_many([SHORT, SLOW, other], timeout=1)
    assert [article.text for article in bank.articles] == [SHORT]
    stopped_within(2)


@pytest.mark.parametrize("timeout", [0, -1, "5", True, float("nan")])
def test_a_bad_time_limit_is_refused(timeout: Any) -> None:
    with pytest.raises(InvalidArgumentError, match="timeout"):
        extract_many([SHORT], timeout=timeout)
    with pytest.raises(InvalidArgumentError, match="timeout"):
        QuoteBank().add_many([SHORT], timeout=timeout)


SCRIPT = textwrap.dedent(
    """
    import quotebank
    print("top level ran")
    results = list(quotebank.extract_many(['"Yes," said Ann Lee.'] * 5, processes=2, chunksize=1))
    print([r.quotes[0].speaker_name for r in results])
    """
)


@pytest.mark.parametrize("via", ["file", "stdin"])
def test_a_script_without_a_main_guard_works(via: str, tmp_path: Any) -> None:
    script = tmp_path / "crawl.py"
    script.write_text(SCRIPT, encoding="utf-8")
    command = [sys.executable, str(script)] if via == "file" else [sys.executable, "-"]
    done = subprocess.run(
        command,
        input=None if via == "file" else SCRIPT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["top level ran", str(["Ann Lee"] * 5)]
    assert done.stderr == ""


def test_empty_input_gives_no_results() -> None:
    assert list(extract_many([], processes=2)) == []
    assert list(extract_many(iter(()), processes=1)) == []


def test_the_workers_are_gone_once_the_last_result_is_handed_out() -> None:
    texts = list(numbered_articles(12))
    results = extract_many(texts, processes=2, chunksize=2)
    # zip stops after the last text without asking the results for more, leaving the generator suspended
    pairs = list(zip(texts, results, strict=False))
    assert [result.quotes for _text, result in pairs] == [extract(text) for text in texts]
    stopped_within(10)


def test_the_parallel_benchmark_runs_and_checks_that_every_way_agrees() -> None:
    from benchmarks.parallel import articles, time_runs  # noqa: PLC0415 -- a script, not the library

    assert len(set(articles(30))) == 30
    seconds = time_runs(6, 2, 2)
    assert list(seconds) == ["loop", "1 process", "2 processes"]
    assert all(0 < taken < 60 for taken in seconds.values())


def test_without_a_python_to_start_workers_the_run_fails_at_once_with_one_sentence(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Any
) -> None:
    monkeypatch.setattr(sys, "executable", str(tmp_path / "no-python-here"))
    with pytest.raises(ExtractFailedError, match=r"cannot start a worker process .*; use processes=1$"):
        list(extract_many([SHORT, SHORT], processes=2))

"""The bank as a collection and as a store: adding once, streaming, the SQLite file (schema version, other
files), transactions under errors and killed processes, and readers in other processes while one writes."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import quotebank.collection.store
from quotebank import (
    Article,
    BankFileError,
    InvalidArgumentError,
    InvalidTextError,
    QuoteBank,
    QuotebankError,
    SchemaVersionError,
    parse_article,
)
from quotebank.collection.store import SCHEMA_VERSION, Store
from tests.conftest import SEEDS

KYIV = (SEEDS / "000_39001c3f19b39482.txt").read_text(encoding="utf-8")
ANADOLU = (SEEDS / "004_682f09ba88d465d4.txt").read_text(encoding="utf-8")


SPEAKERS = ("Jane Doe", "Ana Lima", "Omar Haddad")


def _article(number: int, quotes: int = 3) -> str:
    """A small article with ``quotes`` attributed quotes, different for every ``number``."""
    speaker = SPEAKERS[number % len(SPEAKERS)]
    lines = [f"Talks resume in city number {number}"]
    lines += [f'"Point {k} of plan {number} is settled," {speaker} said.' for k in range(quotes)]
    return "\n".join(lines) + "\n"


def _problems(path: Path) -> list[str]:
    store = Store.open(path)
    try:
        return store.problems()
    finally:
        store.close()


def test_same_article_is_stored_once(tmp_path: Path) -> None:
    bank = QuoteBank.open(tmp_path / "bank.db")
    added = bank.add(KYIV, outlet="Kyiv Post", url="https://kyiv.example/1")
    assert (added.new, added.quote_count) == (True, 12)
    first = added.article
    assert len(bank) == 12
    again = bank.add(KYIV)  # same text
    assert (again.article, again.new, again.quote_count) == (first, False, None)
    assert repr(again).startswith("AddedArticle(duplicate, already stored, Kyiv Post, ")
    assert "\n" not in repr(again)
    assert bank.add("A different text.", url="https://kyiv.example/1").article == first  # same url
    assert bank.add("\n" + KYIV + "\n\n", outlet="Other").article == first  # the same text, trimmed
    assert len(bank) == 12
    assert len(bank.articles) == 1
    assert bank.articles[0] == first
    assert bank.add_many([KYIV, (KYIV, {"outlet": "X"}), parse_article(KYIV)]) == 0
    assert len(bank) == 12


def test_add_many_takes_texts_pairs_and_articles_from_a_stream() -> None:
    bank = QuoteBank()
    consumed = []

    def items() -> Iterator[str | Article | tuple[str, dict[str, str]]]:
        for number in range(250):
            consumed.append(number)
            if number % 3 == 0:
                yield _article(number)
            elif number % 3 == 1:
                yield _article(number), {"outlet": "Daily Example", "published": "2026-01-02"}
            else:
                yield parse_article(_article(number), url=f"https://example.org/{number}")

    assert bank.add_many(items()) == 250
    assert len(bank) == 750
    assert len(bank.articles) == 250
    assert len(bank.search(outlet="Daily Example")) == 83 * 3
    assert bank.articles[2].url == "https://example.org/2"
    assert bank.articles[-1].title == "Talks resume in city number 249"
    assert [a.title for a in bank.articles[1:3]] == [
        "Talks resume in city number 1",
        "Talks resume in city number 2",
    ]
    with pytest.raises(IndexError):
        bank.articles[250]


def test_articles_come_back_whole(tmp_path: Path) -> None:
    with QuoteBank.open(tmp_path / "bank.db") as bank:
        added = bank.add(ANADOLU, url="https://aa.example/x").article
    with QuoteBank.open(tmp_path / "bank.db") as bank:
        [stored] = bank.articles
    assert stored == added
    assert stored.quotes == added.quotes  # the same text gives the same quotes
    assert list(QuoteBank.open(tmp_path / "bank.db")) == list(added.quotes)


def test_bad_input_is_a_clear_error() -> None:
    bank = QuoteBank()
    with pytest.raises(InvalidTextError):
        bank.add(42)  # type: ignore[arg-type]
    with pytest.raises(InvalidArgumentError, match="unknown article metadata"):
        bank.add_many([("text", {"author": "me"})])
    with pytest.raises(InvalidArgumentError):
        bank.add_many([("text",)])  # type: ignore[list-item]
    with pytest.raises(InvalidArgumentError):
        QuoteBank.open(42)  # type: ignore[arg-type]
    with pytest.raises(InvalidArgumentError, match="outlet must be a str"):
        bank.add(parse_article(KYIV), outlet=3)  # type: ignore[arg-type]
    with pytest.raises(InvalidArgumentError, match="url must be a str"):
        bank.add_many([(KYIV, {"url": 3})])
    assert len(bank) == 0


def test_a_newer_schema_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "bank.db"
    QuoteBank.open(path).close()
    with sqlite3.connect(path) as connection:
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(SchemaVersionError, match="newer quotebank"):
        QuoteBank.open(path)


def test_a_bank_file_that_cannot_be_created_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(BankFileError, match="cannot open"):
        QuoteBank.open(tmp_path / "no such folder" / "bank.db")
    with pytest.raises(OSError):
        QuoteBank.open(tmp_path)  # a directory


def test_other_files_are_not_banks(tmp_path: Path) -> None:
    text_file = tmp_path / "notes.txt"
    text_file.write_text("not a database at all\n" * 100)
    with pytest.raises(SchemaVersionError, match="not a quotebank database"):
        QuoteBank.open(text_file)
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE things (x)")
    with pytest.raises(SchemaVersionError, match="not a quotebank database"):
        QuoteBank.open(other)


def test_an_error_inside_an_article_leaves_whole_articles_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "bank.db"
    bank = QuoteBank.open(path)
    calls = 0
    real = quotebank.collection.store.quote_to_dict

    def failing(quote: quotebank.Quote) -> dict[str, object]:
        nonlocal calls
        calls += 1
        if calls == 5 * 3 + 2:  # the second quote of the sixth article
            raise RuntimeError("disk on fire")
        return real(quote)

    monkeypatch.setattr(quotebank.collection.store, "quote_to_dict", failing)
    with pytest.raises(RuntimeError, match="disk on fire"):
        bank.add_many(_article(n) for n in range(10))
    assert len(bank.articles) == 5
    assert len(bank) == 15
    assert _problems(path) == []


def test_a_write_opens_no_savepoint_and_encodes_each_speaker_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What a write costs the calling process (``python -m benchmarks.bank_scale`` times it): a savepoint per
    article made SQLite copy every page an article touched, and every quote encoded its speaker again."""
    bank = QuoteBank.open(tmp_path / "bank.db")
    statements: list[str] = []
    bank._store._connection.set_trace_callback(statements.append)
    encoded: list[str] = []
    real = quotebank.collection.store.speaker_to_dict

    def counting(speaker: quotebank.Speaker) -> dict[str, object]:
        encoded.append(speaker.name)
        return real(speaker)

    monkeypatch.setattr(quotebank.collection.store, "speaker_to_dict", counting)
    bank.add_many(_article(n) for n in range(30))
    assert len(bank) == 90
    assert not [sql for sql in statements if "SAVEPOINT" in sql.upper()]
    assert sorted(encoded) == sorted(SPEAKERS)


def test_an_error_in_the_stream_keeps_the_articles_before_it(tmp_path: Path) -> None:
    path = tmp_path / "bank.db"
    bank = QuoteBank.open(path)

    def items() -> Iterator[str]:
        for number in range(150):
            yield _article(number)
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        bank.add_many(items())
    assert len(bank.articles) == 150
    assert _problems(path) == []


_WRITER = """
import os, signal, sys
import quotebank.collection.store
from quotebank import QuoteBank

path, kill_at = sys.argv[1], int(sys.argv[2])
calls = 0
real = quotebank.collection.store.quote_to_dict

def quote_to_dict(quote):
    global calls
    calls += 1
    if calls == kill_at:
        os.kill(os.getpid(), signal.SIGKILL)  # in the middle of an article, inside a transaction
    return real(quote)

quotebank.collection.store.quote_to_dict = quote_to_dict

def article(number):
    lines = [f"Talks resume in city number {number}"]
    lines += [f'"Point {k} of plan {number} is settled," Jane Doe said.' for k in range(3)]
    return "\\n".join(lines)

QuoteBank.open(path).add_many(article(n) for n in range(100_000))
"""


def _spawn(code: str, *args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-c", textwrap.dedent(code), *args], stderr=subprocess.PIPE)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_process_killed_in_the_middle_of_an_article_leaves_whole_articles(tmp_path: Path) -> None:
    path = tmp_path / "bank.db"
    # killed by itself in the middle of the third batch of articles, at the second quote of an article
    batch = quotebank.collection.bank._BATCH_ARTICLES
    writer = _spawn(_WRITER, str(path), str((2 * batch + batch // 2) * 3 + 2))
    writer.wait(timeout=120)
    assert writer.returncode == -signal.SIGKILL
    assert _problems(path) == []
    bank = QuoteBank.open(path)
    assert len(bank.articles) == 2 * batch
    assert len(bank) == 3 * 2 * batch


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_process_killed_at_any_moment_leaves_whole_articles(tmp_path: Path) -> None:
    path = tmp_path / "bank.db"
    for delay in (0.0, 0.05, 0.3):
        writer = _spawn(_WRITER, str(path), "0")
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if path.exists() and writer.poll() is None:
                try:
                    with QuoteBank.open(path) as bank:
                        if len(bank.articles) > 0:
                            break
                except QuotebankError:
                    pass  # the file is being created
            time.sleep(0.01)
        time.sleep(delay)
        writer.send_signal(signal.SIGKILL)
        writer.wait(timeout=60)
        assert _problems(path) == []
        bank = QuoteBank.open(path)
        assert len(bank) == 3 * len(bank.articles) > 0
        bank.close()


_READER = """
import json, sys, time
from quotebank import QuoteBank

path = sys.argv[1]
print("ready", flush=True)
# the writer writes for 3 s from when both readers are ready, however long starting them took
until = float(sys.stdin.readline())
seen = []
while time.time() < until:
    with QuoteBank.open(path) as bank:
        count = len(bank)
        found = bank.search("settled", limit=5)
        assert all("settled" in q.text for q in found)
        assert bank.speaker("doe").name == "Jane Doe"
        seen.append(count)
print(json.dumps(seen))
"""


def test_readers_in_other_processes_read_while_one_writes(tmp_path: Path) -> None:
    path = tmp_path / "bank.db"
    QuoteBank.open(path).add(_article(-3))  # by Jane Doe, whom the readers look for
    readers = [
        subprocess.Popen(
            [sys.executable, "-c", _READER, str(path)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for _ in range(2)
    ]
    for reader in readers:
        assert reader.stdout is not None and reader.stdout.readline() == b"ready\n"
    until = time.time() + 3
    for reader in readers:
        assert reader.stdin is not None
        reader.stdin.write(f"{until}\n".encode())
        reader.stdin.flush()
    with QuoteBank.open(path) as bank:
        number = 0
        while time.time() < until - 0.5:
            bank.add_many(_article(n) for n in range(number, number + 20))
            number += 20
    for reader in readers:
        out, err = reader.communicate(timeout=60)
        assert reader.returncode == 0, err.decode()
        counts = json.loads(out)
        assert counts == sorted(counts)  # each read sees a growing bank ...
        assert all(count % 3 == 0 for count in counts)  # ... of whole articles
        assert len(counts) > 1
    assert _problems(path) == []
    assert os.path.getsize(path) > 0


_CREATOR = """
import sys
from quotebank import QuoteBank

path, first = sys.argv[1], int(sys.argv[2])
with QuoteBank.open(path) as bank:
    bank.add_many(f'"Point {n} is settled," Jane Doe said.' for n in range(first, first + 20))
"""


def test_processes_that_create_one_bank_together_all_write_to_it(tmp_path: Path) -> None:
    path = tmp_path / "bank.db"
    writers = [
        subprocess.Popen([sys.executable, "-c", _CREATOR, str(path), str(20 * n)], stderr=subprocess.PIPE)
        for n in range(3)
    ]
    for writer in writers:
        _out, err = writer.communicate(timeout=120)
        assert writer.returncode == 0, err.decode()
    with QuoteBank.open(path) as bank:
        assert len(bank.articles) == len(bank) == 60
    assert _problems(path) == []


def test_the_same_person_in_many_articles_is_one_speaker_row() -> None:
    bank = QuoteBank()
    bank.add_many(_article(n) for n in range(0, 30, len(SPEAKERS)))  # Jane Doe's, ten articles
    assert len(bank) == 30
    assert bank._store._connection.execute("SELECT count(*) FROM speakers").fetchone() == (1,)

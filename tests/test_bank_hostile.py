"""The bank against careless users and hostile input: paths that name no file, other programs' files,
damaged files, read-only files and full disks, records that could not be read back, text that UTF-8 cannot
hold, reordered exports, impossible dates and date ranges, and regular expressions that cost more to
compile than any search should."""

from __future__ import annotations

import io
import json
import random
import re
import sqlite3
import time
import warnings
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotebank import (
    BankDamagedError,
    BankFileError,
    BankFullError,
    BankReadOnlyError,
    InvalidArgumentError,
    InvalidDateError,
    InvalidQueryError,
    InvalidRecordError,
    QuoteBank,
    QuotebankError,
    QuotebankWarning,
    QuoteList,
    SchemaVersionError,
)
from quotebank.cli import main
from quotebank.collection.store import Store
from tests.conftest import SEEDS

KYIV = (SEEDS / "000_39001c3f19b39482.txt").read_text(encoding="utf-8")
SPEAKERS = ("Jane Doe", "Ana Lima", "Omar Haddad")


def _article(number: int, quotes: int = 3) -> str:
    speaker = SPEAKERS[number % len(SPEAKERS)]
    lines = [f"Talks resume in city number {number}"]
    lines += [f'"Point {k} of plan {number} is settled," {speaker} said.' for k in range(quotes)]
    return "\n".join(lines) + "\n"


def _cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(list(argv), stdout=out, stderr=err)
    return status, out.getvalue(), err.getvalue()


# -- paths and other programs' files ------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["", ":memory:"])
def test_a_path_that_names_no_file_is_refused(path: str, tmp_path: Path) -> None:
    with pytest.raises(BankFileError, match=r"QuoteBank\(\)"):
        QuoteBank.open(path)
    status, out, err = _cli("add", path, str(SEEDS / "000_39001c3f19b39482.txt"))
    assert status == 2 and out == "" and err.count("\n") == 1 and "not a file name" in err


def test_a_nul_in_the_path_is_a_typed_error(tmp_path: Path) -> None:
    with pytest.raises(BankFileError, match="NUL"):
        QuoteBank.open(str(tmp_path / "a\0b.db"))


def test_another_programs_database_is_refused_unchanged(tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE things (x)")
        connection.execute("INSERT INTO things VALUES (1)")
    connection.close()
    before = other.read_bytes()
    with pytest.raises(SchemaVersionError, match="not a quotebank database"):
        QuoteBank.open(other)
    assert other.read_bytes() == before  # not switched to write-ahead logging, not touched at all
    with sqlite3.connect(other) as connection:
        claimed = other.with_name("claimed.db")
        connection.execute("PRAGMA application_id = 1234")
    connection.close()
    claimed.write_bytes(other.read_bytes())
    before = claimed.read_bytes()
    with pytest.raises(SchemaVersionError, match="another program"):
        QuoteBank.open(claimed)
    assert claimed.read_bytes() == before


# -- damaged files ------------------------------------------------------------------------------------------


def _bank_file(tmp_path: Path) -> Path:
    path = tmp_path / "bank.db"
    with QuoteBank.open(path) as bank:
        bank.add_many(_article(n) for n in range(60))
    # the writes are all in the main file after the last connection closes: damage hits real pages
    assert not path.with_name("bank.db-wal").exists() or path.with_name("bank.db-wal").stat().st_size == 0
    return path


def _use(bank: QuoteBank) -> None:
    bank.search("settled")
    bank.search(speaker="doe")
    bank.speakers()
    bank.clusters()
    list(bank.articles)
    bank.to_jsonl(io.StringIO())


def _sqlite_finds_damage(path: Path) -> bool:
    connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return connection.execute("PRAGMA integrity_check").fetchall() != [("ok",)]
    except sqlite3.DatabaseError:
        return True
    finally:
        connection.close()


def test_damaged_copies_raise_typed_errors_and_take_no_writes(tmp_path: Path) -> None:
    original = _bank_file(tmp_path)
    data = original.read_bytes()
    page = int.from_bytes(data[16:18], "big")
    rng = random.Random(15)
    # a damaged run of bytes in every page, and at random places
    offsets = [k * page + rng.randrange(page - 32) for k in range(len(data) // page)]
    offsets += [rng.randrange(len(data) - 32) for _ in range(20)]
    damaged_files = refused_at_open = 0
    for number, offset in enumerate(offsets):
        copy = tmp_path / f"copy{number}.db"
        damaged = bytearray(data)
        damaged[offset : offset + 32] = bytes(rng.randrange(256) for _ in range(32))
        copy.write_bytes(bytes(damaged))
        sqlite_finds_damage = _sqlite_finds_damage(copy)
        damaged_files += sqlite_finds_damage
        try:
            bank = QuoteBank.open(copy)
        except (BankDamagedError, SchemaVersionError):
            refused_at_open += 1
            status, _out, err = _cli("search", str(copy))
            assert status == 2 and err.count("\n") == 1, err
            continue
        # a file this small gets SQLite's full check when opened: no damage it can see gets past
        assert not sqlite_finds_damage
        with bank:
            try:
                _use(bank)
                problems = bank.check()
            except BankDamagedError:
                problems = ("found while reading",)
            # a changed byte inside a stored text may be damage no check can see: such a file is used as
            # it is, and if reading finds it, it takes no more writes
            if problems:
                with pytest.raises(BankDamagedError):
                    bank.add(_article(1000))
    assert refused_at_open >= damaged_files > 10


def test_check_lists_the_damage(tmp_path: Path) -> None:
    path = _bank_file(tmp_path)
    assert QuoteBank.open(path).check() == ()
    status, out, _err = _cli("check", str(path))
    assert (status, out) == (0, f"{path}: no problems found\n")
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    data[3 * page + 10 : 3 * page + 200] = b"\xff" * 190
    path.write_bytes(bytes(data))
    with pytest.raises(BankDamagedError, match="damaged"):
        QuoteBank.open(path)
    status, out, _err = _cli("check", str(path))
    assert status == 1 and out.startswith(f"{path}: damaged: ")
    status, out, err = _cli("search", str(path))
    assert status == 2 and out == "" and err.count("\n") == 1 and "damaged" in err


def test_a_bank_found_damaged_later_takes_no_writes(tmp_path: Path) -> None:
    path = _bank_file(tmp_path)
    store = Store.open(path)
    bank = QuoteBank(store)
    # a stored record that does not read back: damage the open-time check cannot see
    raw = sqlite3.connect(path)
    raw.execute("UPDATE quotes SET record = '{broken' WHERE id = 5")
    raw.commit()
    raw.close()
    with pytest.raises(BankDamagedError, match="damaged"):
        list(bank)
    with pytest.raises(BankDamagedError):
        bank.add(_article(1000))
    assert len(bank.articles) == 60


# -- read-only files and full disks -------------------------------------------------------------------------


def test_a_bank_opened_read_only_reads_and_refuses_writes(tmp_path: Path) -> None:
    path = _bank_file(tmp_path)
    before = path.read_bytes()
    with QuoteBank.open(path, readonly=True) as bank:
        assert bank.readonly
        assert len(bank.search("settled")) == 180
        with pytest.raises(BankReadOnlyError, match="read-only"):
            bank.add(_article(1000))
        with pytest.raises(BankReadOnlyError):
            bank.add_many([_article(1001)])
        with pytest.raises(BankReadOnlyError):
            bank.update(_article(1), outlet="Other")
    assert path.read_bytes() == before
    with pytest.raises(BankFileError, match="no such bank"):
        QuoteBank.open(tmp_path / "missing.db", readonly=True)
    assert not (tmp_path / "missing.db").exists()


def test_a_file_that_may_not_be_changed_opens_read_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _bank_file(tmp_path)
    # the tests run as root, whom permissions do not stop: the system's answer is simulated
    monkeypatch.setattr("quotebank.collection.store.os.access", lambda name, mode: False)
    with QuoteBank.open(path) as bank:
        assert bank.readonly
        assert len(bank) == 180
        with pytest.raises(BankReadOnlyError):
            bank.add(_article(1000))


def test_the_search_command_opens_read_only(tmp_path: Path) -> None:
    path = _bank_file(tmp_path)
    before = path.read_bytes()
    status, out, _err = _cli("search", str(path), "--speaker", "doe")
    assert status == 0 and out.splitlines()[-1] == "60 quotes"
    assert path.read_bytes() == before


def test_a_write_that_sqlite_refuses_is_a_typed_error_and_the_bank_stays_whole(tmp_path: Path) -> None:
    path = _bank_file(tmp_path)
    store = Store.open(path)
    bank = QuoteBank(store)
    store._connection.execute("PRAGMA query_only = ON")  # what a read-only file does to a write
    with pytest.raises(BankReadOnlyError, match="cannot be changed"):
        bank.add(_article(1000))
    store._connection.execute("PRAGMA query_only = OFF")
    (pages,) = store._connection.execute("PRAGMA page_count").fetchone()
    store._connection.execute(f"PRAGMA max_page_count = {pages + 2}")  # a full disk
    with pytest.raises(BankFullError, match="full"):
        bank.add_many(_article(n) for n in range(1000, 1400))
    assert store.problems() == []
    assert len(bank) == 3 * len(bank.articles)
    bank.close()
    with QuoteBank.open(path) as again:
        assert again.check() == ()
        assert len(again) == 3 * len(again.articles) >= 180


# -- what is stored is what was given -----------------------------------------------------------------------


def test_lone_surrogates_are_stored_replaced_with_a_warning(tmp_path: Path) -> None:
    cut = '"We will win \ud83d," Jane Doe said.\n'
    bank = QuoteBank.open(tmp_path / "bank.db")
    with pytest.warns(QuotebankWarning, match="surrogate"):
        article = bank.add(cut, outlet="Daily \udc00").article
    assert article.outlet == "Daily \ufffd"
    assert [q.text for q in bank] == ["We will win \ufffd,"]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", QuotebankWarning)
        assert bank.add_many([_article(1), _article(2) + "\ud800", _article(3)]) == 3
    assert len(bank.articles) == 4
    lines = '{"text": "a\\ud800", "start": 0, "end": 2, "speaker": {"name": "Jane \\udfff Doe"}}\n'
    with pytest.warns(QuotebankWarning):
        imported = QuoteBank.read_jsonl(io.StringIO(lines))
    assert [(q.text, q.speaker_name) for q in imported] == [("a\ufffd", "Jane \ufffd Doe")]
    # the article's key too (found by the fuzz test over read_jsonl: SQLite refused the staged key)
    keyed = '{"text": "a", "start": 0, "end": 1, "article": "k\\ud800"}\n'
    with pytest.warns(QuotebankWarning, match="surrogate"):
        assert [q.text for q in QuoteBank.read_jsonl(io.StringIO(keyed))] == ["a"]
    buffer = io.StringIO()
    bank.to_jsonl(buffer)
    buffer.getvalue().encode("utf-8")


def test_a_correction_with_lone_surrogates_is_stored_replaced_with_a_warning(tmp_path: Path) -> None:
    # update() sent the outlet and url to SQLite as given: a bare UnicodeEncodeError
    bank = QuoteBank.open(tmp_path / "bank.db")
    bank.add(_article(1), url="https://example.org/1")
    with pytest.warns(QuotebankWarning, match="surrogate"):
        article = bank.update(_article(1), outlet="Daily \udc00", url="https://example.org/1\ud800")
    assert (article.outlet, article.url) == ("Daily \ufffd", "https://example.org/1\ufffd")
    assert {(q.outlet, q.url) for q in bank} == {("Daily \ufffd", "https://example.org/1\ufffd")}
    # looking an article up by such a url raised too (found by the fuzz test over the public API)
    with pytest.warns(QuotebankWarning, match="surrogate"):
        assert bank.add("", url="https://example.org/\ud800").new
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", QuotebankWarning)
        assert not bank.add(_article(2), url="https://example.org/\ud800").new


def test_a_file_that_is_not_utf8_is_a_typed_error(tmp_path: Path) -> None:
    # a damaged or mislabelled export raised a bare UnicodeDecodeError
    path = tmp_path / "latin1.jsonl"
    path.write_bytes(b'{"text": "caf\xe9", "start": 0, "end": 4}\n')
    with pytest.raises(InvalidRecordError, match="not UTF-8 text, from line 1"):
        QuoteBank.read_jsonl(path)


def test_articles_without_quotes_round_trip(tmp_path: Path) -> None:
    bank = QuoteBank()
    bank.add_many(_article(n, quotes=n % 3) for n in range(17))
    assert len(bank.articles) == 17
    bank.to_jsonl(tmp_path / "bank.jsonl")
    copy = QuoteBank.read_jsonl(tmp_path / "bank.jsonl", path=tmp_path / "copy.db")
    assert len(copy.articles) == 17
    assert list(copy) == list(bank)
    assert [a.outlet for a in copy.articles] == [a.outlet for a in bank.articles]
    again = io.StringIO()
    copy.to_jsonl(again)
    assert again.getvalue() == (tmp_path / "bank.jsonl").read_text(encoding="utf-8")


def _export(bank: QuoteBank) -> list[str]:
    buffer = io.StringIO()
    bank.to_jsonl(buffer)
    return buffer.getvalue().splitlines()


def _hundred_articles() -> QuoteBank:
    bank = QuoteBank()
    bank.add_many((_article(n), {"published": date(2026, 1, 1 + n % 28)}) for n in range(100))
    assert len(bank) == 300
    return bank


def test_a_sorted_or_shuffled_export_reads_back_whole() -> None:
    bank = _hundred_articles()
    lines = _export(bank)
    by_speaker = sorted(lines, key=lambda line: json.loads(line)["speaker"]["name"])
    shuffled = random.Random(16).sample(lines, len(lines))
    for reordered in (by_speaker, shuffled):
        copy = QuoteBank.read_jsonl(io.StringIO("\n".join(reordered) + "\n"))
        assert len(copy) == 300
        # every record comes back, in its article, at its place (articles come in the order first seen)
        assert sorted(_export(copy)) == sorted(lines)
        assert sorted(copy, key=repr) == sorted(bank, key=repr)


@settings(max_examples=25, deadline=None)
@given(st.randoms(use_true_random=False), st.lists(st.integers(0, 3), min_size=1, max_size=12))
def test_any_order_of_an_export_reads_back_the_same_bank(rng: random.Random, counts: list[int]) -> None:
    bank = QuoteBank()
    bank.add_many(_article(n, quotes=count) for n, count in enumerate(counts))
    lines = _export(bank)
    rng.shuffle(lines)
    copy = QuoteBank.read_jsonl(io.StringIO("".join(line + "\n" for line in lines)))
    assert len(copy.articles) == len(bank.articles)
    assert sorted(_export(copy)) == sorted(lines)


def test_records_without_an_article_key_are_gathered_by_origin() -> None:
    lines = [
        '{"text": "one", "start": 0, "end": 3, "source": "a.txt"}',
        '{"text": "two", "start": 0, "end": 3, "source": "b.txt"}',
        '{"text": "three", "start": 0, "end": 5, "source": "a.txt"}',
    ]
    bank = QuoteBank.read_jsonl(io.StringIO("\n".join(lines)))
    assert len(bank.articles) == 2
    assert [q.text for q in bank] == ["one", "three", "two"]


HOSTILE_RECORDS = [
    ('"confidence": NaN', "confidence"),
    ('"confidence": Infinity', "confidence"),
    ('"confidence": "inf"', "confidence"),
    ('"speaker": {"name": null}', "speaker.name"),
    ('"speaker": {"name": 5}', "speaker.name"),
    ('"speaker": {"name": "Jane Doe", "aliases": [1, 2]}', "speaker.aliases"),
    ('"speaker": {"name": "Jane Doe", "kind": []}', "speaker.kind"),
    ('"speaker": "Jane Doe"', "speaker"),
    ('"outlet": ["A", "B"]', "outlet"),
    ('"url": {"href": "x"}', "url"),
    ('"source": 5', "source"),
    ('"article_id": [1]', "article_id"),
    ('"published": "99999-01-01"', "published"),
    ('"published": 20260205', "published"),
    ('"kind": "poem"', "kind"),
    ('"marks": ["\\""]', "marks"),
    ('"mention": {"text": "he", "start": -1, "end": 2}', "mention.start"),
    ('"unbalanced": "no"', "unbalanced"),
    ('"position": "first"', "position"),
    ('"article": 7', "article"),
]


@pytest.mark.parametrize(("field", "name"), HOSTILE_RECORDS)
def test_a_hostile_record_is_refused_with_its_line_and_field(field: str, name: str, tmp_path: Path) -> None:
    good = '{"text": "Fine words", "start": 0, "end": 10, "speaker": {"name": "Jane Doe"}}'
    bad = '{"text": "Bad words", "start": 0, "end": 9, ' + field + "}"
    bank = QuoteBank.open(tmp_path / "bank.db")
    bank.add(KYIV)
    with pytest.raises(InvalidRecordError, match=f"line 2: field '{name}'"):
        QuoteBank.read_jsonl(io.StringIO(f"{good}\n{bad}\n{good}\n"), path=tmp_path / "bank.db")
    bank = QuoteBank.open(tmp_path / "bank.db")
    assert len(bank) == 12  # nothing of the file was stored, and the bank still works whole
    assert bank.speakers() and bank.search(speaker="tykhyi") and bank.clusters()


def test_text_that_is_not_a_string_and_deep_json_are_typed_errors() -> None:
    with pytest.raises(InvalidRecordError, match="line 1: field 'text'"):
        QuoteBank.read_jsonl(io.StringIO('{"text": 5, "start": 0, "end": 1}\n'))
    with pytest.raises(InvalidRecordError, match="line 1 is not JSON"):
        QuoteBank.read_jsonl(io.StringIO("[" * 100_000 + "]" * 100_000 + "\n"))


def test_a_string_given_as_many_articles_is_refused() -> None:
    bank = QuoteBank()
    for wrong in ("abc", b"abc"):
        with pytest.raises(InvalidArgumentError, match="use add"):
            bank.add_many(wrong)  # type: ignore[arg-type]
    assert len(bank.articles) == 0


@pytest.mark.parametrize("published", ["12026-02-05", "99999-01-01", "2026-02-051"])
def test_a_date_with_extra_digits_is_refused(published: str) -> None:
    with pytest.raises(InvalidDateError):
        QuoteBank().add(KYIV, published=published)


def test_a_date_range_that_ends_before_it_starts_says_so() -> None:
    bank = QuoteBank()
    bank.add(KYIV, published="2026-02-05")
    with pytest.raises(InvalidQueryError, match="since=2026-02-06 is after until=2026-02-05"):
        bank.search(since="2026-02-06", until="2026-02-05")
    assert len(bank.search(since="2026-02-05", until="2026-02-05")) == 12


def test_speaker_of_something_that_is_not_a_name_is_a_typed_error() -> None:
    bank = QuoteBank()
    bank.add(KYIV)
    with pytest.raises(InvalidArgumentError, match="name must be a str"):
        bank.speaker(None)  # type: ignore[arg-type]


# -- regular expressions ------------------------------------------------------------------------------------

HOSTILE_PATTERNS = [
    ("(?R)", "recursion"),
    ("(a(?1)?b)", "recursion"),
    ("(?<x>a(?&x)?)", "recursion"),
    ("(?:(?:(?:(?:(?:(?:(?:a{10}){10}){10}){10}){10}){10}){10})", "nested in one another"),
    ("(?:a{1000}){1000}", "nested in one another"),
    ("a{100000}", "nested in one another"),
    ("a{9999}" * 6, "in all"),
    ("(" * 40 + "a" + ")" * 40, "nested more than"),
    ("a" * 5000, "characters"),
    ("(?x)(?:(?:a{100} # )\n){100}){100}", "verbose"),
]


@pytest.mark.parametrize(("pattern", "reason"), HOSTILE_PATTERNS)
def test_a_regex_too_costly_to_compile_is_refused_at_once(pattern: str, reason: str) -> None:
    bank = QuoteBank()
    bank.add(KYIV)
    started = time.process_time()
    with pytest.raises(InvalidQueryError, match=reason):
        bank.search(regex=pattern)
    assert time.process_time() - started < 0.5


@pytest.mark.parametrize(
    "pattern", [r"\bprisoners?\b", r"\d+ prisoners", r"exchange|release", r"(?i)\bUKRAINE"]
)
def test_everyday_regexes_still_work(pattern: str) -> None:
    bank = QuoteBank()
    bank.add(KYIV)
    expected = [q for q in bank if re.search(pattern, q.text)]
    assert list(bank.search(regex=pattern)) == expected


def test_every_error_of_the_bank_is_typed(tmp_path: Path) -> None:
    # a summary of the refusals above: each is a QuotebankError, and so catchable in one place
    for call in (
        lambda: QuoteBank.open(""),
        lambda: QuoteBank.open(tmp_path / "x\0.db"),
        lambda: QuoteBank().search(regex="(?R)"),
        lambda: QuoteBank().add_many("abc"),  # type: ignore[arg-type]
    ):
        with pytest.raises(QuotebankError):
            call()


def test_bad_arguments_found_by_trying_every_public_call_are_typed(tmp_path: Path) -> None:
    # each raised a bare TypeError, ValueError or UnicodeEncodeError (or wrote a file named "None")
    bank = QuoteBank()
    bank.add(_article(1), outlet="Courier", published="2026-02-05")
    with pytest.raises(BankFileError, match="cannot encode"):
        QuoteBank.open(str(tmp_path / "bank\ud800.db"))
    for by in (42, 3.5):
        with pytest.raises(InvalidQueryError, match="by must be"):
            bank.source_stats(by)  # type: ignore[arg-type]
        with pytest.raises(InvalidQueryError, match="by must be"):
            bank.search().source_stats(by)  # type: ignore[arg-type]
    for limit in (3.5, 0, True, None):
        with pytest.raises(InvalidArgumentError, match="limit"):
            bank.chart_top_speakers(limit=limit)  # type: ignore[arg-type]
    for target in (None, 42, io.StringIO()):
        with pytest.raises(InvalidArgumentError, match="expected a path"):
            bank.to_parquet(target)  # type: ignore[arg-type]
    assert list(Path().glob("None")) == []


def test_the_commands_say_in_one_line_what_is_wrong_with_a_file(tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE things (x)")
    connection.close()
    for command in ("search", "check", "add"):
        for path, says in ((other, "not a quotebank database"), (tmp_path / "missing.db", "no such bank")):
            if command == "add" and says == "no such bank":
                continue  # add creates the bank
            arguments = [command, str(path)] + (
                [str(SEEDS / "000_39001c3f19b39482.txt")] if command == "add" else []
            )
            status, out, err = _cli(*arguments)
            assert status == 2 and out == "" and err.count("\n") == 1 and says in err, (command, err)


@pytest.mark.parametrize("pattern", ["\x00", "o\x00w", "Hello", "u0000"])
def test_a_regex_finds_quotes_with_a_nul_in_the_bank_as_in_a_list(pattern: str, tmp_path: Path) -> None:
    # SQLite hands a function text only up to its first NUL: the bank once missed every quote past one
    text = 'He said "\x00" today. "Hello\x00world," she said. "Back\\u0000slash," he said.'
    for bank in (QuoteBank(), QuoteBank.open(tmp_path / "nul.db")):
        with bank:
            bank.add(text)
            everything = list(bank)
            assert [q.text for q in bank.search(regex=pattern)] == [
                q.text for q in QuoteList(everything).search(regex=pattern)
            ]
            assert bank.search(regex=pattern)

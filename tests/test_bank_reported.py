"""Reported speech in a bank: ``reported=`` on every way in, the article's flag kept in the store, the rule
for an article added again with reported speech, and add_many on worker processes."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest

import quotebank
from quotebank import (
    ArticleDecodeError,
    ExtractResult,
    InvalidArgumentError,
    InvalidTextError,
    QuoteBank,
    QuoteKind,
)
from quotebank.cli import main
from quotebank.io.export import cluster_to_dict, write_cluster_csv
from quotebank.readers.items import ArticleInput
from quotebank.scale.tables import quotes_table

TEXT = (
    "Mayor Jane Doe said the bridge would reopen on Monday.\n"
    '"We are ready," she added.\n'
    "Officials told reporters that the river had fallen overnight."
)
OTHER = 'The minister, Ann Lee, warned that prices would rise. "It will be hard," Lee said.'


def kinds(quotes: object) -> list[str]:
    return [quote.kind.value for quote in quotes]  # type: ignore[attr-defined]


def test_add_and_add_many_take_reported() -> None:
    expected = kinds(quotebank.extract(TEXT, reported=True))
    assert QuoteKind.REPORTED.value in expected
    bank = QuoteBank()
    assert kinds(bank.add(TEXT, reported=True).quotes) == expected
    assert bank.articles[0].reported
    many = QuoteBank()
    assert many.add_many([TEXT, OTHER], reported=True) == 2
    assert kinds(many.search(kind="reported")) == ["reported"] * len(many.search(kind="reported"))
    assert len(many) == len(quotebank.extract(TEXT, reported=True)) + len(
        quotebank.extract(OTHER, reported=True)
    )
    assert not QuoteBank().add(TEXT).article.reported  # the default is unchanged


def test_reported_must_be_a_flag() -> None:
    with pytest.raises(InvalidArgumentError, match="reported"):
        QuoteBank().add(TEXT, reported="yes")  # type: ignore[arg-type]
    with pytest.raises(InvalidArgumentError, match="reported"):
        list(quotebank.extract_many([TEXT], reported=1, processes=1))  # type: ignore[arg-type]


def test_adding_an_article_again_with_reported_speech_replaces_its_quotes_in_place() -> None:
    bank = QuoteBank()
    # the article extracted again comes first: its new quotes are not the last rows of the file
    bank.add(TEXT, outlet="Courier", published="2026-02-05", article_id="a1", source="feed.jsonl")
    bank.add(OTHER, outlet="Gazette")
    direct = len(bank)
    assert bank.speaker("Jane Doe").quote_count == 1  # the registry has counted the direct quote
    assert bank.add_many([TEXT]) == 0 and len(bank) == direct  # without reported: nothing changes
    again = bank.add(TEXT, reported=True).article  # no metadata given now: the stored article's is kept
    assert again.reported and (again.outlet, again.id, again.source) == ("Courier", "a1", "feed.jsonl")
    assert [a.reported for a in bank.articles] == [True, False]  # in its place, not appended
    assert len(bank.articles) == 2
    reported = bank.search(kind="reported", outlet="Courier")
    assert reported and all(
        (q.article_id, q.source, str(q.published)) == ("a1", "feed.jsonl", "2026-02-05") for q in reported
    )
    assert len(bank) == direct - len(quotebank.extract(TEXT)) + len(quotebank.extract(TEXT, reported=True))
    # the old quotes are gone from the word index and from the speaker counts; the file is whole
    assert len(bank.search("ready")) == 1
    assert bank.speaker("Jane Doe").quote_count == sum(q.speaker_name == "Jane Doe" for q in bank)
    assert bank.check() == ()
    # once reported speech is there, adding again with or without it changes nothing
    before = list(bank)
    assert bank.add_many([TEXT, (TEXT, {"outlet": "Courier"})], reported=True) == 0
    assert bank.add_many([TEXT]) == 0
    assert list(bank) == before


def test_add_many_counts_an_article_extracted_again_and_update_takes_reported() -> None:
    bank = QuoteBank()
    bank.add_many([TEXT, OTHER])
    assert bank.add_many([TEXT, OTHER, "A third, with no quotation."], reported=True) == 3
    assert all(article.reported for article in bank.articles)
    updated = QuoteBank()
    updated.add(TEXT)
    article = updated.update(TEXT, outlet="Courier", reported=True)
    assert article.reported and article.outlet == "Courier"
    assert {q.outlet for q in updated} == {"Courier"} and updated.search(kind="reported")


def test_the_flag_survives_the_file_and_an_old_file_is_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "bank.db"
    with QuoteBank.open(path) as bank:
        bank.add(TEXT, reported=True)
        bank.add(OTHER)
    with QuoteBank.open(path, readonly=True) as bank:
        assert [a.reported for a in bank.articles] == [True, False]
    # a bank of schema version 1 (no reported column): read-only as it is, upgraded when opened to write
    old = tmp_path / "old.db"
    with QuoteBank.open(old) as bank:
        bank.add(TEXT)
    connection = sqlite3.connect(old)
    connection.execute("ALTER TABLE articles DROP COLUMN reported")
    connection.execute("PRAGMA user_version = 1")
    connection.commit()
    connection.close()
    with QuoteBank.open(old, readonly=True) as bank:
        assert [a.reported for a in bank.articles] == [False]
        assert len(bank) == len(quotebank.extract(TEXT))
    with QuoteBank.open(old) as bank:
        assert bank.add(TEXT, reported=True).article.reported
        assert bank.check() == ()
    with QuoteBank.open(old) as bank:
        assert [a.reported for a in bank.articles] == [True]


def test_add_many_on_worker_processes_stores_the_same_in_order() -> None:
    items: list[ArticleInput] = [
        TEXT,
        OTHER.encode(),
        {"text": "No quotation at all."},
        (TEXT + "\nMore.", {"outlet": "Daily"}),
    ]
    serial, parallel = QuoteBank(), QuoteBank()
    assert serial.add_many(items, reported=True) == 4
    assert parallel.add_many(items, processes=2, reported=True) == 4
    assert list(parallel) == list(serial)
    assert [a.text for a in parallel.articles] == [a.text for a in serial.articles]
    assert parallel.add_many(items, processes=2, reported=True) == 0


def test_add_many_on_workers_raises_the_first_failure_after_storing_what_came_before() -> None:
    bank = QuoteBank()
    with pytest.raises(ArticleDecodeError):
        bank.add_many([TEXT, b"\xff", OTHER], processes=2)
    assert [a.text for a in bank.articles] == [TEXT]


@pytest.mark.parametrize("processes", [None, 2])
def test_on_error_sees_every_failure_and_the_run_goes_on(processes: int | None) -> None:
    failures: list[ExtractResult] = []
    bank = QuoteBank()
    items: list[object] = [b"\xff", TEXT, 42, OTHER]
    stored = bank.add_many(items, processes=processes, on_error=failures.append)  # type: ignore[arg-type]
    assert stored == 2 and len(bank.articles) == 2
    assert [(f.index, type(f.error)) for f in failures] == [(0, ArticleDecodeError), (2, InvalidTextError)]


def test_bad_options_of_add_many_are_refused() -> None:
    with pytest.raises(InvalidArgumentError, match="processes"):
        QuoteBank().add_many([TEXT], processes=-1)
    with pytest.raises(InvalidArgumentError, match="on_error"):
        QuoteBank().add_many([TEXT], on_error="print")  # type: ignore[arg-type]


def test_the_data_frame_functions_take_reported() -> None:
    table = quotes_table([TEXT, OTHER], reported=True)
    assert list(table["kind"].astype(str)) == kinds(
        [*quotebank.extract(TEXT, reported=True), *quotebank.extract(OTHER, reported=True)]
    )
    assert "reported" not in set(quotes_table([TEXT]).astype({"kind": str})["kind"])


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(list(argv), stdout=out, stderr=err)
    return status, out.getvalue(), err.getvalue()


def test_the_command_line_takes_reported(tmp_path: Path) -> None:
    article = tmp_path / "bridge.txt"
    article.write_text(TEXT, encoding="utf-8")
    status, out, _err = _run("--reported", "--format", "jsonl", str(article))
    assert status == 0
    assert [json.loads(line)["kind"] for line in out.splitlines()] == kinds(
        quotebank.extract(TEXT, reported=True)
    )
    database = str(tmp_path / "bank.db")
    assert _run("add", database, str(article))[0] == 0
    status, out, _err = _run("add", database, "--reported", "-j", "2", str(article))
    assert status == 0
    assert out.startswith(f"{database}: 1 article extracted again for reported speech, 0 new articles")
    status, out, _err = _run("search", database, "--kind", "reported", "--format", "jsonl")
    assert [json.loads(line)["kind"] for line in out.splitlines()] == ["reported", "reported"]


def test_the_command_line_add_reports_unreadable_articles_and_goes_on(tmp_path: Path) -> None:
    good, bad = tmp_path / "good.txt", tmp_path / "bad.jsonl"
    good.write_text(TEXT, encoding="utf-8")
    bad.write_text('{"text": 42}\nnot json\n' + json.dumps({"text": OTHER}) + "\n", encoding="utf-8")
    for processes in ("1", "2"):
        database = str(tmp_path / f"bank{processes}.db")
        status, out, err = _run("add", database, "-j", processes, str(good), str(bad))
        assert status == 1
        assert f"{bad}:1: an article must be" in err and f"{bad}:2: not a JSON record" in err
        assert "2 articles" in err.splitlines()[-1] and "2 errors" in err.splitlines()[-1]
        assert out.startswith(f"{database}: 2 new articles")


def test_exports_and_clusters_carry_the_kind(tmp_path: Path) -> None:
    bank = QuoteBank()
    bank.add(TEXT, reported=True, outlet="Courier")
    bank.add(
        TEXT.replace("Mayor", "The mayor,").replace("Doe said", "Doe, said"), reported=True, outlet="Daily"
    )
    copy = QuoteBank.read_jsonl(_jsonl(bank))
    assert kinds(copy) == kinds(bank) and list(copy) == list(bank)
    bank.to_csv(tmp_path / "quotes.csv")
    with (tmp_path / "quotes.csv").open(encoding="utf-8") as stream:
        assert [row["kind"] for row in csv.DictReader(stream)] == kinds(bank)
    assert list(bank.to_dataframe()["kind"].astype(str)) == kinds(bank)
    clusters = bank.clusters()
    assert [cluster_to_dict(c)["kinds"] for c in clusters] == [kinds(c.quotes)[:1] for c in clusters]
    assert {c.text for c in bank.clusters(kind="reported")} == {q.text for q in bank.search(kind="reported")}
    write_cluster_csv(clusters, tmp_path / "clusters.csv")
    with (tmp_path / "clusters.csv").open(encoding="utf-8") as stream:
        assert "reported" in {row["kinds"] for row in csv.DictReader(stream)}
    assert "reported" in {kind for row in bank.clusters().to_dataframe()["kinds"] for kind in row}


def _jsonl(bank: QuoteBank) -> io.StringIO:
    stream = io.StringIO()
    bank.to_jsonl(stream)
    stream.seek(0)
    return stream


def test_extracted_again_the_metadata_given_before_wins_over_the_texts_own() -> None:
    """The text names its outlet ('By …, Associated Press'); the caller gave another when adding it first,
    and gives a date now: each keeps what was given."""
    wire = "By Rosa Delgado, Associated Press\n" + TEXT
    for processes in (None, 2):
        bank = QuoteBank()
        bank.add(wire, outlet="Test Desk", article_id="w1")
        assert bank.add_many([(wire, {"published": "2026-02-05"})], processes=processes, reported=True) == 1
        [article] = bank.articles
        assert (article.outlet, article.reported, str(article.published)) == ("Test Desk", True, "2026-02-05")
        assert {(q.outlet, q.article_id) for q in bank} == {("Test Desk", "w1")}
        assert (
            bank.add(wire, outlet="Gazette").article.outlet == "Test Desk"
        )  # nothing to extract: nothing changes

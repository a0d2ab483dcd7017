"""``quotebank add DB FILE…`` and ``quotebank search DB …``, beside the unchanged ``quotebank [FILE…]``."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

from quotebank import QuoteBank
from quotebank.cli import main
from tests.conftest import SEEDS

KYIV = str(SEEDS / "000_39001c3f19b39482.txt")
ANADOLU = str(SEEDS / "004_682f09ba88d465d4.txt")


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(list(argv), stdout=out, stderr=err)
    return status, out.getvalue(), err.getvalue()


def _seed_bank(tmp_path: Path) -> str:
    database = str(tmp_path / "bank.db")
    assert _run("add", database, KYIV, "--outlet", "Kyiv Post", "--published", "2026-02-05")[0] == 0
    assert _run("add", database, ANADOLU)[0] == 0
    return database


def test_add_reports_what_it_stored(tmp_path: Path) -> None:
    database = str(tmp_path / "bank.db")
    status, out, err = _run("add", database, KYIV, ANADOLU)
    assert status == 0, err
    assert out == f"{database}: 2 new articles with 19 quotes; the bank holds 19 quotes from 2 articles\n"
    status, out, _err = _run("add", database, KYIV)
    assert status == 0
    assert out == f"{database}: 0 new articles with 0 quotes; the bank holds 19 quotes from 2 articles\n"


def test_add_goes_on_after_a_file_it_cannot_read(tmp_path: Path) -> None:
    database = str(tmp_path / "bank.db")
    status, out, err = _run("add", database, str(tmp_path / "missing.txt"), KYIV)
    assert status == 1
    assert err.startswith("quotebank: ") and "missing.txt: cannot read" in err
    assert "1 new article with 12 quotes" in out


def test_search_table(tmp_path: Path) -> None:
    database = _seed_bank(tmp_path)
    status, out, _err = _run("search", database, "--speaker", "zelenskiy", "--text", "exchanges")
    assert status == 0
    lines = out.splitlines()
    assert lines[0].split() == ["date", "outlet", "speaker", "quote"]
    assert lines[1].startswith("2026-02-05  Kyiv Post         Volodymyr Zelenskyy     everyone who works")
    assert lines[-1] == "4 quotes"


def test_search_filters_mirror_the_python_api(tmp_path: Path) -> None:
    database = _seed_bank(tmp_path)
    status, out, _err = _run(
        "search", database, "--since", "2026-02-05T03:00", "--kind", "related", "--format", "jsonl"
    )
    assert status == 0
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["text"] for r in records] == ["likely", "constructive"]
    assert records[0]["speaker"]["name"] == "Zelensky"
    status, out, _err = _run(
        "search", database, "--outlet", "kyiv post", "--until", "2026-02-05", "--format", "csv"
    )
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 12 and {row["outlet"] for row in rows} == {"Kyiv Post"}
    status, out, _err = _run(
        "search", database, "--regex", r"\d{3} prisoners", "--limit", "1", "--format", "jsonl"
    )
    assert [json.loads(line)["text"][:5] for line in out.splitlines()] == ["Today"]


def test_search_words_follow_the_bank_as_the_api_takes_its_text_first(tmp_path: Path) -> None:
    database = _seed_bank(tmp_path)
    with QuoteBank.open(database, readonly=True) as bank:
        expected = [quote.text for quote in bank.search("exchange fund", speaker="zelensky")]
    assert expected
    for words in (["exchange", "fund"], ["exchange", "--text", "fund"]):
        status, out, _err = _run("search", database, *words, "--speaker", "zelensky", "--format", "jsonl")
        assert status == 0
        assert [json.loads(line)["text"] for line in out.splitlines()] == expected


def test_search_clusters(tmp_path: Path) -> None:
    database = _seed_bank(tmp_path)
    status, out, _err = _run("search", database, "--speaker", "witkoff", "--clusters")
    assert status == 0
    assert "      2  Steve Witkoff           while significant work remains" in out
    assert out.splitlines()[-1] == "7 quotations"
    status, out, _err = _run("search", database, "--text", "significant", "--clusters", "--format", "jsonl")
    [record] = [json.loads(line) for line in out.splitlines()]
    assert record["numOccurrences"] == 2
    assert record["outlets"] == ["Kyiv Post", "Anadolu Agency"]


def test_search_errors_are_one_line(tmp_path: Path) -> None:
    database = _seed_bank(tmp_path)
    assert _run("search", database, "--regex", "(")[0] == 2
    status, _out, err = _run("search", database, "--text", '";')
    assert status == 2 and err == "quotebank search: text='\";' has no word to search for\n"
    status, _out, err = _run("search", str(tmp_path / "none.db"))
    assert status == 2 and "no such bank" in err
    (tmp_path / "notes.txt").write_text("hello\n" * 200)
    status, _out, err = _run("search", str(tmp_path / "notes.txt"))
    assert status == 2 and "not a quotebank database" in err
    status, out, _err = _run("search", database, "--text", '"; DROP TABLE quotes; --')
    assert status == 0 and out.splitlines()[-1] == "0 quotes"
    assert _run("search", database)[1].splitlines()[-1] == "19 quotes"


def test_the_extraction_command_is_unchanged() -> None:
    status, out, _err = _run()
    assert status == 0
    assert out.startswith("000_39001c3f19b39482.txt: 12 quotes\n")
    status, out, _err = _run(KYIV, "--format", "jsonl")
    assert status == 0 and len(out.splitlines()) == 12


def test_the_installed_command_runs_add_and_search(tmp_path: Path) -> None:
    database = str(tmp_path / "bank.db")
    command = [sys.executable, "-m", "quotebank"]
    added = subprocess.run([*command, "add", database, KYIV], capture_output=True, text=True, check=True)
    assert "12 quotes" in added.stdout
    found = subprocess.run(
        [*command, "search", database, "--speaker", "tykhyi"], capture_output=True, text=True, check=True
    )
    assert found.stdout.splitlines()[-1] == "1 quote"

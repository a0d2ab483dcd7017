"""The command line: the seeds by default, files, standard input, formats, and unreadable files."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from quotebank.cli import bundled_seeds, main
from quotebank.io.export import quote_from_dict


def run(args: list[str], stdin: str = "") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    old_stdin = sys.stdin
    sys.stdin = io.StringIO(stdin)
    try:
        status = main(args, stdout=out, stderr=err)
    finally:
        sys.stdin = old_stdin
    return status, out.getvalue(), err.getvalue()


def test_no_file_runs_on_the_bundled_seeds() -> None:
    assert len(bundled_seeds()) == 2
    status, out, _err = run([])
    assert status == 0
    assert "000_39001c3f19b39482.txt: 12 quotes" in out
    assert "004_682f09ba88d465d4.txt: 7 quotes" in out
    assert "Volodymyr Zelenskyy" in out


def test_jsonl_writes_every_field_and_reads_back(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text('A headline\n"We will win," Jane Doe said.', encoding="utf-8")
    status, out, _err = run(
        [str(article), "--format", "jsonl", "--outlet", "Daily", "--published", "2026-02-05"]
    )
    assert status == 0
    records = [json.loads(line) for line in out.splitlines()]
    assert len(records) == 1
    # the path as given is the source: results trace back to their file
    assert records[0]["source"] == str(article) and records[0]["outlet"] == "Daily"
    quote = quote_from_dict(records[0])
    assert quote.text == "We will win," and quote.speaker_name == "Jane Doe"
    assert quote.published is not None and quote.published.isoformat() == "2026-02-05"


def test_csv_has_one_header_for_several_files(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text('"One," Jane Doe said.\n"Two," John Roe said.', encoding="utf-8")
    status, out, _err = run([str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--format", "csv"])
    assert status == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [row["speaker"] for row in rows] == ["Jane Doe", "John Roe"] * 2
    a, b = str(tmp_path / "a.txt"), str(tmp_path / "b.txt")
    assert [row["source"] for row in rows] == [a, a, b, b]


def test_dash_reads_standard_input() -> None:
    status, out, _err = run(["-"], stdin='"From stdin," said Jane Doe.')
    assert status == 0 and "<stdin>: 1 quote\n" in out and "Jane Doe" in out


def test_unreadable_files_get_one_line_each_and_the_others_still_run(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text('"Fine," Jane Doe said.', encoding="utf-8")
    binary = tmp_path / "latin1.txt"
    binary.write_bytes(b"caf\xe9 \xfa not utf-8")
    status, out, err = run([str(tmp_path / "missing.txt"), str(binary), str(good)])
    assert status == 1
    lines = err.strip().splitlines()
    assert len(lines) == 3 and "3 files, 1 article, 1 quote, 2 errors" in lines[2]
    assert "missing.txt" in lines[0] and "latin1.txt" in lines[1] and "at byte 3" in lines[1]
    assert "good.txt: 1 quote\n" in out


def test_a_bad_date_is_a_clear_error() -> None:
    status, _out, err = run(["-", "--published", "2026-02-30"], stdin="text")
    assert status == 2 and "not a real date" in err


@pytest.mark.parametrize("module", [["-m", "quotebank"]])
def test_python_dash_m_runs_the_same_command(module: list[str]) -> None:
    result = subprocess.run(
        [sys.executable, *module, "-", "--format", "jsonl"],
        input='"Hello," said Jane Doe.',
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(result.stdout)["speaker"]["name"] == "Jane Doe"

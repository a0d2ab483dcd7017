"""Folders, JSON Lines records and encodings, from the API and the command line, with their provenance."""

from __future__ import annotations

import codecs
import csv
import io
import json
import shutil
import sys
from pathlib import Path

import pytest

import quotebank
from quotebank.cli import main
from quotebank.readers.files import decode, find_files, read_inputs

PAGES = Path(__file__).parent / "pages"
SAID = '"We will win," said Jane Doe.\n'


def run(args: list[str], stdin: str = "") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    old_stdin = sys.stdin
    sys.stdin = io.StringIO(stdin)
    try:
        status = main(args, stdout=out, stderr=err)
    finally:
        sys.stdin = old_stdin
    return status, out.getvalue(), err.getvalue()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A journalist's folder: text notes, saved pages in a subfolder, a feed of records, and other files."""
    root = tmp_path / "story"
    (root / "pages" / "old").mkdir(parents=True)
    (root / "notes.txt").write_text(
        '"The bridge is safe," said Tom Reed, the city engineer.\n', encoding="utf-8"
    )
    shutil.copy(PAGES / "council-vote.html", root / "pages" / "council.HTML")
    shutil.copy(PAGES / "storm-blog.html", root / "pages" / "old" / "storm.htm")
    records = [
        {
            "id": "wire-1",
            "text": SAID,
            "outlet": "Wire",
            "published": "2026-03-01",
            "url": "https://wire.example/1",
        },
        {"id": 2, "text": '"No comment," said Ann Lee.', "source": "archive box 4"},
    ]
    (root / "feed.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    (root / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n\0\0")
    (root / "README.md").write_text('"Not an article," said nobody.', encoding="utf-8")
    return root


def test_a_folder_is_read_recursively_by_extension(folder: Path) -> None:
    assert [Path(path).relative_to(folder).as_posix() for path in find_files([str(folder)])] == [
        "feed.jsonl",
        "notes.txt",
        "pages/council.HTML",
        "pages/old/storm.htm",
    ]


def test_every_quote_knows_its_file_its_record_and_its_id(folder: Path) -> None:
    inputs = list(read_inputs([str(folder)]))
    assert [found.error for found in inputs] == [None] * 5
    results = list(quotebank.extract_many((found.item for found in inputs if found.item), processes=1))
    firsts = [result.quotes[0] for result in results]
    feed, notes, council = (
        str(folder / "feed.jsonl"),
        str(folder / "notes.txt"),
        str(folder / "pages" / "council.HTML"),
    )
    assert [(q.source, q.article_id) for q in firsts] == [
        (feed, "wire-1"),
        ("archive box 4", "2"),
        (notes, None),
        (council, None),
        (str(folder / "pages" / "old" / "storm.htm"), None),
    ]
    assert (firsts[0].outlet, firsts[0].url, str(firsts[0].published)) == (
        "Wire",
        "https://wire.example/1",
        "2026-03-01",
    )
    assert firsts[3].url.startswith("https://www.riverside-courier.example/")  # type: ignore[union-attr]
    assert [found.label for found in inputs][:2] == [f"{feed}:1", f"{feed}:2"]


def test_a_folder_goes_into_a_bank_and_comes_out_with_its_provenance(folder: Path, tmp_path: Path) -> None:
    database = str(tmp_path / "story.db")
    status, out, err = run(["add", database, str(folder)])
    assert status == 0, err
    assert out.startswith(f"{database}: 5 new articles with 11 quotes")
    assert "quotebank: 4 files, 5 articles, 11 quotes, 0 errors in" in err
    status, out, _err = run(["search", database, "--speaker", "Jane Doe", "--format", "jsonl"])
    (record,) = [json.loads(line) for line in out.splitlines()]
    assert (record["source"], record["article_id"], record["outlet"]) == (
        str(folder / "feed.jsonl"),
        "wire-1",
        "Wire",
    )
    status, out, _err = run(["search", database, "--text", "harbour", "--format", "csv"])
    (row,) = list(csv.DictReader(io.StringIO(out)))
    assert row["source"] == str(folder / "pages" / "council.HTML") and row["speaker"] == "Helen Ortiz"
    with quotebank.QuoteBank.open(database) as bank:
        frame = bank.to_dataframe()
        assert set(frame["article_id"].dropna()) == {"wire-1", "2"}
        assert str(folder / "notes.txt") in set(frame["source"])


def test_extraction_of_a_folder_names_each_file(folder: Path) -> None:
    status, out, err = run([str(folder), "--quiet"])
    assert status == 0 and err == ""
    assert f"{folder / 'notes.txt'}: 1 quote\n" in out
    assert f"{folder / 'feed.jsonl'}:1: 1 quote\n" in out
    assert f"{folder / 'pages' / 'council.HTML'}: 5 quotes\n" in out


def test_bad_records_get_one_line_each_and_the_others_go_on(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_bytes(
        b'{"text": "\\"One,\\" said Ann Lee."}\n'
        b"not json\n"
        b'{"title": "no text"}\n'
        b'{"text": "\\"Two,\\" said Ann Lee.", "published": "2026-02-30"}\n'
        b"\n"
        b'{"text": "caf\xe9"}\n'
        b'{"text": "\\"Three,\\" said Ann Lee.", "id": 3}\n'
    )
    status, out, err = run([str(feed), "--format", "jsonl"])
    assert status == 1
    lines = err.splitlines()
    assert [line.split(": ")[1] for line in lines[:4]] == [f"{feed}:{n}" for n in (2, 3, 4, 6)]
    assert "not a real date" in lines[2] and "at byte" in lines[3]
    assert "1 file, 2 articles, 2 quotes, 4 errors" in lines[4]
    assert [json.loads(line)["text"] for line in out.splitlines()] == ["One,", "Three,"]


def test_byte_order_marks_and_utf16_are_read_and_other_encodings_are_named(tmp_path: Path) -> None:
    text = '"Ça va," said Zoë Brandt.'
    for name, data in [
        ("bom8.txt", codecs.BOM_UTF8 + text.encode("utf-8")),
        ("bom16.txt", text.encode("utf-16")),
        ("be16.txt", text.encode("utf-16-be")),
        ("le16.txt", text.encode("utf-16-le")),
        ("bom32.txt", text.encode("utf-32")),
    ]:
        (tmp_path / name).write_bytes(data)
        assert decode(data) == text, name
    latin = tmp_path / "latin1.txt"
    latin.write_bytes(text.encode("latin-1"))
    status, out, err = run([str(tmp_path), "--format", "jsonl", "--quiet"])
    assert status == 1
    (line,) = err.splitlines()
    assert line.startswith(f"quotebank: {latin}: not utf-8 text: invalid continuation byte at byte 1;")
    assert "--encoding" in line
    assert [json.loads(record)["speaker"]["name"] for record in out.splitlines()] == ["Zoë Brandt"] * 5
    status, out, err = run([str(latin), "--encoding", "latin-1", "--format", "jsonl"])
    assert status == 0 and json.loads(out)["text"] == "Ça va,"
    status, _out, err = run([str(latin), "--encoding", "no-such-codec"])
    assert status == 1 and "unknown encoding 'no-such-codec'" in err


def test_a_list_of_files_in_a_file_needs_no_argument_list(tmp_path: Path) -> None:
    listing = tmp_path / "files.txt"
    paths = []
    for number in range(2000):
        path = tmp_path / "many" / f"{number:04}.txt"
        path.parent.mkdir(exist_ok=True)
        path.write_text(f'"Number {number}," said Jane Doe.\n', encoding="utf-8")
        paths.append(str(path))
    listing.write_text("\n".join(paths) + "\n", encoding="utf-8")
    status, out, err = run(["--files-from", str(listing), "--format", "csv"])
    assert status == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [row["source"] for row in rows] == paths
    assert "2000 files, 2000 articles, 2000 quotes, 0 errors" in err
    status, out, _err = run(
        ["add", str(tmp_path / "b.db"), "--files-from", "-", "--quiet"], stdin=str(listing) + "\n"
    )
    assert status == 0 and "1 new article" in out
    status, _out, err = run(["--files-from", str(tmp_path / "missing.txt")])
    assert status == 2 and "--files-from" in err


def test_one_url_is_never_given_to_many_files(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(SAID, encoding="utf-8")
    files = [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]
    for command in ([*files], ["add", str(tmp_path / "x.db"), *files], [str(tmp_path)]):
        status, out, err = run([*command, "--url", "https://example.org/a"])
        assert status == 2 and out == ""
        assert "--url names one article" in err
    assert not (tmp_path / "x.db").exists()
    status, out, _err = run([files[0], "--url", "https://example.org/a", "--format", "jsonl"])
    assert status == 0 and json.loads(out)["url"] == "https://example.org/a"


def test_a_bad_option_value_names_the_option(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(SAID, encoding="utf-8")
    for command in ([str(tmp_path / "a.txt")], ["add", str(tmp_path / "x.db"), str(tmp_path / "a.txt")]):
        status, _out, err = run([*command, "--published", "yesterday"])
        assert status == 2 and "--published" in err and "'yesterday'" in err


def test_update_corrects_the_metadata_of_articles_already_in_a_bank(folder: Path, tmp_path: Path) -> None:
    database = str(tmp_path / "story.db")
    notes = str(folder / "notes.txt")
    assert run(["add", database, str(folder), "--quiet"])[0] == 0
    # adding again changes nothing: the articles are known
    status, out, _err = run(["add", database, notes, "--published", "2026-03-02", "--quiet"])
    assert out.startswith(f"{database}: 0 new articles")
    assert run(["search", database, "--since", "2026-03-02", "--speaker", "Tom Reed"])[1].endswith(
        "0 quotes\n"
    )
    status, out, _err = run(
        ["add", database, notes, "--update", "--published", "2026-03-02", "--outlet", "Notebook", "--quiet"]
    )
    assert status == 0 and out.startswith(f"{database}: 1 article updated, 0 new articles with 0 quotes")
    with quotebank.QuoteBank.open(database) as bank:
        (quote,) = bank.search(speaker="Tom Reed", since="2026-03-02", outlet="notebook")
        assert (str(quote.published), quote.outlet, quote.source) == ("2026-03-02", "Notebook", notes)
        assert [a.outlet for a in bank.articles if a.text.startswith('"The bridge')] == ["Notebook"]
        assert len(bank) == 11 and len(bank.articles) == 5
    # a record's own id and url are corrections too
    feed = folder / "feed.jsonl"
    feed.write_text(
        json.dumps({"id": "wire-9", "text": SAID, "url": "https://wire.example/9"}) + "\n", encoding="utf-8"
    )
    status, out, _err = run(["add", database, str(feed), "--update", "--quiet"])
    with quotebank.QuoteBank.open(database) as bank:
        (quote,) = bank.search(speaker="Jane Doe")
        assert (quote.article_id, quote.url, quote.outlet) == ("wire-9", "https://wire.example/9", "Wire")


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_progress_bar_shows_on_a_terminal_only_and_never_with_quiet(folder: Path) -> None:
    terminal = _Terminal()
    assert main([str(folder)], stdout=io.StringIO(), stderr=terminal) == 0
    shown = terminal.getvalue()
    assert "5 articles" in shown and "\r" in shown  # the bar counts articles, redrawn in place
    assert shown.rstrip().endswith("s")  # the summary line comes last
    quiet = _Terminal()
    assert main([str(folder), "--quiet"], stdout=io.StringIO(), stderr=quiet) == 0
    assert quiet.getvalue() == ""
    _status, _out, err = run([str(folder)])
    assert "\r" not in err and len(err.splitlines()) == 1


def test_worker_processes_give_the_same_output_in_the_same_order(folder: Path) -> None:
    one = run([str(folder), "--format", "jsonl", "--quiet"])
    two = run([str(folder), "--format", "jsonl", "--quiet", "-j", "2"])
    assert one == two and one[0] == 0 and len(one[1].splitlines()) == 11
    status, _out, err = run([str(folder), "--processes", "-1"])
    assert status == 2 and "--processes" in err


def test_help_lists_every_subcommand_and_version_says_which(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    shown = capsys.readouterr().out
    assert "add " in shown and "search " in shown and "--processes" in shown
    with pytest.raises(SystemExit):
        main(["--version"])
    assert capsys.readouterr().out.strip() == f"quotebank {quotebank.__version__}"


def test_a_bad_search_date_names_the_option(tmp_path: Path) -> None:
    database = tmp_path / "x.db"
    assert run(["add", str(database), "-", "--quiet"], stdin=SAID)[0] == 0
    status, _out, err = run(["search", str(database), "--since", "yesterday"])
    assert status == 2 and err == "quotebank search: --since: 'yesterday' does not read as a date\n"
    status, _out, err = run(["search", str(database), "--until", "2026-02-30"])
    assert status == 2 and err.startswith("quotebank search: --until: '2026-02-30' is not a real date")


def test_a_link_back_to_a_folder_being_read_is_read_once(folder: Path) -> None:
    (folder / "pages" / "old" / "loop").symlink_to(folder, target_is_directory=True)
    found = [Path(path).relative_to(folder).as_posix() for path in find_files([str(folder)])]
    assert found == ["feed.jsonl", "notes.txt", "pages/council.HTML", "pages/old/storm.htm"]

"""The ``quotebank`` command: extract the quotes of article files and print them, or keep them in a bank.

``quotebank FILE…`` prints a table; ``--format jsonl`` or ``csv`` writes every field for other programs.
With no file it runs on the two seed articles bundled with the package; ``-`` reads standard input.

``quotebank add DB FILE…`` stores the articles' quotes in the SQLite bank ``DB``, and ``quotebank search DB
[--speaker …] [--text …] [--since …] …`` searches it, with the filters of :meth:`QuoteBank.search
<quotebank.bank.QuoteBank.search>` (``--clusters`` shows near-duplicates as one quotation). A first argument
``add`` or ``search`` names the subcommand; an article file with one of those names can be given as ``./add``.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator, Sequence
from importlib import resources
from pathlib import Path
from typing import TextIO

from quotebank.bank import QuoteBank
from quotebank.dedup import QuoteCluster
from quotebank.errors import BankFileError, QuotebankError
from quotebank.export import (
    cluster_to_dict,
    quotes_to_csv,
    quotes_to_jsonl,
    write_cluster_csv,
    write_csv,
    write_jsonl,
)
from quotebank.extract import extract
from quotebank.model import Quote, QuoteKind

__all__ = ["bundled_seeds", "main", "run"]

_QUOTE_WIDTH = 64
_SPEAKER_WIDTH = 22
_OUTLET_WIDTH = 16
_SUBCOMMANDS = ("add", "search")


def bundled_seeds() -> list[Path]:
    """The seed articles: inside the installed package, or at the top of a source checkout."""
    packaged = resources.files("quotebank").joinpath("seeds")
    if packaged.is_dir():
        return sorted(Path(str(entry)) for entry in packaged.iterdir() if entry.name.endswith(".txt"))
    checkout = Path(__file__).resolve().parent.parent / "seeds"
    return sorted(checkout.glob("*.txt"))


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="quotebank",
        description="Extract attributed quotations from news articles (plain text, one paragraph a line).",
    )
    parser.add_argument(
        "files", nargs="*", metavar="FILE", help="article files; '-' reads standard input; none: the seeds"
    )
    parser.add_argument("--outlet", help="the outlet that published the articles")
    parser.add_argument("--published", help="the publication date, e.g. 2026-02-05 or '2026-02-05 03:31'")
    parser.add_argument("--url", help="the address of the article")
    parser.add_argument("--format", choices=("table", "jsonl", "csv"), default="table", help="output format")
    return parser


def _shorten(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _table(name: str, quotes: Sequence[Quote], out: TextIO) -> None:
    out.write(f"{name}: {len(quotes)} quotes\n")
    out.write(f"  {'#':>3}  {'speaker':<{_SPEAKER_WIDTH}}  {'kind':<12}  quote\n")
    for number, quote in enumerate(quotes, 1):
        speaker = _shorten(quote.speaker_name or "?", _SPEAKER_WIDTH)
        mark = "!" if quote.unbalanced else " "
        out.write(
            f"  {number:>3}  {speaker:<{_SPEAKER_WIDTH}}  {quote.kind.value:<12} "
            f"{mark}{_shorten(quote.text, _QUOTE_WIDTH)}\n"
        )


def _read(name: str, stdin: TextIO) -> str:
    if name == "-":
        return stdin.read()
    return Path(name).read_text(encoding="utf-8")


def _inputs(files: Sequence[str]) -> Iterator[str]:
    if files:
        yield from files
    else:
        yield from (str(path) for path in bundled_seeds())


def _add_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="quotebank add", description="Extract the quotes of article files and store them in a bank."
    )
    parser.add_argument("database", metavar="DB", help="the SQLite bank file (created when missing)")
    parser.add_argument("files", nargs="+", metavar="FILE", help="article files; '-' reads standard input")
    parser.add_argument("--outlet", help="the outlet that published the articles")
    parser.add_argument("--published", help="the publication date, e.g. 2026-02-05 or '2026-02-05 03:31'")
    parser.add_argument("--url", help="the address of the article (one file only)")
    return parser


def _search_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="quotebank search",
        description="Search a bank: every filter is optional, and the filters given must all hold.",
    )
    parser.add_argument("database", metavar="DB", help="the SQLite bank file")
    parser.add_argument("--text", help="words of the quote, in any case, accents and inflection")
    parser.add_argument("--speaker", help="the speaker, in any spelling ('zelensky')")
    parser.add_argument("--regex", help="a regular expression the quote must match")
    parser.add_argument("--outlet", help="the outlet's name")
    parser.add_argument("--since", help="the earliest publication date, e.g. 2026-02-01")
    parser.add_argument("--until", help="the latest publication date, inclusive")
    parser.add_argument("--kind", action="append", choices=[k.value for k in QuoteKind], help="quote kind")
    parser.add_argument("--limit", type=int, help="at most this many quotes (or quotations)")
    parser.add_argument(
        "--clusters", action="store_true", help="one row per quotation, near-duplicates merged"
    )
    parser.add_argument("--format", choices=("table", "jsonl", "csv"), default="table", help="output format")
    return parser


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _quote_rows(quotes: Sequence[Quote], out: TextIO) -> None:
    out.write(f"{'date':<10}  {'outlet':<{_OUTLET_WIDTH}}  {'speaker':<{_SPEAKER_WIDTH}}  quote\n")
    for quote in quotes:
        day = quote.published.isoformat()[:10] if quote.published is not None else ""
        outlet = _shorten(quote.outlet or "", _OUTLET_WIDTH)
        speaker = _shorten(quote.speaker_name or "?", _SPEAKER_WIDTH)
        text = _shorten(quote.text, _QUOTE_WIDTH)
        out.write(f"{day:<10}  {outlet:<{_OUTLET_WIDTH}}  {speaker:<{_SPEAKER_WIDTH}}  {text}\n")
    out.write(f"{_count(len(quotes), 'quote')}\n")


def _cluster_rows(clusters: Sequence[QuoteCluster], out: TextIO) -> None:
    out.write(f"{'first seen':<10}  {'reports':>7}  {'speaker':<{_SPEAKER_WIDTH}}  quotation\n")
    for cluster in clusters:
        day = cluster.first_seen.isoformat()[:10] if cluster.first_seen is not None else ""
        speaker = _shorten(cluster.speaker_name or "?", _SPEAKER_WIDTH)
        out.write(
            f"{day:<10}  {cluster.occurrences:>7}  {speaker:<{_SPEAKER_WIDTH}}  "
            f"{_shorten(cluster.text, _QUOTE_WIDTH)}\n"
        )
    out.write(f"{_count(len(clusters), 'quotation')}\n")


def _add(argv: Sequence[str], out: TextIO, err: TextIO) -> int:
    args = _add_parser().parse_args(argv)
    failed = 0
    with QuoteBank.open(args.database) as bank:
        quotes_before, articles_before = len(bank), len(bank.articles)
        for name in args.files:
            try:
                text = _read(name, sys.stdin)
            except (OSError, UnicodeDecodeError) as error:
                err.write(f"quotebank: {name}: cannot read: {error}\n")
                failed += 1
                continue
            bank.add(text, outlet=args.outlet, published=args.published, url=args.url)
        quotes, articles = len(bank), len(bank.articles)
        out.write(
            f"{args.database}: {_count(articles - articles_before, 'new article')} with "
            f"{_count(quotes - quotes_before, 'quote')}; the bank holds {_count(quotes, 'quote')} "
            f"from {_count(articles, 'article')}\n"
        )
    return 1 if failed else 0


def _search(argv: Sequence[str], out: TextIO) -> int:
    args = _search_parser().parse_args(argv)
    if not Path(args.database).is_file():
        raise BankFileError(f"{args.database}: no such bank")
    filters = {
        "speaker": args.speaker,
        "regex": args.regex,
        "outlet": args.outlet,
        "since": args.since,
        "until": args.until,
        "kind": args.kind,
        "limit": args.limit,
    }
    with QuoteBank.open(args.database) as bank:
        if args.clusters:
            clusters = bank.clusters(args.text, **filters)
            if args.format == "jsonl":
                write_jsonl((cluster_to_dict(cluster) for cluster in clusters), out)
            elif args.format == "csv":
                write_cluster_csv(clusters, out)
            else:
                _cluster_rows(clusters, out)
            return 0
        quotes = bank.search(args.text, **filters)
        if args.format == "jsonl":
            out.write(quotes_to_jsonl(quotes))
        elif args.format == "csv":
            write_csv(quotes, out)
        else:
            _quote_rows(quotes, out)
    return 0


def main(
    argv: Sequence[str] | None = None, *, stdout: TextIO | None = None, stderr: TextIO | None = None
) -> int:
    """Run the command line; returns the exit status (0; 1 when a file could not be read; 2 for bad input)."""
    out = stdout if stdout is not None else sys.stdout
    err = stderr if stderr is not None else sys.stderr
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments and arguments[0] in _SUBCOMMANDS:
        try:
            if arguments[0] == "add":
                return _add(arguments[1:], out, err)
            return _search(arguments[1:], out)
        except QuotebankError as error:
            err.write(f"quotebank {arguments[0]}: {error}\n")
            return 2
    return _extract(arguments, out, err)


def _extract(argv: Sequence[str], out: TextIO, err: TextIO) -> int:
    args = _parser().parse_args(argv)
    failed = 0
    first = True
    for name in _inputs(args.files):
        try:
            text = _read(name, sys.stdin)
            quotes = extract(text, outlet=args.outlet, published=args.published, url=args.url)
        except (OSError, UnicodeDecodeError) as error:
            err.write(f"quotebank: {name}: cannot read: {error}\n")
            failed += 1
            continue
        except QuotebankError as error:
            err.write(f"quotebank: {name}: {error}\n")
            return 2
        label = "<stdin>" if name == "-" else Path(name).name
        if args.format == "jsonl":
            out.write(quotes_to_jsonl(quotes, source=label))
        elif args.format == "csv":
            out.write(quotes_to_csv(quotes, source=label, header=first))
        else:
            if not first:
                out.write("\n")
            _table(label, quotes, out)
        first = False
    return 1 if failed else 0


def run() -> None:
    """Entry point of the ``quotebank`` script."""
    try:
        status = main()
        sys.stdout.flush()
    except BrokenPipeError:
        # the reader (``| head``) stopped early: not an error; keep Python from complaining at exit
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        status = 0
    sys.exit(status)

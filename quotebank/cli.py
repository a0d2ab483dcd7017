"""The ``quotebank`` command: extract the quotes of article files and print them, or keep them in a bank.

``quotebank FILE…`` prints a table; ``--format jsonl`` or ``csv`` writes every field for other programs.
With no file it runs on the two seed articles bundled with the package; ``-`` reads standard input.

``quotebank add DB FILE…`` stores the articles' quotes in the SQLite bank ``DB``, and ``quotebank search DB
[--speaker …] [--text …] [--since …] …`` searches it, with the filters of :meth:`QuoteBank.search
<quotebank.collection.bank.QuoteBank.search>` (``--clusters`` shows near-duplicates as one quotation); it
opens the bank read-only. ``quotebank check DB`` reads the whole bank file and lists any damage (exit status
1 when there is some). ``quotebank stats DB --by outlet|month|outlet,month|all [--format table|csv]``
counts who gets quoted (:meth:`QuoteBank.source_stats
<quotebank.collection.bank.QuoteBank.source_stats>`). A first argument ``add``, ``search``, ``stats`` or
``check`` names the subcommand; an article file with one of those names can be given as ``./add``.
"""

from __future__ import annotations

import argparse
import collections
import importlib
import itertools
import os
import sys
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from importlib import resources
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from quotebank import __version__
from quotebank._pipeline.dates import DateOrder, DateReading, coerce_date_order, coerce_published
from quotebank._pipeline.language import AUTO, available_languages
from quotebank._pipeline.run import DEFAULT_LANGUAGE
from quotebank.collection.bank import QuoteBank
from quotebank.collection.clusters import QuoteCluster
from quotebank.collection.store import Store
from quotebank.errors import QuotebankError, UsageError
from quotebank.io.display import shown_text
from quotebank.io.export import (
    cluster_to_dict,
    date_to_text,
    quotes_to_csv,
    quotes_to_jsonl,
    write_cluster_csv,
    write_csv,
    write_jsonl,
)
from quotebank.readers.files import DEFAULT_DELAY, Fetcher, Input, read_inputs
from quotebank.readers.items import article_of
from quotebank.readers.webpages import DEFAULT_TIMEOUT
from quotebank.scale.processes import ExtractResult, extract_many
from quotebank.values import Article, Quote, QuoteKind

__all__ = ["bundled_seeds", "main", "run"]

_QUOTE_WIDTH = 64
_SPEAKER_WIDTH = 22
_OUTLET_WIDTH = 16
_SUBCOMMANDS = ("add", "search", "stats", "check")


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
        epilog=_subcommands_help(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"quotebank {__version__}")
    parser.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        help="files or folders (.txt .html .htm .jsonl .warc .warc.gz); '-': standard input; none: the seeds",
    )
    _input_options(parser)
    parser.add_argument("--format", choices=("table", "jsonl", "csv"), default="table", help="output format")
    return parser


def _input_options(parser: argparse.ArgumentParser) -> None:
    """The options that say what to read and what the articles are, shared by extraction and ``add``."""
    parser.add_argument("--outlet", help="the outlet that published the articles")
    parser.add_argument("--published", help="the publication date, e.g. 2026-02-05 or '2026-02-05 03:31'")
    parser.add_argument("--url", help="the address of the article (one file only)")
    parser.add_argument(
        "--date-order",
        type=str.upper,
        choices=[order.value for order in DateOrder],
        help="how to read a date such as 05/03/2026: DMY (5 March), MDY (3 May) or YMD; "
        "without it such a date reads month first and is flagged as ambiguous",
    )
    parser.add_argument(
        "--language",
        choices=[*available_languages(), AUTO],
        default=DEFAULT_LANGUAGE,
        help=f"the language of the articles (default {DEFAULT_LANGUAGE}); auto picks it for each article "
        "from its function words and quotation marks",
    )
    parser.add_argument(
        "--files-from",
        metavar="LIST",
        help="read the paths of files and folders from LIST, one a line ('-': stdin)",
    )
    parser.add_argument(
        "--encoding", help="the encoding of text files without a byte-order mark (default: UTF-8)"
    )
    parser.add_argument(
        "--urls",
        metavar="LIST",
        help="fetch the web pages whose addresses LIST holds, one a line ('-': stdin)",
    )
    parser.add_argument(
        "--timeout", type=float, default=DEFAULT_TIMEOUT, help="seconds to wait for a page (default 30)"
    )
    parser.add_argument(
        "--delay",
        type=float,
        default=DEFAULT_DELAY,
        help="seconds between two requests to one host (default 1)",
    )
    parser.add_argument(
        "--allow-private",
        action="store_true",
        help="fetch addresses on private networks (127.0.0.1, 192.168.…)",
    )
    parser.add_argument(
        "--reported",
        action="store_true",
        help="also find reported speech without quotation marks ('The mayor said the bridge would reopen.') "
        "and interview answers",
    )
    parser.add_argument(
        "-j",
        "--processes",
        type=int,
        default=1,
        metavar="N",
        help="extract with N worker processes (default 1; 0: one for each CPU)",
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="no summary line on standard error")


def _shorten(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _table(name: str, quotes: Sequence[Quote], out: TextIO) -> None:
    out.write(f"{name}: {_count(len(quotes), 'quote')}\n")
    out.write(f"  {'#':>3}  {'speaker':<{_SPEAKER_WIDTH}}  {'kind':<12}  quote\n")
    for number, quote in enumerate(quotes, 1):
        speaker = _shorten(quote.speaker_name or "?", _SPEAKER_WIDTH)
        mark = "!" if quote.unbalanced else " "
        out.write(
            f"  {number:>3}  {speaker:<{_SPEAKER_WIDTH}}  {quote.kind.value:<12} "
            f"{mark}{_shorten(shown_text(quote.text), _QUOTE_WIDTH)}\n"
        )


def _subcommands_help() -> str:
    """The subcommands, each with its description, for ``quotebank --help``."""
    parsers = {
        "add": _add_parser(),
        "search": _search_parser(),
        "stats": _stats_parser(),
        "check": _check_parser(),
    }
    lines = [f"  {name:<8}{parsers[name].description}" for name in _SUBCOMMANDS if name in parsers]
    return "subcommands (quotebank SUBCOMMAND --help for their options):\n" + "\n".join(lines)


def _add_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="quotebank add", description="Extract the quotes of article files and store them in a bank."
    )
    parser.add_argument("database", metavar="DB", help="the SQLite bank file (created when missing)")
    parser.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        help="article files or folders (.txt .html .htm .jsonl .warc .warc.gz); '-': standard input",
    )
    _input_options(parser)
    parser.add_argument(
        "--update",
        action="store_true",
        help="correct the articles already in the bank: the options and records give their new metadata",
    )
    return parser


def _search_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="quotebank search",
        description="Search a bank: every filter is optional, and the filters given must all hold.",
    )
    parser.add_argument("database", metavar="DB", help="the SQLite bank file")
    parser.add_argument(
        "words",
        metavar="WORD",
        nargs="*",
        help="words of the quote, in any case, accents and inflection (as QuoteBank.search's text)",
    )
    parser.add_argument("--text", help="more words of the quote, as WORD")
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
    parser.add_argument(
        "--excel",
        action="store_true",
        help="CSV for spreadsheet programs: a UTF-8 byte-order mark, no column that is empty in every row",
    )
    return parser


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _quote_rows(quotes: Sequence[Quote], out: TextIO) -> None:
    out.write(f"{'date':<10}  {'outlet':<{_OUTLET_WIDTH}}  {'speaker':<{_SPEAKER_WIDTH}}  quote\n")
    for quote in quotes:
        # a month alone shows as 2026-03, not as its first day
        day = (date_to_text(quote.published, quote.published_precision) or "")[:10]
        outlet = _shorten(quote.outlet or "", _OUTLET_WIDTH)
        speaker = _shorten(quote.speaker_name or "?", _SPEAKER_WIDTH)
        text = _shorten(shown_text(quote.text), _QUOTE_WIDTH)
        out.write(f"{day:<10}  {outlet:<{_OUTLET_WIDTH}}  {speaker:<{_SPEAKER_WIDTH}}  {text}\n")
    out.write(f"{_count(len(quotes), 'quote')}\n")


def _cluster_rows(clusters: Sequence[QuoteCluster], out: TextIO) -> None:
    out.write(
        f"{'first seen':<10}  {'articles':>8}  {'outlets':>7}  {'speaker':<{_SPEAKER_WIDTH}}  quotation\n"
    )
    for cluster in clusters:
        day = cluster.first_seen.isoformat()[:10] if cluster.first_seen is not None else ""
        speaker = _shorten(cluster.speaker_name or "?", _SPEAKER_WIDTH)
        out.write(
            f"{day:<10}  {cluster.article_count:>8}  {cluster.outlet_count:>7}  {speaker:<{_SPEAKER_WIDTH}}  "
            f"{_shorten(shown_text(cluster.text), _QUOTE_WIDTH)}\n"
        )
    out.write(f"{_count(len(clusters), 'quotation')}\n")


def _add(argv: Sequence[str], out: TextIO, err: TextIO) -> int:
    parser = _add_parser()
    # options may come between the bank and the files: quotebank add DB --reported FILE…
    args = parser.parse_intermixed_args(argv)
    if not args.files and not args.files_from and not args.urls:
        parser.error("give article files, folders or addresses, or --files-from LIST, or --urls LIST")
    run = _Run(err, quiet=args.quiet)
    inputs = _inputs_of(args, args.files)
    with QuoteBank.open(args.database, language=args.language) as bank:
        quotes_before, articles_before = len(bank), len(bank.articles)
        store = _update if args.update else _add_all
        changed = store(bank, run, inputs, args)
        quotes, articles_now = len(bank), len(bank.articles)
        again = changed - (articles_now - articles_before)
        corrected = ""
        if args.update:
            corrected = f"{_count(again, 'article')} updated, "
        elif again:
            corrected = f"{_count(again, 'article')} extracted again for reported speech, "
        out.write(
            f"{args.database}: {corrected}{_count(articles_now - articles_before, 'new article')} with "
            f"{_count(quotes - quotes_before, 'quote')}; the bank holds {_count(quotes, 'quote')} "
            f"from {_count(articles_now, 'article')}\n"
        )
    run.summary()
    return 1 if run.errors else 0


def _add_all(bank: QuoteBank, run: _Run, inputs: Iterable[Input], args: argparse.Namespace) -> int:
    """Store the articles of ``inputs``, each one that cannot be read reported under its label; how many
    were stored (new, or extracted again for their reported speech)."""
    if args.processes < 0:
        raise UsageError(f"--processes: {args.processes} is not a number of processes")
    handed = 0

    def settle(upto: int) -> None:
        # the articles before a failed one were read: the results come in input order
        nonlocal handed
        while handed < upto:
            run.labels.popleft()
            run.read(0)
            handed += 1

    def failed(result: ExtractResult) -> None:
        nonlocal handed
        settle(result.index)
        run.failed(run.labels.popleft(), result.error)
        handed += 1

    before = len(bank)
    stored = bank.add_many(
        run.items(inputs),
        processes=None if args.processes == 1 else args.processes,
        reported=args.reported,
        date_order=args.date_order,
        on_error=failed,
        language=args.language,
    )
    settle(handed + len(run.labels))
    run.quotes = len(bank) - before
    return stored


def _update(bank: QuoteBank, run: _Run, inputs: Iterable[Input], args: argparse.Namespace) -> int:
    """Correct the metadata of the stored articles of ``inputs`` (and add those not stored); how many."""
    updated = 0
    for item in run.items(inputs):
        label = run.labels.popleft()
        try:
            article = article_of(item, reported=args.reported, date_order=args.date_order)
        except QuotebankError as error:
            run.failed(label, error)
            continue
        # the article's metadata is the options' and the record's over what its text says
        bank.update(
            article,
            outlet=article.outlet,
            published=_reading(article),
            url=article.url,
            source=article.source,
            article_id=article.id,
            reported=args.reported,
        )
        run.read(len(article.quotes))
        updated += 1
    return updated


_GROUPINGS = {"outlet": ("outlet",), "month": ("month",), "outlet,month": ("outlet", "month"), "all": ()}


def _stats_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="quotebank stats",
        description="Who gets quoted: a bank's quotes counted by the speakers' gender and kind of source.",
    )
    parser.add_argument("database", metavar="DB", help="the SQLite bank file")
    parser.add_argument(
        "--by", choices=tuple(_GROUPINGS), default="outlet", help="one row per outlet, month, both, or all"
    )
    parser.add_argument("--since", help="the earliest publication date, e.g. 2026-02-01")
    parser.add_argument("--until", help="the latest publication date, inclusive")
    parser.add_argument("--kind", action="append", choices=[k.value for k in QuoteKind], help="quote kind")
    parser.add_argument("--format", choices=("table", "csv"), default="table", help="output format")
    parser.add_argument(
        "--excel", action="store_true", help="CSV for spreadsheet programs (a UTF-8 byte-order mark first)"
    )
    return parser


def _stats(argv: Sequence[str], out: TextIO) -> int:
    args = _stats_parser().parse_args(argv)
    _check_dates(args, ("since", "until"))
    with QuoteBank.open(args.database, readonly=True) as bank:
        stats = bank.source_stats(_GROUPINGS[args.by], kind=args.kind, since=args.since, until=args.until)
    if args.format == "csv":
        stats.to_csv(out, excel=args.excel)
    else:
        out.write(stats.text_table())
    return 0


def _check_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="quotebank check",
        description="Read a whole bank file and list what is wrong with it (exit status 1 when anything is).",
    )
    parser.add_argument("database", metavar="DB", help="the SQLite bank file")
    return parser


def _check(argv: Sequence[str], out: TextIO) -> int:
    args = _check_parser().parse_args(argv)
    # not QuoteBank.open: that refuses a damaged file, and this is how to learn what the damage is
    with QuoteBank(Store.open(args.database, readonly=True, verify=False)) as bank:
        problems = bank.check()
    if not problems:
        out.write(f"{args.database}: no problems found\n")
        return 0
    out.write(f"{args.database}: damaged: {_count(len(problems), 'problem')}\n")
    out.writelines(f"  {problem}\n" for problem in problems)
    return 1


def _search(argv: Sequence[str], out: TextIO) -> int:
    args = _search_parser().parse_args(argv)
    _check_dates(args, ("since", "until"))
    args.text = " ".join([*args.words, *([args.text] if args.text else [])]) or None
    filters = {
        "speaker": args.speaker,
        "regex": args.regex,
        "outlet": args.outlet,
        "since": args.since,
        "until": args.until,
        "kind": args.kind,
        "limit": args.limit,
    }
    with QuoteBank.open(args.database, readonly=True) as bank:
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
            write_csv(quotes, out, excel=args.excel)
        else:
            _quote_rows(quotes, out)
    return 0


def _reading(article: Article) -> DateReading | None:
    """The article's date with its precision and ambiguity, which a bare date would lose."""
    if article.published is None or article.published_precision is None:
        return None
    return DateReading(article.published, article.published_precision, article.published_ambiguous)


def _check_dates(args: argparse.Namespace, options: Sequence[str]) -> None:
    """A date option that does not read as a date is named in the error (the library names its argument)."""
    for option in options:
        value = getattr(args, option)
        try:
            coerce_published(value, order=coerce_date_order(getattr(args, "date_order", None)))
        except QuotebankError as error:
            reason = str(error).partition(" ")[2] if str(error).startswith("published=") else str(error)
            raise UsageError(f"--{option}: {value!r} {reason}") from None


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
            if arguments[0] == "check":
                return _check(arguments[1:], out)
            if arguments[0] == "stats":
                return _stats(arguments[1:], out)
            return _search(arguments[1:], out)
        except QuotebankError as error:
            err.write(f"quotebank {arguments[0]}: {error}\n")
            return 2
    try:
        return _extract(arguments, out, err)
    except QuotebankError as error:
        err.write(f"quotebank: {error}\n")
        return 2


def _extract(argv: Sequence[str], out: TextIO, err: TextIO) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    seeds = not args.files and not args.files_from and not args.urls
    files = [str(path) for path in bundled_seeds()] if seeds else args.files
    run = _Run(err, quiet=args.quiet)
    inputs = _inputs_of(args, files)
    first = True
    if args.processes < 0:
        raise UsageError(f"--processes: {args.processes} is not a number of processes")
    for result in extract_many(
        run.items(inputs),
        processes=args.processes or None,
        reported=args.reported,
        date_order=args.date_order,
        language=args.language,
    ):
        label = run.labels.popleft()
        if result.error is not None:
            run.failed(label, result.error)
            continue
        quotes = result.quotes
        run.read(len(quotes))
        # standard input has no path: its label stands for the quotes' source
        source = label if label == _STDIN_LABEL else None
        if args.format == "jsonl":
            out.write(quotes_to_jsonl(quotes, source=source))
        elif args.format == "csv":
            out.write(quotes_to_csv(quotes, source=source, header=first))
        else:
            if not first:
                out.write("\n")
            # the seeds are named as in the package, wherever it is installed
            _table(Path(label).name if seeds else label, quotes, out)
        first = False
    run.summary()
    return 1 if run.errors else 0


_STDIN_LABEL = "<stdin>"


def _inputs_of(args: argparse.Namespace, files: Sequence[str]) -> Iterator[Input]:
    """The articles the options name, after checking the options that apply to all of them."""
    if args.url is not None and (len(files) != 1 or args.files_from or args.urls or Path(files[0]).is_dir()):
        raise UsageError(
            f"--url names one article, and {_count(len(files), 'file')} or folders were given: give one file "
            "with it (a JSON Lines file can give each article its url)"
        )
    _check_dates(args, ("published",))
    listings: list[Iterable[str]] = []
    for option, name in (("--files-from", args.files_from), ("--urls", args.urls)):
        if name is not None:
            if name != "-" and not Path(name).is_file():
                raise UsageError(f"{option}: {name} is not a file")
            listings.append(_listed(name))
    if args.timeout <= 0 or args.delay < 0:
        raise UsageError("--timeout must be more than 0 seconds, and --delay 0 seconds or more")
    metadata = {"outlet": args.outlet, "published": args.published, "url": args.url}
    fetcher = Fetcher(timeout=args.timeout, delay=args.delay, allow_private=args.allow_private)
    return read_inputs(
        files,
        files_from=itertools.chain.from_iterable(listings),
        encoding=args.encoding,
        metadata=metadata,
        stdin=_stdin_bytes(),
        fetcher=fetcher,
    )


def _listed(name: str) -> Iterator[str]:
    """The lines of a list of paths, read as they are needed: a list of a million paths is never held."""
    if name == "-":
        yield from sys.stdin
        return
    with Path(name).open(encoding="utf-8") as listing:
        yield from listing


def _stdin_bytes() -> BinaryIO | TextIO:
    # the bytes of standard input, so that its encoding is read like a file's; a replaced sys.stdin (tests,
    # embedding programs) may have no bytes beneath it
    buffer = getattr(sys.stdin, "buffer", None)
    return buffer if buffer is not None else sys.stdin


class _Run:
    """What one command has read so far, the labels of the articles in flight, and its closing summary."""

    def __init__(self, err: TextIO, *, quiet: bool) -> None:
        self.err = err
        self.quiet = quiet
        self.labels: collections.deque[str] = collections.deque()
        self.files: set[str] = set()
        self.articles = self.quotes = self.errors = 0
        self.started = time.perf_counter()
        self.bar = None if quiet else _progress_bar(err)

    def items(self, inputs: Iterable[Input]) -> Iterator[Mapping[str, Any]]:
        """The records of ``inputs``, in order, after a line for each one that could not be read."""
        for found in inputs:
            self.files.add(found.path)
            if found.item is None:
                self.failed(found.label, found.error or "cannot read")
                continue
            self.labels.append(found.label)
            yield found.item

    def failed(self, label: str, error: object) -> None:
        self.errors += 1
        line = f"quotebank: {label}: {error}"
        if self.bar is not None:
            self.bar.write(line, file=self.err)  # above the bar, which stays at the bottom
            self.bar.update(1)
        else:
            self.err.write(line + "\n")

    def read(self, quotes: int) -> None:
        self.articles += 1
        self.quotes += quotes
        if self.bar is not None:
            self.bar.update(1)

    def summary(self) -> None:
        if self.bar is not None:
            self.bar.close()
        if self.quiet:
            return
        seconds = time.perf_counter() - self.started
        self.err.write(
            f"quotebank: {_count(len(self.files), 'file')}, {_count(self.articles, 'article')}, "
            f"{_count(self.quotes, 'quote')}, {_count(self.errors, 'error')} in {seconds:.1f} s\n"
        )


def _progress_bar(err: TextIO) -> Any:
    """A progress bar on ``err`` when it is a terminal and tqdm is installed (the ``progress`` extra), or
    ``None``: a file, a pipe or a test gets the summary line only."""
    if not err.isatty():
        return None
    try:
        tqdm = importlib.import_module("tqdm")
    except ImportError:
        return None
    return tqdm.tqdm(file=err, unit=" articles", leave=False, dynamic_ncols=True)


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

"""The ``quotebank`` command: extract the quotes of article files and print them.

``quotebank FILE…`` prints a table; ``--format jsonl`` or ``csv`` writes every field for other programs.
With no file it runs on the two seed articles bundled with the package; ``-`` reads standard input.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Sequence
from importlib import resources
from pathlib import Path
from typing import TextIO

from quotebank.errors import QuotebankError
from quotebank.export import quotes_to_csv, quotes_to_jsonl
from quotebank.extract import extract
from quotebank.model import Quote

__all__ = ["bundled_seeds", "main", "run"]

_QUOTE_WIDTH = 64
_SPEAKER_WIDTH = 22


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


def main(
    argv: Sequence[str] | None = None, *, stdout: TextIO | None = None, stderr: TextIO | None = None
) -> int:
    """Run the command line; returns the exit status (0, or 1 when a file could not be processed)."""
    out = stdout if stdout is not None else sys.stdout
    err = stderr if stderr is not None else sys.stderr
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
    sys.exit(main())

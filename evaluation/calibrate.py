"""Compute a language's confidence table (``quotebank/lang/<code>/confidence.txt``) from annotated articles.

    python -m evaluation.calibrate ../shared/eval/polnear.train.jsonl [more.jsonl …] [--out FILE]

Every article is extracted; each quote the reference scorer matches to a gold quote with an annotated
speaker counts, under its evidence (see :mod:`quotebank._pipeline.confidence`), as right or wrong. The table
holds counts only: the confidence a quote gets is computed from them at run time. Calibrate on the training
split and leave the development split to measure it (``python -m evaluation FILE`` prints the reliability
table); ``python -m evaluation FOLDER --folds N`` calibrates each fold on the others.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from evaluation.run import evaluate, language_of, load_scorer, observations, read_jsonl
from quotebank._pipeline.confidence import Calibration

__all__ = ["main"]

_HEADER = """\
# How often quotes with each evidence had the right speaker on annotated news: evidence path (rule/mention
# kind/speaker kind/quote kind/cue verb, and each prefix; * is every quote), quotes with the right speaker,
# quotes. Written by `python -m evaluation.calibrate`; see quotebank/confidence.py. Do not edit by hand.
"""
_LANG = Path(__file__).resolve().parent.parent / "quotebank" / "lang"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m evaluation.calibrate", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("gold", type=Path, nargs="+", help="annotated articles (JSONL) beside score.py")
    parser.add_argument(
        "--out",
        type=Path,
        help="where to write the table (default: the confidence.txt of the articles' language)",
    )
    args = parser.parse_args(argv)
    scorer = load_scorer(args.gold[0].parent)
    articles = [article for path in args.gold for article in read_jsonl(path)]
    table = Calibration.fit(observations([evaluate(scorer, articles)]))
    out = args.out or _LANG / language_of(articles[0]) / "confidence.txt"
    out.write_text(_HEADER + "\n".join(table.lines()) + "\n", encoding="utf-8")
    right, total = table.counts.get("", (0, 0))
    print(f"{out}: {len(table.counts)} evidence paths from {total} judged quotes ({right} right)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

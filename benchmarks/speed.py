"""Speed benchmark: characters per second of ``extract`` and of its first stage, growth, peak memory.

``python -m benchmarks.speed`` measures CPU time (other processes then hardly matter), on one core, with warm
caches and the garbage collector on, as in use:

* throughput on real news text: the seed articles, and the annotated articles of the shared evaluation data
  (``../shared/eval/*.jsonl`` next to the repository, or ``$QUOTEBANK_EVAL_DIR``) when they are there;
* growth: one text of about 500,000 characters of those articles, then 10 and 100 times that text;
* peak memory of ``extract`` per MB of input (UTF-8), traced on the largest of those texts.

Start-up (importing quotebank, and dateparser on the first date the exact formats miss) is reported apart.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable, Sequence
from pathlib import Path

import quotebank
from benchmarks.adversarial import seconds
from quotebank._pipeline.language import language
from quotebank._pipeline.structure import parse_structure

__all__ = ["corpora", "main"]

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
EVAL_DIR = Path(os.environ.get("QUOTEBANK_EVAL_DIR", ROOT.parent / "shared" / "eval"))
# each throughput figure times at least this long, so that timer resolution and noise do not matter
_MIN_SECONDS = 1.0
_GROWTH_BASE = 500_000
_ENGLISH = language("en")


def corpora() -> dict[str, list[str]]:
    """The texts to measure, by name: the seeds, and each evaluation file that is present."""
    found = {"seeds": [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]}
    for path in sorted(EVAL_DIR.glob("*.jsonl")):
        with path.open(encoding="utf-8") as lines:
            found[f"eval: {path.stem}"] = [json.loads(line)["text"] for line in lines if line.strip()]
    return found


def _throughput(function: Callable[[str], object], texts: Sequence[str]) -> float:
    """Characters per second of ``function`` over ``texts``, best of three rounds of at least a second."""
    size = sum(map(len, texts))
    started = time.process_time()
    for text in texts:
        function(text)
    once = time.process_time() - started
    rounds = max(1, int(_MIN_SECONDS / max(once, 1e-9)))

    def run() -> None:
        for _ in range(rounds):
            for text in texts:
                function(text)

    return size * rounds / seconds(run, pause_gc=False)


def _peak_bytes(function: Callable[[], object]) -> int:
    """The most memory ``function`` held at once, beyond what was allocated before it started."""
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        baseline = tracemalloc.get_traced_memory()[0]
        function()
        return tracemalloc.get_traced_memory()[1] - baseline
    finally:
        tracemalloc.stop()


def _start_up() -> tuple[float, float]:
    """In a fresh process: seconds to import quotebank (language data included), then to read a first date
    that the exact formats miss (dateparser is imported then)."""
    code = (
        "import time; started = time.perf_counter(); import quotebank; "
        "imported = time.perf_counter() - started; started = time.perf_counter(); "
        "quotebank.parse_article('Title\\nPosted on the 5th of February 2026\\nBody.'); "
        "print(imported, time.perf_counter() - started)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    imported, dated = (float(value) for value in result.stdout.split())
    return imported, dated


def _structure(text: str) -> object:
    """The first stage alone (paragraphs, title, dates): parse_article reads the quotes too."""
    return parse_structure(_ENGLISH, text)


def _extract(text: str) -> object:
    return quotebank.extract(text)


def _extract_reported(text: str) -> object:
    return quotebank.extract(text, reported=True)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-growth", action="store_true", help="skip the 10x and 100x texts")
    parser.add_argument("--reported", action="store_true", help="extract reported speech too (reported=True)")
    options = parser.parse_args(argv)
    extract = _extract_reported if options.reported else _extract

    texts = corpora()
    imported, dated = _start_up()
    print(
        f"quotebank speed: Python {platform.python_version()}, one core, {platform.machine()}"
        + (", reported=True" if options.reported else "")
    )
    print(f"start-up: import {imported:.2f} s; the first date only dateparser reads {dated:.2f} s\n")

    print(f"{'text':<24} {'articles':>8} {'chars':>11} {'extract chars/s':>16} {'structure chars/s':>22}")
    for name, group in texts.items():
        size = sum(map(len, group))
        extract_speed = _throughput(extract, group)
        parse_speed = _throughput(_structure, group)
        print(f"{name:<24} {len(group):>8,} {size:>11,} {extract_speed:>16,.0f} {parse_speed:>22,.0f}")

    # one long text: articles one after the other up to about half a megabyte, then 10 and 100 times it
    chosen: list[str] = []
    for text in (text for group in texts.values() for text in group):
        if sum(map(len, chosen)) >= _GROWTH_BASE:
            break
        chosen.append(text)
    base = "\n".join(chosen)
    factors = (1,) if options.no_growth else (1, 10, 100)
    print(f"\n{'one text':<24} {'chars':>20} {'CPU s':>9} {'extract chars/s':>16} {'growth':>7}")
    first = 0.0
    for factor in factors:
        text = "\n".join([base] * factor)
        elapsed = seconds(lambda text=text: extract(text), repeat=1 if factor > 1 else 3, pause_gc=False)
        first = first or elapsed
        speed = len(text) / elapsed
        print(f"{f'{factor}x':<24} {len(text):>20,} {elapsed:>9.2f} {speed:>16,.0f} {elapsed / first:>7.1f}")

    text = "\n".join([base] * factors[-1])
    megabytes = len(text.encode("utf-8")) / 1e6
    peak = _peak_bytes(lambda: extract(text)) / 1e6
    print(
        f"\npeak memory of extract: {peak:,.0f} MB for {megabytes:,.1f} MB of input ({peak / megabytes:.1f}x)"
    )


if __name__ == "__main__":
    main()

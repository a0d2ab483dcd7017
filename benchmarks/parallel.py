"""How much faster extract_many is on several processes than extract in a loop.

``python -m benchmarks.parallel`` extracts the same articles three ways — ``extract`` in a loop,
``extract_many(processes=1)`` and ``extract_many(processes=N)`` — for each input size, checks that all three
give the same quotes, and prints articles a second and the speed-up of N processes over the loop. The
articles are the seeds and the tutorial's sample articles, each with a sentence of its own appended, so no
two are equal. The speed-up counts everything: starting the workers, sending articles and quotes between
processes.
"""

from __future__ import annotations

import argparse
import itertools
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import quotebank
from quotebank import QuoteList

__all__ = ["articles", "main", "time_runs"]

_ROOT = Path(__file__).resolve().parent.parent
_SOURCES = (_ROOT / "seeds", _ROOT / "docs" / "articles")


def articles(count: int) -> Iterator[str]:
    """``count`` distinct articles, made lazily from the seeds and the sample articles."""
    bases = [
        path.read_text(encoding="utf-8", errors="replace")
        for folder in _SOURCES
        for path in sorted(folder.glob("*.txt"))
    ]
    for number, base in zip(range(count), itertools.cycle(bases)):
        yield f'{base}\n"This is copy number {number}, for the benchmark," said Ann Example.'


def time_runs(count: int, processes: int, chunksize: int, *, repeat: int = 1) -> dict[str, float]:
    """The fewest seconds each way took for ``count`` articles in ``repeat`` rounds (the ways take turns,
    so a busy spell on the machine slows one round, not one way); raises when the ways disagree on a
    quote."""

    def loop() -> list[QuoteList]:
        return [quotebank.extract(text) for text in articles(count)]

    def streamed(workers: int) -> Callable[[], list[QuoteList]]:
        def run() -> list[QuoteList]:
            results = quotebank.extract_many(articles(count), processes=workers, chunksize=chunksize)
            return [result.quotes for result in results]

        return run

    ways = {"loop": loop, "1 process": streamed(1), f"{processes} processes": streamed(processes)}
    seconds = dict.fromkeys(ways, float("inf"))
    for _round in range(repeat):
        outputs = []
        for name, way in ways.items():
            started = time.perf_counter()
            outputs.append(way())
            seconds[name] = min(seconds[name], time.perf_counter() - started)
        if any(output != outputs[0] for output in outputs[1:]):
            raise AssertionError("extract_many and extract disagree")
    return seconds


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--articles", type=int, nargs="+", default=[1000, 20000], help="input sizes")
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--chunksize", type=int, default=quotebank.scale.processes.DEFAULT_CHUNKSIZE)
    parser.add_argument("--repeat", type=int, default=3, help="rounds; the fastest of each way counts")
    options = parser.parse_args(argv)
    quotebank.extract(next(articles(1)))  # load the lexicons before timing
    print(f"{'articles':>9}  {'way':<12} {'seconds':>8} {'articles/s':>11} {'speed-up':>9}")
    for count in options.articles:
        seconds = time_runs(count, options.processes, options.chunksize, repeat=options.repeat)
        for name, taken in seconds.items():
            speed_up = seconds["loop"] / taken
            print(f"{count:>9}  {name:<12} {taken:>8.2f} {count / taken:>11.0f} {speed_up:>8.2f}x")


if __name__ == "__main__":
    main()

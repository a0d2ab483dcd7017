"""Growth of the collection layer's comparisons with the size of their input.

``python -m benchmarks.growth`` times, at four sizes each a multiple of the last, three things a bank does
that would be quadratic if written the obvious way, and prints the CPU seconds and the growth from one size to
the next (4.0 means the time grew as the input did; 16.0 that it grew as its square):

* merging namesakes: different people who share a surname (given names of ten random letters), merged into
  speakers;
* clustering: distinct quotes and a tenth as many variants of them with a word changed;
* comparing two quotes: a long repetitive quote ("no no no …") and a report of it with a word added.

Timing is the least of three runs, with the garbage collector off while it runs (its full collections grow
with the number of live objects, not with the work being timed). The tests count comparisons instead, which
do not depend on the machine.
"""

from __future__ import annotations

import argparse
import gc
import random
import time
from collections.abc import Callable

from quotebank import Quote, Speaker, SpeakerKind
from quotebank.collection.clusters import cluster_quotes
from quotebank.collection.registry import SpeakerUsage, merge_speakers


def namesakes(count: int, surname: str = "Kim") -> list[SpeakerUsage]:
    """``count`` different people who share ``surname``."""
    rng = random.Random(count)
    letters = "bcdfgklmnprstvz"
    given: set[str] = set()
    while len(given) < count:
        given.add(rng.choice(letters).upper() + "".join(rng.choices("aeiou" + letters, k=9)))
    return [
        SpeakerUsage(Speaker(f"{name} {surname}", None, (), SpeakerKind.PERSON), 1) for name in sorted(given)
    ]


def _quote(text: str) -> Quote:
    return Quote(text, 0, len(text))


def quotes_and_variants(count: int) -> list[Quote]:
    """``count`` distinct quotes of 8 to 30 words and a tenth as many of them with one word changed."""
    rng = random.Random(count)
    vocabulary = [f"w{n}" for n in range(5000)] + ["the", "of", "and", "to", "in"] * 200
    originals = [" ".join(rng.choices(vocabulary, k=rng.randint(8, 30))) for _ in range(count)]
    variants = []
    for text in rng.sample(originals, count // 10):
        words = text.split()
        words[rng.randrange(len(words))] = "changed"
        variants.append(" ".join(words))
    return [_quote(text) for text in originals + variants]


def repetitive_pair(length: int) -> list[Quote]:
    """A quote of ``length`` times the same word, and the same with one word added in the middle."""
    words = ["no"] * length
    return [_quote(" ".join(words)), _quote(" ".join([*words[: length // 2], "yes", *words[length // 2 :]]))]


def seconds(action: Callable[[], object]) -> float:
    """The least CPU time of three runs of ``action``, with the garbage collector off."""
    best = float("inf")
    for _ in range(3):
        gc.collect()
        gc.disable()
        try:
            started = time.process_time()
            action()
            best = min(best, time.process_time() - started)
        finally:
            gc.enable()
    return best


def _merging(size: int) -> float:
    usages = namesakes(size)
    return seconds(lambda: merge_speakers(usages))


def _clustering(size: int) -> float:
    quotes = quotes_and_variants(size)
    return seconds(lambda: cluster_quotes(quotes))


def _comparing(size: int) -> float:
    quotes = repetitive_pair(size)
    return seconds(lambda: cluster_quotes(quotes))


CASES: dict[str, tuple[Callable[[int], float], tuple[int, ...]]] = {
    "merging namesakes": (_merging, (500, 2000, 8000, 32000)),
    "clustering quotes": (_clustering, (2500, 10000, 40000, 160000)),
    "comparing two quotes (words)": (_comparing, (2000, 8000, 32000, 128000)),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="only the three smaller sizes")
    options = parser.parse_args()
    print(f"{'':32} {'size':>8} {'CPU s':>8} {'growth':>7}")
    for name, (measure, sizes) in CASES.items():
        previous: float | None = None
        for size in sizes[:3] if options.quick else sizes:
            elapsed = measure(size)
            growth = f"{elapsed / previous:7.1f}" if previous else ""
            print(f"{'' if previous else name:32} {size:>8,} {elapsed:8.3f} {growth}")
            previous = elapsed


if __name__ == "__main__":
    main()

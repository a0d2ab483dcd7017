"""A QuoteBank at research scale: a growing bank of synthetic news, with thousands of namesakes.

``python -m benchmarks.bank_scale --quotes 1000000`` fills a SQLite bank to half the size, measures, fills it
to the full size and measures again, then prints each figure at both sizes and the growth ratio (2.0 means
the figure doubled with the bank). Times are CPU seconds of this process (SQLite runs inside it), so other
work on the machine matters little; memory is the peak resident size of the process.

The articles are made up but shaped like news: five quotations each, by 5,000 people who share 50 surnames
(a hundred namesakes a surname, with the same hundred given names), sometimes with a role; twenty outlets
over two years; one quotation in ten is reported again by another outlet, whole, in capitals or cut short,
so that clustering has work to do.

Figures, against the targets at 1,000,000 quotes on 2 cores:

* add, in quotes per CPU second, the speaker registry brought up to date after every 10,000 quotes and every
  quote clustered as it is stored: storing articles extracted beforehand (``add_many`` of
  :class:`~quotebank.values.Article` objects, what the target concerns: at least 3,000 quotes/s), and adding
  from text (extraction, timed on its own, plus the storing); then ``add_many`` of 10,000 quotes' texts timed
  as one call, and the wall-clock rates of the same (other work on the machine slows those);
* search: 99th percentile of searches with a filter the store's indexes serve (words, outlet and dates,
  speaker, a common word and a kind) and ``limit=100`` (target at most 50 ms), then of each kind, and of a
  regular expression, which no index serves: it reads quotes until it has found a hundred;
* speaker search after an add: one article added, then ``search(speaker=…)`` by full name (at most 100 ms);
* speakers(): after an add (the registry merges again the surnames that the article names), and in a bank
  just opened (the registry is built from the store) (target at most 2 s);
* clusters(): every quotation of the bank, sorted by how widely it was reported, and the first hundred read
  (target at most 5 s), then in a bank just opened, and with every cluster read (all the quotes);
* peak memory (target at most 1 GB).
"""

from __future__ import annotations

import argparse
import functools
import itertools
import os
import random
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any, TypeVar

from quotebank import Article, QuoteBank
from quotebank._pipeline.coreference import surnames_match
from quotebank.collection.filters import words
from quotebank.collection.registry import _given_name_match
from quotebank.readers.items import article_of

__all__ = ["articles", "main", "people"]

T = TypeVar("T")

_QUOTES_PER_ARTICLE = 5
_SURNAMES = 50
_GIVEN_NAMES = 100
_OUTLETS = [f"Outlet {n} News" for n in range(20)]
_ROLES = ["minister", "spokesperson", "senator", "mayor", "economist", "chief executive", "professor"]
_COMMON = ["the", "of", "and", "to", "in", "we", "will", "is", "that", "not", "for", "our", "this", "it"]
_SYLLABLES = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"]
_REGISTRY_EVERY = 10_000
"""Quotes added between two updates of the speaker registry while filling the bank."""


def _distinct(rng: random.Random, count: int, syllables: int, same: Callable[[str, str], bool]) -> list[str]:
    """``count`` capitalised made-up names, no two of which ``same`` takes for one name."""
    found: list[str] = []
    while len(found) < count:
        name = "".join(rng.choices(_SYLLABLES, k=syllables))
        folded = " ".join(words(name))
        if not any(same(folded, " ".join(words(other))) for other in found):
            found.append(name.capitalize())
    return found


@functools.lru_cache(maxsize=1)
def people(seed: int = 3) -> list[tuple[str, str | None]]:
    """5,000 people, as (full name, role or None): 50 surnames, each with the same 100 given names."""
    rng = random.Random(seed)
    surnames = _distinct(rng, _SURNAMES, 3, surnames_match)
    given = _distinct(rng, _GIVEN_NAMES, 3, _given_name_match)
    return [
        (f"{first} {last}", rng.choice(_ROLES) if rng.random() < 0.3 else None)
        for last in surnames
        for first in given
    ]


def articles(start: int, stop: int, seed: int = 7) -> Iterator[tuple[str, dict[str, str]]]:
    """Articles number ``start`` to ``stop - 1`` (the same for the same numbers, whatever was made before)."""
    everyone = people()
    vocabulary = sorted({"".join(random.Random(n).choices(_SYLLABLES, k=3)) for n in range(8000)})
    first_day = date(2024, 1, 1)

    def quotation(number: int) -> tuple[str, tuple[str, str | None]]:
        # quotation number n is the same wherever it is reported
        rng = random.Random(seed * 1_000_003 + number)
        chosen = rng.choices(vocabulary, k=rng.randint(6, 25)) + rng.choices(_COMMON, k=4)
        rng.shuffle(chosen)
        return " ".join(chosen).capitalize(), rng.choice(everyone)

    for number in range(start, stop):
        rng = random.Random(-seed * 1_000_003 - number)
        paragraphs = [f"Report number {number} on the talks"]
        for position in range(_QUOTES_PER_ARTICLE):
            if number > 0 and rng.random() < 0.1:
                # a quotation reported before, by another outlet
                text, (name, role) = quotation(rng.randrange(number * _QUOTES_PER_ARTICLE))
                if rng.random() < 0.3:
                    text = text.upper()
                elif rng.random() < 0.3:
                    text = " ".join(text.split()[:-2])
            else:
                text, (name, role) = quotation(number * _QUOTES_PER_ARTICLE + position)
            said = f"{name}, the {role}," if role is not None and position % 2 else name
            paragraphs.append(f'"{text}," {said} said.')
        metadata = {
            "outlet": rng.choice(_OUTLETS),
            "published": (first_day + timedelta(days=rng.randrange(730))).isoformat(),
            "url": f"https://news.example/{number}",
        }
        yield "\n".join(paragraphs), metadata


def _cpu(action: Callable[[], T]) -> tuple[float, T]:
    started = time.process_time()
    result = action()
    return time.process_time() - started, result


def _percentile(times: list[float], share: float) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def _fill(bank: QuoteBank, start: int, stop: int) -> dict[str, float]:
    """Add articles ``start`` to ``stop - 1``, each batch extracted first, then stored, then the registry
    brought up to date; the rates of storing (registry included) and of adding from text (extraction too),
    in quotes per CPU second and per second of the clock."""
    quotes_before = len(bank)
    extracting = storing = extracting_wall = storing_wall = 0.0
    step = _REGISTRY_EVERY // _QUOTES_PER_ARTICLE
    for first in range(start, stop, step):
        batch = list(articles(first, min(first + step, stop)))  # made before the clock starts
        clock = time.perf_counter()
        seconds, extracted = _cpu(functools.partial(_extract, batch))
        extracting += seconds
        extracting_wall += time.perf_counter() - clock
        clock = time.perf_counter()
        added, _ = _cpu(functools.partial(bank.add_many, extracted))
        updated, _ = _cpu(bank.speakers)
        storing += added + updated
        storing_wall += time.perf_counter() - clock
        print(f"  {len(bank):>10,} quotes", end="\r", file=sys.stderr, flush=True)
    quotes = len(bank) - quotes_before
    return {
        "store extracted articles, registry + clusters (quotes/s)": quotes / storing,
        "add from text = extraction + storing (quotes/s)": quotes / (extracting + storing),
        "  extraction alone (quotes/s)": quotes / extracting,
        "  store extracted articles, wall clock (quotes/s)": quotes / storing_wall,
        "  add from text, wall clock (quotes/s)": quotes / (extracting_wall + storing_wall),
    }


def _extract(batch: list[tuple[str, dict[str, str]]]) -> list[Article]:
    return [article_of(item) for item in batch]


def _add_from_text(bank: QuoteBank, first: int) -> float:
    """``add_many`` of 10,000 quotes' texts as one call (extraction included), then the registry brought up
    to date: quotes per CPU second."""
    before = len(bank)
    batch = list(articles(first, first + _REGISTRY_EVERY // _QUOTES_PER_ARTICLE))
    seconds, _ = _cpu(lambda: (bank.add_many(batch), bank.speakers()))
    return (len(bank) - before) / seconds


def _searches(bank: QuoteBank, count: int) -> list[dict[str, Any]]:
    """Searches with a filter and ``limit=100``: words, an outlet and a month, a speaker, a kind."""
    rng = random.Random(11)
    sample = list(bank.search(limit=2000))
    found_words = [w for quote in sample for w in words(quote.text) if w not in _COMMON]
    names = [name for name, _role in people()]
    queries: list[dict[str, Any]] = []
    for n in range(count):
        month = rng.randint(1, 12)
        queries.append(
            [
                {"text": rng.choice(found_words)},
                {
                    "outlet": rng.choice(_OUTLETS),
                    "since": f"2024-{month:02d}-01",
                    "until": f"2024-{month:02d}-28",
                },
                {"speaker": rng.choice(names)},
                {"text": rng.choice(_COMMON), "kind": "sentence"},
                {"regex": rf"\b{rng.choice(found_words)}\b"},
            ][n % 5]
        )
    return [{**query, "limit": 100} for query in queries]


def _measure(bank: QuoteBank, path: Path, next_article: int, searches: int) -> dict[str, float]:
    figures: dict[str, float] = {}
    figures["add_many of texts, one call of 10,000 quotes (quotes/s)"] = _add_from_text(
        bank, next_article + 100
    )
    times: dict[str, list[float]] = {}
    for query in _searches(bank, searches):
        started = time.process_time()
        bank.search(**query)
        kind = " + ".join(name for name in query if name not in ("limit", "until"))
        times.setdefault(kind, []).append((time.process_time() - started) * 1000)
    indexed = [t for kind, found in times.items() if kind != "regex" for t in found]
    figures["search, indexed filter + limit=100, p99 (ms)"] = _percentile(indexed, 0.99)
    figures["search, indexed filter + limit=100, median (ms)"] = statistics.median(indexed)
    for kind, found in times.items():
        figures[f"  search {kind}, p99 (ms)"] = _percentile(found, 0.99)

    names = [name for name, _role in people()]
    rng = random.Random(next_article)
    after_add: list[float] = []
    registry: list[float] = []
    for number in range(next_article, next_article + 20):
        bank.add_many(articles(number, number + 1))
        after_add.append(_cpu(lambda: bank.search(speaker=rng.choice(names)))[0] * 1000)
        bank.add_many(articles(number + 20, number + 21))
        registry.append(_cpu(bank.speakers)[0])
    figures["speaker search right after an add, max (ms)"] = max(after_add)
    figures["speakers() after an add, max (s)"] = max(registry)

    with QuoteBank.open(path) as reopened:
        figures["speakers() in a bank just opened (s)"] = _cpu(reopened.speakers)[0]
    with QuoteBank.open(path) as reopened:
        figures["clusters(), first 100, in a bank just opened (s)"] = _cpu(lambda: reopened.clusters()[:100])[
            0
        ]
    figures["clusters(), first 100 (s)"] = _cpu(lambda: bank.clusters()[:100])[0]
    figures["clusters(), every one read (s)"] = _cpu(lambda: sum(c.occurrences for c in bank.clusters()))[0]
    figures["reading every quote with iter_search (s)"] = _cpu(lambda: sum(1 for _ in bank.iter_search()))[0]
    figures["peak memory (MB)"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quotes", type=int, default=100_000, help="quotes in the bank at the end")
    parser.add_argument("--searches", type=int, default=500, help="searches timed at each size")
    parser.add_argument(
        "--folder", type=Path, default=None, help="where to put the bank (default: temporary)"
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(dir=args.folder) as folder:
        path = Path(folder) / "bank.db"
        bank = QuoteBank.open(path)
        total = args.quotes // _QUOTES_PER_ARTICLE
        half = total // 2
        # the articles measuring adds are numbered past the end, so that both sizes hold the same bank
        extra = itertools.count(total + 1000, 10_000)
        results = []
        started, clock, loads = time.process_time(), time.perf_counter(), [os.getloadavg()[0]]
        for start, stop in ((0, half), (half, total)):
            figures = _fill(bank, start, stop)
            loads.append(os.getloadavg()[0])
            figures.update(_measure(bank, path, next(extra), args.searches))
            loads.append(os.getloadavg()[0])
            figures["size on disk (MB)"] = sum(f.stat().st_size for f in Path(folder).glob("bank.db*")) / 1e6
            results.append((len(bank), figures))
        bank.close()
        cpu, wall = time.process_time() - started, time.perf_counter() - clock

    (small_size, small), (large_size, large) = results
    print(f"{'':60} {small_size:>12,} {large_size:>12,}  growth")
    for name, value in small.items():
        ratio = large[name] / value if value else float("nan")
        print(f"{name:60} {value:12,.2f} {large[name]:12,.2f}  {ratio:5.2f}×")
    print(
        f"(CPU time of this process unless said; {len(people()):,} people; quotes {small_size:,} then "
        f"{large_size:,}; the whole run {cpu:,.0f} s of CPU in {wall:,.0f} s; load average "
        f"{' / '.join(f'{load:.1f}' for load in loads)} at the start, after each fill and each measuring, "
        f"on {os.cpu_count()} CPUs)"
    )


if __name__ == "__main__":
    main()

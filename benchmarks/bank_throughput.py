"""Throughput of a QuoteBank on synthetic articles: adding, searching, speakers, clusters.

Run by hand (not a test):

    python benchmarks/bank_throughput.py                 # 100,000 quotes in a temporary SQLite file
    python benchmarks/bank_throughput.py --quotes 20000 --memory
    python benchmarks/bank_throughput.py --quotes 20000 --add-only --processes 2 [--reported]

The articles are made up but shaped like news: five paragraphs of one quotation each, said by one of a few
hundred people, published by one of twenty outlets over a year; one quotation in ten is reported again by
another outlet (sometimes shortened, or in capitals), so that clustering has work to do.
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any, TypeVar

from quotebank import QuoteBank

T = TypeVar("T")

_QUOTES_PER_ARTICLE = 5
_SYLLABLES = ["ka", "lo", "mi", "ren", "to", "sa", "vi", "der", "un", "pol", "tra", "nes", "cor", "ba", "li"]
_COMMON = ["the", "of", "and", "to", "in", "we", "will", "is", "that", "not", "for", "our", "this", "it"]


def _vocabulary(rng: random.Random, size: int) -> list[str]:
    words = {"".join(rng.choices(_SYLLABLES, k=rng.randint(2, 4))) for _ in range(size * 2)}
    return sorted(words)[:size]


def _people(rng: random.Random, count: int) -> list[str]:
    given = [w.capitalize() for w in _vocabulary(rng, 120)]
    # surnames from a hundred syllables, so that few are spelling variants of each other, as in real life
    syllables = [c + v for c in "bcdfghklmnprstvwz" for v in "aeiou"]
    family = {"".join(rng.choices(syllables, k=3)).capitalize() for _ in range(count * 2)}
    return [f"{rng.choice(given)} {surname}" for surname in sorted(family)[:count]]


def _articles(total_quotes: int, seed: int = 7) -> Iterator[tuple[str, dict[str, str]]]:
    rng = random.Random(seed)
    vocabulary = _vocabulary(rng, 6000)
    people = _people(rng, 400)
    outlets = [f"Outlet {n} News" for n in range(20)]
    start = date(2025, 1, 1)
    said: list[tuple[str, str]] = []
    for number in range(total_quotes // _QUOTES_PER_ARTICLE):
        paragraphs = [f"Report number {number} on the talks"]
        for _ in range(_QUOTES_PER_ARTICLE):
            if said and rng.random() < 0.1:
                text, person = rng.choice(said)
                if rng.random() < 0.3:
                    text = text.upper()
            else:
                words = rng.choices(vocabulary, k=rng.randint(6, 25)) + rng.choices(_COMMON, k=4)
                rng.shuffle(words)
                text = " ".join(words).capitalize()
                person = rng.choice(people)
                said.append((text, person))
            paragraphs.append(f'"{text}," {person} said.')
        metadata = {
            "outlet": rng.choice(outlets),
            "published": (start + timedelta(days=rng.randrange(365))).isoformat(),
            "url": f"https://news.example/{number}",
        }
        yield "\n".join(paragraphs), metadata


def _children_cpu() -> float:
    """CPU seconds of the worker processes that have ended (extract_many's, once add_many returns)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _timed(action: Callable[[], T]) -> tuple[float, T]:
    started = time.perf_counter()
    result = action()
    return time.perf_counter() - started, result


def _search_milliseconds(bank: QuoteBank, query: dict[str, Any]) -> float:
    started = time.perf_counter()
    bank.search(**query)
    return (time.perf_counter() - started) * 1000


def _queries(bank: QuoteBank, count: int) -> dict[str, list[dict[str, Any]]]:
    """Searches of several kinds, on words, speakers and outlets the bank holds."""
    rng = random.Random(11)
    sample = list(bank.search(limit=5000))
    # content words, as a reader searches: "the" would return most of the bank
    words = [w for quote in rng.sample(sample, 200) for w in quote.text.lower().split() if w not in _COMMON]
    surnames = [profile.name.split()[-1] for profile in bank.speakers()]
    months = [rng.randint(1, 12) for _ in range(count)]
    return {
        "one word": [{"text": rng.choice(words)} for _ in range(count)],
        "two words": [{"text": f"{rng.choice(words)} {rng.choice(words)}"} for _ in range(count)],
        "speaker": [{"speaker": rng.choice(surnames)} for _ in range(count)],
        "word + speaker": [
            {"text": rng.choice(words), "speaker": rng.choice(surnames)} for _ in range(count)
        ],
        "outlet + month, first 100": [
            {
                "outlet": f"Outlet {rng.randrange(20)} News",
                "since": f"2025-{month:02d}-01",
                "until": f"2025-{month:02d}-28",
                "limit": 100,
            }
            for month in months
        ],
        "common word, first 20": [{"text": rng.choice(_COMMON), "limit": 20} for _ in range(count)],
        "regex, first 50": [{"regex": rf"\b{rng.choice(words)}\b", "limit": 50} for _ in range(count)],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quotes", type=int, default=100_000, help="how many quotes to add")
    parser.add_argument("--memory", action="store_true", help="a bank in memory instead of a SQLite file")
    parser.add_argument("--queries", type=int, default=200, help="searches of each kind")
    parser.add_argument(
        "--processes", type=int, default=None, help="add_many extracts on N worker processes (0: every CPU)"
    )
    parser.add_argument("--reported", action="store_true", help="extract reported speech too")
    parser.add_argument("--add-only", action="store_true", help="stop after add_many")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        bank = QuoteBank() if args.memory else QuoteBank.open(Path(folder) / "bench.db")
        started, children = time.process_time(), _children_cpu()
        elapsed, added = _timed(
            lambda: bank.add_many(_articles(args.quotes), processes=args.processes, reported=args.reported)
        )
        cpu, workers = time.process_time() - started, _children_cpu() - children
        quotes = len(bank)
        where = "in this process" if args.processes is None else f"processes={args.processes}"
        print(f"add_many ({where}): {added:,} articles, {quotes:,} quotes in {elapsed:.1f} s")
        print(f"  {added / elapsed:,.0f} articles/s, {quotes / elapsed:,.0f} quotes/s (extraction included)")
        print(
            f"  CPU: this process {cpu:.1f} s ({quotes / cpu:,.0f} quotes a second), "
            f"workers {workers:.1f} s; {quotes / (cpu + workers):,.0f} quotes per CPU second in all"
        )
        if args.add_only:
            return

        export = Path(folder) / "bank.jsonl"
        bank.to_jsonl(export)
        copy_path = None if args.memory else Path(folder) / "copy.db"
        elapsed, copy = _timed(lambda: QuoteBank.read_jsonl(export, path=copy_path))
        print(f"read_jsonl: {quotes / elapsed:,.0f} quotes/s (storage only)")
        copy.close()

        everything: list[float] = []
        print("search latency (ms): median / 95th percentile")
        for name, queries in _queries(bank, args.queries).items():
            times = [_search_milliseconds(bank, query) for query in queries]
            everything += times
            print(
                f"  {name:<26} {statistics.median(times):7.1f} / {statistics.quantiles(times, n=20)[-1]:7.1f}"
            )
        print(f"  {'all searches':<26} {statistics.median(everything):7.1f}")

        elapsed, profiles = _timed(bank.speakers)
        print(f"speakers(): {len(profiles):,} speakers in {elapsed * 1000:.0f} ms")
        surname = profiles[0].name.split()[-1]
        elapsed, clusters = _timed(lambda: bank.clusters(speaker=surname))
        print(f"clusters(speaker=…): {len(clusters):,} quotations in {elapsed * 1000:.0f} ms")
        elapsed, clusters = _timed(bank.clusters)
        print(f"clusters(): {len(clusters):,} quotations from {quotes:,} quotes in {elapsed:.1f} s")
        bank.close()


if __name__ == "__main__":
    main()

"""Near-duplicate quotations: the same words reported by several outlets become one :class:`QuoteCluster`.

Two quotes are one quotation when, as folded words (no case, accents or punctuation, so curly and straight
apostrophes, a trailing comma or full stop, and an ellipsis do not count), one is the other, a part of the
other, or differs from it in a word or two (one word in ten), and their speakers are not two different
people. Short quotes (under five words) must be equal.

Candidates come from an inverted index of word pairs (shingles), built over the distinct word sequences; pairs
found in very many quotes (``of the``) are left out of it. Only quotes that share enough pairs are compared
word by word, in time linear in their length, so the work grows with the number of quotes and their words,
not with the square of either.
"""

from __future__ import annotations

import hashlib
import itertools
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Sequence
from datetime import date
from os import PathLike
from typing import TYPE_CHECKING, SupportsIndex, TextIO, overload

import attrs

from quotebank.collection.filters import date_key, words
from quotebank.values import Quote, QuoteList, Speaker

if TYPE_CHECKING:
    import pandas  # type: ignore[import-untyped,unused-ignore]

__all__ = ["ClusterList", "QuoteCluster", "cluster_quotes"]

_MIN_FUZZY_WORDS = 5
"""Quotes shorter than this must match exactly: in three words, one changed word is another quotation."""
_WORDS_PER_DIFFERENCE = 10
_MIN_SHARED_PAIRS = 0.4
"""The share of its word pairs a shorter quote must have in common with a candidate to be compared at all."""
_MAX_PAIR_FREQUENCY = 200
"""A word pair found in more distinct quotes than this says nothing about duplicates: it is not indexed."""
_MAX_CANDIDATES = 20
_ELLIPSES = ("…", "...", "[...]")


@attrs.frozen
class QuoteCluster:
    """One quotation as reported in one or more places.

    ``text`` is the longest faithful version (without an ellipsis where there is one); ``quotes`` are the
    reports, earliest first; ``first_seen`` is the earliest publication date among them.
    """

    quote_id: str
    text: str
    speaker: Speaker | None
    first_seen: date | None
    quotes: QuoteList

    @property
    def occurrences(self) -> int:
        """How many times the quotation was reported."""
        return len(self.quotes)

    @property
    def outlets(self) -> tuple[str, ...]:
        """The outlets that reported it, in order of first report."""
        return tuple(dict.fromkeys(q.outlet for q in self.quotes if q.outlet is not None))

    @property
    def urls(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(q.url for q in self.quotes if q.url is not None))

    @property
    def speaker_name(self) -> str | None:
        return self.speaker.name if self.speaker is not None else None

    def __repr__(self) -> str:
        text = self.text if len(self.text) <= 60 else self.text[:59] + "…"
        first = self.first_seen.isoformat() if self.first_seen is not None else None
        return (
            f"QuoteCluster({text!r}, speaker={self.speaker_name!r}, first_seen={first!r}, "
            f"occurrences={self.occurrences}, outlets={list(self.outlets)!r})"
        )

    def _repr_html_(self) -> str:
        from quotebank.io.display import cluster_html  # noqa: PLC0415 -- display imports this module

        return cluster_html(self)


class ClusterList(tuple[QuoteCluster, ...]):
    """An immutable sequence of clusters, in order of first report, with exports and a notebook display."""

    __slots__ = ()

    def __new__(cls, clusters: Iterable[QuoteCluster] = ()) -> ClusterList:
        return super().__new__(cls, clusters)

    @overload
    def __getitem__(self, index: SupportsIndex) -> QuoteCluster: ...

    @overload
    def __getitem__(self, index: slice) -> ClusterList: ...

    def __getitem__(self, index: SupportsIndex | slice) -> QuoteCluster | ClusterList:
        if isinstance(index, slice):
            return ClusterList(super().__getitem__(index))
        return super().__getitem__(index)

    def __repr__(self) -> str:
        shown = ", ".join(repr(cluster) for cluster in self[:5])
        more = f", … {len(self) - 5} more" if len(self) > 5 else ""
        return f"ClusterList([{shown}{more}])"

    def to_jsonl(self, target: str | PathLike[str] | TextIO) -> None:
        """One cluster a line, with Quotebank's field names (``quoteID``, ``quotation``, ``speaker``,
        ``date``, ``numOccurrences``, ``urls``) and the member quotes."""
        from quotebank.io.export import cluster_to_dict, write_jsonl  # noqa: PLC0415 -- export imports this module

        write_jsonl((cluster_to_dict(cluster) for cluster in self), target)

    def to_csv(self, target: str | PathLike[str] | TextIO) -> None:
        from quotebank.io.export import write_cluster_csv  # noqa: PLC0415 -- export imports this module

        write_cluster_csv(self, target)

    def to_dataframe(self) -> pandas.DataFrame:
        """A pandas DataFrame, one row a cluster, dates as datetimes (needs ``quotebank[pandas]``)."""
        from quotebank.io.export import clusters_dataframe  # noqa: PLC0415 -- export imports this module

        return clusters_dataframe(self)

    def _repr_html_(self) -> str:
        from quotebank.io.display import clusters_html  # noqa: PLC0415 -- display imports this module

        return clusters_html(self)


def _same_person(speaker: Speaker | None) -> Speaker | None:
    return speaker


def _similar(a: Sequence[str], b: Sequence[str]) -> bool:
    """Whether two word sequences are one quotation: equal, one inside the other, or a few words apart.

    Counted in time linear in their length, as what the shorter has that the longer lacks (with repeats):
    words, at most one in ten (and one), and word pairs, at most twice that (a changed word breaks the two
    pairs it is in, a cut one)."""
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) < _MIN_FUZZY_WORDS:
        return short == long
    allowed = len(short) // _WORDS_PER_DIFFERENCE + 1
    return _missing(short, long) <= allowed and _missing(_pairs(short), _pairs(long)) <= 2 * allowed


def _missing(short: Iterable[Hashable], long: Iterable[Hashable]) -> int:
    """How many items of ``short`` are not in ``long``, counting repeats."""
    counts = Counter(short)
    counts.subtract(long)
    return sum(count for count in counts.values() if count > 0)


def _pairs(sequence: Sequence[str]) -> list[tuple[str, str]]:
    return list(itertools.pairwise(sequence))


def cluster_quotes(
    quotes: Iterable[Quote], *, person: Callable[[Speaker | None], Speaker | None] = _same_person
) -> ClusterList:
    """The quotations among ``quotes``, in the order of their first report in ``quotes``.

    ``person`` maps a quote's speaker to the person it is (the collection's merged speaker); two quotes whose
    persons differ are never one quotation, and a cluster's speaker is its quotes' person.
    """
    members = list(quotes)
    member_words = [tuple(words(quote.text)) for quote in members]
    # A unit is a distinct (word sequence, person): the work below is per unit, not per report.
    unit_of: dict[tuple[tuple[str, ...], Speaker | None], int] = {}
    sequences: list[tuple[str, ...]] = []
    persons: list[Speaker | None] = []
    quote_units = []
    for quote, sequence in zip(members, member_words, strict=True):
        who = person(quote.speaker)
        unit = unit_of.setdefault((sequence, who), len(sequences))
        if unit == len(sequences):
            sequences.append(sequence)
            persons.append(who)
        quote_units.append(unit)

    parent = list(range(len(sequences)))
    root_person = list(persons)

    def find(unit: int) -> int:
        while parent[unit] != unit:
            parent[unit] = parent[parent[unit]]
            unit = parent[unit]
        return unit

    def join(a: int, b: int) -> None:
        root_a, root_b = find(a), find(b)
        if root_a == root_b:
            return
        who_a, who_b = root_person[root_a], root_person[root_b]
        if who_a is not None and who_b is not None and who_a != who_b:
            return  # two people said it: two quotations, and no chain through a third report may join them
        parent[root_b] = root_a
        root_person[root_a] = who_a if who_a is not None else who_b

    # the same words by the same person, or by someone and by nobody named, whatever the pairs below say
    first_with: dict[tuple[str, ...], int] = {}
    for unit, sequence in enumerate(sequences):
        if sequence:
            join(first_with.setdefault(sequence, unit), unit)

    # shorter quotes match only exactly (above): only the longer ones go into the index of word pairs
    fuzzy = [unit for unit, sequence in enumerate(sequences) if len(sequence) >= _MIN_FUZZY_WORDS]
    pair_sets = {unit: set(_pairs(sequences[unit])) for unit in fuzzy}
    frequency = Counter(pair for unit in first_with.values() if unit in pair_sets for pair in pair_sets[unit])
    common = {pair for pair, count in frequency.items() if count > _MAX_PAIR_FREQUENCY}
    index: dict[tuple[str, str], list[int]] = {}
    for unit in fuzzy:
        pairs = pair_sets[unit]
        shared: list[int] = []
        for pair in pairs - common:
            posting = index.get(pair)
            if posting is None:
                index[pair] = [unit]
            else:
                shared += posting
                posting.append(unit)
        if not shared:
            continue
        for other, count in Counter(shared).most_common(_MAX_CANDIDATES):
            if count < _MIN_SHARED_PAIRS * min(len(pair_sets[other]), len(pairs)):
                break
            if find(unit) != find(other) and _similar(sequences[unit], sequences[other]):
                join(unit, other)

    grouped: dict[int, list[int]] = {}
    for number, unit in enumerate(quote_units):
        grouped.setdefault(find(unit), []).append(number)
    return ClusterList(
        _cluster([members[n] for n in group], [member_words[n] for n in group], root_person[root])
        for root, group in grouped.items()
    )


def _cluster(quotes: list[Quote], sequences: list[tuple[str, ...]], speaker: Speaker | None) -> QuoteCluster:
    order = sorted(range(len(quotes)), key=lambda n: date_key(quotes[n].published))
    ordered = QuoteList(quotes[n] for n in order)
    first_seen = ordered[0].published
    # the longest version, preferring one without an ellipsis (an abridged report is not faithful)
    whole = [n for n in order if not any(mark in quotes[n].text for mark in _ELLIPSES)] or order
    canonical = max(whole, key=lambda n: len(sequences[n]))
    fingerprint = hashlib.blake2b(
        " ".join(sequences[canonical]).encode() + b"\x00" + (speaker.name if speaker else "").encode(),
        digest_size=6,
    ).hexdigest()
    day = date_key(first_seen)[:10] if first_seen is not None else "undated"
    return QuoteCluster(f"{day}-{fingerprint}", quotes[canonical].text, speaker, first_seen, ordered)

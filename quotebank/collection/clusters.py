"""Near-duplicate quotations: the same words reported by several outlets become one :class:`QuoteCluster`.

Two quotes are one quotation when, as folded words (no case, accents or punctuation, so curly and straight
apostrophes, a trailing comma or full stop, and an ellipsis do not count), one is the other, a part of the
other, or differs from it in a word or two (one word in ten), and their speakers are not two different
people. Short quotes (under five words) must be equal.

Candidates come from an inverted index of word pairs (shingles), built over the distinct word sequences; pairs
found in very many quotes (``of the``) are left out of it. Only quotes that share enough pairs are compared
word by word, in time linear in their length, so the work grows with the number of quotes and their words,
not with the square of either. A :class:`~quotebank.collection.bank.QuoteBank` keeps such an index in its
store and clusters each quote as it is written (:func:`fingerprints` are the pairs it keeps), so that
reading its clusters groups stored assignments instead of comparing quotes again.

Clusters are sorted by how widely the quotation was reported: the number of distinct articles, then of
outlets (a headline and the body of one article that repeat a quotation are one report), then by first report.
"""

from __future__ import annotations

import hashlib
import itertools
import operator
import zlib
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from datetime import date
from os import PathLike
from typing import TYPE_CHECKING, SupportsIndex, TextIO, overload

import attrs

from quotebank.collection.filters import date_key, words
from quotebank.values import Quote, QuoteList, Speaker

if TYPE_CHECKING:
    import pandas  # type: ignore[import-untyped,unused-ignore]

__all__ = [
    "ClusterList",
    "QuoteCluster",
    "cluster_quotes",
    "fingerprints",
    "make_cluster",
    "similar",
    "widest_first",
]

_MIN_FUZZY_WORDS = 5
"""Quotes shorter than this must match exactly: in three words, one changed word is another quotation."""
_WORDS_PER_DIFFERENCE = 10
_MIN_SHARED_PAIRS = 0.4
"""The share of its word pairs a shorter quote must have in common with a candidate to be compared at all."""
_MAX_PAIR_FREQUENCY = 200
"""A word pair found in more distinct quotes than this says nothing about duplicates: it is not indexed."""
_MAX_CANDIDATES = 20
_WINDOW = 4
"""Fingerprints are the least hashed pair of every run of this many pairs (winnowing): any run of five words
two quotes share gives them a fingerprint in common, and about two pairs in five are kept."""
_ELLIPSES = ("…", "...", "[...]")


@attrs.frozen
class QuoteCluster:
    """One quotation as reported in one or more places.

    ``text`` is the longest faithful version (without an ellipsis where there is one); ``quotes`` are the
    reports, earliest first; ``first_seen`` is the earliest publication date among them; ``article_count``
    the number of distinct articles that reported it (a headline and the body of one article are one).
    """

    quote_id: str
    text: str
    speaker: Speaker | None
    first_seen: date | None
    quotes: QuoteList
    article_count: int

    @property
    def occurrences(self) -> int:
        """How many quotes report it (two in one article count twice; see :attr:`article_count`)."""
        return len(self.quotes)

    @property
    def outlet_count(self) -> int:
        """How many distinct outlets reported it."""
        return len(self.outlets)

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
            f"articles={self.article_count}, occurrences={self.occurrences}, outlets={list(self.outlets)!r})"
        )

    def _repr_html_(self) -> str:
        from quotebank.io.display import cluster_html  # noqa: PLC0415 -- display imports this module

        return cluster_html(self)


_PAGE = 256
"""Clusters a bank's list reads from the store at a time."""


class ClusterList(Sequence[QuoteCluster]):
    """An immutable sequence of clusters, the most widely reported first (articles, then outlets, then first
    report), with exports and a notebook display. It equals any sequence of the same clusters.

    The list a bank gives knows how many clusters it holds at once, and reads them, in order, and their
    quotes from the bank when they are first looked at, a page at a time (so that listing a million
    quotations, or the first ten, does not read a million quotes): the bank must stay open while it is used,
    and pages read after the bank has changed may show the change.
    """

    __slots__ = ("_clusters", "_count", "_load", "_page")

    def __init__(self, clusters: Iterable[QuoteCluster] = ()) -> None:
        self._clusters: tuple[QuoteCluster, ...] | None = tuple(clusters)
        self._count = len(self._clusters)
        self._load: Callable[[int, int], list[QuoteCluster]] | None = None
        self._page: tuple[int, list[QuoteCluster]] = (0, [])

    @classmethod
    def reading(cls, count: int, load: Callable[[int, int], list[QuoteCluster]]) -> ClusterList:
        """A list of ``count`` clusters; ``load(start, stop)`` reads those from ``start`` to ``stop``."""
        found = cls()
        found._clusters, found._count, found._load = None, count, load
        return found

    def __len__(self) -> int:
        return self._count

    def _at(self, position: int) -> QuoteCluster:
        if self._clusters is not None:
            return self._clusters[position]
        assert self._load is not None
        start, page = self._page
        if not start <= position < start + len(page):
            start = position - position % _PAGE
            page = self._load(start, min(self._count, start + _PAGE))
            self._page = (start, page)
        return page[position - start]

    @overload
    def __getitem__(self, index: SupportsIndex) -> QuoteCluster: ...

    @overload
    def __getitem__(self, index: slice) -> ClusterList: ...

    def __getitem__(self, index: SupportsIndex | slice) -> QuoteCluster | ClusterList:
        if isinstance(index, slice):
            return ClusterList(self._at(n) for n in range(*index.indices(self._count)))
        position = operator.index(index)
        if position < 0:
            position += self._count
        if not 0 <= position < self._count:
            raise IndexError("cluster index out of range")
        return self._at(position)

    def __iter__(self) -> Iterator[QuoteCluster]:
        if self._clusters is not None:
            return iter(self._clusters)
        return (self._at(n) for n in range(self._count))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence) or isinstance(other, str | bytes):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __reduce__(self) -> tuple[type[ClusterList], tuple[tuple[QuoteCluster, ...]]]:
        return ClusterList, (tuple(self),)

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


def similar(a: Sequence[str], b: Sequence[str]) -> bool:
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


def fingerprints(sequence: Sequence[str]) -> frozenset[int]:
    """The hashes of the word pairs of ``sequence`` (folded words) that stand for it in an index of
    candidates: the least of every :data:`_WINDOW` consecutive pair hashes. The hashes are the same in every
    process (CRC-32), so that they can be stored; a collision only adds a candidate, which is compared. A
    sequence too short to match other than exactly has none."""
    if len(sequence) < _MIN_FUZZY_WORDS:
        return frozenset()
    hashes = [
        zlib.crc32(f"{a} {b}".encode("utf-8", "surrogatepass")) for a, b in itertools.pairwise(sequence)
    ]
    if len(hashes) <= _WINDOW:
        return frozenset([min(hashes)]) if hashes else frozenset()
    # each window as a tuple of the hashes at its offsets (slicing a window each cost twice as much)
    return frozenset(map(min, zip(*(hashes[offset:] for offset in range(_WINDOW)), strict=False)))


def _article_of(quote: Quote) -> Hashable:
    # quotes of one article share all of its metadata
    return (quote.url, quote.source, quote.article_id, quote.outlet, date_key(quote.published))


def cluster_quotes(
    quotes: Iterable[Quote],
    *,
    person: Callable[[Speaker | None], Speaker | None] = _same_person,
    article: Callable[[Quote], Hashable] = _article_of,
) -> ClusterList:
    """The quotations among ``quotes``, the most widely reported first (then in the order of their first
    report in ``quotes``).

    ``person`` maps a quote's speaker to the person it is (the collection's merged speaker); two quotes whose
    persons differ are never one quotation, and a cluster's speaker is its quotes' person. ``article`` tells
    which article a quote is from: by default, quotes with the same url, source, id, outlet and date are.
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

    forest = _Quotations(persons)
    # the same words by the same person, or by someone and by nobody named, whatever the pairs below say
    first_with: dict[tuple[str, ...], int] = {}
    for unit, sequence in enumerate(sequences):
        if sequence:
            forest.join(first_with.setdefault(sequence, unit), unit)
    _join_similar(sequences, first_with, forest)
    grouped: dict[int, list[int]] = {}
    for number, unit in enumerate(quote_units):
        grouped.setdefault(forest.find(unit), []).append(number)
    return ClusterList(
        widest_first(
            make_cluster(
                [members[n] for n in group],
                [member_words[n] for n in group],
                forest.root_person[root],
                len({article(members[n]) for n in group}),
            )
            for root, group in grouped.items()
        )
    )


class _Quotations:
    """The units of :func:`cluster_quotes` joined into quotations (a union-find forest), each quotation with
    its person: two quotations of different people are never joined."""

    __slots__ = ("parent", "root_person")

    def __init__(self, persons: Sequence[Speaker | None]) -> None:
        self.parent = list(range(len(persons)))
        self.root_person = list(persons)

    def find(self, unit: int) -> int:
        parent = self.parent
        while parent[unit] != unit:
            parent[unit] = parent[parent[unit]]
            unit = parent[unit]
        return unit

    def join(self, a: int, b: int) -> None:
        root_a, root_b = self.find(a), self.find(b)
        if root_a == root_b:
            return
        who_a, who_b = self.root_person[root_a], self.root_person[root_b]
        if who_a is not None and who_b is not None and who_a != who_b:
            return  # two people said it: two quotations, and no chain through a third report may join them
        self.parent[root_b] = root_a
        self.root_person[root_a] = who_a if who_a is not None else who_b


def _join_similar(
    sequences: Sequence[tuple[str, ...]], first_with: dict[tuple[str, ...], int], forest: _Quotations
) -> None:
    """Join the units whose words are similar (:func:`similar`), comparing only those that share enough word
    pairs (an index of pairs; pairs in more than a few quotations are no evidence)."""
    # shorter quotes match only exactly: only the longer ones go into the index of word pairs
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
        for other, count in Counter(shared).most_common(_MAX_CANDIDATES):
            if count < _MIN_SHARED_PAIRS * min(len(pair_sets[other]), len(pairs)):
                break
            if forest.find(unit) != forest.find(other) and similar(sequences[unit], sequences[other]):
                forest.join(unit, other)


def widest_first(clusters: Iterable[QuoteCluster]) -> list[QuoteCluster]:
    """``clusters`` sorted by how widely they were reported: articles, then outlets; else as given."""
    return sorted(clusters, key=lambda cluster: (-cluster.article_count, -cluster.outlet_count))


def make_cluster(
    quotes: Sequence[Quote], sequences: Sequence[Sequence[str]], speaker: Speaker | None, article_count: int
) -> QuoteCluster:
    """The cluster of ``quotes`` (with their folded words) said by ``speaker``, from so many articles."""
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
    return QuoteCluster(
        f"{day}-{fingerprint}", quotes[canonical].text, speaker, first_seen, ordered, article_count
    )

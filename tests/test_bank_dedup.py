"""Near-duplicate quotations: one cluster per quotation, whatever the outlet's punctuation, case, apostrophes,
ellipses, cuts or one changed word; different quotations and different speakers stay apart; fast at scale."""

from __future__ import annotations

import random
import time
from datetime import date, datetime

import pytest

from quotebank import Quote, QuoteBank, QuoteCluster, QuoteList, Speaker
from quotebank.collection.clusters import cluster_quotes
from tests.conftest import SEEDS

WITKOFF = Speaker("Steve Witkoff")
TRUMP = Speaker("Donald Trump")

LONG = (
    "While significant work remains, steps like this demonstrate that sustained diplomatic engagement is "
    "delivering tangible results and advancing efforts to end the war in Ukraine."
)


def _quote(
    text: str,
    speaker: Speaker | None = WITKOFF,
    outlet: str = "A",
    published: date | None = date(2026, 2, 5),
    url: str | None = None,
) -> Quote:
    return Quote(text, 0, len(text), speaker=speaker, outlet=outlet, published=published, url=url)


def _sizes(clusters: tuple[QuoteCluster, ...]) -> list[int]:
    return [c.occurrences for c in clusters]


def test_the_seeds_share_one_witkoff_quotation_reported_by_two_outlets() -> None:
    bank = QuoteBank()
    bank.add((SEEDS / "000_39001c3f19b39482.txt").read_text(encoding="utf-8"), outlet="Kyiv Post")
    bank.add((SEEDS / "004_682f09ba88d465d4.txt").read_text(encoding="utf-8"))
    shared = [c for c in bank.clusters(speaker="Witkoff") if "significant work remains" in c.text]
    assert len(shared) == 1
    [cluster] = shared
    assert cluster.occurrences == 2
    # the Kyiv article gives no date, so the dated Anadolu report comes first
    assert cluster.outlets == ("Anadolu Agency", "Kyiv Post")
    assert cluster.speaker is not None and cluster.speaker.name == "Steve Witkoff"
    assert cluster.first_seen == datetime(2026, 2, 5, 3, 31)
    # the other 17 quotes are quotations of their own, but "detailed and productive" was reported twice too
    assert sorted(_sizes(bank.clusters()), reverse=True)[:3] == [2, 2, 1]
    assert len(bank.clusters()) == 17


@pytest.mark.parametrize(
    "variant",
    [
        LONG.upper(),
        LONG.replace(",", "").replace(".", ""),
        LONG.replace("While", "“While").replace("Ukraine.", "Ukraine,”"),
        LONG.replace("results", "outcomes"),  # one changed word
        "steps like this demonstrate that sustained diplomatic engagement is delivering tangible results",
        "While significant work remains … efforts to end the war in Ukraine.",
    ],
)
def test_variants_of_one_quotation_are_one_cluster(variant: str) -> None:
    clusters = cluster_quotes([_quote(LONG, outlet="A"), _quote(variant, outlet="B")])
    assert _sizes(clusters) == [2]
    assert clusters[0].text == LONG


def test_a_report_with_an_interpolation_is_the_same_quotation() -> None:
    interpolated = LONG.replace("engagement", "engagement, he said,")
    assert _sizes(cluster_quotes([_quote(LONG), _quote(interpolated)])) == [2]


def test_apostrophes_and_ellipses_do_not_count() -> None:
    quotes = [
        _quote("Ukraine's exchange fund is growing fast."),
        _quote("Ukraine’s exchange fund is growing fast..."),
        _quote("UKRAINE'S EXCHANGE FUND IS GROWING FAST"),
    ]
    clusters = cluster_quotes(quotes)
    assert _sizes(clusters) == [3]
    assert clusters[0].text == "Ukraine's exchange fund is growing fast."  # no ellipsis: the faithful one


def test_different_quotations_stay_apart() -> None:
    quotes = [
        _quote("We will keep working."),
        _quote("We will stop working."),  # short: one changed word is another quotation
        _quote(LONG),
        _quote("Significant work remains on the question of territory, and we will not give it up."),
        _quote("tangible results"),  # a two-word fragment is not evidence of one quotation
    ]
    assert _sizes(cluster_quotes(quotes)) == [1, 1, 1, 1, 1]


def test_two_speakers_are_two_quotations_even_through_an_unattributed_report() -> None:
    quotes = [_quote(LONG, WITKOFF), _quote(LONG, None), _quote(LONG, TRUMP)]
    clusters = cluster_quotes(quotes)
    assert sorted(_sizes(clusters)) == [1, 2]
    speakers = {c.speaker for c in clusters}
    assert speakers == {WITKOFF, TRUMP}


def test_cluster_fields() -> None:
    quotes = [
        _quote(LONG, outlet="Later", published=date(2026, 2, 7), url="https://later.example/a"),
        _quote(LONG[:-1] + "!", outlet="First", published=date(2026, 2, 5), url="https://first.example/a"),
        _quote(LONG, outlet="Undated", published=None),
    ]
    [cluster] = cluster_quotes(quotes)
    assert cluster.first_seen == date(2026, 2, 5)
    assert cluster.outlets == ("First", "Later", "Undated")
    assert cluster.urls == ("https://first.example/a", "https://later.example/a")
    assert cluster.occurrences == 3
    assert isinstance(cluster.quotes, QuoteList)
    assert cluster.quote_id.startswith("2026-02-05-")
    assert cluster_quotes(reversed(quotes))[0].quote_id == cluster.quote_id  # stable, whatever the order
    assert "occurrences=3" in repr(cluster)


def test_clusters_take_the_search_filters_and_limit_counts_clusters() -> None:
    bank = QuoteBank()
    bank.add(f'"{LONG}" Steve Witkoff said.', outlet="A", published="2026-02-05")
    bank.add(f'"{LONG.upper()}" Witkoff said.', outlet="B", published="2026-02-06")
    bank.add('"We will keep working on it," Steve Witkoff said.', outlet="B", published="2026-02-06")
    assert _sizes(bank.clusters()) == [2, 1]
    assert _sizes(bank.clusters(outlet="B")) == [1, 1]
    assert _sizes(bank.clusters("efforts")) == [2]
    assert _sizes(bank.clusters(limit=1)) == [2]
    assert bank.clusters(speaker="Melania Trump") == ()


def test_many_quotes_cluster_in_near_linear_time() -> None:
    """20,000 distinct quotes and 2,000 variants: an all-pairs comparison would take minutes."""
    rng = random.Random(5)
    vocabulary = [f"w{n}" for n in range(5000)] + ["the", "of", "and", "to", "in"] * 200
    originals = [" ".join(rng.choices(vocabulary, k=rng.randint(8, 30))) for _ in range(20_000)]
    variants = []
    for text in rng.sample(originals, 2000):
        words = text.split()
        words[rng.randrange(len(words))] = "changed"
        variants.append(" ".join(words).upper())
    quotes = [_quote(text, speaker=None) for text in originals + variants]
    started = time.process_time()  # CPU time: other work on a shared machine does not count
    clusters = cluster_quotes(quotes)
    elapsed = time.process_time() - started
    assert len(clusters) == 20_000
    assert sum(c.occurrences == 2 for c in clusters) == 2000
    assert elapsed < 20, elapsed


def _repetitive_pair_seconds(length: int) -> float:
    """CPU time to cluster a long repetitive quote and a report of it with one word added."""
    words = ["no"] * length
    quotes = [
        _quote(" ".join(words)),
        _quote(" ".join([*words[: length // 2], "yes", *words[length // 2 :]])),
    ]
    best = float("inf")
    for _ in range(3):
        started = time.process_time()
        clusters = cluster_quotes(quotes)
        best = min(best, time.process_time() - started)
    assert _sizes(clusters) == [2]
    return best


def test_comparing_two_quotes_is_linear_in_their_length() -> None:
    # four times the words: about four times the work, where aligning them word by word took sixteen
    ratio = _repetitive_pair_seconds(4000) / _repetitive_pair_seconds(1000)
    assert ratio < 8, ratio


def _clustering_seconds(count: int) -> float:
    """CPU time to cluster ``count`` distinct quotes and a tenth as many variants of them."""
    rng = random.Random(count)
    vocabulary = [f"w{n}" for n in range(5000)] + ["the", "of", "and", "to", "in"] * 200
    originals = [" ".join(rng.choices(vocabulary, k=rng.randint(8, 30))) for _ in range(count)]
    variants = [text.upper() for text in rng.sample(originals, count // 10)]
    quotes = [_quote(text, speaker=None) for text in originals + variants]
    best = float("inf")
    for _ in range(3):
        started = time.process_time()
        clusters = cluster_quotes(quotes)
        best = min(best, time.process_time() - started)
    assert len(clusters) == count
    return best


def test_clustering_grows_with_the_number_of_quotes_not_its_square() -> None:
    # four times the quotes: about four times the work, where comparing every pair would take sixteen
    ratio = _clustering_seconds(6000) / _clustering_seconds(1500)
    assert ratio < 8, ratio

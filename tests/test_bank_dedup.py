"""Near-duplicate quotations: one cluster per quotation, whatever the outlet's punctuation, case, apostrophes,
ellipses, cuts or one changed word; different quotations and different speakers stay apart; fast at scale."""

from __future__ import annotations

import json
import random
import sqlite3
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path

import pytest

import quotebank.collection.clusters
import quotebank.collection.store
from quotebank import Quote, QuoteBank, QuoteCluster, QuoteKind, QuoteList, Speaker
from quotebank.collection.clusters import cluster_quotes
from quotebank.collection.filters import words
from quotebank.collection.registry import SpeakerProfile
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


def _sizes(clusters: Sequence[QuoteCluster]) -> list[int]:
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


def test_many_quotes_cluster_without_comparing_every_pair(monkeypatch: pytest.MonkeyPatch) -> None:
    """20,000 distinct quotes and 2,000 variants with a word changed: comparing every pair would take about
    240 million comparisons; the index of word pairs proposes about one candidate per variant (growth with the
    number of quotes and with their length: ``python -m benchmarks.growth``)."""
    rng = random.Random(5)
    vocabulary = [f"w{n}" for n in range(5000)] + ["the", "of", "and", "to", "in"] * 200
    originals = [" ".join(rng.choices(vocabulary, k=rng.randint(8, 30))) for _ in range(20_000)]
    variants = []
    for text in rng.sample(originals, 2000):
        words = text.split()
        words[rng.randrange(len(words))] = "changed"
        variants.append(" ".join(words).upper())
    compared: list[int] = []
    similar = quotebank.collection.clusters.similar

    def counting(a: Sequence[str], b: Sequence[str]) -> bool:
        compared.append(len(a) + len(b))
        return similar(a, b)

    monkeypatch.setattr(quotebank.collection.clusters, "similar", counting)
    clusters = cluster_quotes([_quote(text, speaker=None) for text in originals + variants])
    assert len(clusters) == 20_000
    assert sum(c.occurrences == 2 for c in clusters) == 2000
    assert 2000 <= len(compared) < 4000, len(compared)


def test_a_long_repetitive_quote_and_its_variant_are_one_quotation() -> None:
    words = ["no"] * 8000
    quotes = [_quote(" ".join(words)), _quote(" ".join([*words[:4000], "yes", *words[4000:]]))]
    assert _sizes(cluster_quotes(quotes)) == [2]


def _headline_and_body(text: str, outlet: str) -> str:
    """An article that repeats a quotation in its headline and its body."""
    return f'Mayor: "{text}"\n\n"{text}," Mayor Jane Doe said on Monday in {outlet}.'


def test_clusters_count_articles_and_outlets_and_come_most_widely_reported_first() -> None:
    bank = QuoteBank()
    bank.add(_headline_and_body("We will rebuild the bridge before the winter comes", "A"), outlet="A")
    bank.add('"Every family will have a home again by the spring," Jane Doe said.', outlet="B")
    bank.add('"Every family will have a home again by the spring," said Jane Doe.', outlet="C")
    bank.add('"Every family will have a home again by the spring," said Jane Doe.\n\nMore.', outlet="C")
    widest, bridge = bank.clusters()
    assert (widest.article_count, widest.outlet_count, widest.occurrences) == (3, 2, 3)
    # a headline and the body of one article are one report, not two
    assert (bridge.article_count, bridge.outlet_count, bridge.occurrences) == (1, 1, 2)
    assert "articles=1, occurrences=2" in repr(bridge)
    # a list of quotes tells articles apart by their url, source, id, outlet and date
    listed = cluster_quotes(bank.search())
    assert [(c.article_count, c.occurrences) for c in listed] == [(2, 3), (1, 2)]


def test_the_bank_clusters_quotes_as_they_are_stored(monkeypatch: pytest.MonkeyPatch) -> None:
    bank = QuoteBank()
    bank.add(f'"{LONG}" Steve Witkoff said.', outlet="A", published="2026-02-05")
    bank.add('"We will keep working on it," Steve Witkoff said.', outlet="B", published="2026-02-06")
    assert _sizes(bank.clusters()) == [1, 1]
    bank.add(f'"{LONG.replace("results", "outcomes")}" Witkoff said.', outlet="C", published="2026-02-07")
    compared: list[int] = []

    def comparing(a: Sequence[str], b: Sequence[str]) -> bool:
        compared.append(1)
        return False

    monkeypatch.setattr(quotebank.collection.store, "similar", comparing)
    monkeypatch.setattr(quotebank.collection.clusters, "similar", comparing)
    # reading the clusters groups what the writes decided: no quote is compared again
    clusters = bank.clusters()
    assert _sizes(clusters) == [2, 1]
    assert clusters[0].text == LONG
    assert compared == []


def test_a_bank_lists_many_clusters_without_reading_their_quotes() -> None:
    rng = random.Random(3)
    vocabulary = [f"w{n}" for n in range(5000)]
    bank = QuoteBank()
    bank.add_many(f'"{" ".join(rng.choices(vocabulary, k=8))}," Jane Doe said.' for _ in range(300))
    read: list[int] = []
    reading = bank._store.quotes_with_words

    def counting(quote_ids: Sequence[int]) -> dict[int, tuple[Quote, list[str]]]:
        read.append(len(quote_ids))
        return reading(quote_ids)

    bank._store.quotes_with_words = counting  # type: ignore[method-assign]
    clusters = bank.clusters()
    assert len(clusters) == 300 and read == []
    assert clusters[0].occurrences == 1 and read == [256]  # the first page of clusters
    assert [c.text for c in clusters[1:3]] and read == [256]
    assert sum(1 for _ in clusters) == 300
    assert clusters == list(clusters) and clusters[:2] == (clusters[0], clusters[1])


def _version_2_copy(bank: QuoteBank, path: Path) -> None:
    """``bank`` as a file of schema version 2: the tables without the clustering ones."""
    connection = sqlite3.connect(path)
    connection.executescript(quotebank.collection.store._SCHEMA)
    source = bank._store._connection
    for table, columns in (
        ("articles", "*"),
        ("speakers", "id, record"),
        ("quotes", "id, article_id, position, speaker_id, date_key, outlet_key, kind, record"),
    ):
        rows = source.execute(f"SELECT {columns} FROM {table}").fetchall()
        if rows:
            marks = ", ".join("?" * len(rows[0]))
            connection.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)
    for quote_id, record in source.execute("SELECT id, record FROM quotes").fetchall():
        text = " ".join(words(json.loads(record)["text"]))
        connection.execute("INSERT INTO quote_words (rowid, words) VALUES (?, ?)", (quote_id, text))
    connection.execute(f"PRAGMA application_id = {quotebank.collection.store._APPLICATION_ID}")
    connection.execute("PRAGMA user_version = 2")
    connection.commit()
    connection.close()


def _totals(profile: SpeakerProfile) -> tuple[object, ...]:
    return (
        profile.name,
        profile.quote_count,
        profile.article_count,
        profile.outlets,
        profile.first_seen,
        profile.last_seen,
    )


def test_a_bank_of_version_2_gains_its_clusters_when_opened_for_writing(tmp_path: Path) -> None:
    bank = QuoteBank()
    bank.add((SEEDS / "000_39001c3f19b39482.txt").read_text(encoding="utf-8"), outlet="Kyiv Post")
    bank.add((SEEDS / "004_682f09ba88d465d4.txt").read_text(encoding="utf-8"))
    expected = [(c.text, c.article_count, c.outlets) for c in bank.clusters()]
    path = tmp_path / "old.db"
    _version_2_copy(bank, path)
    with QuoteBank.open(path, readonly=True) as old:  # read as it is: clustered when asked
        assert [(c.text, c.article_count, c.outlets) for c in old.clusters()] == expected
        assert old.speakers() == bank.speakers()
    with QuoteBank.open(path) as upgraded:
        assert [(c.text, c.article_count, c.outlets) for c in upgraded.clusters()] == expected
        # the totals as counted when writing (genders are worked out again from what the file holds)
        assert list(map(_totals, upgraded.speakers())) == list(map(_totals, bank.speakers()))
        assert upgraded.check() == ()
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA user_version").fetchone() == (
            quotebank.collection.store.SCHEMA_VERSION,
        )


def _varied_bank(seed: int, *, batched: bool = False) -> QuoteBank:
    """Quotations reported again and again: whole, cut, in capitals, with a word changed, by the same person
    with and without their role, or unattributed; some articles stored again with their reported speech,
    some corrected (another outlet, another date). ``batched``: the articles added with ``add_many``, in
    batches that write many articles at once, and some stored again in the middle of a batch."""
    rng = random.Random(seed)
    vocabulary = [f"w{n}" for n in range(300)]
    said = [(" ".join(rng.choices(vocabulary, k=rng.randint(3, 14))), rng.randrange(6)) for _ in range(60)]
    people = ["Jane Doe", "John Roe", "Ana Lima", "Omar Haddad", "Li Wei", "Sara Kim"]
    bank = QuoteBank()
    texts = []
    items: list[tuple[str, dict[str, str | None]]] = []
    for number in range(120):
        paragraphs = [f"Report {number}"]
        for _ in range(rng.randint(1, 4)):
            text, who = rng.choice(said)
            form = rng.random()
            if form < 0.2:
                text = text.upper()
            elif form < 0.35:
                text = " ".join(text.split()[1:])
            elif form < 0.45:
                text = text.replace(text.split()[-1], "changed")
            name = people[who] if rng.random() < 0.9 else people[(who + 1) % len(people)]
            if rng.random() < 0.15:
                paragraphs.append(f'"{text}," a spokesperson said.')
            elif rng.random() < 0.3:
                paragraphs.append(f'"{text}," {name}, the minister, said.')
            else:
                paragraphs.append(f'"{text}," said {name}.')
        text = "\n\n".join(paragraphs)
        texts.append(text)
        outlet = rng.choice(["A", "B", "C", None])
        published = f"2026-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}"
        if batched:
            items.append((text, {"outlet": outlet, "published": published}))
        else:
            bank.add(text, outlet=outlet, published=published)
    if batched:
        bank.add_many(items[:70])
        # stored again in its place in the middle of a batch of new articles
        bank.add_many([*items[70:90], *rng.sample(items[:70], 5), *items[90:]], reported=True)
    for text in rng.sample(texts, 10):
        bank.add(text, reported=True)  # stored again in its place, its quotes replaced
    for text in rng.sample(texts, 10):
        bank.update(text, outlet=rng.choice(["A", "D"]), published="2025-12-31")
    return bank


@pytest.mark.parametrize("batched", [False, True])
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_clusters_totals_kept_when_writing_give_the_clusters_of_the_quotes(
    seed: int, batched: bool
) -> None:
    bank = _varied_bank(seed, batched=batched)
    totalled = bank.clusters()
    # with a filter that every quote passes, the clusters are grouped from the quotes themselves
    grouped = bank.clusters(kind=list(QuoteKind))
    assert len(totalled) == len(grouped)
    assert [(c.quote_id, c.article_count, c.outlets, c.speaker) for c in totalled] == [
        (c.quote_id, c.article_count, c.outlets, c.speaker) for c in grouped
    ]
    assert totalled == grouped
    assert list(totalled)[5:40] == list(grouped)[5:40] and totalled[-1] == grouped[-1]
    assert bank.clusters(limit=7) == grouped[:7]
    assert bank.check() == ()


def test_listing_the_widest_clusters_reads_an_index_not_every_quote(monkeypatch: pytest.MonkeyPatch) -> None:
    bank = _varied_bank(4)
    grouped: list[object] = []
    grouping = bank._store.cluster_groups

    def counting(quote_ids: Sequence[int] | None, *, shared: bool = False) -> object:
        if quote_ids is None and not shared:
            grouped.append(quote_ids)
        return grouping(quote_ids, shared=shared)

    monkeypatch.setattr(bank._store, "cluster_groups", counting)
    read: list[int] = []
    reading = bank._store.widest_clusters

    def paging(after: object, count: int) -> object:
        found = reading(after, count)  # type: ignore[arg-type]
        read.append(len(found))
        return found

    monkeypatch.setattr(bank._store, "widest_clusters", paging)
    clusters = bank.clusters()
    assert clusters[:3] and grouped == []
    assert len(read) == 1  # one page of the index, however many quotes the bank holds


def test_a_bank_of_version_4_gains_its_clusters_totals_when_opened_for_writing(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    bank = _varied_bank(5)
    expected = list(bank.clusters())
    with QuoteBank.open(path) as copy:
        bank._store._connection.backup(copy._store._connection)
    with sqlite3.connect(path) as connection:  # as version 4 left it: no totals of clusters
        for kind, name in [
            ("TRIGGER", "cluster_outlet_counted"),
            ("INDEX", "quotes_by_unit"),
            ("TABLE", "cluster_outlets"),
            ("TABLE", "clusters"),
        ]:
            connection.execute(f"DROP {kind} {name}")
        connection.execute("PRAGMA user_version = 4")
    with QuoteBank.open(path, readonly=True) as old:  # read as it is, grouped from the quotes
        assert not old._store.totalled
        assert list(old.clusters()) == expected
    with QuoteBank.open(path) as upgraded:
        assert upgraded._store.totalled
        assert list(upgraded.clusters()) == expected
        assert upgraded.check() == ()
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA user_version").fetchone() == (
            quotebank.collection.store.SCHEMA_VERSION,
        )


def test_a_bank_of_version_5_counts_clusters_totals_by_batch_once_opened_for_writing(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    bank = _varied_bank(4)
    with QuoteBank.open(path) as copy:
        bank._store._connection.backup(copy._store._connection)
    with sqlite3.connect(path) as connection:  # as version 5 left it: a trigger counted each quote
        connection.execute(quotebank.collection.store._VERSION_5[-2])
        connection.execute("PRAGMA user_version = 5")
    with QuoteBank.open(path, readonly=True) as old:
        assert list(old.clusters()) == list(bank.clusters())
    more = [f'"Report {n} says we will build w{n} again," said Jane Doe.' for n in range(30)]
    bank.add_many(more)
    with QuoteBank.open(path) as upgraded:
        upgraded.add_many(more)
        assert list(upgraded.clusters()) == list(bank.clusters())
        assert upgraded.clusters() == upgraded.clusters(kind=list(QuoteKind))
        assert upgraded.check() == ()
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA user_version").fetchone() == (6,)
        assert connection.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall() == [
            ("cluster_outlet_counted",)
        ]
        # an outlet's quotes in the order searches give them, read without sorting them all
        plan = connection.execute(
            "EXPLAIN QUERY PLAN SELECT id FROM quotes WHERE outlet_key = 'a' AND date_key >= '2026'"
            " ORDER BY date_key, article_id, position"
        ).fetchall()
        assert "quotes_by_outlet_in_order" in str(plan) and "TEMP B-TREE" not in str(plan)

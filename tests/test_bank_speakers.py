"""Speakers across articles: one person in any spelling becomes one speaker; different people who share a
surname stay apart; every merge says why."""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

import pytest

from quotebank import QuoteBank, Speaker, SpeakerKind, SpeakerNotFoundError
from quotebank.collection import registry
from quotebank.collection.registry import SpeakerProfile, SpeakerUsage, merge_speakers, speaker_matcher
from tests.conftest import SEEDS

PERSON = SpeakerKind.PERSON


def _usage(name: str, count: int = 1, *, role: str | None = None, kind: SpeakerKind = PERSON) -> SpeakerUsage:
    return SpeakerUsage(Speaker(name, role, (name,), kind), count, frozenset(["Outlet"]))


def _groups(*usages: SpeakerUsage) -> set[frozenset[str]]:
    return {frozenset(s.name for s in profile.speakers) for profile in merge_speakers(usages)}


def test_spelling_variants_and_accents_are_one_person() -> None:
    profiles = merge_speakers(
        [
            _usage("Volodymyr Zelenskyy", 5, role="President"),
            _usage("Volodymyr Zelensky", 3),
            _usage("Volodymyr Zelenskiy", 2),
            _usage("Volodýmyr Zelenskyj", 1),
            _usage("Wołodymyr Zelenski", 1),
            _usage("Zelensky", 4),
        ]
    )
    assert len(profiles) == 1
    [zelenskyy] = profiles
    assert zelenskyy.name == "Volodymyr Zelenskyy"  # the most quoted full name
    assert zelenskyy.role == "President"
    assert zelenskyy.quote_count == 16
    assert {"Zelensky", "Volodymyr Zelenskiy", "Wołodymyr Zelenski"} <= set(zelenskyy.aliases)
    reasons = {merge.name: merge.reason for merge in zelenskyy.merges}
    assert reasons["Volodymyr Zelensky"] == "surname spelling variant (zelensky / zelenskyy)"
    assert reasons["Zelensky"] == "surname only, and the one person of that name in the collection"
    assert "given name transliterated two ways (wolodymyr / volodymyr)" in reasons["Wołodymyr Zelenski"]
    assert "Volodymyr Zelensky = Volodymyr Zelenskyy" in zelenskyy.explain()


def test_people_sharing_a_surname_stay_apart() -> None:
    assert _groups(_usage("Donald Trump", 9), _usage("Melania Trump", 2)) == {
        frozenset(["Donald Trump"]),
        frozenset(["Melania Trump"]),
    }
    # a bare surname that fits two people joins neither
    assert _groups(_usage("Donald Trump", 9), _usage("Melania Trump", 2), _usage("Trump", 5)) == {
        frozenset(["Donald Trump"]),
        frozenset(["Melania Trump"]),
        frozenset(["Trump"]),
    }
    # ... unless a shared office picks one
    groups = _groups(
        _usage("Donald Trump", 9, role="President"),
        _usage("Melania Trump", 2, role="First Lady"),
        _usage("Trump", 5, role="President"),
    )
    assert frozenset(["Donald Trump", "Trump"]) in groups
    # the office may be any one of the person's roles
    groups = _groups(
        _usage("Donald Trump", 9, role="President"),
        _usage("Donald J. Trump", 4, role="businessman"),
        _usage("Melania Trump", 2, role="First Lady"),
        _usage("Trump", 5, role="businessman"),
    )
    assert frozenset(["Donald Trump", "Donald J. Trump", "Trump"]) in groups


def test_a_name_that_fits_two_people_does_not_bridge_them() -> None:
    groups = _groups(
        _usage("George W. Bush", 9),
        _usage("George H. W. Bush", 8),
        _usage("George Bush", 3),
        _usage("Jeb Bush", 4),
        _usage("Bush", 2),
    )
    assert frozenset(["Jeb Bush"]) in groups
    assert frozenset(["Bush"]) in groups
    w, hw = (next(g for g in groups if name in g) for name in ("George W. Bush", "George H. W. Bush"))
    assert w != hw
    assert "George Bush" in w | hw  # joined one of them, not both


def test_transliterations_need_the_same_first_letter_of_a_given_name() -> None:
    assert _groups(_usage("Jan Kowalski"), _usage("Ian Kowalski")) == {
        frozenset(["Jan Kowalski"]),
        frozenset(["Ian Kowalski"]),
    }
    assert _groups(_usage("Mykhailo Podolyak"), _usage("Mychajlo Podoljak")) == {
        frozenset(["Mykhailo Podolyak", "Mychajlo Podoljak"])
    }


def test_nicknames_and_initials() -> None:
    assert _groups(_usage("Steve Witkoff", 3), _usage("Steven Witkoff", 1)) == {
        frozenset(["Steve Witkoff", "Steven Witkoff"])
    }
    assert _groups(_usage("John Smith", 3), _usage("J. Smith", 1)) == {frozenset(["John Smith", "J. Smith"])}
    assert _groups(_usage("John Smith", 3), _usage("Jane Smith", 2), _usage("J. Smith", 1)) == {
        frozenset(["John Smith"]),
        frozenset(["Jane Smith"]),
        frozenset(["J. Smith"]),
    }


def test_organisations_merge_by_name_and_descriptions_never() -> None:
    org = SpeakerKind.ORGANISATION
    groups = _groups(
        _usage("the White House", 2, kind=org),
        _usage("The White House", 1, kind=org),
        _usage("a source", 1, kind=SpeakerKind.UNKNOWN),
        _usage("a source close to the talks", 1, kind=SpeakerKind.UNKNOWN),
    )
    assert frozenset(["the White House", "The White House"]) in groups
    assert frozenset(["a source"]) in groups
    assert frozenset(["a source close to the talks"]) in groups


def test_profiles_carry_counts_outlets_and_dates() -> None:
    usages = [
        SpeakerUsage(Speaker("Jane Doe"), 2, frozenset(["A"]), date(2026, 1, 2), date(2026, 1, 9)),
        SpeakerUsage(Speaker("Jane Doe", "mayor"), 1, frozenset(["B"]), date(2025, 12, 1), date(2025, 12, 1)),
    ]
    [profile] = merge_speakers(usages)
    assert profile == SpeakerProfile(
        name="Jane Doe",
        role="mayor",
        aliases=("Jane Doe",),
        kind=SpeakerKind.UNKNOWN,
        quote_count=3,
        outlets=("A", "B"),
        first_seen=date(2025, 12, 1),
        last_seen=date(2026, 1, 9),
        speakers=(Speaker("Jane Doe"), Speaker("Jane Doe", "mayor")),
        roles=("mayor",),
    )
    assert profile.speaker == Speaker("Jane Doe", "mayor", ("Jane Doe",), SpeakerKind.UNKNOWN)


def test_speaker_matcher() -> None:
    zelenskyy = Speaker("Volodymyr Zelenskyy", "President", ("President Volodymyr Zelenskyy",))
    for query in ("zelensky", "Zelenskiy", "Volodymyr", "Wołodymyr", "president zelenskyy", "V. Zelensky"):
        assert speaker_matcher(query)(zelenskyy), query
    for query in ("Donald Zelensky", "Trump", "w", ""):
        assert not speaker_matcher(query)(zelenskyy), query
    assert not speaker_matcher("zelensky")(None)
    # an initial inside a name is not the start of every word
    assert not speaker_matcher("Walker")(Speaker("George W. Bush"))


def test_articles_from_two_outlets_give_one_speaker_each() -> None:
    bank = QuoteBank()
    bank.add((SEEDS / "000_39001c3f19b39482.txt").read_text(encoding="utf-8"), outlet="Kyiv Post")
    bank.add((SEEDS / "004_682f09ba88d465d4.txt").read_text(encoding="utf-8"))
    names = [p.name for p in bank.speakers()]
    assert sorted(names) == ["Georgiy Tykhyi", "Steve Witkoff", "Volodymyr Zelenskyy"]
    zelenskyy = bank.speaker("zelensky")
    assert zelenskyy.name == "Volodymyr Zelenskyy"
    assert zelenskyy.outlets == ("Anadolu Agency", "Kyiv Post")
    assert zelenskyy.quote_count == 9
    assert "Zelensky" in zelenskyy.aliases
    assert bank.speaker("Witkoff").outlets == ("Anadolu Agency", "Kyiv Post")
    assert bank.speakers("tykhyi") == (bank.speaker("Georgiy Tykhyi"),)
    with pytest.raises(SpeakerNotFoundError):
        bank.speaker("Melania Trump")
    with pytest.raises(LookupError):
        bank.speaker("")


def test_the_bank_keeps_donald_and_melania_apart() -> None:
    bank = QuoteBank()
    bank.add('"We will make America great," Donald Trump said on Monday.', outlet="A")
    bank.add('"Be best," Melania Trump said on Tuesday.', outlet="B")
    bank.add('"Tariffs work," said President Donald Trump.', outlet="C")
    assert {p.name: p.quote_count for p in bank.speakers()} == {"Donald Trump": 2, "Melania Trump": 1}
    assert len(bank.speakers("trump")) == 2
    assert bank.speaker("Melania Trump").outlets == ("B",)
    assert [q.text for q in bank.search(speaker="Donald Trump")] == [
        "We will make America great,",
        "Tariffs work,",
    ]


def _namesakes(count: int, surname: str = "Kim") -> list[SpeakerUsage]:
    """``count`` different people who share a surname (given names of ten random letters: none is a
    spelling variant, a prefix or a nickname of another)."""
    rng = random.Random(count)
    letters = "bcdfgklmnprstvz"
    given: set[str] = set()
    while len(given) < count:
        given.add(rng.choice(letters).upper() + "".join(rng.choices("aeiou" + letters, k=9)))
    return [SpeakerUsage(Speaker(f"{name} {surname}", None, (), PERSON), 1) for name in sorted(given)]


def test_namesakes_are_compared_only_when_their_given_names_may_be_one_name(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    compared: list[tuple[str, str]] = []
    surnames_match = registry.surnames_match

    def counting(a: str, b: str) -> bool:
        compared.append((a, b))
        return surnames_match(a, b)

    monkeypatch.setattr(registry, "surnames_match", counting)
    assert len(merge_speakers(_namesakes(600))) == 600  # different people who share a surname stay apart
    # comparing every pair would be 179,700 comparisons; the given-name index proposes only the namesakes
    # whose given names may be one name (an initial, a nickname, a transliteration, one the beginning of the
    # other), and no two of these given names are (growth with their number: python -m benchmarks.growth)
    assert len(compared) < 10, len(compared)


def _said(given: str, surname: str, n: int) -> str:
    return f'"We will open bridge number {n} soon," {given} {surname} said.'


def test_a_write_merges_again_only_the_surname_it_names(monkeypatch: pytest.MonkeyPatch) -> None:
    bank = QuoteBank()
    bank.add_many(_said(usage.speaker.name.split()[0], "Kim", n) for n, usage in enumerate(_namesakes(40)))
    assert len(bank.speakers("kim")) == 40
    merged: list[int] = []
    merge = registry._merge

    def counting(units: list[registry._Unit]) -> list[SpeakerProfile]:
        merged.append(len(units))
        return merge(units)

    monkeypatch.setattr(registry, "_merge", counting)
    bank.add(_said("Anna", "Lopez", 1))
    assert [q.speaker_name for q in bank.search(speaker="lopez")] == ["Anna Lopez"]
    assert merged == [1]  # the Kims were not merged again
    bank.add(_said("Ana", "Kim", 2))
    assert len(bank.speakers("kim")) == 41
    assert merged == [1, 41]


def test_the_registry_counts_each_quote_once_across_writers_and_reopening(tmp_path: Path) -> None:
    path = tmp_path / "bank.db"
    with QuoteBank.open(path) as first, QuoteBank.open(path) as second:
        first.add(_said("Jane", "Doe", 1), outlet="A", published="2026-01-02")
        assert first.speaker("doe").quote_count == 1
        second.add(_said("Jane", "Doe", 2), outlet="B", published="2026-03-04")
        second.add(_said("Jane", "Doe", 3), outlet="B", published="2025-12-31")
        profile = first.speaker("doe")
        assert (profile.quote_count, profile.outlets) == (3, ("A", "B"))
        assert (profile.first_seen, profile.last_seen) == (date(2025, 12, 31), date(2026, 3, 4))
    with QuoteBank.open(path) as reopened:
        assert reopened.speaker("doe").quote_count == 3


def test_a_corrected_outlet_or_date_reaches_the_speaker() -> None:
    bank = QuoteBank()
    bank.add(_said("Jane", "Doe", 1), outlet="Wrong", published="2020-01-01")
    assert bank.speaker("doe").outlets == ("Wrong",)
    bank.update(_said("Jane", "Doe", 1), outlet="Right", published="2026-01-02")
    profile = bank.speaker("doe")
    assert (profile.outlets, profile.first_seen, profile.quote_count) == (("Right",), date(2026, 1, 2), 1)


def test_a_bank_just_opened_reads_its_speakers_totals_not_its_quotes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "bank.db"
    with QuoteBank.open(path) as bank:
        bank.add_many(
            (
                _said(given, surname, n),
                {"outlet": f"Outlet {n % 3}", "published": f"2026-01-{n % 28 + 1:02d}"},
            )
            for n, (given, surname) in enumerate(
                [("Jane", "Doe"), ("John", "Doe"), ("Ana", "Kim"), ("Jane", "Doe"), ("Jane", "Doe")] * 4
            )
        )
        bank.add(_said("Jane", "Doe", 99))  # undated, no outlet
        bank.update(_said("Jane", "Doe", 3), outlet="Corrected", published="2025-12-31")
        counted = merge_speakers(usage for _id, usage in bank._store.speaker_usages(0, 10**9))
    with QuoteBank.open(path) as reopened:

        def refused(after: int, upto: int) -> list[tuple[int, SpeakerUsage]]:
            raise AssertionError("the quotes were read again")

        monkeypatch.setattr(reopened._store, "speaker_usages", refused)
        assert list(reopened.speakers()) == counted
        jane = reopened.speaker("Jane Doe")
        assert (jane.quote_count, jane.first_seen) == (13, date(2025, 12, 31))
        assert "Corrected" in jane.outlets


def test_people_known_only_by_the_same_given_name_in_two_articles_stay_apart() -> None:
    bank = QuoteBank()
    bank.add('"The water came up to the door," said Maria, a nurse who lives by the river.', outlet="A")
    bank.add('"We lost the whole harvest," said Maria, a farmer in the valley.', outlet="B")
    marias = bank.speakers("maria")
    assert sorted(p.outlets for p in marias) == [("A",), ("B",)]
    assert [p.quote_count for p in marias] == [1, 1]
    assert len(merge_speakers([_usage("Maria", role="nurse"), _usage("Maria", role="farmer")])) == 2
    # a surname alone still joins the one person of that name
    assert _groups(_usage("Maria Lopez", 2), _usage("Lopez")) == {frozenset(["Maria Lopez", "Lopez"])}

"""Golden tests: every quote of the two seed articles, with its exact content and its real speaker."""

from __future__ import annotations

from datetime import datetime

import pytest

import quotebank
from quotebank import QuoteKind, SpeakerKind
from tests.conftest import SEEDS

KYIV = "000_39001c3f19b39482.txt"
ANADOLU = "004_682f09ba88d465d4.txt"

WITKOFF = "Steve Witkoff"
ZELENSKYY = "Volodymyr Zelenskyy"

EXPECTED = {
    KYIV: [
        ("tangible results", WITKOFF, "U.S."),
        ("detailed and productive,", WITKOFF, "Witkoff"),
        (
            "while significant work remains, steps like this demonstrate that sustained diplomatic "
            "engagement "
            "is delivering tangible results and advancing efforts to end the war in Ukraine.",
            WITKOFF,
            "Witkoff",
        ),
        ("in the near future.", ZELENSKYY, "President Volodymyr Zelenskyy"),
        ("came after a long pause, and it is critical that we were able to make it happen,", ZELENSKYY, "he"),
        ("everyone who works to make these exchanges possible,", ZELENSKYY, "his"),
        ("expanding Ukraine's exchange fund.", ZELENSKYY, "he"),
        (
            "Without the determination of our warriors, such exchanges would be impossible. And thus every "
            "result achieved by our units is what also sustains the ability to bring Ukrainians home from "
            "Russia,",
            ZELENSKYY,
            "Zelenskyy",
        ),
        ("continue to work to release our people from captivity.", ZELENSKYY, "Zelenskyy"),
        (
            "the most sensitive and complex issues, such as territorial issues,",
            "Georgiy Tykhyi",
            "Ukrainian foreign ministry spokesman Georgiy Tykhyi",
        ),
        ("halted the process", ZELENSKYY, "Zelenskyy"),
        (
            "They are not particularly interested in exchanging people, because they do not feel that it "
            "gives "
            "them anything. They believe it benefits us,",
            ZELENSKYY,
            "he",
        ),
    ],
    ANADOLU: [
        (
            "Today, delegations from the United States, Ukraine, and Russia agreed to exchange 314 "
            "prisoners—the "
            "first such exchange in five months,",
            WITKOFF,
            "Witkoff",
        ),
        ("detailed and productive.", WITKOFF, "Witkoff"),
        (
            "While significant work remains, steps like this demonstrate that sustained diplomatic "
            "engagement "
            "is delivering tangible results and advancing efforts to end the war in Ukraine,",
            WITKOFF,
            "he",
        ),
        ("additional progress anticipated in the coming weeks,", WITKOFF, "He"),
        ("his leadership in making this agreement possible.", WITKOFF, "He"),
        ("likely", "Zelensky", "Zelensky"),
        ("constructive", WITKOFF, "US special envoy"),
    ],
}


def _extract(name: str) -> tuple[str, quotebank.QuoteList]:
    text = (SEEDS / name).read_text(encoding="utf-8")
    return text, quotebank.extract(text)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_seed_quote_has_its_content_and_speaker(name: str) -> None:
    text, quotes = _extract(name)
    got = [(q.text, q.speaker_name, q.mention.text if q.mention else None) for q in quotes]
    assert got == EXPECTED[name]
    for quote in quotes:
        assert text[quote.start : quote.end] == quote.text
        assert quote.mention is not None
        assert text[quote.mention.start : quote.mention.end] == quote.mention.text
        assert not quote.unbalanced


def test_nineteen_seed_quotes_in_all() -> None:
    assert sum(len(_extract(name)[1]) for name in EXPECTED) == 19


def test_kyiv_article_structure() -> None:
    text = (SEEDS / KYIV).read_text(encoding="utf-8")
    article = quotebank.parse_article(text)
    assert article.title is not None and article.title.startswith("Ukraine and Russia carry out")
    assert article.dateline == "Kyiv"
    assert article.outlet is None
    assert article.published is None
    assert article.quotes == quotebank.extract(text)


def test_kyiv_speakers_are_canonical() -> None:
    _text, quotes = _extract(KYIV)
    witkoff = quotes[1].speaker
    assert witkoff is not None
    assert witkoff.name == WITKOFF
    assert witkoff.role == "U.S. special envoy"
    assert witkoff.kind is SpeakerKind.PERSON
    assert {"Witkoff", "Steve Witkoff", "U.S. special envoy Steve Witkoff"} <= set(witkoff.aliases)
    zelenskyy = quotes[3].speaker
    assert zelenskyy is not None and zelenskyy.role == "President"
    tykhyi = quotes[9].speaker
    assert tykhyi is not None and tykhyi.role == "Ukrainian foreign ministry spokesman"
    # one Speaker object per person, shared by all their quotes
    assert len({q.speaker for q in quotes}) == 3


def test_kyiv_kinds_and_cues() -> None:
    _text, quotes = _extract(KYIV)
    assert quotes[0].kind is QuoteKind.HEADLINE
    assert [q.kind for q in quotes[1:]].count(QuoteKind.SENTENCE) == 2
    assert quotes[3].cue is not None and quotes[3].cue.text == "told reporters"
    assert quotes[1].cue is not None and quotes[1].cue.text == "said"


def test_anadolu_article_structure() -> None:
    text = (SEEDS / ANADOLU).read_text(encoding="utf-8")
    article = quotebank.parse_article(text)
    assert article.title == "Witkoff says Russia and Ukraine agree to exchange 314 prisoners of war"
    assert article.outlet == "Anadolu Agency"
    assert article.published == datetime(2026, 2, 5, 3, 31)
    assert article.published.tzinfo is None  # the page names no zone, so none is invented
    kinds = [p.kind.value for p in article.paragraphs]
    assert kinds[:6] == ["title", "body", "navigation", "navigation", "metadata", "body"]
    assert kinds[-5:] == ["related"] * 5


def test_anadolu_quotes_carry_outlet_and_date() -> None:
    _text, quotes = _extract(ANADOLU)
    assert {q.outlet for q in quotes} == {"Anadolu Agency"}
    assert {q.published for q in quotes} == {datetime(2026, 2, 5, 3, 31)}
    assert [q.kind for q in quotes[-2:]] == [QuoteKind.RELATED, QuoteKind.RELATED]
    witkoff = quotes[0].speaker
    assert witkoff is not None and witkoff.role == "US special envoy"
    assert "US envoy Steve Witkoff" in witkoff.aliases


def test_caller_metadata_wins() -> None:
    text = (SEEDS / ANADOLU).read_text(encoding="utf-8")
    quotes = quotebank.extract(text, outlet="AA", published="2026-02-06", url="https://example.org/a")
    assert {(q.outlet, q.published.isoformat() if q.published else None, q.url) for q in quotes} == {
        ("AA", "2026-02-06", "https://example.org/a")
    }

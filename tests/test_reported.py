"""Reported speech (``reported=True``): clauses, speakers, interviews, kinds downstream, properties, speed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings

import quotebank
from benchmarks.adversarial import HOSTILE, SPECIAL, build, seconds
from quotebank import QuoteBank, QuoteKind, parse_article
from quotebank.scale.processes import extract_many
from quotebank.strategies import ReportedStatement, reported_statements
from quotebank.values import QuoteList
from tests.validity import assert_valid


def _assert_valid(text: str, quotes: QuoteList) -> None:
    """Reported clauses may hold a quotation: direct quotes keep every rule, reported ones their offsets."""
    assert_valid(text, QuoteList(q for q in quotes if q.marks != ("", "")))
    for quote in quotes:
        assert text[quote.start : quote.end] == quote.text


def _reported(text: str) -> list[tuple[str, str | None, str | None]]:
    return [
        (q.text, q.speaker_name, q.cue.text if q.cue else None)
        for q in quotebank.extract(text, reported=True)
        if q.kind is QuoteKind.REPORTED
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The senator said the bill would pass.", [("the bill would pass", "senator", "said")]),
        (
            "Officials told reporters that the border would reopen.",
            [("the border would reopen", "Officials", "told reporters")],
        ),
        (
            "According to the ministry, 42 schools are affected.",
            [("42 schools are affected", "ministry", "According to")],
        ),
        ("The talks had stalled, the envoy said.", [("The talks had stalled", "envoy", "said")]),
        (
            "Jane Doe announced in a statement on Friday that she would resign.",
            [("she would resign", "Jane Doe", "announced")],
        ),
        (
            "Jane Doe said the plan failed, adding that it would be dropped.",
            [("the plan failed", "Jane Doe", "said"), ("it would be dropped", "Jane Doe", "adding")],
        ),
    ],
)
def test_reported_clauses_and_their_speakers(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _reported(text) == expected


def test_a_clause_is_exact_and_has_no_marks() -> None:
    text = "Maria Lopez, the mayor, said on Monday that the bridge would close."
    (quote,) = quotebank.extract(text, reported=True)
    assert text[quote.start : quote.end] == quote.text == "the bridge would close"
    assert quote.marks == ("", "")
    assert quote.speaker is not None and quote.speaker.role == "the mayor"
    assert quote.mention is not None and quote.mention.text == "Maria Lopez, the mayor"
    assert 0 < quote.confidence <= 1


def test_default_output_has_no_reported_speech() -> None:
    text = 'The senator said the bill would pass. "We will win," she said.'
    assert [q.kind for q in quotebank.extract(text)] == [QuoteKind.SENTENCE]
    assert quotebank.extract(text) == parse_article(text).quotes
    assert [q.kind for q in parse_article(text, reported=True).quotes] == [
        QuoteKind.REPORTED,
        QuoteKind.SENTENCE,
    ]


def test_a_partial_quotation_inside_a_clause_gives_both() -> None:
    text = 'Jane Doe said the plan was "dead on arrival".'
    quotes = quotebank.extract(text, reported=True)
    assert [(q.kind, q.text) for q in quotes] == [
        (QuoteKind.REPORTED, 'the plan was "dead on arrival"'),
        (QuoteKind.PARTIAL, "dead on arrival"),
    ]
    assert {q.speaker_name for q in quotes} == {"Jane Doe"}


def test_pronouns_take_their_antecedent() -> None:
    text = "Jane Doe spoke in Kyiv.\n\nShe said the talks had stalled."
    assert _reported(text) == [("the talks had stalled", "Jane Doe", "said")]


def test_a_direct_quotation_is_no_reported_clause() -> None:
    for text in ('Jane Doe said: "We will win."', 'Jane Doe said that "we will win."', '"We won," she said.'):
        assert _reported(text) == [], text


def test_objects_that_are_not_statements_are_not_reported() -> None:
    for text in (
        "Jane Doe praised the deal.",
        "Jane Doe explained the rules.",
        "Jane Doe told CNN in October.",
    ):
        assert _reported(text) == [], text


def test_a_clause_never_crosses_a_paragraph() -> None:
    text = "Jane Doe said\nthe talks had stalled."
    assert _reported(text) == []


def test_interview_answers_are_the_interviewees() -> None:
    text = (
        "An interview with Jane Doe\n\nJane Doe runs the port authority.\n\nQ: How is the port?\n\n"
        "A: Busier than ever.\n\nWe hired staff.\n\nQ: And next year?\n\nDOE: More ships."
    )
    quotes = quotebank.extract(text, reported=True)
    answers = [(q.text, q.speaker_name) for q in quotes if q.kind is QuoteKind.INTERVIEW]
    assert answers == [
        ("Busier than ever.", "Jane Doe"),
        ("We hired staff.", "Jane Doe"),
        ("More ships.", "Jane Doe"),
    ]
    assert not any(q.kind is QuoteKind.INTERVIEW for q in quotebank.extract(text))


def test_the_kind_is_carried_by_search_and_exports(tmp_path: Path) -> None:
    quotes = quotebank.extract(
        'The senator said the bill would pass. "We will win," she said.', reported=True
    )
    assert [q.text for q in quotes.search(kind=QuoteKind.REPORTED)] == ["the bill would pass"]
    assert [q.kind for q in quotes.search(kind=QuoteKind.SENTENCE)] == [QuoteKind.SENTENCE]
    path = tmp_path / "quotes.jsonl"
    quotes.to_jsonl(path)
    kinds = [json.loads(line)["kind"] for line in path.read_text(encoding="utf-8").splitlines()]
    assert kinds == ["reported", "sentence"]


@settings(max_examples=200, deadline=None)
@given(reported_statements())
def test_generated_statements_are_found_with_their_speaker(statement: ReportedStatement) -> None:
    quotes = quotebank.extract(statement.text, reported=True)
    _assert_valid(statement.text, quotes)
    found = [q for q in quotes if q.kind is QuoteKind.REPORTED]
    assert [(q.start, q.end) for q in found] == [(statement.start, statement.end)]
    assert found[0].speaker_name == statement.speaker.name


@settings(max_examples=100, deadline=None)
@given(reported_statements())
def test_reported_speech_adds_to_the_default_output(statement: ReportedStatement) -> None:
    text = f'{statement.text} "We will win," said Jane Doe.'
    default = quotebank.extract(text)
    widened = quotebank.extract(text, reported=True)
    assert [q for q in widened if q.kind is not QuoteKind.REPORTED] == list(default)


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_text_takes_linear_time_with_reported_speech(name: str) -> None:
    # the texts of single special characters are many and quick to show their growth: small sizes keep
    # the suite short (test_adversarial runs the default pipeline at larger sizes)
    size = 1_000 if name in SPECIAL else 5_000
    small, large = build(name, size), build(name, 10 * size)
    found: dict[str, QuoteList] = {}

    def extract(text: str) -> None:
        found[text] = quotebank.extract(text, reported=True)

    growth = seconds(lambda: extract(large), repeat=2) / seconds(lambda: extract(small))
    assert growth < 25, f"{name}: ten times the text took {growth:.0f} times as long"
    for text, quotes in found.items():
        _assert_valid(text, quotes)


def test_many_reported_sentences_take_linear_time() -> None:
    unit = "Jane Doe said the talks had stalled, adding that they would resume. "
    small, large = unit * 300, unit * 3000
    growth = seconds(lambda: quotebank.extract(large, reported=True), repeat=2) / seconds(
        lambda: quotebank.extract(small, reported=True)
    )
    assert growth < 25


def test_an_article_parsed_with_reported_speech_carries_it_into_banks_and_batches() -> None:
    article = parse_article('The senator said the bill would pass. "We will win," she said.', reported=True)
    bank = QuoteBank()
    bank.add(article)
    assert [q.text for q in bank.search(kind=QuoteKind.REPORTED)] == ["the bill would pass"]
    (result,) = extract_many([article], processes=1)
    assert [q.kind for q in result.quotes] == [QuoteKind.REPORTED, QuoteKind.SENTENCE]


def test_a_data_frame_counts_kinds_apart() -> None:
    pytest.importorskip("pandas")
    quotes = quotebank.extract(
        'The senator said the bill would pass. "We will win," she said.', reported=True
    )
    frame = quotes.to_dataframe()
    assert frame["kind"].astype(str).tolist() == ["reported", "sentence"]


def test_a_headline_says_what_its_source_said() -> None:
    text = "Glenn Beck Says Trump Poses A Threat To Democracy\n\nTalk show host Glenn Beck spoke on Monday."
    assert _reported(text) == [("Trump Poses A Threat To Democracy", "Glenn Beck", "Says")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jane Doe vowed to fight on.", [("fight on", "Jane Doe", "vowed")]),
        ("Jane Doe accused the mayor of lying.", [("the mayor of lying", "Jane Doe", "accused")]),
        ("Jane Doe was announced the winner.", []),
        (
            "The talks, a wide array of economists say, had stalled.",
            [("The talks, a wide array of economists say, had stalled", "economists", "say")],
        ),
    ],
)
def test_promises_charges_passives_and_long_subjects(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _reported(text) == expected


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "A spokesman for Cal Fire, Mark Reilly, said crews were making steady progress.",
            "Mark Reilly",
            "A spokesman for Cal Fire",
        ),
        (  # the organisation holds "and", where a noun phrase stops
            "A spokesman for the California Department of Forestry and Fire Protection, Mark Reilly, said "
            "crews were making steady progress.",
            "Mark Reilly",
            "A spokesman for the California Department of Forestry and Fire Protection",
        ),
        (  # British: no determiner, and a member of parliament
            "Labour MP for Leeds Central, Alex Sobel, warned the delay would cost the region billions.",
            "Alex Sobel",
            "Labour MP for Leeds Central",
        ),
        ("Labour MP Alex Sobel warned the delay would cost the region billions.", "Alex Sobel", "Labour MP"),
    ],
)
def test_a_description_then_the_name_between_commas(text: str, name: str, role: str) -> None:
    """Newsroom styles tried as a new user would: the name after the description is the speaker, of the
    reported clause and of a direct quotation alike."""
    [quote] = [q for q in quotebank.extract(text, reported=True) if q.kind is QuoteKind.REPORTED]
    assert quote.speaker is not None and (quote.speaker.name, quote.speaker.role) == (name, role)
    cue = text.index(" said") if " said" in text else text.index(" warned")
    direct = text[:cue] + ' said: "We are making progress."'
    assert [(q.speaker_name, q.speaker.role if q.speaker else None) for q in quotebank.extract(direct)] == [
        (name, role)
    ]

"""The rules of reported speech, case by case, as the rule table ``reported_rules.tsv`` states them."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

import quotebank
from quotebank import QuoteKind

_TABLE = Path(__file__).with_name("reported_rules.tsv")


def _cases() -> list[tuple[str, str, list[tuple[str, str]]]]:
    """(rule, text, [(clause, speaker), …]) for each text of the table, in its order."""
    with _TABLE.open(encoding="utf-8", newline="") as table:
        rows = csv.DictReader((line for line in table if not line.startswith("#")), delimiter="\t")
        cases: dict[str, tuple[str, list[tuple[str, str]]]] = {}
        for row in rows:
            _rule, statements = cases.setdefault(row["text"], (row["rule"], []))
            if row["clause"] != "-":
                statements.append((row["clause"], row["speaker"]))
    return [(rule, text, statements) for text, (rule, statements) in cases.items()]


@pytest.mark.parametrize(
    ("rule", "text", "expected"), _cases(), ids=lambda v: v if isinstance(v, str) else ""
)
def test_reported_speech_reads_as_the_table_says(
    rule: str, text: str, expected: list[tuple[str, str]]
) -> None:
    found = [
        (q.text, q.speaker_name)
        for q in quotebank.extract(text, reported=True)
        if q.kind is QuoteKind.REPORTED
    ]
    assert found == expected, rule


@pytest.mark.parametrize("code", quotebank.available_languages())
def test_every_language_has_the_words_reported_speech_reads(code: str) -> None:
    text = "Jane Doe said the bridge would close. While she said it, others left."
    assert all(q.text == text[q.start : q.end] for q in quotebank.extract(text, reported=True, language=code))

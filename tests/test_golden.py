"""Golden German and French articles (``tests/golden/``, see its README): composed in the style of each
language's press, one construction per quote. Every quote must be found with its exact text and speaker,
and every date line read; the constructions quotebank does not handle yet are listed in ``NOT_YET`` and run
as strict expected failures, so that one that starts to pass fails until it leaves the list."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

import quotebank

GOLDEN = Path(__file__).parent / "golden"


def _articles() -> list[dict[str, Any]]:
    return [
        json.loads(line)
        for code in ("de", "fr")
        for line in (GOLDEN / f"{code}.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]


ARTICLES = _articles()
# (article id, quote number): constructions not handled yet
NOT_YET: frozenset[tuple[str, int]] = frozenset()


def _cases() -> list[Any]:
    cases = []
    for article in ARTICLES:
        for number, quote in enumerate(article["quotes"]):
            marks = [pytest.mark.xfail(strict=True)] if (article["id"], number) in NOT_YET else []
            cases.append(pytest.param(article, number, id=f"{article['id']}-{number}", marks=marks))
    return cases


@pytest.mark.parametrize(("article", "number"), _cases())
def test_golden_quote_has_its_text_and_speaker(article: dict[str, Any], number: int) -> None:
    expected = article["quotes"][number]
    quotes = quotebank.extract(article["text"], language=article["language"])
    found = [(quote.text, quote.speaker_name) for quote in quotes]
    assert (expected["text"], expected["speaker"]) in found, f"{expected['rule']}: {found}"


@pytest.mark.parametrize("article", [a for a in ARTICLES if a["published"]], ids=lambda a: a["id"])
def test_golden_date_line_is_read(article: dict[str, Any]) -> None:
    parsed = quotebank.parse_article(article["text"], language=article["language"])
    expected = datetime.fromisoformat(article["published"])
    assert parsed.published is not None
    assert str(parsed.published)[:10] == str(expected.date())


def test_every_golden_article_is_read_in_its_language() -> None:
    for article in ARTICLES:
        assert quotebank.parse_article(article["text"], language="auto").language == article["language"]

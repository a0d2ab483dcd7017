"""The gender gate on the annotated development split (skips without the shared evaluation data): coverage
of person speakers, the name table against the article's own words, and no gender for other sources."""

from __future__ import annotations

import pytest

from evaluation.gender import GenderScores, measure
from evaluation.run import read_jsonl
from tests.conftest import EVAL_DIR

DEV = EVAL_DIR / "polnear.dev.jsonl"
# figures when last raised: coverage 91.4%; honorifics and role words 100% (41); he/she with the resolver
# blind to the table 83.8% (every one of its 13 disagreements on dev is a wrong resolution, not the table)
COVERAGE = 0.85
TITLED_AGREEMENT = 0.97
BLIND_PRONOUN_AGREEMENT = 0.8


@pytest.fixture(scope="module")
def scores() -> GenderScores:
    if not DEV.is_file():
        pytest.skip(f"the annotated evaluation data is not here ({DEV.name} not found)")
    return measure(list(read_jsonl(DEV)))


def test_most_person_speakers_get_a_gender(scores: GenderScores) -> None:
    assert scores.coverage >= COVERAGE


def test_the_name_table_agrees_with_the_articles_words(scores: GenderScores) -> None:
    assert scores.titled_known >= 30
    assert scores.titled_agreement >= TITLED_AGREEMENT
    assert scores.table_known >= 50
    assert scores.table_agreement >= BLIND_PRONOUN_AGREEMENT


def test_no_organisation_or_unnamed_source_gets_a_gender(scores: GenderScores) -> None:
    assert scores.others_gendered == 0

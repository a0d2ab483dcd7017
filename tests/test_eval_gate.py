"""The evaluation gate: accuracy on the annotated development split must not fall below pinned floors.

Runs when the shared evaluation data is present (``../shared/eval`` beside the repository, or the folder in
``QUOTEBANK_EVAL_DIR``) and skips, saying why, when it is not. Raise the floors as extraction improves;
never lower them to get a change through.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from evaluation.run import load_scorer, predict, prediction_record, read_jsonl
from tests.conftest import EVAL_DIR

DEV = EVAL_DIR / "polnear.dev.jsonl"

# figures on the development split when the floors were last raised, minus a little slack for ties
FLOORS = {
    "span_exact_f1": 0.988,
    "e2e_f1": 0.915,
    "speaker_acc": 0.92,
    "speaker_acc_named": 0.92,
    "speaker_acc_pronoun": 0.92,
}


@pytest.fixture(scope="module")
def dev_scores() -> dict[str, Any]:
    if not DEV.is_file():
        pytest.skip(f"the annotated evaluation data is not here ({DEV.name} not found beside the repository)")
    scorer = load_scorer(Path(DEV.parent))
    articles = list(read_jsonl(DEV))
    gold = {str(a["id"]): a for a in articles}
    predictions = {
        str(article["id"]): {"id": article["id"], "quotes": [prediction_record(q) for q in quotes]}
        for article, quotes, _seconds in predict(articles)
    }
    result, _per_article = scorer.score(gold, predictions)
    return {
        "span_exact_f1": result["span_exact"]["f1"],
        "e2e_f1": result["e2e"]["f1"],
        "speaker_acc": result["speaker_acc"],
        "speaker_acc_named": result["speaker_acc_named"],
        "speaker_acc_pronoun": result["speaker_acc_pronoun"],
    }


@pytest.mark.parametrize("metric", sorted(FLOORS))
def test_dev_split_stays_above_floor(dev_scores: dict[str, Any], metric: str) -> None:
    assert dev_scores[metric] >= FLOORS[metric], f"{metric} = {dev_scores[metric]} < floor {FLOORS[metric]}"

"""What the evaluation gates share: skipping without the data, scoring a development split,
cross-validating a corpus, and the floor check. Each gate (``test_eval_gate.py``, ``test_eval_gate_de.py``)
pins its own floors.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable
from pathlib import Path

import pytest

from evaluation.run import Scores, cross_validate, evaluate, load_scorer, read_jsonl


def needs(*paths: Path, data: str = "annotated evaluation data") -> None:
    """Skip, saying which files are missing, unless every one of ``paths`` is here."""
    missing = [path.name for path in paths if not path.is_file()]
    if missing:
        pytest.skip(f"the {data} is not here ({', '.join(missing)} not found)")


def dev_scores(dev: Path) -> Scores:
    """The scores of the development split ``dev``."""
    return evaluate(load_scorer(dev.parent), list(read_jsonl(dev)))


def cv_runs(train: Path, dev: Path, folds: int) -> list[Scores]:
    """The scores of each of ``folds`` folds of train + dev, dealt by article."""
    return cross_validate(load_scorer(dev.parent), [*read_jsonl(train), *read_jsonl(dev)], folds)


def cv_means(runs: Iterable[Scores], metrics: Iterable[str]) -> dict[str, float]:
    """The mean of each of ``metrics`` over the folds' ``runs``."""
    runs = list(runs)
    return {name: statistics.fmean(run.figures()[name] for run in runs) for name in metrics}


def assert_above(value: float, floor: float, metric: str) -> None:
    assert value >= floor, f"{metric} = {value} < floor {floor}"

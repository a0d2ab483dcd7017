"""Shared test set-up: Hypothesis profiles and the paths of the seeds and the shared evaluation data."""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
EVAL_DIR = Path(os.environ.get("QUOTEBANK_EVAL_DIR", ROOT.parent / "shared" / "eval"))

# "ci" keeps the suite fast; run "pytest --hypothesis-profile=thorough" by hand for a deeper search.
settings.register_profile("ci", max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile(
    "thorough", max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

"""How sure quotebank is of a quote's speaker: how often quotes with the same evidence had the right speaker.

A quote's evidence is a path of features, most general first: the attribution rule that found the speaker
(``after``: ``"…," said X``; ``paragraph``: borrowed from elsewhere in the paragraph; …), the kind of
mention (name, description, pronoun), the kind of speaker it resolved to, the kind of quote, and the cue's
verb: ``after/name/person/sentence/say``. Each language's ``confidence.txt`` holds, for every evidence
path seen on annotated news and each of its prefixes, how many quotes had it and how many of those had the
right speaker (judged by the reference scorer). ``python -m evaluation.calibrate`` computes it again from
annotated articles.

A quote's confidence is that share of right speakers, shrunk towards the share of the shorter path when few
quotes had the longer one, less one standard error of it: a rule that fired is never trusted more than the
quotes it fired on earned, and a path seen on few quotes earns less than one seen on many.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable, Mapping

import attrs

from quotebank._pipeline.language import Language

__all__ = ["Calibration", "calibration"]

SEPARATOR = "/"
# how many quotes the shorter path's share counts as, against the longer path's own quotes
_PRIOR_WEIGHT = 20.0
# how many standard errors a confidence stays below the share of right speakers it was measured at: on
# held-out folds 0.3 makes quotes at 0.9 or more 97.1% right and 80.4% of all (without it, 96.9% and 82.7%;
# with 1.0, 97.7% and 76.6%)
_MARGIN = 0.3
_UNSEEN = 0.5  # the share for an empty table: no evidence either way


@attrs.frozen
class Calibration:
    """Counts of right speakers by evidence path, and the confidence each path earns."""

    counts: Mapping[str, tuple[int, int]]
    """Evidence path (or prefix; ``""`` for all quotes) -> (quotes with the right speaker, quotes)."""
    shares: Mapping[str, float] = attrs.field(init=False)
    """Each path's share of right speakers, shrunk towards its parent's."""
    bounds: Mapping[str, float] = attrs.field(init=False)
    """Each path's confidence: its share less :data:`_MARGIN` standard errors of it."""

    @shares.default
    def _shares(self) -> dict[str, float]:
        right, total = self.counts.get("", (0, 0))
        root = right / total if total else _UNSEEN
        shares = {"": root}
        for path in sorted(self.counts, key=lambda p: p.count(SEPARATOR) if p else -1):
            if not path:
                continue
            parent = path.rsplit(SEPARATOR, 1)[0] if SEPARATOR in path else ""
            prior = shares.get(parent, root)
            right, total = self.counts[path]
            shares[path] = (right + _PRIOR_WEIGHT * prior) / (total + _PRIOR_WEIGHT)
        return shares

    @bounds.default
    def _bounds(self) -> dict[str, float]:
        # below the share by a part of its standard error: a path seen on few quotes earns less than its
        # share, so that a confidence of 0.9 means "at least nine in ten" rather than "nine in ten, give or
        # take"
        result = {}
        for path, share in self.shares.items():
            total = self.counts.get(path, (0, 0))[1] + _PRIOR_WEIGHT
            result[path] = max(0.0, share - _MARGIN * math.sqrt(share * (1 - share) / total))
        return result

    def confidence(self, evidence: str) -> float:
        """The share of right speakers for ``evidence``, or for its longest prefix that was seen."""
        path = evidence
        while path not in self.shares:
            path = path.rsplit(SEPARATOR, 1)[0] if SEPARATOR in path else ""
        return round(self.bounds[path], 2)

    @classmethod
    def fit(cls, observations: Iterable[tuple[str, bool]]) -> Calibration:
        """Count (evidence, whether the speaker was right) observations into a table."""
        counts: dict[str, list[int]] = {}
        for evidence, right in observations:
            parts = evidence.split(SEPARATOR)
            for length in range(len(parts) + 1):
                cell = counts.setdefault(SEPARATOR.join(parts[:length]), [0, 0])
                cell[0] += right
                cell[1] += 1
        return cls({path: (right, total) for path, (right, total) in counts.items()})

    def lines(self) -> list[str]:
        """The table as the data file's lines: path, right, quotes."""
        return [f"{path or '*'} {right} {total}" for path, (right, total) in sorted(self.counts.items())]


@functools.cache
def calibration(lang: Language) -> Calibration:
    """The table shipped with the language, in ``lang/<code>/confidence.txt``."""
    counts = {}
    for line in lang.calibration:
        path, right, total = line.split()
        counts["" if path == "*" else path] = (int(right), int(total))
    return Calibration(counts)

"""Confidence: the share of right speakers among quotes with the same evidence, shrunk towards the share of
the shorter evidence path when few quotes had the longer one."""

from __future__ import annotations

import pytest

import quotebank
from quotebank._pipeline.confidence import Calibration, calibration
from quotebank._pipeline.language import language


def test_a_path_seen_often_earns_its_own_share() -> None:
    table = Calibration.fit([("after/name", True)] * 990 + [("after/name", False)] * 10)
    assert table.confidence("after/name") == 0.99


def test_one_pattern_that_fired_once_stays_near_the_share_of_its_parent() -> None:
    observations = [("paragraph/name", True)] * 60 + [("paragraph/name", False)] * 40
    observations.append(("paragraph/name/person/sentence/rare", True))
    table = Calibration.fit(observations)
    assert table.confidence("paragraph/name/person/sentence/rare") < 0.7


def test_the_same_share_seen_on_fewer_quotes_earns_less() -> None:
    many = [("after/name", True)] * 900 + [("after/name", False)] * 100
    few = [("colon/name", True)] * 18 + [("colon/name", False)] * 2
    table = Calibration.fit(many + few + [("colon", True)] * 900 + [("colon", False)] * 100)
    # both paths and their parents were right nine times in ten: the one seen on twenty quotes earns less
    assert table.shares["colon/name"] == pytest.approx(0.9)
    assert table.confidence("colon/name") < table.confidence("after/name") <= 0.9


def test_unseen_evidence_takes_the_share_of_its_longest_seen_prefix() -> None:
    table = Calibration.fit([("subject/nominal", False)] * 30 + [("after/name", True)] * 70)
    assert table.confidence("subject/nominal/unnamed/partial/say") == table.confidence("subject/nominal")
    assert table.confidence("never/seen") == table.confidence("")


def test_the_table_lines_read_back_into_the_same_counts() -> None:
    table = Calibration.fit([("after/name", True), ("after/pronoun", False), ("colon", True)])
    read = {}
    for line in table.lines():
        path, right, total = line.split()
        read["" if path == "*" else path] = (int(right), int(total))
    assert read == dict(table.counts)


def test_the_shipped_table_counts_every_quote_once_at_its_root() -> None:
    counts = calibration(language("en")).counts
    rules = {path: cell for path, cell in counts.items() if path and "/" not in path}
    assert sum(total for _right, total in rules.values()) == counts[""][1]


@pytest.mark.parametrize(
    ("strong", "weak"),
    [
        ('"We will win," said Jane Doe.', 'Jane Doe was there.\n"We will win."'),
        ('"We will win," said Jane Doe.', 'Jane Doe has long called the plan "a farce".'),
    ],
)
def test_a_cue_next_to_the_quote_is_surer_than_a_borrowed_speaker(strong: str, weak: str) -> None:
    assert quotebank.extract(strong)[0].confidence > quotebank.extract(weak)[-1].confidence


def test_a_language_without_a_table_borrows_the_one_its_settings_name() -> None:
    # French has no annotated news to count on: it borrows the English table, so its confidence follows the
    # rule that found the speaker instead of a flat neutral value
    french = language("fr")
    assert french.settings.confidence_from == "en"
    assert calibration(french).counts == calibration(language("en")).counts
    text = "Titre\n« Nous tiendrons », a déclaré le ministre Jean Dupont.\nLe ministre parla de « courage »."
    confidences = [quote.confidence for quote in quotebank.extract(text, language="fr")]
    assert confidences[0] >= 0.9
    assert len(set(confidences)) > 1


def test_german_has_a_table_of_its_own() -> None:
    german = language("de")
    assert german.settings.confidence_from == ""
    assert calibration(german).counts != calibration(language("en")).counts

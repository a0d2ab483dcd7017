"""Measure speaker gender on annotated news: coverage, the name table's accuracy, sources never gendered.

    python -m evaluation.gender ../shared/eval [--split polnear.dev.jsonl]

Every article of the split is extracted with its outlet and date; the speakers of its quotes are counted once
per article. It prints:

* coverage: the share of person speakers whose gender is not unknown;
* the name table's agreement with the article: for the people the article itself calls ``he`` or ``she``
  (pronoun evidence of one gender), the share whose given name the table gives the same gender, among those
  the table knows. Pronoun resolution prefers a person whose given name fits the pronoun, which would make
  the two agree by construction, so this is measured on a second run whose resolver is blind to the table:
  there a pronoun goes to whom the text alone points to, and a wrong resolution counts against the table
  too (the figure is a lower bound; the disagreements are listed to be read). The same is given for the
  people with an honorific or a gendered role word, which are read from the name's own words;
* how many organisations, unnamed and unknown sources got a gender (none should).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from unittest import mock

import attrs

import quotebank
from evaluation.run import read_jsonl
from quotebank._pipeline import coreference
from quotebank._pipeline.coreference import fold
from quotebank._pipeline.gender import name_gender
from quotebank._pipeline.language import language
from quotebank.values import Gender, GenderEvidenceKind, Speaker, SpeakerKind

__all__ = ["GenderScores", "main", "measure"]

_SPLIT = "polnear.dev.jsonl"
_HE_OR_SHE = (Gender.MALE, Gender.FEMALE)


@attrs.frozen
class GenderScores:
    persons: int
    gendered: int
    by_gender: dict[str, int]
    by_kind: dict[str, int]
    """The strongest kind of evidence behind each gendered person."""
    conflicting: int
    pronoun_people: int
    """People the article calls he or she."""
    table_known: int
    table_agrees: int
    titled_known: int
    """People with an honorific or a gendered role word whose given name the table knows."""
    titled_agrees: int
    others_gendered: int
    """Organisations, unnamed and unknown sources with a gender: must be 0."""
    disagreements: tuple[str, ...]

    @property
    def coverage(self) -> float:
        return self.gendered / self.persons if self.persons else 0.0

    @property
    def table_agreement(self) -> float:
        return self.table_agrees / self.table_known if self.table_known else 0.0

    @property
    def titled_agreement(self) -> float:
        return self.titled_agrees / self.titled_known if self.titled_known else 0.0

    @property
    def table_reach(self) -> float:
        """The share of the pronoun people whose given name the table knows."""
        return self.table_known / self.pronoun_people if self.pronoun_people else 0.0


def _speakers(articles: Iterable[dict[str, Any]]) -> list[Speaker]:
    found = []
    for article in articles:
        quotes = quotebank.extract(
            article["text"], outlet=article.get("outlet"), published=article.get("date")
        )
        found += list(dict.fromkeys(q.speaker for q in quotes if q.speaker is not None))
    return found


def _agreement(speakers: Iterable[Speaker], *kinds: GenderEvidenceKind) -> tuple[int, int, int, list[str]]:
    """Of the people whose evidence of ``kinds`` shows he or she only: how many, how many the name table
    knows, how many it gives the same gender, and the others."""
    people = known = agrees = 0
    disagreements = []
    for speaker in speakers:
        shown = {e.gender for e in speaker.gender_evidence if e.kind in kinds}
        if speaker.kind is not SpeakerKind.PERSON or len(shown) != 1 or not shown <= set(_HE_OR_SHE):
            continue
        people += 1
        words = speaker.name.split()
        table = name_gender(language("en"), fold(words[0])) if len(words) > 1 else None
        if table is None:
            continue
        known += 1
        if {table} == shown:
            agrees += 1
        else:
            disagreements.append(f"{speaker.name}: table {table.value}, article {next(iter(shown)).value}")
    return people, known, agrees, disagreements


def measure(articles: list[dict[str, Any]]) -> GenderScores:
    speakers = _speakers(articles)
    persons = [s for s in speakers if s.kind is SpeakerKind.PERSON]
    gendered = [s for s in persons if s.gender is not Gender.UNKNOWN]
    by_gender: dict[str, int] = {}
    by_kind: dict[str, int] = {}
    for speaker in gendered:
        by_gender[speaker.gender.value] = by_gender.get(speaker.gender.value, 0) + 1
        kind = speaker.gender_evidence[0].kind.value
        by_kind[kind] = by_kind.get(kind, 0) + 1
    # the resolver blind to the name table: each entity's gender comes from the article's words only
    with mock.patch.object(coreference, "name_gender", lambda _lang, _given: None):
        blind = _speakers(articles)
    pronoun_people, known, agrees, disagreements = _agreement(blind, GenderEvidenceKind.PRONOUN)
    _titled, titled_known, titled_agrees, _ = _agreement(
        persons, GenderEvidenceKind.HONORIFIC, GenderEvidenceKind.ROLE_WORD
    )
    return GenderScores(
        persons=len(persons),
        gendered=len(gendered),
        by_gender=by_gender,
        by_kind=by_kind,
        conflicting=sum(s.gender_conflicting for s in persons),
        pronoun_people=pronoun_people,
        table_known=known,
        table_agrees=agrees,
        titled_known=titled_known,
        titled_agrees=titled_agrees,
        others_gendered=sum(
            1 for s in speakers if s.kind is not SpeakerKind.PERSON and s.gender is not Gender.UNKNOWN
        ),
        disagreements=tuple(disagreements),
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="the folder of the annotated data")
    parser.add_argument("--split", default=_SPLIT, help=f"the file to read there (default {_SPLIT})")
    options = parser.parse_args(argv)
    scores = measure(list(read_jsonl(options.folder / options.split)))
    print(f"== speaker gender on {options.split} ==")
    print(f"person speakers (one per article): {scores.persons}")
    print(f"coverage: {scores.coverage:.1%} ({scores.gendered} with a gender) {scores.by_gender}")
    print(f"strongest evidence: {scores.by_kind}; conflicting: {scores.conflicting}")
    print(
        f"name table vs the article's he/she: {scores.table_agreement:.1%} agree "
        f"({scores.table_agrees} of {scores.table_known}; the table knows {scores.table_reach:.1%} "
        f"of {scores.pronoun_people} people; resolver blind to the table)"
    )
    for line in scores.disagreements:
        print(f"  {line}")
    print(
        f"name table vs the article's honorifics and role words: {scores.titled_agreement:.1%} agree "
        f"({scores.titled_agrees} of {scores.titled_known})"
    )
    print(f"organisations, unnamed and unknown sources with a gender: {scores.others_gendered}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

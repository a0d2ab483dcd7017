"""Speaker gender with its evidence: each rule on text written for it, conflicts, singular they, sources that
never get a gender, accumulation across a bank's articles, and banks stored before genders were kept."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from quotebank import Gender, GenderEvidenceKind, QuoteBank, QuotebankWarning, Speaker, SpeakerKind, extract
from quotebank.collection.store import SCHEMA_VERSION

PRONOUN, HONORIFIC, ROLE_WORD, GIVEN_NAME = GenderEvidenceKind


def _speaker(text: str, name: str) -> Speaker:
    found = {q.speaker.name: q.speaker for q in extract(text) if q.speaker is not None}
    return found[name]


# (text, speaker, gender, the kind of the strongest evidence, its words)
CASES = [
    (
        'Officials met on Monday. "We will rebuild," Jordan Pike said. "All of it," she added.',
        "Jordan Pike",
        Gender.FEMALE,
        PRONOUN,
        ("she",),
    ),
    ('"We will rebuild," said Mr. Kim Ashby.', "Kim Ashby", Gender.MALE, HONORIFIC, ("Mr.",)),
    ('"We will rebuild," said Dame Alex Brand.', "Alex Brand", Gender.FEMALE, HONORIFIC, ("Dame",)),
    (
        '"No comment," said council spokeswoman Robin Hale.',
        "Robin Hale",
        Gender.FEMALE,
        ROLE_WORD,
        ("spokeswoman",),
    ),
    (
        '"He was kind," said Taylor Moss, the victim\'s father.',
        "Taylor Moss",
        Gender.MALE,
        ROLE_WORD,
        ("father",),
    ),
    ('"We will rebuild," said Margaret Osei.', "Margaret Osei", Gender.FEMALE, GIVEN_NAME, ("Margaret",)),
    ('"We will rebuild," said Gregory Lund.', "Gregory Lund", Gender.MALE, GIVEN_NAME, ("Gregory",)),
    ('"It is fine," said Mx. Jo Carver.', "Jo Carver", Gender.NONBINARY, HONORIFIC, ("Mx.",)),
    (
        '"It is fine," said Sam Rivera. "We are proud of it," they said.',
        "Sam Rivera",
        Gender.NONBINARY,
        PRONOUN,
        ("they",),
    ),
]


@pytest.mark.parametrize(("text", "name", "gender", "kind", "words"), CASES)
def test_each_rule_gives_the_gender_with_its_evidence(
    text: str, name: str, gender: Gender, kind: GenderEvidenceKind, words: tuple[str, ...]
) -> None:
    speaker = _speaker(text, name)
    assert speaker.kind is SpeakerKind.PERSON
    assert speaker.gender is gender
    strongest = speaker.gender_evidence[0]
    assert (strongest.kind, strongest.gender, strongest.words) == (kind, gender, words)
    assert not speaker.gender_conflicting


def test_the_evidence_is_listed_strongest_first() -> None:
    speaker = _speaker('"We will rebuild," said Mr. John Smith. "Soon," he added.', "John Smith")
    assert [e.kind for e in speaker.gender_evidence] == [PRONOUN, HONORIFIC, GIVEN_NAME]
    assert all(e.gender is Gender.MALE for e in speaker.gender_evidence)


def test_the_name_table_never_overrides_the_article() -> None:
    # 'Margaret' is a woman's name in the table; the article calls this Margaret 'Mr.'
    speaker = _speaker('"We will rebuild," said Mr. Margaret Osei. "Soon," he added.', "Margaret Osei")
    assert speaker.gender is Gender.MALE
    assert [e.kind for e in speaker.gender_evidence[:2]] == [PRONOUN, HONORIFIC]
    assert any(e.kind is GIVEN_NAME and e.gender is Gender.FEMALE for e in speaker.gender_evidence)
    assert not speaker.gender_conflicting  # the table says what most people of a name are: no conflict


def test_conflicting_words_of_an_article_are_reported() -> None:
    speaker = _speaker('"We will rebuild," said Mrs. Pat Quill, the council chairman.', "Pat Quill")
    assert speaker.gender_conflicting
    assert speaker.gender is Gender.FEMALE  # the honorific is stronger than the role word
    assert {(e.kind, e.gender) for e in speaker.gender_evidence} == {
        (HONORIFIC, Gender.FEMALE),
        (ROLE_WORD, Gender.MALE),
    }


def test_a_surname_under_an_honorific_joins_the_person_of_its_gender() -> None:
    text = (
        '"We will win," said Hillary Clinton. Her husband Bill Clinton spoke later. "She will," Mr. Clinton '
        'said. Hillary Clinton added: "Yes." "It is close," Mr. Clinton said.'
    )
    by_text = {q.text: q.speaker for q in extract(text)}
    assert by_text["It is close,"] is not None
    assert by_text["It is close,"].name == "Bill Clinton"
    assert by_text["It is close,"].gender is Gender.MALE
    assert by_text["Yes."] is not None
    assert by_text["Yes."].name == "Hillary Clinton"
    assert not by_text["Yes."].gender_conflicting


def test_a_surname_alone_without_other_evidence_has_no_gender() -> None:
    quotes = extract('"We will rebuild," Quill said.')
    assert quotes[0].speaker is not None
    assert quotes[0].speaker.gender is Gender.UNKNOWN
    assert quotes[0].speaker.gender_evidence == ()


@pytest.mark.parametrize(
    "text",
    [
        '"We will rebuild," the ministry said. "All of it," it added.',
        '"We will rebuild," a senior official said. "All of it," she added.',
        '"We will rebuild," said a spokeswoman for the ministry.',
        '"We will rebuild," the Ministry of Health said.',
        '"We will rebuild," the statement said.',
    ],
)
def test_organisations_and_unnamed_sources_never_get_a_gender(text: str) -> None:
    speakers = [q.speaker for q in extract(text) if q.speaker is not None]
    assert speakers
    for speaker in speakers:
        assert speaker.kind is not SpeakerKind.PERSON
        assert speaker.gender is Gender.UNKNOWN
        assert speaker.gender_evidence == ()


def test_evidence_accumulates_across_a_banks_articles_and_conflicts_are_reported() -> None:
    bank = QuoteBank()
    bank.add('"We will rebuild," said Robin Hale. "All of it," she added.', outlet="Courier")
    bank.add('"Not yet," said Robin Hale.', outlet="Gazette")
    profile = bank.speaker("Robin Hale")
    assert profile.gender is Gender.FEMALE
    assert not profile.gender_conflicting
    bank.add('"Later," said Mr. Robin Hale. "Much later," he said.', outlet="Herald")
    profile = bank.speaker("Robin Hale")
    assert profile.gender_conflicting
    pronouns = {e.gender: e for e in profile.gender_evidence if e.kind is PRONOUN}
    assert pronouns[Gender.FEMALE].words == ("she",)
    assert pronouns[Gender.MALE].count == 1


def test_gender_round_trips_through_a_bank_file_and_json_lines(tmp_path: Path) -> None:
    path = tmp_path / "bank.db"
    with QuoteBank.open(path) as bank:
        bank.add('"We will rebuild," said Mr. John Smith. "Soon," he added.')
        bank.to_jsonl(tmp_path / "quotes.jsonl")
    with QuoteBank.open(path, readonly=True) as bank:
        speaker = next(iter(bank)).speaker
    assert speaker is not None
    assert speaker.gender is Gender.MALE
    assert [e.kind for e in speaker.gender_evidence] == [PRONOUN, HONORIFIC, GIVEN_NAME]
    again = QuoteBank.read_jsonl(tmp_path / "quotes.jsonl")
    assert next(iter(again)).speaker == speaker


def _as_version_1(path: Path) -> None:
    """The bank at ``path`` as quotebank wrote it before genders were kept (and before articles said
    whether their reported speech was read)."""
    with sqlite3.connect(path) as connection:
        connection.execute("ALTER TABLE articles DROP COLUMN reported")
        for speaker_id, record in connection.execute("SELECT id, record FROM speakers").fetchall():
            data = json.loads(record)
            del data["gender"], data["gender_evidence"]
            connection.execute(
                "UPDATE speakers SET record = ? WHERE id = ?", (json.dumps(data, sort_keys=True), speaker_id)
            )
        connection.execute("PRAGMA user_version = 1")


def test_a_bank_of_version_1_is_upgraded_with_the_evidence_its_data_holds(tmp_path: Path) -> None:
    path = tmp_path / "bank.db"
    with QuoteBank.open(path) as bank:
        bank.add('"We will rebuild," said Mrs. Pat Quill. "Soon," she added. "Yes," the ministry said.')
    _as_version_1(path)
    with pytest.warns(QuotebankWarning, match="older quotebank"), QuoteBank.open(path, readonly=True) as old:
        assert old.speaker("Quill").gender is Gender.UNKNOWN
    with QuoteBank.open(path) as bank:
        quill = bank.speaker("Quill")
        ministry = bank.speaker("ministry")
        assert len(bank) == 3
    assert quill.gender is Gender.FEMALE
    assert [(e.kind, e.words) for e in quill.gender_evidence] == [(PRONOUN, ("she",)), (HONORIFIC, ("Mrs.",))]
    assert ministry.gender_evidence == ()
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION

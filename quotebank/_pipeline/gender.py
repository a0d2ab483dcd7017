"""A person's gender with the evidence for it, from the words of one article.

The evidence, strongest first (:class:`~quotebank.values.GenderEvidenceKind`): the pronouns the article
resolves to the speaker (``he``, ``she``; a singular ``they`` for a nonbinary person), honorifics (``Mr``,
``Mrs``, ``Ms``, ``Mx``), gendered role words (``spokeswoman``, ``chairman``, ``mother``), and last the
given name, in a table of names that most of the people who carry them share a sex at birth (built from the
US Social Security Administration's baby names by ``python -m evaluation.given_names``). The words live in
``lang/en/gender.txt``, ``pronouns.txt`` and the two given-name files.

Only people get a gender: organisations and unnamed sources never do.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from quotebank._pipeline.language import OPTIONAL_FILES, Language, read_lines
from quotebank.values import Gender, GenderEvidence, GenderEvidenceKind, Speaker, SpeakerKind

__all__ = ["gender_evidence", "name_gender", "pronoun_gender", "stored_speaker_evidence", "word_gender"]

_PRONOUN_GENDERS = {"male": Gender.MALE, "female": Gender.FEMALE}
_NAME_GENDERS = {"m": Gender.MALE, "f": Gender.FEMALE}
_SECTIONS = {
    "female_honorifics": (GenderEvidenceKind.HONORIFIC, Gender.FEMALE),
    "male_honorifics": (GenderEvidenceKind.HONORIFIC, Gender.MALE),
    "nonbinary_honorifics": (GenderEvidenceKind.HONORIFIC, Gender.NONBINARY),
    "female_roles": (GenderEvidenceKind.ROLE_WORD, Gender.FEMALE),
    "male_roles": (GenderEvidenceKind.ROLE_WORD, Gender.MALE),
}


@functools.cache
def _words(lang: Language) -> dict[str, tuple[GenderEvidenceKind, Gender]]:
    """Each honorific and role word of the language's ``gender.txt`` (lowercase) with its kind and gender."""
    found: dict[str, tuple[GenderEvidenceKind, Gender]] = {}
    section = None
    for line in read_lines(lang.code, "gender.txt"):
        if line.startswith("[") and line.endswith("]"):
            section = _SECTIONS[line[1:-1]]
        elif section is None:
            raise ValueError(f"gender.txt: words before the first [section]: {line!r}")
        else:
            found.update(dict.fromkeys(line.split(), section))
    return found


@functools.cache
def _pronouns(lang: Language) -> dict[str, Gender]:
    """he/him/his and she/her with their gender; they/them/their (third person plural) as singular they."""
    table = {}
    for word, pronoun in lang.pronouns.items():
        if pronoun.person != 3:
            continue
        if pronoun.gender in _PRONOUN_GENDERS:
            table[word] = _PRONOUN_GENDERS[pronoun.gender]
        elif pronoun.number == "plural":
            table[word] = Gender.NONBINARY
    return table


@functools.cache
def _names(lang: Language) -> dict[str, Gender]:
    """The given-name table: the derived one, with the hand list's names (either gender: ``u``) over it."""
    table: dict[str, Gender | None] = {}
    for name in ("given_names_ssa.txt", "given_names.txt"):
        for line in read_lines(lang.code, name, optional=name in OPTIONAL_FILES):
            word, mark = line.split()
            table[word.lower()] = _NAME_GENDERS.get(mark)
    return {word: gender for word, gender in table.items() if gender is not None}


def pronoun_gender(lang: Language, pronoun: str) -> Gender | None:
    """The gender a third-person pronoun shows (``they`` said of one person: nonbinary), or ``None``."""
    return _pronouns(lang).get(pronoun.lower())


def word_gender(lang: Language, word: str) -> tuple[GenderEvidenceKind, Gender] | None:
    """The kind and gender of an honorific or a gendered role word (``Mrs.``, ``spokesman``), or ``None``."""
    return _words(lang).get(word.lower().rstrip("."))


def name_gender(lang: Language, given: str) -> Gender | None:
    """The gender the given-name table gives a folded given name, or ``None`` (unknown, or either)."""
    return _names(lang).get(given)


def gender_evidence(
    lang: Language,
    *,
    pronouns: Iterable[str],
    role_words: Iterable[str],
    given: str | None,
    given_as_written: str | None,
) -> tuple[GenderEvidence, ...]:
    """The evidence of one person's gender in one article, strongest first: ``pronouns`` the article
    resolved to them, as written; the words of their roles (honorifics included), each counted once; their
    folded given name and that name as written."""
    found: dict[tuple[GenderEvidenceKind, Gender], dict[str, int]] = {}

    def note(kind: GenderEvidenceKind, gender: Gender, word: str) -> None:
        words = found.setdefault((kind, gender), {})
        words[word] = words.get(word, 0) + 1

    for pronoun in pronouns:
        gender = pronoun_gender(lang, pronoun)
        if gender is not None:
            note(GenderEvidenceKind.PRONOUN, gender, pronoun.lower())
    seen = set()
    for word in role_words:
        known = word_gender(lang, word)
        key = word.lower().rstrip(".")
        # once an article: 'Mr.' and 'Mr' in two of its roles are one honorific
        if known is not None and key not in seen:
            seen.add(key)
            note(*known, word)
    if given is not None:
        gender = name_gender(lang, given)
        if gender is not None:
            note(GenderEvidenceKind.GIVEN_NAME, gender, given_as_written or given)
    evidence = [
        GenderEvidence(kind, gender, tuple(words), sum(words.values()))
        for (kind, gender), words in found.items()
    ]
    evidence.sort(key=lambda item: (item.kind.strength, -item.count))
    return tuple(evidence)


def stored_speaker_evidence(
    lang: Language, speaker: Speaker, pronouns: Iterable[str]
) -> tuple[GenderEvidence, ...]:
    """The evidence of a speaker stored before genders were kept, as near as the stored data allows: the
    words of its role, the pronouns that name it next to its quotes (``pronouns``), and its given name."""
    from quotebank._pipeline.coreference import fold  # noqa: PLC0415 -- speakers imports this module

    if speaker.kind is not SpeakerKind.PERSON:
        return ()
    words = speaker.name.split()
    given = words[0] if len(words) > 1 and words[0][:1].isupper() else None
    return gender_evidence(
        lang,
        pronouns=pronouns,
        role_words=(speaker.role or "").replace(",", " ").split(),
        given=fold(given) if given is not None else None,
        given_as_written=given,
    )

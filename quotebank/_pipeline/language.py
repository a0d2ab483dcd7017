"""The language data quotebank reads: cue verbs, titles, roles, pronouns and the like.

Each list is a plain text file under ``quotebank/lang/en/``, one item a line, ``#`` starting a comment.
:func:`lexicon` reads them all once and keeps them in frozen sets and mappings.
"""

from __future__ import annotations

import functools
from importlib import resources

import attrs

__all__ = ["Lexicon", "Pronoun", "lexicon"]


@attrs.frozen
class Pronoun:
    gender: str
    """``male``, ``female`` or ``any``."""
    number: str
    """``singular`` or ``plural``."""
    case: str
    """``subject``, ``object`` or ``possessive``."""
    person: int
    """1, 2 or 3."""


@attrs.frozen
class Lexicon:
    cue_forms: dict[str, str]
    """Every inflection of a reporting verb, lowercase, mapped to its base form."""
    adjacent_cues: frozenset[str]
    """The inflections that are cues only next to a quotation or before a colon ('he continued:')."""
    speaker_after_phrases: tuple[tuple[str, ...], ...]
    """Multi-word cues the speaker follows (``according to``)."""
    verb_phrases: tuple[tuple[str, ...], ...]
    """Multi-word reporting verbs (``went on``, ``shot back``), longest first."""
    titles: frozenset[str]
    roles: frozenset[str]
    pronouns: dict[str, Pronoun]
    abbreviations: frozenset[str]
    apostrophe_words: frozenset[str]
    speech_nouns: frozenset[str]
    org_words: frozenset[str]
    outlets: tuple[str, ...]
    given_names: dict[str, str]
    """Lowercase given name to ``m``, ``f`` or ``u``."""
    nicknames: dict[str, frozenset[str]]
    """Lowercase given name to every name of its group (``jim`` -> james, jim, jimmy, jamie)."""
    places: frozenset[str]
    """Casefolded names of countries and cities: they name governments, never people."""
    grammar: dict[str, frozenset[str]]
    """The sections of ``grammar.txt``: function words by the part they play (``determiners``…)."""


def read_lines(name: str) -> list[str]:
    """The items of one data file: comments and blank lines removed, whitespace trimmed."""
    text = (
        resources.files("quotebank")
        .joinpath("lang")
        .joinpath("en")
        .joinpath(name)
        .read_text(encoding="utf-8")
    )
    items = []
    for line in text.splitlines():
        item = line.split("#", 1)[0].strip()
        if item:
            items.append(item)
    return items


def _cue_forms(name: str) -> dict[str, str]:
    forms: dict[str, str] = {}
    for line in read_lines(name):
        words = line.lower().split()
        for word in words:
            forms[word] = words[0]
    return forms


def _nicknames() -> dict[str, frozenset[str]]:
    groups: dict[str, frozenset[str]] = {}
    for line in read_lines("nicknames.txt"):
        group = frozenset(line.lower().split())
        for name in group:
            groups[name] = groups.get(name, frozenset()) | group
    return groups


def _sections(name: str) -> dict[str, frozenset[str]]:
    sections: dict[str, set[str]] = {}
    current: set[str] | None = None
    for line in read_lines(name):
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], set())
        elif current is None:
            raise ValueError(f"{name}: words before the first [section]: {line!r}")
        else:
            current.update(line.split())
    return {key: frozenset(words) for key, words in sections.items()}


def _phrases(section: str) -> tuple[tuple[str, ...], ...]:
    """The lines of one section of cue_phrases.txt, as word tuples, longest first."""
    current = None
    found = []
    for line in read_lines("cue_phrases.txt"):
        if line.startswith("["):
            current = line.strip("[]")
        elif current == section:
            found.append(tuple(line.lower().split()))
    return tuple(sorted(found, key=len, reverse=True))


def _pronouns() -> dict[str, Pronoun]:
    table = {}
    for line in read_lines("pronouns.txt"):
        word, gender, number, case, person = line.split()
        table[word.lower()] = Pronoun(gender, number, case, int(person))
    return table


def _given_names() -> dict[str, str]:
    names = {}
    for line in read_lines("given_names.txt"):
        name, gender = line.split()
        names[name.lower()] = gender
    return names


def _lowered(name: str) -> frozenset[str]:
    return frozenset(item.lower().rstrip(".") for item in read_lines(name))


@functools.cache
def lexicon() -> Lexicon:
    """The language data, read from the package on first use and shared afterwards."""
    adjacent = _cue_forms("cue_verbs_adjacent.txt")
    return Lexicon(
        cue_forms={**_cue_forms("cue_verbs.txt"), **adjacent},
        adjacent_cues=frozenset(adjacent),
        speaker_after_phrases=_phrases("speaker_after"),
        verb_phrases=_phrases("verbs"),
        titles=_lowered("titles.txt"),
        roles=frozenset(item.lower() for item in read_lines("roles.txt")),
        pronouns=_pronouns(),
        abbreviations=_lowered("abbreviations.txt"),
        apostrophe_words=frozenset(item.lower() for item in read_lines("apostrophe_words.txt")),
        speech_nouns=_lowered("speech_nouns.txt"),
        org_words=_lowered("org_words.txt"),
        outlets=tuple(read_lines("outlets.txt")),
        given_names=_given_names(),
        nicknames=_nicknames(),
        places=frozenset(item.casefold() for item in read_lines("places.txt")),
        grammar=_sections("grammar.txt"),
    )

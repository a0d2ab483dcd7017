"""The language data files: well formed, no duplicates, and consistent with each other."""

from __future__ import annotations

import collections
from importlib import resources

import pytest

from quotebank._pipeline.language import lexicon, read_lines

DATA = resources.files("quotebank").joinpath("lang").joinpath("en")
FILES = sorted(entry.name for entry in DATA.iterdir() if entry.name.endswith(".txt"))


def test_the_data_files_are_all_here() -> None:
    assert {"cue_verbs.txt", "cue_verbs_adjacent.txt", "titles.txt", "roles.txt", "pronouns.txt"} <= set(
        FILES
    )


SECTIONED = ("grammar.txt", "cue_phrases.txt", "reported.txt", "interview.txt", "gender.txt")


@pytest.mark.parametrize("name", FILES)
def test_no_empty_file_and_no_duplicate_line(name: str) -> None:
    items = read_lines(name)
    assert items, f"{name} is empty"
    if name in SECTIONED:
        return  # sectioned files: checked below
    keys = [item.lower() for item in items]
    if name.startswith("given_names"):
        keys = [key.split()[0] for key in keys]
    duplicates = {key for key, count in collections.Counter(keys).items() if count > 1}
    assert not duplicates, f"{name} repeats {sorted(duplicates)}"


def test_sectioned_files_have_no_duplicate_in_a_section() -> None:
    for name in SECTIONED:
        section = None
        seen: dict[str | None, set[str]] = {}
        for item in read_lines(name):
            if item.startswith("["):
                section = item
                assert section not in seen, f"{name} repeats section {section}"
                seen[section] = set()
                continue
            assert section is not None, f"{name}: words before the first section"
            entries = [item] if name == "cue_phrases.txt" else item.split()
            for entry in entries:
                assert entry.lower() not in seen[section], f"{name} {section} repeats {entry!r}"
                seen[section].add(entry.lower())


def test_each_cue_form_belongs_to_one_verb_only() -> None:
    owners: dict[str, str] = {}
    for name in ("cue_verbs.txt", "cue_verbs_adjacent.txt"):
        for line in read_lines(name):
            forms = line.lower().split()
            assert len(forms) >= 2, f"{name}: {line!r} lists no inflection"
            for form in forms:
                assert form not in owners, f"{form!r} is in {owners.get(form)} and {forms[0]}"
                owners[form] = forms[0]


def test_pronouns_are_well_formed() -> None:
    for pronoun in lexicon().pronouns.values():
        assert pronoun.gender in ("male", "female", "any")
        assert pronoun.number in ("singular", "plural")
        assert pronoun.case in ("subject", "object", "possessive")
        assert pronoun.person in (1, 2, 3)


def test_given_names_carry_a_known_gender() -> None:
    assert set(lexicon().given_names.values()) <= {"m", "f", "u"}


def test_grammar_sections_the_code_reads_exist() -> None:
    expected = {
        "determiners",
        "possessive_pronouns",
        "subject_pronouns",
        "relatives",
        "boundaries",
        "prepositions",
        "skippable",
        "to_verbs",
        "time_words",
        "weekdays",
        "numbers",
        "source_nouns",
        "adverbial_openers",
        "subordinators",
        "noun_like_cues",
        "non_cue_before",
        "name_particles",
        "generational",
    }
    assert expected <= set(lexicon().grammar)


def test_multi_word_cues_are_all_several_words() -> None:
    words = lexicon()
    assert ("according", "to") in words.speaker_after_phrases
    assert all(len(phrase) >= 2 for phrase in (*words.speaker_after_phrases, *words.verb_phrases))


def test_the_lexicon_is_read_once() -> None:
    assert lexicon() is lexicon()

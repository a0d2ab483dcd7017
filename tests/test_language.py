"""The language data: each folder under quotebank/lang/ well formed, no duplicates, consistent with itself; a
:class:`Language` read once per code; unknown codes refused; ``"auto"`` choosing among the folders."""

from __future__ import annotations

import shutil
from importlib import resources
from pathlib import Path

import attrs
import pytest

import quotebank
from quotebank._pipeline import language as language_module
from quotebank._pipeline.language import (
    AUTO,
    Language,
    available_languages,
    check_language,
    detect,
    language,
    read_lines,
)

LANG = resources.files("quotebank").joinpath("lang")
CODES = sorted(entry.name for entry in LANG.iterdir() if entry.is_dir() and entry.name[0] not in "._")
FILES = [
    (code, entry.name)
    for code in CODES
    for entry in sorted(LANG.joinpath(code).iterdir(), key=lambda entry: entry.name)
    if entry.name.endswith(".txt")
]


@pytest.mark.parametrize("code", CODES)
def test_the_data_files_are_all_here(code: str) -> None:
    names = {name for folder, name in FILES if folder == code}
    assert {
        "cue_verbs.txt",
        "cue_verbs_adjacent.txt",
        "titles.txt",
        "roles.txt",
        "pronouns.txt",
        "settings.txt",
        "labels.txt",
        "function_words.txt",
    } <= names


# lists a language may lack words for, with a comment that says why: French has no word that begins with
# an apostrophe
MAY_BE_EMPTY = frozenset({"apostrophe_words.txt"})
SECTIONED = (
    "grammar.txt",
    "cue_phrases.txt",
    "reported.txt",
    "interview.txt",
    "labels.txt",
    "strategies.txt",
)
# sectioned files whose entries are whole lines (phrases, sentences), not words
LINE_ENTRIES = ("cue_phrases.txt", "labels.txt", "strategies.txt")


@pytest.mark.parametrize(("code", "name"), FILES)
def test_no_empty_file_and_no_duplicate_line(code: str, name: str) -> None:
    items = read_lines(code, name)
    if name in MAY_BE_EMPTY and not items:
        text = LANG.joinpath(code).joinpath(name).read_text(encoding="utf-8")
        assert "empty" in text.lower(), f"{code}/{name} is empty and its comment does not say why"
        return
    assert items, f"{name} is empty"
    if name in SECTIONED:
        return  # sectioned files: checked below
    keys = [item.lower() for item in items]
    if name == "given_names.txt":
        keys = [key.split()[0] for key in keys]
    duplicates = {key for key in keys if keys.count(key) > 1}
    assert not duplicates, f"{name} repeats {sorted(duplicates)}"


@pytest.mark.parametrize("code", CODES)
def test_sectioned_files_have_no_duplicate_in_a_section(code: str) -> None:
    # strategies.txt is only where quotebank.strategies writes articles in the language from data
    for name in (name for name in SECTIONED if (code, name) in FILES):
        section = None
        seen: dict[str | None, set[str]] = {}
        for item in read_lines(code, name):
            if item.startswith("["):
                section = item
                assert section not in seen, f"{name} repeats section {section}"
                seen[section] = set()
                continue
            assert section is not None, f"{name}: words before the first section"
            entries = [item] if name in LINE_ENTRIES else item.split()
            for entry in entries:
                assert entry.lower() not in seen[section], f"{name} {section} repeats {entry!r}"
                seen[section].add(entry.lower())


@pytest.mark.parametrize("code", CODES)
def test_each_cue_form_belongs_to_one_verb_only(code: str) -> None:
    owners: dict[str, str] = {}
    for name in ("cue_verbs.txt", "cue_verbs_adjacent.txt"):
        for line in read_lines(code, name):
            forms = line.lower().split()
            assert len(forms) >= 2, f"{name}: {line!r} lists no inflection"
            for form in forms:
                assert form not in owners, f"{form!r} is in {owners.get(form)} and {forms[0]}"
                owners[form] = forms[0]


@pytest.mark.parametrize("code", CODES)
def test_pronouns_are_well_formed(code: str) -> None:
    for pronoun in language(code).pronouns.values():
        assert pronoun.gender in ("male", "female", "any")
        assert pronoun.number in ("singular", "plural")
        assert pronoun.case in ("subject", "object", "possessive")
        assert pronoun.person in (1, 2, 3)


@pytest.mark.parametrize("code", CODES)
def test_given_names_carry_a_known_gender(code: str) -> None:
    assert set(language(code).given_names.values()) <= {"m", "f", "u"}


@pytest.mark.parametrize("code", CODES)
def test_grammar_sections_the_code_reads_exist(code: str) -> None:
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
        "demonstratives",
        "speech_noun_links",
        "infinitive",
        "contraction_pronouns",
        "contractions",
        "possessive_endings",
        "present_participle_endings",
        "past_participle_endings",
        "party_letters",
        "elisions",
        "inversion_pronouns",
        "cue_auxiliaries",
        "reflexives",
        "quoted_passive",
    }
    assert expected <= set(language(code).grammar)


@pytest.mark.parametrize("code", CODES)
def test_every_language_reads_and_runs(code: str) -> None:
    lang = language(code)
    assert lang.code == code
    assert lang.months and len(set(lang.months.values())) == 12
    assert {"byline", "date_labels", "outlet_words"} <= set(lang.labels)
    assert set(lang.settings.quotation_marks) and lang.stem_suffixes
    article = quotebank.parse_article("A title\nSome text of the article.", language=code)
    assert article.language == code


@pytest.mark.parametrize("code", CODES)
def test_verb_phrases_are_all_several_words(code: str) -> None:
    # a one-word reporting verb belongs in cue_verbs.txt; a one-word speaker_after cue is a preposition
    # that other languages have ('laut', 'selon') where English needs two words ('according to')
    words = language(code)
    assert all(len(phrase) >= 2 for phrase in words.verb_phrases)
    assert all(phrase for phrase in words.speaker_after_phrases)


def test_english_speaker_after_cues_are_all_several_words() -> None:
    assert all(len(phrase) >= 2 for phrase in language("en").speaker_after_phrases)


def test_english_says_according_to() -> None:
    assert ("according", "to") in language("en").speaker_after_phrases


def test_a_language_is_read_once_and_keys_caches_by_identity() -> None:
    assert language("en") is language("en") is Language.load("en")
    english = language("en")
    assert hash(english) == object.__hash__(english)
    assert attrs.evolve(english) != english  # the same data, another value: equal only to itself
    assert available_languages() == tuple(CODES)


def test_english_settings() -> None:
    settings = language("en").settings
    assert not settings.capitalised_nouns
    assert settings.stemmer == "suffixes"
    assert "“" in settings.quotation_marks and "”" in settings.quotation_marks


@pytest.mark.parametrize("code", ["xx", "EN", "", "auto "])
def test_an_unknown_language_is_refused_with_the_list(code: str) -> None:
    with pytest.raises(quotebank.UnknownLanguageError, match="quotebank has 'de', 'en', 'fr'") as raised:
        quotebank.extract("Some text.", language=code)
    assert isinstance(raised.value, ValueError)
    with pytest.raises(quotebank.UnknownLanguageError):
        quotebank.parse_article("Some text.", language=code)
    with pytest.raises(quotebank.UnknownLanguageError):
        check_language(code)


def test_a_language_that_is_no_string_is_refused() -> None:
    with pytest.raises(quotebank.UnknownLanguageError, match="not list"):
        quotebank.parse_article("Some text.", language=["en"])  # type: ignore[arg-type]


def test_auto_picks_a_language_the_package_has_and_the_article_says_which() -> None:
    text = '"We will win," the mayor said on Monday, and the council agreed with her.'
    article = quotebank.parse_article(text, language=AUTO)
    assert article.language == detect(text).code
    assert article.language in available_languages()
    # an English text is read as English, as "en" reads it
    assert article.language == "en"
    assert article.quotes == quotebank.parse_article(text).quotes
    assert quotebank.extract(text, language=AUTO) == article.quotes


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("„Wir werden die Steuern nicht erhöhen“, sagte die Ministerin am Donnerstag in Berlin.", "de"),
        ("« Nous ne reculerons pas », a déclaré le ministre, selon la presse.", "fr"),
        ('"We will not raise taxes," the minister said on Thursday in London.', "en"),
    ],
)
def test_auto_recognises_each_shipped_language(text: str, code: str) -> None:
    assert detect(text).code == code
    assert quotebank.parse_article(text, language=AUTO).language == code


def test_auto_picks_the_language_whose_function_words_and_marks_the_text_has(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # a second folder is one more candidate: here a made-up one, beside English
    english = language("en")
    other = attrs.evolve(
        english,
        code="zz",
        function_words=frozenset({"und", "der", "die", "sagte"}),
        settings=attrs.evolve(english.settings, quotation_marks="„“"),
    )
    monkeypatch.setattr(language_module, "available_languages", lambda: ("en", "zz"))
    monkeypatch.setattr(language_module, "language", {"en": english, "zz": other}.__getitem__)
    assert detect("„Wir gewinnen“, sagte die Ministerin und der Rat.") is other
    assert detect('"We will win," the minister said, and the council agreed.') is english
    assert detect("„“„“") is other  # marks alone
    assert detect("") is english  # no evidence: the first code


MALFORMED_DATA = [
    ("settings.txt", "capitalised_nouns true\n", "not a 'key = value' line"),
    ("settings.txt", "capitalised_nouns = false\n", "capitalised_nouns is set twice"),
    ("pronouns.txt", "she female singular\n", "not 'word gender number case person'"),
    ("given_names.txt", "Anna\n", "not 'name gender'"),
    ("grammar.txt", "the a an\n", "words before the first"),
    ("months.txt", None, "cannot be read"),
]


@pytest.mark.parametrize(("name", "content", "message"), MALFORMED_DATA)
def test_a_malformed_language_file_raises_a_language_data_error_naming_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, content: str | None, message: str
) -> None:
    folder = tmp_path / "lang"
    shutil.copytree(str(resources.files("quotebank").joinpath("lang").joinpath("en")), folder / "xx")
    if content is None:
        (folder / "xx" / name).unlink()
    else:
        original = (folder / "xx" / name).read_text(encoding="utf-8")
        (folder / "xx" / name).write_text(content + original, encoding="utf-8")
    monkeypatch.setattr(language_module, "_folder", lambda: folder)
    with pytest.raises(quotebank.LanguageDataError, match=f"xx/{name}: {message}") as raised:
        language_module._load("xx")  # a load that fails is not kept
    assert isinstance(raised.value, ValueError)


@pytest.mark.parametrize("code", available_languages())
def test_the_cue_prefilter_reads_every_cue_word_whole(code: str) -> None:
    # a sentence is tokenised only when the prefilter finds a cue word in it: a word it cut at an umlaut or
    # an accent ("erkl|ärte") would never be found
    from quotebank._pipeline.attribution import _WORDS, cue_words  # noqa: PLC0415 -- the private prefilter

    words = cue_words(language(code))
    assert all(_WORDS.fullmatch(word) for word in words if word.isalpha() and word.islower())

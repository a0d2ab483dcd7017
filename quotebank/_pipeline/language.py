"""A language as a value: every word, pattern and switch the pipeline reads for one language.

A language is a folder, ``quotebank/lang/<code>/``: plain text lists, one item a line, ``#`` starting a
comment (some in ``[section]`` parts), and ``settings.txt``, ``key = value`` lines. :func:`language` reads a
folder once and keeps the :class:`Language` it builds; the pipeline takes that value as an argument from
:func:`quotebank.extract` down, so nothing here is module-level state. A :class:`Language` compares and
hashes by identity (there is one per code), so a module keys what it derives from one (a compiled pattern,
an index of cue words) by the value itself.
"""

from __future__ import annotations

import functools
from importlib import resources
from importlib.abc import Traversable

import attrs

from quotebank.errors import LanguageDataError, UnknownLanguageError

__all__ = [
    "AUTO",
    "OPTIONAL_FILES",
    "Language",
    "Pronoun",
    "Settings",
    "available_languages",
    "check_language",
    "detect",
    "every_language",
    "language",
    "read_lines",
    "resolve",
]

AUTO = "auto"
"""The ``language=`` value that picks the language from the text (see :func:`detect`)."""

OPTIONAL_FILES = frozenset({"confidence.txt", "given_names_ssa.txt"})
"""The data files a language may lack: tables derived from annotated or registered data, which not every
language has. Without ``confidence.txt`` a language borrows the table of the language its setting
``confidence_from`` names, else every speaker gets the neutral confidence 0.5 (see
:mod:`quotebank._pipeline.confidence`); without ``given_names_ssa.txt`` the given names of
``given_names.txt`` are the only ones whose gender is known."""


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
class Settings:
    """The switches of ``settings.txt``."""

    capitalised_nouns: bool
    """Whether the language capitalises every noun (German): a capital then says less of a name."""
    stemmer: str
    """How a search word loses its inflection: ``suffixes`` strips the endings of ``stem_suffixes.txt``."""
    quotation_marks: str
    """The quotation marks the language's texts use, every opening and closing one: a hint for detection."""
    dateparser: str
    """The code dateparser knows the language by, for the dates quotebank's own formats miss."""
    doubled_apostrophes: bool
    """Whether two apostrophes stand for a double quotation mark (''like this'', as in the New York Times
    archive); where they are not (wiki markup for italics in German Wikinews), they are no quotation mark."""
    compound_nouns: bool
    """Whether the language writes a compound noun as one word (German 'Verkehrsminister', 'SPD-Vorsitzende'):
    a word that ends in a title or a role then names that title or role."""
    confidence_from: str
    """For a language with no confidence table of its own (no annotated news to calibrate on): the code of
    the language whose table it borrows, the one whose rules work most alike; empty for none."""
    verb_second: bool
    """Whether the finite verb of a main clause comes second (German): after a fronted phrase that is no
    subject ('Am Abend sagte sie', 'Als Begründung sagte ein Forscher') the subject follows the verb."""


@attrs.frozen(eq=False)
class Language:
    """Everything the pipeline knows of one language, read from ``quotebank/lang/<code>/``.

    ``eq=False``: a language is equal only to itself and hashes by identity, and :func:`language` makes one
    per code, so it keys caches of what a module derives from it.
    """

    code: str
    settings: Settings
    cue_forms: dict[str, str]
    """Every inflection of a reporting verb, lowercase, mapped to its base form."""
    adjacent_cues: frozenset[str]
    """The inflections that are cues only next to a quotation or before a colon ('he continued:')."""
    speaker_after_phrases: tuple[tuple[str, ...], ...]
    """Multi-word cues the speaker follows (``according to``)."""
    verb_phrases: tuple[tuple[str, ...], ...]
    """Multi-word reporting verbs (``went on``, ``shot back``), longest first."""
    speaker_after_quote_phrases: tuple[tuple[str, ...], ...]
    """Cues the speaker follows only right after a quotation and its comma (German ``„…“, so X``)."""
    speaker_before_phrases: tuple[tuple[str, ...], ...]
    """Cues the speaker stands before (German postpositions: ``dem Bericht zufolge``)."""
    separable_verbs: tuple[tuple[str, ...], ...]
    """Reporting verbs whose finite stem comes first and whose particle closes the clause (German
    ``teilte … mit``): the stem, then the closing words."""
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
    reported: dict[str, frozenset[str]]
    """The sections of ``reported.txt``: the words that frame reported speech."""
    interview: dict[str, frozenset[str]]
    """The sections of ``interview.txt``: the labels of questions and answers."""
    labels: dict[str, tuple[str, ...]]
    """The sections of ``labels.txt``: the words of bylines, date lines and outlet names, as written."""
    months: dict[str, int]
    """Lowercase month names and abbreviations to the month's number."""
    function_words: frozenset[str]
    """The language's commonest words, by which :func:`detect` recognises a text in it."""
    stem_suffixes: tuple[str, ...]
    """The endings a search word loses before prefix matching, longest first."""
    calibration: tuple[str, ...]
    """The lines of ``confidence.txt`` (see :mod:`quotebank._pipeline.confidence`)."""

    @classmethod
    def load(cls, code: str) -> Language:
        """The language of ``code`` (same as :func:`language`)."""
        return language(code)

    def __repr__(self) -> str:
        return f"Language({self.code!r})"


def _folder() -> Traversable:
    return resources.files("quotebank").joinpath("lang")


@functools.cache
def available_languages() -> tuple[str, ...]:
    """The codes of the languages shipped: the folders under ``quotebank/lang/``, sorted."""
    folders = (entry.name for entry in _folder().iterdir() if entry.is_dir())
    return tuple(sorted(name for name in folders if name[0] not in "._"))


def every_language() -> tuple[Language, ...]:
    """Every language shipped, in the order of :func:`available_languages`."""
    return tuple(language(code) for code in available_languages())


def read_lines(code: str, name: str, *, optional: bool = False) -> list[str]:
    """The items of one data file of language ``code``: comments and blank lines removed, whitespace
    trimmed. An ``optional`` file (one of :data:`OPTIONAL_FILES`) that the folder lacks has no items."""
    path = _folder().joinpath(code).joinpath(name)
    if optional and not path.is_file():
        return []
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise LanguageDataError(f"{code}/{name}: cannot be read ({error})") from None
    items = []
    for line in text.splitlines():
        item = line.split("#", 1)[0].strip()
        if item:
            items.append(item)
    return items


def _cue_forms(code: str, name: str) -> dict[str, str]:
    forms: dict[str, str] = {}
    for line in read_lines(code, name):
        words = line.lower().split()
        for word in words:
            forms[word] = words[0]
    return forms


def _nicknames(code: str) -> dict[str, frozenset[str]]:
    groups: dict[str, frozenset[str]] = {}
    for line in read_lines(code, "nicknames.txt"):
        group = frozenset(line.lower().split())
        for name in group:
            groups[name] = groups.get(name, frozenset()) | group
    return groups


def _section_lines(code: str, name: str) -> dict[str, list[str]]:
    """The lines of a file in ``[section]`` parts."""
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in read_lines(code, name):
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], [])
        elif current is None:
            raise LanguageDataError(f"{code}/{name}: words before the first [section]: {line!r}")
        else:
            current.append(line)
    return sections


def _sections(code: str, name: str) -> dict[str, frozenset[str]]:
    """A sectioned file's words, each section a set (words split on spaces)."""
    return {
        key: frozenset(word for line in lines for word in line.split())
        for key, lines in _section_lines(code, name).items()
    }


def _phrases(code: str, section: str) -> tuple[tuple[str, ...], ...]:
    """The lines of one section of cue_phrases.txt, as word tuples, longest first."""
    found = [tuple(line.lower().split()) for line in _section_lines(code, "cue_phrases.txt").get(section, [])]
    return tuple(sorted(found, key=len, reverse=True))


def _pronouns(code: str) -> dict[str, Pronoun]:
    table = {}
    for line in read_lines(code, "pronouns.txt"):
        fields = line.split()
        if len(fields) != len(attrs.fields(Pronoun)) + 1 or not fields[-1].isdigit():
            raise LanguageDataError(f"{code}/pronouns.txt: not 'word gender number case person': {line!r}")
        word, gender, number, case, person = fields
        table[word.lower()] = Pronoun(gender, number, case, int(person))
    return table


def _given_names(code: str) -> dict[str, str]:
    names = {}
    for line in read_lines(code, "given_names.txt"):
        fields = line.split()
        if len(fields) != 2:
            raise LanguageDataError(f"{code}/given_names.txt: not 'name gender': {line!r}")
        name, gender = fields
        names[name.lower()] = gender
    return names


def _lowered(code: str, name: str) -> frozenset[str]:
    return frozenset(item.lower().rstrip(".") for item in read_lines(code, name))


def _calibration(code: str, settings: Settings) -> tuple[str, ...]:
    """The lines of the language's confidence table, or of the table it borrows (``confidence_from``)."""
    own = read_lines(code, "confidence.txt", optional=True)
    if own or not settings.confidence_from:
        return tuple(own)
    return tuple(read_lines(settings.confidence_from, "confidence.txt", optional=True))


def _months(code: str) -> dict[str, int]:
    return {
        name: number
        for number, line in enumerate(read_lines(code, "months.txt"), start=1)
        for name in line.lower().split()
    }


def _settings(code: str) -> Settings:
    values: dict[str, str] = {}
    for line in read_lines(code, "settings.txt"):
        key, equals, value = line.partition("=")
        if not equals:
            raise LanguageDataError(f"{code}/settings.txt: not a 'key = value' line: {line!r}")
        if key.strip() in values:
            raise LanguageDataError(f"{code}/settings.txt: {key.strip()} is set twice")
        values[key.strip()] = value.strip()
    fields = {field.name for field in attrs.fields(Settings)}
    unknown = set(values) - fields
    missing = fields - set(values)
    if unknown or missing:
        raise LanguageDataError(
            f"{code}/settings.txt: unknown keys {sorted(unknown)}, missing keys {sorted(missing)}"
        )
    for switch in ("capitalised_nouns", "compound_nouns", "doubled_apostrophes", "verb_second"):
        if values[switch] not in ("true", "false"):
            raise LanguageDataError(f"{code}/settings.txt: {switch} must be true or false")
    borrowed = values["confidence_from"]
    if borrowed and (borrowed == code or borrowed not in available_languages()):
        raise LanguageDataError(
            f"{code}/settings.txt: confidence_from must name another language or be empty"
        )
    if values["stemmer"] not in _STEMMERS:
        raise LanguageDataError(f"{code}/settings.txt: stemmer must be one of {sorted(_STEMMERS)}")
    return Settings(
        capitalised_nouns=values["capitalised_nouns"] == "true",
        compound_nouns=values["compound_nouns"] == "true",
        confidence_from=values["confidence_from"],
        stemmer=values["stemmer"],
        quotation_marks="".join(values["quotation_marks"].split()),
        dateparser=values["dateparser"],
        doubled_apostrophes=values["doubled_apostrophes"] == "true",
        verb_second=values["verb_second"] == "true",
    )


_STEMMERS = frozenset({"suffixes"})
"""The stemmers there are: ``suffixes`` strips the first ending of ``stem_suffixes.txt`` that leaves
a stem."""


def _labels(code: str) -> dict[str, tuple[str, ...]]:
    return {key: tuple(lines) for key, lines in _section_lines(code, "labels.txt").items()}


def language(code: str) -> Language:
    """The language of ``code`` (a folder under ``quotebank/lang/``), read on first use and shared
    afterwards; :class:`~quotebank.errors.UnknownLanguageError` for a code with no folder."""
    if not isinstance(code, str) or code not in available_languages():
        choices = ", ".join(repr(name) for name in available_languages())
        raise UnknownLanguageError(f"unknown language {code!r}: quotebank has {choices}, or {AUTO!r}")
    return _load(code)


@functools.cache
def _load(code: str) -> Language:
    adjacent = _cue_forms(code, "cue_verbs_adjacent.txt")
    settings = _settings(code)
    return Language(
        code=code,
        settings=settings,
        cue_forms={**_cue_forms(code, "cue_verbs.txt"), **adjacent},
        adjacent_cues=frozenset(adjacent),
        speaker_after_phrases=_phrases(code, "speaker_after"),
        verb_phrases=_phrases(code, "verbs"),
        speaker_after_quote_phrases=_phrases(code, "speaker_after_quote"),
        speaker_before_phrases=_phrases(code, "speaker_before"),
        separable_verbs=_phrases(code, "separable_verbs"),
        titles=_lowered(code, "titles.txt"),
        roles=frozenset(item.lower() for item in read_lines(code, "roles.txt")),
        pronouns=_pronouns(code),
        abbreviations=_lowered(code, "abbreviations.txt"),
        apostrophe_words=frozenset(item.lower() for item in read_lines(code, "apostrophe_words.txt")),
        speech_nouns=_lowered(code, "speech_nouns.txt"),
        org_words=_lowered(code, "org_words.txt"),
        outlets=tuple(read_lines(code, "outlets.txt")),
        given_names=_given_names(code),
        nicknames=_nicknames(code),
        places=frozenset(item.casefold() for item in read_lines(code, "places.txt")),
        grammar=_sections(code, "grammar.txt"),
        reported=_sections(code, "reported.txt"),
        interview=_sections(code, "interview.txt"),
        labels=_labels(code),
        months=_months(code),
        function_words=frozenset(
            word for line in read_lines(code, "function_words.txt") for word in line.split()
        ),
        stem_suffixes=tuple(read_lines(code, "stem_suffixes.txt")),
        calibration=_calibration(code, settings),
    )


def check_language(code: object) -> str:
    """A ``language=`` argument checked: a code quotebank has, or :data:`AUTO`;
    :class:`~quotebank.errors.UnknownLanguageError` for anything else."""
    if code == AUTO:
        return AUTO
    if not isinstance(code, str):
        raise UnknownLanguageError(f"language must be a language code (a str), not {type(code).__name__}")
    return language(code).code


def resolve(code: str, text: str = "") -> Language:
    """The language a ``language=`` argument names: its code, or :data:`AUTO` for the one :func:`detect`
    finds in ``text``."""
    return detect(text) if code == AUTO else language(code)


def detect(text: str) -> Language:
    """The language ``text`` is most likely in, from cheap evidence: how many of each language's function
    words it holds, and the quotation marks it uses. Every folder under ``quotebank/lang/`` is a candidate;
    a tie goes to the first code in sorted order."""
    sample = text[:_DETECT_SAMPLE]
    words: dict[str, int] = {}
    for word in sample.lower().split():
        bare = word.strip(_PUNCTUATION)
        if bare:
            words[bare] = words.get(bare, 0) + 1
    best: Language | None = None
    best_score = -1
    for code in available_languages():
        candidate = language(code)
        score = sum(count for word, count in words.items() if word in candidate.function_words)
        score += _MARK_WEIGHT * sum(sample.count(mark) for mark in set(candidate.settings.quotation_marks))
        if score > best_score:
            best, best_score = candidate, score
    assert best is not None  # the package ships at least one language
    return best


_DETECT_SAMPLE = 20_000  # characters read: enough to tell a language, and keeps detection cheap on long texts
_MARK_WEIGHT = 1  # a quotation mark counts as much as one function word
_PUNCTUATION = ".,;:!?\"'“”‘’«»„‚‹›()[]—–-…"

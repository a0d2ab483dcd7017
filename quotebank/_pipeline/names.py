"""Speaker phrases on a frame: who stands before or after a cue, and which part of it is a name.

A phrase is a pronoun (``he``), a name with its titles and roles (``U.S. special envoy Steve Witkoff``,
``Sen. Marco Rubio, R-Fla.``), a description (``a spokesman for the campaign``, ``the statement``) or a
name with an apposition (``Len Burman, head of the centrist Tax Policy Center``). The whole phrase is the
mention; :func:`split_name` takes the name out of it and leaves the rest as the role.

Everything here walks a bounded number of tokens from a cue, so its cost does not grow with the text.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Sequence

import attrs
import regex

from quotebank._pipeline.language import Language
from quotebank._pipeline.tokens import PUNCT, QUOTE, WORD, Token, without_closing_marks

__all__ = [
    "NAME",
    "NOMINAL",
    "PRONOUN",
    "Phrase",
    "PhraseKind",
    "clause_start",
    "fronted_clause",
    "impersonal_source",
    "is_nickname",
    "is_noun_like",
    "is_owner",
    "is_role",
    "is_strong_subject",
    "is_subjunctive",
    "main_verb",
    "names_person",
    "opening_name",
    "opinion_opening",
    "opinion_source",
    "people_named",
    "phrase_after",
    "possessor_before",
    "pronoun_subject_before",
    "sentence_subject",
    "split_name",
    "subject_before",
    "verb_second_subject",
    "without_nicknames",
]


class PhraseKind(str, enum.Enum):
    """What a speaker phrase is: its kind decides how it is resolved to a speaker."""

    PRONOUN = "pronoun"
    NAME = "name"
    """A phrase with a name in it (``Jane Doe``, ``Bank of England``)."""
    NOMINAL = "nominal"
    """A description without a name (``the mayor``, ``a spokesman``)."""


# bound once, as the token kinds are: an enum member looked up on its class costs about 60 ns in Python 3.11
PRONOUN, NAME, NOMINAL = PhraseKind.PRONOUN, PhraseKind.NAME, PhraseKind.NOMINAL


_MAX_CLAUSE = 40
_MAX_PHRASE = 12
_MAX_PARENTHESIS = 24
_SPACE_BEFORE_PUNCTUATION = regex.compile(r"\s+([.,)])")
_ROLE_WORD = regex.compile(r"[\p{L}.'’-]+")
_MAX_ROLE_TEXT = 60
_MAX_TITLE_WORDS = 4  # a newspaper's name in quotation marks: "Die Zeit", "Frankfurter Allgemeine Zeitung"
_QUOTE_MARKS = "\"'“”‘’«»„‟‹› \u00a0\u202f"
# the shortest title or role a compound may end in: shorter ones ("rat") end too many other words, while
# "chef" ends chiefs only (Gewerkschaftschef, Parteichef)
_MIN_ROLE_ENDING = 4
_MAX_PLACE_WORDS = 3


_NOTHING = r"(?!)"  # a pattern that never matches


def _endings(words: frozenset[str]) -> tuple[str, ...]:
    return tuple(sorted(words))


@attrs.frozen
class _Words:
    """What this module reads of one language, derived once per :class:`Language` (see :func:`_words`)."""

    lang: Language
    determiners: frozenset[str]
    possessive_pronouns: frozenset[str]
    subject_pronouns: frozenset[str]
    relatives: frozenset[str]
    boundary: frozenset[str]
    prepositions: frozenset[str]
    skippable: frozenset[str]
    to_verbs: frozenset[str]
    time_words: frozenset[str]
    adverbial_openers: frozenset[str]
    name_particles: frozenset[str]
    generational: frozenset[str]
    demonstratives: frozenset[str]
    weekdays: frozenset[str]
    numbers: frozenset[str]
    source_nouns: frozenset[str]
    noun_like: frozenset[str]
    sentence_openers: frozenset[str]
    subordinators: frozenset[str]
    name_links: frozenset[str]
    workplace_links: frozenset[str]
    auxiliaries: frozenset[str]
    infinitive: frozenset[str]
    went_on: frozenset[str]
    quoted_as_words: frozenset[str]
    quoted_as_before: frozenset[str]
    time_openers: frozenset[str]
    source_adjectives: frozenset[str]
    indefinite_articles: frozenset[str]
    impersonal_pronouns: frozenset[str]
    coordinators: frozenset[str]
    publishing_verbs: frozenset[str]
    oblique_determiners: frozenset[str]
    """Determiners that never open a subject (German ``den``, ``dem``, ``des``): a phrase they open is an
    object, so a clause that opens with one has its subject after the verb."""
    subjunctives: frozenset[str]
    subjunctive_endings: tuple[str, ...]
    past_tense_endings: tuple[str, ...]
    indicative_e: frozenset[str]
    object_pronouns: frozenset[str]
    oblique_before_en: frozenset[str]
    weak_adjective_endings: tuple[str, ...]
    impersonal_cues: frozenset[str]
    opinion_prepositions: frozenset[str]
    copulas: frozenset[str]
    opinion_nouns: frozenset[str]
    agent_prepositions: frozenset[str]
    source_prepositions: frozenset[str]
    closing_prepositions: frozenset[str]
    org_endings: tuple[str, ...]
    elided_determiners: frozenset[str]
    name_closing_prepositions: frozenset[str]
    postnominal_endings: tuple[str, ...]
    """Prepositions that end a speaker phrase even after a noun (German ``nach``: ``sagte X nach der
    Abstimmung``)."""
    role_endings: tuple[str, ...]
    """Where compounds are one word: the titles and roles a longer word may end in (``Verkehrsminister``)."""
    focus_words: frozenset[str]
    """Adverbs that open a clause with the phrase they stand before (``Auch der Minister sagte``)."""
    clause_links: frozenset[str]
    """Conjunctions that join main clauses without taking the place before a verb-second verb (``und``,
    ``aber``)."""
    present_participle: tuple[str, ...]
    past_participle: tuple[str, ...]
    participles: tuple[str, ...]
    adverb_endings: tuple[str, ...]
    negation_endings: tuple[str, ...]
    possessive_endings: tuple[str, ...]
    singular_possessive: tuple[str, ...]
    """The possessive endings of a word's own ``'s`` (``Trump's``)."""
    plural_possessive: tuple[str, ...]
    """The possessive endings that are a bare apostrophe after an ``s`` (``Sanders'``)."""
    party_tag: regex.Pattern[str]
    nationality: regex.Pattern[str]
    people: regex.Pattern[str]


@functools.cache
def _words(lang: Language) -> _Words:
    grammar = lang.grammar
    prepositions = grammar["prepositions"]
    adverbial_openers = prepositions | grammar["adverbial_openers"]
    possessive = _endings(grammar["possessive_endings"])
    party = "".join(sorted(grammar["party_letters"]))
    nationality = "|".join(sorted(grammar["nationality_endings"], key=lambda w: (-len(w), w)))
    present = _endings(grammar["present_participle_endings"])
    past = _endings(grammar["past_participle_endings"])
    return _Words(
        lang=lang,
        determiners=grammar["determiners"],
        possessive_pronouns=grammar["possessive_pronouns"],
        subject_pronouns=grammar["subject_pronouns"],
        relatives=grammar["relatives"],
        boundary=grammar["boundaries"],
        prepositions=prepositions,
        skippable=grammar["skippable"],
        to_verbs=grammar["to_verbs"],
        time_words=grammar["time_words"],
        adverbial_openers=adverbial_openers,
        name_particles=grammar["name_particles"],
        generational=grammar["generational"],
        demonstratives=grammar["demonstratives"],
        weekdays=grammar["weekdays"],
        numbers=grammar["numbers"],
        source_nouns=grammar["source_nouns"],
        noun_like=frozenset(
            word + ending for word in grammar["noun_like_cues"] for ending in ("", *grammar["plural_endings"])
        ),
        sentence_openers=grammar["boundaries"] | adverbial_openers,
        subordinators=prepositions | grammar["subordinators"],
        name_links=grammar["name_links"],
        workplace_links=grammar["workplace_links"],
        auxiliaries=grammar["auxiliaries"],
        infinitive=grammar["infinitive"],
        went_on=grammar["went_on"],
        quoted_as_words=grammar["quoted_as_words"],
        quoted_as_before=grammar["quoted_as_before"],
        time_openers=grammar["time_openers"],
        source_adjectives=grammar["source_adjectives"],
        indefinite_articles=grammar["indefinite_articles"],
        impersonal_pronouns=grammar["impersonal_pronouns"],
        coordinators=grammar["coordinators"],
        publishing_verbs=grammar["publishing_verbs"],
        oblique_determiners=grammar["oblique_determiners"],
        clause_links=grammar["clause_links"],
        object_pronouns=grammar["object_pronouns"],
        oblique_before_en=grammar["oblique_before_en"],
        weak_adjective_endings=_endings(grammar["weak_adjective_endings"]),
        impersonal_cues=grammar["impersonal_cues"],
        opinion_prepositions=grammar["opinion_prepositions"],
        copulas=grammar["copulas"],
        opinion_nouns=grammar["opinion_nouns"],
        agent_prepositions=grammar["agent_prepositions"],
        source_prepositions=grammar["source_prepositions"],
        closing_prepositions=grammar["closing_prepositions"],
        # where compounds are one word, an organisation's word may end one ("Umweltministerium")
        org_endings=_endings(frozenset(word for word in lang.org_words if len(word) >= _MIN_ROLE_ENDING)),
        elided_determiners=frozenset(d for d in grammar["determiners"] if d.endswith("'")),
        name_closing_prepositions=grammar["name_closing_prepositions"],
        postnominal_endings=_endings(grammar["postnominal_adjective_endings"]),
        role_endings=_endings(
            frozenset(word for word in lang.titles | lang.roles if len(word) >= _MIN_ROLE_ENDING)
            if lang.settings.compound_nouns
            else frozenset()
        ),
        focus_words=grammar["skippable"] | grammar["adverbial_openers"],
        subjunctives=grammar["subjunctives"],
        subjunctive_endings=_endings(grammar["subjunctive_endings"]),
        past_tense_endings=_endings(grammar["past_tense_endings"]),
        indicative_e=grammar["indicative_e"],
        present_participle=present,
        past_participle=past,
        participles=present + past,
        adverb_endings=_endings(grammar["adverb_endings"]),
        negation_endings=_endings(grammar["negation_endings"]),
        possessive_endings=possessive,
        singular_possessive=tuple(e for e in possessive if not e.startswith("s")),
        plural_possessive=tuple(e for e in possessive if e.startswith("s")),
        # a language with no party letters or nationality endings leaves the list empty: the pattern
        # then matches nothing
        party_tag=regex.compile(rf"[{party}]-[\p{{Lu}}][\p{{L}}.]*|[{party}]" if party else _NOTHING),
        nationality=regex.compile(rf"\p{{Lu}}\p{{Ll}}{{2,}}(?:{nationality})" if nationality else _NOTHING),
        people=_people_pattern(lang),
    )


@attrs.frozen
class Phrase:
    """A speaker phrase: token range [first, last], character range [start, end), and what it is."""

    first: int
    last: int
    start: int
    end: int
    kind: PhraseKind
    """``pronoun``, ``name`` or ``nominal``."""
    extra_role: str | None = None
    """An apposition or party tag that describes the speaker: it goes to the role."""
    core_end: int = attrs.field(default=attrs.Factory(lambda self: self.end, takes_self=True))
    """Where the name part ends: before the apposition or party tag, if there is one."""
    core_start: int = attrs.field(default=attrs.Factory(lambda self: self.start, takes_self=True))
    """Where the name part starts: after a description that comes first (``her adviser, Jake Sullivan``)."""
    antecedent: Phrase | None = None
    """For a relative pronoun (``who``, ``which``), the phrase it stands for."""


def nationality_pattern(lang: Language) -> regex.Pattern[str]:
    """A capitalised word with a nationality's ending (``Ukrainian``, ``Japanese``)."""
    return _words(lang).nationality


def _is_role_word(w: _Words, token: Token) -> bool:
    lower = token.lower.rstrip(".")
    words = w.lang
    return lower in words.roles or lower in words.titles


def _is_name_word(w: _Words, token: Token) -> bool:
    """A capitalised word that may be part of a name: not a common word that merely opens the sentence,
    nor a number."""
    if token.kind != WORD or not token.text[0].isupper() or token.lower in w.numbers:
        return False
    return not (token.initial and token.common)


_NICKNAME_WORDS = 2
# the same in a mention's text: a nickname in quotation marks between two words
_NICKNAME = regex.compile(r"\s+[\"“„«‘‚'][\p{Lu}][\p{L}.\- ]{0,30}[\"”“»’']\s+")


def is_nickname(lang: Language, tokens: Sequence[Token], index: int, lo: int, hi: int) -> bool:
    """Whether the quotation token at ``index`` is a nickname inside a name (``Thomas "Tip" O'Neill``): one
    or two capitalised words in quotation marks between two words of a name. Not where every noun is
    capitalised: there the words around it may be nouns."""
    w = _words(lang)
    if lang.settings.capitalised_nouns or not lo < index < hi - 1 or tokens[index].kind != QUOTE:
        return False
    inner = tokens[index].text.strip(_QUOTE_MARKS).split()
    return (
        0 < len(inner) <= _NICKNAME_WORDS
        and all(word[0].isupper() and word.replace("-", "").replace(".", "").isalpha() for word in inner)
        and _is_name_word(w, tokens[index - 1])
        and _is_name_word(w, tokens[index + 1])
    )


def without_nicknames(mention: str) -> str:
    """A mention without the nicknames :func:`is_nickname` let into it, which are no part of the name it
    names: ``Thomas "Tip" Walsh`` -> ``Thomas Walsh``."""
    return _NICKNAME.sub(" ", mention)


def _is_description(w: _Words, tokens: Sequence[Token], phrase: Phrase) -> bool:
    """Whether a phrase describes someone rather than names them: ``her senior policy adviser``,
    ``His former business partner at Lenox``, ``Another critic``."""
    if phrase.kind == PRONOUN:
        return False
    return (
        phrase.kind == NOMINAL
        or tokens[phrase.first].lower in w.determiners
        or tokens[phrase.last].text.islower()
        or any(  # "Reform UK's candidate in Barnsley": someone's role, not a name
            _possessive(w, tokens[i]) and _is_role_word(w, tokens[i + 1]) and tokens[i + 1].text.islower()
            for i in range(phrase.first, phrase.last)
        )
    )


def _serves(w: _Words, tokens: Sequence[Token], phrase: Phrase) -> bool:
    """``Labour MP for Leeds Central``: a role and whom it serves, which describes the name set off by
    commas after it (in parentheses after it comes a party tag: ``Speaker of the House Paul Ryan (R)``)."""
    return any(
        _is_role_word(w, tokens[i]) and tokens[i + 1].text in w.prepositions
        for i in range(phrase.first, phrase.last)
    )


def _abbreviated(w: _Words, token: Token) -> bool:
    """Whether a full stop after this token ends an abbreviation, an initial or a party tag."""
    if token.kind != WORD:
        return False
    return (
        (len(token.text) == 1 and token.text.isupper())
        or token.lower in w.lang.abbreviations
        or w.party_tag.fullmatch(token.text) is not None
    )


def _possessive(w: _Words, token: Token) -> bool:
    return token.kind == WORD and token.lower.endswith(w.possessive_endings)


def is_owner(lang: Language, token: Token) -> bool:
    """A possessive pronoun or a possessive word: the owner of what follows (``his thanks``, ``Trump's``)."""
    w = _words(lang)
    return token.lower in w.possessive_pronouns or _possessive(w, token)


def _is_skippable(w: _Words, token: Token) -> bool:
    """An auxiliary, a negation or an adverb, which may stand between a speaker and a cue."""
    lower = token.lower
    if lower in w.skippable or lower.endswith(w.negation_endings):
        return True
    return lower.endswith(w.adverb_endings) and token.text.islower() and len(lower) > 3


def _is_time_word(w: _Words, token: Token) -> bool:
    """``Friday``, ``week``, ``past``: never a speaker (but ``Day`` in ``Kristen Day`` is a name)."""
    lower = token.lower.rstrip(".")
    # where every noun is capitalised, so are the time nouns ("im Dezember", "am Abend")
    capitalised = lower in w.weekdays or w.lang.settings.capitalised_nouns
    return lower in w.time_words and (token.text.islower() or capitalised)


def _skip_back(w: _Words, tokens: Sequence[Token], index: int, lo: int) -> int:
    """From ``index`` backwards, past auxiliaries, adverbs and time phrases that may sit before a cue."""
    while index >= lo:
        token = tokens[index]
        lower = token.lower
        if token.kind != WORD:
            return index
        if _is_skippable(w, token):
            index -= 1
        elif lower in w.infinitive and index - 1 >= lo and tokens[index - 1].lower in w.to_verbs:
            index -= 2
        elif lower in w.infinitive and index - 2 >= lo and tokens[index - 1].lower in w.went_on:
            index -= 3  # went on to say
        elif lower in w.quoted_as_words and index - 1 >= lo and tokens[index - 1].lower in w.quoted_as_before:
            index -= 1  # was quoted as saying
        elif _is_time_word(w, token) and index - 1 >= lo and tokens[index - 1].lower in w.time_openers:
            index -= 2
        elif _is_time_word(w, token) and index - 2 >= lo and tokens[index - 1].lower in w.determiners:
            # "in the past", "at the time", "over the weekend"
            index -= 3 if tokens[index - 2].lower in w.prepositions else 2
        else:
            return index
    return index


def _phrase_back(w: _Words, tokens: Sequence[Token], last: int, lo: int) -> int:
    """The first token of the noun phrase that ends at ``last`` (``last + 1`` when there is none)."""
    words = w.lang
    first = last + 1
    index = last
    while index >= lo and last - index < _MAX_PHRASE:
        token = tokens[index]
        lower = token.lower
        if token.kind != WORD:
            if (token.text == "." and index > lo and tokens[index - 1].lower in words.abbreviations) or (
                first == index + 1 and is_nickname(w.lang, tokens, index, lo, last + 1)
            ):
                index -= 1
                continue
            break
        if lower in w.subject_pronouns:
            if first == last + 1:
                first = index
            break
        if (
            lower in w.prepositions
            and lower in w.determiners
            and first <= last
            and index - 1 >= lo
            and _noun_like(w, tokens[index - 1])
        ):
            index -= 1  # a preposition and an article in one word: "le ministre des Transports"
            continue
        if lower in w.determiners and not (index == last and lower in w.numbers):  # "mother of three"
            if first <= last:
                first = index
                extended = _through_preposition(w, tokens, index - 1, lo)
                if extended is not None:
                    index, first = extended, extended
                    continue
            break
        if lower in w.prepositions:
            if first <= last and index - 1 >= lo and _noun_like(w, tokens[index - 1]):
                index -= 1
                continue
            break
        if lower in w.boundary or (
            _is_verb_like_cue(w, token) and not (index == last and is_noun_like(w.lang, lower))
        ):
            break
        first = index
        index -= 1
    return first


def is_noun_like(lang: Language, form: str) -> bool:
    """Whether a cue word is as often a noun (``state``, ``claims``, ``tweets``), in the singular or the
    plural."""
    return form in _words(lang).noun_like


def _is_verb_like_cue(w: _Words, token: Token) -> bool:
    return token.text.islower() and token.lower in w.lang.cue_forms


def _noun_like(w: _Words, token: Token) -> bool:
    """Could this word head a noun phrase that a prepositional phrase modifies (``spokesman for``)?"""
    if token.kind != WORD or token.lower in w.boundary or token.lower in w.determiners:
        return False
    # "source" is a role word already; "familiar" heads "a source familiar with the matter"
    return _is_role_word(w, token) or token.text[0].isupper() or token.lower in w.source_adjectives


def _through_preposition(w: _Words, tokens: Sequence[Token], index: int, lo: int) -> int | None:
    """For ``a source familiar with [the matter]``: the index to go on from, past the preposition."""
    if index - 1 < lo or tokens[index].lower not in w.prepositions:
        return None
    if _noun_like(w, tokens[index - 1]):
        return index - 1
    return None


def _classify(w: _Words, tokens: Sequence[Token], first: int, last: int) -> PhraseKind | None:
    """What the tokens are as a speaker phrase, or ``None`` when they cannot be one."""
    if first > last:
        return None
    if first == last and tokens[first].lower in w.lang.pronouns:
        return PRONOUN
    content = [t for t in tokens[first : last + 1] if t.kind == WORD and t.lower not in w.determiners]
    if not content or not content[0].text[0].isalnum():
        # nothing but determiners, or a phrase that starts with a clitic ('s, 'd) cut from its word
        return None
    if _is_time_word(w, content[-1]):
        return None  # "Friday", "early Friday", "last week"
    if any(_is_name_word(w, t) and not _is_role_word(w, t) for t in content):
        return NAME
    return NOMINAL


def _trim_front(w: _Words, tokens: Sequence[Token], first: int, last: int) -> int:
    """Drop sentence openers such as ``But``, ``And``, ``Meanwhile`` from the front of a phrase."""
    while first < last and tokens[first].lower in w.boundary | w.adverbial_openers:
        first += 1
    return first


def subject_before(lang: Language, tokens: Sequence[Token], cue: int, lo: int) -> Phrase | None:
    """The speaker phrase before the cue at ``cue``: ``Witkoff said``, ``Len Burman, head of X, said``."""
    w = _words(lang)
    end = _skip_back(w, tokens, cue - 1, lo)
    if end < lo:
        return None
    token = tokens[end]
    if token.kind == PUNCT and token.text in ",)":
        if end == cue - 1 and tokens[cue].lower.endswith(w.present_participle):
            return None  # "Trump went after Bush, calling him …": the subject is the sentence's
        return _subject_before_parenthesis(w, tokens, end, lo)
    if tokens[end].lower in w.relatives and end - 1 >= lo:
        # "Beck, who has described Trump as …": the mention is "who", the speaker its antecedent
        before = end - 1
        if tokens[before].text == ",":
            before -= 1
        antecedent = _phrase_ending(w, tokens, before, lo)
        if antecedent is None or antecedent.kind == PRONOUN:
            return antecedent
        relative = tokens[end]
        return Phrase(end, end, relative.start, relative.end, PRONOUN, antecedent=antecedent)
    found = _phrase_ending(w, tokens, end, lo)
    if found is not None and found.last > found.first and tokens[found.last].lower in w.lang.speech_nouns:
        # "Lopez's statement called it …": the statement speaks for its owner
        owner = possessor_before(w.lang, tokens, found.last, found.first)
        if owner is not None:
            return owner
    if found is not None and tokens[found.last].lower in w.lang.speech_nouns | w.source_nouns:
        # "Trump issued a statement saying …": the statement speaks for who issued it
        publisher = _publisher_before(w, tokens, found.first, lo)
        if publisher is not None:
            return publisher
    return found


def _publisher_before(w: _Words, tokens: Sequence[Token], first: int, lo: int) -> Phrase | None:
    """The subject of the publishing verb right before the phrase that starts at ``first`` (``issued``,
    ``put out``), if any."""
    verb = first - 1
    publishing = w.publishing_verbs
    if verb > lo and tokens[verb].lower in publishing and tokens[verb - 1].lower in publishing:
        verb -= 1  # "put out": the particle is in the same list, and never stands alone before a noun
    if verb <= lo or tokens[verb].kind != WORD or tokens[verb].lower not in publishing:
        return None
    return subject_before(w.lang, tokens, verb, lo)


def _phrase_ending(w: _Words, tokens: Sequence[Token], last: int, lo: int) -> Phrase | None:
    if last < lo or tokens[last].kind != WORD:
        return None
    first = _phrase_back(w, tokens, last, lo)
    if first > last:
        return None
    first = _trim_front(w, tokens, first, last)
    if first == last and tokens[first].text.islower() and tokens[first].lower in w.adverbial_openers:
        return None  # "Der Täter habe darin geschrieben": an adverb alone is no subject
    kind = _classify(w, tokens, first, last)
    if kind is None:
        return None
    return Phrase(first, last, tokens[first].start, tokens[last].end, kind)


def _subject_before_parenthesis(
    w: _Words, tokens: Sequence[Token], end: int, lo: int, *, nested: bool = False
) -> Phrase | None:
    """The subject of a cue that follows a parenthesis closing at ``end``: ``X, head of Y, said``,
    ``X (D-Mo.) said``, ``X, who…, said``, ``her adviser, Jake Sullivan, said``. An apposition may hold a
    comma of its own (``a salesman from Sumter, South Carolina,``), so farther commas are tried too.
    ``nested`` for the parenthesis before another (``Sen. X, I-Ariz., who…, said``): one level only."""
    opening = "," if tokens[end].text == "," else "("
    index = end - 1
    while index >= lo and end - index <= _MAX_PARENTHESIS:
        token = tokens[index]
        if token.kind == QUOTE or (token.kind == PUNCT and token.text in ";:"):
            return None
        if token.text == opening:
            found = _parenthesis_subject(w, tokens, index + 1, end, lo, nested=nested)
            if found is not None or opening == "(":
                return found
        index -= 1
    return None


def _parenthesis_subject(
    w: _Words, tokens: Sequence[Token], inner_first: int, end: int, lo: int, *, nested: bool = False
) -> Phrase | None:
    if inner_first >= end:
        return None
    before = inner_first - 2
    own = _parenthesis_word(w, tokens, before, lo)
    found = None if own else _phrase_ending(w, tokens, before, lo)
    if found is None and not nested and before >= lo and (tokens[before].text in ")." or own):
        # "Roy Cooper (D), his rival, said", "Sen. Kyrsten Sinema, I-Ariz., who …, said", "Tom Fry, 67, a
        # retired teacher, said": the parenthesis follows another one, which follows the subject
        closing = before if tokens[before].text == ")" else before + 1
        found = _subject_before_parenthesis(w, tokens, closing, lo, nested=True)
    if found is None or found.kind == PRONOUN:
        return found
    opener = tokens[inner_first]
    if opener.lower in w.relatives or opener.lower in w.adverbial_openers:
        return found  # "Trump, who…, said" / "Trump, in a statement, said": the mention is Trump
    if opener.text.islower() and opener.lower.endswith(w.participles):
        return found  # "Sanders, celebrating a victory in Vermont, is pledging …"
    inner_words = [t for t in tokens[inner_first:end] if t.kind == WORD]
    # a comma that closes an apposition is no part of it; a bracket is: "Anna Keller (54)"
    last = end if tokens[end].text == ")" else end - 1
    last_end = tokens[last].end
    named = len(inner_words) <= 4 and all(_is_name_word(w, t) for t in inner_words)
    if named and not _is_description(w, tokens, found):
        found = _across_and(w, tokens, found, lo)
    apposition = tokens[inner_first - 1].text == ","
    if named and (_is_description(w, tokens, found) or (apposition and _serves(w, tokens, found))):
        # a description, then the name: "her senior policy adviser, Jake Sullivan, said"
        description = " ".join(t.text for t in tokens[found.first : found.last + 1])
        return Phrase(
            found.first,
            end - 1,
            found.start,
            last_end,
            NAME,
            description,
            last_end,
            tokens[inner_first].start,
        )
    extra_role = _party_or_apposition(w, tokens, inner_first, end)
    if extra_role is None:
        return None  # not an apposition: "X, [a clause], said" has no subject next to its cue
    if found.extra_role is not None:
        extra_role = f"{found.extra_role}, {extra_role}"  # "Roy Cooper (D), McCrory's opponent"
    return Phrase(found.first, last, found.start, last_end, found.kind, extra_role, found.core_end)


def _parenthesis_word(w: _Words, tokens: Sequence[Token], index: int, lo: int) -> bool:
    """Whether the token at ``index`` is a parenthesis of its own after a comma: an age (``Tom Fry, 67,``) or
    a party tag (``Rep. Dan Orr, R-Ohio,``)."""
    return (
        index > lo
        and tokens[index - 1].text == ","
        and (tokens[index].text.isdigit() or w.party_tag.fullmatch(tokens[index].text) is not None)
    )


def _across_and(w: _Words, tokens: Sequence[Token], found: Phrase, lo: int) -> Phrase:
    """``A spokesman for the Department of Forestry and Fire Protection, Mark Reilly,``: a description
    whose organisation holds ``and`` (a noun phrase stops there), when the name that follows shows it is
    one; ``found`` itself otherwise."""
    joint = found.first - 1
    if joint - 1 < lo or tokens[joint].lower not in w.coordinators or not tokens[joint].text.islower():
        return found
    before = _phrase_ending(w, tokens, joint - 1, lo)
    if before is None or before.kind == PRONOUN or not _is_description(w, tokens, before):
        return found
    return Phrase(before.first, found.last, before.start, found.end, found.kind)


def _party_or_apposition(w: _Words, tokens: Sequence[Token], first: int, end: int) -> str | None:
    """The role text of ``(D-Mo.)``, ``R-Fla.`` or ``head of the X``; None for anything else."""
    words = [t for t in tokens[first:end] if t.kind == WORD]
    if not words or _is_clause(w, words):
        return None
    text = _SPACE_BEFORE_PUNCTUATION.sub(r"\1", " ".join(t.text for t in tokens[first:end]))
    if len(words) == 1 and w.party_tag.fullmatch(words[0].text):
        return text
    if words[0].lower in w.determiners or words[0].text[0].isdigit() or _possessive(w, words[0]):
        return text  # "the mayor", "45", "Twitter's director of political advertising"
    if any(_is_role_word(w, word) for word in words[:3]):
        return text  # "head of the centrist Tax Policy Center", "Sanders' campaign manager"
    return None


def _premodifier(w: _Words, tokens: Sequence[Token], start: int, index: int, hi: int) -> bool:
    """``leading`` in ``said another leading Supreme Court advocate``: a participle before the head noun,
    where only a determiner or other lowercase modifiers come before it and a word follows."""
    return (
        index + 1 < hi
        and tokens[index + 1].kind == WORD
        and all(
            t.kind == WORD and t.text.islower() and not _is_role_word(w, t) and not _is_verb_like_cue(w, t)
            for t in tokens[start:index]
        )
    )


def _describes_source(w: _Words, tokens: Sequence[Token], index: int, last: int, hi: int) -> bool:
    """``briefed on`` after ``people``: a participle and a preposition that describe the role word before
    them (``officials involved in the talks``), not a verb."""
    following = index + 1
    return (
        last >= 0
        and tokens[last].kind == WORD
        and _is_role_word(w, tokens[last])
        and tokens[index].lower.endswith(w.past_participle)
        and following + 1 < hi
        and tokens[following].lower in w.prepositions
    )


def _is_clause(w: _Words, words: Sequence[Token]) -> bool:
    """Whether words after a name's comma make a clause (``the plan could be announced``) rather than an
    apposition (``a close friend who was her chief of staff``): an auxiliary before any relative pronoun."""
    for word in words:
        if word.lower in w.relatives:
            return False
        if word.lower in w.auxiliaries:
            return True
    return False


def phrase_after(
    lang: Language,
    tokens: Sequence[Token],
    start: int,
    hi: int,
    *,
    allow_pronoun: bool = True,
    after_cue: bool = False,
) -> Phrase | None:
    """The speaker phrase that begins at ``start`` (``said Sen. Marco Rubio, R-Fla.``, ``according to X``).
    ``after_cue``: the phrase follows its cue, so no verb of its own follows it, and a participle after a role
    word describes the source (``according to people briefed on the talks``)."""
    w = _words(lang)
    if after_cue:
        title = _quoted_title(w, tokens, start, hi)
        if title is not None:
            return title
    if start >= hi or tokens[start].kind != WORD:
        return None
    first = tokens[start]
    if first.lower in w.lang.pronouns and allow_pronoun and not _owns_next(w, tokens, start, hi):
        if first.lower in w.subject_pronouns:
            return Phrase(start, start, first.start, first.end, PRONOUN)
        return None
    last = _phrase_last(w, tokens, start, hi, after_cue=after_cue)
    while last >= start and tokens[last].lower in w.prepositions | w.determiners:
        last -= 1
    kind = _classify(w, tokens, start, last)
    if kind is None or kind == PRONOUN:
        return None
    core = Phrase(start, last, tokens[start].start, tokens[last].end, kind)
    found = None
    if last + 2 < hi and tokens[last + 1].text == ",":
        found = _after_comma(w, tokens, core, hi)
    elif last + 1 < hi and tokens[last + 1].text == "(":
        found = _in_parentheses(w, tokens, core, hi)
    return found or core


class _Step(enum.Enum):
    """What the next word does to a speaker phrase being read (:func:`_phrase_last`)."""

    TAKE = "take"
    STOP = "stop"
    """The phrase ends before the word."""
    DESCRIBED = "described"
    """The word and the one after it describe the source: ``people briefed on the talks``."""


def _phrase_last(w: _Words, tokens: Sequence[Token], start: int, hi: int, *, after_cue: bool) -> int:
    """The last token of the words of a speaker phrase that begins at ``start`` (prepositions and
    determiners at its end not trimmed yet); ``start - 1`` when none belongs to it."""
    index, last, seen_name = start, start - 1, False
    while index < hi and index - start < _MAX_PHRASE:
        token = tokens[index]
        if token.kind != WORD:
            if (
                token.text == "."
                and last >= start
                and (
                    tokens[last].lower in w.lang.abbreviations or _middle_initial(w, tokens, last, start, hi)
                )
            ) or (last == index - 1 and is_nickname(w.lang, tokens, index, start, hi)):
                index += 1
                continue
            break
        step = _step(w, tokens, index, (start, last), hi=hi, seen_name=seen_name, after_cue=after_cue)
        if step is _Step.STOP:
            break
        if step is _Step.DESCRIBED:
            last = index + 1  # "two people briefed on the talks": on through the participle
            index += 2
            continue
        if _is_name_word(w, token):
            seen_name = True
        last = index
        index += 1
    return last


def _step(
    w: _Words,
    tokens: Sequence[Token],
    index: int,
    taken: tuple[int, int],
    *,
    hi: int,
    seen_name: bool,
    after_cue: bool,
) -> _Step:
    """Whether the word at ``index`` goes on the phrase ``taken`` so far: (start, last)."""
    start, last = taken
    token = tokens[index]
    lower = token.lower
    preposition = lower in w.prepositions
    # asked only of a determiner or a preposition: most words are neither
    after_noun = preposition and last >= start and _noun_like(w, tokens[last])
    # a determiner that is also a preposition ("du", "des") after a noun links it: "le porte-parole du
    # gouvernement"
    if lower in w.determiners and not after_noun:
        after_preposition = last >= start and tokens[last].lower in w.prepositions
        ends = lower in w.demonstratives or (index != start and not after_preposition)
        return _Step.STOP if ends else _Step.TAKE
    if preposition:
        ends = (
            not after_noun
            or index + 1 >= hi
            or lower in w.closing_prepositions
            # after a name it opens an adverbial ("a déclaré Paul Girard à l'AFP"), after a role it
            # attaches an office ("l'adjoint au maire")
            or (lower in w.name_closing_prepositions and _is_name_word(w, tokens[last]))
        )
        return _Step.STOP if ends else _Step.TAKE
    if _postnominal(w, tokens, index, start, last):
        return _Step.TAKE  # "la Commission européenne", "l'Assemblée nationale"
    if _in_organisation_name(w, tokens, index, start, last):
        return _Step.TAKE  # "la Fondation pour le logement"
    ends = _ends_phrase(w, token, seen_name=seen_name)
    if not ends and not (token.text.islower() and lower.endswith(w.participles) and last >= start):
        return _Step.TAKE
    if after_cue and _describes_source(w, tokens, index, last, hi):
        return _Step.DESCRIBED
    # a participle ends the phrase unless it qualifies the noun after it ("another leading advocate")
    if not ends and after_cue and _premodifier(w, tokens, start, index, hi):
        return _Step.TAKE
    return _Step.STOP


def _postnominal(w: _Words, tokens: Sequence[Token], index: int, start: int, last: int) -> bool:
    """Whether the lowercase word at ``index`` is an adjective that follows the name before it, as French
    puts one after an institution's noun (``Commission européenne``, ``Conseil constitutionnel``)."""
    token = tokens[index]
    if not w.postnominal_endings or last < start or not token.text.islower():
        return False
    previous = tokens[last]
    return (
        (_is_name_word(w, previous) or _postnominal(w, tokens, last, start, last - 1))
        and token.lower.endswith(w.postnominal_endings)
        and token.lower not in w.boundary
        and token.lower not in w.lang.cue_forms
        and not _is_time_word(w, token)
    )


def _in_organisation_name(w: _Words, tokens: Sequence[Token], index: int, start: int, last: int) -> bool:
    """Whether the lowercase word at ``index`` goes on an organisation's name after its preposition and
    article (``la Fondation pour le logement``): the noun an article waits for, not a word after a name."""
    token = tokens[index]
    if not token.text.islower() or last <= start or tokens[last].lower not in w.determiners:
        return False
    # the preposition and the article apart ("pour le") or in one word ("des")
    head = last - 1 if tokens[last].lower in w.prepositions else last - 2
    return (
        head >= start
        and (head == last - 1 or tokens[last - 1].lower in w.prepositions)
        and tokens[head].lower in w.lang.org_words
        and not tokens[head].text.islower()
        and token.lower not in w.boundary
        and token.lower not in w.lang.cue_forms
        and not _is_time_word(w, token)
    )


def _ends_phrase(w: _Words, token: Token, *, seen_name: bool) -> bool:
    """Whether a word cannot go on a speaker phrase: a boundary word, a verb, a time, or after a name a
    lowercase word that is no role and no name particle (``von``)."""
    lower = token.lower
    return (
        lower in w.boundary
        or (_is_verb_like_cue(w, token) and (seen_name or not is_noun_like(w.lang, lower)))
        or _is_time_word(w, token)
        or (
            seen_name
            and token.text.islower()
            and not _is_role_word(w, token)
            and lower not in w.name_particles
        )
    )


def _after_comma(w: _Words, tokens: Sequence[Token], core: Phrase, hi: int) -> Phrase | None:
    """The phrase ``core`` with what follows its comma: in wire order the name after a
    description (``Another critic, Laurence H. Tribe, likened …``, ``…," said her mother, Karen Lowe.``), or
    a party tag or an apposition (``, R-Fla.``, ``, head of the X``); ``None`` for anything else."""
    start, last, kind = core.first, core.last, core.kind
    after = last + 1
    tail = after + 1
    while tail < hi and tail - after <= _MAX_PARENTHESIS:
        token = tokens[tail]
        if token.kind == QUOTE or (token.kind == PUNCT and token.text in ",;:!?"):
            break
        if token.text == "." and not _abbreviated(w, tokens[tail - 1]):
            break
        if token.lower in w.relatives:
            break
        tail += 1
    inner = [t for t in tokens[after + 1 : tail] if t.kind == WORD]
    if (
        _is_description(w, tokens, core)
        and (tail >= hi or tokens[tail].kind == QUOTE or tokens[tail].text in ",.;!?")
        and 0 < len(inner) <= 4
        and all(_is_name_word(w, t) and not _is_time_word(w, t) for t in inner)
    ):
        description = " ".join(t.text for t in tokens[start : last + 1])
        name_end = tokens[tail - 1].end
        return Phrase(
            start,
            tail - 1,
            tokens[start].start,
            name_end,
            NAME,
            description,
            name_end,
            inner[0].start,
        )
    if tail < hi and tokens[tail].kind == QUOTE:
        return None  # "Selon la CGT, la situation reste « … »": a clause runs on into the quotation
    extra_role = _party_or_apposition(w, tokens, after + 1, tail)
    if extra_role is None:
        return None
    if tokens[tail - 1].text == ".":
        tail -= 1
    return Phrase(
        start, tail - 1, tokens[start].start, tokens[tail - 1].end, kind, extra_role, tokens[last].end
    )


def _in_parentheses(w: _Words, tokens: Sequence[Token], core: Phrase, hi: int) -> Phrase | None:
    """The phrase ``core`` with a party tag or an apposition in parentheses after it (``Sen. Tim Kaine
    (D-Va.)``); ``None`` when none follows."""
    start, last, kind = core.first, core.last, core.kind
    after = last + 1
    close = after + 1
    while close < hi and close - after <= 6 and tokens[close].text != ")":
        close += 1
    if close >= hi or tokens[close].text != ")":
        return None
    extra_role = _party_or_apposition(w, tokens, after + 1, close)
    if extra_role is None:
        return None
    return Phrase(start, close, tokens[start].start, tokens[close].end, kind, extra_role, tokens[last].end)


def _quoted_title(w: _Words, tokens: Sequence[Token], start: int, hi: int) -> Phrase | None:
    """A publication named in quotation marks after a cue, with its article: ``schrieb die „Zeit“``,
    ``schrieb „Die Zeit“``. The phrase is the name inside the marks."""
    index = start
    article = index < hi and tokens[index].kind == WORD and tokens[index].lower in w.determiners
    if article:
        index += 1
    if index >= hi or tokens[index].kind != QUOTE:
        return None
    token = tokens[index]
    inner = token.text.strip(_QUOTE_MARKS)
    if not inner or not inner[0].isupper() or len(inner.split()) > _MAX_TITLE_WORDS:
        return None
    if not article and inner.split()[0].lower() not in w.determiners:
        return None  # a title comes with its article, outside the marks or in them ("Die Zeit")
    following = index + 1
    if (
        following < hi
        and tokens[following].kind == WORD
        and not (tokens[following].lower in w.prepositions or tokens[following].lower in w.boundary)
    ):
        # "zitiert die „Zeit“ den Minister", 'the "Medicare for all" plan': the quotation is no speaker
        return None
    begin = token.start + token.text.index(inner)
    return Phrase(index, index, begin, begin + len(inner), NAME)


def _middle_initial(w: _Words, tokens: Sequence[Token], index: int, start: int, hi: int) -> bool:
    """Whether the capital at ``index``, before a full stop, is an initial between two names
    (``Jason C. Ervin``)."""
    after = index + 2
    return (
        len(tokens[index].text) == 1
        and tokens[index].text.isupper()
        and index > start
        and _is_name_word(w, tokens[index - 1])
        and after < hi
        and _is_name_word(w, tokens[after])
    )


def _owns_next(w: _Words, tokens: Sequence[Token], index: int, hi: int) -> bool:
    """``her`` in ``said her mother``: a possessive pronoun that opens a description, not a speaker."""
    following = index + 1
    return (
        tokens[index].lower in w.possessive_pronouns
        and following < hi
        and tokens[following].kind == WORD
        and tokens[following].text.islower()
        and not _is_verb_like_cue(w, tokens[following])
    )


def possessor_before(lang: Language, tokens: Sequence[Token], index: int, lo: int) -> Phrase | None:
    """``his`` in ``his thanks``, ``Trump`` in ``Trump's tweet``: who owns the speech noun at ``index``."""
    w = _words(lang)
    owner = index - 1
    while (
        owner >= lo
        and tokens[owner].kind == WORD
        and tokens[owner].text.islower()
        and not is_owner(w.lang, tokens[owner])
        and index - owner <= 2
    ):
        owner -= 1  # "his repeated thanks", "her latest tweet"
    if owner < lo:
        return None
    token = tokens[owner]
    if token.lower in w.possessive_pronouns:
        return Phrase(owner, owner, token.start, token.end, PRONOUN)
    if _possessive(w, token):
        found = _phrase_ending(w, tokens, owner, lo)
        if found is not None:
            # the mention ends before the possessive 's (or the bare apostrophe of "Sanders'")
            cut = token.end - (1 if token.lower.endswith(w.plural_possessive) else 2)
            return Phrase(found.first, found.last, found.start, cut, found.kind)
    return None


@functools.lru_cache(maxsize=16384)
def split_name(lang: Language, text: str) -> tuple[str | None, str]:
    """Split a mention into (role, name): ``U.S. special envoy Steve Witkoff`` -> (``U.S. special envoy``,
    ``Steve Witkoff``). A mention with no name gives (the mention without its determiner, ``""``)."""
    w = _words(lang)
    linked = _linked_name(w, text) or _located_organisation(w, text)
    if linked is not None:
        return linked
    words = _words_without_determiners(w, text)
    if words and words[-1].endswith(w.singular_possessive):
        words[-1] = words[-1][:-2]
        if not words[-1]:
            words.pop()  # a possessive ending apart from its word: "Doe 's"
    elif words and words[-1].endswith(w.plural_possessive):
        words[-1] = words[-1][:-1]
    if not words:
        return None, text
    name_start = len(words)
    # an organisation's name keeps its office words: "World Health Organization", "Justice Department"
    organisation = words[-1].lower().strip(".,") in w.lang.org_words
    for i in range(len(words) - 1, -1, -1):
        word = words[i]
        bare = word.lower().rstrip(".,")
        if word[0].isupper() or word[0].isdigit():
            only_suffixes = all(n.lower().rstrip(".,") in w.generational for n in words[name_start:])
            if _names_role(w, bare) and not organisation:
                if name_start < len(words) and not only_suffixes:
                    break  # "Martin Luther King Jr." keeps "King": a title word before Jr. is a name
                if name_start == len(words):
                    continue
            name_start = i
        elif (bare in w.name_particles and name_start == i + 1) or bare in w.generational:
            name_start = i
        else:
            break
    while name_start < len(words) and words[name_start].lower() in w.name_particles:
        name_start += 1
    name_words = words[name_start:]
    if not name_words or all(n.lower().rstrip(".") in w.lang.titles for n in name_words):
        return " ".join(words), ""
    role = " ".join(words[:name_start]).strip(" ,") or None
    return role, " ".join(name_words)


def _located_organisation(w: _Words, text: str) -> tuple[str | None, str] | None:
    """(role, name) of an organisation named with where it sits: ``das Umweltministerium in Kiel`` ->
    (``in Kiel``, ``Umweltministerium``); None for anything else."""
    words = _words_without_determiners(w, text)
    at = next((i for i, word in enumerate(words) if word in w.prepositions), 0)
    place = words[at + 1 :] if at > 0 else []
    # a place of a word or three, and no office in it ("Council on American-Islamic Relations Director X")
    if not 0 < len(place) <= _MAX_PLACE_WORDS or not all(
        word[0].isupper() and not _names_role(w, word.lower().strip(".,")) for word in place
    ):
        return None
    head = words[at - 1].lower().strip(".,")
    organisation = head in w.lang.org_words or bool(
        w.lang.settings.compound_nouns and head.endswith(w.org_endings)
    )
    return (" ".join(words[at:]), " ".join(words[:at])) if organisation else None


def _words_without_determiners(w: _Words, text: str) -> list[str]:
    """The words of a mention without the determiners that open it, an elided one too (``l'Élysée``)."""
    words = text.split()
    while words and words[0].lower() in w.determiners:
        words = words[1:]
    if words:
        words[0] = _without_elision(w, words[0])
    return words


def _without_elision(w: _Words, word: str) -> str:
    """A word without the elided determiner joined to it: ``l'Élysée`` -> ``Élysée``."""
    for determiner in w.elided_determiners:
        if len(word) > len(determiner) and word[: len(determiner)].lower().replace("’", "'") == determiner:
            return word[len(determiner) :]
    return word


def is_role(lang: Language, bare: str) -> bool:
    """Whether a lowercased word is a title or a role, or where compounds are one word, ends in one
    (``verkehrsminister``, ``spd-vorsitzende``)."""
    return _names_role(_words(lang), bare)


def _names_role(w: _Words, bare: str) -> bool:
    """Whether a lowercased word is a title or a role, or where compounds are one word, ends in one
    (``verkehrsminister``, ``spd-vorsitzende``)."""
    return (
        bare in w.lang.titles
        or bare in w.lang.roles
        or bool(w.role_endings and bare.endswith(w.role_endings))
    )


def _linked_name(w: _Words, text: str) -> tuple[str | None, str] | None:
    """(role, name) of a mention whose name a link word joins to more capitalised words: one organisation
    (``the Bank of England``, ``the National Union of Teachers``), or a person and where they work
    (``Economist Fiona MacLeod of Capital Insights`` -> (``Economist, of Capital Insights``,
    ``Fiona MacLeod``)). None for anything else (``a spokesman for the campaign``, ``Secretary of State
    John Kerry``), which :func:`split_name` splits as usual."""
    words = _words_without_determiners(w, text)
    if words and words[-1].endswith(w.singular_possessive):
        words[-1] = words[-1][:-2]
    link = next((i for i, word in enumerate(words) if word in w.name_links), None)
    if link is None or link == 0 or link == len(words) - 1:
        return None
    left, right = words[:link], words[link + 1 :]
    vocabulary = w.lang
    for position, word in enumerate(right, 1):
        bare = word.lower().rstrip(".,")
        if word in w.name_links or bare in w.determiners:
            continue
        if not word[0].isupper() or (bare in vocabulary.titles and position < len(right)):
            return None  # "Bank of England Governor Andrew Bailey": the name comes after the role
    if left[-1].lower().strip(".,") in vocabulary.org_words:
        return (None, " ".join(words)) if all(word[0].isupper() for word in left) else None
    # "le ministre des Transports", "la ministre de la Santé": an office whose domain takes an article, as a
    # person's name never does, or is a place, and no name
    office = [word for word in right if word not in w.name_links and word.lower() not in w.determiners]
    article = words[link].lower() in w.determiners or right[0].lower() in w.determiners
    # or a place for a domain: "le maire de Lyon", "the mayor of London" hold an office and name no one
    place = len(office) == 1 and office[0].casefold().rstrip(".,") in vocabulary.places
    if (
        (article or place)
        and len(office) == 1
        and _names_role(w, left[-1].lower().strip(".,"))
        and not split_name(w.lang, " ".join(left))[1]
    ):
        return " ".join(words), ""
    if words[link] not in w.workplace_links:
        return None
    role, name = split_name(w.lang, " ".join(left))
    if not name or any(word.lower() in vocabulary.org_words for word in name.split()):
        return None
    where = " ".join(words[link:])
    return (f"{role}, {where}" if role else where), name


def sentence_subject(
    lang: Language, tokens: Sequence[Token], lo: int, hi: int, *, quote: int | None = None
) -> Phrase | None:
    """The phrase a sentence opens with, when a verb follows it: ``Reid has gone after Trump as a "…"``.

    Openers are skipped: words such as ``But`` or ``Maybe``, and an introductory phrase up to its comma
    (``In an August speech, Trump attacked "…"``, ``Hours later, Trump returned …``). For a quotation at
    token ``quote`` inside an introductory clause, the clause's own subject is meant (``When Trump
    finally wrapped up — "…" —, the balloons …``).
    """
    w = _words(lang)
    index = lo
    for _ in range(4):
        if index >= hi or tokens[index].kind == QUOTE:
            return None
        lower = tokens[index].lower
        phrase = None if lower in w.sentence_openers else phrase_after(w.lang, tokens, index, hi)
        subject = None if phrase is None else _with_verb_after(w, tokens, phrase, hi)
        if subject is not None:
            return subject
        window = _MAX_CLAUSE if lower in w.subordinators else _MAX_PARENTHESIS
        comma = next(
            (
                i
                for i in range(index + 1, min(hi, index + window))
                if tokens[i].kind != WORD and not (tokens[i].text == "." and _abbreviated(w, tokens[i - 1]))
            ),
            None,
        )  # the first mark that ends the opener, past "Mary J. Blige's"
        if comma is not None and _ends_with_comma(tokens[comma]) and (phrase is None or phrase.last < comma):
            participle = index + 1 < hi and _is_participle(w, tokens[index + 1])
            if quote is not None and index < quote <= comma and lower in w.subordinators and not participle:
                inner = phrase_after(w.lang, tokens, index + 1, comma)
                return (
                    inner if inner is not None and _verb_after(w, tokens, inner, comma) is not None else None
                )
            # past an introductory phrase: "With X worried about Y, Obama is …"; a participle's subject is
            # the sentence's: "After saying her foot was "so swollen," she was …"
            index = comma + 1
        elif lower in w.subordinators:
            return None  # the subject of "When he returned he began" is not the sentence's
        else:
            index += 1  # past an opening word: "Maybe he figures …"
    return None


def _with_verb_after(w: _Words, tokens: Sequence[Token], phrase: Phrase, hi: int) -> Phrase | None:
    """``phrase``, or the longest part of it, that a verb follows: the forward walk cannot tell a verb from a
    noun, so ``The article closes with …`` first reads ``The article closes``."""
    if _verb_after(w, tokens, phrase, hi) is not None:
        return phrase
    if phrase.extra_role is not None:
        return None
    for last in range(phrase.last - 1, phrase.first - 1, -1):
        kind = _classify(w, tokens, phrase.first, last)
        if kind is None:
            continue
        shorter = Phrase(phrase.first, last, phrase.start, tokens[last].end, kind)
        if _verb_after(w, tokens, shorter, hi) is not None:
            return shorter
    return None


def _ends_with_comma(token: Token) -> bool:
    """A comma, or a quotation whose last character before its closing mark is one (``"…,"``)."""
    if token.text == ",":
        return True
    return token.kind == QUOTE and without_closing_marks(token).endswith(",")


def _is_participle(w: _Words, token: Token) -> bool:
    return token.kind == WORD and token.text.islower() and token.lower.endswith(w.participles)


def _verb_after(w: _Words, tokens: Sequence[Token], phrase: Phrase, hi: int) -> int | None:
    """Where the verb after a subject phrase is: a lowercase word that is no pronoun, article or linker."""
    after = phrase.last + 1
    if after < hi and tokens[after].text == "." and _abbreviated(w, tokens[after - 1]):
        after += 1  # "Paul Ryan, R-Wis., …"
    if after < hi and tokens[after].text == "," and phrase.extra_role is not None:
        after += 1
    if after + 1 < hi and tokens[after].text == "," and tokens[after + 1].lower in w.adverbial_openers:
        # "Harry Reid (D-Nev.), in particular, has been …": past the adverbial between commas
        closing = next((i for i in range(after + 2, min(hi, after + 8)) if tokens[i].text == ","), None)
        if closing is not None:
            after = closing + 1
    skipped = _skip_forward(w, tokens, after, hi)
    if skipped > after and skipped < hi and tokens[skipped].kind == QUOTE:
        return skipped  # "America's Renewable Future is "confident that …""
    after = skipped
    if after >= hi or tokens[after].kind != WORD or not tokens[after].text.islower():
        return None
    lower = tokens[after].lower
    if (
        (lower in w.prepositions or lower in w.subordinators)
        and after + 1 < hi
        and _is_participle(w, tokens[after + 1])
    ):
        return after + 1  # "Paul Ryan, R-Wis., despite admitting that …"
    if lower in w.boundary or lower in w.prepositions or lower in w.determiners or lower in w.lang.pronouns:
        return None
    return after


def _skip_forward(w: _Words, tokens: Sequence[Token], index: int, hi: int) -> int:
    while index < hi and tokens[index].kind == WORD and _is_skippable(w, tokens[index]):
        index += 1
    return index


def is_strong_subject(lang: Language, tokens: Sequence[Token], phrase: Phrase, lo: int) -> bool:
    """Whether a phrase can be the subject of a cue word that is often a noun (``officials say``,
    ``Trump tweets``, but not ``Kim's mental state`` nor ``of Republican claims``)."""
    w = _words(lang)
    if phrase.kind == PRONOUN:
        return True
    if tokens[phrase.first].lower in w.indefinite_articles:
        return False  # "a Donald Trump tweet": a name in a description, not a speaker
    before = phrase.first - 1
    if before >= lo and (tokens[before].lower in w.prepositions or tokens[before].lower in w.determiners):
        return False
    head = tokens[phrase.last]
    if head.kind != WORD:
        head = tokens[phrase.first]
    words = w.lang
    bare = head.lower.rstrip(".")
    if head.text[0].isupper():
        return not _possessive(w, head)
    return bare in words.roles or bare in words.titles or bare in words.org_words or bare in w.source_nouns


def _people_pattern(lang: Language) -> regex.Pattern[str]:
    titles = sorted(lang.titles, key=len, reverse=True)
    alternation = "|".join(regex.escape(title[:1].upper() + title[1:]) for title in titles)
    if lang.settings.compound_nouns:
        # "Verkehrsminister Jonas Weber": a compound that ends in a title is one
        endings = "|".join(regex.escape(title) for title in titles if len(title) >= _MIN_ROLE_ENDING)
        alternation = rf"\p{{Lu}}[\p{{L}}-]*?(?:{endings})|{alternation}"
    name = r"\p{Lu}[\p{L}'’-]*+"
    # where every noun is capitalised, a sentence often opens with a determiner and a title ("Die
    # Bürgermeisterin Anna Keller"): the determiner is no given name, and the title must still be seen
    determiners = "|".join(regex.escape(word) for word in sorted(lang.grammar["determiners"]))
    no_determiner = rf"(?!(?i:{determiners})\s)" if lang.settings.capitalised_nouns else ""
    # a title and a name ("Ms. Mary Jones", "President Volodymyr Zelenskyy"), or two or three capitalised
    # words whose first may be a given name ("Mary Jones", "Georgiy Tykhyi")
    return regex.compile(
        rf"\b(?=\p{{Lu}})(?:(?P<title>{alternation})\.?\s++(?P<titled>{name}(?:\s++{name}){{0,2}})"
        rf"|{no_determiner}(?P<given>\p{{Lu}}\p{{Ll}}++)\s++(?:\p{{Lu}}\.\s++)?{name}(?:\s++{name})?)"
    )


def people_named(lang: Language, text: str, start: int, end: int) -> list[Phrase]:
    """Every person the text between ``start`` and ``end`` names with a title or a known given name.

    These are not speakers: they are the people a later ``he`` or ``she`` may refer to, and the full
    names that a surname alone may stand for.
    """
    w = _words(lang)
    given_names = w.lang.given_names
    found = []
    for match in w.people.finditer(text, start, end):
        if match["given"] is not None and match["given"].lower() not in given_names:
            continue
        first, last = match.span()
        found.append(Phrase(-1, -1, _role_start(w, text, start, first), last, NAME))
    return found


def _role_start(w: _Words, text: str, start: int, name_start: int) -> int:
    """Where the role words before a name begin: ``U.S. special envoy`` before ``Steve Witkoff``,
    ``Ukrainian foreign ministry spokesman`` before ``Georgiy Tykhyi``."""
    first = name_start
    words = w.lang
    for chunk in reversed(
        list(_ROLE_WORD.finditer(text, max(start, name_start - _MAX_ROLE_TEXT), name_start))
    ):
        word = chunk.group()
        bare = word.lower()
        if text[chunk.end() : first].strip() or not (
            _names_role(w, bare) or bare.rstrip(".") in words.titles or w.nationality.fullmatch(word)
        ):
            break  # not a role word, or punctuation between it and the rest
        first = chunk.start()
    return first


def pronoun_subject_before(lang: Language, tokens: Sequence[Token], index: int, lo: int) -> Phrase | None:
    """The nearest subject pronoun before tokens[index] in its sentence that a verb follows (``after she
    attacked … and blamed … on "…"``), not across another quotation."""
    w = _words(lang)
    for position in range(index - 1, max(lo, index - _MAX_CLAUSE) - 1, -1):
        token = tokens[position]
        if token.kind == QUOTE:
            return None
        if token.lower in w.subject_pronouns and token.lower not in w.impersonal_pronouns:
            phrase = Phrase(position, position, token.start, token.end, PRONOUN)
            return phrase if _verb_after(w, tokens, phrase, index) is not None else None
    return None


def opening_name(lang: Language, tokens: Sequence[Token], lo: int, hi: int) -> Phrase | None:
    """The name a sentence opens with (``Trump attacked Clinton.``), found cheaply: a person later
    pronouns may refer to. :func:`sentence_subject` is the thorough search, for when a quote needs it."""
    w = _words(lang)
    if lo >= hi or not _is_name_word(w, tokens[lo]):
        return None
    phrase = phrase_after(w.lang, tokens, lo, hi, allow_pronoun=False)
    return phrase if phrase is not None and phrase.kind == NAME else None


def verb_second_subject(lang: Language, tokens: Sequence[Token], lo: int, hi: int) -> Phrase | None:
    """The subject of the main clause a verb-second sentence tokens[lo:hi] opens with: the phrase before
    the finite verb (``Die Ministerin hatte den Plan als „…“ bezeichnet``), or the one right after it when
    the place before the verb holds something else (``Hier sparte der Minister nicht mit Kritik: „…“``,
    ``Den Vorwurf wies sie als „…“ zurück``). None when the sentence does not read so."""
    w = _words(lang)
    start = _clause_start(w, tokens, lo, hi)
    verb = _finite_verb(w, tokens, start, hi)
    if verb is None or _subjunctive(w, tokens[verb]):
        return None  # "Der Plan sei „…“": reported speech, whose subject is no speaker
    if verb > start + 1 and tokens[start].lower in w.focus_words:
        start += 1  # "Auch der Minister kritisierte …": the adverb belongs to the phrase after it
    if fronted_clause(lang, tokens, start, verb, hi):
        return _subject_after_verb(w, tokens, verb, hi)
    described = tokens[start].lower in w.determiners
    if tokens[start].lower in w.demonstratives:
        start += 1  # "Dieser Arzt, Antonio Noja, schilderte": the phrase goes on after the demonstrative
    subject = phrase_after(w.lang, tokens, start, verb)
    if subject is None or (subject.kind == PRONOUN and tokens[start].lower in w.impersonal_pronouns):
        return None
    stop = subject.last + 1
    if stop < verb and tokens[stop].lower in w.coordinators:
        # "Der Abgeordnete und Fraktionschef Andreas Stoch sprach": both phrases are one subject
        other = phrase_after(w.lang, tokens, stop + 1, verb)
        if other is None or other.kind == PRONOUN:
            return None
        kind = NAME if NAME in (subject.kind, other.kind) else subject.kind
        subject = Phrase(subject.first, other.last, subject.start, other.end, kind)
        stop = subject.last + 1
    if stop >= verb:
        return subject
    if tokens[stop].text != "," and (
        tokens[stop].lower not in w.determiners | w.prepositions
        or any(_is_time_word(w, token) for token in tokens[stop:verb])
    ):
        # the phrase stops short of the verb, not at a genitive or a place of its own ("Das Komitee in
        # Oslo würdigte"), or before a time ("X im Dezember hatte"): something else opens the clause
        return None
    if described:
        # "Der Leiter der Studie, Paul Berger, sieht": the name set off by commas names the one described
        comma = next((i for i in range(stop, verb) if tokens[i].text == ","), None)
        named = None if comma is None else phrase_after(w.lang, tokens, comma + 1, verb, allow_pronoun=False)
        if named is not None and named.kind == NAME and named.last + 2 == verb:
            return named
    return subject


def impersonal_source(lang: Language, tokens: Sequence[Token], lo: int, hi: int) -> Phrase | None:
    """The source of an impersonal report in the sentence tokens[lo:hi] (``In dem Antrag heißt es: „…“``,
    ``„…“, hieß es aus dem Ministerium``): the phrase after the first source preposition, when a verb of
    impersonal report stands next to an impersonal pronoun."""
    w = _words(lang)
    reported = any(
        tokens[i].lower in w.impersonal_cues
        and any(tokens[j].lower in w.impersonal_pronouns for j in range(max(lo, i - 2), min(hi, i + 2)))
        for i in range(lo, hi)
    )
    if not reported:
        return None
    for index in range(lo, hi - 1):
        if tokens[index].lower in w.source_prepositions and tokens[index].kind == WORD:
            phrase = phrase_after(w.lang, tokens, index + 1, hi, allow_pronoun=False)
            if phrase is not None:
                return phrase
    return None


def opinion_source(lang: Language, tokens: Sequence[Token], lo: int, hi: int) -> Phrase | None:
    """Whose view a verb-second sentence tokens[lo:hi] states without a cue: the phrase after an opening
    opinion preposition before a copula (``Für den Minister ist die Lage „ernst“``) or around an opinion
    noun (``Nach Angaben der Polizei war …``), or the agent of a passive (``Seine Werke werden von Kritikern
    als „…“ bezeichnet``)."""
    w = _words(lang)
    start = _clause_start(w, tokens, lo, hi)
    verb = _finite_verb(w, tokens, start, hi)
    if verb is None or start + 1 >= verb:
        return None
    opener = tokens[start].lower
    if opener in w.opinion_prepositions:
        phrase = phrase_after(w.lang, tokens, start + 1, verb, allow_pronoun=False)
        if phrase is None:
            return None
        if tokens[verb].lower in w.copulas:
            return phrase  # "Für den Minister ist die Lage „ernst“"
        nouns = [t.lower for t in tokens[phrase.first : phrase.last + 1]]
        if any(noun in w.opinion_nouns for noun in nouns):
            return phrase  # "Nach Angaben der Polizei war der Fahrer „zu schnell“"
        return None
    if tokens[verb].lower in w.lang.grammar["passive_auxiliaries"]:
        for index in range(verb + 1, hi - 1):
            if tokens[index].kind != WORD:
                return None
            if tokens[index].lower in w.agent_prepositions:
                return phrase_after(w.lang, tokens, index + 1, hi, allow_pronoun=False)
    return None


def opinion_opening(lang: Language, tokens: Sequence[Token], lo: int, hi: int) -> Phrase | None:
    """Whose view a sentence tokens[lo:hi] states when it opens with an opinion preposition, a name and a
    comma (``Pour Claire Martin, la mesure est « une erreur »``): the order of a language whose subject
    keeps its place before the verb."""
    w = _words(lang)
    if hi - lo < 3 or tokens[lo].lower not in w.opinion_prepositions:
        return None
    phrase = phrase_after(lang, tokens, lo + 1, hi, allow_pronoun=False)
    if phrase is None or phrase.kind != NAME or phrase.last + 1 >= hi or tokens[phrase.last + 1].text != ",":
        return None
    return phrase


def main_verb(lang: Language, tokens: Sequence[Token], lo: int, hi: int) -> int | None:
    """Where the finite verb of the verb-second main clause that opens tokens[lo:hi] is, if it can be told."""
    w = _words(lang)
    return _finite_verb(w, tokens, _clause_start(w, tokens, lo, hi), hi)


def clause_start(lang: Language, tokens: Sequence[Token], lo: int, hi: int) -> int:
    """Where the main clause that opens tokens[lo:hi] starts: past the conjunctions that join it to the one
    before (``und``, ``aber``), which take no place before a verb-second verb."""
    return _clause_start(_words(lang), tokens, lo, hi)


def _clause_start(w: _Words, tokens: Sequence[Token], lo: int, hi: int) -> int:
    start = lo
    while start < hi and tokens[start].lower in w.clause_links:
        start += 1
    return start


def fronted_clause(
    lang: Language, tokens: Sequence[Token], start: int, verb: int, hi: int, *, persons: bool = True
) -> bool:
    """Whether, in a verb-second clause from tokens[start] whose finite verb is at ``verb``, the place
    before the verb holds something other than the subject, so that the subject follows the verb: a
    prepositional or adverbial phrase, an object, anything before a personal pronoun (``Deren Haltung
    nannte er „…“``), or, with ``persons``, anything but a person before a person (``Der Zeitung sagte
    Ministerin Eva Lind``)."""
    w = _words(lang)
    if (
        verb > start + 1
        and tokens[start].lower in w.focus_words
        and not _fronted_opening(w, tokens, start + 1, verb)
    ):
        return False  # "Auch der Minister sagte": the adverb belongs to the subject after it
    if _fronted_opening(w, tokens, start, verb):
        return True
    subject = _subject_after_verb(w, tokens, verb, hi)
    if subject is None:
        return False
    if subject.kind != PRONOUN:
        # "Der Zeitung sagte Ministerin Eva Lind: „…“": a person after the verb, and none before it; not
        # after a copula ("Das ist Eva Lind"), nor where the caller reads that phrase as an object
        return (
            persons
            and tokens[verb].lower not in w.copulas
            and _personal(w, tokens, subject.first, subject.last)
            and not _personal(w, tokens, start, verb - 1)
        )
    if tokens[subject.first].lower in w.impersonal_pronouns:
        return False
    # "Der Geschäftsführer nannte sie „…“": after a noun phrase, a pronoun that may be an object is one
    return tokens[subject.first].lower not in w.object_pronouns or tokens[start].lower not in w.determiners


def names_person(lang: Language, tokens: Sequence[Token], phrase: Phrase) -> bool:
    """Whether a phrase names a person: a personal pronoun, or a title, a role or a known given name in it."""
    w = _words(lang)
    if phrase.kind == PRONOUN:
        return tokens[phrase.first].lower not in w.impersonal_pronouns
    return _personal(w, tokens, phrase.first, phrase.last)


def _personal(w: _Words, tokens: Sequence[Token], first: int, last: int) -> bool:
    """Whether tokens[first:last + 1] name a person: a title or a role (``Ministerin``, ``SPD-Vorsitzende``),
    or a known given name before another capitalised word."""
    for index in range(first, last + 1):
        token = tokens[index]
        if token.kind != WORD or not token.text[0].isupper():
            continue
        if _names_role(w, token.lower.rstrip(".")):
            return True
        following = tokens[index + 1] if index + 1 <= last else None
        if (
            token.lower in w.lang.given_names
            and following is not None
            and following.kind == WORD
            and following.text[0].isupper()
        ):
            return True
    return False


def _subject_after_verb(w: _Words, tokens: Sequence[Token], verb: int, hi: int) -> Phrase | None:
    """The phrase after a finite verb, past reflexives and adverbs, unless an object comes first."""
    after = verb + 1
    reflexives = w.lang.grammar["reflexives"]
    while after < hi and (tokens[after].lower in reflexives or _is_skippable(w, tokens[after])):
        after += 1
    if after < hi and tokens[after].lower in w.oblique_determiners:
        return None  # an object first: "Dem Minister warf die Opposition vor"
    phrase = phrase_after(w.lang, tokens, after, hi, after_cue=True)
    if phrase is None or phrase.last + 1 >= hi or tokens[phrase.last + 1].lower not in w.determiners:
        return phrase
    # "hat sich die Vorsitzende des Verbands, Karin Brand, …": the name in commas after the genitive
    comma = next(
        (i for i in range(phrase.last + 1, min(hi, phrase.last + _MAX_PHRASE)) if tokens[i].text == ","), None
    )
    named = None if comma is None else phrase_after(w.lang, tokens, comma + 1, hi, allow_pronoun=False)
    if (
        named is not None
        and named.kind == NAME
        and named.last + 1 < hi
        and tokens[named.last + 1].text == ","
    ):
        return named
    return phrase


def _fronted_opening(w: _Words, tokens: Sequence[Token], start: int, verb: int) -> bool:
    """Whether the place before the finite verb holds no subject: a prepositional or adverbial phrase, a
    subordinate clause, an object (``Den Vorwurf``), an adverb the article also writes in lowercase
    (``Hier``, ``So``) or a demonstrative standing alone (``Das musste X einräumen``)."""
    first = tokens[start]
    lower = first.lower
    if lower in w.adverbial_openers or lower in w.subordinators or lower in w.skippable:
        return True
    if lower in w.time_words or lower in w.oblique_determiners:
        return True
    if (
        lower in w.oblique_before_en
        and verb > start + 2
        and tokens[start + 1].text.islower()
        and tokens[start + 1].lower.endswith(w.weak_adjective_endings)
        and tokens[start + 2].text[:1].isupper()
    ):
        return True  # "Der englischsprachigen Zeitung sagte X": a dative, not a subject
    if lower in w.subject_pronouns:
        return False
    if verb == start + 1 and lower.endswith(w.present_participle):
        return True  # "Relativierend fügt er hinzu": an adverb made of a participle
    if verb == start + 1 and lower in w.determiners:
        # "Das musste X einräumen": the demonstrative is the object; "Das ist X" says what it is
        return tokens[verb].lower not in w.copulas
    return verb == start + 1 and first.common


def is_subjunctive(lang: Language, token: Token) -> bool:
    """Whether a finite verb is in the subjunctive of reported speech (``sei``, ``habe``, ``erinnere``)."""
    return _subjunctive(_words(lang), token)


def _subjunctive(w: _Words, token: Token) -> bool:
    """Whether a finite verb is in the subjunctive of reported speech (``sei``, ``habe``, ``komme``)."""
    lower = token.lower
    if lower in w.subjunctives:
        return True
    return (
        bool(w.subjunctive_endings)
        and lower.endswith(w.subjunctive_endings)
        and not lower.endswith(w.past_tense_endings)
        and lower not in w.indicative_e
    )


def _finite_verb(w: _Words, tokens: Sequence[Token], start: int, hi: int) -> int | None:
    """Where the finite verb of a verb-second main clause is: the first lowercase word that is no part of
    the phrase before it, past an apposition or relative clause between commas (``Der Leiter der Studie,
    Paul Berger, sieht``) and past an opening subordinate clause (``Als sie ankam, sagte …``)."""
    index = start
    if index < hi and tokens[index].lower in w.subordinators and tokens[index].lower not in w.prepositions:
        limit = min(hi, index + _MAX_CLAUSE)
        comma = next((i for i in range(index + 1, limit) if tokens[i].text == ","), None)
        if comma is not None and comma + 1 < hi:
            return comma + 1 if _verb_candidate(w, tokens[comma + 1]) else None
        # no clause of its own: "Als „Geschenk“ bezeichnet sie den Fund" opens with a phrase
    noun_seen = True  # a phrase whose determiner or preposition still waits for its noun takes adjectives
    while index < hi and index - start < _MAX_CLAUSE:
        token = tokens[index]
        lower = token.lower
        if token.kind == PUNCT:
            if token.text == "." and index > start and _abbreviated(w, tokens[index - 1]):
                index += 1  # "Dr. Heino Stoever"
                continue
            if token.text not in ",()":
                return None
            following = index + 1
            if token.text == "," and following < hi and _verb_candidate(w, tokens[following]):
                return following  # "Der Leiter der Studie, Paul Berger, sieht"
            closing = ")" if token.text == "(" else ","
            end = next(
                (i for i in range(following, min(hi, index + _MAX_PARENTHESIS)) if tokens[i].text == closing),
                None,
            )
            if end is None:
                return None
            index = end if closing == "," else end + 1
            noun_seen = True
            continue
        if token.kind == QUOTE:
            noun_seen = True  # a quotation stands for a noun: "Von „Täuschung“ sprechen Medien"
        elif (
            index == start + 1
            and tokens[start].lower in w.determiners
            and (lower in w.auxiliaries or lower in w.lang.cue_forms)
        ):
            return index  # a demonstrative alone: "Das musste der Minister einräumen"
        elif lower in w.determiners or lower in w.prepositions or lower in w.numbers:
            noun_seen = False
        elif lower in w.subordinators and index == start:
            noun_seen = False  # "Als „Geschenk“ bezeichnet …": a comparison, not a clause
        elif not token.text.islower():
            noun_seen = True
        elif index > start and noun_seen and _verb_candidate(w, token):
            return index
        index += 1
    return None


def _verb_candidate(w: _Words, token: Token) -> bool:
    """A lowercase word that may be a finite verb: no article, preposition, pronoun, conjunction or name
    particle."""
    lower = token.lower
    return (
        token.kind == WORD
        and token.text.islower()
        and lower not in w.name_particles
        and lower not in w.subject_pronouns
        and lower not in w.relatives
        and lower not in w.determiners
        and lower not in w.prepositions
        and lower not in w.coordinators
        and lower not in w.clause_links
        and lower not in w.subordinators
        # "dass", "nicht": words that end a phrase but are no verb (the auxiliaries and cues among them are)
        and (lower not in w.boundary or lower in w.auxiliaries or lower in w.lang.cue_forms)
    )

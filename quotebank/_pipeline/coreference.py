"""Stage 4: speaker phrases to speakers, within one article.

Names are clustered into people: ``U.S. special envoy Steve Witkoff``, ``Steve Witkoff`` and ``Witkoff`` are
one speaker (surname agreement, given names that do not conflict), and spelling variants of a surname merge
(``Zelensky`` / ``Zelenskyy``: a small edit distance on long names). The canonical name is the fullest form;
titles and descriptions go to the role. A role alone (``US special envoy``) names the person who holds it.
Pronouns take the most recent compatible person; descriptions (``a source``, ``the statement``) become
speakers of their own.
"""

from __future__ import annotations

import bisect
import functools
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Generic, TypeVar

import attrs
import regex

from quotebank._pipeline.gender import gender_evidence, name_gender, pronoun_gender, word_gender
from quotebank._pipeline.language import Language
from quotebank._pipeline.names import (
    NAME,
    PRONOUN,
    Phrase,
    is_role,
    nationality_pattern,
    split_name,
    without_nicknames,
)
from quotebank.values import Gender, GenderEvidence, Speaker, SpeakerKind

__all__ = ["SurnameIndex", "fold", "given_names_match", "resolve_speakers", "surnames_match"]

T = TypeVar("T")
# letters that Unicode does not decompose into a base letter and an accent
_UNDECOMPOSED = str.maketrans(
    {"ł": "l", "ø": "o", "đ": "d", "ð": "d", "ı": "i", "þ": "th", "ħ": "h", "æ": "ae", "œ": "oe", "ß": "ss"}
)
# how many mentions a pronoun or a role looks back over: enough for any article, and keeps the scan bounded
_LOOKBACK = 50
_EITHER_GENDER = "u"  # the mark given_names.txt gives a name either gender carries
# how far back (in characters) a he or she with no named antecedent looks for an unnamed source
_DESCRIPTION_WINDOW = 600


@attrs.frozen
class _Words:
    """What this module reads of one language, derived once per :class:`Language` (see :func:`_words`)."""

    lang: Language
    generational: frozenset[str]
    person_pronouns: dict[str, Gender]
    """he/him/his name a man, she/her a woman, from the language's pronouns.txt."""
    plural_pronouns: frozenset[str]
    group_pronouns: frozenset[str]
    """they/them/their/it/its: a body."""
    name_links: frozenset[str]
    source_nouns: frozenset[str]
    epithet_determiners: frozenset[str]
    age_endings: tuple[str, ...]
    demonyms: frozenset[str]
    nationality: regex.Pattern[str]
    """A capitalised word with a nationality's ending (``Ukrainian``)."""
    clitic_possessives: tuple[str, ...]
    """Possessive endings set off by an apostrophe (``'s``), which a name loses before it is compared."""


@functools.cache
def _words(lang: Language) -> _Words:
    grammar, pronouns = lang.grammar, lang.pronouns
    return _Words(
        lang=lang,
        generational=grammar["generational"],
        person_pronouns={
            word: gender
            for word in pronouns
            if (gender := pronoun_gender(lang, word)) in (Gender.MALE, Gender.FEMALE)
        },
        plural_pronouns=frozenset(
            word for word, p in pronouns.items() if p.number == "plural" and p.person == 3
        ),
        group_pronouns=frozenset(word for word, p in pronouns.items() if p.gender == "any" and p.person == 3),
        name_links=grammar["name_links"],
        source_nouns=grammar["source_nouns"],
        epithet_determiners=grammar["epithet_determiners"],
        age_endings=tuple(grammar["age_endings"]),
        demonyms=grammar["demonyms"],
        nationality=nationality_pattern(lang),
        clitic_possessives=tuple(
            ending.replace("’", "'")
            for ending in grammar["possessive_endings"]
            if ending[0] in "'’" and len(ending) > 1
        ),
    )


@functools.lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """Lowercase, without accents, final full stop or apostrophes: ``Zełenski.`` -> ``zelenski``,
    ``Sanders'`` -> ``sanders`` (see :func:`_fold_name` for the possessive of a language)."""
    word = word.strip(".,").replace("’", "'").rstrip("'")
    decomposed = unicodedata.normalize("NFKD", word.casefold().translate(_UNDECOMPOSED))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance, or ``limit + 1`` as soon as it must exceed ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def surnames_match(a: str, b: str) -> bool:
    """Whether two folded surnames are one name spelled two ways (``zelensky`` / ``zelenskyy``)."""
    if a == b:
        return True
    if min(len(a), len(b)) < 5 or a[0] != b[0]:
        return False
    return _distance(a, b, 1 if max(len(a), len(b)) < 8 else 2) <= (1 if max(len(a), len(b)) < 8 else 2)


def given_names_match(a: str, b: str, nicknames: Mapping[str, frozenset[str]]) -> bool:
    """Whether two folded given names may belong to one person (initials, prefixes, nicknames)."""
    if a == b or surnames_match(a, b):
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    if min(len(a), len(b)) >= 3 and (a.startswith(b) or b.startswith(a)):
        return True
    return b in nicknames.get(a, frozenset())


@attrs.define
class _Entity:
    """A person or body being built up from its mentions."""

    surname: str
    given: tuple[str, ...]
    name: str
    roles: list[str] = attrs.Factory(list)
    extra_roles: list[str] = attrs.Factory(list)
    aliases: dict[str, None] = attrs.Factory(dict)
    positions: list[int] = attrs.Factory(list)
    offices: set[str] = attrs.Factory(set)
    """The office word of each role (``envoy`` for ``U.S. special envoy``)."""
    anchors: list[int] = attrs.Factory(list)
    """Where the full name (given name and surname) is written, in text order."""
    gender: Gender | None = None
    """The gender pronoun resolution goes by: from the roles' words, else the given name, else the first
    he or she resolved to this entity."""
    pronouns: list[str] = attrs.Factory(list)
    """The pronouns resolved to this entity, as written: evidence of a person's gender."""
    kind: SpeakerKind = SpeakerKind.UNKNOWN
    speaker: Speaker | None = None

    def absorb(self, mention: _Named) -> None:
        if len(mention.words) > len(self.name.split()):
            self.name, self.given = mention.name, mention.given
        if mention.role:
            self.add_role(mention.role)
        if mention.extra_role:
            self.extra_roles.append(mention.extra_role)
        self.aliases.setdefault(mention.name)
        self.aliases.setdefault(mention.surface)
        self.positions.append(mention.position)

    def add_role(self, role: str) -> None:
        self.roles.append(role)
        self.offices.add(_office(role))

    def freeze(self, lang: Language) -> Speaker:
        if self.speaker is None:
            role = max(self.roles, key=lambda r: len(r.split()), default=None)
            extra = self.extra_roles[0] if self.extra_roles else None
            full_role = ", ".join(part for part in (role, extra) if part) or None
            evidence: tuple[GenderEvidence, ...] = ()
            if self.kind is SpeakerKind.PERSON:
                evidence = gender_evidence(
                    lang,
                    pronouns=self.pronouns,
                    role_words=[word for role in (*self.roles, *self.extra_roles) for word in role.split()],
                    given=self.given[0] if self.given else None,
                    given_as_written=self.name.split()[0] if self.given else None,
                )
            self.speaker = Speaker(self.name, full_role, tuple(self.aliases), self.kind, evidence)
        return self.speaker


@attrs.frozen
class _Named:
    """One named mention: ``U.S. special envoy Steve Witkoff`` at some position."""

    phrase: Phrase
    position: int
    surface: str
    role: str | None
    name: str
    words: tuple[str, ...]
    extra_role: str | None
    surname: str
    """The folded surname, without Jr., Sr., III."""
    given: tuple[str, ...]
    """The folded given names and initials."""


def _fold_name(w: _Words, word: str) -> str:
    """A word of a name folded, without the language's possessive: ``Zelenskyy's`` -> ``zelenskyy``."""
    if "'" in word or "’" in word:  # most words have no apostrophe: folded at once, from fold's cache
        straight = word.replace("’", "'")
        for ending in w.clitic_possessives:
            if straight.endswith(ending):
                return fold(word[: -len(ending)])
    return fold(word)


def _named(w: _Words, phrase: Phrase, surface: str, role: str | None, name: str) -> _Named:
    words = tuple(name.split())
    folded = [_fold_name(w, word) for word in words]
    while len(folded) > 1 and folded[-1] in w.generational:
        folded.pop()
    return _Named(
        phrase, phrase.start, surface, role, name, words, phrase.extra_role, folded[-1], tuple(folded[:-1])
    )


def resolve_speakers(lang: Language, text: str, phrases: Iterable[Phrase]) -> dict[Phrase, Speaker]:
    """The speaker each phrase names; a phrase naming nobody (a pronoun with no antecedent) is left out."""
    w = _words(lang)
    given = set(phrases)
    given.update([p.antecedent for p in given if p.antecedent is not None])
    sorted_out = _sort_phrases(w, text, sorted(given, key=lambda p: (p.start, p.end)))
    owner: dict[Phrase, _Entity] = {}
    timeline: list[tuple[int, _Entity]] = []
    for mention, entity in _cluster(w, sorted_out.named):
        owner[mention.phrase] = entity
        timeline.append((mention.position, entity))
    timeline.sort(key=lambda item: item[0])
    people = _Timeline(timeline, [position for position, _entity in timeline])
    descriptions = sorted_out.descriptions
    for phrase, role in sorted_out.roles_only:
        holder = _role_holder(w, role, phrase.start, people.entities, people.starts)
        if holder is None:
            descriptions.append(phrase)
            continue
        holder.aliases.setdefault(text[phrase.start : phrase.core_end])
        holder.add_role(role)
        owner[phrase] = holder
    for phrase in sorted_out.epithets:
        referent = _last_person(phrase.start, people.entities, people.starts)
        if referent is None:
            descriptions.append(phrase)
            continue
        referent.aliases.setdefault(text[phrase.start : phrase.core_end])
        owner[phrase] = referent
    pronouns = sorted_out.pronouns
    singular = _pronoun_antecedents(w, text, pronouns, people, owner)
    described = _descriptions(w, text, descriptions)
    result: dict[Phrase, Speaker] = dict(described)
    _described_antecedents(w, text, pronouns, described, singular=singular, result=result, owner=owner)
    # freeze only now, when every alias and every pronoun's evidence is in
    result.update((phrase, entity.freeze(w.lang)) for phrase, entity in owner.items())
    for phrase in pronouns:
        if phrase.antecedent is not None and phrase.antecedent in result:
            result[phrase] = result[phrase.antecedent]
    return result


@attrs.frozen
class _SortedPhrases:
    """An article's speaker phrases by how each is resolved."""

    named: list[_Named]
    roles_only: list[tuple[Phrase, str]]
    """An office without a name (``the foreign minister``), with the office: its holder is looked for."""
    pronouns: list[Phrase]
    descriptions: list[Phrase]
    epithets: list[Phrase]
    """``the Spaniard``, ``the 31-year-old``: the person just named."""


def _sort_phrases(w: _Words, text: str, unique: Sequence[Phrase]) -> _SortedPhrases:
    found = _SortedPhrases([], [], [], [], [])
    for phrase in unique:
        if phrase.kind == PRONOUN:
            found.pronouns.append(phrase)
            continue
        core = without_nicknames(text[phrase.core_start : phrase.core_end])
        if _is_epithet(w, core):
            found.epithets.append(phrase)
            continue
        role, name = split_name(w.lang, core)
        if phrase.kind == NAME and name:
            found.named.append(_named(w, phrase, core, role, name))
        elif role and _holds_office(w, role):
            found.roles_only.append((phrase, role))
        else:
            found.descriptions.append(phrase)
    return found


@attrs.frozen
class _Timeline:
    """The people of an article by where each is mentioned, in text order."""

    entities: list[tuple[int, _Entity]]
    starts: list[int]


def _pronoun_antecedents(
    w: _Words, text: str, pronouns: Sequence[Phrase], people: _Timeline, owner: dict[Phrase, _Entity]
) -> dict[Phrase, tuple[int, _Entity]]:
    """Give each personal pronoun its antecedent in ``owner``; return the plural pronouns that stand for one
    person (singular ``they``) with that person."""
    singular: dict[Phrase, tuple[int, _Entity]] = {}
    for phrase in pronouns:
        if phrase.antecedent is not None:
            continue  # a relative pronoun: its antecedent names the speaker
        pronoun = text[phrase.start : phrase.end].lower()
        antecedent = _antecedent(w, pronoun, phrase.start, people.entities, people.starts)
        if antecedent is not None:
            owner[phrase] = antecedent
            antecedent.pronouns.append(text[phrase.start : phrase.end])
        elif pronoun in w.plural_pronouns:
            person = _singular_they(w, phrase.start, people.entities, people.starts)
            if person is not None:
                singular[phrase] = person
    return singular


def _described_antecedents(
    w: _Words,
    text: str,
    pronouns: Sequence[Phrase],
    described: dict[Phrase, Speaker],
    *,
    singular: dict[Phrase, tuple[int, _Entity]],
    result: dict[Phrase, Speaker],
    owner: dict[Phrase, _Entity],
) -> None:
    """A pronoun that names nobody refers to the nearest source described before it, if one is close:
    ``he`` and ``she`` to an unnamed person (``a senior official, who spoke on condition of anonymity, said …
    "…," he said``), ``it`` to an organisation, ``they`` to either (into ``result``), or to the person in
    ``singular`` (singular they) when that person is nearer (into ``owner``)."""
    sources = sorted(
        ((phrase.start, speaker) for phrase, speaker in described.items()),
        key=lambda item: item[0],
    )
    starts = [start for start, _speaker in sources]
    for phrase in pronouns:
        if phrase in result or phrase in owner or phrase.antecedent is not None:
            continue
        pronoun = text[phrase.start : phrase.end].lower()
        if pronoun in w.person_pronouns:
            kinds = {SpeakerKind.UNNAMED}
        elif pronoun in w.plural_pronouns:
            kinds = {SpeakerKind.UNNAMED, SpeakerKind.ORGANISATION}
        elif pronoun in w.group_pronouns:
            kinds = {SpeakerKind.ORGANISATION}
        else:
            continue
        found = None
        index = bisect.bisect_left(starts, phrase.start) - 1
        while index >= 0 and phrase.start - starts[index] <= _DESCRIPTION_WINDOW:
            if sources[index][1].kind in kinds:
                found = sources[index]
                break
            index -= 1
        person = singular.get(phrase)
        if person is not None and (found is None or person[0] > found[0]):
            owner[phrase] = person[1]
            person[1].pronouns.append(text[phrase.start : phrase.end])
        elif found is not None:
            result[phrase] = found[1]


def _is_epithet(w: _Words, core: str) -> bool:
    """Whether a phrase refers back to a person by nationality or age: ``the Spaniard``, ``the
    45-year-old``."""
    words = core.split()
    if len(words) != 2 or words[0].lower() not in w.epithet_determiners:
        return False
    word, lower = words[1], words[1].lower()
    if lower.endswith(w.age_endings) or (word[0].isupper() and lower in w.demonyms):
        return True
    # a place or a body with the same ending ("the Vatican", "the Taliban") is no nationality
    return (
        w.nationality.fullmatch(word) is not None
        and lower not in w.lang.places
        and lower not in w.lang.org_words
    )


def _last_person(
    position: int, timeline: Sequence[tuple[int, _Entity]], starts: Sequence[int]
) -> _Entity | None:
    """The person named last before ``position``, if that is no more than a few paragraphs back."""
    here = bisect.bisect_left(starts, position)
    for index in range(here - 1, max(-1, here - 1 - _LOOKBACK), -1):
        latest_position, entity = timeline[index]
        if position - latest_position > _DESCRIPTION_WINDOW:
            return None
        if entity.kind is not SpeakerKind.ORGANISATION:
            return entity
    return None


def _singular_they(
    w: _Words, position: int, timeline: Sequence[tuple[int, _Entity]], starts: Sequence[int]
) -> tuple[int, _Entity] | None:
    """The last person named before ``position``, when their given name is one either gender carries (a
    surname alone, or a known man's or woman's name, says nothing of a singular they)."""
    here = bisect.bisect_left(starts, position)
    if here == 0:
        return None
    latest_position, latest = timeline[here - 1]
    if (
        latest.kind is SpeakerKind.PERSON
        and latest.gender is None
        and latest.given
        and w.lang.given_names.get(latest.given[0]) == _EITHER_GENDER
    ):
        return latest_position, latest
    return None


def _holds_office(w: _Words, role: str) -> bool:
    """Whether a role-only mention names an office someone holds (``US special envoy``, ``the president``)."""
    return is_role(w.lang, role.rsplit(maxsplit=1)[-1].lower())


def _cluster(w: _Words, named: Sequence[_Named]) -> list[tuple[_Named, _Entity]]:
    """Group named mentions into entities: full names first, then single words onto them."""
    clusterer = _Clusterer(w)
    assigned = clusterer.full_names(named)
    clusterer.single_words(named, assigned)
    for entity in clusterer.entities:
        entity.kind, entity.gender = _kind_and_gender(w, entity, w.lang.org_words, w.lang.given_names)
    return [(mention, assigned[i]) for i, mention in enumerate(named)]


class _Clusterer:
    """The entities of one article as they are made, found by surname."""

    __slots__ = ("entities", "found", "index", "w")

    def __init__(self, w: _Words) -> None:
        self.w = w
        self.entities: list[_Entity] = []
        """In the order they were made: every full name before any single word."""
        self.index: SurnameIndex[_Entity] = SurnameIndex()
        self.found: dict[str, list[_Entity]] = {}
        """What the index gave for a surname, until the index changes."""

    def create(self, mention: _Named) -> _Entity:
        entity = _Entity(surname=mention.surname, given=mention.given, name=mention.name)
        self.index.add(entity, entity.surname)
        self.found.clear()
        self.entities.append(entity)
        return entity

    def similar(self, surname: str) -> list[_Entity]:
        if surname not in self.found:
            self.found[surname] = self.index.find(surname)
        return self.found[surname]

    def full_names(self, named: Sequence[_Named]) -> dict[int, _Entity]:
        """The entity of each mention with a given name, by its place in ``named``."""
        nicknames = self.w.lang.nicknames
        assigned: dict[int, _Entity] = {}
        # a name written again is the person it was the first time (most names of an article recur)
        by_full_name: dict[tuple[str, tuple[str, ...]], _Entity] = {}
        for i, mention in enumerate(named):
            if len(mention.given) == 0:
                continue
            key = (mention.surname, mention.given)
            match = by_full_name.get(key)
            if match is None:
                match = next(
                    (
                        e
                        for e in self.similar(mention.surname)
                        if e.given and given_names_match(e.given[0], mention.given[0], nicknames)
                    ),
                    None,
                ) or self.create(mention)
            by_full_name[key] = match
            match.absorb(mention)
            match.anchors.append(mention.position)
            assigned[i] = match
        return assigned

    def single_words(self, named: Sequence[_Named], assigned: dict[int, _Entity]) -> None:
        """Put each mention of one word (a surname, or a given name alone) on the person it names, or on an
        entity of its own, in ``assigned``."""
        given_index: dict[str, list[_Entity]] = {}
        for entity in self.entities:
            given_index.setdefault(entity.given[0], []).append(entity)
        for i, mention in enumerate(named):
            if i in assigned:
                continue
            shown = _role_gender(self.w.lang, [mention.role] if mention.role else [])
            match = self._single_match(mention, shown, given_index) or self.create(mention)
            match.absorb(mention)
            assigned[i] = match

    def _single_match(
        self, mention: _Named, shown: Gender | None, given_index: dict[str, list[_Entity]]
    ) -> _Entity | None:
        lang, surname = self.w.lang, mention.surname

        def fits(entity: _Entity) -> bool:
            # 'Mr. Clinton' is not Hillary Clinton: a surname under an honorific joins a person of its gender
            return shown is None or _entity_gender(lang, entity) in (None, shown)

        candidates = [e for e in self.similar(surname) if e.given and fits(e)]
        if not candidates and len(surname) > 2:
            candidates = [e for e in given_index.get(surname, []) if e.given and fits(e)]
        if len(candidates) > 1:
            return _nearest(candidates, mention.position)
        if not candidates:
            candidates = [e for e in self.similar(surname) if not e.given and fits(e)]
        return candidates[0] if candidates else None


def _nearest(entities: Sequence[_Entity], position: int) -> _Entity:
    """The entity whose full name was written last before ``position`` (or first after it)."""

    def distance(entity: _Entity) -> tuple[int, int]:
        here = bisect.bisect_right(entity.anchors, position)
        if here:
            return 0, position - entity.anchors[here - 1]
        return 1, entity.anchors[0] - position

    return min(entities, key=distance)


@functools.lru_cache(maxsize=65536)
def _deletions(word: str) -> frozenset[str]:
    """``word`` and every string one deletion away (two for long words): keys of the surname index."""
    keys = {word}
    frontier = {word}
    for _ in range(2 if len(word) >= 8 else 1):
        frontier = {w[:i] + w[i + 1 :] for w in frontier for i in range(len(w))}
        keys |= frontier
    return frozenset(keys)


class SurnameIndex(Generic[T]):
    """Finds the items whose surname :func:`surnames_match` a given one without comparing all pairs
    (a symmetric-deletion index: two words within edit distance k share a key with at most k deletions).
    Used within an article (entities) and across a bank (name forms)."""

    def __init__(self) -> None:
        self._items: list[tuple[T, str]] = []
        self._by_key: dict[str, list[int]] = {}

    def add(self, item: T, surname: str) -> None:
        """Index ``item`` under the folded ``surname``."""
        self._items.append((item, surname))
        for key in _deletions(surname):
            self._by_key.setdefault(key, []).append(len(self._items) - 1)

    def find(self, surname: str) -> list[T]:
        """The items whose surname matches the folded ``surname``, in the order they were added."""
        positions: set[int] = set()
        for key in _deletions(surname):
            positions.update(self._by_key.get(key, ()))
        found = (self._items[position] for position in sorted(positions))
        return [item for item, theirs in found if surnames_match(theirs, surname)]


def _kind_and_gender(
    w: _Words, entity: _Entity, org_words: frozenset[str], given_names: dict[str, str]
) -> tuple[SpeakerKind, Gender | None]:
    name_words = [_fold_name(w, word) for word in entity.name.split()]
    if any(word in org_words for word in name_words) or entity.name.casefold() in w.lang.places:
        return SpeakerKind.ORGANISATION, None  # a country or a city speaks for its government
    role_words = {_fold_name(w, word) for role in entity.roles for word in role.split()}
    gender = _entity_gender(w.lang, entity)
    titled = bool(role_words & w.lang.titles)
    if gender is not None or titled or entity.given:
        return SpeakerKind.PERSON, gender
    return SpeakerKind.UNKNOWN, None


def _role_gender(lang: Language, roles: Iterable[str]) -> Gender | None:
    """The gender the words of ``roles`` show: an honorific's first, then a role word's."""
    shown = sorted(
        (
            known
            for role in roles
            for word in role.split()
            if (known := word_gender(lang, fold(word))) is not None
        ),
        key=lambda known: known[0].strength,
    )
    return shown[0][1] if shown else None


def _entity_gender(lang: Language, entity: _Entity) -> Gender | None:
    """The gender of an entity's roles' words (a 'Mrs.' before a man's name is a woman's), else of its given
    name in the name table."""
    gender = _role_gender(lang, entity.roles)
    if gender is None and entity.given:
        gender = name_gender(lang, entity.given[0])
    return gender


def _role_holder(
    w: _Words, role: str, position: int, timeline: Sequence[tuple[int, _Entity]], starts: Sequence[int]
) -> _Entity | None:
    """The person whose role shares the office word of ``role`` (``envoy``), nearest before, else after.
    Where compounds are one word, an office may end the holder's (``der Minister``: ``Verkehrsminister``)."""
    office = _office(role)
    if not w.lang.settings.compound_nouns:
        return _search(position, timeline, starts, lambda entity: office in entity.offices)
    return _search(
        position, timeline, starts, lambda entity: any(held.endswith(office) for held in entity.offices)
    )


def _office(role: str) -> str:
    return fold(role.rsplit(maxsplit=1)[-1])


def _search(
    position: int,
    timeline: Sequence[tuple[int, _Entity]],
    starts: Sequence[int],
    accept: Callable[[_Entity], bool],
) -> _Entity | None:
    """The nearest entity before ``position`` that ``accept`` takes, else the nearest after it."""
    here = bisect.bisect_left(starts, position)
    for index in range(here - 1, max(-1, here - 1 - _LOOKBACK), -1):
        if accept(timeline[index][1]):
            return timeline[index][1]
    for index in range(here, min(len(timeline), here + _LOOKBACK)):
        if accept(timeline[index][1]):
            return timeline[index][1]
    return None


def _antecedent(
    w: _Words, pronoun: str, position: int, timeline: Sequence[tuple[int, _Entity]], starts: Sequence[int]
) -> _Entity | None:
    """The most recent person (for he/she) or body (for they/it) a pronoun may refer to."""
    gender = w.person_pronouns.get(pronoun)
    here = bisect.bisect_left(starts, position)
    if gender is not None:
        # Where every noun is capitalised, a capitalised phrase of unknown kind is most often a thing ("die
        # Pläne der Opposition"): a person named further back comes first.
        passes = (True, False) if w.lang.settings.capitalised_nouns else (False,)
        for persons_only in passes:
            for index in range(here - 1, max(-1, here - 1 - _LOOKBACK), -1):
                entity = timeline[index][1]
                if persons_only and entity.kind is not SpeakerKind.PERSON:
                    continue
                if entity.kind is SpeakerKind.ORGANISATION or entity.gender not in (None, gender):
                    continue
                entity.gender = gender
                entity.kind = SpeakerKind.PERSON
                return entity
        return None
    if pronoun in w.group_pronouns:
        for index in range(here - 1, max(-1, here - 1 - _LOOKBACK), -1):
            entity = timeline[index][1]
            if entity.kind is SpeakerKind.ORGANISATION:
                return entity
    return None


def _descriptions(w: _Words, text: str, phrases: Sequence[Phrase]) -> dict[Phrase, Speaker]:
    """One speaker per distinct description (``a source``, ``the statement``, ``Russia's ministry``)."""
    words = w.lang
    # description, casefolded -> (the role split_name found in the first phrase, the phrases)
    by_key: dict[str, tuple[str | None, list[Phrase]]] = {}
    for phrase in phrases:
        role, _name = split_name(w.lang, text[phrase.start : phrase.core_end])
        description = role or text[phrase.start : phrase.core_end]
        by_key.setdefault(description.casefold(), (role, []))[1].append(phrase)
    result = {}
    for role, members in by_key.values():
        surfaces = tuple(dict.fromkeys(text[p.start : p.end] for p in members))
        first = role or surfaces[0]
        heads = {_fold_name(w, first.split()[-1]), _fold_name(w, _head_of(w, first))}
        if heads & words.org_words:
            kind = SpeakerKind.ORGANISATION
        elif heads & w.source_nouns:
            kind = SpeakerKind.UNKNOWN  # "the statement", "the report": a text speaks for someone unnamed
        else:
            kind = SpeakerKind.UNNAMED
        speaker = Speaker(first, members[0].extra_role, surfaces, kind)
        for phrase in members:
            result[phrase] = speaker
    return result


def _head_of(w: _Words, description: str) -> str:
    """The word before the first link word of a description (``Ministry`` in ``the Ministry of Justice``),
    or its last word."""
    words = description.split()
    link = next((i for i, word in enumerate(words) if i > 0 and word in w.name_links), len(words))
    return words[link - 1]

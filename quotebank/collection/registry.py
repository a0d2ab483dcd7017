"""Speakers across articles: the per-article speakers that are one person become one :class:`SpeakerProfile`.

Each article names its speakers on its own (:mod:`quotebank._pipeline.coreference`); a collection of articles
needs to know that ``Volodymyr Zelenskyy`` in one and ``Zelensky`` in another are the same man, and that
``Donald Trump`` and ``Melania Trump`` are not. The rules, with the helpers of
:mod:`quotebank._pipeline.coreference`:

- full names (given name and surname) merge when the surnames are one name spelled two ways
  (:func:`~quotebank._pipeline.coreference.surnames_match`) and the given names agree
  (:func:`~quotebank._pipeline.coreference.given_names_match`: nicknames, initials, prefixes), with no middle
  name in conflict; two groups merge only when every full name of one agrees with every full name of the
  other, so a name that fits two people (``George Bush``) never bridges ``George W. Bush`` and ``George H. W.
  Bush``;
- a surname alone (``Zelensky``, ``Mr. Bush``) or an initial (``J. Smith``) joins the one person of the
  collection that it fits; when several fit, a shared office (``president``, ``envoy``) must pick one,
  else it stays apart;
- organisations merge on their folded name; descriptions (``a source``) never merge, nor do people known only
  by a given name (``Maria, a nurse`` in one article and ``Maria, a farmer`` in another are two people).

Every merge is recorded with its reason (:attr:`SpeakerProfile.merges`).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Sequence
from datetime import date

import attrs
import regex

from quotebank._pipeline.coreference import SurnameIndex, given_names_match, surnames_match
from quotebank._pipeline.language import every_language
from quotebank.collection.filters import date_key, words
from quotebank.values import (
    Gender,
    GenderEvidence,
    Speaker,
    SpeakerKind,
    combined_evidence,
    conflicting_evidence,
    decided_gender,
)

__all__ = [
    "SpeakerMerge",
    "SpeakerProfile",
    "SpeakerRegistry",
    "SpeakerUsage",
    "answers_to",
    "merge_speakers",
    "speaker_matcher",
    "speaker_words",
]

_FULL = "full"
_SURNAME_ONLY = "surname"
_INITIALS = "initials"
_ORGANISATION = "organisation"
_DESCRIPTION = "description"
_GIVEN_ONLY = "given name only"
_APART = (_DESCRIPTION, _GIVEN_ONLY)
"""Categories of names that never merge: each per-article speaker is a speaker of its own."""


@attrs.frozen
class SpeakerUsage:
    """One per-article speaker and how the collection quotes it."""

    speaker: Speaker
    quote_count: int
    outlets: frozenset[str] = frozenset()
    first_seen: date | None = None
    last_seen: date | None = None
    articles: int = 0
    """How many articles these quotes come from."""


@attrs.frozen
class SpeakerMerge:
    """Why one name was taken for the same speaker as another."""

    name: str
    matched: str
    reason: str

    def __str__(self) -> str:
        return f"{self.name} = {self.matched}: {self.reason}"


@attrs.frozen
class SpeakerProfile:
    """One speaker of a collection: the per-article speakers merged into it, with what the collection holds.

    ``name`` is the full name most quoted; ``aliases`` every form any article used; ``merges`` says which
    names were merged and why. ``gender_evidence`` gathers the evidence of every article (a person's only),
    strongest first; ``gender_conflicting`` says when the articles' words disagree.
    """

    name: str
    role: str | None
    aliases: tuple[str, ...]
    kind: SpeakerKind
    quote_count: int
    outlets: tuple[str, ...]
    first_seen: date | None
    last_seen: date | None
    speakers: tuple[Speaker, ...]
    """The per-article speakers that are this one."""
    merges: tuple[SpeakerMerge, ...] = ()
    gender_evidence: tuple[GenderEvidence, ...] = ()
    article_count: int = 0
    """How many articles quote this speaker."""
    roles: tuple[str, ...] = ()
    """Every role the articles give, most quoted first (``role`` is the first)."""

    @property
    def gender(self) -> Gender:
        return decided_gender(self.gender_evidence)

    @property
    def gender_conflicting(self) -> bool:
        return conflicting_evidence(self.gender_evidence)

    @property
    def speaker(self) -> Speaker:
        """This speaker as a plain :class:`~quotebank.values.Speaker`."""
        return Speaker(self.name, self.role, self.aliases, self.kind, self.gender_evidence)

    def explain(self) -> str:
        """The merges behind this profile, one a line."""
        if not self.merges:
            return f"{self.name}: no other name merged"
        return "\n".join(str(merge) for merge in self.merges)

    def __repr__(self) -> str:
        dates = "–".join(d.isoformat() for d in (self.first_seen, self.last_seen) if d is not None)
        return (
            f"SpeakerProfile({self.name!r}, role={self.role!r}, gender={self.gender.value!r}, "
            f"quotes={self.quote_count}, "
            f"outlets={list(self.outlets)!r}, dates={dates or None!r}, aliases={list(self.aliases)!r})"
        )


@attrs.frozen
class _NameForm:
    """What merging needs to know of one speaker's name."""

    category: str
    surname: str = ""
    given: tuple[str, ...] = ()
    offices: frozenset[str] = frozenset()
    key: str = ""


@functools.cache
def _name_words() -> tuple[frozenset[str], frozenset[str], dict[str, frozenset[str]], frozenset[str]]:
    """Name particles, generational suffixes, nickname groups and given names of every language: a bank's
    speakers may come from articles in any of them."""
    particles: frozenset[str] = frozenset()
    generational: frozenset[str] = frozenset()
    nicknames: dict[str, frozenset[str]] = {}
    given_names: frozenset[str] = frozenset()
    for lang in every_language():
        particles |= lang.grammar["name_particles"]
        generational |= lang.grammar["generational"]
        for name, group in lang.nicknames.items():
            nicknames[name] = nicknames.get(name, frozenset()) | group
        given_names |= frozenset(lang.given_names)
    return particles, generational, nicknames, given_names


def _name_form(speaker: Speaker) -> _NameForm:
    particles, generational, _nicknames, given_names = _name_words()
    role_parts = [words(part) for part in (speaker.role or "").split(",")]
    # the head word of each part of the role: "U.S. special envoy" -> "envoy"
    offices = frozenset(part[-1] for part in role_parts if part)
    if speaker.kind is SpeakerKind.ORGANISATION:
        return _NameForm(_ORGANISATION, key=" ".join(words(speaker.name)))
    significant = []
    for raw in speaker.name.split():
        head, _, rest = raw.partition("-")
        if raw.casefold() in particles or (rest and head.casefold() in particles):
            continue  # "von", "al-": inside a name, not a name of their own
        if not raw[:1].isupper():
            return _NameForm(_DESCRIPTION)
        significant.append(raw)
    folded = [" ".join(words(word)) for word in significant]
    folded = [word for word in folded if word]
    while len(folded) > 1 and folded[-1] in generational:
        folded.pop()
    if not folded:
        return _NameForm(_DESCRIPTION)
    surname, given = folded[-1], tuple(folded[:-1])
    if not given and surname in given_names:
        return _NameForm(_GIVEN_ONLY, surname, offices=offices)
    if not given:
        return _NameForm(_SURNAME_ONLY, surname, offices=offices)
    if all(len(name) == 1 for name in given):
        return _NameForm(_INITIALS, surname, given, offices)
    return _NameForm(_FULL, surname, given, offices)


_TRANSLITERATION = (("kh", "h"), ("ph", "f"), ("w", "v"))
_DOUBLED = regex.compile(r"(.)\1+")


@functools.lru_cache(maxsize=65536)
def _transliteration_key(name: str) -> str:
    """A folded name with the spellings that differ between transliterations made one: ``Wołodymyr``,
    ``Volodymyr`` and ``Volodimir`` -> ``volodimir``. A first letter ``j`` or ``y`` stays (``Jan`` is not
    ``Ian``)."""
    for spelling, sound in _TRANSLITERATION:
        name = name.replace(spelling, sound)
    name = name[:1] + name[1:].replace("j", "i").replace("y", "i")
    return _DOUBLED.sub(r"\1", name)


def _given_name_match(a: str, b: str) -> bool:
    return given_names_match(a, b, _name_words()[2]) or _transliteration_key(a) == _transliteration_key(b)


def _given_names_agree(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """First given names that may be one name, and no middle name in conflict (``George W.`` is not
    ``George H. W.``)."""
    return all(_given_name_match(x, y) for x, y in zip(a, b, strict=False))


def _full_name_reason(a: _NameForm, b: _NameForm) -> str:
    parts = []
    if a.surname != b.surname:
        parts.append(f"surname spelling variant ({a.surname} / {b.surname})")
    for x, y in zip(a.given, b.given, strict=False):
        if x == y:
            continue
        if len(x) == 1 or len(y) == 1:
            parts.append(f"initial of the given name ({x} / {y})")
        elif given_names_match(x, y, _name_words()[2]):
            parts.append(f"given name variant ({x} / {y})")
        else:
            parts.append(f"given name transliterated two ways ({x} / {y})")
    return "; ".join(parts) or "same name"


class _Groups:
    """Union-find over name units, keeping the merges that joined them."""

    def __init__(self, size: int) -> None:
        self._parent = list(range(size))
        self.members: dict[int, list[int]] = {i: [i] for i in range(size)}
        self.merges: dict[int, list[SpeakerMerge]] = {i: [] for i in range(size)}

    def find(self, item: int) -> int:
        root = item
        while self._parent[root] != root:
            root = self._parent[root]
        while self._parent[item] != root:
            self._parent[item], item = root, self._parent[item]
        return root

    def union(self, a: int, b: int, merge: SpeakerMerge) -> None:
        root_a, root_b = self.find(a), self.find(b)
        if root_a == root_b:
            return
        if len(self.members[root_a]) < len(self.members[root_b]):
            root_a, root_b = root_b, root_a
        self._parent[root_b] = root_a
        self.members[root_a] += self.members.pop(root_b)
        self.merges[root_a] += [*self.merges.pop(root_b), merge]


@attrs.frozen
class _Unit:
    """The usages whose names fold to the same form: the items that merging compares."""

    form: _NameForm
    usages: tuple[SpeakerUsage, ...]
    offices: frozenset[str]

    @property
    def name(self) -> str:
        return self.usages[0].speaker.name

    @property
    def quote_count(self) -> int:
        return sum(usage.quote_count for usage in self.usages)


def _units(usages: Iterable[tuple[SpeakerUsage, _NameForm]]) -> list[_Unit]:
    """Usages grouped by name form, the most quoted unit first; descriptions and given names alone each stay a
    unit of their own."""
    by_form: dict[object, list[tuple[SpeakerUsage, _NameForm]]] = {}
    for n, (usage, form) in enumerate(usages):
        key: object = n if form.category in _APART else (form.category, form.surname, form.given, form.key)
        by_form.setdefault(key, []).append((usage, form))
    units = []
    for items in by_form.values():
        items.sort(key=lambda item: -item[0].quote_count)
        offices = frozenset(office for _usage, form in items for office in form.offices)
        units.append(_Unit(items[0][1], tuple(usage for usage, _form in items), offices))
    units.sort(key=lambda unit: (-unit.quote_count, unit.name))
    return units


def _combined(a: SpeakerUsage, b: SpeakerUsage) -> SpeakerUsage:
    """One speaker's usage over the quotes counted in ``a`` and those counted in ``b``."""
    firsts = [d for d in (a.first_seen, b.first_seen) if d is not None]
    lasts = [d for d in (a.last_seen, b.last_seen) if d is not None]
    return SpeakerUsage(
        a.speaker,
        a.quote_count + b.quote_count,
        a.outlets | b.outlets,
        min(firsts, key=date_key) if firsts else None,
        max(lasts, key=date_key) if lasts else None,
        a.articles + b.articles,
    )


class SpeakerRegistry:
    """The speakers of a growing collection, kept up to date as quotes arrive.

    Merging happens only between names whose surnames are spellings of one name, so the speakers fall into
    blocks (one surname and its variants; one organisation; one description) that never merge with each
    other. :meth:`add` counts new quotes and marks the blocks they touch; :meth:`profiles` merges again only
    those blocks, and :meth:`find` only those that may answer to the name asked for. A write of a few
    quotes costs the people of the surnames it names, not the collection.
    """

    def __init__(self) -> None:
        self._usages: dict[int, SpeakerUsage] = {}
        self._forms: dict[int, _NameForm] = {}
        self._parent: dict[str, str] = {}
        """Union-find over block keys: surnames that are spellings of one name share a block."""
        self._members: dict[str, list[int]] = {}
        self._words: dict[str, set[str]] = {}
        """Each block's folded words: no profile of a block answers to a query its words do not answer to."""
        self._surnames: SurnameIndex[str] = SurnameIndex()
        self._block_profiles: dict[str, list[tuple[SpeakerProfile, frozenset[str]]]] = {}
        self._dirty: set[str] = set()
        self._sorted = True
        self._profiles: tuple[SpeakerProfile, ...] = ()
        self.person_of: dict[Speaker, Speaker] = {}
        """Each per-article speaker's merged speaker, as of the last :meth:`profiles`."""

    def add(self, usages: Iterable[tuple[int, SpeakerUsage]]) -> None:
        """Count the quotes of ``usages``: per-article speakers by id, each with the quotes added since the
        last call (counts add up, outlets and dates widen)."""
        for speaker_id, usage in usages:
            known = self._usages.get(speaker_id)
            if known is not None:
                self._usages[speaker_id] = _combined(known, usage)
                self._dirty.add(self._find(self._block_key(speaker_id)))
                continue
            self._usages[speaker_id] = usage
            form = self._forms[speaker_id] = _name_form(usage.speaker)
            key = self._block_key(speaker_id)
            if key not in self._parent:
                self._parent[key] = key
                self._members[key] = []
                self._words[key] = set()
                if form.category in (_FULL, _SURNAME_ONLY, _INITIALS):
                    for other in self._surnames.find(form.surname):
                        key = self._union(key, "s" + other)
                    self._surnames.add(form.surname, form.surname)
            root = self._find(key)
            self._members[root].append(speaker_id)
            self._words[root].update(speaker_words(usage.speaker))
            self._dirty.add(root)

    def _block_key(self, speaker_id: int) -> str:
        form = self._forms[speaker_id]
        if form.category == _ORGANISATION:
            return "o" + form.key
        if form.category in _APART:
            return f"d{speaker_id}"
        return "s" + form.surname

    def _find(self, key: str) -> str:
        parent = self._parent
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    def _union(self, a: str, b: str) -> str:
        root_a, root_b = self._find(a), self._find(b)
        if root_a == root_b:
            return root_a
        if len(self._members[root_a]) < len(self._members[root_b]):
            root_a, root_b = root_b, root_a
        self._parent[root_b] = root_a
        self._members[root_a] += self._members.pop(root_b)
        self._words[root_a] |= self._words.pop(root_b)
        if self._block_profiles.pop(root_b, None) is not None:
            self._sorted = False
        self._dirty.discard(root_b)
        self._dirty.add(root_a)
        return root_a

    def _merge_block(self, root: str) -> None:
        units = _units((self._usages[m], self._forms[m]) for m in self._members[root])
        block = []
        for profile in _merge(units):
            person = profile.speaker
            self.person_of.update((s, person) for s in profile.speakers)
            block.append((profile, frozenset().union(*(speaker_words(s) for s in profile.speakers))))
        self._block_profiles[root] = block
        self._dirty.discard(root)
        self._sorted = False

    def profiles(self) -> tuple[SpeakerProfile, ...]:
        """Every speaker, most quoted first (then by name), as :func:`merge_speakers` gives them."""
        for root in list(self._dirty):
            self._merge_block(root)
        if not self._sorted:
            every = [profile for block in self._block_profiles.values() for profile, _names in block]
            every.sort(key=lambda p: (-p.quote_count, p.name))
            self._profiles = tuple(every)
            self._sorted = True
        return self._profiles

    def find(self, query: Sequence[str]) -> tuple[SpeakerProfile, ...]:
        """The speakers who answer to the folded words of ``query`` (:func:`answers_to`), in the order of
        :meth:`profiles`; only the blocks that may hold them are merged again."""
        found = []
        for root, block_words in self._words.items():
            if not answers_to(query, block_words):
                continue
            if root in self._dirty:
                self._merge_block(root)
            found += [profile for profile, names in self._block_profiles[root] if answers_to(query, names)]
        found.sort(key=lambda p: (-p.quote_count, p.name))
        return tuple(found)


def merge_speakers(usages: Iterable[SpeakerUsage]) -> list[SpeakerProfile]:
    """One profile per speaker of the collection, most quoted first (then by name)."""
    registry = SpeakerRegistry()
    registry.add(enumerate(usages))
    return list(registry.profiles())


@functools.lru_cache(maxsize=65536)
def _given_keys(name: str, *, finding: bool) -> tuple[str, ...]:
    """The keys of :class:`_GivenNameIndex` under which ``name`` is kept, or looked for when ``finding``."""
    keys = ["t" + _transliteration_key(name)]
    keys += ["n" + nickname for nickname in (name, *_name_words()[2].get(name, ()))]
    # an initial fits every name it begins, and a name every initial of it: initials are kept under
    # "I" and the letter, names under "L" and their first letter, and each looks for the other
    if len(name) == 1:
        keys.append(("L" if finding else "I") + name)
    else:
        keys.append(("I" if finding else "L") + name[0])
    # a name of three letters or more fits the longer names it begins (and they it): a name is kept under
    # "P" and each of its beginnings of three letters or more and under "F" and itself; it looks for the
    # longer names under "P" and itself, and for the shorter ones under "F" and its beginnings (comparing
    # every name that shares the first three letters grew with the square of a surname's namesakes)
    if finding:
        keys.append("P" + name)
        keys += ["F" + name[:end] for end in range(3, len(name))]
    elif len(name) >= 3:
        keys.append("F" + name)
        keys += ["P" + name[:end] for end in range(3, len(name) + 1)]
    return tuple(keys)


class _GivenNameIndex:
    """Finds the earlier full names whose first given name may be the same name as a given one, without
    comparing every pair of namesakes: by spelling variant, three-letter prefix, initial, nickname and
    transliteration key (every way :func:`_given_name_match` can agree), so that a surname shared by thousands
    of people costs in proportion to them, not to their square."""

    def __init__(self) -> None:
        self._spellings: SurnameIndex[int] = SurnameIndex()
        self._by_key: dict[str, list[int]] = {}

    def add(self, item: int, name: str) -> None:
        self._spellings.add(item, name)
        for key in _given_keys(name, finding=False):
            self._by_key.setdefault(key, []).append(item)

    def find(self, name: str) -> list[int]:
        """The items that may match ``name`` (a superset of those that do), in the order they were added."""
        found = set(self._spellings.find(name))
        for key in _given_keys(name, finding=True):
            found.update(self._by_key.get(key, ()))
        return sorted(found)


def _merge(units: list[_Unit]) -> list[SpeakerProfile]:
    """The profiles of ``units`` (in order of quotes): the rules of the module's notes."""
    # units are in order of quotes, so that the most quoted forms anchor the groups the rarer forms join
    groups = _Groups(len(units))
    full_index = _merge_full_names(units, groups)
    _merge_short_forms(units, groups, full_index)
    profiles = [
        _profile([units[m] for m in members], groups.merges[root]) for root, members in groups.members.items()
    ]
    profiles.sort(key=lambda p: (-p.quote_count, p.name))
    return profiles


def _merge_full_names(units: list[_Unit], groups: _Groups) -> SurnameIndex[int]:
    """Join the full names that name one person; the index of full names by surname."""
    full_index: SurnameIndex[int] = SurnameIndex()
    given_index = _GivenNameIndex()

    def given_names(unit: int) -> list[tuple[str, ...]]:
        return [
            units[m].form.given for m in groups.members[groups.find(unit)] if units[m].form.category == _FULL
        ]

    for i, unit in enumerate(units):
        if unit.form.category != _FULL:
            continue
        # the first given names must agree for a merge: only the units whose first given name may be the same
        # name are compared, then the surnames
        for j in given_index.find(unit.form.given[0]):
            if groups.find(i) == groups.find(j) or not surnames_match(
                units[j].form.surname, unit.form.surname
            ):
                continue
            mine, theirs = given_names(i), given_names(j)
            if all(_given_names_agree(x, y) for x in mine for y in theirs):
                reason = _full_name_reason(unit.form, units[j].form)
                groups.union(i, j, SpeakerMerge(unit.name, units[j].name, reason))
        full_index.add(i, unit.form.surname)
        given_index.add(i, unit.form.given[0])
    return full_index


def _merge_short_forms(units: list[_Unit], groups: _Groups, full_index: SurnameIndex[int]) -> None:
    """Join a surname alone or with initials to the one person of that name (or the one of that name who
    holds its office), or to a spelling variant of another short form."""
    unattached: SurnameIndex[int] = SurnameIndex()
    for i, unit in enumerate(units):
        form = unit.form
        if form.category not in (_SURNAME_ONLY, _INITIALS):
            continue
        roots = {
            groups.find(j): j
            for j in full_index.find(form.surname)
            if not form.given or units[j].form.given[0][0] == form.given[0]
        }
        joined = _one_person(units, groups, unit, roots)
        if joined is not None:
            j, reason = joined
            groups.union(i, j, SpeakerMerge(unit.name, units[j].name, reason))
        elif not roots:
            for j in unattached.find(form.surname):
                if units[j].form.given == form.given:
                    reason = f"surname spelling variant ({form.surname} / {units[j].form.surname})"
                    groups.union(i, j, SpeakerMerge(unit.name, units[j].name, reason))
                    break
            unattached.add(i, form.surname)


def _one_person(
    units: list[_Unit], groups: _Groups, unit: _Unit, roots: dict[int, int]
) -> tuple[int, str] | None:
    """The unit a short form joins among the people ``roots`` of its name (group root -> a unit of it), and
    why: the one person of that name, or the one of them who holds an office the short form was given."""
    category = unit.form.category
    if len(roots) > 1 and unit.offices:
        shared_offices = {
            root: unit.offices & frozenset().union(*(units[m].offices for m in groups.members[root]))
            for root in roots
        }
        holding = [root for root, offices in shared_offices.items() if offices]
        if len(holding) == 1:
            [root] = holding
            offices = ", ".join(sorted(shared_offices[root]))
            return roots[root], f"{category} only, and the one person of that name who is {offices}"
    if len(roots) == 1:
        [j] = roots.values()
        return j, f"{category} only, and the one person of that name in the collection"
    return None


def _profile(group: list[_Unit], merges: list[SpeakerMerge]) -> SpeakerProfile:
    members = sorted((usage for unit in group for usage in unit.usages), key=lambda u: -u.quote_count)
    counts: dict[str, int] = {}
    for usage in members:
        counts[usage.speaker.name] = counts.get(usage.speaker.name, 0) + usage.quote_count
    full = [u.speaker.name for unit in group if unit.form.category == _FULL for u in unit.usages]
    name = max(full or counts, key=lambda n: (counts[n], len(n.split())))
    role_counts: dict[str, int] = {}
    for usage in members:
        if usage.speaker.role:
            role_counts[usage.speaker.role] = role_counts.get(usage.speaker.role, 0) + usage.quote_count
    aliases: dict[str, None] = {name: None}
    for usage in members:
        aliases.setdefault(usage.speaker.name)
        for alias in usage.speaker.aliases:
            aliases.setdefault(alias)
    kinds = {u.speaker.kind for u in members}
    kind = next(
        # an unnamed source stays one: the source counts tell people, organisations and unnamed sources apart
        (k for k in (SpeakerKind.PERSON, SpeakerKind.ORGANISATION, SpeakerKind.UNNAMED) if k in kinds),
        SpeakerKind.UNKNOWN,
    )
    dated_first = [u.first_seen for u in members if u.first_seen is not None]
    dated_last = [u.last_seen for u in members if u.last_seen is not None]
    roles = sorted(role_counts, key=lambda r: -role_counts[r])
    return SpeakerProfile(
        name=name,
        role=roles[0] if roles else None,
        aliases=tuple(aliases),
        kind=kind,
        quote_count=sum(u.quote_count for u in members),
        outlets=tuple(sorted({outlet for u in members for outlet in u.outlets})),
        first_seen=min(dated_first, key=date_key) if dated_first else None,
        last_seen=max(dated_last, key=date_key) if dated_last else None,
        speakers=tuple(u.speaker for u in members),
        merges=tuple(merges),
        gender_evidence=combined_evidence(e for u in members for e in u.speaker.gender_evidence)
        if kind is SpeakerKind.PERSON
        else (),
        article_count=sum(u.articles for u in members),
        roles=tuple(roles),
    )


@functools.lru_cache(maxsize=65536)
def _word_matches(query: str, word: str) -> bool:
    # a single letter in a name is an initial: it stands for a name, it does not match every name it begins
    if len(word) == 1:
        return query == word
    return _given_name_match(query, word)


@functools.lru_cache(maxsize=65536)
def speaker_words(speaker: Speaker) -> frozenset[str]:
    """The folded words a speaker may be asked for by: those of its name, role and aliases."""
    texts: Iterable[str] = (speaker.name, speaker.role or "", *speaker.aliases)
    return frozenset(word for text in texts for word in words(text))


def answers_to(query: Sequence[str], names: Iterable[str]) -> bool:
    """Whether every folded word of ``query`` fits one of ``names`` (folded words of a speaker): the same
    word, a spelling variant of a surname, a nickname or an initial of a given name."""
    return bool(query) and all(any(_word_matches(q, word) for word in names) for q in query)


def speaker_matcher(query: str | Speaker) -> Callable[[Speaker | None], bool]:
    """A test of whether a speaker answers to ``query`` (a name, a surname, a spelling variant, a role
    word): see :func:`answers_to`."""
    query_words = words(query.name if isinstance(query, Speaker) else query)

    def test(speaker: Speaker | None) -> bool:
        return speaker is not None and answers_to(query_words, speaker_words(speaker))

    return test

"""Speaker phrases on a frame: who stands before or after a cue, and which part of it is a name.

A phrase is a pronoun (``he``), a name with its titles and roles (``U.S. special envoy Steve Witkoff``,
``Sen. Marco Rubio, R-Fla.``), a description (``a spokesman for the campaign``, ``the statement``) or a
name with an apposition (``Len Burman, head of the centrist Tax Policy Center``). The whole phrase is the
mention; :func:`split_name` takes the name out of it and leaves the rest as the role.

Everything here walks a bounded number of tokens from a cue, so its cost does not grow with the text.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

import attrs
import regex

from quotebank._pipeline.language import lexicon
from quotebank._pipeline.tokens import PUNCT, QUOTE, WORD, Token, without_closing_marks

__all__ = [
    "Phrase",
    "is_noun_like",
    "is_owner",
    "is_strong_subject",
    "opening_name",
    "people_named",
    "phrase_after",
    "possessor_before",
    "pronoun_subject_before",
    "sentence_subject",
    "split_name",
    "subject_before",
]

PRONOUN, NAME, NOMINAL = "pronoun", "name", "nominal"

_GRAMMAR = lexicon().grammar
_DETERMINERS = _GRAMMAR["determiners"]
_POSSESSIVE_PRONOUNS = _GRAMMAR["possessive_pronouns"]
_SUBJECT_PRONOUNS = _GRAMMAR["subject_pronouns"]
_RELATIVES = _GRAMMAR["relatives"]
_BOUNDARY = _GRAMMAR["boundaries"]
_PREPOSITIONS = _GRAMMAR["prepositions"]
_SKIPPABLE = _GRAMMAR["skippable"]
_TO_VERBS = _GRAMMAR["to_verbs"]
_TIME_WORDS = _GRAMMAR["time_words"]
_ADVERBIAL_OPENERS = _PREPOSITIONS | _GRAMMAR["adverbial_openers"]
_NAME_PARTICLES = _GRAMMAR["name_particles"]
_GENERATIONAL = _GRAMMAR["generational"]
_DEMONSTRATIVES = frozenset(["that", "this", "these", "those"])
_WEEKDAYS = _GRAMMAR["weekdays"]
_NUMBERS = _GRAMMAR["numbers"]
_SOURCE_NOUNS = _GRAMMAR["source_nouns"]
_NOUN_LIKE = _GRAMMAR["noun_like_cues"]
_SENTENCE_OPENERS = _BOUNDARY | _ADVERBIAL_OPENERS
_SUBORDINATORS = _PREPOSITIONS | _GRAMMAR["subordinators"]
_MAX_CLAUSE = 40
_PARTY_TAG = regex.compile(r"[DRI]-[\p{Lu}][\p{L}.]*|[DRI]")
_MAX_PHRASE = 12
_MAX_PARENTHESIS = 24
_SPACE_BEFORE_PUNCTUATION = regex.compile(r"\s+([.,)])")
_ROLE_WORD = regex.compile(r"[\p{L}.'’-]+")
_NATIONALITY = regex.compile(r"\p{Lu}\p{Ll}{2,}(?:ian|ese|ish|an|i)")
_MAX_ROLE_TEXT = 60
_NAME_LINKS = _GRAMMAR["name_links"]
_WORKPLACE_LINKS = _GRAMMAR["workplace_links"]
_AUXILIARIES = _GRAMMAR["auxiliaries"]


@attrs.frozen
class Phrase:
    """A speaker phrase: token range [first, last], character range [start, end), and what it is."""

    first: int
    last: int
    start: int
    end: int
    kind: str
    """``pronoun``, ``name`` or ``nominal``."""
    extra_role: str | None = None
    """An apposition or party tag that describes the speaker: it goes to the role."""
    core_end: int = attrs.field(default=attrs.Factory(lambda self: self.end, takes_self=True))
    """Where the name part ends: before the apposition or party tag, if there is one."""
    core_start: int = attrs.field(default=attrs.Factory(lambda self: self.start, takes_self=True))
    """Where the name part starts: after a description that comes first (``her adviser, Jake Sullivan``)."""
    antecedent: Phrase | None = None
    """For a relative pronoun (``who``, ``which``), the phrase it stands for."""


def _is_role_word(token: Token) -> bool:
    lower = token.lower.rstrip(".")
    words = lexicon()
    return lower in words.roles or lower in words.titles


def _is_name_word(token: Token) -> bool:
    """A capitalised word that may be part of a name: not a common word that merely opens the sentence,
    nor a number."""
    if token.kind != WORD or not token.text[0].isupper() or token.lower in _NUMBERS:
        return False
    return not (token.initial and token.common)


def _is_description(tokens: Sequence[Token], phrase: Phrase) -> bool:
    """Whether a phrase describes someone rather than names them: ``her senior policy adviser``,
    ``His former business partner at Lenox``, ``Another critic``."""
    if phrase.kind == PRONOUN:
        return False
    return (
        phrase.kind == NOMINAL
        or tokens[phrase.first].lower in _DETERMINERS
        or tokens[phrase.last].text.islower()
        or any(  # "Reform UK's candidate in Barnsley": someone's role, not a name
            _possessive(tokens[i]) and _is_role_word(tokens[i + 1]) and tokens[i + 1].text.islower()
            for i in range(phrase.first, phrase.last)
        )
    )


def _serves(tokens: Sequence[Token], phrase: Phrase) -> bool:
    """``Labour MP for Leeds Central``: a role and whom it serves, which describes the name set off by
    commas after it (in parentheses after it comes a party tag: ``Speaker of the House Paul Ryan (R)``)."""
    return any(
        _is_role_word(tokens[i]) and tokens[i + 1].text in _PREPOSITIONS
        for i in range(phrase.first, phrase.last)
    )


def _abbreviated(token: Token) -> bool:
    """Whether a full stop after this token ends an abbreviation, an initial or a party tag."""
    if token.kind != WORD:
        return False
    return (
        (len(token.text) == 1 and token.text.isupper())
        or token.lower in lexicon().abbreviations
        or _PARTY_TAG.fullmatch(token.text) is not None
    )


def _possessive(token: Token) -> bool:
    return token.kind == WORD and token.lower.endswith(("'s", "’s", "s'", "s’"))


def is_owner(token: Token) -> bool:
    """A possessive pronoun or a possessive word: the owner of what follows (``his thanks``, ``Trump's``)."""
    return token.lower in _POSSESSIVE_PRONOUNS or _possessive(token)


def _is_skippable(token: Token) -> bool:
    """An auxiliary, a negation or an adverb, which may stand between a speaker and a cue."""
    lower = token.lower
    if lower in _SKIPPABLE or lower.endswith(("n't", "n’t")):
        return True
    return lower.endswith("ly") and token.text.islower() and len(lower) > 3


def _is_time_word(token: Token) -> bool:
    """``Friday``, ``week``, ``past``: never a speaker (but ``Day`` in ``Kristen Day`` is a name)."""
    lower = token.lower.rstrip(".")
    return lower in _TIME_WORDS and (token.text.islower() or lower in _WEEKDAYS)


def _skip_back(tokens: Sequence[Token], index: int, lo: int) -> int:
    """From ``index`` backwards, past auxiliaries, adverbs and time phrases that may sit before a cue."""
    while index >= lo:
        token = tokens[index]
        lower = token.lower
        if token.kind != WORD:
            return index
        if _is_skippable(token):
            index -= 1
        elif lower == "to" and index - 1 >= lo and tokens[index - 1].lower in _TO_VERBS:
            index -= 2
        elif lower == "to" and index - 2 >= lo and tokens[index - 1].lower == "on":
            index -= 3  # went on to say
        elif lower in ("as", "quoted") and index - 1 >= lo and tokens[index - 1].lower in ("quoted", "was"):
            index -= 1  # was quoted as saying
        elif _is_time_word(token) and index - 1 >= lo and tokens[index - 1].lower in ("on", "last", "this"):
            index -= 2
        elif _is_time_word(token) and index - 2 >= lo and tokens[index - 1].lower in _DETERMINERS:
            # "in the past", "at the time", "over the weekend"
            index -= 3 if tokens[index - 2].lower in _PREPOSITIONS else 2
        else:
            return index
    return index


def _phrase_back(tokens: Sequence[Token], last: int, lo: int) -> int:
    """The first token of the noun phrase that ends at ``last`` (``last + 1`` when there is none)."""
    words = lexicon()
    first = last + 1
    index = last
    while index >= lo and last - index < _MAX_PHRASE:
        token = tokens[index]
        lower = token.lower
        if token.kind != WORD:
            if token.text == "." and index > lo and tokens[index - 1].lower in words.abbreviations:
                index -= 1
                continue
            break
        if lower in _SUBJECT_PRONOUNS:
            if first == last + 1:
                first = index
            break
        if lower in _DETERMINERS and not (index == last and lower in _NUMBERS):  # "mother of three"
            if first <= last:
                first = index
                extended = _through_preposition(tokens, index - 1, lo)
                if extended is not None:
                    index, first = extended, extended
                    continue
            break
        if lower in _PREPOSITIONS:
            if first <= last and index - 1 >= lo and _noun_like(tokens[index - 1]):
                index -= 1
                continue
            break
        if lower in _BOUNDARY or (_is_verb_like_cue(token) and not (index == last and is_noun_like(lower))):
            break
        first = index
        index -= 1
    return first


def is_noun_like(form: str) -> bool:
    """Whether a cue word is as often a noun (``state``, ``claims``, ``tweets``)."""
    return form in _NOUN_LIKE or (form.endswith("s") and (form[:-1] in _NOUN_LIKE or form[:-2] in _NOUN_LIKE))


def _is_verb_like_cue(token: Token) -> bool:
    return token.text.islower() and token.lower in lexicon().cue_forms


def _noun_like(token: Token) -> bool:
    """Could this word head a noun phrase that a prepositional phrase modifies (``spokesman for``)?"""
    if token.kind != WORD or token.lower in _BOUNDARY or token.lower in _DETERMINERS:
        return False
    # "source" is a role word already; "familiar" heads "a source familiar with the matter"
    return _is_role_word(token) or token.text[0].isupper() or token.lower == "familiar"


def _through_preposition(tokens: Sequence[Token], index: int, lo: int) -> int | None:
    """For ``a source familiar with [the matter]``: the index to go on from, past the preposition."""
    if index - 1 < lo or tokens[index].lower not in _PREPOSITIONS:
        return None
    if _noun_like(tokens[index - 1]):
        return index - 1
    return None


def _classify(tokens: Sequence[Token], first: int, last: int) -> str | None:
    """``pronoun``, ``name``, ``nominal``, or ``None`` when the tokens cannot be a speaker."""
    if first > last:
        return None
    if first == last and tokens[first].lower in lexicon().pronouns:
        return PRONOUN
    content = [t for t in tokens[first : last + 1] if t.kind == WORD and t.lower not in _DETERMINERS]
    if not content or not content[0].text[0].isalnum():
        # nothing but determiners, or a phrase that starts with a clitic ('s, 'd) cut from its word
        return None
    if _is_time_word(content[-1]):
        return None  # "Friday", "early Friday", "last week"
    if any(_is_name_word(t) and not _is_role_word(t) for t in content):
        return NAME
    return NOMINAL


def _trim_front(tokens: Sequence[Token], first: int, last: int) -> int:
    """Drop sentence openers such as ``But``, ``And``, ``Meanwhile`` from the front of a phrase."""
    while first < last and tokens[first].lower in _BOUNDARY | _ADVERBIAL_OPENERS:
        first += 1
    return first


def subject_before(tokens: Sequence[Token], cue: int, lo: int) -> Phrase | None:
    """The speaker phrase before the cue at ``cue``: ``Witkoff said``, ``Len Burman, head of X, said``."""
    end = _skip_back(tokens, cue - 1, lo)
    if end < lo:
        return None
    token = tokens[end]
    if token.kind == PUNCT and token.text in ",)":
        if end == cue - 1 and tokens[cue].lower.endswith("ing"):
            return None  # "Trump went after Bush, calling him …": the subject is the sentence's
        return _subject_before_parenthesis(tokens, end, lo)
    if tokens[end].lower in _RELATIVES and end - 1 >= lo:
        # "Beck, who has described Trump as …": the mention is "who", the speaker its antecedent
        before = end - 1
        if tokens[before].text == ",":
            before -= 1
        antecedent = _phrase_ending(tokens, before, lo)
        if antecedent is None or antecedent.kind == PRONOUN:
            return antecedent
        relative = tokens[end]
        return Phrase(end, end, relative.start, relative.end, PRONOUN, antecedent=antecedent)
    found = _phrase_ending(tokens, end, lo)
    if found is not None and found.last > found.first and tokens[found.last].lower in lexicon().speech_nouns:
        # "Lopez's statement called it …": the statement speaks for its owner
        owner = possessor_before(tokens, found.last, found.first)
        if owner is not None:
            return owner
    return found


def _phrase_ending(tokens: Sequence[Token], last: int, lo: int) -> Phrase | None:
    if last < lo or tokens[last].kind != WORD:
        return None
    first = _phrase_back(tokens, last, lo)
    if first > last:
        return None
    first = _trim_front(tokens, first, last)
    kind = _classify(tokens, first, last)
    if kind is None:
        return None
    return Phrase(first, last, tokens[first].start, tokens[last].end, kind)


def _subject_before_parenthesis(tokens: Sequence[Token], end: int, lo: int) -> Phrase | None:
    """The subject of a cue that follows a parenthesis closing at ``end``: ``X, head of Y, said``,
    ``X (D-Mo.) said``, ``X, who…, said``, ``her adviser, Jake Sullivan, said``. An apposition may hold a
    comma of its own (``a salesman from Sumter, South Carolina,``), so farther commas are tried too."""
    opening = "," if tokens[end].text == "," else "("
    index = end - 1
    while index >= lo and end - index <= _MAX_PARENTHESIS:
        token = tokens[index]
        if token.kind == QUOTE or (token.kind == PUNCT and token.text in ";:"):
            return None
        if token.text == opening:
            found = _parenthesis_subject(tokens, index + 1, end, lo)
            if found is not None or opening == "(":
                return found
        index -= 1
    return None


def _parenthesis_subject(tokens: Sequence[Token], inner_first: int, end: int, lo: int) -> Phrase | None:
    if inner_first >= end:
        return None
    found = _phrase_ending(tokens, inner_first - 2, lo)
    if found is None and inner_first - 2 >= lo and tokens[inner_first - 2].text == ")":
        found = _subject_before_parenthesis(tokens, inner_first - 2, lo)  # "Roy Cooper (D), his rival, said"
    if found is None or found.kind == PRONOUN:
        return found
    opener = tokens[inner_first]
    if opener.lower in _RELATIVES or opener.lower in _ADVERBIAL_OPENERS:
        return found  # "Trump, who…, said" / "Trump, in a statement, said": the mention is Trump
    if opener.text.islower() and opener.lower.endswith(("ing", "ed")):
        return found  # "Sanders, celebrating a victory in Vermont, is pledging …"
    inner_words = [t for t in tokens[inner_first:end] if t.kind == WORD]
    last_end = tokens[end - 1].end
    named = len(inner_words) <= 4 and all(_is_name_word(t) for t in inner_words)
    if named and not _is_description(tokens, found):
        found = _across_and(tokens, found, lo)
    apposition = tokens[inner_first - 1].text == ","
    if named and (_is_description(tokens, found) or (apposition and _serves(tokens, found))):
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
    extra_role = _party_or_apposition(tokens, inner_first, end)
    if extra_role is None:
        return None  # not an apposition: "X, [a clause], said" has no subject next to its cue
    if found.extra_role is not None:
        extra_role = f"{found.extra_role}, {extra_role}"  # "Roy Cooper (D), McCrory's opponent"
    return Phrase(found.first, end - 1, found.start, last_end, found.kind, extra_role, found.core_end)


def _across_and(tokens: Sequence[Token], found: Phrase, lo: int) -> Phrase:
    """``A spokesman for the Department of Forestry and Fire Protection, Mark Reilly,``: a description
    whose organisation holds ``and`` (a noun phrase stops there), when the name that follows shows it is
    one; ``found`` itself otherwise."""
    joint = found.first - 1
    if joint - 1 < lo or tokens[joint].lower != "and" or not tokens[joint].text.islower():
        return found
    before = _phrase_ending(tokens, joint - 1, lo)
    if before is None or before.kind == PRONOUN or not _is_description(tokens, before):
        return found
    return Phrase(before.first, found.last, before.start, found.end, found.kind)


def _party_or_apposition(tokens: Sequence[Token], first: int, end: int) -> str | None:
    """The role text of ``(D-Mo.)``, ``R-Fla.`` or ``head of the X``; None for anything else."""
    words = [t for t in tokens[first:end] if t.kind == WORD]
    if not words or _is_clause(words):
        return None
    text = _SPACE_BEFORE_PUNCTUATION.sub(r"\1", " ".join(t.text for t in tokens[first:end]))
    if len(words) == 1 and _PARTY_TAG.fullmatch(words[0].text):
        return text
    if words[0].lower in _DETERMINERS or words[0].text[0].isdigit() or _possessive(words[0]):
        return text  # "the mayor", "45", "Twitter's director of political advertising"
    if any(_is_role_word(word) for word in words[:3]):
        return text  # "head of the centrist Tax Policy Center", "Sanders' campaign manager"
    return None


def _premodifier(tokens: Sequence[Token], start: int, index: int, hi: int) -> bool:
    """``leading`` in ``said another leading Supreme Court advocate``: a participle before the head noun,
    where only a determiner or other lowercase modifiers come before it and a word follows."""
    return (
        index + 1 < hi
        and tokens[index + 1].kind == WORD
        and all(
            t.kind == WORD and t.text.islower() and not _is_role_word(t) and not _is_verb_like_cue(t)
            for t in tokens[start:index]
        )
    )


def _describes_source(tokens: Sequence[Token], index: int, last: int, hi: int) -> bool:
    """``briefed on`` after ``people``: a participle and a preposition that describe the role word before
    them (``officials involved in the talks``), not a verb."""
    following = index + 1
    return (
        last >= 0
        and tokens[last].kind == WORD
        and _is_role_word(tokens[last])
        and tokens[index].lower.endswith("ed")
        and following + 1 < hi
        and tokens[following].lower in _PREPOSITIONS
    )


def _is_clause(words: Sequence[Token]) -> bool:
    """Whether words after a name's comma make a clause (``the plan could be announced``) rather than an
    apposition (``a close friend who was her chief of staff``): an auxiliary before any relative pronoun."""
    for word in words:
        if word.lower in _RELATIVES:
            return False
        if word.lower in _AUXILIARIES:
            return True
    return False


def phrase_after(
    tokens: Sequence[Token], start: int, hi: int, *, allow_pronoun: bool = True, after_cue: bool = False
) -> Phrase | None:
    """The speaker phrase that begins at ``start`` (``said Sen. Marco Rubio, R-Fla.``, ``according to X``).
    ``after_cue``: the phrase follows its cue, so no verb of its own follows it, and a participle after a role
    word describes the source (``according to people briefed on the talks``)."""
    words = lexicon()
    index = start
    if index >= hi or tokens[index].kind != WORD:
        return None
    if tokens[index].lower in words.pronouns and allow_pronoun and not _owns_next(tokens, index, hi):
        if tokens[index].lower in _SUBJECT_PRONOUNS:
            return Phrase(index, index, tokens[index].start, tokens[index].end, PRONOUN)
        return None
    last = index - 1
    seen_name = False
    while index < hi and index - start < _MAX_PHRASE:
        token = tokens[index]
        lower = token.lower
        if token.kind != WORD:
            if token.text == "." and last >= start and tokens[last].lower in words.abbreviations:
                index += 1
                continue
            break
        if lower in _DETERMINERS:
            if lower in _DEMONSTRATIVES or (
                index != start and not (last >= start and tokens[last].lower in _PREPOSITIONS)
            ):
                break
        elif lower in _PREPOSITIONS:
            if not (last >= start and _noun_like(tokens[last])) or index + 1 >= hi:
                break
        elif (
            lower in _BOUNDARY
            or (_is_verb_like_cue(token) and (seen_name or not is_noun_like(lower)))
            or _is_time_word(token)
            or (
                seen_name
                and token.text.islower()
                and not _is_role_word(token)
                and lower not in _NAME_PARTICLES
            )
        ):
            if after_cue and _describes_source(tokens, index, last, hi):
                last = index + 1  # "two people briefed on the talks": on through the participle
                index += 2
                continue
            break
        elif token.text.islower() and lower.endswith(("ed", "ing")) and last >= start:
            if after_cue and _describes_source(tokens, index, last, hi):
                last = index + 1
                index += 2
                continue
            if not (after_cue and _premodifier(tokens, start, index, hi)):
                break
        if _is_name_word(token):
            seen_name = True
        last = index
        index += 1
    while last >= start and tokens[last].lower in _PREPOSITIONS | _DETERMINERS:
        last -= 1
    kind = _classify(tokens, start, last)
    if kind is None or kind == PRONOUN:
        return None
    extra_role = None
    # ", R-Fla." or ", head of the X" right after the name
    after = last + 1
    if after + 1 < hi and tokens[after].text == ",":
        tail = after + 1
        while tail < hi and tail - after <= _MAX_PARENTHESIS:
            token = tokens[tail]
            if token.kind == QUOTE or (token.kind == PUNCT and token.text in ",;:!?"):
                break
            if token.text == "." and not _abbreviated(tokens[tail - 1]):
                break
            if token.lower in _RELATIVES:
                break
            tail += 1
        inner = [t for t in tokens[after + 1 : tail] if t.kind == WORD]
        if (
            _is_description(tokens, Phrase(start, last, tokens[start].start, tokens[last].end, kind))
            and (tail >= hi or tokens[tail].kind == QUOTE or tokens[tail].text in ",.;!?")
            and 0 < len(inner) <= 4
            and all(_is_name_word(t) and not _is_time_word(t) for t in inner)
        ):
            # a description, then the name: "Another critic, Laurence H. Tribe, likened …", and in wire
            # order at the end of a sentence: "…," said her mother, Karen Lowe.
            description = " ".join(t.text for t in tokens[start : last + 1])
            name_end = tokens[tail - 1].end
            return Phrase(
                start, tail - 1, tokens[start].start, name_end, NAME, description, name_end, inner[0].start
            )
        extra_role = _party_or_apposition(tokens, after + 1, tail)
        if extra_role is not None:
            if tokens[tail - 1].text == ".":
                tail -= 1
            core_end = tokens[last].end
            return Phrase(
                start, tail - 1, tokens[start].start, tokens[tail - 1].end, kind, extra_role, core_end
            )
    if after < hi and tokens[after].text == "(":
        close = after + 1
        while close < hi and close - after <= 6 and tokens[close].text != ")":
            close += 1
        if close < hi and tokens[close].text == ")":
            extra_role = _party_or_apposition(tokens, after + 1, close)
            if extra_role is not None:
                core_end = tokens[last].end
                return Phrase(
                    start, close, tokens[start].start, tokens[close].end, kind, extra_role, core_end
                )
    return Phrase(start, last, tokens[start].start, tokens[last].end, kind)


def _owns_next(tokens: Sequence[Token], index: int, hi: int) -> bool:
    """``her`` in ``said her mother``: a possessive pronoun that opens a description, not a speaker."""
    following = index + 1
    return (
        tokens[index].lower in _POSSESSIVE_PRONOUNS
        and following < hi
        and tokens[following].kind == WORD
        and tokens[following].text.islower()
        and not _is_verb_like_cue(tokens[following])
    )


def possessor_before(tokens: Sequence[Token], index: int, lo: int) -> Phrase | None:
    """``his`` in ``his thanks``, ``Trump`` in ``Trump's tweet``: who owns the speech noun at ``index``."""
    owner = index - 1
    while (
        owner >= lo
        and tokens[owner].kind == WORD
        and tokens[owner].text.islower()
        and not is_owner(tokens[owner])
        and index - owner <= 2
    ):
        owner -= 1  # "his repeated thanks", "her latest tweet"
    if owner < lo:
        return None
    token = tokens[owner]
    if token.lower in _POSSESSIVE_PRONOUNS:
        return Phrase(owner, owner, token.start, token.end, PRONOUN)
    if _possessive(token):
        found = _phrase_ending(tokens, owner, lo)
        if found is not None:
            # the mention ends before the possessive 's (or the bare apostrophe of "Sanders'")
            cut = token.end - (1 if token.lower.endswith(("s'", "s’")) else 2)
            return Phrase(found.first, found.last, found.start, cut, found.kind)
    return None


@functools.lru_cache(maxsize=16384)
def split_name(text: str) -> tuple[str | None, str]:
    """Split a mention into (role, name): ``U.S. special envoy Steve Witkoff`` -> (``U.S. special envoy``,
    ``Steve Witkoff``). A mention with no name gives (the mention without its determiner, ``""``)."""
    linked = _linked_name(text)
    if linked is not None:
        return linked
    words = text.split()
    while words and words[0].lower() in _DETERMINERS:
        words = words[1:]
    if words and words[-1].endswith(("'s", "’s")):
        words[-1] = words[-1][:-2]
        if not words[-1]:
            words.pop()  # a possessive ending apart from its word: "Doe 's"
    elif words and words[-1].endswith(("s'", "s’")):
        words[-1] = words[-1][:-1]
    if not words:
        return None, text
    name_start = len(words)
    # an organisation's name keeps its office words: "World Health Organization", "Justice Department"
    organisation = words[-1].lower().strip(".,") in lexicon().org_words
    for i in range(len(words) - 1, -1, -1):
        word = words[i]
        bare = word.lower().rstrip(".,")
        if word[0].isupper() or word[0].isdigit():
            only_suffixes = all(w.lower().rstrip(".,") in _GENERATIONAL for w in words[name_start:])
            if (bare in lexicon().titles or bare in lexicon().roles) and not organisation:
                if name_start < len(words) and not only_suffixes:
                    break  # "Martin Luther King Jr." keeps "King": a title word before Jr. is a name
                if name_start == len(words):
                    continue
            name_start = i
        elif (bare in _NAME_PARTICLES and name_start == i + 1) or bare in _GENERATIONAL:
            name_start = i
        else:
            break
    while name_start < len(words) and words[name_start].lower() in _NAME_PARTICLES:
        name_start += 1
    name_words = words[name_start:]
    if not name_words or all(w.lower().rstrip(".") in lexicon().titles for w in name_words):
        return " ".join(words), ""
    role = " ".join(words[:name_start]).strip(" ,") or None
    return role, " ".join(name_words)


def _linked_name(text: str) -> tuple[str | None, str] | None:
    """(role, name) of a mention whose name a link word joins to more capitalised words: one organisation
    (``the Bank of England``, ``the National Union of Teachers``), or a person and where they work
    (``Economist Fiona MacLeod of Capital Insights`` -> (``Economist, of Capital Insights``,
    ``Fiona MacLeod``)). None for anything else (``a spokesman for the campaign``, ``Secretary of State
    John Kerry``), which :func:`split_name` splits as usual."""
    words = text.split()
    while words and words[0].lower() in _DETERMINERS:
        words = words[1:]
    if words and words[-1].endswith(("'s", "’s")):
        words[-1] = words[-1][:-2]
    link = next((i for i, word in enumerate(words) if word in _NAME_LINKS), None)
    if link is None or link == 0 or link == len(words) - 1:
        return None
    left, right = words[:link], words[link + 1 :]
    vocabulary = lexicon()
    for position, word in enumerate(right, 1):
        bare = word.lower().rstrip(".,")
        if word in _NAME_LINKS or bare in _DETERMINERS:
            continue
        if not word[0].isupper() or (bare in vocabulary.titles and position < len(right)):
            return None  # "Bank of England Governor Andrew Bailey": the name comes after the role
    if left[-1].lower().strip(".,") in vocabulary.org_words:
        return (None, " ".join(words)) if all(word[0].isupper() for word in left) else None
    if words[link] not in _WORKPLACE_LINKS:
        return None
    role, name = split_name(" ".join(left))
    if not name or any(word.lower() in vocabulary.org_words for word in name.split()):
        return None
    where = " ".join(words[link:])
    return (f"{role}, {where}" if role else where), name


def sentence_subject(tokens: Sequence[Token], lo: int, hi: int, *, quote: int | None = None) -> Phrase | None:
    """The phrase a sentence opens with, when a verb follows it: ``Reid has gone after Trump as a "…"``.

    Openers are skipped: words such as ``But`` or ``Maybe``, and an introductory phrase up to its comma
    (``In an August speech, Trump attacked "…"``, ``Hours later, Trump returned …``). For a quotation at
    token ``quote`` inside an introductory clause, the clause's own subject is meant (``When Trump
    finally wrapped up — "…" —, the balloons …``).
    """
    index = lo
    for _ in range(4):
        if index >= hi or tokens[index].kind == QUOTE:
            return None
        lower = tokens[index].lower
        phrase = None if lower in _SENTENCE_OPENERS else phrase_after(tokens, index, hi)
        subject = None if phrase is None else _with_verb_after(tokens, phrase, hi)
        if subject is not None:
            return subject
        window = _MAX_CLAUSE if lower in _SUBORDINATORS else _MAX_PARENTHESIS
        comma = next(
            (
                i
                for i in range(index + 1, min(hi, index + window))
                if tokens[i].kind != WORD and not (tokens[i].text == "." and _abbreviated(tokens[i - 1]))
            ),
            None,
        )  # the first mark that ends the opener, past "Mary J. Blige's"
        if comma is not None and _ends_with_comma(tokens[comma]) and (phrase is None or phrase.last < comma):
            participle = index + 1 < hi and _is_participle(tokens[index + 1])
            if quote is not None and index < quote <= comma and lower in _SUBORDINATORS and not participle:
                inner = phrase_after(tokens, index + 1, comma)
                return inner if inner is not None and _verb_after(tokens, inner, comma) is not None else None
            # past an introductory phrase: "With X worried about Y, Obama is …"; a participle's subject is
            # the sentence's: "After saying her foot was "so swollen," she was …"
            index = comma + 1
        elif lower in _SUBORDINATORS:
            return None  # the subject of "When he returned he began" is not the sentence's
        else:
            index += 1  # past an opening word: "Maybe he figures …"
    return None


def _with_verb_after(tokens: Sequence[Token], phrase: Phrase, hi: int) -> Phrase | None:
    """``phrase``, or the longest part of it, that a verb follows: the forward walk cannot tell a verb from a
    noun, so ``The article closes with …`` first reads ``The article closes``."""
    if _verb_after(tokens, phrase, hi) is not None:
        return phrase
    if phrase.extra_role is not None:
        return None
    for last in range(phrase.last - 1, phrase.first - 1, -1):
        kind = _classify(tokens, phrase.first, last)
        if kind is None:
            continue
        shorter = Phrase(phrase.first, last, phrase.start, tokens[last].end, kind)
        if _verb_after(tokens, shorter, hi) is not None:
            return shorter
    return None


def _ends_with_comma(token: Token) -> bool:
    """A comma, or a quotation whose last character before its closing mark is one (``"…,"``)."""
    if token.text == ",":
        return True
    return token.kind == QUOTE and without_closing_marks(token).endswith(",")


def _is_participle(token: Token) -> bool:
    return token.kind == WORD and token.text.islower() and token.lower.endswith(("ing", "ed"))


def _verb_after(tokens: Sequence[Token], phrase: Phrase, hi: int) -> int | None:
    """Where the verb after a subject phrase is: a lowercase word that is no pronoun, article or linker."""
    after = phrase.last + 1
    if after < hi and tokens[after].text == "." and _abbreviated(tokens[after - 1]):
        after += 1  # "Paul Ryan, R-Wis., …"
    if after < hi and tokens[after].text == "," and phrase.extra_role is not None:
        after += 1
    if after + 1 < hi and tokens[after].text == "," and tokens[after + 1].lower in _ADVERBIAL_OPENERS:
        # "Harry Reid (D-Nev.), in particular, has been …": past the adverbial between commas
        closing = next((i for i in range(after + 2, min(hi, after + 8)) if tokens[i].text == ","), None)
        if closing is not None:
            after = closing + 1
    skipped = _skip_forward(tokens, after, hi)
    if skipped > after and skipped < hi and tokens[skipped].kind == QUOTE:
        return skipped  # "America's Renewable Future is "confident that …""
    after = skipped
    if after >= hi or tokens[after].kind != WORD or not tokens[after].text.islower():
        return None
    lower = tokens[after].lower
    if (
        (lower in _PREPOSITIONS or lower in _SUBORDINATORS)
        and after + 1 < hi
        and _is_participle(tokens[after + 1])
    ):
        return after + 1  # "Paul Ryan, R-Wis., despite admitting that …"
    if lower in _BOUNDARY or lower in _PREPOSITIONS or lower in _DETERMINERS or lower in lexicon().pronouns:
        return None
    return after


def _skip_forward(tokens: Sequence[Token], index: int, hi: int) -> int:
    while index < hi and tokens[index].kind == WORD and _is_skippable(tokens[index]):
        index += 1
    return index


def is_strong_subject(tokens: Sequence[Token], phrase: Phrase, lo: int) -> bool:
    """Whether a phrase can be the subject of a cue word that is often a noun (``officials say``,
    ``Trump tweets``, but not ``Kim's mental state`` nor ``of Republican claims``)."""
    if phrase.kind == PRONOUN:
        return True
    if tokens[phrase.first].lower in ("a", "an"):
        return False  # "a Donald Trump tweet": a name in a description, not a speaker
    before = phrase.first - 1
    if before >= lo and (tokens[before].lower in _PREPOSITIONS or tokens[before].lower in _DETERMINERS):
        return False
    head = tokens[phrase.last]
    if head.kind != WORD:
        head = tokens[phrase.first]
    words = lexicon()
    bare = head.lower.rstrip(".")
    if head.text[0].isupper():
        return not _possessive(head)
    return bare in words.roles or bare in words.titles or bare in words.org_words or bare in _SOURCE_NOUNS


def _people_pattern() -> regex.Pattern[str]:
    titles = sorted(lexicon().titles, key=len, reverse=True)
    alternation = "|".join(regex.escape(title[:1].upper() + title[1:]) for title in titles)
    name = r"\p{Lu}[\p{L}'’-]*+"
    # a title and a name ("Ms. Mary Jones", "President Volodymyr Zelenskyy"), or two or three capitalised
    # words whose first may be a given name ("Mary Jones", "Georgiy Tykhyi")
    return regex.compile(
        rf"\b(?=\p{{Lu}})(?:(?P<title>{alternation})\.?\s++(?P<titled>{name}(?:\s++{name}){{0,2}})"
        rf"|(?P<given>\p{{Lu}}\p{{Ll}}++)\s++(?:\p{{Lu}}\.\s++)?{name}(?:\s++{name})?)"
    )


_PEOPLE = _people_pattern()


def people_named(text: str, start: int, end: int) -> list[Phrase]:
    """Every person the text between ``start`` and ``end`` names with a title or a known given name.

    These are not speakers: they are the people a later ``he`` or ``she`` may refer to, and the full
    names that a surname alone may stand for.
    """
    given_names = lexicon().given_names
    found = []
    for match in _PEOPLE.finditer(text, start, end):
        if match["given"] is not None and match["given"].lower() not in given_names:
            continue
        first, last = match.span()
        found.append(Phrase(-1, -1, _role_start(text, start, first), last, NAME))
    return found


def _role_start(text: str, start: int, name_start: int) -> int:
    """Where the role words before a name begin: ``U.S. special envoy`` before ``Steve Witkoff``,
    ``Ukrainian foreign ministry spokesman`` before ``Georgiy Tykhyi``."""
    first = name_start
    words = lexicon()
    for chunk in reversed(
        list(_ROLE_WORD.finditer(text, max(start, name_start - _MAX_ROLE_TEXT), name_start))
    ):
        word = chunk.group()
        bare = word.lower()
        if text[chunk.end() : first].strip() or not (
            bare in words.roles or bare.rstrip(".") in words.titles or _NATIONALITY.fullmatch(word)
        ):
            break  # not a role word, or punctuation between it and the rest
        first = chunk.start()
    return first


def pronoun_subject_before(tokens: Sequence[Token], index: int, lo: int) -> Phrase | None:
    """The nearest subject pronoun before tokens[index] in its sentence that a verb follows (``after she
    attacked … and blamed … on "…"``), not across another quotation."""
    for position in range(index - 1, max(lo, index - _MAX_CLAUSE) - 1, -1):
        token = tokens[position]
        if token.kind == QUOTE:
            return None
        if token.lower in _SUBJECT_PRONOUNS and token.lower != "it":
            phrase = Phrase(position, position, token.start, token.end, PRONOUN)
            return phrase if _verb_after(tokens, phrase, index) is not None else None
    return None


def opening_name(tokens: Sequence[Token], lo: int, hi: int) -> Phrase | None:
    """The name a sentence opens with (``Trump attacked Clinton.``), found cheaply: a person later
    pronouns may refer to. :func:`sentence_subject` is the thorough search, for when a quote needs it."""
    if lo >= hi or not _is_name_word(tokens[lo]):
        return None
    phrase = phrase_after(tokens, lo, hi, allow_pronoun=False)
    return phrase if phrase is not None and phrase.kind == NAME else None

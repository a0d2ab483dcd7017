"""Stage 3: for each quoted span, the cue and the phrase that names its speaker.

Each paragraph that holds a quotation or a cue word is read as a frame (see
:mod:`quotebank._pipeline.tokens`), split into sentences. In each sentence every cue (a reporting verb,
``according to``, or a speech noun after a possessive: ``his thanks to "…"``) gets its speaker phrase (see
:mod:`quotebank._pipeline.names`). Then each quotation takes, in this order:

1. the speaker label of a transcript paragraph (``"PENCE: Well, …``) for everything quoted in it;
2. the cue right after it: ``"…," said X`` / ``"…," X said`` / ``"…" ― X`` / ``"…": X`` (headlines);
3. the nearest cue before it in its sentence: ``X said the talks were "…"``;
4. the nearest cue after it in its sentence: ``"…" and "…," X said``;
5. the subject of its sentence, when that is a name, a pronoun or a source: ``Reid has gone after Trump as
   a "con artist"``;
6. the nearest attribution or cue in the same paragraph (``"…," she said. "…"``);
7. for a paragraph that opens with a quotation: the introducer the paragraph before ended with
   (``He said:``), or else its last attribution;
8. the attribution of another paragraph of the same multi-paragraph quotation.

A cue with no subject of its own (``…, adding that "…"``) takes the speaker of the cue before it in its
sentence, or else the sentence's subject. Cue words that are often nouns (``state``, ``claims``, ``tweets``)
count only with a subject that can speak. Speaker phrases are only located here;
:mod:`quotebank._pipeline.coreference` turns them into people.
"""

from __future__ import annotations

import bisect
import enum
import functools
from collections.abc import Sequence
from typing import NamedTuple

import attrs
import regex

from quotebank._pipeline.language import Language
from quotebank._pipeline.names import (
    NAME,
    NOMINAL,
    PRONOUN,
    Phrase,
    clause_start,
    fronted_clause,
    impersonal_source,
    is_nickname,
    is_noun_like,
    is_owner,
    is_strong_subject,
    is_subjunctive,
    main_verb,
    names_person,
    opening_name,
    opinion_opening,
    opinion_source,
    people_named,
    phrase_after,
    possessor_before,
    pronoun_subject_before,
    sentence_subject,
    subject_before,
    verb_second_subject,
)
from quotebank._pipeline.spans import QuoteSpan
from quotebank._pipeline.structure import dateline_length, dateline_paragraph
from quotebank._pipeline.tokens import (
    PUNCT,
    QUOTE,
    WORD,
    Token,
    rough_sentences,
    sentences,
    tokenize,
    without_closing_marks,
)
from quotebank.values import Article, Paragraph, ParagraphKind

__all__ = [
    "Attribution",
    "Cue",
    "Frames",
    "Rule",
    "SubjectOf",
    "attribute",
    "cue_words",
    "find_cues",
    "lowercase_words_of",
    "sentences_with_quotes",
]

_WORDS = regex.compile(r"\p{Ll}+")
_LOWERCASE_WORDS = regex.compile(r"\b\p{Ll}+\b")
_DASHES = frozenset("—–-―")
_CLAUSE_ENDS = (",", ".", "?", "!", "…")  # what a quotation that closes its clause ends with
_SPEECH_CLAUSE_WORDS = 8  # how far into that clause the quotation may start
_ATTRIBUTED_KINDS = (ParagraphKind.TITLE, ParagraphKind.BODY, ParagraphKind.RELATED)
_HEADLINE_KINDS = (ParagraphKind.TITLE, ParagraphKind.RELATED)
# "PENCE: Well, …" or "SEN. KAINE: …" at the start of a transcript paragraph, after an optional mark
_TRANSCRIPT_LABEL = regex.compile(r"[\"“”'‘«„]?\s*+(?P<label>\p{Lu}[\p{Lu}.'’ -]{1,40}?)\s*+:\s")


@attrs.frozen
class _Words:
    """What this module reads of one language, derived once per :class:`Language` (see :func:`_words`)."""

    lang: Language
    non_cue_before: frozenset[str]
    naming_participles: frozenset[str]
    passive_auxiliaries: frozenset[str]
    headline_links: frozenset[str]
    speech_clause_openers: frozenset[str]
    speech_noun_links: frozenset[str]
    """What may stand between a speech noun and its quotation: his thanks to "…", her statement that
    "…" (a comma or a colon too)."""
    speaker_after: dict[str, tuple[tuple[str, ...], ...]]
    speaker_after_quote: dict[str, tuple[tuple[str, ...], ...]]
    speaker_before: dict[str, tuple[tuple[str, ...], ...]]
    separable: dict[str, tuple[tuple[str, ...], ...]]
    """Separable reporting verbs by their stem: the stem and the words that close its clause."""
    verb_phrases: dict[str, tuple[tuple[str, ...], ...]]
    cue_words: frozenset[str]
    """Every word that may start a cue: a paragraph or sentence without one needs no attribution."""
    capitalised_cues: frozenset[str]
    listener_cues: frozenset[str]
    reflexives: frozenset[str]
    """Reflexive pronouns that may stand between a cue and the speaker after it (``äußerte sich X``)."""
    quoted_passive: frozenset[str]
    """Participles whose passive subject is the speaker (German ``wird X zitiert``)."""
    quoting_verbs: frozenset[str]
    """Active verbs of quoting, whose object is the speaker (German ``zitiert die Zeitung den Minister``)."""
    cue_auxiliaries: frozenset[str]
    """Auxiliaries that may stand between a quotation and its cue (French ``« … », a déclaré X``)."""
    inversion_pronouns: frozenset[str]
    """The pronouns of an inverted auxiliary (French ``« … », a-t-elle poursuivi``)."""
    time_words: frozenset[str]
    prepositions: frozenset[str]
    clause_links: frozenset[str]
    subordinators: frozenset[str]
    fronted: frozenset[str]
    """Words that open a fronted phrase that is no subject (prepositions, subordinators, adverbs, time
    words): in a verb-second language the subject then follows the verb."""
    present_participle: tuple[str, ...]
    adverb_endings: tuple[str, ...]


@functools.cache
def _words(lang: Language) -> _Words:
    grammar = lang.grammar
    speaker_after = _by_first_word(lang.speaker_after_phrases)
    speaker_after_quote = _by_first_word(lang.speaker_after_quote_phrases)
    speaker_before = _by_first_word(lang.speaker_before_phrases)
    separable = _by_first_word(lang.separable_verbs)
    verb_phrases = _by_first_word(lang.verb_phrases)
    return _Words(
        lang=lang,
        non_cue_before=grammar["non_cue_before"],
        naming_participles=grammar["naming_participles"],
        passive_auxiliaries=grammar["passive_auxiliaries"],
        headline_links=grammar["headline_links"],
        speech_clause_openers=grammar["speech_clause_openers"],
        speech_noun_links=frozenset(":,") | grammar["speech_noun_links"],
        speaker_after=speaker_after,
        speaker_after_quote=speaker_after_quote,
        speaker_before=speaker_before,
        separable=separable,
        verb_phrases=verb_phrases,
        cue_words=frozenset(lang.cue_forms)
        | lang.speech_nouns
        | frozenset(speaker_after)
        | frozenset(speaker_after_quote)
        | frozenset(speaker_before)
        | frozenset(separable)
        | frozenset(verb_phrases),
        capitalised_cues=grammar["capitalised_cues"],
        listener_cues=grammar["listener_cues"],
        reflexives=grammar["reflexives"],
        quoted_passive=grammar["quoted_passive"],
        quoting_verbs=grammar["quoting_verbs"],
        cue_auxiliaries=grammar["cue_auxiliaries"],
        inversion_pronouns=grammar["inversion_pronouns"],
        time_words=grammar["time_words"],
        prepositions=grammar["prepositions"],
        clause_links=grammar["clause_links"],
        subordinators=grammar["subordinators"],
        fronted=grammar["prepositions"]
        | grammar["subordinators"]
        | grammar["adverbial_openers"]
        | grammar["skippable"]
        | grammar["time_words"],
        present_participle=tuple(sorted(grammar["present_participle_endings"])),
        adverb_endings=tuple(sorted(grammar["adverb_endings"])),
    )


def cue_words(lang: Language) -> frozenset[str]:
    """Every word of ``lang`` that may start a cue: a sentence without one needs no attribution."""
    return _words(lang).cue_words


class Rule(str, enum.Enum):
    """The rule that attributed a quotation (numbered as in this module's description); its value is the
    first feature of a quote's confidence evidence (:mod:`quotebank._pipeline.confidence`)."""

    TRANSCRIPT = "transcript"
    """1: the speaker label of a transcript paragraph."""
    AFTER = "after"
    """2: the cue right after the quotation."""
    BEFORE = "before"
    """3: the nearest cue before it in its sentence."""
    FOLLOWING = "following"
    """4: the nearest cue after it in its sentence."""
    COLON = "colon"
    """A name, or the sentence's subject, before a colon that opens the quotation."""
    SUBJECT = "subject"
    """5: the subject of its sentence."""
    PARAGRAPH = "paragraph"
    """6: the nearest attribution or cue in the same paragraph."""
    INTRODUCER = "introducer"
    """7: the introducer the paragraph before ended with (``He said:``)."""
    CONTINUATION = "continuation"
    """7: the last attribution of the paragraph before."""
    GROUP = "group"
    """8: the attribution of another paragraph of the same multi-paragraph quotation."""


@attrs.frozen
class Cue:
    """A reporting verb or phrase in a frame, and the speaker phrase it governs (if it has one)."""

    first: int
    last: int
    start: int
    end: int
    lemma: str
    phrase: Phrase | None
    inherited: bool = False
    """Whether ``phrase`` was taken from elsewhere in the sentence (``adding``, ``vowed`` with no subject)."""


@attrs.frozen
class Attribution:
    """How one span is attributed: the speaker phrase (character offsets), the cue, the rule used."""

    span: int
    phrase: Phrase | None
    cue: tuple[int, int] | None
    rule: Rule


@attrs.frozen
class _Sentence:
    """One sentence of a frame, tokens[lo:hi], with its cues in text order."""

    tokens: Sequence[Token]
    lo: int
    hi: int
    cues: Sequence[Cue]
    cue_starts: Sequence[int]
    headline: bool


def attribute(
    lang: Language,
    article: Article,
    spans: Sequence[QuoteSpan],
    *,
    frames: Frames | None = None,
) -> tuple[list[Attribution | None], list[Phrase]]:
    """The attribution of every span (``None`` for an unattributed one), and every speaker phrase of the
    article (also those of cues without a quotation, and sentence subjects), which name the people
    pronouns may refer to. ``frames``, when given, keeps the article's lowercase words and the tokens of
    each rough sentence read, for reported speech to read again without tokenising twice."""
    w = _words(lang)
    text = article.text
    by_paragraph: dict[int, list[tuple[int, QuoteSpan]]] = {}
    for index, span in enumerate(spans):
        by_paragraph.setdefault(span.paragraph, []).append((index, span))

    results: list[Attribution | None] = [None] * len(spans)
    phrases: list[Phrase] = []
    if not spans:
        return results, phrases  # no quotation: nobody to attribute, nobody to name
    lowercase_words = frames.lowercase_words if frames is not None else lowercase_words_of(article)
    previous: Attribution | None = None  # the last attribution of the previous body paragraph
    opening = dateline_paragraph(article.paragraphs)
    dateline_index = -1 if opening is None else opening.index
    introducer: Attribution | None = None
    for paragraph in article.paragraphs:
        if paragraph.kind not in _ATTRIBUTED_KINDS:
            previous, introducer = None, None
            continue
        phrases.extend(people_named(w.lang, text, paragraph.start, paragraph.end))
        quotes = by_paragraph.get(paragraph.index, [])
        if not quotes and not _opens_with_quote(paragraph.index + 1, article, by_paragraph):
            # A paragraph without a quotation matters only to a next one that opens with one (rule 8);
            # the people it names are known from people_named above.
            previous, introducer = None, None
            continue
        # a dateline is no part of the first sentence ("LOS ANGELES (UPI) — Blige sings …")
        body_start = paragraph.start
        if paragraph.index == dateline_index:
            body_start += dateline_length(paragraph.text)
        tokens = _frame_tokens(
            w, text, (body_start, paragraph.end), quotes, frames=frames, lowercase_words=lowercase_words
        )
        if not tokens:
            previous, introducer = None, None
            continue
        headline = paragraph.kind in _HEADLINE_KINDS
        found, later, cues, subjects = _attribute_paragraph(w, tokens, headline)
        phrases.extend(cue.phrase for cue in cues if cue.phrase is not None and not cue.inherited)
        phrases.extend(subjects)
        label = None if headline else _transcript_label(text, paragraph)
        if label is not None:
            phrases.append(label)
        opens_with_quote = bool(quotes) and quotes[0][1].outer_start == paragraph.start
        last: Attribution | None = None
        for index, _span in quotes:
            attribution = found.get(index)
            if label is not None:
                attribution = Attribution(index, label, None, Rule.TRANSCRIPT)
            elif attribution is None:
                continues = opens_with_quote and not headline
                attribution = _from_before(index, later, introducer, previous, continues=continues)
            results[index] = attribution
            if attribution is not None:
                last = attribution
        if headline:
            previous, introducer = None, None
        else:
            previous = last if quotes else _last_cue(cues)
            introducer = _introducer(w, tokens, cues)
    _unify_groups(spans, results)
    return results, phrases


def _from_before(
    index: int,
    later: dict[int, Attribution],
    introducer: Attribution | None,
    previous: Attribution | None,
    *,
    continues: bool,
) -> Attribution | None:
    """Rules 7 and 8 for a quotation its own sentence left unattributed: in a paragraph that opens with a
    quotation (``continues``), the introducer the paragraph before ended with; else a cue later in its
    paragraph; else, continuing, the last attribution of the paragraph before."""
    if continues and introducer is not None:
        return attrs.evolve(introducer, span=index)
    if index in later:
        return later[index]
    if continues and previous is not None:
        return Attribution(index, previous.phrase, previous.cue, Rule.CONTINUATION)
    return None


def _frame_tokens(
    w: _Words,
    text: str,
    bounds: tuple[int, int],
    quotes: Sequence[tuple[int, QuoteSpan]],
    *,
    frames: Frames | None,
    lowercase_words: frozenset[str],
) -> list[Token]:
    """The tokens of the sentences of text[start:end] that matter to attribution: those with a quotation or a
    cue word (the others name no speaker; their people are found by people_named). Sentences are cut
    roughly first, never inside a quotation; ``frames`` keeps each sentence read."""
    tokens: list[Token] = []
    rough = sentences_with_quotes(w.lang, text, *bounds, quotes)
    for position, (start, end, inside) in enumerate(rough):
        # in a verb-second language the sentence before a quotation may name its speaker with no cue ("Der
        # Bruder, X, war eingeweiht. „…“"): it is read too
        before_quote = (
            w.lang.settings.verb_second and position + 1 < len(rough) and bool(rough[position + 1][2])
        )
        if inside or before_quote or not w.cue_words.isdisjoint(_WORDS.findall(text[start:end].lower())):
            sentence = tokenize(w.lang, text, start, end, inside, lowercase_words=lowercase_words)
            if frames is not None:
                frames.tokens[start, end] = sentence
            tokens.extend(sentence)
    return tokens


@attrs.define
class Frames:
    """What attribution read of an article that reported speech reads again: the words the article writes
    in lowercase, and the tokens of each rough sentence, by its (start, end)."""

    lowercase_words: frozenset[str]
    tokens: dict[tuple[int, int], list[Token]] = attrs.Factory(dict)

    @classmethod
    def of(cls, article: Article) -> Frames:
        return cls(lowercase_words_of(article))

    def take(
        self, lang: Language, text: str, start: int, end: int, quotes: Sequence[tuple[int, QuoteSpan]]
    ) -> list[Token]:
        """The tokens of ``text[start:end]``: those attribution made, handed over once, or new ones. Only
        sentence starts change on tokens, and attribution saw the sentence in its paragraph: they are
        cleared for a reading of the sentence alone."""
        tokens = self.tokens.pop((start, end), None)
        if tokens is None:
            return tokenize(lang, text, start, end, quotes, lowercase_words=self.lowercase_words)
        for token in tokens:
            token.initial = False
        return tokens


def lowercase_words_of(article: Article) -> frozenset[str]:
    """The words the article writes in lowercase, collected paragraph by paragraph: a list of every word of a
    long article at once would take several times the article's size."""
    distinct: set[str] = set()
    for paragraph in article.paragraphs:
        distinct.update(_LOWERCASE_WORDS.findall(article.text, paragraph.start, paragraph.end))
    return frozenset(distinct)


def _opens_with_quote(
    index: int, article: Article, by_paragraph: dict[int, list[tuple[int, QuoteSpan]]]
) -> bool:
    """Whether paragraph ``index`` opens with a quotation."""
    quotes = by_paragraph.get(index, [])
    return bool(quotes) and quotes[0][1].outer_start == article.paragraphs[index].start


def sentences_with_quotes(
    lang: Language, text: str, begin: int, finish: int, quotes: Sequence[tuple[int, QuoteSpan]]
) -> list[tuple[int, int, list[tuple[int, QuoteSpan]]]]:
    """The paragraph's rough sentences as (start, end, the quotations inside); a sentence break that falls
    inside a quotation is no break."""
    w = _words(lang)
    found: list[tuple[int, int, list[tuple[int, QuoteSpan]]]] = []
    pending = 0
    for start, end in rough_sentences(w.lang, text, begin, finish):
        if found and found[-1][2] and found[-1][2][-1][1].outer_end > start:
            first, _end, inside = found.pop()  # a quotation runs on across the break
        else:
            first, inside = start, []
        while pending < len(quotes) and quotes[pending][1].outer_start < end:
            inside.append(quotes[pending])
            pending += 1
        found.append((first, end, inside))
    return found


def _transcript_label(text: str, paragraph: Paragraph) -> Phrase | None:
    """The speaker label that opens a transcript paragraph (``"WALLACE: …``), as a phrase."""
    match = _TRANSCRIPT_LABEL.match(text, paragraph.start, paragraph.end)
    if match is None or sum(ch.isalpha() for ch in match["label"]) < 2:
        return None
    start, end = match.span("label")
    return Phrase(-1, -1, start, end, NAME)


def _make(span: int, phrase: Phrase | None, cue: Cue, rule: Rule) -> Attribution:
    return Attribution(span, phrase, (cue.start, cue.end), rule)


def _attribute_paragraph(
    w: _Words, tokens: list[Token], headline: bool
) -> tuple[dict[int, Attribution], dict[int, Attribution], list[Cue], list[Phrase]]:
    """Rules 2 to 7 for the quotations of one paragraph: what each quotation takes, and what a quotation
    with only a later cue in its paragraph may take after rule 8; also the cues and named sentence subjects.
    """
    found: dict[int, Attribution] = {}
    all_cues: list[Cue] = []
    subjects: list[Phrase] = []
    nicknames: set[int] = set()
    # what rule 6 may borrow from: (token index, attribution) of every attributed quote and every cue
    anchors: list[tuple[int, Attribution]] = []
    for lo, hi in sentences(w.lang, tokens):
        subject_of = SubjectOf(w.lang, tokens, lo, hi)
        cues = find_cues(w.lang, tokens, lo, hi, subject_of)
        sentence = _Sentence(tokens, lo, hi, cues, [cue.first for cue in cues], headline)
        all_cues.extend(cues)
        anchors.extend(
            (
                cue.first,
                Attribution(-1, cue.phrase, (cue.start, cue.end), Rule.PARAGRAPH),
            )
            for cue in cues
            if cue.phrase is not None
        )
        for qi in range(lo, hi):
            if tokens[qi].kind != QUOTE:
                continue
            if is_nickname(w.lang, tokens, qi, lo, hi):
                nicknames.add(qi)  # "Thomas "Tip" Walsh": part of a name, said by nobody
                continue
            quote = tokens[qi].quote
            attribution = _in_sentence(w, sentence, qi)
            if attribution is None and not headline:  # a headline's capitals say nothing of a subject
                attribution = _by_subject(w, tokens, (lo, hi), qi, subject_of)
            if attribution is not None:
                found[quote] = attribution
                anchors.append((qi, attribution))
        subject = subject_of.found if subject_of.searched else opening_name(w.lang, tokens, lo, hi)
        if subject is not None and subject.kind == NAME:
            subjects.append(subject)
        if w.lang.settings.verb_second and not cues and not any(t.kind == QUOTE for t in tokens[lo:hi]):
            # a sentence about a person with no cue and no quotation: the person may speak next
            person = verb_second_subject(w.lang, tokens, lo, hi)
            if person is not None and names_person(w.lang, tokens, person):
                anchors.append((lo, Attribution(-1, person, None, Rule.PARAGRAPH)))
                subjects.append(person)
    anchors.sort(key=lambda item: item[0])
    positions = [position for position, _anchor in anchors]
    later: dict[int, Attribution] = {}
    for qi, token in enumerate(tokens):
        if token.kind != QUOTE or token.quote in found or not anchors or qi in nicknames:
            continue
        nearest = bisect.bisect_left(positions, qi)
        if nearest > 0:
            source = anchors[nearest - 1][1]
            found[token.quote] = Attribution(token.quote, source.phrase, source.cue, Rule.PARAGRAPH)
        else:  # only a later cue: an introducer from the paragraph before comes first (rule 8)
            source = anchors[nearest][1]
            later[token.quote] = Attribution(token.quote, source.phrase, source.cue, Rule.PARAGRAPH)
    return found, later, all_cues, subjects


def _by_subject(
    w: _Words, tokens: Sequence[Token], bounds: tuple[int, int], qi: int, subject_of: SubjectOf
) -> Attribution | None:
    """Rule 5 for the quotation token ``qi`` that no cue attributes: the subject of its sentence or clause,
    when it can speak; in a verb-second language also a text or a holder of a view (``In dem Antrag heißt
    es: „…“``, ``Für den Minister ist …``)."""
    lo, hi = bounds
    quote = tokens[qi].quote
    verb_second = w.lang.settings.verb_second
    # asked first in every language: the paragraph's named subjects are taken from it once it is found
    subject = subject_of()
    if verb_second:
        reporter = impersonal_source(w.lang, tokens, lo, hi) or opinion_source(w.lang, tokens, lo, hi)
        if reporter is not None:
            # "In dem Antrag heißt es: „…“": the text speaks, though a preposition governs it
            return Attribution(quote, reporter, None, Rule.SUBJECT)
        clause_subject = verb_second_subject(w.lang, tokens, lo, hi)
    else:
        clause_subject = subject
        if subject is None or subject.last > qi:
            clause_subject = sentence_subject(w.lang, tokens, lo, hi, quote=qi)
    nearer = pronoun_subject_before(w.lang, tokens, qi, lo)
    if nearer is not None and (clause_subject is None or nearer.first > clause_subject.last):
        clause_subject = nearer  # "Christie … after she attacked … and blamed … on "…""
    # "Pour Claire Martin, la mesure est « une erreur »": the view is the name's, where no subject speaks
    holder = None if verb_second else opinion_opening(w.lang, tokens, lo, hi)
    # the clause's subject may be an apposition of the name's: "Pour X, délégué syndical, …"
    if (
        holder is not None
        and holder.last < qi
        and (clause_subject is None or clause_subject.first <= holder.last)
    ):
        return Attribution(quote, holder, None, Rule.SUBJECT)
    if (
        clause_subject is not None
        # in a verb-second clause the quotation may come first: "Als „…“ bezeichnet sie den Fund"
        and (clause_subject.last < qi or verb_second)
        and is_strong_subject(w.lang, tokens, clause_subject, lo)
    ):
        return Attribution(quote, clause_subject, None, Rule.SUBJECT)
    if holder is not None and holder.last < qi:
        return Attribution(quote, holder, None, Rule.SUBJECT)
    return None


@attrs.define
class SubjectOf:
    """The subject of a sentence, found on first need only: most sentences never need it."""

    lang: Language
    tokens: Sequence[Token]
    lo: int
    hi: int
    found: Phrase | None = None
    searched: bool = False

    def __call__(self) -> Phrase | None:
        if not self.searched:
            self.found = sentence_subject(self.lang, self.tokens, self.lo, self.hi)
            self.searched = True
        return self.found


def find_cues(lang: Language, tokens: Sequence[Token], lo: int, hi: int, subject_of: SubjectOf) -> list[Cue]:
    """Every cue of the sentence tokens[lo:hi], with its speaker phrase (borrowed when it has none)."""
    w = _words(lang)
    cues: list[Cue] = []
    last_with_phrase: Cue | None = None
    index = lo
    while index < hi:
        cue = _cue_at(w, tokens, index, lo, hi) if tokens[index].lower in w.cue_words else None
        if (
            cue is not None
            and last_with_phrase is not None
            and w.lang.settings.verb_second
            and cue.first == cue.last
            and is_subjunctive(w.lang, tokens[cue.first])
        ):
            # "X kritisiert, die Aktion erinnere „…“": a verb in the subjunctive is part of what X reports
            cue = None
        if cue is None:
            index += 1
            continue
        if cue.phrase is None and last_with_phrase is not None:
            cue = attrs.evolve(cue, phrase=last_with_phrase.phrase, inherited=True)
        elif cue.phrase is None:
            subject = subject_of()
            if subject is not None and subject.last < cue.first:
                cue = attrs.evolve(cue, phrase=subject, inherited=True)
        if cue.phrase is not None:
            last_with_phrase = cue
        cues.append(cue)
        index = cue.last + 1
    return cues


def _cue_at(w: _Words, tokens: Sequence[Token], index: int, lo: int, hi: int) -> Cue | None:
    """The cue that a cue word at ``index`` opens, with its own speaker phrase if it has one: a phrase with
    its speaker after it (``according to``) or before it (``zufolge``), a verb (one word, a phrase, or
    separable), or a speech noun after a possessive."""
    token = tokens[index]
    lower = token.lower
    if not (
        token.kind == WORD
        and (
            token.text.islower()
            or (token.text[1:].islower() and (index == lo or lower in w.capitalised_cues))
            # an elided capitalised cue: "D'après X, …" (its rest, an apostrophe, has no case)
            or (lower in w.capitalised_cues and token.text[1:] == lower[1:])
        )
    ):  # a capitalised "According to" may follow a dateline: "KYIV (Reuters) - According to X, "…""
        return None
    speaker_after = _match_phrase(tokens, index, hi, w.speaker_after)
    if speaker_after is None and (
        _right_after_quote(tokens, index, lo) or _closing_aside(w, tokens, index, lo, hi)
    ):
        speaker_after = _match_phrase(tokens, index, hi, w.speaker_after_quote)
    speaker_before = _match_phrase(tokens, index, hi, w.speaker_before)
    if speaker_before is not None and index > lo:
        # "dem Bericht zufolge": the speaker stands before its postposition
        lemma = " ".join(t.lower for t in tokens[index : speaker_before + 1])
        return _cue(tokens, index, speaker_before, lemma, subject_before(w.lang, tokens, index, lo))
    separable = _separable(w, tokens, index, hi)
    if separable is not None:
        return _verb_cue(w, tokens, index, lo, hi, lemma=separable)
    if speaker_after is not None:
        lemma = " ".join(t.lower for t in tokens[index : speaker_after + 1])
        phrase = phrase_after(w.lang, tokens, speaker_after + 1, hi, after_cue=True)
        return _cue(tokens, index, speaker_after, lemma, phrase)
    verb_phrase = _match_phrase(tokens, index, hi, w.verb_phrases)
    if verb_phrase is not None:
        return _verb_cue(w, tokens, index, lo, hi, phrase_last=verb_phrase)
    if lower in w.lang.speech_nouns and index > lo and is_owner(w.lang, tokens[index - 1]):
        return _owned_speech_noun(w, tokens, index, lo, hi)
    if (
        lower in w.lang.speech_nouns
        and index - 1 > lo
        and tokens[index - 1].kind == QUOTE
        and is_owner(w.lang, tokens[index - 2])
    ):  # Mitt Romney's "47 percent" comment
        return _cue(tokens, index, index, lower, possessor_before(w.lang, tokens, index - 1, lo))
    if lower in w.lang.cue_forms and not (index > lo and tokens[index - 1].lower in w.non_cue_before):
        return _verb_cue(w, tokens, index, lo, hi)
    return None


def _owned_speech_noun(w: _Words, tokens: Sequence[Token], index: int, lo: int, hi: int) -> Cue | None:
    """The cue of a speech noun after a possessive (``his thanks to "…"``), or ``None`` when the quotation
    near it is not the owner's."""
    owner = possessor_before(w.lang, tokens, index, lo)
    # "X called Y's comments "…"": what follows the noun may be X's words; what its own clause holds ("Y's
    # claim that there were "…"") is Y's
    follows = _quote_follows(tokens, index, hi, w.speech_noun_links)
    if (follows and not _object_of_cue(w, tokens, owner, lo)) or _quote_in_clause(w, tokens, index, hi):
        return _cue(tokens, index, index, tokens[index].lower, owner)
    return None


def _quote_in_clause(w: _Words, tokens: Sequence[Token], index: int, hi: int) -> bool:
    """``Trump's claim that there have been "…"``: a quotation in the clause a speech noun opens, before
    any other mark."""
    opener = index + 1
    if opener >= hi or tokens[opener].lower not in w.speech_clause_openers:
        return False
    for position in range(opener + 1, min(hi, opener + _SPEECH_CLAUSE_WORDS + 1)):
        token = tokens[position]
        if token.kind == QUOTE:
            return True
        if token.kind != WORD or token.lower in w.cue_words:
            return False
    return False


def _object_of_cue(w: _Words, tokens: Sequence[Token], owner: Phrase | None, lo: int) -> bool:
    """``has called Mr. Trump's comments "racially toxic"``: the owner of the speech noun, named, is the
    object of a reporting verb, whose subject is the speaker."""
    if owner is None or owner.first <= lo or owner.kind == PRONOUN:
        return False  # "adding his thanks to "…"": his is the one adding
    before = tokens[owner.first - 1]
    return before.kind == WORD and before.text.islower() and before.lower in w.lang.cue_forms


def _right_after_quote(tokens: Sequence[Token], index: int, lo: int) -> bool:
    """Whether tokens[index] follows a quotation, or a quotation and its comma."""
    if index > lo and tokens[index - 1].kind == QUOTE:
        return True
    return index - 1 > lo and tokens[index - 1].text == "," and tokens[index - 2].kind == QUOTE


def _closing_aside(w: _Words, tokens: Sequence[Token], index: int, lo: int, hi: int) -> bool:
    """Whether a cue that counts only after a quotation stands as an aside after a comma, its speaker last,
    closing its sentence (``Der Plan müsse „…“ werden, so Merz.``) or between commas."""
    if index <= lo or tokens[index - 1].text != ",":
        return False
    cue_last = _match_phrase(tokens, index, hi, w.speaker_after_quote)
    if cue_last is None:
        return False
    phrase = phrase_after(w.lang, tokens, cue_last + 1, hi, after_cue=True)
    if phrase is None:
        return False
    # or an aside between commas inside the sentence: "Der Einsatz solle sich, so Merz, „…“ beschränken"
    following = phrase.last + 1
    return _ends_sentence(tokens, following, hi) or (following < hi and tokens[following].text == ",")


def _separable(w: _Words, tokens: Sequence[Token], index: int, hi: int) -> str | None:
    """The lemma of a separable reporting verb whose stem is tokens[index] and whose closing words end its
    clause (``teilte am Sonntag mit,``), or None."""
    phrases = w.separable.get(tokens[index].lower)
    if not phrases:
        return None
    end = index + 1
    while end < hi and tokens[end].kind == WORD:
        end += 1  # the clause ends at a mark, a quotation or the sentence end
    for words in phrases:
        rest = words[1:]
        first = end - len(rest)
        if first > index and all(tokens[first + k].lower == word for k, word in enumerate(rest)):
            return " ".join(words)
    return None


def _match_phrase(
    tokens: Sequence[Token], index: int, hi: int, phrases: dict[str, tuple[tuple[str, ...], ...]]
) -> int | None:
    """The index of the last word of the multi-word cue starting at ``index``, if one does."""
    for words in phrases.get(tokens[index].lower, ()):
        end = index + len(words)
        if end <= hi and all(tokens[index + k].lower == word for k, word in enumerate(words)):
            return end - 1
    return None


def _by_first_word(phrases: tuple[tuple[str, ...], ...]) -> dict[str, tuple[tuple[str, ...], ...]]:
    index: dict[str, tuple[tuple[str, ...], ...]] = {}
    for words in phrases:  # already longest first
        index[words[0]] = (*index.get(words[0], ()), words)
    return index


def _quote_follows(tokens: Sequence[Token], index: int, hi: int, links: frozenset[str]) -> bool:
    """Whether a quotation comes right after tokens[index], or after one linking word or mark."""
    following = index + 1
    if following < hi and tokens[following].kind == QUOTE:
        return True
    return following + 1 < hi and tokens[following].lower in links and tokens[following + 1].kind == QUOTE


def _quote_after_comma(tokens: Sequence[Token], index: int, hi: int) -> bool:
    """``She continued, "…"``: a comma, then a quotation."""
    return index + 2 < hi and tokens[index + 1].text == "," and tokens[index + 2].kind == QUOTE


def _cue(tokens: Sequence[Token], first: int, last: int, lemma: str, phrase: Phrase | None) -> Cue:
    return Cue(first, last, tokens[first].start, tokens[last].end, lemma, phrase)


class _VerbSite(NamedTuple):
    """A reporting verb in its sentence tokens[lo:hi], and what stands around it (a named tuple: one is made
    for every reporting verb, and a frozen class takes twice as long to build)."""

    verb: int
    last: int
    """The verb's last token (a multi-word verb phrase ends after ``index``)."""
    lemma: str
    lo: int
    hi: int
    after_quote: bool
    """The verb (with its auxiliaries) follows a quotation, or a quotation and a comma or a dash."""
    after_verb: int
    """The first token after the verb and its reflexive pronouns."""
    finite: bool
    after_comma: bool
    """A comma comes before the verb, and no subject."""


def _verb_site(
    w: _Words,
    tokens: Sequence[Token],
    index: int,
    bounds: tuple[int, int],
    *,
    phrase_last: int | None,
    lemma: str | None,
) -> _VerbSite:
    lo, hi = bounds
    form = tokens[index].lower
    if phrase_last is None:
        lemma = w.lang.cue_forms[form] if lemma is None else lemma
        last = index
    else:
        lemma = " ".join(t.lower for t in tokens[index : phrase_last + 1])
        last = phrase_last
    verb_first = index  # the auxiliary of a compound past before the cue: "« … », a déclaré X"
    if (
        verb_first - 2 >= lo
        and tokens[verb_first - 1].lower in w.inversion_pronouns
        and tokens[verb_first - 2].lower in w.cue_auxiliaries
    ):
        verb_first -= 1  # the pronoun of an inverted auxiliary: "« … », a-t-elle poursuivi"
    while verb_first > lo and tokens[verb_first - 1].lower in w.cue_auxiliaries:
        verb_first -= 1
    previous = tokens[verb_first - 1] if verb_first > lo else None
    before_previous = tokens[verb_first - 2] if verb_first - 1 > lo else None
    after_quote = previous is not None and (
        previous.kind == QUOTE
        or (
            (previous.text == "," or previous.text in _DASHES)
            and before_previous is not None
            and before_previous.kind == QUOTE
        )
    )
    after_verb = last + 1
    while after_verb < hi and (
        tokens[after_verb].lower in w.reflexives
        # a time between the verb and the speaker after it: "« … », a assuré lundi Claire Martin"
        or (after_quote and tokens[after_verb].text.islower() and tokens[after_verb].lower in w.time_words)
    ):
        after_verb += 1
    return _VerbSite(
        verb=index,
        last=last,
        lemma=lemma,
        lo=lo,
        hi=hi,
        after_quote=after_quote,
        after_verb=after_verb,
        # a form that is also the infinitive is the plural present right after a quotation that closes its
        # clause: "„…?“ fragen sich Experten" (but not '"more radical" protest suggestions')
        finite=(form != w.lang.cue_forms.get(form, "") or (after_quote and _closes_clause(previous)))
        and not form.endswith(w.present_participle),
        after_comma=(
            previous is not None
            and previous.text == ","
            and subject_before(w.lang, tokens, index, lo) is None
        ),
    )


def _closes_clause(previous: Token | None) -> bool:
    """Whether the token before a verb ends a clause: a comma or a dash, or a quotation that ends with a
    punctuation mark of its own."""
    if previous is None:
        return False
    if previous.kind == QUOTE:
        return without_closing_marks(previous).endswith(_CLAUSE_ENDS)
    return previous.text == "," or previous.text in _DASHES


def _verb_cue(
    w: _Words,
    tokens: Sequence[Token],
    index: int,
    lo: int,
    hi: int,
    *,
    phrase_last: int | None = None,
    lemma: str | None = None,
) -> Cue | None:
    """The cue of a reporting verb at ``index`` (a multi-word one ends at ``phrase_last``; a separable one
    comes with its ``lemma``), or None when the word is not used as a reporting verb here."""
    site = _verb_site(w, tokens, index, (lo, hi), phrase_last=phrase_last, lemma=lemma)
    token = tokens[index]
    if (
        token.lower in w.lang.adjacent_cues
        and phrase_last is None
        and not _adjacent_cue_used(w, tokens, site)
    ):
        return None
    after = _speaker_after_verb(w, tokens, site)
    if after is not None:
        return _cue(tokens, index, site.last, site.lemma, after)
    if index == lo and not token.text.islower():
        return None  # a capitalised word opening a sentence is a cue only when the speaker follows
    if token.lower in w.quoted_passive:
        quoted = _quoted_subject(w, tokens, index, lo)
        if quoted is not None:  # "Dazu wird Watzke wie folgt zitiert: „…“": the one quoted speaks
            return _cue(tokens, index, site.last, site.lemma, quoted)
    if _passive(w, tokens, index, lo):
        return None  # "the plan could be announced": the plan is no speaker
    phrase = _subject_of_verb(w, tokens, site)
    if is_noun_like(w.lang, token.lower) and (
        phrase is None or not is_strong_subject(w.lang, tokens, phrase, lo)
    ):
        return None
    if (
        token.lower in w.naming_participles
        and phrase is not None
        and phrase.kind == NOMINAL
        and phrase.last == index - 1
    ):
        return None  # "a box labeled "medical problem"": the box is not speaking
    cue_last = site.last
    if site.lemma in w.listener_cues and site.last + 1 < hi:
        listener = phrase_after(w.lang, tokens, index + 1, hi, allow_pronoun=False)
        if listener is not None and listener.last - index <= 4:
            cue_last = listener.last  # "told reporters", "told CNN"
    return Cue(index, cue_last, token.start, tokens[cue_last].end, site.lemma, phrase)


def _adjacent_cue_used(w: _Words, tokens: Sequence[Token], site: _VerbSite) -> bool:
    """Whether a verb that reports speech only next to a quotation (``replied``, ``continued``) does so here:
    right after a quotation, before a colon or a quotation, before ``that`` with a speaker before it."""
    index, lo, hi = site.verb, site.lo, site.hi
    following = tokens[site.last + 1] if site.last + 1 < hi else None
    before_colon = following is not None and following.text == ":"
    adjacent = (
        site.after_quote
        or before_colon
        or _quote_after_comma(tokens, index, hi)
        or _quote_after_preposition(w, tokens, site.after_verb, hi)
    )
    if not adjacent and following is not None and following.lower in w.speech_clause_openers:
        # "Smith replied that …", not "as talks began that"
        speaker = subject_before(w.lang, tokens, index, lo)
        adjacent = speaker is not None and is_strong_subject(w.lang, tokens, speaker, lo)
    return adjacent or (
        not tokens[index].lower.endswith(w.present_participle) and _quote_after_subject(w, tokens, index, lo)
    )


def _quote_after_preposition(w: _Words, tokens: Sequence[Token], start: int, hi: int) -> bool:
    """Whether a quotation follows the verb as the object of a preposition: ``sprach von einem „…“``."""
    if start >= hi or tokens[start].lower not in w.prepositions:
        return False
    index = start + 1
    while index < hi and index - start <= 2 and tokens[index].lower in w.lang.grammar["determiners"]:
        index += 1
    return index < hi and tokens[index].kind == QUOTE


def _speaker_after_verb(w: _Words, tokens: Sequence[Token], site: _VerbSite) -> Phrase | None:
    """The speaker phrase after the verb, where the construction puts it there: the one quoted after a
    quoting verb, the inverted order after a quotation or at a sentence's start, and (verb second) the
    subject of a verb that shares it or follows a fronted phrase."""
    index, lo, hi = site.verb, site.lo, site.hi
    form = tokens[index].lower
    if form in w.quoting_verbs and _quoted_subject(w, tokens, index, lo) is None:
        quoted = _quoted_object(
            w, tokens, index, lo, hi, after_verb=site.after_verb, outlet_after=site.after_quote or index == lo
        )
        if quoted is not None:
            return quoted
    if not site.finite:
        return None
    if site.after_quote or index == lo or site.after_comma:
        # "…," said X / Said X: "…" / "…" about the decision, said X. (but "X, 49, told Y" is X's)
        phrase = phrase_after(w.lang, tokens, site.after_verb, hi, after_cue=True)
        if phrase is not None and (
            site.after_quote or index == lo or _ends_clause(tokens, phrase.last + 1, hi)
        ):
            return phrase
    if not w.lang.settings.verb_second:
        return None
    if index > lo and tokens[index - 1].lower in w.clause_links:
        # "X lobte den Plan und nannte ihn „…“": a second verb with no subject of its own shares the first's
        shared = verb_second_subject(w.lang, tokens, lo, hi)
        if shared is not None and shared.last < index:
            return shared
    if _fronted(w, tokens, index, lo, hi):
        # "Am Abend sagte sie: "…"": the phrase before the verb is no subject; the subject follows it
        return phrase_after(w.lang, tokens, site.after_verb, hi, after_cue=True)
    return None


def _subject_of_verb(w: _Words, tokens: Sequence[Token], site: _VerbSite) -> Phrase | None:
    """The speaker phrase before the verb: its subject, or where the verb closes its clause (verb second),
    the subject that opens the clause."""
    index, lo, hi = site.verb, site.lo, site.hi
    phrase = subject_before(w.lang, tokens, index, lo)
    if not w.lang.settings.verb_second:
        return phrase
    if phrase is not None and phrase.first > lo and tokens[phrase.first - 1].text in w.prepositions:
        # "X hat vor einem Kollaps gewarnt": the verb closes its clause, and a noun after a preposition is
        # no subject; the clause's subject opens it (lowercase only: "Von der Leyen" is a name)
        phrase = sentence_subject(w.lang, tokens, lo, index)
    final = _verb_final_subject(w, tokens, index, lo, hi)
    return final if final is not None else phrase


def _fronted(
    w: _Words, tokens: Sequence[Token], index: int, lo: int, hi: int, *, persons: bool = True
) -> bool:
    """Whether the clause of the verb at ``index`` (after the sentence start, a comma, a colon or a
    quotation) opens with something other than its subject: a prepositional or adverbial phrase, an object,
    or anything before a personal pronoun (see :func:`fronted_clause`)."""
    if main_verb(w.lang, tokens, lo, hi) == index:
        # the verb of the main clause: its first place may hold a whole phrase with commas ("Im Brief, den
        # er schrieb, erklärt er")
        first = clause_start(w.lang, tokens, lo, index)
    else:
        first = _words_before(tokens, index, lo)
    return first < index and fronted_clause(w.lang, tokens, first, index, hi, persons=persons)


def _words_before(tokens: Sequence[Token], index: int, lo: int) -> int:
    """The first of the words that run without punctuation up to tokens[index] (``index`` for none)."""
    first = index
    while first > lo and tokens[first - 1].kind == WORD:
        first -= 1
    return first


def _verb_final_subject(w: _Words, tokens: Sequence[Token], index: int, lo: int, hi: int) -> Phrase | None:
    """In a verb-second language, the subject of a cue that closes its clause, which the phrase right before
    the cue is not: the subject of the main clause whose finite verb came earlier (``Die Universität hatte
    anlässlich des Entzugs erklärt``), or the phrase after the subordinator of a subordinate clause (``dass
    Berger dem Rat gesagt habe``)."""
    start = _words_before(tokens, index, lo)
    if start == index:
        return None
    if start > lo:  # a clause after a comma: only a subordinate one is read
        if tokens[start - 1].text != "," or tokens[start].lower not in w.subordinators:
            return None
        phrase = phrase_after(w.lang, tokens, start + 1, index, allow_pronoun=True)
        return phrase if phrase is not None and phrase.last + 1 < index else None
    verb = main_verb(w.lang, tokens, lo, hi)
    if verb is None or verb >= index:
        return None
    return verb_second_subject(w.lang, tokens, lo, hi)


def _quoted_object(
    w: _Words, tokens: Sequence[Token], index: int, lo: int, hi: int, *, after_verb: int, outlet_after: bool
) -> Phrase | None:
    """The one an active verb of quoting at ``index`` quotes: its object, after the outlet that quotes when
    that follows the verb (``„…“, zitiert die Zeitung den Minister``), else right after the verb (``Ein
    Sender zitierte Papandreou``)."""
    first = phrase_after(w.lang, tokens, after_verb, hi, after_cue=True)
    if first is None:
        return None
    outlet_before = not outlet_after and not (
        w.lang.settings.verb_second and _fronted(w, tokens, index, lo, hi, persons=False)
    )
    if outlet_before and subject_before(w.lang, tokens, index, lo) is not None:
        return first
    following = first.last + 1
    while following < hi and tokens[following].kind == WORD and tokens[following].lower in w.fronted:
        following += 1
    return phrase_after(w.lang, tokens, following, hi, after_cue=True)


def _quoted_subject(w: _Words, tokens: Sequence[Token], index: int, lo: int) -> Phrase | None:
    """The subject of a passive 'quoted' at ``index`` (``wird Watzke zitiert``, ``Ratzmann wird … zitiert``):
    the phrase right after the clause's passive auxiliary, else the one before it; None without one."""
    auxiliary = index - 1
    while auxiliary >= lo and tokens[auxiliary].kind != PUNCT:
        if tokens[auxiliary].lower in w.passive_auxiliaries:
            after = phrase_after(w.lang, tokens, auxiliary + 1, index, after_cue=True)
            return after if after is not None else subject_before(w.lang, tokens, auxiliary, lo)
        auxiliary -= 1
    return None


def _passive(w: _Words, tokens: Sequence[Token], index: int, lo: int) -> bool:
    """Whether the reporting verb at ``index`` is a past participle after a form of ``be``, past adverbs
    (``was widely reported``)."""
    form = tokens[index].lower
    if form == w.lang.cue_forms.get(form) or form.endswith(w.present_participle):
        return False
    before = index - 1
    while before >= lo and tokens[before].kind == WORD and tokens[before].lower.endswith(w.adverb_endings):
        before -= 1
    return before >= lo and tokens[before].lower in w.passive_auxiliaries


def _quote_after_subject(w: _Words, tokens: Sequence[Token], index: int, lo: int) -> bool:
    """``"…," he continued``: a quotation right before the subject of an adjacent-only cue."""
    phrase = subject_before(w.lang, tokens, index, lo)
    if phrase is None:
        return False
    before = phrase.first - 1
    if before >= lo and tokens[before].kind == PUNCT and tokens[before].text in ",—–-":
        before -= 1
    return before >= lo and tokens[before].kind == QUOTE and not _set_off_by_dashes(tokens, before, lo)


def _set_off_by_dashes(tokens: Sequence[Token], quote: int, lo: int) -> bool:
    """Whether the quotation token at ``quote`` stands between dashes (``As she spoke — "…" — the rain
    began``): an aside in a sentence, whose verb after it belongs to the sentence, not to the quotation."""
    return (
        quote - 1 >= lo
        and quote + 1 < len(tokens)
        and tokens[quote - 1].text in _DASHES
        and tokens[quote + 1].text in _DASHES
    )


def _in_sentence(w: _Words, sentence: _Sentence, qi: int) -> Attribution | None:
    """Rules 2 to 4: the cue after the quotation, the nearest before it, the nearest after it."""
    tokens, lo, hi, cues, headline = (
        sentence.tokens,
        sentence.lo,
        sentence.hi,
        sentence.cues,
        sentence.headline,
    )
    quote = tokens[qi].quote
    after = qi + 1
    dash = (
        after < hi
        and tokens[after].kind == PUNCT
        and tokens[after].text in _DASHES
        and not _set_off_by_dashes(tokens, qi, lo)
    )
    if after < hi and tokens[after].kind == PUNCT and (tokens[after].text in ",:" or dash):
        after += 1
    # cues are in text order, and only the ones before the first cue with a phrase lack one
    following = bisect.bisect_right(sentence.cue_starts, qi)
    if following < len(cues):
        cue = cues[following]
        # "…," said X / "…," X said; a verb-second language puts the verb first after a quotation ("„…“,
        # sagte X"): there a phrase right after the quotation opens a clause of its own
        starts = (
            (cue.first,)
            if w.lang.settings.verb_second
            else (cue.first, cue.phrase.first if cue.phrase else -1)
        )
        if cue.phrase is not None and not cue.inherited and after in starts:
            return _make(quote, cue.phrase, cue, Rule.AFTER)
    colon = headline and qi + 1 < hi and tokens[qi + 1].text == ":"
    if dash or colon:
        phrase = phrase_after(w.lang, tokens, after, hi, allow_pronoun=False)
        if (
            phrase is not None
            and (colon or phrase.kind == NAME)
            and _ends_sentence(tokens, phrase.last + 1, hi)
        ):
            # "…" ― Jorge Falcon; headlines: '…': US special envoy
            return Attribution(quote, phrase, None, Rule.AFTER)
        named = _headline_name(w, tokens, phrase, hi) if colon and phrase is not None else None
        if named is not None:
            return Attribution(quote, named, None, Rule.AFTER)
    preceding = following - 1
    if preceding >= 0 and cues[preceding].phrase is not None:
        return _make(quote, cues[preceding].phrase, cues[preceding], Rule.BEFORE)
    later = next((cue for cue in cues[following : following + 3] if cue.phrase is not None), None)
    if later is not None:
        return _make(quote, later.phrase, later, Rule.FOLLOWING)
    if qi - 1 > lo and tokens[qi - 1].text == ":":
        # Pollsters agree - Carl Bialik: "…" / the president released the following statement: "…"
        if w.lang.settings.verb_second:
            reporter = impersonal_source(w.lang, tokens, lo, qi)
            if reporter is not None:
                return Attribution(quote, reporter, None, Rule.COLON)  # "So heißt es in dem Brief: „…“"
        phrase = subject_before(w.lang, tokens, qi - 1, lo)
        if phrase is None or phrase.kind != NAME or not _labels_quote(w, tokens, phrase, lo):
            phrase = sentence_subject(w.lang, tokens, lo, qi)
        if phrase is None and w.lang.settings.verb_second:
            phrase = _label_before_colon(w, tokens, lo, qi - 1)
        if phrase is not None:
            return Attribution(quote, phrase, None, Rule.COLON)
    return None


def _label_before_colon(w: _Words, tokens: Sequence[Token], lo: int, colon: int) -> Phrase | None:
    """``Ein Beamter der Polizei: „…“``, ``Anna Keller, Sprecherin des Vereins: „…“``: where nouns are
    capitalised, a phrase before a colon labels the quotation only when it is all there is before the colon
    (no verb: the phrase opens the sentence and runs to the colon)."""
    if main_verb(w.lang, tokens, lo, colon) is not None:
        return None
    phrase = phrase_after(w.lang, tokens, lo, colon, allow_pronoun=False)
    if phrase is None or phrase.first != lo:
        return None
    following = phrase.last + 1
    if following < colon and tokens[following].text == ",":
        # the name, then a description of it set off by a comma, up to the colon
        return phrase if all(t.kind == WORD for t in tokens[following + 1 : colon]) else None
    if following < colon and tokens[following].lower in w.lang.grammar["determiners"]:
        # a genitive: "Ein Beamter der Landespolizei"
        if all(t.kind == WORD for t in tokens[following:colon]):
            return attrs.evolve(
                phrase, last=colon - 1, end=tokens[colon - 1].end, core_end=tokens[colon - 1].end
            )
        return None
    return phrase if following == colon else None


def _labels_quote(w: _Words, tokens: Sequence[Token], phrase: Phrase, lo: int) -> bool:
    """Whether a name before a colon labels the quotation after it (``Carl Bialik: "…"``). Where every noun
    is capitalised, a capitalised word before a colon mostly ends a clause (``stellte X in Frage: „…“``):
    there the name must open the sentence or follow a dash."""
    if not w.lang.settings.capitalised_nouns:
        return True
    return phrase.first == lo or tokens[phrase.first - 1].text in _DASHES


def _headline_name(w: _Words, tokens: Sequence[Token], phrase: Phrase, hi: int) -> Phrase | None:
    """Who a headline's quotation belongs to when a topic follows the name (``'…': Sir Tom Hale on the
    inquiry``) or the name follows a speech noun (``'…': an interview with Mayor Dana Feld``)."""
    following = phrase.last + 1
    if following >= hi or tokens[following].lower not in w.headline_links:
        return None
    if phrase.kind == NAME:
        return phrase
    if phrase.kind == NOMINAL and tokens[phrase.last].lower in w.lang.speech_nouns:
        named = phrase_after(w.lang, tokens, following + 1, hi, allow_pronoun=False)
        return named if named is not None and named.kind == NAME else None
    return None


def _ends_clause(tokens: Sequence[Token], index: int, hi: int) -> bool:
    """Whether the clause ends at tokens[index]: the sentence ends, or a comma or a quotation comes."""
    return index >= hi or tokens[index].kind == QUOTE or tokens[index].text in ".,;!?"


def _ends_sentence(tokens: Sequence[Token], index: int, hi: int) -> bool:
    """Whether nothing but closing punctuation or another quotation follows tokens[index:] in the sentence."""
    return index >= hi or tokens[index].kind == QUOTE or tokens[index].text in ".;!?"


def _last_cue(cues: Sequence[Cue]) -> Attribution | None:
    """``Kerry said that 100,000 would be accepted.`` before a paragraph that is one quotation."""
    for cue in reversed(cues):
        if cue.phrase is not None and cue.phrase.kind != NOMINAL:
            return Attribution(-1, cue.phrase, (cue.start, cue.end), Rule.CONTINUATION)
    return None


def _introducer(w: _Words, tokens: Sequence[Token], cues: Sequence[Cue]) -> Attribution | None:
    """``He said:`` at the end of a paragraph introduces the quotation of the next one; so does the subject
    of a last sentence with no cue (``On July 6, Sanders made the following comment:``)."""
    if not tokens or tokens[-1].text != ":":
        return None
    lo = sentences(w.lang, tokens)[-1][0]
    if any(t.kind == QUOTE for t in tokens[lo:]):
        return None
    cue = cues[-1] if cues and cues[-1].first >= lo else None
    if cue is not None and cue.phrase is not None:
        return Attribution(-1, cue.phrase, (cue.start, cue.end), Rule.INTRODUCER)
    subject = sentence_subject(w.lang, tokens, lo, len(tokens))
    if subject is None or not is_strong_subject(w.lang, tokens, subject, lo):
        return None
    return Attribution(-1, subject, None, Rule.INTRODUCER)


def _unify_groups(spans: Sequence[QuoteSpan], results: list[Attribution | None]) -> None:
    """Every paragraph of a multi-paragraph quotation gets the attribution found in any of them."""
    members: dict[int, list[int]] = {}
    for index, span in enumerate(spans):
        members.setdefault(span.group, []).append(index)
    for group in members.values():
        if len(group) < 2:
            continue
        found = [result for result in (results[i] for i in group) if result is not None]
        direct = [result for result in found if result.rule is not Rule.CONTINUATION]
        if not found:
            continue
        chosen = direct[0] if direct else found[0]
        for i in group:
            current = results[i]
            if current is None or current.rule in (Rule.CONTINUATION, Rule.PARAGRAPH, Rule.SUBJECT):
                results[i] = Attribution(i, chosen.phrase, chosen.cue, Rule.GROUP)

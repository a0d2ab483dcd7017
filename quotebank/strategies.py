"""Hypothesis strategies for property-testing quote extraction and attribution.

:func:`articles` generates whole synthetic news articles together with their ground truth: every quotation's
content, offsets, kind, speaker, mention and cue; in English by default, in German or French with
``language="de"`` or ``"fr"`` (see `Other languages`_). Smaller building blocks are :func:`speaker_names`,
:func:`quote_contents`, :func:`cue_phrases`, :func:`quote_marks` and :func:`unrelated_paragraphs`, each with
the same ``language`` keyword. The module needs Hypothesis (quotebank's ``test`` extra). :func:`quotes`,
:func:`quote_lists` and :func:`speakers` draw quotebank's own (English) types, built from generated ground
truth; through Hypothesis' entry point (see ``quotebank._hypothesis``) ``st.from_type(Quote)``,
``QuoteList`` and ``Speaker`` draw from them.

>>> import quotebank
>>> from hypothesis import given
>>> from quotebank.strategies import articles
>>> @given(articles())
... def test_speakers(article):
...     found = [(q.text, q.speaker_name) for q in quotebank.extract(article.text)]
...     assert found == [(e.text, e.speaker) for e in article.expected]
>>> test_speakers()

Supported constructions
-----------------------
The generator writes only what quotebank promises to handle (see :mod:`quotebank._pipeline.attribution` and
:mod:`quotebank._pipeline.names`). Each expected quote names the construction that produced it:

``quote-cue``
    ``"…," Maria Lopez said.``: the quotation, then the speaker and the cue (``said``, ``says``,
    ``has warned``, ``told reporters``, ``replied``…); also ``"…", Lopez said.`` and ``"…?" Lopez asked.``
``cue-inverted``
    ``"…," said Maria Lopez.``
``cue-colon``, ``cue-comma``
    ``Maria Lopez said: "…."`` and ``Maria Lopez said, "…."``
``cue-that``
    ``Maria Lopez said that "…."`` (a partial quotation, lowercase).
``partial``
    ``Maria Lopez said the talks were "…" and the next round "…."``: fragments in the reporter's sentence.
``according-to``
    ``"…," according to Maria Lopez.``, ``According to Lopez, "…."``, ``The plan, according to Lopez,
    was "…."``
``written``
    ``Maria Lopez wrote on X: "…."``, ``… said in a statement: "…."``
``adding``
    ``"…," Lopez said, adding that "…."``
``second-sentence``
    ``"…," Lopez said. "…."``: a second quotation after the attribution, in the same paragraph.
``multi-paragraph``
    A quotation over two or three paragraphs, each opening the quotation again and only the last closing
    it, attributed in the first or in the last; one expected quote per paragraph, all of one speaker.
``introducer``
    ``Maria Lopez said:`` ending a paragraph, the quotation in the next one.

After a paragraph that quotes a speaker, the same block may go on with follow-ups for that speaker:

``continuation``
    A paragraph that is only a quotation.
``pronoun``
    ``"…," she said.`` (``he``, ``she``, ``it``).
``role``
    ``"…," the foreign minister said.`` when the speaker was introduced with that office.
``thanks``
    ``She thanked the volunteers for "…."`` and ``She also expressed her thanks to "…."``

Titles and lists of related headlines:

``headline-says``, ``headline-colon``
    Scare quotes in the title that name their speaker: ``Lopez says talks were 'likely'`` and
    ``Talks 'constructive': Lopez``.
``headline-echo``
    A title quotation whose words reappear in the first quotation of a person in the body: it takes that
    speaker (``Talks bring 'every point'``).
``headline-scare``
    A title quotation nobody is named for, whose words appear in no quotation of the body: unattributed
    (``Talks end in 'dead end'``).
``related-says``
    ``- Lopez says deal is 'close'`` in a list of related headlines at the end.

Around them: a title whenever the article has more than one line, section names (``- World``), a byline, a
``Published`` line, a dateline (``KYIV (Reuters) - ``), paragraphs that quote nobody (with apostrophes that
are not quotation marks: ``Ukraine's``, ``Russians'``, ``rock 'n' roll``, ``'90s``), titles and roles before
names (``U.S. special envoy``, ``Sen.``) and appositions after them (``, 54,``). Quotations may contain
contractions (``don't``) and one nested quotation in the inner marks of the style (``"They called it 'a
farce', and left"``). One article uses one style of :data:`MARK_STYLES`.

Speakers are persons (hyphenated, accented and multi-word names, particles such as ``von der``, ``O'Brien``,
Chinese and Vietnamese names) and organisations (``the European Commission``). A person is introduced by the
full name, later named by the short form (the surname), a pronoun or a role; the expected speaker is the
full name without titles. The surnames of one article's speakers start with different letters, so that no
two of them could be one person spelled two ways.

Left out
--------
Constructions that are ambiguous for any reader or that quotebank does not claim: quotations in single marks
running over several paragraphs; plural possessives (``Russians'``) inside single-quoted quotations; French
spacing inside guillemets; generational suffixes (``Jr.``) and surnames that are also titles (``King``);
possessive sources (``Lopez's statement called it "…"``).

Other languages
---------------
``articles(language="de")`` and ``articles(language="fr")`` write German and French news articles. Their
words and their templates are data, ``quotebank/lang/<code>/strategies.txt``: given names by gender,
surnames, offices, appositions, organisations, quotation sentences, fragments, questions, paragraphs that
quote nobody, titles, datelines, cue words and one template a line for each construction. The constructions
(a subset of :data:`CONSTRUCTIONS`, named the same; :func:`supported_constructions` lists them) are
checked against ``quotebank.extract(text, language=...)`` by the test suite.

German (``„…“``, ``»…«`` and the Swiss ``«…»``, with ``‚…‘``, ``›…‹`` nested inside; :func:`mark_styles`):

``cue-inverted``
    ``„…“, sagte Anna Keller.`` (also with an office before the name, ``Bürgermeisterin Anna Keller``, or an
    apposition after it, ``, Sprecherin des Ministeriums.``), ``„…“, so Keller.``, ``„…“, teilte die
    Polizei mit.``, ``„…?“, fragte Keller.``
``cue-colon``
    ``Anna Keller sagte: „….“``, ``Anna Keller, Sprecherin des Ministeriums, sagte: „….“``
``partial``
    ``Anna Keller sagte, die Lage sei „…“.``
``according-to``
    ``Laut Anna Keller ist die Lage „…“.``, ``Der Polizei zufolge ist die Lage „…“.`` (always the full
    name, with the dative article of an organisation)
``second-sentence``
    ``„…“, sagte Keller. „….“``
``pronoun``
    ``„…“, sagte sie.``, ``„…“, fügte er hinzu.``, ``Sie sagte: „….“``, ``Am Abend sagte sie: „….“``
``continuation``
    A paragraph that is only a quotation.

French (guillemets with a no-break space, a narrow no-break space or a plain space inside them, and
``“…”``; the expected quotation leaves the spaces out):

``cue-inverted``
    ``« … », a déclaré Paul Girard.`` (also ``le maire Paul Girard``, ``Paul Girard, 61 ans.``),
    ``« … », estime Girard.``, ``« … ? », a demandé Girard.``
``cue-colon``
    ``Paul Girard a déclaré : « …. »``, ``Paul Girard, porte-parole du ministère, a déclaré : « …. »``
``partial``
    ``Paul Girard a estimé que la situation restait « … ».``
``according-to``
    ``Selon Paul Girard, la situation reste « … ».``, ``D'après Girard, « … ».``, ``« … », selon Girard.``
``second-sentence``
    ``« … », a déclaré Girard. « …. »``
``pronoun``
    ``« … », a-t-il ajouté.``, ``« … », estime-t-elle.``, ``Il a ajouté : « …. »``
``role``
    ``« … », a ajouté le maire.`` after ``le maire Paul Girard``.
``continuation``
    A paragraph that is only a quotation.

Speakers are persons (given name and surname) and organisations (``die Polizei``, ``la Croix-Rouge``,
``Matignon``); a pronoun refers to a person only. Boilerplate is a title and sometimes a dateline
(``BERLIN (dpa) - ``, ``PARIS (AFP) - ``).

Left out, because quotebank does not attribute them yet: in German, ``Laut Keller`` and ``Laut Polizei``
(a short name or an organisation without its article after ``laut`` becomes part of the speaker), offices
that are compounds missing from ``titles.txt`` (``Innenministerin``, ``Bundestagsabgeordnete``: taken for
part of the name), a later ``sagte die Bürgermeisterin`` (the office becomes the speaker), an age in
brackets (``Anna Keller (54)``: the mention ends inside them); in French, ``“…”`` nested inside ``« … »``
(split into three quotations), a later ``a ajouté la députée`` or ``le préfet``, ``a-t-elle poursuivi``,
``s'interroge X``, ``a assuré lundi X``, ``a déclaré X à l'AFP``, ``Pour X, …« … »`` and organisations with
lowercase words or an elided article (``la Commission européenne`` becomes ``Commission``, ``l'Élysée``
keeps its ``l'``); headlines, related links, multi-paragraph quotations and the other English constructions
in both.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Collection, Iterable, Sequence
from typing import Any, TypeVar

import attrs

try:
    from hypothesis import strategies as st
    from hypothesis.strategies import SearchStrategy
except ImportError as error:  # pragma: no cover -- exercised in a subprocess by the tests
    raise ImportError(
        "quotebank.strategies needs Hypothesis: install it with `pip install hypothesis` "
        "(or `pip install 'quotebank[test]'`)"
    ) from error

from quotebank._pipeline.language import available_languages, read_lines
from quotebank.errors import LanguageDataError
from quotebank.values import Mention, Quote, QuoteKind, QuoteList, Speaker, SpeakerKind

_T = TypeVar("_T")

__all__ = [
    "CONSTRUCTIONS",
    "DOUBLE_MARK_STYLES",
    "MARK_STYLES",
    "ExpectedQuote",
    "GeneratedArticle",
    "MarkStyle",
    "ReportedStatement",
    "SpeakerName",
    "articles",
    "cue_phrases",
    "mark_styles",
    "quote_contents",
    "quote_lists",
    "quote_marks",
    "quotes",
    "reported_statements",
    "speaker_names",
    "speakers",
    "supported_constructions",
    "unrelated_paragraphs",
]


# ---------------------------------------------------------------------------------------------------------
# Building blocks


@attrs.frozen
class MarkStyle:
    """A quotation-mark style: the outer pair, and the pair for a quotation nested inside it."""

    name: str
    open: str
    close: str
    inner_open: str
    inner_close: str
    space: str = ""
    """What stands between the outer marks and the quotation (French typography: a no-break space)."""

    @property
    def double(self) -> bool:
        """Whether the outer marks are double ones (only those may run over paragraphs)."""
        return self.open in '"“„«»'


MARK_STYLES: dict[str, MarkStyle] = {
    style.name: style
    for style in (
        MarkStyle("straight", '"', '"', "'", "'"),
        MarkStyle("curly", "“", "”", "‘", "’"),
        MarkStyle("guillemets", "«", "»", "‹", "›"),
        MarkStyle("low-high", "„", "“", "‚", "‘"),
        MarkStyle("single", "'", "'", '"', '"'),
        MarkStyle("curly-single", "‘", "’", "“", "”"),
    )
}
DOUBLE_MARK_STYLES = tuple(name for name, style in MARK_STYLES.items() if style.double)
# styles of the other languages' articles (see their strategies.txt): German »…«, French guillemets with the
# spaces French typography puts inside them
_OTHER_STYLES = {
    style.name: style
    for style in (
        MarkStyle("chevrons", "»", "«", "›", "‹"),
        MarkStyle("guillemets-nbsp", "«", "»", "‹", "›", "\u00a0"),
        MarkStyle("guillemets-narrow", "«", "»", "‹", "›", "\u202f"),
        MarkStyle("guillemets-spaced", "«", "»", "‹", "›", " "),
    )
}
_ALL_STYLES = {**MARK_STYLES, **_OTHER_STYLES}


@attrs.frozen
class SpeakerName:
    """A speaker the generator can quote: how it is written in full, for short, and which pronoun it takes."""

    name: str
    """The canonical name quotebank should report: ``Maria Lopez``, ``European Commission``."""
    short: str
    """The form used after the first mention: the surname for a person, the full name for an organisation."""
    pronoun: str
    """``he``, ``she`` or ``it``; in a German or French article the language's (``sie``, ``il``)."""
    kind: SpeakerKind
    article: str = ""
    """``the`` for organisations written ``the European Commission``."""

    def __str__(self) -> str:
        return self.name

    @property
    def key(self) -> str:
        """The first letter of the folded surname: two speakers of one article never share it."""
        return _fold(self.name.split()[-1])[0]


@functools.cache
def _sampled(options: tuple[_T, ...]) -> SearchStrategy[_T]:
    """``st.sampled_from``, built once per option list: building strategies costs more than drawing."""
    return st.sampled_from(options)


@functools.cache
def _integers(low: int, high: int) -> SearchStrategy[int]:
    return st.integers(low, high)


_BOOLEANS = st.booleans()


def _fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


_MALE_GIVEN = ("Paul", "Dmytro", "José", "Jean-Pierre", "Olusegun", "Björn", "Mohammed", "Sergei", "Kwame")
_FEMALE_GIVEN = ("Maria", "Anna", "Ngozi", "Ursula", "Chloé", "Aylin", "Priya", "Sofía", "Yulia", "Mette")
_SURNAMES = (
    "Lopez",
    "Kowalski",
    "Okonjo-Iweala",
    "Álvarez",
    "Müller",
    "Søndergaard",
    "Erdoğan",
    "O'Brien",
    "Nakamura",
    "Petrenko",
    "Haddad",
    "Mensah",
    "Dubois",
    "Rossi",
    "Tykhyi",
    "von der Leyen",
    "de la Cruz",
    "van Dijk",
    "Fernández-Vega",
    "Iwu",
)
# names whose short form is not the last word, or that are not given name + surname
_FIXED_PERSONS = (
    SpeakerName("Wang Yi", "Wang", "he", SpeakerKind.PERSON),
    SpeakerName("Nguyễn Thị Lan", "Lan", "she", SpeakerKind.PERSON),
    SpeakerName("Recep Tayyip Erdoğan", "Erdoğan", "he", SpeakerKind.PERSON),
    SpeakerName("Volodymyr Zelenskyy", "Zelenskyy", "he", SpeakerKind.PERSON),
    SpeakerName("Maria João Barbosa", "Barbosa", "she", SpeakerKind.PERSON),
)
_ORGANISATIONS = (
    SpeakerName("European Commission", "European Commission", "it", SpeakerKind.ORGANISATION, "the"),
    SpeakerName("Red Cross Federation", "Red Cross Federation", "it", SpeakerKind.ORGANISATION, "the"),
    SpeakerName("Kremlin", "Kremlin", "it", SpeakerKind.ORGANISATION, "the"),
    SpeakerName("African Union", "African Union", "it", SpeakerKind.ORGANISATION, "the"),
    SpeakerName(
        "Norwegian Refugee Council", "Norwegian Refugee Council", "it", SpeakerKind.ORGANISATION, "the"
    ),
)


def _person(given: str, surname: str, pronoun: str) -> SpeakerName:
    return SpeakerName(f"{given} {surname}", surname, pronoun, SpeakerKind.PERSON)


@functools.cache
def _speaker_names(kinds: frozenset[SpeakerKind]) -> SearchStrategy[SpeakerName]:
    options: list[SearchStrategy[SpeakerName]] = []
    if SpeakerKind.PERSON in kinds:
        options.append(
            st.builds(_person, st.sampled_from(_FEMALE_GIVEN), st.sampled_from(_SURNAMES), st.just("she"))
        )
        options.append(
            st.builds(_person, st.sampled_from(_MALE_GIVEN), st.sampled_from(_SURNAMES), st.just("he"))
        )
        options.append(st.sampled_from(_FIXED_PERSONS))
    if SpeakerKind.ORGANISATION in kinds:
        options.append(st.sampled_from(_ORGANISATIONS))
    if not options:
        raise ValueError(f"speaker_names(kinds={sorted(kinds)!r}): no kind quotebank generates")
    return st.one_of(options)


def speaker_names(
    *,
    kinds: Collection[SpeakerKind] = (SpeakerKind.PERSON, SpeakerKind.ORGANISATION),
    language: str = "en",
) -> SearchStrategy[SpeakerName]:
    """Speakers: persons (given name and surname, or a fixed non-English name) and organisations.

    With ``language="de"`` or ``"fr"``, names of that language's articles, whose pronoun is the language's
    (``sie``, ``il``). Returns a strategy of :class:`SpeakerName`.
    """
    if _language_code(language) != "en":
        return _language_speaker_names(language, frozenset(kinds))
    return _speaker_names(frozenset(kinds))


# Whole sentences of a quotation, without their final punctuation; the first ones shrink best.
_SENTENCES = (
    "We will keep working",
    "This is not over",
    "We did not agree on everything",
    "Nobody can stop us now",
    "We don't accept these terms",
    "It's too early to tell",
    "They're not interested in a deal",
    "Our people deserve better",
    "The talks were long but useful",
    "We expect an agreement by 2030",
    "Prices rose 3.5 percent last year",
    "The café in Zürich stays open",
    "There is more work to do",
    "Every result matters for our future",
    "The country's future is at stake",
    "We have made steady gains on every point",
    "Without our partners, none of this would be possible",
    "I can't promise anything yet",
)
_CLAUSES = ("", ", and we will not give up", " because the stakes are high", ". We are ready to talk again")
# Fragments woven into the reporter's sentence (partial quotations); lowercase.
_FRAGMENTS = (
    "useful",
    "a step forward",
    "deeply troubling",
    "far from over",
    "an important signal",
    "in the near future",
    "ready to talk again",
    "a matter of weeks",
    "the hardest part",
)
# Scare quotes of titles. None of these words occurs in a quotation of the body (see _SENTENCES,
# _CLAUSES, _FRAGMENTS, _NESTED): a title quotation must echo a body quotation only when meant to.
_SCARE = (
    "likely",
    "constructive",
    "historic",
    "unacceptable",
    "decisive",
    "grim",
    "fragile truce",
    "dead end",
)
# Sentences with one nested quotation: (before, inner, after).
_NESTED = (
    ("They called it ", "a farce", ", and left"),
    ("The word ", "never", " is not in our vocabulary"),
    ("He told me ", "wait", ", so we waited"),
)


@attrs.frozen
class _Content:
    """The text of one quotation: plain runs and, between them, nested quotations (in the inner marks)."""

    runs: tuple[str, ...]
    """Alternately plain text and nested-quotation text; an odd index is a nested quotation."""

    def render(self, style: MarkStyle) -> str:
        return "".join(
            run if i % 2 == 0 else f"{style.inner_open}{run}{style.inner_close}"
            for i, run in enumerate(self.runs)
        )

    def finished(self, punctuation: str) -> _Content:
        return _Content((*self.runs[:-1], self.runs[-1] + punctuation))

    @property
    def capitalised(self) -> bool:
        return self.runs[0][:1].isupper()


def _sentence_content(sentence: str, clause: str) -> _Content:
    return _Content((sentence + clause,))


@functools.cache
def _contents() -> SearchStrategy[_Content]:
    plain = st.builds(_sentence_content, st.sampled_from(_SENTENCES), st.sampled_from(_CLAUSES))
    nested = st.sampled_from(_NESTED).map(_Content)
    return st.one_of(plain, nested)


@functools.cache
def _fragments() -> SearchStrategy[_Content]:
    return st.sampled_from(_FRAGMENTS).map(lambda fragment: _Content((fragment,)))


def quote_contents(
    *, partial: bool = False, marks: str = "straight", language: str = "en"
) -> SearchStrategy[str]:
    """The text of quotations as quotebank reports it (without the outer marks).

    Whole sentences (capitalised, with contractions, numbers, accented words, nested quotations in the inner
    marks of ``marks``), or with ``partial=True`` lowercase fragments; in German or French with
    ``language="de"``, ``"fr"``. Returns a strategy of ``str``.
    """
    style = _style(marks)
    if _language_code(language) != "en":
        vocabulary = _vocabulary(language)
        if partial:
            return _sampled(vocabulary.fragments)
        return _sampled(vocabulary.contents).map(lambda content: content.render(style))
    source = _fragments() if partial else _contents()
    return source.map(lambda content: content.render(style))


_CUES_PAST = (
    "said",
    "added",
    "noted",
    "warned",
    "explained",
    "insisted",
    "stressed",
    "wrote",
    "told reporters",
)
_CUES_PRESENT = ("says", "adds", "notes", "warns", "writes", "tells reporters")
_CUES_PERFECT = ("has said", "had said", "has warned")
# cues only next to a quotation ("…," she replied)
_CUES_ADJACENT = ("replied", "continued", "concluded", "responded")
# written statements before a colon
_CUES_WRITTEN = ("wrote on X", "said in a statement", "wrote in a social media post", "told reporters")
_AUXILIARIES = frozenset(("has", "had"))
_LISTENER_VERBS = frozenset(("told", "tells"))
_INVERTIBLE = frozenset(
    ("said", "added", "noted", "warned", "explained", "insisted", "says", "adds", "wrote")
)
_TENSES = {"past": _CUES_PAST, "present": _CUES_PRESENT, "perfect": _CUES_PERFECT}


def cue_phrases(
    *,
    tenses: Collection[str] = ("past", "present", "perfect"),
    invertible: bool = False,
    language: str = "en",
) -> SearchStrategy[str]:
    """Reporting verbs as they follow a speaker (``said``, ``tells reporters``, ``has warned``).

    ``invertible=True`` keeps the ones that may also precede the speaker (``"…," said Lopez``).
    With ``language="de"`` or ``"fr"``, every cue word the language's articles use (``sagte``, ``so``,
    ``Laut``; ``déclaré``, ``estime``, ``selon``); ``tenses`` and ``invertible`` are English only.
    Returns a strategy of ``str``.
    """
    if _language_code(language) != "en":
        if tuple(tenses) != ("past", "present", "perfect") or invertible:
            raise ValueError("cue_phrases(): tenses and invertible are options of English only")
        return _sampled(_vocabulary(language).all_cues)
    unknown = set(tenses) - set(_TENSES)
    if unknown:
        raise ValueError(f"cue_phrases(tenses=...): unknown tenses {sorted(unknown)}; use {sorted(_TENSES)}")
    cues = [cue for tense in tenses for cue in _TENSES[tense] if not invertible or cue in _INVERTIBLE]
    if not cues:
        raise ValueError("cue_phrases(): no cue fits these options")
    return _sampled(tuple(cues))


@functools.cache
def _cues(
    tenses: tuple[str, ...] = ("past", "present", "perfect"), invertible: bool = False
) -> SearchStrategy[str]:
    return cue_phrases(tenses=tenses, invertible=invertible)


def quote_marks(*, styles: Iterable[str] | None = None, language: str = "en") -> SearchStrategy[MarkStyle]:
    """Quotation-mark styles (:class:`MarkStyle`), all of the language's (:func:`mark_styles`) or the
    ``styles`` named."""
    return st.sampled_from([_ALL_STYLES[name] for name in _style_names(styles, language)])


def mark_styles(language: str = "en") -> dict[str, MarkStyle]:
    """The quotation-mark styles of a language's articles by name: :data:`MARK_STYLES` for English, ``„…“``
    and ``»…«`` for German, guillemets with a no-break, a narrow no-break or a plain space inside them and
    ``“…”`` for French."""
    if _language_code(language) == "en":
        return dict(MARK_STYLES)
    return {name: _ALL_STYLES[name] for name in _vocabulary(language).styles}


def _style(name: str) -> MarkStyle:
    if name not in _ALL_STYLES:
        raise ValueError(f"unknown quotation-mark style {name!r}; use one of {sorted(_ALL_STYLES)}")
    return _ALL_STYLES[name]


def _style_names(styles: Iterable[str] | None, language: str = "en") -> tuple[str, ...]:
    known = mark_styles(language)
    names = tuple(known) if styles is None else tuple(styles)
    unknown = [name for name in names if name not in known]
    if unknown or not names:
        raise ValueError(f"unknown quotation-mark styles {unknown}; use some of {sorted(known)}")
    return names


# Paragraphs that quote nobody: no quotation marks, no reporting verbs, no names; apostrophes that are not
# quotation marks.
_FILLERS = (
    "The talks went on for hours.",
    "Ukraine's economy shrank sharply in the first year of the war.",
    "The Russians' convoy arrived within a day.",
    "Prices in the region have doubled since the '90s.",
    "A band played rock 'n' roll outside the building until late.",
    "The two delegations met behind closed doors in a hotel near the airport.",
    "Negotiators have met four times this year, most recently in January.",
    "Both sides' positions remain far apart on several issues.",
)


def unrelated_paragraphs(*, language: str = "en") -> SearchStrategy[str]:
    """Paragraphs that quote nobody and name nobody: inserting one between blocks changes no attribution."""
    if _language_code(language) != "en":
        return _sampled(_vocabulary(language).fillers)
    return _sampled(_FILLERS)


# ---------------------------------------------------------------------------------------------------------
# The article model: paragraphs of parts, rendered for a mark style and a cast of speakers


@attrs.frozen
class _Name:
    """A speaker as written: full (with an optional role before it), short, or a pronoun."""

    ref: int
    speaker: int
    form: str
    """``full``, ``short``, ``pronoun``, ``possessive`` (``his``), ``role`` or ``office`` (the role as
    written, article included: German and French)."""
    role: str = ""
    """Words before a full name (``Foreign Minister``) or, for the ``role`` form, the office (``foreign
    minister``)."""
    capital: bool = False
    """Sentence-initial: ``The European Commission``, ``She``."""
    apposition: str = ""
    """Text after a full name, commas included (``, 54,``)."""
    article: str | None = None
    """The article written before an organisation's name instead of its own (German dative ``der``)."""


@attrs.frozen
class _Cue:
    """A cue phrase as written (``has said``, ``wrote on X``); its ``core`` is the cue quotebank reports."""

    ref: int
    text: str

    @property
    def core(self) -> tuple[int, int]:
        """The range of the reporting verb (with its listener: ``told reporters``) within ``text``."""
        words = self.text.split(" ")
        first = 1 if words[0] in _AUXILIARIES else 0
        last = first + (2 if words[first] in _LISTENER_VERBS or words[first].lower() == "according" else 1)
        start = len(" ".join(words[:first])) + (1 if first else 0)
        return start, start + len(" ".join(words[first:last]))


@attrs.frozen
class _Quoted:
    """One quotation in a paragraph: what it says, whose it is, and which marks it has."""

    content: _Content
    speaker: int | None
    construction: str
    kind: QuoteKind
    opened: bool = True
    closed: bool = True
    inner_marks: bool = False
    """A title quotation in the style's inner marks (``'likely'`` in a title of a double-marked article)."""
    mention: int | None = None
    cue: int | None = None


_Part = str | _Name | _Cue | _Quoted
_Paragraph = tuple[_Part, ...]


@attrs.frozen
class ExpectedQuote:
    """One quotation the generator wrote, as quotebank should report it."""

    text: str
    start: int
    end: int
    speaker: str | None
    """The canonical name of the speaker, or ``None`` for a quotation nobody is named for."""
    kind: QuoteKind
    construction: str
    """Which of the supported constructions produced it (see the module documentation)."""
    marks: tuple[str, str]
    paragraph: int
    """The index of its paragraph (a line of the text)."""
    mention: Mention | None = None
    """The words that name the speaker for this quotation, as written (no apposition)."""
    cue: Mention | None = None


@attrs.frozen
class GeneratedArticle:
    """A synthetic article: ``text`` and the ``expected`` quotations, in text order.

    The article keeps its structure, so that it can be rewritten for metamorphic tests: with other marks
    (:meth:`with_marks`), a speaker renamed (:meth:`renamed`), or an unrelated paragraph inserted between two
    blocks (:meth:`with_paragraph`).
    """

    speakers: tuple[SpeakerName, ...]
    style: MarkStyle
    head: tuple[_Paragraph, ...]
    """Title and metadata lines."""
    blocks: tuple[tuple[_Paragraph, ...], ...]
    """Body paragraphs in blocks; a block's paragraphs depend on each other (pronouns, continuations)."""
    tail: tuple[_Paragraph, ...]
    """The related-links list."""
    language: str = "en"
    """The code of the language the article is written in (what to pass to ``extract(language=...)``)."""
    text: str = attrs.field(init=False)
    expected: tuple[ExpectedQuote, ...] = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        text, expected = _render(self)
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "expected", expected)

    def __repr__(self) -> str:
        # what a failing test shows: the article itself
        language = "" if self.language == "en" else f"language={self.language!r}, "
        return f"GeneratedArticle({language}marks={self.style.name!r}, text={self.text!r})"

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        """Hypothesis prints failing examples with this, rather than field by field."""
        printer.text(repr(self))

    @property
    def constructions(self) -> frozenset[str]:
        return frozenset(expected.construction for expected in self.expected)

    @property
    def insertion_points(self) -> tuple[int, ...]:
        """Block boundaries (0 is before the first body block) where :meth:`with_paragraph` may insert."""
        return tuple(range(len(self.blocks) + 1))

    def with_marks(self, style: str) -> GeneratedArticle:
        """The same article in another quotation-mark style (a double one if a quotation runs on)."""
        new_style = _ALL_STYLES[style]
        if not new_style.double and any(
            isinstance(part, _Quoted) and not part.closed
            for block in self.blocks
            for p in block
            for part in p
        ):
            raise ValueError(f"a quotation runs over paragraphs: it needs double marks, not {style!r}")
        return attrs.evolve(self, style=new_style)

    def renamed(self, old: str, new: SpeakerName) -> GeneratedArticle:
        """The same article with the speaker named ``old`` called ``new`` everywhere."""
        index = next((i for i, speaker in enumerate(self.speakers) if speaker.name == old), None)
        if index is None:
            raise ValueError(f"no speaker {old!r} in this article")
        current = self.speakers[index]
        if (new.kind, new.pronoun) != (current.kind, current.pronoun):
            raise ValueError(f"{new.name!r} is not of the kind and gender of {old!r}")
        if any(new.key == other.key for i, other in enumerate(self.speakers) if i != index):
            raise ValueError(f"{new.name!r} could be confused with another speaker of the article")
        speakers = (*self.speakers[:index], new, *self.speakers[index + 1 :])
        return attrs.evolve(self, speakers=speakers)

    def with_paragraph(self, position: int, paragraph: str) -> GeneratedArticle:
        """The article with ``paragraph`` inserted before body block ``position``."""
        if position not in self.insertion_points:
            raise ValueError(f"position {position} is not one of {self.insertion_points}")
        blocks = (*self.blocks[:position], ((paragraph,),), *self.blocks[position:])
        return attrs.evolve(self, blocks=blocks)

    def expected_quotes(self) -> QuoteList:
        """The ground truth as :class:`~quotebank.values.Quote` values (no role, aliases or confidence)."""
        by_name = {speaker.name: speaker.kind for speaker in self.speakers}
        return QuoteList(
            Quote(
                text=expected.text,
                start=expected.start,
                end=expected.end,
                marks=expected.marks,
                kind=expected.kind,
                speaker=None
                if expected.speaker is None
                else Speaker(expected.speaker, kind=by_name[expected.speaker]),
                mention=expected.mention,
                cue=expected.cue,
                confidence=1.0 if expected.speaker is not None else 0.0,
                paragraph=expected.paragraph,
            )
            for expected in self.expected
        )


_POSSESSIVES = {"he": "his", "she": "her", "it": "its"}


def _name_text(name: _Name, speaker: SpeakerName) -> tuple[str, tuple[int, int]]:
    """The words of ``name`` and the range of the mention within them (the apposition is not part of it)."""
    if name.form == "pronoun":
        text = speaker.pronoun
    elif name.form == "possessive":
        text = _POSSESSIVES[speaker.pronoun]
    elif name.form == "role":
        text = f"the {name.role}"
    elif name.form == "office":
        text = name.role
    else:
        base = speaker.name if name.form == "full" else speaker.short
        article = speaker.article if name.article is None else name.article
        text = " ".join(word for word in (article, name.role, base) if word)
    if name.capital:
        text = text[0].upper() + text[1:]
    return text + name.apposition, (0, len(text))


def _render(article: GeneratedArticle) -> tuple[str, tuple[ExpectedQuote, ...]]:
    style = article.style
    paragraphs = [*article.head, *(p for block in article.blocks for p in block), *article.tail]
    pieces: list[str] = []
    position = 0
    spans: dict[int, Mention] = {}
    pending: list[tuple[_Quoted, int, int, tuple[str, str], int]] = []
    for number, paragraph in enumerate(paragraphs):
        if number:
            pieces.append("\n")
            position += 1
        for part in paragraph:
            if isinstance(part, str):
                written = part
            elif isinstance(part, _Name):
                written, (lo, hi) = _name_text(part, article.speakers[part.speaker])
                spans[part.ref] = Mention(written[lo:hi], position + lo, position + hi)
            elif isinstance(part, _Cue):
                written = part.text
                lo, hi = part.core
                spans[part.ref] = Mention(written[lo:hi], position + lo, position + hi)
            else:
                opening, closing = (
                    (style.inner_open, style.inner_close) if part.inner_marks else (style.open, style.close)
                )
                marks = (opening if part.opened else "", closing if part.closed else "")
                space = "" if part.inner_marks else style.space
                before = marks[0] + (space if part.opened else "")
                after = (space if part.closed else "") + marks[1]
                content = part.content.render(style)
                start = position + len(before)
                pending.append((part, start, start + len(content), marks, number))
                written = before + content + after
            pieces.append(written)
            position += len(written)
    text = "".join(pieces)
    expected = []
    for part, start, end, marks, number in pending:
        speaker = None if part.speaker is None else article.speakers[part.speaker].name
        expected.append(
            ExpectedQuote(
                text=text[start:end],
                start=start,
                end=end,
                speaker=speaker,
                kind=part.kind,
                construction=part.construction,
                marks=marks,
                paragraph=number,
                mention=spans.get(part.mention) if part.mention is not None else None,
                cue=spans.get(part.cue) if part.cue is not None else None,
            )
        )
    return text, tuple(expected)


# ---------------------------------------------------------------------------------------------------------
# Generation

# Body constructions in the order Hypothesis shrinks towards (simplest first).
_HEAD_CONSTRUCTIONS = (
    "quote-cue",
    "cue-inverted",
    "cue-colon",
    "cue-comma",
    "cue-that",
    "partial",
    "according-to",
    "written",
    "adding",
    "second-sentence",
    "multi-paragraph",
    "introducer",
)
_FOLLOW_UP_CONSTRUCTIONS = ("continuation", "pronoun", "role", "thanks")
# how a quotation before its speaker ends: a comma inside, a comma outside (British style), a question
_QUOTE_CUE_PUNCTUATION = (",", "outside", "?")
_TITLE_CONSTRUCTIONS = ("headline-says", "headline-colon", "headline-echo", "headline-scare")
_TAIL_CONSTRUCTIONS = ("related-says",)
CONSTRUCTIONS = frozenset(
    _HEAD_CONSTRUCTIONS + _FOLLOW_UP_CONSTRUCTIONS + _TITLE_CONSTRUCTIONS + _TAIL_CONSTRUCTIONS
)
"""The names of every construction :func:`articles` can write (see the module documentation)."""

# (words before the name, the office a later "the …" names, the pronoun it fits or "" for any)
_ROLES = (
    ("Foreign Minister", "foreign minister", ""),
    ("U.S. special envoy", "special envoy", ""),
    ("Prime Minister", "prime minister", ""),
    ("opposition leader", "opposition leader", ""),
    ("Mayor", "mayor", ""),
    ("Sen.", "", ""),
    ("Dr.", "", ""),
    ("foreign ministry spokeswoman", "spokeswoman", "she"),
    ("foreign ministry spokesman", "spokesman", "he"),
    ("Ms.", "", "she"),
    ("Mr.", "", "he"),
)
# (text after the name in "X, …, said", the same at the end of a sentence, the pronoun it fits)
_APPOSITIONS = (
    (", 54,", ", 54", ""),
    (", the country's foreign minister,", ", the country's foreign minister", ""),
    (", a spokeswoman for the ministry,", ", a spokeswoman for the ministry", "she"),
    (", a spokesman for the ministry,", ", a spokesman for the ministry", "he"),
)
_TITLES = ("Talks end without a deal", "Ceasefire holds for a second day", "Leaders meet in Geneva")
_TITLE_FRAMES = ("Talks bring", "Hopes rise for", "Markets react to")
_SCARE_FRAMES = ("Talks end in", "Ceasefire is", "Deal looks", "Outlook was")
_NAVIGATION = ("- World", "- Europe", "- Politics")
_BYLINES = ("By Anna Berg", "By Tom Whitfield, Reuters", "By Staff Reporter")
_PUBLISHED = (
    "Published: 05 February 2026 10:30",
    "- Published Date: 03:31 | 05 February 2026",
    "Updated: February 5, 2026",
)
_DATELINES = ("KYIV (Reuters) - ", "WASHINGTON - ", "BRUSSELS (AP) — ")
_RELATED_PLAIN = ("- Markets fall as talks stall again", "- Explainer: what is in the draft agreement")
_RELATED_FRAMES = ("deal is", "talks were", "next round will be")
_RELATED_HEADING = "Related"


class _Writer:
    """Draws one article block by block, remembering who has been introduced and who spoke last."""

    def __init__(self, draw: st.DrawFn, speakers: Sequence[SpeakerName], allowed: frozenset[str]):
        self.draw = draw
        self.speakers = speakers
        self.allowed = allowed
        self.introduced: set[int] = set()
        self.offices: dict[int, str] = {}
        """The office each speaker was introduced with (``foreign minister``), for a later ``the …``."""
        self.next_ref = 0
        self.person_quotes: list[_Quoted] = []
        """Body quotations of persons, in text order (a title may echo the first one)."""

    def ref(self) -> int:
        self.next_ref += 1
        return self.next_ref

    def choose(self, options: Sequence[_T]) -> _T:
        strategy: SearchStrategy[_T] = _sampled(tuple(options))
        return self.draw(strategy)

    def flip(self) -> bool:
        return self.draw(_BOOLEANS)

    def number(self, low: int, high: int) -> int:
        return self.draw(_integers(low, high))

    def content(self) -> _Content:
        return self.draw(_contents())

    def fragment(self) -> _Content:
        return self.draw(_fragments())

    def lowered(self) -> _Content:
        sentence = self.choose([s for s in _SENTENCES if not s.startswith("I ")])
        return _Content((sentence[0].lower() + sentence[1:],))

    def name(self, speaker: int, *, capital: bool = False, apposition: int = 0) -> _Name:
        """How ``speaker`` is named now: in full the first time (maybe with a role or an apposition).

        ``apposition`` is 1 where ``X, …, said`` fits, 2 where ``said X, ….`` does, 0 where none does.
        """
        source = self.speakers[speaker]
        if speaker in self.introduced:
            form = "full" if self.flip() else "short"
            return _Name(self.ref(), speaker, form, capital=capital)
        self.introduced.add(speaker)
        role = after = ""
        if source.kind is SpeakerKind.PERSON:
            # one holder per office word, so that "the minister" names one person
            taken = {office.split()[-1] for office in self.offices.values()}
            fitting = [
                r for r in _ROLES if r[2] in ("", source.pronoun) and not (r[1] and r[1].split()[-1] in taken)
            ]
            choice = self.choose([("", "", ""), *fitting])
            role = choice[0]
            if choice[1]:
                self.offices[speaker] = choice[1]
            if apposition and not role:
                fits = [a for a in _APPOSITIONS if a[2] in ("", source.pronoun)]
                chosen = self.choose([("", "", ""), *fits])
                after = chosen[apposition - 1]
        return _Name(self.ref(), speaker, "full", role=role, capital=capital, apposition=after)

    def quoted(
        self, content: _Content, speaker: int, construction: str, kind: QuoteKind, **fields: Any
    ) -> _Quoted:
        quoted = _Quoted(content, speaker, construction, kind, **fields)
        if self.speakers[speaker].kind is SpeakerKind.PERSON:
            self.person_quotes.append(quoted)
        return quoted

    # -- blocks ------------------------------------------------------------------------------------------

    def block(self, construction: str) -> tuple[_Paragraph, ...]:
        """A paragraph (or several) of ``construction`` quoting one speaker, then follow-ups."""
        speaker = self.number(0, len(self.speakers) - 1)
        paragraphs, mention, cue = getattr(self, "_" + construction.replace("-", "_"))(speaker)
        follow_ups = [
            c
            for c in _FOLLOW_UP_CONSTRUCTIONS
            if c in self.allowed and (c != "role" or speaker in self.offices)
        ]
        if follow_ups:
            for _ in range(self.number(0, 2)):
                paragraph, mention, cue = self._follow_up(self.choose(follow_ups), speaker, mention, cue)
                paragraphs.append(paragraph)
        return tuple(paragraphs)

    def _follow_up(
        self, construction: str, speaker: int, mention: int, cue: int
    ) -> tuple[_Paragraph, int, int]:
        if construction == "continuation":
            content = self.content().finished(".")
            quoted = self.quoted(
                content, speaker, construction, _sentence_kind(content), mention=mention, cue=cue
            )
            return (quoted,), mention, cue
        if construction == "thanks":
            fragment = self.fragment().finished(".")
            if self.flip():
                name = _Name(self.ref(), speaker, "pronoun", capital=True)
                cue_part = _Cue(self.ref(), "thanked")
                parts: tuple[_Part, ...] = (name, " ", cue_part, " the volunteers for ")
            else:
                subject = _Name(self.ref(), speaker, "pronoun", capital=True)
                name = _Name(self.ref(), speaker, "possessive")
                cue_part = _Cue(self.ref(), "thanks")
                parts = (subject, " also expressed ", name, " ", cue_part, " to ")
            quoted = self.quoted(
                fragment, speaker, construction, QuoteKind.PARTIAL, mention=name.ref, cue=cue_part.ref
            )
            return (*parts, quoted), name.ref, cue_part.ref
        cue_part = _Cue(self.ref(), self.draw(_cues(tenses=("past", "present"))))
        if construction == "pronoun":
            name = _Name(self.ref(), speaker, "pronoun")
        else:
            name = _Name(self.ref(), speaker, "role", role=self.offices[speaker])
        content = self.content().finished(",")
        quoted = self.quoted(
            content, speaker, construction, _sentence_kind(content), mention=name.ref, cue=cue_part.ref
        )
        return (quoted, " ", name, " ", cue_part, "."), name.ref, cue_part.ref

    def _quote_cue(self, speaker: int) -> tuple[list[_Paragraph], int, int]:
        punctuation = self.choose(_QUOTE_CUE_PUNCTUATION)
        content = self.content()
        content = content if punctuation == "outside" else content.finished(punctuation)
        name = self.name(speaker, apposition=1)
        adjacent = self.flip() and self.speakers[speaker].kind is SpeakerKind.PERSON
        if punctuation == "?":
            verb = "asked"
        else:
            verb = self.choose(_CUES_ADJACENT) if adjacent else self.draw(_cues())
        cue = _Cue(self.ref(), verb)
        quoted = self.quoted(
            content, speaker, "quote-cue", _sentence_kind(content), mention=name.ref, cue=cue.ref
        )
        separator = ", " if punctuation == "outside" else " "
        return [(quoted, separator, name, " ", cue, ".")], name.ref, cue.ref

    def _cue_inverted(self, speaker: int) -> tuple[list[_Paragraph], int, int]:
        content = self.content().finished(",")
        cue = _Cue(self.ref(), self.draw(_cues(invertible=True)))
        name = self.name(speaker, apposition=2)
        quoted = self.quoted(
            content, speaker, "cue-inverted", _sentence_kind(content), mention=name.ref, cue=cue.ref
        )
        return [(quoted, " ", cue, " ", name, ".")], name.ref, cue.ref

    def _introduced_quote(
        self, speaker: int, construction: str, separator: str
    ) -> tuple[list[_Paragraph], int, int]:
        name = self.name(speaker, capital=True)
        cues = _CUES_WRITTEN if construction == "written" else (*_CUES_PAST, *_CUES_PRESENT)
        cue = _Cue(self.ref(), self.choose(cues))
        content = self.content().finished(".")
        quoted = self.quoted(
            content, speaker, construction, QuoteKind.SENTENCE, mention=name.ref, cue=cue.ref
        )
        return [(name, " ", cue, separator, quoted)], name.ref, cue.ref

    def _cue_colon(self, speaker: int) -> tuple[list[_Paragraph], int, int]:
        return self._introduced_quote(speaker, "cue-colon", ": ")

    def _cue_comma(self, speaker: int) -> tuple[list[_Paragraph], int, int]:
        return self._introduced_quote(speaker, "cue-comma", ", ")

    def _written(self, speaker: int) -> tuple[list[_Paragraph], int, int]:
        return self._introduced_quote(speaker, "written", ": ")

    def _cue_that(self, speaker: int) -> tuple[list[_Paragraph], int, int]:
        name = self.name(speaker, capital=True)
        cue = _Cue(self.ref(), self.draw(_cues()))
        content = self.lowered().finished(".")
        quoted = self.quoted(content, speaker, "cue-that", QuoteKind.PARTIAL, mention=name.ref, cue=cue.ref)
        return [(name, " ", cue, " that ", quoted)], name.ref, cue.ref

    def _partial(self, speaker: int) -> tuple[list[_Paragraph], int, int]:
        name = self.name(speaker, capital=True)
        cue = _Cue(self.ref(), self.draw(_cues()))
        fields = {"mention": name.ref, "cue": cue.ref}
        first = self.fragment()
        paragraph: list[_Part] = [name, " ", cue, " the talks were "]
        if self.flip():
            second = self.fragment().finished(".")
            paragraph += [
                self.quoted(first, speaker, "partial", QuoteKind.PARTIAL, **fields),
                " and the next round ",
                self.quoted(second, speaker, "partial", QuoteKind.PARTIAL, **fields),
            ]
        else:
            paragraph += [self.quoted(first, speaker, "partial", QuoteKind.PARTIAL, **fields), "."]
        return [tuple(paragraph)], name.ref, cue.ref

    def _according_to(self, speaker: int) -> tuple[list[_Paragraph], int, int]:
        cue = _Cue(self.ref(), "according to")
        if self.flip():
            content = self.content().finished(",")
            name = self.name(speaker)
            quoted = self.quoted(
                content, speaker, "according-to", _sentence_kind(content), mention=name.ref, cue=cue.ref
            )
            return [(quoted, " ", cue, " ", name, ".")], name.ref, cue.ref
        if self.flip():
            cue = _Cue(cue.ref, "According to")
            name = self.name(speaker)
            content = self.lowered().finished(".")
            quoted = self.quoted(
                content, speaker, "according-to", QuoteKind.PARTIAL, mention=name.ref, cue=cue.ref
            )
            return [(cue, " ", name, ", ", quoted)], name.ref, cue.ref
        name = self.name(speaker)
        content = self.fragment().finished(".")
        quoted = self.quoted(
            content, speaker, "according-to", QuoteKind.PARTIAL, mention=name.ref, cue=cue.ref
        )
        return [("The plan, ", cue, " ", name, ", was ", quoted)], name.ref, cue.ref

    def _adding(self, speaker: int) -> tuple[list[_Paragraph], int, int]:
        content = self.content().finished(",")
        name = self.name(speaker)
        cue = _Cue(self.ref(), self.choose(("said", "says", "told reporters")))
        adding = _Cue(self.ref(), "adding")
        first = self.quoted(
            content, speaker, "adding", _sentence_kind(content), mention=name.ref, cue=cue.ref
        )
        second = self.quoted(
            self.lowered().finished("."),
            speaker,
            "adding",
            QuoteKind.PARTIAL,
            mention=name.ref,
            cue=adding.ref,
        )
        return [(first, " ", name, " ", cue, ", ", adding, " that ", second)], name.ref, adding.ref

    def _second_sentence(self, speaker: int) -> tuple[list[_Paragraph], int, int]:
        content = self.content().finished(",")
        name = self.name(speaker)
        cue = _Cue(self.ref(), self.draw(_cues()))
        fields = {"mention": name.ref, "cue": cue.ref}
        first = self.quoted(content, speaker, "second-sentence", _sentence_kind(content), **fields)
        second = self.quoted(
            self.content().finished("."), speaker, "second-sentence", QuoteKind.SENTENCE, **fields
        )
        return [(first, " ", name, " ", cue, ". ", second)], name.ref, cue.ref

    def _multi_paragraph(self, speaker: int) -> tuple[list[_Paragraph], int, int]:
        segments = self.number(2, 3)
        contents = [self.content().finished(".") for _ in range(segments - 1)]
        if self.flip():
            # Lopez said: "…  /  "…  /  "…."
            name = self.name(speaker, capital=True)
            cue = _Cue(self.ref(), self.draw(_cues()))
            fields = {"mention": name.ref, "cue": cue.ref}
            contents.append(self.content().finished("."))
            parts = [
                self.quoted(
                    c, speaker, "multi-paragraph", _segment_kind(i, c), closed=i == segments - 1, **fields
                )
                for i, c in enumerate(contents)
            ]
            return [(name, " ", cue, ": ", parts[0]), *((part,) for part in parts[1:])], name.ref, cue.ref
        # "…  /  "…," Lopez said.
        last = self.content().finished(",")
        contents.append(last)
        name = self.name(speaker)
        cue = _Cue(self.ref(), self.draw(_cues()))
        fields = {"mention": name.ref, "cue": cue.ref}
        parts = [
            self.quoted(
                c, speaker, "multi-paragraph", _segment_kind(i, c), closed=i == segments - 1, **fields
            )
            for i, c in enumerate(contents)
        ]
        return [*((part,) for part in parts[:-1]), (parts[-1], " ", name, " ", cue, ".")], name.ref, cue.ref

    def _introducer(self, speaker: int) -> tuple[list[_Paragraph], int, int]:
        name = self.name(speaker, capital=True)
        cue = _Cue(self.ref(), self.choose((*_CUES_PAST, *_CUES_WRITTEN)))
        content = self.content().finished(".")
        quoted = self.quoted(
            content, speaker, "introducer", QuoteKind.SENTENCE, mention=name.ref, cue=cue.ref
        )
        return [(name, " ", cue, ":"), (quoted,)], name.ref, cue.ref

    # -- title and related links -------------------------------------------------------------------------

    def title(self, construction: str | None, persons: Sequence[int]) -> _Paragraph:
        inner = self.flip()
        if construction == "headline-echo":
            source = self.person_quotes[0]
            words = source.content.runs[0].rstrip(",.?").split()[-2:]
            echo = _Content((" ".join(words),))
            frame = self.choose(_TITLE_FRAMES)
            quoted = _Quoted(echo, source.speaker, construction, QuoteKind.HEADLINE, inner_marks=inner)
            return (frame, " ", quoted)
        if construction == "headline-scare":
            scare = _Content((self.choose(_SCARE),))
            quoted = _Quoted(scare, None, construction, QuoteKind.HEADLINE, inner_marks=inner)
            return (self.choose(_SCARE_FRAMES), " ", quoted)
        if construction in ("headline-says", "headline-colon"):
            speaker = self.choose(persons)
            name = _Name(self.ref(), speaker, "short")
            scare = _Content((self.choose(_SCARE),))
            if construction == "headline-colon":
                quoted = _Quoted(
                    scare, speaker, construction, QuoteKind.HEADLINE, inner_marks=inner, mention=name.ref
                )
                return ("Talks ", quoted, ": ", name)
            cue = _Cue(self.ref(), "says")
            quoted = _Quoted(
                scare,
                speaker,
                construction,
                QuoteKind.HEADLINE,
                inner_marks=inner,
                mention=name.ref,
                cue=cue.ref,
            )
            return (name, " ", cue, " talks were ", quoted)
        return (self.choose(_TITLES),)

    def related(self, persons: Sequence[int]) -> tuple[_Paragraph, ...]:
        items: list[_Paragraph] = [(_RELATED_HEADING,)]
        for _ in range(self.number(1, 3)):
            if persons and "related-says" in self.allowed and self.flip():
                speaker = self.choose(persons)
                name = _Name(self.ref(), speaker, "short")
                cue = _Cue(self.ref(), "says")
                scare = _Content((self.choose(_SCARE),))
                quoted = _Quoted(
                    scare,
                    speaker,
                    "related-says",
                    QuoteKind.RELATED,
                    inner_marks=True,
                    mention=name.ref,
                    cue=cue.ref,
                )
                items.append(("- ", name, " ", cue, " ", self.choose(_RELATED_FRAMES), " ", quoted))
            else:
                items.append((self.choose(_RELATED_PLAIN),))
        return tuple(items)


def _sentence_kind(content: _Content) -> QuoteKind:
    """The kind of a quotation at the start of a sentence: a whole sentence unless it starts lowercase."""
    return QuoteKind.SENTENCE if content.capitalised else QuoteKind.PARTIAL


def _segment_kind(index: int, content: _Content) -> QuoteKind:
    return _sentence_kind(content) if index == 0 else QuoteKind.CONTINUATION


@functools.cache
def _casts(max_speakers: int) -> SearchStrategy[list[SpeakerName]]:
    """The speakers of one article: no two of them could be taken for one person."""
    return st.lists(speaker_names(), min_size=1, max_size=max_speakers, unique_by=lambda s: s.key)


# section names, a byline and a publication date, each only sometimes
_METADATA = st.tuples(
    st.lists(st.sampled_from(_NAVIGATION), max_size=2, unique=True),
    st.lists(st.sampled_from(_BYLINES), max_size=1),
    st.lists(st.sampled_from(_PUBLISHED), max_size=1),
).map(lambda groups: [line for group in groups for line in group])


@st.composite
def _articles(
    draw: st.DrawFn,
    *,
    styles: tuple[str, ...],
    allowed: frozenset[str],
    min_blocks: int,
    max_blocks: int,
    max_speakers: int,
    boilerplate: bool,
) -> GeneratedArticle:
    style = MARK_STYLES[draw(_sampled(tuple(styles)))]
    speakers = draw(_casts(max_speakers))
    if not style.double:
        allowed -= {"multi-paragraph"}
    heads = [c for c in _HEAD_CONSTRUCTIONS if c in allowed]
    writer = _Writer(draw, speakers, allowed)
    blocks: list[tuple[_Paragraph, ...]] = []
    for number in range(draw(_integers(min_blocks, max_blocks))):
        if not heads or (number and draw(_integers(0, 3)) == 0):
            blocks.append(((draw(unrelated_paragraphs()),),))
        else:
            blocks.append(writer.block(draw(_sampled(tuple(heads)))))
    persons = sorted(i for i in writer.introduced if speakers[i].kind is SpeakerKind.PERSON)
    titles: list[str | None] = [None]
    for construction in _TITLE_CONSTRUCTIONS:
        needs = {"headline-echo": bool(writer.person_quotes), "headline-scare": True}.get(
            construction, bool(persons)
        )
        if construction in allowed and needs:
            titles.append(construction)
    metadata: list[_Paragraph] = []
    tail: tuple[_Paragraph, ...] = ()
    if boilerplate:
        metadata += [(line,) for line in draw(_METADATA)]
        if draw(_BOOLEANS):
            first_block = blocks[0]
            dateline = draw(_sampled(tuple(_DATELINES)))
            blocks[0] = ((dateline, *first_block[0]), *first_block[1:])
        if draw(_BOOLEANS):
            tail = writer.related(persons)
    head = metadata
    # quotebank reads the first of several lines as the title, so a longer text always opens with one
    if len(metadata) + sum(map(len, blocks)) + len(tail) > 1 or draw(_BOOLEANS):
        head = [writer.title(draw(_sampled(tuple(titles))), persons), *metadata]
    return GeneratedArticle(
        speakers=tuple(speakers), style=style, head=tuple(head), blocks=tuple(blocks), tail=tail
    )


def articles(
    *,
    marks: Iterable[str] | None = None,
    constructions: Collection[str] | None = None,
    min_blocks: int = 1,
    max_blocks: int = 6,
    max_speakers: int = 3,
    boilerplate: bool = True,
    language: str = "en",
) -> SearchStrategy[GeneratedArticle]:
    """Synthetic news articles with their ground truth: a strategy of :class:`GeneratedArticle`.

    ``marks`` restricts the quotation-mark styles (names of :func:`mark_styles` of the language; one style
    an article), ``constructions`` the constructions used (names of :func:`supported_constructions` of the
    language; by default all of them). An article has
    ``min_blocks`` to ``max_blocks`` body blocks (a quoting paragraph with its follow-ups, or a paragraph
    that quotes nobody) and up to ``max_speakers`` speakers. ``boilerplate`` adds section names, a byline,
    a publication date, a dateline and a list of related headlines, each only sometimes (in German and
    French a dateline only). ``language`` is ``"en"``, ``"de"`` or ``"fr"`` (see "Other languages" in the
    module documentation).
    """
    code = _language_code(language)
    styles = _style_names(marks, code)
    supported = supported_constructions(code)
    allowed = supported if constructions is None else frozenset(constructions)
    unknown = allowed - supported
    if unknown:
        raise ValueError(
            f"unknown constructions {sorted(unknown)} in {code!r}; use some of {sorted(supported)}"
        )
    if not 1 <= min_blocks <= max_blocks or max_speakers < 1:
        raise ValueError("articles() needs 1 <= min_blocks <= max_blocks and max_speakers >= 1")
    if code != "en":
        return _language_articles(
            code=code,
            styles=styles,
            allowed=allowed,
            min_blocks=min_blocks,
            max_blocks=max_blocks,
            max_speakers=max_speakers,
            boilerplate=boilerplate,
        )
    return _articles(
        styles=styles,
        allowed=allowed,
        min_blocks=min_blocks,
        max_blocks=max_blocks,
        max_speakers=max_speakers,
        boilerplate=boilerplate,
    )


def quotes() -> SearchStrategy[Quote]:
    """Quotes of generated articles, built from their ground truth (what ``st.from_type(Quote)`` draws)."""
    return quote_lists().filter(len).flatmap(_sampled)


def quote_lists() -> SearchStrategy[QuoteList]:
    """The ground truth of generated articles as quote lists (what ``st.from_type(QuoteList)`` draws)."""
    return articles().map(GeneratedArticle.expected_quotes)


def speakers() -> SearchStrategy[Speaker]:
    """Speakers as quotebank reports them, without role or aliases (what ``st.from_type(Speaker)`` draws)."""
    return speaker_names().map(lambda name: Speaker(name.name, kind=name.kind))


# ---------------------------------------------------------------------------------------------------------
# Other languages: articles written from the templates and words of quotebank/lang/<code>/strategies.txt

_VOCABULARY_FILE = "strategies.txt"
_SLOT = re.compile(r"\{([A-Za-z]+\.?)((?::[\w-]+)*)\}")
_GENDERS = ("female", "male")


@attrs.frozen
class _Slot:
    """A placeholder of a template: ``{quote.}``, ``{Name:full:dative}``, ``{cue:after}``."""

    kind: str
    """``quote``, ``quote.``, ``question``, ``fragment``, ``clause``, ``name``, ``Name``, ``pronoun``,
    ``Pronoun``, ``office``, ``Office`` or ``cue``."""
    options: tuple[str, ...]
    """``full``, ``dative``, ``apposition`` and ``apposition-end`` for a name, the group of a cue."""

    @property
    def capital(self) -> bool:
        return self.kind[0].isupper()


_Template = tuple[str | _Slot, ...]
_QUOTATION_SLOTS = frozenset(("quote", "quote.", "question", "fragment", "clause"))
_NAME_SLOTS = frozenset(("name", "Name", "pronoun", "Pronoun", "office", "Office"))
_SLOT_KINDS = _QUOTATION_SLOTS | _NAME_SLOTS | {"cue"}


@attrs.frozen
class _Vocabulary:
    """What the generator writes in one language: the sections of its ``strategies.txt``."""

    code: str
    styles: tuple[str, ...]
    given: dict[str, tuple[str, ...]]
    """Given names by gender (``female``, ``male``)."""
    surnames: tuple[str, ...]
    pronouns: dict[str, str]
    """The subject pronoun of each gender."""
    roles: dict[str, tuple[tuple[str, str], ...]]
    """By the gender of the person: words before a full name, and how a later sentence names the holder
    of that office (or nothing)."""
    appositions: dict[str, tuple[str, ...]]
    """Words after a person's full name, between commas, by the gender of the person."""
    organisations: tuple[SpeakerName, ...]
    dative: dict[str, str]
    """An article to the form it takes after a dative preposition."""
    contents: tuple[_Content, ...]
    """Whole sentences of quotations, some with a nested quotation."""
    sentences: tuple[str, ...]
    """The sentences without a nested quotation."""
    questions: tuple[str, ...]
    fragments: tuple[str, ...]
    fillers: tuple[str, ...]
    titles: tuple[str, ...]
    datelines: tuple[str, ...]
    cues: dict[str, tuple[str, ...]]
    """Cue words by group (``[cues:after]``)."""
    templates: dict[str, tuple[_Template, ...]]
    """The templates of each construction, in the order of the file (Hypothesis shrinks to the first)."""

    @property
    def all_cues(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(cue for group in self.cues.values() for cue in group))

    def gender(self, speaker: SpeakerName) -> str:
        return next((g for g, pronoun in self.pronouns.items() if pronoun == speaker.pronoun), "")


def _language_code(language: str) -> str:
    """``language`` checked: English, or a language whose folder has a ``strategies.txt``."""
    if language == "en" or (language in available_languages() and _has_vocabulary(language)):
        return language
    codes = ["en", *(code for code in available_languages() if code != "en" and _has_vocabulary(code))]
    raise ValueError(f"quotebank.strategies writes no articles in {language!r}; use one of {codes}")


@functools.cache
def _has_vocabulary(code: str) -> bool:
    try:
        read_lines(code, _VOCABULARY_FILE)
    except LanguageDataError:
        return False
    return True


def _template(code: str, line: str) -> tuple[str, _Template]:
    construction, equals, text = (part.strip() for part in line.partition("="))
    if not equals:
        raise LanguageDataError(f"{code}/{_VOCABULARY_FILE}: not 'construction = template': {line!r}")
    pieces: list[str | _Slot] = []
    position = 0
    for match in _SLOT.finditer(text):
        if match.group(1) not in _SLOT_KINDS:
            raise LanguageDataError(f"{code}/{_VOCABULARY_FILE}: unknown slot {match.group(0)} in {line!r}")
        if match.start() > position:
            pieces.append(text[position : match.start()])
        pieces.append(_Slot(match.group(1), tuple(match.group(2).split(":")[1:])))
        position = match.end()
    if position < len(text):
        pieces.append(text[position:])
    return construction, tuple(pieces)


def _pairs(code: str, lines: list[str]) -> dict[str, str]:
    pairs = {}
    for line in lines:
        words = line.split()
        if len(words) != 2:
            raise LanguageDataError(f"{code}/{_VOCABULARY_FILE}: not two words: {line!r}")
        pairs[words[0]] = words[1]
    return pairs


# a nested quotation in a sentence of [nested]: <between angle brackets>
_NESTED_MARK = re.compile("[<>]")


def _role(line: str) -> tuple[str, str]:
    before, _, later = (part.strip() for part in line.partition("|"))
    return before, later


@functools.cache
def _vocabulary(code: str) -> _Vocabulary:
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in read_lines(code, _VOCABULARY_FILE):
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], [])
        elif current is None:
            raise LanguageDataError(f"{code}/{_VOCABULARY_FILE}: words before the first [section]: {line!r}")
        else:
            current.append(line)
    roles = {
        gender: tuple(_role(line) for line in sections.get(f"roles:{gender}", ())) for gender in _GENDERS
    }
    nested = tuple(_Content(tuple(_NESTED_MARK.split(line))) for line in sections.get("nested", ()))
    organisations = []
    for line in sections.get("organisations", []):
        name, article, pronoun = (field.strip() for field in line.split("|"))
        organisations.append(SpeakerName(name, name, pronoun, SpeakerKind.ORGANISATION, article))
    templates: dict[str, list[_Template]] = {}
    for line in sections["templates"]:
        construction, template = _template(code, line)
        templates.setdefault(construction, []).append(template)
    unknown = set(templates) - CONSTRUCTIONS
    if unknown:
        raise LanguageDataError(f"{code}/{_VOCABULARY_FILE}: unknown constructions {sorted(unknown)}")
    return _Vocabulary(
        code=code,
        styles=tuple(sections["marks"]),
        given={gender: tuple(sections[gender]) for gender in _GENDERS},
        surnames=tuple(sections["surnames"]),
        pronouns=_pairs(code, sections["pronouns"]),
        roles=roles,
        appositions={gender: tuple(sections.get(f"appositions:{gender}", ())) for gender in _GENDERS},
        organisations=tuple(organisations),
        dative=_pairs(code, sections.get("dative", [])),
        contents=(*(_Content((sentence,)) for sentence in sections["sentences"]), *nested),
        sentences=tuple(sections["sentences"]),
        questions=tuple(sections.get("questions", ())),
        fragments=tuple(sections["fragments"]),
        fillers=tuple(sections["fillers"]),
        titles=tuple(sections["titles"]),
        datelines=tuple(sections["datelines"]),
        cues={
            key.partition(":")[2]: tuple(lines) for key, lines in sections.items() if key.startswith("cues:")
        },
        templates={construction: tuple(found) for construction, found in templates.items()},
    )


def supported_constructions(language: str = "en") -> frozenset[str]:
    """The constructions :func:`articles` writes in ``language``: :data:`CONSTRUCTIONS` for English."""
    code = _language_code(language)
    return CONSTRUCTIONS if code == "en" else frozenset(_vocabulary(code).templates)


@functools.cache
def _language_speaker_names(code: str, kinds: frozenset[SpeakerKind]) -> SearchStrategy[SpeakerName]:
    vocabulary = _vocabulary(code)
    options: list[SearchStrategy[SpeakerName]] = []
    if SpeakerKind.PERSON in kinds:
        for gender in _GENDERS:
            options.append(
                st.builds(
                    _person,
                    st.sampled_from(vocabulary.given[gender]),
                    st.sampled_from(vocabulary.surnames),
                    st.just(vocabulary.pronouns[gender]),
                )
            )
    if SpeakerKind.ORGANISATION in kinds and vocabulary.organisations:
        options.append(st.sampled_from(vocabulary.organisations))
    if not options:
        raise ValueError(f"speaker_names(kinds={sorted(kinds)!r}): no kind quotebank generates")
    return st.one_of(options)


@functools.cache
def _language_casts(code: str, max_speakers: int) -> SearchStrategy[list[SpeakerName]]:
    names = _language_speaker_names(code, frozenset((SpeakerKind.PERSON, SpeakerKind.ORGANISATION)))
    return st.lists(names, min_size=1, max_size=max_speakers, unique_by=lambda s: s.key)


class _LanguageWriter(_Writer):
    """Writes blocks from the templates of a language's ``strategies.txt``."""

    def __init__(
        self,
        draw: st.DrawFn,
        speakers: Sequence[SpeakerName],
        allowed: frozenset[str],
        vocabulary: _Vocabulary,
    ):
        super().__init__(draw, speakers, allowed)
        self.vocabulary = vocabulary

    def content(self) -> _Content:
        return self.choose(self.vocabulary.contents)

    def fragment(self) -> _Content:
        return _Content((self.choose(self.vocabulary.fragments),))

    def lowered(self) -> _Content:
        sentence = self.choose(self.vocabulary.sentences)
        return _Content((sentence[0].lower() + sentence[1:],))

    def language_name(self, speaker: int, slot: _Slot) -> _Name:
        """How ``speaker`` is named now: in full the first time (a person maybe after an office or before an
        apposition), later in full or by the short form; a pronoun, or the office it was introduced with."""
        source = self.speakers[speaker]
        if slot.kind in ("pronoun", "Pronoun"):
            return _Name(self.ref(), speaker, "pronoun", capital=slot.capital)
        if slot.kind in ("office", "Office"):
            return _Name(self.ref(), speaker, "office", role=self.offices[speaker], capital=slot.capital)
        article = (
            self.vocabulary.dative.get(source.article, source.article) if "dative" in slot.options else None
        )
        if speaker in self.introduced:
            form = "full" if "full" in slot.options or self.flip() else "short"
            return _Name(self.ref(), speaker, form, capital=slot.capital, article=article)
        self.introduced.add(speaker)
        role = after = ""
        if source.kind is SpeakerKind.PERSON:
            gender = self.vocabulary.gender(source)
            # one holder per office, so that a later "la ministre" names one person
            taken = {office.split()[-1] for office in self.offices.values()}
            fitting = [r for r in self.vocabulary.roles[gender] if not (r[1] and r[1].split()[-1] in taken)]
            role, office = self.choose([("", ""), *fitting])
            if office:
                self.offices[speaker] = office
            ending = "," if "apposition" in slot.options else "" if "apposition-end" in slot.options else None
            if ending is not None and not role:
                apposition = self.choose(("", *self.vocabulary.appositions[gender]))
                after = f", {apposition}{ending}" if apposition else ""
        return _Name(
            self.ref(), speaker, "full", role=role, capital=slot.capital, apposition=after, article=article
        )

    def block(self, construction: str) -> tuple[_Paragraph, ...]:
        """A paragraph of ``construction`` quoting one speaker, then follow-ups."""
        speaker = self.number(0, len(self.speakers) - 1)
        paragraph, mention, cue = self.write(construction, speaker, None, None)
        paragraphs = [paragraph]
        follow_ups = [
            c
            for c in _FOLLOW_UP_CONSTRUCTIONS
            if c in self.allowed
            and c in self.vocabulary.templates
            # a pronoun of an organisation could be taken for one of a person
            and (c != "pronoun" or self.speakers[speaker].kind is SpeakerKind.PERSON)
            and (c != "role" or speaker in self.offices)
        ]
        if follow_ups:
            for _ in range(self.number(0, 2)):
                paragraph, mention, cue = self.write(self.choose(follow_ups), speaker, mention, cue)
                paragraphs.append(paragraph)
        return tuple(paragraphs)

    def write(
        self, construction: str, speaker: int, mention: int | None, cue: int | None
    ) -> tuple[_Paragraph, int | None, int | None]:
        """One paragraph of ``construction``; a template that names nobody keeps ``mention`` and ``cue``."""
        template = self.choose(self.vocabulary.templates[construction])
        # names and cues first: every quotation of the paragraph refers to them
        named: dict[int, _Name | _Cue] = {}
        for index, piece in enumerate(template):
            if isinstance(piece, _Slot) and piece.kind in _NAME_SLOTS:
                named[index] = self.language_name(speaker, piece)
            elif isinstance(piece, _Slot) and piece.kind == "cue":
                named[index] = _Cue(self.ref(), self.choose(self.vocabulary.cues[piece.options[0]]))
        for part in named.values():
            if isinstance(part, _Name):
                mention = part.ref
            else:
                cue = part.ref
        parts: list[_Part] = []
        for index, piece in enumerate(template):
            if isinstance(piece, str):
                parts.append(piece)
            elif index in named:
                parts.append(named[index])
            else:
                parts.append(self.quotation(piece, speaker, construction, mention, cue))
        return tuple(parts), mention, cue

    def quotation(
        self, slot: _Slot, speaker: int, construction: str, mention: int | None, cue: int | None
    ) -> _Quoted:
        if slot.kind == "fragment":
            content, kind = self.fragment(), QuoteKind.PARTIAL
        elif slot.kind == "clause":
            content, kind = self.lowered(), QuoteKind.PARTIAL
        elif slot.kind == "question":
            content, kind = _Content((self.choose(self.vocabulary.questions),)), QuoteKind.SENTENCE
        else:
            content = self.content()
            kind = _sentence_kind(content)
            if slot.kind == "quote.":
                content = content.finished(".")
        return self.quoted(content, speaker, construction, kind, mention=mention, cue=cue)


@st.composite
def _language_articles(
    draw: st.DrawFn,
    *,
    code: str,
    styles: tuple[str, ...],
    allowed: frozenset[str],
    min_blocks: int,
    max_blocks: int,
    max_speakers: int,
    boilerplate: bool,
) -> GeneratedArticle:
    vocabulary = _vocabulary(code)
    style = _ALL_STYLES[draw(_sampled(styles))]
    speakers = draw(_language_casts(code, max_speakers))
    heads = [c for c in vocabulary.templates if c in allowed and c not in _FOLLOW_UP_CONSTRUCTIONS]
    writer = _LanguageWriter(draw, speakers, allowed, vocabulary)
    blocks: list[tuple[_Paragraph, ...]] = []
    for number in range(draw(_integers(min_blocks, max_blocks))):
        if not heads or (number and draw(_integers(0, 3)) == 0):
            blocks.append(((draw(_sampled(vocabulary.fillers)),),))
        else:
            blocks.append(writer.block(draw(_sampled(tuple(heads)))))
    if boilerplate and draw(_BOOLEANS):
        first_block = blocks[0]
        dateline = draw(_sampled(vocabulary.datelines)) + " "
        blocks[0] = ((dateline, *first_block[0]), *first_block[1:])
    head: list[_Paragraph] = []
    # quotebank reads the first of several lines as the title, so a longer text always opens with one
    if sum(map(len, blocks)) > 1 or draw(_BOOLEANS):
        head = [(draw(_sampled(vocabulary.titles)),)]
    return GeneratedArticle(
        speakers=tuple(speakers), style=style, head=tuple(head), blocks=tuple(blocks), tail=(), language=code
    )


# ---------------------------------------------------------------------------------------------------------
# Reported speech (extract(text, reported=True))

# Reported clauses: lowercase, no quotation marks, no reporting verb of their own.
_REPORTED_CLAUSES = (
    "the bill would pass",
    "the border would reopen next week",
    "the talks had stalled",
    "42 schools were affected",
    "the plan was dead on arrival",
    "nobody would lose their job",
    "prices had risen by 3 percent",
    "the company will appeal the ruling",
)
# How a statement is framed: {s} is the speaker, {c} the clause (capitalised when it opens the sentence).
_REPORTED_FRAMES = (
    "{s} said {c}.",
    "{s} said on Monday that {c}.",
    "{s} told reporters that {c}.",
    "{s} argued that {c}.",
    "{s} warned in a statement that {c}.",
    "According to {s}, {c}.",
    "{C}, {s} said.",
    "{C}, according to {s}.",
)


@attrs.frozen
class ReportedStatement:
    """One generated sentence of reported speech with its ground truth."""

    text: str
    """The paragraph: the sentence, after an optional sentence that reports nothing."""
    start: int
    end: int
    """Where the reported clause lies in :attr:`text`."""
    speaker: SpeakerName


def _reported(frame: str, clause: str, speaker: SpeakerName, before: str) -> ReportedStatement:
    named = f"{speaker.article} {speaker.name}".strip()
    opening = clause[0].upper() + clause[1:]
    if frame.startswith("{s}"):
        named = named[0].upper() + named[1:]
    sentence = frame.format(s=named, c=clause, C=opening)
    written = opening if "{C}" in frame else clause
    prefix = f"{before} " if before else ""
    start = len(prefix) + sentence.index(written)
    return ReportedStatement(prefix + sentence, start, start + len(written), speaker)


def reported_statements(
    *, kinds: Collection[SpeakerKind] = (SpeakerKind.PERSON, SpeakerKind.ORGANISATION)
) -> SearchStrategy[ReportedStatement]:
    """Sentences of reported speech (``Maria Lopez said the talks had stalled.``, ``The talks had stalled,
    the European Commission said.``) with the clause's offsets and the speaker, sometimes after a sentence
    that reports nothing.

    Returns a strategy of :class:`ReportedStatement`.
    """
    return st.builds(
        _reported,
        st.sampled_from(_REPORTED_FRAMES),
        st.sampled_from(_REPORTED_CLAUSES),
        speaker_names(kinds=kinds),
        st.sampled_from(("", "The meeting ended late.")),
    )

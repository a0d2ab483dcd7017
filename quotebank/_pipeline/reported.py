"""Reported speech: what a source said, written without quotation marks (``extract(text, reported=True)``).

The reporter's frame is read exactly as for direct quotations (:mod:`quotebank._pipeline.attribution`): the
same sentences, the same cues and the same speaker phrases, so pronouns, descriptions, organisations and
``according to`` name the source the same way. Each cue with a speaker then frames a clause:

1. forward: the clause after the cue, to the end of its sentence (``The senator said [the bill would
   pass].``, ``Officials told reporters [that] [the border would reopen].``). Between the cue and the
   clause may stand a time or a setting (``said on Friday``, ``announced in a statement that``); the
   clause ends early where another cue takes over after a comma or a conjunction (``…, adding that …``).
   A verb whose object is not what was said (``praised the deal``) needs ``that``;
2. ``According to the ministry, [42 schools are affected].``: the clause after the source;
3. trailing: the sentence before a cue that closes it (``[The talks had stalled], the envoy said.``,
   ``[…], according to the ministry.``); a cue set in the middle of its sentence by commas takes the
   whole sentence.

A clause lies inside one sentence, so never across paragraphs. A clause that is mostly a quotation is a
direct quotation, already reported with its marks; one that holds a short quotation gives both.

Interviews: in an article with question paragraphs (``Q:``), every paragraph under an answer label
(``A:``, ``FELD:``) is the interviewee's, up to the next question. A name label names its speaker; ``A:``
stands for the interviewee, the first person the article names.

The words that frame statements are language data (``lang/en/reported.txt``, ``lang/en/interview.txt``).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

import attrs
import regex

from quotebank._pipeline.attribution import (
    Cue,
    Frames,
    SubjectOf,
    cue_words,
    find_cues,
    sentences_with_quotes,
)
from quotebank._pipeline.language import Language
from quotebank._pipeline.names import NAME, Phrase, people_named, subject_before
from quotebank._pipeline.spans import QuoteSpan
from quotebank._pipeline.structure import dateline_length, dateline_paragraph
from quotebank._pipeline.tokens import QUOTE, WORD, Token, sentences, tokenize
from quotebank.values import Article, Paragraph, ParagraphKind, QuoteKind

__all__ = ["Statement", "find_statements"]

_WORDS = regex.compile(r"[a-z]+")
_AUXILIARY_WINDOW = 8
_SUBJECT_REACH = 5  # words before a speaker phrase that may still belong to the subject
_SETTING_LENGTH = 8  # words of a setting: 'during an interview with Fox News on Sunday'
_MIN_WORDS = 2
# the most tokens a clause takes (a bound that keeps a sentence of many cues linear), and how many earlier
# clauses a new one is checked against for overlap
_MAX_CLAUSE = 150
_RECENT = 8
_NAMING_KINDS = (ParagraphKind.TITLE, ParagraphKind.BODY, ParagraphKind.RELATED)
_MAX_QUOTED = 0.75  # the share of a clause's characters a quotation may take
_TRIMMED = frozenset(".,;:!?…—–-()[]\"'”’“‘«»")
# "Q: …", "FELD: …", "SEN. KAINE: …" at the start of a paragraph
_LABEL = regex.compile(r"(?P<label>\p{Lu}[\p{Lu}.'’ -]{0,40}?)\s*+:\s")
_CONFIDENCE_THAT = 0.85
_CONFIDENCE_BARE = 0.75
_CONFIDENCE_ACCORDING = 0.8
_CONFIDENCE_TRAILING = 0.7
_CONFIDENCE_INTERVIEW = 0.8
_CONFIDENCE_TITLE = 0.6


@attrs.frozen
class _Words:
    """What this module reads of one language, derived once per :class:`Language` (see :func:`_words`)."""

    lang: Language
    clause_verbs: frozenset[str]
    no_statement: frozenset[str]
    subordinators: frozenset[str]
    relatives: frozenset[str]
    object_verbs: frozenset[str]
    complementisers: frozenset[str]
    before_clause: frozenset[str]
    settings: frozenset[str]
    clause_end: frozenset[str]
    not_clause_start: frozenset[str]
    auxiliaries: frozenset[str]
    listener_links: frozenset[str]
    promise_verbs: frozenset[str]
    infinitive_markers: frozenset[str]
    charge_verbs: frozenset[str]
    passive: frozenset[str]
    after_comma_ends: frozenset[str]
    clause_subjects: frozenset[str]
    question_labels: frozenset[str]
    answer_labels: frozenset[str]
    speaker_after: frozenset[str]
    cue_words: frozenset[str]
    present_participle: tuple[str, ...]
    adverb_endings: tuple[str, ...]


@functools.cache
def _words(lang: Language) -> _Words:
    data, grammar = lang.reported, lang.grammar
    return _Words(
        lang=lang,
        clause_verbs=data["clause_verbs"],
        no_statement=data["no_statement"],
        subordinators=grammar["subordinators"],
        relatives=grammar["relatives"],
        object_verbs=data["object_verbs"],
        complementisers=data["complementisers"],
        before_clause=data["before_clause"] | grammar["time_words"],
        settings=data["settings"],
        clause_end=data["clause_end"],
        not_clause_start=data["not_clause_start"],
        auxiliaries=data["auxiliaries"],
        listener_links=data["listener_links"],
        promise_verbs=data["promise_verbs"],
        infinitive_markers=data["infinitive_markers"],
        charge_verbs=data["charge_verbs"],
        passive=data["passive_auxiliaries"],
        after_comma_ends=data["after_comma_ends"],
        clause_subjects=grammar["subject_pronouns"] - grammar["impersonal_pronouns"],
        question_labels=lang.interview["question_labels"],
        answer_labels=lang.interview["answer_labels"],
        speaker_after=frozenset(" ".join(words) for words in lang.speaker_after_phrases),
        cue_words=cue_words(lang),
        present_participle=tuple(sorted(grammar["present_participle_endings"])),
        adverb_endings=tuple(sorted(grammar["adverb_endings"])),
    )


@attrs.frozen
class Statement:
    """One reported statement: its clause (character offsets), the speaker phrase, the cue, how sure."""

    start: int
    end: int
    paragraph: int
    phrase: Phrase | None
    cue: tuple[int, int] | None
    kind: QuoteKind
    confidence: float


def find_statements(
    lang: Language, article: Article, spans: Sequence[QuoteSpan], *, frames: Frames | None = None
) -> tuple[list[Statement], list[Phrase]]:
    """The reported statements of ``article`` in text order, and every speaker phrase met on the way (the
    people later pronouns may refer to). ``frames``: what attribution read of the article, so that no
    sentence is tokenised twice."""
    w = _words(lang)
    text = article.text
    by_paragraph: dict[int, list[tuple[int, QuoteSpan]]] = {}
    for index, span in enumerate(spans):
        by_paragraph.setdefault(span.paragraph, []).append((index, span))
    frames = frames if frames is not None else Frames.of(article)
    lowercase_words = frames.lowercase_words
    opening = dateline_paragraph(article.paragraphs)
    dateline_index = -1 if opening is None else opening.index
    found: list[Statement] = []
    phrases: list[Phrase] = []
    answers = _answer_paragraphs(w, article)
    for paragraph in article.paragraphs:
        if not spans and paragraph.kind in _NAMING_KINDS:
            # with a quotation, attribution has collected the people of every paragraph already
            phrases.extend(people_named(w.lang, text, paragraph.start, paragraph.end))
        if paragraph.kind is ParagraphKind.TITLE:
            titled = _title_statements(w, text, paragraph, lowercase_words)
            found.extend(titled)
            phrases.extend(statement.phrase for statement in titled if statement.phrase is not None)
        if paragraph.kind is not ParagraphKind.BODY:
            continue
        if paragraph.index in answers:
            found.append(answers[paragraph.index])
            continue
        body_start = paragraph.start
        if paragraph.index == dateline_index:
            body_start += dateline_length(paragraph.text)
        quotes = by_paragraph.get(paragraph.index, [])
        for start, end, inside in sentences_with_quotes(w.lang, text, body_start, paragraph.end, quotes):
            if w.cue_words.isdisjoint(_WORDS.findall(text[start:end].lower())):
                continue
            tokens = frames.take(w.lang, text, start, end, inside)
            for lo, hi in sentences(w.lang, tokens):
                cues = find_cues(w.lang, tokens, lo, hi, SubjectOf(w.lang, tokens, lo, hi))
                phrases.extend(cue.phrase for cue in cues if cue.phrase is not None and not cue.inherited)
                found.extend(_sentence_statements(w, tokens, lo, hi, cues, paragraph=paragraph.index))
    for statement in answers.values():
        if statement.phrase is not None:
            phrases.append(statement.phrase)
    return found, phrases


def _title_statements(
    w: _Words, text: str, paragraph: Paragraph, lowercase_words: frozenset[str]
) -> list[Statement]:
    """``Glenn Beck Says Trump Poses A Threat``: a headline's capitals hide its cue from the frame's rules,
    so a clause verb there is read on its own, with the name before it as the source."""
    if w.cue_words.isdisjoint(_WORDS.findall(text[paragraph.start : paragraph.end].lower())):
        return []
    tokens = tokenize(w.lang, text, paragraph.start, paragraph.end, [], lowercase_words=lowercase_words)
    cue_forms = w.lang.cue_forms
    for index in range(1, len(tokens) - 1):
        token = tokens[index]
        if cue_forms.get(token.lower) not in w.clause_verbs or token.lower.endswith(w.present_participle):
            continue
        phrase = subject_before(w.lang, tokens, index, 0)
        first, last = _trim(w, tokens, index + 1, len(tokens) - 1)
        if phrase is None or not _is_statement(tokens, first, last):
            return []
        clause = (tokens[first].start, tokens[last].end)
        cue = (token.start, token.end)
        return [Statement(*clause, paragraph.index, phrase, cue, QuoteKind.REPORTED, _CONFIDENCE_TITLE)]
    return []


def _sentence_statements(
    w: _Words, tokens: Sequence[Token], lo: int, hi: int, cues: Sequence[Cue], *, paragraph: int
) -> list[Statement]:
    """The statements the cues of the sentence tokens[lo:hi] frame, one per clause."""
    found: list[Statement] = []
    taken: list[tuple[int, int]] = []
    for number, cue in enumerate(cues):
        phrase = cue.phrase
        if phrase is None or cue.lemma in w.no_statement or _passive(w, tokens, lo, cue):
            continue
        clause = _forward(w, tokens, lo, hi, cue, later=cues[number + 1 :]) or _trailing(
            w, tokens, lo, hi, cue
        )
        if clause is None:
            continue
        first, last, confidence = clause
        first, last = _trim(w, tokens, first, last)
        # clauses are short and come in cue order: only the last few taken may overlap a new one
        recent = taken[-_RECENT:]
        if not _is_statement(tokens, first, last) or any(a <= last and first <= b for a, b in recent):
            continue
        taken.append((first, last))
        found.append(
            Statement(
                tokens[first].start,
                tokens[last].end,
                paragraph,
                cue.phrase,
                (cue.start, cue.end),
                QuoteKind.REPORTED,
                confidence,
            )
        )
    return found


def _passive(w: _Words, tokens: Sequence[Token], lo: int, cue: Cue) -> bool:
    """Whether the cue is a passive (``it has been reported that``, ``she was announced the winner``):
    its subject is not the source."""
    word = tokens[cue.first]
    return (
        cue.first > lo
        and tokens[cue.first - 1].lower in w.passive
        and not word.lower.endswith(w.present_participle)
    )


def _forward(
    w: _Words, tokens: Sequence[Token], lo: int, hi: int, cue: Cue, *, later: Sequence[Cue]
) -> tuple[int, int, float] | None:
    """The clause after the cue (rules 1 and 2) as (first, last, confidence)."""
    phrase = cue.phrase
    assert phrase is not None
    according = cue.lemma in w.speaker_after
    if phrase.first > cue.last:
        # the source follows: only "According to X, …" opens a clause after it
        if not according or not all(t.text == "," or t.lower in w.clause_end for t in tokens[lo : cue.first]):
            return None  # "According to X, …", "But, according to X, …"
        # "According to the ministry, 42 schools …": the clause follows the comma after the source's name
        comma = next((i for i in range(phrase.first, hi) if tokens[i].text == ","), hi)
        if comma + 1 >= hi:
            return None
        return comma + 1, _clause_last(w, tokens, comma + 1, hi, later), _CONFIDENCE_ACCORDING
    head = min(cue.first, phrase.first)
    if (head - 1 == lo and tokens[lo].kind == QUOTE) or (
        head - 2 == lo and tokens[lo].kind == QUOTE and tokens[head - 1].text in ",—–-"
    ):
        return None  # '"…," he said of the ban': the cue attributes the quotation that opens the sentence
    first = _complementiser_after(w, tokens, cue.last + 1, hi)
    if first is None:
        first = _skip_setting(w, tokens, cue.last + 1, hi)
    if first >= hi:
        return None
    if tokens[first].lower in w.complementisers:
        first += 1
        confidence = _CONFIDENCE_THAT
    elif cue.lemma in w.promise_verbs and tokens[first].lower in w.infinitive_markers:
        first += 1  # "vowed to fight on": what was promised
        confidence = _CONFIDENCE_BARE
    elif (
        cue.lemma in w.charge_verbs
        and tokens[first].kind == WORD
        and tokens[first].lower not in w.not_clause_start
    ):
        confidence = _CONFIDENCE_BARE  # "accuses it of stealing jobs": the charge, with its object
    elif (
        tokens[first].kind != WORD
        or tokens[first].lower in w.not_clause_start
        or not (
            cue.lemma in w.clause_verbs or cue.lemma in w.object_verbs or _looks_finite(w, tokens, first, hi)
        )
    ):
        return None  # "said:", "said, "…"", "said of the ban", "explained the rules"
    else:
        confidence = _CONFIDENCE_BARE
    if first >= hi:
        return None
    last = _clause_last(w, tokens, first, hi, later)
    opener = phrase.first - 1
    relative = cue.first - 1
    if (opener >= lo and tokens[opener].lower in w.subordinators) or (
        relative > lo and tokens[relative].lower in w.relatives and tokens[relative - 1].text == ","
    ):
        # "While Jane Doe said the plan failed, others disagreed", "Smith, who said he rarely votes, backed
        # the bill": the statement ends with its clause
        last = next((i - 1 for i in range(first + 1, last + 1) if tokens[i].text == ","), last)
    return first, last, confidence


def _looks_finite(w: _Words, tokens: Sequence[Token], first: int, hi: int) -> bool:
    """Whether tokens[first:] open a clause with a subject and a verb, not a noun phrase: a subject pronoun
    first, or an auxiliary among the first words."""
    if tokens[first].lower in w.clause_subjects:
        return True
    window = tokens[first : min(hi, first + _AUXILIARY_WINDOW)]
    return any(t.lower.replace("’", "'") in w.auxiliaries for t in window)


def _complementiser_after(w: _Words, tokens: Sequence[Token], index: int, hi: int) -> int | None:
    """The ``that`` a few words after a cue, past a setting or a listener (``argued during Saturday's
    debate that``, ``wrote to the senator's office that``), if no punctuation comes first."""
    if index >= hi or tokens[index].lower not in w.settings | w.listener_links:
        return None
    for position in range(index, min(hi, index + _SETTING_LENGTH + 2)):
        token = tokens[position]
        if token.lower in w.complementisers:
            return position
        if token.kind != WORD:
            return None
    return None


def _clause_last(w: _Words, tokens: Sequence[Token], first: int, hi: int, later: Sequence[Cue]) -> int:
    """The last token of a clause that starts at ``first``: the sentence's end, or where a later cue takes
    over after a comma or a conjunction (``…, adding that …``, ``… and Jones said …``)."""
    hi = min(hi, first + _MAX_CLAUSE)
    for cue in later:
        if cue.first >= hi:
            break
        head = cue.first
        if cue.phrase is not None and not cue.inherited and cue.phrase.last < cue.first:
            head = min(head, cue.phrase.first)
        if head <= first:
            continue
        # another statement: a cue of the same speaker (", adding that") or one after a conjunction; a
        # cue after a mere comma is mostly inside the clause ("if Iran were a stock, he would advise …")
        before = tokens[head - 1]
        if (cue.inherited and before.text == ",") or before.lower in w.clause_end:
            hi = head
            break
    # a colon or a semicolon ends the statement ('said he was too busy: "I have a lot going on."'), and so
    # does a relative or a contrasting clause after a comma (', which …', ', while …')
    for i in range(first + 1, hi):
        if tokens[i].text in ":;" or (
            tokens[i].lower in w.after_comma_ends and tokens[i - 1].text == "," and i - 1 > first
        ):
            return i - 1
    return hi - 1


def _trailing(
    w: _Words, tokens: Sequence[Token], lo: int, hi: int, cue: Cue
) -> tuple[int, int, float] | None:
    """Rule 3: the sentence before a cue that closes it, or the whole sentence around a cue set off by
    commas."""
    phrase = cue.phrase
    assert phrase is not None
    head = _subject_start(tokens, lo, min(cue.first, phrase.first))
    lo = max(lo, head - _MAX_CLAUSE)
    tail = _skip_setting(w, tokens, max(cue.last, phrase.last) + 1, hi)
    according = cue.lemma in w.speaker_after
    if head <= lo or not (according or tokens[head - 1].text == ","):
        return None
    if tail >= hi or all(token.text in _TRIMMED for token in tokens[tail:hi]):
        return lo, head - 1, _CONFIDENCE_TRAILING
    if tokens[tail].text == "," and tokens[head - 1].text == ",":
        return lo, hi - 1, _CONFIDENCE_TRAILING  # "The talks, the envoy said, had stalled."
    if according:
        return lo, head - 1, _CONFIDENCE_TRAILING  # "…, according to a Democrat familiar with …"
    return None


def _subject_start(tokens: Sequence[Token], lo: int, head: int) -> int:
    """Where the subject of a closing cue starts: its speaker phrase may be the tail of a longer one
    (``…, a wide array of economists say``), so the words back to a comma just before belong to it."""
    for position in range(head - 1, max(lo, head - _SUBJECT_REACH) - 1, -1):
        if tokens[position].text == ",":
            return position + 1
        if tokens[position].kind != WORD:
            break
    return head


def _skip_setting(w: _Words, tokens: Sequence[Token], index: int, hi: int) -> int:
    """The first token after the times and settings that may follow a cue (``on Friday``, ``in a
    statement``, ``during an interview with CNN``)."""
    speech_nouns = w.lang.speech_nouns
    while index < hi:
        token = tokens[index]
        if token.lower in w.before_clause or (token.kind == WORD and token.lower.endswith(w.adverb_endings)):
            index += 1
            continue
        if token.lower in w.settings:
            stop = min(hi, index + _SETTING_LENGTH)
            ending = next(
                (i for i in range(index + 1, stop) if tokens[i].lower in speech_nouns | w.before_clause),
                None,
            )
            if ending is not None:
                index = ending + 1
                while index < hi and (tokens[index].kind == WORD and tokens[index].text[0].isupper()):
                    index += 1  # "in an interview with Fox News"
                continue
        return index
    return index


def _trim(w: _Words, tokens: Sequence[Token], first: int, last: int) -> tuple[int, int]:
    """The clause without the punctuation and conjunctions at its edges."""
    while first <= last and tokens[first].kind != QUOTE and tokens[first].text in _TRIMMED:
        first += 1
    while (
        last >= first
        and tokens[last].kind != QUOTE
        and (tokens[last].text in _TRIMMED or tokens[last].lower in w.clause_end)
    ):
        last -= 1
    return first, last


def _is_statement(tokens: Sequence[Token], first: int, last: int) -> bool:
    """Whether tokens[first:last + 1] is a clause of the reporter's words: a few words, mostly outside
    quotation marks (a clause that is mostly a quotation is reported as the quotation)."""
    if last - first + 1 < _MIN_WORDS:
        return False
    quoted = sum(t.end - t.start for t in tokens[first : last + 1] if t.kind == QUOTE)
    words = sum(1 for t in tokens[first : last + 1] if t.kind == WORD)
    return words >= _MIN_WORDS and quoted < _MAX_QUOTED * (tokens[last].end - tokens[first].start)


def _answer_paragraphs(w: _Words, article: Article) -> dict[int, Statement]:
    """The answers of an interview, by paragraph: every body paragraph from an answer label (``A:``,
    ``FELD:``) up to the next question label (``Q:``); none when the article asks no question."""
    text = article.text
    labels: list[tuple[Paragraph, str, tuple[int, int]]] = []
    for paragraph in article.paragraphs:
        if paragraph.kind is not ParagraphKind.BODY:
            continue
        match = _LABEL.match(text, paragraph.start, paragraph.end)
        if match is not None:
            labels.append((paragraph, match["label"].strip().lower(), match.span("label")))
    if not any(label in w.question_labels for _p, label, _s in labels):
        return {}
    interviewee = _interviewee(w, article)
    answers: dict[int, Statement] = {}
    label_at = {paragraph.index: (label, span) for paragraph, label, span in labels}
    phrase: Phrase | None = None
    answering = False
    for paragraph in article.paragraphs:
        if paragraph.kind is not ParagraphKind.BODY:
            continue
        start = paragraph.start
        if paragraph.index in label_at:
            label, (label_start, label_end) = label_at[paragraph.index]
            answering = label not in w.question_labels
            named = Phrase(-1, -1, label_start, label_end, NAME)
            phrase = interviewee if label in w.answer_labels else named
            start = _LABEL.match(text, paragraph.start, paragraph.end).end()  # type: ignore[union-attr]
        if answering and start < paragraph.end:
            answers[paragraph.index] = Statement(
                start,
                paragraph.end,
                paragraph.index,
                phrase,
                None,
                QuoteKind.INTERVIEW,
                _CONFIDENCE_INTERVIEW,
            )
    return answers


def _interviewee(w: _Words, article: Article) -> Phrase | None:
    """The first person the article names, in its title or its first paragraphs: who an interview is with."""
    for paragraph in article.paragraphs:
        if paragraph.kind in (ParagraphKind.TITLE, ParagraphKind.BODY):
            named = people_named(w.lang, article.text, paragraph.start, paragraph.end)
            if named:
                return named[0]
    return None

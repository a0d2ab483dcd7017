"""Tokens of a paragraph's *frame*: the reporter's words, with each quotation reduced to a single token.

Attribution reads only the frame, so words inside a quotation never look like cues or speakers. Sentences
are split on the frame too, with abbreviations (``Sen.``, ``U.S.``, ``Oct.``) and initials kept whole.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import NamedTuple

import regex

from quotebank._pipeline.language import Language
from quotebank._pipeline.spans import QuoteSpan

__all__ = [
    "PUNCT",
    "QUOTE",
    "WORD",
    "Token",
    "rough_sentences",
    "sentences",
    "tokenize",
    "without_closing_marks",
]


# What a token is: a word, punctuation, or a whole quotation standing in its sentence as one token. Small
# integers rather than an enum: tokens are compared by kind in the pipeline's inner loops, where Python 3.11
# compares exact integers fastest (an IntEnum cost about 1% of extraction speed)
WORD, PUNCT, QUOTE = 0, 1, 2


def _alternation(words: frozenset[str]) -> str:
    return "|".join(regex.escape(word) for word in sorted(words, key=lambda w: (-len(w), w)))


class _TokenPatterns(NamedTuple):
    """The words of a language as a pattern, and the same with the rarer words (web addresses, the first
    part of a suspended compound) that are tried only where a stretch of text has one."""

    plain: regex.Pattern[str]
    special: regex.Pattern[str]


# where a rarer word may stand: a dot before a lowercase letter or a digit (ndr.de, 1.6), or a hyphen before a
# space (Fraktions- und); written to start with a literal, which the regex module finds fastest
_SPECIAL_WORDS = regex.compile(r"\.[\p{Ll}\p{N}]|-\s")


@functools.cache
def _token_patterns(lang: Language) -> _TokenPatterns:
    """Initials and dotted abbreviations (U.S., D.C.), with a party letter before them (D-N.Y.); a pronoun
    and its contraction apart (he|'d, she|'s), so that the pronoun is seen; a lowercase web address; words
    with inner hyphens or apostrophes; or one symbol."""
    pronouns = _alternation(lang.grammar["contraction_pronouns"])
    contractions = _alternation(lang.grammar["contractions"])
    # a language without contractions (German, French) leaves both lists empty: an empty alternation
    # would match everywhere
    split = (
        rf"|\b(?i:{pronouns})(?=['’](?:{contractions})\b)|['’](?:{contractions})\b"
        if pronouns and contractions
        else ""
    )
    # French: an elided word apart from the word it leans on (l'|État, qu'|il), and a verb apart from the
    # pronoun of its inversion (estime|-t-|il, a|-t-|elle): the hyphens between them are a 'link' match,
    # which is no token
    elisions = _alternation(lang.grammar["elisions"])
    if elisions:
        split += rf"|\b(?i:{elisions})['’](?=\p{{L}})"
    inverted = _alternation(lang.grammar["inversion_pronouns"])
    if inverted:
        split += rf"|\p{{L}}++(?=(?:-t)?-(?i:{inverted})\b)|(?P<link>(?:-t)?-)(?=(?i:{inverted})\b)"
    word = r"|[\p{L}\p{N}]++(?:[-'’&][\p{L}\p{N}]++)*+(?:(?<=s)['’](?![\p{L}\p{N}]))?|\S"
    start = r"(?:\p{Lu}-)?(?:\p{L}\.){2,}+" + split
    # a web address written in lowercase with no space after its dots (ndr.de, news.bbc.co.uk) is one word,
    # and so is the first part of a compound that shares its last part with the next (Fraktions- und
    # Parteichef); both are tried only in a stretch of text that has one (_SPECIAL_WORDS): every other word
    # would be read three times
    special = (
        r"|[\p{Ll}\p{N}]++(?:-[\p{Ll}\p{N}]++)*+(?:\.[\p{Ll}\p{N}]++(?:-[\p{Ll}\p{N}]++)*+)++"
        r"|[\p{L}\p{N}]++(?:[-'’&][\p{L}\p{N}]++)*+-(?=\s+\p{Ll}++\s+\p{L})"
    )
    return _TokenPatterns(regex.compile(start + word), regex.compile(start + special + word))


_SENTENCE_END = frozenset(".!?…")
_CLOSING_AFTER_END = frozenset(")]\"'”’»")
_CLOSING_MARKS = "\"'”’»“‘«„ "


class Token:
    """One word, punctuation mark or quotation of a frame."""

    __slots__ = ("common", "end", "initial", "kind", "lower", "quote", "start", "text")

    def __init__(self, text: str, start: int, end: int, kind: int, quote: int = -1) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.kind = kind
        self.lower = text.lower()
        self.quote = quote
        """For a QUOTE token, the index of its span in the article's span list."""
        self.initial = False
        """Whether the token opens a sentence (set by :func:`sentences`)."""
        self.common = False
        """For a capitalised word: whether the article also writes it in lowercase (``Maybe`` / ``maybe``)."""

    def __repr__(self) -> str:
        return f"Token({self.text!r}, {self.start}, {self.end}, {self.kind})"


def tokenize(
    lang: Language,
    text: str,
    start: int,
    end: int,
    quotes: Sequence[tuple[int, QuoteSpan]],
    *,
    lowercase_words: frozenset[str] = frozenset(),
) -> list[Token]:
    """The frame of ``text[start:end]``; ``quotes`` holds the (index, span) pairs of its spans, in order.

    ``lowercase_words`` are the words the article writes in lowercase: a capitalised word among them that
    opens a sentence is an ordinary word, not a name (``Maybe he figures``, ``Good information can…``).
    """
    tokens: list[Token] = []
    position = start
    patterns = _token_patterns(lang)
    for index, span in quotes:
        if span.unbalanced:
            # Where a mark is missing, where the quotation really ends (or starts) is a guess: its words
            # stay visible, and the quotation is the token of the mark the text has.
            if span.open_mark:
                _words(patterns, text, position, span.outer_start, tokens)
                tokens.append(Token(span.open_mark, span.outer_start, span.start, QUOTE, index))
                _words(patterns, text, span.start, span.outer_end, tokens)
            else:
                _words(patterns, text, position, span.end, tokens)
                tokens.append(Token(span.close_mark, span.end, span.outer_end, QUOTE, index))
        else:
            _words(patterns, text, position, span.outer_start, tokens)
            tokens.append(
                Token(
                    text[span.outer_start : span.outer_end],
                    span.outer_start,
                    span.outer_end,
                    QUOTE,
                    index,
                )
            )
        position = span.outer_end
    _words(patterns, text, position, end, tokens)
    if lowercase_words:
        for token in tokens:
            if token.text[0].isupper():
                token.common = token.lower in lowercase_words
    return tokens


def _words(patterns: _TokenPatterns, text: str, start: int, end: int, tokens: list[Token]) -> None:
    append = tokens.append
    special = _SPECIAL_WORDS.search(text, start, end) is not None
    for match in (patterns.special if special else patterns.plain).finditer(text, start, end):
        if match.lastgroup == "link":
            continue
        word = match.group()
        first, last = match.span()
        append(Token(word, first, last, WORD if word[0].isalnum() or len(word) > 1 else PUNCT))


@functools.cache
def _rough_sentence_end(lang: Language) -> regex.Pattern[str]:
    abbreviations = "|".join(sorted(lang.abbreviations, key=len, reverse=True))
    return regex.compile(
        rf"(?<!\b(?i:{abbreviations})|\b\p{{Lu}}|\d)[.!?…][\"'”’)\]]*+\s++(?=[\"“‘(\[]?[\p{{Lu}}\d])"
    )


def rough_sentences(lang: Language, text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentences of a paragraph without quotations, as character ranges, found by one pattern: a cheap
    way to pick the sentences worth tokenising (it errs towards fewer, longer sentences)."""
    bounds = []
    first = start
    for match in _rough_sentence_end(lang).finditer(text, start, end):
        bounds.append((first, match.end()))
        first = match.end()
    bounds.append((first, end))
    return bounds


def sentences(lang: Language, tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """Sentence boundaries over ``tokens`` as (first, last + 1) index pairs.

    A sentence ends at ``.``, ``!``, ``?`` or ``…`` before a capital, a digit or a quotation, unless the full
    stop ends an abbreviation or an initial. A quotation that ends with a full stop (``"…war."``) ends the
    reporter's sentence too when a capitalised word follows, except when it opens that sentence
    (``"We won." Smith said.`` keeps its attribution); after ``?`` and ``!`` the attribution usually
    follows (``"Who cares?" Trump said``).
    """
    abbreviations = lang.abbreviations
    bounds = []
    first = 0
    count = len(tokens)
    for i, token in enumerate(tokens):
        if token.kind == QUOTE:
            if i == first or i + 1 >= count or not _quote_ends_sentence(token):
                continue
            following = tokens[i + 1]
            if following.kind == WORD and following.text[0].isupper():
                bounds.append((first, i + 1))
                first = i + 1
            continue
        if token.kind != PUNCT or token.text not in _SENTENCE_END:
            continue
        if token.text == "." and i > 0:
            previous = tokens[i - 1]
            if previous.kind == WORD and (
                previous.lower in abbreviations or (len(previous.text) == 1 and previous.text.isupper())
            ):
                continue
            if previous.text[-1].isdigit() and i + 1 < count and tokens[i + 1].text[0].isdigit():
                continue  # a decimal point: $1.6 billion
        after = i + 1
        while after < count and tokens[after].kind == PUNCT and tokens[after].text in _CLOSING_AFTER_END:
            after += 1
        if after >= count:
            break
        following = tokens[after]
        if following.kind == QUOTE or following.text[0].isupper() or following.text[0].isdigit():
            bounds.append((first, after))
            first = after
    if first < count:
        bounds.append((first, count))
    for sentence_start, _end in bounds:
        tokens[sentence_start].initial = True
    return bounds


def without_closing_marks(token: Token) -> str:
    """A quotation token's text without the marks (and spaces) that close it: its last character is the
    quotation's own (``"We won,"`` -> ``"We won,``)."""
    return token.text.rstrip(_CLOSING_MARKS)


def _quote_ends_sentence(token: Token) -> bool:
    """Whether a quotation token's content ends with a full stop (just inside the closing mark)."""
    content = without_closing_marks(token)
    return content.endswith(".") and not content.endswith("..")  # an ellipsis may trail off mid-sentence

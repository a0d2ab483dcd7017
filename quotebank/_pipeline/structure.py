"""Stage 1: article text to :class:`~quotebank.values.Article`.

The text is one paragraph a line, as scraped from a news site. This stage finds the paragraphs (with offsets
into the original text), the title, the lines that are not running text (bylines, date lines, navigation,
lists of related headlines), the dateline, the outlet and the publication date.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from datetime import date

import attrs
import regex

from quotebank._pipeline.dates import (
    DateOrder,
    DateReading,
    coerce_date_order,
    coerce_reading,
    parse_date,
    read_date,
)
from quotebank._pipeline.entities import EntityMap
from quotebank._pipeline.language import Language
from quotebank.values import Article, Paragraph, ParagraphKind

__all__ = ["dateline_length", "dateline_paragraph", "parse_structure"]

# A paragraph is a line's text without its surrounding whitespace. Every character class the engine treats
# as a line break splits paragraphs, so offsets agree with str.splitlines().
_LINE = regex.compile(r"[^\n\r\v\f\x1c-\x1e\x85\u2028\u2029]+")
# Python's str.strip() also strips the separators \x1c-\x1f, which the regex module does not count as spaces
_STRIP = regex.compile(r"[^\s\x1c-\x1f](?:.*[^\s\x1c-\x1f])?", regex.DOTALL)
_LIST_ITEM = regex.compile(r"[-•*·▪►–—]\s+(?P<item>\S.*)", regex.DOTALL)
# "Kyiv - ", "WASHINGTON (AP) — ", "KYIV, Ukraine – ", "LOS ANGELES, Sept. 28 (UPI) — "
_DATELINE = regex.compile(
    r"(?P<place>\p{Lu}[\p{L}.'’]*+(?:[ -]\p{Lu}[\p{L}.'’]*+){0,3}"
    r"(?:,\s*\p{Lu}[\p{L}.]*+(?: \p{Lu}[\p{L}.]*+)?)?)"
    r"(?:,?\s+\p{Lu}\p{Ll}{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)?"
    r"\s*(?:\((?P<agency>[^()]{1,40})\))?\s*[-–—]{1,2}\s+(?=\S)"
)
_SENTENCE_END = regex.compile(r"[.!?…:;][\"'”’»)]*$")
_YEAR = regex.compile(r"(?<!\d)(?:1[89]|2\d)\d\d(?!\d)")
# the agency a wire dateline may end with: "Paris, 5 mars 2026 (AFP)"
_AGENCY = regex.compile(r"\s*\(\p{Lu}[\p{L}.&\- ]{0,30}\)$")
_MAX_TITLE = 300
_DATELINE_SEARCH = 12  # lines of the top of an article where its first body paragraphs are looked for
_TITLE_CASE_SHARE = 0.6
_MAX_NAVIGATION_WORDS = 3
_MAX_RELATED_WORDS = 30


def _alternation(words: tuple[str, ...]) -> str:
    """A regular expression for any of ``words`` (as written, in order), spaces matching any whitespace."""
    return "|".join(r"\s+".join(map(regex.escape, word.split())) for word in words)


@attrs.frozen
class _Patterns:
    """The line patterns that embed one language's words (see ``labels.txt``)."""

    byline: regex.Pattern[str]
    date_line: regex.Pattern[str]
    date_label: regex.Pattern[str]
    outlet_words: regex.Pattern[str]


@functools.cache
def _patterns(lang: Language) -> _Patterns:
    labels = lang.labels
    by = _alternation(labels["byline"])
    date_labels = _alternation(labels["date_labels"])
    on = _alternation(labels["date_prepositions"])
    return _Patterns(
        byline=regex.compile(
            rf"(?:[-•*]\s+)?(?:{by})\s+(?P<name>\p{{Lu}}[\p{{L}}.'’ -]{{1,60}}?)"
            r"(?:\s*[,|]\s*(?P<rest>.{1,60}))?"
        ),
        date_line=regex.compile(
            rf"(?:[-•*]\s+)?(?:(?:{date_labels})\b[\w ]{{0,12}}?[:|]?\s*)?"
            rf"(?:(?:{on})\s+)?(?P<date>[\w ,.:|+/-]{{6,80}})",
            regex.IGNORECASE,
        ),
        date_label=regex.compile(rf"(?:[-•*]\s+)?(?:{date_labels})\b", regex.I),
        outlet_words=regex.compile(rf"\b(?:{_alternation(labels['outlet_words'])})\b"),
    )


def parse_structure(
    lang: Language,
    text: str,
    *,
    outlet: str | None = None,
    published: date | str | None = None,
    url: str | None = None,
    reported: bool = False,
    date_order: DateOrder | str | None = None,
) -> Article:
    """Split ``text`` into paragraphs and read its title, dateline, outlet, byline and publication date, in
    language ``lang``; the article's quotes are left to :func:`quotebank._pipeline.run.parse_article`.

    The caller's ``outlet`` and ``published`` win over what the text says. HTML character references are
    read as the characters they stand for; the paragraphs' offsets still index ``text``, and their ``text``
    is decoded (see :mod:`quotebank._pipeline.entities`).
    """
    order = coerce_date_order(date_order)
    caller_date = coerce_reading(published, order=order)
    entities = EntityMap.of(text)
    article = _structure(lang, entities.decoded if entities is not None else text, order)
    if entities is not None:
        paragraphs = tuple(
            attrs.evolve(p, start=entities.to_raw_start(p.start), end=entities.to_raw_end(p.end))
            for p in article.paragraphs
        )
        article = attrs.evolve(article, text=text, paragraphs=paragraphs)
    if caller_date is not None:
        article = attrs.evolve(article, **caller_date.fields())
    return attrs.evolve(
        article,
        outlet=outlet if outlet is not None else article.outlet,
        url=url,
        reported=reported,
        language=lang.code,
    )


def _structure(lang: Language, text: str, order: DateOrder | None) -> Article:
    """The paragraphs, title, dateline, byline, outlet and date that ``text`` itself shows."""
    spans = []
    for found_line in _LINE.finditer(text):
        trimmed = _STRIP.search(text, found_line.start(), found_line.end())
        if trimmed is not None:
            spans.append((trimmed.start(), trimmed.end()))

    patterns = _patterns(lang)
    kinds = [_line_kind(lang, patterns, text[start:end]) for start, end in spans]
    title = None
    if (
        len(spans) > 1
        and kinds[0] is ParagraphKind.BODY
        and _looks_like_title(text[spans[0][0] : spans[0][1]])
    ):
        kinds[0] = ParagraphKind.TITLE
        title = text[spans[0][0] : spans[0][1]]

    found_date: DateReading | None = None
    found_outlet: str | None = None
    byline: str | None = None
    for (start, end), kind in zip(spans, kinds, strict=True):
        line = text[start:end]
        if kind is ParagraphKind.METADATA:
            byline_match = patterns.byline.fullmatch(line)
            if byline_match is not None:
                byline = byline_match["name"].strip()
                found_outlet = found_outlet or _known_outlet(lang, byline_match["rest"] or "")
            elif found_date is None:
                found_date = read_date(line, lang, order=order)
        elif kind is ParagraphKind.NAVIGATION and found_outlet is None:
            found_outlet = _navigation_outlet(lang, patterns, line)

    paragraphs = tuple(
        Paragraph(index=i, start=start, end=end, text=text[start:end], kind=kind)
        for i, ((start, end), kind) in enumerate(zip(spans, kinds, strict=True))
    )
    dateline = None
    opening = dateline_paragraph(paragraphs)
    if opening is not None:
        match = _DATELINE.match(opening.text)
        assert match is not None
        dateline = match["place"]
        found_outlet = found_outlet or _known_outlet(lang, match["agency"] or "")
    article = Article(
        text=text, paragraphs=paragraphs, title=title, dateline=dateline, outlet=found_outlet, byline=byline
    )
    return attrs.evolve(article, **found_date.fields()) if found_date is not None else article


def dateline_length(line: str) -> int:
    """How many characters of ``line`` are its dateline (``WASHINGTON (AP) — ``), 0 when it has none."""
    match = _DATELINE.match(line)
    return 0 if match is None else match.end()


def dateline_paragraph(paragraphs: Sequence[Paragraph]) -> Paragraph | None:
    """The paragraph that opens with the dateline: the first body paragraph, or the second when the first
    is a headline the title rule missed."""
    body = [p for p in paragraphs[:_DATELINE_SEARCH] if p.kind is ParagraphKind.BODY][:2]
    return next((p for p in body if dateline_length(p.text)), None)


def _line_kind(lang: Language, patterns: _Patterns, line: str) -> ParagraphKind:
    if patterns.byline.fullmatch(line) is not None:
        return ParagraphKind.METADATA
    line = _AGENCY.sub("", line)
    labelled = patterns.date_label.match(line) is not None or (len(line) <= 60 and _is_bare_date(line))
    if labelled and patterns.date_line.fullmatch(line) is not None and parse_date(line, lang) is not None:
        return ParagraphKind.METADATA
    item = _LIST_ITEM.fullmatch(line)
    if item is not None:
        words = item["item"].split()
        if len(words) <= _MAX_NAVIGATION_WORDS and not _SENTENCE_END.search(item["item"]):
            return ParagraphKind.NAVIGATION
        if len(words) <= _MAX_RELATED_WORDS and not _SENTENCE_END.search(item["item"]):
            return ParagraphKind.RELATED
    return ParagraphKind.BODY


def _is_bare_date(line: str) -> bool:
    """A line that is nothing but a date ('February 5, 2026', '2026-02-05 03:31'), not a time ('7 p.m.')."""
    return sum(ch.isalpha() for ch in line) <= 12 and _YEAR.search(line) is not None


def _looks_like_title(line: str) -> bool:
    """A headline: short, no dateline, and either without a sentence's final stop or in Title Case
    (``"We will win," Smith said.`` opening a bare snippet is no title)."""
    if len(line) > _MAX_TITLE or _DATELINE.match(line) is not None:
        return False
    if not _SENTENCE_END.search(line):
        return True
    words = [word for word in line.split() if word[:1].isalpha()]
    capitalised = sum(word[0].isupper() for word in words)
    return bool(words) and capitalised >= _TITLE_CASE_SHARE * len(words)


def _known_outlet(lang: Language, name: str) -> str | None:
    wanted = name.strip().casefold()
    if not wanted:
        return None
    for outlet in lang.outlets:
        if outlet.casefold() == wanted:
            return outlet
    return None


def _navigation_outlet(lang: Language, patterns: _Patterns, line: str) -> str | None:
    item = _LIST_ITEM.fullmatch(line)
    name = item["item"] if item is not None else line
    known = _known_outlet(lang, name)
    if known is not None:
        return known
    if patterns.outlet_words.search(name) and all(word[:1].isupper() for word in name.split()):
        return name
    return None

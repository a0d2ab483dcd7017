"""Stage 2: the quoted spans of an article.

One compiled pattern finds the quotation-mark characters; Python looks only at those, one at a time, so the
scan is linear in the text. Each mark is read by its neighbours (a letter on both sides is an apostrophe,
a space before and a letter after opens, a letter before and a space or punctuation after closes) and by
what is already open. Marks pair on a small stack per paragraph; only the outermost quotations are reported.

Nothing is lost to an unbalanced mark:

* a quotation still open at the end of its paragraph is the news convention for a quotation that runs on
  when the next paragraph opens with a mark again: each paragraph becomes one segment of the same group;
  otherwise it is reported up to the end of its paragraph, flagged ``unbalanced``;
* a second opening mark of the same kind while one is open ends the first one there, flagged;
* a closing double mark that closes nothing is reported from the end of the previous quotation (or the
  paragraph start) up to it, flagged;
* an outermost single mark that never closes was most likely an apostrophe: it is dropped, and what it
  seemed to enclose is reported at the outer level; unless the next paragraph opens with a single mark
  again: then it is the British multi-paragraph quotation, and runs on as a double one does.
"""

from __future__ import annotations

import enum
import functools

import attrs
import regex

from quotebank._pipeline.language import Language
from quotebank.values import Article, Paragraph, ParagraphKind

__all__ = ["QuoteSpan", "find_spans"]

# Two apostrophes in a row stand for a double quotation mark in some archives (''Like this,'' he said).
_MARK = regex.compile(r"''(?!')|[\"'“”‘’«»„‟‹›‚]")
# where two apostrophes are wiki markup for italics (German Wikinews: ''Pau'': …), not a quotation mark: a
# run of them is matched whole, and skipped
_MARK_WITHOUT_DOUBLED = regex.compile(r"''+|[\"'“”‘’«»„‟‹›‚]")
_DOUBLE = frozenset(['"', "“", "”", "„", "‟", "«", "»", "''"])
_OPENERS = frozenset("“„‟«‘‚‹")
_CLOSERS = frozenset("”»’›")
_SPACED = frozenset("«»‹›")  # marks French typography separates from the quotation by a space
# Guillemets pair only with guillemets: French nests “…” inside « … », and a curly mark there opens a
# quotation of its own rather than closing or restarting the outer one.
_GUILLEMETS = frozenset("«»")
_MARKS = _DOUBLE | frozenset("'‘’‚‹›")
_BEFORE_OPENING = frozenset("([{<—–-/") | _MARKS
_AFTER_CLOSING = frozenset(".,;:!?)]}>…—–-/") | _MARKS
_APOSTROPHE_WORD = regex.compile(r"[\p{L}\p{N}'’]++")
_LAST_NOT_APOSTROPHE = regex.compile(r"(?r)[^'’]")
_LOWERCASE_WORD = regex.compile(r"\p{Ll}++")
# function words: what follows a closing mark, never what a plural possessive owns
_NOT_OWNED = (
    "boundaries",
    "prepositions",
    "determiners",
    "relatives",
    "subordinators",
    "to_verbs",
    "skippable",
)
_MAX_DEPTH = 4
_SCANNED = (ParagraphKind.TITLE, ParagraphKind.BODY, ParagraphKind.RELATED)


@attrs.frozen
class QuoteSpan:
    """One outermost quotation in one paragraph, before attribution."""

    start: int
    """Offset of the first character of the content."""
    end: int
    """Offset just after the content."""
    open_mark: str
    """The opening character, or ``""`` when the text lacks it."""
    close_mark: str
    """The closing character, or ``""`` when the text lacks it."""
    outer_start: int
    """Offset of the opening mark (``start`` when there is none)."""
    outer_end: int
    """Offset just after the closing mark (``end`` when there is none)."""
    paragraph: int
    group: int
    """Spans that form one multi-paragraph quotation share the index of the group's first span."""
    segment: int = 0
    """0 for a quotation's first paragraph, 1 for the next paragraph it runs on into, and so on."""
    unbalanced: bool = False


@attrs.define
class _Open:
    """An opening mark waiting for its closing one."""

    mark: str
    double: bool
    position: int
    family: int
    """Which marks close this one (:func:`_family`)."""
    children: list[tuple[int, int, str, str]] = attrs.Factory(list)
    """Completed quotations directly inside this one: (outer_start, outer_end, open_mark, close_mark)."""


class _Role(enum.Enum):
    """What one quotation mark does."""

    OPEN = "open"
    CLOSE = "close"
    NONE = "none"
    """An apostrophe, or a mark that neither opens nor closes."""


def _family(mark: str) -> int:
    """Marks of one family pair with each other: single marks, double guillemets, other double marks."""
    if mark in _GUILLEMETS:
        return 2
    return 1 if mark in _DOUBLE else 0


def _role(mark: str, before: str, after: str, stack: list[_Open]) -> _Role:
    """What one mark does, from its neighbours and what is open."""
    double = mark in _DOUBLE
    family = _family(mark)
    left_open = before == "" or before.isspace() or before in _BEFORE_OPENING
    right_close = after == "" or after.isspace() or after in _AFTER_CLOSING
    family_open = any(entry.family == family for entry in stack)
    if not double and before.isalnum() and after.isalnum():
        return _Role.NONE  # an apostrophe inside a word: don't, Ukraine's, O'Brien
    opening_context = left_open and not right_close
    closing_context = right_close and not left_open
    if mark in _OPENERS:
        return _Role.CLOSE if closing_context and family_open else _Role.OPEN
    if mark in _CLOSERS:
        if opening_context and not family_open:
            return _Role.OPEN
        return _Role.CLOSE
    # a straight mark: the context decides, then what is open
    if opening_context:
        return _Role.OPEN
    if closing_context:
        return _Role.CLOSE
    if double:
        return _Role.CLOSE if family_open else _Role.OPEN
    return _Role.NONE


class _ApostropheWords:
    """Finds the apostrophe-initial words (``'90s``, ``'em``, ``'n'``) of one paragraph.

    The run of letters, digits and apostrophes after a mark is matched once and kept: the next marks inside
    the same run (a row of apostrophes) reuse it, and only a form no longer than the longest listed word is
    ever copied, so a run of any length costs time linear in its length.
    """

    __slots__ = ("core_end", "decade", "end", "longest", "run_end", "text", "words")

    def __init__(self, lang: Language, text: str, end: int) -> None:
        self.words = lang.apostrophe_words
        self.longest = _longest_apostrophe_word(lang)
        self.decade = _decade(lang)
        self.text = text
        self.end = end
        self.run_end = -1
        self.core_end = -1
        """Just after the last character of the run that is not an apostrophe."""

    def end_of(self, position: int) -> int:
        """Where the word starting with the mark at ``position`` ends, or 0 when none starts there.

        Positions must come in increasing order.
        """
        text, first = self.text, position + 1
        if self.decade.match(text, first, self.end):
            return first
        if first >= self.run_end:
            word = _APOSTROPHE_WORD.match(text, first, self.end)
            if word is None:
                return 0
            self.run_end = word.end()
            core = _LAST_NOT_APOSTROPHE.search(text, first, self.run_end)
            self.core_end = first if core is None else core.end()
        words, longest = self.words, self.longest
        # the word as written, then without its closing apostrophes ('n' and 'n)
        for stop in (self.run_end, max(self.core_end, first)):
            if stop - position <= longest:
                form = "'" + text[first:stop].lower().replace("’", "'")
                if form in words:
                    return stop
        return 0


@functools.cache
def _decade(lang: Language) -> regex.Pattern[str]:
    """Two digits after an apostrophe, a year (``'16``) or with the language's ending a decade (``'90s``)."""
    endings = "|".join(map(regex.escape, sorted(lang.grammar["decade_endings"], key=len, reverse=True)))
    return regex.compile(r"\d\d(?:" + endings + r")?\b" if endings else r"\d\d\b")


@functools.cache
def _longest_apostrophe_word(lang: Language) -> int:
    return max(map(len, lang.apostrophe_words), default=0)


def find_spans(lang: Language, article: Article) -> list[QuoteSpan]:
    """Every outermost quotation of ``article``, in text order."""
    text = article.text
    paragraphs = article.paragraphs
    spans: list[QuoteSpan] = []
    carried: tuple[int, int] | None = None
    for number, paragraph in enumerate(paragraphs):
        if paragraph.kind not in _SCANNED:
            carried = None
            continue
        following = paragraphs[number + 1] if number + 1 < len(paragraphs) else None
        carried = _scan_paragraph(lang, text, paragraph, following, carried=carried, spans=spans)
    return spans


def _opens_with(lang: Language, text: str, paragraph: Paragraph | None, double: bool) -> bool:
    """Whether ``paragraph`` opens with an opening mark of the family: a quotation running on into it."""
    if paragraph is None or paragraph.kind is not ParagraphKind.BODY:
        return False
    first = _marks(lang).match(text, paragraph.start, paragraph.end)
    if first is None or (first.group() in _DOUBLE) is not double or first.group() in _CLOSERS:
        return False
    if double:
        return True
    # a single mark opens only before a word that is not an apostrophe word ('Tis, '90s)
    after = text[first.end()] if first.end() < paragraph.end else ""
    return not (after == "" or after.isspace()) and not _ApostropheWords(lang, text, paragraph.end).end_of(
        first.start()
    )


def _scan_paragraph(
    lang: Language,
    text: str,
    paragraph: Paragraph,
    following: Paragraph | None,
    *,
    carried: tuple[int, int] | None,
    spans: list[QuoteSpan],
) -> tuple[int, int] | None:
    """Scan one paragraph and append its spans.

    ``carried`` is the (group, segment) of a quotation that ran on from the previous paragraph; the return
    value is the same for the quotation that runs on into the next one.
    """
    marks = _marks(lang)
    if marks.search(text, paragraph.start, paragraph.end) is None:
        return None  # most paragraphs hold no mark at all
    scan = _ParagraphScan(lang, text, paragraph, carried, spans)
    for found in marks.finditer(text, paragraph.start, paragraph.end):
        scan.read(found.start(), found.group(), doubled_is_markup=marks is _MARK_WITHOUT_DOUBLED)
    return scan.finish(following)


class _ParagraphScan:
    """The marks of one paragraph read in order (:meth:`read`), paired on a stack, and the outermost
    quotations appended to ``spans`` as they close (:meth:`finish` deals with what is left open)."""

    __slots__ = (
        "apostrophe_words",
        "carried",
        "floor",
        "lang",
        "paragraph",
        "skip_until",
        "spans",
        "stack",
        "text",
    )

    def __init__(
        self,
        lang: Language,
        text: str,
        paragraph: Paragraph,
        carried: tuple[int, int] | None,
        spans: list[QuoteSpan],
    ) -> None:
        self.lang, self.text, self.paragraph, self.carried, self.spans = lang, text, paragraph, carried, spans
        self.stack: list[_Open] = []
        self.floor = paragraph.start  # where a closing mark with no opening one may start its span
        self.skip_until = -1
        self.apostrophe_words = _ApostropheWords(lang, text, paragraph.end)

    def read(self, position: int, mark: str, *, doubled_is_markup: bool) -> None:
        """One mark at ``position``."""
        if position < self.skip_until or (len(mark) > 1 and doubled_is_markup):
            return  # inside an apostrophe word, or wiki italics
        text, start, end = self.text, self.paragraph.start, self.paragraph.end
        after_mark = position + len(mark)
        before = text[position - 1] if position > start else ""
        after = text[after_mark] if after_mark < end else ""
        double = mark in _DOUBLE
        if not double and not before.isalnum():
            word_end = self.apostrophe_words.end_of(position)
            if word_end:
                self.skip_until = word_end
                return
        if (
            not double
            and before in "sS"
            and after == " "
            and _possessed(self.lang, text, after_mark + 1, end)
        ):
            return  # a plural possessive (the workers' union), not the end of a quotation
        role = _role(mark, before, after, self.stack)
        if role is _Role.OPEN:
            self._open(position, mark, double)
        elif role is _Role.CLOSE:
            self._close(position, after_mark, mark, double, digit_before=before.isdigit())

    def _open(self, position: int, mark: str, double: bool) -> None:
        stack = self.stack
        family = _family(mark)
        if stack and stack[-1].family == family and len(stack) == 1:
            # a second opening mark of the same kind: the first quotation never closed
            dead = stack.pop()
            if dead.double:
                self._emit(dead.position, _trim_end(self.text, dead.position, position), dead.mark, "", True)
            else:
                self._emit_children(dead)
        elif stack and stack[-1].family == family:
            stack.pop()  # an inner quotation that never closed: it is inside the outer one anyway
        if len(stack) < _MAX_DEPTH:
            stack.append(_Open(mark, double, position, family))

    def _close(self, position: int, after_mark: int, mark: str, double: bool, *, digit_before: bool) -> None:
        stack = self.stack
        family = _family(mark)
        depth = next((i for i in range(len(stack) - 1, -1, -1) if stack[i].family == family), None)
        if depth is None:
            # 5'11" is a height, not a lost quotation; inside an open quotation, a stray mark is its text
            if double and not digit_before and not stack:
                self._emit(_skip_space(self.text, self.floor, position), after_mark, "", mark, True)
            return
        entry = stack[depth]
        del stack[depth:]
        if depth == 0:
            self._emit(entry.position, after_mark, entry.mark, mark, False)
        elif depth == 1:
            stack[0].children.append((entry.position, after_mark, entry.mark, mark))

    def finish(self, following: Paragraph | None) -> tuple[int, int] | None:
        """Deal with what is still open at the end of the paragraph; the (group, segment) of a quotation
        that runs on into ``following``."""
        if not self.stack:
            return None
        outer, spans = self.stack[0], self.spans
        runs_on = _opens_with(self.lang, self.text, following, outer.double)
        if outer.double or runs_on:
            # a single mark left open is kept only when the next paragraph opens with one again (the
            # British multi-paragraph quotation); otherwise it was most likely an apostrophe
            self._emit(outer.position, self.paragraph.end, outer.mark, "", not runs_on)
            if runs_on and spans and spans[-1].outer_start == outer.position:
                return spans[-1].group, spans[-1].segment
        else:
            self._emit_children(outer)
        return None

    def _emit(
        self, outer_start: int, outer_end: int, open_mark: str, close_mark: str, unbalanced: bool
    ) -> None:
        text = self.text
        content_start = outer_start + len(open_mark)
        content_end = outer_end - len(close_mark)
        # French sets guillemets off with (narrow) no-break spaces inside: « Nous ne reculerons pas »
        if open_mark in _SPACED:
            while content_start < content_end and text[content_start].isspace():
                content_start += 1
        if close_mark in _SPACED:
            while content_end > content_start and text[content_end - 1].isspace():
                content_end -= 1
        self.floor = outer_end
        if not text[content_start:content_end].strip():
            return
        group, segment = len(self.spans), 0
        if self.carried is not None and open_mark and outer_start == self.paragraph.start:
            group, segment = self.carried[0], self.carried[1] + 1
        self.carried = None
        self.spans.append(
            QuoteSpan(
                start=content_start,
                end=content_end,
                open_mark=open_mark,
                close_mark=close_mark,
                outer_start=outer_start,
                outer_end=outer_end,
                paragraph=self.paragraph.index,
                group=group,
                segment=segment,
                unbalanced=unbalanced,
            )
        )

    def _emit_children(self, entry: _Open) -> None:
        for child in entry.children:
            self._emit(*child, unbalanced=False)


def _marks(lang: Language) -> regex.Pattern[str]:
    """The pattern of quotation marks: two apostrophes are one double mark only where the language says
    so (the New York Times archive writes ''quote''; German Wikinews marks italics so)."""
    return _MARK if lang.settings.doubled_apostrophes else _MARK_WITHOUT_DOUBLED


def _possessed(lang: Language, text: str, start: int, end: int) -> bool:
    """Whether the word at ``start`` reads as what a plural possessive before it owns: a lowercase word
    that is not a pronoun, a function word or a reporting verb before its speaker (``'We are the workers'
    he said``, ``'a matter of weeks' and`` and ``'… the workers' said Tom`` close)."""
    word = _LOWERCASE_WORD.match(text, start, end)
    if word is None:
        return False
    found = word.group()
    if found in lang.pronouns:
        return False
    if found in lang.cue_forms:
        # "'We are the workers' said Tom" closes; "'It's the workers' call.'" is owned: a reporting verb
        # after a closing mark has its speaker next
        return not _speaker_next(lang, text, word.end(), end)
    return not any(found in lang.grammar[section] for section in _NOT_OWNED)


def _speaker_next(lang: Language, text: str, start: int, end: int) -> bool:
    """Whether the word after ``start`` (past spaces) may open a speaker: a capitalised word, a pronoun, a
    determiner or a role (``'It works' says head teacher``)."""
    start = _skip_space(text, start, end)
    word = _APOSTROPHE_WORD.match(text, start, end)
    if word is None:
        return False
    found = word.group()
    lower = found.lower()
    return (
        found[0].isupper()
        or lower in lang.pronouns
        or lower in lang.grammar["determiners"]
        or lower in lang.roles
        or lower in lang.titles
    )


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start + 1 and text[end - 1].isspace():
        end -= 1
    return end


def _skip_space(text: str, start: int, end: int) -> int:
    while start < end and (text[start].isspace() or text[start] in ",;:"):
        start += 1
    return start

"""Search filters, shared by :meth:`QuoteBank.search <quotebank.collection.bank.QuoteBank.search>` and the
:class:`~quotebank.values.QuoteList` helpers, so that a filter means the same thing on both.

Text is compared as folded words (lowercase, without accents): a query word matches every word of a quote
that begins with its stem (``exchanges`` -> ``exchang`` matches ``exchange``, ``exchanged``, ``exchanging``).
Dates are compared through :func:`date_key`, a string that sorts in time order and that the SQLite store keeps
in a column, so that both sides of every comparison are computed by the same code.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime, timezone

import attrs
import regex

from quotebank._pipeline.coreference import fold
from quotebank._pipeline.dates import coerce_published
from quotebank._pipeline.language import every_language
from quotebank.errors import InvalidArgumentError, InvalidQueryError, QueryTimeoutError
from quotebank.values import Quote, QuoteKind, Speaker

__all__ = [
    "REGEX_BUDGET_SECONDS",
    "UNDATED",
    "KindFilter",
    "PatternFilter",
    "QuoteFilter",
    "date_key",
    "fold_outlet",
    "fts_safe",
    "stem",
    "words",
]

UNDATED = "~"
"""The :func:`date_key` of a quote without a date: ``~`` sorts after every ISO date, so undated quotes come
last, and no date range contains it."""

KindFilter = QuoteKind | str | Iterable[QuoteKind | str]
"""One quote kind, or several."""
PatternFilter = str | regex.Pattern[str]
"""A regular expression of the ``regex`` module, as text or compiled."""

REGEX_BUDGET_SECONDS = 2.0
"""How long a ``regex`` filter may spend on one quote: a search over a million quotes may take longer, but
no benign pattern takes this long on one quotation."""

_WORD = regex.compile(r"[\p{L}\p{N}\p{Co}]+")
# a stem keeps at least three letters
_MIN_STEM = 3
# Characters the SQLite full-text tokenizer certainly treats as parts of words, as this module does: stems
# made of them are looked up in the full-text index; any other stem is matched in Python only.
_FTS_MAX_CODEPOINT = 0x0500


def words(text: str) -> list[str]:
    """The folded words of ``text``: ``"Zelenskyy’s ‘LIKELY’ visit"`` -> ``zelenskyy s likely visit``."""
    return [fold(word) for word in _WORD.findall(text)]


@functools.cache
def _suffixes() -> tuple[str, ...]:
    """The endings a query word loses before prefix matching, longest first: those of every language
    shipped (``stem_suffixes.txt``), since a collection may hold quotes in any of them."""
    every = dict.fromkeys(suffix for lang in every_language() for suffix in lang.stem_suffixes)
    return tuple(sorted(every, key=len, reverse=True))


def stem(word: str) -> str:
    """A folded query word without its inflection: ``exchanges`` -> ``exchang``, ``tried`` -> ``tri``."""
    for suffix in _suffixes():
        if word.endswith(suffix) and len(word) - len(suffix) >= _MIN_STEM:
            return word[: -len(suffix)]
    return word


def fts_safe(term: str) -> bool:
    """Whether the full-text index finds exactly the words that begin with ``term`` (see module notes)."""
    return all(ord(ch) < _FTS_MAX_CODEPOINT and ch.isalnum() for ch in term)


def date_key(value: date | None) -> str:
    """A string that sorts in time order: ISO date or date and time, zoned times converted to UTC."""
    if value is None:
        return UNDATED
    if isinstance(value, datetime) and value.utcoffset() is not None:
        try:
            value = value.astimezone(timezone.utc).replace(tzinfo=None)
        except OverflowError:  # the first or last day of the calendar: keep the wall time
            value = value.replace(tzinfo=None)
    return value.isoformat()


def _until_key(value: date) -> str:
    # a day without a time of day includes the whole day
    return date_key(value) if isinstance(value, datetime) else value.isoformat() + "T~"


def _coerce_date(name: str, value: object) -> date | None:
    if isinstance(value, date):
        return value
    if value is None or isinstance(value, str):
        return coerce_published(value)
    raise InvalidArgumentError(f"{name} must be a date, a datetime or a string, not {type(value).__name__}")


def _kinds(kind: object) -> frozenset[QuoteKind]:
    if kind is None:
        return frozenset()
    items = (kind,) if isinstance(kind, str) else kind
    if not isinstance(items, Iterable):
        raise InvalidArgumentError(
            f"kind must be a QuoteKind, a string or several, not {type(kind).__name__}"
        )
    kinds = set()
    for item in items:
        try:
            kinds.add(QuoteKind(item))
        except ValueError:
            known = ", ".join(k.value for k in QuoteKind)
            raise InvalidQueryError(f"kind={item!r} is not one of {known}") from None
    return frozenset(kinds)


def _compile(pattern: object) -> regex.Pattern[str] | None:
    if pattern is None or isinstance(pattern, regex.Pattern):
        return pattern
    if not isinstance(pattern, str):
        raise InvalidArgumentError(
            f"regex must be a string or a compiled pattern, not {type(pattern).__name__}"
        )
    refusal = _pattern_refusal(pattern)
    if refusal is not None:
        shown = pattern if len(pattern) <= 60 else pattern[:57] + "..."
        raise InvalidQueryError(f"regex {shown!r} is refused: {refusal}")
    try:
        return regex.compile(pattern)
    except (regex.error, ValueError, OverflowError, RecursionError, MemoryError) as error:
        raise InvalidQueryError(f"regex {pattern!r} does not compile: {error}") from None


_MAX_PATTERN = 1000
"""The longest regular expression a search takes, in characters."""
_MAX_NESTING = 20
"""The deepest nesting of groups a search's regular expression may have."""
_MAX_REPEAT = 10_000
"""The largest product of nested counted repeats (``(?:a{100}){100}`` is 10,000): the regex module unrolls
counted repeats when it compiles, so that compile time and memory grow with this product (10,000: about
10 ms; 10**7: 10 s and 5.6 GB)."""
_MAX_REPEATS_IN_ALL = 5 * _MAX_REPEAT
_RECURSION = regex.compile(r"\(\?(?:R|[+-]?\d|&|P>)")
_VERBOSE = regex.compile(r"\(\?[a-zA-Z^-]*x")
_QUANTIFIER = regex.compile(r"\s*+(?:\{(\d*+)(?:,(\d*+))?\}|[*+?])[?+]?")
_BRACED_ESCAPE = regex.compile(r"\\[pPNxXgk][{<][^}>]*+[}>]?")


def _pattern_refusal(pattern: str) -> str | None:
    """Why a user's regular expression is refused before it is compiled, or ``None``: compiling can cost
    far more than matching, and the time budget of a search only bounds matching.

    A scan of the pattern's structure finds recursion, deep nesting and the product of counted repeats
    nested in one another. It errs towards a larger product (a repeat after spaces counts), never a
    smaller one; comments in verbose mode could hide structure from it, so they are refused.
    """
    if len(pattern) > _MAX_PATTERN:
        return f"it has {len(pattern)} characters; at most {_MAX_PATTERN} are taken"
    if "#" in pattern and _VERBOSE.search(pattern):
        return "comments in verbose mode are not taken in a search"
    largest = [1]  # for each group open at this point, the largest repeat product of an item in it
    total = 0  # the products of every item, added up: repeats one after the other add up too
    position, end = 0, len(pattern)
    while position < end:
        char = pattern[position]
        if char == "(":
            if _RECURSION.match(pattern, position):
                return "recursion and group calls ((?R), (?1), (?&name)) are not taken in a search"
            largest.append(1)
            if len(largest) > _MAX_NESTING + 1:
                return f"groups are nested more than {_MAX_NESTING} deep"
            position += 1
            continue
        if char == ")":
            weight = largest.pop() if len(largest) > 1 else 1
            position += 1
        elif char == "[":
            position = _set_end(pattern, position)
            weight = 1
        elif char == "\\":
            braced = _BRACED_ESCAPE.match(pattern, position)
            position = braced.end() if braced is not None else position + 2
            weight = 1
        else:
            position += 1
            weight = 1
        quantifier = _QUANTIFIER.match(pattern, position)
        if quantifier is not None:
            low, high = quantifier.group(1), quantifier.group(2)
            weight *= max(int(low or 1), int(high or 1))
            position = quantifier.end()
        total += weight
        if weight > _MAX_REPEAT:
            return (
                f"its counted repeats nested in one another come to {weight:,} (at most {_MAX_REPEAT:,}), "
                "which takes too long to compile"
            )
        if total > _MAX_REPEATS_IN_ALL:
            return (
                f"its counted repeats come to more than {_MAX_REPEATS_IN_ALL:,} in all, which takes too "
                "long to compile"
            )
        largest[-1] = max(largest[-1], weight)
    return None


def _set_end(pattern: str, start: int) -> int:
    """Where the character set that opens at ``start`` ends (after its ``]``): a ``]`` first in the set is
    one of its characters, and POSIX classes (``[:alpha:]``) are read whole."""
    position = start + 1
    if pattern.startswith("^", position):
        position += 1
    if pattern.startswith("]", position):
        position += 1
    while position < len(pattern):
        char = pattern[position]
        if char == "\\":
            position += 2
        elif char == "[" and pattern.startswith(":", position + 1):
            close = pattern.find(":]", position + 2)
            position = position + 1 if close < 0 else close + 2
        elif char == "]":
            return position + 1
        else:
            position += 1
    return position


def _optional_str(name: str, value: object) -> str | None:
    if value is not None and not isinstance(value, str):
        raise InvalidArgumentError(f"{name} must be a string, not {type(value).__name__}")
    return value


@attrs.frozen
class QuoteFilter:
    """Every filter of one search, checked and normalised; :meth:`build` makes one from user arguments."""

    stems: tuple[str, ...] = ()
    """Folded query word stems; a quote must have, for each, a word that begins with it."""
    pattern: regex.Pattern[str] | None = None
    outlet: str | None = None
    """The folded outlet name."""
    since: str | None = None
    """The lowest :func:`date_key` wanted."""
    until: str | None = None
    """The highest :func:`date_key` wanted."""
    kinds: frozenset[QuoteKind] = frozenset()
    limit: int | None = None

    @classmethod
    def build(
        cls,
        *,
        text: object = None,
        pattern: object = None,
        outlet: object = None,
        since: object = None,
        until: object = None,
        kind: object = None,
        limit: object = None,
    ) -> QuoteFilter:
        """Check the arguments of a search; a :class:`~quotebank.QuotebankError` subclass for a bad one."""
        stems: tuple[str, ...] = ()
        query = _optional_str("text", text)
        if query is not None:
            stems = tuple(dict.fromkeys(stem(word) for word in words(query)))
            if not stems:
                raise InvalidQueryError(f"text={query!r} has no word to search for")
        outlet_name = _optional_str("outlet", outlet)
        if limit is not None and (not isinstance(limit, int) or isinstance(limit, bool) or limit < 0):
            raise InvalidArgumentError(f"limit must be a whole number of at least 0, not {limit!r}")
        since_date = _coerce_date("since", since)
        until_date = _coerce_date("until", until)
        since_key = date_key(since_date) if since_date is not None else None
        until_key = _until_key(until_date) if until_date is not None else None
        if since_key is not None and until_key is not None and since_key > until_key:
            assert since_date is not None and until_date is not None
            raise InvalidQueryError(
                f"since={since_date.isoformat()} is after until={until_date.isoformat()}: no date is in "
                "between (both are inclusive)"
            )
        return cls(
            stems=stems,
            pattern=_compile(pattern),
            outlet=fold_outlet(outlet_name) if outlet_name is not None else None,
            since=since_key,
            until=until_key,
            kinds=_kinds(kind),
            limit=limit,
        )

    def accepts(self, quote: Quote, *, speaker_test: Callable[[Speaker | None], bool] | None) -> bool:
        """Whether ``quote`` passes every filter but the regular expression (see :meth:`select`)."""
        if self.kinds and quote.kind not in self.kinds:
            return False
        if self.outlet is not None and (quote.outlet is None or fold_outlet(quote.outlet) != self.outlet):
            return False
        if self.since is not None or self.until is not None:
            key = date_key(quote.published)
            if self.since is not None and not (self.since <= key < UNDATED):
                return False
            if self.until is not None and key > self.until:
                return False
        if speaker_test is not None and not speaker_test(quote.speaker):
            return False
        if self.stems:
            quote_words = words(quote.text)
            if not all(any(word.startswith(s) for word in quote_words) for s in self.stems):
                return False
        return True

    def select(
        self, quotes: Iterable[Quote], *, speaker_test: Callable[[Speaker | None], bool] | None
    ) -> Iterator[Quote]:
        """The quotes that pass every filter, in the given order, at most :attr:`limit` of them."""
        if self.limit == 0:
            return
        pattern_test = self.pattern_test()
        found = 0
        for quote in quotes:
            if not self.accepts(quote, speaker_test=speaker_test):
                continue
            if pattern_test is not None and not pattern_test(quote.text):
                continue
            yield quote
            found += 1
            if self.limit is not None and found >= self.limit:
                return

    def pattern_test(self) -> Callable[[str], bool] | None:
        """The regular expression as a test of a quote's text, or ``None`` without one.

        Each text gets a time budget of its own (:data:`REGEX_BUDGET_SECONDS`), so that a pattern that
        backtracks without end stops with :class:`~quotebank.errors.QueryTimeoutError` instead of hanging,
        while a benign pattern may look through as many quotes as the search has.
        """
        pattern = self.pattern
        if pattern is None:
            return None
        budget = REGEX_BUDGET_SECONDS

        def test(text: str) -> bool:
            try:
                return pattern.search(text, timeout=budget) is not None
            except TimeoutError:
                raise QueryTimeoutError(
                    f"regex {pattern.pattern!r} took more than {budget:g} s on one quote of {len(text):,} "
                    "characters: it backtracks without end there; simplify it (nested repetition such as "
                    "(a|a)+ does this)"
                ) from None

        return test


@functools.lru_cache(maxsize=4096)
def fold_outlet(name: str) -> str:
    """An outlet name compared without case, accents or extra spaces."""
    return " ".join(words(name))

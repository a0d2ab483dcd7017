"""Every exception that escapes the public API is a QuotebankError: arbitrary text (lone surrogates, marks,
control characters), arbitrary JSON-ish records and arbitrary filter values, through extract, the bank's
adding, importing, searching, speakers, clusters and exports, and extract_many in this process.

The suite runs a few dozen examples of each; set QUOTEBANK_FUZZ_EXAMPLES for a larger run by hand (the
issue's run: 20,000 each, over 100,000 in all).
"""

from __future__ import annotations

import io
import json
import math
import os
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quotebank import QuoteBank, QuotebankError, extract, extract_many

# text that UTF-8 cannot hold is stored replaced, with a warning: expected here, at every turn
pytestmark = pytest.mark.filterwarnings("ignore::quotebank.QuotebankWarning")

_EXAMPLES = int(os.environ.get("QUOTEBANK_FUZZ_EXAMPLES", "25"))
_FUZZ = settings(
    max_examples=_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large],
)

# pieces that make extraction and search do something, mixed with anything at all
_PIECES = st.sampled_from(
    ['"', "'", "“", "”", "«", "»", "‘", "’", " said ", " says ", "Jane Doe", "Mr. Smith", ", ", ".", "\n",
     "\ud800", "\udfff", "\x00", "\u2028", " 's", "According to ", "(AP) — ", "2026-02-05", "…"]
)  # fmt: skip
TEXT = st.lists(_PIECES | st.text(max_size=12), max_size=30).map("".join)

_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=True, allow_infinity=True)
    | TEXT
)
JSONISH = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXT, inner, max_size=3),
    max_leaves=8,
)
_FIELDS = st.sampled_from(
    ["text", "start", "end", "marks", "kind", "speaker", "mention", "cue", "outlet", "published", "url",
     "confidence", "unbalanced", "paragraph", "article", "position", "quotes", "source", "name", "aliases"]
)  # fmt: skip
_VALUES = (
    JSONISH
    | st.sampled_from(["sentence", "partial", "unknown", "person", "2026-02-05", "2026-02-05T10:00:00+01:00"])
    | st.fixed_dictionaries(
        {"name": JSONISH}, optional={"aliases": JSONISH, "role": JSONISH, "kind": JSONISH}
    )
    | st.fixed_dictionaries({"text": JSONISH, "start": JSONISH, "end": JSONISH})
)
RECORDS = st.dictionaries(_FIELDS, _VALUES, max_size=10) | st.fixed_dictionaries(
    {"text": TEXT, "start": st.integers(0, 100), "end": st.integers(0, 100)},
    optional={"speaker": _VALUES, "confidence": _VALUES, "article": _VALUES, "published": _VALUES},
)
ANYTHING = JSONISH | st.sampled_from(["2026-02-05", "sentence", "doe", "(?R)", "a{2}"])


def _typed(call: Callable[[], Any]) -> Any:
    """``call()``; any exception must be a QuotebankError (which also subclasses the builtin that fits)."""
    try:
        return call()
    except QuotebankError:
        return None


def _json_line(record: object) -> str:
    # NaN and Infinity are what careless writers produce; json writes them as Python reads them
    return json.dumps(record, allow_nan=True)


@_FUZZ
@given(TEXT, ANYTHING, ANYTHING, ANYTHING)
def test_extract_and_add_take_anything(text: str, outlet: object, published: object, url: object) -> None:
    _typed(lambda: extract(text))
    _typed(lambda: extract(text, outlet=outlet, published=published, url=url))  # type: ignore[arg-type]
    bank = QuoteBank()
    _typed(lambda: bank.add(text, outlet=outlet, published=published, url=url))  # type: ignore[arg-type]
    _typed(lambda: bank.add(outlet))  # type: ignore[arg-type]
    _typed(lambda: bank.add_many([text, (text + "x", {"outlet": outlet}), published]))  # type: ignore[list-item]
    _typed(lambda: bank.add_many(outlet))  # type: ignore[arg-type]
    assert len(bank) == sum(len(article.quotes) for article in bank.articles) or len(bank.articles) >= 0
    for result in _typed(lambda: list(extract_many([text, outlet], processes=1))) or []:  # type: ignore[list-item]
        assert result.error is not None or result.quotes is not None


@_FUZZ
@given(st.lists(RECORDS | JSONISH, max_size=6))
def test_read_jsonl_takes_any_records(records: list[object]) -> None:
    lines = "".join(_json_line(record) + "\n" for record in records)
    bank = _typed(lambda: QuoteBank.read_jsonl(io.StringIO(lines)))
    if bank is None:
        return
    # what was taken reads back, whole: every query works on it
    list(bank)
    bank.speakers()
    for profile in bank.speakers():
        bank.search(speaker=profile)
        bank.search(speaker=profile.name)
    bank.clusters()
    again = io.StringIO()
    bank.to_jsonl(again)
    bank.to_csv(io.StringIO())
    assert len(QuoteBank.read_jsonl(io.StringIO(again.getvalue()))) == len(bank)


_BANK = QuoteBank()
_BANK.add(
    '"We will rebuild the bridge," Mayor Jane Doe said.\n', outlet="Daily Example", published="2026-02-05"
)
_BANK.add('"Talks go on," said Omar Haddad. "Nothing is settled."\n', url="https://example.org/1")


_FILTERS = ("speaker", "regex", "outlet", "since", "until", "kind", "limit")


@_FUZZ
@given(ANYTHING, st.fixed_dictionaries({name: ANYTHING for name in _FILTERS}))
def test_every_filter_takes_anything(text: object, filters: dict[str, Any]) -> None:
    _typed(lambda: _BANK.search(text, **filters))  # type: ignore[arg-type]
    _typed(lambda: _BANK.clusters(text, **filters))  # type: ignore[arg-type]
    for name, value in filters.items():
        _typed(lambda: _BANK.search(**{name: value}))  # noqa: B023 -- called at once
    _typed(lambda: _BANK.speakers(text))  # type: ignore[arg-type]
    _typed(lambda: _BANK.speaker(filters["speaker"]))


@_FUZZ
@given(st.lists(st.tuples(TEXT, st.sampled_from([None, "Daily", "Other \ud800"]), st.booleans()), max_size=4))
def test_banks_of_arbitrary_articles_export_and_read_back(
    articles: list[tuple[str, str | None, bool]],
) -> None:
    bank = QuoteBank()
    for text, outlet, dated in articles:
        _typed(lambda: bank.add(text, outlet=outlet, published="2026-02-05" if dated else None))  # noqa: B023
    assert not any(math.isnan(q.confidence) for q in bank)
    buffer = io.StringIO()
    bank.to_jsonl(buffer)
    buffer.getvalue().encode("utf-8")  # nothing UTF-8 cannot hold comes out
    copy = QuoteBank.read_jsonl(io.StringIO(buffer.getvalue()))
    assert sorted(copy, key=repr) == sorted(bank, key=repr)
    assert len(copy.articles) == len(bank.articles)
    csv = io.StringIO()
    bank.to_csv(csv)
    csv.getvalue().encode("utf-8")
    bank.clusters()
    bank.speakers()

"""The hook Hypothesis calls through quotebank's ``hypothesis`` entry point, when Hypothesis is imported.

It lives apart from :mod:`quotebank.strategies` because that module imports Hypothesis: were the hook there,
importing it first would make Hypothesis load it again, half-initialised. The strategies are deferred, so
:mod:`quotebank.strategies` is imported only when ``st.from_type`` first draws from them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from quotebank.values import Quote, QuoteList, Speaker

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy


def _quotes() -> SearchStrategy[Quote]:
    from quotebank.strategies import quotes  # noqa: PLC0415 -- see the module docstring

    return quotes()


def _quote_lists() -> SearchStrategy[QuoteList]:
    from quotebank.strategies import quote_lists  # noqa: PLC0415 -- see the module docstring

    return quote_lists()


def _speakers() -> SearchStrategy[Speaker]:
    from quotebank.strategies import speakers  # noqa: PLC0415 -- see the module docstring

    return speakers()


def _hypothesis_setup_hook() -> None:
    """Make ``st.from_type`` draw quotebank's values from :mod:`quotebank.strategies`."""
    from hypothesis import strategies as st  # noqa: PLC0415 -- only Hypothesis calls this, while loading

    st.register_type_strategy(Quote, st.deferred(_quotes))
    st.register_type_strategy(QuoteList, st.deferred(_quote_lists))
    st.register_type_strategy(Speaker, st.deferred(_speakers))

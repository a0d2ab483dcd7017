"""Errors raised by quotebank.

Every error derives from :class:`QuotebankError`, and each also derives from the builtin that fits, so that
callers may catch either ``quotebank.QuotebankError`` or the usual ``TypeError`` / ``ValueError``.
"""

from __future__ import annotations

__all__ = ["InvalidArgumentError", "InvalidDateError", "InvalidTextError", "QuotebankError"]


class QuotebankError(Exception):
    """Base class of every error quotebank raises on purpose."""


class InvalidTextError(QuotebankError, TypeError):
    """The article text is not a ``str``."""


class InvalidDateError(QuotebankError, ValueError):
    """A publication date is neither a date, a datetime nor a string that reads as a real date."""


class InvalidArgumentError(QuotebankError, TypeError):
    """An option has the wrong type (for example an outlet that is not a string)."""

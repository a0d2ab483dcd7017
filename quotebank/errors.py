"""Errors raised by quotebank.

Every error derives from :class:`QuotebankError`, and each also derives from the builtin that fits, so that
callers may catch either ``quotebank.QuotebankError`` or the usual ``TypeError`` / ``ValueError``.
"""

from __future__ import annotations

__all__ = [
    "ArticleDecodeError",
    "ArticleReadError",
    "BankDamagedError",
    "BankFileError",
    "BankFullError",
    "BankReadOnlyError",
    "ExtractFailedError",
    "ExtractTimeoutError",
    "FetchError",
    "InvalidArgumentError",
    "InvalidDateError",
    "InvalidQueryError",
    "InvalidRecordError",
    "InvalidTextError",
    "MissingDependencyError",
    "QueryTimeoutError",
    "QuotebankError",
    "QuotebankWarning",
    "SchemaVersionError",
    "SpeakerNotFoundError",
    "UnknownLanguageError",
    "UsageError",
]


class QuotebankError(Exception):
    """Base class of every error quotebank raises on purpose."""


class InvalidTextError(QuotebankError, TypeError):
    """The article text is not a ``str``."""


class ArticleDecodeError(QuotebankError, ValueError):
    """An article given as bytes is not valid UTF-8 text."""


class ArticleReadError(QuotebankError, ValueError):
    """An article could not be read from where it was to come from: an
    :class:`~quotebank.readers.files.Input` whose file, line or page could not be read; the message names
    it."""


class InvalidDateError(QuotebankError, ValueError):
    """A publication date is neither a date, a datetime nor a string that reads as a real date."""


class InvalidArgumentError(QuotebankError, TypeError):
    """An option has the wrong type (for example an outlet that is not a string)."""


class InvalidQueryError(QuotebankError, ValueError):
    """A search filter has a value that cannot work: a regular expression that does not compile, a text
    query without a single word, an unknown quote kind."""


class QueryTimeoutError(QuotebankError, TimeoutError):
    """A regular-expression filter ran past its time budget (a pattern that backtracks without end)."""


class BankFileError(QuotebankError, OSError):
    """A bank's database file cannot be opened or created (a missing folder, no permission, a directory)."""


class BankDamagedError(BankFileError):
    """A bank's database file is damaged (a broken page, a record that cannot be read): quotebank reads what
    it can but writes nothing more into it; ``quotebank check DB`` lists what is wrong."""


class BankReadOnlyError(BankFileError):
    """A write to a bank opened read-only, or to a file the system does not let quotebank change."""


class BankFullError(BankFileError):
    """The disk (or the size limit of the database) is full: the write was undone, the bank is intact."""


class InvalidRecordError(InvalidArgumentError, ValueError):
    """A JSON Lines record has a field of the wrong type or an impossible value; the message names the line
    and the field."""


class SchemaVersionError(QuotebankError, ValueError):
    """A database file is not a quotebank store, or was written by a newer quotebank than this one."""


class SpeakerNotFoundError(QuotebankError, LookupError):
    """No speaker in the collection goes by the name asked for."""


class AmbiguousSpeakerError(QuotebankError, LookupError):
    """More than one speaker of the collection answers to the name asked for (two different Smiths): the
    message lists them, and ``candidates`` holds their profiles."""

    def __init__(self, message: str, candidates: tuple[object, ...] = ()) -> None:
        super().__init__(message)
        self.candidates = candidates


class MissingDependencyError(QuotebankError, ImportError):
    """An optional feature needs a package that is not installed (``to_dataframe`` needs pandas)."""


class UsageError(QuotebankError, ValueError):
    """Command-line options that do not fit together or do not read (``--url`` with many files, a bad
    ``--published``); the message names the option."""


class FetchError(QuotebankError, OSError):
    """A web page could not be fetched: the address does not answer, refuses, or answers with an error."""


class QuotebankWarning(UserWarning):
    """Something was stored differently from how it was given (text that UTF-8 cannot hold was replaced)."""


class ExtractFailedError(QuotebankError, RuntimeError):
    """Extracting one article failed in a way no input should cause: an unexpected error (a bug to
    report), an item that cannot be sent to a worker process, or a worker process that died (killed, out of
    memory). :func:`~quotebank.extract_many` records it for that article and goes on."""


class ExtractTimeoutError(QuotebankError, TimeoutError):
    """Extracting one article ran past the time limit given to :func:`~quotebank.extract_many`."""


class LanguageDataError(QuotebankError, ValueError):
    """A file of a language folder (``quotebank/lang/<code>/``) is missing or has a line it cannot read: the
    message names the file and the line."""


class UnknownLanguageError(QuotebankError, ValueError):
    """A ``language=`` code with no language data: the message lists the languages quotebank has."""

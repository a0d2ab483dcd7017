"""quotebank: turn news articles into typed, attributed quotations.

>>> import quotebank
>>> [q.speaker.name for q in quotebank.extract('"It works," said Ada Lovelace.')]
['Ada Lovelace']
"""

from __future__ import annotations

import logging

from quotebank._pipeline.dates import DateOrder, DateReading
from quotebank._pipeline.language import available_languages
from quotebank._pipeline.run import extract, parse_article
from quotebank.collection.bank import AddedArticle, QuoteBank
from quotebank.collection.clusters import QuoteCluster
from quotebank.errors import (
    AmbiguousSpeakerError,
    ArticleDecodeError,
    ArticleReadError,
    BankDamagedError,
    BankFileError,
    BankFullError,
    BankReadOnlyError,
    ExtractFailedError,
    ExtractTimeoutError,
    FetchError,
    InvalidArgumentError,
    InvalidDateError,
    InvalidQueryError,
    InvalidRecordError,
    InvalidTextError,
    LanguageDataError,
    MissingDependencyError,
    QueryTimeoutError,
    QuotebankError,
    QuotebankWarning,
    SchemaVersionError,
    SpeakerNotFoundError,
    UnknownLanguageError,
    UsageError,
)
from quotebank.scale.processes import ExtractResult, extract_many
from quotebank.values import (
    Article,
    DatePrecision,
    Gender,
    GenderEvidence,
    GenderEvidenceKind,
    Mention,
    Paragraph,
    ParagraphKind,
    Quote,
    QuoteKind,
    QuoteList,
    Speaker,
    SpeakerKind,
)

__all__ = [
    "AddedArticle",
    "AmbiguousSpeakerError",
    "Article",
    "ArticleDecodeError",
    "ArticleReadError",
    "BankDamagedError",
    "BankFileError",
    "BankFullError",
    "BankReadOnlyError",
    "DateOrder",
    "DatePrecision",
    "DateReading",
    "ExtractFailedError",
    "ExtractResult",
    "ExtractTimeoutError",
    "FetchError",
    "Gender",
    "GenderEvidence",
    "GenderEvidenceKind",
    "InvalidArgumentError",
    "InvalidDateError",
    "InvalidQueryError",
    "InvalidRecordError",
    "InvalidTextError",
    "LanguageDataError",
    "Mention",
    "MissingDependencyError",
    "Paragraph",
    "ParagraphKind",
    "QueryTimeoutError",
    "Quote",
    "QuoteBank",
    "QuoteCluster",
    "QuoteKind",
    "QuoteList",
    "QuotebankError",
    "QuotebankWarning",
    "SchemaVersionError",
    "Speaker",
    "SpeakerKind",
    "SpeakerNotFoundError",
    "UnknownLanguageError",
    "UsageError",
    "available_languages",
    "extract",
    "extract_many",
    "parse_article",
]
__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())

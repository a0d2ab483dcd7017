"""quotebank: turn news articles into typed, attributed quotations.

>>> import quotebank
>>> [q.speaker.name for q in quotebank.extract('"It works," said Ada Lovelace.')]
['Ada Lovelace']
"""

from __future__ import annotations

import logging

from quotebank.article import parse_article
from quotebank.bank import QuoteBank
from quotebank.dedup import QuoteCluster
from quotebank.errors import (
    ArticleDecodeError,
    BankFileError,
    ExtractFailedError,
    ExtractTimeoutError,
    FetchError,
    InvalidArgumentError,
    InvalidDateError,
    InvalidQueryError,
    InvalidTextError,
    MissingDependencyError,
    QueryTimeoutError,
    QuotebankError,
    SchemaVersionError,
    SpeakerNotFoundError,
    UsageError,
)
from quotebank.extract import extract
from quotebank.model import (
    Article,
    Mention,
    Paragraph,
    ParagraphKind,
    Quote,
    QuoteKind,
    QuoteList,
    Speaker,
    SpeakerKind,
)
from quotebank.parallel import ExtractResult, extract_many

__all__ = [
    "Article",
    "ArticleDecodeError",
    "BankFileError",
    "ExtractFailedError",
    "ExtractResult",
    "ExtractTimeoutError",
    "FetchError",
    "InvalidArgumentError",
    "InvalidDateError",
    "InvalidQueryError",
    "InvalidTextError",
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
    "SchemaVersionError",
    "Speaker",
    "SpeakerKind",
    "SpeakerNotFoundError",
    "UsageError",
    "extract",
    "extract_many",
    "parse_article",
]
__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())

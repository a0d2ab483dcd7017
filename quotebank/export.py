"""Quotes as plain data: dictionaries for JSON Lines, flat rows for CSV, and back.

``quote_from_dict(quote_to_dict(q)) == q`` for every quote: dates keep whether they carry a time and a zone.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any

from quotebank.errors import InvalidArgumentError
from quotebank.model import Mention, Quote, QuoteKind, Speaker, SpeakerKind

__all__ = ["CSV_FIELDS", "csv_rows", "quote_from_dict", "quote_to_dict", "quotes_to_csv", "quotes_to_jsonl"]

CSV_FIELDS = (
    "source",
    "start",
    "end",
    "kind",
    "speaker",
    "role",
    "mention",
    "cue",
    "text",
    "outlet",
    "published",
    "url",
    "confidence",
    "unbalanced",
)


def _mention(mention: Mention | None) -> dict[str, Any] | None:
    if mention is None:
        return None
    return {"text": mention.text, "start": mention.start, "end": mention.end}


def _date_text(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _date_value(text: str | None) -> date | None:
    if text is None:
        return None
    if "T" in text:
        return datetime.fromisoformat(text)
    return date.fromisoformat(text)


def quote_to_dict(quote: Quote) -> dict[str, Any]:
    """Every field of ``quote`` as JSON-ready data."""
    speaker = quote.speaker
    return {
        "text": quote.text,
        "start": quote.start,
        "end": quote.end,
        "marks": list(quote.marks),
        "kind": quote.kind.value,
        "speaker": None
        if speaker is None
        else {
            "name": speaker.name,
            "role": speaker.role,
            "aliases": list(speaker.aliases),
            "kind": speaker.kind.value,
        },
        "mention": _mention(quote.mention),
        "cue": _mention(quote.cue),
        "outlet": quote.outlet,
        "published": _date_text(quote.published),
        "url": quote.url,
        "confidence": quote.confidence,
        "unbalanced": quote.unbalanced,
        "paragraph": quote.paragraph,
    }


def _mention_from(data: Mapping[str, Any] | None) -> Mention | None:
    if data is None:
        return None
    return Mention(str(data["text"]), int(data["start"]), int(data["end"]))


def quote_from_dict(data: Mapping[str, Any]) -> Quote:
    """The quote that :func:`quote_to_dict` wrote; a clear error for data of the wrong shape."""
    try:
        speaker_data = data.get("speaker")
        speaker = (
            None
            if speaker_data is None
            else Speaker(
                name=speaker_data["name"],
                role=speaker_data.get("role"),
                aliases=tuple(speaker_data.get("aliases", ())),
                kind=SpeakerKind(speaker_data.get("kind", "unknown")),
            )
        )
        open_mark, close_mark = data.get("marks", ('"', '"'))
        return Quote(
            text=data["text"],
            start=int(data["start"]),
            end=int(data["end"]),
            marks=(open_mark, close_mark),
            kind=QuoteKind(data.get("kind", "sentence")),
            speaker=speaker,
            mention=_mention_from(data.get("mention")),
            cue=_mention_from(data.get("cue")),
            outlet=data.get("outlet"),
            published=_date_value(data.get("published")),
            url=data.get("url"),
            confidence=float(data.get("confidence", 0.0)),
            unbalanced=bool(data.get("unbalanced", False)),
            paragraph=int(data.get("paragraph", 0)),
        )
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise InvalidArgumentError(f"not a quote record: {error!r}") from None


def csv_rows(quotes: Iterable[Quote], *, source: str | None = None) -> Iterable[dict[str, Any]]:
    """One flat row per quote, with the columns of :data:`CSV_FIELDS`."""
    for quote in quotes:
        yield {
            "source": source,
            "start": quote.start,
            "end": quote.end,
            "kind": quote.kind.value,
            "speaker": quote.speaker_name,
            "role": quote.speaker.role if quote.speaker is not None else None,
            "mention": quote.mention.text if quote.mention is not None else None,
            "cue": quote.cue.text if quote.cue is not None else None,
            "text": quote.text,
            "outlet": quote.outlet,
            "published": _date_text(quote.published),
            "url": quote.url,
            "confidence": quote.confidence,
            "unbalanced": quote.unbalanced,
        }


def quotes_to_jsonl(quotes: Iterable[Quote], *, source: str | None = None) -> str:
    """JSON Lines, one quote a line; ``source`` (a file name, say) is added to each record when given."""
    lines = []
    for quote in quotes:
        record = quote_to_dict(quote)
        if source is not None:
            record["source"] = source
        lines.append(json.dumps(record, ensure_ascii=False))
    return "".join(line + "\n" for line in lines)


def quotes_to_csv(quotes: Iterable[Quote], *, source: str | None = None, header: bool = True) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_FIELDS, lineterminator="\n")
    if header:
        writer.writeheader()
    writer.writerows(csv_rows(quotes, source=source))
    return buffer.getvalue()

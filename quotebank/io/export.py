"""Quotes as plain data: dictionaries for JSON Lines, flat rows for CSV, pandas DataFrames, and back.

Clusters of near-duplicates (:class:`~quotebank.collection.clusters.QuoteCluster`) export with the field
names of the public Quotebank corpus where they fit (``quoteID``, ``quotation``, ``speaker``, ``date``,
``numOccurrences``, ``urls``). Every writer takes a path or an open text file.

``quote_from_dict(quote_to_dict(q)) == q`` for every quote: dates keep whether they carry a time and a zone
(``2026-02-05T03:31:00+02:00`` keeps its offset), a month-only date is written ``2026-03``, and
``published_precision`` and ``published_ambiguous`` travel with them.
"""

from __future__ import annotations

import contextlib
import csv
import importlib
import io
import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime
from os import PathLike
from typing import TYPE_CHECKING, Any, Literal, NoReturn, TextIO

import attrs

from quotebank.collection.clusters import QuoteCluster
from quotebank.collection.filters import date_key
from quotebank.errors import InvalidArgumentError, InvalidRecordError, MissingDependencyError
from quotebank.io.records import (
    FIELD_TYPES,
    RECORD_FIELDS,
    TABLE_FIELDS,
    FieldType,
    date_from_text,
    date_to_text,
    flat_record,
    precision_from_text,
    precision_to_text,
    typed_record,
)
from quotebank.values import (
    DatePrecision,
    Gender,
    GenderEvidence,
    GenderEvidenceKind,
    Mention,
    Quote,
    QuoteKind,
    Speaker,
    SpeakerKind,
)

if TYPE_CHECKING:
    import pandas  # type: ignore[import-untyped,unused-ignore]

Target = str | PathLike[str] | TextIO
"""Where an export goes or an import comes from: a path, or a text file already open."""

__all__ = [
    "CLUSTER_CSV_FIELDS",
    "CSV_FIELDS",
    "PANDAS_TYPES",
    "Target",
    "check_article_record",
    "check_quote_record",
    "cluster_to_dict",
    "clusters_dataframe",
    "csv_rows",
    "date_from_text",
    "date_to_text",
    "evidence_from_dict",
    "evidence_to_dict",
    "numbered_jsonl",
    "opened_for_writing",
    "pandas_module",
    "precision_from_text",
    "quote_from_dict",
    "quote_to_dict",
    "quotes_dataframe",
    "quotes_to_csv",
    "quotes_to_jsonl",
    "read_jsonl",
    "records_dataframe",
    "speaker_from_dict",
    "speaker_to_dict",
    "table_types",
    "write_cluster_csv",
    "write_csv",
    "write_csv_records",
    "write_excel",
    "write_jsonl",
]

CSV_FIELDS = RECORD_FIELDS
"""The columns of a quotes CSV file: the flat record (:data:`~quotebank.io.records.RECORD_FIELDS`)."""


def _precision(value: str | None) -> DatePrecision | None:
    return DatePrecision(value) if value is not None else None


def _mention(mention: Mention | None) -> dict[str, Any] | None:
    if mention is None:
        return None
    return {"text": mention.text, "start": mention.start, "end": mention.end}


def evidence_to_dict(evidence: GenderEvidence) -> dict[str, Any]:
    return {
        "kind": evidence.kind.value,
        "gender": evidence.gender.value,
        "words": list(evidence.words),
        "count": evidence.count,
    }


def evidence_from_dict(data: Mapping[str, Any]) -> GenderEvidence:
    return GenderEvidence(
        GenderEvidenceKind(data["kind"]),
        Gender(data["gender"]),
        tuple(str(word) for word in data["words"]),
        int(data.get("count", 1)),
    )


def speaker_to_dict(speaker: Speaker) -> dict[str, Any]:
    """A speaker as JSON-ready data; ``gender`` is written for readers, and read back from the evidence."""
    return {
        "name": speaker.name,
        "role": speaker.role,
        "aliases": list(speaker.aliases),
        "kind": speaker.kind.value,
        "gender": speaker.gender.value,
        "gender_evidence": [evidence_to_dict(evidence) for evidence in speaker.gender_evidence],
    }


def speaker_from_dict(data: Mapping[str, Any]) -> Speaker:
    return Speaker(
        name=data["name"],
        role=data.get("role"),
        aliases=tuple(data.get("aliases", ())),
        kind=SpeakerKind(data.get("kind", "unknown")),
        gender_evidence=tuple(evidence_from_dict(item) for item in data.get("gender_evidence", ())),
    )


def quote_to_dict(quote: Quote) -> dict[str, Any]:
    """Every field of ``quote`` as JSON-ready data."""
    return {
        "text": quote.text,
        "start": quote.start,
        "end": quote.end,
        "marks": list(quote.marks),
        "kind": quote.kind.value,
        "speaker": None if quote.speaker is None else speaker_to_dict(quote.speaker),
        "mention": _mention(quote.mention),
        "cue": _mention(quote.cue),
        "outlet": quote.outlet,
        "published": date_to_text(quote.published, quote.published_precision),
        "url": quote.url,
        "confidence": quote.confidence,
        "unbalanced": quote.unbalanced,
        "paragraph": quote.paragraph,
        "source": quote.source,
        "article_id": quote.article_id,
        "published_precision": precision_to_text(quote.published_precision),
        "published_ambiguous": quote.published_ambiguous,
    }


def _mention_from(data: Mapping[str, Any] | None) -> Mention | None:
    if data is None:
        return None
    return Mention(str(data["text"]), int(data["start"]), int(data["end"]))


def quote_from_dict(data: Mapping[str, Any]) -> Quote:
    """The quote that :func:`quote_to_dict` wrote; a clear error for data of the wrong shape."""
    try:
        speaker_data = data.get("speaker")
        # a store that keeps speakers apart hands the Speaker itself
        speaker = (
            speaker_data
            if speaker_data is None or isinstance(speaker_data, Speaker)
            else speaker_from_dict(speaker_data)
        )
        open_mark, close_mark = data.get("marks", ('"', '"'))
        published = data.get("published")
        precision = (
            # a record written before precisions were kept says it in the date's own form
            precision_from_text(published)
            if "published_precision" not in data
            else _precision(data["published_precision"])
        )
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
            published=date_from_text(published),
            url=data.get("url"),
            confidence=float(data.get("confidence", 0.0)),
            unbalanced=bool(data.get("unbalanced", False)),
            paragraph=int(data.get("paragraph", 0)),
            source=data.get("source"),
            article_id=data.get("article_id"),
            published_precision=precision,
            published_ambiguous=bool(data.get("published_ambiguous", False)),
        )
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise InvalidArgumentError(f"not a quote record: {error!r}") from None


def csv_rows(quotes: Iterable[Quote], *, source: str | None = None) -> Iterator[dict[str, Any]]:
    """The flat record of each quote (:func:`~quotebank.io.records.flat_record`); ``source`` replaces the
    quotes' own."""
    return (flat_record(quote, source=source) for quote in quotes)


def quotes_to_jsonl(quotes: Iterable[Quote], *, source: str | None = None) -> str:
    """JSON Lines, one quote a line; ``source`` (a file name, say) stands for the quotes' own when given."""
    lines = []
    for quote in quotes:
        record = quote_to_dict(quote)
        if source is not None:
            record["source"] = source
        lines.append(json.dumps(record, ensure_ascii=False))
    return "".join(line + "\n" for line in lines)


def quotes_to_csv(quotes: Iterable[Quote], *, source: str | None = None, header: bool = True) -> str:
    buffer = io.StringIO()
    write_csv(quotes, buffer, source=source, header=header)
    return buffer.getvalue()


@contextlib.contextmanager
def _opened(target: Target, mode: Literal["r", "w"]) -> Iterator[TextIO]:
    """``target`` itself when it is an open file, else the file at that path, closed afterwards."""
    if isinstance(target, str | PathLike):
        with open(target, mode, encoding="utf-8", newline="") as stream:
            yield stream
    elif hasattr(target, "write" if mode == "w" else "read"):
        yield target
    else:
        raise InvalidArgumentError(f"expected a path or an open text file, not {type(target).__name__}")


@contextlib.contextmanager
def opened_for_writing(target: Target, *, excel: bool = False) -> Iterator[TextIO]:
    """``target`` open for writing text (see :func:`_opened`); with ``excel``, the UTF-8 byte-order mark
    first, which spreadsheet programs need to read the file as UTF-8 rather than their local code page."""
    with _opened(target, "w") as stream:
        if excel:
            stream.write("\ufeff")
        yield stream


def pandas_module(needed_by: str = "to_dataframe") -> Any:
    """The pandas module, or :class:`~quotebank.errors.MissingDependencyError` saying that ``needed_by`` needs
    it and how to install it."""
    try:
        return importlib.import_module("pandas")
    except ImportError:
        raise MissingDependencyError(f"{needed_by} needs pandas: pip install 'quotebank[pandas]'") from None


def write_jsonl(records: Iterable[Mapping[str, Any]], target: Target) -> None:
    """One JSON object a line, to a path or an open text file."""
    with _opened(target, "w") as stream:
        for record in records:
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")


def read_jsonl(source: Target) -> Iterator[dict[str, Any]]:
    """The JSON objects of a JSON Lines file (blank lines skipped); a clear error names a bad line."""
    return (record for _number, record in numbered_jsonl(source))


def numbered_jsonl(source: Target) -> Iterator[tuple[int, dict[str, Any]]]:
    """Each JSON object of a JSON Lines file with its line number (from 1)."""
    with _opened(source, "r") as stream:
        number = 0
        lines = iter(stream)
        while True:
            number += 1
            try:
                line = next(lines)
            except StopIteration:
                break
            except UnicodeDecodeError as error:
                # a damaged or mislabelled file; text is decoded a block at a time, so the bad bytes are
                # at this line or a little after it
                raise InvalidRecordError(
                    f"the file is not UTF-8 text, from line {number} or a little after: {error.reason}"
                ) from None
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except (ValueError, RecursionError) as error:
                # RecursionError: JSON nested deeper than Python's stack
                raise InvalidRecordError(f"line {number} is not JSON: {error}") from None
            if not isinstance(record, dict):
                raise InvalidRecordError(f"line {number} is not a JSON object")
            yield number, record


_MISSING = object()
_MAX_OFFSET = 2**63 - 1
"""The largest offset a record may give: SQLite's largest integer."""


def check_quote_record(record: Mapping[str, Any], line: int) -> None:
    """Raise :class:`~quotebank.errors.InvalidRecordError`, naming ``line`` and the field, unless ``record``
    is a quote that :func:`quote_to_dict` could have written (other fields are ignored): a bank never stores
    what it cannot read back."""
    check = _FieldCheck(line)
    for field in ("text", "start", "end"):
        if field not in record:
            check.fail(field, _MISSING, "")
    check.text("text", record["text"])
    check.offset("start", record["start"])
    check.offset("end", record["end"])
    marks = record.get("marks", ['"', '"'])
    if not isinstance(marks, list | tuple) or len(marks) != 2 or not all(isinstance(m, str) for m in marks):
        check.fail("marks", marks, "two strings, the opening and the closing mark, are wanted")
    kind = record.get("kind", QuoteKind.SENTENCE.value)
    if not isinstance(kind, str) or kind not in _QUOTE_KINDS:
        check.fail("kind", kind, f"one of {', '.join(sorted(_QUOTE_KINDS))} is wanted")
    _check_speaker(record.get("speaker"), check.fail, check.text)
    check.mention("mention", record.get("mention"))
    check.mention("cue", record.get("cue"))
    for field in ("outlet", "url", "source", "article_id"):
        check.text(field, record.get(field), optional=True)
    _check_published(record.get("published"), check.fail)
    check.fraction("confidence", record.get("confidence", 0.0))
    if not isinstance(record.get("unbalanced", False), bool):
        check.fail("unbalanced", record["unbalanced"], "true or false is wanted")
    check.offset("paragraph", record.get("paragraph", 0))


@attrs.frozen
class _FieldCheck:
    """The checks of one record's fields; each failure names the record's line and the field."""

    line: int

    def fail(self, field: str, value: object, wanted: str) -> NoReturn:
        if value is _MISSING:
            raise InvalidRecordError(f"line {self.line}: field {field!r} is missing")
        shown = repr(value) if len(repr(value)) <= 60 else repr(value)[:57] + "..."
        raise InvalidRecordError(f"line {self.line}: field {field!r} is {shown}; {wanted}")

    def text(self, field: str, value: object, *, optional: bool = False) -> None:
        if not (isinstance(value, str) or (optional and value is None)):
            self.fail(field, value, "a string" + (" or null" if optional else "") + " is wanted")

    def offset(self, field: str, value: object) -> None:
        if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= _MAX_OFFSET:
            self.fail(field, value, "a whole number of at least 0 is wanted")

    def fraction(self, field: str, value: object) -> None:
        # the comparison is also false for NaN
        if not isinstance(value, int | float) or isinstance(value, bool) or not 0.0 <= value <= 1.0:
            self.fail(field, value, "a number from 0 to 1 is wanted")

    def mention(self, field: str, value: object) -> None:
        if value is None:
            return
        if not isinstance(value, dict):
            self.fail(field, value, "an object with text, start and end, or null, is wanted")
        for part in ("text", "start", "end"):
            if part not in value:
                self.fail(f"{field}.{part}", _MISSING, "")
        self.text(f"{field}.text", value["text"])
        self.offset(f"{field}.start", value["start"])
        self.offset(f"{field}.end", value["end"])


def check_article_record(record: Mapping[str, Any], line: int) -> None:
    """Like :func:`check_quote_record`, for the record of an article without quotes (``"quotes": 0``)."""
    check = _FieldCheck(line)
    if record.get("quotes") != 0 or isinstance(record.get("quotes"), bool):
        check.fail("quotes", record.get("quotes"), "0 is wanted (a record of an article without quotes)")
    if not isinstance(record.get("article"), str):
        check.fail("article", record.get("article"), "the article's key, a string, is wanted")
    for field in ("outlet", "url"):
        check.text(field, record.get(field), optional=True)
    _check_published(record.get("published"), check.fail)


_QUOTE_KINDS = frozenset(kind.value for kind in QuoteKind)
_SPEAKER_KINDS = frozenset(kind.value for kind in SpeakerKind)
_EVIDENCE_KINDS = frozenset(kind.value for kind in GenderEvidenceKind)
_GENDERS = frozenset(gender.value for gender in Gender)


def _check_speaker(speaker: object, fail: Callable[[str, object, str], NoReturn], text: Any) -> None:
    if speaker is None:
        return
    if not isinstance(speaker, dict):
        fail("speaker", speaker, "an object with a name, or null, is wanted")
    if "name" not in speaker:
        fail("speaker.name", _MISSING, "")
    text("speaker.name", speaker["name"])
    text("speaker.role", speaker.get("role"), optional=True)
    aliases = speaker.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(alias, str) for alias in aliases):
        fail("speaker.aliases", aliases, "a list of strings is wanted")
    kind = speaker.get("kind", SpeakerKind.UNKNOWN.value)
    if not isinstance(kind, str) or kind not in _SPEAKER_KINDS:
        fail("speaker.kind", kind, f"one of {', '.join(sorted(_SPEAKER_KINDS))} is wanted")
    evidence = speaker.get("gender_evidence", [])
    if not isinstance(evidence, list) or not all(_evidence_record(item) for item in evidence):
        fail(
            "speaker.gender_evidence",
            evidence,
            "a list of {kind, gender, words, count} objects with known kinds and genders is wanted",
        )


def _evidence_record(item: object) -> bool:
    if not isinstance(item, dict):
        return False
    words = item.get("words")
    count = item.get("count", 1)
    return (
        item.get("kind") in _EVIDENCE_KINDS
        and item.get("gender") in _GENDERS
        and isinstance(words, list)
        and all(isinstance(word, str) for word in words)
        and isinstance(count, int)
        and not isinstance(count, bool)
        and count >= 1
    )


def _check_published(value: object, fail: Callable[[str, object, str], NoReturn]) -> None:
    if value is None:
        return
    if not isinstance(value, str):
        fail("published", value, "an ISO date or date and time, or null, is wanted")
    try:
        date_from_text(value)
    except ValueError:
        fail("published", value, "an ISO date or date and time, or null, is wanted")


def write_csv(
    quotes: Iterable[Quote],
    target: Target,
    *,
    source: str | None = None,
    header: bool = True,
    excel: bool = False,
) -> None:
    """One row a quote with the columns of :data:`CSV_FIELDS`, to a path or an open text file (see
    :func:`write_csv_records`)."""
    write_csv_records(csv_rows(quotes, source=source), target, header=header, excel=excel)


def write_csv_records(
    records: Iterable[dict[str, Any]], target: Target, *, header: bool = True, excel: bool = False
) -> None:
    """Flat records (:func:`~quotebank.io.records.flat_record`), one a row, to a path or an open text file.

    ``excel`` writes for spreadsheet programs: the UTF-8 byte-order mark first (without it they read the
    file in their local code page, and every accent and curly quote comes out wrong), and only the columns
    that hold something in some row (programs that read the file want the same columns every time: they
    get all of them without ``excel``). A spreadsheet holds about a million rows, so the rows are gathered
    first."""
    fields: Sequence[str] = CSV_FIELDS
    if excel:
        records = list(records)
        fields = _used_fields(records)
    with opened_for_writing(target, excel=excel) as stream:
        writer = csv.DictWriter(stream, fieldnames=fields, lineterminator="\n", extrasaction="ignore")
        if header:
            writer.writeheader()
        writer.writerows(records)


def _used_fields(records: Sequence[dict[str, Any]]) -> list[str]:
    """The columns of :data:`CSV_FIELDS` that hold something in some record."""
    used = {name for row in records for name, value in row.items() if value is not None and value != ""}
    return [name for name in CSV_FIELDS if name in used]


def write_excel(records: Iterable[dict[str, Any]], target: str | PathLike[str]) -> None:
    """Flat records (:func:`~quotebank.io.records.flat_record`) to an Excel workbook with one sheet, one row
    each: the columns of :data:`CSV_FIELDS` that hold something in some row, numbers and booleans typed.
    Needs ``quotebank[excel]`` (openpyxl)."""
    try:
        openpyxl = importlib.import_module("openpyxl")
    except ImportError:
        raise MissingDependencyError("to_excel needs openpyxl: pip install 'quotebank[excel]'") from None
    if not isinstance(target, str | PathLike):
        raise InvalidArgumentError(f"an Excel workbook is written to a path, not {type(target).__name__}")
    rows = list(records)
    fields = _used_fields(rows)
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("quotes")
    sheet.append(fields)
    for row in rows:
        sheet.append([_excel_value(row[name]) for name in fields])
    workbook.save(target)


_EXCEL_TEXT_LIMIT = 32767
"""The most characters an Excel cell holds."""


def _excel_value(value: object) -> object:
    # Excel cells hold no control characters (openpyxl refuses them) and at most 32,767 characters
    if isinstance(value, str):
        cleaned = "".join(ch if ch >= " " or ch in "\t\n" else " " for ch in value)
        return cleaned[:_EXCEL_TEXT_LIMIT]
    return value


def _kinds(cluster: QuoteCluster) -> list[str]:
    """The kinds of a cluster's quotes, each once, in order: direct and reported quotes count apart."""
    return list(dict.fromkeys(quote.kind.value for quote in cluster.quotes))


def cluster_to_dict(cluster: QuoteCluster) -> dict[str, Any]:
    """A cluster with Quotebank's field names, the number of distinct articles and outlets that reported it,
    its outlets, the kinds of its quotes (:class:`~quotebank.values.QuoteKind` values) and its member
    quotes."""
    return {
        "quoteID": cluster.quote_id,
        "quotation": cluster.text,
        "speaker": cluster.speaker_name,
        "date": date_to_text(cluster.first_seen),
        "numOccurrences": cluster.occurrences,
        "numArticles": cluster.article_count,
        "numOutlets": cluster.outlet_count,
        "urls": list(cluster.urls),
        "outlets": list(cluster.outlets),
        "kinds": _kinds(cluster),
        "quotes": [quote_to_dict(quote) for quote in cluster.quotes],
    }


CLUSTER_CSV_FIELDS = (
    "quoteID",
    "quotation",
    "speaker",
    "date",
    "numOccurrences",
    "numArticles",
    "numOutlets",
    "outlets",
    "urls",
    "kinds",
)


def write_cluster_csv(clusters: Iterable[QuoteCluster], target: Target) -> None:
    """One row a cluster; outlets and kinds are separated by ``; ``, urls by spaces."""
    with _opened(target, "w") as stream:
        writer = csv.DictWriter(stream, fieldnames=CLUSTER_CSV_FIELDS, lineterminator="\n")
        writer.writeheader()
        for cluster in clusters:
            record = cluster_to_dict(cluster)
            record["outlets"] = "; ".join(cluster.outlets)
            record["urls"] = " ".join(cluster.urls)
            record["kinds"] = "; ".join(record["kinds"])
            del record["quotes"]
            writer.writerow(record)


def _datetimes(values: Sequence[date | None]) -> pandas.Series:
    """A datetime column: zoned in UTC when every value has a zone, else naive (zoned values in UTC)."""
    pd = pandas_module()
    present = [value for value in values if value is not None]
    zoned = [isinstance(v, datetime) and v.utcoffset() is not None for v in present]
    if present and all(zoned):
        return pd.to_datetime(pd.Series(values, dtype=object), utc=True)
    naive = [None if value is None else datetime.fromisoformat(date_key(value)) for value in values]
    return pd.to_datetime(pd.Series(naive, dtype=object))


PANDAS_TYPES = {
    FieldType.TEXT: "string",
    FieldType.INTEGER: "int64",
    FieldType.FLOAT: "float64",
    FieldType.BOOLEAN: "bool",
    FieldType.CATEGORY: "category",
    FieldType.DATETIME: "datetime64[ns]",
}
"""The pandas type of each type of column."""

_CATEGORIES = {
    "kind": [kind.value for kind in QuoteKind],
    "published_precision": [precision.value for precision in DatePrecision],
}


def table_types() -> dict[str, str]:
    """The pandas type of each column of a quotes table (:data:`~quotebank.io.records.TABLE_FIELDS`)."""
    return {**{name: PANDAS_TYPES[kind] for name, kind in FIELD_TYPES.items()}, "published_text": "string"}


def records_dataframe(records: Iterable[dict[str, Any]]) -> pandas.DataFrame:
    """A DataFrame of typed records (:func:`~quotebank.io.records.typed_record`), one row each, with the
    columns of :data:`~quotebank.io.records.TABLE_FIELDS` and the types of :func:`table_types`, the same
    for every call (a table without rows too): ``kind`` and ``published_precision`` are categories of all
    their values, missing text is ``<NA>``, a missing date ``NaT``."""
    pd = pandas_module()
    columns: dict[str, list[Any]] = {name: [] for name in TABLE_FIELDS}
    for record in records:
        for name, values in columns.items():
            values.append(record[name])
    types: dict[str, Any] = {**table_types(), **{n: pd.CategoricalDtype(v) for n, v in _CATEGORIES.items()}}
    return pd.DataFrame({name: pd.Series(values, dtype=types[name]) for name, values in columns.items()})


def quotes_dataframe(quotes: Iterable[Quote]) -> pandas.DataFrame:
    """A DataFrame, one row a quote: the flat record, typed (:func:`records_dataframe`)."""
    return records_dataframe(typed_record(quote) for quote in quotes)


def clusters_dataframe(clusters: Iterable[QuoteCluster]) -> pandas.DataFrame:
    """A DataFrame, one row a cluster, with Quotebank's column names and ``kinds`` (the kinds of its quotes);
    ``date`` is a datetime column."""
    pd = pandas_module()
    clusters = list(clusters)
    frame = pd.DataFrame(
        {
            "quoteID": [c.quote_id for c in clusters],
            "quotation": [c.text for c in clusters],
            "speaker": [c.speaker_name for c in clusters],
            "numOccurrences": pd.Series([c.occurrences for c in clusters], dtype="int64"),
            "numArticles": pd.Series([c.article_count for c in clusters], dtype="int64"),
            "numOutlets": pd.Series([c.outlet_count for c in clusters], dtype="int64"),
            "outlets": [list(c.outlets) for c in clusters],
            "urls": [list(c.urls) for c in clusters],
            "kinds": [_kinds(c) for c in clusters],
        }
    )
    frame.insert(3, "date", _datetimes([c.first_seen for c in clusters]))
    return frame

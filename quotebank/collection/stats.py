"""Who gets quoted: the speaker table and source-diversity counts of a bank or a list of quotes.

:class:`SpeakerTable` is what ``bank.speakers()`` and ``quotes.speakers()`` give: the speakers, most quoted
first, as a tuple of :class:`~quotebank.collection.registry.SpeakerProfile` that shows as a table in a
notebook and converts to a DataFrame. :class:`SourceStats` is what ``bank.source_stats()`` gives: per
outlet and/or month, how many quotes came from women, men, nonbinary people and people of unknown gender,
and from people, organisations and unnamed sources, direct and reported speech apart.
"""

from __future__ import annotations

import csv
import html
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, overload

import attrs

from quotebank.collection.filters import date_key
from quotebank.collection.registry import SpeakerProfile, SpeakerUsage, merge_speakers
from quotebank.errors import InvalidQueryError
from quotebank.io.export import Target, date_to_text, opened_for_writing, pandas_module
from quotebank.values import Gender, Quote, QuoteKind, Speaker, SpeakerKind

if TYPE_CHECKING:
    import pandas  # type: ignore[import-untyped,unused-ignore]

__all__ = [
    "SPEAKER_COLUMNS",
    "SourceRow",
    "SourceStats",
    "SpeakerTable",
    "source_stats",
    "speaker_table",
]

SPEAKER_COLUMNS = (
    "name",
    "kind",
    "gender",
    "roles",
    "quotes",
    "articles",
    "outlets",
    "first_seen",
    "last_seen",
)
_GROUPINGS = frozenset({"outlet", "month"})
_HTML_ROWS = 30
_STYLE = "text-align:left;vertical-align:top"


def _table_html(caption: str, header: Sequence[str], rows: Sequence[Sequence[str]], total: int) -> str:
    head = "".join(f'<th style="{_STYLE}">{html.escape(name)}</th>' for name in header)
    body = "".join(
        "<tr>" + "".join(f'<td style="{_STYLE}">{html.escape(cell)}</td>' for cell in row) + "</tr>"
        for row in rows
    )
    if total > len(rows):
        body += f'<tr><td colspan="{len(header)}" style="{_STYLE}">… {total - len(rows):,} more …</td></tr>'
    return f"<p>{html.escape(caption)}</p><table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


class SpeakerTable(tuple[SpeakerProfile, ...]):
    """The speakers of a bank or of a list of quotes, most quoted first: a tuple of
    :class:`~quotebank.collection.registry.SpeakerProfile` with a table view (:data:`SPEAKER_COLUMNS`)."""

    __slots__ = ()

    def __new__(cls, profiles: Iterable[SpeakerProfile] = ()) -> SpeakerTable:
        return super().__new__(cls, profiles)

    def rows(self) -> list[dict[str, Any]]:
        """One dictionary a speaker, with the columns of :data:`SPEAKER_COLUMNS`."""
        return [
            {
                "name": profile.name,
                "kind": profile.kind.value,
                "gender": profile.gender.value,
                "roles": profile.roles,
                "quotes": profile.quote_count,
                "articles": profile.article_count,
                "outlets": profile.outlets,
                "first_seen": profile.first_seen,
                "last_seen": profile.last_seen,
            }
            for profile in self
        ]

    def to_dataframe(self) -> pandas.DataFrame:
        """A pandas DataFrame, one row a speaker (needs ``quotebank[pandas]``): ``kind`` and ``gender`` are
        categories, ``roles`` and ``outlets`` lists, the dates datetimes."""
        pd = pandas_module()
        frame = pd.DataFrame.from_records(self.rows(), columns=list(SPEAKER_COLUMNS))
        for column in ("roles", "outlets"):
            frame[column] = [list(values) for values in frame[column]]
        return frame.astype(
            {
                "kind": pd.CategoricalDtype([kind.value for kind in SpeakerKind]),
                "gender": pd.CategoricalDtype([gender.value for gender in Gender]),
                "quotes": "int64",
                "articles": "int64",
            }
        ).assign(
            first_seen=pd.to_datetime(pd.Series([_day(p.first_seen) for p in self], dtype=object)),
            last_seen=pd.to_datetime(pd.Series([_day(p.last_seen) for p in self], dtype=object)),
        )

    def to_csv(self, target: Target, *, excel: bool = False) -> None:
        """One row a speaker; roles and outlets joined by ``; ``. ``excel`` writes the byte-order mark
        that tells spreadsheet programs the file is UTF-8."""
        with opened_for_writing(target, excel=excel) as stream:
            writer = csv.DictWriter(stream, fieldnames=SPEAKER_COLUMNS, lineterminator="\n")
            writer.writeheader()
            for row in self.rows():
                writer.writerow(
                    {
                        **row,
                        "roles": "; ".join(row["roles"]),
                        "outlets": "; ".join(row["outlets"]),
                        "first_seen": date_to_text(row["first_seen"]),
                        "last_seen": date_to_text(row["last_seen"]),
                    }
                )

    def _cells(self, profile: SpeakerProfile) -> list[str]:
        dates = " – ".join(dict.fromkeys(_text(d) for d in (profile.first_seen, profile.last_seen) if d))
        gender = profile.gender.value + (" (conflicting)" if profile.gender_conflicting else "")
        return [
            profile.name,
            profile.kind.value,
            gender if profile.kind is SpeakerKind.PERSON else "",
            "; ".join(profile.roles),
            str(profile.quote_count),
            str(profile.article_count),
            ", ".join(profile.outlets),
            dates,
        ]

    def _repr_html_(self) -> str:
        header = ("name", "kind", "gender", "roles", "quotes", "articles", "outlets", "dates")
        caption = f"{len(self):,} speaker{'s' if len(self) != 1 else ''}"
        return _table_html(caption, header, [self._cells(p) for p in self[:_HTML_ROWS]], len(self))

    def __repr__(self) -> str:
        shown = ", ".join(
            f"{p.name} ({p.kind.value}{', ' + p.gender.value if p.kind is SpeakerKind.PERSON else ''}, "
            f"{p.quote_count} quote{'s' if p.quote_count != 1 else ''})"
            for p in self[:10]
        )
        more = f", … {len(self) - 10} more" if len(self) > 10 else ""
        return f"SpeakerTable([{shown}{more}])"


def _day(value: date | None) -> str | None:
    return None if value is None else date_key(value)[:10]


def _text(value: date | None) -> str:
    return (date_to_text(value) or "")[:10]


def _article_of(quote: Quote) -> tuple[object, ...]:
    """What tells a quote's article apart in a plain list of quotes (which keeps no article key)."""
    return (quote.url, quote.source, quote.article_id, quote.outlet, quote.published)


def speaker_table(quotes: Iterable[Quote]) -> SpeakerTable:
    """The speakers of ``quotes``, merged across articles as a bank merges them."""
    counts: dict[Speaker, list[Quote]] = {}
    for quote in quotes:
        if quote.speaker is not None:
            counts.setdefault(quote.speaker, []).append(quote)
    usages = []
    for speaker, said in counts.items():
        dates = sorted((q.published for q in said if q.published is not None), key=date_key)
        usages.append(
            SpeakerUsage(
                speaker,
                len(said),
                frozenset(q.outlet for q in said if q.outlet is not None),
                dates[0] if dates else None,
                dates[-1] if dates else None,
                len({_article_of(q) for q in said}),
            )
        )
    return SpeakerTable(merge_speakers(usages))


@attrs.frozen
class SourceRow:
    """The quotes of one group (an outlet, a month, or both; direct or reported speech), counted by who said
    them. The gender counts are of quotes by people; ``unattributed`` quotes have no speaker."""

    outlet: str | None
    month: str | None
    """``2026-03``; ``None`` for undated quotes (or when the grouping is not by month)."""
    reported: bool
    """Whether these are reported speech (:attr:`QuoteKind.REPORTED <quotebank.values.QuoteKind>`)."""
    quotes: int = 0
    female: int = 0
    male: int = 0
    nonbinary: int = 0
    gender_unknown: int = 0
    organisation: int = 0
    unnamed: int = 0
    other_source: int = 0
    """Quotes of speakers of unknown kind (a surname alone, a statement)."""
    unattributed: int = 0

    @property
    def people(self) -> int:
        return self.female + self.male + self.nonbinary + self.gender_unknown

    def _of_gendered(self, count: int) -> float | None:
        known = self.female + self.male + self.nonbinary
        return count / known if known else None

    @property
    def share_female(self) -> float | None:
        """The share of women among the quotes of people whose gender is known (``None``: none is)."""
        return self._of_gendered(self.female)

    @property
    def share_male(self) -> float | None:
        return self._of_gendered(self.male)

    @property
    def share_nonbinary(self) -> float | None:
        return self._of_gendered(self.nonbinary)

    def share_of_quotes(self, count: int) -> float | None:
        return count / self.quotes if self.quotes else None

    def record(self) -> dict[str, Any]:
        """Every count and share, by name (the columns of :attr:`SourceStats.columns`)."""
        return {
            "outlet": self.outlet,
            "month": self.month,
            "speech": "reported" if self.reported else "direct",
            "quotes": self.quotes,
            "people": self.people,
            "female": self.female,
            "male": self.male,
            "nonbinary": self.nonbinary,
            "gender_unknown": self.gender_unknown,
            "organisation": self.organisation,
            "unnamed": self.unnamed,
            "other_source": self.other_source,
            "unattributed": self.unattributed,
            "share_female": self.share_female,
            "share_male": self.share_male,
            "share_nonbinary": self.share_nonbinary,
            "share_people": self.share_of_quotes(self.people),
            "share_organisation": self.share_of_quotes(self.organisation),
            "share_unnamed": self.share_of_quotes(self.unnamed),
        }


_GENDER_FIELD = {
    Gender.FEMALE: "female",
    Gender.MALE: "male",
    Gender.NONBINARY: "nonbinary",
    Gender.UNKNOWN: "gender_unknown",
}
_KIND_FIELD = {SpeakerKind.ORGANISATION: "organisation", SpeakerKind.UNNAMED: "unnamed"}


@attrs.frozen(repr=False)
class SourceStats(Sequence[SourceRow]):
    """Source-diversity counts, one :class:`SourceRow` a group, in order of the grouping (undated last);
    ``by`` names the grouping (``("outlet",)``, ``("month",)``, both, or ``()`` for one row of totals)."""

    rows: tuple[SourceRow, ...]
    by: tuple[str, ...]

    def __len__(self) -> int:
        return len(self.rows)

    @overload
    def __getitem__(self, index: int) -> SourceRow: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[SourceRow]: ...

    def __getitem__(self, index: int | slice) -> SourceRow | Sequence[SourceRow]:
        return self.rows[index]

    @property
    def columns(self) -> tuple[str, ...]:
        """The grouping's columns, then every count and share."""
        every = tuple(SourceRow(None, None, reported=False).record())
        return tuple(name for name in every if name in self.by or name not in _GROUPINGS)

    def records(self) -> list[dict[str, Any]]:
        return [{name: row.record()[name] for name in self.columns} for row in self.rows]

    def to_dataframe(self) -> pandas.DataFrame:
        """A pandas DataFrame with the columns of :attr:`columns` (needs ``quotebank[pandas]``)."""
        pd = pandas_module()
        frame = pd.DataFrame.from_records(self.records(), columns=list(self.columns))
        shares = [name for name in self.columns if name.startswith("share_")]
        return frame.astype(dict.fromkeys(shares, "float64"))

    def to_csv(self, target: Target, *, excel: bool = False) -> None:
        """One CSV row a group, with the columns of :attr:`columns` (shares as fractions); ``excel`` writes
        the byte-order mark that tells spreadsheet programs the file is UTF-8."""
        with opened_for_writing(target, excel=excel) as stream:
            writer = csv.DictWriter(stream, fieldnames=self.columns, lineterminator="\n")
            writer.writeheader()
            writer.writerows(self.records())

    def text_table(self) -> str:
        """The groups as an aligned plain-text table: counts, and the share of women as a percentage."""
        shown = [name for name in self.columns if not name.startswith("share_") or name == "share_female"]
        cells = [[_cell(record[name], name) for name in shown] for record in self.records()]
        widths = [max([len(name), *(len(row[i]) for row in cells)]) for i, name in enumerate(shown)]
        lines = ["  ".join(name.ljust(width) for name, width in zip(shown, widths, strict=True)).rstrip()]
        lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in cells]
        return "\n".join(lines) + "\n"

    def _repr_html_(self) -> str:
        grouping = " and ".join(self.by) or "nothing"
        caption = f"Sources by {grouping}: {len(self):,} row{'s' if len(self) != 1 else ''}"
        rows = [
            [_cell(value, name) for name, value in record.items()] for record in self.records()[:_HTML_ROWS]
        ]
        return _table_html(caption, self.columns, rows, len(self))

    def __repr__(self) -> str:
        return f"SourceStats(by={self.by!r}, {len(self)} rows)\n{self.text_table()}"


_MISSING_GROUP = {"outlet": "(no outlet)", "month": "(undated)"}
"""How a table shows the group of quotes without an outlet or a date (a blank cell looked like a fault)."""


def _cell(value: object, column: str) -> str:
    if value is None:
        return _MISSING_GROUP.get(column, "")
    if isinstance(value, float):
        return f"{value:.1%}"
    return str(value)


def _grouping(by: str | Sequence[str] | None) -> tuple[str, ...]:
    if by is not None and not isinstance(by, str | Sequence):
        raise InvalidQueryError(f"by must be 'outlet', 'month', both or None, not {by!r}")
    names = (by,) if isinstance(by, str) else tuple(by) if by is not None else ()
    unknown = [name for name in names if name not in _GROUPINGS]
    if unknown or not all(isinstance(name, str) for name in names):
        raise InvalidQueryError(f"by must be 'outlet', 'month', both or None, not {by!r}")
    return tuple(name for name in ("outlet", "month") if name in names)


def source_stats(
    quotes: Iterable[Quote],
    *,
    by: str | Sequence[str] | None = "outlet",
    person: Callable[[Speaker], Speaker] = lambda speaker: speaker,
) -> SourceStats:
    """Count ``quotes`` by who said them, per group of ``by``; ``person`` gives the speaker whose gender and
    kind count (in a bank: the person merged across articles, whose evidence is every article's)."""
    grouping = _grouping(by)
    counts: dict[tuple[str | None, str | None, bool], dict[str, int]] = {}
    for quote in quotes:
        outlet = quote.outlet if "outlet" in grouping else None
        month = _month(quote.published) if "month" in grouping else None
        row = counts.setdefault((outlet, month, quote.kind is QuoteKind.REPORTED), {})
        row["quotes"] = row.get("quotes", 0) + 1
        field = _source_field(None if quote.speaker is None else person(quote.speaker))
        row[field] = row.get(field, 0) + 1
    ordered = sorted(
        counts.items(),
        key=lambda item: (
            item[0][0] is None,
            item[0][0] or "",
            item[0][1] is None,
            item[0][1] or "",
            item[0][2],
        ),
    )
    return SourceStats(
        tuple(SourceRow(outlet, month, reported, **fields) for (outlet, month, reported), fields in ordered),
        grouping,
    )


def _month(value: date | None) -> str | None:
    return None if value is None else f"{value.year:04d}-{value.month:02d}"


def _source_field(speaker: Speaker | None) -> str:
    if speaker is None:
        return "unattributed"
    if speaker.kind is SpeakerKind.PERSON:
        return _GENDER_FIELD[speaker.gender]
    return _KIND_FIELD.get(speaker.kind, "other_source")

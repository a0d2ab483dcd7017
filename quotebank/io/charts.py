"""Charts of who gets quoted, on matplotlib (``pip install 'quotebank[charts]'``).

Each function returns a :class:`matplotlib.figure.Figure` made without pyplot, so that it works with any
backend, headless included (a notebook shows it; ``figure.savefig("chart.png")`` writes it). The bank has a
method for each: :meth:`QuoteBank.chart_women_share <quotebank.collection.bank.QuoteBank.chart_women_share>`,
:meth:`~quotebank.collection.bank.QuoteBank.chart_top_speakers` and
:meth:`~quotebank.collection.bank.QuoteBank.chart_cluster_timeline`.
"""

from __future__ import annotations

import functools
import importlib
import io
from collections.abc import Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from quotebank.collection.clusters import QuoteCluster
from quotebank.collection.filters import date_key
from quotebank.collection.registry import SpeakerProfile
from quotebank.collection.stats import SourceStats
from quotebank.errors import InvalidArgumentError, MissingDependencyError
from quotebank.values import Gender, SpeakerKind

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["cluster_timeline_chart", "top_speakers_chart", "women_share_chart"]

_COLOURS = {
    Gender.FEMALE: "#c0392b",
    Gender.MALE: "#2c7fb8",
    Gender.NONBINARY: "#8e44ad",
    Gender.UNKNOWN: "#95a5a6",
}
_OTHER_SOURCE = "#7f8c8d"
_WIDTH = 7.0
_ROW_INCHES = 0.35
_MIN_HEIGHT = 2.5
_NOTEBOOK_DPI = 80


@functools.cache
def _chart_class() -> type[Figure]:
    """A matplotlib figure that a notebook shows as a picture without pyplot (whose inline display is set up
    only once pyplot is imported)."""
    try:
        module = importlib.import_module("matplotlib.figure")
    except ImportError:
        raise MissingDependencyError("charts need matplotlib: pip install 'quotebank[charts]'") from None

    class Chart(module.Figure):  # type: ignore[misc,name-defined]
        def _repr_png_(self) -> bytes:
            buffer = io.BytesIO()
            self.savefig(buffer, format="png", dpi=_NOTEBOOK_DPI)
            return buffer.getvalue()

    chart: type[Figure] = Chart
    return chart


def _figure(height: float) -> Figure:
    return _chart_class()(figsize=(_WIDTH, max(_MIN_HEIGHT, height)), layout="constrained")


def women_share_chart(stats: SourceStats) -> Figure:
    """The share of women among the quotes of people of known gender: a bar per outlet (``stats`` by
    outlet), a line over the months (by month), or a line per outlet over the months (by both). Direct and
    reported speech count together; a group without people of known gender is left out."""
    totals: dict[tuple[str | None, str | None], list[int]] = {}
    for row in stats:
        known = totals.setdefault((row.outlet, row.month), [0, 0])
        known[0] += row.female
        known[1] += row.female + row.male + row.nonbinary
    shares = {key: female / known for key, (female, known) in totals.items() if known}
    if "month" not in stats.by:
        labels = [outlet or "(no outlet)" for outlet, _month in shares]
        figure = _figure(_ROW_INCHES * len(labels) + 1.2)
        axes = figure.subplots()
        axes.barh(labels, list(shares.values()), color=_COLOURS[Gender.FEMALE])
        axes.invert_yaxis()
        axes.set_xlim(0, 1)
        axes.set_xlabel("share of women among people quoted (quotes)")
    else:
        figure = _figure(4.0)
        axes = figure.subplots()
        outlets = sorted({outlet for outlet, _month in shares}, key=lambda o: o or "")
        for outlet in outlets:
            points = sorted((month, share) for (o, month), share in shares.items() if o == outlet and month)
            axes.plot(
                _numbers([datetime.strptime(month, "%Y-%m") for month, _share in points]),
                [share for _month, share in points],
                marker="o",
                label=outlet or "all outlets",
            )
        dates = importlib.import_module("matplotlib.dates")
        axes.xaxis.set_major_locator(dates.MonthLocator())
        axes.xaxis.set_major_formatter(dates.DateFormatter("%Y-%m"))
        figure.autofmt_xdate()
        axes.set_ylim(0, 1)
        axes.set_ylabel("share of women quoted")
        if len(outlets) > 1 or outlets != [None]:
            axes.legend(loc="best", fontsize="small")
    (axes.yaxis if "month" in stats.by else axes.xaxis).grid(visible=True, alpha=0.3)
    axes.set_title("Who gets quoted: women's share")
    return figure


def top_speakers_chart(profiles: Sequence[SpeakerProfile], *, limit: int = 15) -> Figure:
    """The ``limit`` most quoted speakers, a bar each, coloured by gender (grey for organisations and
    unnamed sources)."""
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
        raise InvalidArgumentError(f"limit must be a whole number of at least 1, not {limit!r}")
    shown = list(profiles[:limit])
    figure = _figure(_ROW_INCHES * len(shown) + 1.2)
    axes = figure.subplots()
    colours = [_COLOURS[p.gender] if p.kind is SpeakerKind.PERSON else _OTHER_SOURCE for p in shown]
    axes.barh([p.name for p in shown], [p.quote_count for p in shown], color=colours)
    axes.invert_yaxis()
    axes.set_xlabel("quotes")
    axes.set_title(f"Top {len(shown)} speakers")
    present = {p.gender if p.kind is SpeakerKind.PERSON else None for p in shown}
    handles = [_patch(colour, gender.value) for gender, colour in _COLOURS.items() if gender in present] + (
        [_patch(_OTHER_SOURCE, "not a person")] if None in present else []
    )
    if handles:
        axes.legend(handles=handles, loc="lower right", fontsize="small")
    return figure


def _patch(colour: str, label: str) -> Any:
    patches = importlib.import_module("matplotlib.patches")
    return patches.Patch(color=colour, label=label)


def cluster_timeline_chart(cluster: QuoteCluster) -> Figure:
    """Who reported a quotation when: a point per report, an outlet a row, the first report marked."""
    dated = sorted(
        ((quote.published, quote.outlet or "(no outlet)") for quote in cluster.quotes if quote.published),
        key=lambda item: date_key(item[0]),
    )
    outlets = list(dict.fromkeys(outlet for _day, outlet in dated))
    figure = _figure(_ROW_INCHES * len(outlets) + 1.6)
    axes = figure.subplots()
    days = _numbers([_plain(day) for day, _outlet in dated])
    axes.scatter(
        days, [outlets.index(outlet) for _day, outlet in dated], color=_COLOURS[Gender.MALE], zorder=2
    )
    if dated:
        axes.scatter([days[0]], [0], s=160, facecolors="none", edgecolors=_COLOURS[Gender.FEMALE], zorder=3)
        axes.annotate("first", (days[0], 0), textcoords="offset points", xytext=(8, 6), fontsize="small")
    axes.set_yticks(range(len(outlets)), outlets)
    axes.invert_yaxis()
    axes.xaxis_date()
    axes.xaxis.grid(visible=True, alpha=0.3)
    text = cluster.text if len(cluster.text) <= 60 else cluster.text[:59] + "…"
    axes.set_title(f"{cluster.speaker_name or 'unattributed'}: “{text}”", fontsize="medium")
    figure.autofmt_xdate()
    return figure


def _numbers(times: Sequence[datetime]) -> list[float]:
    """Times as matplotlib's date numbers (days since its epoch), for an axis that shows dates."""
    dates = importlib.import_module("matplotlib.dates")
    return [float(number) for number in dates.date2num(list(times))]


def _plain(value: date) -> datetime:
    """A date or a zoned time as a naive time, which matplotlib places on one axis with the others."""
    if isinstance(value, datetime):
        return datetime.fromisoformat(date_key(value)[:19])
    return datetime(value.year, value.month, value.day)

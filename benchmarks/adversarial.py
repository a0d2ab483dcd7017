"""Hostile texts: what quotebank must survive in time linear in the length, with a valid result.

Each builder makes a text of exactly the size asked for, so a test can compare a size and ten times that
size. ``python -m benchmarks.adversarial`` builds every text at the size the robustness promise names
(a million quotation marks in a row, 10 MB on one line, …), times ``extract`` on it and on a tenth of it,
and prints the growth; ``--out DIR`` also writes the texts to files, for other tools.
"""

from __future__ import annotations

import argparse
import functools
import gc
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import quotebank

__all__ = [
    "FULL_SIZES",
    "HOSTILE",
    "MARK_CHARACTERS",
    "MARK_PATTERNS",
    "SPECIAL",
    "build",
    "growth",
    "seconds",
]


def _repeat(unit: str, size: int) -> str:
    """``unit`` repeated and cut to exactly ``size`` characters."""
    return (unit * (size // len(unit) + 1))[:size]


def _marks_in_a_row(size: int) -> str:
    return '"' * size


def _one_line_without_marks(size: int) -> str:
    return _repeat("The delegations met again on Tuesday and said nothing of note about it ", size)


def _unbalanced_openings(size: int) -> str:
    return _repeat("“Never closed, said Lopez. ", size)


def _alternating_styles(size: int) -> str:
    return _repeat("\"a” ‘b' «c“ „d» ‹e› 'f’ ", size)


def _nested_quotes(size: int) -> str:
    depth = size // 4
    return _repeat("“‘", depth) + "deep" + _repeat("’”", size - depth - 4)


def _one_long_quote(size: int) -> str:
    inner = size - len('"" Maria Lopez said.')
    return (
        '"' + _repeat("We will keep working on this, and we will not stop. ", inner) + '" Maria Lopez said.'
    )


def _short_paragraphs(size: int) -> str:
    return _repeat('"Yes," he said.\n', size)


def _control_characters(size: int) -> str:
    controls = "".join(chr(code) for code in (*range(32), 127, *range(0x80, 0xA0)))
    return _repeat(controls + '"said\x00"' + "\u2028\u2029\ufeff", size)


def _right_to_left(size: int) -> str:
    # Arabic and Hebrew with right-to-left marks (U+200F) between them
    return _repeat('«قال الرئيس» \u200f"שלום", אמר השר.\u200f\n', size)


def _cjk(size: int) -> str:
    return _repeat("“我们会继续努力，”外交部发言人说。「日本語」『引用』\n", size)


def _combining(size: int) -> str:
    return _repeat('"e\u0301\u0302\u0303\u0304 Zalgo\u0336\u0337," said Ze\u0301lia\u0308.\n', size)


def _emoji(size: int) -> str:
    return _repeat('"👍🏽 we won 🎉," 👩‍👩‍👧‍👦 said. 🇺🇦 ', size)


def _boilerplate_lines(size: int) -> str:
    # lines that look like a byline, a date line, a list item and a dateline, each as long as a chapter
    unit = max(size // 4, 1)
    lines = (
        "By " + _repeat("Anna Berg and ", unit),
        "- Published: " + _repeat("05 February 2026 10:30 | ", unit),
        "- " + _repeat("World Europe Politics ", unit),
        "KYIV (Reuters) - " + _repeat("“Kyiv - ", unit),
    )
    return "\n".join(lines)[:size]


def _apostrophes(size: int) -> str:
    return _repeat("rock 'n' roll in the '90s, Ukraine's and the Russians' 'em 'til ", size)


def _whitespace(size: int) -> str:
    return _repeat(" \t\n\r\n\u00a0\u2003\u2028 \f\v", size)


MARK_CHARACTERS = ('"', "'", "“", "”", "‘", "’", "«", "»", "„", "‟", "‹", "›", "‚", "''")
"""Every quotation mark the span scanner reads (``''`` is two apostrophes standing for a double mark)."""

MARK_PATTERNS: dict[str, Callable[[str], str]] = {
    "run": lambda mark: mark,
    "between-letters": lambda mark: mark + "a",
    "spaced": lambda mark: mark + " ",
    "opening": lambda mark: " " + mark + "ab",
    "closing": lambda mark: "ab" + mark + " ",
    "quoted-and-said": lambda mark: mark + "Yes" + mark + " said Ann Lee's aide. ",
    "paragraphs": lambda mark: mark + "\n",
}
"""How one mark repeats in the texts built for it: in a row, between letters (an apostrophe inside a
word), between spaces, after a space and before a word (opening), after a word and before a space
(closing), around a word with a speaker, and one to a paragraph."""


def _mark_text(mark: str, pattern: str) -> Callable[[int], str]:
    unit = MARK_PATTERNS[pattern](mark)
    return lambda size: _repeat(unit, size)


def _every_mark(size: int) -> str:
    return _repeat("".join(MARK_CHARACTERS), size)


def _every_mark_spaced(size: int) -> str:
    return _repeat(" ".join(MARK_CHARACTERS) + " ", size)


def _every_mark_around_words(size: int) -> str:
    return _repeat("".join(f"{mark}ab{mark}cd " for mark in MARK_CHARACTERS), size)


def _one_word(size: int) -> str:
    return "a" * size


def _capitalised_words(size: int) -> str:
    return _repeat("Ab ", size)


def _spaces(size: int) -> str:
    return " " * size


def _newlines(size: int) -> str:
    return "\n" * size


def _possessives(size: int) -> str:
    return _repeat('"x" said \'s ', size)


SPECIAL: dict[str, Callable[[int], str]] = {
    **{
        f"{pattern}:{mark}": _mark_text(mark, pattern)
        for mark in MARK_CHARACTERS
        for pattern in MARK_PATTERNS
    },
    "every-mark-in-a-row": _every_mark,
    "every-mark-spaced": _every_mark_spaced,
    "every-mark-around-words": _every_mark_around_words,
    "one-word": _one_word,
    "capitalised-words": _capitalised_words,
    "spaces": _spaces,
    "newlines": _newlines,
    "possessives-without-a-name": _possessives,
}
"""Texts made of the characters the span scanner treats specially, each mark in every pattern of
:data:`MARK_PATTERNS`, and runs of letters, spaces and newlines; by name (``run:’``, ``spaced:«``, …)."""

HOSTILE: dict[str, Callable[[int], str]] = {
    "marks-in-a-row": _marks_in_a_row,
    "one-line-without-marks": _one_line_without_marks,
    "unbalanced-openings": _unbalanced_openings,
    "alternating-styles": _alternating_styles,
    "nested-quotes": _nested_quotes,
    "one-long-quote": _one_long_quote,
    "short-paragraphs": _short_paragraphs,
    "control-characters": _control_characters,
    "right-to-left": _right_to_left,
    "cjk": _cjk,
    "combining": _combining,
    "emoji": _emoji,
    "boilerplate-lines": _boilerplate_lines,
    "apostrophes": _apostrophes,
    "whitespace": _whitespace,
    **SPECIAL,
}
"""Builders of hostile texts by name: each takes a size in characters and returns a text of that size."""

# the sizes of the robustness promise: 1,000,000 marks in a row, 10 MB on one line, 100,000 unbalanced
# opening marks, a quotation 1 MB long, 100,000 short paragraphs; 1 MB for the others
_MEGA = 1_000_000
FULL_SIZES: dict[str, int] = {
    "marks-in-a-row": _MEGA,
    "one-line-without-marks": 10 * _MEGA,
    "unbalanced-openings": 100_000 * len("“Never closed, said Lopez. "),
    "one-long-quote": _MEGA,
    "short-paragraphs": 100_000 * len('"Yes," he said.\n'),
}


def build(name: str, size: int) -> str:
    """The hostile text ``name`` at ``size`` characters."""
    return HOSTILE[name](size)


def seconds(function: Callable[[], object], repeat: int = 3, *, pause_gc: bool = True) -> float:
    """The least CPU time of ``repeat`` runs of ``function``, by default with the garbage collector paused
    (less noise when comparing two sizes).

    CPU time of this process, not wall-clock time: other processes on the machine then hardly matter.
    """
    best = float("inf")
    enabled = gc.isenabled()
    if pause_gc:
        gc.disable()
    try:
        for _ in range(repeat):
            started = time.process_time()
            function()
            best = min(best, time.process_time() - started)
    finally:
        if enabled:
            gc.enable()
    return best


MAX_GROWTH = 11
"""The most time ten times a text may take, as a multiple of the time for the text: linear is 10."""
_PAIRS = 3


def growth(
    small: Callable[[], object], large: Callable[[], object], pairs: int = _PAIRS
) -> tuple[float, float]:
    """How many times as long ``large`` takes as ``small``, and the CPU time of ``large``: the median of the
    ratios of ``pairs`` runs of each, one after the other. On a machine that others share, the CPU time of
    the same work drifts with their load by more than a linear pass differs from a quadratic one at small
    sizes (runs of a tenth measured 1.5 s to 2.6 s within minutes); a pair is timed under the same load, and
    the median leaves out the pair a burst of load fell on. The least of the small runs set against the least
    of the large ones took the luckiest small run against an ordinary large one (14.5 from pairs of 9.0, 17.1
    and 10.8)."""
    ratios, larges = [], []
    for _ in range(pairs):
        small_seconds = seconds(small, repeat=1)
        large_seconds = seconds(large, repeat=1)
        ratios.append(large_seconds / max(small_seconds, 1e-9))
        larges.append(large_seconds)
    return statistics.median(ratios), min(larges)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every size by this")
    parser.add_argument("--out", type=Path, help="also write each text to DIR/NAME.txt")
    parser.add_argument(
        "names",
        nargs="*",
        help="which texts (default: all): "
        f"{', '.join(name for name in HOSTILE if name not in SPECIAL)}, "
        f"{', '.join(name for name in SPECIAL if ':' not in name)}, "
        f"and PATTERN:MARK for PATTERN in {', '.join(MARK_PATTERNS)} and MARK in {' '.join(MARK_CHARACTERS)}",
    )
    options = parser.parse_args(argv)
    unknown = [name for name in options.names if name not in HOSTILE]
    if unknown:
        parser.error(f"unknown texts: {', '.join(unknown)}")
    print(f"{'text':<26} {'chars':>11} {'CPU s':>9} {'chars/s':>12} {'quotes':>8} {'growth x10':>10}")
    worst = (0.0, "")
    for name in options.names or HOSTILE:
        size = int(FULL_SIZES.get(name, _MEGA) * options.scale)
        text = build(name, size)
        if options.out is not None:
            options.out.mkdir(parents=True, exist_ok=True)
            (options.out / f"{name}.txt").write_text(text, encoding="utf-8")
        tenth = build(name, size // 10)
        found: list[quotebank.QuoteList] = []

        def run(text: str = text, found: list[quotebank.QuoteList] = found) -> None:
            found[:] = [quotebank.extract(text)]

        times, large = growth(functools.partial(quotebank.extract, tenth), run)
        worst = max(worst, (times, name))
        flag = "  !" if times > MAX_GROWTH else ""
        print(
            f"{name:<26} {size:>11,} {large:>9.2f} {size / max(large, 1e-9):>12,.0f} {len(found[0]):>8,} "
            f"{times:>10.1f}{flag}",
            flush=True,
        )
    print(f"largest growth: {worst[0]:.1f} ({worst[1]}); at most {MAX_GROWTH} is linear")
    return 1 if worst[0] > MAX_GROWTH else 0


if __name__ == "__main__":
    raise SystemExit(main())

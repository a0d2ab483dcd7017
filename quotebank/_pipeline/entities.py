"""HTML character references in plain text: ``&ldquo;``, ``&quot;``, ``&#8220;``, ``&amp;``, ``&nbsp;``…

Text copied out of a web page's source often keeps them. The pipeline reads the decoded text, so that
``&ldquo;…&rdquo;`` is a quotation and ``Jane&nbsp;Doe`` a name, and every offset it finds is mapped back to
the string the caller passed: a quote's ``start`` and ``end`` index that string, and its ``text`` is the
slice with its references decoded, ``unescape(text[quote.start:quote.end]) == quote.text``. Only complete
references (with their ``;``) are read: ``AT&T`` and ``&copy 2026`` stay as they are.
"""

from __future__ import annotations

import bisect
import html

import attrs
import regex

__all__ = ["EntityMap", "unescape"]

_REFERENCE = regex.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def unescape(text: str) -> str:
    """``text`` with every complete character reference decoded (``&amp;`` -> ``&``); unknown names stay."""
    if "&" not in text:
        return text
    return _REFERENCE.sub(_decoded, text)


def _decoded(match: regex.Match[str]) -> str:
    return html.unescape(match.group())


@attrs.frozen
class EntityMap:
    """The decoded form of a text and the way back from its offsets to the text's own.

    ``raw`` and ``decoded`` hold, for each reference, where it starts and ends in each string, in order;
    between two references both strings hold the same characters.
    """

    text: str
    decoded: str
    raw_starts: tuple[int, ...]
    raw_ends: tuple[int, ...]
    decoded_starts: tuple[int, ...]
    decoded_ends: tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> EntityMap | None:
        """The map of ``text``, or ``None`` when it has no character reference to decode."""
        if "&" not in text:
            return None
        pieces: list[str] = []
        raw_starts: list[int] = []
        raw_ends: list[int] = []
        decoded_starts: list[int] = []
        decoded_ends: list[int] = []
        copied = 0  # how far text has been copied into pieces
        length = 0  # the length of the decoded text so far
        for match in _REFERENCE.finditer(text):
            replacement = html.unescape(match.group())
            if replacement == match.group():
                continue  # an unknown name: text, not a reference
            pieces.append(text[copied : match.start()])
            length += match.start() - copied
            raw_starts.append(match.start())
            raw_ends.append(match.end())
            decoded_starts.append(length)
            pieces.append(replacement)
            length += len(replacement)
            decoded_ends.append(length)
            copied = match.end()
        if not raw_starts:
            return None
        pieces.append(text[copied:])
        return cls(
            text,
            "".join(pieces),
            tuple(raw_starts),
            tuple(raw_ends),
            tuple(decoded_starts),
            tuple(decoded_ends),
        )

    def to_decoded(self, position: int) -> int:
        """The decoded offset of a raw offset that is not inside a reference."""
        index = bisect.bisect_right(self.raw_ends, position) - 1
        if index < 0:
            return position
        return self.decoded_ends[index] + position - self.raw_ends[index]

    def to_raw_start(self, position: int) -> int:
        """The raw offset of a decoded offset where a stretch starts: a reference's first character is the
        reference's ``&``."""
        index = bisect.bisect_right(self.decoded_starts, position) - 1
        if index < 0:
            return position
        if position < self.decoded_ends[index]:
            return self.raw_starts[index]
        return self.raw_ends[index] + position - self.decoded_ends[index]

    def to_raw_end(self, position: int) -> int:
        """The raw offset of a decoded offset where a stretch ends: just after a reference's ``;`` when the
        stretch ends inside or right after it."""
        index = bisect.bisect_left(self.decoded_ends, position)
        if index < len(self.decoded_ends) and self.decoded_starts[index] < position:
            return self.raw_ends[index]
        if index == 0:
            return position
        return self.raw_ends[index - 1] + position - self.decoded_ends[index - 1]

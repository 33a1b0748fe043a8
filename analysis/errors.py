"""One exception hierarchy for georelations.

Every message says which file, record or field is at fault and what to do about it,
so the CLI can print it on one line without a traceback.
"""

from __future__ import annotations

import re

__all__ = ["DateHeaderError", "DecodingWarning", "GeorelError", "GeorelWarning", "InputError", "InputWarning",
           "OutputError", "ReferenceDataError", "ReportError", "one_line"]

_BREAKING = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_SHORT = {"\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


def one_line(text: str) -> str:
    """`text` with the characters that would break a one-line message or reach the terminal as controls
    (newlines, ESC, C1 controls, U+2028/U+2029) escaped as JSON escapes them ('\\n', '\\u001b')."""
    return _BREAKING.sub(lambda m: _SHORT.get(m[0]) or f"\\u{ord(m[0]):04x}", text)


class GeorelError(Exception):
    """Base class of every error raised on purpose by georelations."""


class InputError(GeorelError):
    """An input file or record cannot be read as an article."""

    def __init__(self, message: str, *, source: str | None = None, line: int | None = None) -> None:
        where = source or "<input>"
        if line is not None:
            where = f"{where}:{line}"
        super().__init__(f"{where}: {message}")
        self.source = source
        self.line = line


class DateHeaderError(InputError):
    """A `date YYYY-MM-DD` header is malformed or names an impossible date."""


class ReferenceDataError(GeorelError):
    """The bundled reference data is missing or damaged (reinstall the package)."""


class OutputError(GeorelError):
    """An output path cannot be written."""


class ReportError(GeorelError):
    """A report could not be produced."""


class GeorelWarning(UserWarning):
    """Base class of every warning georelations issues on purpose."""


class InputWarning(GeorelWarning):
    """Doubtful input that was read anyway: HTML turned into text, a duplicate id renamed, a very
    large article. The message names the file (and line) and what was done."""


class DecodingWarning(InputWarning, UnicodeWarning):
    """A file that is not valid UTF-8 was read with a guessed encoding (cp1252 / latin-1)."""

"""Decode the bytes of an article file to text: UTF-8 (with or without a BOM), UTF-16/32 with a BOM,
else cp1252 or latin-1 with a `DecodingWarning`; binary files are refused with an `InputError` that
says what they are and what to do. Also line ends as Python reads text files (`normalise_newlines`).
"""

from __future__ import annotations

import codecs
import warnings

from analysis.errors import DecodingWarning, InputError

_MAGIC = (
    (b"%PDF-", "a PDF document", "extract its text first (e.g. pdftotext)"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image", "give the article text instead"),
    (b"\xff\xd8\xff", "a JPEG image", "give the article text instead"),
    (b"GIF87a", "a GIF image", "give the article text instead"),
    (b"GIF89a", "a GIF image", "give the article text instead"),
    (b"PK\x03\x04", "a ZIP archive (.docx, .xlsx, .epub?)", "unpack it or save the article as plain text"),
    (b"\x1f\x8b", "a gzip archive", "decompress it first (gunzip)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document", "save the article as plain text"),
    (b"{\\rtf", "an RTF document", "save the article as plain text"),
    (b"\x7fELF", "a program", "give an article file"),
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\r\x0b\x0c\x1b")


def _looks_binary(sample: bytes) -> bool:
    """NUL bytes, or more than 1% control bytes: not a text file."""
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls > len(sample) // 100


def decode_bytes(data: bytes, *, source: str, line_oriented: bool = False) -> str:
    """Decode article bytes: UTF-8 (with or without BOM), UTF-16/32 with a BOM, else cp1252 or latin-1
    text with a `DecodingWarning`; binary files (PDF, images, archives, NUL bytes) raise InputError.
    For a `line_oriented` file (JSONL, CSV) lines with NUL bytes are left out of the binary test: they
    cost their own record, not the file."""
    for magic, kind, todo in _MAGIC:
        if data.startswith(magic):
            raise InputError(f"this is {kind}, not text; {todo}", source=source)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(f"invalid {encoding.upper()} at byte {exc.start}; save the article as UTF-8",
                                 source=source) from None
    sample = data[:4096]
    if line_oriented and b"\x00" in sample:
        sample = b"\n".join(line for line in data[:1 << 16].split(b"\n") if b"\x00" not in line)[:4096]
        if not sample.strip():
            sample = b"\x00"
    if _looks_binary(sample):
        raise InputError("binary data (NUL or control bytes), not text; save the article as UTF-8 text",
                         source=source)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return _decode_doubtful(data, exc, source=source)


def _decode_doubtful(data: bytes, exc: UnicodeDecodeError, *, source: str) -> str:
    """Not valid UTF-8: mostly UTF-8 with stray bytes (kept, bad bytes as U+FFFD), else cp1252 or
    latin-1; either with a DecodingWarning naming the first bad byte (attributed to `decode_bytes`)."""
    where = f"byte 0x{data[exc.start]:02x} at offset {exc.start}"
    utf8 = data.removeprefix(codecs.BOM_UTF8).decode("utf-8", errors="replace")
    high = len(data.translate(None, bytes(range(128))))  # bytes >= 0x80
    ascii_chars = len(data) - high - (3 if data.startswith(codecs.BOM_UTF8) else 0)
    bad = utf8.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    valid_multibyte = len(utf8) - ascii_chars - utf8.count("\ufffd")
    if valid_multibyte > 0 and valid_multibyte >= bad:
        warnings.warn(f"{source}: {bad} invalid UTF-8 sequence(s), the first {where}; replaced by U+FFFD "
                      "(repair or re-save the file as UTF-8)", DecodingWarning, stacklevel=2)
        return utf8
    try:
        text, encoding = data.decode("cp1252"), "cp1252 (Windows-1252)"
    except UnicodeDecodeError:
        text, encoding = data.decode("latin-1"), "latin-1"
    warnings.warn(f"{source}: not UTF-8 ({where}); read as {encoding}; save the file as UTF-8 to be sure",
                  DecodingWarning, stacklevel=2)
    return text


def normalise_newlines(text: str) -> str:
    """`text` with CRLF and CR line ends as LF, as Python reads text files."""
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text

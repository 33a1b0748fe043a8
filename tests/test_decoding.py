"""Decoding article bytes (analysis.io.decoding): Unicode encodings, legacy encodings and binary files."""

from __future__ import annotations

import warnings

import pytest

from analysis.errors import DecodingWarning, InputError
from analysis.io.decoding import decode_bytes


@pytest.mark.parametrize("data,text", [
    ("Café in Zürich".encode(), "Café in Zürich"),
    (b"\xef\xbb\xbfCaf\xc3\xa9", "Café"),                       # UTF-8 with BOM
    ("Café in Zürich".encode("utf-16"), "Café in Zürich"),      # UTF-16 with BOM
    ("Café in Zürich".encode("utf-32"), "Café in Zürich"),
])
def test_unicode_encodings_are_read_without_warnings(data: bytes, text: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert decode_bytes(data, source="x") == text


@pytest.mark.parametrize("data,text", [
    (b"Caf\xe9 owners in Montr\xe9al", "Café owners in Montréal"),                 # latin-1
    (b"\x93Kim\x94 said it\x92s \x96 maybe \x85", "“Kim” said it’s – maybe …"),    # cp1252 smart quotes
    (b"\x81 undefined in cp1252", "\x81 undefined in cp1252"),                      # latin-1 fallback
])
def test_legacy_encodings_are_read_with_a_warning_naming_the_file(data: bytes, text: str) -> None:
    with pytest.warns(DecodingWarning, match="old.txt: not UTF-8 .*save the file as UTF-8"):
        assert decode_bytes(data, source="old.txt") == text


def test_mostly_utf8_with_a_stray_byte_keeps_the_utf8_and_marks_the_byte() -> None:
    data = "Café in Zürich. ".encode() * 3 + b"\x92 end"
    with pytest.warns(DecodingWarning, match="1 invalid UTF-8 sequence"):
        assert decode_bytes(data, source="x") == "Café in Zürich. " * 3 + "\ufffd end"


@pytest.mark.parametrize("data,expect", [
    (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "PDF document"),
    (b"%PDF-1.1\n1 0 obj<<>>endobj trailer<<>>\n%%EOF\n", "PDF document"),   # all ASCII, still a PDF
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01", "PNG image"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG image"),
    (b"PK\x03\x04\x14\x00\x06\x00", "ZIP archive"),
    (b"\x1f\x8b\x08\x00", "gzip"),
    ("Kim met Putin".encode("utf-16-le"), "binary data"),                   # UTF-16 without BOM
    (bytes(range(256)) * 4, "binary data"),
])
def test_binary_files_are_refused_with_what_they_are(data: bytes, expect: str) -> None:
    with pytest.raises(InputError, match=f"^f.bin: .*{expect}.*; "):
        decode_bytes(data, source="f.bin")

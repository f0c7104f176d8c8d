"""Bytes -> text: BOMs honoured (UTF-8, UTF-16, UTF-32), then UTF-8, with Windows-1252 for bytes that are not.

A file that is not UTF-8 is almost always Windows-1252 (or Latin-1, its subset). Decoding UTF-8 and
reading only the offending bytes as cp1252 keeps a mostly-UTF-8 file with one stray byte intact
instead of turning all its accented letters into mojibake. (A cp1252 pair that happens to be valid
UTF-8, like "Ã©", is read as UTF-8: rare in real text.)
"""

from __future__ import annotations

import codecs
import re

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16: its BOM starts like UTF-16-LE's
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class NotText(Exception):
    """The bytes are not text (binary, or undecodable under their BOM); the message says why."""


_BINARY_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f-\x9f]")
_ESCAPED = re.compile(r"[\udc80-\udcff]")


def _cp1252(byte: int) -> str:
    # cp1252 leaves five bytes undefined; Latin-1 maps them to C1 controls, which cleaning removes.
    return bytes([byte]).decode("cp1252", errors="ignore") or chr(byte)


def decode(data: bytes) -> tuple[str, str | None]:
    """(text, note): note says how the text was read when it was not plain UTF-8, else None."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding), None
            except UnicodeDecodeError as exc:
                raise NotText(f"starts with a {encoding.upper()} byte order mark but is not {encoding.upper()} ({exc.reason})") from None
    if b"\x00" in data:
        encoding = _bomless_utf16(data)
        if encoding is None:
            raise NotText("binary file (contains NUL bytes)")
        try:
            return data.decode(encoding), f"no byte order mark; read as {encoding.upper()}"
        except UnicodeDecodeError:
            raise NotText("binary file (contains NUL bytes)") from None
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    # Bytes that are not UTF-8 come back as lone surrogates, each then read as Windows-1252, except
    # that in terminal output (it has ESC bytes) 0x80-0x9F are 8-bit C1 controls, which cleaning drops.
    terminal = b"\x1b" in data
    as_cp1252 = 0

    def replace(match: re.Match[str]) -> str:
        nonlocal as_cp1252
        byte = ord(match.group()) - 0xDC00
        if terminal and 0x80 <= byte <= 0x9F:
            return chr(byte)
        as_cp1252 += 1
        return _cp1252(byte)

    text = _ESCAPED.sub(replace, data.decode("utf-8", errors="surrogateescape"))
    note = "not valid UTF-8; read the other bytes as Windows-1252 (cp1252)" if as_cp1252 else None
    return text, note


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 saved without a BOM: mostly Latin text puts a NUL in every other byte."""
    sample = data[:4096]
    if len(sample) < 8 or len(data) % 2:
        return None
    half = len(sample) // 2
    if sample[1::2].count(0) > 0.9 * half and sample[0::2].count(0) < 0.1 * half:
        return "utf-16-le"
    if sample[0::2].count(0) > 0.9 * half and sample[1::2].count(0) < 0.1 * half:
        return "utf-16-be"
    return None


def looks_binary(text: str) -> bool:
    """More than a tenth control characters (escape, tab and line breaks aside): not an article."""
    sample = text[:8192]
    if not sample:
        return False
    return len(_BINARY_CHARS.findall(sample)) / len(sample) > 0.1

"""Bytes to article text, or the reason the bytes are not an article.

Every check names the problem and what to do about it, because the reason is shown to
a person as the `Skipped.reason` of the file.
"""

from __future__ import annotations

import codecs
import re

__all__ = ["NotAnArticle", "decode_article", "normalize_newlines"]

_SNIFF = 8192
"""Bytes looked at when deciding whether a file is binary."""
_CONTROL_SHARE = 0.05
"""More control characters than this share of the sniffed bytes means binary data."""
_CYRILLIC_SHARE = 0.6
"""The share of letters that must be Cyrillic for a cp1251 guess."""
_MARKUP_SHARE = 0.3
"""A document whose non-space characters are this much markup is HTML."""

_CONTROL_BYTES = frozenset(range(0x20)) - {0x09, 0x0A, 0x0C, 0x0D} | {0x7F}
_HTML_START = re.compile(r"\A\s*(?:<!doctype\s+html|<html[\s>]|<\?xml[^>]*>\s*<html)", re.I)
_TAG = re.compile(r"<!--.*?-->|</?[a-zA-Z][a-zA-Z0-9:-]*(?:\s[^<>]*)?/?>", re.S)
_HTML_TAG_NAME = re.compile(
    r"</?(?:html|head|body|div|span|p|a|script|style|meta|link|table|tr|td|ul|li|nav|"
    r"header|footer|section|article|img|br|h[1-6]|form|input|button|iframe)\b",
    re.I,
)


class NotAnArticle(Exception):
    """The bytes of a file cannot be read as an article; `reason` says why."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def normalize_newlines(text: str) -> str:
    """Turn \\r\\n and lone \\r into \\n, as `Path.read_text` does.

    Offsets into the result therefore index the text that Python's universal-newline
    reading gives, which is what tools that read the same file will see.
    """
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_article(data: bytes) -> str:
    """The article text of a file's bytes: UTF-8, leading BOM removed, newlines as \\n.

    Raises NotAnArticle when the bytes are empty, binary, not UTF-8 or HTML.
    """
    if not data.strip():
        raise NotAnArticle(
            "file is empty" if not data else "file holds only whitespace; there is no text to read"
        )
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        raise NotAnArticle("file is encoded as UTF-32; re-save it as UTF-8")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise NotAnArticle("file is encoded as UTF-16; re-save it as UTF-8")
    head = data[:_SNIFF]
    if b"\x00" in head:
        raise NotAnArticle("file is binary (it contains NUL bytes), not text")
    controls = sum(1 for b in head if b in _CONTROL_BYTES)
    if controls > _CONTROL_SHARE * len(head):
        raise NotAnArticle(
            f"file is binary ({controls} control bytes in the first {len(head)}), not text"
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise NotAnArticle(_encoding_reason(data, exc)) from exc
    text = normalize_newlines(text.removeprefix("\ufeff"))
    if not text.strip():
        raise NotAnArticle("file holds only a byte-order mark and whitespace; there is no text")
    if _is_html(text):
        raise NotAnArticle("HTML is not supported yet; convert to text (the file is mostly markup)")
    return text


def _encoding_reason(data: bytes, exc: UnicodeDecodeError) -> str:
    bad = data[exc.start : exc.start + 1].hex()
    base = f"file is not UTF-8 (byte 0x{bad} at offset {exc.start} cannot be decoded)"
    if _looks_cp1251(data):
        return f"{base}; looks like cp1251 (Windows Cyrillic); re-save as UTF-8"
    return f"{base}; re-save it as UTF-8"


def _looks_cp1251(data: bytes) -> bool:
    """Whether the bytes read as mostly Cyrillic words when decoded as cp1251."""
    try:
        text = data.decode("cp1251")
    except UnicodeDecodeError:
        return False
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return False
    cyrillic = sum(1 for c in letters if "\u0400" <= c <= "\u04ff")
    return cyrillic >= _CYRILLIC_SHARE * len(letters)


def _is_html(text: str) -> bool:
    """Whether the text is an HTML page rather than prose with a stray tag."""
    if _HTML_START.match(text):
        return True
    if len(_HTML_TAG_NAME.findall(text)) < 3:
        return False
    solid = len(text) - sum(text.count(c) for c in " \t\n")
    markup = sum(len(m[0]) for m in _TAG.finditer(text))
    return solid > 0 and markup >= _MARKUP_SHARE * solid

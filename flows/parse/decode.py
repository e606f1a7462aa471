"""RawDocument bytes -> text: encoding detection, HTML reduced to its main text, JSON records opened.

Refusals raise DecodeError (flows.parse.errors) with a reason code and a sentence.
"""

from __future__ import annotations

import codecs
import json
import re

from charset_normalizer import from_bytes

from flows.parse.errors import DecodeError
from flows.parse.html import html_to_text
from flows.records import RawDocument

# Encodings Chinese news pages come in. Detection is restricted to them because, left free on short
# texts, charset_normalizer sometimes prefers a Cyrillic or Latin code page over GBK.
CHINESE_ENCODINGS = ["utf_8", "gb18030", "big5", "big5hkscs", "utf_16"]
# Declared or detected charsets read with their supersets, which decode every byte the narrower one does
# and more: a GB2312 page with one rarer character (镕) or a Big5 page with a Hong Kong one (䶮).
# Labels browsers know and Python does not (x-gbk, x-x-big5) are listed too.
SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030", "cp936": "gb18030",
             "big5": "big5hkscs", "cp950": "big5hkscs", "x-x-big5": "big5hkscs"}
# <meta charset="gbk">, <meta http-equiv="Content-Type" content="text/html; charset=gb2312">
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([a-zA-Z0-9_.:-]+)", re.IGNORECASE)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([a-zA-Z0-9_.:-]+)", re.IGNORECASE)
# UTF-8 with at most one character in STRAY_SHARE undecodable is UTF-8 with stray bytes; where no
# Chinese encoding fits either, more than one in UNDECODABLE_SHARE undecodable is no text at all.
STRAY_SHARE = 100
UNDECODABLE_SHARE = 2
# Fields of a JSON record that may hold the article, tried in order: {"text": "..."}, {"content": "..."}.
TEXT_FIELDS = ("text", "content", "body", "article")
# JSON field -> hint name passed to parse_article: {"date": "2024-05-12"} -> published_date. Where a
# record has several fields for one hint, the first listed wins ("published_date" before "time").
HINT_FIELDS = {"title": "title", "published_date": "published_date", "date": "published_date",
               "published": "published_date", "pub_date": "published_date", "publish_date": "published_date",
               "publish_time": "published_date", "pubtime": "published_date", "datetime": "published_date",
               "time": "published_date", "publisher": "publisher", "source_name": "publisher"}


def document_text(document: RawDocument) -> tuple[str, dict]:
    """The article text of a document and the metadata hints its container gave."""
    if document.media_type == "application/json":
        return _json_record_text(document.content)
    text = decode_bytes(document.content, declared_charset(document))
    if document.media_type == "text/html" or _looks_like_html(text):
        return html_to_text(text)
    return text, dict(document.hints)


def declared_charset(document: RawDocument) -> str | None:
    """The charset a fetched page's Content-Type header names: "text/html; charset=GBK" -> "GBK"."""
    headers = document.hints.get("headers") or {}
    match = _HEADER_CHARSET.search(headers.get("content-type", ""))
    return match.group(1) if match else None


def decode_bytes(content: bytes, declared: str | None = None) -> str:
    """Bytes in UTF-8, GBK/GB18030, Big5 or UTF-16 -> str, or DecodeError (empty, binary, unknown).

    In order: a BOM; valid UTF-8; the charset `declared` (an HTTP header) or a <meta> names, if the
    bytes decode under it; UTF-8 with a few stray bytes; else detection, undecodable bytes replaced
    unless most of the text is. Valid UTF-8 wins over a declaration because GBK or Big5 text is
    practically never valid UTF-8, while UTF-8 pages under a stale gb2312 <meta> are common; a GBK
    page that says UTF-8 fails to decode as UTF-8 and goes on to detection.
    """
    if not content.strip():
        raise DecodeError("empty", "the file is empty")
    if content.startswith((b"\xff\xfe", b"\xfe\xff")):
        return content.decode("utf-16")
    if b"\x00" in content[:8192]:
        raise DecodeError("binary", "binary content (NUL bytes), not a text article")
    try:
        return content.decode("utf-8-sig")  # the common case, and far faster than detection
    except UnicodeDecodeError:
        pass
    for label in (declared, _meta_charset(content)):
        encoding = _codec(label)
        if encoding and encoding != "utf-8":
            try:
                return content.decode(encoding)
            except UnicodeDecodeError:
                pass  # declared wrongly, or a stray byte: on as if nothing were declared
    # A stray byte or a cut-off last character must not cost a UTF-8 article: U+FFFD stands for what
    # cannot be read (normalize flags it as garbled). GBK read as UTF-8 replaces far more than 1 in 100.
    as_utf8 = content.decode("utf-8-sig", errors="replace")
    replaced = as_utf8.count("\ufffd")
    if replaced * STRAY_SHARE <= len(as_utf8):
        return as_utf8
    encoding = _detect(content[:65536])
    if encoding is not None:
        return content.decode(encoding, errors="replace")
    for encoding in ("gb18030", "big5hkscs"):  # detection refuses a whole file for one bad byte: without them?
        text = content.decode(encoding, errors="replace")
        if text.count("\ufffd") * STRAY_SHARE <= len(text) and _detect(text.replace("\ufffd", "").encode(encoding)) == encoding:
            return text
    if replaced * UNDECODABLE_SHARE <= len(as_utf8):
        return as_utf8
    raise DecodeError("undecodable", "not text in UTF-8, GBK/GB18030 or Big5: most of it decodes to nothing")


def _detect(content: bytes) -> str | None:
    """The codec detection finds, widened to its superset (GBK -> gb18030, Big5 -> big5hkscs), or None."""
    best = from_bytes(content, cp_isolation=CHINESE_ENCODINGS).best()
    if best is None:
        return None
    return _codec(best.encoding) or best.encoding


def _meta_charset(content: bytes) -> str | None:
    match = _META_CHARSET.search(content[:4096])
    return match.group(1).decode("ascii") if match else None


def _codec(label: str | None) -> str | None:
    """Python's codec for a charset label, widened to its superset: "GB2312" -> "gb18030"; None if unknown."""
    if not label:
        return None
    try:
        name = SUPERSETS.get(label.lower()) or codecs.lookup(label).name
    except LookupError:
        return None
    return SUPERSETS.get(name, name)


def _looks_like_html(text: str) -> bool:
    head = text[:512].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or "<body" in text[:4096].lower()


def _json_record_text(content: bytes) -> tuple[str, dict]:
    record = json.loads(content)
    if not isinstance(record, dict):
        raise DecodeError("no_text_field", "JSON record is not an object with a text field")
    body = next((record[k] for k in TEXT_FIELDS if isinstance(record.get(k), str)), None)
    if body is None:
        raise DecodeError("no_text_field", f"JSON record has none of the fields {', '.join(TEXT_FIELDS)}")
    hints: dict = {}
    for key, name in HINT_FIELDS.items():
        if isinstance(record.get(key), str) and name not in hints:
            hints[name] = record[key]
    return body, hints

"""RawDocument bytes -> text: encoding detection, HTML reduced to its main text, JSON records opened.

Refusals raise DecodeError (flows.parse.errors) with a reason code and a sentence.
"""

from __future__ import annotations

import json

from charset_normalizer import from_bytes

from flows.parse.errors import DecodeError
from flows.parse.html import html_to_text
from flows.records import RawDocument

# Encodings Chinese news pages come in. Detection is restricted to them because, left free on short
# texts, charset_normalizer sometimes prefers a Cyrillic or Latin code page over GBK.
CHINESE_ENCODINGS = ["utf_8", "gb18030", "big5", "big5hkscs", "utf_16"]
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
    text = decode_bytes(document.content)
    if document.media_type == "text/html" or _looks_like_html(text):
        return html_to_text(text)
    return text, dict(document.hints)


def decode_bytes(content: bytes) -> str:
    """Bytes in UTF-8, GBK/GB18030, Big5 or UTF-16 -> str, or DecodeError (empty, binary, unknown)."""
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
    # A stray byte or a cut-off last character must not cost a UTF-8 article: U+FFFD stands for what
    # cannot be read (normalize flags it as garbled). GBK read as UTF-8 replaces far more than 1 in 100.
    as_utf8 = content.decode("utf-8-sig", errors="replace")
    replaced = as_utf8.count("\ufffd")
    if replaced * STRAY_SHARE <= len(as_utf8):
        return as_utf8
    encoding = _detect(content[:65536])
    if encoding is not None:
        return content.decode(encoding, errors="replace")
    for encoding in ("gb18030", "big5"):  # detection refuses a whole file for one bad byte: without them?
        text = content.decode(encoding, errors="replace")
        if text.count("\ufffd") * STRAY_SHARE <= len(text) and _detect(text.replace("\ufffd", "").encode(encoding)) == encoding:
            return text
    if replaced * UNDECODABLE_SHARE <= len(as_utf8):
        return as_utf8
    raise DecodeError("undecodable", "not text in UTF-8, GBK/GB18030 or Big5: most of it decodes to nothing")


def _detect(content: bytes) -> str | None:
    best = from_bytes(content, cp_isolation=CHINESE_ENCODINGS).best()
    if best is None:
        return None
    # GB2312 and GBK detections decode with their superset GB18030, which never loses a character.
    return "gb18030" if best.encoding in ("gb2312", "gbk") else best.encoding


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

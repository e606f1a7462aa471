"""Decoded text -> Article: normalised text plus metadata. (Minimal first cut; see normalize.py.)"""

from __future__ import annotations

import re
from datetime import date

import opencc

from flows.records import Article

_T2S = opencc.OpenCC("t2s")
# A converter's pinyin left behind a character: 當(dāng) -> 當. Only lowercase pinyin with a tone mark.
_PINYIN_DEBRIS = re.compile(r"\((?=[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)")
_DATE = re.compile(r"(20\d\d|19\d\d)[-年/.](\d{1,2})[-月/.](\d{1,2})")


def parse_article(text: str, *, source: str, content_hash: str, hints: dict | None = None) -> Article:
    """Normalise one decoded text and read its metadata."""
    cleaned = _PINYIN_DEBRIS.sub("", text)
    simplified = _T2S.convert(cleaned)
    lines = [line.strip() for line in simplified.splitlines() if line.strip()]
    match = _DATE.search(simplified)
    published = None
    if match:
        try:
            published = date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            published = None
    return Article(
        source=source,
        content_hash=content_hash,
        original_text=text,
        text="\n".join(lines),
        title=lines[0] if lines else None,
        published_date=published,
        script="traditional" if simplified != cleaned else "simplified",
    )

"""Decoded text -> Article: normalised text plus the metadata the page states.

Container hints (a JSON record's title or date) win over what the text says.
"""

from __future__ import annotations

from datetime import date, datetime

from flows.parse.metadata import read_metadata
from flows.parse.normalize import normalize
from flows.records import Article


def parse_article(text: str, *, source: str, content_hash: str, hints: dict | None = None) -> Article:
    """Normalise one decoded text and read its metadata; hints override the text's own."""
    hints = hints or {}
    normalized = normalize(text)
    meta = read_metadata(normalized.lines, normalized.furniture)
    return Article(
        source=source,
        content_hash=content_hash,
        original_text=text,
        text=normalized.text,
        title=hints.get("title") or meta.title,
        published_date=_as_date(hints.get("published_date")) or meta.published_date,
        publisher=hints.get("publisher") or meta.publisher,
        bylines=meta.bylines,
        script=normalized.script,
        is_mojibake=bool(normalized.garbled_spans),
        garbled_spans=normalized.garbled_spans,
    )


def _as_date(value: object) -> date | None:
    """A hint's date: a date, or an ISO string ("2024-05-12", "2024-05-12T21:12:41+08:00")."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str) and len(value) >= 10:
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None

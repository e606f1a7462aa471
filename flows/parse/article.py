"""Decoded text -> Article: normalised text plus the metadata the page states.

Container hints (a JSON record's title or date) win over what the text says.
"""

from __future__ import annotations

from datetime import date, datetime

from flows.parse.metadata import date_in, read_metadata
from flows.parse.normalize import normalize
from flows.records import Article


def parse_article(text: str, *, source: str, content_hash: str, hints: dict | None = None) -> Article:
    """Normalise one decoded text and read its metadata; hints override the text's own."""
    hints = hints or {}
    normalized = normalize(text)
    meta = read_metadata(normalized.lines, normalized.furniture)
    hinted, hinted_year = _as_date(hints.get("published_date"))
    published = hinted or meta.published_date
    return Article(
        source=source,
        content_hash=content_hash,
        original_text=text,
        text=normalized.text,
        title=hints.get("title") or meta.title,
        published_date=published,
        published_year=published.year if published else hinted_year or meta.published_year,
        publisher=hints.get("publisher") or meta.publisher,
        bylines=meta.bylines,
        script=normalized.script,
        is_mojibake=bool(normalized.garbled_spans),
        garbled_spans=normalized.garbled_spans,
    )


def _as_date(value: object) -> tuple[date | None, int | None]:
    """A hint's date and year: a date, or a string holding one ("2024-05-12T21:12:41+08:00",
    "2024年5月12日 10:00", "2024/05/12"); a month alone ("2024-05", "2024年5月") gives the year only."""
    if isinstance(value, datetime):
        return value.date(), value.year
    if isinstance(value, date):
        return value, value.year
    if not isinstance(value, str):
        return None, None
    return date_in(value)

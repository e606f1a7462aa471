"""A web page -> its main text and title, with trafilatura (lxml_html_clean must be installed beside it)."""

from __future__ import annotations

import re

import trafilatura

from flows.parse.errors import DecodeError

_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
# Ruby annotations (<rt>pinyin</rt>) would leave pinyin in the text, like a converter's debris does.
_RUBY = re.compile(r"<r[tp]\b[^>]*>.*?</r[tp]>", re.IGNORECASE | re.DOTALL)


def html_to_text(html: str) -> tuple[str, dict]:
    """Main text of a page, one paragraph a line, and a `title` hint from <title> when present.

    trafilatura's own date and author extraction is not used: it misreads 2024年01月20日 and drops
    Chinese names, so metadata is read from the text by flows.parse.metadata.
    """
    cleaned = _RUBY.sub("", html)
    text = trafilatura.extract(cleaned, include_comments=False, include_tables=True, favor_recall=True)
    if not text or not text.strip():
        raise DecodeError("empty_page", "the page has no main text")
    hints = {}
    title = _TITLE.search(cleaned)
    if title and title.group(1).strip():
        hints["title"] = re.sub(r"\s+", " ", title.group(1)).strip()
    heading = f"{hints['title']}\n" if "title" in hints else ""
    return heading + text, hints

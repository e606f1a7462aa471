"""One text -> its figures as `facts` rows with the rule that produced each: `newsfacts extract`."""

from __future__ import annotations

import hashlib
import sys
from datetime import date
from pathlib import Path

from flows.acquire.local import MEDIA_TYPES, make_document, source_of
from flows.batch import extract_articles, parse_documents
from flows.records import Article
from flows.star import article_id_of


def read_one(text: str | None, path: Path | None, published: date | None) -> Article:
    """Parse one text, or one file of any supported format, as the pipeline would."""
    if path is not None:
        document = make_document(source_of(path.resolve()), path.read_bytes(), MEDIA_TYPES.get(path.suffix.lower(), "text/plain"))
    else:
        content = (text or "").encode("utf-8")
        document = make_document(f"text:{hashlib.sha256(content).hexdigest()[:12]}", content, "text/plain")
    articles, rejects = parse_documents([document], min_chinese=1)  # a single sentence is fine here
    if rejects:
        raise ValueError(f"{rejects[0].reason}: {rejects[0].detail}")
    article = articles[0]
    if published is not None:
        article.published_date = published
    return article


def figures_as_rows(article: Article) -> list[dict]:
    """The article's figures with the columns of the `facts` view, plus `rule`."""
    kept, figures, rejects = extract_articles([article])
    if not kept:
        raise ValueError(rejects[0].detail)
    for refused in rejects:  # a figure refused alone: said on stderr, the others printed
        print(f"newsfacts: figure refused ({refused.reason}): {refused.detail}", file=sys.stderr)
    return [
        {
            "article_id": article_id_of(article.source), "source": article.source, "title": article.title,
            "published_date": article.published_date, "mention": f.mention, "sentence": f.sentence,
            "value": f.value, "unit": f.unit, "qualifier": f.qualifier, "is_change": f.is_change,
            "metric": f.metric, "category": f.category, "year": f.year,
            "place": f.place.name if f.place else None, "province": f.place.province if f.place else None,
            "is_threshold": f.is_threshold, "rule": f.rule,
        }
        for f in figures[0]
    ]

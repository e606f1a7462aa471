"""Parsed articles and their figures -> the frames of the star schema, keys derived from content.

Keys are hashes of what identifies a row, so the same input always yields the same keys and a
reload changes nothing: article_id from the source, figure_id from article, unit, value, change
and metric.
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from urllib.parse import urlparse

import polars as pl

from flows.records import Article, Figure, Place, RawDocument, Reject
from flows.similarity import text_signature


def key(*parts: object) -> str:
    """A 16-hex-digit key from the parts that identify a row."""
    return hashlib.sha1("\x1f".join("" if p is None else str(p) for p in parts).encode()).hexdigest()[:16]


def keys_of(frame: pl.DataFrame, *columns: str) -> pl.Series:
    """key() of the given columns, row by row (sha1 in Python: stable across library versions)."""
    values = zip(*(frame[c].to_list() for c in columns), strict=True)
    return pl.Series([key(*row) for row in values], dtype=pl.String)


def article_id_of(source: str) -> str:
    return key(source)


def stg_articles(articles: list[Article]) -> pl.DataFrame:
    """One row per article (StgArticle)."""
    return pl.DataFrame(
        {
            "article_id": [article_id_of(a.source) for a in articles],
            "source": [a.source for a in articles],
            "document_id": [a.content_hash for a in articles],
            "title": [a.title for a in articles],
            "published_date": [a.published_date for a in articles],
            "publisher": [a.publisher for a in articles],
            "bylines": [list(a.bylines) for a in articles],
            "script": [a.script for a in articles],
            "is_mojibake": [a.is_mojibake for a in articles],
            "char_length": [len(a.original_text) for a in articles],
            "text_length": [len(a.text) for a in articles],
            "canonical_article_id": [article_id_of(a.copy_of) if a.copy_of else None for a in articles],
            "minhash": [text_signature(a.text) for a in articles],
        },
        schema=ARTICLE_COLUMNS,
    )


ARTICLE_COLUMNS = {
    "article_id": pl.String, "source": pl.String, "document_id": pl.String, "title": pl.String,
    "published_date": pl.Date, "publisher": pl.String, "bylines": pl.List(pl.String), "script": pl.String,
    "is_mojibake": pl.Boolean, "char_length": pl.Int32, "text_length": pl.Int32, "canonical_article_id": pl.String,
    "minhash": pl.List(pl.Int64),
}


def stg_figures(articles: list[Article], figures: list[list[Figure]]) -> pl.DataFrame:
    """One row per figure (StgFigure), in article order."""
    rows = [
        (article_id_of(a.source), f.mention, f.sentence, float(f.value), f.unit, f.qualifier, f.is_change,
         f.metric, f.category, f.year, f.place.place_id if f.place else None, f.rule, f.start,
         _in_spans(f.start, f.end, a.garbled_spans), f.is_threshold, f.sentence_start, f.sentence_end)
        for a, found in zip(articles, figures, strict=True)
        for f in found
    ]
    return pl.DataFrame(rows, orient="row", schema=FIGURE_COLUMNS)


def _in_spans(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """The figure overlaps a garbled stretch of text: its number may be read from garbage."""
    return any(start < span_end and span_start < end for span_start, span_end in spans)


FIGURE_COLUMNS = {
    "article_id": pl.String, "mention": pl.String, "sentence": pl.String, "value": pl.Float64,
    "unit": pl.String, "qualifier": pl.String, "is_change": pl.Boolean, "metric": pl.String,
    "category": pl.String, "year": pl.Int32, "place_id": pl.String, "rule": pl.String, "position": pl.Int32,
    "is_garbled": pl.Boolean, "is_threshold": pl.Boolean, "sentence_start": pl.Int32, "sentence_end": pl.Int32,
}


def withdrawn(documents: list[RawDocument], articles: pl.DataFrame, run_id: str, now: datetime) -> pl.DataFrame:
    """Documents of the batch that gave no article: where an earlier version is loaded, it is withdrawn."""
    loaded = set(articles["source"].to_list())
    refused = {article_id_of(d.source): d.content_hash for d in documents if d.source not in loaded}
    return pl.DataFrame({"article_id": list(refused), "document_id": list(refused.values())},
                        schema={"article_id": pl.String, "document_id": pl.String}).with_columns(
        run_id=pl.lit(run_id), loaded_at=pl.lit(now, dtype=pl.Datetime("us")))


def raw_documents(documents: list[RawDocument], run_id: str, now: datetime) -> pl.DataFrame:
    """One row per distinct document content (RawDocument)."""
    frame = pl.DataFrame(
        {
            "document_id": [d.content_hash for d in documents],
            "source": [d.source for d in documents],
            "media_type": [d.media_type for d in documents],
            "content": [d.content for d in documents],
            "byte_length": [len(d.content) for d in documents],
            "headers": [_headers_json(d) for d in documents],
        },
        schema={"document_id": pl.String, "source": pl.String, "media_type": pl.String, "content": pl.Binary,
                "byte_length": pl.Int64, "headers": pl.String},
    )
    return frame.unique("document_id", keep="first", maintain_order=True).with_columns(
        run_id=pl.lit(run_id), acquired_at=pl.lit(now, dtype=pl.Datetime("us"))
    ).select("document_id", "source", "media_type", "content", "byte_length", "run_id", "acquired_at", "headers")


def _headers_json(document: RawDocument) -> str | None:
    headers = document.hints.get("headers")
    return None if headers is None else json.dumps(headers, ensure_ascii=False, sort_keys=True)


def star_tables(articles: pl.DataFrame, figures: pl.DataFrame, run_id: str, now: datetime) -> dict[str, pl.DataFrame]:
    """dim_source, dim_article, dim_metric, dim_date and fact_figure for validated staging frames."""
    sources = articles.select(
        "article_id",
        publisher=pl.col("publisher").fill_null("unknown"),
        site=pl.Series([_site_of(s) for s in articles["source"].to_list()], dtype=pl.String),
    ).with_columns(
        kind=pl.when(pl.col("site") == "local").then(pl.lit("file")).otherwise(pl.lit("web")),
    )
    sources = sources.with_columns(source_id=keys_of(sources, "publisher", "site"))
    counts = figures.group_by("article_id").len("figure_count")
    dim_article = (
        articles.join(sources.select("article_id", "source_id"), on="article_id")
        .join(counts, on="article_id", how="left")
        .with_columns(figure_count=pl.col("figure_count").fill_null(0).cast(pl.Int32),
                      run_id=pl.lit(run_id), loaded_at=pl.lit(now, dtype=pl.Datetime("us")))
    )
    metrics = figures.select(metric=pl.col("metric").fill_null(""), category="category").unique(maintain_order=True)
    dim_metric = metrics.with_columns(metric_id=keys_of(metrics, "metric", "category")).select("metric_id", "metric", "category")
    return {
        "dim_source": sources.select("source_id", "publisher", "site", "kind").unique("source_id", maintain_order=True),
        "dim_article": dim_article,
        "dim_metric": dim_metric,
        "dim_date": _dim_date(articles),
        "fact_figure": _fact_figure(figures, dim_metric, articles, run_id),
    }


def _fact_figure(figures: pl.DataFrame, dim_metric: pl.DataFrame, articles: pl.DataFrame, run_id: str) -> pl.DataFrame:
    dates = articles.select("article_id", date_id=_date_id(pl.col("published_date")))
    figures = figures.with_columns(figure_id=keys_of(figures, "article_id", "unit", "value", "is_change", "metric", "place_id"))
    return (
        figures.with_columns(metric=pl.col("metric").fill_null(""))
        .join(dim_metric, on=["metric", "category"], how="left")
        .join(dates, on="article_id", how="left")
        .with_columns(
            run_id=pl.lit(run_id),
        )
        .select("figure_id", "article_id", "metric_id", "place_id", "date_id", "mention", "sentence", "value",
                "unit", "qualifier", "is_change", "year", "rule", "position", "is_garbled", "is_threshold",
                "sentence_start", "sentence_end", "run_id")
    )


def _date_id(column: pl.Expr) -> pl.Expr:
    return (column.dt.year() * 10000 + column.dt.month().cast(pl.Int32) * 100 + column.dt.day().cast(pl.Int32)).cast(pl.Int32)


def _dim_date(articles: pl.DataFrame) -> pl.DataFrame:
    dates = articles.select(date=pl.col("published_date")).drop_nulls().unique()
    return dates.select(
        date_id=_date_id(pl.col("date")),
        date="date",
        year=pl.col("date").dt.year().cast(pl.Int32),
        quarter=pl.col("date").dt.quarter().cast(pl.Int32),
        month=pl.col("date").dt.month().cast(pl.Int32),
        day=pl.col("date").dt.day().cast(pl.Int32),
        day_of_week=pl.col("date").dt.weekday().cast(pl.Int32),
    )


def _site_of(source: str) -> str:
    host = urlparse(source).hostname if "://" in source else None
    return host or "local"


def rejects_frame(rejects: list[Reject], run_id: str, now: datetime) -> pl.DataFrame:
    """One row per reject (Rejects), keyed so the same refusal on a rerun adds nothing."""
    frame = pl.DataFrame(
        {
            "reject_id": [key(r.stage, r.source, r.reason, r.detail) for r in rejects],
            "stage": [r.stage for r in rejects],
            "source": [r.source for r in rejects],
            "reason": [r.reason for r in rejects],
            "detail": [r.detail for r in rejects],
        },
        schema={"reject_id": pl.String, "stage": pl.String, "source": pl.String, "reason": pl.String, "detail": pl.String},
    )
    return frame.unique("reject_id", maintain_order=True).with_columns(
        run_id=pl.lit(run_id), rejected_at=pl.lit(now, dtype=pl.Datetime("us"))
    ).select("reject_id", "run_id", "stage", "source", "reason", "detail", "rejected_at")


def figure_places(figures: list[list[Figure]]) -> list[Place]:
    """The places the figures name, each once: zones found in the text (马鞍山慈湖高新技术产业开发区)
    are in no gazetteer, so a batch brings its own dim_place rows (loaded with insert or ignore)."""
    places = {f.place.place_id: f.place for found in figures for f in found if f.place is not None}
    return list(places.values())


def places_frame(places: list[Place]) -> pl.DataFrame:
    """The gazetteer, or a batch's places, as dim_place rows (DimPlace)."""
    return pl.DataFrame(
        {
            "place_id": [p.place_id for p in places],
            "name": [p.name for p in places],
            "level": [p.level for p in places],
            "parent_id": [p.parent_id for p in places],
            "province": [p.province for p in places],
        },
        schema={"place_id": pl.String, "name": pl.String, "level": pl.String, "parent_id": pl.String, "province": pl.String},
    )

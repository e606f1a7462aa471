"""The stages as plain functions over a batch of articles; flows/etl.py wraps each in a Prefect task.

Each takes what the stage before gave and returns its output plus the rejects it made: one bad
article becomes a reject row with its reason, and the rest of the batch goes on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import datetime

import polars as pl

from flows import star
from flows.extract import extract_batch
from flows.parse.article import parse_article
from flows.parse.decode import document_text
from flows.parse.errors import DecodeError
from flows.parse.metadata import date_in
from flows.records import Article, Figure, Place, RawDocument, Reject
from flows.rules.bounds import implausible
from schemas import frames, tables
from schemas.relationships import orphan_keys
from schemas.validate import split_valid

MIN_CHINESE_CHARS = 10  # fewer Chinese characters than a short headline: not a Chinese news article
_CJK = re.compile(r"[\u4e00-\u9fff]")


@dataclass(slots=True)
class Triage:
    """Documents of a batch sorted by what the warehouse already holds for their source."""

    new: list[RawDocument] = field(default_factory=list)
    changed: list[RawDocument] = field(default_factory=list)
    unchanged: list[RawDocument] = field(default_factory=list)
    not_modified: list[str] = field(default_factory=list)  # pages a server answered 304 for: unchanged, no bytes
    rejects: list[Reject] = field(default_factory=list)  # a source already read in this run

    @property
    def to_process(self) -> list[RawDocument]:
        return self.new + self.changed


@dataclass(slots=True)
class Seen:
    """What a run has read so far, across its batches: sources, and the first source of each content."""

    sources: set[str] = field(default_factory=set)
    contents: dict[str, str] = field(default_factory=dict)  # content_hash -> source


def triage(documents: list[RawDocument], known: dict[str, str], canonical: dict[str, str], seen: Seen,
           not_modified: list[str] | None = None) -> Triage:
    """Split documents into new, changed and unchanged, given article_id -> loaded document_id.

    canonical: content_hash -> source of an article already loaded with that content. A document
    with another source's bytes is a copy of it (linked, no figures of its own); a source read
    earlier in this run (one url in two batches) is read once, its first version kept. Updates seen.
    not_modified: fetched pages a server answered 304 for, unchanged without bytes to look at.
    """
    result = Triage(not_modified=list(not_modified or []))
    seen.sources.update(result.not_modified)
    for document in documents:
        if document.source in seen.sources:
            result.rejects.append(Reject("acquire", document.source, "repeated_source",
                                         "the same source came earlier in this run: its first version is kept"))
            continue
        seen.sources.add(document.source)
        original = seen.contents.setdefault(document.content_hash, canonical.get(document.content_hash, document.source))
        if original != document.source:
            document = replace(document, hints={**document.hints, COPY_HINT: original})
        loaded = known.get(star.article_id_of(document.source))
        bucket = result.new if loaded is None else result.unchanged if loaded == document.content_hash else result.changed
        bucket.append(document)
    return result


COPY_HINT = "copy_of"  # a RawDocument hint: the source whose bytes it repeats


def parse_documents(documents: list[RawDocument], min_chinese: int = MIN_CHINESE_CHARS) -> tuple[list[Article], list[Reject]]:
    """Decode and normalise each document; refuse what is empty, binary, undecodable or not an article."""
    articles, rejects = [], []
    for document in documents:
        try:
            text, hints = document_text(document)
            if len(_CJK.findall(text, 0, 5000)) < min_chinese:
                raise DecodeError("not_an_article", f"fewer than {min_chinese} Chinese characters: not a Chinese news article")
            article = parse_article(text, source=document.source, content_hash=document.content_hash, hints=hints)
            article.copy_of = document.hints.get(COPY_HINT)
            articles.append(article)
            if isinstance(hints.get("published_date"), str) and date_in(hints["published_date"]) == (None, None):
                rejects.append(Reject("parse", document.source, "bad_date",
                                      f"date {hints['published_date'][:40]!r} is no date between 1900 and 2100: dropped, "
                                      f"the article loads without it"))
        except DecodeError as refusal:
            rejects.append(Reject("parse", document.source, refusal.reason, refusal.detail))
        except Exception as exc:  # noqa: BLE001 - one malformed article must not stop the batch
            rejects.append(Reject("parse", document.source, "parse_error", f"{type(exc).__name__}: {exc}"))
    return articles, rejects


def extract_articles(articles: list[Article]) -> tuple[list[Article], list[list[Figure]], list[Reject]]:
    """The figures of each article; an article the extractor fails on is refused, not half-loaded.

    A figure whose value cannot be true (1e999个) is refused alone, its article kept.
    """
    kept, figures, rejects = [], [], []
    originals = [article for article in articles if not article.copy_of]  # a copy's figures are its original's
    extracted = dict(zip(map(id, originals), extract_batch(originals), strict=True))
    for article in articles:
        found = extracted.get(id(article), [])
        if isinstance(found, Exception):  # one article's failure is reported, the batch goes on
            rejects.append(Reject("extract", article.source, "extract_error", f"{type(found).__name__}: {found}"))
            continue
        plausible = [f for f in found if implausible(f.value, f.unit) is None]
        rejects += [_implausible_reject(article.source, f) for f in found if implausible(f.value, f.unit)]
        kept.append(article)
        figures.append(plausible)
    return kept, figures, rejects


def _implausible_reject(source: str, figure: Figure) -> Reject:
    mention = figure.mention if len(figure.mention) <= 40 else figure.mention[:40] + "…"
    why = implausible(figure.value, figure.unit)
    return Reject("extract", source, "implausible_value", f"figure {mention!r} at {figure.start}: {why}")


def validate_batch(
    documents: list[RawDocument], articles: list[Article], figures: list[list[Figure]], run_id: str, now: datetime
) -> tuple[dict[str, pl.DataFrame], list[Reject]]:
    """Staging frames checked, then star-schema tables built and checked; failing rows become rejects."""
    stg_article, article_failures = split_valid(frames.StgArticle, star.stg_articles(articles))
    rejects = [_row_reject(articles[f.index].source, f.checks) for f in article_failures]
    stg_figure_all = star.stg_figures(articles, figures).filter(pl.col("article_id").is_in(stg_article["article_id"].implode()))
    stg_figure, figure_failures = split_valid(frames.StgFigure, stg_figure_all)
    sources = dict(zip(stg_article["article_id"], stg_article["source"], strict=True))
    rejects += [_row_reject(sources[stg_figure_all["article_id"][f.index]], f.checks, stg_figure_all.row(f.index, named=True))
                for f in figure_failures]
    built = star.star_tables(stg_article, stg_figure, run_id, now)
    built["raw_document"] = star.raw_documents(documents, run_id, now)
    built["dim_place"] = star.places_frame(star.figure_places(figures))  # zones found in text among them
    built = {name: _checked(name, frame) for name, frame in built.items()}  # derived from checked frames
    built["withdrawn"] = star.withdrawn(documents, built["dim_article"], run_id, now)
    dimensions = ("dim_article", "dim_metric", "dim_date", "dim_place")
    orphans = orphan_keys(built["fact_figure"], {k: built[k] for k in dimensions})
    if orphans:
        raise ValueError(f"fact_figure keys without a dimension row: {orphans}")
    return built, rejects


def rejects_table(rejects: list[Reject], run_id: str, now: datetime) -> pl.DataFrame:
    """The rejects of a batch as checked `rejects` rows."""
    return _checked("rejects", star.rejects_frame(rejects, run_id, now))


def places_table(places: list[Place]) -> pl.DataFrame:
    """The gazetteer as checked `dim_place` rows."""
    return _checked("dim_place", star.places_frame(places))


def _checked(name: str, frame: pl.DataFrame) -> pl.DataFrame:
    valid, failures = split_valid(TABLE_MODELS[name], frame)
    if failures:  # built by our own code from our own records: a failure here is a bug, not bad input
        raise ValueError(f"{name}: rows fail the schema: {failures[:3]}")
    return valid


def _row_reject(source: str, checks: str, row: dict | None = None) -> Reject:
    what = f" in figure {row['mention']!r} ({row['value']} {row['unit']})" if row else ""
    return Reject("validate", source, f"schema:{checks.split(':')[0]}", f"failed {checks}{what}")


TABLE_MODELS = {
    "raw_document": tables.RawDocument,
    "dim_source": tables.DimSource,
    "dim_article": tables.DimArticle,
    "dim_metric": tables.DimMetric,
    "dim_date": tables.DimDate,
    "fact_figure": tables.FactFigure,
    "dim_place": tables.DimPlace,
    "rejects": tables.Rejects,
}

"""pandera models of the warehouse tables, one class per table named after it; docstrings state the grain.

Frames are checked against these just before loading; cross-table rules sit in schemas/relationships.py.
"""

from __future__ import annotations

import pandera.polars as pa
import polars as pl

from flows.rules.vocab import CATEGORIES, PLACE_LEVELS, QUALIFIERS, STAGES
from schemas.frames import UNIT_PATTERN, StgArticle

HASH16 = {"min_value": 16, "max_value": 16}
SHA256 = {"min_value": 64, "max_value": 64}


class RawDocument(pa.DataFrameModel):
    """One row per distinct input by content hash, bytes exactly as read."""

    document_id: str = pa.Field(unique=True, str_length=SHA256)
    source: str = pa.Field(str_length={"min_value": 1})
    media_type: str
    content: pl.Binary
    byte_length: pl.Int64 = pa.Field(ge=0)  # an empty file is kept too: its reject points at it
    run_id: str
    acquired_at: pl.Datetime
    headers: str = pa.Field(nullable=True)  # JSON of a fetched page's response headers; null for files

    class Config:
        strict = True


class DimSource(pa.DataFrameModel):
    """One row per publisher and site."""

    source_id: str = pa.Field(unique=True, str_length=HASH16)
    publisher: str = pa.Field(str_length={"min_value": 1})
    site: str = pa.Field(str_length={"min_value": 1})
    kind: str = pa.Field(isin=["file", "web"])

    class Config:
        strict = True


class DimArticle(StgArticle):
    """One row per article (by source), describing the version loaded last."""

    source_id: str = pa.Field(str_length=HASH16)
    figure_count: pl.Int32 = pa.Field(ge=0)
    run_id: str
    loaded_at: pl.Datetime


class DimPlace(pa.DataFrameModel):
    """One row per gazetteer place: division or named zone."""

    place_id: str = pa.Field(unique=True)
    name: str = pa.Field(str_length={"min_value": 1})
    level: str = pa.Field(isin=PLACE_LEVELS)
    parent_id: str = pa.Field(nullable=True)
    province: str = pa.Field(nullable=True)

    class Config:
        strict = True


class DimMetric(pa.DataFrameModel):
    """One row per metric phrase and category."""

    metric_id: str = pa.Field(unique=True, str_length=HASH16)
    metric: str
    category: str = pa.Field(isin=CATEGORIES)

    class Config:
        strict = True


class DimDate(pa.DataFrameModel):
    """One row per calendar date."""

    date_id: pl.Int32 = pa.Field(unique=True, ge=19000101, le=21001231)
    date: pl.Date
    year: pl.Int32
    quarter: pl.Int32 = pa.Field(in_range={"min_value": 1, "max_value": 4})
    month: pl.Int32 = pa.Field(in_range={"min_value": 1, "max_value": 12})
    day: pl.Int32 = pa.Field(in_range={"min_value": 1, "max_value": 31})
    day_of_week: pl.Int32 = pa.Field(in_range={"min_value": 1, "max_value": 7})

    class Config:
        strict = True


class FactFigure(pa.DataFrameModel):
    """One row per distinct figure stated in one article."""

    figure_id: str = pa.Field(unique=True, str_length=HASH16)
    article_id: str = pa.Field(str_length=HASH16)
    metric_id: str = pa.Field(str_length=HASH16)
    place_id: str = pa.Field(nullable=True)
    date_id: pl.Int32 = pa.Field(nullable=True)
    mention: str = pa.Field(str_length={"min_value": 1})
    sentence: str = pa.Field(str_length={"min_value": 1})
    value: float = pa.Field(ge=-1e16, le=1e16)  # negative for a decline (下降5% -> -5)
    unit: str = pa.Field(str_matches=UNIT_PATTERN)
    qualifier: str = pa.Field(isin=QUALIFIERS)
    is_change: bool
    year: pl.Int32 = pa.Field(nullable=True, ge=1949, le=2100)
    rule: str
    position: pl.Int32 = pa.Field(ge=0)
    is_garbled: bool  # overlaps mojibake: do not trust the number
    is_threshold: bool  # the bound of a class (10亿元以上项目), no amount: never added into a total
    sentence_start: pl.Int32 = pa.Field(nullable=True, ge=0)  # null on rows loaded before the column existed
    sentence_end: pl.Int32 = pa.Field(nullable=True, ge=0)
    run_id: str

    class Config:
        strict = True


class Rejects(pa.DataFrameModel):
    """One row per thing refused, at the stage that refused it."""

    reject_id: str = pa.Field(unique=True, str_length=HASH16)
    run_id: str
    stage: str = pa.Field(isin=STAGES)
    source: str
    reason: str = pa.Field(str_length={"min_value": 1})
    detail: str
    rejected_at: pl.Datetime

    class Config:
        strict = True

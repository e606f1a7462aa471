"""pandera models of the frames that cross stages: what extraction hands to validation and loading."""

from __future__ import annotations

import pandera.polars as pa
import polars as pl

from flows.rules.vocab import CATEGORIES, QUALIFIERS, SCRIPTS, UNITS

# A unit of the controlled list, or other:<unit> for one it does not name (other:锭).
UNIT_PATTERN = rf"^(?:{'|'.join(UNITS)}|other:\S+)$"


class StgArticle(pa.DataFrameModel):
    """One row per parsed article of a batch (grain: article)."""

    article_id: str = pa.Field(unique=True, str_length={"min_value": 16, "max_value": 16})
    source: str = pa.Field(str_length={"min_value": 1})
    document_id: str = pa.Field(str_length={"min_value": 64, "max_value": 64})
    title: str = pa.Field(nullable=True)
    published_date: pl.Date = pa.Field(nullable=True)
    publisher: str = pa.Field(nullable=True)
    bylines: pl.List(pl.String)
    script: str = pa.Field(isin=SCRIPTS)
    is_mojibake: bool
    char_length: pl.Int32 = pa.Field(ge=1)
    text_length: pl.Int32 = pa.Field(ge=0)
    canonical_article_id: str = pa.Field(nullable=True)  # a byte-identical copy of that article: no figures
    minhash: pl.List(pl.Int64)  # text signature for near-duplicates (flows/similarity.py)

    class Config:
        strict = True


class StgFigure(pa.DataFrameModel):
    """One row per figure found in an article of the batch (grain: distinct figure in one article).

    Distinct by value, unit, change, metric and place: 外资企业5户 and 示范村5个 are two figures, so are
    乙市4个 and 丙市4个 of one list; a headline restating 总投资73.9亿元 of the body is one.
    """

    article_id: str = pa.Field(str_length={"min_value": 16, "max_value": 16})
    mention: str = pa.Field(str_length={"min_value": 1})
    sentence: str = pa.Field(str_length={"min_value": 1})
    # 1e16 yuan is past any economy; larger is a parsing error. Negative: a decline (下降5% -> -5) or a
    # written minus (利润-3.5亿元)
    value: float = pa.Field(ge=-1e16, le=1e16)
    unit: str = pa.Field(str_matches=UNIT_PATTERN)
    qualifier: str = pa.Field(isin=QUALIFIERS)
    is_change: bool
    metric: str = pa.Field(nullable=True)
    category: str = pa.Field(isin=CATEGORIES)
    year: pl.Int32 = pa.Field(nullable=True, ge=1949, le=2100)
    place_id: str = pa.Field(nullable=True)
    rule: str
    position: pl.Int32 = pa.Field(ge=0)
    is_garbled: bool  # overlaps mojibake: do not trust the number
    is_threshold: bool  # the bound of a class (10亿元以上项目), no amount: never added into a total
    sentence_start: pl.Int32 = pa.Field(ge=0)  # the whole sentence in the normalised text (`sentence` is capped)
    sentence_end: pl.Int32 = pa.Field(ge=0)

    class Config:
        strict = True
        unique = ["article_id", "unit", "value", "is_change", "metric", "place_id"]


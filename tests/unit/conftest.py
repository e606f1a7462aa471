"""Fixtures of the warehouse tests and the CLI tests: a one-article batch, and warehouses made from it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

import polars as pl
import pytest

from flows import star
from flows.acquire.local import make_document
from flows.batch import validate_batch
from flows.records import Article, Figure, Place
from warehouse import load

KUNMING = Place("530100", "昆明市", "prefecture", "530000", "云南省")
YUNNAN = Place("530000", "云南省", "province", "CN", "云南省")


def _one_article_batch(source: str = "a.txt", value: float = 9.635e9) -> dict[str, pl.DataFrame]:
    text = "2024年，昆明市签约项目15个，协议资金96.35亿元。"
    document = make_document(source, text.encode(), "text/plain")
    article = Article(source=source, content_hash=document.content_hash, original_text=text, text=text,
                      title="签约", published_date=date(2024, 1, 19), publisher="昆明发布")
    figures = [Figure(mention="96.35亿元", sentence=text, value=value, unit="CNY", metric="协议资金",
                      category="investment", year=2024, place=KUNMING, rule="money", start=20)]
    tables, _ = validate_batch([document], [article], [figures], "run-1", datetime(2024, 1, 20))
    tables["rejects"] = star.rejects_frame([], "run-1", datetime(2024, 1, 20))
    return tables


@pytest.fixture
def make_batch() -> Callable[..., dict[str, pl.DataFrame]]:
    """Builds the star-schema frames of one article (昆明市, 协议资金 96.35亿元) run through validation."""
    return _one_article_batch


@pytest.fixture
def places() -> pl.DataFrame:
    """dim_place rows for 云南省 and 昆明市, the places the batch refers to."""
    return star.places_frame([YUNNAN, KUNMING])


@pytest.fixture
def db(warehouse, places):
    """A warehouse file with its schema and the two places, nothing loaded."""
    load.ensure_schema(warehouse, places)
    return warehouse


@pytest.fixture
def loaded(db, make_batch):
    """A warehouse file holding the one-article batch."""
    load.load_batch(db, make_batch())
    return db

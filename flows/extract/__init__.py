"""Extraction: an Article in, its Figures out (numbers, units, qualifiers, metric, category, year, place)."""

from __future__ import annotations

from flows.records import Article, Figure


def extract_figures(article: Article) -> list[Figure]:
    """Every figure an analyst would want from one article, one per distinct figure."""
    raise NotImplementedError("extraction is being written in flows/extract/figures.py")

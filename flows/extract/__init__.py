"""Extraction: an Article in, its Figures out (numbers, units, qualifiers, metric, category, year, place).

figures.py finds the mentions, attribution.py (with years.py and metric.py) says what, when and
where; this module removes repeats. Plain functions: no framework, no I/O.
"""

from __future__ import annotations

import re

from flows.extract.attribution import attribute
from flows.extract.figures import find_mentions
from flows.records import Article, Figure

_SPACE = re.compile(r"\s+")  # a headline's spaces (项目集中开工 总投资) may be gone from the body's line
_HAS_FULLWIDTH = re.compile("[０-９．％]")
_FULLWIDTH = str.maketrans("０１２３４５６７８９．，％", "0123456789.,%")


def extract_figures(article: Article) -> list[Figure]:
    """Every figure an analyst would want from one article, one per distinct figure."""
    if _HAS_FULLWIDTH.search(article.text):  # same length, so offsets stay valid for article.text
        article = _with_text(article, article.text.translate(_FULLWIDTH))
    text = article.text
    figures = attribute(article, find_mentions(text))
    return dedupe(figures, article.title)


def dedupe(figures: list[Figure], title: str | None) -> list[Figure]:
    """One row per figure: a headline repeating the body, or the same metric stated twice.

    Same (unit, value, is_change) alone is not enough: distinct figures share values
    (12个 projects over 1 billion and 12个 high-tech projects). Keeps the better attributed one.
    """
    kept: list[Figure] = []
    by_key: dict[tuple, list[int]] = {}
    for fig in figures:
        slots = by_key.setdefault((fig.unit, fig.value, fig.is_change), [])
        twin = next((n for n in slots if _same(kept[n], fig, title)), None)
        if twin is None:
            slots.append(len(kept))
            kept.append(fig)
        elif _completeness(fig) > _completeness(kept[twin]) or (_headline(kept[twin], title) and not _headline(fig, title)):
            kept[twin] = fig
    return kept


def _same(a: Figure, b: Figure, title: str | None) -> bool:
    if (a.unit, a.value, a.is_change) != (b.unit, b.value, b.is_change):
        return False
    return a.metric == b.metric or _headline(a, title) or _headline(b, title)


def _headline(fig: Figure, title: str | None) -> bool:
    """The title. (Subheads are not: gold counts 达成意向投资项目7个 above its paragraph as a figure.)"""
    return bool(title and fig.sentence and _SPACE.sub("", fig.sentence) in _SPACE.sub("", title))


def _completeness(fig: Figure) -> int:
    return (fig.year is not None) + (fig.place is not None) + (fig.metric is not None)


def _with_text(article: Article, text: str) -> Article:
    from dataclasses import replace

    return replace(article, text=text)

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


def extract_figures(article: Article) -> list[Figure]:
    """Every figure an analyst would want from one article, one per distinct figure.

    article.text is normalised text (parse_article's): full-width digits, "％" and "．" are folded
    there, so the patterns here look for ASCII ones only.
    """
    figures = attribute(article, find_mentions(article.text))
    return dedupe(figures, article.title)


def dedupe(figures: list[Figure], title: str | None) -> list[Figure]:
    """One row per figure: a headline repeating the body, or the same metric stated twice.

    Same (unit, value, is_change) alone is not enough: distinct figures share values
    (12个 projects over 1 billion and 12个 high-tech projects). Keeps the better attributed one.
    """
    kept: list[Figure] = []
    by_key: dict[tuple, list[int]] = {}
    headline = _Headline(title)
    for fig in figures:
        slots = by_key.setdefault((fig.unit, fig.value, fig.is_change), [])
        twin = None
        for n in slots:  # same (unit, value, is_change) already: twins if the metric agrees or one is the headline
            if kept[n].metric == fig.metric or headline(kept[n]) or headline(fig):
                twin = n
                break
        if twin is None:
            slots.append(len(kept))
            kept.append(fig)
        elif _completeness(fig) > _completeness(kept[twin]) or (headline(kept[twin]) and not headline(fig)):
            kept[twin] = fig
    return kept


class _Headline:
    """Is a figure's sentence the title? (Subheads are not: gold counts 达成意向投资项目7个 above its
    paragraph as a figure.) The title is compacted once per article, each sentence once."""

    def __init__(self, title: str | None):
        self.title = _SPACE.sub("", title) if title else None
        self.seen: dict[str, bool] = {}

    def __call__(self, fig: Figure) -> bool:
        if not self.title or not fig.sentence:
            return False
        if fig.sentence not in self.seen:
            self.seen[fig.sentence] = _SPACE.sub("", fig.sentence) in self.title
        return self.seen[fig.sentence]


def _completeness(fig: Figure) -> int:
    return (fig.year is not None) + (fig.place is not None) + (fig.metric is not None)

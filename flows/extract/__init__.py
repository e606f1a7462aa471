"""Extraction: an Article in, its Figures out (numbers, units, qualifiers, metric, category, year, place).

figures.py finds the mentions, attribution.py (with years.py and metric.py) says what, when and
where; this module removes repeats. Plain functions: no framework, no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from flows.extract.attribution import attribute, read_places
from flows.extract.figures import find_mentions
from flows.extract.years import time_words
from flows.records import Article, Figure

_SPACE = re.compile(r"\s+")  # a headline's spaces (项目集中开工 总投资) may be gone from the body's line


def extract_figures(article: Article) -> list[Figure]:
    """Every figure an analyst would want from one article, one per distinct figure.

    article.text is normalised text (parse_article's): full-width digits, "％" and "．" are folded
    there, so the patterns here look for ASCII ones only.
    """
    (found,) = extract_batch([article])
    if isinstance(found, Exception):
        raise found
    return found


def extract_batch(articles: Sequence[Article]) -> list[list[Figure] | Exception]:
    """extract_figures of each article of a batch, or the exception that stopped it (the others go on).

    Runs stage by stage over the whole batch (every article's mentions, then places, then time words,
    then the attribution of each) rather than article by article: each stage's automata, patterns and
    tables then stay in the CPU caches across articles instead of pushing each other out, which made
    extraction ~10% faster on seed-like pages (alternating rounds, median of 40).
    """
    failed: dict[int, Exception] = {}
    mentions = _each(failed, articles, lambda article: find_mentions(article.text))
    places = _each(failed, articles, lambda article, found: read_places(article) if found else None, mentions)
    events = _each(failed, articles, lambda article, found: time_words(article.text) if found else None, mentions)
    figures = _each(failed, articles, lambda article, *read: dedupe(attribute(article, *read), article.title),
                    mentions, places, events)
    return [failed.get(n, found) for n, found in enumerate(figures)]


def _each(failed: dict[int, Exception], articles: Sequence[Article], step: Callable, *columns: list) -> list:
    """step(article, *its values in columns) for each article no earlier stage failed on; a failure is kept
    in `failed` by the article's position and its value is None."""
    out = []
    for n, article in enumerate(articles):
        value = None
        if n not in failed:
            try:
                value = step(article, *(column[n] for column in columns))
            except Exception as error:  # noqa: BLE001 - one article's failure is its own; the caller reports it
                failed[n] = error
        out.append(value)
    return out


def dedupe(figures: list[Figure], title: str | None) -> list[Figure]:
    """One row per figure: a headline repeating the body, or the same figure stated twice.

    Same (unit, value, is_change) alone is not enough: distinct figures share values (12个 projects
    over 1 billion and 12个 high-tech projects; 乙市4个、丙市4个 in one list). Twins are a headline and
    the body, or two statements of one metric for one place in different sentences (or a back-reference,
    这12个项目, in the same one). Keeps the better attributed one.
    """
    kept: list[Figure] = []
    by_key: dict[tuple, list[int]] = {}
    headline = _Headline(title)
    for fig in figures:
        slots = by_key.setdefault((fig.unit, fig.value, fig.is_change), [])
        twin = next((n for n in slots if _twins(kept[n], fig, headline)), None)
        if twin is None:
            slots.append(len(kept))
            kept.append(fig)
        elif _completeness(fig) > _completeness(kept[twin]) or (headline(kept[twin]) and not headline(fig)):
            kept[twin] = fig
    return kept


def _twins(first: Figure, later: Figure, headline: _Headline) -> bool:
    """Do two figures of equal (unit, value, is_change) state one figure? (later follows first)"""
    if headline(first) or headline(later):
        return True
    same_sentence = first.sentence == later.sentence and later.start - first.start < len(later.sentence)
    if same_sentence:  # list items (乙市4个、丙市4个) unless the later refers back (这12个项目)
        return _refers_back(later.sentence, first.mention, later.mention)
    if first.metric != later.metric:
        return False
    # stated twice for one place; 乙市新增企业5家 ... 丙市新增企业5家 are two figures
    return first.place is None or later.place is None or first.place.place_id == later.place.place_id


def _refers_back(sentence: str, first: str, later: str) -> bool:
    """签约项目12个，这12个项目… : the later mention, in the same sentence, is the first one again."""
    at = sentence.find(later, sentence.find(first) + len(first))
    return at > 0 and sentence[at - 2:at].endswith(_BACK_REFERENCE)


_BACK_REFERENCE = ("这", "该", "此", "上述")  # 这12个项目, 上述5家企业


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

"""The reporting year of each figure: each time word acts by its role over its scope.

Roles (ROLES): a point names a year (2023年, 2023 年, 今年, 目前, 2019某某博览会); a period lies inside
the year in force (上半年, 1-9月, 前三季度, 截至6月底); a span covers several years and leaves the year
open (近三年, 2016—2022年, 帮扶4年来, 开园以来; 2024年以来 in a 2024 article is this year so far); a
base is what a figure is compared with, not its year (比上年, 与2020年同期相比, 去年同期).
Scopes, narrowest first: one figure (2011年的228.2亿美元, the listed years of 分别, the ends of a span
from 从 to 到), the brackets a time word sits in, its sentence, the passage it heads (2024年，
回顾2023年 截至2023年底) to the end of its paragraph, a numbered section heading's section
(二、2024年主要预期目标), the article (its date, else the year its text fixes). A paragraph with no
time word of its own does not inherit an older paragraph's look back (YearFlow). Cannot read
semantics: a cumulative total since a month (截至今年5月，累计开行...) is taken as a within-year total.

Here: the time words of a text and the year handed on between sentences (YearFlow); figure_years.py the
years of one sentence's figures; undated.py the year of an article without a date.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from flows.extract.figure_years import relative_year, sentence_years
from flows.extract.undated import inferred_year
from flows.rules.time_words import (
    ANY_TIME,
    ANY_TIME_OR_EVENT,
    CLAUSE_END_AT,
    OWN_ROLES,
    TIME_WORDS,
    TO_CLAUSE_START,
    YEAR_WITHOUT_NIAN,
    point_year,
    role,
)


def time_words(text: str) -> list[re.Match]:
    """Every time expression of text, found once per article: what TIME_WORDS.finditer(text) finds.

    Only the clauses holding an ANY_TIME character are scanned, which halves the cost of a scan of
    the whole page (75 -> 40 us a seed article). It finds the same: no time expression runs across a
    clause end, and each holds one of those characters.
    """
    found: list[re.Match] = []
    scanned = 0
    # The event nouns of a named year (2019某某博览会) are common words (会, 活动): they are anchors only
    # where a year written without 年 occurs at all, which most pages lack
    anchors = ANY_TIME_OR_EVENT if YEAR_WITHOUT_NIAN.search(text) else ANY_TIME
    for anchor in anchors.finditer(text):
        at = anchor.start()
        if at < scanned:
            continue
        opened = TO_CLAUSE_START.match(text, scanned, at)
        begin = opened.end() if opened else scanned
        stop = CLAUSE_END_AT.search(text, at)
        # A comma may close an expression (2023年7月，): it belongs to the clause. 。；; never occur in
        # one, so the scan can end before them.
        scanned = len(text) if stop is None else stop.end() if stop[0] in "，," else stop.start()
        found += TIME_WORDS.finditer(text, begin, scanned)
    return found


class YearFlow:
    """The year handed on from sentence to sentence of one article, by scope.

    A year heading a sentence (2020年，) holds to the end of its paragraph (a line of the normalised
    text); a numbered section heading's year (二、2024年主要目标) to the next heading that names one.
    A paragraph with no time word of its own does not inherit an earlier paragraph's look back
    (2020年，… then 如今…, 车间里…): it falls back to its section's year, else the article's own (its
    date's, or for an undated article the year its text fixes). The year before the article's is no
    look back but the year a review reports on, and goes on. Short lines that end no sentence (list
    items, subheads) continue the paragraph before them. A title naming the article's year or the one
    before (去年我市GDP增长5.3%) is what the paragraphs without a time word report on.
    """

    def __init__(self, text: str, events: list[re.Match], published: int | None, title: str | None = None,
                 month: int | None = None):
        self.text = text
        if published is None:
            self.current, fixed = inferred_year(text, events)
        else:
            self.current, fixed = published, True
        self.dated = fixed  # dated, or the text fixes its present: 去年 is the year before
        self.month = month  # of the article's date, when it has a day
        # What a paragraph without a time word falls back to: the year the title reports on when it
        # is the article's or the one before (去年我市GDP增长5.3%, 某县2024年统计公报 of March 2025)
        self.reported = _title_year(title, self.current) if self.dated else None
        if self.reported is None:
            self.reported = self.current
        self.carried = self.reported
        self.defaulted = True  # the carried year is the article's own: no time word set it
        self.section: int | None = None
        self.paragraph_end = -1
        self.own = [m.start() for m in events if role(m) in OWN_ROLES]  # a paragraph's own time words

    def sentence(self, sentence: str, start: int, offsets: list[int], events: list[re.Match],
                 heading: bool = False) -> list[int | None]:
        """Years of the figures at offsets (relative to sentence, which starts at start in the text)."""
        if start > self.paragraph_end:
            self._enter(start)
        # a list's head (2022年各园区新增企业：) hands its year to the items, as a heading does
        heads = heading or sentence.rstrip().endswith((":", "："))
        years, carried = sentence_years(sentence, offsets, self.carried, self.current, self.dated, events, start,
                                        heads, month=self.month, defaulted=self.defaulted)
        if heading and carried != self.carried:
            self.section = carried
        if carried != self.carried:
            self.defaulted = False
        self.carried = carried
        return years

    def _enter(self, start: int) -> None:
        """A new paragraph from start: the carried year stays only if the paragraph has a time word."""
        end = self.text.find("\n", start)
        end = len(self.text) if end == -1 else end
        self.paragraph_end = end
        if _continues(self.text[start:end]):
            return
        n = bisect_left(self.own, start)
        if (n == len(self.own) or self.own[n] >= end) and not self._recent(self.carried):
            self.carried = self.reported if self.section is None else self.section
            self.defaulted = self.section is None

    def _recent(self, year: int | None) -> bool:
        """The article's year or the one before: a review of last year (2023年，… in an article of
        January 2024) goes on in paragraphs without a year; an older year was a look back."""
        return year is not None and self.current is not None and self.current - 1 <= year <= self.current


def _title_year(title: str | None, current: int | None) -> int | None:
    """The year a title names as what it reports on, if the article's or the one before."""
    if not title or current is None:
        return None
    for m in TIME_WORDS.finditer(title):
        if role(m) == "point" and not _names_a_base(title, m):
            year = point_year(m) if m["rel"] is None else relative_year(m["rel"], None, current, True)
            return year if year is not None and current - 1 <= year <= current else None
    return None


def _names_a_base(sentence: str, m: re.Match) -> bool:
    """A point named as a base of one figure: 是2015年的3.4倍, 由去年的25%."""
    return sentence.startswith("的", m.end())


def _continues(line: str) -> bool:
    """A short line that ends no sentence: a list item (洋浦经济开发区2705家) or a subhead."""
    return len(line) <= _LIST_ITEM_MAX and not line.rstrip().endswith(_SENTENCE_ENDS)


_LIST_ITEM_MAX = 40
_SENTENCE_ENDS = ("。", "！", "？", "!", "?", "”", "」")

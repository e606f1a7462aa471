"""The year of an undated article: the latest year its text reports on, and whether the text fixes it as its
present (a dated founding plus 一年来, a year inside an event's name such as 2019某某博览会)."""

from __future__ import annotations

import re

from flows.rules.time_words import (
    FOUNDED,
    FOUNDED_BEFORE,
    FUTURE_BEFORE,
    SINCE_YEARS,
    SPAN_NUMERALS,
    TIME_WORDS,
    YEAR,
    point_year,
    year_number,
)


def current_year(text: str, published: int | None, events: list[re.Match] | None = None) -> int | None:
    """The article's own year: its date, else the latest year its text reports on.

    Without a date: the latest past year named (not a target: 到2025年, nor a founding: 成立于2012年),
    a comparison base plus one (与2020年同期相比 -> 2021), a start plus a span (从一九九二年...十七年来 -> 2009), or an
    anniversary (开通10年来 ... 2013年首趟班列 -> 2023).
    """
    return published or inferred_year(text, events)[0]


def inferred_year(text: str, events: list[re.Match] | None = None) -> tuple[int | None, bool]:
    """The latest year an undated text reports on, and whether the text fixes it as its present (a
    span up to now from a dated start: 2014年首趟班列 … 开通10年来; 今年 and 去年 then count from it)
    rather than only naming it (2021年…, 比2020年增长, 2019某某博览会 may be this year or last)."""
    years, fixed = [], []
    for m in TIME_WORDS.finditer(text) if events is None else events:
        if m["named"] or m["roc"] or m["roc_bare"] or m["last"]:  # 2019某某博览会; 2016—2022年 reaches 2022
            years.append(point_year(m) or year_number(m["last"]))
        elif m["year"]:
            before = text[max(0, m.start() - 3):m.start()]
            if not (FUTURE_BEFORE.search(before) or FOUNDED_BEFORE.search(before)):
                years.append(year_number(m["year"]))
        elif m["base"]:
            digits = re.search(YEAR, m["base"])
            if digits:
                years.append(year_number(digits[0]) + 1)
    for m in SINCE_YEARS.finditer(text):
        span = m[2]
        fixed.append(year_number(m[1]) + (int(span) if span.isdigit() else small_numeral(span)))
    fixed += _anniversary_years(text)
    latest = max(years + fixed, default=None)
    return latest, latest is not None and latest in fixed


def _anniversary_years(text: str) -> list[int]:
    """The year an undated article marks: one founding year plus one span of years (10年来 + 2013年首趟)."""
    spans = _years_since(text)
    if len(spans) != 1:  # none, or several: no telling which goes with the founding year
        return []
    founded = {year_number(m[1]) for m in FOUNDED.finditer(text)}
    return [founded.pop() + spans.pop()] if len(founded) == 1 else []


def _years_since(text: str) -> set[int]:
    """Lengths of the spans YEARS_SINCE.finditer(text) finds (10年来, 十周年来), read back from each 年来.

    A scan of the page tried the pattern at every position (~100 us on a page with one 年来). The
    match ending at a 年来 holds the run of numerals of one kind (\\d is isdecimal) right before it
    (or before its 周): the scan enters a run at its first character, and no earlier match can reach
    into the run, as every match ends with 来.
    """
    spans: set[int] = set()
    at = text.find("年来")
    while at != -1:
        end = at - 1 if at and text[at - 1] == "周" else at
        end -= end > 0 and text[end - 1] == " "  # a typeset space: 11 年来
        begin = end
        if begin and text[begin - 1].isdecimal():
            while begin and text[begin - 1].isdecimal():
                begin -= 1
        else:
            while begin and text[begin - 1] in SPAN_NUMERALS:
                begin -= 1
        if begin < end:
            spans.add(_span_length(text[begin:end]))
        at = text.find("年来", at + 2)
    return spans


def _span_length(span: str) -> int:
    return int(span) if span.isdigit() else small_numeral(span)


def small_numeral(text: str) -> int:
    """"十七" -> 17, "三" -> 3: the numerals of spans and anniversaries."""
    from flows.extract.numbers import parse_number

    return int(parse_number(text))

"""The years of the figures of one sentence, by the role and scope of its time words (see years.py), and the
year the sentence hands on to the next."""

from __future__ import annotations

import re

from flows.extract.undated import small_numeral
from flows.rules.time_words import (
    BASE_FIGURE,
    CLAUSE_END,
    LISTED_NEXT,
    LISTED_YEARS,
    MONTHS_TO,
    MULTIPLE,
    PAST_POINTS,
    PERIOD_END,
    PLANNED,
    TIME_WORDS,
    UP_TO_NOW,
    YEAR,
    YEAR_DIGITS,
    point_year,
    year_number,
)

# 累计 without a span word (截至3月31日，集装箱累计到发...) is read as a total of the current year:
# in this genre the multi-year totals say so (近年来, 十七年来, 托管以来). Kept as a switch for tests.
CUMULATIVE_OPENS_YEAR = False


def sentence_years(sentence: str, offsets: list[int], carried: int | None, current: int | None,
                   dated: bool, events: list[re.Match] | None = None, base: int = 0,
                   heading: bool = False, *, month: int | None = None,
                   defaulted: bool = False) -> tuple[list[int | None], int | None]:
    """Years of the figures at offsets (relative to sentence) and the year carried to the next sentence.

    events: the sentence's time expressions when already found in the whole text, base: where the
    sentence starts in that text (matches then carry offsets in the text, not the sentence).
    heading: the sentence is a section heading (二、2024年主要预期目标): any year in it carries.
    month: the article's month; defaulted: carried is the article's own year, no time word set it.
    Each time expression acts by its role (point, period, span, base) over its scope: one figure
    (2011年的228.2亿美元), the brackets it sits in, the listed figures after 分别, the ends of a span
    (从…到…), the sentence, or the passage it heads (carried).
    """
    state, frame_seen, cum_clause_end, one_shot = carried, False, -1, (-1, None)
    ends: tuple[int, int, int] | None = None  # first and last year of a span, where it starts
    restore: tuple[int, int | None] | None = None  # where a bracket closes, the state before it
    years: list[int | None] = []
    pending = iter(offsets)
    offset = next(pending, None)
    found = list(TIME_WORDS.finditer(sentence) if events is None else events)
    listed = _respective_years(sentence, offsets) if "分别" in sentence else {}
    anchored = False  # a point of this sentence (今年, 2023年) has set the year
    first_said: int | None = None  # the year a 从/由 named: 从2015年的384亿元
    for m in [*found, None]:
        start = m.start() - base if m is not None else 0
        while offset is not None and (m is None or offset <= start):
            if restore is not None and offset > restore[0]:
                state, restore = restore[1], None
            if offset in listed:
                years.append(listed[offset])
            # 同比2011年的228.2亿美元: that figure only; but 是2011年的3倍 is this year's ratio
            elif one_shot[1] is not None and 0 <= offset - one_shot[0] <= 2 and not MULTIPLE.match(sentence, offset):
                years.append(one_shot[1])
                # 由上年的29.1%、19.8%调整为…: the items listed after that figure are of its year too
                listed_next = LISTED_NEXT.match(sentence, offset)
                one_shot = (listed_next.end(), one_shot[1]) if listed_next else (-1, None)
            elif ends is not None and offset > ends[2] and (end_year := _span_end(sentence, offset, ends)):
                years.append(end_year)
            else:
                years.append(None if offset < cum_clause_end else state)
            offset = next(pending, None)
        if m is None:
            break
        if restore is not None and start > restore[0]:
            state, restore = restore[1], None
        end = m.end() - base
        if restore is None and (close := _bracket_close(sentence, start, end)) is not None:
            restore = (close, state)  # (2019年2100万吨): a time word in brackets holds inside them
        if m["year"] and sentence.startswith("的", end):  # 是2015年的3.4倍: a base, the state stays
            one_shot = (end + 1, year_number(m["year"]))
            # 由2016年的235.6亿元增加到2021年的401.2亿元: a span whose ends the next 由…到 shares
            said_from = sentence[start - 1:start]
            if said_from in _FROM:
                first_said = one_shot[1]
            elif said_from in _TO and first_said is not None:
                ends = (first_said, one_shot[1], end)
                state = None  # the sentence goes on over the span: 年均增长8.9% has no one year
        elif (named_year := point_year(m)) is not None:  # a point: 2023年, 2019长三角…博览会, 民国112年
            state = named_year
            anchored = True
            frame_seen = True
            if m["head"] or m["lead"] or heading:
                carried = state
        elif m["rel"] and (named := BASE_FIGURE.match(sentence, end)):  # 由去年的25%提升至31%: 25% only
            one_shot = (named.end(), relative_year(m["rel"], state, current, dated))
        elif m["rel"]:
            state = relative_year(m["rel"], state, current, dated)
            anchored = True
            frame_seen = True
            if (m["relhead"] and start < 12) or heading:
                carried = state
        elif m["span"] and _span_year(m["span"]) == current:  # 2024年以来 in a 2024 article: this year so far
            state = current
            frame_seen = True
            if start < 12:
                carried = state
        elif m["range"]:  # 2012—2020年: several years; 从70亿元增长到232亿元 names its ends
            state = None
            ends = (year_number(m["first"]), year_number(m["last"]), end)
        elif m["span"] in PAST_POINTS and sentence.startswith("的", end):
            pass  # 由最初的电子产品扩展到200多种: the start of a change, not the time of the sentence
        elif m["span"] or (m["since"] and not _within_year(m["since"])):
            state = None
            if UP_TO_NOW.search(m[0]):  # 托管以来，人口从2万人增加到3.5万人: the last is now
                ends = (None, current, end)
        elif m["frame"]:
            frame_seen = True
            # 1-11月 in an article of January 2024, no year said: a period that has not ended yet in the
            # article's year is of the year before (unless planned: 预计上半年)
            ended = _period_end(m["frame"])
            if (defaulted and not anchored and state == current and month and ended and ended > month and current
                    and not PLANNED.search(sentence, 0, start)):
                state = current - 1
                if start < 12:
                    carried = state
        elif m["cum"] and not frame_seen and CUMULATIVE_OPENS_YEAR:
            end = CLAUSE_END.search(sentence, end)
            cum_clause_end = end.start() if end else len(sentence)
    if restore is not None:
        state = restore[1]
    return years, carried


def _respective_years(sentence: str, offsets: list[int]) -> dict[int, int]:
    """Offset -> year of the figures a list of years before 分别 goes to, in order."""
    listed: dict[int, int] = {}
    for m in LISTED_YEARS.finditer(sentence):
        years = [year_number(y) for y in YEAR_DIGITS.findall(m[0])]
        after = [at for at in offsets if at >= m.end()][:len(years)]
        if len(after) == len(years):
            listed.update(zip(after, years, strict=True))
    return listed


def _period_end(frame: str) -> int | None:
    """The month a period ends in, None for the whole year, a half year's second half or a date."""
    if frame in PERIOD_END:
        return PERIOD_END[frame]
    m = MONTHS_TO.fullmatch(frame)
    if m is None:
        return None
    last = m[1] or m[2]
    return int(last) if last.isdigit() else small_numeral(last)


def _span_end(sentence: str, offset: int, ends: tuple[int, int, int]) -> int | None:
    """The end of a span a figure is said at: 从70.51亿元 -> the first year, 增长到232.25亿元 -> the last."""
    before = sentence[offset - 1:offset]
    if before in _FROM:
        return ends[0]  # None for a span since a founding the text does not date
    if before in _TO and any(word in sentence[ends[2]:offset] for word in _FROM):
        return ends[1]
    return None


_FROM = ("从", "由")
_TO = ("到", "至")


def _bracket_close(sentence: str, start: int, end: int) -> int | None:
    """Where the brackets around sentence[start:end] close, None when it stands in none."""
    opened = sentence.rfind("(", 0, start)
    if opened == -1 or sentence.rfind(")", 0, start) > opened:
        return None
    close = sentence.find(")", end)
    return None if close == -1 else close


def _span_year(span: str) -> int | None:
    """The year a span starts in (2024年以来 -> 2024), None for spans without one (近年来)."""
    head = re.match(YEAR, span)
    return year_number(head[0]) if head else None


def _within_year(since: str) -> bool:
    """自4月10日试运营以来 is within a year; 自2018年以来 and 自扶贫协作开展以来 are not."""
    return "年" not in since and ("月" in since or "日" in since)


def relative_year(word: str, state: int | None, current: int | None, dated: bool) -> int | None:
    """The year of a relative word: 今年/去年 against the article's year, 上年 (the year before) against
    the year in force (2024年…，由上年的29.1% -> 2023 in an article of 2025), 当年 is that year."""
    if word == "上年" and state is not None:
        return state - 1
    if word == "当年" or current is None:
        return state if word == "当年" else None
    # Undated articles: the inferred year is already the year reported on, so 去年 means that year.
    shift = {"今年": 0, "本年": 0, "目前": 0, "如今": 0, "当前": 0, "眼下": 0, "去年": -1, "上年": -1, "过去一年": -1, "前年": -2, "明年": 1}[word]
    return current + shift if dated or shift > 0 else current

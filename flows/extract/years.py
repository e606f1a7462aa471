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
"""

from __future__ import annotations

import re
from bisect import bisect_left

from flows.rules.time_words import (
    ANY_TIME,
    ANY_TIME_OR_EVENT,
    BASE_FIGURE,
    CLAUSE_END,
    CLAUSE_END_AT,
    FOUNDED,
    FOUNDED_BEFORE,
    FUTURE_BEFORE,
    LISTED_NEXT,
    LISTED_YEARS,
    MONTHS_TO,
    MULTIPLE,
    OWN_ROLES,
    PAST_POINTS,
    PERIOD_END,
    PLANNED,
    SINCE_YEARS,
    SPAN_NUMERALS,
    TIME_WORDS,
    TO_CLAUSE_START,
    UP_TO_NOW,
    YEAR,
    YEAR_DIGITS,
    YEAR_WITHOUT_NIAN,
    point_year,
    role,
    year_number,
)

# 累计 without a span word (截至3月31日，集装箱累计到发...) is read as a total of the current year:
# in this genre the multi-year totals say so (近年来, 十七年来, 托管以来). Kept as a switch for tests.
CUMULATIVE_OPENS_YEAR = False


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
        fixed.append(year_number(m[1]) + (int(span) if span.isdigit() else _cn_small(span)))
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
    return int(span) if span.isdigit() else _cn_small(span)


def _cn_small(text: str) -> int:
    from flows.extract.numbers import parse_number

    return int(parse_number(text))


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
            year = point_year(m) if m["rel"] is None else _relative(m["rel"], None, current, True)
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
            one_shot = (named.end(), _relative(m["rel"], state, current, dated))
        elif m["rel"]:
            state = _relative(m["rel"], state, current, dated)
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
    return int(last) if last.isdigit() else _cn_small(last)


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


def _relative(word: str, state: int | None, current: int | None, dated: bool) -> int | None:
    """The year of a relative word: 今年/去年 against the article's year, 上年 (the year before) against
    the year in force (2024年…，由上年的29.1% -> 2023 in an article of 2025), 当年 is that year."""
    if word == "上年" and state is not None:
        return state - 1
    if word == "当年" or current is None:
        return state if word == "当年" else None
    # Undated articles: the inferred year is already the year reported on, so 去年 means that year.
    shift = {"今年": 0, "本年": 0, "目前": 0, "如今": 0, "当前": 0, "眼下": 0, "去年": -1, "上年": -1, "过去一年": -1, "前年": -2, "明年": 1}[word]
    return current + shift if dated or shift > 0 else current

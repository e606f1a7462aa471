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

_CN_YEAR_DIGITS = str.maketrans("〇零一二三四五六七八九", "00123456789")
_YEAR = r"(?:19|20)\d{2}|[一二][九〇零][〇零一二三四五六七八九]{2}"
_N = r"(?:[两二三四五六七八九十几多]|\d+)"
# A typeset space between a number and its time word (2023 年, 截至 2024 年 6 月): normalisation
# keeps spaces between a digit and a CJK character, so each pattern allows one where a number ends.
_SP = " ?"
_MONTH = rf"\d{{1,2}}{_SP}月"
# A period inside a year before the comma that makes the year head a passage: 2023年7月3日，  今年1-5月，
# 截至今年6月底，
_PERIOD = (rf"(?:{_SP}{_MONTH}(?:{_SP}\d{{1,2}}{_SP}日)?(?:[-—至到]\d{{1,2}}日)?(?:底|末|初)?"
           rf"|{_SP}\d{{1,2}}[-—~至]\d{{1,2}}月|[上下]半年|前?[一二三四]季度|前三季度|底|末|初|全年)?{_SP}[，,]")
# What an event named with its year is (2019长三角国际汽车博览会, 2024“数字经济”大会): its year is
# written without 年
_EVENT_NOUNS = "博览会|交易会|洽谈会|推介会|交流会|招商会|大会|年会|论坛|峰会|活动|展会|大赛|文化节|旅游节"
# A founding or opening a total counts from: 开园以来, 封关运行至今 (a span of years, no year of its own)
_SINCE_EVENTS = "成立|开园|建园|建区|设立|挂牌|获批|运营|运行|开通|开行|投运|封关|托管|开展|启动"

# One alternation, tried left to right at each position; the group that matched says what it is,
# and ROLES below what it does.
TIME_WORDS = re.compile(
    # a one-character gate first: most positions fail it at once, which keeps the scan fast
    r"(?=[比较与同相自近多一历最起当两二三四五六七八九十几连投达建托成开回截今本去目上过前明全下年累〇零\d"
    r"如眼“设挂获运封启])"
    rf"(?:(?P<base>(?:比|较|与|同比|相比){_SP}(?:(?:{_YEAR}){_SP}年(?!的)|上年|去年|上一年))"  # 比2005年提高: a base
    rf"|(?P<since>自[^，,。；;]{{0,20}}?以来)"  # 自4月10日试运营以来 (within) / 自东西部扶贫协作开展以来 (span)
    # 2016-2018年, 2015年—2022年: several years, whose ends a 从…到 inside may name
    rf"|(?P<range>(?P<first>{_YEAR}){_SP}(?:年{_SP})?[-—–~至到]{_SP}(?P<last>{_YEAR}){_SP}年)"
    rf"|(?P<span>近年来|近几年|多年来|一年多来|历年|最初|起初|当初|{_N}{_SP}年多?(?:来|以来)|近{_N}{_SP}年|连续{_N}年"
    rf"|(?:{_YEAR}){_SP}年(?:{_SP}\d{{1,2}}{_SP}月)?(?:以来|起|至今)|(?:{_YEAR})年[、和](?:{_YEAR})年两年"
    rf"|(?:{_SINCE_EVENTS})(?:以来|至今)"
    rf"|投产达效后|达产后|建成后|投产后)"
    rf"|(?P<lead>回顾|截至|截止)?{_SP}(?P<year>{_YEAR}){_SP}年度?"
    rf"(?P<head>{_PERIOD})?"
    rf"|(?P<rel>今年|本年|去年|上年|过去一年|前年|明年|当年|目前|如今|当前|眼下)(?P<relhead>{_PERIOD})?"
    rf"|(?P<named>(?:19|20)\d{{2}})(?=[“\"《]|[^\W\d_年月日家个项亿万元人名户台辆吨条座所多余])"
    rf"(?=[^,，。;；!?\s]{{1,30}}?(?:{_EVENT_NOUNS}))"
    rf"|(?P<frame>全年|上半年|下半年|前三季度|[一二三四]季度|年初|年底|年末|截至|截止|\d{{1,2}}[-—~至]\d{{1,2}}月"
    rf"|[一二三四五六七八九十]+至[一二三四五六七八九十]+月|前\d+个月|前[一二三四五六七八九十]+个月|一年来)"
    rf"|(?P<cum>累计))"
)
# The role of each TIME_WORDS group, with an example. A paragraph's own time words are those of
# every role but base and total: 比上年增长5% says nothing of when the paragraph is.
ROLES = {
    "year": "point",  # 2023年, 截至 2023 年底
    "named": "point",  # 2019长三角国际汽车博览会: the event's year, written without 年
    "rel": "point",  # 今年, 去年, 目前, 如今: against the article's year
    "frame": "period",  # 上半年, 1-9月, 前三季度, 全年: inside the year in force
    "range": "span",  # 2016—2022年; 从70亿元增长到232亿元 names its ends
    "span": "span",  # 近三年, 十七年来, 开园以来, 2019年以来
    "since": "span",  # 自扶贫协作开展以来 (自4月10日试运营以来 is within a year)
    "base": "base",  # 比上年, 较2019年同期
    "cum": "total",  # 累计: a total over the period in force
}
_OWN_ROLES = frozenset({"point", "period", "span"})


def role(m: re.Match) -> str:
    """The role of a TIME_WORDS match: point, period, span, base or total."""
    return next(r for group, r in ROLES.items() if m[group])


# 累计 without a span word (截至3月31日，集装箱累计到发...) is read as a total of the current year:
# in this genre the multi-year totals say so (近年来, 十七年来, 托管以来). Kept as a switch for tests.
CUMULATIVE_OPENS_YEAR = False
_FUTURE_BEFORE = re.compile(r"(?:到|至|力争|计划|预计|目标|展望)$")
# A founding date is no year reported on: 一家成立于2012年的合作社, 始建于1998年
_FOUNDED_BEFORE = re.compile(r"(?:成立|创办|创建|始建|组建|建)于$")
_SINCE_YEARS = re.compile(rf"[从自]({_YEAR})年[^。]{{0,60}}?(\d+|[一二三四五六七八九十]+)年来")
# An anniversary told the other way round: 开通10年来 ... 2013年5月，首趟班列从这里出发 -> 2023.
_YEARS_SINCE = re.compile(r"(\d+|[一二两三四五六七八九十]+) ?(?:周)?年来")  # read by _years_since, from each 年来
_SPAN_NUMERALS = frozenset("一二两三四五六七八九十")
# _YEAR opening with a character set (which one the lookbehinds then tell): the engine jumps between
# 1, 2, 一 and 二 instead of entering the alternation at every position (~30 -> ~5 us a page).
_YEAR_SET_FIRST = r"[12一二](?:(?<=1)9\d{2}|(?<=2)0\d{2}|(?<=[一二])[九〇零][〇零一二三四五六七八九]{2})"
# The founding an anniversary counts from, in the sentence of its date: 2014年6月，某综保区正式封关运营;
# 2020年6月3日，某港11个重点园区在全省同步挂牌
_FOUNDED = re.compile(rf"({_YEAR_SET_FIRST}){_SP}年(?:{_SP}\d{{1,2}}{_SP}月(?:{_SP}\d{{1,2}}{_SP}日)?)?[^。；;]{{0,40}}?"
                      r"(?:首趟|首列|首班|首次|首批|成立|开通|通车|启用|挂牌|揭牌|设立|获批|封关|开园|开业|投运|通过验收)")
_CLAUSE_END = re.compile(r"[，,；;]")
# A past year's figure named as a base: 由去年的25%提升至31%, 是去年同期的3倍, 去年同期为220列 (right before a number)
_BASE_FIGURE = re.compile(r"(?<=去年|上年|前年)(?:同期(?:的|为|是)?|的)(?=[约近超逾]?[\d一二三四五六七八九十两])")
_LISTED_NEXT = re.compile(r"[\d.]+\s?[%％万亿元个家项吨]*、")  # 29.1%、 the next item of a list follows
_MULTIPLE = re.compile(r"[约近超逾]?[\d.一二三四五六七八九十两]+倍")  # 3倍, 3.4倍: a ratio to the base


def year_number(text: str) -> int:
    return int(text.translate(_CN_YEAR_DIGITS))


def time_words(text: str) -> list[re.Match]:
    """Every time expression of text, found once per article: what TIME_WORDS.finditer(text) finds.

    Only the clauses holding an _ANY_TIME character are scanned, which halves the cost of a scan of
    the whole page (75 -> 40 us a seed article). It finds the same: no time expression runs across a
    clause end, and each holds one of those characters.
    """
    found: list[re.Match] = []
    scanned = 0
    for anchor in _ANY_TIME.finditer(text):
        at = anchor.start()
        if at < scanned:
            continue
        opened = _TO_CLAUSE_START.match(text, scanned, at)
        begin = opened.end() if opened else scanned
        stop = _CLAUSE_END_AT.search(text, at)
        # A comma may close an expression (2023年7月，): it belongs to the clause. 。；; never occur in
        # one, so the scan can end before them.
        scanned = len(text) if stop is None else stop.end() if stop[0] in "，," else stop.start()
        found += TIME_WORDS.finditer(text, begin, scanned)
    return found


# One of these is in every time expression, or in its clause (the event noun of a named year)
_ANY_TIME = re.compile(r"年|来|后|初|计|前|截|目前|季度|月|如今|当前|眼下|至今|会|论坛|活动|大赛|节")
_CLAUSE_ENDS = "，,。；;"  # in no time expression but as its last character (the comma of _PERIOD)
_CLAUSE_END_AT = re.compile(f"[{_CLAUSE_ENDS}]")
_TO_CLAUSE_START = re.compile(f"(?s:.*[{_CLAUSE_ENDS}])")  # backtracks to the last clause end before endpos


def current_year(text: str, published: int | None, events: list[re.Match] | None = None) -> int | None:
    """The article's own year: its date, else the latest year its text reports on.

    Without a date: the latest past year named (not a target: 到2025年, nor a founding: 成立于2012年),
    a comparison base plus one (与2020年同期相比 -> 2021), a start plus a span (从一九九二年...十七年来 -> 2009), or an
    anniversary (开通10年来 ... 2013年首趟班列 -> 2023).
    """
    if published:
        return published
    years = []
    for m in TIME_WORDS.finditer(text) if events is None else events:
        if m["named"] or m["last"]:  # 2019长三角…博览会; 2016—2022年 reaches 2022
            years.append(year_number(m["named"] or m["last"]))
        elif m["year"]:
            before = text[max(0, m.start() - 3):m.start()]
            if not (_FUTURE_BEFORE.search(before) or _FOUNDED_BEFORE.search(before)):
                years.append(year_number(m["year"]))
        elif m["base"]:
            digits = re.search(_YEAR, m["base"])
            if digits:
                years.append(year_number(digits[0]) + 1)
    for m in _SINCE_YEARS.finditer(text):
        span = m[2]
        years.append(year_number(m[1]) + (int(span) if span.isdigit() else _cn_small(span)))
    years += _anniversary_years(text)
    return max(years) if years else None


def _anniversary_years(text: str) -> list[int]:
    """The year an undated article marks: one founding year plus one span of years (10年来 + 2013年首趟)."""
    spans = _years_since(text)
    if len(spans) != 1:  # none, or several: no telling which goes with the founding year
        return []
    founded = {year_number(m[1]) for m in _FOUNDED.finditer(text)}
    return [founded.pop() + spans.pop()] if len(founded) == 1 else []


def _years_since(text: str) -> set[int]:
    """Lengths of the spans _YEARS_SINCE.finditer(text) finds (10年来, 十周年来), read back from each 年来.

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
            while begin and text[begin - 1] in _SPAN_NUMERALS:
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
    look back but the year a review reports on, and goes on. Short lines that end no sentence (list items, subheads) continue the
    paragraph before them.
    """

    def __init__(self, text: str, events: list[re.Match], published: int | None, title: str | None = None):
        self.text = text
        self.current = current_year(text, published, events)
        self.dated = published is not None
        # What a paragraph without a time word falls back to: the year the title reports on when it
        # is the article's or the one before (去年我市GDP增长5.3%, 某县2024年统计公报 of March 2025)
        self.reported = _title_year(title, self.current) if self.dated else None
        if self.reported is None:
            self.reported = self.current
        self.carried = self.reported
        self.section: int | None = None
        self.paragraph_end = -1
        self.own = [m.start() for m in events if role(m) in _OWN_ROLES]  # a paragraph's own time words

    def sentence(self, sentence: str, start: int, offsets: list[int], events: list[re.Match],
                 heading: bool = False) -> list[int | None]:
        """Years of the figures at offsets (relative to sentence, which starts at start in the text)."""
        if start > self.paragraph_end:
            self._enter(start)
        # a list's head (2022年各园区新增企业：) hands its year to the items, as a heading does
        heads = heading or sentence.rstrip().endswith((":", "："))
        years, carried = sentence_years(sentence, offsets, self.carried, self.current, self.dated, events, start,
                                        heads)
        if heading and carried != self.carried:
            self.section = carried
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
            year = year_number(m["year"] or m["named"]) if m["rel"] is None else _relative(m["rel"], None, current, True)
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
                   heading: bool = False) -> tuple[list[int | None], int | None]:
    """Years of the figures at offsets (relative to sentence) and the year carried to the next sentence.

    events: the sentence's time expressions when already found in the whole text, base: where the
    sentence starts in that text (matches then carry offsets in the text, not the sentence).
    heading: the sentence is a section heading (二、2024年主要预期目标): any year in it carries.
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
    for m in [*found, None]:
        start = m.start() - base if m is not None else 0
        while offset is not None and (m is None or offset <= start):
            if restore is not None and offset > restore[0]:
                state, restore = restore[1], None
            if offset in listed:
                years.append(listed[offset])
            # 同比2011年的228.2亿美元: that figure only; but 是2011年的3倍 is this year's ratio
            elif one_shot[1] is not None and 0 <= offset - one_shot[0] <= 2 and not _MULTIPLE.match(sentence, offset):
                years.append(one_shot[1])
                # 由上年的29.1%、19.8%调整为…: the items listed after that figure are of its year too
                listed_next = _LISTED_NEXT.match(sentence, offset)
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
        elif m["year"] or m["named"]:  # a point: 2023年, 2019长三角…博览会
            state = year_number(m["year"] or m["named"])
            frame_seen = True
            if m["head"] or m["lead"] or heading:
                carried = state
        elif m["rel"] and (named := _BASE_FIGURE.match(sentence, end)):  # 由去年的25%提升至31%: 25% only
            one_shot = (named.end(), _relative(m["rel"], state, current, dated))
        elif m["rel"]:
            state = _relative(m["rel"], state, current, dated)
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
        elif m["span"] in _PAST_POINTS and sentence.startswith("的", end):
            pass  # 由最初的电子产品扩展到200多种: the start of a change, not the time of the sentence
        elif m["span"] or (m["since"] and not _within_year(m["since"])):
            state = None
            if _UP_TO_NOW.search(m[0]):  # 托管以来，人口从2万人增加到3.5万人: the last is now
                ends = (None, current, end)
        elif m["frame"]:
            frame_seen = True
        elif m["cum"] and not frame_seen and CUMULATIVE_OPENS_YEAR:
            end = _CLAUSE_END.search(sentence, end)
            cum_clause_end = end.start() if end else len(sentence)
    if restore is not None:
        state = restore[1]
    return years, carried


# Years listed before 分别 (在2022年、2023年分别为356亿元、418亿元): one to one to the figures after it
_LISTED_YEARS = re.compile(rf"(?:{_YEAR}){_SP}年(?:[、和与及]{_SP}(?:{_YEAR}){_SP}年)+[^,，。;；]{{0,20}}?分别")
_YEAR_DIGITS = re.compile(_YEAR)


def _respective_years(sentence: str, offsets: list[int]) -> dict[int, int]:
    """Offset -> year of the figures a list of years before 分别 goes to, in order."""
    listed: dict[int, int] = {}
    for m in _LISTED_YEARS.finditer(sentence):
        years = [year_number(y) for y in _YEAR_DIGITS.findall(m[0])]
        after = [at for at in offsets if at >= m.end()][:len(years)]
        if len(after) == len(years):
            listed.update(zip(after, years, strict=True))
    return listed


_PAST_POINTS = ("最初", "起初", "当初")  # a time long past, of no known year
_UP_TO_NOW = re.compile(r"来$|至今$|^近")  # spans that reach the present: 十年来, 开园以来, 挂牌至今, 近三年


def _span_end(sentence: str, offset: int, ends: tuple[int, int, int]) -> int | None:
    """The end of a span a figure is said at: 从70.51亿元 -> the first year, 增长到232.25亿元 -> the last."""
    before = sentence[offset - 1:offset]
    if before == "从":
        return ends[0]  # None for a span since a founding the text does not date
    if before in ("到", "至") and "从" in sentence[ends[2]:offset]:
        return ends[1]
    return None


def _bracket_close(sentence: str, start: int, end: int) -> int | None:
    """Where the brackets around sentence[start:end] close, None when it stands in none."""
    opened = sentence.rfind("(", 0, start)
    if opened == -1 or sentence.rfind(")", 0, start) > opened:
        return None
    close = sentence.find(")", end)
    return None if close == -1 else close


def _span_year(span: str) -> int | None:
    """The year a span starts in (2024年以来 -> 2024), None for spans without one (近年来)."""
    head = re.match(_YEAR, span)
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

"""Time words as data: the patterns that find them, the role each plays, the words they are made of.

flows/extract/years.py applies them. Every pattern carries an example of what it matches; the roles
(ROLES) say what a time word does to the year of the figures around it.
"""

from __future__ import annotations

import re

_CN_YEAR_DIGITS = str.maketrans("〇零一二三四五六七八九", "00123456789")
YEAR = r"(?:19|20)\d{2}|[一二][九〇零][〇零一二三四五六七八九]{2}"
_N = r"(?:[两二三四五六七八九十几多]|\d+)"
# A typeset space between a number and its time word (2023 年, 截至 2024 年 6 月): normalisation
# keeps spaces between a digit and a CJK character, so each pattern allows one where a number ends.
_SP = " ?"
_MONTH = rf"\d{{1,2}}{_SP}月"
_MONTHS = rf"\d{{1,2}}{_SP}[-—~至]{_SP}\d{{1,2}}{_SP}月"  # 1-9月, 1 - 9 月
# A period inside a year before the comma that makes the year head a passage: 2023年7月3日，  今年1-5月，
# 截至今年6月底，
_PERIOD = (rf"(?:{_SP}{_MONTH}(?:{_SP}\d{{1,2}}{_SP}日)?(?:[-—至到]\d{{1,2}}日)?(?:底|末|初)?"
           rf"|{_SP}{_MONTHS}|[上下]半年|前?[一二三四]季度|前三季度|底|末|初|全年)?{_SP}[，,]")
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
    r"如眼以至])"
    rf"(?:(?P<base>(?:比|较|与|同比|相比){_SP}(?:(?:{YEAR}){_SP}年(?!的)|上年|去年|前年|上一年))"  # 比2005年提高: a base
    rf"|(?P<since>自[^，,。；;]{{0,20}}?以来)"  # 自4月10日试运营以来 (within) / 自东西部扶贫协作开展以来 (span)
    # 2016-2018年, 2015年—2022年: several years, whose ends a 从…到 inside may name
    rf"|(?P<range>(?P<first>{YEAR}){_SP}(?:年{_SP})?[-—–~至到]{_SP}(?P<last>{YEAR}){_SP}年)"
    rf"|(?P<span>近年来|近几年|多年来|一年多来|历年|最初|起初|当初|{_N}{_SP}年多?(?:来|以来)|近{_N}{_SP}年|连续{_N}年"
    rf"|过去的?{_N}{_SP}年|{_N}年间|(?:{YEAR})/\d{{2}}{_SP}(?:财政)?年度"  # 过去五年, 五年间, 2023/24年度
    rf"|(?:{YEAR}){_SP}年(?:{_SP}\d{{1,2}}{_SP}月)?(?:以来|起|至今)|(?:{YEAR})年[、和](?:{YEAR})年两年"
    # 开园以来, 挂牌至今: matched from 以来/至今, the founding looked behind (each of two characters), so
    # that the frequent first characters of the foundings (设, 运, 开) open no attempt
    rf"|(?<=(?:{_SINCE_EVENTS}))(?:以来|至今)|十[一二三四五]五”?(?:以来|期间|时期)"
    rf"|投产达效后|达产后|建成后|投产后)"
    rf"|(?P<lead>回顾|截至|截止)?{_SP}(?P<year>{YEAR}){_SP}年度?"
    rf"(?P<head>{_PERIOD})?"
    rf"|(?P<rel>今年|本年|去年|上年|过去一年|前年|明年|当年|目前|如今|当前|眼下)(?P<relhead>{_PERIOD})?"
    # a year of the Republic of China calendar (Taiwan): 民国112年, 112年1-6月, 113年度 (112 + 1911 = 2023)
    rf"|(?:(?<=民国)(?P<roc>\d{{2,3}})|(?<![\d.])(?P<roc_bare>1[01]\d)(?=年(?:度|\d{{1,2}}(?:[-—~至]\d{{1,2}})?月|[上下]半年|第?[一二三四]季)))年度?"
    rf"|(?P<named>(?:19|20)\d{{2}})(?=[“\"《]|[^\W\d_年月日家个项亿万元人名户台辆吨条座所多余])"
    rf"(?=[^,，。;；!?\s]{{1,30}}?(?:{_EVENT_NOUNS}))"
    rf"|(?P<frame>全年|上半年|下半年|前三季度|[一二三四]季度|年初|年底|年末|截至|截止|{_MONTHS}"
    rf"|[一二三四五六七八九十]+至[一二三四五六七八九十]+月|前\d+个月|前[一二三四五六七八九十]+个月|一年来)"
    rf"|(?P<cum>累计))"
)
# The role of each TIME_WORDS group, with an example. A paragraph's own time words are those of
# every role but base and total: 比上年增长5% says nothing of when the paragraph is.
ROLES = {
    "year": "point",  # 2023年, 截至 2023 年底
    "named": "point",  # 2019长三角国际汽车博览会: the event's year, written without 年
    "roc": "point",  # 民国112年: 2023
    "roc_bare": "point",  # 112年1-6月 in a Taiwanese text
    "rel": "point",  # 今年, 去年, 目前, 如今: against the article's year
    "frame": "period",  # 上半年, 1-9月, 前三季度, 全年: inside the year in force
    "range": "span",  # 2016—2022年; 从70亿元增长到232亿元 names its ends
    "span": "span",  # 近三年, 过去五年, 十七年来, 开园以来, 2019年以来, “十四五”以来, 2023/24年度
    "since": "span",  # 自扶贫协作开展以来 (自4月10日试运营以来 is within a year)
    "base": "base",  # 比上年, 较2019年同期
    "cum": "total",  # 累计: a total over the period in force
}
OWN_ROLES = frozenset({"point", "period", "span"})


def point_year(m: re.Match) -> int | None:
    """The year a point names in digits: 2023年, 二〇二三年, 2019某某博览会, 民国112年 -> 2023."""
    if m["year"] or m["named"]:
        return year_number(m["year"] or m["named"])
    roc = m["roc"] or m["roc_bare"]
    return int(roc) + _ROC_EPOCH if roc else None


_ROC_EPOCH = 1911  # 民国1年 is 1912


def role(m: re.Match) -> str:
    """The role of a TIME_WORDS match: point, period, span, base or total."""
    return _ROLE_OF_LAST[m.lastgroup]


# The group that closes last in a match names its kind (a period after a year closes after it)
_ROLE_OF_LAST = {**ROLES, "head": "point", "relhead": "point"}



FUTURE_BEFORE = re.compile(r"(?:到|至|力争|计划|预计|目标|展望)$")
# A founding date is no year reported on: 一家成立于2012年的合作社, 始建于1998年
FOUNDED_BEFORE = re.compile(r"(?:成立|创办|创建|始建|组建|建)于$")
SINCE_YEARS = re.compile(rf"[从自]({YEAR})年[^。]{{0,60}}?(\d+|[一二三四五六七八九十]+)年来")
# An anniversary told the other way round: 开通10年来 ... 2013年5月，首趟班列从这里出发 -> 2023.
YEARS_SINCE = re.compile(r"(\d+|[一二两三四五六七八九十]+) ?(?:周)?年来")  # read by _years_since, from each 年来
SPAN_NUMERALS = frozenset("一二两三四五六七八九十")
# YEAR opening with a character set (which one the lookbehinds then tell): the engine jumps between
# 1, 2, 一 and 二 instead of entering the alternation at every position (~30 -> ~5 us a page).
_YEAR_SET_FIRST = r"[12一二](?:(?<=1)9\d{2}|(?<=2)0\d{2}|(?<=[一二])[九〇零][〇零一二三四五六七八九]{2})"
# The founding an anniversary counts from, in the sentence of its date: 2014年6月，某综保区正式封关运营;
# 2020年6月3日，某港11个重点园区在全省同步挂牌
FOUNDED = re.compile(rf"({_YEAR_SET_FIRST}){_SP}年(?:{_SP}\d{{1,2}}{_SP}月(?:{_SP}\d{{1,2}}{_SP}日)?)?[^。；;]{{0,40}}?"
                     r"(?:首趟|首列|首班|首次|首批|成立|开通|通车|启用|挂牌|揭牌|设立|获批|封关|开园|开业|投运|通过验收)")
CLAUSE_END = re.compile(r"[，,；;]")
# A past year's figure named as a base: 由去年的25%提升至31%, 是去年同期的3倍, 去年同期为220列 (right before a number)
BASE_FIGURE = re.compile(r"(?<=去年|上年|前年)(?:同期(?:的|为|是)?|的)(?=[约近超逾]?[\d一二三四五六七八九十两])")
LISTED_NEXT = re.compile(r"[\d.]+\s?[%％万亿元个家项吨]*、")  # 29.1%、 the next item of a list follows
MULTIPLE = re.compile(r"[约近超逾]?[\d.一二三四五六七八九十两]+倍")  # 3倍, 3.4倍: a ratio to the base


def year_number(text: str) -> int:
    """2023 -> 2023, 二〇二三 -> 2023."""
    return int(text.translate(_CN_YEAR_DIGITS))


# One of these is in every time expression, or in its clause (the event noun of a named year)
ANY_TIME = re.compile(r"年|来|后|初|计|前|截|目前|季度|月|如今|当前|眼下|至今|期间|时期")
ANY_TIME_OR_EVENT = re.compile(rf"{ANY_TIME.pattern}|会|论坛|活动|大赛|节")
# 2019长三角…, 2024“…”: a gate only (it lets 1070 and 2990 through), a set first for speed
YEAR_WITHOUT_NIAN = re.compile(r"[12][09]\d\d(?=[“\"《]|[^\W\d_年月日])")
_CLAUSE_ENDS = "，,。；;"  # in no time expression but as its last character (the comma of _PERIOD)
CLAUSE_END_AT = re.compile(f"[{_CLAUSE_ENDS}]")
TO_CLAUSE_START = re.compile(f"(?s:.*[{_CLAUSE_ENDS}])")  # backtracks to the last clause end before endpos

# Years listed before 分别 (在2022年、2023年分别为356亿元、418亿元): one to one to the figures after it
LISTED_YEARS = re.compile(rf"(?:{YEAR}){_SP}年(?:[、和与及]{_SP}(?:{YEAR}){_SP}年)+[^,，。;；]{{0,20}}?分别")
YEAR_DIGITS = re.compile(YEAR)

# The month a running total of a year ends in: 上半年 -> 6, 1-11月 -> 11, 前8个月 -> 8. Single quarters
# are left alone (二季度重大项目集中开工 is held as the quarter opens), and so are the whole year and
# its second half, as often a plan as a review.
PERIOD_END = {"上半年": 6, "前三季度": 9}
MONTHS_TO = re.compile(r"(?:\d{1,2}|[一二三四五六七八九十]+) ?[-—~至] ?(\d{1,2}|[一二三四五六七八九十]+) ?月"
                       r"|前(\d+|[一二三四五六七八九十]+)个月")
PLANNED = re.compile(r"预计|计划|力争|目标|争取|有望|预期")

PAST_POINTS = ("最初", "起初", "当初")  # a time long past, of no known year
UP_TO_NOW = re.compile(r"来$|至今$|^近")  # spans that reach the present: 十年来, 开园以来, 挂牌至今, 近三年

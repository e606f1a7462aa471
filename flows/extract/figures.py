"""Finding figure mentions in normalised text: number + unit, qualifier, change rate and its sign.

Patterns, all precompiled: a number with a unit (678.46亿元, 5万多公里, 30—40万人, 壹佰万元, 21 364万元,
-3.5亿元), 百分之十六点三, 成 (二成八 -> 28 percent), fractions (三分之二 -> 66.67 percent), 一半 as a share,
a currency sign before the number (HK$3.2亿) and the first of a pair of percentage points
(高出八点九个和五点六个百分点). Masked spans and non-figures (nonfigures.py: ordinals, vague amounts,
thresholds) are dropped. A range gives two mentions: the lower bound (qualifier over) and the upper
(qualifier under). A class threshold (10亿元以上项目, 超千万美元项目) is a mention marked is_threshold.
A decline is negative (下降5% -> -5). The words around a number are around.py's;
what the figure measures, when and where is attribution.py's job.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from flows.extract.around import TO_CLAUSE_CUT, change_sign, qualifier_after, qualifier_before, share_change
from flows.extract.numbers import parse_number, parse_tenths, tidy
from flows.rules import nonfigures as nf
from flows.rules.qualifiers import MINUS, MULTIPLE_OVER
from flows.rules.units import (
    BIG_COUNT_NOUNS,
    CURRENCY_BEFORE,
    CURRENCY_SIGNS,
    PRICES,
    UNIT_FALSE_STARTS,
    UNIT_SURFACES,
    UNITS,
)


@dataclass(slots=True)
class Mention:
    """One number with its unit as found, before attribution."""

    start: int
    end: int
    num_start: int  # where the number itself begins (after a qualifier word)
    value: float
    unit: str
    qualifier: str
    is_change: bool
    rule: str
    is_threshold: bool = False  # the bound of a class (10亿元以上项目), no amount: never added into a total


# Chinese numerals: formal (一千二百三十四), colloquial (两, 廿 卅 卌, 三千五, 零点77) and, as
# their own run, financial (壹佰贰拾万, 贰拾参万 - normalisation made 貳參陸 贰参陆; numbers.py reads them)
_CN_CHARS = "零〇一二两三四五六七八九十百千万亿廿卅卌"
_FIN_CHARS = "壹贰貮叁参肆伍陆柒捌玖拾佰仟"
_CN_FRACTION = r"点(?:[零〇一二两三四五六七八九]+|[0-9]+)[万亿]*"  # 一点零四亿, 零点77
_CN = rf"[{_CN_CHARS}]+(?:{_CN_FRACTION})?"
# Digits are written [0-9], not \d: normalisation folds full-width digits, and \d (any Unicode
# decimal) costs a look-up in the Unicode database for every character a scan passes (a third of
# WITH_UNIT's scan of a page).
_AR = r"[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?"
_NUM = rf"(?:(?<![0-9.A-Za-z:/\-]){_AR}|(?<![{_CN_CHARS}点]){_CN})"
# _NUM as a pattern that opens with a character set: Arabic, Chinese or financial, told apart after the first
# character, the lookbehinds then looking one further back. A pattern whose first step is a set lets
# the regex engine skip to the digits (a fifth faster over a page) instead of entering at every position.
# The Arabic branch is atomic: a shorter digit run leaves a digit, "," or "." next, which nothing after
# the number may start with, so giving digits back never led to a match (dates: 2024年 tried once, not 4 times).
# Thousands set apart by a space, as budget reports print them: 21 364万元, 247 815万元. The run before
# each space is three digits at most, so 2024 年 and 共 12 个 stay as they are.
_SPACED_THOUSANDS = r"(?: (?<![0-9]{4} )[0-9]{3}(?![0-9]))*"  # the space first: most numbers fail on it at once
_NUM_SET_FIRST = (rf"[0-9{_CN_CHARS}{_FIN_CHARS}](?:(?<=[0-9])(?<![0-9.A-Za-z:/][0-9])(?>[0-9]*(?:,[0-9]{{3}})*{_SPACED_THOUSANDS}(?:\.[0-9]+)?)"
                  rf"|(?<=[{_CN_CHARS}])(?<![{_CN_CHARS}点].)[{_CN_CHARS}]*(?:{_CN_FRACTION})?"
                  rf"|(?<=[{_FIN_CHARS}])(?<![{_CN_CHARS}{_FIN_CHARS}].)[{_FIN_CHARS}零〇万亿]*)")


def _unit_alternation() -> str:
    parts = []
    for surface in UNIT_SURFACES:
        part = re.escape(surface)
        if surface in UNIT_FALSE_STARTS:
            part += f"(?!{UNIT_FALSE_STARTS[surface]})"
        if surface == "大":
            part += f"(?={BIG_COUNT_NOUNS})"
        parts.append(part)
    return "|".join(parts)


# One set test before the ~60 unit surfaces: most numbers (dates, codes) fail it, at every length
# the number backtracks to.
_UNIT_GATE = f"(?=[{re.escape(''.join(sorted({surface[0] for surface in UNIT_SURFACES})))}])"
# 678.46亿元  5万多公里  800余万元  30—40万人  45.7 万人  近千条 (qualifier 近 read from the text before)
WITH_UNIT = re.compile(
    rf"(?P<lo>{_NUM_SET_FIRST})(?:\s?(?P<dash>[—\-~～至到])\s?(?P<hi>{_AR}|{_CN}))?\s?(?P<q1>余|多)?"
    rf"(?P<mag>万亿|千万|百万|亿|万)?(?P<q2>余|多)?\s?{_UNIT_GATE}(?P<unit>{_unit_alternation()})"
)
# 百分之十六点三, 百分之4.26
PERCENT_WORDS = re.compile(rf"百分之(?P<lo>{_CN}|{_AR})")
# Fractions are percent (ANNOTATION.md): 三分之二 -> 66.67, 千分之五 -> 0.5, 万分之三 -> 0.03.
# Opens with 分之, the literal the engine jumps to; the denominator is read back from there.
FRACTION = re.compile(rf"分之(?P<num>{_CN}|{_AR})")
_DENOMINATOR = re.compile(r"(?<![一二两三四五六七八九十百千万])[一二两三四五六七八九十千万]+$|[0-9]+$")
# HK$3.2亿, RMB 20亿元: a currency sign before the number decides the unit (a 元 after it is kept)
CURRENCY_SIGN = re.compile(
    "(?P<sign>" + "|".join(re.escape(c) for c in sorted(CURRENCY_SIGNS, key=len, reverse=True)) + r")\s?"
    rf"(?P<num>(?<![0-9.]){_AR})(?P<mag>万亿|千万|百万|亿|万)?(?:[美港]?元)?"
)
_SIGN_GATE = ("$", "¥", "￥", "RMB")
# 一半 is a figure where it is a share (占签约项目的一半, 占比近一半), not in 一半以上的时间
HALF = re.compile(r"一半")
_SHARE_BEFORE = re.compile(r"占|比重|份额")
# 二成八 (28%), 九成, 8成; not 统一成立, 一成不变
TENTHS = re.compile(
    r"(?=[一二两三四五六七八九0-9]成)(?<![零〇一二两三四五六七八九十0-9统唯同第万逐划归单专之合])(?P<whole>[一二两三四五六七八九]|[0-9])成"
    r"(?P<tenth>[一二三四五六七八九])?(?!不变|为|了|功|立|熟|果|本|员|交|效|绩|都|型|长|就|品|套|片|群|色|分)"
)
# 高出八点九个和五点六个百分点: the first number borrows the unit of the second
_GATE = r"(?=[0-9零〇一二两三四五六七八九十百千万亿])"  # one set test per position before the alternation
POINTS_PAIR = re.compile(rf"{_GATE}(?P<lo>{_NUM})个(?=[和、与及]{_NUM}个百分点)")
# What every POINTS_PAIR match holds after its first number: a literal first, so a page is searched
# for 个 only, where POINTS_PAIR tries its number at every digit (~25 us a page with 百分点)
_POINTS_JOIN = re.compile("个[和、与及]")
# Where TENTHS can first match: a 成 after a digit. A literal first lets the engine jump from 成 to 成;
# most pages have no such 成, and those that do are scanned from there on only.
_TENTHS_FIRST = re.compile(r"成(?<=[一二两三四五六七八九0-9]成)")

def find_mentions(text: str) -> list[Mention]:
    """Every figure mention in text, in order, overlapping matches resolved to the first."""
    masks = nf.masked_spans(text)
    found: list[Mention] = []
    for m in WITH_UNIT.finditer(text):
        found += _from_unit_match(text, m)
    # WITH_UNIT's matches do not overlap, so its mentions come with num_start rising: only the other
    # patterns' can put them out of order, and a page mostly has none of those.
    in_order = len(found)
    for m in PERCENT_WORDS.finditer(text):
        found.append(_simple(text, m, parse_number(m["lo"]), "percent", "percent_words"))
    for m in _tenths(text):
        found.append(_simple(text, m, parse_tenths(m["whole"], m["tenth"]), "percent", "tenths"))
    if "分之" in text:
        found += _fractions(text)
    if "一半" in text:
        found += _halves(text)
    if any(sign in text for sign in _SIGN_GATE):
        found += _signed_money(text)
    for m in POINTS_PAIR.finditer(text) if "百分点" in text and _POINTS_JOIN.search(text) else ():
        found.append(_simple(text, m, parse_number(m["lo"]), "percent", "points_pair"))
    if len(found) > in_order:
        found.sort(key=lambda x: (x.num_start, x.rule != "points_pair", -x.end))
    kept, last_end = [], -1
    for mention in found:
        upper = mention.rule == "range" and kept and kept[-1].start == mention.start  # a range's second bound
        if (upper or mention.num_start >= last_end) and not _masked(mention.num_start, masks):
            kept.append(mention)
            last_end = max(last_end, mention.end)
    share_change(text, kept)
    return kept


def _fractions(text: str) -> list[Mention]:
    """三分之二 -> 66.67, 千分之五 -> 0.5 (percent); 百分之 is PERCENT_WORDS'."""
    found = []
    for m in FRACTION.finditer(text):
        den = _DENOMINATOR.search(text, max(0, m.start() - 4), m.start())
        if not den or den[0] == "百":
            continue
        try:
            value = parse_number(m["num"]) / parse_number(den[0]) * 100
        except (ValueError, KeyError, ZeroDivisionError):
            continue
        found.append(_simple(text, m, round(value, 2), "percent", "fraction", den.start()))
    return found


def _signed_money(text: str) -> list[Mention]:
    """HK$3.2亿 -> 320000000 HKD, NT$150亿 -> other:新台币, RMB 20亿元 -> CNY."""
    found = []
    for m in CURRENCY_SIGN.finditer(text):
        try:
            value = tidy(parse_number(m["num"]) * _MAGNITUDE.get(m["mag"], 1.0))
        except ValueError:
            continue
        mention = _simple(text, m, value, CURRENCY_SIGNS[m["sign"]], "currency_sign")
        mention.rule = f"unit:{mention.unit}"
        found.append(mention)
    return found


def _halves(text: str) -> list[Mention]:
    """一半 as 50 percent where its clause states a share: 占全省的一半, 比重接近一半."""
    found = []
    for m in HALF.finditer(text):
        left = text[max(0, m.start() - 24):m.start()]
        cut = TO_CLAUSE_CUT.match(left)
        if _SHARE_BEFORE.search(left, cut.end() if cut else 0):
            found.append(_simple(text, m, 50, "percent", "half"))
    return found


def _tenths(text: str) -> list[re.Match]:
    """TENTHS.finditer(text), from the first 成 that can start one (a match begins just before its 成)."""
    first = _TENTHS_FIRST.search(text)
    return list(TENTHS.finditer(text, first.start() - 1)) if first else []


def _masked(pos: int, masks: tuple[list[int], list[int]]) -> bool:
    """Is pos inside one of the disjoint masked spans? Only the last one starting at or before it can hold it."""
    starts, ends = masks
    n = bisect_right(starts, pos)
    return n > 0 and pos < ends[n - 1]


def _refused(text: str, start: int, number: str, qualified: bool) -> bool:
    """Ordinals, vague amounts, indefinite 一, bare magnitudes, leading zeros (nonfigures.py).

    start: where the number begins, a typeset space before it skipped (第 9 位 as 第9位).
    """
    before = text[start - 1] if start else ""
    if before in nf.ORDINAL_BEFORE:
        return True
    if before in nf.VAGUE_BEFORE and not (before == nf.COUNT_SUFFIX and number[0].isdigit()):
        return True  # 数十个, 几百家; but 企业数1101户 is a count
    if number in nf.INDEFINITE and not qualified:
        return True
    if number in nf.LONE_FINANCIAL:
        return True
    if number in nf.BARE_MAGNITUDES and not qualified:
        return True
    return number[:1] == "0" and bool(nf.LEADING_ZERO.match(number))


def _from_unit_match(text: str, m: re.Match) -> list[Mention]:
    lo, _, hi, q1, magnitude, q2, surface = m.groups()  # WITH_UNIT's groups, all named, in order
    num_start, end = m.span()
    unit, factor = UNITS[surface]
    before = text[num_start - 1] if num_start else ""
    minus = before in MINUS
    if minus:  # 利润-3.5亿元, 增长-3%: the number begins at its sign; 0991-8557237 is a code
        if num_start > 1 and nf.CODE_BEFORE_DASH.match(text, num_start - 2):
            return []
        num_start -= 1
        before = text[num_start - 1] if num_start else ""
    edge = num_start - 1 if before == " " else num_start  # 增长 12.4%, 第 9 位
    inner_over = bool(q1 or q2)
    before_q, q_len = qualifier_before(text, edge)
    qualified = inner_over or before_q != "exact" or bool(magnitude)
    if _refused(text, edge, lo, qualified) or (unit == "count" and nf.refused_count(surface, lo, magnitude)):
        return []
    if surface == "位" and nf.RANK_MOVE_BEFORE.search(text, max(0, edge - 2), edge):
        return []
    threshold = unit in _MONEY and _is_threshold(text, end, before_q)
    if surface in PRICES:  # 232.55万元/亩: the magnitude stays in the unit, as written
        unit, magnitude = f"other:{magnitude or ''}{surface}", None
    elif surface == "元" and text[edge - q_len - 1:edge - q_len] in _CURRENCY_LAST:
        unit = _currency_before(text, edge - q_len) or unit
    magnitude = _MAGNITUDE.get(magnitude, 1.0)
    try:  # multiplied in this order: floating point is not associative
        low = tidy(parse_number(lo) * magnitude * factor)
        high = tidy(parse_number(hi) * magnitude * factor) if hi else None
    except (ValueError, KeyError):
        return []
    sign = change_sign(text, edge, end, unit, surface)
    change = sign != 0
    if minus or sign < 0:
        low, high = -low, (-high if high is not None else None)
    start = edge - q_len if q_len else num_start
    if high is not None:
        rule = "range"
        return [Mention(start, end, num_start, low, unit, "over", change, rule, threshold),
                Mention(start, end, m.start("hi"), high, unit, "under", change, rule, threshold)]
    qualifier = "over" if inner_over else before_q
    if surface == "倍" and text[end:end + 1] in MULTIPLE_OVER:  # 3倍多: the 多 comes after the unit
        qualifier, end = "over", end + 1
    qualifier = qualifier_after(text, end, qualifier)
    return [Mention(start, end, num_start, low, unit, qualifier, change, _RULE.get(unit) or f"unit:{unit}", threshold)]


def _is_threshold(text: str, end: int, before_q: str) -> bool:
    """The amount bounds a class of things (nonfigures.py): 10亿元以上项目, 超千万美元项目; end: the unit's end."""
    return _threshold_end(text, end, before_q) is not None


def _threshold_end(text: str, end: int, before_q: str) -> int | None:
    """Where the class a threshold bounds ends (after 项目 in 10亿元以上的项目), or None if it bounds none."""
    if text[end:end + 1] == "以":
        hit = nf.THRESHOLD_AFTER.match(text, end)
    else:
        hit = nf.THRESHOLD_NOUN.match(text, end) if before_q == "over" else None
    return hit.end() if hit else None


def threshold_class(text: str, mention: Mention) -> str:
    """The class a threshold mention bounds, as written: 10亿元以上项目, 超千万美元的大项目, 超过10亿元的项目."""
    return text[mention.start:_threshold_end(text, mention.end, "over") or mention.end]  # it was found so: 以上 or 超


def _currency_before(text: str, start: int) -> str | None:
    """The currency a word before the number names: 新台币120亿元 -> other:新台币, 港币5亿元 -> HKD."""
    for word, unit in CURRENCY_BEFORE.items():
        if text.startswith(word, start - len(word)):
            return unit
    return None


_CURRENCY_LAST = frozenset(word[-1] for word in CURRENCY_BEFORE)
_MONEY = frozenset({"CNY", "USD", "EUR", "HKD"})
_MAGNITUDE = {"万亿": 1e12, "千万": 1e7, "百万": 1e6, "亿": 1e8, "万": 1e4}  # None (no magnitude): 1.0
_RULE = {unit: f"unit:{unit}" for unit, _ in UNITS.values()}  # one string per unit, not one per figure


def _simple(text: str, m: re.Match, value: float, unit: str, rule: str, start: int | None = None) -> Mention:
    """A percent figure of its own pattern; start: where it begins if before the match (三|分之二)."""
    start = m.start() if start is None else start
    qualifier = qualifier_after(text, m.end(), qualifier_before(text, start)[0])
    sign = change_sign(text, start, m.end(), unit, "个百分点" if rule == "points_pair" else "%")
    value = round(value, 6) * (-1 if sign < 0 else 1)
    return Mention(start, m.end(), start, value, unit, qualifier, sign != 0, rule)

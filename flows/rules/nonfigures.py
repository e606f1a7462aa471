"""What looks like a figure but is not one (ANNOTATION.md, "What is NOT a figure").

Most non-figures never match at all, because a figure needs a unit from rules/units.py: dates
(2024年 1月19日), durations (16年 11天 15小时), ordinals' 次, levels (17级), codes without a unit
(京ICP证040655号, 0991-8557237, "6+N", "335"). What does match a unit is refused by these rules.
"""

from __future__ import annotations

import re

# 第七次, 第110000列, 第5号: an ordinal, whatever follows
ORDINAL_BEFORE = ("第",)
# 数十个, 几百家, 若干: vague amounts with no number to store; 前5大贸易伙伴 is a rank
VAGUE_BEFORE = ("数", "几", "若", "前")
# ... but 数 after a noun and before digits ends the noun: 企业数1101户, 职工人数12.6万人 are counts
COUNT_SUFFIX = "数"
# 一个重要窗口, 一项议程, 一家工厂: a bare 一 before a measure word is an indefinite article
INDEFINITE = frozenset({"一"})
# A financial numeral alone is a character of a name: 陆家嘴, 伍家岗区, 参股; as a number it comes in a
# run (壹佰万元, 贰拾参万)
LONE_FINANCIAL = frozenset("壹贰貮叁参肆伍陆柒捌玖拾佰仟")
# A bare magnitude is only a number with a qualifier: 近千条, 百余列, 突破万列 yes; 千家万户, 亿元以上项目 no
BARE_MAGNITUDES = frozenset({"十", "百", "千", "万", "亿", "千万", "百万", "万亿", "百亿", "千亿"})  # 创百亿元园区, 千亿元产业
# A dash after a digit, letter or separator joins a code or a date (0991-8557237, ICP-2023, 2023-06-12):
# the number after it has no sign. After anything else a dash is a minus (增长-3%, 利润-3.5亿元).
CODE_BEFORE_DASH = re.compile(r"[0-9A-Za-z.:/\-]")
# A threshold that names a class of things is no amount: 10亿元以上项目7个, 500万元以上的工业企业,
# 5000万元以上(含续建)的项目. It is loaded marked is_threshold (ANNOTATION.md's optional figures),
# never added into a total; the count after it is the figure.
THRESHOLD_AFTER = re.compile(r"(?:以上|以下)的?[^\d，,。；;、:：]{0,8}?(?:项目|企业|工程|合同)")
# The same class with 超/逾 before the number (qualifier over) and its noun right after the unit:
# 超千万美元项目, 总投资超千万美元的大项目28项, 投资超过10亿元的项目有12个, 营业收入超10亿元企业82家.
# Not 总投资超420亿元； (no noun) nor 总投资超100亿元的比亚迪项目 (one named project's amount).
THRESHOLD_NOUN = re.compile(r"的?(?:大|重大|重点)?(?:项目|企业|工程|合同)")
# Nouns used as measure words count only after digits: 9口岸, 18站点; 两口岸相距 is 'the two ports'
DIGITS_ONLY_UNITS = frozenset({"口岸", "站点"})


# A move in a ranking, not persons: 排名前进3位, 比上月上升2位
RANK_MOVE_BEFORE = re.compile(r"(?:前进|后退|上升|下降|提升|跃升|前移|后移|上移|下滑)$")


def refused_count(surface: str, number: str, magnitude: str | None) -> bool:
    """A count refused: 0 条 (a comment counter: no count of nothing is a figure), 8.41个 (a count has
    no decimals; 1.5万个 has), 两口岸 (a noun-like measure word after a Chinese numeral)."""
    if number == "0" or ("." in number and not magnitude):
        return True
    return surface in DIGITS_ONLY_UNITS and not number[0].isdigit()
# 01 02 as section numbers, 0106168 licence numbers: an Arabic integer with a leading zero
LEADING_ZERO = re.compile(r"0\d")
# Short quoted phrases are names and slogans: “五区一市” “两个大局” “十一万列俱乐部” “三块长板”.
# Longer quotes are speech and keep their figures: “累计开行突破110000列！”
QUOTED_NAME = re.compile(r"[“「『‘\"]([^“”「」『』‘’\"\n]{1,10})[”」』’\"]")
# 《关于做好2021年...的通知》 《黑河自贸片区20条》: numbers inside a document title belong to the title
BOOK_TITLE = re.compile(r"《[^《》\n]{1,60}》")
# Numbers inside fixed names and set phrases that carry a measure word: 一批 一大批 are refused
# by INDEFINITE; these carry other numerals. Matched spans are masked before figures are found.
# Every alternative starts with a literal character (届 spelled out per numeral) so the regex engine
# skips to those characters instead of trying the pattern at every position (26 -> 6 us an article).
_NUMERALS = "一二三四五六七八九十"
SET_PHRASES = re.compile(
    r"千家万户|万企兴万村|四上企业|两国双园|一带一路|一业一证|一网通办|五区一市|十四五|十三五|二十大|"
    + "|".join(f"{n}届[{_NUMERALS}]+次" for n in _NUMERALS)  # 七届五次全会
)


def masked_spans(text: str) -> tuple[list[int], list[int]]:
    """(starts, ends) of the spans of text whose numbers are names, titles or set phrases.

    Overlapping spans (a quoted name inside a book title) are merged, so the spans are disjoint and
    in order: whether an offset is masked is one bisect on starts.
    """
    spans = [m.span(1) for m in QUOTED_NAME.finditer(text)]
    spans += [m.span() for m in BOOK_TITLE.finditer(text)]
    spans += [m.span() for m in SET_PHRASES.finditer(text)]
    starts: list[int] = []
    ends: list[int] = []
    for start, end in sorted(spans):
        if ends and start < ends[-1]:
            ends[-1] = max(ends[-1], end)
        else:
            starts.append(start)
            ends.append(end)
    return starts, ends

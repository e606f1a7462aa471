"""Metric vocabulary: the head nouns that say what a figure measures, and the category each implies.

The nouns are data: categories.tsv beside this module, one row per head noun with its kind and an
example (see its header). The noun ending nearest the number wins, the longest there, so 进出口货物
is trade although 货物 alone is logistics, and 营业收入 is other although 销售 is trade. The lists
are the genre's vocabulary (regional economic news: investment drives, projects, enterprises, ports
and trade, aid programmes, budgets).
"""

from __future__ import annotations

import re
from importlib.resources import files
from typing import NamedTuple


class Head(NamedTuple):
    """One row of categories.tsv."""

    noun: str
    category: str
    kind: str  # measure, thing, firm, name, event, place
    yields_to: str = ""  # categories of a modifier right before it that win (债券+资金: public_finance)
    example: str = ""  # a phrase of our own the row matches
    note: str = ""  # the tie-break it settles


def _read_heads() -> dict[str, Head]:
    lines = files(__package__).joinpath("categories.tsv").read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines if line and not line.startswith("#")]
    return {row[0]: Head(*row) for row in rows[1:]}  # rows[0] is the column names


HEADS = _read_heads()
# Nouns read only before the number: after it, 签约 is an event of the counted thing (16家企业集中签约)
LEFT_ONLY = frozenset(noun for noun, head in HEADS.items() if head.kind == "event")
KEYWORD_CATEGORY = {noun: head.category for noun, head in HEADS.items()}
# Aid funds named after their recipient's one-character abbreviation: 援疆资金, 援藏资金, 援喀资金,
# or with the recipient inside: 厦门市帮扶固原市资金1.35亿元. Patterns, not words, because every
# recipient county has its own (援博资金 for 博乐).
AID_FUND = ("援[\u4e00-\u9fff]资金", "public_finance")
AID_FUND_TO = "帮扶[\u4e00-\u9fff]{2,6}?资金"


def _trie(words: list[str]) -> str:
    """Alternatives matching the longest of words at a position, as a trie: 额资投|资投 -> 资投(?:额)?
    written 额资投|资投(?:额)? per first character. Each alternative opens with a literal, so the
    engine still jumps to the first characters; at one it follows one path instead of trying every
    word (a third of the cost of nearest_keyword on the metric phrases)."""
    root: dict = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here

    def rest(node: dict) -> str:
        longer = [re.escape(char) + rest(child) for char, child in node.items() if char]
        if not longer:
            return ""
        group = "(?:" + "|".join(longer) + ")"
        return group + "?" if "" in node else group  # longer first: greedy, then the word ending here

    return "|".join(re.escape(char) + rest(child) for char, child in root.items())


def _bands(words: list[str], bands: list) -> str:
    """Tries of the words of each length band (low, high) and patterns, in order: one alternation
    that matches as the plain alternation of them all, longest first, would."""
    parts = [part if isinstance(part, str) else _trie([w for w in words if part[0] <= len(w) <= part[1]])
             for part in bands]
    return "|".join(part for part in parts if part)


_WORDS = list(KEYWORD_CATEGORY)
# Forward, the longest keyword at each position, each aid-fund pattern among the words of its length:
# 外资项目投资额 -> 外资, 项目, 投资额 (the noun after a count, a keyword said after the figure)
KEYWORDS = re.compile(_bands(_WORDS, [(6, 99), AID_FUND_TO, (4, 5), AID_FUND[0], (1, 3)]))
# Backwards: searching the reversed text finds the keyword ending nearest the number, the longest one
# there (无偿援助资金 is 援助资金, not 资金), which a forward scan cannot (matches don't overlap)
KEYWORDS_REVERSED = re.compile(_bands([w[::-1] for w in _WORDS],
                                      [(5, 99), "金资[\u4e00-\u9fff]援", "金资[\u4e00-\u9fff]{2,6}?扶帮", (1, 4)]))


def keyword_category(word: str) -> str:
    """The category a matched keyword implies (援博资金 and 帮扶固原市资金, matched by the aid-fund
    patterns, are public finance)."""
    return KEYWORD_CATEGORY.get(word) or AID_FUND[1]


def head_of(word: str) -> Head:
    """The row of a matched keyword; the aid-fund patterns' matches are public-finance measures."""
    return HEADS.get(word) or Head(word, AID_FUND[1], "measure")


def refined(head: Head, modifier: str) -> Head:
    """An open head given way to the noun right before it (补助+收入 -> public_finance), if it does."""
    if modifier and head.yields_to:
        before = head_of(modifier)
        if before.category in head.yields_to.split(","):
            return Head(modifier + head.noun, before.category, head.kind)
    return head


# Qualifiers right after a number are no part of the noun after it (日均通行18列左右)
RIGHT_QUALIFIER = re.compile(r"左右|以上|以下|上下|之多")
# A bracketed remark of what is in or out is no head of the metric: 固定资产投资（不含农户）比上年增长3.7%;
# a bracketed noun is one: 协作企业（项目）32个
BRACKETED = re.compile(r"[（(](?:不含|含|包括|包含|下同|其中|扣除|剔除)[^）)]*[）)]")

# When no noun decides: the unit's usual subject. Land, floor and capacity are other (规划面积,
# 年产2000万平方米, 10万锭); goods by weight are freight unless an import or export word names the trade
UNIT_CATEGORY = {
    "person": "people", "person_time": "people", "m2": "other", "m3": "other", "mu": "other",
    "other:锭": "other", "other:头": "other", "other:千瓦": "other", "other:兆瓦": "other", "other:千伏安": "other",
    "tonne": "logistics", "other:列": "logistics", "other:标箱": "logistics", "kwh": "other",
    "other:辆次": "logistics", "other:架次": "logistics", "other:艘次": "logistics",
    "km": "other", "count": "other", "CNY": "investment", "USD": "investment", "EUR": "investment",
    "HKD": "investment",
}
# What a unit can measure, where that is not everything: money is never a count of projects or firms
# (项目总额, 企业投资: what they invest), an area is land or floor (占地320亩, 厂房4万平方米: other), a
# weight or volume of a project or firm is its output (年产钢材12万吨). A category outside the set
# becomes the one given, or the unit's default.
UNIT_FIT = {
    **dict.fromkeys(("CNY", "USD", "EUR", "HKD"), (frozenset({"investment", "trade", "public_finance", "other",
                                                                "logistics"}), "investment")),
    **dict.fromkeys(("m2", "mu"), (frozenset({"other"}), "other")),
    **dict.fromkeys(("other:锭", "other:头", "other:千瓦", "other:兆瓦", "other:千伏安", "kwh"),
                    (frozenset({"other"}), "other")),
    **dict.fromkeys(("m3", "tonne"), (frozenset({"trade", "logistics", "other"}), "other")),
    "km": (frozenset({"logistics", "other"}), "other"),
    **dict.fromkeys(("person", "person_time"), (frozenset({"people"}), "people")),
    # vehicles, flights and sailings counted as trips are traffic (出入境货车2.4万辆次)
    **dict.fromkeys(("other:辆次", "other:架次", "other:艘次"), (frozenset({"logistics"}), "logistics")),
}


def fit_unit(unit: str, category: str) -> str:
    """category, or what the unit can measure instead (项目 money -> investment, 占地 of a project -> other)."""
    fit = UNIT_FIT.get(unit)
    if fit is None or category in fit[0]:
        return category
    return fit[1]


# The noun after a count ends at these words: 360家东部企业|在贫困地区投资, 9家中央单位|购销农产品,
# 2300户小微企业|减免租金, 14家酒店|平均入住率 (a statistic over the counted things), 16家开发园区|与受援地…结对
RIGHT_CUT = re.compile(r"[，,；;。：:、（(]|在|于|的|向|到|对|从|与|及|购销|采购|签约|集中|共|已|将|减免|平均")
# Filler at the head of a metric phrase: 其中, 全年共, 累计完成 keep 累计完成 but drop 其中/共
# and the period a clause opens with is when, not what: 今年一季度, 2023年1-10月, 前三季度; nor is the
# park or body it opens with (片区完成外贸进出口额, 开发区累计注册企业, 该市新增就业)
METRIC_TRIM = re.compile(
    r"^(?:其中|此外|同时|另有|共计|共有|共|合计|全年|全市|全县|全省|全区|实现|已|达到|达"
    r"|片区|园区|开发区|经开区|高新区|合作区|综保区|自贸区|该区|该市|该县|该州|该关"
    r"|(?:19|20)\d{2}年(?:度)?|今年|去年|上年|本年|[上下]半年|前?[一二三四]季度|前三季度"
    r"|\d{1,2}[-—~至]\d{1,2}月(?:份)?|\d{1,2}月(?:份|底|末|初|上旬|中旬|下旬)?(?:前|以来)?|年初以来|以来|的|[，,、\s])+"
)
# ... but the 达 of 通达 (可通达19个国家) is the verb that says what is counted. 工业总产值完成812亿元,
# 种植面积稳定在20万亩: the verb before the number is no part of the metric
METRIC_TAIL = re.compile(r"(?:已达|达到|(?<!通)达|为|共|有|是|分别|合计|小计|的|完成|实现|稳定在|保持在)+$")

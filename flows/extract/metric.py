"""What a figure measures (metric) and its category, from the words around the number.

The metric is the phrase between the clause start (or the previous figure) and the number, trimmed
of fillers. Its category is decided by its head noun (ANNOTATION.md's decision table), looked up in
rules/categories.tsv (heads.py): a Chinese noun phrase ends in its head, so the table noun ending
nearest the end of the phrase is the head, the longest there (营业收入 before 收入, 进出口总额 before
总额). Words the table lacks are passed over: rates, shares and changes (同比增长,
占比) take the category of the quantity before them. Rows have a kind, and the structure around the
number picks which noun is the head:

- a count counts the noun after it, the last countable one of that phrase (380家跨境电商企业 ->
  企业; 40个外资项目投资额 -> 项目); one after 为 counts who is served (为231家企业提供咨询服务);
- an amount named right after the number (300万元援疆资金), a share's whole after it (65%的员工);
- a share is of what is divided (占签约总额的58.3% -> investment), else of its subject, else of the
  figure it follows;
- an open head gives way to the noun right before it (补助+收入, 债券+资金: public_finance);
- a zone's name or a sector before an amount is a list item's label (龙南产业园54亿元 after A经开区
  进出口额86亿元), as is a line under a heading (attribution.py hands over the heading's metric);
- a figure with no noun takes the clause before it (…项目占比提高，共有27个), else the figure before.
The unit finally bounds the category (rules.metrics.fit_unit): money is never a count of projects,
an area is land (other), persons are people.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from flows.extract import heads as h
from flows.rules import metrics as mr

_CLAUSE_CHARS = "，,；;：:。！？!?\n"
# Up to the last clause character: matched from the floor, it backtracks from the number to the cut
# in one call, where an rfind per character cost eleven.
_TO_LAST_CUT = re.compile(f"(?s:.*[{_CLAUSE_CHARS}])")
_CHANGE_WORDS = re.compile(r"(?:比|较|与|同比)?(?:上年|去年|\d{4}年)?(?:同期)?(?:相比)?(?:\(下同\))?"
                           r"(?:增长|增加|下降|减少|提高|降低|增|降|减|拉动\w{0,4})?")


def left_context(sentence: str, start: int, floor: int) -> str:
    """Text from the clause start (not before floor, the previous figure's end) up to start."""
    cut = _TO_LAST_CUT.match(sentence, floor, start)
    return sentence[cut.end() if cut else floor:start]


def right_context(sentence: str, end: int) -> str:
    """The noun phrase after a count: up to a delimiter or a verb that starts a new predicate."""
    qualifier = mr.RIGHT_QUALIFIER.match(sentence, end)
    if qualifier:
        end = qualifier.end()
    tail = sentence[end:end + 10]
    cut = mr.RIGHT_CUT.search(tail)
    return tail[:cut.start()] if cut else tail


def respective_metrics(sentence: str, sent_start: int, mentions: list) -> dict[int, int]:
    """Start of each figure of the run after 分别 -> the index in mentions of the figure before it that
    it pairs with, one to one in order: 接待游客1068万人次，实现旅游收入83.5亿元，分别增长36.4%和33.9%.
    Only when nothing is measured between them and 分别; a figure with a noun of its own keeps it."""
    at = sent_start + sentence.find("分别")
    before = [k for k, m in enumerate(mentions) if m.end <= at]
    after: list[int] = []
    for m in mentions:
        if m.start <= at:
            continue
        if after and not _RUN_GAP.fullmatch(sentence, after[-1][1] - sent_start, m.start - sent_start):
            break
        after.append((m.start, m.end))
    if len(after) < 2 or len(before) < len(after):
        return {}
    if h.nearest_keyword(sentence[mentions[before[-1]].end - sent_start:at - sent_start]):
        return {}  # 城乡居民人均可支配收入分别增长5.5%和7.5%: a measure of its own, the 分别 is of groups
    return {start: k for (start, _), k in zip(after, before[-len(after):], strict=True)}


def heading_metric(text: str) -> tuple[str, str] | None:
    """(metric, category) a heading line gives the list under it (营业收入超500亿元的园区： -> other)."""
    hit = h.nearest_keyword(text, names=False)
    return (text.strip(), hit[1]) if hit else None


class _Around(NamedTuple):
    """A figure's surroundings, as metric_and_category receives them (own: left trimmed of fillers)."""

    own: str
    left: str
    right: str
    rest: str
    unit: str
    counted: bool
    previous: tuple[str | None, str] | None
    listed: bool
    before: str
    carried: bool
    classifier: str


def metric_and_category(left: str, right: str, rest: str, unit: str, previous: tuple[str | None, str] | None,
                        listed: bool = False, before: str = "", carried: bool = False,
                        classifier: str = "") -> tuple[str | None, str]:
    """(metric, category) of one figure: the first of the ranked readings below that decides.

    left/right: the words before it in its clause and the noun after it; rest: the sentence after it;
    previous: the (metric, category) of the figure before it (or of the passage 其中 continues, or of
    the heading a list hangs from); listed: no clause break since that figure (27个国家59个城市);
    before: the clauses between that figure and this one's; carried: previous is an earlier line's;
    classifier: the measure word of a count (家, 个).
    """
    own = _trim(left).strip()
    if "(" in own or "（" in own:
        own = mr.BRACKETED.sub("", own)
    a = _Around(own, left, right, rest, unit, unit in _COUNTED, previous, listed, before, carried, classifier)
    # The readings, ranked: the first that decides wins (the last, _inherited, always does)
    found = (_served(a) or _said_after(a) or _share(a) or _own_head(a) or _clause_before(a)
             or _count_without_noun(a) or _inherited(a))
    return found[0], mr.fit_unit(unit, found[1])


def _served(a: _Around):
    """为231家企业提供咨询服务: a count after 为 is of who is served; what is done for them decides."""
    if a.counted and a.left.endswith(_FOR):
        hit = h.nearest_keyword(a.right, left_side=False, counted=True)
        if hit:
            return (a.own + a.right) or None, hit[1]
    return None


def _said_after(a: _Around):
    """380家企业, 300万元援疆资金, 65%的员工: the noun after the number says what it is."""
    named = h.named_after(a.right, a.rest, a.unit, a.counted)
    return ((a.own + a.right) or None, named.category) if named else None


def _share(a: _Around):
    """A share is of what is divided (占签约总额的58.3%), else of its subject, else of the figure before."""
    if "占" not in a.own:
        return None
    subject, divided = a.own.split("占", 1)
    if "分别" in subject:  # 分别占开工项目数和总投资的52.63%和49.94%: the first whole is the first figure's
        divided = _WHOLES.split(divided, 1)[0]
    hit = h.nearest_keyword(divided, counted=a.counted, names=False) or h.nearest_keyword(subject, counted=a.counted,
                                                                                     names=False)
    if hit:
        return subject or a.own, hit[1]
    return a.previous


def _own_head(a: _Around):
    """The head noun of the phrase before the number; a zone or sector there is a list item's label."""
    hit = h.nearest_head(a.own, counted=a.counted, names=a.counted)
    if hit and hit.kind in _LABELS and a.previous and a.carried:
        return a.previous  # 洋浦开发区2705家 under 新增企业数前三位： a list item's label, not what it counts
    if hit and hit.kind in _TRADES and a.classifier == "家" and a.unit == "count":
        return a.own, "enterprises"  # 引进跨境电商9家, 高新产业2家: 家 counts the firms of a trade
    if hit:
        return a.own, hit.category
    if a.previous and not a.counted and h.nearest_head(a.own, names=True):
        return a.previous  # 龙南产业园54亿元 after A经开区进出口额86亿元: the label of a list's next item
    return None


def _clause_before(a: _Around):
    """过亿元项目占比明显提高，共有27个: a figure with no noun of its own takes the clause before's."""
    hit = h.nearest_keyword(a.before, counted=a.counted, names=False)
    return (a.before.strip("，,；; "), hit[1]) if hit else None


def _count_without_noun(a: _Around):
    """A count whose phrase has no countable noun: the farthest word of that phrase, a list going on,
    the countries routes reach, or the unit's default for a noun that says nothing known."""
    if not a.counted:
        return None
    hit = h.nearest_keyword(a.right, left_side=False, counted=True)
    if hit:  # 11大行业一业一证改革
        return (a.own + a.right) or None, hit[1]
    if a.previous and (a.listed or h.counts_places(a.right)):  # 27个国家59个城市; 开通航线12条，辐射20多个国家
        return a.previous
    if len(a.right) >= 2:  # 17个市级帮扶集团
        return a.own + a.right, mr.UNIT_CATEGORY.get(a.unit, "other")
    return None


def _inherited(a: _Around):
    """No noun anywhere: a rate or bare amount is the figure before's, else a keyword said after it
    (251.7亿美元，这是新疆对外贸易额), else the unit's usual subject."""
    own, right, unit, previous = a.own, a.right, a.unit, a.previous
    if unit == "km":  # a distance is not the rate's or count's before it (an area or volume may be: fit_unit)
        return (own + right) or None, mr.UNIT_CATEGORY[unit]
    if previous and (unit == "percent" or a.counted or _bare(own)):
        return previous
    if previous:
        return (own or previous[0]), previous[1]
    hit = h.first_keyword(a.rest) if unit in _SAID_AFTER else None
    if hit:
        return hit
    return (own + right) or None, mr.UNIT_CATEGORY.get(unit, "other")


def _trim(left: str) -> str:
    """left without the filler at its head and its tail (METRIC_TRIM, METRIC_TAIL).

    Each regex runs only when the first (last) character can start (end) a match: a sub would
    otherwise try the pattern at every position of a phrase that mostly has neither.
    """
    first = left[:1]
    if first in _TRIM_FIRST or first.isdecimal() or first.isspace():
        left = mr.METRIC_TRIM.sub("", left)
    if left[-1:] in _TAIL_LAST or left.endswith("\n"):  # $ also matches before a final newline
        left = mr.METRIC_TAIL.sub("", left)
    return left


# The first characters of METRIC_TRIM's alternatives (with \d and \s, tested in code), the last
# ones of METRIC_TAIL's: test_attribution's metric examples exercise both.
_TRIM_FIRST = frozenset("其此同另共合全实已达今去上本下前一二三四年以的，,、片园开经高综自该")
_TAIL_LAST = frozenset("达到为共有是别计的成现在")


def _bare(own: str) -> bool:
    """Nothing but change words (同比增长): the figure has no metric of its own."""
    return not _CHANGE_WORDS.sub("", own, count=1).strip()


_SAID_AFTER = frozenset({"CNY", "USD", "EUR", "HKD", "percent"})
_COUNTED = frozenset({"count", "person", "person_time"})
_WHOLES = re.compile(r"[和、及与]")
_RUN_GAP = re.compile(r"[、和及与，,]{1,2}|[、和，,]?增长|[、和，,]?下降")  # 36.4%和33.9%; 12亿元、增长5%
_TRADES = frozenset({"measure", "sector"})  # what 家 after it makes a count of firms (跨境电商9家, 高新产业2家)
_LABELS = frozenset({"name", "sector"})  # a zone or a sector before an amount names a part, not a measure
# A count after these is of beneficiaries: 为231家企业提供咨询服务, 帮助80户农户销售
_FOR = ("为", "帮助", "帮", "向")



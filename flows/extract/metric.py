"""What a figure measures (metric) and its category, from the words around the number.

The metric is the phrase between the clause start (or the previous figure) and the number, trimmed
of fillers; a count with nothing before it takes the noun after it (六个现代化边境幸福村工程). A rate
or a bare amount with nothing of its own (同比增长370.2%, 达92.9亿元) takes the previous figure's.
A share (占...的八成三) is about the figure it follows unless its own subject precedes 占.
"""

from __future__ import annotations

import re

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


def nearest_keyword(text: str, left_side: bool = True, counted: bool = False,
                    names: bool = True) -> tuple[str, str] | None:
    """(noun, category) of the head noun ending nearest the end of text, longest on a tie.

    A firm named by its trade (物流业) is read only for a count, an event word (签约) only before the
    number, the end of a zone's name (产业园) only where names is true.
    """
    hit = _nearest_head(text, left_side, counted, names)
    return (hit.noun, hit.category) if hit else None


def _nearest_head(text: str, left_side: bool = True, counted: bool = False, names: bool = True) -> mr.Head | None:
    backwards = text[::-1]
    for m in mr.KEYWORDS_REVERSED.finditer(backwards):
        head = mr.head_of(m[0][::-1])
        if head.kind == "firm" and not counted:
            continue
        if head.kind == "event" and not left_side:
            continue
        if (head.kind in _LABELS and not names) or head.kind == "place":
            continue
        if head.yields_to:  # 补助收入, 债券资金, 运输货物: the modifier right before it may decide
            modifier = mr.KEYWORDS_REVERSED.match(backwards, m.end())
            return mr.refined(head, modifier[0][::-1] if modifier else "")
        return head
    return None




def counted_noun(right: str) -> mr.Head | None:
    """The thing a count counts: the last countable noun of the phrase after the number, which ends
    at a measure noun (380家跨境电商企业 -> 企业; 13个重大产业合作项目 -> 项目; 40个外资项目投资额 ->
    项目, not 投资额)."""
    found = None
    for m in mr.KEYWORDS.finditer(right):
        head = mr.head_of(m[0])
        if head.kind in _COUNTABLE:
            found = head
        elif found:
            break
    return found


def heading_metric(text: str) -> tuple[str, str] | None:
    """(metric, category) a heading line gives the list under it (营业收入超500亿元的园区： -> other)."""
    hit = nearest_keyword(text, names=False)
    return (text.strip(), hit[1]) if hit else None


def metric_and_category(left: str, right: str, rest: str, unit: str, previous: tuple[str | None, str] | None,
                        listed: bool = False, before: str = "", carried: bool = False,
                        classifier: str = "") -> tuple[str | None, str]:
    """(metric, category) of one figure.

    left/right: the words before it in its clause and the noun after it; rest: the sentence after it;
    previous: the (metric, category) of the figure before it (or of the passage 其中 continues, or of
    the heading a list hangs from); listed: no clause break since that figure (27个国家59个城市);
    before: the clauses between that figure and this one's; carried: previous is an earlier line's;
    classifier: the measure word of a count (家, 个).
    """
    metric, category = _decide(left, right, rest, unit, previous, listed, before, carried, classifier)
    return metric, mr.fit_unit(unit, category)


def _decide(left, right, rest, unit, previous, listed, before, carried, classifier):
    own = _trim(left).strip()
    if "(" in own or "（" in own:
        own = mr.BRACKETED.sub("", own)
    counted = unit in _COUNTED
    if counted and left.endswith(_FOR):  # 为231家企业提供咨询服务: what is done for them, if it is said
        hit = nearest_keyword(right, left_side=False, counted=True)
        if hit:
            return (own + right) or None, hit[1]
    named = _named_after(right, rest, unit, counted)
    if named:  # 380家企业, 300万元援疆资金, 65%的员工: the noun after the number says what it is
        return (own + right) or None, named.category
    if "占" in own:  # a share is of what is divided (占签约总额的58.3%), else of its subject, else of the figure before
        subject, divided = own.split("占", 1)
        hit = nearest_keyword(divided, counted=counted, names=False) or nearest_keyword(subject, counted=counted,
                                                                                         names=False)
        if hit:
            return subject or own, hit[1]
        if previous:
            return previous
    hit = _nearest_head(own, counted=counted, names=counted)
    if hit and hit.kind in _LABELS and previous and carried:
        return previous  # 洋浦开发区2705家 under 新增企业数前三位： a list item's label, not what it counts
    if hit and hit.kind in _TRADES and classifier == "家" and unit == "count":
        return own, "enterprises"  # 引进跨境电商9家, 高新产业2家: 家 counts the firms of a trade
    if hit:
        return own, hit.category
    if previous and not counted and _nearest_head(own, names=True):
        return previous  # 龙南产业园54亿元 after A经开区进出口额86亿元: the label of a list's next item
    hit = nearest_keyword(before, counted=counted, names=False)
    if hit:  # 过亿元项目占比明显提高，共有27个: the figure's noun is in the clause before
        return before.strip("，,；; "), hit[1]
    if counted:
        hit = nearest_keyword(right, left_side=False, counted=True)
        if hit:  # 11大行业一业一证改革: no countable noun, the farthest word of the phrase
            return (own + right) or None, hit[1]
        if previous and (listed or _counts_places(right)):  # 27个国家59个城市: a list goes on; 开通航线
            return previous  # 12条，辐射20多个国家: the countries the routes before reach
        if len(right) >= 2:  # a noun of its own that says nothing known (17个市级帮扶集团)
            return own + right, mr.UNIT_CATEGORY.get(unit, "other")
    if unit == "km":  # a distance is not the rate's or count's before it (an area or volume may be: fit_unit)
        return (own + right) or None, mr.UNIT_CATEGORY[unit]
    if previous and (unit == "percent" or counted or _bare(own)):
        return previous
    if previous:
        return (own or previous[0]), previous[1]
    hit = _first_keyword(rest) if unit in _SAID_AFTER else None  # 251.7亿美元，这是新疆对外贸易额...
    if hit:
        return hit
    return (own + right) or None, mr.UNIT_CATEGORY.get(unit, "other")


def _counts_places(right: str) -> bool:
    m = mr.KEYWORDS.match(right)
    return m is not None and mr.head_of(m[0]).kind == "place"


def _named_after(right: str, rest: str, unit: str, counted: bool) -> mr.Head | None:
    """The noun right after the number that names the figure: a count's counted thing (380家企业),
    an amount's own noun (投入300万元援疆资金), a share's whole (65%的员工是本地人)."""
    if counted:
        return counted_noun(right)
    if unit == "percent" and rest[:1] == "的":
        return counted_noun(mr.RIGHT_CUT.split(rest[1:12], 1)[0])
    m = mr.KEYWORDS.match(right)
    head = mr.head_of(m[0]) if m else None
    return head if head and head.kind == "measure" else None


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
_COUNTABLE = frozenset({"thing", "firm", "name"})
_TRADES = frozenset({"measure", "sector"})  # what 家 after it makes a count of firms (跨境电商9家, 高新产业2家)
_LABELS = frozenset({"name", "sector"})  # a zone or a sector before an amount names a part, not a measure
# A count after these is of beneficiaries: 为231家企业提供咨询服务, 帮助80户农户销售
_FOR = ("为", "帮助", "帮", "向")


def _first_keyword(text: str) -> tuple[str, str] | None:
    m = mr.KEYWORDS.search(text)
    return (m[0], mr.keyword_category(m[0])) if m else None

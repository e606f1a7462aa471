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
    tail = sentence[end:end + 10]
    cut = mr.RIGHT_CUT.search(tail)
    return tail[:cut.start()] if cut else tail


def nearest_keyword(text: str, left_side: bool = True, counted: bool = False) -> tuple[str, str] | None:
    """(noun, category) of the head noun ending nearest the end of text, longest on a tie.

    A firm named by its trade (物流业) is read only for a count; an event word (签约) only before the number.
    """
    for m in mr.KEYWORDS_REVERSED.finditer(text[::-1]):
        head = mr.head_of(m[0][::-1])
        if head.kind == "firm" and not counted:
            continue
        if head.kind == "event" and not left_side:
            continue
        return head.noun, head.category
    return None


def metric_and_category(left: str, right: str, rest: str, unit: str,
                        previous: tuple[str | None, str] | None, listed: bool = False) -> tuple[str | None, str]:
    """(metric, category) of one figure.

    left/right: the words before it in its clause and the noun after it; rest: the sentence after it;
    previous: the (metric, category) of the figure before it (or of the passage 其中 continues);
    listed: no clause break since that figure (27个国家59个城市).
    """
    metric, category = _decide(left, right, rest, unit, previous, listed)
    return metric, mr.fit_unit(unit, category)


def _decide(left, right, rest, unit, previous, listed):
    own = _trim(left).strip()
    counted = unit in _COUNTED
    if "占" in own:  # a share: its subject before 占, else the figure it follows
        subject = own.split("占", 1)[0]
        hit = nearest_keyword(subject, counted=counted)
        if hit:
            return subject, hit[1]
        if previous:
            return previous
    hit = nearest_keyword(own, counted=counted)
    if hit:
        return own, hit[1]
    if counted:  # 六个现代化边境幸福村工程: the counted noun follows
        hit = nearest_keyword(right, left_side=False, counted=True)
        if hit:
            return (own + right) or None, hit[1]
        if previous and listed:  # 27个国家59个城市: a list goes on
            return previous
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


def _first_keyword(text: str) -> tuple[str, str] | None:
    m = mr.KEYWORDS.search(text)
    return (m[0], mr.keyword_category(m[0])) if m else None

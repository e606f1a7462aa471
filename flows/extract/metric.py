"""What a figure measures (metric) and its category, from the words around the number.

The metric is the phrase between the clause start (or the previous figure) and the number, trimmed
of fillers; a count with nothing before it takes the noun after it (六个现代化边境幸福村工程). A rate
or a bare amount with nothing of its own (同比增长370.2%, 达92.9亿元) takes the previous figure's.
A share (占...的八成三) is about the figure it follows unless its own subject precedes 占.
"""

from __future__ import annotations

import re

from flows.rules import metrics as mr

_CLAUSE = re.compile(r"[，,；;：:。！？!?\n]")
_CHANGE_WORDS = re.compile(r"(?:比|较|与|同比)?(?:上年|去年|\d{4}年)?(?:同期)?(?:相比)?(?:\(下同\))?"
                           r"(?:增长|增加|下降|减少|提高|降低|增|降|减|拉动\w{0,4})?")


def left_context(sentence: str, start: int, floor: int) -> str:
    """Text from the clause start (not before floor, the previous figure's end) up to start."""
    cut = max((m.end() for m in _CLAUSE.finditer(sentence, floor, start)), default=floor)
    return sentence[max(cut, floor):start]


def right_context(sentence: str, end: int) -> str:
    """The noun phrase after a count: up to a delimiter or a verb that starts a new predicate."""
    tail = sentence[end:end + 10]
    cut = mr.RIGHT_CUT.search(tail)
    return tail[:cut.start()] if cut else tail


def nearest_keyword(text: str, left_side: bool = True) -> tuple[str, str] | None:
    """(keyword, category) of the keyword ending nearest the end of text, longest on a tie."""
    best = None
    for m in mr.KEYWORDS.finditer(text):
        if not left_side and m[0] in mr.LEFT_ONLY:
            continue
        key = (m.end(), len(m[0]))
        if best is None or key > best[0]:
            best = (key, m[0])
    return None if best is None else (best[1], mr.KEYWORD_CATEGORY[best[1]])


def metric_and_category(left: str, right: str, unit: str, is_change: bool,
                        previous: tuple[str | None, str] | None) -> tuple[str | None, str]:
    """(metric, category) of one figure; previous is the (metric, category) of the figure before it."""
    own = mr.METRIC_TAIL.sub("", mr.METRIC_TRIM.sub("", left)).strip()
    bare = not _CHANGE_WORDS.sub("", own, count=1).strip()
    if "占" in own and previous:
        subject = own.split("占", 1)[0]
        hit = nearest_keyword(subject)
        return (subject, hit[1]) if hit else previous
    hit = nearest_keyword(own)
    if hit:
        return own, _unit_override(unit, hit[1])
    if previous and (bare or unit == "percent"):
        return previous
    hit = nearest_keyword(right, left_side=False)
    if hit:
        return (own + right) or None, _unit_override(unit, hit[1])
    if previous:
        return (own or previous[0]), previous[1]
    return (own + right) or None, mr.UNIT_CATEGORY.get(unit, "other")


def _unit_override(unit: str, category: str) -> str:
    """Persons are people unless they serve the public (35名首席服务专员)."""
    if unit in ("person", "person_time") and category != "public_service":
        return "people"
    return category

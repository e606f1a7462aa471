"""The words around a number: a qualifier before or after it (约 近 超过 以上), and whether it is a
change and which way (增长12% rises, 下降5% falls, 新增30家 is a level).

figures.py finds the number and its unit, then asks here; the words themselves are data in
rules/qualifiers.py. Each function reads a few characters around one number: no scan of the page.
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import TYPE_CHECKING

from flows.rules.qualifiers import (
    CHANGE_AFTER,
    CHANGE_BEFORE,
    DECLINE,
    MINUS,
    NEGATIVE_BEFORE,
    QUALIFIER_AFTER,
    QUALIFIER_BEFORE,
    QUALIFIER_FALSE_STARTS,
)

if TYPE_CHECKING:
    from flows.extract.figures import Mention

_CLAUSE_CUT = "，,；;。！？!?：:、\n"
TO_CLAUSE_CUT = re.compile(f"(?s:.*[{_CLAUSE_CUT}])")  # backtracks to the last clause cut
_CHANGE_REACH = 14  # longest CHANGE_BEFORE match: 比 + 10 characters + 新增了 (增长率了为将近 is 7)
_PARENS = re.compile(r"[(（][^()（）]*[)）]")
_QUAL_WORD = re.compile("(?<!" + ")(?<!".join(QUALIFIER_FALSE_STARTS) + ")(" + "|".join(w for _, words in QUALIFIER_BEFORE for w in words) + ")$")


def qualifier_before(text: str, start: int) -> tuple[str, int]:
    """(qualifier, length of its word) of the word right before start: ("approx", 2) for 大约."""
    # Most numbers follow no qualifier: the character before is the cheap test ($ also matches before a final \n)
    last = text[start - 1] if start else ""
    if last not in _QUALIFIER_LAST_CHARS and last != "\n":
        return "exact", 0
    hit = _QUAL_WORD.search(text[max(0, start - 4):start])
    if not hit:
        return "exact", 0
    return _QUALIFIER_OF[hit[1]], len(hit[0])


_QUALIFIER_OF = {word: q for q, words in reversed(QUALIFIER_BEFORE) for word in words}  # first group wins
_QUALIFIER_LAST_CHARS = frozenset(word[-1] for word in _QUALIFIER_OF)
_QUALIFIER_AFTER_FIRST_CHARS = frozenset(word[0] for _, words in QUALIFIER_AFTER for word in words)


def qualifier_after(text: str, end: int, current: str) -> str:
    """current, or the qualifier of the word right after end if current is exact: 10亿元以上 -> over."""
    if text[end:end + 1] not in _QUALIFIER_AFTER_FIRST_CHARS:
        return current
    for qualifier, words in QUALIFIER_AFTER:
        if text.startswith(words, end):
            return qualifier if current == "exact" else current
    return current


def change_sign(text: str, start: int, end: int, unit: str, surface: str) -> int:
    """1 for a rise, -1 for a decline, 0 for no change: 增长370.2% 1, 减少一成九 -1, 较2020年增长12.35亿元 1;
    percentage points always a change (低于全省2个百分点 -1); not 增至 or 新增 (0)."""
    points = surface in ("个百分点", "百分点")
    left = text[max(0, start - 24):start]
    if "(" in left or "（" in left:
        left = _PARENS.sub("", left)
    if " " in left:  # typeset spaces: 较上年增长 12.4%
        left = left.replace(" ", "")
    cut = TO_CLAUSE_CUT.match(left)
    left = left[cut.end():] if cut else left  # the clause the number is in
    # A match ends the clause and is at most _CHANGE_REACH long: the search starts there
    hit = CHANGE_BEFORE.search(left, len(left) - _CHANGE_REACH)  # a negative pos searches from 0
    if hit:
        falls = DECLINE.match(hit[0]) or left[hit.start() - 1:hit.start()] == NEGATIVE_BEFORE
        return -1 if falls else 1
    return 1 if points or (unit == "percent" and CHANGE_AFTER.match(text, end)) else 0


def share_change(text: str, mentions: list[Mention]) -> None:
    """分别增长12%和13%: a number joined to a change rate by 和/与/、 is a change rate too, and a
    decline's partner declines too (分别下降12%和13% -> -12, -13)."""
    for prev, cur in pairwise(mentions):
        if prev.is_change and not cur.is_change and prev.unit == cur.unit and text[prev.end:cur.start] in _JOINERS:
            cur.is_change = True
            if prev.value < 0 < cur.value and text[prev.num_start] not in MINUS:
                cur.value = -cur.value


_JOINERS = frozenset({"和", "与", "及", "、", "和下降", "和增长"})

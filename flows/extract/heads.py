"""The head noun of a metric phrase, looked up in rules/categories.tsv (see metric.py for how a
figure's category is read from it).

A Chinese noun phrase ends in its head: the table noun ending nearest the end of the phrase, the
longest there, is found by one search of the reversed phrase (KEYWORDS_REVERSED, a trie). After a
count the head is the last countable noun of the phrase that follows it (KEYWORDS, forward).
"""

from __future__ import annotations

from flows.rules import metrics as mr

_COUNTABLE = frozenset({"thing", "firm", "name"})
_LABELS = frozenset({"name", "sector"})  # a zone or a sector before an amount names a part, not a measure


def nearest_keyword(text: str, left_side: bool = True, counted: bool = False,
                    names: bool = True) -> tuple[str, str] | None:
    """(noun, category) of the head noun ending nearest the end of text, longest on a tie.

    A firm named by its trade (物流业) is read only for a count, an event word (签约) only before the
    number, the end of a zone's name (产业园) only where names is true.
    """
    hit = nearest_head(text, left_side, counted, names)
    return (hit.noun, hit.category) if hit else None


def nearest_head(text: str, left_side: bool = True, counted: bool = False, names: bool = True) -> mr.Head | None:
    """The row of the head noun of text (nearest_keyword's), refined by its modifier if it is open."""
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


def counts_places(right: str) -> bool:
    """The count is of countries, regions or cities (通达21个国家): what reaches them decides."""
    m = mr.KEYWORDS.match(right)
    return m is not None and mr.head_of(m[0]).kind == "place"


def named_after(right: str, rest: str, unit: str, counted: bool) -> mr.Head | None:
    """The noun right after the number that names the figure: a count's counted thing (380家企业),
    an amount's own noun (投入300万元援疆资金), a share's whole (65%的员工是本地人)."""
    if counted:
        return counted_noun(right)
    if unit == "percent" and rest[:1] == "的":
        return counted_noun(mr.RIGHT_CUT.split(rest[1:12], 1)[0])
    m = mr.KEYWORDS.match(right)
    head = mr.head_of(m[0]) if m else None
    return head if head and head.kind == "measure" else None


def first_keyword(text: str) -> tuple[str, str] | None:
    """(keyword, category) of the first keyword of text: 251.7亿美元，这是新疆对外贸易额."""
    m = mr.KEYWORDS.search(text)
    return (m[0], mr.keyword_category(m[0])) if m else None

"""Which place each figure is about, from the spots of its sentence and the place carried to it.

The nearest non-partner place before the figure, or the common parent of the list it ends (黑河、同江、
抚远三个口岸 -> 黑龙江省); a respectively-list pairs places and figures in order; a sentence hands its
place to the next.
"""

from __future__ import annotations

from bisect import bisect_left

from flows.extract.spots import LIST_GAPS, Spots
from flows.records import Place
from flows.rules import roles


def figure_place(spots: Spots, sent_start: int, fig_start: int, carried: Place | None) -> tuple[Place | None, bool]:
    """(place, found in this sentence): a place right before the number (福建省百分之十点七), else the
    nearest non-partner place before the figure (or the common parent of the list it ends), else the
    carried one. A list spanning provinces (全州在新疆、福建、天津等地设立工作站12个) says where, not
    whose: the subject is looked for before it."""
    starts, ends, judged = spots.starts, spots.ends, spots.judged
    first = bisect_left(starts, sent_start)
    n = bisect_left(starts, fig_start) - 1
    while n >= first:
        if fig_start == ends[n] and not _compared_or_giving(spots, n):
            return spots.places[n], True
        if not (spots.partner(n) if judged[n] is None else judged[n]):
            listed = _listed_place(spots, n)
            if listed is not None or spots.places[n] is None:
                return listed, True
            n = _list_start(spots, n)
        n -= 1
    return carried, False


def _list_start(spots: Spots, n: int) -> int:
    """Index of the first item of the list spot n ends."""
    while (p := spots.previous(n)) >= 0 and spots.text[spots.ends[p]:spots.starts[n]] in LIST_GAPS:
        n = p
    return n


def _compared_or_giving(spots: Spots, n: int) -> bool:
    """Spot n is a base of comparison (高于全省0.9个百分点) or a donor (江苏16家开发园区与受援地结对)."""
    place = spots.places[n]
    return (place is not None and place.place_id in spots.donors) or \
        roles.COMPARED_BEFORE.search(spots.text, max(0, spots.starts[n] - 2), spots.starts[n]) is not None


def last_place(spots: Spots, start: int, end: int, carried: Place | None) -> Place | None:
    """The place a sentence hands to the next: its last non-partner place (a list's common parent; a
    list spanning provinces is passed over, as figure_place does)."""
    starts, judged = spots.starts, spots.judged
    first = bisect_left(starts, start)
    n = bisect_left(starts, end) - 1
    while n >= first:
        if not (spots.partner(n) if judged[n] is None else judged[n]):
            listed = _listed_place(spots, n)
            if listed is not None or spots.places[n] is None:
                return listed
            n = _list_start(spots, n)  # a list spanning provinces: where, not whose
        n -= 1
    return carried


def respective_places(spots: Spots, sentence: str, sent_start: int, mentions: list) -> dict[int, Place]:
    """Start of each figure after 分别 -> its place, one to one with the list before 分别:
    分布在萧山区、余杭区和富阳区，分别为812家、536家和301家. Figures in pairs (分别为x亿元、增长a%，y亿元、
    增长b%) go two to a place; any other count is no respectively-list, and {} leaves them to the nearest place."""
    paired: dict[int, Place] = {}
    at = sentence.find("分别")
    while at != -1:  # 分别签约3个、2个和2个项目，协议资金分别为6.8亿元…: each run pairs with the same list
        paired.update(_respective_run(spots, sentence, sent_start, mentions, sent_start + at))
        at = sentence.find("分别", at + 2)
    return paired


def _respective_run(spots: Spots, sentence: str, sent_start: int, mentions: list, at: int) -> dict[int, Place]:
    """The figures of the run after the 分别 at `at`, paired with the list of places before it."""
    n = bisect_left(spots.starts, at) - 1
    while n >= 0 and spots.starts[n] >= sent_start and spots.partner(n):
        n -= 1
    if n < 0 or spots.starts[n] < sent_start:
        return {}
    places = listed_places(spots, n)
    after = _run_of_figures(sentence, sent_start, [m for m in mentions if m.start > at])
    if len(places) < 2 or len(after) not in (len(places), 2 * len(places)):
        return {}
    per_place = len(after) // len(places)
    return {start: places[k // per_place] for k, start in enumerate(after)}


def _run_of_figures(sentence: str, sent_start: int, mentions: list) -> list[int]:
    """Starts of the figures listed one after another (14.86亿元、13.27亿元、12.09亿元): the run ends at a
    clause end or a gap of words (，位列全市前三，其中…增长5.6% is no item of it)."""
    run: list[int] = []
    previous_end = None
    for m in mentions:
        if previous_end is not None:
            gap = sentence[previous_end - sent_start:m.start - sent_start]
            if len(gap) > _LIST_ITEM_GAP or "。" in gap or "；" in gap:
                break
        run.append(m.start)
        previous_end = m.end
    return run


_LIST_ITEM_GAP = 6  # characters between two listed figures at most: 、增长 (a pair), ，占比


def listed_places(spots: Spots, n: int) -> list[Place]:
    """The places of the list spot n ends (六枝特区、水城区; 萧山区、余杭区和富阳区), in order; [place n]
    when it ends none. A place right after another (湖北武汉) is inside it, not listed with it."""
    chain = [n]
    while (p := spots.previous(chain[-1])) >= 0 and spots.text[spots.ends[p]:spots.starts[chain[-1]]] in LIST_GAPS:
        chain.append(p)
    return [spots.places[k] for k in reversed(chain) if spots.places[k] is not None]


def _listed_place(spots: Spots, n: int) -> Place | None:
    """Spot n's place, or the common parent of the list it ends: 黑河、同江、抚远三个口岸 -> 黑龙江省."""
    if n == 0 or spots.text[spots.ends[n - 1]:spots.starts[n]] not in LIST_GAPS:  # most spots end no list
        return spots.places[n]
    places = listed_places(spots, n)
    if len({place.place_id for place in places}) < 2:
        return spots.places[n]
    return common_parent(places)


def common_parent(places: list[Place]) -> Place | None:
    """The nearest division containing every place (None across provinces: no place names them all)."""
    from flows.extract.places import gazetteer

    index = gazetteer()
    shared = None
    for place in places:
        lineage = index.lineage(place.place_id)
        shared = lineage if shared is None else tuple(pid for pid in shared if pid in lineage)
    return index.places.get(shared[0]) if shared else None

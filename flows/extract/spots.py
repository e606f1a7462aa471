"""Where each figure is: place mentions and deictics of an article as spots, its main place.

A spot is a place named in the text (or 我县, 全市 resolved to the article's place of that level),
marked a partner when the figure is not its (对美国进出口, 与山东联手, 奔赴湖北武汉、浙江义乌, 四川中辰
智慧科技有限公司, 武汉援疆工作队). attribution.py picks the spot nearest before each figure. Cannot tell
a donor from a recipient (湖北省、武汉市累计投入援博资金 is about 博乐, the sentence names only the donors).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter

from flows.records import Place

try:
    from flows.extract.places import find_places, get_place
except ImportError:  # places.py is another engineer's; extraction still works without places
    def find_places(text):  # type: ignore[no-redef]
        return []

    def get_place(place_id):  # type: ignore[no-redef]
        return None


@dataclass(slots=True)
class Spot:
    """A place mention, or a deictic (我县, 全市) resolved to the article's place of that level."""

    start: int
    end: int
    place: Place | None
    partner: bool


# 对美国进出口, 与山东联手, 赴/前往/奔赴四川, 进山东市场, 占全国比重, 比全国高出: the place is the other side
_PARTNER_MARKERS = ("对", "与", "同", "和", "赴", "往", "至", "到", "进", "占", "比", "较", "除", "销往", "运往")
_PARTNER_BEFORE = re.compile(f"(?:{'|'.join(_PARTNER_MARKERS)})(?:我国|中国)?$")
_PARTNER_LAST = frozenset(word[-1] for word in _PARTNER_MARKERS) | {"国", "\n"}  # "\n": $ matches before one
# 我县, 本市, 全省: the article's place of that level. (全国 figures carry no place in gold: left out.)
_DEICTIC = re.compile(r"(?:我|本|该|全)(省|市|县|州)")
# Layout debris in a masthead: spaces (衡 水 市  统  计 局) and converter pinyin (統(tǒng))
_MASTHEAD_DEBRIS = re.compile(r"\s+|\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)")
# A place named inside an organisation's name is not where the figure is: 某某新材料科技有限公司的年产...
_ORG_AFTER = re.compile(r"[\u4e00-\u9fff]{0,10}?(?:有限责任公司|股份有限公司|有限公司|集团|公司)")
# A donor: 武汉援疆工作队, 湖北省、武汉市累计投入援博资金, 上海市积极对口支援 (the figure is the recipient's)
_DONOR_AFTER = re.compile(r"[^，,。；;]{0,8}?(?:援|对口|帮扶)")
_RECIPIENT_BEFORE = re.compile(r"(?:向|给|为)$")  # 向甘肃投入财政援助资金: the place receives
# A place inside a facility's name: 青岛胶州站 (the figure is 青岛's), 在株洲凯悦酒店举行
_FACILITY_AFTER = re.compile(r"[\u4e00-\u9fff]{0,4}?(?:站|机场|酒店|宾馆|大厦|会展中心)")
_AFTER_REACH = 16  # characters _ORG_AFTER (10 + 6), _DONOR_AFTER (8 + 2) and _FACILITY_AFTER (4 + 4) span at most
_FACILITY_WORD = re.compile(r"站|机场|酒店|宾馆|大厦|会展中心")  # none in the text: no place is inside a facility
_LEVEL_OF = {"省": "province", "市": "prefecture", "县": "county", "州": "prefecture"}


def place_spots(text: str, title: str | None, original: str = "") -> tuple[list[Spot], Place | None]:
    """Every place mention and deictic in text, with the article's main place."""
    mentions = find_places(text)
    main, by_level = _main_places(mentions + _letterhead_places(original), title)
    spots: list[Spot] = []
    check_org = "公司" in text or "集团" in text
    check_donor = "援" in text or "对口" in text or "帮扶" in text
    check_facility = _FACILITY_WORD.search(text) is not None
    previous = None  # the spot made last
    next_starts = [pm.start for pm in mentions[1:]] + [-1]
    for (start, end, _, place), next_start in zip(mentions, next_starts):
        aside = False
        if check_org or check_donor or check_facility:
            # The regexes run only where their word is close enough after the place to match
            after = text[end:end + _AFTER_REACH]
            donor = (check_donor and ("援" in after or "对口" in after or "帮扶" in after) and _DONOR_AFTER.match(text, end)
                     and not _RECIPIENT_BEFORE.search(text, max(0, start - 2), start))
            org = check_org and ("公司" in after or "集团" in after) and _ORG_AFTER.match(text, end)
            inner = next_start == end  # 青岛胶州站: the station is 胶州's
            aside = bool(org or (check_facility and not inner and _FACILITY_AFTER.match(text, end)) or donor)
        previous = Spot(start, end, place, aside or _is_partner(text, start, previous))
        spots.append(previous)
    for m in _DEICTIC.finditer(text):
        place = _deictic(_LEVEL_OF[m[1]], main, by_level)
        spots.append(Spot(m.start(), m.end(), place, bool(_PARTNER_BEFORE.search(text, max(0, m.start() - 4), m.start()))))
    spots.sort(key=attrgetter("start"))
    return spots, main


def _letterhead_places(text: str) -> list:
    """Places in the masthead lines of the original (衡 水 市  统  计 局), which normalisation may drop."""
    found = []
    for line in text.split("\n", 2)[:2]:
        if len(line) <= 60:
            found += find_places(_MASTHEAD_DEBRIS.sub("", line))
    return found


def _deictic(level: str, main: Place | None, by_level: dict[str, Place]) -> Place | None:
    """本市 is the main place when that is a city (北京市, 重庆市), else the most named place of the level."""
    if main and (main.level == level or (level == "prefecture" and main.name.endswith("市"))):
        return main
    return by_level.get(level) or main


def _is_partner(text: str, start: int, previous: Spot | None) -> bool:
    """A partner marker right before, or the next item of a list of partners (湖北武汉、浙江义乌)."""
    if text[start - 1:start] in _PARTNER_LAST and _PARTNER_BEFORE.search(text, max(0, start - 4), start):
        return True
    if previous and previous.partner and start - previous.end <= 4:
        gap = text[previous.end:start]
        return "、" in gap or "和" in gap or gap == ""
    return False


def _main_places(mentions: list, title: str | None) -> tuple[Place | None, dict[str, Place]]:
    """The most named place (title mentions count thrice, a division gains half of its parts' mentions)."""
    # Weights summed per place first (in order of first mention, which decides ties), then spread
    # to the ancestors once per place rather than once per mention. Halves and wholes add exactly.
    weights: dict[str, int] = {}
    places = {}
    in_title: dict[str, bool] = {}
    for _, _, surface, place in mentions:
        if surface not in in_title:
            in_title[surface] = bool(title and surface in title)
        place_id = place.place_id
        weights[place_id] = weights.get(place_id, 0) + (3 if in_title[surface] else 1)
        places[place_id] = place
    score: dict[str, float] = {}
    level_count: dict[str, dict[str, int]] = {}
    for place_id, weight in weights.items():
        place = places[place_id]
        score[place_id] = score.get(place_id, 0) + weight
        counts = level_count.setdefault(place.level, {})
        counts[place_id] = counts.get(place_id, 0) + weight
        for parent in _ancestors(place.parent_id):
            score[parent.place_id] = score.get(parent.place_id, 0) + 0.5 * weight
            places.setdefault(parent.place_id, parent)
    # max() keeps the first of equal scores, as Counter.most_common did: the first named wins a tie
    main = places[max(score, key=score.__getitem__)] if score else None
    by_level = {level: places[max(c, key=c.__getitem__)] for level, c in level_count.items()}
    if main and main.level == "province" and main.name.endswith("市"):  # 北京市: 本市 means the municipality
        by_level.setdefault("prefecture", main)
    return main, by_level


@lru_cache(maxsize=4096)
def _ancestors(place_id: str | None) -> tuple[Place, ...]:
    """The divisions containing a place, nearest first, without the country."""
    parent = get_place(place_id) if place_id else None
    if parent is None or parent.level == "country":
        return ()
    return (parent, *_ancestors(parent.parent_id))


def figure_place(spots: list[Spot], starts: list[int], sent_start: int, fig_start: int, carried: Place | None) -> tuple[Place | None, bool]:
    """(place, found in this sentence): a place right before the number (福建省百分之十点七), else the
    nearest non-partner place before the figure, else the carried one."""
    for n in range(bisect_left(starts, fig_start) - 1, bisect_left(starts, sent_start) - 1, -1):
        spot = spots[n]
        if fig_start == spot.end or not spot.partner:
            return spot.place, True
    return carried, False


def last_place(spots: list[Spot], starts: list[int], start: int, end: int, carried: Place | None) -> Place | None:
    """The place a sentence hands to the next: its last non-partner place (starts: the spots' starts)."""
    for n in range(bisect_left(starts, end) - 1, bisect_left(starts, start) - 1, -1):
        if not spots[n].partner:
            return spots[n].place
    return carried

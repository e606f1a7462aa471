"""The article as a whole: its spots, its main place, who gives aid in it, what its anaphors mean.

Read before any figure is placed: a place that gives aid anywhere (浙江省对口支援…) is a donor
everywhere; the place the reporter heard the news from (记者从闽侯县获悉) is its subject; the main
place is the most named place that is named as a subject somewhere; 我县, 全市 are the article's
place of that level, 该县, 该区 and a clause opening with 园区 the nearest place of that kind before.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

from flows.extract.places import gazetteer as _gazetteer
from flows.extract.places import get_place, place_hits
from flows.extract.spots import AFTER_REACH, PARTNER_BEFORE, Spots, is_donor
from flows.records import Place
from flows.rules import roles

# 我县, 本市, 全省: the article's place of that level; 全区 only where the article is about an autonomous
# region (内蒙古自治区), elsewhere 区 is a district's own word. (全国 figures carry no place in gold: left out.)
_DEICTIC = re.compile(r"(?:我|本|该|全)(省|市|县|州|区)")
# Layout debris in a masthead: spaces (衡 水 市  统  计 局) and converter pinyin (統(tǒng))
_MASTHEAD_DEBRIS = re.compile(r"\s+|\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)")
_FACILITY_WORD = re.compile(r"站|机场|酒店|宾馆|大厦|会展中心")  # none in the text: no place is inside a facility
_LEVEL_OF = {"省": "province", "市": "prefecture", "县": "county", "州": "prefecture", "区": "province"}


def place_spots(text: str, title: str | None, original: str = "") -> tuple[Spots, Place | None]:
    """Every place mention and deictic in text, with the article's main place.

    The article is read as a whole first: a place that gives aid anywhere in it (浙江省对口支援…) is a
    donor everywhere, and the place the reporter heard the news from (记者从闽侯县获悉) is its subject.
    """
    hits = place_hits(text)
    checks = ("公司" in text or "集团" in text,
              "援" in text or "对口" in text or "帮扶" in text or "协作" in text,  # 东西部协作资金: aid too
              _FACILITY_WORD.search(text) is not None)
    donors = _donors(text, hits) if checks[1] else set()
    starts = [hit[0] for hit in hits]
    ends = [hit[1] for hit in hits]
    places = [hit[3] for hit in hits]
    judged: list[bool | None] = [True if hit[3].place_id in donors else None for hit in hits]
    spots = Spots(text, starts, ends, places, judged, None, checks)
    spots.donors = donors
    letterhead = _letterhead_places(original, text[:300])
    main, by_level = _main_places(hits + letterhead, title, donors, _sources(text, hits),
                                  _SubjectCheck(spots, hits, letterhead))
    deictic = None
    for start, end, place in _anaphors(text, hits, main, by_level, donors):  # inserted after places of the same start
        deictic = deictic or [False] * len(starts)
        at = bisect_right(starts, start)
        starts.insert(at, start)
        ends.insert(at, end)
        places.insert(at, place)
        judged.insert(at, bool(PARTNER_BEFORE.search(text, start - 4, start)))  # a negative pos is 0
        deictic.insert(at, True)
    spots._deictic = deictic
    return spots, main


def _donors(text: str, hits: list) -> set[str]:
    """Ids of the places that give aid somewhere in the article and never receive it there.

    A place right after another (对口帮扶保山市昌宁县) is inside it and receives when it does.
    """
    givers, receivers = set(), set()
    receiving_end = -1  # end of the last place that receives: the place starting there is inside it
    aid_at = [m.start() for m in _AID_WORD.finditer(text)]  # the words after a giver; most places have none near
    for start, end, _, place in hits:
        receives = start == receiving_end or (text[start - 1:start] in roles.RECIPIENT_LAST and roles.RECIPIENT_BEFORE.search(
            text, max(0, start - 4), start) is not None)
        near = bisect_left(aid_at, end)
        if near == len(aid_at) or aid_at[near] >= end + _AID_REACH:
            if receives:
                receivers.add(place.place_id)
                receiving_end = end
            continue
        if receives or ("援" in text[end:end + 6] and roles.RECIPIENT_SYSTEM_AFTER.match(text, end)):
            receivers.add(place.place_id)
            receiving_end = end if receives else -1
        elif _gives(text, start, end):
            givers.add(place.place_id)
    return givers - receivers


_AID_WORD = re.compile(r"援|帮|支|派|协作|资金")  # one of these follows every giver (_gives, RECIPIENT_SYSTEM_AFTER)
_AID_REACH = 24  # how far after the place _gives looks


def _gives(text: str, start: int, end: int) -> bool:
    """The aid verb right after the place (浙江省对口支援) or the money it puts into aid (西海岸新区全年投入
    东西部协作财政援助资金): looked for only where 援, 帮, 支, 派 or 资金 is near."""
    after = text[end:end + AFTER_REACH]
    if ("援" in after or "帮" in after or "支" in after or "派" in after or "协作" in after) \
            and roles.DONOR_RIGHT_AFTER.match(text, end) and is_donor(text, start, end, after):
        return True
    return "资金" in text[end:end + 24] and roles.DONOR_GIVES.match(text, end) is not None


def _sources(text: str, hits: list) -> set[str]:
    """Surfaces of the places the news came from: 记者7日从闽侯县获悉 (the article's subject)."""
    return {surface for start, end, surface, _ in hits
            if text[start - 1:start] == "从" and roles.SOURCE_AFTER.match(text, end)}


def _anaphors(text: str, hits: list, main: Place | None, by_level: dict[str, Place], donors: set[str]):
    """(start, end, place) of each word standing for a place: 我县, 全市, 本省 mean the article's place
    of that level; 该县, 该区 the nearest place of that kind named before; a clause opening with 园区 or
    高新区 the nearest zone named before."""
    hit_starts = [hit[0] for hit in hits]
    for m in _DEICTIC.finditer(text):
        word, level = m[0], m[1]
        if word[0] == "该" or (level == "区" and not _is_autonomous_region(main)):
            place = _antecedent(hits, bisect_left(hit_starts, m.start()), _ANTECEDENT[level], donors)
            if place is not None:
                yield m.start(), m.end(), place
            elif level != "区":  # 全区 of a district: left to the carried place
                yield m.start(), m.end(), _deictic(_LEVEL_OF[level], main, by_level)
        else:
            yield m.start(), m.end(), _deictic(_LEVEL_OF[level], main, by_level)
    if any(hit[3].level == "zone" for hit in hits):  # no zone named: no zone to stand for
        for m in _ZONE_NOUN.finditer(text):
            start = m.start()
            if _ZONE_NOUN_OPENS.search(text, max(0, start - _OPENS_REACH), start):
                place = _antecedent(hits, bisect_left(hit_starts, start), _is_zone, donors)
                if place is not None:
                    yield start, m.end(), place


def _antecedent(hits: list, before: int, fits, donors: set[str]) -> Place | None:
    """The nearest place named before hit index `before` that fits (a zone, a 县...), donors skipped."""
    for n in range(before - 1, -1, -1):
        place = hits[n][3]
        if fits(place) and place.place_id not in donors:
            return place
    return None


def _is_zone(place: Place) -> bool:
    return place.level == "zone"


# 该区 is the zone or district just named; 该市 a city (prefecture-level or county-level), 该县 a county
_ANTECEDENT = {
    "区": lambda p: p.level == "zone" or (p.level == "county" and p.name.endswith("区")),
    "市": lambda p: p.level in ("prefecture", "county") and p.name.endswith("市"),
    "县": lambda p: p.level == "county" and p.name.endswith(("县", "旗")),
    "州": lambda p: p.level == "prefecture" and p.name.endswith("州"),
    "省": lambda p: p.level == "province",
}
# A clause that opens with a zone's common noun speaks of the zone just named: 今年以来，高新区围绕…
# (a zone noun is found first, its opening looked at after: a pattern opening with lookbehinds was tried at
# every character of the page)
_ZONE_NOUN = re.compile(r"园区|片区|高新区|开发区|经开区|综保区|新区|合作区|试验区|自贸区")
_ZONE_NOUN_OPENS = re.compile(r"(?:[，,。；;：:\n]\s*(?:今年|去年|全年|上半年|前三季度|\d{4}年)?|在)$")
_OPENS_REACH = 8  # characters _ZONE_NOUN_OPENS spans at most (，2024年 + a space or two)


def _letterhead_places(text: str, kept: str = "") -> list:
    """Places in the masthead lines of the original (衡 水 市  统  计 局), which normalisation may drop;
    a line kept as it is in the normalised text (kept: its head) is read there already."""
    found = []
    for line in text.split("\n", 2)[:2]:
        if len(line) <= 60:
            compact = _MASTHEAD_DEBRIS.sub("", line)
            if compact and compact not in kept:
                found += place_hits(compact)
    return found


def _is_autonomous_region(place: Place | None) -> bool:
    """内蒙古自治区, 广西壮族自治区: where 全区 and 我区 mean the whole province-level region."""
    return place is not None and place.level == "province" and place.name.endswith("自治区")


def _deictic(level: str, main: Place | None, by_level: dict[str, Place]) -> Place | None:
    """本市 is the main place when that is a city (北京市, 重庆市), else the most named place of the level."""
    if main and (main.level == level or (level == "prefecture" and main.name.endswith("市"))):
        return main
    return by_level.get(level) or main


_TITLE_WEIGHT = 3  # a mention in the title counts as three in the body
_SOURCE_WEIGHT = 6  # the place the news came from (记者从闽侯县获悉) is the subject unless a title says otherwise


class _SubjectCheck:
    """Is a place (or a place inside it) named somewhere as a subject, not only as a partner (来自香港,
    对美国, 比全省)? Spots are judged in text order until one answers: most articles name their main
    place as a subject early, so few are judged. Masthead lines (衡水市统计局) name subjects."""

    def __init__(self, spots: Spots, hits: list, letterhead: list):
        self.spots, self.hits = spots, hits
        index = _gazetteer()
        self.lineage = index.lineage
        self.masthead = {pid for hit in letterhead for pid in index.lineage(hit[3].place_id)}

    def __call__(self, place_id: str) -> bool:
        if place_id in self.masthead:
            return True
        return any(place_id in self.lineage(hit[3].place_id) and not self.spots.partner(n)
                   for n, hit in enumerate(self.hits))


def _main_places(mentions: list, title: str | None, donors: frozenset[str] | set[str] = frozenset(),
                 sources: frozenset[str] | set[str] = frozenset(),
                 named_as_subject=lambda place_id: True) -> tuple[Place | None, dict[str, Place]]:
    """The most named place that is named as a subject somewhere (a title mention counts thrice, the
    news source's six times, a division gains half of its parts' mentions); donors of aid are never
    the article's place."""
    # Weights summed per place first (in order of first mention, which decides ties), then spread
    # to the ancestors once per place rather than once per mention. Halves and wholes add exactly.
    weights: dict[str, int] = {}
    places = {}
    weight_of: dict[str, int] = {}
    for _, _, surface, place in mentions:
        if surface not in weight_of:
            weight_of[surface] = _SOURCE_WEIGHT if surface in sources else _TITLE_WEIGHT if title and surface in title else 1
        place_id = place.place_id
        if place_id in donors:
            continue
        weights[place_id] = weights.get(place_id, 0) + weight_of[surface]
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
    # sorted() keeps the first of equal scores, as Counter.most_common did: the first named wins a tie
    ranked = sorted(score, key=score.__getitem__, reverse=True)
    main = places[next((place_id for place_id in ranked if named_as_subject(place_id)), ranked[0])] if score else None
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

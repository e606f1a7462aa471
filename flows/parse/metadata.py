"""Lines of a normalised page -> title, published date, publisher, bylines.

Handwritten regexes, not trafilatura's metadata: on these pages it reads "2024年01月20日" wrongly and
drops Chinese names, and plain-text inputs have no HTML for it to read anyway. A date is only taken
when the page states a full one in its header: "1月19日" alone stays None, never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from flows.rules.boilerplate import SITE_NAME

# Header dates: "2024-05-12 21:12:41", "时间:2023-08-08", "2024年1月12日", "15.03.2023  09:30".
_YMD = re.compile(r"((?:19|20)\d\d)(?:-|年|/|\.)(\d\d?)(?:-|月|/|\.)(\d\d?)日?(?![\d.])")
_DMY = re.compile(r"(?<![\d.])(\d\d?)\.(\d\d?)\.((?:19|20)\d\d)(?!\d)")
# Publisher, by preference: a "来源" label ("来源:昆明发布", "来源/博乐市融媒体中心"), the name
# after a header date ("1999年10月22日 00:22 中新社"), a wire dateline ("中新网成都11月14日电",
# "中新社福州五月十二日电"), a paper's "讯" ("重庆日报讯"), a paper before a reporter
# ("(某某日报 记者王明)").
_SOURCE = re.compile(r"(?:来源|稿源|出处)\s*[:/]\s*([^\s:/|]{2,20})")
_AFTER_DATE = re.compile(r"(?:\d\d?:\d\d(?::\d\d)?|\d\d?时\d\d?分|日)\s+([^\s\d:|]{2,12})\s*$")
_NUM = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})"
_WIRE = re.compile(rf"^[【\[(]?([^\s(【]{{2,8}}?(?:社|网|台|报))[^\s\d,。]{{0,6}}?{_NUM}月{_NUM}日电")
_PAPER_NEWS = re.compile(r"^[【\[(]?([^\s(【本]{2,10}?报)[^\s,。]{0,4}?讯")
_PAPER_REPORTER = re.compile(r"\(([^\s()]{2,12}?(?:报|社|网|台|中心|发布))\s+(?:全媒体|本报|实习)?记者")
# Bylines: names after a role inside brackets or on a short line: "(记者 李明远)",
# "撰文:翊翔 王姗 贾献培 摄影:杨玺", "【编辑:孙亭文】", "记者/王小明通讯员/陈佳".
_ROLE = re.compile(r"(?:全媒体|本报|实习|特约)?(?:记者|通讯员|撰文|摄影|制图|责任编辑|编辑|作者|审核|校对)\s*[:/]?\s*")
_BRACKETED = re.compile(r"[(【\[]([^()【】\[\]]*?(?:记者|通讯员|撰文|摄影|编辑|作者)[^()【】\[\]]*)(?:[)】\]]|$)")
_ROLE_WORD = re.compile("记者|通讯员|撰文|摄影|制图|责任编辑|编辑|作者|审核|校对")  # every role _ROLE and _BRACKETED need
_NAME = re.compile(r"[\u4e00-\u9fff·]{2,4}")
_NAME_SEPARATORS = re.compile(r"[\s、,]+")
_NOT_NAMES = {"本报", "记者", "通讯员", "新华社", "中新社", "中新网", "电", "讯"}
_MAX_BYLINE_LINE = 80
_HEADER_SCAN = 12  # lines from the top where the date and publisher are looked for first
# A dateline that is no furniture line: the date after an outlet or channel label, maybe a region
# label after it ("人民网   2023-06-12 09:30:11", "财经频道 2022-11-03 16:45 广西",
# "科普小知识2021-08-21 22:23:29"). Only in the header, on a short line without sentence punctuation,
# and the date must end the line or be followed by a space: "2023年6月12日全市项目集中开工" is a
# headline, "2015年6月8日,某市首趟班列开行" a sentence.
_DATELINE_MAX = 60
# A report's delivery under its title: "——2022年1月10日在某县第十五届人民代表大会第一次会议上"
_DELIVERED = re.compile(r"[—-]{1,2}\s*(?:19|20)\d\d年\d\d?月\d\d?日\s*在.{2,40}会[议]?上$")
_PROSE = re.compile(r"[,。;!?，；！？、]")
_DATE_THEN_SPACE = re.compile(r"[\s】\])|]|$")  # 2022-07-18 08:05, 【2022-07-18】, 2022-07-18|来源
# A month without a day, as a token of its own on a header line: "来源:某某周刊 2024年5月",
# "发布时间:2024-05". Gives the year only: no day is made up.
_YM = re.compile(r"(?:(?<=[\s:/》」)】])|^)((?:19|20)\d\d)(?:年|-|/|\.)(\d\d?)月?(?=\s|$)")


@dataclass(slots=True)
class Metadata:
    """What a page says about itself; None where it does not say."""

    title: str | None = None
    published_date: date | None = None
    published_year: int | None = None  # the year a header states without a day ("来源:某刊 2024年5月")
    publisher: str | None = None
    bylines: list[str] = field(default_factory=list)


def read_metadata(lines: list[str], furniture: list[bool]) -> Metadata:
    """Title, date, publisher and bylines from normalize()'s lines and their furniture flags."""
    published = read_date(lines, furniture)
    year = published.year if published else read_year(lines, furniture)
    return Metadata(title=read_title(lines, furniture), published_date=published, published_year=year,
                    publisher=read_publisher(lines, furniture), bylines=read_bylines(lines, furniture))


def read_title(lines: list[str], furniture: list[bool]) -> str | None:
    """The headline: the first short line before the first paragraph that is not furniture."""
    for line, is_furniture in zip(lines, furniture, strict=True):
        if is_furniture:  # a menu of provinces may run longer than any headline: it is no paragraph
            continue
        if len(line) > 64:  # a paragraph came first: the page has no headline ("1月19日,在...")
            return None
        cjk = len(_NAME_CHARS.findall(line))
        if cjk >= 6 and not SITE_NAME.match(line.replace(" ", "")) and not line.endswith("。"):
            return line
    return None


_NAME_CHARS = re.compile(r"[\u4e00-\u9fff]")


def read_date(lines: list[str], furniture: list[bool]) -> date | None:
    """The first full date on a header line: furniture, or a dateline near the top.

    Body dates are events, not publication: a line of prose is never read.
    """
    for n, (line, is_furniture) in enumerate(zip(lines, furniture, strict=True)):
        if is_furniture and len(line) <= 80:
            found = _first_date(line)
        elif n < _HEADER_SCAN and _is_dateline(line):
            found = _first_date(line, standalone=_DELIVERED.match(line) is None)
        else:
            continue
        if found:
            return found
    return None


def _is_dateline(line: str) -> bool:
    """A short header line without sentence punctuation: "财经频道 2022-11-03 16:45 广西"."""
    return len(line) <= _DATELINE_MAX and _PROSE.search(line) is None


def _first_date(line: str, standalone: bool = False) -> date | None:
    """The first valid date of line; standalone: only one followed by a space or the line's end."""
    for match in _YMD.finditer(line):
        if standalone and not _DATE_THEN_SPACE.match(line, match.end()):
            continue
        if found := _safe_date(int(match[1]), int(match[2]), int(match[3])):
            return found
    for match in _DMY.finditer(line):
        if found := _safe_date(int(match[3]), int(match[2]), int(match[1])):
            return found
    return None


def read_year(lines: list[str], furniture: list[bool]) -> int | None:
    """The year of a header that gives a month but no day: "来源:某某周刊 2024年5月" -> 2024."""
    for n, (line, is_furniture) in enumerate(zip(lines, furniture, strict=True)):
        if (is_furniture and len(line) <= 80) or (n < _HEADER_SCAN and _is_dateline(line)):
            for match in _YM.finditer(line):
                if 1 <= int(match[2]) <= 12:
                    return int(match[1])
    return None


def date_in(value: str) -> tuple[date | None, int | None]:
    """The date a record's field holds, and its year: "2024-05-12T21:12:41+08:00", "2024年5月12日 10:00";
    a month alone ("2024-05", "2024年5月") gives the year only."""
    if (match := _YMD.search(value)) and (found := _safe_date(int(match[1]), int(match[2]), int(match[3]))):
        return found, found.year
    if (match := _FIELD_YM.fullmatch(value.strip())) and 1 <= int(match[2]) <= 12:
        return None, int(match[1])
    return None, None


_FIELD_YM = re.compile(r"((?:19|20)\d\d)(?:年|-|/|\.)(\d\d?)月?")


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def read_publisher(lines: list[str], furniture: list[bool]) -> str | None:
    """The outlet that published the article, by the preference order of the patterns above."""
    # Each pattern is tried line by line only when the words it needs occur in the page: most pages
    # lack several, and one "in" on the whole page is cheaper than a search of every line.
    page = "\n".join(lines)
    if "来源" in page or "稿源" in page or "出处" in page:
        for line in lines:
            if (match := _SOURCE.search(line)) and not _ROLE.match(match[1]):
                return match[1]
    for line, is_furniture in zip(lines[:_HEADER_SCAN], furniture, strict=False):
        if is_furniture and (match := _AFTER_DATE.search(line)):
            return match[1]
    for pattern, needed in ((_WIRE, "电"), (_PAPER_NEWS, "讯"), (_PAPER_REPORTER, "记者")):
        if needed in page:
            for line in lines:
                if match := pattern.search(line):
                    return match[1]
    return None


def read_bylines(lines: list[str], furniture: list[bool]) -> list[str]:
    """Names of reporters, editors and photographers, in order of appearance, each once."""
    names: list[str] = []
    # A line without a role word yields no name: only the lines holding one are read
    page = "\n".join(lines)
    holding = {page.count("\n", 0, m.start()) for m in _ROLE_WORD.finditer(page)}
    for n in sorted(n for n in holding if n < len(furniture)):  # as zip(lines, furniture) would
        line, is_furniture = lines[n], furniture[n]
        segments = _BRACKETED.findall(line)
        if len(line) <= _MAX_BYLINE_LINE and (is_furniture or _ROLE.match(line.lstrip("-【[( "))):
            segments.append(line)  # "记者:张明 李华", "时间:2012-05-06 10:20:30来源:作者:王强"
        for segment in segments:
            for name in _names_after_roles(segment):
                if name not in names:
                    names.append(name)
    return names


def _names_after_roles(segment: str) -> list[str]:
    """Names that follow a role word: "撰文:翊翔 王姗 摄影:杨玺" -> 翊翔, 王姗, 杨玺."""
    names = []
    for part in _ROLE.split(segment)[1:]:  # what precedes the first role is an outlet, not a name
        for token in _NAME_SEPARATORS.split(part.strip()):
            if not _NAME.fullmatch(token) or token in _NOT_NAMES:
                break  # names end where a date, a place ("新疆电") or a label begins
            names.append(token)
    return names

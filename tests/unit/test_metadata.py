"""Metadata: title, date, publisher, bylines; own header lines plus the real seed and dev pages."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from flows.parse.article import parse_article

CORPUS = Path(__file__).parents[2] / "../shared/corpus"


def _parse(text: str, hints: dict | None = None):
    return parse_article(text, source="t.txt", content_hash="0" * 64, hints=hints)


@pytest.mark.parametrize(("header", "expected"), [
    ("2024-05-12 21:12:41      来源:某某发布", date(2024, 5, 12)),
    ("- 時間:2023-08-08", date(2023, 8, 8)),
    ("日期:2023-02-01 08:20    來源:某某日報", date(2023, 2, 1)),
    ("2024年1月12日", date(2024, 1, 12)),
    ("http://www.example.com 1999年10月22日 00:22 中新社", date(1999, 10, 22)),
    ("15.03.2023  09:30", date(2023, 3, 15)),
])
def test_header_dates(header, expected):
    assert _parse(f"某县招商引资成绩单出炉\n{header}\n今年签约项目12个。").published_date == expected


@pytest.mark.parametrize(("header", "expected"), [
    ("东方网   2022-07-18 08:05:12", date(2022, 7, 18)),  # after an outlet's name
    ("要闻频道   2021-04-09 10:20   湖南", date(2021, 4, 9)),  # a channel label before, a region after
    ("某某小百科2020-12-01 18:00:00", date(2020, 12, 1)),  # the label glued to the date
    ("某某晚报 2019年3月8日", date(2019, 3, 8)),
    ("【2018-10-02】某某新闻网", date(2018, 10, 2)),  # in brackets
    ("——2021年1月8日在某某县第九届人民代表大会第五次会议上", date(2021, 1, 8)),  # a report's delivery
])
def test_a_dateline_after_a_label(header, expected):
    assert _parse(f"某区外贸进出口稳中有升\n{header}\n今年签约项目12个。").published_date == expected


@pytest.mark.parametrize("line", [
    "全区重大项目2022年9月5日集中开工",  # a headline holding a date
    "2022年9月5日,某市首趟班列开行。",  # a sentence
    "据某某网2022-09-05消息,全区签约项目12个,总投资3亿元。",  # prose, however short
])
def test_a_date_inside_a_headline_or_a_sentence_is_no_dateline(line):
    assert _parse(f"某区外贸进出口稳中有升\n{line}\n今年签约项目12个。").published_date is None


@pytest.mark.parametrize(("header", "year"), [
    ("来源:某某周刊 2023年11月", 2023),  # a month, no day
    ("发布时间:2022-06", 2022),
])
def test_a_month_without_a_day_gives_the_year_only(header, year):
    article = _parse(f"某区外贸进出口稳中有升\n{header}\n今年签约项目12个。")
    assert (article.published_date, article.published_year) == (None, year)


def test_a_headline_naming_a_month_gives_no_year():
    assert _parse("2023年11月全区经济运行情况\n今年签约项目12个。").published_year is None


@pytest.mark.parametrize(("field", "expected"), [
    ("2024-05-12T21:12:41+08:00", (date(2024, 5, 12), 2024)),
    ("2021年7月3日 09:15", (date(2021, 7, 3), 2021)),
    ("2020/11/30", (date(2020, 11, 30), 2020)),
    ("2019-08", (None, 2019)),  # a month only
    ("昨天", (None, None)),
])
def test_a_records_date_field(field, expected):
    article = _parse("某标题在这里很长\n正文。", {"published_date": field})
    assert (article.published_date, article.published_year) == expected


def test_month_and_day_alone_give_no_date():
    # "1月19日" has no year: guessing one would mislabel every figure's period.
    assert _parse("1月19日,某区召开会议,签约项目12个。").published_date is None


def test_body_date_is_an_event_not_the_publication():
    assert _parse("2015年6月8日,某市首趟班列开行。").published_date is None


@pytest.mark.parametrize(("text", "publisher"), [
    ("某标题在这里很长\n来源:昆明发布\n正文。", "昆明发布"),
    ("某标题在这里很长\n來源:北京日報\n正文。", "北京日报"),
    ("正文。\n来源/某市融媒体中心", "某市融媒体中心"),
    ("正文很长很长。(云南日报 记者张明)", "云南日报"),
    ("中新网成都11月14日电 (记者 王明)成都海关14日公布数据。", "中新网"),
    ("中新社福州五月十二日电:(记者 李明)今年一至九月。", "中新社"),
    ("重庆日报讯(记者 苏明)近日,记者获悉。", "重庆日报"),
])
def test_publishers(text, publisher):
    assert _parse(text).publisher == publisher


def test_bylines_from_brackets_and_footer_lines():
    text = "正文。(某某发布 撰文:王明 李华 摄影:张强\n编辑: 赵敏 责任编辑: 钱进\n【编辑:孙亭】"
    assert _parse(text).bylines == ["王明", "李华", "张强", "赵敏", "钱进", "孙亭"]


def test_bylines_stop_at_dates_and_places():
    # "1月21日 新疆电" follows the names in the same bracket: not names.
    assert _parse("【本报记者赵会 实习记者张晶 李梦 1月21日 新疆电】外贸额创新高。").bylines == ["赵会", "张晶", "李梦"]


def test_title_skips_site_names_and_share_blocks():
    text = "中新网\n分享到:\n\n武汉产业援疆马不停蹄,新疆博乐朋友圈扩大\n分享到:\n正文。"
    assert _parse(text).title == "武汉产业援疆马不停蹄,新疆博乐朋友圈扩大"


def test_title_after_a_long_menu_line():
    # a menu of 31 provinces is furniture, not a paragraph before the headline
    menu = "|".join(["安徽", "北京", "重庆", "福建", "甘肃", "贵州", "广东", "广西", "海南", "河北", "河南", "湖北",
                     "湖南", "江苏", "江西", "吉林", "辽宁", "宁夏", "青海", "山东", "山西", "陕西", "上海", "四川"])
    assert _parse(f"{menu}\n某某协作吸引86家企业落地某省\n正文。").title == "某某协作吸引86家企业落地某省"


def test_no_title_when_the_page_opens_with_a_paragraph():
    assert _parse("1月19日,在某某微访谈中," + "某合作区将突出重点工作," * 5 + "努力建设口岸城市。").title is None


def test_hints_win_over_the_text():
    article = _parse("某标题在这里很长\n2024-05-12 来源:某某发布\n正文。",
                     {"title": "容器标题", "published_date": "2024-06-01T08:00:00+08:00"})
    assert (article.title, article.published_date) == ("容器标题", date(2024, 6, 1))


# The real pages: (file, title, date, publisher, a byline).
SEEDS = [
    # title: how the headline starts (six characters; the corpus is read from ../shared, not copied here)
    ("seeds/000_acfd72e2a12c4182.txt", None, None, "昆明市融媒体中心", "栗飞"),
    ("seeds/001_775059715503cc21.txt", "观察 | 这场", date(2024, 5, 12), "昆明发布", "徐婷"),
    ("seeds/002_708dae220a0da5de.txt", "云南:把握重大", date(2023, 8, 8), "云南日报", "张寅"),
    ("seeds/003_12308722b4ee8806.txt", None, None, None, "邵晶岩"),
    ("seeds/004_46beda56b9ee326b.txt", "与“风”赛跑,", date(2024, 1, 12), "博乐市融媒体中心", "孙亭文"),
    ("dev/c_01.txt", "今年前三季度", date(1999, 10, 22), "中新社", "杨伏山"),
    ("dev/c_05.txt", "本市2023年", date(2023, 2, 1), "北京日报", None),
    ("dev/c_10.txt", "2024年我省", date(2025, 2, 19), "山西日报", "安晓奕"),
    ("dev/d_01.txt", None, None, "中新网", None),
]


@pytest.mark.parametrize(("name", "title", "published", "publisher", "byline"), SEEDS)
def test_real_pages(name, title, published, publisher, byline):
    path = CORPUS / name
    if not path.exists():
        pytest.skip(f"{path} not available")
    article = _parse(path.read_text(encoding="utf-8"))
    assert (article.published_date, article.publisher) == (published, publisher)
    if title is None:
        assert article.title is None
    else:  # the headline line itself, not the site name or the dateline above it
        assert article.title.startswith(title) and len(article.title) >= 12
    assert byline is None or byline in article.bylines


def test_real_mojibake_pages_are_flagged():
    for name, flagged in [("seeds/003_12308722b4ee8806.txt", True), ("seeds/001_775059715503cc21.txt", False)]:
        path = CORPUS / name
        if path.exists():
            assert _parse(path.read_text(encoding="utf-8")).is_mojibake is flagged

"""time_words scans only the clauses that hold a time character: it must find what a scan of the
whole text finds (flows/extract/years.py). Our own sentences, each at a clause boundary it could trip on."""

import pytest

from flows.extract.undated import _span_length, _years_since
from flows.extract.years import time_words
from flows.rules.time_words import TIME_WORDS, YEARS_SINCE


@pytest.mark.parametrize(
    "text",
    [
        "2023年7月3日，全市签约项目42个。",  # a year heading a passage keeps its comma
        "今年1-5月，累计开行班列310列；去年同期为220列。",  # 。；; end the scanned stretch
        "自3月21日试运营\n以来，接待旅客12万人次。",  # 自...以来 runs across a line break
        "项目建设持续推进，投资额达5亿元。",  # no time character: nothing to scan
        "与2020年同期相比增长12%，是2015年的3.4倍。",  # (?!的) at a clause end
        "近年来，全县投产后新增产值3亿元，十七年来累计投入8亿元",  # no final full stop
        "截至2023年底，",  # the text ends on the comma that closes the expression
        "截至 2024 年 6 月，园区引进企业 52 家。",  # typeset spaces
        "2021某某博览会期间，签约项目8个，合作区挂牌至今落地企业31家。",  # a named year, a span with 至今
        "如今，眼下，当前，2016—2022年，全县年均增长8%。",  # present words and a range
        "“十四五”以来，十三五期间，",  # plan periods
        "民国112年，112年1-6月，113年度",  # years of the Republic of China calendar
        "过去五年，三年间，2023/24年度，过去一年，",  # spans, and the year before
    ],
)
def test_time_words_finds_what_a_whole_scan_finds(text):
    def spans(matches):
        return [(m.span(), m.groupdict()) for m in matches]

    assert spans(time_words(text)) == spans(TIME_WORDS.finditer(text))


@pytest.mark.parametrize(
    "text",
    [
        "开通10年来，口岸累计通关300万人次。",  # Arabic span
        "建区十周年来，园区引进企业85家。",  # Chinese span with 周
        "3周周年来",  # a doubled 周: no span at all
        "第2十年来",  # a run of one kind only: 十, not 2十
        "十2年来累计",  # and the other way round: 2
        "多年来，每周年来，近年来",  # 年来 without a number before it
        "5年来和8年来",  # two spans
        "封关运行 11 年来，十 周年来",  # a typeset space before 年来 or 周
    ],
)
def test_years_since_finds_what_a_whole_scan_finds(text):
    # _years_since reads back from each 年来 instead of trying YEARS_SINCE at every position
    assert _years_since(text) == {_span_length(m[1]) for m in YEARS_SINCE.finditer(text)}

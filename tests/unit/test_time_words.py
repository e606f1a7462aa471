"""time_words scans only the clauses that hold a time character: it must find what a scan of the
whole text finds (flows/extract/years.py). Our own sentences, each at a clause boundary it could trip on."""

import pytest

from flows.extract.years import TIME_WORDS, time_words


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
    ],
)
def test_time_words_finds_what_a_whole_scan_finds(text):
    def spans(matches):
        return [(m.span(), m.groupdict()) for m in matches]

    assert spans(time_words(text)) == spans(TIME_WORDS.finditer(text))

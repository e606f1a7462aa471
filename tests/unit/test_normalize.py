"""Normalisation: script, converter debris, width, furniture, mojibake (own sentences, same genre)."""

from __future__ import annotations

import pytest

from flows.parse.normalize import fold_variants, garbled_spans, is_furniture, normalize
from flows.parse.simplify import detect_script


def test_traditional_becomes_simplified_and_pinyin_debris_goes():
    # A converter left the pinyin of each character: it must go, real parentheses must stay.
    raw = "當(dāng)好排頭兵,中國(黑龍江)自由貿易試驗區網(wǎng)站(0106168)公布(記者 王明)"
    result = normalize(raw)
    assert result.text == "当好排头兵,中国(黑龙江)自由贸易试验区网站(0106168)公布(记者王明)"
    assert result.script == "traditional"


def test_variant_forms_are_converted():
    # Mixed forms seen in dev pages: 産, 並, 爲 must become 产, 并, 为.
    assert normalize("新産業並且爲此投資").text == "新产业并且为此投资"


def test_truncated_debris_at_end_of_text():
    # Pages cut mid-word leave "(fāzh" with no closing parenthesis.
    assert normalize("推动产业发展(fāzh").text == "推动产业发展"


def test_full_width_digits_and_punctuation_fold_but_chinese_quotes_stay():
    raw = "总投资１２．５亿元，增长３０％（同比）：“好”、很好。"
    assert normalize(raw).text == "总投资12.5亿元,增长30%(同比):“好”、很好。"


def test_simplified_text_is_left_as_is():
    assert detect_script("全市签约项目42个,总投资316亿元。") == "simplified"


def test_mixed_script():
    # Half the page in each script: neither label is true.
    assert detect_script("經濟發展實現增長" + "经济发展实现增长" * 1) == "mixed"


@pytest.mark.parametrize("line", [
    "分享到:", "字号:大 中 小", "【编辑:李明】", "责任编辑: 张三", "浏览:166", "图片",
    "新浪首页 > 新闻中心 > 国内新闻", "Copyright ©2001-2024 example.com All Rights Reserved",
    "[京ICP备00000000号]", "关键词: 同比增长", "您访问的链接即将离开“某某网”门户网站 是否继续?",
    "2024-03-05 09:30:00 来源:某某日报", "- 时间:2023-08-08",
])
def test_furniture_lines_are_dropped(line):
    # Each is page chrome or a header line: none may reach the figure extractor.
    text = normalize(f"某县今年签约项目12个。\n{line}\n总投资30亿元。").text
    assert text == "某县今年签约项目12个。\n总投资30亿元。"


def test_body_line_starting_with_a_date_is_kept():
    # A comma after the date makes it a sentence, not a dateline.
    assert normalize("2015年6月8日,某市首趟班列开行。").text == "2015年6月8日,某市首趟班列开行。"


def test_repeated_headline_is_kept_once_and_paragraphs_stay_lines():
    text = normalize("某市招商引资再创新高\n分享到:\n某市招商引资再创新高\n第一段。\n第二段。").text
    assert text.split("\n") == ["某市招商引资再创新高", "第一段。", "第二段。"]


def test_spaces_between_chinese_characters_are_removed():
    # Line wrapping in old pages splits words: "增 长" must read "增长" for matching.
    assert normalize("比去年同期增 长二成八, 达 5 亿元").text == "比去年同期增长二成八, 达 5 亿元"


def test_doubled_commas_left_by_a_converter():
    assert normalize("获悉,,近年来,天津市,、山东省累计投入,。").text == "获悉,近年来,天津市、山东省累计投入。"


def test_gbk_mojibake_is_flagged_with_its_span():
    # "?" glued to rare characters and a stray Latin letter: garbage decoded with the wrong codec.
    text = "积极构建现代产业体系?缇衬茉淳C合利用、跨境加工等产业稳步推进,总投资5亿元。"
    result = normalize(text)
    assert result.garbled_spans == [(10, 16)]
    assert result.text[10:16] == "?缇衬茉淳C"


def test_question_marks_and_rare_place_names_are_not_mojibake():
    # A real question followed by a place with rare characters (勐腊) is prose.
    assert garbled_spans("为什么选在这里?勐腊县给出了答案。为何?因为A股上市。") == []


def test_private_use_character_among_rare_ones_is_mojibake():
    # A code point no font has, then rare characters: bytes decoded with the wrong table
    assert garbled_spans("全年完成投资\ue000鬻彘夔亍项目12个。") == [(6, 11)]
    assert garbled_spans("园区\ue000办公") == []  # one odd code point alone is not garbage


def test_latin_between_chinese_among_rare_ones_is_mojibake():
    assert garbled_spans("成立于港H靼矅鬻口岸") == [(4, 8)]
    assert garbled_spans("产业园区GDP增长12%,AGV小车") == []


def test_broken_markup_is_mojibake():
    assert garbled_spans("大家都说很值得?!?/p>") == [(7, 13)]


def test_lost_character_chain_is_repaired_when_known_else_flagged():
    # "云南日?qǐng)?bào)" lost 报 but kept its pinyin; an unknown chain stays and is flagged.
    assert normalize("来源:云南日?qǐng)?bào)\n要?jiǎng)?chuàng)新发展。").lines[0] == "来源:云南日报"
    assert normalize("要?jiǎng)?chuàng)新发展。").garbled_spans


@pytest.mark.parametrize("line", [
    "分享到:", "字号:大 中 小", "(相关资料图)", "点击:12", "阅读数:7", "【编辑:李明】", "(责任编辑:王芳)",
    "首页 新闻 正文", "您的位置: 首页", "当前位置:首页", "标签:投资", "TAG:项目", "上一篇:某县召开大会",
    "下一条:某市开工", "【关闭窗口】", "打印】", "返回顶部】", "收藏]", ">>最新信息", "新闻推荐", "精彩资讯",
    "频道简介", "热点推荐", "RSS", "rss", "电话:0000-1234567", "总机:010-0000000", "技术支持:某公司",
    "联系电话:123", "QQ:12345", "制作:某中心", "传真:123", "邮箱:a@b.c", "E-mail:a@b.c", "欢迎访问某某网",
    "您好,欢迎来到某某网", "原标题:某县项目开工", "发布时间:2024-01-02", "日期:2024-01-02", "稿源:某报",
    "出处:某网", "记者:张三", "通讯员:李四", "撰文:王五", "摄影:赵六", "http://example.com 2001年10月22日 08:15",
    "15.03.2023  09:30", "--", "资料图片", "图2 某县项目分布", "监制:某人", "值班编辑:某人", "美编:某人",
    "校对:某人", "审核:某人",
])
def test_furniture_start_rules_pass_the_first_character_gate(line):
    # Lines in the middle of a page are tested against FURNITURE_START only when their first
    # character can open one of its rules (FURNITURE_FIRST): each rule's opening must be there.
    assert is_furniture(line, at_edge=False)


def test_variant_characters_fold_one_for_one():
    # 陜 (U+965C) is no t2s input; a compatibility ideograph (U+F9D3 陸) folds to its unified form first
    assert fold_variants("陜西甯夏靑海") == "陕西宁夏青海"
    assert normalize("\uf9d3路口岸").text == "陆路口岸"

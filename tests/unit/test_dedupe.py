"""One row per figure (flows/extract/__init__.py dedupe): repeats merged, equal values of list items kept."""

from datetime import date

from flows.extract import extract_figures
from flows.records import Article


def mentions(text, title=None):
    article = Article(source="t.txt", content_hash="0" * 64, original_text=text, text=text, title=title,
                      published_date=date(2024, 3, 1))
    return [(f.mention, f.place.name if f.place else None) for f in extract_figures(article)]


def test_equal_values_of_listed_places_stay_apart():
    # 4个 of 安顺 and of 铜仁 are two figures, though value and metric agree
    found = mentions("上月新开工项目16个，其中安顺6个、铜仁4个、毕节4个、遵义2个。")
    assert [m for m, _ in found] == ["16个", "6个", "4个", "4个", "2个"]
    assert [p for m, p in found if m == "4个"] == ["铜仁市", "毕节市"]


def test_equal_values_in_one_list_stay_apart_without_places():
    # no place to tell them apart: their positions in the list do
    assert [m for m, _ in mentions("新签约项目中，工业项目3个、服务业项目3个。")].count("3个") == 2


def test_the_same_figure_stated_twice_is_one():
    found = mentions("今年，园区新增企业42家。\n据介绍，园区新增企业42家，同比增长9%。")
    assert [m for m, _ in found] == ["42家", "9%"]


def test_a_back_reference_in_the_same_sentence_is_the_same_figure():
    found = mentions("全年签约项目14个，这14个项目总投资26亿元。")
    assert [m for m, _ in found] == ["14个", "26亿元"]


def test_a_headline_restating_the_body_is_one():
    found = mentions("签约项目21个\n本次活动共签约项目21个。", title="签约项目21个")
    assert [m for m, _ in found] == ["21个"]


def test_two_places_stating_one_value_in_two_sentences_stay_apart():
    found = mentions("昭通市新增市场主体500户。\n曲靖市新增市场主体500户。")
    assert [p for _, p in found] == ["昭通市", "曲靖市"]

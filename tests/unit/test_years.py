"""The year of each figure by the role and scope of its time words (years.py); our own sentences."""

from datetime import date

import pytest

from flows.extract import extract_figures
from flows.extract.undated import current_year
from flows.records import Article
from flows.rules.time_words import TIME_WORDS, role


def years(text, published=date(2024, 9, 1)):
    article = Article(source="t.txt", content_hash="x", original_text=text, text=text, published_date=published)
    return {f.mention: f.year for f in extract_figures(article)}


@pytest.mark.parametrize(
    "text, mention, year",
    [
        # typeset spaces between the digits and their time word
        ("2022 年，园区完成工业产值 86.5 亿元。", "86.5 亿元", 2022),
        ("截至 2023 年 6 月，全区累计引进企业 512 家。", "512 家", 2023),
        ("2021 年 1-9 月，口岸进出口货值 42 亿元。", "42 亿元", 2021),
        ("2020 年 1 - 10 月，园区税收 6.3 亿元。", "6.3 亿元", 2020),
        # a period resolves against the article's date
        ("截至今年6月底，全县市场主体达到4.2万户。", "4.2万户", 2024),
        ("前三季度，全市新签约项目66个。", "66个", 2024),
        ("2024年以来，园区新增企业85家。", "85家", 2024),  # this year so far in a 2024 article
        ("今年1-8月进出口额120亿元，比去年同期增长9%。", "9%", 2024),  # 去年同期 is a base
        # present words are the article's year
        ("如今，片区入驻企业已有230家。", "230家", 2024),
        ("当前，全市在建项目达到318个。", "318个", 2024),
    ],
)
def test_points_and_periods(text, mention, year):
    assert years(text)[mention] == year


@pytest.mark.parametrize(
    "text, mention",
    [
        ("2017-2019年，全县累计投入资金6.8亿元。", "6.8亿元"),
        ("2016—2023年，片区年均引进企业45家。", "45家"),
        ("2015 年至 2020 年，全市累计开行班列2100列。", "2100列"),
        ("近三年，全区新增市场主体1.6万户。", "1.6万户"),
        ("对口帮扶6年来，共实施项目218个。", "218个"),
        ("园区开园以来，累计引进项目96个。", "96个"),
        ("合作区挂牌至今，已落地企业310家。", "310家"),
        ("“十四五”以来，全省累计投入衔接资金52亿元。", "52亿元"),  # a plan period of five years
        ("十三五期间，全县新增企业1200家。", "1200家"),
        ("过去五年，全县累计引进项目320个。", "320个"),
        ("三年间，园区新增就业岗位1.2万个。", "1.2万个"),
        ("2022/23财政年度，政府收入为5800亿港元。", "5800亿港元"),  # a fiscal year across two years
    ],
)
def test_a_span_of_several_years_is_no_year(text, mention):
    assert years(text)[mention] is None


def test_a_span_names_its_ends_when_a_figure_goes_from_one_to_the_other():
    found = years("2014—2021年，全县财政收入从12.6亿元增长到30.8亿元，年均增长13.6%。")
    assert (found["12.6亿元"], found["30.8亿元"], found["13.6%"]) == (2014, 2021, None)


def test_a_span_heading_a_passage_is_not_carried():
    found = years("2016—2022年，园区工业产值年均增长12%。\n园区现有规上企业48家。", published=date(2023, 5, 2))
    assert found["48家"] == 2023


def test_listed_years_go_one_to_one_to_the_figures_after_respectively():
    found = years("全县快递业务量在2021年、2022年和2023年分别为860万件、1020万件和1310万件。")
    assert (found["860万件"], found["1020万件"], found["1310万件"]) == (2021, 2022, 2023)


def test_a_year_in_brackets_holds_inside_them_only():
    # the record year is a base the figure after the brackets is compared with
    found = years("今年上半年，口岸货运量达到860万吨，超过历史最高水平(2019年812万吨)5.9%。")
    assert (found["812万吨"], found["5.9%"]) == (2019, 2024)


@pytest.mark.parametrize(
    "text, mention, year",
    [
        ("2021某某国际茶业博览会期间，全市签约项目28个。", "28个", 2021),
        ("在2023“数字丝路”合作论坛上，双方签约项目12个。", "12个", 2023),
        ("2018某某企业家大会现场签约总投资96亿元。", "96亿元", 2018),
    ],
)
def test_a_year_written_inside_an_events_name(text, mention, year):
    assert years(text, published=None)[mention] == year


@pytest.mark.parametrize(
    "text",
    [
        "2019家企业参加了博览会。",  # a count before the event: no year
        "全市2000多家企业参加活动。",
    ],
)
def test_a_count_before_an_event_is_no_year(text):
    assert current_year(text, None) is None


@pytest.mark.parametrize(
    "text, year",
    [
        # a dated founding, then 一年来 / 两年来: the report is that many years later
        ("2019年11月6日，某某综合保税区通过验收并正式封关运行。一年来，综保区引进企业40家。", 2020),
        ("2021年5月，全省8个重点园区同步举行揭牌仪式，集中签约项目30个。两年来，园区营收增长一倍。", 2023),
        ("2015 年 9 月，某某跨境经济合作区正式开园。如今 8 年过去，开园运行 8 年来，合作区已入驻企业300家。", 2023),
    ],
)
def test_an_undated_anniversary_fixes_the_articles_year(text, year):
    assert current_year(text, None) == year


def test_this_year_of_an_undated_anniversary_article():
    text = "2019年11月6日，某某综合保税区封关运行。一年来，综保区加快发展。今年前三季度，综保区进出口额52.6亿元。"
    assert years(text, published=None)["52.6亿元"] == 2020


def test_a_present_paragraph_does_not_inherit_a_look_back():
    # the year heading the first paragraph is five years old: the next paragraph, with no time word,
    # is the article's own year
    text = "2019年，全县引进企业35家，实现税收2.8亿元。\n园区的一家食品厂里，16条生产线满负荷运转。"
    found = years(text, published=date(2024, 5, 6))
    assert (found["35家"], found["16条"]) == (2019, 2024)


def test_a_review_of_last_year_goes_on_into_the_next_paragraphs():
    text = "2023年，全市外贸进出口总额812亿元，同比增长6%。\n其中，出口额503亿元。\n全年新增外贸企业260家。"
    found = years(text, published=date(2024, 1, 15))
    assert (found["503亿元"], found["260家"]) == (2023, 2023)


def test_an_undated_articles_present_paragraph_takes_the_year_its_text_fixes():
    text = ("今年上半年，某港开行班列520列。开行10年来，班列开行量稳居前列。\n"
            "2014年4月，首趟班列从某港出发，经过7天抵达境外。\n"
            "在港区堆场，龙门吊将集装箱装上发往30多个国家的班列。")
    assert years(text, published=None)["30多个"] == 2024


def test_a_lists_head_hands_its_year_to_the_items():
    text = "2021年各园区新增企业情况如下：\n甲园区新增企业320家\n乙园区210家"
    assert years(text, published=date(2024, 3, 1))["210家"] == 2021


def test_the_last_figure_of_a_span_up_to_now_is_this_year():
    found = years("开园以来，园区就业人数从1.2万人增加到约3.4万人。")
    assert (found["1.2万人"], found["约3.4万人"]) == (None, 2024)


def test_last_years_figure_named_after_the_same_period_is_that_figure_only():
    found = years("今年1-5月开行班列310列，去年同期为220列，增长40.9%。")
    assert (found["310列"], found["220列"], found["40.9%"]) == (2024, 2023, 2024)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2022 年", "point"), ("2020某某论坛", "point"), ("如今", "point"), ("前三季度", "period"),
        ("2016—2021年", "span"), ("帮扶5年来", "span"), ("开园以来", "span"), ("比上年", "base"), ("累计", "total"),
    ],
)
def test_roles_of_time_words(text, expected):
    # the event noun after a named year is outside the match but must be in the text
    assert role(TIME_WORDS.search(text)) == expected


def years_titled(text, title, published):
    article = Article(source="t.txt", content_hash="x", original_text=text, text=text, title=title,
                      published_date=published)
    return {f.mention: f.year for f in extract_figures(article)}


@pytest.mark.parametrize(
    "title",
    ["上年全区外贸进出口增长8.2%", "去年全区外贸进出口增长8.2%", "某区2023年国民经济和社会发展统计公报"],
)
def test_a_title_naming_last_year_is_what_a_review_reports_on(title):
    # published in March 2024; the lede's year is inline, so only the title says the paragraphs are of 2023
    text = "公报显示，2023年全区外贸进出口总额412亿元。\n其中，出口额268亿元。\n全年新增外贸企业96家。"
    found = years_titled(text, title, date(2024, 3, 20))
    assert (found["268亿元"], found["96家"]) == (2023, 2023)


def test_a_title_naming_an_older_year_is_no_fallback():
    text = "全区外贸进出口总额412亿元。"
    assert years_titled(text, "2019年以来全区外贸稳步增长", date(2024, 3, 20))["412亿元"] == 2024


def test_the_previous_year_is_counted_from_the_year_in_force():
    # 上年 in a review of 2023 published in 2024 is 2022; the items listed after it share its year
    text = "2023年，全区三次产业结构由上年的18.2%、30.5%、51.3%调整为17.6%、29.8%、52.6%。"
    found = years(text, published=date(2024, 4, 2))
    assert [found[m] for m in ("18.2%", "30.5%", "51.3%", "17.6%", "52.6%")] == [2022, 2022, 2022, 2023, 2023]


def test_the_start_of_a_change_long_past_leaves_the_sentence_its_year():
    found = years("目前，口岸进口商品由最初的木材扩展到粮食、矿产等180多种。")
    assert found["180多种"] == 2024


@pytest.mark.parametrize(
    "text, mention, published, year",
    [
        # a running total that cannot have ended yet in the article's year is of the year before
        ("1-11月，全市外贸进出口总额806亿元。", "806亿元", date(2024, 1, 10), 2023),
        ("1 - 11 月，全市外贸进出口总额806亿元。", "806亿元", date(2024, 1, 10), 2023),
        ("前三季度，全区新签约项目128个。", "128个", date(2024, 2, 5), 2023),
        ("前三季度，全区新签约项目128个。", "128个", date(2024, 11, 5), 2024),  # ended: this year
        ("预计上半年完成投资52亿元。", "52亿元", date(2024, 3, 1), 2024),  # a plan
        ("今年前三季度，全区新签约项目128个。", "128个", date(2024, 2, 5), 2024),  # said: this year
        ("二季度重大项目集中开工，总投资86亿元。", "86亿元", date(2024, 4, 18), 2024),  # held as it opens
    ],
)
def test_a_period_resolves_against_the_articles_month(text, mention, published, year):
    assert years(text, published=published)[mention] == year


@pytest.mark.parametrize(
    "text, mention, year",
    [
        ("民国111年，全县出口额达到12亿新台币。", "12亿新台币", 2022),
        ("112年1-6月，园区营业额增长8.6%。", "8.6%", 2023),
        ("该校已有112年历史，在校生3200人。", "3200人", 2024),  # a duration, no year
    ],
)
def test_a_year_of_the_republic_of_china_calendar(text, mention, year):
    assert years(text)[mention] == year


def test_last_year_of_an_undated_anniversary_article_is_the_year_before_its_present():
    # 开通10年来 after a first train in 2014: the article is of 2024, so 去年 is 2023
    text = "开通10年来，班列开行量稳居前列。\n2014年6月，首趟班列从某港出发。\n去年，班列开行1300列。"
    assert years(text, published=None)["1300列"] == 2023


def test_last_year_of_an_undated_article_that_only_names_a_year_is_that_year():
    # 2021年 is named, not fixed as the present: the article may be of 2022, 去年 then being 2021
    assert years("2021年，全县工业产值增长8%。去年，全县签约项目12个。", published=None)["12个"] == 2021


def test_the_ends_a_span_names_go_on_to_the_next_from_to_of_the_sentence():
    text = "全县生产总值由2017年的96.4亿元增加到2022年的151.2亿元，税收收入由5.1亿元增加到9.7亿元，年均增长13.7%。"
    found = years(text)
    assert [found[m] for m in ("5.1亿元", "9.7亿元", "13.7%")] == [2017, 2022, None]


def test_the_year_before_last_named_as_a_base_is_no_year_of_the_figures():
    found = years("去年，园区就业人数较前年增加860人，达到5200人。", published=date(2025, 2, 10))
    assert (found["860人"], found["5200人"]) == (2024, 2024)

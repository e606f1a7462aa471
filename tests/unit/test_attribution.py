"""Metric, category, year and place of figures (attribution.py, years.py, metric.py); our own sentences."""

import re
from datetime import date

import pytest

from flows.extract import extract_figures
from flows.extract.subject import place_spots
from flows.extract.undated import current_year
from flows.records import Article
from flows.rules.metrics import KEYWORD_CATEGORY, KEYWORDS_REVERSED


def figures(text, published=date(2024, 3, 1), title=None):
    article = Article(source="t.txt", content_hash="x", original_text=text, text=text, title=title,
                      published_date=published)
    return {f.mention: f for f in extract_figures(article)}


def test_a_ranges_upper_bound_measures_what_its_lower_bound_does():
    article = Article(source="t.txt", content_hash="x", original_text="计划流转土地200至400亩。",
                      text="计划流转土地200至400亩。", title=None, published_date=date(2024, 3, 1))
    low, high = extract_figures(article)
    assert (high.value, high.metric, high.category) == (400, low.metric, "other")


def test_a_threshold_measures_its_class_and_the_count_after_it_keeps_the_class():
    # the threshold is no amount of the clause before it: its metric is the class it bounds, and the
    # count after it counts that class, as it did when the threshold was no figure
    figs = figures("全市新签约项目60个，其中10亿元以上项目7个，超千万美元的大项目3项。")
    threshold, usd = figs["10亿元"], figs["超千万美元"]
    assert (threshold.is_threshold, threshold.qualifier, threshold.metric, threshold.category) == \
        (True, "over", "10亿元以上项目", "investment")
    assert (usd.is_threshold, usd.value, usd.metric) == (True, 10_000_000, "超千万美元的大项目")
    assert (figs["7个"].metric, figs["7个"].category, figs["7个"].is_threshold) == ("10亿元以上项目", "projects", False)
    assert figs["3项"].metric == "超千万美元的大项目"
    assert not figs["60个"].is_threshold


def test_rate_takes_the_metric_of_the_figure_it_follows():
    figs = figures("全年完成固定资产投资12.5亿元，同比增长30.2%。")
    assert figs["30.2%"].metric == figs["12.5亿元"].metric == "完成固定资产投资"
    assert figs["30.2%"].category == "investment"


@pytest.mark.parametrize(
    "text, mention, category",
    [
        ("园区新增注册企业326户。", "326户", "enterprises"),
        ("谋划重点项目48个，总投资210亿元。", "48个", "projects"),
        ("谋划重点项目48个，总投资210亿元。", "210亿元", "investment"),
        ("口岸进出口货值85亿元。", "85亿元", "trade"),
        ("集装箱吞吐量12万标箱。", "12万标箱", "logistics"),
        ("出入境旅客36万人次。", "36万人次", "people"),
        ("争取专项债券4.5亿元。", "4.5亿元", "public_finance"),
        ("设立18个便民服务窗口。", "18个", "public_service"),  # the counted noun follows
        ("地区生产总值320亿元。", "320亿元", "other"),
        ("其中无偿援助资金0.8亿元。", "0.8亿元", "public_finance"),  # nearest and longest keyword: 援助资金
        # freight moved is logistics whatever it crosses (revised guide: the head noun 货运量 decides)
        ("海关统计，口岸进出口货运量860万吨。", "860万吨", "logistics"),
        ("社会消费品零售总额420亿元。", "420亿元", "trade"),  # domestic trade
        ("兑现企业奖补资金1500万元。", "1500万元", "public_finance"),  # money the government hands out
        ("安排产业扶持资金6000万元。", "6000万元", "public_finance"),
        ("实际到位内资18.6亿元。", "18.6亿元", "investment"),
        ("产品销往30多个国家和地区。", "30多个", "trade"),
        ("中欧班列可通达21个国家。", "21个", "logistics"),  # 通达 is not trimmed as a trailing 达
        # the count's noun ends at the verb (个体工商户|减免租金); the money is forgone rent
        ("为1200户个体工商户减免租金900万元。", "1200户", "enterprises"),
        ("为1200户个体工商户减免租金900万元。", "900万元", "public_finance"),
        ("全县茶叶种植面积稳定在12万亩。", "12万亩", "other"),  # farm output, not a project
        ("全年粮食总产量38.6万吨。", "38.6万吨", "other"),  # not freight
        # a signing's money however worded, and a capital increase, not the company that gets it
        ("正式合同项目12个、金额86.5亿元。", "86.5亿元", "investment"),
        ("全年新签约项目40个，签约额215亿元。", "215亿元", "investment"),
        ("企业向境外子公司增资8亿港元。", "8亿港元", "investment"),
        # a budget by line: taxes and spending, not the 企业 or 就业 in their names
        ("企业所得税6.2亿元。", "6.2亿元", "public_finance"),
        ("社会保障和就业支出31.4亿元。", "31.4亿元", "public_finance"),
        ("争取上级转移支付资金40亿元。", "40亿元", "public_finance"),
        # tourism and consumption: receipts and a firm's turnover are other output
        ("实现旅游收入18.2亿元。", "18.2亿元", "other"),
        ("餐饮企业营业额2.1亿元。", "2.1亿元", "other"),  # revised guide: a firm's turnover (收入/营收) is other
        ("共受理游客投诉326件。", "326件", "public_service"),  # not 游客's people
        ("5家酒店平均入住率八成五。", "5家", "enterprises"),
        ("5家酒店平均入住率八成五。", "八成五", "other"),
        # farmland, farm households and energy
        ("流转土地800亩。", "800亩", "other"),
        ("带动农户种植茶叶2000亩。", "2000亩", "other"),
        ("合作社现有社员120户。", "120户", "people"),
        ("光伏装机容量2.4万千瓦。", "2.4万千瓦", "other"),
        ("新建铁路装卸线3条。", "3条", "logistics"),
        ("8栋标准化厂房已经完工。", "8栋", "other"),  # revised guide: counts of facilities are other
        ("开工城际铁路等9个基础设施项目。", "9个", "projects"),  # 铁路 alone is no freight
    ],
)
def test_category(text, mention, category):
    assert figures(text)[mention].category == category


@pytest.mark.parametrize(
    "text, mention, year",
    [
        ("2023年，全县签约项目12个。", "12个", 2023),  # explicit
        ("回顾2022年，全县签约项目12个。全年落地项目8个。", "8个", 2022),  # a passage head carries
        ("今年一季度，全县签约项目12个。", "12个", 2024),  # relative to the published date
        ("去年全县签约项目12个。", "12个", 2023),
        ("近年来，全县累计签约项目120个。", "120个", None),  # a multi-year span leaves it open
        ("2019年以来，累计引进企业60家。", "60家", None),
        ("2023年新增债券3亿元。全县签约项目12个。", "12个", 2024),  # an inline year does not carry
        ("出口19亿美元，同比2022年的15亿美元增长26%。", "15亿美元", 2022),  # 2022年的 is that figure's
        # 去年的 before a number names last year's figure, and the sentence goes on in this year
        ("加工转化率由去年的40%提升至46%。", "40%", 2023),
        ("加工转化率由去年的40%提升至46%。", "46%", 2024),
        # a multiple of a past year is this year's ratio
        ("跨境电商交易额是去年同期的2.5倍。", "2.5倍", 2024),
        ("出口额19亿美元，是2020年的3倍。", "3倍", 2024),
        # a numbered section heading of a work report sets the year of its section
        ("一、2023年工作回顾\n过去一年，全县签约项目12个。\n二、2025年主要目标\n计划签约项目15个以上。", "12个", 2023),
        ("一、2023年工作回顾\n过去一年，全县签约项目12个。\n二、2025年主要目标\n计划签约项目15个以上。", "15个", 2025),
        ("（二）明年工作安排\n计划签约项目15个以上。", "15个", 2025),
    ],
)
def test_year(text, mention, year):
    assert figures(text)[mention].year == year


@pytest.mark.parametrize(
    "text, year",
    [
        ("与2020年同期相比增长8%。", 2021),  # a comparison base implies the year after
        ("2021年全市实现GDP300亿元，比2020年增长6%。", 2021),
        ("从一九九八年开始对口支援，二十年来，累计投入资金3亿元。", 2018),  # start plus span
        ("没有年份。", None),
        ("一家成立于2012年的合作社，去年销售额3000万元。", None),  # a founding is no year reported on
    ],
)
def test_current_year_of_undated_article(text, year):
    assert current_year(text, None) == year


def test_no_date_no_year():
    assert figures("全县签约项目12个。", published=None)["12个"].year is None


@pytest.mark.parametrize(
    "text, mention, metric",
    [
        # the place and the period a clause opens with are where and when, not what
        ("今年一季度，瑞丽市共推进重点项目46个。", "46个", "推进重点项目"),
        ("2023年1-10月，钦州港片区完成固定资产投资152.3亿元。", "152.3亿元", "完成固定资产投资"),
        ("4月底前重点项目开复工率超过90%。", "超过90%", "重点项目开复工率"),
        # nor the park the clause opens with, nor the verb right before the number
        ("今年1-8月，片区完成外贸进出口额320亿元。", "320亿元", "完成外贸进出口额"),
        ("开发区规模以上工业总产值完成512亿元。", "512亿元", "规模以上工业总产值"),
        ("全县茶叶种植面积稳定在12万亩。", "12万亩", "茶叶种植面积"),
    ],
)
def test_metric_leaves_out_the_clause_opening_place_and_period(text, mention, metric):
    assert figures(text)[mention].metric == metric


def test_a_place_after_the_verb_is_part_of_the_metric():
    # 帮助销售 opens the clause: 湖南 is whose produce is sold, and 销售 says it is trade
    fig = figures("通过展销平台，帮助销售湖南农特产品2.4亿元。")["2.4亿元"]
    assert fig.metric == "帮助销售湖南农特产品" and fig.category == "trade"


def test_since_the_start_of_the_articles_own_year_is_that_year():
    # 2024年以来 in an article of March 2024 reports on 2024 so far; 2019年以来 spans several years
    figs = figures("2024年以来，片区新签约项目18个。2019年以来，累计引进企业260家。")
    assert figs["18个"].year == 2024
    assert figs["260家"].year is None


def test_values_carry_no_binary_float_noise():
    assert figures("片区完成固定资产投资152.3亿元。")["152.3亿元"].value == 15_230_000_000


def test_a_headline_repeated_in_the_body_is_one_figure_even_with_its_spaces_gone():
    text = "中山市重大项目集中开工总投资超200亿元\n此次集中开工项目35个，总投资超过200亿元。"
    found = [f for f in figures(text, title="中山市重大项目集中开工 总投资超200亿元").values() if f.unit == "CNY"]
    assert len(found) == 1 and found[0].sentence.startswith("此次")


def test_an_undated_anniversary_article_reports_on_the_anniversary_year():
    # 开通10年来 with 2014年 as the year of the first train: the article is about 2024
    text = ("今年上半年，某港开行班列812列，同比增长21.5%。开通10年来，班列开行量稳居前列。"
            "2014年6月，首趟班列从这里出发。2023年共开行班列1520列。")
    figs = figures(text, published=None)
    assert figs["812列"].year == 2024 and figs["1520列"].year == 2023
    assert current_year("2016年，开通首趟班列。开通8年来，累计开行3000列。", None) == 2024
    # two spans of years: no telling which anniversary the article marks, the latest year named stands
    assert current_year("开通8年来…成立20年来…2016年首趟班列开行。", None) == 2016


@pytest.mark.parametrize("text, mention, place", [
    # 对 makes 湖北 a partner, and the list after it (武汉, 浙江, 义乌) stays one: the exporter is 昆明
    ("今年1-5月，昆明市对湖北武汉、浙江义乌出口额达12亿元。", "12亿元", "昆明市"),
    # 全市 is the article's city
    ("昆明市统计局发布数据。\n今年以来，全市完成固定资产投资30亿元。", "30亿元", "昆明市"),
    # 全区 in an autonomous region's article is the region; a district's 全区 is left to the carried place
    ("广西壮族自治区商务厅发布消息。\n今年以来，崇左市外贸增长，全区进出口总额达3000亿元。", "3000亿元", "广西壮族自治区"),
    ("思明区统计局发布数据。\n今年以来，全区完成固定资产投资30亿元。", "30亿元", "思明区"),
    # a place inside a company's name is not where the figure is
    ("瑞丽市今年引进昆明某某科技有限公司等企业15家。", "15家", "瑞丽市"),
    # a station named after a county belongs to the city before it
    ("青岛胶州站今年发送旅客120万人次。", "120万人次", "青岛市"),
    # the investors' home is the partner, where they invest is the place (though 到/来 precede it)
    ("今年，工作队引导浙江企业到阿克苏投资兴业，全年新落地产业项目35个。", "35个", "阿克苏地区"),
    ("吸引广东客商来昭通投资，实际到位资金12亿元。", "12亿元", "昭通市"),
    # a venue is not the event's subject: the host named before it is
    ("3月8日，会泽县招商推介会在深圳举行。现场签约项目12个。", "12个", "会泽县"),
    ("玉溪市一季度项目集中开工仪式在红塔区主会场举行，开工项目41个。", "41个", "玉溪市"),
    # in an aid report the side that sends people is the donor: the figure is the recipient's
    ("上海对口支援喀什地区。上海今年选派专业技术人才320名到喀什工作。", "320名", "喀什地区"),
])
def test_place_skips_partners_organisations_and_facilities(text, mention, place):
    # Partner flags are judged only for the spots a figure consults (spots.Spots): a list of
    # partners must come out as if every spot had been judged in order.
    assert figures(text)[mention].place.name == place


@pytest.mark.parametrize("text", ["去年投入援喀资金3.2亿元。", "累计投入援藏资金3.2亿元。", "落实援博资金3.2亿元。",
                                  "杭州市帮扶恩施州资金3.2亿元。"])  # the recipient named inside
def test_aid_funds_named_after_any_recipient_are_public_finance(text):
    # every recipient has its own abbreviation (援喀 for Kashgar): a pattern, not a word list
    assert figures(text)["3.2亿元"].category == "public_finance"


# The plain alternation KEYWORDS_REVERSED was before it became a trie: longest first, the aid-fund
# pattern between the words over four characters and the rest.
_LONGEST_FIRST = sorted(KEYWORD_CATEGORY, key=len, reverse=True)
_PLAIN_REVERSED = re.compile("|".join([w[::-1] for w in _LONGEST_FIRST if len(w) > 4]
                                      + ["金资[\u4e00-\u9fff]援", "金资[\u4e00-\u9fff]{2,6}?扶帮"]
                                      + [w[::-1] for w in _LONGEST_FIRST if len(w) <= 4]))


@pytest.mark.parametrize(
    "phrase",
    [
        "全市完成固定资产投资",  # 固定资产投资, not 投资
        "累计投入援博资金",  # the aid-fund pattern
        "厦门市帮扶固原市资金",  # the aid-fund pattern with its recipient inside
        "无偿援助资金",  # 援助资金 ends nearest: longest there
        "进出口货物和货物",  # 货物 ends nearest, 进出口货物 further back
        "实现地区GDP",
        "在这里我们一起工作",  # no keyword at all
    ],
)
def test_keyword_trie_finds_what_the_plain_alternation_finds(phrase):
    backwards = phrase[::-1]
    assert [m.span() for m in KEYWORDS_REVERSED.finditer(backwards)] == [
        m.span() for m in _PLAIN_REVERSED.finditer(backwards)]


@pytest.mark.parametrize("text, mention, place", [
    # a location description locates the subject; its places (and the list after them) are not the
    # subject, and 该区 is the zone named (found in the text: 曲靖经开区 is on no list)
    ("曲靖经开区位于云南东部，处于昆明和贵阳之间。截至9月底，该区累计引进项目63个。", "63个", "曲靖经济技术开发区"),
    # the scope of a superlative is not the subject; the subject was named first
    ("玉溪市已成为云南最大的烟草产业基地。今年上半年实现工业产值210亿元。", "210亿元", "玉溪市"),
    # investors' origin (来自…) is no place of the figure
    ("柳州市外资企业增至61家，其中来自德国、香港等地的19家企业今年落户。", "19家", "柳州市"),
    # a share's second denominator is a base of comparison
    ("昆明市实际利用外资占全省的41.2%，是曲靖市的2.3倍。", "2.3倍", "昆明市"),
    # the investors' home inside a project's name (…元的杭州某某项目) is handed to no list item
    ("今年，九江市签约了总投资4亿元的杭州某某材料生产、总投资6亿元的宁波某某装备研发等项目。", "6亿元", "九江市"),
    # a city in brackets inside a company's name
    ("株洲市今年引进某某软件（长沙）有限公司等企业8家。", "8家", "株洲市"),
    # a venue where the branch meetings sit is not the subject
    ("楚雄州项目集中开工，主会场设在禄丰市某产业园，各县市设分会场。全州开工项目88个。", "88个", "楚雄彝族自治州"),
])
def test_places_in_other_roles_are_not_the_figures_place(text, mention, place):
    assert figures(text)[mention].place.name == place


def test_a_donor_anywhere_in_an_aid_article_is_a_donor_everywhere():
    # 山东省 gives (对口协作); later it opens a sentence about the money it arranged: still the recipient's figures
    text = "2024年山东省对口协作湘西州项目开工。今年，山东省安排的协作资金里，州本级安排资金2.6亿元、项目35个。"
    assert figures(text)["2.6亿元"].place.name == "湘西土家族苗族自治州"
    # the recipient's own aid office (喀什地区援疆系统) makes it no donor
    text = "广东省对口支援喀什地区。近两年，喀什地区援疆系统累计引进企业52家。"
    assert figures(text)["52家"].place.name == "喀什地区"
    # 消费帮扶 names a measure, not a giver: 重庆 is the subject
    text = "去年重庆实现消费帮扶48.2亿元。争取浙江、上海等省市采购重庆农副产品。与山东联手，鲁渝消费协作实现2.9亿元。"
    assert figures(text)["2.9亿元"].place.name == "重庆市"


def test_the_place_the_news_came_from_is_the_articles_subject():
    # 南通 is named more often, but the reporter heard the news from 闽侯县
    text = "记者9日从闽侯县获悉，今年签约项目37项。南通企业、南通商会、南通客商、南通银行纷纷参加。"
    assert place_spots(text, None)[1].name == "闽侯县"


def test_anaphors_name_the_nearest_place_of_their_kind():
    # 该县 is the county just named, not the article's most named prefecture
    text = "大理州宾川县今年招商引资成效明显。大理州商务局介绍，该县新签约项目17个。"
    assert figures(text)["17个"].place.name == "宾川县"
    # a clause opening with 片区 speaks of the zone just named
    text = "昆明市发布数据。云南自贸试验区昆明片区挂牌以来发展迅速。今年以来，片区新设企业3200户。"
    assert figures(text)["3200户"].place.name == "中国(云南)自由贸易试验区昆明片区"


def test_a_comparison_base_next_to_the_number_is_not_its_place():
    # 全省 right before 0.8个百分点 is what the city is compared with (a place next to a number is
    # otherwise its subject), and the next sentence goes on about the city
    text = "昭通市统计局发布数据。全市地区生产总值增长6.1%，增速高于全省0.8个百分点。其中，第一产业增加值210亿元。"
    figs = figures(text)
    assert figs["0.8个百分点"].place.name == figs["210亿元"].place.name == "昭通市"


def test_a_total_over_listed_places_goes_to_their_common_parent():
    # three ports of one province summed: the province, not the last port named
    text = "前三季度，东兴市、凭祥市、龙州县三地口岸进出境货物合计达到380万吨。"
    assert figures(text)["380万吨"].place.name == "广西壮族自治区"
    # items each with its own number are no such list: each keeps its place
    figs = figures("当月新开工项目25个，其中玉溪9个、曲靖7个。")
    assert (figs["9个"].place.name, figs["7个"].place.name) == ("玉溪市", "曲靖市")


def test_a_respectively_list_pairs_places_and_figures_in_order():
    text = "全市新增市场主体主要集中在西山区、官渡区和呈贡区，分别为1460户、1280户和970户。"
    figs = figures(text)
    assert [figs[m].place.name for m in ("1460户", "1280户", "970户")] == ["西山区", "官渡区", "呈贡区"]


def test_a_breakdown_hands_on_the_total_place_not_its_last_item():
    # 其中… lists parts: the next sentence goes on about the province, not the last city of the list
    text = "当月全省新签约项目41个，其中昆明12个、曲靖9个、玉溪6个。当月全省新开工项目28个。"
    assert figures(text)["28个"].place.name == "云南省"


def test_a_donor_next_to_the_number_is_still_no_place_of_it():
    text = "江苏省对口支援伊犁州。促成江苏12家开发园区与受援地产业园结对共建。"
    assert figures(text)["12家"].place.name == "伊犁哈萨克自治州"


def test_a_long_list_of_origins_is_no_place():
    text = ("珲春边合区管委会发布数据。\n区内现有企业180户，其中来自日本、韩国、俄罗斯、美国、香港等8个国家和地区的"
            "27户外资企业。来自香港的企业最多。")
    assert figures(text)["27户"].place.name == "珲春边境经济合作区"


def test_a_respectively_list_ends_where_its_run_of_figures_ends():
    # the growth rate after 位列全市前三 is no fourth item of the three places' list
    text = "分县看，宣威市、富源县、会泽县财政收入分别完成9.2亿元、7.6亿元、6.1亿元，位列全市前三，其中宣威市同比增长4.2%。"
    figs = figures(text)
    assert [figs[m].place.name for m in ("9.2亿元", "7.6亿元", "6.1亿元")] == ["宣威市", "富源县", "会泽县"]


def test_a_government_that_funds_aid_is_a_donor_but_not_the_recipient_it_funds():
    # 投入…援助资金 makes 西湖区 a donor everywhere; 向宁蒗县投入 keeps the county a recipient, and a
    # county right after its prefecture (丽江市宁蒗县) receives with it
    text = ("西湖区与宁蒗县深化协作。西湖区全年投入东西部协作财政援助资金6200万元。"
            "杭州市对口帮扶丽江市宁蒗县，全年投入协作资金1.2亿元。西湖区企业到宁蒗投资项目15个。")
    figs = figures(text)
    assert figs["6200万元"].place.name == "宁蒗彝族自治县"
    assert figs["1.2亿元"].place.name == "宁蒗彝族自治县"


def test_people_counted_by_where_they_come_from_are_not_that_places_figure():
    text = "横琴粤澳深度合作区发布数据。截至去年底，在合作区就业的澳门居民3260人。"
    assert figures(text)["3260人"].place.name == "横琴粤澳深度合作区"


def test_each_respectively_run_of_a_sentence_pairs_with_the_same_list():
    text = "其中，景洪市、勐海县、勐腊县分别签约5个、3个和4个项目，协议资金分别为8.1亿元、4.6亿元和5.2亿元。"
    figs = figures(text)
    assert [figs[m].place.name for m in ("8.1亿元", "4.6亿元", "5.2亿元")] == ["景洪市", "勐海县", "勐腊县"]


def test_a_government_acting_is_no_place_of_the_figure():
    text = "前海深港现代服务业合作区发布数据。经香港特区政府推荐的入驻项目累计达到43个。"
    assert figures(text)["43个"].place.name == "前海深港现代服务业合作区"


def test_a_company_name_runs_on_no_verb():
    # 园区 is the subject of 现有: the company after the verb does not swallow it as part of its name
    text = "德宏州发布数据。瑞丽边合区现有某某纺织有限公司等入驻企业128家。"
    assert figures(text)["128家"].place.name == "瑞丽边境经济合作区"


def test_a_list_spanning_provinces_says_where_not_whose():
    # 在浙江、广东、上海等地: where the stations are; the prefecture before the list is the subject
    text = "楚雄州劳务输出成效明显\n今年以来，全州在浙江、广东、上海等地设立劳务工作站9个。"
    assert figures(text, title="楚雄州劳务输出成效明显")["9个"].place.name == "楚雄彝族自治州"


def test_an_event_abroad_is_its_hosts():
    # the venue may be a long name (在香港湾仔会展中心举行), a co-organiser is no host, an office's seat
    # (驻香港) no subject: the signing's figures are the host city's
    text = ("6月12日，遂宁市投资推介会在香港湾仔会展中心举行。推介会由遂宁市人民政府主办，"
            "四川省人民政府驻香港联络处协办。推介会现场共签约项目18个。")
    assert figures(text)["18个"].place.name == "遂宁市"


def test_where_migrant_workers_work_is_not_whose_they_are():
    text = "毕节市外出务工劳动力达186万人，其中在浙江省务工41.2万人。"
    assert figures(text)["41.2万人"].place.name == "毕节市"


def test_a_partnership_with_yu_is_no_list():
    # 与 joins partners, not a list: the figure is the province that opens the sentence
    assert figures("江苏省商务厅发布数据。2024年，陕西省与江苏省合作共建园区38个。")["38个"].place.name == "陕西省"
    # 和 joins a two-place respectively-list
    figs = figures("2023年，玉溪市和曲靖市分别完成投资120亿元、98亿元。")
    assert (figs["120亿元"].place.name, figs["98亿元"].place.name) == ("玉溪市", "曲靖市")

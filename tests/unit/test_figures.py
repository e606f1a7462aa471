"""Figure mentions in sentences of the genre (flows/extract/figures.py); our own sentences."""

import re

import pytest

from flows.extract.figures import WITH_UNIT, find_mentions
from flows.parse.normalize import normalize
from flows.rules.qualifiers import CHANGE_BEFORE


def one(text):
    found = find_mentions(text)
    assert len(found) == 1, [(text[m.start:m.end], m.value) for m in found]
    return found[0]


@pytest.mark.parametrize(
    "text, value, unit",
    [
        ("全年完成投资52.3亿元。", 5_230_000_000, "CNY"),
        ("实际利用外资三亿二千万美元。", 320_000_000, "USD"),
        ("吞吐量达到1,250万吨。", 12_500_000, "tonne"),  # thousands separator and 万
        ("接待游客86万人次。", 860_000, "person_time"),
        ("新增就业2.1万人。", 21_000, "person"),
        ("引进高层次人才48名。", 48, "person"),  # 名 counts persons
        ("新建厂房3.6万平方米。", 36_000, "m2"),
        ("流转土地1200亩。", 1200, "mu"),
        ("铺设管网15公里。", 15, "km"),
        ("集装箱吞吐量9万标箱。", 90_000, "other:标箱"),  # units outside the list keep their word
        ("登记市场主体640户。", 640, "count"),
        ("开通国际线路12条。", 12, "count"),
        ("比上年提高1.5个百分点。", 1.5, "percent"),
        ("增长百分之八点五。", 8.5, "percent"),
        ("占全县的七成。", 70, "percent"),  # 成 is tenths
        ("增长二成三。", 23, "percent"),
        ("进出境车辆4.2万辆次。", 42_000, "other:辆次"),  # vehicle trips, not 4.2万辆 and a stray 次
        ("保障航班起降8600架次。", 8600, "other:架次"),
        ("新增供电容量8万千伏安。", 80_000, "other:千伏安"),  # a transformer's capacity
        # ANNOTATION.md, Units: areas in m2, lengths in km, capacity in kW, every classifier a count
        ("保税区规划面积3.8平方公里。", 3_800_000, "m2"),
        ("建成区面积12.5平方千米。", 12_500_000, "m2"),
        ("流转林地40公顷。", 400_000, "m2"),
        ("新修便道2800米。", 2.8, "km"),
        ("光伏装机8万千瓦。", 80_000, "other:千瓦"),
        ("风电装机120兆瓦。", 120_000, "other:千瓦"),  # 兆瓦 counted in kW
        ("年用电量2.6亿千瓦时。", 260_000_000, "kwh"),
        ("收购鲜果6000公斤。", 6, "tonne"),
        ("开行货运班列820列。", 820, "count"),
        ("存栏肉牛3.5万头。", 35_000, "count"),
        ("全年申报报关单4.6万票。", 46_000, "count"),  # declarations
        ("发放救灾帐篷300顶。", 300, "count"),
        ("进口水果品类42种。", 42, "count"),
        ("每周往返航班14班。", 14, "count"),
        ("班列通达境外26站点。", 26, "count"),
        ("班列通达11口岸。", 11, "count"),
        ("覆盖800万人口。", 8_000_000, "person"),  # people counted by a noun
        ("验放车辆2.7万辆(次)。", 27_000, "other:辆次"),  # 辆(次) is trips, as 辆次
        ("两岸贸易额达新台币350亿元。", 35_000_000_000, "other:新台币"),  # a currency written before
        ("吸引投资1.2亿澳门元。", 120_000_000, "other:澳门元"),
        ("港币8亿元。", 800_000_000, "HKD"),
        ("地价68万元/亩。", 68, "other:万元/亩"),  # a price keeps its magnitude in its unit
        ("出口果蔬1540批次。", 1540, "count"),
        ("签发原产地证书872份。", 872, "count"),
        ("满载42节车皮。", 42, "count"),
        ("全县财政收入完成18 306万元。", 183_060_000, "CNY"),  # thousands set apart by a space
        ("货物周转量52亿吨公里。", 5_200_000_000, "other:吨公里"),  # no 52亿吨 and a stray 公里
        ("亩产1100斤。", 0.55, "tonne"),
        ("新建厂房2.4万平米。", 24_000, "m2"),
        ("进口原木18万立方。", 180_000, "m3"),
        ("集装箱吞吐量65万TEU。", 650_000, "other:标箱"),
        ("不良贷款率控制在3‰。", 0.3, "percent"),  # per mille, as 千分之三
    ],
)
def test_value_and_unit(text, value, unit):
    m = one(text)
    assert (m.value, m.unit) == (pytest.approx(value), unit)


@pytest.mark.parametrize(
    "text, qualifier",
    [
        ("兑现奖补资金300余万元。", "over"),  # 余 inside the number
        ("行程3万多公里。", "over"),  # 多 after the magnitude
        ("受理近千条诉求。", "under"),  # bare 千 is a number only with a qualifier
        ("服务约2.5万人。", "approx"),
        ("开工率超过85%。", "over"),
        ("完成投资不足5亿元。", "under"),
        ("总投资10亿元以上。", "over"),
        ("预计实现产值20亿元。", "exact"),  # 预计 says forecast, not rounding
        ("集中签约18个。", "exact"),  # the 约 of 签约 is no qualifier
        ("交易额是去年的4倍多。", "over"),  # a multiple's 多 comes after 倍
    ],
)
def test_qualifier(text, qualifier):
    assert one(text).qualifier == qualifier


@pytest.mark.parametrize(
    "text, is_change",
    [
        ("同比增长12.5%。", True),
        ("比上年下降3%。", True),
        ("较去年增长2.3亿元。", True),  # a change amount
        ("减少一成二。", True),
        ("占全市的45%。", False),
        ("新增企业30家。", False),  # 新增 counts new things, no change rate
        ("备案企业比上年末新增46家。", True),  # ... but 新增 against a base is a change amount
        ("人口增加到3万人。", False),  # 增加到 reaches a level
        ("高出全省2个百分点。", True),  # percentage points are always a change
        ("带动农户户均增收1.8万元。", True),  # income gained is a change amount
    ],
)
def test_change(text, is_change):
    assert one(text).is_change is is_change


@pytest.mark.parametrize(
    "text, value, is_change",
    [
        ("税收比上年下降4.5%。", -4.5, True),  # a decline is negative
        ("贫困户减少36户。", -36, True),  # a change amount too
        ("增速低于全省1.2个百分点。", -1.2, True),  # 'lower than' by points
        ("增速比一季度回落0.8个百分点。", -0.8, True),
        ("增幅慢于全国2.1个百分点。", -2.1, True),
        ("比上年低0.6个百分点。", -0.6, True),  # 比X低
        ("比去年同期少7家。", -7, True),  # 比X少: a change amount
        ("比去年同期多7家。", 7, True),
        ("出口负增长2.4%。", -2.4, True),  # 负增长
        ("进口同比下降-1.5%。", -1.5, True),  # a written minus is negative, not doubly so
        ("同比增长-6.2%。", -6.2, True),
        ("亏损企业利润-2.3亿元。", -230_000_000, False),  # a written minus on a level
        ("出口额减少一成二。", -12, True),  # 成 declines too
        ("协议外资下降百分之三点五。", -3.5, True),
        ("高于全国0.9个百分点。", 0.9, True),  # 'higher than' is positive
        ("较上年同期减收860万元。", -8_600_000, True),  # 减收 as 增收
        ("每年减少二氧化碳排放近8万吨。", -80_000, True),  # a cut with its object
        ("可降低企业物流成本1.6亿元。", -160_000_000, True),
        ("零售业销售额按年下跌7.5%。", -7.5, True),  # Hong Kong usage
        ("楼价按年跌3.1%。", -3.1, True),
        ("租金按年上涨2.2%。", 2.2, True),
        ("航班起降8600架次。", 8600, False),  # 起降 is takeoffs and landings, no decline
        ("失业率低于4%。", 4, False),  # 低于 without its object is a level
    ],
)
def test_decline_is_negative(text, value, is_change):
    m = one(text)
    assert (m.value, m.is_change) == (pytest.approx(value), is_change)


def test_typeset_spaces_read_as_without():
    # pangu-style spaces between digits and Chinese: units found, change words seen, ordinals refused
    text = "2022 年，片区外贸进出口额 88.4 亿元，比上年下降 6.1%，在全省排名第 4 位，新增企业 212 家。"
    found = [(text[m.start:m.end], m.value, m.unit, m.is_change) for m in find_mentions(text)]
    assert found == [("88.4 亿元", 8_840_000_000, "CNY", False), ("6.1%", -6.1, "percent", True),
                     ("212 家", 212, "count", False)]


def test_qualifier_before_a_typeset_space():
    assert one("累计签约项目超过 30 个。").qualifier == "over"


@pytest.mark.parametrize(
    "text, value, unit",
    [
        ("全县规上工业企业数415户。", 415, "count"),  # 数 ends the noun: a count, not 数十
        ("园区从业人数3.4万人。", 34_000, "person"),
    ],
)
def test_count_after_shu_is_a_figure(text, value, unit):
    m = one(text)
    assert (m.value, m.unit) == (value, unit)


@pytest.mark.parametrize(
    "text, value, qualifier",
    [
        ("边贸额占全州的三分之二。", 66.67, "exact"),  # fractions are percent
        ("占全省进口的近四分之一。", 25, "under"),
        ("不良贷款率控制在千分之三以内。", 0.3, "under"),
        ("占签约总额的一半以上。", 50, "over"),  # 一半 as a share
        ("外资项目占比接近一半。", 50, "under"),
        ("出口额八成来自机电产品。", 80, "exact"),
    ],
)
def test_fractions_and_shares_are_percent(text, value, qualifier):
    m = one(text)
    assert (m.value, m.unit, m.qualifier) == (pytest.approx(value), "percent", qualifier)


@pytest.mark.parametrize(
    "text, value, unit",
    [
        ("集团上半年收益HK$4.6亿。", 460_000_000, "HKD"),  # a currency sign before the number
        ("投资NT$120亿扩建工厂。", 12_000_000_000, "other:新台币"),
        ("获注资US$6000万。", 60_000_000, "USD"),
        ("博彩收益MOP$150亿。", 15_000_000_000, "other:澳门元"),
        ("首期投资RMB 8亿元。", 800_000_000, "CNY"),  # a 元 after the sign's number is part of it
    ],
)
def test_currency_signs(text, value, unit):
    m = one(text)
    assert (m.value, m.unit) == (pytest.approx(value), unit)


def test_the_count_after_a_threshold_stays_and_the_threshold_is_marked():
    # 10亿元以上项目6个: the count is an amount, the threshold bounds a class; 1500元以上 ends the
    # sentence, no class after it: an amount over 1500元
    text = "全年开工项目58个，其中10亿元以上项目6个，人均收入达到1500元以上。"
    found = [(text[m.start:m.end], m.is_threshold) for m in find_mentions(text)]
    assert found == [("58个", False), ("10亿元", True), ("6个", False), ("1500元", False)]


@pytest.mark.parametrize(
    "text, mention, value, unit, qualifier",
    [
        ("推动5亿元以上产业项目落地。", "5亿元", 500_000_000, "CNY", "over"),  # a noun between 以上 and 项目
        ("培育2000万元以上的工业企业。", "2000万元", 20_000_000, "CNY", "over"),
        ("新开工3000万元以上(含续建)的工程41个。", "3000万元", 30_000_000, "CNY", "over"),
        ("清理500万元以下的合同。", "500万元", 5_000_000, "CNY", "under"),
        ("其中超千万美元项目占比较高。", "超千万美元", 10_000_000, "USD", "over"),  # 超 before, noun right after
        ("总投资超千万美元的大项目15项。", "超千万美元", 10_000_000, "USD", "over"),
        ("投资逾5亿元的项目有9个。", "逾5亿元", 500_000_000, "CNY", "over"),
        ("营业收入超过20亿元的企业达到6家。", "超过20亿元", 2_000_000_000, "CNY", "over"),
    ],
)
def test_class_thresholds_are_marked(text, mention, value, unit, qualifier):
    m = next(m for m in find_mentions(text) if m.unit == unit)
    assert (text[m.start:m.end], m.value, m.qualifier, m.is_threshold) == (mention, pytest.approx(value), qualifier, True)


@pytest.mark.parametrize(
    "text",
    [
        "全年完成投资超420亿元；",  # 超 with no class after it: an amount, at least 420亿元
        "总投资超100亿元的新能源电池项目开工。",  # one named project's amount, not a class
        "人均收入达到1500元以上。",
        "新增就业超过1万人的园区3个。",  # persons bound no class of money
    ],
)
def test_amounts_with_over_are_no_thresholds(text):
    assert not any(m.is_threshold for m in find_mentions(text))


def test_half_that_is_no_share_is_no_figure():
    # judgement: 一半 is a figure only as a stated share (占/比重/份额 in its clause)
    assert find_mentions("一半以上的时间在田间地头。") == []


@pytest.mark.parametrize(
    "text, value, unit",
    [
        ("捐赠人民币壹佰伍拾万元。", 1_500_000, "CNY"),  # financial numerals
        ("拨付资金贰拾参万元。", 230_000, "CNY"),
        ("接待游客三千五人次。", 3500, "person_time"),  # colloquial
        ("占比零点77%。", 0.77, "percent"),
        ("建成标准厂房廿座。", 20, "count"),
        ("队伍一万人参加。", 10_000, "person"),  # 伍 of 队伍 is no numeral before 一万
    ],
)
def test_chinese_numerals_in_figures(text, value, unit):
    m = one(text)
    assert (m.value, m.unit) == (pytest.approx(value), unit)


def test_traditional_financial_numerals_arrive_simplified():
    # normalisation's t2s turns 貳參陸萬 into 贰参陆万, which the financial run reads
    text = normalize("撥付資金貳拾參萬元，陸佰萬元。").text
    assert [m.value for m in find_mentions(text)] == [230_000, 6_000_000]


@pytest.mark.parametrize("text", ["陆家嘴新落户外资总部", "伍家岗区的企业家", "参股基金"])
def test_a_lone_financial_numeral_is_a_name(text):
    # 陆家嘴 is no 6家: financial numerals count only in runs (壹佰万)
    assert find_mentions(text + "。") == []


def test_partner_of_a_decline_declines_too():
    found = find_mentions("进口和出口分别下降3.1%和5.4%。")
    assert [m.value for m in found] == [-3.1, -5.4]


def test_dash_in_a_code_is_no_minus():
    # 0571-8765432 is a phone number, 2023-06 a date: the dash joins, it does not negate
    assert find_mentions("咨询电话0571-8765432个") == []


def test_pair_of_percentage_points_both_found():
    # 高出X个和Y个百分点: the first borrows the unit of the second
    found = find_mentions("分别高出三点二个和一点五个百分点。")
    assert [(m.value, m.unit, m.is_change) for m in found] == [(3.2, "percent", True), (1.5, "percent", True)]


def test_a_voltage_class_is_no_figure():
    # 110千伏 names a substation's class; only 千伏安 measures a capacity
    assert [(m.value, m.unit) for m in find_mentions("新建110千伏变电站2座。")] == [(2, "count")]


def test_range_gives_lower_and_upper_bound():
    found = find_mentions("种植3-5万亩。")
    assert [(m.value, m.qualifier) for m in found] == [(30_000, "over"), (50_000, "under")]


def test_rate_joined_by_and_is_a_change_too():
    found = find_mentions("收入分别增长9%和11%。")
    assert [m.is_change for m in found] == [True, True]


@pytest.mark.parametrize(
    "text",
    [
        "2024年1月19日上午10时召开。",  # dates and times
        "历时16年，考察11天，飞行15小时。",  # durations
        "第七次会议审议第5号文件。",  # ordinals
        "热线0991-8557237，备案号京ICP备05004340号。",  # identifiers
        "推动“五区一市”和“一带一路”建设。",  # names in quotes
        "一个重要窗口，一批重点项目，一项议程。",  # indefinite 一
        "服务千家万户。",  # set phrase
        "数十个项目陆续开工。",  # vague amount
        "吸引数万人参观。",  # 数 before a Chinese magnitude stays vague
        "排名比上年前进2位。",  # a move in a ranking, no persons
        "增幅高出8.41个。",  # a count has no decimals
        "评论 0 条",  # a comment counter: no count of nothing is a figure
        "台风最大风力达17级。",  # levels
        "为期6个月的专项行动。",  # 个月 is a duration
        "印发《关于促进投资的20条措施》。",  # numbers inside a document title
        "浏览:166",  # view counter
        "两口岸隔河相望。",  # 两口岸 is 'the two ports' (口岸 counts after digits only)
        "签订三方协议。",  # 三方 is no volume
        "推进种植业发展。",
        "推进节能降耗，扩大市场份额。",
        "实现了创百亿元园区的目标。",  # a bare magnitude is a class, not an amount
        "推动亿元以上产业项目落地。",  # a bare magnitude bounding a class: no figure at all
    ],
)
def test_not_figures(text):
    assert find_mentions(text) == []


def test_quoted_name_inside_a_book_title_masks_both():
    # Overlapping masks (a quote inside a title) are merged: numbers anywhere in either stay unread
    mentions = find_mentions("印发《关于“三个一批”和“五个中心”的30条措施》，新增企业12家。")
    assert [(m.value, m.unit) for m in mentions] == [(12, "count")]


def test_with_unit_groups_are_read_by_position():
    # figures._from_unit_match unpacks m.groups() in this order: a new group must update it
    assert list(WITH_UNIT.groupindex) == ["lo", "dash", "hi", "q1", "mag", "q2", "unit"]
    assert WITH_UNIT.groups == 7


# CHANGE_BEFORE as written before its words were grouped by first character
_PLAIN_CHANGE_BEFORE = re.compile(
    r"(?:增长|增加|增收|下降|下跌|跌幅|跌|上涨|涨幅|减少|提高|提升|降低|回落|上升|下滑|增长率|增幅|增速|降幅|拉动|净增|(?<![新])增|(?<!起)降|减)"
    r"(?:了)?(?:为|达)?(?:约|大约|超过|超|近|逾|将近)?$|(?:高出|超出|快于|慢于|多出)[^\d，,。；;]{0,8}$"
    r"|(?<!不)低于[^\d，,。；;]{1,8}$|比(?![例重率值较])[^\d，,。；;]{1,10}[高低多少快慢](?:了)?$"
    r"|(?:减少|降低)[^\d，,。；;、]{1,8}(?:约|大约|超过|超|近|逾|将近)?$|减收(?:了)?(?:为|达)?(?:约|大约|超过|超|近|逾|将近)?$"
    r"|[比较](?![例重率值较])[^\d，,。；;]{1,10}新增(?:了)?$")


@pytest.mark.parametrize(
    "left",
    ["同比增长", "增长率为", "户均增收", "新增", "净增", "较上年增长了约", "增", "新增加", "降幅达", "快于全部投资", "增速将近",
     "高出全国平均水平1", "重点项目", "", "起降", "低于全省", "不低于", "比上年少", "比例高达", "比较多", "减少碳排放近", "同期减收", "比去年底新增", "全年新增"],
)
def test_change_before_grouped_matches_the_plain_alternation(left):
    for pos in range(len(left) + 1):
        a, b = CHANGE_BEFORE.search(left, pos), _PLAIN_CHANGE_BEFORE.search(left, pos)
        assert (a and a.span()) == (b and b.span())

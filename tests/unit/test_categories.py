"""Categories by the metric's head noun (categories.tsv, heads.py, metric.py); our own sentences."""

import re
from datetime import date
from pathlib import Path

import pytest

from flows.extract import extract_figures
from flows.extract.heads import counted_noun, nearest_keyword
from flows.records import Article
from flows.rules import metrics as mr
from flows.rules.vocab import CATEGORIES


def figures(text, published=date(2024, 3, 1)):
    article = Article(source="t.txt", content_hash="x", original_text=text, text=text, title=None,
                      published_date=published)
    return {f.mention: f for f in extract_figures(article)}


def test_every_row_is_a_category_of_the_guide_and_a_known_kind():
    assert {head.category for head in mr.HEADS.values()} <= set(CATEGORIES)
    assert {head.kind for head in mr.HEADS.values()} <= {"measure", "thing", "firm", "name", "sector", "event", "place"}


@pytest.mark.parametrize("noun", sorted(mr.HEADS))
def test_every_rows_example_is_matched_by_that_row(noun):
    # the example up to the noun ends with it: no longer row shadows it there
    example = mr.HEADS[noun].example
    assert noun in example
    upto = example[:example.index(noun) + len(noun)]
    assert mr.KEYWORDS_REVERSED.match(upto[::-1])[0][::-1] == noun


@pytest.mark.parametrize(
    "text, mention, category",
    [
        # a firm's revenue is output, not trade nor the firm (CAT-VOCAB)
        ("前三季度，全区规上工业企业实现营业收入52.7亿元。", "52.7亿元", "other"),
        ("园区企业主营业务收入突破300亿元。", "突破300亿元", "other"),
        ("食品加工企业实现销售收入19.6亿元。", "19.6亿元", "other"),
        ("公司全年业务收入2.2亿元。", "2.2亿元", "other"),
        # but a budget's income is public finance, and goods sold are trade
        ("县级一般公共预算收入8.4亿元。", "8.4亿元", "public_finance"),
        ("线上销售农产品1.3亿元。", "1.3亿元", "trade"),
        ("全县完成工商税收入库2.8亿元。", "2.8亿元", "public_finance"),
        # throughput at a crossing is logistics
        ("口岸日通关量达2600吨。", "2600吨", "logistics"),
        ("码头全年过货量90万吨。", "90万吨", "logistics"),
        ("口岸进出境货运量410万吨。", "410万吨", "logistics"),  # the head 货运量, not 进出境
        # spending on productive assets is investment; a bare 投入 is a verb and its object decides
        ("园区完成配套建设投入3.6亿元。", "3.6亿元", "investment"),
        ("县里投入财政资金8000万元。", "8000万元", "public_finance"),
        # loans, credit and prices are other
        ("帮助小微企业融资3000万元。", "3000万元", "other"),
        ("发放创业担保贷款1.5亿元。", "1.5亿元", "other"),
    ],
)
def test_vocabulary(text, mention, category):
    assert figures(text)[mention].category == category


@pytest.mark.parametrize(
    "text, mention, category",
    [
        # land, floor and planning areas are other, whatever project they belong to (CAT-AREA)
        ("今年全县各园区完成土地收储420亩。", "420亩", "other"),
        ("二期项目建成标准厂房6.8万平方米。", "6.8万平方米", "other"),
        ("项目占地150亩，总投资8亿元。", "150亩", "other"),
        ("园区规划面积12平方公里。", "12平方公里", "other"),
        # timber felled or processed is other; a volume that breaks down an import is trade
        ("当地企业在境外采伐木材40万立方米。", "40万立方米", "other"),
        ("口岸进口原木300万立方米（其中樟子松80万立方米），就地加工95万立方米。", "80万立方米", "trade"),
        ("口岸进口原木300万立方米（其中樟子松80万立方米），就地加工95万立方米。", "95万立方米", "other"),
        # a capacity is other, not the project that has it
        ("某公司年产3000万平方米隔膜项目开工。", "3000万平方米", "other"),
    ],
)
def test_areas_and_volumes(text, mention, category):
    assert figures(text)[mention].category == category


def test_persons_are_people_even_when_they_serve():
    assert figures("区里选聘28名企业服务专员。")["28名"].category == "people"


@pytest.mark.parametrize(
    "right, noun",
    [
        ("跨境电商企业", "企业"),  # the last countable noun of the phrase
        ("外资项目投资额均超过", "项目"),  # the phrase ends at a measure noun
        ("重大产业合作项目纳入", "项目"),
        ("特色小吃店", "店"),  # a firm by its trade
        ("国家和地区", None),  # places counted have no head of their own
        ("总投资", None),
    ],
)
def test_counted_noun(right, noun):
    hit = counted_noun(right)
    assert (hit.noun if hit else None) == noun


@pytest.mark.parametrize(
    "text, mention, category",
    [
        # for a count the counted noun after the number wins over a keyword before it (CAT-COUNTNOUN)
        ("跨境电商物流园现已聚集260家企业。", "260家", "enterprises"),
        ("统计显示，32个外资项目合同金额均在5000万美元以上。", "32个", "projects"),
        ("商务部门投资建成了15个农贸市场。", "15个", "other"),  # a count of facilities
        # firms counted by their trade are enterprises (CAT-INDUSTRY)
        ("今年园区引进冷链物流业8家、跨境电商业3家。", "8家", "enterprises"),
        ("今年园区引进冷链物流业8家、跨境电商业3家。", "3家", "enterprises"),
        ("古镇周边开办民宿70家、风味小吃店26个。", "26个", "enterprises"),
        # ... but the noun of a count after 为 is who is served: what is done for them decides
        ("服务中心先后为186家企业提供政策咨询服务。", "186家", "public_service"),
        # countries and cities routes reach are logistics
        ("新开通国际货运航线9条，通达15个国家的28个城市。", "28个", "logistics"),
        ("陆港开通国际线路16条，辐射东南亚十余个国家和地区。", "十余个", "logistics"),
        ("产品销往40多个国家和地区。", "40多个", "trade"),
    ],
)
def test_counts(text, mention, category):
    assert figures(text)[mention].category == category


@pytest.mark.parametrize(
    "text, mention, category",
    [
        # a share is of what is divided, not of the counted subject (CAT-SHARE)
        ("本次签约中，单体投资超10亿元的项目占协议总额的61.2%。", "61.2%", "investment"),
        ("新增企业8400家，占全部市场主体的23%。", "23%", "enterprises"),
        # ... or of the noun after it, not of a keyword later in the sentence
        ("这家电子厂70%的工人来自周边乡镇，全年产值5亿元。", "70%", "people"),
        # with no whole of its own, the figure it follows
        ("规上企业实现营业收入80亿元，占比62%。", "62%", "other"),
    ],
)
def test_shares(text, mention, category):
    assert figures(text)[mention].category == category


@pytest.mark.parametrize(
    "text, mention, category",
    [
        # the figure's noun is in the clause before it (CAT-PREVCLAUSE)
        ("全年到位资金92亿元，其中10亿元以上项目数量增加较多，共有14个。", "14个", "projects"),
        ("在新签约项目中，外资企业投资额占比最高，为41.2亿元。", "41.2亿元", "investment"),
        # and a rate with nothing between it and its figure is that figure's
        ("全年完成固定资产投资40亿元，同比增长9%。", "9%", "investment"),
    ],
)
def test_noun_of_the_clause_before(text, mention, category):
    assert figures(text)[mention].category == category


@pytest.mark.parametrize(
    "text, mention, category",
    [
        # lines under a heading take the heading's measure, not their names' (CAT-LISTHEAD)
        ("外贸进出口额超30亿元的园区：\n防城港保税物流中心45.2亿元\n东兴边境经济合作区38.7亿元", "38.7亿元", "trade"),
        ("新增市场主体数前三位：\n甲新区新增市场主体1520家\n乙经济开发区980家\n丙软件产业园760家", "980家", "enterprises"),
        ("新增市场主体数前三位：\n甲新区新增市场主体1520家\n乙经济开发区980家\n丙软件产业园760家", "760家", "enterprises"),
        # an elliptical item after the first of a list: the first item's measure
        ("其中，甲经开区实现外贸进出口额64亿元；乙智能制造产业园41亿元。", "41亿元", "trade"),
        # but a zone counted is a facility
        ("两地共建产业园区27个。", "27个", "other"),
    ],
)
def test_list_items(text, mention, category):
    assert figures(text)[mention].category == category


@pytest.mark.parametrize(
    "text, mention, category",
    [
        # an open head gives way to a public-finance noun right before it (收入, 资金 yield_to)
        ("全年争取上级补助收入45.6亿元。", "45.6亿元", "public_finance"),
        ("全县新增政府债券资金12.3亿元。", "12.3亿元", "public_finance"),
        ("浙江省对口支援资金到位2.2亿元。", "2.2亿元", "public_finance"),
        # ... and otherwise stands: a firm's income is other, an investor's money investment
        ("合作社经营收入860万元。", "860万元", "other"),
        ("园区引进建设资金9亿元。", "9亿元", "investment"),
        # goods are carried (logistics) unless a trade or customs word before them names the trade
        ("铁路累计运输货物320万吨。", "320万吨", "logistics"),
        ("前三季度口岸监管货物42.8万吨。", "42.8万吨", "trade"),
        ("公路口岸进出境货物18万吨。", "18万吨", "trade"),
        # government debt and tax relief are public finance; costs and capacities other
        ("截至9月末，全县政府债务余额31.5亿元。", "31.5亿元", "public_finance"),
        ("全年新增减税降费4.7亿元。", "4.7亿元", "public_finance"),
        ("新通道每年可为企业节约运输成本1.6亿元。", "1.6亿元", "other"),
        ("新建冷库日处理能力300吨。", "300吨", "other"),
    ],
)
def test_open_heads_and_money_words(text, mention, category):
    assert figures(text)[mention].category == category


@pytest.mark.parametrize(
    "text, mention, category",
    [
        # a qualifier after the number is no noun of its own (日均…列左右: the trains counted before)
        ("今年中欧班列开行2100列，同比增长8%，日均开行6列左右。", "6列", "logistics"),
        # a bracketed remark of what is in or out is no head; a bracketed noun is one
        ("全年固定资产投资（不含农户）比上年增长6.1%。", "6.1%", "investment"),
        ("全市新增落地协作企业（项目）18个。", "18个", "projects"),
        # vehicles counted as trips are traffic, whatever crosses
        ("口岸验放出入境货车5.6万辆次。", "5.6万辆次", "logistics"),
    ],
)
def test_qualifiers_brackets_and_trips(text, mention, category):
    assert figures(text)[mention].category == category


@pytest.mark.parametrize(
    "text, mention, category",
    [
        # 家 counts the firms of a trade or sector; 个 counts the sectors; zones counted stay other
        ("今年引进先进制造产业4家、现代物流7家。", "4家", "enterprises"),
        ("今年引进先进制造产业4家、现代物流7家。", "7家", "enterprises"),
        ("全县培育特色产业6个。", "6个", "other"),
        ("全省的国家级高新技术产业开发区增至12家。", "12家", "other"),
        # a sector before a share is a part of the whole the figure before measures
        ("新签约项目48个，其中先进制造产业占比55%。", "55%", "projects"),
        # a government allocating money, customs declarations
        ("州本级安排资金2.4亿元，用于产业发展。", "2.4亿元", "public_finance"),
        ("海关全年受理报关单4.1万票。", "4.1万票", "trade"),
    ],
)
def test_trades_sectors_and_allocations(text, mention, category):
    assert figures(text)[mention].category == category


# The forward keyword search as the plain alternation it replaced: every word, longest first, the
# aid-fund patterns among the words of their length
_PLAIN_FORWARD = re.compile("|".join(p for p, _ in sorted(
    [*((re.escape(w), len(w)) for w in mr.KEYWORD_CATEGORY), (mr.AID_FUND[0], 4), (mr.AID_FUND_TO, 6)],
    key=lambda p: -p[1])))


@pytest.mark.parametrize("text", ["外资项目投资额均超过", "累计投入援博资金和帮扶固原市资金", "社会消费品零售总额",
                                  "进出口货物和货物", "没有关键词", "".join(h.example for h in mr.HEADS.values())])
def test_forward_keyword_trie_finds_what_the_plain_alternation_finds(text):
    assert [m.span() for m in mr.KEYWORDS.finditer(text)] == [m.span() for m in _PLAIN_FORWARD.finditer(text)]


@pytest.mark.parametrize(
    "text, mention, category",
    [
        # rates after 分别 pair one to one with the figures before, when nothing is measured between
        ("全年接待游客860万人次，实现旅游综合收入61亿元，分别增长21.3%和18.6%。", "21.3%", "people"),
        ("全年接待游客860万人次，实现旅游综合收入61亿元，分别增长21.3%和18.6%。", "18.6%", "other"),
        # ... and a measure of their own is kept: the 分别 is of groups
        ("城乡居民人均可支配收入分别增长5.1%和6.9%。", "6.9%", "other"),
        # shares of several wholes: the first figure is of the first whole
        ("共实施项目40个，总投资88亿元，分别占全县项目数和总投资的61.5%和57.2%。", "61.5%", "projects"),
        ("共实施项目40个，总投资88亿元，分别占全县项目数和总投资的61.5%和57.2%。", "57.2%", "investment"),
    ],
)
def test_respectively(text, mention, category):
    assert figures(text)[mention].category == category


@pytest.mark.parametrize(
    "text, mention, category",
    [
        ("全县城镇登记失业率控制在3.2%以内。", "3.2%", "people"),
        ("全市快递业务量突破2.4亿件。", "突破2.4亿件", "logistics"),  # not the firm 业 of 业务
        ("全州鲜奶收购量达到1.8万吨。", "1.8万吨", "trade"),
        ("海关为辖区企业签发原产地证书840份。", "840份", "public_service"),
        ("已有17家内地律师事务所在区内设立分支机构。", "17家", "enterprises"),
        ("指挥部今年引进苏企9家落户。", "9家", "enterprises"),
        ("游客在景区的消费金额约4.6亿元。", "约4.6亿元", "trade"),
        ("前三季度跨境人民币结算量达860亿元。", "860亿元", "other"),
        ("县里统筹整合涉农资金4100万元。", "4100万元", "public_finance"),
        ("一列满载48节车皮的货运列车驶出站台。", "48节", "logistics"),
        ("每年可减少二氧化碳排放3.5万吨。", "3.5万吨", "other"),
        ("新建、改扩建中小学和幼儿园41所，新增学位2.2万个。", "2.2万个", "other"),
        ("项目一期交付住宅2600套。", "2600套", "other"),
        # budget money spent as investment is still the budget's; credit and profit are other
        ("全年争取中央预算内投资3.1亿元。", "3.1亿元", "public_finance"),
        ("完成财政投资1.2亿元。", "1.2亿元", "public_finance"),
        ("企业完成投资9亿元。", "9亿元", "investment"),
        ("累计发放小额信贷1.7亿元。", "1.7亿元", "other"),
        ("规上工业企业实现利润26亿元。", "26亿元", "other"),
        ("新改建农村公路140公里。", "140公里", "logistics"),
    ],
)
def test_vocabulary_of_work_reports_and_ports(text, mention, category):
    assert figures(text)[mention].category == category


GUIDE = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "ANNOTATION.md"


def _guide_examples() -> list[tuple[str, str]]:
    """(category, example) of ANNOTATION.md's category table; examples with a gloss (销售额 of goods)
    or a unit in brackets keep their first word."""
    if not GUIDE.exists():
        return []
    table = GUIDE.read_text(encoding="utf-8").split("## Categories")[1].split("Tie-breaks")[0]
    rows = [re.match(r"\| (\w+) \| [^|]+ \| (.+) \|$", line) for line in table.splitlines()]
    return [(m[1], example.split(" ")[0]) for m in rows if m and m[1] != "category" for example in m[2].split(", ")]


@pytest.mark.skipif(not GUIDE.exists(), reason="../shared not present")
@pytest.mark.parametrize("category, example", _guide_examples())
def test_the_table_agrees_with_the_guides_examples(category, example):
    assert nearest_keyword(example, counted=True)[1] == category

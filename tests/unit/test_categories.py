"""Categories by the metric's head noun (categories.tsv, metric.py); our own sentences."""

from datetime import date

import pytest

from flows.extract import extract_figures
from flows.extract.metric import nearest_keyword
from flows.records import Article
from flows.rules import metrics as mr
from flows.rules.vocab import CATEGORIES


def figures(text, published=date(2024, 3, 1)):
    article = Article(source="t.txt", content_hash="x", original_text=text, text=text, title=None,
                      published_date=published)
    return {f.mention: f for f in extract_figures(article)}


def test_every_row_is_a_category_of_the_guide_and_a_known_kind():
    assert {head.category for head in mr.HEADS.values()} <= set(CATEGORIES)
    assert {head.kind for head in mr.HEADS.values()} <= {"measure", "thing", "firm", "name", "event"}


@pytest.mark.parametrize("noun", sorted(mr.HEADS))
def test_every_rows_example_is_matched_by_that_row(noun):
    # the example up to the noun ends with it: no longer row shadows it there
    example = mr.HEADS[noun].example
    assert noun in example
    assert nearest_keyword(example[:example.index(noun) + len(noun)], counted=True)[0] == noun


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
